"""Practice: the question is read aloud, the person answers (speaking, typing, or importing a recording), and
the answer goes through the pipeline (save, transcribe, score) in a worker while the screen shows each stage.

Device callbacks and workers never touch widgets or the session: they post messages, and the handlers here
(on the UI thread) move the session's state machine and redraw.
"""

from __future__ import annotations

import contextlib
import threading

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static

from feedback.asked import pressing_problem_question
from feedback.model import FollowUp
from practice.audio.devices import NO_INPUT_HELP
from practice.core.follow_ups import follow_up_to_ask
from practice.core.mock import PROBLEM_SUGGESTION, SECTION_TITLES, YOUR_QUESTIONS
from practice.core.records import AttemptRecord, SessionRecord, WorkedTip
from practice.core.session import PracticeSession, State
from practice.stt.live import LiveTranscriber
from practice.tui.messages import AnswerSaved, SpeechFinished
from practice.tui.screens.answering import AnswerInputs
from practice.tui.screens.base import StudioScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.summary import SummaryScreen
from practice.tui.widgets.answer_panel import AnswerPanel
from practice.tui.widgets.meters import AnswerClock, LevelMeter
from practice.tui.widgets.status import ModelStatus

BADGES = {
    State.IDLE: ("ready", "green"),
    State.SPEAKING: ("speaking…", "cyan"),
    State.RECORDING: ("● recording", "bold red"),
    State.TRANSCRIBING: ("transcribing…", "yellow"),
    State.SCORING: ("scoring…", "yellow"),
    State.REVIEWING: ("review", "green"),
    State.FINISHED: ("finished", "green"),
}
#: Between starting the microphone and its first block of audio (1 to 2 s on some sound servers): words said
#: now would be lost, so the person is not yet told to speak.
STARTING_BADGE = ("○ starting the microphone…", "yellow")


def targets_text(targets: tuple[str, ...]) -> Text:
    text = Text("Targets: ", style="bold")
    text.append(" · ".join(targets), style="italic")
    return text


def working_on_text(worked: WorkedTip) -> Text:
    """The tip a retry works on, above the answer: what this take should do differently (and, for a tip
    carried over from an earlier day by today's practice, which answer was given it)."""
    source = f"(from {worked.source}) " if worked.carried else ""
    return Text.assemble(("Working on: ", "bold"), (source, "grey70"), (worked.tip, "italic"))


