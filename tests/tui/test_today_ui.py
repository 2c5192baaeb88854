"""Pilot tests of today's practice on the setup screen: the due items shown with why, ctrl+d (or the button)
starting a session of exactly those, weakest first; hidden while nothing is due. The history is real SQLite
with answers scored by the real feedback library the day before the app's clock."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from test_prep_ui import answer_first_question
from textual.widgets import Button, Checkbox, Static
from tui_fakes import FIXED_NOW, JOB, QUESTIONS, FakeTranscriber, StepClock, make_app, wait_for

from feedback import score_answer
from practice.answers.scoring import default_scorer
from practice.core.records import AttemptRecord, SessionRecord
from practice.core.session import State
from practice.prep.plan import build_plan
from practice.prep.today import TODAY_BANK_NAME
from practice.storage.history import Store
from practice.tui.app import PracticeApp
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.widgets.today import TodayPractice

SIZE = (80, 24)
STRONG, _WHY, WEAK = QUESTIONS  # "fixed-performance", "why-role", "conflict"
STORY = (
    "Last year our checkout page timed out during sales. I owned the fix. I profiled the PostgreSQL "
    "queries and added two indexes. As a result latency dropped from 9 seconds to 2 seconds."
)


def _yesterday(store: Store, job: str | None = None) -> None:
    """Yesterday's session: a strong story, then a weak answer."""
    when = FIXED_NOW - timedelta(days=1)
    store.ensure_session(SessionRecord("yesterday", when, "test-bank", "Test bank", None, job))
    for number, (question, text) in enumerate(((STRONG, STORY), (WEAK, "I am easy to work with.")), start=1):
        result = score_answer(question.text, text, job=job)
        store.save_attempt(
            AttemptRecord(
                "yesterday",
                question.id,
                question.text,
                1,
                when + timedelta(minutes=number),
                transcript=text,
                feedback=result.to_dict(),
                source="typed",
            )
        )


def _today(app: PracticeApp) -> TodayPractice:
    return app.screen.query_one(TodayPractice)


async def test_the_weak_question_is_offered_and_ctrl_d_practices_exactly_the_due(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    _yesterday(app.services.store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await wait_for(pilot, lambda: _today(app).due > 0, what="the plan")
        today = _today(app)
        assert today.display and today.due == 1
        items = str(today.query_one("#today-items", Static).render())
        assert WEAK.text in items and "last " in items and STRONG.text not in items
        assert "ctrl+d today's 1 due" in str(app.screen.query_one("#setup-hint", Static).render())
        assert "1 due" in str(today.query_one("#today-start", Button).label)
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), what="today's session")
        practice = app.screen
        assert [q.id for q in practice.session.questions] == [WEAK.id]
        assert practice.record.bank_name == TODAY_BANK_NAME
        assert app.services.settings.last_bank == "test-bank"  # today's bank is not remembered as a choice


async def test_a_practiced_jobs_uncovered_requirements_are_due_too(tmp_path: Path) -> None:
    app = make_app(tmp_path, job_text=JOB)
    _yesterday(app.services.store, JOB)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await wait_for(pilot, lambda: _today(app).due > 1, what="the plan with the job")
        plan = _today(app).plan
        assert plan is not None and plan.due[0].id == WEAK.id  # the weak question first
        assert [i.requirement for i in plan.due if i.kind == "requirement"] == ["5+ years of Python"]
        app.screen.query_one("#today-start", Button).press()
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), what="today's session")
        questions = app.screen.session.questions
        # the weak question first; the uncovered requirement is practised in the same session (where it falls
        # depends on how the day's other due items scored)
        assert questions[0].id == WEAK.id
        assert [q.targets for q in questions if q.targets] == [("5+ years of Python",)]


async def test_todays_practice_keeps_the_plans_order_with_shuffle_on(tmp_path: Path) -> None:
    """Weakest first is the point of the plan: the shuffle setting (on, with a seed that would swap the two
    due items) does not reorder it."""
    seed = next(n for n in range(100) if random.Random(n).sample([0, 1], 2) == [1, 0])
    app = make_app(tmp_path, job_text=JOB, shuffle_seed=seed)
    app.services.settings.shuffle = True
    _yesterday(app.services.store, JOB)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await wait_for(pilot, lambda: _today(app).due > 1, what="the plan with the job")
        assert app.screen.query_one("#shuffle", Checkbox).value
        expected = [q.id for q in _today(app).bank.questions]  # type: ignore[union-attr]
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), what="today's session")
        assert [q.id for q in app.screen.session.questions] == expected and expected[0] == WEAK.id


