"""Telling when Whisper skipped speech that voice activity detection heard (no model)."""

from __future__ import annotations

from practice.core.signal import SAMPLE_RATE
from practice.stt.speech_activity import SpeechSpan, longest_unheard, spans_within


def test_speech_no_word_covers_is_found() -> None:
    second = SAMPLE_RATE
    spans = [SpeechSpan(0, int(8.4 * second))]  # speech to 8.4 s, padded by 0.2 s at each end
    heard_all = [(0.2, 4.0), (4.1, 8.1)]
    assert longest_unheard(spans, heard_all, 8.4) < 0.2
    stopped_early = [(0.2, 4.0), (4.1, 7.0)]  # "... of about" and the year left out
    assert abs(longest_unheard(spans, stopped_early, 8.4) - 1.2) < 0.05
    assert longest_unheard([], stopped_early, 8.4) == 0.0  # no speech heard: nothing skipped


def test_spans_are_clipped_to_a_piece() -> None:
    spans = [SpeechSpan(0, 100), SpeechSpan(150, 400)]
    assert spans_within(spans, 120, 300) == [SpeechSpan(30, 180)]
