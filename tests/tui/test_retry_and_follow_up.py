"""Retries and follow-ups in one session: a retry finds the attempt whose tip it worked on by its number among
the question's attempts, follow-up answers included, and a follow-up links to the answer it follows by id,
retries included. Neither may take the other's attempt for its own (fakes, no model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_app import SIZE, answer_by_voice, on, start_practice, text_of
from test_retry_tip import MEASURED, VAGUE, pick_and_retry, tipping_score
from textual.widgets import DataTable
from tui_fakes import make_app, wait_for

from practice.tui.app import PracticeApp
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.summary import SummaryScreen

FOLLOW_UP = "What was the outcome? Can you put a number on it?"


def tipping_score_with_follow_up(*args: Any) -> dict[str, Any]:
    """Tips as in the retry tests, and a follow-up for answers to the bank's own question."""
    result = tipping_score(*args)
    asked = result["question"] != FOLLOW_UP
    result["follow_up"] = {"question": FOLLOW_UP, "reason": "result", "requirement": None} if asked else None
    return result


def make(tmp_path: Path) -> PracticeApp:
    app = make_app(tmp_path, scorer=tipping_score_with_follow_up)
    app.services.transcriber.text = VAGUE
    return app


def summary_column(app: PracticeApp, title: str) -> list[str]:
    table = app.screen.query_one(DataTable)
    column = [c.label.plain for c in table.columns.values()].index(title)
    return [str(table.get_row_at(r)[column]) for r in range(table.row_count)]


async def ask_follow_up(pilot, app: PracticeApp) -> PracticeScreen:
    assert FOLLOW_UP in text_of(app, "#review-follow-up")
    await pilot.press("n")
    await wait_for(pilot, lambda: on(app, PracticeScreen), what="practice screen")
    await wait_for(pilot, lambda: app.services.speaker.said[-1:] == [FOLLOW_UP], what="follow-up spoken")
    return app.screen  # type: ignore[return-value]


async def test_a_retry_of_a_follow_up_answer_sits_beside_that_answer_not_the_first(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start_practice(pilot, app)
        await answer_by_voice(pilot, app)  # attempt 1: the question itself
        practice = await ask_follow_up(pilot, app)
        await answer_by_voice(pilot, app)  # attempt 2: the follow-up, still without a number
        assert "follow-up to attempt 1" in text_of(app, "#review-heading")
        practice = await pick_and_retry(pilot, app, "enter")  # work on quantifying, on the follow-up
        assert practice.session.follow_up is not None  # the retry answers the follow-up again
        assert text_of(app, "#question-text") == FOLLOW_UP
        app.services.transcriber.text = MEASURED
        await answer_by_voice(pilot, app)  # attempt 3
        review = app.screen
        assert isinstance(review, ReviewScreen)
        worked = review.attempt.worked_tip
        assert worked is not None and worked.from_attempt == 2 and worked.verdict == "yes"
        assert review.worked_from is not None and review.worked_from.attempt_no == 2
        columns = text_of(app, "#review-columns")
        assert "Attempt 2" in columns and "Attempt 3" in columns and "Attempt 1" not in columns
        # still a follow-up to the first answer: the pair is shown, and no follow-up of a follow-up is offered
        assert "follow-up to attempt 1" in text_of(app, "#review-heading")
        assert VAGUE in text_of(app, "#review-parent")
        assert not review.check_action("follow_up", ())
        stored = app.services.store.attempts(review.attempt.session_id)
        assert [(a.attempt_no, a.follow_up_of) for a in stored] == [
            (1, None),
            (2, stored[0].id),
            (3, stored[0].id),
        ]
        await pilot.press("f")
        await wait_for(pilot, lambda: on(app, SummaryScreen))
        assert summary_column(app, "Try") == ["1", "2, follow-up to 1", "3, follow-up to 1"]
        assert summary_column(app, "Tip") == ["", "", "yes"]


async def test_a_follow_up_after_a_retry_follows_the_retry_and_carries_no_tip(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start_practice(pilot, app)
        await answer_by_voice(pilot, app)  # attempt 1
        await pick_and_retry(pilot, app, "enter")
        app.services.transcriber.text = MEASURED
        await answer_by_voice(pilot, app)  # attempt 2: a retry that followed the tip
        assert "Followed this time" in text_of(app, "#worked-tip")
        practice = await ask_follow_up(pilot, app)  # a retry is an answer to the question: it gets one
        assert practice.session.working_on is None
        assert "follow-up to attempt 2" in text_of(app, "#question-meta")
        await answer_by_voice(pilot, app)  # attempt 3
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.attempt.worked_tip is None and not review.query("#worked-tip")
        assert "follow-up to attempt 2" in text_of(app, "#review-heading")
        stored = app.services.store.attempts(review.attempt.session_id)
        assert stored[2].follow_up_of == stored[1].id and stored[2].worked_tip is None
        # the retry's own review, opened again, still sets it beside attempt 1 and lists its follow-up
        retry = ReviewScreen(stored[1], stored, live=False)
        await app.push_screen(retry)
        await pilot.pause()
        assert retry.worked_from is not None and retry.worked_from.attempt_no == 1
        columns = text_of(app, "#review-columns")
        assert "Attempt 1" in columns and "Attempt 3" not in columns
        assert "Attempt 3" in text_of(app, "#review-follow-up")
