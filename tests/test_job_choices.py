"""The person's corrections to a posting (lines left out, lines added, title, company): tidied, kept in a small
file found by the posting's text, kept with the session in the history, and used by everything that reads the
job afterwards: scoring in the session, coverage, drafts, tailoring, and the `--job FILE` commands."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from prep_data import BACKEND_JOB, NORTHWIND, START, scored, seed

from feedback import JobChoices, parse_job, score_answer
from practice.answers.pipeline import AnswerContext, process_answer
from practice.cli import main
from practice.core.job_choices import (
    choices_from_dict,
    choices_from_toml,
    choices_to_dict,
    choices_toml,
    job_description,
    make_choices,
)
from practice.core.records import AttemptRecord, SessionRecord
from practice.prep.coverage import job_coverage, session_coverage
from practice.prep.drafts import Interviewer, write_drafts
from practice.prep.tailor import tailor
from practice.storage.history import MIGRATIONS, SCHEMA_VERSION, Store
from practice.storage.job_choices import choices_path, load_job_choices, save_job_choices

POSTING = BACKEND_JOB.read_text()
PYTHON = "5+ years building backend services in Python"
WRITING = "Clear written communication"
TERRAFORM = "Terraform for infrastructure as code"
#: Leave out a must-have, add a missed one, put the company right.
CHOICES = JobChoices(excluded=(WRITING,), added=((TERRAFORM, "must"),), company="Northwind Logistics Ltd")


def test_corrections_are_tidied_and_nothing_corrected_is_none() -> None:
    made = make_choices(
        left_out=["  Clear   written communication ", "", WRITING],
        added=[(TERRAFORM, "must"), ("terraform FOR infrastructure as code", "nice"), ("  ", "duty")],
        title="Senior Backend Engineer",
        company=" Northwind  Logistics Ltd ",
        read_title="senior backend engineer",
        read_company="Northwind Logistics",
    )
    assert made == CHOICES  # spacing tidied, repeats once, the title as read is no correction
    assert make_choices(added=[("On-call rota", "boss")]) == JobChoices(added=(("On-call rota", "must"),))
    assert make_choices(left_out=[""], title="Engineer", read_title="Engineer") is None


def test_the_file_is_readable_toml_that_round_trips_any_text() -> None:
    awkward = JobChoices(
        excluded=('Say "hello" \\ goodbye', "Line with # hash"),
        added=(("Ünïcode — and 'quotes'", "duty"),),
        title="Staff = Engineer",
    )
    text = choices_toml(awkward, "Staff Engineer at Acme")
    assert text.startswith("# Your corrections") and "# The posting: Staff Engineer at Acme" in text
    assert choices_from_toml(text) == awkward
    assert choices_from_dict(json.loads(json.dumps(choices_to_dict(awkward)))) == awkward
    # A hand edit that went wrong loses that value only.
    edited = 'title = 3\ncompany = "Acme"\nleft_out = "not a list"\n[[added]]\nkind = "nice"\n'
    assert choices_from_toml(edited) == JobChoices(company="Acme")


def test_corrections_are_found_by_the_posting_text_whatever_its_spacing_or_case(isolated_home: Path) -> None:
    assert load_job_choices(POSTING) is None and choices_path("  ") is None
    path = save_job_choices(POSTING, CHOICES, "Senior Backend Engineer at Northwind Logistics")
    assert (
        path is not None and path.parent == isolated_home / "jobs" and oct(path.stat().st_mode)[-3:] == "600"
    )
    assert load_job_choices(POSTING.upper().replace("\n", "\n\n  ")) == CHOICES
    assert load_job_choices(POSTING + "\nOne more line.") is None  # another text: another posting
    path.write_text("left_out = [unclosed", encoding="utf-8")
    assert load_job_choices(POSTING) is None  # a broken file is ignored, never fatal
    assert save_job_choices(POSTING, None) is None and not path.exists()  # nothing corrected: no file


def test_the_history_keeps_a_sessions_corrections_and_older_databases_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    for migration in MIGRATIONS[:2]:  # the schema before corrections existed, with a session in it
        for statement in migration:
            old.execute(statement)
    old.execute("PRAGMA user_version = 2")
    old.execute(
        "INSERT INTO sessions (id, started_at, bank_id, bank_name, job_text)"
        " VALUES ('old', '2025-12-01T10:00:00', 'b', 'B', 'Some job')"
    )
    old.commit()
    old.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    old_session = store.session("old")
    assert old_session is not None and old_session.job_choices is None
    store.ensure_session(SessionRecord("new", START, "b", "B", None, POSTING, {}, CHOICES))
    assert store.session("new") == SessionRecord("new", START, "b", "B", None, POSTING, {}, CHOICES)
    assert [s.session.job_choices for s in store.sessions()] == [CHOICES, None]


def test_answers_in_a_session_are_scored_against_the_corrected_job(tmp_path: Path) -> None:
    store = Store(tmp_path / "history.sqlite3")
    seen: list[Any] = []

    def scorer(question: str, text: str, job: Any, words: Any, duration: Any) -> dict:
        seen.append(job)
        return {"overall": 50}

    session = SessionRecord("s", START, "b", "B", None, POSTING, {}, CHOICES)
    draft = AttemptRecord("s", "q", "Why us?", 1, START, source="typed")
    process_answer(AnswerContext(store, scorer, session, POSTING), draft, text="I like routing.")
    (job,) = seen
    texts = [r.text for r in job.requirements]
    assert WRITING not in texts and TERRAFORM in texts and job.company == "Northwind Logistics Ltd"
    # Without corrections the job is the posting as read, exactly as before.
    plain = AnswerContext(store, scorer, replace(session, job_choices=None), POSTING)
    process_answer(plain, replace(draft, attempt_no=2), text="Hi.")
    assert [r.text for r in seen[1].requirements] == [r.text for r in parse_job(POSTING).requirements]


def test_coverage_of_a_session_uses_its_corrections_and_of_a_job_the_saved_ones(tmp_path: Path) -> None:
    store = Store(tmp_path / "history.sqlite3")
    seed(store, "before", POSTING, NORTHWIND[:1])  # practiced before any correction
    job = job_description(POSTING, CHOICES)
    store.ensure_session(SessionRecord("after", START, "b", "B", None, POSTING, {}, CHOICES))
    for qid, question, text in NORTHWIND[1:]:
        feedback = score_answer(question, text, job=job).to_dict()
        store.save_attempt(replace(scored("after", qid, question, text, None), feedback=feedback))

    rows = [r.requirement for r in session_coverage(store, "after").rows]
    assert WRITING not in rows and TERRAFORM in rows
    assert WRITING in [r.requirement for r in session_coverage(store, "before").rows]  # as it was practiced
    # Across sessions: the posting's current corrections, and the left-out line gone even from older feedback.
    whole = job_coverage(store, POSTING, CHOICES)
    assert set(whole.sessions) == {"before", "after"}
    assert WRITING not in [r.requirement for r in whole.rows]
    assert next(r for r in whole.rows if r.requirement == TERRAFORM).must_have


def test_drafts_and_tailoring_read_the_job_with_the_corrections(tmp_path: Path) -> None:
    store = Store(tmp_path / "history.sqlite3")
    store.ensure_session(SessionRecord("s", START, "b", "B", None, POSTING, {}, CHOICES))
    for qid, question, text in NORTHWIND:
        store.save_attempt(scored("s", qid, question, text, POSTING))
    (draft,) = write_drafts(store, "s", [Interviewer("Dana", "Engineering Manager")], tmp_path / "drafts")
    assert "Northwind Logistics Ltd" in draft.text

    targets = {t for q in tailor(POSTING, CHOICES).questions for t in q.targets}
    assert TERRAFORM in targets and PYTHON in targets
    assert WRITING in {t for q in tailor(POSTING).questions for t in q.targets} | {
        r for r, _ in tailor(POSTING).skipped
    }
    assert WRITING not in targets | {r for r, _ in tailor(POSTING, CHOICES).skipped}


def test_job_file_commands_pick_up_the_corrections_saved_for_that_posting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posting = tmp_path / "any-name.txt"
    posting.write_text(POSTING, encoding="utf-8")
    save_job_choices(POSTING, CHOICES)

    assert main(["job", str(posting), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"text": TERRAFORM, "kind": "must"} in report["requirements"]
    assert {"text": WRITING, "reason": "left out by you"} in report["set_aside"]
    assert report["company"] == "Northwind Logistics Ltd"
    assert report["corrections_file"] == str(choices_path(POSTING))
    assert main(["job", str(posting)]) == 0
    assert "With your corrections from" in capsys.readouterr().out
    assert main(["job", str(posting), "--as-read", "--format", "json"]) == 0
    as_read = json.loads(capsys.readouterr().out)
    assert "corrections" not in as_read and {"text": WRITING, "kind": "must"} in as_read["requirements"]

    answer = tmp_path / "answer.txt"
    answer.write_text("I wrote Terraform modules for our infrastructure as code.", encoding="utf-8")
    assert (
        main(["score", "--text", str(answer), "--question", "Tell me about IaC.", "--job", str(posting)]) == 0
    )
    scored_job = json.loads(capsys.readouterr().out)["job"]
    assert TERRAFORM in [r["text"] for r in scored_job["requirements"]]
    assert WRITING not in [r["text"] for r in scored_job["requirements"]]

    assert main(["tailor", "--job", str(posting)]) == 0
    bank = capsys.readouterr().out
    assert TERRAFORM in bank and "Northwind Logistics Ltd" in bank
