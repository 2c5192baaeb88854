"""One encoder pass a piece, over only the context it needs (practice/stt/one_window.py)."""

from __future__ import annotations

import numpy as np
import pytest

from practice.stt.one_window import MIN_CONTEXT_S, WINDOW_FRAMES, context_frames


def padded(frames: int) -> np.ndarray:
    """A window of log-mel features as faster-whisper hands it to the encoder: the piece, then zeros."""
    features = np.zeros((1, 80, WINDOW_FRAMES), np.float32)
    features[:, :, :frames] = np.random.default_rng(frames).normal(size=(1, 80, frames))
    return features


def test_a_short_piece_is_encoded_over_the_least_context() -> None:
    assert context_frames(padded(300)) == int(MIN_CONTEXT_S * 100)
    assert context_frames(padded(0)) == int(MIN_CONTEXT_S * 100)


def test_a_long_piece_keeps_all_of_itself_and_a_second_more() -> None:
    assert context_frames(padded(2010)) == 2200  # 20.1 s: up to 21 s, and a second more
    assert context_frames(padded(2950)) == WINDOW_FRAMES  # never more than Whisper's window


@pytest.mark.slow
def test_a_piece_is_encoded_once_over_the_context_it_needs(transcriber, speak, monkeypatch) -> None:
    """faster-whisper on its own encodes 30 s windows, and mostly a second one for the few hundred ms after the
    last word; the studio's model encodes each piece once, over 15 s, and still hears every word of it."""
    from faster_whisper import WhisperModel

    from practice.stt.decode import load_audio

    audio = load_audio(speak("Customers placed their weekly grocery orders at the same time."))
    model = transcriber.load()
    encoded: list[int] = []
    encode = WhisperModel.encode

    def counted(self, features):
        encoded.append(np.shape(features)[-1])
        return encode(self, features)

    monkeypatch.setattr(WhisperModel, "encode", counted)
    segments = model.transcribe_window(audio, language="en", beam_size=5, word_timestamps=True)
    once = list(encoded)
    encoded.clear()
    plain, _ = model.transcribe(audio, language="en", beam_size=5, word_timestamps=True)
    plain_text = " ".join(s.text for s in plain).lower()
    text = " ".join(s.text for s in segments).lower()
    assert "customers placed their weekly grocery orders at the same time" in text
    assert once == [int(MIN_CONTEXT_S * 100)]
    assert "weekly grocery orders" in plain_text and encoded and set(encoded) == {WINDOW_FRAMES}
    words = [w for s in segments for w in s.words]
    assert words[-1].end <= len(audio) / 16000 + 0.1  # word times still line up with the audio
