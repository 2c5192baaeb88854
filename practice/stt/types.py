"""What transcription gives back, and how it fails."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from feedback import Word
from practice.core.errors import PracticeError

if TYPE_CHECKING:
    pass


class TranscriptionError(PracticeError, RuntimeError):
    """Something the person can fix: the message says what."""


class ModelError(TranscriptionError):
    pass


class AudioReadError(TranscriptionError):
    pass


@dataclass(frozen=True)
class Transcript:
    text: str
    words: list[Word] = field(default_factory=list)
    duration_s: float = 0.0
    seconds_taken: float = 0.0

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "duration_s": round(self.duration_s, 3),
            "words": [
                {"text": w.text, "start": round(w.start, 3), "end": round(w.end, 3)} for w in self.words
            ],
        }
