"""One practice session as a plain state machine: which questions, which one is current, what happens now,
and the attempts made so far. No Textual here, so the flow can be tested (and reused) without a UI.

    idle ─► speaking ─► idle ─► recording ─► transcribing ─► scoring ─► reviewing ─► idle (retry / next)
      │                             │  (retry: discard)     └────── failed ──────┘             └──► finished
      └── typed answer ──► scoring;  imported file ──► transcribing
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from practice.banks import Question
from practice.files import safe_name
from practice.store import SCORE_KEYS, AttemptRecord


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


class SessionStateError(RuntimeError):
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
class PanelMember:
    """One interviewer of a panel: who asks, in which voice (an espeak-ng voice id, variants like en-us+f3)."""

    name: str
    role: str = ""
    voice: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role, "voice": self.voice}

    @classmethod
    def from_dict(cls, data: dict) -> PanelMember:
        return cls(str(data.get("name", "")), str(data.get("role") or ""), str(data.get("voice") or ""))


#: Distinct voices for a panel, in the order offered: different accents first, then espeak-ng variants
#: (a different speaker of the same language), which exist wherever the base voice does.
PANEL_VOICES = ("en-us", "en-gb", "en-us+f3", "en-gb-x-rp", "en-us+m3", "en-gb+f2", "en-us+f4", "en-us+m7")


def panel_voices(available: Sequence[str], count: int) -> list[str]:
    """`count` voices, all different while there are enough: the preferred ones that are installed (a
    variant counts when its base voice is), then any other English voice, then more variants."""
    installed = set(available) or {"en-us", "en-gb"}  # voices not listed (no engine yet): the usual pair
    chosen = [v for v in PANEL_VOICES if v.split("+", 1)[0] in installed]
    chosen += [v for v in sorted(installed) if v.startswith("en") and v not in chosen]
    base = chosen[0].split("+", 1)[0] if chosen else "en-us"
    chosen += [f"{base}+{variant}" for variant in ("m1", "m2", "f1", "f5", "m4", "f4")]
    chosen = list(dict.fromkeys(chosen))
    return [chosen[i % len(chosen)] for i in range(count)]


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

    def __post_init__(self) -> None:
        if not self.questions:
            raise ValueError("a session needs at least one question")

    # --- where we are ------------------------------------------------------------------------------------

    @property
    def current(self) -> Question:
        return self.questions[min(self.index, len(self.questions) - 1)]

    @property
    def number(self) -> int:
        return min(self.index, len(self.questions) - 1) + 1

    @property
    def asking(self) -> PanelMember | None:
        """Who asks the current question: panel members rotate by question (a retry keeps the same one)."""
        if not self.panel:
            return None
        return self.panel[min(self.index, len(self.questions) - 1) % len(self.panel)]

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

    def retry(self) -> None:
        self._go(State.IDLE)

    def abandon(self) -> None:
        """The answer's processing crashed (an error dialog says why): back to idle to try again."""
        if self.state in (State.TRANSCRIBING, State.SCORING):
            self._go(State.IDLE)

    def next_question(self) -> bool:
        """Move on; returns False (and finishes) when there are no more questions."""
        if self.is_last:
            self._go(State.FINISHED)
            return False
        self._go(State.IDLE)
        self.index += 1
        return True

    def skip(self) -> bool:
        """Leave the current question (from idle or while it is read out); answered ones are not "skipped".

        Returns False (and finishes) when it was the last question."""
        if self.state not in (State.IDLE, State.SPEAKING):
            raise SessionStateError(f"cannot skip while {self.state}")
        if not self.attempts_for():
            self.skipped.add(self.current.id)
        if self.is_last:
            self.state = State.FINISHED
            return False
        self.state = State.IDLE
        self.index += 1
        return True

    def finish(self) -> None:
        self.state = State.FINISHED

    # --- files -------------------------------------------------------------------------------------------

    def next_attempt_no(self, question_id: str | None = None) -> int:
        return len(self.attempts_for(question_id)) + 1

    def recording_path(self, question_id: str, attempt_no: int, suffix: str = ".wav") -> Path:
        return self.recordings_dir / f"{safe_name(f'{self.id}-{question_id}-{attempt_no}')}{suffix}"


# --- comparing attempts ------------------------------------------------------------------------------------

