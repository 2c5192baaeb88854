"""How the voice sounded, on real audio through the real tracker (praat-parselmouth): espeak-ng speech with
flat and lively intonation, louder and softer, with pauses, a late start and a change of pace, and a real
human recording (tests/data/jfk.flac).

The figures each test measured are printed (`pytest -s`); the README's "How the voice sounded" quotes them.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import numpy as np
import pytest
import soundfile
from conftest import run_cli

from feedback.voice import MONOTONE_SD_ST
from feedback.voice_model import VoiceProfile
from practice.answers.voice import measure_voice

DATA = Path(__file__).parent / "data"
SCHEMA = json.loads((Path(__file__).parent.parent / "feedback" / "feedback.schema.json").read_text())
RATE = 22_050  # espeak-ng's own sample rate

STORY = (
    "In my last role I led the migration of our billing system to a new platform. "
    "The old system failed every month end, and customers were charged twice. "
    "I planned the move in three stages and tested each one with real invoices. "
    "After the switch, failed payments dropped by forty percent."
)
SENTENCES = [s.strip() + "." for s in STORY.split(".") if s.strip()]


def espeak(
    text: str, wpm: int = 150, amplitude: int = 100, ssml: bool = False, pitch: int = 50
) -> np.ndarray:
    """espeak-ng's en-us voice as samples at RATE."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is missing: run `make test`, which installs it")
    args = ["espeak-ng", "-v", "en-us", "-s", str(wpm), "-a", str(amplitude), "-p", str(pitch), "--stdout"]
    out = subprocess.run([*args, *(["-m"] if ssml else []), text], capture_output=True, check=True).stdout
    samples, rate = soundfile.read(io.BytesIO(out))
    assert rate == RATE
    return samples


def answer(tmp_path: Path, name: str, *parts: np.ndarray | float) -> Path:
    """A WAV of the parts in order; a number is that many seconds of digital silence."""
    pieces = [np.zeros(int(p * RATE)) if isinstance(p, float | int) else p for p in parts]
    path = tmp_path / f"{name}.wav"
    soundfile.write(path, np.concatenate(pieces), RATE)
    return path


def report(name: str, profile: VoiceProfile) -> None:
    print(
        f"\n{name}: pitch_sd_st={profile.pitch_sd_st} pitch_range_st={profile.pitch_range_st} "
        f"median_hz={profile.pitch_median_hz} loudness_sd_db={profile.loudness_sd_db} "
        f"rate_by_quarter_wpm={profile.rate_by_quarter_wpm} pauses={[(p.start, p.end) for p in profile.long_pauses]} "
        f"delay_s={profile.opening.delay_s if profile.opening else None} notes={profile.notes}"
    )


def monotone(profile: VoiceProfile) -> bool:
    return any("varied little" in note for note in profile.notes)


# --- intonation ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_flat_intonation_measures_flatter_than_lively_intonation(tmp_path: Path) -> None:
    """espeak-ng reads SSML with -m: `range="x-low"` is a near-monotone voice, `x-high` a lively one."""
    profiles = {}
    for rng in ("x-low", "medium", "x-high"):
        ssml = f'<speak><prosody range="{rng}">{STORY}</prosody></speak>'
        profiles[rng] = measure_voice(answer(tmp_path, rng, espeak(ssml, ssml=True)))
        report(f"espeak range={rng}", profiles[rng])
    flat, medium, lively = profiles["x-low"], profiles["medium"], profiles["x-high"]
    assert flat.pitch_sd_st is not None and medium.pitch_sd_st is not None and lively.pitch_sd_st is not None
    assert flat.pitch_sd_st < MONOTONE_SD_ST < medium.pitch_sd_st < lively.pitch_sd_st
    assert lively.pitch_sd_st > 3 * flat.pitch_sd_st  # measured 0.37 against 2.33: a wide margin, kept wide
    assert flat.pitch_range_st is not None and lively.pitch_range_st is not None
    assert lively.pitch_range_st > 3 * flat.pitch_range_st
    assert monotone(flat) and not monotone(medium) and not monotone(lively)
    # the plot shows it too: the flat answer's pitch row uses at most three block heights, the lively one more
    from practice.reports.voice import plot_rows

    def heights(profile: VoiceProfile) -> int:
        return len(set(dict(plot_rows(profile))["Pitch"]) - {" "})

    assert heights(flat) <= 3 < heights(lively)


def test_the_tracker_reads_a_known_glide_in_semitones(tmp_path: Path) -> None:
    """An octave glide (150 to 300 Hz, even in semitones) through the real tracker: the 5th-95th percentile
    range is 90% of 12 semitones and the median is the middle, 212 Hz. Fast: Praat only, no speech synthesis."""
    rate, seconds = 16_000, 4.0
    t = np.arange(int(rate * seconds)) / rate
    freq = 150.0 * 2 ** (t / seconds)
    glide = 0.3 * np.sin(2 * np.pi * np.cumsum(freq) / rate)
    path = tmp_path / "glide.wav"
    soundfile.write(path, glide, rate)
    profile = measure_voice(path)
    assert profile.pitch_range_st == pytest.approx(10.8, abs=0.3)
    assert profile.pitch_median_hz == pytest.approx(150 * 2**0.5, rel=0.02)
    assert profile.pitch_sd_st == pytest.approx(12 / 12**0.5, abs=0.15)  # uniform over 12 st: 12 / sqrt(12)


