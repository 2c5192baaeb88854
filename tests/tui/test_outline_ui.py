"""Pilot tests of the outline in the review: the person's own sentences in STAR slots (empty ones asked as a
question), edited with "o" and saved into the story bank; none for a question that asks for no story. The
answers are scored by the real feedback library (fast, no model)."""

from __future__ import annotations

from pathlib import Path

from test_prep_ui import answer_first_question
from textual.widgets import Static, TextArea
from tui_fakes import FIXED_NOW, FakeTranscriber, make_app, wait_for

from feedback import score_answer
from practice.answers.scoring import default_scorer
from practice.core.records import AttemptRecord
from practice.prep.stories import load_stories
from practice.tui.app import PracticeApp
from practice.tui.screens.outline import OutlineScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen

SIZE = (80, 24)
NO_RESULT = (
    "Last year our checkout page timed out during sales. I profiled the PostgreSQL queries, um, and I "
    "added two indexes."
)


def outline_shown(app: PracticeApp) -> str:
    return str(app.screen.query_one("#outline", Static).render())


async def test_the_outline_shows_the_persons_words_and_asks_for_the_missing_result(tmp_path: Path) -> None:
    app = make_app(tmp_path, scorer=default_scorer, transcriber=FakeTranscriber(NO_RESULT))
    async with app.run_test(size=SIZE) as pilot:
        await answer_first_question(pilot, app)
        shown = outline_shown(app)
        assert "Situation  Last year our checkout page timed out during sales." in shown
        assert "I profiled the PostgreSQL queries, and I added two indexes." in shown  # no "um"
        assert "Result     what changed, and by how much?" in shown  # the empty slot, as its question

        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OutlineScreen), what="the outline editor")
        editor = app.screen.query_one("#outline-text", TextArea)
        assert "Result: (what changed, and by how much?)" in editor.text
        editor.load_text(
            editor.text.replace(
                "Result: (what changed, and by how much?)", "Result: checkout stayed up, pages in 2 seconds."
            )
        )
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen), what="back to the review")
        (story,), errors = load_stories()
        assert errors == [] and story.title == "Fixed a performance problem"
        assert "Result: checkout stayed up, pages in 2 seconds." in story.body
        assert "Situation: Last year our checkout page timed out during sales." in story.body
        assert "(what was yours to do" not in story.body  # a slot left as its question is not saved


async def test_cancelling_the_editor_saves_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path, scorer=default_scorer, transcriber=FakeTranscriber(NO_RESULT))
    async with app.run_test(size=SIZE) as pilot:
        await answer_first_question(pilot, app)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OutlineScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert load_stories() == ([], [])


async def test_no_outline_for_a_question_that_asks_for_no_story(tmp_path: Path) -> None:
    question = "Why do you want this role?"
    text = "I admire your product and the team's mission."
    attempt = AttemptRecord(
        "s1",
        "why-role",
        question,
        1,
        FIXED_NOW,
        transcript=text,
        feedback=score_answer(question, text).to_dict(),
    )
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        app.push_screen(ReviewScreen(attempt, [attempt], live=False))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert not app.screen.query("#outline")
        assert app.screen.check_action("outline", ()) is False
