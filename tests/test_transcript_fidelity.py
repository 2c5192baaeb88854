"""Nothing heard that was not said: the real Whisper model on generated audio that makes it invent words.

Digital silence, room noise and music must give no words (and a "none" or "low" verdict); speech that is
clipped, very quiet or full of long pauses must come through; speech followed by the seconds before stop must
gain nothing; and the same recording must always give the same transcript and the same scores.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import word_error_rate

from feedback import score_answer
from practice.core.signal import SAMPLE_RATE
from practice.stt.decode import load_audio
from practice.stt.streaming import StreamingTranscriber

pytestmark = pytest.mark.slow

SENTENCES = (
    "Last spring I led the migration of our billing service to a new database.",
    "I wrote the plan, tested it on a copy of production, and moved the data over one weekend.",
    "As a result, invoices were generated forty percent faster.",
)
ANSWER = " ".join(SENTENCES)
TERMS = [
    "Kubernetes",
    "PostgreSQL",
    "CI/CD",
    "Python",
]  # a pasted job's terms steer recognition, as in the studio
JFK = Path(__file__).parent / "data" / "jfk.flac"
JFK_TEXT = "And so, my fellow Americans, ask not what your country can do for you, ask what you can do for your country."


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE), np.float32)


def room_noise(seconds: float, level: float = 0.003, seed: int = 3) -> np.ndarray:
    """A quiet room on a laptop microphone: low, slightly muffled hiss (about -50 dBFS)."""
    noise = np.random.default_rng(seed).normal(0.0, 1.0, int(seconds * SAMPLE_RATE))
    noise = np.convolve(noise, np.ones(8) / 8, mode="same")
    return (noise / np.sqrt(np.mean(noise**2)) * level).astype(np.float32)


def music(seconds: float) -> np.ndarray:
    """Piano-like chords, a new one every half second: tonal, loud and rhythmic, but no words."""
    t = np.arange(int(0.5 * SAMPLE_RATE)) / SAMPLE_RATE
    envelope = np.exp(-4 * t)
    chords = ((261.6, 329.6, 392.0), (220.0, 261.6, 329.6), (174.6, 220.0, 261.6), (196.0, 246.9, 293.7))
    pieces = []
    for index in range(int(seconds * 2)):
        chord = chords[index % len(chords)]
        tone = sum(np.sin(2 * np.pi * f * h * t) / h for f in chord for h in (1, 2, 3))
        pieces.append(0.12 * envelope * tone)
    return np.concatenate(pieces).astype(np.float32)


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    import subprocess

    wav = tmp_path_factory.mktemp("speech") / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), ANSWER], check=True)
    return load_audio(wav)


@pytest.mark.parametrize(
    "name, audio",
    [
        ("digital silence", silence(20)),
        ("low room noise", room_noise(20)),
        ("music", music(12)),
    ],
)
def test_no_speech_gives_no_words(transcriber, name: str, audio: np.ndarray) -> None:
    transcript = transcriber.transcribe(audio, prompt_terms=TERMS)
    assert transcript.text == "", (name, transcript.text)
    assert transcript.quality.status == "none", (name, transcript.quality)
    assert (
        "I heard no speech" in transcript.quality.reason or "could not make out" in transcript.quality.reason
    )


@pytest.mark.parametrize("seconds", [2, 5, 8])
@pytest.mark.parametrize("after", ["silence", "room noise"])
def test_the_seconds_before_stop_add_nothing(
    transcriber, spoken: np.ndarray, seconds: int, after: str
) -> None:
    """What Whisper used to append while the person reached for the stop key: "Thank you.", dots, loops."""
    tail = silence(seconds) if after == "silence" else room_noise(seconds)
    audio = np.concatenate(
        [spoken + (room_noise(len(spoken) / SAMPLE_RATE) if after != "silence" else 0), tail]
    )
    transcript = transcriber.transcribe(audio, prompt_terms=TERMS)
    speech_end = len(spoken) / SAMPLE_RATE
    assert all(w.start < speech_end for w in transcript.words), transcript.text
    assert word_error_rate(ANSWER, transcript.text) < 0.12, transcript.text
    assert transcript.quality.status == "ok", transcript.quality


def test_streaming_adds_nothing_in_the_silence_before_stop(transcriber, spoken: np.ndarray) -> None:
    """The studio's live path, with a job pasted: a take ending in 5 s of silence ended in rows of dots."""
    audio = np.concatenate([spoken, silence(5)])
    stream = StreamingTranscriber(transcriber, TERMS, background=False)
    block = SAMPLE_RATE // 10
    for index, begin in enumerate(range(0, len(audio), block)):
        stream.feed(audio[begin : begin + block])
        if index % 10 == 9:
            stream.step()
    transcript = stream.finish()
    assert all(any(c.isalnum() for c in w.text) for w in transcript.words), transcript.text
    assert abs(len(transcript.words) - len(ANSWER.split())) <= 3, transcript.text
    assert word_error_rate(ANSWER, transcript.text) < 0.2, transcript.text  # tiny.en mishears espeak a little
    fb = score_answer("Tell me about a project you led.", transcript.text, words=transcript.words)
    assert fb.delivery.wpm is not None and 110 < fb.delivery.wpm < 190  # 150 wpm spoken, not doubled by dots