async def test_nothing_due_hides_it_and_a_new_posting_adds_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path, job_text=JOB)  # a posting never practiced: tailoring is for that
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await wait_for(pilot, lambda: _today(app).plan is not None, what="the plan")
        await pilot.pause(0.5)  # the job's parse re-plans: still nothing
        assert not _today(app).display and _today(app).due == 0
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)


async def test_a_session_then_a_day_later_the_weak_question_is_offered_first(tmp_path: Path) -> None:
    """Day one: a weak spoken answer through the studio. Day two (the clock moved a day on): setup offers it."""
    # a weak story that still gets a tip: told only as "we" (a claim with no story gets none since tips
    # are only given where the question asks for them)
    weak = FakeTranscriber("We had a slow page once and we fixed it, it was a lot faster after.")
    first = make_app(tmp_path, scorer=default_scorer, transcriber=weak)
    async with first.run_test(size=SIZE) as pilot:
        await answer_first_question(pilot, first)
        assert first.screen.attempt.question_id == STRONG.id  # the bank's first question, answered weakly
        await pilot.press("f")
        await wait_for(pilot, lambda: not isinstance(first.screen, ReviewScreen))
    first.services.store.close()

    clock = StepClock(FIXED_NOW + timedelta(days=1))
    store = Store(tmp_path / "history.sqlite3", clock=clock)
    second = make_app(tmp_path, store=store, clock=clock)
    async with second.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(second.screen, SetupScreen))
        await wait_for(pilot, lambda: _today(second).due > 0, what="the plan on day two")
        plan = _today(second).plan
        assert plan is not None and plan.due[0].id == STRONG.id and plan.due[0].tip
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: isinstance(second.screen, PracticeScreen))
        assert second.screen.session.current.id == STRONG.id


async def test_the_next_day_the_tip_not_yet_followed_is_worked_on_and_judged(tmp_path: Path) -> None:
    """Today's practice carries the tip the weak answer did not follow into the day's first answer to the
    question: the practice screen shows it, and the review judges the new answer against it (feedback's tip
    check), beside the answer of the day before. Real scorer and SQLite, fake devices."""
    weak = FakeTranscriber("We had a slow page once and we fixed it, it was a lot faster after.")
    first = make_app(tmp_path, scorer=default_scorer, transcriber=weak)
    async with first.run_test(size=SIZE) as pilot:
        await answer_first_question(pilot, first)
        day_one = first.screen.attempt
        await pilot.press("f")
        await wait_for(pilot, lambda: not isinstance(first.screen, ReviewScreen))
    first.services.store.close()

    clock = StepClock(FIXED_NOW + timedelta(days=1))
    store = Store(tmp_path / "history.sqlite3", clock=clock)
    second = make_app(
        tmp_path, store=store, clock=clock, scorer=default_scorer, transcriber=FakeTranscriber(STORY)
    )
    async with second.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(second.screen, SetupScreen))
        await wait_for(pilot, lambda: _today(second).due > 0, what="the plan on day two")
        item = _today(second).plan.due[0]  # type: ignore[union-attr]
        assert item.tip in day_one.result.tips  # type: ignore[union-attr]
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: isinstance(second.screen, PracticeScreen))
        practice = second.screen
        working = practice.query_one("#working-on", Static)
        assert working.display
        assert str(working.render()) == f"Working on: (from your answer of 2026-01-26) {item.tip}"
        await pilot.press("space")
        await wait_for(pilot, lambda: practice.session.state is State.RECORDING)
        await pilot.press("space")
        await wait_for(pilot, lambda: isinstance(second.screen, ReviewScreen), what="review")
        review = second.screen
        worked = review.attempt.worked_tip
        assert worked is not None and worked.kind == item.tip_kind and worked.from_attempt_id == day_one.id
        assert worked.verdict == "yes", worked  # an "I" story with a measured result follows it
        shown = str(review.query_one("#worked-tip", Static).render())
        assert shown.startswith(f"Working on (from your answer of 2026-01-26): {item.tip}")
        assert "Followed this time" in shown
        shown_columns = [str(s.render()) for s in review.query("#review-columns Static")]
        headings = [h for h in shown_columns if h.startswith("Attempt")]
        assert len(headings) == 2  # the two answers side by side, each with its day
        assert headings[0].startswith("Attempt 1 of 2026-01-26") and headings[1].startswith(
            "Attempt 1 of 2026-01-27"
        )
        assert STORY[:30] in " ".join(shown_columns) and "We had a slow page" in " ".join(shown_columns)
    saved = store.attempts(review.attempt.session_id)
    assert [a.worked_tip for a in saved] == [worked]
    # when the question comes back, the tip followed today is not the one left to follow
    (again,) = [i for i in build_plan(store, FIXED_NOW + timedelta(days=90)).due if i.id == STRONG.id]
    assert again.tip_kind != worked.kind
