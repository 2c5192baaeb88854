"""How long measuring the voice of one answer takes: decode, Praat's two pitch passes and intensity, figures.

Usage: python benchmarks/voice_speed.py [--seconds 120] [--runs 3]. The answer is espeak-ng speech (en-us,
150 words a minute) of about `--seconds`, written once to a temporary WAV; each run measures it whole, as the
review's worker does after an answer. The last line is machine-readable:
`voice_s_median=.. voice_s_max=.. answer_s=.. realtime_factor=..` (seconds of measuring per second of answer).
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from practice.answers.voice import measure_voice  # noqa: E402

SENTENCES = (
    "In my last role I led the migration of our billing system to a new platform.",
    "The old system failed every month end, and customers were charged twice.",
    "I planned the move in three stages and tested each one with real invoices.",
    "After the switch, failed payments dropped by forty percent.",
    "I also wrote the runbook that the support team still uses today.",
    "Looking back, I would start the testing even earlier, because it found most of the problems.",
)


def spoken_answer(seconds: float, path: Path) -> float:
    """Writes about `seconds` of espeak-ng speech to `path`; returns its length."""
    pieces: list[np.ndarray] = []
    rate, total, index = 22_050, 0.0, 0
    while total < seconds:
        out = subprocess.run(
            ["espeak-ng", "-v", "en-us", "-s", "150", "--stdout", SENTENCES[index % len(SENTENCES)]],
            capture_output=True,
            check=True,
        ).stdout
        samples, rate = soundfile.read(io.BytesIO(out))
        pieces.append(samples)
        total += len(samples) / rate
        index += 1
    soundfile.write(path, np.concatenate(pieces), rate)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answer.wav"
        length = spoken_answer(args.seconds, path)
        measure_voice(path)  # warm-up: parselmouth's import (about half a second) is paid once per process
        timings = []
        for run in range(args.runs):
            started = time.perf_counter()
            profile = measure_voice(path)
            timings.append(time.perf_counter() - started)
            print(f"run {run + 1}: {timings[-1]:.2f} s (pitch spread {profile.pitch_sd_st} semitones)")
    median = statistics.median(timings)
    print(
        f"voice_s_median={median:.2f} voice_s_max={max(timings):.2f} answer_s={length:.1f} "
        f"realtime_factor={median / length:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
