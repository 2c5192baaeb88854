"""Recordings cut short by a crash, put back into the history.

Practice recordings are named `{session}-{question}-{attempt}.wav` (practice.core.session), so even without
context in the marker the session, question and attempt can be read back from the name, and the question text
found in the banks. `recover_into_history` then transcribes, scores and saves it like any other answer, through
the same pipeline (practice.answers.pipeline). `recover_unfinished` is the one routine the studio and the
`recover` command both run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from practice.answers.pipeline import AnswerContext, process_answer
from practice.answers.voice import VoiceMeasureError, add_voice
from practice.audio.markers import Unfinished, clear_marker
from practice.audio.markers import discard as discard_recording
from practice.audio.wavfile import RecoveryError, Repair, repair_wav
from practice.core.job_choices import job_description
from practice.core.jobs import job_terms
from practice.core.records import AttemptRecord, SessionRecord

if TYPE_CHECKING:
    from practice.core.banks import BankCatalog
    from practice.core.records import AttemptRecord, SessionRecord
    from practice.storage.history import Store

log = logging.getLogger(__name__)


RECOVERED_BANK = ("recovered", "Recovered recordings")


@dataclass(frozen=True)
class _Origin:
    session: SessionRecord
    question_id: str
    question_text: str


def _not_in_session(item: Unfinished) -> str:
    return (
        f"{item.wav} was not recorded in a practice session, so there is no question to score it "
        "against. It is repaired; score it with `interview-practice score --audio FILE --question TEXT`."
    )


def _session_start(session_id: str, fallback: datetime | None) -> datetime:
    try:
        return datetime.strptime(session_id[:15], "%Y%m%d-%H%M%S").astimezone()
    except ValueError:
        return fallback or datetime.now().astimezone()


def _origin(item: Unfinished, store: Store, catalog: BankCatalog) -> _Origin:
    """The session and question the recording answered: from the history, the marker, or the banks."""

    session_id, question_id = item.session_id, item.question_id
    if not session_id or not question_id:
        raise RecoveryError(_not_in_session(item))
    session = store.session(session_id)
    banks = list(catalog.banks)
    if session is not None:  # the session's own bank first: question ids are only unique within a bank
        own_bank = session.bank_id
        banks.sort(key=lambda bank: bank.id != own_bank)
    text = item.context.get("question_text")
    bank = None
    for candidate in banks:
        question = next((q for q in candidate.questions if q.id == question_id), None)
        if question is not None:
            bank, text = candidate, text or question.text
            break
    if session is None:
        bank_id, bank_name = (bank.id, bank.name) if bank else RECOVERED_BANK
        session = SessionRecord(
            session_id,
            _session_start(session_id, item.started_at),
            str(item.context.get("bank_id") or bank_id),
            str(item.context.get("bank_name") or bank_name),
            settings={"recovered": True},
        )
    return _Origin(session, question_id, text or f"(question {question_id}: not found in the question banks)")


def _free_attempt_no(store: Store, session_id: str, question_id: str, wanted: int) -> int:
    taken = {a.attempt_no for a in store.attempts(session_id) if a.question_id == question_id}
    return wanted if wanted not in taken else max(taken) + 1


#: (audio path, job terms) -> a transcript with .text, .words and .duration_s
TranscribeFn = Callable[[Path, "list[str] | None"], Any]


def recover_into_history(
    item: Unfinished,
    store: Store,
    catalog: BankCatalog,
    transcribe: TranscribeFn,
    scorer: Callable[..., dict[str, Any]],
) -> AttemptRecord:
    """Repair, transcribe, score and save an unfinished practice answer; the marker goes once it is saved.

    Transcription or scoring failures end up as the attempt's error note (the pipeline of a normal answer), so
    the recording is in the history either way. Raises RecoveryError when it cannot be placed at all."""

    repaired = repair_wav(item.wav)
    if not item.from_session:
        clear_marker(item.wav)  # repaired, which is all that can be done: do not offer it again
    origin = _origin(item, store, catalog)
    session = origin.session
    terms = job_terms(job_description(session.job_text, session.job_choices))
    store.ensure_session(session)
    draft = AttemptRecord(
        session.id,
        origin.question_id,
        origin.question_text,
        _free_attempt_no(store, session.id, origin.question_id, item.attempt_no),
        item.started_at or datetime.fromtimestamp(item.wav.stat().st_mtime).astimezone(),
        recording_path=item.wav,
        duration_s=repaired.duration_s,
        source="spoken",
    )
    attempt = process_answer(
        AnswerContext(store, scorer, session, session.job_text),
        draft,
        transcribe=lambda: transcribe(item.wav, terms),
    )
    try:  # no review screen will measure it as the answer ends, so it is measured here
        attempt = add_voice(store, attempt)
    except VoiceMeasureError as error:
        log.warning("%s", error)
    clear_marker(item.wav)
    return attempt


@dataclass(frozen=True)
class HistoryTarget:
    """Where recovered practice answers go, and how they are transcribed and scored."""

    store: Store
    catalog: BankCatalog
    transcribe: TranscribeFn
    scorer: Callable[..., dict[str, Any]]


@dataclass(frozen=True)
class Outcome:
    """What became of one unfinished recording."""

    item: Unfinished
    deleted: bool = False
    repair: Repair | None = None
    attempt: AttemptRecord | None = None
    """The attempt saved in the history (scored, or with an error note saying why not)."""
    error: str | None = None
    """Why it could not be repaired or put in the history; the recording itself is kept."""
    outside_session: str | None = None
    """Set when it was repaired but was not a practice answer, so there is no question to score it against."""


def recover_unfinished(
    items: Iterable[Unfinished],
    into: Callable[[], HistoryTarget] | None,
    discard: bool = False,
) -> Iterator[Outcome]:
    """The one recovery routine of the studio and the `recover` command, one outcome per recording.

    `discard` deletes them. Otherwise each is repaired; practice answers then go into the history when `into`
    is given (called once, at the first answer that needs it: it may load the speech model), and any other
    recording just loses its marker, repaired being all that can be done for it."""
    target: HistoryTarget | None = None
    for item in items:
        if discard:
            try:
                discard_recording(item)
            except OSError as error:
                yield Outcome(item, error=str(error))
                continue
            yield Outcome(item, deleted=True)
            continue
        try:
            repaired = repair_wav(item.wav)
        except (RecoveryError, OSError) as error:
            yield Outcome(item, error=str(error))
            continue
        if into is None or not item.from_session:
            clear_marker(item.wav)
            yield Outcome(
                item, repair=repaired, outside_session=None if into is None else _not_in_session(item)
            )
            continue
        if target is None:
            target = into()
        try:
            attempt = recover_into_history(
                item, target.store, target.catalog, target.transcribe, target.scorer
            )
        except (RecoveryError, OSError) as error:
            yield Outcome(item, repair=repaired, error=str(error))
            continue
        log.info("recovered %s into the history (attempt %s)", item.wav.name, attempt.id)
        yield Outcome(item, repair=repaired, attempt=attempt)
