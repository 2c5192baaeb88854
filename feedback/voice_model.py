"""The typed figures of how the voice sounded (`Delivery.voice`, the `delivery.voice` object of the JSON).

Kept apart from model.py so that file stays one screen of the answer's shape; the same rules hold:
``VoiceProfile.from_dict(profile.to_dict()) == profile``, unknown keys are ignored, and a figure missing from
a stored row stays None instead of being invented.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def _number(value: Any) -> float | None:
    """A stored figure as a float; None for anything that is not a number (null, text, a hand-edited row)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _numbers(values: Any) -> list[float | None]:
    return [_number(v) for v in values] if isinstance(values, list) else []


@dataclass(frozen=True, slots=True)
class VoicePause:
    """A silence longer than the long-pause bound inside the answer; `at` is where it starts, as a fraction
    (0 to 1) of the time from the first sound to the last."""

    start: float
    end: float
    at: float

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "at": self.at}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> VoicePause:
        start, end, at = (_number(data.get(key)) for key in ("start", "end", "at"))
        return cls(start or 0.0, end or 0.0, at or 0.0)


@dataclass(frozen=True, slots=True)
class VoiceOpening:
    """The first seconds of the answer, beside the rest of it."""

    delay_s: float | None
    """Silence from the start of the recording to the first sound."""
    window_s: float | None
    """How many seconds of the answer count as its opening."""
    wpm: float | None
    """Words a minute in the opening (None without word timings)."""
    rest_wpm: float | None
    """Words a minute after the opening, for comparison."""
    pitch_sd_st: float | None
    loudness_vs_rest_db: float | None
    """Mean loudness of the opening minus that of the rest: negative when the answer started quieter."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "delay_s": self.delay_s,
            "window_s": self.window_s,
            "wpm": self.wpm,
            "rest_wpm": self.rest_wpm,
            "pitch_sd_st": self.pitch_sd_st,
            "loudness_vs_rest_db": self.loudness_vs_rest_db,
        }

    @classmethod
    def from_dict(cls, data: Any) -> VoiceOpening | None:
        if not isinstance(data, Mapping):
            return None
        keys = ("delay_s", "window_s", "wpm", "rest_wpm", "pitch_sd_st", "loudness_vs_rest_db")
        return cls(*(_number(data.get(key)) for key in keys))


@dataclass(frozen=True, slots=True)
class VoiceTrack:
    """Pitch and loudness along the answer in equal time steps, for the plots: pitch in semitones from the
    answer's median, loudness in dB from its median; None where the step held no voice (or no sound)."""

    step_s: float
    pitch_st: list[float | None] = field(default_factory=list)
    loudness_db: list[float | None] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"step_s": self.step_s, "pitch_st": list(self.pitch_st), "loudness_db": list(self.loudness_db)}

    @classmethod
    def from_dict(cls, data: Any) -> VoiceTrack | None:
        if not isinstance(data, Mapping):
            return None
        step = _number(data.get("step_s"))
        return cls(step or 0.0, _numbers(data.get("pitch_st")), _numbers(data.get("loudness_db")))


@dataclass(frozen=True, slots=True)
class VoiceProfile:
    """How the voice sounded, measured from the recording (see feedback/voice.py for each figure's making)."""

    analysed_s: float | None
    speech_start_s: float | None
    speech_end_s: float | None
    voiced_s: float | None
    pitch_median_hz: float | None
    pitch_range_st: float | None
    """From the 5th to the 95th percentile of the voiced pitch, in semitones."""
    pitch_sd_st: float | None
    """Standard deviation of the voiced pitch in semitones around its median."""
    loudness_sd_db: float | None
    """Standard deviation of the intensity of the sounding frames, in dB."""
    loudness_range_db: float | None
    rate_by_quarter_wpm: list[float | None] | None
    """Words a minute in each quarter of the speaking time, long pauses left out (None without word timings)."""
    long_pauses: list[VoicePause] = field(default_factory=list)
    opening: VoiceOpening | None = None
    track: VoiceTrack | None = None
    notes: list[str] = field(default_factory=list)
    """Observations in words: what was measured, never what it says about the person."""
    measured_with: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "analysed_s": self.analysed_s,
            "speech_start_s": self.speech_start_s,
            "speech_end_s": self.speech_end_s,
            "voiced_s": self.voiced_s,
            "pitch_median_hz": self.pitch_median_hz,
            "pitch_range_st": self.pitch_range_st,
            "pitch_sd_st": self.pitch_sd_st,
            "loudness_sd_db": self.loudness_sd_db,
            "loudness_range_db": self.loudness_range_db,
            "rate_by_quarter_wpm": None
            if self.rate_by_quarter_wpm is None
            else list(self.rate_by_quarter_wpm),
            "long_pauses": [p.to_dict() for p in self.long_pauses],
            "opening": self.opening.to_dict() if self.opening else None,
            "track": self.track.to_dict() if self.track else None,
            "notes": list(self.notes),
            "measured_with": self.measured_with,
        }

    @classmethod
    def from_dict(cls, data: Any) -> VoiceProfile | None:
        """None for a result without voice figures (a typed answer, or a row from before they existed)."""
        if not isinstance(data, Mapping):
            return None
        plain = (
            "analysed_s",
            "speech_start_s",
            "speech_end_s",
            "voiced_s",
            "pitch_median_hz",
            "pitch_range_st",
            "pitch_sd_st",
            "loudness_sd_db",
            "loudness_range_db",
        )
        figures: dict[str, Any] = {key: _number(data.get(key)) for key in plain}
        rates = data.get("rate_by_quarter_wpm")
        return cls(
            **figures,
            rate_by_quarter_wpm=_numbers(rates) if isinstance(rates, list) else None,
            long_pauses=[
                VoicePause.from_dict(p) for p in data.get("long_pauses") or () if isinstance(p, Mapping)
            ],
            opening=VoiceOpening.from_dict(data.get("opening")),
            track=VoiceTrack.from_dict(data.get("track")),
            notes=[str(n) for n in data.get("notes") or () if isinstance(n, str)],
            measured_with=str(data.get("measured_with") or ""),
        )
