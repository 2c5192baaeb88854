"""What the history stores: a practice session and each attempt at a question."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from feedback import JobChoices
from feedback.model import Feedback
from practice.core.feedback_view import DIMENSION_KEYS, dimension, feedback_of

#: The dimension scores the history keeps in their own columns (the same three the feedback view shows).
SCORE_KEYS = DIMENSION_KEYS


@dataclass(frozen=True)
class SessionRecord:
    id: str
    started_at: datetime
    bank_id: str
    bank_name: str
    job_title: str | None = None
    job_text: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    job_choices: JobChoices | None = None
    """The person's corrections to the job as read (lines left out, lines added, title, company) when the
    session started: its answers were scored against them, so its coverage and drafts read the job with them."""


@dataclass(frozen=True)
class AttemptRecord:
    session_id: str
    question_id: str
    question_text: str
    attempt_no: int
    created_at: datetime
    recording_path: Path | None = None
    transcript: str | None = None
    words: list[dict[str, Any]] | None = None
    duration_s: float | None = None
    feedback: dict[str, Any] | None = None
    error: str | None = None
    """Why there is no feedback (transcription or scoring failed); the recording is kept regardless."""
    source: str = "spoken"
    """spoken (recorded in the app), typed, or imported (a WAV/FLAC file copied in)."""
    id: int | None = None
    interviewer: str | None = None
    """The panel member who asked (panel mode); None with a single interviewer."""
    follow_up_of: int | None = None
    """For an answer to a follow-up question: the id of the attempt it follows (its question_text is the
    follow-up's words); None for an answer to the question itself."""
    follow_up_reason: str | None = None
    """Why the follow-up was asked (feedback.follow_up: example, personal, result, motivation, requirement)."""

    @cached_property
    def result(self) -> Feedback | None:
        """The feedback as typed objects (practice.core.feedback_view); None when not scored."""
        return feedback_of(self.feedback)

    def score(self, key: str) -> int | None:
        """A dimension score ("examples", ...) or "overall"; None when not scored, or when the recording gave a
        transcript too poor to judge (its quality verdict is not "ok"): such scores are shown in the review,
        dimmed and with the reason, but never counted in averages, trends or comparisons."""
        result = self.result
        if result is None or (result.quality is not None and not result.quality.trusted):
            return None
        if key == "overall":
            return result.overall
        return dimension(result, key).score if key in DIMENSION_KEYS else None


#: Why a follow-up was asked, in a few words for headings and exports (the reasons of feedback.follow_up).
FOLLOW_UP_WHY = {
    "example": "no real example",
    "personal": 'only "we"',
    "result": "no measured result",
    "motivation": "nothing specific on why",
    "requirement": "a must-have not shown",
}


def follow_up_note(attempt: AttemptRecord, parent_no: int | None = None) -> str | None:
    """ "follow-up to attempt 1 (no measured result)" for an answer to a follow-up; None for other answers."""
    if attempt.follow_up_of is None:
        return None
    to = f" to attempt {parent_no}" if parent_no is not None else ""
    why = FOLLOW_UP_WHY.get(attempt.follow_up_reason or "")
    return f"follow-up{to}" + (f" ({why})" if why else "")


def parent_of(attempt: AttemptRecord, others: list[AttemptRecord]) -> AttemptRecord | None:
    """The attempt an answer to a follow-up follows, among `others` (None when it is not one, or not there)."""
    if attempt.follow_up_of is None:
        return None
    return next((a for a in others if a.id == attempt.follow_up_of), None)


@dataclass(frozen=True)
class SessionSummary:
    session: SessionRecord
    attempts: int
    questions: int
    averages: dict[str, float | None]
    """Mean of "overall" and each dimension over the scored attempts."""


@dataclass(frozen=True)
class TrendPoint:
    created_at: datetime
    scores: dict[str, int | None]


@dataclass(frozen=True)
class DeleteResult:
    removed: list[Path]
    failed: list[tuple[Path, str]]
