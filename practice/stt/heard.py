"""What a decoding heard in a stretch of audio: words with the model's probability for each, and where the
speech was. Streaming (practice.stt.streaming) splits it at cuts and joins the pieces back in order."""

from __future__ import annotations

from dataclasses import dataclass, field

from feedback import Word
from practice.stt.types import Transcript


@dataclass(frozen=True)
class Heard:
    """Words heard in some stretch of audio, each with the model's probability, and where speech was."""

    words: list[Word] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)
    speech: list[tuple[float, float]] = field(default_factory=list)

    @classmethod
    def of(cls, transcript: Transcript) -> Heard:
        # a decoder that does not measure these (a test double) gives what a plain word list implies
        confidences = list(getattr(transcript, "confidences", ())) or [1.0] * len(transcript.words)
        speech = getattr(transcript, "speech", None)
        if speech is None:
            speech = [(w.start, w.end) for w in transcript.words]
        return cls(list(transcript.words), confidences, list(speech))

    def split(self, at: float) -> tuple[Heard, Heard]:
        """What lies before `at` seconds (a word by its middle, speech clipped at `at`) and what lies after."""
        before = [
            (w, c) for w, c in zip(self.words, self.confidences, strict=True) if (w.start + w.end) / 2 < at
        ]
        after = [
            (w, c) for w, c in zip(self.words, self.confidences, strict=True) if (w.start + w.end) / 2 >= at
        ]
        return (
            Heard(
                [w for w, _ in before],
                [c for _, c in before],
                [(s, min(e, at)) for s, e in self.speech if s < at],
            ),
            Heard(
                [w for w, _ in after],
                [c for _, c in after],
                [(max(s, at), e) for s, e in self.speech if e > at],
            ),
        )

    def __add__(self, other: Heard) -> Heard:
        return Heard(
            self.words + other.words, self.confidences + other.confidences, self.speech + other.speech
        )

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)
