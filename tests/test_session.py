"""The practice session state machine and the live-transcript plumbing, without any UI."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from practice.banks import Question
from practice.live import PeriodicTranscriber
from practice.session import (
    PracticeSession,
    SessionStateError,
    State,
    compare_attempts,
    new_session_id,
    pick_questions,
)
from practice.store import AttemptRecord

QUESTIONS = [Question(f"q{i}", f"Question {i}?", "behavioral") for i in range(1, 6)]


def make(count: int = 2, tmp: Path = Path("/tmp/rec")) -> PracticeSession:
    return PracticeSession("20260126-093000-abcd", QUESTIONS[:count], 90, tmp)


def done(s: PracticeSession, **kw) -> AttemptRecord:
    record = AttemptRecord(
        s.id, s.current.id, s.current.text, s.next_attempt_no(), datetime(2026, 1, 26), **kw
    )
    s.attempt_done(record)
    return record


def test_pick_questions_in_order_or_shuffled_repeatably() -> None:
    assert [q.id for q in pick_questions(QUESTIONS, 3, shuffle=False)] == ["q1", "q2", "q3"]
    shuffled = [q.id for q in pick_questions(QUESTIONS, 5, shuffle=True, seed=7)]
    assert shuffled == [q.id for q in pick_questions(QUESTIONS, 5, shuffle=True, seed=7)]
    assert sorted(shuffled) == [q.id for q in QUESTIONS]
    assert len(pick_questions(QUESTIONS, 99, shuffle=True)) == 5  # never more than the bank has
    assert len(pick_questions(QUESTIONS, 0, shuffle=False)) == 1


def test_session_ids_sort_by_time_and_do_not_collide() -> None:
    a = new_session_id(datetime(2026, 1, 26, 9, 0, 0))
    assert a.startswith("20260126-090000-")
    assert new_session_id() != new_session_id()  # same second, different random suffix


def test_full_flow_with_retry_and_next(tmp_path: Path) -> None:
    s = make(tmp=tmp_path)
    s.begin_speaking()
    s.done_speaking()
    path = s.begin_recording()
    assert path == tmp_path / "20260126-093000-abcd-q1-1.wav"
    s.begin_transcribing()
    s.begin_scoring()
    done(s, feedback={"overall": 50})
    assert s.state is State.REVIEWING
    s.retry()
    assert s.begin_recording().name.endswith("-q1-2.wav")  # a retry records a new file
    s.discard_recording()  # retry while recording reuses the number
    assert s.begin_recording().name.endswith("-q1-2.wav")
    s.begin_transcribing()
    done(s, error="no speech")  # a failed transcription still ends in review
    assert [a.attempt_no for a in s.attempts_for("q1")] == [1, 2]
    assert s.next_question() and s.current.id == "q2" and s.number == 2 and s.is_last
    s.begin_scoring()  # a typed answer skips recording and transcription
    done(s)
    assert not s.next_question()
    assert s.state is State.FINISHED
    assert len(s.all_attempts()) == 3


def test_illegal_transitions_are_refused() -> None:
    s = make()
    s.begin_transcribing()  # an imported file
    with pytest.raises(SessionStateError):
        s.begin_transcribing()
    s = make()
    s.begin_recording()
    with pytest.raises(SessionStateError):
        s.begin_speaking()
    with pytest.raises(SessionStateError):
        s.skip()
    assert s.busy is False
    s.begin_transcribing()
    assert s.busy


def test_skip_marks_unanswered_questions_and_finishes_at_the_end() -> None:
    s = make()
    s.begin_speaking()
    assert s.skip() and s.current.id == "q2"
    assert s.skipped == {"q1"}
    assert not s.skip() and s.state is State.FINISHED


def test_recording_names_cannot_escape_the_folder(tmp_path: Path) -> None:
    s = PracticeSession("../../etc", [Question("x/../../y", "Q?", "behavioral")], 90, tmp_path)
    path = s.recording_path(s.current.id, 1)
    assert path.parent == tmp_path and "/" not in path.name


def test_compare_attempts_says_what_changed() -> None:
    def fb(overall: int, labels: list[str], fillers: int) -> dict:
        evidence = [{"start": 0, "end": 1, "text": "x", "label": label} for label in labels]
        return {
            "overall": overall,
            "scores": {
                "examples": {"score": overall, "evidence": evidence},
                "enthusiasm": {"score": 40},
                "alignment": {"score": None},
            },
            "delivery": {"filler_count": fillers, "wpm": 150.0},
        }

    before = AttemptRecord(
        "s", "q", "Q?", 1, datetime(2026, 1, 1), duration_s=100, feedback=fb(50, ["action"], 6)
    )
    after = AttemptRecord(
        "s",
        "q",
        "Q?",
        2,
        datetime(2026, 1, 1),
        duration_s=80,
        feedback=fb(72, ["action", "result", "metric"], 2),
    )
    lines = compare_attempts(before, after)
    assert "Overall: 50 → 72 (+22 better)" in lines
    assert "Enthusiasm: 40 → 40 (0)" in lines
    assert "Alignment: - → -" in lines
    assert "Now has a result, numbers for the result." in lines
    assert "Fillers: 6 → 2 (-4 better)" in lines
    assert "Length: 100 s → 80 s" in lines


# --- live transcription ------------------------------------------------------------------------------------


@dataclass
class CountingTranscriber:
    """Says how many samples it was given, so the test can see what each pass covered."""

    calls: list[int] = field(default_factory=list)

    def transcribe(self, audio, prompt_terms=None, offset_s=0.0, previous_text=None):
        self.calls.append(len(audio))

        @dataclass
        class T:
            text: str
            words: list = field(default_factory=list)
            duration_s: float = len(audio) / 16000

        return T(f"{len(audio) // 16000}s")


def test_periodic_transcriber_previews_and_finishes_on_all_audio() -> None:
    model = CountingTranscriber()
    updates: list[str] = []
    seen = threading.Event()

    def on_update(text: str) -> None:
        updates.append(text)
        seen.set()

    live = PeriodicTranscriber(model, on_update=on_update, every_s=0.05)
    for _ in range(20):
        live.feed(np.zeros(1600, dtype=np.float32))  # 2 s in 0.1 s blocks
    assert seen.wait(2.0)
    assert updates[-1] == "2s" and live.text == "2s"
    for _ in range(10):
        live.feed(np.zeros(1600, dtype=np.float32))
    final = live.finish()
    assert final.text == "3s" and model.calls[-1] == 48000


def test_periodic_transcriber_freezes_old_audio_so_previews_stay_cheap(monkeypatch) -> None:
    monkeypatch.setattr("practice.live.PREVIEW_WINDOW_S", 2.0)
    model = CountingTranscriber()
    live = PeriodicTranscriber(model, every_s=0.02)
    for _ in range(6):  # 6 s of audio, fed in 1 s steps with time for a preview between them
        live.feed(np.zeros(16000, dtype=np.float32))
        deadline = time.monotonic() + 2
        while (not model.calls or model.calls[-1] == 0) and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.08)
    live.finish()
    assert max(model.calls[:-1]) <= 3 * 16000  # previews never re-read the whole answer
    assert model.calls[-1] == 6 * 16000  # the final pass does
    assert live.text.count("s") >= 2  # frozen text plus the latest window


def test_cancel_does_not_block() -> None:
    live = PeriodicTranscriber(CountingTranscriber(), every_s=10)
    started = time.monotonic()
    live.cancel()
    assert time.monotonic() - started < 0.5


def test_session_store_and_pipeline_import_without_textual() -> None:
    """The domain side of the studio works without the UI (DESIGN.md: Textual only renders and dispatches)."""
    import subprocess
    import sys

    code = (
        "import sys; import practice.session, practice.store, practice.live, practice.tui.pipeline;"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
