"""A faster-whisper model that decodes a short piece in one encoder pass, over only as much audio as it needs.

Every piece the Transcriber decodes fits one Whisper window (PIECE_MAX_S < 30 s), and the encoder, not the
beam search, is most of what a pass costs. Two things made it cost more than it had to (measured here on 3 to
25 s pieces, one thread):

- A second window. Asked for word times, faster-whisper seeks to the end of the last word heard and decodes
  what follows in a fresh 30 s window unless the output ends exactly on a timestamp: in 7 of 8 passes that was
  the last few hundred milliseconds of the piece (voice activity detection pads each piece), silence, run
  through the whole encoder again. `transcribe_window` stops after the first window. Decoding without
  timestamp tokens keeps that window as one segment: with them, a window that ends mid-segment drops its
  unfinished segment for the second window to decode (stopping there cost 3 points of WER on the padded
  human clips of benchmarks/transcript_fidelity.py; without timestamps it cost none). Word times still come
  from the cross-attention alignment, as before.
- 30 s of encoder for a 6 s piece. The encoder always heard 30 s, the piece padded with zeros; its cost grows
  faster than the audio (0.44 to 0.54 s of CPU for 30 s, 0.10 s for 15 s, 0.07 s for 10 s). The padding is
  cut down to MIN_CONTEXT_S, or the piece and a second more. Whisper was trained on 30 s windows and goes
  wrong when it hears too little of one: with 10 s it looped and invented words on the human clips (WER 0.057
  to 0.073), with 15 s or 20 s it gave the same words as with 30 s (WER 0.057 on both, padded 0.054 to 0.056
  against 0.057).
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

#: The least audio context the encoder hears (see above: 10 s was too little, 15 s as good as 30 s).
MIN_CONTEXT_S = 15.0
#: Whisper's log-mel frames a second, and its window.
FRAMES_PER_S = 100
WINDOW_FRAMES = 3000


class _WindowDone(Exception):
    """Raised inside faster-whisper's segment generator as it starts a second window."""


def context_frames(features: np.ndarray) -> int:
    """How many of a padded window's frames the encoder hears: the piece (faster-whisper pads its features
    with zeros, which a real log-mel frame never is) and a second more, at least MIN_CONTEXT_S, in whole
    seconds."""
    used = np.flatnonzero(np.any(features != 0, axis=-2).reshape(-1))
    frames = int(used[-1]) + 1 if len(used) else 0
    seconds = max(MIN_CONTEXT_S, np.ceil(frames / FRAMES_PER_S) + 1)
    return int(min(WINDOW_FRAMES, seconds * FRAMES_PER_S))


def one_window_model(path: str, **kwargs: Any) -> Any:
    """A `faster_whisper.WhisperModel` with `transcribe_window(audio, **options)`: the segments of the first
    window only, encoded over the context it needs (its plain `transcribe` is unchanged)."""
    from faster_whisper import WhisperModel  # lazy: faster-whisper loads with the model

    class OneWindowModel(WhisperModel):
        def __init__(self, *args: Any, **kw: Any) -> None:
            super().__init__(*args, **kw)
            self._calls = threading.local()  # per decoding thread: replicas decode side by side

        def transcribe_window(self, audio: np.ndarray, **options: Any) -> list[Any]:
            segments, _info = self.transcribe(audio, without_timestamps=True, **options)
            kept: list[Any] = []
            self._calls.windows_left = 1
            try:
                for segment in segments:  # a lazy generator: the decoding happens here
                    kept.append(segment)
            except _WindowDone:
                pass  # the first window's segments were all yielded before the second one began
            finally:
                self._calls.windows_left = None
            return kept

        def encode(self, features: np.ndarray) -> Any:
            left = getattr(self._calls, "windows_left", None)
            if left is None:  # a plain transcribe(): as faster-whisper does it
                return super().encode(features)
            if left <= 0:
                raise _WindowDone
            self._calls.windows_left = left - 1
            return super().encode(np.ascontiguousarray(features[..., : context_frames(features)]))

    return OneWindowModel(path, **kwargs)
