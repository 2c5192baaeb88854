"""How the voice sounded, kept and compared: the history stores the figures with the attempt, the person's own
earlier answers are the yardstick, recovered answers are measured too, and the exports show it all.

Fast: the recordings here are tones made with numpy, measured by the real tracker (praat-parselmouth).
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
import soundfile

from feedback import Word, score_answer
from feedback.voice_model import VoicePause, VoiceProfile, VoiceTrack
from practice.answers.voice import VoiceMeasureError, add_voice, needs_voice, with_voice, words_of
from practice.core.records import AttemptRecord, SessionRecord
from practice.core.voice_compare import MIN_EARLIER, compare_voice, comparison_lines
from practice.reports.html import session_html
from practice.reports.markdown import session_markdown
from practice.reports.model import load_report
from practice.reports.voice import plot_text, voice_svg
from practice.storage.history import Store

START = datetime(2026, 1, 26, 9, 0, tzinfo=UTC)
ANSWER = "I led the billing migration and failed payments dropped by forty percent."


def voice(sd: float, pauses: int = 0, rate: float = 150.0) -> VoiceProfile:
    return VoiceProfile(
        60.0, 0.2, 59.8, 30.0, 120.0, sd * 3.3, sd, 5.0, 18.0, [rate] * 4,
        [VoicePause(10.0 + 5 * i, 12.5 + 5 * i, 0.2) for i in range(pauses)],
        track=VoiceTrack(1.0, [0.0, sd, -sd, None], [0.0, -3.0, None, 2.0]), notes=["a note <b>"],
    )  # fmt: skip


def tone_recording(path: Path, seconds: float = 6.0, gap: tuple[float, float] | None = (2.0, 4.5)) -> Path:
    """A gliding tone (a stand-in for a voice) with a silent gap, 16 kHz."""
    rate = 16_000
    t = np.arange(int(rate * seconds)) / rate
    freq = 150.0 * 2 ** (np.sin(t) / 4)
    samples = 0.3 * np.sin(2 * np.pi * np.cumsum(freq) / rate)
    if gap:
        samples[int(gap[0] * rate) : int(gap[1] * rate)] = 0.0
    soundfile.write(path, samples, rate)
    return path


def saved_attempt(store: Store, n: int, recording: Path | None = None, profile: VoiceProfile | None = None):
    session = SessionRecord("s1", START, "bank", "Bank")
    store.ensure_session(session)
    words = [Word(w, i * 0.5, i * 0.5 + 0.4) for i, w in enumerate(ANSWER.split())]
    result = score_answer("Tell me about a fix.", ANSWER, words=words, duration_s=6.0)
    result.delivery.voice = profile
    attempt = AttemptRecord(
        "s1", f"q{n}", "Tell me about a fix.", 1, START + timedelta(minutes=n), recording_path=recording,
        transcript=ANSWER, words=[dataclasses.asdict(w) for w in words], duration_s=6.0, feedback=result.to_dict(),
    )  # fmt: skip
    return store.save_attempt(attempt)


# --- the history -----------------------------------------------------------------------------------------


def test_add_voice_measures_the_recording_and_keeps_the_figures_with_the_attempt(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    attempt = saved_attempt(store, 1, tone_recording(tmp_path / "a.wav"))
    assert needs_voice(attempt)
    measured = add_voice(store, attempt)
    profile = measured.result.delivery.voice if measured.result else None
    assert profile is not None and profile.pitch_median_hz == pytest.approx(150, rel=0.1)
    (pause,) = profile.long_pauses
    assert pause.end - pause.start == pytest.approx(2.5, abs=0.1)
    assert profile.rate_by_quarter_wpm is not None  # the stored word timings were used
    # the row read back has it; nothing else of the row changed; measuring again does nothing
    again = store.attempt(attempt.id or 0)
    assert again is not None and again.result is not None and again.result.delivery.voice == profile
    assert replace(again, feedback=attempt.feedback) == replace(attempt, feedback=attempt.feedback)
    assert not needs_voice(again) and add_voice(store, again, meter=_never) == again


def _never(path: Path, words) -> VoiceProfile:
    raise AssertionError("measured twice")


def test_a_failed_measurement_says_why_and_leaves_the_attempt_alone(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    attempt = saved_attempt(store, 1, tone_recording(tmp_path / "a.wav"))

    def broken(path: Path, words) -> VoiceProfile:
        raise RuntimeError("tracker crashed")

    with pytest.raises(VoiceMeasureError, match="not measured"):
        add_voice(store, attempt, meter=broken)
    assert store.attempt(attempt.id or 0) == attempt
    (tmp_path / "a.wav").unlink()  # recording gone: nothing to measure, nothing raised
    assert not needs_voice(attempt) and add_voice(store, attempt) == attempt


def test_typed_answers_and_unreadable_files(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    typed = saved_attempt(store, 1)
    assert not needs_voice(typed) and add_voice(store, typed) == typed
    garbage = tmp_path / "b.wav"
    garbage.write_bytes(b"not audio at all" * 100)
    with pytest.raises(VoiceMeasureError, match="not measured"):
        add_voice(store, saved_attempt(store, 2, garbage))


def test_earlier_answers_are_read_newest_first_and_never_later_ones(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    attempts = [saved_attempt(store, n, profile=voice(sd=1.0 + n)) for n in range(5)]
    saved_attempt(store, 9)  # no voice: not read
    assert [p.pitch_sd_st for p in store.voice_profiles()] == [5.0, 4.0, 3.0, 2.0, 1.0]
    assert [p.pitch_sd_st for p in store.voice_profiles(before=attempts[3])] == [3.0, 2.0, 1.0]
    assert [p.pitch_sd_st for p in store.voice_profiles(limit=2)] == [5.0, 4.0]
    assert store.save_voice(12345, {}) is None  # no such attempt


def test_words_of_takes_stored_timings_and_skips_broken_ones() -> None:
    stored = [{"text": "I", "start": 0.0, "end": 0.2}, {"text": "x", "start": "?"}, 7]
    assert words_of(stored) == [Word("I", 0.0, 0.2)]
    assert words_of(None) is None and words_of([{"text": "x"}]) is None
    fb = with_voice({"delivery": {"words": 3}}, voice(2.0))
    assert fb["delivery"]["words"] == 3 and fb["delivery"]["voice"]["pitch_sd_st"] == 2.0


# --- against the person's own earlier answers ------------------------------------------------------------


def test_a_figure_is_placed_among_the_persons_own_answers() -> None:
    earlier = [voice(sd=s, rate=150) for s in (2.0, 2.2, 2.4, 2.6)]
    compared = {c.key: c for c in compare_voice(voice(sd=1.0, pauses=2, rate=150), earlier)}
    pitch = compared["pitch_sd_st"]
    assert (pitch.earlier, pitch.below, pitch.above, pitch.side) == (4, 0, 4, "lower")
    assert pitch.sentence() == (
        "Pitch variation 1.0 semitones: lower than in all 4 earlier answers (median 2.3)."
    )
    assert compared["rate_wpm"].side == "usual"
    assert "about your usual" in compared["rate_wpm"].sentence()
    assert compared["long_pauses"].side == "higher"
    three_of_four = compare_voice(voice(sd=2.75), earlier)[0]
    assert three_of_four.side == "higher" and "higher than in 3 of your 4" in three_of_four.sentence()
    # a difference within the measure's own wobble is no difference
    same = compare_voice(voice(sd=2.1), [voice(sd=2.2)] * 4)[0]
    assert (same.below, same.above, same.side) == (0, 0, "usual")


def test_with_too_few_earlier_answers_there_is_no_comparison_yet() -> None:
    few = [voice(sd=2.0)] * (MIN_EARLIER - 1)
    assert compare_voice(voice(sd=1.0), few) == []
    (line,) = comparison_lines(voice(sd=1.0), few)
    assert f"once there are {MIN_EARLIER}" in line and "2 so far" in line


# --- recovery and exports --------------------------------------------------------------------------------


def test_a_recovered_answer_is_measured_too(tmp_path: Path) -> None:
    from practice.answers.recovery import recover_into_history
    from practice.audio.markers import find_unfinished, write_marker
    from practice.core.banks import Bank, BankCatalog, Question

    bank = Bank("b", "B", "", Path("/b.toml"), (Question("why", "Why this role?", "motivation"),))
    wav = tone_recording(tmp_path / "20260126-094512-3fa2c1-why-1.wav")
    marker = write_marker(wav, 16_000, 1, {})
    info = json.loads(marker.read_text())
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    marker.write_text(json.dumps({**info, "pid": int(ended.stdout)}))  # as left by a killed process
    (item,) = find_unfinished([tmp_path])

    @dataclasses.dataclass
    class Heard:
        text: str = ANSWER
        duration_s: float = 6.0
        words: list = dataclasses.field(default_factory=list)

    def scorer(question, transcript, job, words, duration_s):
        return score_answer(question, transcript, words=words, duration_s=duration_s).to_dict()

    store = Store(tmp_path / "h.db")
    attempt = recover_into_history(item, store, BankCatalog([bank]), lambda audio, terms: Heard(), scorer)
    assert attempt.result is not None and attempt.result.delivery.voice is not None
    assert attempt.result.delivery.voice.long_pauses


def test_exports_show_the_voice_and_the_comparison(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    for n, sd in enumerate((2.0, 2.2, 2.4)):
        saved_attempt(store, n, profile=voice(sd=sd))
    saved_attempt(store, 5, profile=voice(sd=0.5, pauses=1))
    report = load_report(store, "s1")
    markdown = session_markdown(report)
    assert markdown.count("## How the voice sounded") == 4
    assert "lower than in all 3 earlier answers" in markdown
    assert "Pitch: varied 0.5 semitones" in markdown and "Long pauses: 1 (at 0:10)" in markdown
    html = session_html(report)
    assert html.count("<h4>How the voice sounded</h4>") == 4 and html.count('<svg class="voice"') == 4
    assert "lower than in all 3 earlier answers" in html
    assert "a note &lt;b&gt;" in html and "a note <b>" not in html  # stored text is escaped


def test_the_plots_use_a_fixed_scale_so_flat_looks_flat() -> None:
    flat = VoiceProfile(20.0, 0.0, 20.0, 10.0, 100.0, 1.0, 0.3, 5.0, 18.0, None,
                        track=VoiceTrack(0.5, [0.2, -0.2] * 20, [0.0] * 40))  # fmt: skip
    lively = VoiceProfile(20.0, 0.0, 20.0, 10.0, 100.0, 9.0, 3.0, 5.0, 18.0, None,
                          track=VoiceTrack(0.5, [-5.0, -2.0, 1.0, 4.0] * 10, [0.0] * 40))  # fmt: skip
    flat_row, lively_row = plot_text(flat)[0], plot_text(lively)[0]
    assert flat_row.startswith("Pitch") and len(set(flat_row[10:])) == 1
    assert len(set(lively_row[10:])) >= 4
    assert "<path" in voice_svg(lively) and voice_svg(replace(lively, track=None)) == ""
