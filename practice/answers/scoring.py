"""From an answer on disk (text or audio) to the JSON result of `feedback.score_answer`.

Shared by `interview-practice score` and batch scoring. The Transcriber is created only when an audio answer
appears, so text-only scoring never imports faster-whisper.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from feedback import JobDescription, score_answer
from practice.answers.voice import VoiceMeasureError, measure_voice
from practice.core.errors import PracticeError
from practice.core.job_choices import job_description
from practice.core.jobs import JobFileError, job_terms, read_job_text
from practice.core.text_files import binary_kind
from practice.storage.job_choices import load_job_choices
from practice.stt.types import TranscriptionError

if TYPE_CHECKING:
    from practice.stt.whisper import Transcriber  # start-up: `score --text` never loads the speech stack

log = logging.getLogger(__name__)

MAX_ANSWER_BYTES = 1_000_000


class ScoringInputError(PracticeError, ValueError):
    """The answer, question or job cannot be scored; the message says what to fix."""


def read_answer_text(path_or_dash: str) -> str:
    if path_or_dash == "-":
        return sys.stdin.read()
    path = Path(path_or_dash)
    if path.is_dir():
        raise ScoringInputError(f"{path} is a folder: give the path of a text file with the answer.")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ScoringInputError(f"{path}: no such file (the answer text).") from None
    except OSError as error:
        raise ScoringInputError(f"{path} cannot be read: {error.strerror or error}") from None
    if len(raw) > MAX_ANSWER_BYTES:
        raise ScoringInputError(f"{path} is {len(raw) // 1024} KB: that is not one interview answer.")
    if kind := binary_kind(raw):  # refused as a job file would be: a program is not 599 words
        raise ScoringInputError(f"{path} is {kind}, not text: give the answer as a text file, or --audio.")
    return raw.decode("utf-8", errors="replace")


class AnswerScorer:
    """Scores answers one after another, loading the speech model at most once."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self._transcriber: Transcriber | None = None
        self._jobs: dict[Path, JobDescription | None] = {}

    def transcriber(self) -> Transcriber:
        if self._transcriber is None:
            # Start-up: `score --text` never loads the speech stack.
            from practice.stt.whisper import Transcriber

            self._transcriber = Transcriber(self.model)
        return self._transcriber

    def job(self, path: Path | None) -> JobDescription | None:
        """The job in a file, read with the corrections the person saved for that posting (in the studio's
        setup, practice.storage.job_choices), so `score --job` scores as the studio does."""
        if path is None:
            return None
        if path not in self._jobs:
            try:
                text = read_job_text(path)
            except JobFileError as error:
                raise ScoringInputError(str(error)) from error
            self._jobs[path] = job_description(text, load_job_choices(text))
        return self._jobs[path]

    def score(
        self, question: str, text: str | None = None, audio: Path | None = None, job_path: Path | None = None
    ) -> dict:
        job = self.job(job_path)
        if not question or not question.strip():
            raise ScoringInputError("the question is empty: pass the question that was answered.")
        if audio is not None:
            terms = job_terms(job)
            try:
                transcript = self.transcriber().transcribe(audio, prompt_terms=terms)
            except TranscriptionError as error:
                raise ScoringInputError(str(error)) from error
            quality = transcript.quality
            if transcript.empty or quality.status == "none":
                raise ScoringInputError(f"{audio}: {quality.reason or 'no speech detected.'}")
            feedback = score_answer(
                question, transcript.text, job=job, words=transcript.words, duration_s=transcript.duration_s
            )
            feedback.quality = quality
            try:  # how the voice sounded: the scores stand without it when the tracker cannot read the file
                feedback.delivery.voice = measure_voice(audio, transcript.words)
            except VoiceMeasureError as error:
                log.warning("%s", error)  # `delivery.voice` stays null, which says it was not measured
        else:
            if text is None or not text.strip():
                raise ScoringInputError("the answer text is empty: write or paste the answer first.")
            feedback = score_answer(question, text, job=job)
        return feedback.to_dict()


def score_one(
    question: str, text_path: str | None, audio_path: Path | None, job_path: Path | None, model: str | None
) -> dict:
    text = read_answer_text(text_path) if text_path else None
    return AnswerScorer(model).score(question, text=text, audio=audio_path, job_path=job_path)


def score_batch(batch_path: Path, model: str | None, out: IO[str]) -> int:
    """Score a JSONL file line by line. A bad line yields `{"id", "error"}` and the run goes on.

    Relative `audio`, `text_file` and `job` paths are taken from the batch file's folder. Returns the exit code:
    0 when every line scored, 1 when some failed.
    """
    try:
        lines = batch_path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ScoringInputError(f"{batch_path} cannot be read: {error}") from error
    scorer, base, failures = AnswerScorer(model), batch_path.parent, 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item_id = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ScoringInputError("each line must be a JSON object")
            item_id = item.get("id")
            for key in ("question", "text", "audio", "job"):
                if item.get(key) is not None and not isinstance(item[key], str):
                    raise ScoringInputError(f"{key!r} must be a string, not {json.dumps(item[key])}")
            audio = base / item["audio"] if item.get("audio") else None
            job = base / item["job"] if item.get("job") else None
            result = scorer.score(
                str(item.get("question") or ""), text=item.get("text"), audio=audio, job_path=job
            )
            result = {"id": item_id, **result}
        except (ScoringInputError, json.JSONDecodeError, TypeError) as error:
            failures += 1
            result = {"id": item_id, "error": f"{batch_path}:{number}: {error}"}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return 1 if failures else 0


def default_scorer(
    question: str,
    transcript: str,
    job: JobDescription | str | None,
    words: list[Any] | None,
    duration_s: float | None,
) -> dict[str, Any]:

    return score_answer(question, transcript, job=job, words=words, duration_s=duration_s).to_dict()
