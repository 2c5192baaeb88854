"""The typed feedback model: a stored result reads back into the same objects, old rows and new keys included."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from feedback import Word, score_answer
from feedback.model import Feedback
from practice.core.feedback_view import all_evidence, covered_requirements, feedback_of, has_delivery
from practice.reports.html import session_html
from practice.reports.markdown import session_markdown
from practice.reports.model import load_report
from practice.storage.history import MIGRATIONS, SCHEMA_VERSION, Store

JOB = Path(__file__).parent / "data" / "backend-job.txt"
QUESTION = "Tell me about a time you improved something that mattered."
ANSWER = (
    "At my last company our deploys took an hour, which was my problem as the lead. I rewrote the pipeline in "
    "Python myself and um added caching, and deploys dropped to eight minutes, about 85 percent faster. "
    "I would love to bring that to your platform team."
)


def _results() -> list[Feedback]:
    words = [Word(w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(ANSWER.split())]
    return [
        score_answer(QUESTION, ANSWER),
        score_answer(QUESTION, ANSWER, job=JOB.read_text()),
        score_answer(QUESTION, ANSWER, job=JOB.read_text(), words=words, duration_s=words[-1].end),
        score_answer(QUESTION, "I am a hard worker."),
    ]


@pytest.mark.parametrize("result", _results(), ids=["no-job", "job", "timed", "thin"])
def test_a_result_round_trips(result: Feedback) -> None:
    data = result.to_dict()
    assert Feedback.from_dict(data) == result
    assert Feedback.from_dict(json.loads(json.dumps(data))) == result  # through the stored JSON too
    assert Feedback.from_dict(data).to_dict() == data


def test_the_job_a_result_was_scored_against_round_trips() -> None:
    result = _results()[1]
    assert result.job is not None and Feedback.from_dict(result.to_dict()).job == result.job
    older = {key: value for key, value in result.to_dict().items() if key != "job"}
    assert Feedback.from_dict(older).job is None  # rows from before results named their job


def test_keys_a_newer_scorer_adds_are_ignored_safely() -> None:
    result = _results()[1]
    data = result.to_dict()
    newer = {**data, "posture": {"confidence": 0.8}, "coach_notes": ["not a field (yet)"]}
    newer["scores"] = {**data["scores"], "structure": {"score": 70, "reason": "new dimension"}}
    newer["delivery"] = {**data["delivery"], "pitch_spread": 2.1}
    assert Feedback.from_dict(newer) == result


def test_a_field_the_model_gains_later_reads_from_the_stored_key() -> None:
    @dataclass(slots=True)
    class Grown(Feedback):
        posture: dict[str, Any] | None = None

    data = {**_results()[0].to_dict(), "posture": {"confidence": 0.8}}
    grown = Grown.from_dict(data)
    assert grown.posture == {"confidence": 0.8} and grown.overall == _results()[0].overall


def test_partial_results_keep_none_instead_of_inventing_numbers() -> None:
    result = feedback_of({"overall": 50, "scores": {"examples": {"score": 40}}})
    assert result is not None
    assert result.overall == 50 and result.examples.score == 40 and result.alignment.score is None
    assert result.delivery.filler_count is None and not has_delivery(result)
    assert all_evidence(result) == [] and covered_requirements(result) == []
    assert feedback_of(None) is None and feedback_of({}) is None


def _v1_database(path: Path, feedback: dict[str, Any]) -> None:
    """A history written by the first release: schema 1 (no interviewer column)."""
    with sqlite3.connect(path) as db:
        for statement in MIGRATIONS[0]:
            db.execute(statement)
        db.execute("PRAGMA user_version = 1")
        db.execute(
            "INSERT INTO sessions (id, started_at, bank_id, bank_name, job_title, job_text) VALUES (?, ?, ?, ?, ?, ?)",
            (
                "20250101-090000-abcdef",
                "2025-01-01T09:00:00+00:00",
                "general",
                "General",
                "Backend",
                JOB.read_text(),
            ),
        )
        db.execute(
            "INSERT INTO attempts (session_id, question_id, question_text, attempt_no, created_at, transcript, "
            "feedback, overall, examples, enthusiasm, alignment, source) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                "20250101-090000-abcdef",
                "improve",
                QUESTION,
                "2025-01-01T09:05:00+00:00",
                ANSWER,
                json.dumps(feedback),
                feedback["overall"],
                feedback["scores"]["examples"]["score"],
                feedback["scores"]["enthusiasm"]["score"],
                feedback["scores"]["alignment"]["score"],
                "typed",
            ),
        )


def test_an_old_stored_row_migrates_and_reads_as_typed_feedback(tmp_path: Path) -> None:
    current = _results()[1].to_dict()
    # An older shape of the same result: delivery without the length figures, requirements without terms.
    old = json.loads(json.dumps(current))
    for key in ("length", "speaking_s", "length_basis", "pauses", "i_count", "we_count"):
        old["delivery"].pop(key, None)
    for requirement in old["scores"]["alignment"]["requirements"]:
        for key in ("matched_terms", "missing_terms", "backed_by_example", "section"):
            requirement.pop(key, None)
    path = tmp_path / "history.sqlite3"
    _v1_database(path, old)

    store = Store(path)
    try:
        assert store.schema_version == SCHEMA_VERSION  # migrated in place
        (attempt,) = store.attempts("20250101-090000-abcdef")
        result = attempt.result
        assert result is not None
        assert attempt.score("overall") == current["overall"]
        assert attempt.score("alignment") == current["scores"]["alignment"]["score"]
        assert result.delivery.words == current["delivery"]["words"] and result.delivery.length_basis is None
        assert [r.text for r in result.alignment.requirements] == [
            r["text"] for r in current["scores"]["alignment"]["requirements"]
        ]
        assert covered_requirements(result) == [
            r["text"] for r in current["scores"]["alignment"]["requirements"] if r["status"] == "covered"
        ]
        assert attempt.feedback == old  # the stored JSON itself is kept as it was
        report = load_report(store, attempt.session_id)
        assert QUESTION in session_markdown(report) and QUESTION in session_html(report)
    finally:
        store.close()
