"""One practice session as a plain state machine: which questions, which one is current, what happens now,
and the attempts made so far. No Textual here, so the flow can be tested (and reused) without a UI.

    idle ─► speaking ─► idle ─► recording ─► transcribing ─► scoring ─► reviewing ─► idle (retry / next)
      │                             │  (retry: discard)     └────── failed ──────┘             └──► finished
      └── typed answer ──► scoring;  imported file ──► transcribing

After a review the interviewer may ask a follow-up (ask_follow_up): back to idle on the same question, asking the
follow-up's words, and the answers given then are linked to the attempt it follows, until the next question.
"""

from __future__ import annotations

import random
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from practice.core.banks import Bank, Question
from practice.core.errors import PracticeError
from practice.core.files import safe_name
from practice.core.mock import mock_settings, section_asker
from practice.core.panel import PanelMember
from practice.core.records import AttemptRecord, SessionRecord, WorkedTip
from practice.core.timing import question_targets, target_for

if TYPE_CHECKING:
    from feedback import JobChoices


class State(StrEnum):
    IDLE = "idle"
    SPEAKING = "speaking"
    RECORDING = "recording"
    TRANSCRIBING = "transcribing"
    SCORING = "scoring"
    REVIEWING = "reviewing"
    FINISHED = "finished"


_ALLOWED: dict[State, frozenset[State]] = {
    State.IDLE: frozenset(
        {State.SPEAKING, State.RECORDING, State.TRANSCRIBING, State.SCORING, State.FINISHED}
    ),
    State.SPEAKING: frozenset({State.IDLE, State.RECORDING, State.FINISHED}),
    State.RECORDING: frozenset({State.IDLE, State.TRANSCRIBING}),
    # A failed transcription goes straight to reviewing: the attempt is shown with its error and recording.
    # Back to idle only when the work itself crashed before anything was saved (abandon()).
    State.TRANSCRIBING: frozenset({State.SCORING, State.REVIEWING, State.IDLE}),
    State.SCORING: frozenset({State.REVIEWING, State.IDLE}),
    State.REVIEWING: frozenset({State.IDLE, State.FINISHED}),
    State.FINISHED: frozenset(),
}


class SessionStateError(PracticeError, RuntimeError):
    """An action that the current state does not allow (a UI bug, never the person's fault)."""


def new_session_id(now: datetime | None = None) -> str:
    """Sortable and readable in a listing ("20260126-094512-3fa2c1"), unique even if the database is reset,
    so recordings from an old history are never overwritten."""
    now = now or datetime.now()
    return f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"


def pick_questions(
    questions: Sequence[Question], count: int, shuffle: bool, seed: int | None = None
) -> list[Question]:
    """`count` questions in bank order, or a random sample (repeatable with `seed`)."""
    count = max(1, min(count, len(questions)))
    if not shuffle:
        return list(questions[:count])
    return random.Random(seed).sample(list(questions), count)


@dataclass(frozen=True)
class FollowUpAsk:
    """A follow-up question the interviewer asks after an answer: its words, why, and the answer it follows."""

    parent: AttemptRecord
    question: str
    reason: str


