"""The history database: schema and migrations, private files, one transaction a write, deleting files."""

from __future__ import annotations

import sqlite3
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from practice.core.records import AttemptRecord, SessionRecord
from practice.storage.history import SCHEMA_VERSION, Store, StoreError, default_path

T0 = datetime(2026, 1, 26, 9, 30, tzinfo=UTC)


def feedback(overall: int, examples: int = 50, enthusiasm: int = 60, alignment: int | None = 70) -> dict:
    scores = {
        k: {"score": v, "reason": "", "evidence": [], "tips": []}
        for k, v in (("examples", examples), ("enthusiasm", enthusiasm), ("alignment", alignment))
    }
    return {"scores": scores, "delivery": {"words": 10}, "overall": overall, "tips": []}


def session(
    sid: str = "s1", when: datetime = T0, job: str | None = "Backend engineer at Acme"
) -> SessionRecord:
    return SessionRecord(
        sid,
        when,
        "general-behavioral",
        "General behavioral",
        "Backend engineer",
        job,
        {"voice": "en-us", "rate": 165},
    )


def attempt(sid: str = "s1", qid: str = "q1", no: int = 1, when: datetime = T0, **kw) -> AttemptRecord:
    return AttemptRecord(sid, qid, f"Question {qid}?", no, when, **kw)


def test_default_path_follows_home_and_override(isolated_home: Path, monkeypatch, tmp_path: Path) -> None:
    assert default_path() == isolated_home / "history.sqlite3"
    monkeypatch.setenv("INTERVIEW_PRACTICE_DB", str(tmp_path / "elsewhere.db"))
    assert default_path() == tmp_path / "elsewhere.db"


