"""The `eval` command: dataset validation, figures, output format, registration with argparse."""

from __future__ import annotations

import argparse
import io
import json
import math
from pathlib import Path

import pytest

from feedback import score_answer
from feedback.metrics import pairwise_accuracy, spearman
from practice.cli.evaluate import load_dataset, register, run

JOB = "Support Engineer\n\nRequirements:\n- Zendesk\n- SQL\n"
ROWS = [
    {
        "id": "a",
        "question": "Tell me about a time",
        "job": "job.txt",
        "fillers": {"um": 1},
        "text": "Last year our ticket backlog exploded. I wrote SQL to find duplicate tickets "
        "and I set up Zendesk macros, um, for them. The backlog fell from 900 to 120 in two weeks.",
        "labels": {"examples": 3, "enthusiasm": 0, "alignment": 2},
    },
    {
        "id": "b",
        "question": "Why us?",
        "job": "job.txt",
        "fillers": {},
        "text": "Honestly the salary is good and it is close to my home.",
        "labels": {"examples": 0, "enthusiasm": 0, "alignment": 0},
    },
    {
        "id": "c",
        "question": "Why us?",
        "job": "job.txt",
        "fillers": {"uh": 1},
        "text": "I'm excited about your support tooling because I used it at my last job, uh, "
        "and I want to help build the next version.",
        "labels": {"examples": 1, "enthusiasm": 2, "alignment": 1},
    },
    {
        "id": "d",
        "question": "Describe yourself",
        "text": "I am a hard worker and a team player.",
        "labels": {"examples": 0, "enthusiasm": 0, "alignment": None},
    },
]


def write(tmp_path: Path, rows: list, name: str = "data.jsonl") -> Path:
    (tmp_path / "job.txt").write_text(JOB)
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


def test_figures_and_machine_readable_last_line(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run(write(tmp_path, ROWS), out=out) == 0
    lines = out.getvalue().strip().splitlines()
    last = dict(kv.split("=") for kv in lines[-1].split())
    assert list(last) == [
        "rho_examples",
        "rho_enthusiasm",
        "rho_alignment",
        "pairacc_examples",
        "pairacc_enthusiasm",
        "pairacc_alignment",
        "filler_precision",
        "filler_recall",
    ]
    # the printed figures are the metrics of the scorer's own scores against the labels
    fbs = [score_answer(r["question"], r["text"], JOB if r.get("job") else None) for r in ROWS]
    for dim in ("examples", "enthusiasm", "alignment"):
        pairs = [
            (getattr(fb, dim).score, r["labels"][dim])
            for fb, r in zip(fbs, ROWS, strict=True)
            if r["labels"][dim] is not None and getattr(fb, dim).score is not None
        ]
        scores, labels = [p[0] for p in pairs], [p[1] for p in pairs]
        assert float(last[f"pairacc_{dim}"]) == pytest.approx(pairwise_accuracy(scores, labels), abs=1e-3)
        rho = spearman(scores, labels)
        assert (math.isnan(rho) and last[f"rho_{dim}"] == "nan") or float(
            last[f"rho_{dim}"]
        ) == pytest.approx(rho, abs=1e-3)
    assert float(last["filler_precision"]) == pytest.approx(1.0)
    assert float(last["filler_recall"]) == pytest.approx(1.0)
    assert "alignment      3" in out.getvalue()  # the row without a job is left out of alignment


def test_json_report(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run(write(tmp_path, ROWS), as_json=True, out=out) == 0
    report = json.loads(out.getvalue())
    assert report["n"] == 4
    assert report["text"]["dimensions"]["examples"]["n"] == 4
    assert {i["id"] for i in report["items"]} == {"a", "b", "c", "d"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not valid JSON"),
        (json.dumps({"question": "q", "text": "t", "labels": {"examples": 7}}), "labels.examples"),
        (json.dumps({"question": "q", "labels": {}}), '"text" must be a string'),
        (json.dumps({"question": "q", "text": "t", "labels": {}, "job": "missing.txt"}), "cannot be read"),
        (json.dumps({"question": "q", "text": "t", "labels": {}, "fillers": {"um": -1}}), '"fillers"'),
    ],
)
def test_bad_dataset_exits_2_with_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path, [ROWS[0], line])
    err = io.StringIO()
    assert run(path, out=io.StringIO(), err=err) == 2
    assert err.getvalue().startswith(f"{path}:2: ")
    assert message in err.getvalue()


def test_load_dataset_resolves_jobs_relative_to_the_file(tmp_path: Path) -> None:
    items = load_dataset(write(tmp_path, ROWS))
    assert items[0].job is not None and items[0].job.requirements
    assert items[3].job is None


def test_register_adds_eval_subcommand() -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["eval", "x.jsonl", "--audio", "--voice", "en-gb", "--json"])
    assert args.command == "eval" and args.audio and args.voice == "en-gb" and args.json
    assert callable(args.handler)


def test_nan_when_labels_are_constant(tmp_path: Path) -> None:
    rows = [dict(r, labels={"examples": 1, "enthusiasm": 1, "alignment": 1}) for r in ROWS[:2]]
    out = io.StringIO()
    run(write(tmp_path, rows), out=out)
    last = dict(kv.split("=") for kv in out.getvalue().strip().splitlines()[-1].split())
    assert math.isnan(float(last["rho_examples"]))