@dataclass
class PracticeSession:
    id: str
    questions: list[Question]
    target_s: int
    recordings_dir: Path
    state: State = State.IDLE
    index: int = 0
    attempts: dict[str, list[AttemptRecord]] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)
    panel: list[PanelMember] = field(default_factory=list)
    """Panel mode: the interviewers take the questions in turn; empty for one interviewer."""
    hard_limit: bool = False
    """Stop a take when it reaches its target (the person's choice); otherwise the clock only warns."""
    working_on: WorkedTip | None = None
    """The tip the next attempt works on (picked in the review before a retry, or carried over from an
    earlier day by today's practice: Question.carried_tip); the attempt keeps it."""
    follow_up: FollowUpAsk | None = None
    """The follow-up being asked: answers now go to it (linked to its parent) until the next question."""
    sections: list[str] = field(default_factory=list)
    """A mock interview: each question's section (practice.core.mock), in order; empty for other sessions."""

    def __post_init__(self) -> None:
        if not self.questions:
            raise ValueError("a session needs at least one question")
        if self.sections and len(self.sections) != len(self.questions):
            raise ValueError("a mock interview names the section of every question")
        self.working_on = self.working_on or self.current.carried_tip

    # --- where we are ------------------------------------------------------------------------------------

    @property
    def current(self) -> Question:
        return self.questions[min(self.index, len(self.questions) - 1)]

    @property
    def number(self) -> int:
        return min(self.index, len(self.questions) - 1) + 1

    @property
    def question_text(self) -> str:
        """What is being asked now: the follow-up's words while one is asked, else the current question."""
        return self.follow_up.question if self.follow_up else self.current.text

    @property
    def section(self) -> str | None:
        """The current question's section in a mock interview; None in other sessions."""
        return self.sections[min(self.index, len(self.questions) - 1)] if self.sections else None

    @property
    def asking(self) -> PanelMember | None:
        """Who asks the current question: panel members rotate by question (a retry keeps the same one), and
        in a mock interview by section (one panelist asks a whole section)."""
        if not self.panel:
            return None
        if self.sections:
            return section_asker(self.sections, self.index, self.panel)
        return self.panel[min(self.index, len(self.questions) - 1) % len(self.panel)]

    @property
    def current_target_s(self) -> int:
        """The current question's answer target: its bank's `target_seconds`, else the session's default."""
        return target_for(self.current, self.target_s)

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def is_last(self) -> bool:
        return self.index >= len(self.questions) - 1

    @property
    def busy(self) -> bool:
        """True while work is in flight that must not be interrupted by navigation."""
        return self.state in (State.TRANSCRIBING, State.SCORING)

    def attempts_for(self, question_id: str | None = None) -> list[AttemptRecord]:
        return self.attempts.get(question_id or self.current.id, [])

    def all_attempts(self) -> list[AttemptRecord]:
        return [a for q in self.questions for a in self.attempts.get(q.id, [])]

    # --- transitions -------------------------------------------------------------------------------------

    def _go(self, target: State) -> None:
        if target not in _ALLOWED[self.state]:
            raise SessionStateError(f"cannot go from {self.state} to {target}")
        self.state = target

    def can(self, target: State) -> bool:
        return target in _ALLOWED[self.state]

    def begin_speaking(self) -> None:
        self._go(State.SPEAKING)

    def done_speaking(self) -> None:
        if self.state is State.SPEAKING:  # speech may also end because recording started; then nothing to do
            self._go(State.IDLE)

    def begin_recording(self) -> Path:
        """Start an attempt; returns the WAV path to record into."""
        self._go(State.RECORDING)
        return self.recording_path(self.current.id, self.next_attempt_no())

    def discard_recording(self) -> None:
        """Retry while recording: back to idle; the attempt number is reused (its file is overwritten)."""
        self._go(State.IDLE)

    def begin_transcribing(self) -> None:
        self._go(State.TRANSCRIBING)

    def begin_scoring(self) -> None:
        self._go(State.SCORING)

    def attempt_done(self, attempt: AttemptRecord) -> None:
        """The attempt is saved (scored or with an error note): show it."""
        self._go(State.REVIEWING)
        self.attempts.setdefault(attempt.question_id, []).append(attempt)
        self.working_on = None  # the attempt carries it; the next retry picks again

    def retry(self, working_on: WorkedTip | None = None) -> None:
        """The same question again, working on this tip (or on none in particular)."""
        self._go(State.IDLE)
        self.working_on = working_on

    def ask_follow_up(self, parent: AttemptRecord, question: str, reason: str) -> None:
        """After the review of `parent`: the interviewer asks a follow-up about it, on the same question (the
        same panelist asks it). Follow-ups are asked of answers to the question itself, never of a follow-up."""
        if parent.follow_up_of is not None or parent.id is None:
            raise SessionStateError("a follow-up follows a saved answer to the question itself")
        self._go(State.IDLE)
        self.follow_up = FollowUpAsk(parent, question, reason)
        self.working_on = None  # a tip picked for a retry is worked on by a retry, not by the follow-up

    def abandon(self) -> None:
        """The answer's processing crashed (an error dialog says why): back to idle to try again."""
        if self.state in (State.TRANSCRIBING, State.SCORING):
            self._go(State.IDLE)

    def next_question(self) -> bool:
        """Move on; returns False (and finishes) when there are no more questions."""
        self.follow_up = None
        if self.is_last:
            self._go(State.FINISHED)
            return False
        self._go(State.IDLE)
        self.index += 1
        self.working_on = self.current.carried_tip
        return True

    def skip(self) -> bool:
        """Leave the current question (from idle or while it is read out); answered ones are not "skipped".

        Returns False (and finishes) when it was the last question."""
        if self.state not in (State.IDLE, State.SPEAKING):
            raise SessionStateError(f"cannot skip while {self.state}")
        if not self.attempts_for():
            self.skipped.add(self.current.id)
        self.follow_up = None
        if self.is_last:
            self.state = State.FINISHED
            return False
        self.state = State.IDLE
        self.index += 1
        self.working_on = self.current.carried_tip
        return True

    def finish(self) -> None:
        self.follow_up = None
        self.state = State.FINISHED

    # --- files -------------------------------------------------------------------------------------------

    def next_attempt_no(self, question_id: str | None = None) -> int:
        return len(self.attempts_for(question_id)) + 1

    def recording_path(self, question_id: str, attempt_no: int, suffix: str = ".wav") -> Path:
        return self.recordings_dir / f"{safe_name(f'{self.id}-{question_id}-{attempt_no}')}{suffix}"


