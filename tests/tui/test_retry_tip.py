"""Retry until it lands: the review's "try again" picks the tip to work on, the practice screen shows it, and
the next attempt's review says whether it was followed, with the two attempts side by side (fakes, no model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_app import SIZE, answer_by_voice, on, start_practice, text_of
from textual.widgets import DataTable, OptionList
from tui_fakes import fake_score, make_app, wait_for

from feedback.tip_kinds import tip_kinds
from practice.tui.app import PracticeApp
from practice.tui.screens.compare import CompareScreen
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.summary import SummaryScreen
from practice.tui.screens.tip_picker import TipPickerScreen

QUANTIFY = "Quantify the result: how much faster, cheaper, more or fewer (a percentage, time or money saved)."
FILLERS = (
    'Cut the fillers ("um"): pause silently instead. Up to about 5 a minute goes unnoticed; you had about 9.'
)
VAGUE = "Our checkout page timed out. I owned the fix. I profiled the queries. Pages got a lot faster."
MEASURED = (
    "Our checkout page timed out. I owned the fix. I profiled the queries. Latency dropped by 80 percent."
)


def tipping_score(*args: Any) -> dict[str, Any]:
    """The fake scorer's result, with two real tip templates (and their kinds) while no number is given."""
    result = fake_score(*args)
    tips = [FILLERS] if "80 percent" in result["transcript"] else [QUANTIFY, FILLERS]
    return {**result, "tips": tips, "tip_kinds": tip_kinds(tips)}


def make(tmp_path: Path) -> PracticeApp:
    app = make_app(tmp_path, scorer=tipping_score)
    app.services.transcriber.text = VAGUE
    return app


async def pick_and_retry(pilot, app: PracticeApp, *keys: str) -> PracticeScreen:
    await pilot.press("a")
    await wait_for(pilot, lambda: on(app, TipPickerScreen), what="tip picker")
    assert app.screen.query_one(OptionList).highlighted == 0  # the first tip unless another is picked
    await pilot.press(*keys)
    await wait_for(pilot, lambda: on(app, PracticeScreen), what="practice screen")
    return app.screen  # type: ignore[return-value]


async def test_the_retry_works_on_the_first_tip_and_is_told_it_followed_it(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start_practice(pilot, app)
        await answer_by_voice(pilot, app)
        assert not app.screen.query("#worked-tip")  # a first attempt worked on no tip
        practice = await pick_and_retry(pilot, app, "enter")
        assert text_of(app, "#working-on").startswith("Working on: Quantify the result")
        assert (
            practice.session.working_on is not None
            and practice.session.working_on.kind == "measurable_result"
        )
        app.services.transcriber.text = MEASURED
        await answer_by_voice(pilot, app)
        shown = text_of(app, "#worked-tip")
        assert "Working on (from attempt 1): Quantify the result" in shown
        assert "Followed this time: a measured result now: “80 percent”" in shown
        columns = app.screen.query("#review-columns .compare-column")
        assert len(columns) == 2  # the two attempts side by side
        assert "Attempt 1" in text_of(app, "#review-columns") and "Attempt 2" in text_of(
            app, "#review-columns"
        )
        stored = app.services.store.attempts(app.screen.attempt.session_id)
        assert stored[0].worked_tip is None
        assert stored[1].worked_tip is not None and stored[1].worked_tip.verdict == "yes"
        assert stored[1].worked_tip.tip == QUANTIFY and stored[1].worked_tip.from_attempt == 1
        await pilot.press("c")  # the compare screen says it too
        await wait_for(pilot, lambda: on(app, CompareScreen))
        assert "Followed this time" in text_of(app, "#compare-worked-tip")
        await pilot.press("escape")
        await wait_for(pilot, lambda: on(app, ReviewScreen))
        await pilot.press("f")  # the summary marks the retry
        await wait_for(pilot, lambda: on(app, SummaryScreen))
        table = app.screen.query_one(DataTable)
        tip_column = [column.label.plain for column in table.columns.values()].index("Tip")
        assert [str(table.get_row_at(r)[tip_column]) for r in range(2)] == ["", "yes"]


async def test_another_tip_can_be_picked_and_a_tip_not_followed_is_said_so(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start_practice(pilot, app)
        await answer_by_voice(pilot, app)
        await pilot.press("a")
        await wait_for(pilot, lambda: on(app, TipPickerScreen))
        await pilot.press("escape")  # changed their mind: still in the review
        await wait_for(pilot, lambda: on(app, ReviewScreen))
        practice = await pick_and_retry(pilot, app, "1")
        assert practice.session.working_on.tip == QUANTIFY  # type: ignore[union-attr]
        await answer_by_voice(pilot, app)  # the same vague answer again
        assert "Not followed yet: the result still has no number" in text_of(app, "#worked-tip")
        practice = await pick_and_retry(pilot, app, "down", "enter")  # the second tip this time
        assert text_of(app, "#working-on").startswith("Working on: Cut the fillers")
        await answer_by_voice(pilot, app)
        worked = app.screen.attempt.worked_tip
        assert worked.kind == "fillers" and worked.from_attempt == 2 and worked.verdict == "yes"


async def test_just_trying_again_works_on_no_tip(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start_practice(pilot, app)
        await answer_by_voice(pilot, app)
        practice = await pick_and_retry(pilot, app, "end", "enter")
        assert practice.session.working_on is None and not practice.query_one("#working-on").display
        await answer_by_voice(pilot, app)
        assert app.screen.attempt.worked_tip is None and not app.screen.query("#worked-tip")
