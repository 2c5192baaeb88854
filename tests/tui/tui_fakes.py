"""Small fakes of the studio's services, for fast and deterministic UI tests (no model, no sound card)."""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import soundfile

from practice.audio.recorder import Recording
from practice.core.banks import Bank, BankCatalog, Question
from practice.core.jobs import JobSummary
from practice.core.session import State
from practice.services import Services
from practice.storage.history import Store
from practice.storage.settings import Settings
from practice.tui.app import PracticeApp
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.review import ReviewScreen

FIXED_NOW = datetime(2026, 1, 26, 9, 30, tzinfo=UTC)
ANSWER = (
    "Last year our checkout page timed out during sales. I owned the fix. I profiled the PostgreSQL "
    "queries and added two indexes. As a result latency dropped by 80 percent, um, and I love this work."
)
QUESTIONS = (
    Question(
        "fixed-performance",
        "Tell me about a time you fixed a performance problem.",
        "behavioral",
        target_seconds=90,
    ),
    Question("why-role", "Why do you want this role?", "motivation"),
    Question("conflict", "Tell me about a disagreement with a teammate.", "behavioral"),
)
BANK = Bank(
    "test-bank",
    "Test bank",
    "Three questions for the UI tests.",
    Path("/banks/test-bank.toml"),
    QUESTIONS,
    ("behavioral", "test"),
    builtin=True,
)
JOB = (
    "Senior Backend Engineer at Acme\nRequirements:\n- 5+ years of Python\n- PostgreSQL performance tuning\n"
)


@dataclass
class Words:
    text: str
    start: float
    end: float


@dataclass
class FakeTranscript:
    text: str
    words: list[Words] = field(default_factory=list)
    duration_s: float = 0.0


class FakeRecorder:
    """Writes a one-second tone when recording starts and reports a fixed level, so screens are repeatable."""

    def __init__(self, level: float = 0.05, elapsed_s: float = 12.0) -> None:
        self.level = 0.0
        self.peak = 0.0
        self._level = level
        self._elapsed = elapsed_s
        self._path: Path | None = None
        self.started: list[Path] = []

    @property
    def recording(self) -> bool:
        return self._path is not None

    @property
    def elapsed_s(self) -> float:
        return self._elapsed if self._path else 0.0

    def start(
        self, path: Path, on_chunk: Callable[[np.ndarray], None] | None = None, context: dict | None = None
    ) -> None:
        self.context = context
        path.parent.mkdir(parents=True, exist_ok=True)
        tone = (0.2 * np.sin(np.linspace(0, 440 * 2 * np.pi, 16000))).astype(np.float32)
        soundfile.write(path, tone, 16000)
        self._path = path
        self.started.append(path)
        self.level, self.peak = self._level, self._level * 3
        if on_chunk is not None:
            on_chunk(tone[:1600])

    def stop(self) -> Recording:
        path, self._path = self._path, None
        assert path is not None
        return Recording(path, self._elapsed, 16000, self.peak)


class FakePlayer:
    def __init__(self) -> None:
        self.played: list[Path] = []
        self.playing = False

    def play_file(self, path: Path, wait: bool = False) -> None:
        self.played.append(path)

    def wait(self, timeout: float | None = None) -> bool:
        return True

    def stop(self) -> None:
        self.playing = False


class FakeSpeaker:
    def __init__(self, voice: str = "en-us", rate: int = 165) -> None:
        self.voice, self.rate = voice, rate
        self.said: list[str] = []
        self.stops = 0

    def synthesize(self, text: str) -> Path:
        return Path("/dev/null")

    def say(self, text: str, wait: bool = False) -> Path:
        self.said.append(text)
        return Path("/dev/null")

    def stop(self) -> None:
        self.stops += 1


class FakeTranscriber:
    description = "fake model"
    load_seconds = 0.0

    def __init__(
        self, text: str = ANSWER, fail: str | None = None, hold_load: threading.Event | None = None
    ) -> None:
        self.text = text
        self.fail = fail
        self.hold_load = hold_load
        """When given, load() waits until the test sets it: "still loading" is then a state, not a race."""
        self.loaded = False
        self.calls = 0

    def load(self) -> None:
        if self.hold_load is not None:
            self.hold_load.wait(timeout=30)
        self.loaded = True

    def transcribe(
        self,
        audio: Any,
        prompt_terms: list[str] | None = None,
        offset_s: float = 0.0,
        beam_size: int | None = None,
        fallback: bool = True,
        quick: bool = False,
    ) -> FakeTranscript:
        self.calls += 1
        if self.fail:
            raise RuntimeError(self.fail)
        words = [Words(w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(self.text.split())]
        return FakeTranscript(self.text, words, 30.0)


class InstantLive:
    """A live transcriber that shows the whole answer at once and hands it over on finish()."""

    def __init__(
        self,
        transcriber: Any,
        prompt_terms: list[str] | None = None,
        on_update: Callable[[str, str], None] | None = None,
    ) -> None:
        self.transcriber, self.on_update = transcriber, on_update
        self.text = ""

    def feed(self, block: np.ndarray) -> None:
        if not self.text:
            self.text = "Last year our checkout page timed out during sales."
            if self.on_update:
                self.on_update("Last year our checkout page", "timed out during sales.")

    def finish(self) -> Any:
        return self.transcriber.transcribe(np.zeros(16000, dtype=np.float32))

    def cancel(self) -> None:
        pass


def _span(text: str, needle: str, label: str) -> dict[str, Any]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle, "label": label}