def start_session(
    bank: Bank,
    *,
    count: int,
    shuffle: bool,
    target_s: int,
    recordings: Path,
    panel: list[PanelMember],
    now: datetime,
    seed: int | None,
    job_text: str | None,
    job_title: str | None,
    settings: dict[str, Any],
    job_choices: JobChoices | None = None,
    sections: list[str] | None = None,
) -> tuple[PracticeSession, SessionRecord]:
    """A new session over `bank` and the history record that goes with it (saved with its first answer).

    The settings in force are stored with the session, and the panel with them: store.session_interviewers
    reads it back for follow-up drafts. So are each question's answer target (practice.core.timing) and
    whether the take stops at it (`hard_limit` in the settings). A mock interview (`sections`: one per
    question of the bank, asked all and in order) keeps its sections too (`"mock"`, practice.core.mock)."""
    questions = list(bank.questions) if sections else pick_questions(bank.questions, count, shuffle, seed)
    session = PracticeSession(
        new_session_id(now),
        questions,
        target_s,
        recordings,
        panel=panel,
        hard_limit=settings.get("hard_limit") is True,
        sections=list(sections or []),
    )
    stored = {
        **settings,
        "panel": [member.to_dict() for member in session.panel],
        "question_targets": question_targets(session.questions, target_s),
    }
    if sections:
        stored["mock"] = mock_settings([q.id for q in questions], sections)
    record = SessionRecord(session.id, now, bank.id, bank.name, job_title, job_text, stored, job_choices)
    return session, record


#: How PracticeSession.recording_path names recordings, read back by crash recovery (practice.audio.markers):
#: session id (YYYYmmdd-HHMMSS-hex), question id, attempt number.
SESSION_NAME = re.compile(
    r"^(?P<session>\d{8}-\d{6}-[0-9a-f]{6})-(?P<question>[a-z0-9][a-z0-9-]*?)-(?P<attempt>\d+)$"
)
