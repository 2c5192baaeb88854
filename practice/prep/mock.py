"""A full mock interview, built from the question banks (and the job, when one is given), in interview order:

    warm-up        an opener ("Tell me about yourself")
    behavioural    two "tell me about a time" stories, from the behavioural banks
    role           with a job: the tailored questions of its first must-have requirements (practice/prep/
                   tailor.py); without one: the chosen bank's role questions, else the generic ones
    motivation     "why this company" naming the company when the posting says which; else a "why" question
    your questions the person's turn to ask (a question tagged `your-questions`), with the interviewer saying so
    closing        one closing question ("Is there anything we have not covered ...")

Questions are drawn by their bank metadata: the category of each question, the bank's tags (`behavioral`,
`role`) and the question tag `your-questions` (question_banks/README.md). Eight questions of 30 to 90 seconds
each: with the question read out and a review after each answer, about 20 to 30 minutes.

The draw is random within a section (so a second mock is not the same interview) and repeatable with a seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from feedback import JobChoices
from feedback.questions import question_kind
from practice.core.banks import YOUR_QUESTIONS_TAG, Bank, Question, with_unique_id
from practice.core.mock import SECTIONS, YOUR_QUESTIONS, YOUR_TURN
from practice.prep.tailor import Tailored, tailor

MOCK_BANK_ID = "mock-interview"
MOCK_BANK_NAME = "Mock interview"
#: Asked when no bank has a question of the kind (a person's own banks may replace the built-in ones).
_FALLBACK = {
    "warm-up": Question("tell-me-about-yourself", "Tell me about yourself.", "opener", target_seconds=60),
    "motivation": Question(
        "why-this-company", "Why do you want to work here in particular?", "motivation", target_seconds=60
    ),
    YOUR_QUESTIONS: Question(
        "your-questions",
        "What questions do you have for us?",
        "closing",
        target_seconds=60,
        tags=(YOUR_QUESTIONS_TAG,),
    ),
    "closing": Question(
        "anything-else",
        "Is there anything we have not covered that you think we should know about you?",
        "closing",
        target_seconds=45,
    ),
}


@dataclass(frozen=True)
class MockInterview:
    bank: Bank
    sections: list[str]
    """The section of each question of the bank, in order."""
    notes: list[str]
    """Where a section's questions came from, in words ("Role: from 2 must-haves of the posting")."""

    @property
    def minutes(self) -> int:
        """The answering time the questions ask for, in minutes (the reviews come on top)."""
        return round(sum(q.target_seconds or 60 for q in self.bank.questions) / 60)


def _questions(banks: Iterable[Bank], keep: Callable[[Bank, Question], bool]) -> list[Question]:
    return [q for bank in banks for q in bank.questions if keep(bank, q)]


def _draw(rng: random.Random, pool: Sequence[Question], count: int, taken: set[str]) -> list[Question]:
    """`count` questions of `pool` not asked yet (by text), drawn at random."""
    fresh = list({q.text.strip().lower(): q for q in pool if q.text.strip().lower() not in taken}.values())
    picked = rng.sample(fresh, min(count, len(fresh)))
    taken.update(q.text.strip().lower() for q in picked)
    return picked


def _role_pool(banks: Sequence[Bank], role_bank: Bank | None) -> tuple[list[Question], str]:
    """Role questions without a job: the chosen bank's, else those of the banks for any role."""
    if role_bank is not None:
        own = [q for q in role_bank.questions if q.category in ("role", "technical")]
        if own:
            return own, f"from {role_bank.name}"
    generic = _questions(banks, lambda b, q: q.category == "role" and "role" not in b.tags)
    return generic, "general role questions (pick a role bank, or paste the job, for your own role)"


def build_mock(
    banks: Sequence[Bank],
    job_text: str | None = None,
    choices: JobChoices | None = None,
    role_bank: Bank | None = None,
    seed: int | None = None,
) -> MockInterview:
    """The mock interview's questions and sections; see the module docstring for what goes where."""
    rng = random.Random(seed)
    tailored: Tailored | None = tailor(job_text, choices) if job_text and job_text.strip() else None
    taken: set[str] = set()
    notes: list[str] = []
    picked: dict[str, list[Question]] = {}
    sizes = {s.key: s.size for s in SECTIONS}

    picked["warm-up"] = _draw(rng, _questions(banks, lambda b, q: q.category == "opener"), 1, taken)
    stories = _questions(banks, lambda b, q: q.category == "behavioral" and "behavioral" in b.tags)
    stories = stories or _questions(banks, lambda b, q: q.category == "behavioral")
    picked["behavioural"] = _draw(rng, stories, sizes["behavioural"], taken)

    must = [q for q in tailored.questions if q.targets] if tailored else []
    role = must[: sizes["role"]]  # in the posting's order: the first must-haves are usually the main ones
    taken.update(q.text.strip().lower() for q in role)
    if role:
        notes.append(
            f"Role: {len(role)} must-have requirement(s) of {tailored.heading if tailored else 'the job'}"
        )
    if len(role) < sizes["role"]:
        pool, where = _role_pool(banks, role_bank)
        role += _draw(rng, pool, sizes["role"] - len(role), taken)
        notes.append(f"Role: {where}")
    picked["role"] = role

    if tailored is not None and tailored.company:
        picked["motivation"] = [q for q in tailored.questions if q.id == "why-company"][:1]
        notes.append(f"Motivation: why {tailored.company}")
    else:
        whys = _questions(
            banks, lambda b, q: q.category == "motivation" and question_kind(q.text) == "motivation"
        )
        picked["motivation"] = _draw(rng, whys, 1, taken)
        notes.append("Motivation: a general why question (no company named)")

    turn = [q for q in tailored.questions if YOUR_QUESTIONS_TAG in q.tags] if tailored else []
    turn = turn or _draw(rng, _questions(banks, lambda b, q: YOUR_QUESTIONS_TAG in q.tags), 1, taken)
    turn = turn[:1] or [_FALLBACK[YOUR_QUESTIONS]]
    picked[YOUR_QUESTIONS] = [replace(q, text=f"{YOUR_TURN} {q.text}") for q in turn]
    closing = _questions(banks, lambda b, q: q.category == "closing" and YOUR_QUESTIONS_TAG not in q.tags)
    picked["closing"] = _draw(rng, closing, 1, taken)

    questions: list[Question] = []
    sections: list[str] = []
    ids: set[str] = set()
    for section in SECTIONS:
        chosen = picked.get(section.key) or ([_FALLBACK[section.key]] if section.key in _FALLBACK else [])
        for question in chosen:
            questions.append(with_unique_id(question, ids))
            sections.append(section.key)
    heading = tailored.heading if tailored else None
    description = "A whole interview in order: " + ", ".join(s.title.lower() for s in SECTIONS) + "."
    bank = Bank(
        MOCK_BANK_ID,
        f"{MOCK_BANK_NAME}: {heading}" if heading and heading != "this job" else MOCK_BANK_NAME,
        description,
        Path(f"{MOCK_BANK_ID}.toml"),
        tuple(questions),
        ("mock",),
    )
    return MockInterview(bank, sections, notes)
