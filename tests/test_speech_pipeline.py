"""The real offline speech pipeline: espeak-ng voice, embedded Whisper model, virtual sound card."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import soundfile
from conftest import run_cli, word_error_rate

ANSWER = (
    "Last spring I led the migration of our billing service to a new database. "
    "I wrote the migration plan, tested it on a copy of production, and moved the data over one weekend. "
    "As a result, invoices were generated forty percent faster."
)


@pytest.mark.slow
def test_spoken_answer_round_trip(speak, transcriber, tmp_path: Path) -> None:
    wav = speak(ANSWER, wpm=150)
    transcript = transcriber.transcribe(wav)
    wer = word_error_rate(ANSWER, transcript.text)
    assert wer < 0.15, (wer, transcript.text)
    assert (
        transcript.words
        and transcript.words[0].start < transcript.words[-1].end <= transcript.duration_s + 0.5
    )

    result = run_cli(
        "score",
        "--audio",
        str(wav),
        "--question",
        "Tell me about a project you led.",
        "--job",
        str(Path(__file__).parent / "data" / "backend-job.txt"),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    from test_cli import assert_valid

    assert_valid(data)
    assert data["duration_s"] == pytest.approx(transcript.duration_s, abs=0.5)
    assert data["delivery"]["wpm"] is not None and 100 < data["delivery"]["wpm"] < 200


@pytest.mark.slow
def test_fillers_survive_transcription(speak, transcriber) -> None:
    """Whisper drops "um"/"uh" by default; the filler prompt must keep most of them (FACTS.md)."""
    wav = speak("Um, so last year I, uh, led our team. Um, we shipped, uh, the new app in March.", wpm=140)
    words = transcriber.transcribe(wav).text.lower()
    kept = words.count("um") + words.count("uh")
    assert kept >= 2, words


@pytest.mark.slow
def test_speaker_synthesizes_and_caches(tmp_path: Path) -> None:
    from practice.audio.voice import Speaker, SpeechError

    speaker = Speaker(tmp_path, voice="en-us", rate=160)
    first = speaker.synthesize("Why do you want this role?")
    data, rate = soundfile.read(first)
    assert rate == 22050 and len(data) > rate * 0.8
    mtime = first.stat().st_mtime_ns
    assert speaker.synthesize("Why do you want this role?") == first
    assert first.stat().st_mtime_ns == mtime  # served from the cache, not synthesized again
    faster = Speaker(tmp_path, voice="en-us", rate=260).synthesize("Why do you want this role?")
    assert faster != first and len(soundfile.read(faster)[0]) < len(data)
    with pytest.raises(SpeechError, match="not installed"):
        Speaker(tmp_path, voice="klingon-xx").synthesize("Hello")


@pytest.mark.slow
def test_each_question_is_spoken_at_its_own_rate(tmp_path: Path) -> None:
    """Panel members and settings change the rate between questions: each must take effect at once (the engine
    once applied a rate one question late)."""
    from practice.audio.voice import Speaker

    lengths: dict[int, list[int]] = {160: [], 260: []}
    for round_no in range(4):
        for rate in (160, 260):
            wav = Speaker(tmp_path / f"{round_no}-{rate}", voice="en-us", rate=rate).synthesize(
                "Why this role?"
            )
            lengths[rate].append(len(soundfile.read(wav)[0]))
    assert max(lengths[260]) < 0.8 * min(lengths[160]), lengths


@pytest.mark.slow
@pytest.mark.soundcard
def test_record_what_is_played(soundcard, speak, transcriber, tmp_path: Path) -> None:
    """Player -> virtual sink -> Recorder from its monitor -> the same words come back."""
    from practice.audio.player import Player
    from practice.audio.recorder import Recorder

    wav = speak(ANSWER, wpm=150)
    recorder = Recorder()
    out = tmp_path / "answer.wav"
    chunks: list[int] = []
    recorder.start(out, on_chunk=lambda block: chunks.append(len(block)))
    time.sleep(0.3)
    Player().play_file(wav, wait=True)
    time.sleep(2.5)  # mid-recording the file on disk is already a valid WAV with most of the audio
    on_disk = soundfile.info(out).duration
    recording = recorder.stop()
    assert on_disk > recording.duration_s - 1.5
    assert recording.peak > 0.05 and sum(chunks) == int(recording.duration_s * recording.samplerate)
    heard = transcriber.transcribe(out).text
    assert word_error_rate(ANSWER, heard) < 0.15, heard


@pytest.mark.soundcard
def test_the_gap_before_audio_flows_is_measured(soundcard, tmp_path: Path) -> None:
    """The studio says "recording" only when the first block arrives: the recorder measures how long that took
    (1 to 2 s on the virtual sound card, FACTS.md), and the take's clock counts only audio that arrived."""
    from practice.audio.recorder import Recorder

    recorder = Recorder()
    first: list[float] = []
    started = time.monotonic()
    recorder.start(
        tmp_path / "take.wav", on_chunk=lambda _block: first.append(time.monotonic()) if not first else None
    )
    deadline = started + 10
    while recorder.first_audio_delay_s is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(1.0)
    recording = recorder.stop()
    delay = recorder.first_audio_delay_s
    assert delay is not None and first, "no audio arrived within 10 s"
    print(f"first block after {delay:.2f} s")
    assert 0 < delay < 10
    assert abs((first[0] - started) - delay) < 0.3  # the block the studio reacts to is the one measured
    assert recording.duration_s <= time.monotonic() - started - delay + 0.5


