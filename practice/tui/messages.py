"""Messages that worker threads and device callbacks post to the UI thread (the only way they talk to it).

None bubble: each is meant for the one screen (or the app) that started the work."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from feedback import JobChoices
from practice.audio.markers import Unfinished
from practice.core.jobs import JobSummary
from practice.core.records import AttemptRecord
from practice.core.session import State


class ModelStatus(Message, bubble=False):
    """The speech model's loading state changed ("loading", "ready" or "failed", with a detail)."""

    def __init__(self, state: str, detail: str = "") -> None:
        super().__init__()
        self.state = state
        self.detail = detail


class SpeechFinished(Message, bubble=False):
    """The question finished playing (or was stopped, or could not be spoken: `error`)."""

    def __init__(self, token: int, error: str | None = None) -> None:
        super().__init__()
        self.token = token
        self.error = error


@dataclass
class LevelReading:
    level: float
    elapsed_s: float
    peak: float


class Level(Message, bubble=False):
    """A new input level from the recorder; a newer one replaces an unhandled older one (10 a second)."""

    def __init__(self, reading: LevelReading) -> None:
        super().__init__()
        self.reading = reading

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Level)


class LiveText(Message, bubble=False):
    """The live transcript so far, for the recording identified by `token`."""

    def __init__(self, token: int, settled: str, tentative: str = "") -> None:
        super().__init__()
        self.token = token
        self.settled = settled
        """Words that are final."""
        self.tentative = tentative
        """Words still being listened to: the next pass may change them."""

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.settled, self.tentative) if part)

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LiveText) and message.token == self.token


class AnswerProgress(Message, bubble=False):
    """The answer pipeline moved on (transcribing -> scoring)."""

    def __init__(self, state: State) -> None:
        super().__init__()
        self.state = state


class AnswerSaved(Message, bubble=False):
    """The attempt is in the database (scored, or with an error note and its recording)."""

    def __init__(self, attempt: AttemptRecord) -> None:
        super().__init__()
        self.attempt = attempt


class JobParsed(Message, bubble=False):
    """The job description was read: the requirements found (and the corrections saved for it), or why it
    could not be read."""

    def __init__(
        self,
        text: str,
        summary: JobSummary | None,
        error: str | None = None,
        warnings: list[str] | None = None,
        choices: JobChoices | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.summary = summary
        self.error = error
        self.warnings = warnings or []
        """What will make alignment rough for this posting (not English, no list of requirements)."""
        self.choices = choices
        """The corrections the person saved for this posting (practice.storage.job_choices), if any."""


class VoicesListed(Message, bubble=False):
    """The installed interviewer voices, found in the background (pyttsx3 takes a moment to start)."""

    def __init__(self, voices: list[str]) -> None:
        super().__init__()
        self.voices = voices


class UnfinishedFound(Message, bubble=False):
    """Recordings cut short by a crash were found at start (the app offers to recover them)."""

    def __init__(self, items: list[Unfinished]) -> None:
        super().__init__()
        self.items = items


class RecoveryDone(Message, bubble=False):
    """Unfinished recordings were recovered (or deleted): one line for each, and the failures."""

    def __init__(self, lines: list[str], failures: list[str]) -> None:
        super().__init__()
        self.lines = lines
        self.failures = failures
