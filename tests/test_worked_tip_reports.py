"""A retry's tip, and whether it was followed, in the exports and `interview-practice history` (a real store,
answers scored by the real feedback library, the retry judged by the real answer pipeline)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from practice.answers.pipeline import AnswerContext, process_answer
from practice.answers.scoring import default_scorer
from practice.cli import main
from practice.core.records import AttemptRecord, SessionRecord, WorkedTip
from practice.reports.html import session_html
from practice.reports.markdown import session_markdown
from practice.reports.model import load_report
from practice.storage.history import Store

START = datetime(2026, 3, 2, 9, 0)
QUESTION = "Tell me about a time you sped something up."
VAGUE = "Our builds were slow. I cached the dependencies and I split the test run. Builds got much faster."
MEASURED = (
    "Our builds were slow. I cached the dependencies and I split the test run. "
    "After that a build took eight minutes instead of forty, an 80 percent cut."
)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    path = tmp_path / "history.sqlite3"
    store = Store(path)
    ctx = AnswerContext(store, default_scorer, SessionRecord("s1", START, "bank", "Bank"), None)
    first = process_answer(ctx, AttemptRecord("s1", "q1", QUESTION, 1, START, source="typed"), text=VAGUE)
    assert first.result is not None
    # the story has no result yet: its tip asks for one (with a number, or a number for it)
    kinds = first.result.tip_kinds
    index = next(i for i, kind in enumerate(kinds) if kind in ("result", "measurable_result"))
    worked = WorkedTip(first.result.tips[index], kinds[index], 1)
    later = START + timedelta(minutes=2)
    draft = AttemptRecord("s1", "q1", QUESTION, 2, later, source="typed", worked_tip=worked)
    process_answer(ctx, draft, text=MEASURED)
    monkeypatch.setenv("INTERVIEW_PRACTICE_DB", str(path))
    return store


def test_markdown_says_which_tip_a_retry_worked_on_and_that_it_was_followed(db: Store) -> None:
    text = session_markdown(load_report(db, "s1"))
    assert "| Tip worked on |" in text
    rows = [line for line in text.splitlines() if line.startswith("| 1 |")]
    assert rows[0].endswith("|  |") and rows[1].endswith("| tip followed |")
    tip = db.attempts("s1")[1].worked_tip
    assert tip is not None and f"Worked on the tip of try 1 (“{tip.tip[:30]}" in text
    assert "tip followed, a measured result now" in text


def test_html_marks_the_retry_followed(db: Store) -> None:
    page = session_html(load_report(db, "s1"))
    assert page.count('class="worked-tip followed"') == 1
    assert "Worked on the tip of try 1" in page


def test_history_command_prints_and_exports_the_worked_tip(
    db: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "s1"]) == 0
    out = capsys.readouterr().out
    assert "Worked on the tip of try 1" in out and "tip followed" in out
    assert main(["history", "s1", "--json"]) == 0
    attempts = json.loads(capsys.readouterr().out)["attempts"]
    assert attempts[0]["worked_tip"] is None
    assert attempts[1]["worked_tip"]["verdict"] == "yes" and attempts[1]["worked_tip"]["from_attempt"] == 1
