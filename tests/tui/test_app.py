"""Pilot tests of every screen and of the whole flow, with fake devices and model (fast, no sound card)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import soundfile
from textual.message import Message
from textual.widgets import Checkbox, DataTable, Input, Static, TextArea
from tui_fakes import JOB, FakeTranscriber, make_app, make_services, run_from_palette, wait_for

from practice.audio.devices import NO_INPUT_HELP
from practice.core.session import State
from practice.storage.settings import load_settings
from practice.tui.app import PracticeApp
from practice.tui.messages import AnswerProgress, AnswerSaved, LiveText
from practice.tui.screens.compare import CompareScreen
from practice.tui.screens.history import HistoryScreen
from practice.tui.screens.modals import ConfirmScreen, ErrorScreen, HelpScreen, declared_bindings
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.screens.summary import SummaryScreen
from practice.tui.screens.tip_picker import TipPickerScreen
from practice.tui.widgets.ticks import TickList

SIZE = (80, 24)


def text_of(app: PracticeApp, selector: str) -> str:
    """The text a widget shows, or all the text inside a container."""
    node = app.screen.query_one(selector)
    statics = [node] if isinstance(node, Static) else list(node.query(Static))
    return " ".join(str(s.render()) for s in statics)


def ticked_lines(app: PracticeApp, kind: str) -> dict[str, bool]:
    """The job's requirement lines of one kind on the setup screen, and whether each is ticked."""
    lines = app.screen.query_one(f"#lines-{kind}", TickList)
    return {lines.text_of(value): value in lines.ticked for value in lines.values}


def on(app: PracticeApp, screen: type) -> bool:
    return isinstance(app.screen, screen)


async def start_practice(pilot, app: PracticeApp) -> PracticeScreen:
    await wait_for(pilot, lambda: on(app, SetupScreen), what="setup")
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: on(app, PracticeScreen), what="practice screen")
    return app.screen  # type: ignore[return-value]


async def begin_recording(pilot, screen: PracticeScreen) -> None:
    await wait_for(pilot, lambda: screen.session.state is State.IDLE, what="question spoken")
    await pilot.press("space")
    await wait_for(pilot, lambda: screen.session.state is State.RECORDING, what="recording")


async def answer_by_voice(pilot, app: PracticeApp) -> None:
    await begin_recording(pilot, app.screen)
    await pilot.press("space")
    await wait_for(pilot, lambda: on(app, ReviewScreen), what="review")


# --- setup -------------------------------------------------------------------------------------------------


async def test_setup_shows_bank_and_job_requirements_and_remembers_choices(tmp_path: Path) -> None:
    job_file = tmp_path / "job.txt"
    job_file.write_text(JOB)
    app = make_app(tmp_path, save_settings=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        assert "3 questions: 2 behavioral, 1 motivation" in text_of(app, "#bank-info")
        assert "Tags: behavioral, test" in text_of(app, "#bank-info")
        app.screen.query_one("#job-path", Input).value = str(job_file)
        await pilot.click("#job-load")
        await wait_for(pilot, lambda: "requirements found" in text_of(app, "#job-summary"))
        summary = text_of(app, "#job-summary")
        assert "Senior Backend Engineer at Acme: 2 requirements found" in summary
        # Each line read, under its kind, ticked (tests/tui/test_job_review.py unticks and adds lines).
        assert ticked_lines(app, "must") == {"5+ years of Python": True}
        assert ticked_lines(app, "nice") == {"PostgreSQL performance tuning": True}
        await wait_for(pilot, lambda: len(app.screen.query_one("#voice")._options) == 3, what="voices listed")
        app.screen.query_one("#rate", Input).value = "180"
        app.screen.query_one("#target", Input).value = "60"
        app.screen.query_one("#count", Input).value = "3"
        app.screen.query_one("#shuffle", Checkbox).value = True
        await start_practice(pilot, app)
        assert app.services.speaker.rate == 180
        assert app.screen.session.total == 3 and app.screen.session.target_s == 60

    saved = load_settings()  # the settings file in this test's own data folder
    assert (saved.rate, saved.answer_target_s, saved.question_count, saved.shuffle) == (180, 60, 3, True)
    assert saved.last_bank == "test-bank" and saved.last_job_path == str(job_file)
    again = PracticeApp(make_services(tmp_path, settings=saved))
    async with again.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(again, SetupScreen))
        assert again.screen.query_one("#rate", Input).value == "180"
        assert again.screen.query_one("#shuffle", Checkbox).value is True
        assert again.screen.query_one("#job", TextArea).text == JOB  # the last job file, loaded again


