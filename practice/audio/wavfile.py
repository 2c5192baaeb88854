"""Unfinished recordings: find them after a crash, repair their WAV headers, and put them in the history.

A recording in progress has a sidecar marker, `NAME.wav.partial` (JSON: when it started, the sample rate, the
process recording it, and any context the caller gave), written before the first sample and removed on a clean
stop. A marker that outlives its process means the app was killed mid-answer: the WAV holds everything written
up to then (the Recorder appends each block as it arrives and syncs every second), but its header may still
claim fewer bytes, or none. `repair_wav` rewrites the header's sizes from the file length.

Practice recordings are named `{session}-{question}-{attempt}.wav` (practice.session), so even without context
in the marker the session, question and attempt can be read back from the name, and the question text found
in the banks. `recover_into_history` then transcribes, scores and saves it like any other answer.

No audio library here: the header is plain RIFF, and nothing heavy is imported until a recording is scored.
"""

from __future__ import annotations

import json
import os
import re
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from practice.files import atomic_write_text

if TYPE_CHECKING:
    from practice.banks import BankCatalog
    from practice.store import AttemptRecord, SessionRecord, Store

MARKER_SUFFIX = ".partial"
#: The header the Recorder writes: RIFF/WAVE, a 16-byte fmt chunk, then the data chunk.
PCM_HEADER_BYTES = 44
#: How practice.session names recordings: session id (YYYYmmdd-HHMMSS-hex), question id, attempt number.
SESSION_NAME = re.compile(
    r"^(?P<session>\d{8}-\d{6}-[0-9a-f]{6})-(?P<question>[a-z0-9][a-z0-9-]*?)-(?P<attempt>\d+)$"
)
RECOVERED_BANK = ("recovered", "Recovered recordings")


class RecoveryError(RuntimeError):
    """A recording cannot be repaired or recovered; the message says why."""


def pcm16_header(samplerate: int, channels: int, data_bytes: int) -> bytes:
    """The 44-byte header of a 16-bit PCM WAV holding `data_bytes` of audio."""
    block_align = 2 * channels
    return (
        b"RIFF"
        + struct.pack("<I", min(36 + data_bytes, 0xFFFFFFFF))
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, channels, samplerate, samplerate * block_align, block_align, 16)
        + b"data"
        + struct.pack("<I", min(data_bytes, 0xFFFFFFFF))
    )


# --- markers ------------------------------------------------------------------------------------------------


def marker_path(wav: Path) -> Path:
    return wav.with_name(wav.name + MARKER_SUFFIX)


