"""The transcript that appears while the person speaks, behind one small interface.

`LiveTranscriber` is what the practice screen talks to: `feed(block)` from the recorder's writer thread,
`text` for what has been heard so far, `finish()` for the final transcript, `cancel()` to drop it.
The implementation is `practice.stt.streaming.StreamingTranscriber` (transcribes at pauses while the person
speaks); tests hand the UI small fakes through the same factory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from practice.stt.types import Transcript


class Decoder(Protocol):
    """Turns audio into words: what a live transcriber needs of the Transcriber."""

    def transcribe(
        self,
        audio,
        prompt_terms: list[str] | None = None,
        offset_s: float = 0.0,
        beam_size: int | None = None,
        fallback: bool = True,
        quick: bool = False,
    ) -> Transcript: ...


class LiveTranscriber(Protocol):
    """What the UI needs from live transcription."""

    def feed(self, block: np.ndarray) -> None:
        """A 16 kHz mono float32 block, called on the recorder's writer thread: must return quickly."""

    @property
    def text(self) -> str:
        """What has been transcribed so far (may change as more audio arrives)."""

    def finish(self) -> Transcript:
        """Stop listening; the final transcript of all the audio fed (blocking: call it in a worker)."""

    def cancel(self) -> None:
        """Stop listening and throw the work away (retry, or leaving the screen)."""


#: (transcriber, prompt_terms, on_update(settled, tentative)) -> LiveTranscriber; StreamingTranscriber's signature.
LiveFactory = Callable[[Decoder, "list[str] | None", "Callable[[str, str], object] | None"], LiveTranscriber]
