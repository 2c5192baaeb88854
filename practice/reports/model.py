"""A session report: everything an export shows, read once from the history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from practice.core.mock import stored_sections
from practice.core.records import (
    SCORE_KEYS,
    AttemptRecord,
    SessionRecord,
    TrendPoint,
    follow_up_note,
    parent_of,
)
from practice.core.voice_compare import comparison_lines
from practice.prep.coverage import CoverageMatrix, session_coverage
from practice.prep.readiness import Readiness, session_readiness
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
    voice_compared: dict[int, list[str]] = field(default_factory=dict)
    """Attempt id -> its voice against the person's earlier answers, in sentences (answers with voice only)."""
    readiness: Readiness | None = None
    """A mock interview's second-round readiness list (practice.prep.readiness); None for other sessions."""


def load_report(store: Store, session_id: str) -> SessionReport:
    session = store.session(session_id)
    if session is None:
        raise LookupError(
            f"no session {session_id!r} in the history (`interview-practice history` lists them)"
        )
    attempts = store.attempts(session_id)
    return SessionReport(
        session,
        attempts,
        session_coverage(store, session_id),
        store.trend(),
        store.session_interviewers(session_id),
        store.clock(),
        voice_compared(store, attempts),
        session_readiness(store, session_id) if stored_sections(session.settings) is not None else None,
    )


def voice_compared(store: Store, attempts: list[AttemptRecord]) -> dict[int, list[str]]:
    """Each measured answer's voice against the answers before it, as the review said it."""
    out: dict[int, list[str]] = {}
    for attempt in attempts:
        voice = attempt.result.delivery.voice if attempt.result else None
        if voice is not None and attempt.id is not None:
            out[attempt.id] = comparison_lines(voice, store.voice_profiles(before=attempt))
    return out


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


def follow_up_line(attempt: AttemptRecord, attempts: list[AttemptRecord]) -> str | None:
    """ "Follow-up to try 1 (no measured result)" for an answer to a follow-up question; None for the others."""
    parent = parent_of(attempt, attempts)
    note = follow_up_note(attempt, parent.attempt_no if parent else None)
    return note.replace("attempt", "try").capitalize() if note else None


def try_label(attempt: AttemptRecord, attempts: list[AttemptRecord]) -> str:
    """The attempt's number in a table, with the try it follows up ("2, follow-up to 1")."""
    parent = parent_of(attempt, attempts)
    if attempt.follow_up_of is None:
        return str(attempt.attempt_no)
    return f"{attempt.attempt_no}, follow-up" + (f" to {parent.attempt_no}" if parent else "")


def attempt_label(attempt: AttemptRecord, numbers: dict[str, int]) -> str:
    """ "Q2 try 1": short enough for a chart's x axis."""
    return f"Q{numbers.get(attempt.question_id, 0)} try {attempt.attempt_no}"
