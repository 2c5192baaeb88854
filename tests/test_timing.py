"""Answer targets: per question from the bank, stored with the session, and which answers ran long."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from practice.core.banks import Bank, Question
from practice.core.records import AttemptRecord
from practice.core.session import start_session
from practice.core.timing import long_answers, stored_target, target_for

NOW = datetime(2026, 2, 1, 9, 0)
QUESTIONS = (
    Question("story", "Tell me about a time you led a project.", "behavioral", target_seconds=120),
    Question("why", "Why this role?", "motivation"),
)
BANK = Bank("b", "Bank", "", Path("/b.toml"), QUESTIONS)


def attempt(question: str, number: int, duration: float | None, source: str = "spoken") -> AttemptRecord:
    return AttemptRecord("s", question, question, number, NOW, duration_s=duration, source=source)


def test_a_question_keeps_its_banks_target_and_the_session_stores_them(tmp_path: Path) -> None:
    assert target_for(QUESTIONS[0], 60) == 120 and target_for(QUESTIONS[1], 60) == 60
    session, record = start_session(
        BANK,
        count=2,
        shuffle=False,
        target_s=60,
        recordings=tmp_path,
        panel=[],
        now=NOW,
        seed=None,
        job_text=None,
        job_title=None,
        settings={"answer_target_s": 60, "hard_limit": True},
    )
    assert session.hard_limit and session.current_target_s == 120
    assert record.settings["question_targets"] == {"story": 120, "why": 60}
    assert stored_target(record.settings, "why") == 60 and stored_target(record.settings, "gone") == 60
    assert stored_target({}, "story") is None  # a session stored before targets, without a default


def test_long_answers_are_the_spoken_ones_past_their_own_target() -> None:
    settings = {"answer_target_s": 60, "question_targets": {"story": 120, "why": 60}}
    answers = [
        attempt("story", 1, 100.0),  # long for the default, within its own target
        attempt("why", 1, 75.0),
        attempt("why", 2, 300.0, source="typed"),  # a typed answer has no time of its own
        attempt("story", 2, None),
    ]
    (long,) = long_answers(answers, settings)
    assert long.attempt is answers[1] and long.target_s == 60 and long.over_s == 15 and not long.stopped


def test_a_take_ending_at_a_hard_limit_counts_as_stopped() -> None:
    settings = {"answer_target_s": 60, "question_targets": {"why": 60}, "hard_limit": True}
    stopped, short = attempt("why", 1, 59.8), attempt("why", 2, 30.0)
    (long,) = long_answers([stopped, short], settings)
    assert long.attempt is stopped and long.stopped
    assert long_answers([stopped], {**settings, "hard_limit": False}) == []
