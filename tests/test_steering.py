"""Keeping a job's terms to themselves, and telling when Whisper skipped speech (no model)."""

from __future__ import annotations

from dataclasses import dataclass

from practice.core.signal import SAMPLE_RATE
from practice.stt.speech_activity import SpeechSpan, longest_unheard, spans_within
from practice.stt.steering import keep_terms, term_words


@dataclass
class W:  # the shape of faster-whisper's Word that the merge reads
    word: str
    start: float = 0.0
    end: float = 0.0


def words(text: str) -> list[W]:
    return [W(f" {w}", i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(text.split())]


def text(found: list[W]) -> str:
    return "".join(w.word for w in found).strip()


def test_the_steered_decoding_gives_only_the_job_terms() -> None:
    plain = words("I moved our services to Cuba neat and tuned posters.")
    steered = words("I moved our services to Kubernetes and to Postgres. Thank you.")
    merged = keep_terms(plain, steered, "Kubernetes, Postgres")
    # The terms come from the steered words; what the terms did to the rest (and the "Thank you.") does not.
    assert text(merged) == "I moved our services to Kubernetes and to Postgres."


def test_steering_that_brings_no_term_changes_nothing() -> None:
    plain = words("and it is worth mention in passing that as an example of fine typography.")
    steered = words("and it is worth mention in passing that has an example of fine typography. five.")
    assert keep_terms(plain, steered, "Python, Kubernetes") == plain
    # ... and words the steered decoding left out stay in.
    assert keep_terms(plain, plain[:5], "Python") == plain


def test_term_words_split_compound_terms() -> None:
    assert term_words("PostgreSQL, CI/CD") == {"postgresql", "ci", "cd", "cicd"}
    assert term_words(None) == set()


def test_speech_no_word_covers_is_found() -> None:
    second = SAMPLE_RATE
    spans = [SpeechSpan(0, int(8.4 * second))]  # speech to 8.4 s, padded by 0.2 s at each end
    heard_all = [(0.2, 4.0), (4.1, 8.1)]
    assert longest_unheard(spans, heard_all, 8.4) < 0.2
    stopped_early = [(0.2, 4.0), (4.1, 7.0)]  # "... of about" and the year left out
    assert abs(longest_unheard(spans, stopped_early, 8.4) - 1.2) < 0.05


def test_spans_are_clipped_to_a_piece() -> None:
    spans = [SpeechSpan(0, 100), SpeechSpan(150, 400)]
    assert spans_within(spans, 120, 300) == [SpeechSpan(30, 180)]
