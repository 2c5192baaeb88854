"""Real data for the preparation tests: job descriptions from eval/dev and tests/data, answers from the
hand-labelled dev set (eval/dev/answers.jsonl) and a few typed answers to tests/data/backend-job.txt, scored
with the real feedback library and saved through the real store (no model needed)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from feedback import score_answer
from practice.core.records import AttemptRecord, SessionRecord
from practice.storage.history import Store

ROOT = Path(__file__).parent.parent
DEV = ROOT / "eval" / "dev"
BACKEND_JOB = ROOT / "tests" / "data" / "backend-job.txt"
LEDGERLINE_JOB = DEV / "jobs" / "backend-engineer.txt"
START = datetime(2026, 1, 26, 9, 30)

# Typed answers to the tailored questions for tests/data/backend-job.txt (Northwind Logistics).
NORTHWIND = [
    (
        "req-2-postgresql",
        "Tell me about a time you tuned PostgreSQL performance. "
        "What was slow, what did you do, and what changed?",
        "At my last company our order search page took eight seconds during the evening peak. "
        "I profiled the slowest PostgreSQL queries with EXPLAIN ANALYZE and added two composite indexes "
        "on the orders table. I also rewrote the report query to use keyset pagination. "
        "As a result the p95 latency fell from 8 seconds to 400 milliseconds.",
    ),
    (
        "req-4-incident",
        "Tell me about a time you mentored engineers and led incident reviews. "
        "What happened, what did you do, and how did it end?",
        "Last year two junior engineers joined my team. I mentored both of them through weekly pairing "
        "sessions, and I led our incident reviews. After each outage I wrote a clear summary for the whole "
        "team. Within three months both engineers were running incident reviews on their own.",
    ),
    (
        "why-company",
        "Why Northwind Logistics? What do you know about what we do, "
        "and why do you want to work here in particular?",
        "I'd love to help Northwind make same-day delivery affordable for every neighbourhood, "
        "because I grew up in a town where groceries were a long drive away. "
        "Your routing platform is exactly the kind of problem I want to work on.",
    ),
]
POSTGRES_SENTENCE = (
    "I profiled the slowest PostgreSQL queries with EXPLAIN ANALYZE and added two composite indexes on the "
    "orders table."
)
MENTOR_SENTENCE = "I mentored both of them through weekly pairing sessions, and I led our incident reviews."
ENTHUSIASM_SENTENCE = "I'd love to help Northwind make same-day delivery affordable for every neighbourhood"


def dev_answers() -> dict[str, dict]:
    lines = (DEV / "answers.jsonl").read_text().splitlines()
    return {row["id"]: row for row in map(json.loads, lines)}


def scored(
    session_id: str, question_id: str, question: str, text: str, job: str | None, attempt_no: int = 1
) -> AttemptRecord:
    feedback = score_answer(question, text, job=job).to_dict()
    return AttemptRecord(
        session_id,
        question_id,
        question,
        attempt_no,
        START,
        transcript=text,
        feedback=feedback,
        source="typed",
    )


def seed(
    store: Store,
    session_id: str,
    job: str | None,
    items: list[tuple[str, str, str]],
    day: int = 0,
    title: str | None = None,
) -> list[AttemptRecord]:
    """A session with typed answers (question id, question, answer), scored for real, saved in the store."""
    store.ensure_session(
        SessionRecord(session_id, START + timedelta(days=day), "tailored", "Tailored", title, job)
    )
    return [store.save_attempt(scored(session_id, qid, q, text, job)) for qid, q, text in items]


def seed_dev(
    store: Store, session_id: str, job_file: Path, ids: list[str], day: int = 0, job: str | None = None
):
    """A session of dev-set answers (by id) to the job they were written for."""
    answers = dev_answers()
    text = job if job is not None else job_file.read_text()
    items = [
        (f"q-{answer_id}", answers[answer_id]["question"], answers[answer_id]["text"]) for answer_id in ids
    ]
    return seed(store, session_id, text, items, day)
