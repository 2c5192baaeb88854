"""Recordings cut short by a crash: found by their markers, repaired, and put back in the history."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
import soundfile
from conftest import run_cli

from practice.answers.recovery import _session_start, recover_into_history
from practice.audio.markers import discard, find_unfinished, marker_path, write_marker
from practice.audio.wavfile import RecoveryError, pcm16_header, repair_wav
from practice.core.banks import Bank, BankCatalog, Question
from practice.core.records import SessionRecord
from practice.storage.history import Store

RATE = 16_000
PCM = (np.sin(np.arange(RATE * 3) / 7) * 9000).astype("<i2").tobytes()  # 3 s
SESSION = "20260126-094512-3fa2c1"
BANK = Bank(
    "mine",
    "My bank",
    "",
    Path("/banks/mine.toml"),
    (Question("why-role", "Why do you want this role?", "motivation"),),
)


def wav(path: Path, header_bytes: int, audio: bytes = PCM, tail: bytes = b"") -> Path:
    path.write_bytes(pcm16_header(RATE, 1, header_bytes) + audio + tail)
    return path


@pytest.mark.parametrize(
    ("declared", "tail", "why"),
    [
        (0, b"", "killed before the first header update"),
        (RATE * 2, b"", "stale header: the last second was written after it"),
        (0xFFFFFFFF, b"", "a streaming header that never got its size"),
        (RATE * 20, b"", "header larger than the file (the file was cut)"),
        (0, b"\x01", "half a sample at the end"),
    ],
)
def test_repair_rewrites_the_sizes_from_the_file_length(tmp_path: Path, declared: int, tail: bytes, why: str):
    path = wav(tmp_path / "a.wav", declared, tail=tail)
    result = repair_wav(path)
    assert result.changed, why
    assert result.duration_s == pytest.approx(3.0) and result.dropped_bytes == len(tail)
    data, rate = soundfile.read(path, dtype="int16")
    assert rate == RATE and data.tobytes() == PCM  # the audio itself is untouched
    riff, data_size = (
        struct.unpack("<I", path.read_bytes()[4:8])[0],
        struct.unpack("<I", path.read_bytes()[40:44])[0],
    )
    assert riff == path.stat().st_size - 8 and data_size == len(PCM)
    assert not repair_wav(path).changed  # repairing twice changes nothing


def test_repair_leaves_a_good_file_alone_even_with_a_chunk_after_the_audio(tmp_path: Path) -> None:
    listing = b"LIST" + struct.pack("<I", 4) + b"INFO"
    path = tmp_path / "b.wav"
    body = pcm16_header(RATE, 1, len(PCM)) + PCM + listing
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body) - 8) + body[8:])
    before = path.read_bytes()
    result = repair_wav(path)
    assert not result.changed and result.duration_s == pytest.approx(3.0)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a WAV recording"),
        (b"hello, this is a text file" * 10, "not a WAV recording"),
        (b"RIFF\0\0\0\0WAVEfmt ", "header is damaged"),
    ],
)
def test_what_cannot_be_repaired_says_why(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "c.wav"
    path.write_bytes(content)
    with pytest.raises(RecoveryError, match=message):
        repair_wav(path)
    with pytest.raises(RecoveryError, match="no such file"):
        repair_wav(tmp_path / "gone.wav")


def dead_marker(path: Path, **context) -> Path:
    """A marker as left by a process that was killed (its pid no longer runs)."""
    write_marker(path, RATE, 1, context)
    marker = marker_path(path)
    info = json.loads(marker.read_text())
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    info["pid"] = int(finished.stdout)
    marker.write_text(json.dumps(info))
    return marker


def test_find_skips_live_recordings_and_reads_the_rest(tmp_path: Path) -> None:
    live = wav(tmp_path / "live.wav", 0)
    write_marker(live, RATE)  # this very process is "recording" it
    crashed = wav(tmp_path / f"{SESSION}-why-role-2.wav", 0)
    dead_marker(crashed)
    damaged = wav(tmp_path / "damaged.wav", 0)
    marker_path(damaged).write_text("{ not json")
    wav(tmp_path / "finished.wav", len(PCM))  # no marker: a clean stop

    found = {item.wav.name: item for item in find_unfinished([tmp_path])}
    assert set(found) == {crashed.name, damaged.name}
    item = found[crashed.name]
    assert (item.session_id, item.question_id, item.attempt_no) == (SESSION, "why-role", 2)
    assert item.from_session and item.duration_s == pytest.approx(3.0) and item.started_at is not None
    assert not found[damaged.name].from_session
    assert {i.wav.name for i in find_unfinished([tmp_path], include_live=True)} >= {live.name}
    assert [i.wav for i in find_unfinished([crashed])] == [crashed]  # a file can be named directly

    discard(found[damaged.name])
    assert not damaged.exists() and not marker_path(damaged).exists()


@dataclass
class Heard:
    text: str
    duration_s: float = 3.0
    words: list = field(default_factory=list)


def fake_scorer(question, transcript, job, words, duration_s) -> dict:
    scores = {k: {"score": 60, "reason": "", "evidence": [], "tips": []} for k in ("examples", "enthusiasm")}
    scores["alignment"] = {"score": 80 if job else None, "reason": "", "evidence": [], "tips": []}
    return {"question": question, "transcript": transcript, "scores": scores, "overall": 65, "tips": []}


def test_a_crashed_first_answer_becomes_a_scored_attempt_in_a_new_session(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    path = wav(tmp_path / f"{SESSION}-why-role-1.wav", 0)
    dead_marker(path)
    (item,) = find_unfinished([tmp_path])
    heard: list[tuple[Path, list[str] | None]] = []

    def transcribe(audio: Path, terms):
        heard.append((audio, terms))
        return Heard("I love this team's mission.")

    attempt = recover_into_history(item, store, BankCatalog([BANK]), transcribe, fake_scorer)
    assert heard == [(path, None)]
    assert attempt.id is not None and attempt.error is None and attempt.score("overall") == 65
    assert attempt.question_text == "Why do you want this role?" and attempt.recording_path == path
    assert attempt.duration_s == pytest.approx(3.0)
    session = store.session(SESSION)
    assert session is not None and session.bank_id == "mine" and session.started_at.hour == 9
    assert not marker_path(path).exists() and find_unfinished([tmp_path]) == []


def test_recovery_joins_its_session_with_the_job_and_a_free_attempt_number(tmp_path: Path) -> None:
    from practice.core.records import AttemptRecord

    store = Store(tmp_path / "h.db")
    job = "Backend engineer\nRequirements:\n- 5 years of Python\n- PostgreSQL tuning\n"
    session = SessionRecord(SESSION, _session_start(SESSION, None), "mine", "My bank", None, job)
    store.ensure_session(session)
    store.save_attempt(
        AttemptRecord(SESSION, "why-role", "Why do you want this role?", 1, session.started_at)
    )
    path = wav(tmp_path / f"{SESSION}-why-role-1.wav", 0)  # a retake that reused the number, then crashed
    dead_marker(path)
    (item,) = find_unfinished([tmp_path])
    terms_seen = []

    def transcribe(audio, terms):
        terms_seen.append(terms)
        return Heard("I tuned PostgreSQL with Python for five years.")

    attempt = recover_into_history(item, store, BankCatalog([BANK]), transcribe, fake_scorer)
    assert attempt.attempt_no == 2 and attempt.score("alignment") == 80
    assert terms_seen[0] and any("Python" in t or "PostgreSQL" in t for t in terms_seen[0])
    assert [a.attempt_no for a in store.attempts(SESSION)] == [1, 2]


def test_a_failed_transcription_still_puts_the_recording_in_the_history(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    path = wav(tmp_path / f"{SESSION}-unknown-question-1.wav", 0)
    dead_marker(path)
    (item,) = find_unfinished([tmp_path])

    def transcribe(audio, terms):
        raise RuntimeError("model exploded")

    attempt = recover_into_history(item, store, BankCatalog([BANK]), transcribe, fake_scorer)
    assert "Transcription failed: model exploded" in (attempt.error or "")
    assert "not found in the question banks" in attempt.question_text
    assert store.session(SESSION).bank_id == "recovered"
    assert not marker_path(path).exists()


def test_a_recording_from_outside_a_session_is_repaired_and_released(tmp_path: Path) -> None:
    path = wav(tmp_path / "my-take.wav", 0)
    dead_marker(path, command="record")
    (item,) = find_unfinished([tmp_path])
    with pytest.raises(RecoveryError, match="not recorded in a practice session"):
        recover_into_history(item, Store(tmp_path / "h.db"), BankCatalog([BANK]), None, fake_scorer)
    assert soundfile.info(path).duration == pytest.approx(3.0)
    assert find_unfinished([tmp_path]) == []


def test_recover_command_lists_repairs_and_discards(tmp_path: Path) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli("recover", *args, timeout=60)

    assert "No unfinished recordings" in cli(str(tmp_path)).stdout
    take = wav(tmp_path / "take.wav", 0)
    dead_marker(take, command="record")
    listed = cli(str(tmp_path), "--list")
    assert listed.returncode == 0 and f"{take} (3.0 s, started" in listed.stdout
    assert struct.unpack("<I", take.read_bytes()[40:44])[0] == 0  # --list changes nothing
    repaired = cli(str(tmp_path))
    assert repaired.returncode == 0, repaired.stderr
    assert f"{take}: 3.0 s of audio (header repaired)" in repaired.stdout
    assert soundfile.info(take).duration == pytest.approx(3.0)
    other = wav(tmp_path / "other.wav", 0)
    dead_marker(other)
    assert cli(str(tmp_path), "--discard").returncode == 0
    assert not other.exists() and take.exists()
