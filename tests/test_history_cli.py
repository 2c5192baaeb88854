"""`interview-practice history [SESSION] [--json]` over a real stored history, and the store migration that
added the interviewer column (an older database opens, upgrades in place and keeps its rows)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from prep_data import BACKEND_JOB, NORTHWIND, seed

from practice.cli import main
from practice.storage.history import MIGRATIONS, SCHEMA_VERSION, Store

FIRST = "20260126-093000-aaaaaa"
SECOND = "20260127-093000-bbbbbb"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "history.sqlite3"
    store = Store(path)
    seed(store, FIRST, BACKEND_JOB.read_text(), NORTHWIND[:2], title="Backend engineer")
    seed(store, SECOND, None, NORTHWIND[2:], day=1)
    store.close()
    monkeypatch.setenv("INTERVIEW_PRACTICE_DB", str(path))
    return path


def test_history_lists_sessions_newest_first(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith(SECOND) and lines[2].startswith(FIRST)
    assert "2026-01-26 09:30" in lines[2] and "Tailored / Backend engineer" in lines[2]


def test_history_json_has_dates_banks_jobs_and_scores(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(db)
    expected = [a.score("overall") for a in store.attempts(FIRST)]
    store.close()
    assert main(["history", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [SECOND, FIRST]
    first = rows[1]
    assert first["started_at"] == "2026-01-26T09:30:00" and first["bank"] == "Tailored"
    assert first["job_title"] == "Backend engineer" and first["answers"] == 2
    assert first["averages"]["overall"] == round(sum(expected) / len(expected), 1)


def test_history_of_one_session(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", FIRST, "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert [a["question_id"] for a in body["attempts"]] == [NORTHWIND[0][0], NORTHWIND[1][0]]
    assert all(isinstance(a["scores"]["overall"], int) for a in body["attempts"])
    # the tips the scorer gave each answer, as stored (strong answers may rightly get none)
    store = Store(db)
    stored = [a.result.tips for a in store.attempts(FIRST) if a.result is not None]
    store.close()
    assert [a["tips"] for a in body["attempts"]] == stored
    assert main(["history", FIRST]) == 0
    out = capsys.readouterr().out
    assert NORTHWIND[0][1] in out and "try 1" in out


def test_history_unknown_session_and_empty_history(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "20260126-0930"]) == 1
    assert f"Did you mean {FIRST}" in capsys.readouterr().err
    monkeypatch.setenv("INTERVIEW_PRACTICE_DB", str(tmp_path / "empty.sqlite3"))
    assert main(["history"]) == 0
    assert "No sessions yet" in capsys.readouterr().out
    assert main(["history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_old_database_gains_the_interviewer_column(tmp_path: Path) -> None:
    """A version-1 database (before panel mode) with a row in it: opening it migrates in place."""
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        old.execute(statement)
    old.execute("PRAGMA user_version = 1")
    old.execute(
        "INSERT INTO sessions (id, started_at, bank_id, bank_name) VALUES ('s1', '2025-12-01T10:00:00', 'b', 'B')"
    )
    old.execute(
        "INSERT INTO attempts (session_id, question_id, question_text, attempt_no, created_at, transcript)"
        " VALUES ('s1', 'q1', 'Why us?', 1, '2025-12-01T10:01:00', 'Because.')"
    )
    old.commit()
    old.close()

    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION >= 2
    columns = [row[1] for row in store._query("PRAGMA table_info(attempts)")]
    assert "interviewer" in columns
    (attempt,) = store.attempts("s1")
    assert attempt.transcript == "Because." and attempt.interviewer is None
    assert store.session_interviewers("s1") == []
    from dataclasses import replace

    saved = store.save_attempt(replace(attempt, id=None, attempt_no=2, interviewer="Dana"))
    assert store.attempt(saved.id).interviewer == "Dana"
    store.close()
    assert Store(path).schema_version == SCHEMA_VERSION  # opening again changes nothing


def test_an_answer_to_a_follow_up_is_stored_linked_and_listed(tmp_path: Path, monkeypatch, capsys) -> None:
    """An older database gains the follow-up columns; a linked answer reads back linked, and `history`
    shows the link."""
    from dataclasses import replace
    from datetime import datetime

    from practice.core.records import AttemptRecord, SessionRecord

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    for statements in MIGRATIONS[:4]:  # the schema before follow-ups were stored
        for statement in statements:
            old.execute(statement)
    old.execute("PRAGMA user_version = 4")
    old.commit()
    old.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    when = datetime(2026, 1, 5, 10, 0)
    store.ensure_session(SessionRecord("s1", when, "b", "B"))
    first = store.save_attempt(AttemptRecord("s1", "q1", "Why us?", 1, when, transcript="Pay."))
    follow = AttemptRecord(
        "s1", "q1", "What draws you to us in particular?", 2, when, transcript="Your maps."
    )
    second = store.save_attempt(replace(follow, follow_up_of=first.id, follow_up_reason="motivation"))
    assert store.attempt(second.id).follow_up_of == first.id
    assert store.attempt(second.id).follow_up_reason == "motivation"
    assert store.attempt(first.id).follow_up_of is None
    store.close()
    monkeypatch.setenv("INTERVIEW_PRACTICE_DB", str(path))
    from practice.cli import main

    assert main(["history", "s1"]) == 0
    assert f"(follow-up to #{first.id})" in capsys.readouterr().out
    assert main(["history", "s1", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["attempts"]
    assert [(r["follow_up_of"], r["follow_up_reason"]) for r in rows] == [
        (None, None),
        (first.id, "motivation"),
    ]
