"""Recording from the default input into a crash-safe WAV, block by block.

The Recorder writes every block to the WAV file as it arrives and patches the header and fsyncs it once a
second, so a crash loses at most the last second of an answer. A marker next to the file
(practice.audio.markers) says the recording is in progress until a clean stop, so the next start can find and
repair one that was cut short. Audio callbacks only copy data into a queue: PortAudio calls them on a
real-time thread where file I/O or Python-heavy work would cause dropouts.

When the disk fills up or the folder cannot be written, the Recorder keeps recording into memory, `error`
says what happened, `stop()` raises RecordingWriteError (after saving the take to a rescue folder when it
can), and `save_to(path)` writes the whole take anywhere else.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from practice.audio.devices import NO_INPUT_HELP, AudioDeviceError, _sounddevice, require_input
from practice.audio.markers import clear_marker, write_marker
from practice.audio.wavfile import PCM_HEADER_BYTES, WavAppender
from practice.core.errors import PracticeError
from practice.core.signal import SAMPLE_RATE

log = logging.getLogger(__name__)

#: How often the file header and data are pushed to disk while recording.
FLUSH_EVERY_S = 1.0


@dataclass(frozen=True)
class Recording:
    path: Path
    duration_s: float
    samplerate: int
    peak: float
    """Highest absolute sample (0..1): near zero means the microphone heard nothing."""


class RecordingWriteError(PracticeError, OSError):
    """The recording could not be written where it was meant to go (full disk, read-only folder).

    The audio was kept in memory: `recorder.save_to(path)` writes it elsewhere, and `rescued` is where the
    Recorder already saved it, if it could."""

    def __init__(self, message: str, path: Path, duration_s: float, rescued: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.duration_s = duration_s
        self.rescued = rescued


ChunkCallback = Callable[[np.ndarray], None]


def _describe(error: BaseException) -> str:
    """The system's reason, with the path that was in the way: `File exists: /data/recordings`."""
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return str(error) or type(error).__name__


def rescue_dirs() -> list[Path]:
    """Where a take that could not be saved goes: the home folder (usually another disk than a full data
    folder, never a shared one), then the temporary folder."""
    return [Path.home() / "interview-practice-rescued", Path(tempfile.gettempdir())]


