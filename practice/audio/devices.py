"""Sound devices: find them, record from the input, play to the output.

The Recorder writes every block to the WAV file as it arrives and patches the header and fsyncs it once a
second, so a crash loses at most the last second of an answer. A marker next to the file
(practice.recovery) says the recording is in progress until a clean stop, so the next start can find and
repair one that was cut short. Audio callbacks only copy data into a queue: PortAudio calls them on a
real-time thread where file I/O or Python-heavy work would cause dropouts.

When the disk fills up or the folder cannot be written, the Recorder keeps recording into memory, `error`
says what happened, `stop()` raises RecordingWriteError (after saving the take to a rescue folder when it
can), and `save_to(path)` writes the whole take anywhere else.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import queue
import struct
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from practice import recovery

#: Whisper works on 16 kHz mono; recording at that rate avoids a resampling step.
SAMPLE_RATE = 16_000
#: How often the file header and data are pushed to disk while recording.
FLUSH_EVERY_S = 1.0


class AudioDeviceError(RuntimeError):
    """A sound device is missing or refused to open; the message says what to do."""


class NoInputDeviceError(AudioDeviceError):
    pass


class NoOutputDeviceError(AudioDeviceError):
    pass


NO_INPUT_HELP = (
    "No microphone (input device) was found. Plug in or enable a microphone and check that the system "
    "sees it (`arecord -l` or your sound settings), or type your answer instead, or import a WAV/FLAC file."
)
NO_OUTPUT_HELP = (
    "No speaker (output device) was found, so questions cannot be read aloud. Connect headphones or "
    "speakers; the questions are still shown on screen."
)


#: Keeps the C callbacks alive: the libraries call them for as long as the process runs.
_QUIET_HANDLERS: list[Any] = []


def quiet_native_audio_logs() -> None:
    """Stop ALSA and JACK from printing to the terminal (fd 2) behind the app's back.

    libasound prints lines such as "ALSA lib pcm.c:8545:(snd_pcm_recover) underrun occurred" straight to
    stderr, which scribbles over the Textual screen; PortAudio's JACK backend does the same. Each library
    takes a handler; ours drops the text. Must run before PortAudio initialises (sounddevice's import).
    Never fails: a missing library just means there is nothing to silence. INTERVIEW_PRACTICE_AUDIO_DEBUG=1
    keeps the messages, for diagnosing a sound setup.
    """
    if _QUIET_HANDLERS or os.environ.get("INTERVIEW_PRACTICE_AUDIO_DEBUG"):
        return
    # void handler(const char *file, int line, const char *function, int err, const char *fmt, ...)
    alsa_handler = ctypes.CFUNCTYPE(
        None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
    )(lambda *_args: None)
    jack_handler = ctypes.CFUNCTYPE(None, ctypes.c_char_p)(lambda _message: None)
    _QUIET_HANDLERS.extend((alsa_handler, jack_handler))
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libasound.so.2").snd_lib_error_set_handler(alsa_handler)
    with contextlib.suppress(OSError, AttributeError):
        jack = ctypes.CDLL("libjack.so.0")
        jack.jack_set_error_function(jack_handler)
        jack.jack_set_info_function(jack_handler)


def _sounddevice():
    """Import sounddevice lazily: it fails at import when the PortAudio library is missing."""
    quiet_native_audio_logs()
    try:
        import sounddevice
    except OSError as error:  # the Python module is there, the C library is not
        raise AudioDeviceError(
            f"The PortAudio library is missing ({error}). Install it: sudo apt-get install libportaudio2"
        ) from error
    return sounddevice


@dataclass(frozen=True)
class Device:
    index: int
    name: str
    inputs: int
    outputs: int
    default_samplerate: float


def list_devices() -> list[Device]:
    sd = _sounddevice()
    try:
        raw = sd.query_devices()
    except sd.PortAudioError:
        return []
    return [
        Device(i, d["name"], d["max_input_channels"], d["max_output_channels"], d["default_samplerate"])
        for i, d in enumerate(raw)
    ]


def _default_device(kind: str) -> Device | None:
    sd = _sounddevice()
    try:
        info = sd.query_devices(kind=kind)
    except (sd.PortAudioError, ValueError):
        return None
    index = int(info.get("index", -1))
    channels = info["max_input_channels" if kind == "input" else "max_output_channels"]
    if channels < 1:
        return None
    return Device(
        index,
        info["name"],
        info["max_input_channels"],
        info["max_output_channels"],
        info["default_samplerate"],
    )


def default_input() -> Device | None:
    return _default_device("input")


def default_output() -> Device | None:
    return _default_device("output")


def require_input() -> Device:
    device = default_input()
    if device is None:
        raise NoInputDeviceError(NO_INPUT_HELP)
    return device


def require_output() -> Device:
    device = default_output()
    if device is None:
        raise NoOutputDeviceError(NO_OUTPUT_HELP)
    return device


@dataclass(frozen=True)
class Recording:
    path: Path
    duration_s: float
    samplerate: int
    peak: float
    """Highest absolute sample (0..1): near zero means the microphone heard nothing."""


class RecordingWriteError(OSError):
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


class WavAppender:
    """A 16-bit PCM WAV written block by block with plain file writes (no buffering in between).

    `sync()` patches the header's sizes and fsyncs, so the file on disk is a valid WAV of everything synced.
    Between syncs the header lags; practice.recovery repairs that after a crash. Created 0600: answers are
    personal."""

    def __init__(self, path: Path, samplerate: int, channels: int = 1) -> None:
        self.path = path
        self.samplerate = samplerate
        self.channels = channels
        self.data_bytes = 0
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        try:
            os.fchmod(self._fd, 0o600)  # an existing file (a retried take) keeps its old mode otherwise
            self._write(recovery.pcm16_header(samplerate, channels, 0))
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


def to_pcm16(block: np.ndarray) -> np.ndarray:
    """Float samples in -1..1 to 16-bit integers, clipped (a loud peak must not wrap around to a click)."""
    return (np.clip(block, -1.0, 1.0) * 32767.0).astype("<i2")


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
                recovery.clear_marker(path)
            raise AudioDeviceError(
                f"The microphone could not be started ({error}). {NO_INPUT_HELP}"
            ) from error
        self._stream = stream

    def _open_file(self, path: Path, context: dict[str, Any] | None) -> WavAppender | None:
        """The marker, then the WAV. When the folder cannot be written the take is kept in memory instead:
        the person is already speaking, and losing the answer is worse than saving it somewhere else."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            recovery.write_marker(path, self.samplerate, 1, context)
            return WavAppender(path, self.samplerate)
        except OSError as error:
            with contextlib.suppress(OSError):
                recovery.clear_marker(path)
            self._fail(error)
            return None

    def _fail(self, error: BaseException) -> None:
        """Writing failed: from now on the take lives in memory, starting with what was not yet synced."""
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
            recovery.clear_marker(self._path)
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
                return self.save_to(target).path
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
                handle.seek(recovery.PCM_HEADER_BYTES)
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
                recovery.clear_marker(self._path)
        return Recording(path, out.data_bytes / 2 / self.samplerate, self.samplerate, self.peak)


class Player:
    """Plays a WAV file or an array through the default output; `stop()` interrupts at once."""

    def __init__(self, device: int | str | None = None) -> None:
        self.device = device
        self._stream = None
        self._done = threading.Event()
        self._done.set()
        self._lock = threading.Lock()

    @property
    def playing(self) -> bool:
        return not self._done.is_set()

    def play_file(self, path: Path, wait: bool = False) -> None:
        import soundfile

        data, samplerate = soundfile.read(path, dtype="float32", always_2d=True)
        self.play(data, samplerate, wait=wait)

    def play(self, data: np.ndarray, samplerate: int, wait: bool = False) -> None:
        sd = _sounddevice()
        if self.device is None:
            require_output()
        self.stop()
        if data.ndim == 1:
            data = data[:, None]
        position = 0

        def callback(outdata, frames, time_info, status) -> None:
            nonlocal position
            chunk = data[position : position + frames]
            outdata[: len(chunk)] = chunk
            outdata[len(chunk) :] = 0
            position += frames
            if position >= len(data):
                raise sd.CallbackStop

        with self._lock:
            self._done.clear()
            try:
                stream = sd.OutputStream(
                    samplerate=samplerate,
                    channels=data.shape[1],
                    dtype="float32",
                    device=self.device,
                    callback=callback,
                    finished_callback=self._done.set,
                )
            except sd.PortAudioError as error:
                self._done.set()
                raise AudioDeviceError(
                    f"The speaker could not be opened ({error}). {NO_OUTPUT_HELP}"
                ) from error
            self._stream = stream
            stream.start()
        if wait:
            self.wait()

    def wait(self, timeout: float | None = None) -> bool:
        finished = self._done.wait(timeout)
        if finished:
            self._close()
        return finished

    def stop(self) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            stream.abort()
            stream.close()
        self._done.set()

    def _close(self) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            stream.close()
