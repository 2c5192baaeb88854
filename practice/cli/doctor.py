"""`interview-practice doctor`: one line per thing the studio needs, with the fix where it fails."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from practice.audio import devices as audio
from practice.storage.catalog import load_catalog
from practice.storage.paths import data_dir, recordings_dir
from practice.storage.settings import load_settings
from practice.stt.types import TranscriptionError


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def _devices() -> Iterator[Check]:
    try:
        inp, out = audio.default_input(), audio.default_output()
    except audio.AudioDeviceError as error:
        yield Check("sound devices", False, str(error), "sudo apt-get install libportaudio2")
        return
    if inp:
        yield Check("input device", True, f"{inp.name} ({inp.inputs} channel(s))")
    else:
        yield Check(
            "input device",
            False,
            "no microphone found",
            "connect or enable a microphone; without one you can still type answers or import recordings",
        )
    if out:
        yield Check("output device", True, out.name)
    else:
        yield Check(
            "output device",
            False,
            "no speaker found",
            "connect speakers or headphones; questions are still shown on screen",
        )


def _voice(voice: str, rate: int) -> Iterator[Check]:
    from practice.audio.voice import Speaker, SpeechError  # start-up: each check loads only what it checks

    with tempfile.TemporaryDirectory() as folder:
        try:
            path = Speaker(Path(folder), voice=voice, rate=rate).synthesize("Hello")
        except SpeechError as error:
            yield Check("interviewer voice", False, str(error), "sudo apt-get install espeak-ng")
            return
        yield Check(
            "interviewer voice", True, f"{voice} at {rate} words a minute ({path.stat().st_size} bytes)"
        )


def _model(model: str | None) -> Iterator[Check]:
    from practice.stt.whisper import Transcriber  # start-up: each check loads only what it checks

    transcriber = Transcriber(model)
    try:
        transcriber.load()
    except TranscriptionError as error:
        yield Check("speech model", False, str(error), "run `make run` again, or leave --model out")
        return
    yield Check("speech model", True, f"{transcriber.description} loaded in {transcriber.load_seconds:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        clip = Path(folder) / "clip.wav"
        made = subprocess.run(
            ["espeak-ng", "-v", "en-us", "-w", str(clip), "testing one two three"],
            capture_output=True,
            check=False,
        )
        if made.returncode != 0:
            yield Check(
                "transcription",
                False,
                "espeak-ng could not make a test clip",
                "sudo apt-get install espeak-ng",
            )
            return
        try:
            heard = transcriber.transcribe(clip).text
        except TranscriptionError as error:
            yield Check("transcription", False, str(error))
            return
    ok = "testing" in heard.lower()
    yield Check(
        "transcription",
        ok,
        f"a generated clip came back as {heard!r}",
        "" if ok else "the model loaded but transcribed badly; try another --model",
    )


def _data_dir() -> Iterator[Check]:
    for name, folder in (("data folder", data_dir()), ("recordings folder", recordings_dir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder):
                pass
        except OSError as error:
            yield Check(
                name,
                False,
                f"{folder} is not writable ({error.strerror or error})",
                "make it writable, or set INTERVIEW_PRACTICE_HOME to another folder",
            )
            continue
        yield Check(name, True, str(folder))


def _banks() -> Iterator[Check]:
    catalog = load_catalog()
    count = sum(len(bank.questions) for bank in catalog.banks)
    yield Check(
        "question banks",
        bool(catalog.banks),
        f"{len(catalog.banks)} banks, {count} questions",
        "reinstall the package: the built-in banks are missing" if not catalog.banks else "",
    )
    for error in catalog.errors:
        yield Check(
            "question bank", False, str(error), "fix the file, or check it with `banks validate FILE`"
        )


def run_checks(model: str | None = None) -> Iterator[Check]:
    settings = load_settings()
    steps: list[Callable[[], Iterator[Check]]] = [
        _devices,
        lambda: _voice(settings.voice, settings.rate),
        lambda: _model(
            model if model is not None else settings.model or os.environ.get("INTERVIEW_PRACTICE_MODEL")
        ),
        _data_dir,
        _banks,
    ]
    for step in steps:
        try:
            yield from step()
        except Exception as error:  # doctor must report, never crash
            yield Check(step.__name__.strip("_") or "check", False, f"unexpected error: {error}")
