"""From a finished answer to a saved, scored attempt. Runs in a worker thread; no Textual inside.

The order is what makes a recording impossible to lose: the attempt row with its recording path is written
first, then the transcript and feedback are filled in. A failure at any later step leaves that row in place
with an error note saying what went wrong and where the audio is.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from feedback import Feedback, JobDescription
from feedback.tip_check import check_tip
from practice.audio.recorder import RecordingWriteError
from practice.core.job_choices import job_description
from practice.core.records import AttemptRecord, SessionRecord, WorkedTip
from practice.core.session import State
from practice.storage.history import Store

log = logging.getLogger(__name__)

NO_SPEECH_REASON = "No speech was heard in the recording: the microphone may be muted or too far away."
NO_SPEECH_NEXT = "Play it back (p) to check, then try again (a)."


#: (question, transcript, job, words, duration) -> Feedback.to_dict(). The job is the session's job as read
#: with the person's corrections (practice.core.job_choices.job_description), or None.
Scorer = Callable[[str, str, "JobDescription | None", "list[Any] | None", "float | None"], dict[str, Any]]


@dataclass(frozen=True)
class AnswerContext:
    store: Store
    scorer: Scorer
    session: SessionRecord
    job_text: str | None

    @property
    def job(self) -> JobDescription | None:
        """What answers are scored against: the job text with the corrections the session started with."""
        return job_description(self.job_text, self.session.job_choices)


def _words(words: list[Any] | None) -> list[dict[str, Any]] | None:
    if words is None:
        return None
    return [{"text": w.text, "start": w.start, "end": w.end} for w in words]


def import_recording(source: Path, target: Path) -> Path:
    """Copy an imported WAV/FLAC next to the app's own recordings, so deleting the session never deletes the
    person's original file, and playback works even if the original moves."""
    target = target.with_suffix(source.suffix.lower())
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(0o600)
    return target


def judge_worked_tip(
    worked: WorkedTip | None, feedback: dict[str, Any], job: JobDescription | None
) -> WorkedTip | None:
    """The retry's tip with the verdict on it: did this answer follow it (feedback.tip_check)?"""
    if worked is None:
        return None
    verdict = check_tip(worked.kind, Feedback.from_dict(feedback), worked.tip, job.company if job else None)
    return replace(worked, verdict=verdict.verdict, reason=verdict.reason)


def process_answer(
    ctx: AnswerContext,
    draft: AttemptRecord,
    *,
    text: str | None = None,
    transcribe: Callable[[], Any] | None = None,
    progress: Callable[[State], None] = lambda _state: None,
) -> AttemptRecord:
    """Save, transcribe (spoken or imported) or take `text` (typed), score, save again. Never raises for a
    transcription or scoring failure: the returned attempt carries the error note instead."""
    store = ctx.store
    store.ensure_session(ctx.session)
    attempt = store.save_attempt(draft)
    # Ids, sources and outcomes only: never the answer's text (storage/logs.py says why).
    log.info(
        "attempt %s/%s #%d saved (%s)", draft.session_id, draft.question_id, draft.attempt_no, draft.source
    )
    words = None
    quality = None
    duration = draft.duration_s
    if transcribe is not None:
        try:
            transcript = transcribe()
        except Exception as error:  # noqa: BLE001 - any model failure becomes a note on the saved attempt
            log.warning("transcription failed for attempt %s: %s", attempt.id, type(error).__name__)
            where = f" The recording is saved at {draft.recording_path}." if draft.recording_path else ""
            return store.save_attempt(replace(attempt, error=f"Transcription failed: {error}.{where}"))
        text, words = transcript.text, transcript.words
        duration = duration or transcript.duration_s
        quality = getattr(transcript, "quality", None)  # None from a transcriber that does not judge it
        attempt = store.save_attempt(
            replace(attempt, transcript=text, words=_words(words), duration_s=duration)
        )
        if not text.strip() or (quality is not None and quality.status == "none"):
            reason = quality.reason if quality is not None and quality.reason else NO_SPEECH_REASON
            return store.save_attempt(replace(attempt, error=f"{reason} {NO_SPEECH_NEXT}"))
    text = (text or "").strip()
    if not text:
        return store.save_attempt(replace(attempt, error="The answer is empty."))
    attempt = replace(attempt, transcript=text)
    progress(State.SCORING)
    try:
        feedback = ctx.scorer(draft.question_text, text, ctx.job, words, duration)
        if quality is not None:
            feedback = {**feedback, "quality": quality.to_dict()}
    except Exception as error:  # noqa: BLE001 - the answer is kept; the review says scoring failed
        log.exception("scoring failed for attempt %s", attempt.id)
        return store.save_attempt(replace(attempt, error=f"Scoring failed: {type(error).__name__}: {error}"))
    worked = judge_worked_tip(draft.worked_tip, feedback, ctx.job)
    if worked is not None:
        log.info("attempt %s worked on a %s tip: %s", attempt.id, worked.kind, worked.verdict)
    return store.save_attempt(replace(attempt, feedback=feedback, error=None, worked_tip=worked))


#: What prepare_scoring scores: any short answer does, the point is what it is scored against.
WARM_UP_ANSWER = "I fixed it myself."


def prepare_scoring(ctx: AnswerContext, question: str) -> None:
    """Score a token answer to `question` against the session's job, while the person is still speaking.

    The scorer caches what it works out about a job and a question (their sentence vectors above all), so the
    real answer's scoring at stop does not pay for it: a 300-word answer scored in 0.87 s against a job seen
    for the first time, 0.14 s against one seen before (measured on a busy 2-core machine). Never raises: a
    failure here only means the real scoring does the work itself, and reports any error then."""
    try:
        ctx.scorer(question, WARM_UP_ANSWER, ctx.job, None, None)
    except Exception as error:  # noqa: BLE001 - see above: the real scoring is where errors are reported
        log.info("scoring could not be prepared: %s", type(error).__name__)


def finish_spoken(
    ctx: AnswerContext,
    recorder: Any,
    live: Any,
    draft: AttemptRecord,
    progress: Callable[[State], None],
    warn: Callable[[str], None],
) -> AttemptRecord:
    """Stop the recorder (its WAV is complete then), then save, transcribe and score."""
    try:
        draft = replace(draft, duration_s=recorder.stop().duration_s)
    except RecordingWriteError as error:
        # The take is not where the draft says: it went to a rescue folder (or stays in the recorder's memory).
        # The attempt must point at the file that really holds it, or history would lead nowhere.
        draft = replace(draft, recording_path=error.rescued, duration_s=error.duration_s)
        warn(str(error))
    except Exception as error:  # noqa: BLE001 - the audio already fed to `live` is still transcribed and scored
        if draft.recording_path is not None and not draft.recording_path.exists():
            draft = replace(draft, recording_path=None)  # keep what did reach the disk, point at nothing else
        warn(f"Saving the recording failed: {error}")
    return process_answer(ctx, draft, transcribe=live.finish, progress=progress)


def finish_import(
    ctx: AnswerContext,
    transcriber: Any,
    prompt_terms: list[str] | None,
    source: Path,
    target: Path,
    draft: AttemptRecord,
    progress: Callable[[State], None],
) -> AttemptRecord:
    """Copy the imported file next to the recordings, then save, transcribe and score it."""
    copied = import_recording(source, target)
    return process_answer(
        ctx,
        replace(draft, recording_path=copied),
        transcribe=lambda: transcriber.transcribe(copied, prompt_terms=prompt_terms),
        progress=progress,
    )
