"""One error base for what a person can fix, and a log file that never holds an answer."""

from __future__ import annotations

import ast
import stat
from pathlib import Path

import pytest
from conftest import run_cli

from practice.cli.commands import main
from practice.cli.common import EXIT_FAILED
from practice.core.errors import PracticeError
from practice.storage.history import StoreError
from practice.storage.logs import log_path

PRACTICE = Path(__file__).resolve().parent.parent / "practice"


def test_every_error_class_of_practice_derives_from_the_one_base() -> None:
    import importlib

    found = []
    for path in sorted(PRACTICE.rglob("*.py")):
        module = ".".join(path.relative_to(PRACTICE.parent).with_suffix("").parts)
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef) and node.name.endswith("Error"):
                found.append(getattr(importlib.import_module(module), node.name))
    assert len(found) >= 17
    assert [cls for cls in found if not issubclass(cls, PracticeError)] == []


def test_the_hint_follows_the_message_unless_the_message_already_says_it() -> None:
    assert PracticeError("the disk is full").with_hint("Free some space.").explain() == (
        "the disk is full\nFree some space."
    )
    assert PracticeError("the disk is full: free some space").with_hint("free some space").explain() == (
        "the disk is full: free some space"
    )
    # The standard bases stay, so code catching RuntimeError still catches a StoreError.
    assert issubclass(StoreError, RuntimeError)


def test_the_command_line_prints_any_practice_error_in_one_place(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_args: object) -> int:
        raise StoreError("The history database cannot be opened.").with_hint("Check the data folder.")

    monkeypatch.setattr("practice.cli.commands._cmd_banks", broken)
    assert main(["banks", "list"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert err == "error: The history database cannot be opened.\nCheck the data folder.\n"
    assert "StoreError" in log_path().read_text()


def test_the_log_is_private_capped_and_never_holds_the_answer(tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text("At Zanzibarco I cut the deploy time by 43 percent by rewriting the pipeline myself.")
    result = run_cli("score", "--text", str(answer), "--question", "Tell me about a result.", "--verbose")
    assert result.returncode == 0, result.stderr
    assert "command score" in result.stderr  # --verbose prints the log too
    log = log_path()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert "command score" in log.read_text()
    assert "Zanzibarco" not in log.read_text() and "Zanzibarco" not in result.stderr
    from practice.storage import logs

    assert logs.MAX_BYTES <= 5_000_000 and logs.BACKUPS >= 1
