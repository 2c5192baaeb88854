"""Playback through the default output, interruptible at once."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from practice.audio.devices import NO_OUTPUT_HELP, AudioDeviceError, _sounddevice, require_output


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
        import soundfile  # lazy: only playback of a file needs libsndfile

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
