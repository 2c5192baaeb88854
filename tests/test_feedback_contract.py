"""The public contract of `feedback`: imports, result shape, JSON schema, offsets, purity."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from feedback import Feedback, JobDescription, Requirement, Word, parse_job, score_answer

ROOT = Path(__file__).resolve().parents[1]

JOB = """Senior Data Engineer - Riverbend Analytics

Requirements:
- 4+ years building data pipelines in Python
- Strong SQL and experience with PostgreSQL
- Experience with Airflow or a similar orchestrator

Nice to have:
- Kubernetes
"""

STORY = (
    "At my last company our nightly reports kept failing. My task was to make them reliable. "
    "I rebuilt the ETL jobs in Airflow and I moved the staging tables to Postgres. "
    "As a result failures dropped from 12 a month to 1 and the reports landed two hours earlier."
)


def schema() -> dict:
    return json.loads(resources.files("feedback").joinpath("feedback.schema.json").read_text())


def test_import_does_not_pull_ui_audio_or_model_modules() -> None:
    # scoring may load numpy and onnxruntime (the sentence-embedding model), importing may not; neither may
    # ever pull the UI, audio or speech-to-text stack
    code = (
        "import sys, feedback\n"
        "light = [m for m in ('numpy', 'onnxruntime') if m in sys.modules]\n"
        "feedback.score_answer('q', 'I led the migration. I cut costs by 20%.', 'Requirements:\\n- SQL\\n')\n"
        "bad = light + [m for m in ('textual', 'sounddevice', 'faster_whisper', 'practice', 'pyttsx3', "
        "'ctranslate2') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "", f"feedback imported {out.stdout.strip()}"


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


@pytest.mark.parametrize(
    "kwargs",
    [
        {"job": JOB},
        {"job": None},
        {"job": JOB, "words": [Word("at", 0.0, 0.2), Word("my", 0.25, 0.4), Word("last", 3.0, 3.3)]},
        {"job": parse_job(JOB), "duration_s": 42.0},
    ],
)
def test_to_dict_validates_against_schema(kwargs: dict) -> None:
    result = score_answer("Tell me about a time you improved a process.", STORY, **kwargs).to_dict()
    jsonschema.validate(result, schema())
    assert set(result) >= {"question", "transcript", "duration_s", "scores", "delivery", "overall", "tips"}
    # a tip only where the answer needs one: this story has a result and shows the requirements, so it may
    # have none, and never more than three
    assert len(result["tips"]) <= 3
    assert all(isinstance(t, str) and t for t in result["tips"])


def test_empty_answer_validates_and_scores_zero_examples() -> None:
    result = score_answer("Why us?", "", JOB).to_dict()
    jsonschema.validate(result, schema())
    assert result["scores"]["examples"]["score"] == 0
    assert result["delivery"]["words"] == 0


def test_without_job_alignment_is_null_with_the_cli_hint() -> None:
    fb = score_answer("q", STORY)
    d = fb.to_dict()["scores"]["alignment"]
    assert d["score"] is None
    assert d["reason"] == "no job description given: pass --job"
    assert d["requirements"] == []


def test_evidence_offsets_index_the_transcript() -> None:
    fb = score_answer("q", STORY, JOB)
    d = fb.to_dict()
    spans = [e for dim in d["scores"].values() for e in dim["evidence"]]
    spans += [e for r in d["scores"]["alignment"]["requirements"] for e in r["evidence"]]
    spans += d["delivery"]["evidence"]
    assert spans
    for e in spans:
        assert STORY[e["start"] : e["end"]] == e["text"]


def test_scoring_is_deterministic_and_pure() -> None:
    a = score_answer("q", STORY, JOB).to_dict()
    b = score_answer("q", STORY, JOB).to_dict()
    assert a == b
    job = parse_job(JOB)
    before = dataclasses.asdict(job)
    score_answer("q", STORY, job)
    assert dataclasses.asdict(job) == before


def test_types() -> None:
    w = Word("hi", 0.0, 0.3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        w.text = "x"  # type: ignore[misc]
    job = parse_job(JOB)
    assert isinstance(job, JobDescription)
    assert all(isinstance(r, Requirement) for r in job.requirements)
    fb = score_answer("q", STORY, job)
    assert isinstance(fb, Feedback)
    assert isinstance(fb.examples.score, int) and isinstance(fb.overall, int)
    assert fb.alignment.requirements and fb.alignment.requirements[0].status in {
        "covered",
        "partial",
        "missing",
    }


def test_overall_is_the_documented_weighted_mean() -> None:
    fb = score_answer("q", STORY, JOB)
    expected = round(
        0.40 * fb.examples.score
        + 0.25 * fb.enthusiasm.score
        + 0.25 * fb.alignment.score
        + 0.10 * fb.delivery.score
    )
    assert fb.overall == expected
    no_job = score_answer("q", STORY)
    expected = round(
        (0.40 * no_job.examples.score + 0.25 * no_job.enthusiasm.score + 0.10 * no_job.delivery.score) / 0.75
    )
    assert no_job.overall == expected


def test_timing_figures_come_from_words_then_duration_then_null() -> None:
    text = "I fixed the build and I shipped the release"
    words = [Word(w, i * 0.5, i * 0.5 + 0.4) for i, w in enumerate(text.split())]
    with_words = score_answer("q", text, words=words).delivery
    assert with_words.wpm == pytest.approx(9 / (8 * 0.5 + 0.4) * 60, rel=1e-3)
    assert with_words.long_pauses == 0
    assert with_words.fillers_per_min == 0
    with_duration = score_answer("q", text, duration_s=6.0).delivery
    assert with_duration.wpm == pytest.approx(90.0)
    assert with_duration.long_pauses is None and with_duration.fillers_per_min is None
    bare = score_answer("q", text).delivery
    assert bare.wpm is None and bare.fillers_per_min is None and bare.long_pauses is None