class Recorder:
    """Records mono audio from the default input into a WAV file, block by block.

    `on_chunk` receives each float32 block (at `samplerate`) on the writer thread, for live transcription.
    `level` is the latest block's RMS level in 0..1, for a meter. `error` is set (and recording goes on in
    memory) as soon as writing the file fails.
    """

    def __init__(
        self,
        samplerate: int = SAMPLE_RATE,
        device: int | str | None = None,
        rescue_to: list[Path] | None = None,
    ) -> None:
        self.samplerate = samplerate
        self.device = device
        self.rescue_to = rescue_to
        """Folders to save a take that could not be written (None: rescue_dirs(); []: do not rescue)."""
        self.level = 0.0
        self.peak = 0.0
        self._stream = None
        self._queue: queue.Queue[np.ndarray | None] = queue.Queue()
        self._writer: threading.Thread | None = None
        self._path: Path | None = None
        self._frames = 0
        self._on_chunk: ChunkCallback | None = None
        self._file: WavAppender | None = None
        self._durable_frames = 0  # frames in the file as of its last successful sync
        self._unsynced: list[np.ndarray] = []  # PCM written since then: lost with the file if writing fails
        self._memory: list[np.ndarray] | None = None  # after a write error: everything not safely on disk
        self.error: BaseException | None = None
        self.chunk_error: BaseException | None = None
        """An exception from `on_chunk` (it is not called again for this take; the recording goes on)."""
        self.first_audio_delay_s: float | None = None
        """Seconds from start() to the first block of audio (None until it arrives). A sound server may take
        1 to 2 s to deliver anything (FACTS.md): the studio says "recording" only once audio flows."""
        self._started_at = 0.0

    @property
    def recording(self) -> bool:
        return self._stream is not None

    @property
    def elapsed_s(self) -> float:
        return self._frames / self.samplerate

    @property
    def in_memory_s(self) -> float:
        """Seconds of the take held only in memory (non-zero after a write error)."""
        return sum(len(b) for b in self._memory or []) / self.samplerate

    def start(
        self, path: Path, on_chunk: ChunkCallback | None = None, context: dict[str, Any] | None = None
    ) -> None:
        """Start recording into `path`. `context` goes into the in-progress marker (session, question...)
        so an answer cut short by a crash can be put back where it belongs."""
        sd = _sounddevice()
        if self.device is None:
            require_input()
        self._path, self._frames, self.level, self.peak = path, 0, 0.0, 0.0
        self.first_audio_delay_s, self._started_at = None, time.monotonic()
        self.error = self.chunk_error = None
        self._on_chunk = on_chunk
        self._queue = queue.Queue()
        self._durable_frames, self._unsynced, self._memory = 0, [], None
        try:
            stream = sd.InputStream(
                samplerate=self.samplerate,
                channels=1,
                dtype="float32",
                device=self.device,
                callback=self._callback,
                blocksize=self.samplerate // 10,
            )
        except sd.PortAudioError as error:
            raise AudioDeviceError(
                f"The microphone could not be opened ({error}). {NO_INPUT_HELP}"
            ) from error
        self._file = self._open_file(path, context)
        self._writer = threading.Thread(target=self._write_loop, daemon=True, name="recorder-writer")
        self._writer.start()
        try:
            stream.start()
        except sd.PortAudioError as error:
            stream.close()
            self._queue.put(None)
            self._writer.join()
            if self._file is not None:  # nothing was recorded: leave nothing behind to "recover"
                self._file.close(sync=False)
                self._file = None
                path.unlink(missing_ok=True)
                clear_marker(path)
            raise AudioDeviceError(
                f"The microphone could not be started ({error}). {NO_INPUT_HELP}"
            ) from error
        self._stream = stream

    def _open_file(self, path: Path, context: dict[str, Any] | None) -> WavAppender | None:
        """The marker, then the WAV. When the folder cannot be written the take is kept in memory instead:
        the person is already speaking, and losing the answer is worse than saving it somewhere else."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_marker(path, self.samplerate, 1, context)
            return WavAppender(path, self.samplerate)
        except OSError as error:
            with contextlib.suppress(OSError):
                clear_marker(path)
            self._fail(error)
            return None

    def _fail(self, error: BaseException) -> None:
        """Writing failed: from now on the take lives in memory, starting with what was not yet synced."""
        log.warning("writing %s failed (%s): recording goes on in memory", self._path, _describe(error))
        self.error = error
        self._memory = self._unsynced
        self._unsynced = []
        file, self._file = self._file, None
        if file is not None:
            with contextlib.suppress(OSError):
                file.close(sync=False)

    def _callback(self, indata, frames, time_info, status) -> None:  # PortAudio's thread: copy and go
        self._queue.put(indata[:, 0].copy())

    def _write_loop(self) -> None:
        last_sync = time.monotonic()
        while True:
            block = self._queue.get()
            if block is None:
                break
            pcm = to_pcm16(block)
            if self.first_audio_delay_s is None and len(block):
                self.first_audio_delay_s = time.monotonic() - self._started_at
                log.info("the microphone delivered audio %.2f s after the start", self.first_audio_delay_s)
            self._frames += len(block)
            if len(block):
                self.level = float(np.sqrt(np.mean(block.astype(np.float64) ** 2)))
                self.peak = max(self.peak, float(np.max(np.abs(block))))
            if self._on_chunk is not None and self.chunk_error is None:
                try:
                    self._on_chunk(block)
                except Exception as error:  # noqa: BLE001 - a preview bug must not stop the recording
                    self.chunk_error = error
            if self._file is None:
                if self._memory is not None:
                    self._memory.append(pcm)
                continue
            self._unsynced.append(pcm)
            try:
                self._file.write(pcm.tobytes())
                if time.monotonic() - last_sync >= FLUSH_EVERY_S:
                    self._file.sync()
                    self._durable_frames, self._unsynced = self._frames, []
                    last_sync = time.monotonic()
            except OSError as error:  # a full disk must not lose the answer: keep it in memory from here
                self._fail(error)

    def stop(self) -> Recording:
        if self._stream is None or self._path is None:
            raise RuntimeError("stop() called while not recording")
        stream, self._stream = self._stream, None
        try:
            stream.stop()
        finally:
            stream.close()
            self._queue.put(None)
            if self._writer is not None:
                self._writer.join()
        self.level = 0.0
        if self._file is not None:
            try:
                self._file.close()
                self._durable_frames, self._unsynced, self._file = self._frames, [], None
            except OSError as error:
                self._fail(error)
        if self.error is None:
            clear_marker(self._path)
            return Recording(self._path, self._frames / self.samplerate, self.samplerate, self.peak)
        rescued = self._rescue()
        where = (
            f"It was saved to {rescued} instead."
            if rescued
            else "It is kept in memory until the next recording: save it elsewhere."
        )
        raise RecordingWriteError(
            f"Writing the recording to {self._path} failed ({_describe(self.error)}): check the disk has "
            f"space and the folder can be written. The answer ({self.elapsed_s:.1f} s) was not lost. {where}",
            self._path,
            self.elapsed_s,
            rescued,
        )

    def _rescue(self) -> Path | None:
        assert self._path is not None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for folder in self.rescue_to if self.rescue_to is not None else rescue_dirs():
            target = folder / f"rescued-{stamp}-{self._path.name}"
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                saved = self.save_to(target).path
                log.warning("the take was rescued to %s", saved)
                return saved
            except (OSError, ValueError):  # not writable either (ValueError: a name the OS refuses)
                continue
        return None

    def save_to(self, path: Path) -> Recording:
        """Write the last take to `path` (after a write error: what reached the disk plus what is in memory).

        Raises OSError when `path` cannot be written either; the audio stays in memory for another try."""
        if self.recording:
            raise RuntimeError("save_to() is for a finished take: stop() first")
        if self._path is None:
            raise RuntimeError("nothing has been recorded")
        on_disk = b""
        if self._durable_frames:
            with contextlib.suppress(OSError), open(self._path, "rb") as handle:
                handle.seek(PCM_HEADER_BYTES)
                on_disk = handle.read(self._durable_frames * 2)
        in_memory = [b.tobytes() for b in self._memory or []] if self.error else []
        out = WavAppender(path, self.samplerate)
        try:
            out.write(on_disk)
            for chunk in in_memory:
                out.write(chunk)
            out.close()
        except BaseException:
            with contextlib.suppress(OSError):
                out.close(sync=False)
            path.unlink(missing_ok=True)
            raise
        if self.error is not None:
            with contextlib.suppress(OSError):  # the whole take is safe elsewhere: nothing left to recover
                clear_marker(self._path)
        return Recording(path, out.data_bytes / 2 / self.samplerate, self.samplerate, self.peak)


def to_pcm16(block: np.ndarray) -> np.ndarray:
    """Float samples in -1..1 to 16-bit integers, clipped (a loud peak must not wrap around to a click)."""
    return (np.clip(block, -1.0, 1.0) * 32767.0).astype("<i2")
