"""Follow-up drafts from a real scored session: one file per interviewer, each with the interviewer's name,
a real example sentence from the transcript that fits their role, the requirement it evidences, and the
person's own enthusiasm sentence."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from prep_data import (
    BACKEND_JOB,
    ENTHUSIASM_SENTENCE,
    LEDGERLINE_JOB,
    MENTOR_SENTENCE,
    NORTHWIND,
    POSTGRES_SENTENCE,
    dev_answers,
    seed,
    seed_dev,
)

from feedback import parse_job
from practice.cli import main
from practice.prep.drafts import Interviewer, drafts_dir, parse_interviewer, write_drafts
from practice.storage.history import Store

POSTGRES_REQUIREMENTS = {
    "Deep experience with PostgreSQL performance tuning",
    "Tune PostgreSQL queries and schemas for high-volume order data",
}
MENTOR_REQUIREMENT = "Mentor engineers and lead incident reviews"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("INTERVIEW_PRACTICE_DB", str(tmp_path / "history.sqlite3"))
    db = Store(tmp_path / "history.sqlite3")
    seed(db, "northwind", BACKEND_JOB.read_text(), NORTHWIND, title="Senior Backend Engineer")
    return db


@pytest.mark.parametrize("order", [1, -1], ids=["manager-first", "recruiter-first"])
def test_one_draft_per_interviewer_with_an_example_that_fits_their_role(store: Store, order: int) -> None:
    people = [Interviewer("Dana Smith", "Engineering Manager"), Interviewer("Lee Park", "Recruiter")][::order]
    drafts = {d.interviewer.name: d for d in write_drafts(store, "northwind", people)}
    dana, lee = drafts["Dana Smith"], drafts["Lee Park"]
    assert dana.path.parent == drafts_dir("northwind") and dana.path.name == "thank-you-dana-smith.txt"
    assert dana.path != lee.path and dana.path.read_text() == dana.text
    assert stat.S_IMODE(dana.path.stat().st_mode) == 0o600

    # the engineering manager gets the technical example, with the requirement it evidences
    assert dana.text.startswith("Subject: Thank you - Senior Backend Engineer interview\n\nDear Dana Smith,")
    assert POSTGRES_SENTENCE in dana.text
    assert dana.example.requirement in POSTGRES_REQUIREMENTS
    assert f'the role asks for: "{dana.example.requirement}"' in dana.text
    # the recruiter gets the collaboration one (mentoring), with the sentence it leans on for context
    assert "Dear Lee Park," in lee.text and "Dana" not in lee.text  # one email each, not a group email
    assert f"Last year two junior engineers joined my team. {MENTOR_SENTENCE}" in lee.text
    assert f'the role asks for: "{MENTOR_REQUIREMENT}"' in lee.text

    job = parse_job(BACKEND_JOB.read_text())
    transcripts = " ".join(answer for _qid, _q, answer in NORTHWIND)
    for draft in (dana, lee):
        assert draft.example.sentence in transcripts  # a real sentence of the person's answers
        assert draft.example.requirement in [r.text for r in job.requirements]
        assert "the Senior Backend Engineer role at Northwind Logistics" in draft.text
        # renewed interest in the person's own words: their strongest enthusiasm statement
        assert f"As I said, {ENTHUSIASM_SENTENCE}, because I grew up" in draft.text
        assert draft.text.rstrip().endswith("[Your name]")


def test_drafts_never_overwrite_earlier_ones_and_names_cannot_escape(store: Store, tmp_path: Path) -> None:
    (first,) = write_drafts(store, "northwind", [Interviewer("Dana Smith", "Engineering Manager")])
    first.path.write_text("my edited draft\n")
    (second,) = write_drafts(store, "northwind", [Interviewer("Dana Smith", "Engineering Manager")])
    assert second.path.name == "thank-you-dana-smith-2.txt" and first.path.read_text() == "my edited draft\n"
    out = tmp_path / "out"
    (evil,) = write_drafts(store, "northwind", [Interviewer("../../etc/passwd", "")], out)
    assert evil.path.parent == out and "/" not in evil.path.name
    assert "I appreciated hearing" not in evil.text  # no role given: no sentence about it


def test_without_a_job_description_the_draft_still_tells_a_real_example(tmp_path: Path) -> None:
    db = Store(tmp_path / "h.sqlite3")
    answer = dev_answers()["swe-006"]
    seed(db, "nojob", None, [("bug", answer["question"], answer["text"])])
    (draft,) = write_drafts(db, "nojob", [Interviewer("Ana Ruiz", "CTO")], tmp_path / "d")
    assert draft.example.sentence in answer["text"] and draft.example.requirement is None
    assert draft.example.sentence in draft.text and "the role asks for" not in draft.text
    assert "as the CTO" not in draft.text and "as CTO" in draft.text
    assert "Our conversation left me even more excited about the role." in draft.text  # no enthusiasm said


def test_a_ledgerline_session_gives_each_interviewer_a_different_example(tmp_path: Path) -> None:
    db = Store(tmp_path / "h.sqlite3")
    seed_dev(db, "ledger", LEDGERLINE_JOB, ["swe-001", "swe-013", "swe-015", "swe-016"])
    people = [Interviewer(f"Person {n}", "Engineer") for n in range(3)]
    drafts = write_drafts(db, "ledger", people, tmp_path / "d")
    assert len({d.example.sentence for d in drafts}) == 3
    # the strongest statement of interest: intent ("I'd love to") and the company's name, from swe-016
    assert drafts[0].enthusiasm.startswith("What I love about Ledgerline is that your public engineering")
    assert drafts[0].enthusiasm in dev_answers()["swe-016"]["text"]
    assert "As I said, what I love about Ledgerline" in drafts[0].text


def test_interviewer_specs() -> None:
    assert parse_interviewer(" Dana Smith : Engineering Manager ") == Interviewer(
        "Dana Smith", "Engineering Manager"
    )
    assert parse_interviewer("Sam") == Interviewer("Sam", "")
    with pytest.raises(ValueError, match="name"):
        parse_interviewer(": Recruiter")


def test_drafts_command(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store.close()
    out = tmp_path / "drafts"
    args = [
        "drafts",
        "northwind",
        "--interviewer",
        "Dana Smith: Engineering Manager",
        "--interviewer",
        "Lee Park",
    ]
    assert main([*args, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"Dana Smith (Engineering Manager): {out / 'thank-you-dana-smith.txt'}" in printed
    assert sorted(p.name for p in out.iterdir()) == ["thank-you-dana-smith.txt", "thank-you-lee-park.txt"]
    assert "send them yourself" in printed
    assert main(["drafts", "missing", "--interviewer", "Dana"]) == 1
    assert main(["drafts", "northwind", "--interviewer", ": Recruiter"]) == 2
