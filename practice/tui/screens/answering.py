"""The ways to answer, as a mixin of the practice screen: recording (with the live level, clock and text),
typing, and importing a recording. Each hands the answer to a worker that runs the pipeline (save, transcribe,
score) and posts `AnswerSaved`; the practice screen takes it from there (review, next question).

Kept apart from practice.py so each file stays readable; it only works mixed into PracticeScreen.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from practice.answers.pipeline import (
    AnswerContext,
    finish_import,
    finish_spoken,
    prepare_scoring,
    process_answer,
)
from practice.audio.devices import NoInputDeviceError
from practice.core.records import AttemptRecord
from practice.core.session import State
from practice.stt.live import LiveTranscriber
from practice.tui.messages import AnswerProgress, AnswerSaved, Level, LevelReading, LiveText
from practice.tui.widgets.answer_panel import AnswerPanel, Mode
from practice.tui.widgets.meters import SILENCE_RMS, AnswerClock, LevelMeter, format_clock

if TYPE_CHECKING:
    from textual.widget import Widget

    from practice.core.records import SessionRecord
    from practice.core.session import PracticeSession
    from practice.services import Services

#: A hard stop so a forgotten recording cannot fill the disk (the bank format's longest target is 600 s).
MAX_ANSWER_S = 600.0
#: After this long with nothing above the silence level, say so: a muted microphone must be obvious at once.
SILENT_WARNING_AFTER_S = 3.0


class AnswerInputs:
    """Recording, typing and importing for PracticeScreen (which provides the attributes declared here)."""

    session: PracticeSession
    record: SessionRecord
    prompt_terms: list[str] | None
    mic: bool
    live: LiveTranscriber | None
    services: Services
    _speech_token: int
    _recording_token: int
    _audio_flowing: bool
    _target_reached: bool

    if TYPE_CHECKING:  # provided by PracticeScreen / Textual

        def _refresh_state(self, hint: str | None = None) -> None: ...
        def _set_mic(self, available: bool) -> None: ...
        def post_message(self, message) -> bool: ...
        def query_one(self, selector, expect_type=None): ...
        def notify(self, message: str, **kwargs) -> None: ...
        def refresh_bindings(self) -> None: ...

        app: Any

        def set_focus(
            self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
        ) -> None: ...

    # --- recording ---------------------------------------------------------------------------------------

    def action_record(self) -> None:
        if self.session.state is State.SPEAKING:
            self.services.speaker.stop()
            self._speech_token += 1
            self.session.done_speaking()
        path = self.session.begin_recording()
        self._recording_token += 1
        token = self._recording_token
        live = self.services.live_factory(
            self.services.transcriber,
            self.prompt_terms,
            lambda settled, tentative: self.post_message(LiveText(token, settled, tentative)),
        )
        recorder = self.services.recorder

        def on_chunk(block) -> None:  # the recorder's writer thread: hand off and return
            live.feed(block)
            self.post_message(Level(LevelReading(recorder.level, recorder.elapsed_s, recorder.peak)))

        self._audio_flowing = False
        self._target_reached = False
        try:
            question = self.session.current
            # Written into the in-progress marker, so a crash mid-answer is recovered with its question even
            # when the question came from a tailored session that is in no bank on disk.
            context = {
                "session_id": self.session.id,
                "question_id": question.id,
                "question_text": self.session.question_text,
            }
            recorder.start(path, on_chunk=on_chunk, context=context)
        except Exception as error:  # noqa: BLE001 - a device problem the person must see, not a crash
            live.cancel()
            self.session.discard_recording()
            if isinstance(error, NoInputDeviceError):
                self._set_mic(False)
            self._refresh_state()
            self.notify(str(error), title="The microphone could not start", severity="error", timeout=10)
            return
        self.live = live
        self._recording_path = path
        self._attempt_no = self.session.next_attempt_no()
        self._prepare_scoring(question.text)
        if not self._audio_flowing:  # a recorder may deliver its first block before start() returns
            self.query_one("#live-text", Static).update(
                Text("Starting the microphone… start speaking at the red ● recording.", style="grey50")
            )
        self._refresh_state()

    def on_level(self, message: Level) -> None:
        if self.session.state is not State.RECORDING:
            return
        reading = message.reading
        if not self._audio_flowing:  # the first block: only now is anything said really recorded
            self._audio_flowing = True
            if not self.live or not self.live.text:
                self.query_one("#live-text", Static).update(Text("Listening… speak now.", style="grey50"))
            self._refresh_state()
        self.query_one(LevelMeter).level = reading.level
        self.query_one(AnswerClock).elapsed = reading.elapsed_s
        if reading.elapsed_s >= SILENT_WARNING_AFTER_S and reading.peak < SILENCE_RMS * 3:
            self.query_one("#hint", Static).update(
                Text(
                    "The microphone hears nothing: check it is not muted and is the system's default input.",
                    style="bold red",
                )
            )
        if reading.elapsed_s >= self.session.current_target_s and not self._target_reached:
            self._target_reached = True
            if self._at_target():
                return
        if reading.elapsed_s >= MAX_ANSWER_S:
            self.notify(f"Recording stopped at {format_clock(MAX_ANSWER_S)}, the longest answer kept.")
            self.action_stop_recording()

    def _at_target(self) -> bool:
        """The take reached its target: stop it at a hard limit (True; it is saved and scored as any other),
        else warn once and let it run on."""
        target = format_clock(self.session.current_target_s)
        if self.session.hard_limit:
            self.notify(f"Time: the take stopped at the {target} limit. Your answer is saved.", title="Time")
            self.action_stop_recording()
            return True
        self.notify(f"{target} reached, this question's target: close with your result.", title="Time")
        return False

    def on_live_text(self, message: LiveText) -> None:
        if message.token == self._recording_token and self.session.state is State.RECORDING and message.text:
            # Final words plain, words still being listened to dimmed: they may change as more is heard.
            shown = Text(message.settled)
            if message.tentative:
                shown.append((" " if message.settled else "") + message.tentative, style="grey62")
            self.query_one("#live-text", Static).update(shown)
            # A long answer outgrows the pane: keep the newest words in view, as a caption would.
            self.query_one("#live").scroll_end(animate=False)

    def action_again(self) -> None:
        """Throw this take away and start recording again at once (the new take overwrites its file)."""
        with contextlib.suppress(Exception):  # a take being thrown away cannot fail in a way that matters
            self.services.recorder.stop()
        if self.live is not None:
            self.live.cancel()
        self.session.discard_recording()
        self.action_record()

    def action_stop_recording(self) -> None:
        self.session.begin_transcribing()
        self._refresh_state()
        live, self.live = self.live, None
        assert live is not None
        self._finish_spoken(live, self._draft(self._attempt_no, "spoken", self._recording_path))

    def _answer_context(self) -> AnswerContext:
        return AnswerContext(self.services.store, self.services.scorer, self.record, self.record.job_text)

    def _draft(self, attempt_no: int, source: str, path: Path | None = None) -> AttemptRecord:
        q, follow_up = self.session.current, self.session.follow_up
        return AttemptRecord(
            self.session.id,
            q.id,
            self.session.question_text,
            attempt_no,
            self.services.clock(),
            recording_path=path,
            source=source,
            interviewer=self.session.asking.name if self.session.asking else None,
            worked_tip=self.session.working_on,
            follow_up_of=follow_up.parent.id if follow_up else None,
            follow_up_reason=follow_up.reason if follow_up else None,
        )

    @work(thread=True, exclusive=True, group="prepare-scoring", exit_on_error=False)
    def _prepare_scoring(self, question: str) -> None:
        """While the person speaks: what the scorer works out about the job and question, so the feedback at
        stop does not wait for it (practice.answers.pipeline.prepare_scoring)."""
        prepare_scoring(self._answer_context(), question)

    @work(thread=True, exclusive=True, group="answer", exit_on_error=False)
    def _finish_spoken(self, live: LiveTranscriber, draft: AttemptRecord) -> None:
        def warn(text: str) -> None:
            self.app.call_from_thread(self.notify, text, severity="error")

        recorder = self.services.recorder
        saved = finish_spoken(self._answer_context(), recorder, live, draft, self._progress, warn)
        self.post_message(AnswerSaved(saved))

    def _progress(self, state: State) -> None:
        self.post_message(AnswerProgress(state))

    def on_answer_progress(self, message: AnswerProgress) -> None:
        if message.state is State.SCORING and self.session.state is State.TRANSCRIBING:
            self.session.begin_scoring()
            self._refresh_state()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.group == "answer":
            self.session.abandon()  # e.g. the database failed: the dialog says why; the audio is on disk
            self._refresh_state()
        # No super() call: Textual itself runs the base class's handler too, which shows the dialog.

    # --- typed and imported answers ----------------------------------------------------------------------

    @property
    def panel(self) -> AnswerPanel:
        return self.query_one(AnswerPanel)

    def _open_panel(self, mode: Mode) -> None:
        self.panel.show(mode)
        self.query_one("#live").display = mode is None
        if mode is None:
            self.set_focus(None)
        self.refresh_bindings()

    def action_type_answer(self) -> None:
        self._open_panel("typed")

    def action_import_audio(self) -> None:
        self._open_panel("import")

    def action_close_panel(self) -> None:
        if self.mic:
            self._open_panel(None)
        elif self.panel.mode == "import":
            self._open_panel("typed")  # without a microphone, typing is the way back
        else:  # keep the box (it is the way to answer), just leave it so the single-letter keys work
            self.set_focus(None)
            self.refresh_bindings()

    def _stop_voice_for_answer(self) -> None:
        if self.session.state is State.SPEAKING:
            self.services.speaker.stop()
            self._speech_token += 1
            self.session.done_speaking()

    def action_submit_typed(self) -> None:
        self.panel.submit_typed()

    def on_answer_panel_typed(self, message: AnswerPanel.Typed) -> None:
        if self.session.state not in (State.IDLE, State.SPEAKING):
            return
        self._stop_voice_for_answer()
        self.session.begin_scoring()
        self._refresh_state()
        self._finish_typed(message.text, self._draft(self.session.next_attempt_no(), "typed"))

    @work(thread=True, exclusive=True, group="answer", exit_on_error=False)
    def _finish_typed(self, text: str, draft: AttemptRecord) -> None:
        self.post_message(AnswerSaved(process_answer(self._answer_context(), draft, text=text)))

    def on_answer_panel_import_chosen(self, message: AnswerPanel.ImportChosen) -> None:
        if self.session.state not in (State.IDLE, State.SPEAKING):
            return
        self._stop_voice_for_answer()
        attempt_no = self.session.next_attempt_no()
        target = self.session.recording_path(self.session.current.id, attempt_no)
        self.session.begin_transcribing()
        self._refresh_state()
        self._finish_import(message.path, target, self._draft(attempt_no, "imported"))

    @work(thread=True, exclusive=True, group="answer", exit_on_error=False)
    def _finish_import(self, source: Path, target: Path, draft: AttemptRecord) -> None:
        ctx, transcriber, terms = self._answer_context(), self.services.transcriber, self.prompt_terms
        saved = finish_import(ctx, transcriber, terms, source, target, draft, self._progress)
        self.post_message(AnswerSaved(saved))
