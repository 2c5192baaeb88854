"""How the voice sounded: pitch and loudness contours (and word timings) in, figures and observations out.

Where this lives, and why: the acoustic work is split in two.
- Tracking pitch and intensity from samples is Praat's (praat-parselmouth), run by `practice.audio.prosody`.
  That is signal processing on a recording, with a 30 MB native library that takes half a second to import;
  `feedback` stays what DESIGN.md says it is, a library of text and timings that imports no audio library
  (an import contract in pyproject.toml keeps parselmouth out of it).
- Turning the contours into figures is here: plain arrays of numbers in, numbers out, no file, no device. So
  a coach who tracks pitch with another tool can still call `describe_voice`, the figures mean the same
  whichever front end asked, and the thresholds sit next to the delivery thresholds they share.

The figures (each one measurable again from the recording; nothing here is a judgment of the person):
- pitch: semitones relative to the answer's median pitch, over the voiced frames; `pitch_sd_st` is their
  standard deviation and `pitch_range_st` the span from the 5th to the 95th percentile (percentiles, so one
  octave error of the tracker does not make the range);
- loudness: Praat's intensity (dB, uncalibrated: only differences mean anything) of the voiced frames, so
  the figure follows the voice and not the mix of vowels, consonants and silence; its standard deviation
  and 5th-95th percentile range;
- speaking rate by quarter: the time from the first sound to the last cut in four, words counted by their
  middle, long pauses left out of each quarter's time (a pause is reported as a pause, not as slow speech);
- long pauses: silences over LONG_PAUSE_S between the first sound and the last, and where they fall;
- the opening: silence before the first sound, and the first OPENING_S seconds against the rest.

What they were checked against is in the README ("How the voice sounded").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .delivery import LONG_PAUSE_S
from .model import Word
from .voice_model import VoiceOpening, VoicePause, VoiceProfile, VoiceTrack

#: Frames quieter than the loudest speech (its 95th percentile) by more than this are silence. Praat's own
#: silence finder ("To TextGrid (silences)") uses -25 dB below the maximum; the percentile keeps a click from
#: being the maximum.
SILENCE_BELOW_DB = 25.0
#: Frames under this are silence whatever the rest of the recording: Praat puts full scale at 94 dB, so this is
#: 84 dB below it, under the quietest step of a 16-bit recording with its dither (and digital silence is -300).
SILENCE_FLOOR_DB = 10.0
#: Sounding runs shorter than this inside a silence are clicks or lip noise, and silences shorter than this
#: inside speech are stop closures: Praat's silence finder uses 0.1 s for both.
MIN_RUN_S = 0.1
#: Under a second of voiced frames, a pitch spread says nothing (a few syllables).
MIN_VOICED_S = 1.0
#: A quarter with less speaking time than this gets no rate: three words in two seconds is not a pace.
MIN_QUARTER_S = 2.0
#: The opening: the first seconds an interviewer hears. Compared with the rest only when the rest is at least
#: this long again, so "the rest" is a fair yardstick.
OPENING_S = 10.0
#: Points of the pitch and loudness tracks along the answer (the plots resample them to their width).
TRACK_POINTS = 60

# Bounds for the observations. None is a norm for a person (their own earlier answers are the comparison,
# practice.core.voice_compare); these only decide when a figure is worth a sentence, and each was set on
# measured speech (README, "How the voice sounded"):
#: Pitch spread under this is called little variation. espeak-ng measured 0.4 semitones with
#: `<prosody range="x-low">`, 1.6 with its default range and 2.3 with "x-high"; the real human samples 2.8 to
#: 4.7. One semitone sits between the flat synthetic voice and the default one.
MONOTONE_SD_ST = 1.0
#: The last quarter this much faster or slower than the quarters before it is mentioned. Rate differences
#: under about 10% are hard to hear; 15% is a margin above that, not a validated bound.
RATE_CHANGE = 0.15
#: Rate observations (a faster or slower last quarter or opening) only for answers with at least this much
#: time from the first sound to the last. Words differ in length and sentences end in short breaks, so even a
#: machine voice at one set rate varied by up to 35% between 5 s quarters, about 10% between 10 s quarters
#: and 4% between 30 s ones (espeak-ng at 150 wpm, answers of 23, 43 and 121 s).
RATE_NOTE_MIN_S = 40.0
#: The opening this many dB quieter or louder than the rest is mentioned: 3 dB is a clearly audible step.
OPENING_LOUDNESS_DB = 3.0


@dataclass(frozen=True)
class Contours:
    """What a pitch tracker gives: frames at `times` (seconds from the start of the recording) with the pitch
    in Hz (0 or NaN where unvoiced) and the intensity in dB. `duration_s` is the whole recording's length."""

    times: np.ndarray
    pitch_hz: np.ndarray
    intensity_db: np.ndarray
    duration_s: float
    measured_with: str = ""


def clock(seconds: float) -> str:
    """0:42, 1:05: where in the answer something happened."""
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) index ranges where `mask` is true."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True))


