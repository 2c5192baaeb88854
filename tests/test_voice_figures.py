"""How the voice sounded, from contours to figures (feedback.voice): exact answers on contours made to order.

Fast: no tracker and no speech here. tests/test_voice_speech.py checks the same figures on real speech
through the real tracker (praat-parselmouth).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import jsonschema
import numpy as np
import pytest

from feedback import Word, score_answer
from feedback.model import Feedback
from feedback.voice import MONOTONE_SD_ST, Contours, describe_voice
from feedback.voice_model import VoiceOpening, VoicePause, VoiceProfile, VoiceTrack

SCHEMA = json.loads((Path(__file__).parent.parent / "feedback" / "feedback.schema.json").read_text())
STEP = 0.01
SILENT = -300.0  # what Praat's intensity says of digital silence


def contours(
    seconds: float = 60.0,
    swing_st: float = 3.0,
    base_hz: float = 120.0,
    silences: tuple[tuple[float, float], ...] = (),
    level_db: float = 70.0,
    quiet: tuple[tuple[float, float, float], ...] = (),
) -> Contours:
    """Speech-like contours: pitch swinging `swing_st` semitones around `base_hz` (a 3 s sine), voiced except
    a short unvoiced stretch every half second (consonants), silent in `silences`, `quiet` (start, end, dB
    drop) stretches softer."""
    times = np.arange(STEP / 2, seconds, STEP)
    semitones = swing_st * np.sin(2 * np.pi * times / 3.0)
    pitch = base_hz * 2 ** (semitones / 12)
    pitch[(times % 0.5) < 0.08] = 0.0
    level = np.full(times.shape, level_db)
    for start, end, drop in quiet:
        level[(times >= start) & (times < end)] -= drop
    for start, end in silences:
        inside = (times >= start) & (times < end)
        pitch[inside], level[inside] = 0.0, SILENT
    return Contours(times, pitch, level, seconds, "test contours")


def even_words(start: float, end: float, per_second: float) -> list[Word]:
    count = int(round((end - start) * per_second))
    gap = (end - start) / count
    return [Word(f"w{i}", start + i * gap, start + i * gap + gap * 0.8) for i in range(count)]


# --- pitch ---------------------------------------------------------------------------------------------


def test_pitch_spread_and_range_are_the_semitone_swing() -> None:
    # A sine of amplitude A has standard deviation A/sqrt(2), and its 5th to 95th percentile span is
    # 2 A sin(0.45 pi): the figures are semitones, whatever the voice's own pitch.
    for base_hz in (95.0, 220.0):
        lively = describe_voice(contours(swing_st=3.0, base_hz=base_hz))
        assert lively.pitch_sd_st == pytest.approx(3.0 / math.sqrt(2), abs=0.05)
        assert lively.pitch_range_st == pytest.approx(2 * 3.0 * math.sin(0.45 * math.pi), abs=0.1)
        assert lively.pitch_median_hz == pytest.approx(base_hz, rel=0.02)


def test_a_flat_voice_gets_the_monotone_observation_and_a_lively_one_does_not() -> None:
    flat, lively = describe_voice(contours(swing_st=0.5)), describe_voice(contours(swing_st=3.0))
    assert flat.pitch_sd_st is not None and lively.pitch_sd_st is not None
    assert flat.pitch_sd_st < MONOTONE_SD_ST < lively.pitch_sd_st
    assert any("varied little" in note for note in flat.notes)
    assert not any("varied little" in note for note in lively.notes)


def test_too_little_voice_gives_no_pitch_figures_rather_than_noise() -> None:
    few = contours(seconds=1.5)
    few.pitch_hz[few.times > 0.6] = 0.0  # half a second of voice
    profile = describe_voice(few)
    assert profile.pitch_sd_st is None and profile.pitch_range_st is None
    assert profile.loudness_sd_db is not None  # loudness still measured, over the sounding frames


def test_silence_only_says_so() -> None:
    silent = Contours(np.arange(0.005, 5, STEP), np.zeros(500), np.full(500, SILENT), 5.0)
    profile = describe_voice(silent)
    assert profile.speech_start_s is None and profile.pitch_sd_st is None
    assert profile.notes == ["No voice was found in the recording."]


# --- loudness ------------------------------------------------------------------------------------------


def test_loudness_variation_follows_louder_and_softer_stretches() -> None:
    even = describe_voice(contours())
    varied = describe_voice(contours(quiet=tuple((s, s + 5.0, 12.0) for s in range(0, 60, 10))))
    assert even.loudness_sd_db == pytest.approx(0.0, abs=0.01)
    assert varied.loudness_sd_db == pytest.approx(6.0, abs=0.3)  # half the time 12 dB down: sd 6 dB


# --- pauses and the opening ----------------------------------------------------------------------------


def test_long_pauses_are_found_where_they_fall_and_short_ones_are_not() -> None:
    profile = describe_voice(contours(silences=((20.0, 23.0), (40.0, 41.5))))
    (pause,) = profile.long_pauses
    assert pause.start == pytest.approx(20.0, abs=0.02) and pause.end == pytest.approx(23.0, abs=0.02)
    assert pause.at == pytest.approx(20.0 / 60.0, abs=0.01)
    assert any("0:20 (3.0 s, second quarter)" in note for note in profile.notes)


def test_a_click_inside_a_pause_does_not_split_it() -> None:
    clicked = contours(silences=((20.0, 23.0),))
    clicked.intensity_db[(clicked.times >= 21.5) & (clicked.times < 21.55)] = 70.0  # 50 ms
    (pause,) = describe_voice(clicked).long_pauses
    assert pause.end - pause.start == pytest.approx(3.0, abs=0.02)


def test_silence_before_the_first_word_is_the_opening_delay_not_a_pause() -> None:
    profile = describe_voice(contours(silences=((0.0, 3.0),)))
    assert profile.speech_start_s == pytest.approx(3.0, abs=0.02) and profile.long_pauses == []
    assert profile.opening is not None and profile.opening.delay_s == pytest.approx(3.0, abs=0.02)
    assert any("3.0 s before your first word" in note for note in profile.notes)


def test_a_quiet_opening_is_measured_against_the_rest() -> None:
    profile = describe_voice(contours(quiet=((0.0, 10.0, 6.0),)))
    assert profile.opening is not None
    assert profile.opening.loudness_vs_rest_db == pytest.approx(-6.0, abs=0.1)
    assert any("first 10 seconds were 6 dB quieter" in note for note in profile.notes)


# --- speaking rate by quarter --------------------------------------------------------------------------


def test_rate_by_quarter_and_speeding_up_at_the_end() -> None:
    words = even_words(0.0, 45.0, 2.5) + even_words(45.0, 60.0, 4.0)
    profile = describe_voice(contours(), words)
    assert profile.rate_by_quarter_wpm == pytest.approx([150, 150, 150, 240], abs=3)
    assert any("sped up in the last quarter: 240 words a minute against 1" in n for n in profile.notes)


def test_slowing_down_at_the_end() -> None:
    words = even_words(0.0, 45.0, 2.5) + even_words(45.0, 60.0, 1.5)
    profile = describe_voice(contours(), words)
    assert any("slowed down in the last quarter" in note for note in profile.notes)


def test_a_long_pause_is_not_counted_as_slow_speech() -> None:
    words = even_words(0.0, 20.0, 2.5) + even_words(26.0, 60.0, 2.5)
    profile = describe_voice(contours(silences=((20.0, 26.0),)), words)
    rates = profile.rate_by_quarter_wpm
    assert rates is not None and all(r == pytest.approx(150, abs=5) for r in rates if r is not None)
    assert not any("slowed" in note or "sped" in note for note in profile.notes)


def test_short_answers_get_rates_but_no_rate_observation() -> None:
    # quarters of a few seconds swing with word lengths and sentence breaks (see RATE_NOTE_MIN_S)
    words = even_words(0.0, 15.0, 2.5) + even_words(15.0, 20.0, 4.5)
    profile = describe_voice(contours(seconds=20.0), words)
    assert profile.rate_by_quarter_wpm is not None
    assert not any("quarter:" in note for note in profile.notes)


def test_without_word_timings_there_is_no_rate() -> None:
    profile = describe_voice(contours())
    assert profile.rate_by_quarter_wpm is None and profile.opening is not None and profile.opening.wpm is None


# --- wording -------------------------------------------------------------------------------------------

#: What an observation must never say: a claim about the person rather than about the sound.
PERSONALITY = ("nervous", "anxious", "confident", "bored", "boring", "shy", "insecure", "unsure", "timid",
               "energetic", "passionate", "lazy", "uninterested", "personality", "you are", "you're")  # fmt: skip


def test_observations_describe_the_sound_never_the_person() -> None:
    cases = [
        describe_voice(
            contours(swing_st=0.3, silences=((0, 3), (20, 24)), quiet=((3, 13, 8),)),
            even_words(3, 45, 1.5) + even_words(45, 60, 4),
        ),  # fmt: skip
        describe_voice(contours(swing_st=0.3), even_words(0, 45, 4) + even_words(45, 60, 1)),
    ]
    notes = [note for profile in cases for note in profile.notes]
    assert len(notes) >= 6
    for note in notes:
        assert not any(word in note.lower() for word in PERSONALITY), note


# --- the typed model and the JSON contract -------------------------------------------------------------


def _measured() -> VoiceProfile:
    words = even_words(3.0, 45.0, 2.5) + even_words(45.0, 60.0, 4.0)
    return describe_voice(contours(silences=((0.0, 3.0), (20.0, 23.0))), words)


def test_a_voice_profile_round_trips_through_json() -> None:
    profile = _measured()
    assert VoiceProfile.from_dict(json.loads(json.dumps(profile.to_dict()))) == profile


def test_feedback_with_a_voice_round_trips_and_matches_the_schema() -> None:
    words = [Word(w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate("I led the fix and it worked".split())]
    result = score_answer("Tell me about a fix.", "I led the fix and it worked.", words=words, duration_s=3.0)
    result.delivery.voice = _measured()
    data = result.to_dict()
    jsonschema.validate(data, SCHEMA)
    assert Feedback.from_dict(data) == result
    assert Feedback.from_dict(json.loads(json.dumps(data))) == result
    typed = score_answer("Why us?", "I like the product.").to_dict()
    assert typed["delivery"]["voice"] is None
    jsonschema.validate(typed, SCHEMA)


def test_rows_from_before_voice_figures_and_hand_edited_ones_read_safely() -> None:
    data = score_answer("Why us?", "I like the product.").to_dict()
    older = {**data, "delivery": {k: v for k, v in data["delivery"].items() if k != "voice"}}
    assert Feedback.from_dict(older).delivery.voice is None
    junk = {**data, "delivery": {**data["delivery"], "voice": {"pitch_sd_st": "high", "long_pauses": [7],
            "rate_by_quarter_wpm": [150, None, "x"], "track": "none", "opening": [], "notes": [1, "ok"]}}}  # fmt: skip
    voice = Feedback.from_dict(junk).delivery.voice
    assert voice == VoiceProfile(
        None, None, None, None, None, None, None, None, None, [150.0, None, None], notes=["ok"]
    )


def test_partial_profiles_build_with_their_defaults() -> None:
    bare = VoiceProfile(10.0, 0.1, 9.9, 5.0, 120.0, 6.0, 2.0, 5.0, 18.0, None)
    assert VoiceProfile.from_dict(bare.to_dict()) == bare
    full = VoiceProfile(
        10.0, 0.1, 9.9, 5.0, 120.0, 6.0, 2.0, 5.0, 18.0, [150.0, None, 140.0, 160.0],
        [VoicePause(3.0, 5.5, 0.3)], VoiceOpening(0.1, 10.0, 150.0, None, 2.0, None),
        VoiceTrack(0.2, [0.0, None], [None, -3.0]), ["a note"], "tracker",
    )  # fmt: skip
    assert VoiceProfile.from_dict(full.to_dict()) == full
