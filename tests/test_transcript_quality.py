"""The transcript quality verdict, and how it reaches the stored attempt, the JSON and the review (no model)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from feedback import Feedback, TranscriptQuality, Word, score_answer
from practice.answers.pipeline import AnswerContext, process_answer
from practice.answers.scoring import default_scorer
from practice.core.records import AttemptRecord, SessionRecord
from practice.storage.history import Store
from practice.stt.quality import judge_quality
from practice.stt.speech_activity import SpeechSpan, group_spans
from practice.stt.streaming import Heard
from practice.stt.types import Transcript
from practice.stt.whisper import hotwords_for, looks_like_a_loop, repeated_run

ANSWER = (
    "Last year I led the move of our billing service to a new database. I wrote the plan, tested it on a copy "
    "of production and moved the data over one weekend, and invoices now run forty percent faster."
)


def words_of(text: str, start: float = 0.0, step: float = 0.4) -> list[Word]:
    return [Word(w, start + i * step, start + i * step + 0.3) for i, w in enumerate(text.split())]


def test_a_take_that_is_mostly_silence_says_so_in_plain_words() -> None:
    verdict = judge_quality(duration_s=60.0, speech_s=4.2, word_count=11, confidence=0.9)
    assert verdict.status == "low"
    assert verdict.reason.startswith("I heard only 4.2 seconds of speech")
    verdict = judge_quality(duration_s=60.0, speech_s=14.0, word_count=40, confidence=0.9)
    assert verdict.status == "low" and "I heard speech for only 14 of 60 seconds: check the microphone" in (
        verdict.reason
    )


def test_no_speech_and_no_words_are_none() -> None:
    assert judge_quality(30.0, 0.0, 0, None).status == "none"
    assert "I heard no speech in 30 seconds" in judge_quality(30.0, 0.0, 0, None).reason
    unclear = judge_quality(30.0, 6.0, 0, None)
    assert unclear.status == "none" and "could not make out any words" in unclear.reason


def test_unsure_words_make_a_low_verdict_and_clear_speech_is_ok() -> None:
    assert judge_quality(40.0, 32.0, 90, 0.41).status == "low"
    ok = judge_quality(40.0, 32.0, 90, 0.86)
    assert ok == TranscriptQuality(32.0, "ok", "") and ok.trusted
    # A short take is judged by its speech alone: 6 s with 5.5 s of speech is not "mostly silence".
    assert judge_quality(6.0, 5.5, 14, 0.9).status == "ok"


def test_a_pause_before_stop_is_not_mostly_silence() -> None:
    """29 s take, 26 s of it speech, 3 s of silence before stop: an ordinary answer."""
    assert judge_quality(29.0, 25.0, 75, 0.88).status == "ok"


def test_transcript_quality_uses_measured_speech_and_word_probabilities() -> None:
    words = words_of(ANSWER)
    measured = Transcript(
        ANSWER, words, 60.0, speech=((0.0, 3.5), (10.0, 11.0)), confidences=(0.9,) * len(words)
    )
    assert measured.speech_s == pytest.approx(4.5)
    assert measured.quality.status == "low"
    assert measured.to_dict()["quality"] == measured.quality.to_dict()
    unmeasured = Transcript(ANSWER, words, 14.0)  # from a transcriber that measures neither
    assert unmeasured.quality.status == "ok" and unmeasured.confidence is None


def test_speech_stretches_are_joined_up_to_a_window_and_cut_at_long_silences() -> None:
    rate = 16_000
    spans = [SpeechSpan(0, 3 * rate), SpeechSpan(4 * rate, 8 * rate), SpeechSpan(12 * rate, 14 * rate)]
    assert group_spans(spans, 25 * rate, 2 * rate) == [
        SpeechSpan(0, 8 * rate),
        SpeechSpan(12 * rate, 14 * rate),
    ]
    assert group_spans(spans, 5 * rate, 2 * rate) == spans  # joining the first two would exceed 5 s
    assert group_spans([], 25 * rate, 2 * rate) == []


def test_heard_words_and_speech_split_at_a_cut() -> None:
    heard = Heard(words_of("one two three four"), [0.9, 0.8, 0.7, 0.6], [(0.0, 0.7), (0.8, 1.5)])
    before, after = heard.split(0.75)
    assert [w.text for w in before.words] == ["one", "two"] and before.confidences == [0.9, 0.8]
    assert before.speech == [(0.0, 0.7)] and after.speech == [(0.8, 1.5)]
    before, after = heard.split(1.0)  # inside the second stretch: clipped on both sides
    assert before.speech[-1] == (0.8, 1.0) and after.speech == [(1.0, 1.5)]
    assert (before + after).text == heard.text


def test_feedback_carries_its_quality_through_json() -> None:
    fb = score_answer("Tell me about a project you led.", ANSWER)
    assert fb.to_dict()["quality"] is None  # a typed answer has no recording to judge
    fb.quality = TranscriptQuality(
        4.0, "low", "I heard speech for only 4 of 60 seconds: check the microphone."
    )
    again = Feedback.from_dict(fb.to_dict())
    assert again == fb and again.quality is not None and not again.quality.trusted
    assert Feedback.from_dict({**fb.to_dict(), "quality": {"status": "loud"}}).quality is None


def _context(tmp_path: Path) -> tuple[AnswerContext, AttemptRecord]:
    store = Store(tmp_path / "history.db")
    session = SessionRecord("s1", datetime(2026, 12, 1, 9, 0), "bank", "Bank")
    draft = AttemptRecord(
        "s1", "q1", "Tell me about a project you led.", 1, datetime(2026, 12, 1, 9, 1), tmp_path / "take.wav"
    )
    return AnswerContext(store, default_scorer, session, None), draft


def test_a_low_quality_take_is_scored_with_its_warning_stored(tmp_path: Path) -> None:
    ctx, draft = _context(tmp_path)
    words = words_of(ANSWER)
    transcript = Transcript(ANSWER, words, 60.0, speech=((0.0, 14.0),), confidences=(0.9,) * len(words))
    saved = process_answer(ctx, draft, transcribe=lambda: transcript)
    assert saved.error is None and saved.result is not None
    assert saved.result.quality is not None and saved.result.quality.status == "low"
    stored = ctx.store.attempts("s1")[0]
    assert stored.result is not None and stored.result.quality == saved.result.quality


def test_a_take_with_no_speech_is_kept_with_the_reason_and_no_scores(tmp_path: Path) -> None:
    ctx, draft = _context(tmp_path)
    saved = process_answer(ctx, draft, transcribe=lambda: Transcript("", [], 20.0, speech=()))
    assert saved.result is None
    assert saved.error is not None and saved.error.startswith("I heard no speech in 20 seconds")
    assert saved.recording_path == draft.recording_path  # the take itself is never dropped


def test_scores_of_an_untrusted_take_are_not_counted(tmp_path: Path) -> None:
    ctx, draft = _context(tmp_path)
    words = words_of(ANSWER)
    low = Transcript(ANSWER, words, 60.0, speech=((0.0, 14.0),), confidences=(0.9,) * len(words))
    good = Transcript(ANSWER, words, 16.0, speech=((0.0, 14.0),), confidences=(0.9,) * len(words))
    untrusted = process_answer(ctx, draft, transcribe=lambda: low)
    trusted = process_answer(ctx, replace(draft, attempt_no=2), transcribe=lambda: good)
    assert untrusted.result is not None and untrusted.result.overall is not None  # kept, for the review
    assert untrusted.score("overall") is None and trusted.score("overall") is not None
    assert len(ctx.store.trend()) == 1  # only the trusted take is on the chart


def test_a_phrase_said_four_times_over_is_a_loop_and_a_real_answer_is_not() -> None:
    answer = "I moved the data over one weekend, and invoices now run forty percent faster."
    assert not looks_like_a_loop(answer) and repeated_run(answer.split()) is None
    echoed = answer + " $5M, $5M, $5M, $5M, $5M"
    assert looks_like_a_loop(echoed)
    assert repeated_run(echoed.split()) == (len(answer.split()), 1)
    assert repeated_run("a little bit of a little bit of a little bit of a little bit of".split()) == (0, 4)
    assert repeated_run("no, no, no, I mean yes".split()) is None  # people do repeat themselves, a little


def test_amounts_and_codes_never_steer_recognition() -> None:
    """As hotwords they set off "$5M, $5M, ..." loops; Whisper writes numbers well without them."""
    steered = hotwords_for(["$5M", "P6", "Kubernetes", "CI/CD"])
    assert steered == "Kubernetes, CI/CD"
    assert hotwords_for(["$40M", "2 years"]) is None


def test_exports_carry_the_warning_of_an_untrusted_take() -> None:
    from practice.reports.text import feedback_markdown

    fb = score_answer("Tell me about a project you led.", ANSWER)
    assert "Take this with care" not in feedback_markdown(fb)
    fb.quality = TranscriptQuality(
        4.0, "low", "I heard speech for only 4 of 60 seconds: check the microphone."
    )
    assert "Take this with care:** I heard speech for only 4 of 60 seconds" in feedback_markdown(fb)