def _process_start(pid: int) -> int | None:
    """The process's start time in clock ticks since boot (Linux): a reused pid is not taken for the owner."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[19])


def write_marker(
    wav: Path, samplerate: int, channels: int = 1, context: dict[str, Any] | None = None
) -> Path:
    """Say that `wav` is being recorded now. Raises OSError when its folder cannot be written."""
    path = marker_path(wav)
    body = {
        "version": 1,
        "wav": wav.name,
        "started_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "samplerate": samplerate,
        "channels": channels,
        "pid": os.getpid(),
        "pid_start": _process_start(os.getpid()),
        "context": context or {},
    }
    atomic_write_text(path, json.dumps(body, ensure_ascii=False, indent=1))
    return path


def clear_marker(wav: Path) -> None:
    marker_path(wav).unlink(missing_ok=True)


def _owner_alive(info: dict[str, Any]) -> bool:
    """True when the process that wrote the marker is still running (so the recording is not unfinished)."""
    pid = info.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    started = _process_start(pid)
    return started is None or started == info.get("pid_start")


# --- finding ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unfinished:
    """A recording whose process stopped before it did."""

    wav: Path
    marker: Path
    started_at: datetime | None
    samplerate: int
    channels: int
    size_bytes: int
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def duration_s(self) -> float:
        """Estimated from the file size (the header may be stale until repaired)."""
        return max(0, self.size_bytes - PCM_HEADER_BYTES) / (2 * self.channels * self.samplerate)

    @property
    def session_id(self) -> str | None:
        return self.context.get("session_id") or self._name_part("session")

    @property
    def question_id(self) -> str | None:
        return self.context.get("question_id") or self._name_part("question")

    @property
    def attempt_no(self) -> int:
        value = self.context.get("attempt_no") or self._name_part("attempt") or 1
        return int(value)

    @property
    def from_session(self) -> bool:
        """True when it was an answer in a practice session (so it can be scored into the history)."""
        return bool(self.session_id and self.question_id)

    def _name_part(self, name: str) -> str | None:
        match = SESSION_NAME.match(self.wav.stem)
        return match.group(name) if match else None

    def describe(self) -> str:
        when = f"started {self.started_at:%Y-%m-%d %H:%M}" if self.started_at else "start time unknown"
        what = f", question {self.question_id}" if self.from_session else ""
        return f"{self.wav} ({self.duration_s:.1f} s, {when}{what})"


def _read_marker(marker: Path) -> dict[str, Any]:
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}  # a damaged marker still points at its recording, which is what matters
    return info if isinstance(info, dict) else {}


def _unfinished(marker: Path, include_live: bool) -> Unfinished | None:
    info = _read_marker(marker)
    if not include_live and _owner_alive(info):
        return None
    wav = marker.with_name(marker.name[: -len(MARKER_SUFFIX)])
    try:
        size = wav.stat().st_size
    except OSError:
        size = 0
    try:
        started = datetime.fromisoformat(str(info.get("started_at")))
    except ValueError:
        started = None
    samplerate, channels = info.get("samplerate"), info.get("channels")
    context = info.get("context")
    return Unfinished(
        wav,
        marker,
        started,
        samplerate if isinstance(samplerate, int) and samplerate > 0 else 16_000,
        channels if isinstance(channels, int) and channels > 0 else 1,
        size,
        context if isinstance(context, dict) else {},
    )


def find_unfinished(places: Iterable[Path] | None = None, include_live: bool = False) -> list[Unfinished]:
    """Unfinished recordings in the given folders (or WAV files), oldest first (default: recordings folder).

    Recordings whose process is still running (another window recording right now) are left out."""
    if places is None:
        from practice.config import recordings_dir

        places = [recordings_dir()]
    markers: list[Path] = []
    for place in places:
        place = Path(place)
        if place.is_dir():
            markers.extend(sorted(place.glob(f"*.wav{MARKER_SUFFIX}")))
        elif marker_path(place).is_file():
            markers.append(marker_path(place))
    found = [item for marker in markers if (item := _unfinished(marker, include_live)) is not None]
    return sorted(found, key=lambda item: (item.started_at is None, str(item.started_at), str(item.wav)))


def discard(item: Unfinished) -> None:
    """Delete an unfinished recording and its marker (the person chose to)."""
    item.wav.unlink(missing_ok=True)
    item.marker.unlink(missing_ok=True)


# --- repairing ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Repair:
    path: Path
    duration_s: float
    samplerate: int
    changed: bool
    """False when the header was already right."""
    dropped_bytes: int
    """Bytes of a half-written last frame that were cut off."""


def _chunks(data: bytes) -> Iterable[tuple[bytes, int, int]]:
    """(id, payload offset, declared size) of each RIFF chunk whose header fits in `data`."""
    offset = 12
    while offset + 8 <= len(data):
        chunk_id, size = data[offset : offset + 4], struct.unpack("<I", data[offset + 4 : offset + 8])[0]
        yield chunk_id, offset + 8, size
        if chunk_id == b"data":
            return
        offset += 8 + size + (size & 1)


def _looks_like_chunk(data: bytes) -> bool:
    return len(data) >= 8 and all(32 <= b < 127 for b in data[:4])


def repair_wav(path: Path) -> Repair:
    """Make the WAV's RIFF and data sizes match the file (from its length), dropping a half-written frame.

    Only the header is rewritten (and a trailing partial frame cut off): the audio itself is never touched."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(64 * 1024)  # the fmt chunk and the data chunk's header are near the start
    except FileNotFoundError:
        raise RecoveryError(f"{path}: the recording is gone (no such file).") from None
    except OSError as error:
        raise RecoveryError(f"{path} cannot be read: {error.strerror or error}") from None
    if size < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise RecoveryError(f"{path} is not a WAV recording (no RIFF/WAVE header), so it cannot be repaired.")
    fmt = data_offset = declared = None
    for chunk_id, offset, chunk_size in _chunks(head):
        if chunk_id == b"fmt " and offset + 16 <= len(head):
            fmt = struct.unpack("<HHIIHH", head[offset : offset + 16])
        elif chunk_id == b"data":
            data_offset, declared = offset, chunk_size
    if fmt is None or data_offset is None or declared is None:
        raise RecoveryError(
            f"{path}: the WAV header is damaged (no fmt or data chunk); nothing was recorded."
        )
    _format, channels, samplerate, _rate, block_align, _bits = fmt
    block_align = max(1, block_align)
    available = size - data_offset
    stale = declared in (0, 0xFFFFFFFF) or declared > available
    if not stale and declared < available:
        # The header says the audio stops before the file does: a stale header (the recording went on after it
        # was last written), unless another chunk really follows the audio.
        with open(path, "rb") as handle:
            handle.seek(data_offset + declared + (declared & 1))
            following = handle.read(8)
        stale = bool(following) and not _looks_like_chunk(following)
    current_riff = struct.unpack("<I", head[4:8])[0]
    if stale:
        whole = available - available % block_align
        dropped, riff = available - whole, data_offset + whole - 8
    else:
        whole, dropped, riff = declared, 0, size - 8
    changed = dropped > 0 or whole != declared or min(riff, 0xFFFFFFFF) != current_riff
    if changed:
        try:
            with open(path, "r+b") as handle:
                if dropped:
                    handle.truncate(data_offset + whole)
                handle.seek(4)
                handle.write(struct.pack("<I", min(riff, 0xFFFFFFFF)))
                handle.seek(data_offset - 4)
                handle.write(struct.pack("<I", min(whole, 0xFFFFFFFF)))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise RecoveryError(f"{path} cannot be repaired: {error.strerror or error}") from None
    return Repair(path, whole // block_align / max(1, samplerate), samplerate, changed, dropped)


# --- into the history ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Origin:
    session: SessionRecord
    question_id: str
    question_text: str


def _session_start(session_id: str, fallback: datetime | None) -> datetime:
    try:
        return datetime.strptime(session_id[:15], "%Y%m%d-%H%M%S").astimezone()
    except ValueError:
        return fallback or datetime.now().astimezone()


def _origin(item: Unfinished, store: Store, catalog: BankCatalog) -> _Origin:
    """The session and question the recording answered: from the history, the marker, or the banks."""
    from practice.store import SessionRecord

    session_id, question_id = item.session_id, item.question_id
    if not session_id or not question_id:
        raise RecoveryError(
            f"{item.wav} was not recorded in a practice session, so there is no question to score it "
            "against. It is repaired; score it with `interview-practice score --audio FILE --question TEXT`."
        )
    session = store.session(session_id)
    banks = list(catalog.banks)
    if session is not None:  # the session's own bank first: question ids are only unique within a bank
        banks.sort(key=lambda bank: bank.id != session.bank_id)
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
    from practice.store import AttemptRecord
    from practice.tui.pipeline import AnswerContext, process_answer

    repaired = repair_wav(item.wav)
    if not item.from_session:
        clear_marker(item.wav)  # repaired, which is all that can be done: do not offer it again
    origin = _origin(item, store, catalog)
    session = origin.session
    terms: list[str] | None = None
    if session.job_text:
        from feedback import parse_job

        terms = list(parse_job(session.job_text).terms) or None
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
    clear_marker(item.wav)
    return attempt