#: Evidence labels worth calling out when they appear or disappear between attempts, with how to say it.
NOTABLE_LABELS = {
    "situation": "a situation",
    "task": "your task",
    "action": "your actions",
    "result": "a result",
    "metric": "numbers for the result",
    "enthusiasm": "enthusiasm phrases",
    "requirement": "job requirement matches",
}


def _labels(feedback: dict | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    if not feedback:
        return counts
    for dimension in feedback.get("scores", {}).values():
        for evidence in dimension.get("evidence", []):
            counts[evidence["label"]] = counts.get(evidence["label"], 0) + 1
    return counts


def _arrow(before: float | None, after: float | None, unit: str = "", higher_is_better: bool = True) -> str:
    if before is None or after is None:
        return f"{'-' if before is None else round(before)} → {'-' if after is None else round(after)}{unit}"
    delta = after - before
    sign = "+" if delta > 0 else ""
    verdict = "" if delta == 0 else (" better" if (delta > 0) == higher_is_better else " worse")
    return f"{round(before)} → {round(after)}{unit} ({sign}{round(delta)}{verdict})"


def compare_attempts(before: AttemptRecord, after: AttemptRecord) -> list[str]:
    """Plain sentences saying what changed from one attempt to the next (for the side-by-side view)."""
    lines: list[str] = []
    for key in ("overall", *SCORE_KEYS):
        lines.append(f"{key.capitalize()}: {_arrow(before.score(key), after.score(key))}")
    old, new = _labels(before.feedback), _labels(after.feedback)
    gained = [text for label, text in NOTABLE_LABELS.items() if new.get(label) and not old.get(label)]
    lost = [text for label, text in NOTABLE_LABELS.items() if old.get(label) and not new.get(label)]
    if gained:
        lines.append("Now has " + ", ".join(gained) + ".")
    if lost:
        lines.append("Lost " + ", ".join(lost) + ".")
    lines += _named_changes(before.feedback, after.feedback)
    old_d = (before.feedback or {}).get("delivery") or {}
    new_d = (after.feedback or {}).get("delivery") or {}
    if old_d.get("filler_count") is not None and new_d.get("filler_count") is not None:
        lines.append(
            f"Fillers: {_arrow(old_d['filler_count'], new_d['filler_count'], higher_is_better=False)}"
        )
    if old_d.get("wpm") and new_d.get("wpm"):
        lines.append(f"Pace: {round(old_d['wpm'])} → {round(new_d['wpm'])} words a minute")
    if before.duration_s and after.duration_s:
        lines.append(f"Length: {before.duration_s:.0f} s → {after.duration_s:.0f} s")
    elif old_d.get("words") and new_d.get("words"):  # typed answers have no time: their length in words
        lines.append(f"Length: {old_d['words']} → {new_d['words']} words")
    return lines


def _quoted(items: list[str]) -> str:
    return ", ".join(f"“{item}”" for item in items)


def _named_changes(before: dict | None, after: dict | None) -> list[str]:
    """Which numbers and which job requirements were added or dropped, by name: "a result" says less than
    "dropped “by 80 percent”" or "no longer evidences “PostgreSQL performance tuning”"."""

    def metrics(feedback: dict | None) -> list[str]:
        evidence = ((feedback or {}).get("scores", {}).get("examples") or {}).get("evidence", [])
        return list(dict.fromkeys(e["text"].strip() for e in evidence if e.get("label") == "metric"))

    def covered(feedback: dict | None) -> list[str]:
        results = ((feedback or {}).get("scores", {}).get("alignment") or {}).get("requirements") or []
        return [r["text"] for r in results if r.get("status") == "covered"]

    lines: list[str] = []
    old_m, new_m = metrics(before), metrics(after)
    if added := [m for m in new_m if m not in old_m]:
        lines.append(f"Added the number{'s' if len(added) > 1 else ''} {_quoted(added)}.")
    if dropped := [m for m in old_m if m not in new_m]:
        lines.append(f"Dropped the number{'s' if len(dropped) > 1 else ''} {_quoted(dropped)}.")
    old_r, new_r = covered(before), covered(after)
    if gained := [r for r in new_r if r not in old_r]:
        lines.append(f"Now evidences {_quoted(gained)}.")
    if lost := [r for r in old_r if r not in new_r]:
        lines.append(f"No longer evidences {_quoted(lost)}.")
    return lines
