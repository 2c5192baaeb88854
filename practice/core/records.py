"""What the history stores: a practice session and each attempt at a question."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

SCORE_KEYS = ("examples", "enthusiasm", "alignment")


@dataclass(frozen=True)
class SessionRecord:
    id: str
    started_at: datetime
    bank_id: str
    bank_name: str
    job_title: str | None = None
    job_text: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)


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

    def score(self, key: str) -> int | None:
        """A dimension score ("examples", ...) or "overall"; None when not scored."""
        if not self.feedback:
            return None
        if key == "overall":
            return self.feedback.get("overall")
        return (self.feedback.get("scores", {}).get(key) or {}).get("score")


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