def fake_score(
    question: str, transcript: str, job: str | None, words: list | None, duration_s: float | None
) -> dict[str, Any]:
    """A feedback dict in the shape of feedback.Feedback.to_dict(), with evidence found by simple searches."""
    sentences = [m for m in re.finditer(r"[^.]+\.", transcript)]
    evidence = []
    for match, label in zip(sentences, ("situation", "task", "action", "result"), strict=False):
        evidence.append({"start": match.start(), "end": match.end(), "text": match.group(), "label": label})
    if "80 percent" in transcript:
        evidence.append(_span(transcript, "80 percent", "metric"))
    enthusiasm = (
        [_span(transcript, "I love this work", "enthusiasm")] if "I love this work" in transcript else []
    )
    requirement = (
        [_span(transcript, "PostgreSQL", "requirement")] if job and "PostgreSQL" in transcript else []
    )
    fillers = [_span(transcript, "um", "filler")] if " um," in transcript else []
    examples = min(100, 20 * len(evidence))
    return {
        "question": question,
        "transcript": transcript,
        "duration_s": duration_s,
        "scores": {
            "examples": {
                "score": examples,
                "reason": "A full story with a measured result.",
                "evidence": evidence,
                "tips": [],
            },
            "enthusiasm": {
                "score": 70 if enthusiasm else 30,
                "reason": "Says what they love about the work.",
                "evidence": enthusiasm,
                "tips": [],
            },
            "alignment": {
                "score": 60 if job else None,
                "reason": "Covers 1 of 2 requirements." if job else "No job description given.",
                "evidence": requirement,
                "tips": [],
                "requirements": [],
            },
        },
        "delivery": {
            "words": len(transcript.split()),
            "wpm": 148.0 if words else None,
            "fillers": {"um": 1},
            "filler_count": len(fillers),
            "fillers_per_min": 2.0 if words else None,
            "long_pauses": 0 if words else None,
            "hedges": {},
            "evidence": fillers,
            "tips": [],
        },
        "overall": round((examples + (70 if enthusiasm else 30) + (60 if job else 50)) / 3),
        "tips": [
            "Name the Python work you did, since the job asks for it.",
            "Say why Acme in particular: one sentence about its product.",
        ],
    }


def fake_job_parser(text: str) -> JobSummary:
    requirements = [(line.lstrip("- "), "5+" in line) for line in text.splitlines() if line.startswith("- ")]
    return JobSummary("Senior Backend Engineer", "Acme", requirements, ["Python", "PostgreSQL"])


class StepClock:
    """A clock that moves one minute a call: fixed dates in snapshots, and distinct times for ordering."""

    def __init__(self, start: datetime = FIXED_NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def make_services(
    tmp: Path, *, mic: bool = True, transcriber: FakeTranscriber | None = None, **overrides: Any
) -> Services:
    settings = Settings(question_count=2, last_bank="test-bank")
    clock = StepClock()
    values: dict[str, Any] = dict(
        recorder=FakeRecorder(),
        player=FakePlayer(),
        speaker=FakeSpeaker(),
        transcriber=transcriber or FakeTranscriber(),
        store=Store(tmp / "history.sqlite3", clock=clock),
        catalog=BankCatalog([BANK]),
        settings=settings,
        scorer=fake_score,
        job_parser=fake_job_parser,
        live_factory=InstantLive,
        input_available=lambda: mic,
        voices=lambda: ["en-gb", "en-us", "fr-fr"],
        clock=clock,
        save_settings=False,
    )
    values.update(overrides)
    return Services(**values)


def make_app(tmp: Path, **kwargs: Any) -> PracticeApp:
    return PracticeApp(make_services(tmp, **kwargs))


async def wait_for(pilot: Any, condition: Callable[[], bool], timeout: float = 5.0, what: str = "") -> None:
    """Let the app run until `condition()` holds (workers run on threads, so a fixed pause is not enough)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await pilot.pause(0.02)
    await pilot.pause()


async def settle(pilot: Any) -> None:
    await pilot.pause()
    await asyncio.sleep(0)


async def run_from_palette(pilot: Any, words: str) -> None:
    """Open the command palette, type `words` and run the best match, once the search has put it first
    (the search runs in the background: a fixed pause raced it on a busy machine)."""
    from textual.command import CommandList, CommandPalette

    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what="the command palette")
    await pilot.press(*words)
    results = pilot.app.screen.query_one(CommandList)

    def first_matches() -> bool:
        return (
            results.option_count > 0 and words.lower() in str(results.get_option_at_index(0).prompt).lower()
        )

    await wait_for(pilot, first_matches, what=f"{words!r} found by the palette")
    if results.highlighted is None:
        await pilot.press("down")  # highlight the first result
    assert results.highlighted == 0
    await pilot.press("enter")


def text_of(app: PracticeApp, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def answer_now(pilot: Any, practice: PracticeScreen) -> None:
    """Once the question is spoken: start a take, stop it, and wait for its review."""
    await wait_for(pilot, lambda: practice.session.state is State.IDLE, what="question spoken")
    await pilot.press("space")
    await wait_for(pilot, lambda: practice.session.state is State.RECORDING, what="recording")
    await pilot.press("space")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), what="review")
