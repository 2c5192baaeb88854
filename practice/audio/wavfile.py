"""The on-disk recording format, owned here alone: a 16-bit PCM WAV written block by block, and its repair.

The Recorder appends each block as it arrives and syncs the header every second, so after a crash the WAV
holds everything written up to then, but its header may still claim fewer bytes, or none. `repair_wav`
rewrites the header's sizes from the file length.

No audio library here: the header is plain RIFF.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from practice.core.errors import PracticeError

if TYPE_CHECKING:
    pass

#: The header the Recorder writes: RIFF/WAVE, a 16-byte fmt chunk, then the data chunk.
PCM_HEADER_BYTES = 44


class RecoveryError(PracticeError, RuntimeError):
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


# --- finding ------------------------------------------------------------------------------------------------


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


class WavAppender:
    """A 16-bit PCM WAV written block by block with plain file writes (no buffering in between).

    `sync()` patches the header's sizes and fsyncs, so the file on disk is a valid WAV of everything synced.
    Between syncs the header lags; practice.audio.wavfile repairs that after a crash. Created 0600: answers are
    personal."""

    def __init__(self, path: Path, samplerate: int, channels: int = 1) -> None:
        self.path = path
        self.samplerate = samplerate
        self.channels = channels
        self.data_bytes = 0
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        try:
            os.fchmod(self._fd, 0o600)  # an existing file (a retried take) keeps its old mode otherwise
            self._write(pcm16_header(samplerate, channels, 0))
        except BaseException:
            os.close(self._fd)
            raise

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view) :]

    def write(self, pcm: bytes) -> None:
        self._write(pcm)
        self.data_bytes += len(pcm)

    def sync(self) -> None:
        os.pwrite(self._fd, struct.pack("<I", min(36 + self.data_bytes, 0xFFFFFFFF)), 4)
        os.pwrite(self._fd, struct.pack("<I", min(self.data_bytes, 0xFFFFFFFF)), 40)
        os.fsync(self._fd)

    def close(self, sync: bool = True) -> None:
        if self._fd < 0:
            return
        try:
            if sync:
                self.sync()
        finally:
            os.close(self._fd)
            self._fd = -1
