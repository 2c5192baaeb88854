"""Pilot tests of progress on the history screen: the due count, and the best answer so far per question
("b"), each opening its review. Real SQLite history, answers scored by the real feedback library."""

from __future__ import annotations

from pathlib import Path

from test_today_ui import WEAK, _yesterday
from textual.widgets import DataTable, Static
from tui_fakes import make_app, wait_for

from practice.tui.screens.history import HistoryScreen
from practice.tui.screens.progress import BestAnswersScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen

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
