"""SVG snapshots of the main screens (setup, its corrections to a posting, practice while recording and while
working on a tip, review of an answer, of a retry and of today's answer to a question with the tip carried
over from an earlier day, history) at 80x24 (the smallest supported size), with fake
services and fixed dates so they only change when the UI does. Update after a deliberate UI change with:

    .venv/bin/python -m pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Button, Input
from tui_fakes import ANSWER, FIXED_NOW, JOB, fake_score, make_app, wait_for

from practice.core.jobs import default_job_parser
from practice.core.records import AttemptRecord, SessionRecord
from practice.core.session import State
from practice.tui.app import PracticeApp
from practice.tui.screens.history import HistoryScreen
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.widgets.ticks import TickList

BACKEND_JOB = (Path(__file__).resolve().parent.parent / "data" / "backend-job.txt").read_text()


async def _setup_ready(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
    await wait_for(pilot, lambda: "requirements found" in str(app.screen.query_one("#job-summary").render()))
    await wait_for(pilot, lambda: len(app.screen.query_one("#voice")._options) == 3)
    app.set_focus(None)  # no blinking cursor in the picture


async def _recording(pilot) -> None:
    await _setup_ready(pilot)
    app = pilot.app
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
    await wait_for(pilot, lambda: app.screen.session.state is State.IDLE)
    await pilot.press("space")
    await wait_for(pilot, lambda: "checkout" in str(app.screen.query_one("#live-text").render()))


async def _review(pilot) -> None:
    await _recording(pilot)
    await pilot.press("space")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen))


def test_setup_screen(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, job_text=JOB), run_before=_setup_ready)


def test_practice_screen_while_recording(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, job_text=JOB), run_before=_recording)


def test_review_screen(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, job_text=JOB), run_before=_review)


def _history_app(tmp_path: Path) -> PracticeApp:
    """Four past sessions over four weeks, improving, one of them without a job description."""
    app = make_app(tmp_path)
    store = app.services.store
    answers = [
        "We had a problem with the site. We fixed it.",
        "Last year the checkout page was slow. I profiled the queries.",
        ANSWER.replace(", um, and I love this work", ""),
        ANSWER,
    ]
    for week, text in enumerate(answers):
        when = FIXED_NOW + timedelta(weeks=week)
        job = JOB if week != 1 else None
        session = SessionRecord(
            f"s{week}", when, "test-bank", "Test bank", "Senior Backend Engineer" if job else None, job
        )
        store.ensure_session(session)
        for number in (1, 2):
            store.save_attempt(
                AttemptRecord(
                    session.id,
                    f"q{number}",
                    "Why this role?",
                    1,
                    when + timedelta(minutes=number),
                    transcript=text,
                    duration_s=40.0,
                    feedback=fake_score("Why this role?", text, job, None, 40.0),
                )
            )
    return app


async def _history(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
    await pilot.press("f2")
    await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
    # the due count is made in a worker: wait for it, or the picture races it
    await wait_for(pilot, lambda: "due today" in str(app.screen.query_one("#history-due").render()))


def test_history_screen(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_history_app(tmp_path), run_before=_history)


async def _job_corrected(pilot) -> None:
    """The posting's lines on setup, one unticked and one added, scrolled into view (long lines wrap)."""
    await _setup_ready(pilot)
    screen = pilot.app.screen
    must = screen.query_one("#lines-must", TickList)
    must.set_ticked(next(v for v in must.values if must.text_of(v) == "Clear written communication"), False)
    screen.query_one("#job-add-text", Input).value = "Terraform for infrastructure as code"
    screen.query_one("#job-add", Button).press()
    await wait_for(pilot, lambda: "added by you" in str(screen.query_one("#job-summary").render()))
    screen.query_one("#kind-must").scroll_visible(animate=False, top=True)
    await pilot.pause()


def test_setup_job_corrections(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path, job_text=BACKEND_JOB, job_parser=default_job_parser)
    assert snap_compare(app, run_before=_job_corrected)


