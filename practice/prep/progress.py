"""Progress you can see: the best answer so far to each question, with how often it was answered and when
FSRS brings it back (practice/core/spaced.py), for the history screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from practice.core.records import AttemptRecord
from practice.core.spaced import schedule
from practice.prep.plan import all_attempts, by_question, question_reviews
from practice.storage.history import Store


@dataclass(frozen=True)
class BestAnswer:
    question: str
    best: AttemptRecord
    """The answer with the highest trusted overall score (the latest of equals)."""
    answers: int
    """Scored answers to the question, in every session."""
    first: int | None
    """The overall score of the first scored answer: how far the best has come."""
    due_at: datetime | None
    """When FSRS brings the question back."""


def best_answers(attempts: list[AttemptRecord]) -> list[BestAnswer]:
    """One row per question with a trusted score, the question due soonest first."""
    rows: list[BestAnswer] = []
    for group in by_question(attempts).values():
        scored = [a for a in group if a.score("overall") is not None]
        if not scored:
            continue
        best = max(scored, key=lambda a: (a.score("overall") or 0, a.created_at))
        card = schedule(question_reviews(group))
        rows.append(
            BestAnswer(
                best.question_text, best, len(scored), scored[0].score("overall"), card.due if card else None
            )
        )
    return sorted(
        rows, key=lambda r: (r.due_at is None, r.due_at.timestamp() if r.due_at else 0.0, r.question)
    )


def history_best_answers(store: Store) -> list[BestAnswer]:
    return best_answers(all_attempts(store))