@pytest.mark.slow
@pytest.mark.soundcard
def test_player_stops_at_once(soundcard, speak) -> None:
    from practice.audio.player import Player

    player = Player()
    player.play_file(speak(ANSWER))
    time.sleep(0.3)
    assert player.playing
    started = time.perf_counter()
    player.stop()
    assert not player.playing and time.perf_counter() - started < 0.5


def test_no_input_device_is_a_clear_error(tmp_path: Path) -> None:
    """With no sound server and no card, recording says what to do instead of crashing."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULSE", "XDG_RUNTIME"))}
    env["PULSE_SERVER"] = f"unix:{tmp_path}/no-such-socket"
    env["XDG_RUNTIME_DIR"] = str(tmp_path)
    code = (
        "from pathlib import Path; from practice.audio.recorder import Recorder\n"
        "from practice.audio.devices import NoInputDeviceError, default_input\n"
        "print('default', default_input())\n"
        "try:\n    Recorder().start(Path('x.wav'))\nexcept NoInputDeviceError as e:\n    print('ERROR', e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60
    )
    assert "default None" in result.stdout, result.stdout + result.stderr
    assert "ERROR No microphone (input device) was found" in result.stdout
    assert "type your answer instead" in result.stdout
    assert not (tmp_path / "x.wav").exists()


@pytest.mark.slow
def test_job_terms_steer_recognition(speak, transcriber) -> None:
    """Job terms go in as hotwords (FACTS.md: they fixed "Cubanites" into "Kubernetes")."""
    wav = speak("Um, so last year I, uh, moved our services to Kubernetes and tuned Postgres.", wpm=150)
    steered = transcriber.transcribe(wav, prompt_terms=["Kubernetes", "PostgreSQL", "Postgres"]).text
    assert "Kubernetes" in steered, steered


@pytest.mark.slow
def test_model_setting_is_used_when_no_flag(tmp_path: Path, isolated_home: Path) -> None:
    """`model` in settings.toml picks the model for every command; a bad one is a clear error."""
    (isolated_home / "settings.toml").write_text(f'model = "{tmp_path / "not-a-model"}"\n')
    result = run_cli("transcribe", str(Path(__file__).parent / "data" / "jfk.flac"), timeout=120)
    assert result.returncode == 1
    assert "not-a-model does not exist" in result.stderr
