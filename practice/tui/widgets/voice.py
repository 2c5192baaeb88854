"""How the voice sounded, in the review: a small plot along the answer (pitch, loudness, long pauses, words a
minute per quarter), the figures, the observations, and the answer against the person's own earlier ones.

When the attempt's recording was not measured yet (the review opens the moment the person stops), the panel
says so and measures it in a worker (practice.answers.voice.add_voice, about 2 s for a 2-minute answer),
then fills itself in. It renders and dispatches; the measuring and the reading of the history are below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from feedback.voice_model import VoiceProfile
from practice.answers.voice import VoiceMeasureError, VoiceMeter, add_voice, needs_voice
from practice.core.records import AttemptRecord
from practice.core.voice_compare import comparison_lines
from practice.reports.voice import LABEL_WIDTH, figure_lines, plot_rows

if TYPE_CHECKING:
    from practice.storage.history import Store
    from practice.tui.app import PracticeApp

ROW_STYLES = {"Pitch": "cyan", "Loudness": "green", "Pauses": "yellow"}
TITLE = "How the voice sounded"


def voice_text(profile: VoiceProfile, compared: list[str]) -> Text:
    text = Text(TITLE + "\n", style="bold")
    for label, row in plot_rows(profile):
        text.append(f"{label:<{LABEL_WIDTH}}", style="grey70")
        text.append(row + "\n", style=ROW_STYLES.get(label, ""))
    for line in figure_lines(profile):
        text.append(line + "\n")
    for note in profile.notes:
        text.append("• " + note + "\n", style="yellow")
    if compared:
        text.append("Against your own earlier answers\n", style="bold")
        for line in compared:
            text.append("• " + line + "\n")
    text.rstrip()
    return text


class VoicePanel(Static):
    """The voice figures of one attempt; hidden for an answer without them and without a way to measure."""

    DEFAULT_CSS = """
    VoicePanel {
        height: auto;
        margin-top: 1;
    }
    """

    class Measured(Message):
        """The worker is done: the figures and comparison, or why there are none."""

        def __init__(self, profile: VoiceProfile | None, compared: list[str], error: str | None) -> None:
            super().__init__()
            self.profile, self.compared, self.error = profile, compared, error

    def __init__(self, attempt: AttemptRecord, store: Store, meter: VoiceMeter | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.attempt, self.store, self.meter = attempt, store, meter
        self._stored: VoiceProfile | None = None
        self._started = False

    @staticmethod
    def shows(attempt: AttemptRecord, meter: VoiceMeter | None) -> bool:
        """Whether the review has anything to show here: stored figures, or a recording to measure."""
        result = attempt.result
        has_voice = result is not None and result.delivery.voice is not None
        return has_voice or (meter is not None and needs_voice(attempt))

    def on_mount(self) -> None:
        result = self.attempt.result
        stored = result.delivery.voice if result else None
        if stored is not None:
            self.update(voice_text(stored, []))
        else:
            self.update(Text.assemble((TITLE, "bold"), ("  measuring the recording…", "grey70")))
        self._stored = stored

    def on_show(self) -> None:
        """Measure once the panel is on screen (Textual sends Show as it lays out the frame that shows it, and
        the frame is painted before Show is handled): started at mount, the measuring thread competed with
        the review's first frame, Praat holding the interpreter while it tracks the pitch."""
        if not self._started:
            self._started = True
            self._load(self._stored)

    @work(thread=True, exclusive=True, group="voice", exit_on_error=False)
    def _load(self, stored: VoiceProfile | None) -> None:
        attempt = self.attempt
        if stored is None and self.meter is not None:
            try:
                attempt = add_voice(self.store, attempt, self.meter)
            except VoiceMeasureError as error:
                self.post_message(self.Measured(None, [], str(error)))
                return
        profile = attempt.result.delivery.voice if attempt.result else None
        if profile is None:
            self.post_message(self.Measured(None, [], "The recording is no longer on disk."))
            return
        compared = comparison_lines(profile, self.store.voice_profiles(before=attempt))
        self.post_message(self.Measured(profile, compared, None))

    def on_voice_panel_measured(self, message: Measured) -> None:
        if message.profile is None:
            self.update(Text.assemble((TITLE, "bold"), (f"  {message.error}", "grey70")))
        else:
            self.update(voice_text(message.profile, message.compared))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Worker.StateChanged does not bubble: a failure (the database, say) goes to the app's one handler.
        if event.state is WorkerState.ERROR:
            cast("PracticeApp", self.app).worker_failed(event.worker)
