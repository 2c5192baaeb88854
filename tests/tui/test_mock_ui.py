"""Pilot tests of the mock interview: started from setup (ctrl+o or its button) over the real built-in banks, its
sections asked in interview order, one panelist a section, the person's turn to ask with the studio's suggestion
and its verdict; the summary ends with the second-round readiness list (strong and weak sessions), whose two
manual items are ticked with r and w and kept in the history."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Button, Input, Static
from tui_fakes import ANSWER, FIXED_NOW, JOB, answer_now, fake_score, make_app, text_of, wait_for

from practice.core.mock import YOUR_TURN
from practice.core.records import AttemptRecord, SessionRecord
from practice.core.session import State
from practice.prep.drafts import Interviewer, write_drafts
from practice.storage.catalog import load_catalog
from practice.tui.app import PracticeApp
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.screens.summary import SummaryScreen
from practice.tui.widgets.panel import PanelEditor

SIZE = (100, 40)
ORDER = ["warm-up", "behavioural", "behavioural", "role", "role", "motivation", "your-questions", "closing"]
PROBLEM = "What is the biggest challenge the team is facing right now?"


def _app(tmp_path: Path, **kwargs) -> PracticeApp:
    catalog = load_catalog(user_dir=tmp_path / "no-user-banks")
    return make_app(tmp_path, catalog=catalog, shuffle_seed=7, **kwargs)


async def test_the_mock_interview_asks_its_sections_in_order_one_panelist_a_section(tmp_path: Path) -> None:
    app = _app(tmp_path, job_text=JOB)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        editor = app.screen.query_one(PanelEditor)
        await wait_for(pilot, lambda: "en-gb" in editor.voices, what="voices listed")
        for name in ("Dana Smith: Engineering Manager", "Lee Park: Recruiter"):
            editor.query_one("#panel-name", Input).value = name
            editor.add()
        app.screen.query_one("#mock", Button).press()
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), what="the mock interview")
        practice = app.screen
        assert practice.session.sections == ORDER
        assert practice.record.settings["mock"]["sections"][0]["section"] == "warm-up"
        seen = []
        for number, section in enumerate(ORDER, start=1):
            await wait_for(pilot, lambda n=number: practice.session.number == n, what=f"question {number}")
            meta = text_of(app, "#question-meta")
            asker = "Dana Smith" if section in ("warm-up", "role", "your-questions") else "Lee Park"
            assert meta.startswith(f"{asker} (") and f"Question {number} of 8" in meta, meta
            seen.append(meta.split(" asks · ")[1].split(" · ")[0])
            voice = "en-us" if asker == "Dana Smith" else "en-gb"
            await wait_for(pilot, lambda v=voice: app.services.speaker.voice == v, what="the asker's voice")
            turn = practice.query_one("#mock-step", Static)
            assert turn.display == (section == "your-questions")
            if section == "your-questions":
                assert practice.session.current.text.startswith(YOUR_TURN)
                # the interviewer says it is the person's turn
                await wait_for(
                    pilot, lambda: app.services.speaker.said[-1].startswith(YOUR_TURN), what="spoken"
                )
                assert "most pressing problem" in str(turn.render())
                break
            await wait_for(pilot, lambda: practice.session.state is State.IDLE)
            await pilot.press("n")
        assert seen == [
            "Warm-up",
            "Behavioural",
            "Behavioural",
            "Role",
            "Role",
            "Motivation",
            "Your questions",
        ]
        # the person's turn: their questions are transcribed and checked for the team's pressing problem
        app.services.transcriber.text = f"Thank you. {PROBLEM} And how is success measured?"
        await answer_now(pilot, practice)
        assert any("You asked about their pressing problem" in n.message for n in app._notifications)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), what="the summary")
        await wait_for(pilot, lambda: app.screen.readiness is not None, what="the readiness list")
        readiness = app.screen.readiness
        assert readiness.item("pressing-problem").done
        assert PROBLEM in text_of(app, "#summary-readiness")


async def test_a_question_that_misses_the_teams_problem_is_noted_and_not_followed_up(tmp_path: Path) -> None:
    from test_follow_up_ui import scorer_with_follow_up  # a follow-up offered after every answer

    app = _app(tmp_path, scorer=scorer_with_follow_up)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), what="the mock interview")
        practice = app.screen
        for _ in range(ORDER.index("your-questions")):
            await wait_for(pilot, lambda: practice.session.state is State.IDLE)
            await pilot.press("n")
        assert practice.session.section == "your-questions"
        app.services.transcriber.text = "What is the salary range, and when would I start?"
        await answer_now(pilot, practice)
        assert any("None of your questions asked" in n.message for n in app._notifications)
        assert not app.screen.check_action("follow_up", ()) and app.screen.check_action("next", ())


def _seed_mock(app: PracticeApp, session_id: str, strong: bool) -> None:
    """A stored mock session of four answers (fake scores: the strong answers have a measured result and say
    what the person loves about the work), with a panel of two."""
    store = app.services.store
    sections = ["behavioural", "role", "motivation", "your-questions"]
    settings = {
        "mock": {"sections": [{"question_id": f"q-{s}", "section": s} for s in sections]},
        "panel": [
            {"name": "Dana Smith", "role": "CTO", "voice": "en-us"},
            {"name": "Lee Park", "role": "", "voice": "en-gb"},
        ],
    }
    store.ensure_session(
        SessionRecord(
            session_id,
            FIXED_NOW,
            "mock-interview",
            "Mock interview",
            "Senior Backend Engineer at Acme",
            JOB,
            settings,
        )
    )
    questions = {
        "behavioural": "Tell me about a time you fixed a performance problem.",
        "role": "Tell me about a time you tuned PostgreSQL.",
        "motivation": "Why do you want to work at Acme?",
        "your-questions": f"{YOUR_TURN} What questions do you have for us?",
    }
    answers = {
        "behavioural": ANSWER if strong else "We fixed things, it went fine.",
        "role": ANSWER if strong else "I know databases.",
        "motivation": "I love this work and Acme's product." if strong else "It pays well.",
        "your-questions": PROBLEM if strong else "Is it remote?",
    }
    for minute, section in enumerate(sections, start=1):
        text = answers[section]
        store.save_attempt(
            AttemptRecord(
                session_id,
                f"q-{section}",
                questions[section],
                1,
                FIXED_NOW + timedelta(minutes=minute),
                transcript=text,
                feedback=fake_score(questions[section], text, JOB, None, 40.0),
                source="typed",
            )
        )


async def _open_summary(pilot, session_id: str) -> SummaryScreen:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
    app.push_screen(SummaryScreen(session_id))
    await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen) and app.screen.readiness is not None)
    return app.screen


async def test_the_readiness_list_of_a_strong_and_a_weak_session(tmp_path: Path) -> None:
    app = _app(tmp_path)
    _seed_mock(app, "strong", strong=True)
    _seed_mock(app, "weak", strong=False)
    write_drafts(app.services.store, "strong", [Interviewer("Dana Smith", "CTO"), Interviewer("Lee Park")])
    async with app.run_test(size=SIZE) as pilot:
        summary = await _open_summary(pilot, "strong")
        done = {item.key for item in summary.readiness.items if item.done}
        assert done == {"examples", "enthusiasm", "pressing-problem", "thank-you"}
        shown = text_of(app, "#summary-readiness")
        assert "4 of 7 done" in shown and "✔ done    One thank-you draft per interviewer" in shown
        assert "5+ years of Python" in shown  # the must-have not evidenced, listed
        await pilot.press("escape")
        summary = await _open_summary(pilot, "weak")
        assert summary.readiness.done == 0
        shown = text_of(app, "#summary-readiness")
        assert "0 of 7 done" in shown and shown.count("○ not yet") == 7
        for words in ("a number for what changed", "biggest challenge", "Dana Smith", "Lee Park"):
            assert words in shown, words


async def test_ticking_references_and_work_samples_is_kept_with_the_session(tmp_path: Path) -> None:
    app = _app(tmp_path)
    _seed_mock(app, "weak", strong=False)
    async with app.run_test(size=SIZE) as pilot:
        summary = await _open_summary(pilot, "weak")
        await pilot.press("r")
        await wait_for(pilot, lambda: summary.readiness.item("references").done, what="references ticked")
        await pilot.press("w")
        await wait_for(pilot, lambda: summary.readiness.item("work-samples").done, what="samples ticked")
        assert app.services.store.session("weak").checks == {"references": True, "work-samples": True}
        assert "r unticks it" in text_of(app, "#summary-readiness")
        await pilot.press("r")
        await wait_for(
            pilot, lambda: not summary.readiness.item("references").done, what="references unticked"
        )
        assert app.services.store.session("weak").checks == {"references": False, "work-samples": True}
        # writing the drafts from the summary ticks their line
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "InterviewersScreen", what="drafts dialog")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: summary.readiness.item("thank-you").done, what="drafts ticked")


async def test_other_sessions_have_no_readiness_list_and_no_ticks(tmp_path: Path) -> None:
    app = _app(tmp_path)
    store = app.services.store
    store.ensure_session(SessionRecord("plain", FIXED_NOW, "test-bank", "Test bank"))
    store.save_attempt(
        AttemptRecord(
            "plain",
            "q1",
            "Why?",
            1,
            FIXED_NOW,
            transcript=ANSWER,
            feedback=fake_score("Why?", ANSWER, None, None, 1.0),
        )
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        app.push_screen(SummaryScreen("plain"))
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.pause()
        assert not app.screen.query_one("#summary-readiness-box").display
        assert not app.screen.check_action("tick", ("references",))
