"""Streaming transcription: cuts at pauses, nothing doubled or dropped, and the same words as one whole pass."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from feedback import Word
from practice.stt.pauses import find_pauses, has_speech, split_at_pauses
from practice.stt.streaming import PROVISIONAL_BEAM, TAIL_BEAM, StreamingTranscriber

RATE = 16_000
ROOT = Path(__file__).resolve().parent.parent


def bursts(pattern: list[tuple[float, float]], seed: int = 1) -> tuple[np.ndarray, list[float]]:
    """Noise bursts standing in for words: (sound seconds, following silence seconds). Returns the audio and
    each burst's start time, so a fake recogniser can name a word by when it was said."""
    rng = np.random.default_rng(seed)
    pieces, starts, clock = [], [], 0.0
    for sound, silence in pattern:
        starts.append(round(clock, 2))
        pieces.append(0.3 * rng.standard_normal(int(sound * RATE)).astype(np.float32))
        pieces.append(0.0005 * rng.standard_normal(int(silence * RATE)).astype(np.float32))
        clock += sound + silence
    return np.concatenate(pieces), starts


def live(beam: int | None, fallback: bool) -> bool:
    """Whether a decoding is a live pass (text shown while the person speaks): the only ones never retried."""
    return beam == PROVISIONAL_BEAM and not fallback


