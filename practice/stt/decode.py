"""Reading a recording of any common format into 16 kHz mono samples, with limits."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from practice.core.signal import SAMPLE_RATE
from practice.stt.types import AudioReadError

if TYPE_CHECKING:
    pass


#: The longest recording accepted: files are decoded whole (30 min is 115 MB of 16 kHz float32), and an
#: interview answer is a few minutes. Longer files are refused after a cheap probe, before any decoding.
MAX_AUDIO_S = 30 * 60


def load_audio(source: Path | str, max_seconds: float = MAX_AUDIO_S) -> np.ndarray:
    """Decode any audio file to 16 kHz mono float32, with a clear error for what is not audio.

    The duration is probed from the header first (libsndfile, else the container's own estimate); a file
    longer than `max_seconds` is refused without decoding it. When the container does not say (a raw stream),
    it is decoded in pieces and refused as soon as it passes the limit: never held whole in memory."""
    path = Path(source)
    if path.is_dir():
        raise AudioReadError(f"{path} is a folder, not an audio file.")
    if not path.is_file():
        raise AudioReadError(f"{path}: no such file.")
    if path.stat().st_size == 0:
        raise AudioReadError(f"{path} is empty (0 bytes): record the answer again or pick another file.")

    def clock(seconds: float) -> str:
        hours, minutes = divmod(round(seconds / 60), 60)
        if seconds < 120:
            return f"{seconds:.0f} s"
        return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"

    def too_long(seconds: float, at_least: bool = False) -> AudioReadError:
        return AudioReadError(
            f"{path} is {'more than ' if at_least else ''}{clock(seconds)} long; recordings of up to "
            f"{clock(max_seconds)} are accepted (an interview answer is a few minutes). "
            "Cut out the answer and use that file."
        )

    def unreadable(error: Exception) -> AudioReadError:
        return AudioReadError(
            f"{path} could not be read as audio ({type(error).__name__}: {error}). "
            "Use a WAV, FLAC, MP3 or OGG recording."
        )

    import av  # lazy: the decoders load only when a file is read
    import soundfile

    duration: float | None = None
    has_sound = True
    try:
        duration = soundfile.info(str(path)).duration
    except Exception:  # noqa: BLE001 - not a libsndfile format (m4a, webm...): ask the container instead
        try:
            with av.open(str(path), metadata_errors="ignore") as container:
                has_sound = bool(container.streams.audio)  # an image opens too, with no sound in it
                if container.duration:
                    duration = container.duration / av.time_base
        except Exception:  # noqa: BLE001 - decoding below reports what is wrong with the file
            pass
    if not has_sound:
        raise AudioReadError(
            f"{path} has no sound in it (an image or a silent video?). Use a WAV, FLAC, MP3 or OGG recording."
        )
    if duration is not None and duration > max_seconds:
        raise too_long(duration)
    if duration is not None:
        from faster_whisper.audio import decode_audio  # lazy: faster-whisper is the heavy import

        try:
            return decode_audio(str(path), sampling_rate=SAMPLE_RATE)
        except Exception as error:  # PyAV raises a family of its own errors for broken or foreign files
            raise unreadable(error) from error
    # Length unknown: decode piece by piece, stopping at the limit.
    limit = int(max_seconds * SAMPLE_RATE)
    pieces: list[np.ndarray] = []
    total = 0
    try:
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        with av.open(str(path), metadata_errors="ignore") as container:
            for frame in container.decode(audio=0):
                for out in resampler.resample(frame):
                    pieces.append(out.to_ndarray().reshape(-1))
                    total += len(pieces[-1])
                    if total > limit:
                        raise too_long(max_seconds, at_least=True)
            pieces.extend(out.to_ndarray().reshape(-1) for out in resampler.resample(None))
    except AudioReadError:
        raise
    except Exception as error:  # noqa: BLE001
        raise unreadable(error) from error
    if not pieces:
        raise unreadable(ValueError("no audio in the file"))
    return np.concatenate(pieces).astype(np.float32) / 32768.0
