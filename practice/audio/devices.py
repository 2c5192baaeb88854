"""Sound devices: find the input and output, and load PortAudio quietly.

sounddevice is imported lazily (`_sounddevice()`): it fails at import when the PortAudio library is missing,
and the studio must still start and say so. ALSA and JACK are silenced first, so they cannot scribble over
the Textual screen.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
from dataclasses import dataclass
from typing import Any

from practice.core.errors import PracticeError


class AudioDeviceError(PracticeError, RuntimeError):
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
        import sounddevice  # lazy: no PortAudio must not stop the studio from starting
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