def test_clipped_and_very_quiet_speech_come_through(transcriber, spoken: np.ndarray) -> None:
    clipped = np.clip(spoken * 8.0, -1.0, 1.0)  # a microphone gain far too high
    quiet = spoken * 0.02  # about 34 dB down: a voice far from the microphone
    for name, audio in (("clipped", clipped), ("very quiet", quiet)):
        transcript = transcriber.transcribe(audio)
        assert word_error_rate(ANSWER, transcript.text) < 0.2, (name, transcript.text)
        assert transcript.quality.status != "none", name


def test_long_pauses_are_not_filled_with_words(transcriber, tmp_path: Path, speak) -> None:
    parts = [load_audio(speak(s, name=f"part{i}.wav")) for i, s in enumerate(SENTENCES)]
    pause = silence(4.0)
    audio = np.concatenate([parts[0], pause, parts[1], pause + room_noise(4.0), parts[2]])
    transcript = transcriber.transcribe(audio, prompt_terms=TERMS)
    # each sentence is heard alone (cut at the pauses), with less context: a few more slips, no more words
    assert word_error_rate(ANSWER, transcript.text) < 0.2, transcript.text
    assert len(transcript.words) <= len(ANSWER.split()) + 2, transcript.text
    # no word is placed inside a pause
    edges = np.cumsum([0, len(parts[0]), len(pause), len(parts[1]), len(pause), len(parts[2])]) / SAMPLE_RATE
    for start, end in ((edges[1], edges[2]), (edges[3], edges[4])):
        inside = [w.text for w in transcript.words if start + 0.3 < w.start and w.end < end - 0.3]
        assert not inside, inside


@pytest.mark.xfail(
    reason="known (issue 14): with this machine's espeak-ng build, 1.8 s of digital silence before the answer made "
    "the whole-file transcript skip four words of its last sentence; the skipped-speech retry (SKIPPED_SPEECH_S) "
    "brings them back, but the two transcripts still differ by slips ('And a result', '40' for 'for the percent'): "
    "word error rate 0.095 between them, over the test's 0.05",
    strict=False,
)
def test_a_take_that_starts_before_audio_flows_loses_nothing(transcriber, spoken: np.ndarray) -> None:
    """On some sound servers the first 1 to 2 s of a take are digital silence (no audio delivered yet)."""
    # measured against the same speech without the silence, so the model's own slips on synthetic speech
    # (which vary with the espeak-ng build) do not count: what the silence may cost is words, nothing else
    plain = transcriber.transcribe(spoken, prompt_terms=TERMS)
    late = transcriber.transcribe(np.concatenate([silence(1.8), spoken]), prompt_terms=TERMS)
    assert word_error_rate(plain.text, late.text) < 0.05, (plain.text, late.text)
    assert len(late.words) >= len(plain.words) - 1, (plain.text, late.text)
    assert word_error_rate(ANSWER, late.text) < 0.25, late.text  # and it is this answer


def test_mostly_silence_is_a_low_verdict_with_the_seconds_heard(transcriber, spoken: np.ndarray) -> None:
    first = spoken[: int(4.5 * SAMPLE_RATE)]
    transcript = transcriber.transcribe(np.concatenate([first, silence(40)]))
    quality = transcript.quality
    assert quality.status == "low", quality
    assert quality.reason.startswith("I heard only") or "I heard speech for only" in quality.reason


def test_the_same_recording_always_gives_the_same_transcript_and_scores(
    transcriber, spoken: np.ndarray
) -> None:
    cases = (
        (load_audio(JFK), JFK_TEXT, "What would you ask of the team?"),  # real human speech
        (np.concatenate([spoken, room_noise(4)]), ANSWER, "Tell me about a project you led."),
    )
    for audio, reference, question in cases:
        runs = [transcriber.transcribe(audio, prompt_terms=TERMS) for _ in range(3)]
        assert len({r.text for r in runs}) == 1, [r.text for r in runs]
        assert len({tuple(r.words) for r in runs}) == 1
        assert word_error_rate(reference, runs[0].text) < 0.12, runs[0].text
        scores = [
            score_answer(question, r.text, words=r.words, duration_s=r.duration_s).to_dict() for r in runs
        ]
        assert scores[0] == scores[1] == scores[2]
