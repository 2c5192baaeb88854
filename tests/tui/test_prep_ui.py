"""Pilot tests of the preparation actions: tailoring a session to the job on setup, and from the session
summary and review saving a story, the coverage table and follow-up drafts. The answers are scored by the
real feedback library (fast, no model), so coverage and drafts read real evidence."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static, TextArea
from tui_fakes import FakeTranscriber, make_app, run_from_palette, wait_for

from feedback import parse_job
from practice.answers.scoring import default_scorer
from practice.core.banks import load_bank
from practice.core.session import State
from practice.prep.drafts import drafts_dir
from practice.prep.stories import load_stories, stories_dir
from practice.prep.tailor import tailor
from practice.storage.paths import user_banks_dir
from practice.tui.app import PracticeApp
from practice.tui.screens.coverage import CoverageScreen
from practice.tui.screens.followup import InterviewersScreen, PathsScreen, StoryTitleScreen
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.screens.summary import SummaryScreen

SIZE = (80, 24)
JOB = (Path(__file__).parents[1] / "data" / "backend-job.txt").read_text()
POSTGRES_SENTENCE = (
    "I profiled the slowest PostgreSQL queries with EXPLAIN ANALYZE and added two composite indexes "
    "on the orders table."
)
ANSWER = (
    "At my last company our order search page took eight seconds during the evening peak. "
    f"{POSTGRES_SENTENCE} I also rewrote the report query to use keyset pagination. "
    "As a result the p95 latency fell from 8 seconds to 400 milliseconds."
)


def on(app: PracticeApp, screen: type) -> bool:
    return isinstance(app.screen, screen)


def shown(app: PracticeApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_tailor_to_this_job_starts_a_session_of_its_questions(tmp_path: Path) -> None:
    app = make_app(tmp_path, job_text=JOB)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: on(app, PracticeScreen), what="tailored practice")
        practice = app.screen
        expected = tailor(JOB)
        assert [q.id for q in practice.session.questions] == [q.id for q in expected.questions]  # all of them
        assert practice.record.bank_name == "Tailored: Senior Backend Engineer at Northwind Logistics"
        assert "Why do you want this Senior Backend Engineer role at Northwind Logistics?" in shown(
            app, "#question-text"
        )
        assert not practice.query_one("#question-targets").display  # "why this role" targets nothing
        for number in (2, 3, 4):  # skip to the PostgreSQL question
            await wait_for(pilot, lambda: practice.session.state is State.IDLE)
            await pilot.press("n")
            await wait_for(pilot, lambda n=number: practice.session.number == n)
        assert "Tell me about a time you tuned PostgreSQL performance." in shown(app, "#question-text")
        assert practice.query_one("#question-targets").display
        targets = shown(app, "#question-targets")
        assert targets.startswith("Targets: Deep experience with PostgreSQL performance tuning")
        assert (
            app.services.settings.last_bank == "test-bank"
        )  # a generated bank is not remembered as a choice
        # ...but it is kept among the person's own banks, to practice again or edit.
        saved = user_banks_dir() / f"{expected.bank().id}.toml"
        assert [q.text for q in load_bank(saved).questions] == [q.text for q in expected.questions]
        assert saved in [b.path for b in app.services.catalog.banks]


async def test_tailoring_still_starts_when_the_bank_cannot_be_saved(tmp_path: Path) -> None:
    user_banks_dir().parent.mkdir(parents=True, exist_ok=True)
    user_banks_dir().write_text("a file where the banks folder should be")
    app = make_app(tmp_path, job_text=JOB)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: on(app, PracticeScreen), what="tailored practice")
        assert app.screen.session.total == len(tailor(JOB).questions)
        assert any("could not be saved" in n.message for n in app._notifications)


async def test_tailoring_needs_a_job_description(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        await pilot.click("#tailor")
        await pilot.pause()
        assert on(app, SetupScreen)
        assert any("Paste or load a job description first" in n.message for n in app._notifications)
        assert app.screen.focused is app.screen.query_one("#job", TextArea)


async def answer_first_question(pilot, app: PracticeApp) -> None:
    await wait_for(pilot, lambda: on(app, SetupScreen))
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: on(app, PracticeScreen))
    practice = app.screen
    await wait_for(pilot, lambda: practice.session.state is State.IDLE)
    await pilot.press("space")
    await wait_for(pilot, lambda: practice.session.state is State.RECORDING)
    await pilot.press("space")
    await wait_for(pilot, lambda: on(app, ReviewScreen), what="review")


async def test_review_and_summary_keep_what_the_session_produced(tmp_path: Path) -> None:
    app = make_app(tmp_path, job_text=JOB, scorer=default_scorer, transcriber=FakeTranscriber(ANSWER))
    async with app.run_test(size=SIZE) as pilot:
        await answer_first_question(pilot, app)
        session_id = app.screen.attempt.session_id

        # save the answer as a story, from the review
        await pilot.press("s")
        await wait_for(pilot, lambda: on(app, StoryTitleScreen))
        assert (
            app.screen.query_one(Input).value == "Fixed a performance problem"
        )  # suggested from the question
        await pilot.press("enter")
        await wait_for(pilot, lambda: on(app, ReviewScreen))
        (story,), errors = load_stories()
        assert errors == [] and story.path.parent == stories_dir()
        assert (
            story.body == ANSWER
            and "Deep experience with PostgreSQL performance tuning" in story.requirements
        )

        await pilot.press("f")
        await wait_for(pilot, lambda: on(app, SummaryScreen), what="summary")

        # the coverage table: each requirement of the job, with the example sentence that evidenced it
        await pilot.press("c")
        await wait_for(pilot, lambda: on(app, CoverageScreen))
        table = app.screen.query_one(DataTable)
        requirements = [r.text for r in parse_job(JOB).requirements]
        assert table.row_count == len(requirements)
        row = table.get_row_at(requirements.index("Deep experience with PostgreSQL performance tuning"))
        assert str(row[2]) == "covered" and str(row[3]) == POSTGRES_SENTENCE
        assert str(table.get_row_at(requirements.index("Clear written communication"))[2]) == "missing"
        assert "Prepare a story for" in shown(app, "#coverage-todo")
        assert "★ Design and operate Python services" in shown(app, "#coverage-todo")
        assert shown(app, "#coverage-heading").startswith("This session")
        await pilot.press("a")
        assert shown(app, "#coverage-heading").startswith("All sessions for this job")
        await pilot.press("escape")
        await wait_for(pilot, lambda: on(app, SummaryScreen))

        # follow-up drafts: one per interviewer, then where they are
        await pilot.press("d")
        await wait_for(pilot, lambda: on(app, InterviewersScreen))
        app.screen.query_one("#interviewers", TextArea).load_text(
            "Dana Smith: Engineering Manager\nLee Park\n"
        )
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: on(app, PathsScreen), what="drafts written")
        paths = shown(app, "#paths")
        assert "Dana Smith (Engineering Manager)" in paths and "Lee Park" in paths
        dana = drafts_dir(session_id) / "thank-you-dana-smith.txt"
        assert dana.name in paths
        text = dana.read_text()
        assert "Dear Dana Smith," in text and POSTGRES_SENTENCE in text
        assert (drafts_dir(session_id) / "thank-you-lee-park.txt").is_file()
        await pilot.press("enter")
        await wait_for(pilot, lambda: on(app, SummaryScreen))


async def test_the_command_palette_reaches_coverage(tmp_path: Path) -> None:
    app = make_app(tmp_path, job_text=JOB, scorer=default_scorer, transcriber=FakeTranscriber(ANSWER))
    async with app.run_test(size=SIZE) as pilot:
        await answer_first_question(pilot, app)
        await pilot.press("f")
        await wait_for(pilot, lambda: on(app, SummaryScreen))
        await run_from_palette(pilot, "Coverage")
        await wait_for(pilot, lambda: on(app, CoverageScreen), what="coverage through the palette")


async def test_coverage_is_offered_only_with_a_job_description(tmp_path: Path) -> None:
    app = make_app(tmp_path, scorer=default_scorer, transcriber=FakeTranscriber(ANSWER))
    async with app.run_test(size=SIZE) as pilot:
        await answer_first_question(pilot, app)
        await pilot.press("f")
        await wait_for(pilot, lambda: on(app, SummaryScreen))
        assert not app.screen.check_action("coverage", ())
        assert app.screen.check_action("drafts", ()) and app.screen.check_action("save_story", ())
