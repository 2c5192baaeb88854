"""What `make test` runs: the project's default pytest options (soak runs left out) decide it, so they are
checked here, apart from the tests they select."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOAK = ROOT / "tests" / "test_soak.py"


def test_the_suite_runs_the_short_soak_and_make_soak_the_long_one() -> None:
    """`make test` runs pytest with the project's default options (soak left out); `make soak` runs -m soak."""

    def selected(*options: str) -> list[str]:
        listed = subprocess.run(
            [sys.executable, "-m", "pytest", "--collect-only", "-q", *options, str(SOAK)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
        return [line.split("::")[-1] for line in listed.stdout.splitlines() if "::" in line]

    assert "test_many_answers_in_one_session[short]" in selected()
    assert "test_many_answers_in_one_session[long]" not in selected()
    assert selected("-m", "soak") == ["test_many_answers_in_one_session[long]"]
