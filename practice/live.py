"""The transcript that appears while the person speaks, behind one small interface.

`LiveTranscriber` is what the practice screen talks to: `feed(block)` from the recorder's writer thread,
`text` for what has been heard so far, `finish()` for the final transcript, `cancel()` to drop it.
`PeriodicTranscriber` is the simple implementation used for now: every few seconds it transcribes the audio
captured so far on its own thread. A pause-aware streaming transcriber (practice/streaming.py) has the same
constructor and methods and can replace it through the factory without touching the UI.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from practice.transcribe import Transcript

SAMPLE_RATE = 16_000
#: How often the preview is refreshed. Shorter makes the text lag less but costs CPU the final pass needs.
PREVIEW_EVERY_S = 3.0
#: The preview transcribes at most this much audio at once; older audio is frozen into committed text, so
#: the preview's cost stays flat however long the answer (Whisper's window is 30 s anyway).
PREVIEW_WINDOW_S = 24.0


class TranscriberLike(Protocol):
    def transcribe(
        self,
        audio,
        prompt_terms: list[str] | None = None,
        offset_s: float = 0.0,
        previous_text: str | None = None,
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


#: (transcriber, prompt_terms, on_update) -> LiveTranscriber; the signature StreamingTranscriber also has.
LiveFactory = Callable[[TranscriberLike, "list[str] | None", "Callable[[str], None] | None"], LiveTranscriber]


class PeriodicTranscriber:
    """Re-transcribes the recent audio every PREVIEW_EVERY_S seconds for the preview; `finish()` transcribes
    the whole answer in one pass, which is what gets scored (one pass gives Whisper full context)."""

    def __init__(
        self,
        transcriber: TranscriberLike,
        prompt_terms: list[str] | None = None,
        on_update: Callable[[str], None] | None = None,
        every_s: float = PREVIEW_EVERY_S,
    ) -> None:
        self.transcriber = transcriber
        self.prompt_terms = prompt_terms
        self.on_update = on_update
        self.every_s = every_s
        self._blocks: list[np.ndarray] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._frozen_text = ""  # preview text of audio before _frozen_at, no longer re-transcribed
        self._frozen_at = 0
        self._preview = ""
        self._previewed_samples = 0
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True, name="live-transcriber")
        self._thread.start()

    def feed(self, block: np.ndarray) -> None:
        with self._lock:
            self._blocks.append(np.asarray(block, dtype=np.float32).reshape(-1))

    @property
    def text(self) -> str:
        with self._lock:
            return " ".join(t for t in (self._frozen_text, self._preview) if t)

    def _audio(self) -> np.ndarray:
        with self._lock:
            if len(self._blocks) > 1:  # keep one array, so concatenation cost does not grow with each call
                self._blocks = [np.concatenate(self._blocks)]
            return self._blocks[0] if self._blocks else np.zeros(0, dtype=np.float32)

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            audio = self._audio()
            if len(audio) <= self._previewed_samples:
                continue  # nothing new (a paused stream): do not burn CPU
            try:
                self._refresh(audio)
            except Exception as error:  # noqa: BLE001 - only the preview is lost; finish() reports errors
                self.error = error
                return

    def _refresh(self, audio: np.ndarray) -> None:
        window = int(PREVIEW_WINDOW_S * SAMPLE_RATE)
        if len(audio) - self._frozen_at > window:
            # Freeze what the last preview said about the older audio and start a new window after it.
            with self._lock:
                self._frozen_text = " ".join(t for t in (self._frozen_text, self._preview) if t)
                self._preview = ""
            self._frozen_at = self._previewed_samples
        result = self.transcriber.transcribe(audio[self._frozen_at :], prompt_terms=self.prompt_terms)
        if self._stop.is_set():
            return
        with self._lock:
            self._preview = result.text
            self._previewed_samples = len(audio)
        if self.on_update is not None:
            self.on_update(self.text)

    def finish(self) -> Transcript:
        self._stop.set()
        self._thread.join()  # a preview pass in flight finishes first: two passes at once would halve both
        return self.transcriber.transcribe(self._audio(), prompt_terms=self.prompt_terms)

    def cancel(self) -> None:
        # No join: this runs on the UI thread, and a preview pass in flight ends on its own (its result is
        # dropped because _stop is set).
        self._stop.set()
        with self._lock:
            self._blocks.clear()