@pytest.mark.slow
def test_a_higher_voice_measures_higher_in_hz(tmp_path: Path) -> None:
    low = measure_voice(answer(tmp_path, "low", espeak(STORY, pitch=20)))
    high = measure_voice(answer(tmp_path, "high", espeak(STORY, pitch=80)))
    assert low.pitch_median_hz is not None and high.pitch_median_hz is not None
    assert high.pitch_median_hz > 1.2 * low.pitch_median_hz
    # (espeak-ng's pitch setting reshapes its melody too, so the semitone spreads differ: not compared)


# --- loudness, pauses, the opening ---------------------------------------------------------------------


@pytest.mark.slow
def test_louder_and_softer_sentences_measure_as_more_loudness_variation(tmp_path: Path) -> None:
    even = measure_voice(answer(tmp_path, "even", *(espeak(s) for s in SENTENCES * 2)))
    varied = measure_voice(
        answer(
            tmp_path, "varied", *(espeak(s, amplitude=(25, 200)[i % 2]) for i, s in enumerate(SENTENCES * 2))
        )
    )
    report("even loudness", even)
    report("alternating loudness", varied)
    assert even.loudness_sd_db is not None and varied.loudness_sd_db is not None
    assert varied.loudness_sd_db > even.loudness_sd_db + 2.0  # measured 5.4 against 8.4 dB


@pytest.mark.slow
def test_a_long_pause_is_found_where_it_was_put(tmp_path: Path) -> None:
    first, second = espeak(" ".join(SENTENCES[:2])), espeak(" ".join(SENTENCES[2:]))
    profile = measure_voice(answer(tmp_path, "pause", first, 3.0, second))
    report("3 s pause", profile)
    (pause,) = profile.long_pauses
    gap_starts = len(first) / RATE
    assert pause.start == pytest.approx(gap_starts, abs=0.6)  # espeak's own trailing silence comes first
    assert pause.end == pytest.approx(gap_starts + 3.0, abs=0.3)
    assert any("pause over 2 s" in note for note in profile.notes)


@pytest.mark.slow
def test_a_late_start_and_a_quiet_opening_are_observed(tmp_path: Path) -> None:
    late = measure_voice(answer(tmp_path, "late", 3.0, *(espeak(s) for s in SENTENCES)))
    assert late.opening is not None and late.opening.delay_s == pytest.approx(3.0, abs=0.15)
    assert any("before your first word" in note for note in late.notes)
    quiet = measure_voice(
        answer(tmp_path, "quiet", espeak(SENTENCES[0], amplitude=30), *(espeak(s) for s in SENTENCES * 2))
    )
    report("quiet first sentence", quiet)
    assert quiet.opening is not None and quiet.opening.loudness_vs_rest_db is not None
    assert quiet.opening.loudness_vs_rest_db <= -3.0
    assert any("quieter than the rest" in note for note in quiet.notes)


# --- speaking rate, with the real model's word timings ---------------------------------------------------


@pytest.mark.slow
def test_speeding_up_and_slowing_down_at_the_end(tmp_path: Path, transcriber) -> None:
    steady = [espeak(s) for s in SENTENCES + SENTENCES[:2]]
    cases = {
        "rushed": answer(tmp_path, "rushed", *steady, *(espeak(s, wpm=260) for s in SENTENCES)),
        "slowed": answer(tmp_path, "slowed", *steady, *(espeak(s, wpm=95) for s in SENTENCES[:2])),
    }
    for name, path in cases.items():
        profile = measure_voice(path, transcriber.transcribe(path).words)
        report(name, profile)
        rates = profile.rate_by_quarter_wpm
        assert rates is not None and None not in rates
        before = sorted(rates[:3])[1]
        if name == "rushed":
            assert rates[3] > 1.3 * before
            assert any("sped up in the last quarter" in note for note in profile.notes)
        else:
            assert rates[3] < 0.75 * before
            assert any("slowed down in the last quarter" in note for note in profile.notes)


# --- a real human voice --------------------------------------------------------------------------------


def test_a_real_human_recording_measures_in_a_human_range() -> None:
    """JFK's 11 s (tests/data/jfk.flac): a lively male voice, no pause over 2 s, speaking from 0.3 s."""
    profile = measure_voice(DATA / "jfk.flac")
    report("jfk.flac", profile)
    assert profile.pitch_sd_st is not None and 2.0 <= profile.pitch_sd_st <= 4.5  # measured 2.74
    assert profile.pitch_median_hz is not None and 150 <= profile.pitch_median_hz <= 300  # measured 235
    assert not monotone(profile) and profile.long_pauses == []
    assert profile.speech_start_s is not None and profile.speech_start_s < 1.0


@pytest.mark.slow
def test_score_audio_json_carries_the_voice(tmp_path: Path) -> None:
    result = run_cli("score", "--audio", str(DATA / "jfk.flac"), "--question", "What do you ask of people?")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    voice = data["delivery"]["voice"]
    assert voice["pitch_sd_st"] == pytest.approx(2.7, abs=0.3)
    assert len(voice["rate_by_quarter_wpm"]) == 4 and all(r > 0 for r in voice["rate_by_quarter_wpm"])
    assert voice["measured_with"].startswith("praat-parselmouth")
