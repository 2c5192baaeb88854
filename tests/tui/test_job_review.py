"""The setup screen's view of what was read of a posting: the person unticks a line that is not a requirement,
adds one the reader missed, corrects the company, and the session is scored against exactly that list; the
corrections are kept for the posting and come back with it (pilot tests, keys pressed; the real reader)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Collapsible, Input, Select, TextArea
from tui_fakes import JOB, fake_score, make_app, wait_for

from feedback import JobChoices, JobDescription
from practice.core.jobs import default_job_parser
from practice.storage.job_choices import choices_path, load_job_choices
from practice.tui.app import PracticeApp
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.widgets.job_review import JobReview
from practice.tui.widgets.ticks import TickList

SIZE = (80, 24)
ROOT = Path(__file__).resolve().parent.parent.parent
BACKEND_JOB = (ROOT / "tests" / "data" / "backend-job.txt").read_text()


class RecordingScorer:
    """The fake scorer, keeping the job each answer was scored against."""

    def __init__(self) -> None:
        self.jobs: list[JobDescription | None] = []

    def __call__(self, question: str, transcript: str, job: Any, words: Any, duration: Any) -> dict:
        self.jobs.append(job)
        return fake_score(question, transcript, job, words, duration)


def real_reader_app(tmp_path: Path, job: str = JOB, **kwargs: Any) -> PracticeApp:
    return make_app(tmp_path, job_text=job, job_parser=default_job_parser, **kwargs)


def summary(app: PracticeApp) -> str:
    return str(app.screen.query_one("#job-summary").render())


def lines(app: PracticeApp, kind: str) -> dict[str, bool]:
    """The requirement lines of one kind on screen, and whether each is ticked."""
    ticks = app.screen.query_one(f"#lines-{kind}", TickList)
    return {ticks.text_of(value): value in ticks.ticked for value in ticks.values}


async def setup_read(pilot: Any) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen), what="setup")
    await wait_for(pilot, lambda: "requirements found" in summary(app), what="the posting read")


async def untick_first_must_have(pilot: Any) -> None:
    """Tab-free: focus the must-haves, then the keys a person presses (the first line is highlighted)."""
    pilot.app.screen.query_one("#lines-must", TickList).focus()
    await pilot.pause()
    await pilot.press("home", "space")


async def add_line(pilot: Any, text: str, kind_presses: tuple[str, ...] = ()) -> None:
    """Type a missed line, pick its kind with the keyboard, press enter in the line's field."""
    screen = pilot.app.screen
    if kind_presses:
        screen.query_one("#job-add-kind", Select).focus()
        await pilot.press("enter", *kind_presses, "enter")
    screen.query_one("#job-add-text", Input).focus()
    await pilot.press(*text, "enter")


async def type_an_answer(pilot: Any, app: PracticeApp) -> None:
    await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), what="practice")
    await pilot.press("t")
    await pilot.press(*"I tuned PostgreSQL queries on Kubernetes.")
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen), what="review")


async def test_untick_a_line_and_add_one_then_the_session_scores_against_the_edited_list(
    tmp_path: Path,
) -> None:
    scorer = RecordingScorer()
    app = real_reader_app(tmp_path, scorer=scorer)
    async with app.run_test(size=SIZE) as pilot:
        await setup_read(pilot)
        assert lines(app, "must") == {"5+ years of Python": True, "PostgreSQL performance tuning": True}
        await untick_first_must_have(pilot)
        assert lines(app, "must") == {"5+ years of Python": False, "PostgreSQL performance tuning": True}
        await add_line(pilot, "Kubernetes on AWS", kind_presses=("down",))  # must -> nice
        await wait_for(pilot, lambda: "added" in summary(app), what="the line added")
        assert lines(app, "nice") == {"Kubernetes on AWS (added by you)": True}
        assert "(1 left out and 1 added by you)" in summary(app)
        assert app.screen.query_one("#job-add-text", Input).value == ""  # ready for the next one

        await pilot.press("ctrl+s")
        await type_an_answer(pilot, app)

    (job,) = scorer.jobs
    assert isinstance(job, JobDescription)
    assert [(r.text, r.kind) for r in job.requirements] == [
        ("PostgreSQL performance tuning", "must"),
        ("Kubernetes on AWS", "nice"),
    ]
    assert ("5+ years of Python", "left out by you") in [(s.text, s.reason) for s in job.set_aside]
    # The session keeps the corrections it was scored with; the posting's file keeps them for next time.
    (stored,) = app.services.store.sessions()
    expected = JobChoices(excluded=("5+ years of Python",), added=(("Kubernetes on AWS", "nice"),))
    assert stored.session.job_choices == expected
    assert load_job_choices(JOB) == expected
    attempt = app.services.store.attempts(stored.session.id)[0]
    assert attempt.feedback is not None


