"""Which follow-up a session asks: one per answer to the question, none when off, and a must-have question
only while no earlier answer of the session has shown that must-have."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from feedback import score_answer
from practice.core.follow_ups import follow_up_to_ask
from practice.core.records import AttemptRecord

JOB = (
    "Lakeside Clinic - Scheduler\n\nRequirements:\n- Booking appointments in Epic\n- Insurance verification\n"
)
WHEN = datetime(2026, 2, 2, 9, 0)


def _attempt(question: str, text: str, number: int = 1, **kw: object) -> AttemptRecord:
    feedback = score_answer(question, text, JOB, model="rules").to_dict()
    return AttemptRecord(
        "s", "q", question, number, WHEN, transcript=text, feedback=feedback, id=number, **kw
    )


def test_one_follow_up_per_answer_and_none_when_off() -> None:
    answer = _attempt("Why do you want to work here?", "It seems like a great company.")
    asked = follow_up_to_ask(answer, [])
    assert asked is not None and asked.reason == "motivation"
    assert follow_up_to_ask(answer, [], enabled=False) is None
    assert follow_up_to_ask(replace(answer, follow_up_of=7), []) is None  # no follow-up of a follow-up
    assert follow_up_to_ask(replace(answer, id=None), []) is None  # not saved: nothing to link to


def test_a_must_have_shown_earlier_in_the_session_is_not_asked_about_again() -> None:
    summary = _attempt("Tell me about yourself.", "I love puzzles, hiking and my two cats.", 2)
    asked = follow_up_to_ask(summary, [])
    assert asked is not None and asked.reason == "requirement" and asked.requirement
    shown = (
        "Last spring I booked every new patient myself in Epic and I verified their insurance before the "
        "visit. No-shows fell from 30 to 12 a month."
    )
    earlier = _attempt("Tell me about a time you cleared a backlog.", shown, 1)
    covered = [r.text for r in earlier.result.alignment.requirements if r.status == "covered"]
    assert asked.requirement in covered
    assert follow_up_to_ask(summary, [earlier]) is None
    unrelated = _attempt("Tell me about a time you helped a friend.", "I drove my friend to the airport.", 1)
    assert follow_up_to_ask(summary, [unrelated]) == asked
