"""The story bank: answers saved as editable Markdown files tagged with the requirements they proved, and
matched against a new job description by the scorer's own alignment."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from prep_data import BACKEND_JOB, LEDGERLINE_JOB, dev_answers, scored, seed_dev

from practice.cli import main
from practice.prep.stories import (
    Story,
    StoryError,
    load_stories,
    match_stories,
    parse_story,
    render_story,
    save_from_session,
    stories_dir,
    suggest_title,
)
from practice.storage.history import Store

POSTGRES = (
    "Strong PostgreSQL skills: you've designed schemas, tuned slow queries and run migrations in production"
)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("INTERVIEW_PRACTICE_DB", str(tmp_path / "history.sqlite3"))
    db = Store(tmp_path / "history.sqlite3")
    seed_dev(db, "s1", LEDGERLINE_JOB, ["swe-001", "swe-015"])
    return db


def test_saving_an_answer_writes_a_tagged_markdown_file(store: Store) -> None:
    story = save_from_session(store, "s1", "q-swe-001", "Invoice search latency")
    assert story.path.parent == stories_dir() and story.path.name == "invoice-search-latency.md"
    assert stat.S_IMODE(story.path.stat().st_mode) == 0o600  # answers are personal
    text = story.path.read_text()
    assert text.startswith('+++\ntitle = "Invoice search latency"\n')
    assert dev_answers()["swe-001"]["text"] in text  # the answer itself, as told
    again = parse_story(text, story.path)
    assert again.title == "Invoice search latency" and again.date == date(2026, 1, 26)
    assert again.question == "Tell me about a time you improved the performance of a slow system."
    assert POSTGRES in again.requirements  # tagged with what the answer proved (covered in its feedback)
    assert again.session == "s1"

    second = save_from_session(store, "s1", "q-swe-001", "Invoice search latency")
    assert (
        second.path.name == "invoice-search-latency-2.md" and story.path.read_text() == text
    )  # never overwrites


def test_story_files_are_the_persons_to_edit(tmp_path: Path) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    edited = render_story(Story("Old title", "Old text.", ["A requirement"], "Q?", date(2026, 1, 2)))
    (folder / "mine.md").write_text(
        edited.replace("Old title", "Checkout rescue").replace("Old text.", "I fixed it.")
    )
    (folder / "note.md").write_text("Just a note I wrote by hand: I led the migration.\n")
    (folder / "broken.md").write_text('+++\ntitle = "unterminated\n+++\nbody\n')
    (folder / "open.md").write_text('+++\ntitle = "x"\n')
    stories, errors = load_stories(folder)
    assert [s.title for s in stories] == ["Checkout rescue", "note"]
    assert stories[0].body == "I fixed it." and stories[0].requirements == ["A requirement"]
    assert stories[1].body.startswith("Just a note")  # no front matter: the file name is the title
    assert sorted(Path(str(e).split(":")[0]).name for e in errors) == ["broken.md", "open.md"]


def test_saved_stories_are_matched_to_a_new_jobs_requirements() -> None:
    answers = dev_answers()
    latency = Story(
        "Invoice search latency", answers["swe-001"]["text"], question=answers["swe-001"]["question"]
    )
    nightly = Story(
        "Nightly jobs to Kubernetes", answers["swe-015"]["text"], question=answers["swe-015"]["question"]
    )
    rows = {r.requirement: r for r in match_stories(BACKEND_JOB.read_text(), [latency, nightly])}
    titles = {text: [(s.title, status) for s, status in r.stories] for text, r in rows.items()}
    assert titles["Deep experience with PostgreSQL performance tuning"] == [
        ("Invoice search latency", "covered")
    ]
    assert ("Nightly jobs to Kubernetes", "covered") in titles[
        "Production experience with Kubernetes and Docker"
    ]
    assert titles["Clear written communication"] == []  # the story still to prepare
    assert titles["5+ years building backend services in Python"] == []


def test_errors_say_what_is_wrong(store: Store) -> None:
    with pytest.raises(StoryError, match="no answer to question"):
        save_from_session(store, "s1", "nope", "T")
    with pytest.raises(StoryError, match="no session"):
        save_from_session(store, "missing", "q-swe-001", "T")
    with pytest.raises(StoryError, match="no attempt 3"):
        save_from_session(store, "s1", "q-swe-001", "T", attempt_no=3)
    with pytest.raises(StoryError, match="title"):
        save_from_session(store, "s1", "q-swe-001", "  ")


def test_the_best_attempt_is_saved_when_there_are_several(store: Store) -> None:
    weak = "I think performance matters a lot and I care about it."
    store.save_attempt(
        scored("s1", "q-swe-001", "Tell me about a slow system.", weak, LEDGERLINE_JOB.read_text(), 2)
    )
    story = save_from_session(store, "s1", "q-swe-001", "Best one")
    assert story.body == dev_answers()["swe-001"]["text"]
    assert save_from_session(store, "s1", "q-swe-001", "Weak one", attempt_no=2).body == weak


def test_title_suggestions_come_from_the_question() -> None:
    assert suggest_title("Tell me about a time you tuned PostgreSQL performance. What was slow?") == (
        "Tuned PostgreSQL performance"
    )
    assert suggest_title("Walk me through something you're proud of from your years building APIs. What") == (
        "Building APIs"
    )
    assert suggest_title("Why do you want this role?") == "Why do you want this role"


def test_stories_command(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    store.close()
    assert main(["stories", "match", "--job", str(BACKEND_JOB)]) == 1
    assert "no stories yet" in capsys.readouterr().err
    assert main(["stories", "save", "s1", "q-swe-001", "--title", "Invoice search latency"]) == 0
    out = capsys.readouterr().out
    assert "invoice-search-latency.md" in out and f"proves: {POSTGRES}" in out
    assert main(["stories"]) == 0
    assert "2026-01-26  Invoice search latency" in capsys.readouterr().out
    assert main(["stories", "match", "--job", str(BACKEND_JOB)]) == 0
    out = capsys.readouterr().out
    assert (
        "* Deep experience with PostgreSQL performance tuning\n    covered by: Invoice search latency" in out
    )
    assert "must-have requirement(s) have no story" in out
    assert main(["stories", "save", "s1", "nope", "--title", "x"]) == 1
