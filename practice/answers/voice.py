"""How the voice sounded, as a step of an answer: read the recording, track it (practice.audio.prosody),
describe it (feedback.voice), and keep the figures in the attempt's feedback as `delivery.voice`.

It runs after the scores, not inside `pipeline.process_answer`: tracking a two-minute answer takes a couple
of seconds, and the review must open the moment the person stops. The studio's review runs `add_voice` in a
worker and fills its voice panel in when it is done; `recover` and `score --audio` run it straight after
scoring. An attempt recorded before this step existed is measured the first time its review opens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from feedback.model import Word
from feedback.voice import describe_voice
from feedback.voice_model import VoiceProfile
from practice.audio.prosody import track_voice
from practice.core.errors import PracticeError
from practice.core.records import AttemptRecord
from practice.core.signal import SAMPLE_RATE
from practice.storage.history import Store
from practice.stt.decode import load_audio

log = logging.getLogger(__name__)

#: recording, words with times (or None) -> the figures. The studio's services hold the real one; UI tests
#: hand it a fake or none.
VoiceMeter = Callable[[Path, "Sequence[Word] | None"], VoiceProfile]


class VoiceMeasureError(PracticeError, RuntimeError):
    """The recording could not be measured; the message says why (the scores are not affected)."""


def measure_voice(recording: Path, words: Sequence[Word] | None = None) -> VoiceProfile:
    """The voice figures of a recording (any format the transcriber reads)."""
    try:
        samples = load_audio(recording)
    except PracticeError as error:
        raise VoiceMeasureError(f"How the voice sounded was not measured: {error}") from error
    return describe_voice(track_voice(samples, SAMPLE_RATE), words)


def words_of(stored: Sequence[Any] | None) -> list[Word] | None:
    """An attempt's stored words ({"text", "start", "end"} dicts) as feedback Words; None without timings."""
    if not stored:
        return None
    words = [
        Word(str(w.get("text", "")), float(w["start"]), float(w["end"]))
        for w in stored
        if isinstance(w, Mapping)
        and isinstance(w.get("start"), int | float)
        and isinstance(w.get("end"), int | float)
    ]
    return words or None


def needs_voice(attempt: AttemptRecord) -> bool:
    """A scored attempt whose recording is on disk and whose voice was not measured yet."""
    result = attempt.result
    return (
        result is not None
        and result.delivery.voice is None
        and attempt.recording_path is not None
        and attempt.recording_path.is_file()
    )


def add_voice(store: Store, attempt: AttemptRecord, meter: VoiceMeter = measure_voice) -> AttemptRecord:
    """Measure the attempt's recording and keep the figures with its feedback; returns the attempt as stored.

    Unchanged when there is nothing to measure (typed, unscored, recording gone, already measured). Raises
    VoiceMeasureError when the recording cannot be read; the attempt itself is never touched then."""
    if attempt.id is not None:
        attempt = store.attempt(attempt.id) or attempt  # another review may have measured it meanwhile
    if not needs_voice(attempt) or attempt.id is None or attempt.recording_path is None:
        return attempt
    try:
        profile = meter(attempt.recording_path, words_of(attempt.words))
    except VoiceMeasureError:
        raise
    except Exception as error:  # noqa: BLE001 - a tracker failure must not cost the answer its scores
        log.exception("measuring the voice of attempt %s failed", attempt.id)
        raise VoiceMeasureError(
            f"How the voice sounded was not measured ({type(error).__name__})."
        ) from error
    return store.save_voice(attempt.id, profile.to_dict()) or attempt


def with_voice(feedback: dict[str, Any], profile: VoiceProfile | None) -> dict[str, Any]:
    """A feedback dict (Feedback.to_dict()) with `delivery.voice` set: for `score --audio`, which stores nothing."""
    delivery = dict(feedback.get("delivery") or {})
    delivery["voice"] = profile.to_dict() if profile else None
    return {**feedback, "delivery": delivery}
