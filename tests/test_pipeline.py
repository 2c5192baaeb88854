"""The answer pipeline outside the UI: what is stored when the recording could not be written where planned."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from feedback import Word
from practice.answers.pipeline import AnswerContext, finish_spoken
from practice.answers.scoring import default_scorer
from practice.audio.recorder import RecordingWriteError
from practice.core.records import AttemptRecord, SessionRecord
from practice.storage.history import Store
from practice.stt.types import Transcript

ANSWER = "At my last job I cut the build time from forty minutes to eight by caching dependencies."


class FailingRecorder:
    """A recorder whose file could not be written; the Recorder saved the take to `rescued` instead."""

    def __init__(self, planned: Path, rescued: Path | None) -> None:
        self.planned, self.rescued = planned, rescued

    def stop(self):  # noqa: ANN201 - mirrors Recorder.stop
        raise RecordingWriteError(
            "Writing the recording failed (No space left on device).", self.planned, 6.5, self.rescued
        )


class FinishedStream:
    def finish(self) -> Transcript:
        words = [Word(w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(ANSWER.split())]
        return Transcript(ANSWER, words, 6.5, 0.01)


def run(tmp_path: Path, rescued: Path | None) -> tuple[AttemptRecord, list[str]]:
    store = Store(tmp_path / "history.db")
    session = SessionRecord("s1", datetime(2026, 11, 26, 9, 0), "bank", "Bank")
    planned = tmp_path / "recordings" / "s1-q1.wav"
    draft = AttemptRecord(
        "s1", "q1", "Tell me about a time you sped something up.", 1, datetime(2026, 11, 26, 9, 1), planned
    )
    warnings: list[str] = []
    saved = finish_spoken(
        AnswerContext(store, default_scorer, session, None),
        FailingRecorder(planned, rescued),
        FinishedStream(),
        draft,
        progress=lambda _state: None,
        warn=warnings.append,
    )
    stored = store.attempt(saved.id)
    assert stored is not None
    return stored, warnings


def test_a_rescued_take_is_stored_with_the_path_it_was_rescued_to(tmp_path: Path) -> None:
    rescued = tmp_path / "rescue" / "rescued-20261126-090100-s1-q1.wav"
    stored, warnings = run(tmp_path, rescued)
    assert stored.recording_path == rescued
    assert stored.duration_s == 6.5 and stored.transcript == ANSWER and stored.feedback is not None
    assert warnings == ["Writing the recording failed (No space left on device)."]


def test_a_take_that_could_not_be_rescued_points_at_no_file(tmp_path: Path) -> None:
    stored, warnings = run(tmp_path, None)
    assert stored.recording_path is None  # not the planned path, where no complete file exists
    assert stored.transcript == ANSWER and warnings


def test_a_retry_is_judged_against_the_tip_it_worked_on_and_stored_with_it(tmp_path: Path) -> None:
    from dataclasses import replace

    from practice.answers.pipeline import process_answer
    from practice.core.records import WorkedTip

    store = Store(tmp_path / "history.db")
    session = SessionRecord("s1", datetime(2026, 11, 26, 9, 0), "bank", "Bank")
    ctx = AnswerContext(store, default_scorer, session, None)
    question = "Tell me about a time you sped something up."
    first = process_answer(
        ctx,
        AttemptRecord("s1", "q1", question, 1, datetime(2026, 11, 26, 9, 1), source="typed"),
        text="Our builds were slow. I cached the dependencies and I split the test run. Builds got much faster.",
    )
    assert first.worked_tip is None
    tip = WorkedTip("Quantify the result: how much faster.", "measurable_result", from_attempt=1)
    draft = AttemptRecord(
        "s1", "q1", question, 2, datetime(2026, 11, 26, 9, 3), source="typed", worked_tip=tip
    )
    measured = (
        "Our builds were slow. I cached the dependencies and I split the test run. "
        "After that a build took eight minutes instead of forty, an 80 percent cut."
    )
    second = process_answer(ctx, draft, text=measured)
    stored = store.attempt(second.id or 0)
    assert stored is not None and stored.worked_tip is not None
    assert stored.worked_tip.verdict == "yes" and stored.worked_tip.followed is True
    assert "percent" in stored.worked_tip.reason or "eight" in stored.worked_tip.reason  # quotes the number
    assert replace(stored.worked_tip, verdict=None, reason="") == tip
    # an empty take keeps the tip it worked on, unjudged
    empty = process_answer(ctx, replace(draft, attempt_no=3), text="   ")
    assert empty.error and store.attempt(empty.id or 0).worked_tip == tip  # type: ignore[union-attr]