class PracticeScreen(AnswerInputs, StudioScreen):
    HELP_TITLE = "Practice"
    BINDINGS = [
        Binding("space", "record", "Record"),
        Binding("space", "stop_recording", "Stop"),
        Binding("r", "replay", "Replay"),
        Binding("s", "stop_voice", "Mute"),
        Binding("a", "again", "Start over"),
        Binding("t", "type_answer", "Type"),
        Binding("i", "import_audio", "Import"),
        Binding("n", "skip", "Skip"),
        Binding("f", "finish", "Finish"),
        Binding("ctrl+s", "submit_typed", "Submit"),
        Binding("escape", "close_panel", "Close"),
    ]

    def __init__(
        self, session: PracticeSession, record: SessionRecord, prompt_terms: list[str] | None
    ) -> None:
        super().__init__()
        self.session = session
        self.record = record
        self.prompt_terms = prompt_terms
        self.mic = True
        self.live: LiveTranscriber | None = None
        self._speech_token = 0
        self._recording_token = 0
        self._audio_flowing = False  # recording, and the first block of audio has arrived
        self._target_reached = False  # this take reached its target (warned once, or stopped at a hard limit)
        self._speech_warned = False
        self._follow_up_offered: tuple[AttemptRecord, FollowUp] | None = None
        # One utterance at a time: a replay waits for the stopped one's thread to let go of the player, so the
        # old thread can never close the new stream.
        self._speech_lock = threading.Lock()

    # --- layout ------------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="practice"):
            with Horizontal(id="question-bar"):
                yield Static(id="question-meta")
                yield Static(id="state-badge")
            yield Static(id="question-text")
            yield Static(id="question-targets")
            yield Static(id="working-on")
            yield Static(Text(PROBLEM_SUGGESTION, style="italic"), id="mock-step")
            yield Static(Text(NO_INPUT_HELP), id="no-mic")
            yield AnswerClock(id="clock")
            yield LevelMeter(id="level")
            yield Static(id="hint")
            with VerticalScroll(id="live"):
                yield Static(id="live-text")
            yield AnswerPanel(id="answer-panel")
        yield ModelStatus(id="model-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = f"{self.record.bank_name}" + (
            f" · {self.record.job_title}" if self.record.job_title else ""
        )
        self._set_mic(self.services.input_available())
        self.studio.active_session_id = self.session.id
        self._show_question()
        self._speak()

    def on_unmount(self) -> None:
        # Leaving (or quitting) mid-answer: keep the audio on disk, drop the preview, silence the voice.
        self.services.speaker.stop()
        if self.session.state is State.RECORDING and self.services.recorder.recording:
            with contextlib.suppress(Exception):  # nothing useful to do about it on the way out
                self.services.recorder.stop()
        if self.live is not None and self.session.state is State.RECORDING:
            self.live.cancel()
        if self.studio.active_session_id == self.session.id:
            self.studio.active_session_id = None

    def _set_mic(self, available: bool) -> None:
        """With no microphone, say so, drop the recording gauges, and make typing the way to answer."""
        self.mic = available
        self.query_one("#no-mic").display = not available
        self.query_one("#clock").display = self.query_one("#level").display = available
        if not available:
            self._open_panel("typed")

    # --- drawing -----------------------------------------------------------------------------------------

    def _show_question(self) -> None:
        q = self.session.current
        done = len(self.session.attempts_for())
        meta = f"Question {self.session.number} of {self.session.total} · {q.category}"
        if self.session.follow_up:
            meta += f" · follow-up to attempt {self.session.follow_up.parent.attempt_no}"
        elif done:
            meta += f" · {done} attempt{'s' if done != 1 else ''}"
        if self.session.section:  # a mock interview: where in the interview we are
            meta = f"{SECTION_TITLES[self.session.section]} · {meta}"
        asking = self.session.asking
        if asking:  # panel mode: who is asking, as a person would see it across the table
            meta = f"{asking.name}" + (f" ({asking.role})" if asking.role else "") + f" asks · {meta}"
        self.query_one("#question-meta", Static).update(Text(meta, style="bold"))
        self.query_one("#question-text", Static).update(Text(self.session.question_text))
        targets = self.query_one("#question-targets", Static)
        # tailored questions say which requirements they ask about (a follow-up asks about the answer)
        targets.display = bool(q.targets) and self.session.follow_up is None
        targets.update(targets_text(q.targets))
        # the person's own turn to ask: what second-interview advice says to ask about
        self.query_one("#mock-step").display = self.session.section == YOUR_QUESTIONS
        working = self.query_one("#working-on", Static)
        working.display = self.session.working_on is not None
        if self.session.working_on is not None:
            working.update(working_on_text(self.session.working_on))
        self.query_one("#live-text", Static).update(
            Text("Your words appear here as you speak.", style="grey50")
        )
        clock = self.query_one(AnswerClock)
        clock.elapsed = 0
        clock.target = self.session.current_target_s  # the bank's target for this question, or the default
        clock.hard = self.session.hard_limit
        self._refresh_state()

    def _refresh_state(self, hint: str | None = None) -> None:
        state = self.session.state
        label, style = BADGES[state]
        if state is State.RECORDING and not self._audio_flowing:
            label, style = STARTING_BADGE
        self.query_one("#state-badge", Static).update(Text(label, style=style))
        self.query_one(LevelMeter).active = state is State.RECORDING
        self.set_class(state is State.RECORDING, "-recording")
        self.query_one("#hint", Static).update(Text(hint or self._default_hint(), style="italic"))
        self.refresh_bindings()

    def _default_hint(self) -> str:
        state = self.session.state
        if state is State.SPEAKING:
            return "Listen to the question · space answers now · s stops the voice"
        if state is State.RECORDING and not self._audio_flowing:
            return "Starting the microphone: wait for the red ● recording before you speak"
        if state is State.RECORDING:
            return "Answer out loud · space stops · a starts over"
        if state is State.TRANSCRIBING:
            waiting = "" if self.studio.model_state == "ready" else " (waiting for the speech model to load)"
            return f"Transcribing your answer…{waiting}"
        if state is State.SCORING:
            return "Scoring your answer…"
        if not self.mic:
            return (
                "No microphone: type your answer below, ctrl+s submits · esc, then i, imports a WAV/FLAC file"
            )
        again = " again" if self.session.attempts_for() else ""
        return f"Press space to answer{again} · r replays the question · t types instead · n skips"

    # --- what can be done when ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.session.state
        idle = state in (State.IDLE, State.SPEAKING)
        rules = {
            "record": idle and self.mic,
            "stop_recording": state is State.RECORDING,
            "replay": idle,
            "stop_voice": state is State.SPEAKING,
            "again": state is State.RECORDING,
            "type_answer": idle and not (self.panel.mode == "typed" and self.panel.typing),
            "import_audio": idle and self.panel.mode != "import",
            "skip": idle,
            "finish": idle,
            "submit_typed": idle and self.panel.mode == "typed",
            "close_panel": self.panel.mode is not None,
        }
        return rules.get(action, True)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # "type" depends on whether the text box has the focus

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    @property
    def can_leave(self) -> bool:
        return self.session.state in (State.IDLE, State.SPEAKING)

    # --- the question's voice ----------------------------------------------------------------------------

    def _speak(self) -> None:
        if self.session.state not in (State.IDLE, State.SPEAKING):
            return
        self.services.speaker.stop()
        self._speech_token += 1
        if self.session.state is State.IDLE:
            self.session.begin_speaking()
        self._refresh_state()
        if self.session.asking and self.session.asking.voice:  # panel mode: each interviewer's own voice
            self.services.speaker.voice = self.session.asking.voice
        self._say(self.session.question_text, self._speech_token)

    @work(thread=True, group="speech", exit_on_error=False)
    def _say(self, text: str, token: int) -> None:
        try:
            with self._speech_lock:
                self.services.speaker.say(text, wait=True)
        except Exception as error:  # noqa: BLE001 - no voice or no speaker: the question is still on screen
            self.post_message(SpeechFinished(token, str(error)))
            return
        self.post_message(SpeechFinished(token))

    def on_speech_finished(self, message: SpeechFinished) -> None:
        if message.token != self._speech_token:
            return  # a replay or a recording superseded it
        if message.error and not self._speech_warned:
            self._speech_warned = True
            self.notify(
                f"The question could not be read aloud: {message.error}",
                title="Interviewer voice",
                severity="warning",
                timeout=10,
            )
        self.session.done_speaking()
        self._refresh_state()

    def action_replay(self) -> None:
        self._speak()

    def action_stop_voice(self) -> None:
        self.services.speaker.stop()  # the speaking worker returns and posts SpeechFinished

    # --- after an answer ---------------------------------------------------------------------------------

    def on_answer_saved(self, message: AnswerSaved) -> None:
        if self.session.section == YOUR_QUESTIONS:
            self._note_questions_asked(message.attempt)
        self.session.attempt_done(message.attempt)
        self.panel.clear()
        self._refresh_state()
        offered = self._follow_up_for(message.attempt)
        self._follow_up_offered = (message.attempt, offered) if offered else None
        review = ReviewScreen(
            message.attempt,
            self.session.attempts_for(),
            live=True,
            is_last=self.session.is_last,
            target_s=self.session.current_target_s,
            position=f"Question {self.session.number} of {self.session.total}",
            follow_up=offered,
            asker=self.session.asking.name if self.session.asking else None,
        )
        self.app.push_screen(review, lambda choice: self._after_review(choice, review.working_on))

    def _note_questions_asked(self, attempt: AttemptRecord) -> None:
        """The person's turn to ask: say whether one of their questions was about the team's pressing problem."""
        asked = pressing_problem_question(attempt.transcript or "")
        if asked:
            self.notify(f"You asked about their pressing problem: “{asked}”", title="Your questions")
        else:
            self.notify(
                "None of your questions asked about the team's most pressing problem: try "
                "“What is the biggest challenge the team is facing right now?”",
                title="Your questions",
                severity="warning",
                timeout=10,
            )

    def _follow_up_for(self, attempt: AttemptRecord) -> FollowUp | None:
        earlier = [a for a in self.session.all_attempts() if a.id != attempt.id]
        # the person's own turn to ask is theirs: the interviewer asks nothing back about it
        enabled = (
            bool(self.record.settings.get("follow_ups", True)) and self.session.section != YOUR_QUESTIONS
        )
        return follow_up_to_ask(attempt, earlier, enabled)

    def _after_review(self, choice: str | None, working_on: WorkedTip | None = None) -> None:
        offered, self._follow_up_offered = self._follow_up_offered, None
        if choice == "follow_up" and offered is not None:
            parent, follow_up = offered
            self.session.ask_follow_up(parent, follow_up.question, follow_up.reason)
            self._open_panel(None if self.mic else "typed")
            self._show_question()
            self._speak()
            return
        if choice == "next":
            if self.session.next_question():
                self._open_panel(None if self.mic else "typed")
                self._show_question()
                self._speak()
                return
            self._show_summary()
        elif choice == "finish":
            self.session.finish()
            self._show_summary()
        else:  # try again (or just back): same question, ready to answer, with the tip picked if any
            self.session.retry(working_on if choice == "retry" else None)
            self._show_question()

    def action_skip(self) -> None:
        self.services.speaker.stop()
        self._speech_token += 1
        if self.session.skip():
            self._show_question()
            self._speak()
        else:
            self._show_summary()

    def action_finish(self) -> None:
        self.services.speaker.stop()
        self._speech_token += 1
        self.session.finish()
        self._show_summary()

    def _show_summary(self) -> None:
        if not self.session.all_attempts():
            self.notify("No answers were given in this session, so there is nothing to review.")
            self.app.pop_screen()
            return
        self.app.switch_screen(SummaryScreen(self.session.id, finished=True))