def _sounding(intensity_db: np.ndarray, step_s: float) -> np.ndarray:
    """Which frames hold sound: above the silence bound, with clicks dropped and stop closures bridged."""
    finite = intensity_db[np.isfinite(intensity_db)]
    if finite.size == 0:
        return np.zeros(intensity_db.shape, dtype=bool)
    bound = max(SILENCE_FLOOR_DB, float(np.percentile(finite, 95)) - SILENCE_BELOW_DB)
    sounding = np.nan_to_num(intensity_db, nan=-np.inf) > bound
    shortest = max(1, int(round(MIN_RUN_S / step_s)))
    for start, end in _runs(sounding):
        if end - start < shortest:
            sounding[start:end] = False
    for start, end in _runs(~sounding):
        if start > 0 and end < sounding.size and end - start < shortest:
            sounding[start:end] = True
    return sounding


def _semitones(pitch_hz: np.ndarray, reference_hz: float) -> np.ndarray:
    return 12.0 * np.log2(pitch_hz / reference_hz)


def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None or not np.isfinite(value) else round(float(value), digits)


def _wpm(words: Sequence[Word], start: float, end: float, pauses: Sequence[VoicePause]) -> float | None:
    """Words a minute between two times, the long pauses inside left out of the time."""
    paused = sum(max(0.0, min(end, p.end) - max(start, p.start)) for p in pauses)
    speaking = end - start - paused
    if speaking < MIN_QUARTER_S:
        return None
    count = sum(1 for w in words if start <= (w.start + w.end) / 2 < end)
    return count / speaking * 60.0


def _track(
    times: np.ndarray, semitones: np.ndarray, loudness: np.ndarray, start: float, end: float
) -> VoiceTrack:
    edges = np.linspace(start, end, TRACK_POINTS + 1)
    which = np.clip(np.searchsorted(edges, times, side="right") - 1, 0, TRACK_POINTS - 1)
    inside = (times >= start) & (times <= end)
    pitch: list[float | None] = []
    level: list[float | None] = []
    for index in range(TRACK_POINTS):
        here = inside & (which == index)
        voiced = semitones[here & np.isfinite(semitones)]
        sounding = loudness[here & np.isfinite(loudness)]
        pitch.append(_r(float(np.median(voiced)), 1) if voiced.size >= 3 else None)
        level.append(_r(float(np.mean(sounding)), 1) if sounding.size else None)
    return VoiceTrack(round(float((end - start) / TRACK_POINTS), 3), pitch, level)


def describe_voice(contours: Contours, words: Sequence[Word] | None = None) -> VoiceProfile:
    """The figures and observations of one answer's voice (see the module docstring for each)."""
    times = np.asarray(contours.times, dtype=np.float64)
    pitch = np.nan_to_num(np.asarray(contours.pitch_hz, dtype=np.float64), nan=0.0)
    intensity = np.asarray(contours.intensity_db, dtype=np.float64)
    step = float(np.median(np.diff(times))) if times.size > 1 else 0.01
    sounding = _sounding(intensity, step)
    empty = VoiceProfile(
        _r(contours.duration_s), None, None, 0.0, None, None, None, None, None, None,
        notes=["No voice was found in the recording."], measured_with=contours.measured_with,
    )  # fmt: skip
    if not sounding.any():
        return empty
    first, last = int(np.argmax(sounding)), int(sounding.size - 1 - np.argmax(sounding[::-1]))
    start, end = float(times[first]) - step / 2, float(times[last]) + step / 2
    span = max(end - start, step)

    voiced = sounding & (pitch > 0)
    voiced_s = float(voiced.sum()) * step
    median_hz = float(np.median(pitch[voiced])) if voiced.any() else None
    semitones = np.full(times.shape, np.nan)
    pitch_sd = pitch_range = None
    if median_hz is not None and voiced_s >= MIN_VOICED_S:
        semitones[voiced] = _semitones(pitch[voiced], median_hz)
        pitch_sd = float(np.std(semitones[voiced]))
        low, high = np.percentile(semitones[voiced], [5, 95])
        pitch_range = float(high - low)
    # loudness of the voice: voiced frames when there are enough, else every sounding frame
    loud_frames = voiced if voiced_s >= MIN_VOICED_S else sounding
    loudness = np.full(times.shape, np.nan)
    loudness[loud_frames] = intensity[loud_frames] - float(np.median(intensity[loud_frames]))
    levels = loudness[loud_frames]
    loudness_sd = float(np.std(levels))
    loudness_range = float(np.subtract(*np.percentile(levels, [95, 5])))

    pauses: list[VoicePause] = []
    for a, b in _runs(~sounding[first : last + 1]):
        pause_start, pause_end = float(times[a + first]) - step / 2, float(times[b - 1 + first]) + step / 2
        if pause_end - pause_start >= LONG_PAUSE_S:
            at = (pause_start - start) / span
            pauses.append(VoicePause(round(pause_start, 2), round(pause_end, 2), round(at, 3)))

    rates: list[float | None] | None = None
    if words:
        cuts = np.linspace(start, end, 5)
        rates = [_r(_wpm(words, float(a), float(b), pauses), 1) for a, b in zip(cuts, cuts[1:], strict=False)]
    opening = _opening(times, semitones, loudness, words, start, end, pauses, step)
    profile = VoiceProfile(
        analysed_s=_r(contours.duration_s),
        speech_start_s=_r(start),
        speech_end_s=_r(end),
        voiced_s=_r(voiced_s),
        pitch_median_hz=_r(median_hz, 1),
        pitch_range_st=_r(pitch_range),
        pitch_sd_st=_r(pitch_sd),
        loudness_sd_db=_r(loudness_sd),
        loudness_range_db=_r(loudness_range),
        rate_by_quarter_wpm=rates,
        long_pauses=pauses,
        opening=opening,
        track=_track(times, semitones, loudness, start, end),
        measured_with=contours.measured_with,
    )
    return replace(profile, notes=observations(profile))


