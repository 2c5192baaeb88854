"""Today's practice as a question bank: exactly the due items of the plan, in the plan's order, so a session
of them is an ordinary session (stored, reviewed and reported like any other).

A due question is asked as its bank has it (category, target time, follow-ups), found by its text among the
banks; a question whose bank is gone is asked from the history's text. A due requirement is asked with the
tailored question that targets it (practice/prep/tailor.py), so the answer is judged against it.

A due question carries the tip its last answer did not follow (Question.carried_tip): the practice screen
shows it as the tip being worked on, and the answer's review says whether it was followed this time, as for
a retry in the same session (feedback.tip_check).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from feedback.scorer import question_kind
from practice.core.banks import MAX_TEXT_CHARS, Bank, Question, with_unique_id
from practice.core.records import WorkedTip
from practice.prep.phrasing import phrase_requirement
from practice.prep.plan import DueItem, Plan, question_key, requirement_id
from practice.prep.tailor import BEHAVIORAL_S, FOLLOW_UPS, clip, question_text, tailor

TODAY_BANK_ID = "today"
TODAY_BANK_NAME = "Today's practice"
_CATEGORY_OF_KIND = {"behavioral": "behavioral", "motivation": "motivation", "other": "role"}


def _known_questions(banks: Iterable[Bank]) -> dict[str, Question]:
    known: dict[str, Question] = {}
    for bank in banks:
        for question in bank.questions:
            known.setdefault(question_key(question.text), question)
    return known


def _requirement_questions(plan: Plan) -> dict[str, Question]:
    """requirement text -> the tailored question that targets it (none without a job)."""
    if not plan.job_text:
        return {}
    found: dict[str, Question] = {}
    for question in tailor(plan.job_text, plan.job_choices).questions:
        for target in question.targets:
            found.setdefault(target, question)
    return found


def _asked_for(requirement: str, tailored: dict[str, Question]) -> Question:
    question = tailored.get(clip(requirement, MAX_TEXT_CHARS))
    if question is not None:
        return question
    # a nice-to-have or a duty: tailoring asks only about must-haves, so phrase its question the same way
    target = clip(requirement, MAX_TEXT_CHARS)
    text = question_text(phrase_requirement(requirement), requirement)
    return Question(
        requirement_id(requirement), text, "behavioral", FOLLOW_UPS, BEHAVIORAL_S, None, (target,)
    )


def carried_tip(item: DueItem) -> WorkedTip | None:
    """The tip a due question's last answer did not follow, for today's first answer to it to work on."""
    last = item.last_attempt
    if item.tip is None or last is None:
        return None
    return WorkedTip(
        item.tip,
        item.tip_kind or "other",
        last.attempt_no,
        from_attempt_id=last.id,
        from_day=last.created_at.date().isoformat(),
    )


def today_bank(plan: Plan, banks: Iterable[Bank]) -> Bank:
    """A bank of exactly the plan's due items, in its order (a requirement already asked by a due question
    is not asked twice)."""
    known = _known_questions(banks)
    tailored = _requirement_questions(plan)
    questions: list[Question] = []
    texts: set[str] = set()
    taken: set[str] = set()
    for item in plan.due:
        if item.kind == "question" and item.question:
            category = _CATEGORY_OF_KIND[question_kind(item.question)]
            question = known.get(question_key(item.question)) or Question(item.id, item.question, category)
            question = replace(question, carried_tip=carried_tip(item))
        elif item.requirement:
            question = _asked_for(item.requirement, tailored)
        else:
            continue
        if question_key(question.text) in texts:
            continue
        texts.add(question_key(question.text))
        questions.append(with_unique_id(question, taken))
    count = len(questions)
    description = (
        f"{count} question{'s' if count != 1 else ''} due today: the weak answers and the job's requirements "
        "not yet evidenced (interview-practice plan)."
    )
    return Bank(TODAY_BANK_ID, TODAY_BANK_NAME, description, Path("today.toml"), tuple(questions), ("today",))
