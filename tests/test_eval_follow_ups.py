"""`interview-practice eval-follow-ups`: agreement with follow-up labels, aggregates only."""

from __future__ import annotations

import io
import json
from pathlib import Path

from practice.cli.eval_follow_ups import run

JOB = "Pinewood Labs - Data Analyst\n\nRequirements:\n- SQL queries on a warehouse\n- Dashboards in Tableau\n"


def _write(folder: Path, answers: list[dict], labels: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "job.txt").write_text(JOB, encoding="utf-8")
    path = folder / "answers.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in answers), encoding="utf-8")
    (folder / "follow_ups.jsonl").write_text("".join(json.dumps(x) + "\n" for x in labels), encoding="utf-8")
    return path


def _answer(id_: str, question: str, text: str) -> dict:
    return {"id": id_, "job": "job.txt", "question": question, "text": text, "labels": {}}


def test_agreement_and_confusion_are_counted_from_the_labels_next_to_the_answers(tmp_path: Path) -> None:
    answers = [
        _answer("x1", "Tell me about a time you fixed a report.", "I would rebuild it from scratch."),
        _answer("x2", "Why do you want this job?", "The pay is better and it is close to home."),
        _answer("x3", "When could you start?", "In two weeks."),
    ]
    labels = [
        {"id": "x1", "follow_up": "example", "requirement": None, "second": None, "why": "a plan"},
        {"id": "x2", "follow_up": "result", "requirement": None, "second": "motivation", "why": "test"},
        {"id": "x3", "follow_up": "none", "requirement": None, "second": None, "why": "logistics"},
    ]
    path = _write(tmp_path / "set", answers, labels)
    out = io.StringIO()
    assert run([path], out=out) == 0
    text = out.getvalue()
    last = text.strip().splitlines()[-1]
    # x1 and x3 agree; x2 agrees only with its second
    assert last == "follow_up_agreement=0.667 follow_up_agreement_or_second=1.000 n=3"
    assert "I would rebuild" not in text  # aggregates only: no answer is printed
    out = io.StringIO()
    run([path], as_json=True, out=out)
    report = json.loads(out.getvalue())
    assert report["confusion"]["result"]["motivation"] == 1
    assert report["confusion"]["example"]["example"] == 1


def test_a_bad_label_is_reported_with_its_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "bad",
        [_answer("x1", "Why us?", "Pay.")],
        [{"id": "x1", "follow_up": "mood", "requirement": None, "second": None, "why": ""}],
    )
    err = io.StringIO()
    assert run([path], err=err) == 2
    assert "follow_ups.jsonl:1:" in err.getvalue()
