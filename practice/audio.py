"""Sound devices: find them, record from the input, play to the output.

The Recorder writes every block to the WAV file as it arrives (flushed at least once a second), so a crash
loses at most the last second of an answer. Audio callbacks only copy data into a queue: PortAudio calls
them on a real-time thread where file I/O or Python-heavy work would cause dropouts.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

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
    "No speaker (output device) was found, so questions cannot be read aloud. Connect headphones or speakers; "
    "the questions are still shown on screen."
)


def _sounddevice():
    """Import sounddevice lazily: it fails at import when the PortAudio library is missing."""
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
    return Device(index, info["name"], info["max_input_channels"], info["max_output_channels"],
                  info["default_samplerate"])


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


ChunkCallback = Callable[[np.ndarray], None]


class Recorder:
    """Records mono audio from the default input into a WAV file, block by block.

    `on_chunk` receives each float32 block (at `samplerate`) on the writer thread, for live transcription.
    `level` is the latest block's RMS level in 0..1, for a meter.
    """

    def __init__(self, samplerate: int = SAMPLE_RATE, device: int | str | None = None) -> None:
        self.samplerate = samplerate
        self.device = device
        self.level = 0.0
        self.peak = 0.0
        self._stream = None
        self._queue: queue.Queue[np.ndarray | None] = queue.Queue()
        self._writer: threading.Thread | None = None
        self._path: Path | None = None
        self._frames = 0
        self._on_chunk: ChunkCallback | None = None
        self.error: BaseException | None = None

    @property
    def recording(self) -> bool:
        return self._stream is not None

    @property
    def elapsed_s(self) -> float:
        return self._frames / self.samplerate

    def start(self, path: Path, on_chunk: ChunkCallback | None = None) -> None:
        import soundfile

        sd = _sounddevice()
        if self.device is None:
            require_input()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path, self._frames, self.level, self.peak, self.error = path, 0, 0.0, 0.0, None
        self._on_chunk = on_chunk
        self._queue = queue.Queue()
        try:
            stream = sd.InputStream(samplerate=self.samplerate, channels=1, dtype="float32",
                                    device=self.device, callback=self._callback, blocksize=self.samplerate // 10)
        except sd.PortAudioError as error:
            raise AudioDeviceError(f"The microphone could not be opened ({error}). {NO_INPUT_HELP}") from error
        sound_file = soundfile.SoundFile(path, "w", samplerate=self.samplerate, channels=1, subtype="PCM_16")
        self._writer = threading.Thread(target=self._write_loop, args=(sound_file,), daemon=True,
                                        name="recorder-writer")
        self._writer.start()
        self._stream = stream
        stream.start()

    def _callback(self, indata, frames, time_info, status) -> None:  # PortAudio's thread: copy and go
        self._queue.put(indata[:, 0].copy())

    def _write_loop(self, sound_file) -> None:
        last_flush = time.monotonic()
        try:
            while True:
                block = self._queue.get()
                if block is None:
                    break
                sound_file.write(block)
                self._frames += len(block)
                if len(block):
                    self.level = float(np.sqrt(np.mean(block.astype(np.float64) ** 2)))
                    self.peak = max(self.peak, float(np.max(np.abs(block))))
                if self._on_chunk is not None:
                    self._on_chunk(block)
                if time.monotonic() - last_flush >= FLUSH_EVERY_S:
                    sound_file.flush()  # libsndfile rewrites the header here, so the file is valid on disk
                    last_flush = time.monotonic()
        except BaseException as error:  # a full disk must not kill the app; stop() reports it
            self.error = error
        finally:
            try:
                sound_file.close()
            except Exception as error:  # noqa: BLE001 - reported through self.error
                self.error = self.error or error

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
        if self.error is not None:
            raise OSError(f"Saving the recording to {self._path} failed: {self.error}") from self.error
        return Recording(self._path, self._frames / self.samplerate, self.samplerate, self.peak)


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
                stream = sd.OutputStream(samplerate=samplerate, channels=data.shape[1], dtype="float32",
                                         device=self.device, callback=callback,
                                         finished_callback=self._done.set)
            except sd.PortAudioError as error:
                self._done.set()
                raise AudioDeviceError(f"The speaker could not be opened ({error}). {NO_OUTPUT_HELP}") from error
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
