"""Pilot tests of progress on the history screen: the due count, each requirement of the job over time, and
the best answer so far per question ("b"), each opening its review. Real SQLite history, answers scored by the real feedback library."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from test_today_ui import WEAK, _yesterday
from textual.widgets import DataTable, Static
from tui_fakes import FIXED_NOW, JOB, make_app, wait_for

from feedback import score_answer
from practice.core.records import AttemptRecord, SessionRecord
from practice.tui.screens.history import HistoryScreen
from practice.tui.screens.progress import BestAnswersScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.widgets.trend import RequirementTrend

SIZE = (80, 24)


async def test_history_counts_the_due_and_lists_the_best_answers(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    _yesterday(app.services.store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        due = app.screen.query_one("#history-due", Static)
        await wait_for(pilot, lambda: "due today" in str(due.render()), what="the due count")
        assert str(due.render()).startswith("1 due today (setup: ctrl+d)")

        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(app.screen, BestAnswersScreen))
        screen = app.screen
        await wait_for(pilot, lambda: len(screen.rows) == 2, what="the best answers")
        table = screen.query_one(DataTable)
        first = table.get_row_at(0)
        assert str(first[0]) == WEAK.text and str(first[3]) == "1" and str(first[4]) == "today"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert app.screen.attempt.question_id == WEAK.id and not app.screen.live
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, BestAnswersScreen))


async def test_with_no_history_there_is_nothing_to_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        assert app.screen.check_action("best", ()) is False
        assert str(app.screen.query_one("#history-due", Static).render()) == ""


async def test_history_plots_each_requirement_of_the_job_over_its_sessions(tmp_path: Path) -> None:
    """Two sessions for the job: the first evidences PostgreSQL with a story, the second (a day later) does
    not; Python is never shown. One cell per session, real scores."""
    app = make_app(tmp_path)
    store = app.services.store
    _yesterday(store, JOB)
    later = FIXED_NOW + timedelta(hours=2)
    store.ensure_session(SessionRecord("later", later, "test-bank", "Test bank", None, JOB))
    text = "I am easy to work with."
    result = score_answer(WEAK.text, text, job=JOB)
    store.save_attempt(
        AttemptRecord("later", WEAK.id, WEAK.text, 1, later, transcript=text, feedback=result.to_dict())
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        trend = app.screen.query_one(RequirementTrend)
        await wait_for(pilot, lambda: bool(trend.tracks), what="the requirements over time")
        assert [(t.requirement, t.must_have, t.statuses) for t in trend.tracks] == [
            ("5+ years of Python", True, ("missing", "missing")),
            ("PostgreSQL performance tuning", True, ("covered", "missing")),
        ]
        lines = str(trend.render()).splitlines()
        assert lines[0].startswith("* 5+ years of Python") and lines[0].endswith("··")
        assert lines[1].startswith("* PostgreSQL performance tuning") and lines[1].endswith("█·")
        heading = str(app.screen.query_one("#requirements-heading", Static).render())
        assert heading.startswith("Requirements over time") and heading.endswith(": 2 sessions")


async def test_without_a_job_no_requirements_are_plotted(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    _yesterday(app.services.store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        due = app.screen.query_one("#history-due", Static)
        await wait_for(pilot, lambda: "due today" in str(due.render()), what="the due count")
        assert not app.screen.query_one(RequirementTrend).display
        assert not app.screen.query_one("#requirements-heading").display