def feed_and_step(stream: StreamingTranscriber, audio: np.ndarray) -> None:
    """Half-second blocks, each followed by the worker's step (no thread: deterministic)."""
    for begin in range(0, len(audio), RATE // 2):
        stream.feed(audio[begin : begin + RATE // 2])
        stream.step()


@dataclass
class BurstRecogniser:
    """A fake Whisper: one word per burst that lies whole inside the audio it is given, named by the burst's
    absolute start time. A cut through a burst would show up as a missing or doubled word."""

    starts: list[float]
    calls: list[tuple[float, float, int | None, bool]] = field(default_factory=list)
    loops_when: Callable[[int | None, bool], bool] = lambda beam, fallback: False
    """Which decodings (beam size, fallback allowed) get stuck repeating one word, as Whisper sometimes does."""

    def transcribe(self, audio, prompt_terms=None, offset_s=0.0, beam_size=None, fallback=True, quick=False):
        self.calls.append((offset_s, len(audio) / RATE, beam_size, fallback))
        end = offset_s + len(audio) / RATE
        words, edges = [], [s for s in self.starts]
        for index, start in enumerate(edges):
            stop = edges[index + 1] if index + 1 < len(edges) else start + 0.5
            if start >= offset_s - 0.01 and start + 0.2 <= end:
                words.append(Word(f"w{start:.2f}", start, min(stop, start + 0.4)))
        if self.loops_when(beam_size, fallback):
            words = [Word("the", offset_s + i * 0.05, offset_s + i * 0.05 + 0.04) for i in range(60)]

        @dataclass
        class Result:
            words: list
            text: str = ""

        return Result(words, " ".join(w.text for w in words))


def test_pauses_are_found_between_words_not_inside_them() -> None:
    audio, _ = bursts([(0.4, 0.1), (0.4, 0.5), (0.4, 0.2), (0.4, 1.0)])
    pauses = [(round(a / RATE, 2), round(b / RATE, 2)) for a, b in find_pauses(audio)]
    assert len(pauses) == 2  # the 0.1 s and 0.2 s gaps are too short to cut at
    assert pauses[0][0] == pytest.approx(0.9, abs=0.05) and pauses[0][1] == pytest.approx(1.4, abs=0.05)
    assert has_speech(audio) and not has_speech(np.zeros(RATE, np.float32))


def test_split_at_pauses_keeps_pieces_short_and_cuts_in_silence() -> None:
    audio, starts = bursts([(0.6, 0.4)] * 60)  # 60 s of speech with a pause every second
    pieces = split_at_pauses(audio, max_s=25)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(audio)
    assert all(b - a <= 25 * RATE for a, b in pieces)
    assert all(pieces[i][1] == pieces[i + 1][0] for i in range(len(pieces) - 1))
    for _, cut in pieces[:-1]:
        assert np.max(np.abs(audio[cut - 800 : cut + 800])) < 0.01  # 50 ms either side of a cut is silent


@pytest.mark.parametrize(
    "pattern",
    [
        [(0.5, 0.35)] * 80,  # regular speech
        [(2.5, 0.1)] * 12 + [(0.5, 0.6)] * 20,  # a long stretch with no usable pause (forced cuts)
        [(0.4, 0.4), (0.3, 0.05), (0.6, 2.5)] * 15,  # long pauses
    ],
)
def test_stream_commits_every_word_exactly_once(pattern) -> None:
    audio, starts = bursts(pattern)
    recogniser = BurstRecogniser(starts)
    updates: list[tuple[str, str]] = []
    stream = StreamingTranscriber(
        recogniser, on_update=lambda *update: updates.append(update), background=False
    )
    feed_and_step(stream, audio)
    assert stream.stats.pieces >= 2  # it really cut while listening
    transcript = stream.finish()
    assert [w.text for w in transcript.words] == [f"w{s:.2f}" for s in starts]
    assert transcript.duration_s == pytest.approx(len(audio) / RATE)
    assert updates and updates[-1][0].split()[0] == "w0.00"
    assert any(tentative for _, tentative in updates)  # words still being listened to are told apart
    settled_counts = [len(settled.split()) for settled, _ in updates]
    assert settled_counts == sorted(settled_counts)  # final words are never taken back
    kinds = {(beam, fallback) for _, _, beam, fallback in recogniser.calls}
    # Shown text is never decoded twice (a retry would leave the live text behind); final words may be.
    assert (PROVISIONAL_BEAM, False) in kinds and (None, True) in kinds


def test_a_looping_live_pass_is_not_shown_and_not_kept() -> None:
    audio, starts = bursts([(0.5, 0.35)] * 6)  # 5 s: no commit yet, only live passes
    recogniser = BurstRecogniser(starts, loops_when=live)
    updates: list[tuple[str, str]] = []
    stream = StreamingTranscriber(
        recogniser, on_update=lambda *update: updates.append(update), background=False
    )
    feed_and_step(stream, audio)
    assert (
        sum(1 for call in recogniser.calls if live(call[2], call[3])) >= 3
    )  # it kept trying as audio came in
    assert updates == [] and stream.text == ""
    transcript = stream.finish()  # the tail is decoded again, not taken from a looped pass
    assert not stream.reused_tail
    assert [w.text for w in transcript.words] == [f"w{s:.2f}" for s in starts]


def test_a_looping_final_pass_is_decoded_again_with_whisper_retries() -> None:
    audio, starts = bursts([(0.5, 0.35)] * 30)
    recogniser = BurstRecogniser(starts, loops_when=lambda beam, fallback: beam is None and not fallback)
    stream = StreamingTranscriber(recogniser, background=False)
    feed_and_step(stream, audio)
    assert (None, True) in {(beam, fallback) for _, _, beam, fallback in recogniser.calls}
    assert [w.text for w in stream.finish().words] == [f"w{s:.2f}" for s in starts]


def test_lag_counts_the_wait_for_a_pass_not_just_the_pass() -> None:
    """Audio that arrived while the worker was busy elsewhere waited too: the lag includes that wait."""
    audio, starts = bursts([(0.5, 0.35)] * 3)
    stream = StreamingTranscriber(BurstRecogniser(starts), background=False)
    half = len(audio) // 2
    stream.feed(audio[:half])
    time.sleep(0.3)  # the worker is still busy with an earlier pass while the first half waits
    stream.feed(audio[half:])
    stream.step()
    assert stream.stats.max_lag_s >= 0.3  # though the newest audio it heard had only just arrived
    looping = StreamingTranscriber(BurstRecogniser(starts, loops_when=live), background=False)
    looping.feed(audio[:half])
    looping.step()  # a looped pass: nothing new is shown
    time.sleep(0.3)
    looping.feed(audio[half:])
    looping.step()
    assert looping.stats.max_lag_s >= 0.3  # the audio kept waiting while the passes looped

    silent = StreamingTranscriber(BurstRecogniser([]), background=False)
    silent.feed(np.zeros(3 * RATE, np.float32))
    time.sleep(0.8)
    silent.step()
    silent.feed(audio)
    silent.step()
    assert silent.stats.max_lag_s < 0.4  # silence before the speech kept nobody waiting


def test_stream_in_background_thread() -> None:
    audio, starts = bursts([(0.5, 0.35)] * 40)
    stream = StreamingTranscriber(BurstRecogniser(starts))
    feeder = threading.Thread(
        target=lambda: [stream.feed(audio[i : i + 1600]) for i in range(0, len(audio), 1600)]
    )
    feeder.start()
    feeder.join()
    assert [w.text for w in stream.finish().words] == [f"w{s:.2f}" for s in starts]


def test_cancel_returns_promptly() -> None:
    stream = StreamingTranscriber(BurstRecogniser([]))
    stream.feed(np.zeros(RATE, np.float32))
    stream.cancel()
    assert not stream._thread.is_alive()


@pytest.mark.slow
def test_short_latency_benchmark_gives_the_whole_file_words() -> None:
    """The committed benchmark's short version: a 20 s spoken answer streamed at real-time pace must give the
    same words as transcribing the whole file, with nothing doubled or dropped at the cuts (no timing checks:
    the figures are the benchmark's business)."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "latency.py"),
            "--seconds",
            "20",
            "--runs",
            "1",
            "--show-words",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = dict(item.split("=") for item in result.stdout.strip().splitlines()[-1].split())
    assert set(figures) == {
        "stop_to_feedback_s",
        "anchor_s",
        "ratio",
        "wer_stream",
        "wer_anchor",
        "max_lag_s",
        "peak_rss_mb",
    }
    assert float(figures["wer_stream"]) <= float(figures["wer_anchor"]) + 0.05
    stream_words = next(line for line in result.stdout.splitlines() if line.startswith("stream words:"))
    anchor_words = next(line for line in result.stdout.splitlines() if line.startswith("anchor words:"))
    from practice.stt.measure import normalize, word_error_rate

    stream_text, anchor_text = stream_words.split(":", 1)[1], anchor_words.split(":", 1)[1]
    assert word_error_rate(anchor_text, stream_text) <= 0.08, (anchor_text, stream_text)
    assert abs(len(normalize(stream_text)) - len(normalize(anchor_text))) <= 2  # nothing doubled or dropped


def test_a_stream_over_a_transcriber_does_not_load_the_model() -> None:
    from practice.stt.whisper import Transcriber

    transcriber = Transcriber()
    stream = StreamingTranscriber(transcriber, ["Kubernetes"])
    assert isinstance(stream, StreamingTranscriber) and stream.prompt_terms == ["Kubernetes"]
    stream.feed(np.zeros(RATE // 10, np.float32))  # silence: nothing to decode
    stream.cancel()
    assert not transcriber.loaded


def test_the_pass_that_hears_the_speech_go_quiet_uses_the_full_beam_and_is_the_tail() -> None:
    """A person finishes, then reaches for the key: the pass over the quiet end is a full-beam one, made while
    they reach, so the tail reused at stop is not greedy text; quiet seconds after it cost no further passes."""
    audio, starts = bursts([(0.5, 0.35)] * 12 + [(0.5, 4.0)])
    recogniser = BurstRecogniser(starts)
    stream = StreamingTranscriber(recogniser, background=False)
    feed_and_step(stream, audio)
    transcript = stream.finish()
    assert [w.text for w in transcript.words] == [f"w{s:.2f}" for s in starts]
    assert stream.reused_tail
    last_speech_end = starts[-1] + 0.5
    late = [c for c in recogniser.calls if c[0] + c[1] > last_speech_end + 0.8]
    assert late and all(beam is None for _, _, beam, _ in late)  # full beam once the speech went quiet
    assert len(late) <= 2  # and not again and again over the same words while nothing is said


def test_live_text_keeps_up_while_a_piece_is_being_committed() -> None:
    """The full-beam pass that makes a piece final runs beside the live passes: while it is held up, the text
    on screen still follows the speech, and at stop its words are waited for, not lost or doubled."""
    audio, starts = bursts([(0.5, 0.35)] * 30)  # 25 s with pauses: a cut after 10 s
    release = threading.Event()
    recogniser = BurstRecogniser(starts)
    plain = recogniser.transcribe

    def transcribe(audio, prompt_terms=None, offset_s=0.0, beam_size=None, fallback=True, quick=False):
        if beam_size is None and fallback:  # the committer's full-beam pass: held until released
            assert release.wait(20)
        return plain(audio, prompt_terms, offset_s, beam_size, fallback)

    recogniser.transcribe = transcribe  # type: ignore[method-assign]
    stream = StreamingTranscriber(recogniser)
    block = RATE // 10
    for begin in range(0, len(audio), block):
        stream.feed(audio[begin : begin + block])
        time.sleep(0.01)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and f"w{starts[-1]:.2f}" not in stream.text:
        time.sleep(0.05)
    assert f"w{starts[-1]:.2f}" in stream.text  # the last word is shown though no piece is final yet
    assert stream.stats.pieces == 0
    threading.Timer(0.3, release.set).start()
    transcript = stream.finish()
    assert [w.text for w in transcript.words] == [f"w{s:.2f}" for s in starts]
    assert stream.stats.pieces >= 1


def test_pieces_are_committed_even_when_every_live_pass_loops() -> None:
    """A live pass that loops is not shown, but the pause it found is still a cut: the piece before it is
    committed with the full beam, and at stop the tail is decoded (nothing was heard of it), not taken as heard."""
    audio, starts = bursts([(0.5, 0.35)] * 30)
    recogniser = BurstRecogniser(starts, loops_when=live)
    stream = StreamingTranscriber(recogniser, background=False)
    feed_and_step(stream, audio)
    assert stream.stats.pieces >= 1
    transcript = stream.finish()
    assert not stream.reused_tail
    assert [w.text for w in transcript.words] == [f"w{s:.2f}" for s in starts]


def test_live_passes_decode_only_what_follows_the_frozen_words() -> None:
    """Shown words a few seconds old are not decoded again on every pass: each live pass hears only the last
    seconds, so its cost does not grow with the time since the last cut. The final words are the same."""
    audio, starts = bursts([(0.5, 0.35)] * 30)
    recogniser = BurstRecogniser(starts)
    updates: list[tuple[str, str]] = []
    stream = StreamingTranscriber(
        recogniser, on_update=lambda *update: updates.append(update), background=False
    )
    feed_and_step(stream, audio)
    shown_only = [
        (offset, seconds) for offset, seconds, beam, fallback in recogniser.calls if live(beam, fallback)
    ]
    assert len(shown_only) >= 20 and max(seconds for _, seconds in shown_only) <= 6.0
    assert any(offset > 0 for offset, _ in shown_only[:12])  # frozen before the first cut, not only after it
    shown = [" ".join(update).split() for update in updates]
    assert all(words == sorted(words, key=lambda w: float(w[1:])) for words in shown)  # nothing out of order
    assert [w.text for w in stream.finish().words] == [f"w{s:.2f}" for s in starts]


def held_recogniser(starts: list[float]) -> tuple[BurstRecogniser, threading.Event, list[bool]]:
    """A BurstRecogniser whose live passes wait for `release`; also returns, as each pass begins, whether it is a
    live one."""
    release = threading.Event()
    recogniser = BurstRecogniser(starts)
    plain = recogniser.transcribe
    began: list[bool] = []

    def transcribe(audio, prompt_terms=None, offset_s=0.0, beam_size=None, fallback=True, quick=False):
        began.append(live(beam_size, fallback))
        if live(beam_size, fallback):
            assert release.wait(20)
        return plain(audio, prompt_terms, offset_s, beam_size, fallback)

    recogniser.transcribe = transcribe  # type: ignore[method-assign]
    return recogniser, release, began


def test_a_live_pass_in_flight_that_heard_all_the_speech_is_the_tail() -> None:
    """The person stops talking and presses stop half a second later, while a live pass over everything they
    said is still running: its words are waited for and kept, not decoded again from scratch."""
    audio, starts = bursts([(0.5, 0.35)] * 6 + [(0.5, 0.5)])
    recogniser, release, began = held_recogniser(starts)
    stream = StreamingTranscriber(recogniser)
    stream.feed(audio)
    deadline = time.monotonic() + 10
    while not began and time.monotonic() < deadline:
        time.sleep(0.01)
    assert began == [True]  # a live pass over all of it is in flight
    threading.Timer(0.3, release.set).start()
    transcript = stream.finish()
    assert [w.text for w in transcript.words] == [f"w{s:.2f}" for s in starts]
    assert stream.reused_tail and len(recogniser.calls) == 1


def test_a_live_pass_in_flight_that_missed_the_last_words_is_not_waited_for() -> None:
    """Speech came after the pass in flight began: its words could not be the tail, so stop does not wait for
    it; the tail is decoded beside it with the full beam."""
    audio, starts = bursts([(0.5, 0.35)] * 8)
    first = int(3.0 * RATE)
    recogniser, release, began = held_recogniser(starts)
    stream = StreamingTranscriber(recogniser)
    stream.feed(audio[:first])
    deadline = time.monotonic() + 10
    while not began and time.monotonic() < deadline:
        time.sleep(0.01)
    stream.feed(audio[first:])
    started = time.monotonic()
    transcript = stream.finish()
    waited = time.monotonic() - started
    release.set()
    assert waited < 5  # the held pass was not waited for (it would have held stop for 20 s)
    assert [w.text for w in transcript.words] == [f"w{s:.2f}" for s in starts]
    assert not stream.reused_tail and recogniser.calls[-1][2:] == (TAIL_BEAM, True)