async def test_setup_does_not_save_a_model_chosen_for_this_run_only(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("INTERVIEW_PRACTICE_MODEL", "small.en")
    app = make_app(tmp_path, save_settings=True, settings=load_settings())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        app.screen.query_one("#count", Input).value = "9"  # more than the bank has: all of them
        practice = await start_practice(pilot, app)
        assert practice.session.total == 3
    monkeypatch.delenv("INTERVIEW_PRACTICE_MODEL")
    saved = load_settings()
    assert saved.model == "" and saved.question_count == 9


async def test_setup_refuses_bad_numbers(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        app.screen.query_one("#rate", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert on(app, SetupScreen)
        assert app.screen.focused is app.screen.query_one("#rate", Input)
        assert any("80 to 400" in n.message for n in app._notifications)


async def test_setup_warns_when_a_posting_will_score_alignment_roughly(tmp_path: Path) -> None:
    prose = (
        "We are looking for a nurse who loves people. You will care for patients on a busy ward and must hold "
        "a current license. Experience with electronic health records helps."
    )
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        app.screen.query_one("#job", TextArea).load_text(prose)
        await wait_for(pilot, lambda: "requirements found" in text_of(app, "#job-summary"), what="parsed")
        assert "No bullet points or section headings were found" in text_of(app, "#job-summary")
        app.screen.query_one("#job", TextArea).load_text(JOB)
        await wait_for(
            pilot, lambda: "No bullet points" not in text_of(app, "#job-summary"), what="re-parsed"
        )
        assert "requirements found" in text_of(app, "#job-summary")


async def test_setup_adds_a_custom_bank_file_and_reports_broken_ones(tmp_path: Path) -> None:
    good = tmp_path / "mine.toml"
    good.write_text(
        'name = "Mine"\ndescription = "d"\n[[questions]]\nid = "a"\ntext = "Why?"\ncategory = "motivation"\n'
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'name = "Bad"\ndescription = "d"\n[[questions]]\nid = "A B"\ntext = "x"\ncategory = "motivation"\n'
    )
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        path_input = app.screen.query_one("#bank-path", Input)
        path_input.value = str(bad)
        await pilot.click("#bank-add")
        assert "bad.toml:4: question 1: id" in text_of(app, "#bank-error")
        path_input.value = str(good)
        path_input.focus()
        await pilot.press("enter")  # enter in the path field adds too
        assert app.screen.bank.name == "Mine"
        assert "1 questions: 1 motivation" in text_of(app, "#bank-info")


async def test_model_loads_in_the_background_while_setup_stays_usable(tmp_path: Path) -> None:
    loading = threading.Event()
    app = make_app(tmp_path, transcriber=FakeTranscriber(hold_load=loading))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        assert app.model_state == "loading"
        assert "Loading the speech model" in text_of(app, "#model-status")
        app.screen.query_one("#count", Input).focus()
        await pilot.press("backspace", "3")
        assert app.screen.query_one("#count", Input).value == "3"
        loading.set()  # the model finishes loading
        await wait_for(pilot, lambda: app.model_state == "ready", what="model loaded")
        assert "Speech model ready (fake model)" in text_of(app, "#model-status")


async def test_model_failure_is_shown_and_typing_still_works(tmp_path: Path) -> None:
    class Broken(FakeTranscriber):
        def load(self) -> None:
            raise RuntimeError("The embedded Whisper model is missing.")

    app = make_app(tmp_path, transcriber=Broken())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.model_state == "failed")
        assert "model is missing" in text_of(app, "#model-status")
        assert "Typed answers still work" in text_of(app, "#model-status")


# --- the whole flow ----------------------------------------------------------------------------------------


async def test_full_flow_setup_question_answer_review_history(tmp_path: Path) -> None:
    posted: list[Message] = []
    app = make_app(tmp_path, job_text=JOB)
    async with app.run_test(size=SIZE, message_hook=posted.append) as pilot:
        practice = await start_practice(pilot, app)
        question = practice.session.current.text
        await wait_for(pilot, lambda: app.services.speaker.said == [question], what="question read aloud")
        assert question in text_of(app, "#question-text")

        await begin_recording(pilot, practice)
        assert "recording" in text_of(app, "#state-badge")
        await wait_for(pilot, lambda: "checkout page" in text_of(app, "#live-text"), what="live transcript")
        assert "0:12 / 1:30" in str(practice.query_one("#clock").render())
        # The in-progress marker knows the question, so a crash mid-answer can be recovered with it.
        assert app.services.recorder.context == {
            "session_id": practice.session.id,
            "question_id": practice.session.current.id,
            "question_text": question,
        }
        await pilot.press("space")
        await wait_for(pilot, lambda: on(app, ReviewScreen), what="review")

        review = app.screen
        assert "PostgreSQL queries" in text_of(app, "#transcript")
        assert "A full story with a measured result." in text_of(app, ".score-row")
        assert "148 wpm" in text_of(app, "#delivery") and "1 filler" in text_of(app, "#delivery")
        assert "Name the Python work" in " ".join(str(s.render()) for s in review.query(".tip Static"))
        assert "number" in text_of(app, "#legend") and "job match" in text_of(app, "#legend")
        await pilot.press("p")
        await wait_for(pilot, lambda: app.services.player.played == [review.attempt.recording_path])

        await pilot.press("n")  # next question, answered by typing this time
        await wait_for(pilot, lambda: on(app, PracticeScreen) and practice.session.number == 2)
        await pilot.press("t")
        await pilot.press(*"I love it")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: on(app, ReviewScreen))
        assert "typed" in text_of(app, "#review-heading")
        await pilot.press("n")  # the last question: n finishes
        await wait_for(pilot, lambda: on(app, SummaryScreen), what="session summary")
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2

        await pilot.press("f2")
        await wait_for(pilot, lambda: on(app, HistoryScreen))
        sessions = app.screen.query_one(DataTable)
        assert sessions.row_count == 1
        assert "Test bank" in str(sessions.get_row_at(0)[1])
        assert "Senior Backend Engineer at Acme" in str(sessions.get_row_at(0)[2])
        await pilot.press("enter")
        await wait_for(pilot, lambda: on(app, SummaryScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: on(app, ReviewScreen))
        assert not app.screen.check_action("again", ())  # opened from the history: review only

    # The stages were announced as messages (what a UI test of a worker pipeline should look at).
    assert any(isinstance(m, AnswerProgress) and m.state is State.SCORING for m in posted)
    saved = [m.attempt for m in posted if isinstance(m, AnswerSaved)]
    assert [a.source for a in saved] == ["spoken", "typed"]
    # ...and everything is on disk: the database rows and the WAV.
    store = app.services.store
    (summary,) = store.sessions()
    attempts = store.attempts(summary.session.id)
    assert [a.question_id for a in attempts] == ["fixed-performance", "why-role"]
    assert attempts[0].recording_path.is_file() and attempts[0].feedback["overall"] > 0
    assert attempts[0].recording_path.name == f"{summary.session.id}-fixed-performance-1.wav"
    assert summary.session.job_title == "Senior Backend Engineer at Acme"


async def test_the_live_transcript_keeps_the_newest_words_in_view(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        await begin_recording(pilot, practice)
        pane = practice.query_one("#live")
        words = [f"word{n}" for n in range(400)]  # a two-minute answer
        for end in range(200, 401, 100):  # more than the pane holds from the first update
            practice.post_message(LiveText(practice._recording_token, " ".join(words[:end])))
            await pilot.pause()
            await wait_for(pilot, lambda: pane.max_scroll_y > 0 and pane.scroll_y == pane.max_scroll_y)
        assert "word399" in text_of(app, "#live-text")
        # Final words plain; the words still being listened to dimmed, since the next pass may change them.
        practice.post_message(LiveText(practice._recording_token, "I led the team", "through the"))
        await wait_for(pilot, lambda: text_of(app, "#live-text") == "I led the team through the")
        shown = practice.query_one("#live-text", Static).content
        assert [(shown.plain[span.start : span.end], str(span.style)) for span in shown.spans] == [
            (" through the", "grey62")
        ]


async def test_retry_shows_attempts_side_by_side(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        await answer_by_voice(pilot, app)
        assert not app.screen.check_action("compare", ())  # one attempt: nothing to compare yet
        await pilot.press("a")
        await wait_for(pilot, lambda: on(app, TipPickerScreen))  # which tip to work on: the first
        await pilot.press("enter")
        await wait_for(pilot, lambda: on(app, PracticeScreen))
        assert "1 attempt" in text_of(app, "#question-meta")
        app.services.transcriber.text = "I profiled the queries. As a result pages loaded 80 percent faster."
        await answer_by_voice(pilot, app)
        assert "attempt 2" in text_of(app, "#review-heading")
        await pilot.press("c")
        await wait_for(pilot, lambda: on(app, CompareScreen))
        changes = text_of(app, "#changes")
        assert "What changed from attempt 1 to 2" in changes and "Enthusiasm: 70 → 30 (-40 worse)" in changes
        assert len(app.screen.query(".compare-column")) == 2
        await pilot.press("escape")
        assert on(app, ReviewScreen)
        assert [a.attempt_no for a in practice.session.attempts_for()] == [1, 2]


async def test_recording_can_be_restarted_and_the_question_replayed_or_muted(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        await wait_for(pilot, lambda: practice.session.state is State.IDLE)
        await pilot.press("r")
        await wait_for(pilot, lambda: len(app.services.speaker.said) == 2, what="replayed")
        stops = app.services.speaker.stops
        await pilot.press("s")  # only offered while speaking; the fake speaks instantly
        await pilot.press("space", "a")
        await wait_for(pilot, lambda: len(app.services.recorder.started) == 2)
        assert app.services.recorder.started[0] == app.services.recorder.started[1]  # the take is overwritten
        assert practice.session.state is State.RECORDING and app.services.speaker.stops >= stops
        await pilot.press("space")
        await wait_for(pilot, lambda: on(app, ReviewScreen))
        assert app.screen.attempt.attempt_no == 1


async def test_skip_and_finish_early(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        await pilot.press("n")
        await wait_for(pilot, lambda: practice.session.number == 2)
        await pilot.press("f")  # nothing answered: back to setup, nothing stored
        await wait_for(pilot, lambda: on(app, SetupScreen))
        assert app.services.store.sessions() == []


# --- failures keep the recording --------------------------------------------------------------------------


async def test_failed_transcription_still_saves_the_attempt_with_its_recording(tmp_path: Path) -> None:
    class FailingLive:
        def __init__(self, *args) -> None:
            self.text = ""

        def feed(self, block) -> None:
            pass

        def finish(self):
            raise RuntimeError("model crashed")

        def cancel(self) -> None:
            pass

    app = make_app(tmp_path, live_factory=FailingLive)
    async with app.run_test(size=SIZE) as pilot:
        await start_practice(pilot, app)
        await answer_by_voice(pilot, app)
        assert "Transcription failed: model crashed" in text_of(app, "#review-error")
        assert app.screen.check_action("play", ())
        (attempt,) = app.services.store.attempts(app.screen.attempt.session_id)
        assert attempt.error.startswith("Transcription failed") and attempt.recording_path.is_file()


async def test_a_crash_in_the_answer_pipeline_shows_one_error_dialog(tmp_path: Path, monkeypatch) -> None:
    app = make_app(tmp_path)

    def broken_save(attempt):
        raise OSError("disk full")

    monkeypatch.setattr(app.services.store, "save_attempt", broken_save)
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        await answer_by_voice_until_error(pilot, app)
        assert "OSError: disk full" in text_of(app, "#error-message")
        assert practice.session.state is State.IDLE  # ready to try again
        await pilot.press("enter")
        await wait_for(pilot, lambda: on(app, PracticeScreen), what="dialog closed")


async def answer_by_voice_until_error(pilot, app: PracticeApp) -> None:
    await begin_recording(pilot, app.screen)
    await pilot.press("space")
    await wait_for(pilot, lambda: on(app, ErrorScreen), what="error dialog")


# --- no microphone ----------------------------------------------------------------------------------------


async def test_without_a_microphone_the_app_offers_typing_and_importing(
    tmp_path: Path, speak_free_wav
) -> None:
    app = make_app(tmp_path, mic=False)
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        assert practice.query_one("#no-mic").display
        assert NO_INPUT_HELP in text_of(app, "#no-mic")
        assert practice.focused is practice.query_one("#typed", TextArea)
        assert not practice.check_action("record", ())
        await wait_for(pilot, lambda: practice.session.state is State.IDLE)
        await pilot.press("space")  # types a space; never starts recording
        assert practice.session.state is State.IDLE and app.services.recorder.started == []

        await pilot.press("escape")  # no microphone: the typing panel stays (it is the way to answer)
        assert practice.query_one("#typed-panel").display
        practice.action_import_audio()
        await pilot.pause()
        practice.query_one("#import-path", Input).value = str(speak_free_wav)
        await pilot.press("enter")
        await wait_for(pilot, lambda: on(app, ReviewScreen))
        attempt = app.screen.attempt
        assert attempt.source == "imported" and attempt.recording_path.suffix == ".wav"
        assert attempt.recording_path != speak_free_wav and attempt.recording_path.is_file()
        assert speak_free_wav.is_file()  # the person's own file is copied, never moved


@pytest.fixture
def speak_free_wav(tmp_path: Path) -> Path:
    """A short WAV made without espeak (the import path only needs a readable file; the model is faked)."""
    import numpy as np

    path = tmp_path / "answer.wav"
    soundfile.write(path, (0.1 * np.sin(np.linspace(0, 2000, 16000))).astype("float32"), 16000)
    return path


async def test_import_refuses_what_is_not_a_wav_or_flac(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    (tmp_path / "notes.txt").write_text("hello")
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        await pilot.press("i")
        practice.query_one("#import-path", Input).value = str(tmp_path / "notes.txt")
        await pilot.press("enter")
        practice.query_one("#import-path", Input).value = str(tmp_path / "missing.wav")
        await pilot.press("enter")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "notes.txt is not a WAV or FLAC file." in messages
        assert any("no such file" in m for m in messages)
        assert practice.session.state is State.IDLE


# --- history ----------------------------------------------------------------------------------------------


async def test_history_deletes_a_session_and_its_recordings_after_confirmation(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start_practice(pilot, app)
        await answer_by_voice(pilot, app)
        wav = app.screen.attempt.recording_path
        await pilot.press("f")
        await wait_for(pilot, lambda: on(app, SummaryScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: on(app, HistoryScreen))
        assert (
            "No sessions yet" not in text_of(app, "#history-empty")
            or not app.screen.query_one("#history-empty").display
        )
        await pilot.press("d")
        await wait_for(pilot, lambda: on(app, ConfirmScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: on(app, HistoryScreen))
        assert wav.is_file() and len(app.services.store.sessions()) == 1
        await pilot.press("d")
        await wait_for(pilot, lambda: on(app, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: not app.services.store.sessions(), what="deleted")
        assert not wav.exists()
        assert app.screen.query_one("#history-empty").display
        assert not app.screen.check_action("delete", ())


async def test_history_trend_and_the_session_being_practiced_is_protected(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await start_practice(pilot, app)
        await answer_by_voice(pilot, app)
        await pilot.press("a")
        await wait_for(pilot, lambda: on(app, TipPickerScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: on(app, PracticeScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: on(app, HistoryScreen))
        trend = str(app.screen.query_one("#trend").render())
        assert "Overall" in trend and "Alignment" in trend
        await pilot.press("d")
        await pilot.pause()
        assert on(app, HistoryScreen)  # no confirmation: it refuses
        assert any("practicing now" in n.message for n in app._notifications)


# --- help, palette, sizes ---------------------------------------------------------------------------------


async def test_help_lists_every_key_of_every_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        app.screen.query_one("#bank").focus()
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: on(app, HelpScreen))
        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
        for screen in (
            PracticeApp,
            SetupScreen,
            PracticeScreen,
            ReviewScreen,
            CompareScreen,
            SummaryScreen,
            HistoryScreen,
        ):
            for binding in declared_bindings(screen):
                assert binding.description in shown, (screen.__name__, binding.description)
        await pilot.press("escape")
        assert on(app, SetupScreen)


async def test_command_palette_runs_the_current_screens_actions(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        await wait_for(pilot, lambda: practice.session.state is State.IDLE)
        await run_from_palette(pilot, "Skip")
        await wait_for(pilot, lambda: practice.session.number == 2, what="skipped through the palette")


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_screens_fit_small_and_large_terminals(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: on(app, SetupScreen))
        start = app.screen.query_one("#start")
        assert start.region.bottom <= size[1] and start.region.right <= size[0]
        practice = await start_practice(pilot, app)
        for widget in ("#question-text", "#clock", "#level", "#hint"):
            region = practice.query_one(widget).region
            assert region.height and region.bottom <= size[1] - 2, widget  # above the status line and footer


class SlowStartRecorder:
    """A sound server that delivers its first block only some time after the stream starts (1 to 2 s on the
    virtual sound card): until then nothing said is recorded, so the studio must not say "recording"."""

    def __init__(self) -> None:
        from tui_fakes import FakeRecorder

        self.inner = FakeRecorder()
        self.on_chunk = None

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def start(self, path: Path, on_chunk=None, context=None) -> None:
        self.inner.start(path, None, context)  # the file exists, but no audio has arrived yet
        self.on_chunk = on_chunk

    def deliver_first_block(self) -> None:
        import numpy as np

        assert self.on_chunk is not None
        self.on_chunk(np.zeros(1600, np.float32))


async def test_recording_is_announced_only_once_audio_flows(tmp_path: Path) -> None:
    recorder = SlowStartRecorder()
    app = make_app(tmp_path, recorder=recorder)
    async with app.run_test(size=SIZE) as pilot:
        practice = await start_practice(pilot, app)
        await begin_recording(pilot, practice)
        assert "starting the microphone" in text_of(app, "#state-badge")
        assert "● recording" not in text_of(app, "#state-badge")
        assert "wait for the red ● recording" in text_of(app, "#hint")
        recorder.deliver_first_block()
        await wait_for(pilot, lambda: "● recording" in text_of(app, "#state-badge"), what="recording badge")
        assert "Starting the microphone" not in text_of(app, "#live-text")
        assert "Answer out loud" in text_of(app, "#hint")