def test_new_database_is_private_wal_and_versioned(isolated_home: Path) -> None:
    store = Store()
    store.ensure_session(session())
    assert store.path == isolated_home / "history.sqlite3"
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    wal = store.path.with_name(store.path.name + "-wal")
    assert wal.exists() and stat.S_IMODE(wal.stat().st_mode) == 0o600
    assert store.schema_version == SCHEMA_VERSION
    with sqlite3.connect(store.path) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_round_trip_and_summaries(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    store.ensure_session(session())
    store.ensure_session(session())  # idempotent: the first attempt of each question calls it
    wav = tmp_path / "s1-q1-1.wav"
    first = store.save_attempt(
        attempt(
            recording_path=wav,
            transcript="I led it.",
            duration_s=12.5,
            words=[{"text": "I", "start": 0.0, "end": 0.2}],
            feedback=feedback(60),
        )
    )
    assert first.id is not None
    store.save_attempt(attempt(no=2, when=T0 + timedelta(minutes=2), feedback=feedback(80, alignment=None)))
    store.save_attempt(attempt(qid="q2", when=T0 + timedelta(minutes=5), error="no speech heard"))

    loaded = store.attempt(first.id)
    assert loaded == first  # paths, json and datetimes survive the round trip exactly
    assert [a.attempt_no for a in store.attempts("s1")] == [1, 2, 1]
    (summary,) = store.sessions()
    assert summary.attempts == 3 and summary.questions == 2
    assert summary.averages["overall"] == 70 and summary.averages["alignment"] == 70  # unscored ones ignored
    assert summary.session.settings == {"voice": "en-us", "rate": 165}
    assert [p.scores["overall"] for p in store.trend()] == [60, 80]
    assert store.last_job_text() == "Backend engineer at Acme"


def test_update_keeps_the_row_and_fills_in_scores(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    store.ensure_session(session())
    saved = store.save_attempt(attempt(recording_path=tmp_path / "a.wav"))  # saved as soon as recording stops
    assert store.attempt(saved.id).score("overall") is None
    from dataclasses import replace

    store.save_attempt(replace(saved, transcript="text", feedback=feedback(77)))
    assert store.attempt(saved.id).score("overall") == 77
    assert len(store.attempts("s1")) == 1


def test_failed_write_leaves_nothing_half_done(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    store.ensure_session(session())
    store.save_attempt(attempt())
    with pytest.raises(sqlite3.IntegrityError):  # same session, question and attempt number
        store.save_attempt(attempt(transcript="duplicate"))
    with pytest.raises(sqlite3.IntegrityError):  # no such session: foreign keys are enforced
        store.save_attempt(attempt(sid="missing"))
    assert len(store.attempts("s1")) == 1
    store.save_attempt(attempt(no=2))  # the connection is still usable after the rollbacks


def test_delete_session_removes_rows_and_recordings(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    keep, gone = tmp_path / "keep.wav", tmp_path / "gone.wav"
    for path in (keep, gone):
        path.write_bytes(b"RIFF")
    store.ensure_session(session("s1"))
    store.ensure_session(session("s2", T0 + timedelta(days=1)))
    store.save_attempt(attempt("s1", recording_path=gone, feedback=feedback(50)))
    store.save_attempt(attempt("s1", "q2", recording_path=tmp_path / "never-written.wav"))
    store.save_attempt(attempt("s2", recording_path=keep, feedback=feedback(90)))

    result = store.delete_session("s1")
    assert gone in result.removed and not result.failed
    assert not gone.exists() and keep.exists()
    assert store.session("s1") is None and store.attempts("s1") == []
    assert [s.session.id for s in store.sessions()] == ["s2"]


def test_migrates_an_old_database_and_refuses_a_newer_one(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    sqlite3.connect(path).close()  # version 0: an empty file from before the first release
    assert Store(path).schema_version == SCHEMA_VERSION
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer version"):
        Store(path)


def test_a_damaged_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot be opened"):
        Store(path)


def test_workers_and_ui_thread_can_share_the_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    store.ensure_session(session())
    errors: list[BaseException] = []

    def write(qid: str) -> None:
        try:
            for n in range(1, 21):
                store.save_attempt(attempt(qid=qid, no=n, feedback=feedback(n)))
                store.sessions()
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=write, args=(f"q{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(store.attempts("s1")) == 80


def test_killed_between_attempts_loses_no_finished_attempt(tmp_path: Path) -> None:
    """A process saving attempts (the way the pipeline does: row, then transcript, then feedback, each a
    transaction) is killed with SIGKILL; every attempt it reported finished is there, whole, and the
    database opens cleanly."""
    import os
    import signal
    import subprocess
    import sys

    path = tmp_path / "h.db"
    writer = (
        "import sys, itertools\n"
        "from dataclasses import replace\n"
        "from pathlib import Path\n"
        "from test_store import attempt, feedback, session\n"
        "from practice.storage.history import Store\n"
        f"store = Store(Path({str(path)!r}))\n"
        "store.ensure_session(session())\n"
        "for n in itertools.count(1):\n"
        "    row = store.save_attempt(attempt(qid=f'q{n}', no=1))\n"
        "    row = store.save_attempt(replace(row, transcript='I led it. ' * 50, duration_s=30.0))\n"
        "    store.save_attempt(replace(row, feedback=feedback(n % 100)))\n"
        "    print(n, flush=True)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), *sys.path])}
    process = subprocess.Popen([sys.executable, "-c", writer], stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    finished = 0
    for line in process.stdout:
        finished = int(line)
        if finished >= 40:
            break
    process.send_signal(signal.SIGKILL)  # mid-way through the next attempts, wherever it is
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL

    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = Store(path)
    saved = store.attempts("s1")
    assert len(saved) >= finished
    complete = [a for a in saved if a.feedback is not None]
    assert len(complete) >= finished
    for record in saved[:finished]:
        assert record.transcript and record.feedback and record.score("overall") is not None
    assert store.schema_version == SCHEMA_VERSION
    store.save_attempt(attempt(qid="after-the-crash"))  # and it is writable again
