"""A session report: everything an export shows, read once from the history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from practice.core.records import SCORE_KEYS, AttemptRecord, SessionRecord, TrendPoint
from practice.prep.coverage import CoverageMatrix, session_coverage
from practice.storage.history import Store


@dataclass(frozen=True)
class SessionReport:
    """Everything a report shows, read once from the store."""

    session: SessionRecord
    attempts: list[AttemptRecord]
    coverage: CoverageMatrix
    trend: list[TrendPoint]
    """Every scored attempt of every session, oldest first (the "over all sessions" chart)."""
    interviewers: list[tuple[str, str]]
    generated_at: datetime


def load_report(store: Store, session_id: str) -> SessionReport:
    session = store.session(session_id)
    if session is None:
        raise LookupError(
            f"no session {session_id!r} in the history (`interview-practice history` lists them)"
        )
    return SessionReport(
        session,
        store.attempts(session_id),
        session_coverage(store, session_id),
        store.trend(),
        store.session_interviewers(session_id),
        store.clock(),
    )


def question_numbers(attempts: list[AttemptRecord]) -> dict[str, int]:
    """Question id -> 1-based number in the order first answered (the summary screen's numbering)."""
    numbers: dict[str, int] = {}
    for attempt in attempts:
        numbers.setdefault(attempt.question_id, len(numbers) + 1)
    return numbers


def averages(attempts: list[AttemptRecord]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for key in ("overall", *SCORE_KEYS):
        scores = [s for a in attempts if (s := a.score(key)) is not None]
        out[key] = sum(scores) / len(scores) if scores else None
    return out


def attempt_label(attempt: AttemptRecord, numbers: dict[str, int]) -> str:
    """ "Q2 try 1": short enough for a chart's x axis."""
    return f"Q{numbers.get(attempt.question_id, 0)} try {attempt.attempt_no}"
