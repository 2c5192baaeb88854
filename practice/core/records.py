"""What the history stores: a practice session and each attempt at a question."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any, TypeGuard

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
    checks: dict[str, bool] = field(default_factory=dict)
    """What the person ticked by hand on the session's readiness list (practice.prep.readiness)."""


def checks_from(data: Any) -> dict[str, bool]:
    """A session's ticks as stored (JSON); anything but a name with true or false (a hand-edited row) is
    dropped."""
    if not isinstance(data, dict):
        return {}
    return {str(key): value for key, value in data.items() if isinstance(value, bool)}


@dataclass(frozen=True)
class WorkedTip:
    """The tip a retry worked on (chosen in the review of an earlier attempt), and whether it was followed.

    Stored with the retry as JSON; `verdict` is None until the retry is scored (a failed take keeps the tip
    it worked on, unjudged), then "yes", "no" or "not_judged" (feedback.tip_check), with the reason.

    A tip can also come from an earlier day: today's practice carries the tip a due question's last answer
    did not follow into the first answer to it (practice/prep/today.py); `from_attempt_id` and `from_day`
    then say which answer gave it."""

    tip: str
    kind: str
    from_attempt: int
    """The attempt number whose review gave the tip (same question; same session unless carried over)."""
    verdict: str | None = None
    reason: str = ""
    from_attempt_id: int | None = None
    """A tip carried over from an earlier session: the history id of the answer that was given it."""
    from_day: str | None = None
    """A tip carried over: the day (ISO date) of the answer that was given it."""

    @property
    def carried(self) -> bool:
        """From an earlier session (today's practice), not from a retry's review in this one."""
        return self.from_attempt_id is not None

    @property
    def source(self) -> str:
        """Which answer gave the tip, in words: "attempt 1", or "your answer of 2026-01-26"."""
        if self.carried:
            return f"your answer of {self.from_day}" if self.from_day else "an earlier answer"
        return f"attempt {self.from_attempt}"

    @property
    def followed(self) -> bool | None:
        """True or False once judged; None when not judged (or not yet)."""
        return {"yes": True, "no": False}.get(self.verdict or "")

    @property
    def outcome(self) -> str:
        """ "tip followed", "tip not followed" or "tip not judged": how summaries, history and exports say it."""
        followed = self.followed
        if followed is None:
            return "tip not judged"
        return "tip followed" if followed else "tip not followed"

    def sentence(self) -> str:
        """One line for history and exports: `Worked on the tip of try 1 (“Quantify ...”): tip followed, a
        measured result now: “80 percent”.` (a carried tip: `the tip of your answer of 2026-01-26`)."""
        why = f", {self.reason}" if self.reason and self.verdict is not None else ""
        source = self.source if self.carried else f"try {self.from_attempt}"
        return f"Worked on the tip of {source} (“{self.tip}”): {self.outcome}{why}."

    def to_dict(self) -> dict[str, Any]:
        return {
            "tip": self.tip,
            "kind": self.kind,
            "from_attempt": self.from_attempt,
            "verdict": self.verdict,
            "reason": self.reason,
            "from_attempt_id": self.from_attempt_id,
            "from_day": self.from_day,
        }

    @classmethod
    def from_dict(cls, data: Any) -> WorkedTip | None:
        """None for nothing stored, or for a row too damaged to say which tip it was."""
        if not isinstance(data, dict) or not isinstance(data.get("tip"), str) or not data["tip"]:
            return None
        number, carried_id = data.get("from_attempt"), data.get("from_attempt_id")
        verdict, day = data.get("verdict"), data.get("from_day")
        return cls(
            data["tip"],
            str(data.get("kind") or "other"),
            number if _is_int(number) else 0,
            verdict if verdict in ("yes", "no", "not_judged") else None,
            str(data.get("reason") or ""),
            carried_id if _is_int(carried_id) else None,
            day if isinstance(day, str) and day else None,
        )


def _is_int(value: Any) -> TypeGuard[int]:
    """A whole number as JSON gives it (a bool is an int in Python, never a number here)."""
    return isinstance(value, int) and not isinstance(value, bool)


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
    worked_tip: WorkedTip | None = None
    """A retry's tip from the earlier attempt's review, and whether this attempt followed it."""
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
