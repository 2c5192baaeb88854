"""Pilot tests: after an answer's review the interviewer asks one follow-up (in the same voice, the same panelist
in panel mode); the answer to it is recorded, scored and kept as an attempt linked to the one it follows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Checkbox, DataTable, Input
from tui_fakes import answer_now, fake_score, make_app, text_of, wait_for

from practice.tui.screens.compare import CompareScreen
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.screens.summary import SummaryScreen
from practice.tui.widgets.panel import PanelEditor

SIZE = (80, 24)
FOLLOW_UP = "What was the outcome? Can you put a number on it?"


def scorer_with_follow_up(
    question: str, transcript: str, job: str | None, words: list | None, duration_s: float | None
) -> dict[str, Any]:
    """The fake score, plus a follow-up for answers to the bank's own questions (not for the follow-up's)."""
    result = fake_score(question, transcript, job, words, duration_s)
    asked = question != FOLLOW_UP
    result["follow_up"] = {"question": FOLLOW_UP, "reason": "result", "requirement": None} if asked else None
    return result


async def test_the_follow_up_is_asked_answered_and_linked(tmp_path: Path) -> None:
    app = make_app(tmp_path, scorer=scorer_with_follow_up)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        question = practice.session.current.text
        await answer_now(pilot, practice)
        # the review of the first answer says what the interviewer asks next, and n goes to it
        assert FOLLOW_UP in text_of(app, "#review-follow-up")
        assert app.screen.check_action("follow_up", ()) and not app.screen.check_action("next", ())
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
        await wait_for(pilot, lambda: app.services.speaker.said[-1:] == [FOLLOW_UP], what="follow-up spoken")
        assert app.services.speaker.said == [question, FOLLOW_UP]
        assert text_of(app, "#question-text") == FOLLOW_UP
        assert "follow-up to attempt 1" in text_of(app, "#question-meta")
        assert practice.session.number == 1  # still the same question

        await answer_now(pilot, practice)
        # the follow-up's review shows the answer it follows; no follow-up of a follow-up
        assert "follow-up to attempt 1 (no measured result)" in text_of(app, "#review-heading")
        assert question in text_of(app, "#review-parent")
        assert not app.screen.check_action("follow_up", ())
        await pilot.press("c")  # the pair side by side
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        assert "follow-up" in " ".join(str(s.render()) for s in app.screen.query(".compare-column Static"))
        await pilot.press("escape")
        await pilot.press("n")  # on to the next question
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen) and practice.session.number == 2)
        assert text_of(app, "#question-text") == practice.session.current.text
        assert practice.session.follow_up is None

        await pilot.press("f")  # the summary lists the pair, the follow-up marked as such
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(k)[2]) for k in range(table.row_count)] == ["1", "2, follow-up to 1"]
        store = app.services.store
        (summary,) = store.sessions()
        first, second = store.attempts(summary.session.id)
        assert (first.question_text, first.follow_up_of) == (question, None)
        assert (second.question_text, second.follow_up_of, second.follow_up_reason) == (
            FOLLOW_UP,
            first.id,
            "result",
        )
        assert second.question_id == first.question_id and second.attempt_no == 2
        assert second.recording_path is not None and second.recording_path.is_file()
        assert second.feedback is not None and second.feedback["question"] == FOLLOW_UP


async def test_finish_from_the_review_skips_the_follow_up(tmp_path: Path) -> None:
    app = make_app(tmp_path, scorer=scorer_with_follow_up)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        await answer_now(pilot, practice)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        assert FOLLOW_UP not in app.services.speaker.said


async def test_with_follow_ups_off_n_goes_to_the_next_question(tmp_path: Path) -> None:
    app = make_app(tmp_path, scorer=scorer_with_follow_up)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        box = app.screen.query_one("#follow-ups", Checkbox)
        assert box.value  # on by default
        box.value = False  # the setup screen's toggle
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        await answer_now(pilot, practice)
        assert not app.screen.query("#review-follow-up")
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen) and practice.session.number == 2)
        assert FOLLOW_UP not in app.services.speaker.said
        assert practice.record.settings["follow_ups"] is False
        assert app.services.settings.follow_ups is False  # remembered for the next session


async def test_in_panel_mode_the_same_panelist_asks_the_follow_up(tmp_path: Path) -> None:
    app = make_app(tmp_path, scorer=scorer_with_follow_up)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        editor = app.screen.query_one(PanelEditor)
        await wait_for(pilot, lambda: "en-gb" in editor.voices, what="voices listed")
        for name in ("Dana Smith: CTO", "Lee Park"):
            editor.query_one("#panel-name", Input).value = name
            editor.add()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        await answer_now(pilot, practice)
        assert "Dana Smith asks next" in text_of(app, "#review-follow-up")
        app.services.speaker.voice = "changed"  # whatever spoke last: the follow-up must set Dana's voice
        await pilot.press("n")
        await wait_for(pilot, lambda: app.services.speaker.said[-1:] == [FOLLOW_UP], what="follow-up spoken")
        assert app.services.speaker.voice == "en-us"
        assert "Dana Smith (CTO) asks" in text_of(app, "#question-meta")
        await answer_now(pilot, practice)
        store = app.services.store
        (summary,) = store.sessions()
        assert [a.interviewer for a in store.attempts(summary.session.id)] == ["Dana Smith", "Dana Smith"]
