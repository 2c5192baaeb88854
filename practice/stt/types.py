"""What transcription gives back, and how it fails."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from feedback import TranscriptQuality, Word
from practice.core.errors import PracticeError
from practice.stt.quality import judge_quality

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
    speech: tuple[tuple[float, float], ...] | None = None
    """(start, end) seconds heard as speech by voice activity detection; None when not measured."""
    confidences: tuple[float, ...] = ()
    """The speech model's probability for each word, in the order of `words` (empty when not known)."""

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    @property
    def speech_s(self) -> float:
        if self.speech is None:  # not measured (a transcript from elsewhere): trust that words mean speech
            return self.duration_s if self.words else 0.0
        return sum(end - start for start, end in self.speech)

    @property
    def confidence(self) -> float | None:
        """Mean word probability, or None when unknown."""
        return sum(self.confidences) / len(self.confidences) if self.confidences else None

    @property
    def quality(self) -> TranscriptQuality:
        return judge_quality(self.duration_s, self.speech_s, len(self.words), self.confidence)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "duration_s": round(self.duration_s, 3),
            "quality": self.quality.to_dict(),
            "words": [
                {"text": w.text, "start": round(w.start, 3), "end": round(w.end, 3)} for w in self.words
            ],
        }