async def test_corrections_come_back_with_the_posting_and_retick_removes_them(tmp_path: Path) -> None:
    first = real_reader_app(tmp_path)
    async with first.run_test(size=SIZE) as pilot:
        await setup_read(pilot)
        await untick_first_must_have(pilot)
        company = first.screen.query_one("#job-company", Input)
        company.focus()
        await pilot.press("end", *" Corp")
        await wait_for(pilot, lambda: "at Acme Corp" in summary(first), what="company corrected")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(first.screen, PracticeScreen), what="practice")
        assert first.screen.record.job_title == "Senior Backend Engineer at Acme Corp"
    path = choices_path(JOB)
    assert path is not None and path.is_file()
    assert 'company = "Acme Corp"' in path.read_text()  # a file the person can read and edit

    # The same posting pasted again with other spacing: the corrections are found by its text.
    again = real_reader_app(tmp_path, job=JOB.replace("\n", "\n\n"))
    async with again.run_test(size=SIZE) as pilot:
        await setup_read(pilot)
        assert lines(again, "must") == {"5+ years of Python": False, "PostgreSQL performance tuning": True}
        assert again.screen.query_one("#job-company", Input).value == "Acme Corp"
        assert "Senior Backend Engineer at Acme Corp" in summary(again)
        assert "(1 left out by you)" in summary(again)
        await untick_first_must_have(pilot)  # ticked again
        again.screen.query_one("#job-company", Input).value = "Acme"
        await wait_for(pilot, lambda: "by you" not in summary(again), what="corrections undone")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(again.screen, PracticeScreen), what="practice")
        assert again.screen.record.job_choices is None
    assert not path.exists()  # nothing corrected: the posting is read as first read


async def test_set_aside_text_is_folded_with_its_reasons_and_empty_lines_are_not_added(
    tmp_path: Path,
) -> None:
    app = real_reader_app(tmp_path, job=BACKEND_JOB)
    async with app.run_test(size=SIZE) as pilot:
        await setup_read(pilot)
        folded = app.screen.query_one("#job-set-aside", Collapsible)
        assert folded.collapsed and folded.title.startswith("Set aside (")
        shown = str(app.screen.query_one("#job-set-aside-list").render())
        assert "about the company or the role: Northwind builds" in shown
        assert set(lines(app, "duty").values()) == {True} and len(lines(app, "duty")) == 4

        await add_line(pilot, "Be great")  # nothing an answer could be matched on
        assert "no words an answer could be matched on" in " ".join(
            str(n.message) for n in app._notifications
        )
        assert not any("(added" in text for kind in ("must", "nice", "duty") for text in lines(app, kind))
        field = app.screen.query_one("#job-add-text", Input)
        assert field.value == "Be great"  # left to be put right
        field.value = ""
        # A line that is already there is ticked again, not added twice.
        duties = app.screen.query_one("#lines-duty", TickList)
        mentor = next(v for v in duties.values if duties.text_of(v).startswith("Mentor engineers"))
        duties.set_ticked(mentor, False)
        await pilot.pause()
        assert lines(app, "duty")["Mentor engineers and lead incident reviews"] is False
        await add_line(pilot, "mentor engineers and lead incident REVIEWS")
        await wait_for(pilot, lambda: all(lines(app, "duty").values()), what="ticked again")
        assert app.screen.query_one(JobReview).choices is None


async def test_editing_the_posting_keeps_the_corrections_a_new_posting_starts_clean(tmp_path: Path) -> None:
    app = real_reader_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await setup_read(pilot)
        await untick_first_must_have(pilot)
        area = app.screen.query_one("#job", TextArea)
        area.load_text(JOB + "- Kafka experience\n")  # the same posting, one line more
        await wait_for(pilot, lambda: "Kafka experience" in lines(app, "must"), what="re-read")
        assert lines(app, "must")["5+ years of Python"] is False
        area.load_text(BACKEND_JOB)  # another posting: nothing carried over
        await wait_for(pilot, lambda: "Northwind" in summary(app), what="another posting")
        assert app.screen.query_one(JobReview).choices is None
