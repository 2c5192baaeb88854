"""In-progress markers next to recordings, and finding the recordings a crash left unfinished.

A recording in progress has a sidecar marker, `NAME.wav.partial` (JSON: when it started, the sample rate, the
process recording it, and any context the caller gave), written before the first sample and removed on a clean
stop. A marker that outlives its process means the app was killed mid-answer: practice.audio.wavfile repairs
the recording, practice.answers.recovery puts it in the history.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from practice.audio.wavfile import PCM_HEADER_BYTES
from practice.core.files import atomic_write_text
from practice.core.session import SESSION_NAME
from practice.storage.paths import recordings_dir

if TYPE_CHECKING:
    pass


MARKER_SUFFIX = ".partial"


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
