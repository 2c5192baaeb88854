"""Timed answers: the time bar uses each question's target from its bank (the person's default otherwise),
warns when it is reached, stops the take there when the person chose a hard limit (the answer is saved and
scored as usual), and the session summary says which answers ran long (fakes, no model)."""

from __future__ import annotations

from pathlib import Path

from test_app import SIZE, begin_recording, on, start_practice, text_of
from textual.widgets import Checkbox
from tui_fakes import FakeRecorder, make_app, wait_for

from practice.core.session import State
from practice.storage.settings import Settings
from practice.tui.app import PracticeApp
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.screens.summary import SummaryScreen
from practice.tui.widgets.meters import AnswerClock


def make(tmp_path: Path, *, hard: bool, elapsed: float) -> PracticeApp:
    settings = Settings(question_count=2, last_bank="test-bank", answer_target_s=60, hard_limit=hard)
    return make_app(tmp_path, settings=settings, recorder=FakeRecorder(elapsed_s=elapsed))


def notes(app: PracticeApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_the_time_bar_uses_the_banks_target_and_the_default_otherwise(tmp_path: Path) -> None:
    app = make(tmp_path, hard=False, elapsed=12.0)
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        clock = practice.query_one(AnswerClock)
        assert clock.target == 90 and not clock.hard  # the bank gives the first question 90 s
        assert "0:00 / 1:30 " in str(clock.render())
        await wait_for(pilot, lambda: practice.session.state is State.IDLE)
        await pilot.press("n")
        await wait_for(pilot, lambda: practice.session.number == 2)
        assert clock.target == 60  # no target in the bank: the person's default


async def test_without_a_limit_the_take_runs_on_past_the_target_with_a_warning(tmp_path: Path) -> None:
    app = make(tmp_path, hard=False, elapsed=95.0)
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        await begin_recording(pilot, practice)
        await wait_for(pilot, lambda: any("1:30 reached" in n for n in notes(app)), what="the warning")
        assert practice.session.state is State.RECORDING  # only a warning
        assert "over" in str(practice.query_one(AnswerClock).render())
        await pilot.press("space")
        await wait_for(pilot, lambda: on(app, ReviewScreen))
        assert "1:35 of 1:30" in text_of(app, "#delivery")  # the review measures it against this target
        await pilot.press("f")
        await wait_for(pilot, lambda: on(app, SummaryScreen))
        shown = text_of(app, "#summary-long")
        assert "Ran long" in shown and "Q1 attempt 1: 1:35 of 1:30 (5 s over)" in shown


async def test_a_hard_limit_stops_the_take_and_keeps_the_answer(tmp_path: Path) -> None:
    app = make(tmp_path, hard=True, elapsed=95.0)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        assert app.screen.query_one("#hard-limit", Checkbox).value  # the person's setting
        practice = await start_practice(pilot, app)
        assert "1:30 limit" in str(practice.query_one(AnswerClock).render())
        await wait_for(pilot, lambda: practice.session.state is State.IDLE, what="question spoken")
        await pilot.press("space")  # and nothing else: the limit stops the take
        await wait_for(pilot, lambda: on(app, ReviewScreen), what="the take stopped by itself")
        assert any("stopped at the 1:30 limit" in n for n in notes(app))
        (saved,) = app.services.store.attempts(practice.session.id)
        assert saved.feedback is not None and saved.recording_path and saved.recording_path.is_file()
        await pilot.press("f")
        await wait_for(pilot, lambda: on(app, SummaryScreen))
        assert "Q1 attempt 1: stopped at the 1:30 limit" in text_of(app, "#summary-long")


async def test_answers_within_their_target_are_not_listed(tmp_path: Path) -> None:
    app = make(tmp_path, hard=True, elapsed=12.0)
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        await begin_recording(pilot, practice)
        assert not any("limit" in n for n in notes(app))
        await pilot.press("space")
        await wait_for(pilot, lambda: on(app, ReviewScreen))
        await pilot.press("f")
        await wait_for(pilot, lambda: on(app, SummaryScreen))
        assert not app.screen.query_one("#summary-long").display
