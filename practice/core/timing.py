"""Timed answers: each question's target (its bank's `target_seconds`, else the person's default), whether an
answer ran long, and whether a take was stopped at a hard limit.

A session keeps the targets it was practiced with in its settings (`question_targets`, and `hard_limit` from the
person's settings), so a summary read months later judges each answer by the target it was given, even when the
bank changed since.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from practice.core.banks import Question
from practice.core.records import AttemptRecord

#: A take stopped by the hard limit ends within this much of it (the level meter ticks about every 0.1 s,
#: and the recorder's duration counts the last block); longer is a take that ran on to the limit.
LIMIT_SLACK_S = 1.5


def target_for(question: Question, default_s: int) -> int:
    """The question's own target from its bank, or the person's default."""
    return question.target_seconds or default_s


def question_targets(questions: Iterable[Question], default_s: int) -> dict[str, int]:
    """question id -> target, as the session stores it."""
    return {q.id: target_for(q, default_s) for q in questions}


@dataclass(frozen=True)
class LongAnswer:
    """An answer that went past its target."""

    attempt: AttemptRecord
    target_s: int
    stopped: bool
    """True when the hard limit stopped the take (it may have had more to say)."""

    @property
    def over_s(self) -> float:
        return (self.attempt.duration_s or 0.0) - self.target_s


def stored_target(settings: Mapping[str, Any], question_id: str) -> int | None:
    """The target an answer of this session was given: its question's, else the session's default, else None
    (a session stored before targets were kept, with no default either)."""
    targets = settings.get("question_targets")
    if isinstance(targets, Mapping):
        value = targets.get(question_id)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
    default = settings.get("answer_target_s")
    return default if isinstance(default, int) and not isinstance(default, bool) and default > 0 else None


def long_answers(attempts: Iterable[AttemptRecord], settings: Mapping[str, Any]) -> list[LongAnswer]:
    """The answers of a session that ran past their target, in order (typed answers have no time)."""
    hard = settings.get("hard_limit") is True
    found: list[LongAnswer] = []
    for attempt in attempts:
        target = stored_target(settings, attempt.question_id)
        if target is None or attempt.duration_s is None or attempt.source == "typed":
            continue
        stopped = hard and attempt.source == "spoken" and attempt.duration_s >= target - LIMIT_SLACK_S
        if attempt.duration_s > target or stopped:
            found.append(LongAnswer(attempt, target, stopped))
    return found
