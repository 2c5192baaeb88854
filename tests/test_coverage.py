"""The coverage matrix over real scored answers: which requirements each session (and all sessions for the
same job) evidenced, with the concrete example sentence, and which were never covered."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from prep_data import DEV, LEDGERLINE_JOB, dev_answers, seed_dev

from feedback import parse_job
from practice.cli import main
from practice.core.records import AttemptRecord
from practice.prep.coverage import job_coverage, same_job, session_coverage
from practice.storage.history import Store

POSTGRES = (
    "Strong PostgreSQL skills: you've designed schemas, tuned slow queries and run migrations in production"
)
ON_CALL = "Comfortable being on call and responding to incidents"
KUBERNETES = "Experience running production services on Kubernetes"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """Three sessions: two for Ledgerline's backend job (the second with the posting re-pasted with other
    spacing), one for Trailmark's product job."""
    db = Store(tmp_path / "history.sqlite3")
    ledgerline = LEDGERLINE_JOB.read_text()
    seed_dev(db, "s1-ledgerline", LEDGERLINE_JOB, ["swe-001", "swe-002"], day=0)
    seed_dev(
        db,
        "s2-ledgerline",
        LEDGERLINE_JOB,
        ["swe-006", "swe-015"],
        day=1,
        job=ledgerline.replace("\n", "\n\n"),
    )
    seed_dev(db, "s3-trailmark", DEV / "jobs" / "product-manager.txt", ["pm-001"], day=2)
    # an attempt whose transcription failed has no feedback: it must not count
    db.save_attempt(AttemptRecord("s1-ledgerline", "q-x", "Q?", 1, datetime(2026, 1, 26), error="no speech"))
    return db


def row(matrix, text: str):
    return next(r for r in matrix.rows if r.requirement == text)


def test_one_session_shows_each_requirement_with_its_example_sentence(store: Store) -> None:
    matrix = session_coverage(store, "s1-ledgerline")
    job = parse_job(LEDGERLINE_JOB.read_text())
    assert [r.requirement for r in matrix.rows] == [r.text for r in job.requirements]  # the posting's order
    assert matrix.answers == 2 and matrix.sessions == ["s1-ledgerline"]

    postgres = row(matrix, POSTGRES)
    assert postgres.status == "covered" and postgres.must_have
    example = postgres.best.example
    assert example.label == "action"
    assert example.text.startswith("I pulled the slow query log from Postgres")
    assert example.text in dev_answers()["swe-001"]["text"]  # a real sentence of the answer
    # the "why Ledgerline" answer names Postgres without a story: it only partly covers it
    assert {h.question_id: h.status for h in postgres.hits} == {
        "q-swe-001": "covered",
        "q-swe-002": "partial",
    }

    todo = [r.requirement for r in matrix.never_covered(must_have_only=True)]
    assert ON_CALL in todo and POSTGRES not in todo
    assert row(matrix, ON_CALL).status == "missing" and not row(matrix, ON_CALL).hits


def test_all_sessions_for_the_same_job_are_combined(store: Store) -> None:
    matrix = job_coverage(store, LEDGERLINE_JOB.read_text())
    assert matrix.sessions == ["s1-ledgerline", "s2-ledgerline"]  # not the product manager session
    assert matrix.answers == 4
    assert row(matrix, ON_CALL).status == "covered"  # told in the second session (swe-015, PagerDuty)
    kubernetes = row(matrix, KUBERNETES)
    sessions = {h.session_id for h in kubernetes.hits}
    assert sessions == {"s1-ledgerline", "s2-ledgerline"}
    # the sentence that names Kubernetes is the result (with its numbers), not the actions before it
    best = [h for h in kubernetes.hits if h.session_id == "s2-ledgerline" and h.question_id == "q-swe-006"][0]
    assert best.example.label == "result"
    assert best.example.text == (
        "Dropped webhooks went from about 2% to zero, "
        "and memory per Kubernetes pod fell from 1.8 GB to 300 MB."
    )
    never = [r.requirement for r in matrix.never_covered()]
    assert "Kafka or another event-streaming system" in never and "Terraform" in never
    # what is left to prepare: the Python stories no answer told yet, must-haves first
    assert [r.requirement for r in matrix.never_covered(must_have_only=True)] == [
        "Design, build and operate backend services in Python and Go that move real money",
        "3+ years of professional experience building backend services in Python or Go",
    ]
    assert never.index("Terraform") > 1


def test_credentials_are_not_stories_to_prepare(tmp_path: Path) -> None:
    db = Store(tmp_path / "nurse.sqlite3")
    seed_dev(db, "rn", DEV / "jobs" / "registered-nurse.txt", ["rn-001"])
    matrix = session_coverage(db, "rn")
    license_row = row(matrix, "Active, unencumbered Ohio RN license (or compact multistate license)")
    assert license_row.status == "missing" and license_row.no_story.startswith("a credential")
    todo = [r.requirement for r in matrix.never_covered()]
    assert license_row.requirement not in todo
    assert "Provide patient and family education, including discharge teaching" in todo
    escalate = row(
        matrix,
        "Recognize changes in a patient's condition and escalate, including activating the rapid response team",
    )
    assert escalate.status == "covered"
    assert escalate.best.example.text.startswith("I activated the rapid response team")


def test_same_job_by_text_or_by_title_and_company() -> None:
    text = LEDGERLINE_JOB.read_text()
    assert same_job(text, text.upper().replace(" ", "  "))
    assert same_job(text, text + "\nWe also offer a learning budget.\n")  # edited: same title and company
    assert not same_job(text, (DEV / "jobs" / "product-manager.txt").read_text())
    assert not same_job(text, None) and not same_job("", "")


def test_coverage_command(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    store.close()
    assert main(["coverage", "s1-ledgerline"]) == 0
    out = capsys.readouterr().out
    assert "1 session, 2 scored answers" in out
    assert f"[covered] * {POSTGRES}" in out and f"[missing] * {ON_CALL}" in out
    assert '"I pulled the slow query log from Postgres' in out
    assert "Never covered: prepare a story for" in out

    assert main(["coverage", "--job", str(LEDGERLINE_JOB), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sessions"] == ["s1-ledgerline", "s2-ledgerline"]
    on_call = next(r for r in data["requirements"] if r["text"] == ON_CALL)
    assert on_call["status"] == "covered" and on_call["answers"][0]["example"]

    assert main(["coverage"]) == 0  # no choice: lists the sessions to choose from
    assert "s3-trailmark" in capsys.readouterr().out
    assert main(["coverage", "no-such-session"]) == 1
    assert "no session" in capsys.readouterr().err


@pytest.fixture(autouse=True)
def _history_in_home(isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI opens the default database: point it at this test's file."""
    monkeypatch.setenv("INTERVIEW_PRACTICE_DB", str(tmp_path / "history.sqlite3"))
