"""The studio latency benchmark's short run: the real studio on the virtual sound card, an answer played into
the microphone, the review painted with its scores (no timing checks: the figures are the benchmark's)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.soundcard
@pytest.mark.timeout(900)
def test_quick_studio_latency_run_reviews_a_scored_answer(soundcard) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "studio_latency.py"), "--quick", "--profile"],
        capture_output=True,
        text=True,
        timeout=850,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()
    figures = {key: float(value) for key, value in (item.split("=") for item in lines[-1].split())}
    assert list(figures) == ["stop_to_review_s", "p90_s", "lag_s", "wer_stream", "wer_anchor", "peak_rss_mb"]
    assert 100 < figures["peak_rss_mb"] < 4000  # the studio's own resident memory, model loaded
    assert "NOT SCORED" not in result.stdout  # the review came up with its scores
    assert 0 < figures["stop_to_review_s"] <= figures["p90_s"]
    assert figures["wer_anchor"] <= 0.15  # the answer really went through the sound card
    assert figures["wer_stream"] <= figures["wer_anchor"] + 0.05
    # the profile shows the steps in their order: the review is painted after it was composed
    steps = [line.split(" s  ", 1)[1] for line in lines if " s  " in line]
    assert steps.index("review composed begins") < steps.index("painted")