def _opening(
    times: np.ndarray,
    semitones: np.ndarray,
    loudness: np.ndarray,
    words: Sequence[Word] | None,
    start: float,
    end: float,
    pauses: Sequence[VoicePause],
    step: float,
) -> VoiceOpening:
    cut = start + OPENING_S
    has_rest = end - cut >= OPENING_S / 2
    head = (times >= start) & (times < cut)
    rest = times >= cut
    head_pitch = semitones[head & np.isfinite(semitones)]
    head_level, rest_level = (loudness[m & np.isfinite(loudness)] for m in (head, rest))
    louder = (
        float(np.mean(head_level) - np.mean(rest_level))
        if has_rest and head_level.size and rest_level.size
        else None
    )
    return VoiceOpening(
        delay_s=_r(start),
        window_s=_r(min(OPENING_S, end - start), 1),
        wpm=_r(_wpm(words, start, min(cut, end), pauses), 1) if words else None,
        rest_wpm=_r(_wpm(words, cut, end, pauses), 1) if words and has_rest else None,
        pitch_sd_st=_r(float(np.std(head_pitch))) if head_pitch.size * step >= MIN_VOICED_S / 2 else None,
        loudness_vs_rest_db=_r(louder, 1),
    )


def _quarter_name(at: float) -> str:
    return ("first", "second", "third", "last")[min(3, int(at * 4))]


def observations(profile: VoiceProfile) -> list[str]:
    """What stands out, as sentences about the sound, with the figure that says so. Never a claim about the
    person (nervous, confident, bored ...): a listener's impression is theirs, the measure is ours."""
    notes: list[str] = []
    if profile.pitch_sd_st is not None and profile.pitch_sd_st < MONOTONE_SD_ST:
        notes.append(
            f"Your pitch varied little ({profile.pitch_sd_st:.1f} semitones, standard deviation): "
            "an answer this even can sound monotone to a listener."
        )
    start, end = profile.speech_start_s, profile.speech_end_s
    long_enough = start is not None and end is not None and end - start >= RATE_NOTE_MIN_S
    rates = [r for r in profile.rate_by_quarter_wpm or [] if r is not None]
    last = (profile.rate_by_quarter_wpm or [None])[-1]
    if long_enough and last is not None and len(rates) >= 3:
        before = float(np.median(rates[:-1]))
        change = (last - before) / before if before else 0.0
        if change > RATE_CHANGE:
            notes.append(
                f"You sped up in the last quarter: {last:.0f} words a minute against {before:.0f} before."
            )
        elif change < -RATE_CHANGE:
            notes.append(
                f"You slowed down in the last quarter: {last:.0f} words a minute against {before:.0f} before."
            )
    if profile.long_pauses:
        where = ", ".join(
            f"{clock(p.start)} ({p.end - p.start:.1f} s, {_quarter_name(p.at)} quarter)"
            for p in profile.long_pauses
        )
        count = len(profile.long_pauses)
        notes.append(f"{count} pause{'s' if count > 1 else ''} over {LONG_PAUSE_S:.0f} s: at {where}.")
    opening = profile.opening
    if opening is not None:
        if opening.delay_s is not None and opening.delay_s >= LONG_PAUSE_S:
            notes.append(f"The recording ran {opening.delay_s:.1f} s before your first word.")
        if (
            opening.loudness_vs_rest_db is not None
            and abs(opening.loudness_vs_rest_db) >= OPENING_LOUDNESS_DB
        ):
            side = "quieter" if opening.loudness_vs_rest_db < 0 else "louder"
            notes.append(
                f"The first {opening.window_s:.0f} seconds were {abs(opening.loudness_vs_rest_db):.0f} dB {side} "
                "than the rest of the answer."
            )
        if long_enough and opening.wpm and opening.rest_wpm:
            change = (opening.wpm - opening.rest_wpm) / opening.rest_wpm
            if abs(change) > RATE_CHANGE:
                side = "faster" if change > 0 else "slower"
                notes.append(
                    f"The first {opening.window_s:.0f} seconds were {side} ({opening.wpm:.0f} words a minute) "
                    f"than the rest ({opening.rest_wpm:.0f})."
                )
    return notes