async def _retry_review(pilot) -> None:
    """A retry that worked on the first tip (a number for the result) and followed it: the verdict, and the
    two attempts side by side."""
    from test_retry_tip import MEASURED

    from practice.tui.screens.tip_picker import TipPickerScreen

    app = pilot.app
    await _review(pilot)
    await pilot.press("a")
    await wait_for(pilot, lambda: isinstance(app.screen, TipPickerScreen))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
    await wait_for(pilot, lambda: app.screen.session.state is State.IDLE)
    app.services.transcriber.text = MEASURED
    await pilot.press("space")
    await wait_for(pilot, lambda: app.screen.session.state is State.RECORDING)
    await pilot.press("space")
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.attempt.attempt_no == 2)
    app.screen.query_one("#worked-tip").scroll_visible(animate=False, top=True)
    await pilot.pause()


def test_review_of_a_retry(snap_compare, tmp_path: Path) -> None:
    from test_retry_tip import VAGUE, tipping_score

    app = make_app(tmp_path, job_text=JOB, scorer=tipping_score)
    app.services.transcriber.text = VAGUE
    assert snap_compare(app, run_before=_retry_review)


async def _working_on_a_tip(pilot) -> None:
    """Back on the practice screen after "try again": the tip being worked on, and the time bar's hard limit."""
    from practice.tui.screens.tip_picker import TipPickerScreen

    app = pilot.app
    await _review(pilot)
    await pilot.press("a")
    await wait_for(pilot, lambda: isinstance(app.screen, TipPickerScreen))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
    await wait_for(pilot, lambda: app.screen.session.state is State.IDLE)


def test_practice_screen_working_on_a_tip_with_a_time_limit(snap_compare, tmp_path: Path) -> None:
    from test_retry_tip import VAGUE, tipping_score

    from practice.storage.settings import Settings

    settings = Settings(question_count=2, last_bank="test-bank", hard_limit=True)
    app = make_app(tmp_path, job_text=JOB, scorer=tipping_score, settings=settings)
    app.services.transcriber.text = VAGUE
    assert snap_compare(app, run_before=_working_on_a_tip)


async def _next_day_review(pilot) -> None:
    """Today's practice, ten days after a vague answer: the tip it did not follow is carried into today's
    answer, which follows it; the review says so beside the earlier day's answer."""
    from test_retry_tip import MEASURED

    from practice.tui.widgets.today import TodayPractice

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
    await wait_for(pilot, lambda: app.screen.query_one(TodayPractice).due > 0)
    await pilot.press("ctrl+d")
    await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
    await wait_for(pilot, lambda: app.screen.session.state is State.IDLE)
    app.services.transcriber.text = MEASURED
    await pilot.press("space")
    await wait_for(pilot, lambda: app.screen.session.state is State.RECORDING)
    await pilot.press("space")
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
    app.screen.query_one("#worked-tip").scroll_visible(animate=False, top=True)
    await pilot.pause()


def test_review_of_todays_answer_with_a_carried_tip(snap_compare, tmp_path: Path) -> None:
    from test_retry_tip import VAGUE, tipping_score
    from tui_fakes import QUESTIONS, StepClock

    app = make_app(tmp_path, scorer=tipping_score, clock=StepClock(FIXED_NOW + timedelta(days=10)))
    question = QUESTIONS[0]
    store = app.services.store
    store.ensure_session(SessionRecord("earlier", FIXED_NOW, "test-bank", "Test bank"))
    feedback = tipping_score(question.text, VAGUE, None, None, 30.0)
    store.save_attempt(
        AttemptRecord(
            "earlier", question.id, question.text, 1, FIXED_NOW, transcript=VAGUE, feedback=feedback
        )
    )
    assert snap_compare(app, run_before=_next_day_review)


async def _mock_summary(pilot) -> None:
    """A mock interview's summary (80x44: its second-round readiness list shows whole): some items done, the
    must-haves not evidenced listed, references ticked by the person."""
    from practice.tui.screens.summary import SummaryScreen

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
    app.push_screen(SummaryScreen("mock"))
    await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen) and app.screen.readiness is not None)
    app.set_focus(None)
    await pilot.pause()


def test_summary_of_a_mock_interview_with_its_readiness_list(snap_compare, tmp_path: Path) -> None:
    from test_mock_ui import _seed_mock

    app = make_app(tmp_path)
    _seed_mock(app, "mock", strong=True)
    app.services.store.set_check("mock", "references", True)
    assert snap_compare(app, run_before=_mock_summary, terminal_size=(80, 44))
