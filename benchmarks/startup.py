"""How long from launching `interview-practice` to its first screen, as a person sees it in a terminal.

The studio is started in a pseudo-terminal (80x24), exactly as from a shell; the clock stops when the setup
screen's title has been drawn. The speech model loads in the background afterwards, so it is not in this
figure, and the largest resident memory in the seconds after the model is loaded (while the scorer's
sentence-embedding model warms up too) is printed as well.

    .venv/bin/python benchmarks/startup.py [--runs 5]

Last line: first_screen_s=S first_screen_max_s=S rss_after_model_mb=M
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_SCREEN_MARK = b"Setup"
MODEL_READY_MARK = b"Speech model ready"
SCORER_WARMUP_S = 4.0  # memory is sampled this long after the speech model, while the scorer's models load


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def launch_once(home: Path) -> tuple[float, float]:
    """Seconds to the first screen, and the resident memory (MB) once the model is loaded."""
    command = [str(Path(sys.executable).parent / "interview-practice")]
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
        "INTERVIEW_PRACTICE_HOME": str(home),
    }
    controller, terminal = pty.openpty()
    os.set_blocking(controller, False)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=terminal, stdout=terminal, stderr=terminal, env=env, cwd=ROOT, start_new_session=True
    )
    os.close(terminal)
    seen, first_screen, rss = b"", None, 0.0
    model_ready_at: float | None = None
    deadline = started + 60
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(controller, 65536)
                except OSError:
                    break
            if first_screen is None and FIRST_SCREEN_MARK in seen:
                first_screen = time.perf_counter() - started
            if first_screen is not None and MODEL_READY_MARK in seen:
                if model_ready_at is None:
                    model_ready_at = time.perf_counter()
                # the scorer's own models (sentence embeddings) warm up right after the speech model
                rss = max(rss, rss_mb(process.pid))
                if time.perf_counter() - model_ready_at > SCORER_WARMUP_S:
                    break
    finally:
        process.terminate()
        process.wait(timeout=10)
        os.close(controller)
    if first_screen is None:
        raise SystemExit(f"the first screen never appeared; output was:\n{seen[-2000:]!r}")
    return first_screen, rss


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times, memory = [], []
    with tempfile.TemporaryDirectory() as home:
        for number in range(args.runs):
            first, rss = launch_once(Path(home))
            times.append(first)
            memory.append(rss)
            print(f"run {number + 1}: first screen {first:.3f} s, {rss:.0f} MB once the model is loaded")
    print(
        f"first_screen_s={statistics.median(times):.3f} first_screen_max_s={max(times):.3f} "
        f"rss_after_model_mb={max(memory):.0f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
