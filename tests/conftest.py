"""Shared fixtures: isolated data folders, espeak-ng speech, the real model, the sound card, no network."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, config and recordings folders: never the developer's real ones."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("INTERVIEW_PRACTICE_HOME", str(home))
    monkeypatch.delenv("INTERVIEW_PRACTICE_MODEL", raising=False)
    return home


@pytest.fixture
def speak(tmp_path: Path):
    """speak(text, voice="en-us", wpm=150) -> Path of a WAV spoken by espeak-ng (words known exactly)."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is missing: run `make test`, which installs it")

    def _speak(text: str, voice: str = "en-us", wpm: int = 150, name: str = "speech.wav") -> Path:
        out = tmp_path / name
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(out), text], check=True)
        return out

    return _speak


@pytest.fixture(scope="session")
def transcriber():
    """The real embedded Whisper model, loaded once for the whole run."""
    from practice.stt.whisper import Transcriber

    model = Transcriber()
    model.load()
    return model


@pytest.fixture
def soundcard() -> None:
    """Require the virtual sound card (scripts/with-soundcard.sh). `make test` starts it and sets
    INTERVIEW_PRACTICE_REQUIRE_SOUNDCARD, and then a missing card is a failure, not a skip."""
    if os.environ.get("INTERVIEW_PRACTICE_SOUNDCARD") == "virtual":
        return
    message = "no virtual sound card: run the tests with `make test` (it starts one)"
    if os.environ.get("INTERVIEW_PRACTICE_REQUIRE_SOUNDCARD"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Forbid network connections in this process: any attempt raises, and is listed in the returned list.

    Local sockets (AF_UNIX: the sound server, asyncio's self-pipe) stay allowed: they are not the network."""
    import socket

    attempts: list[str] = []

    def refuse(what: str):
        def blocked(*args, **kwargs):
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"network access is forbidden in this test ({what})")

        return blocked

    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self, address):
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        return refuse("socket.connect")(self, address)

    def connect_ex(self, address):
        if self.family == socket.AF_UNIX:
            return real_connect_ex(self, address)
        return refuse("socket.connect_ex")(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def run_cli(*args: str, stdin: str | None = None, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """`interview-practice ARGS` in a fresh interpreter, as a person would run it (output captured)."""
    return subprocess.run(
        [sys.executable, "-m", "practice.cli", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=timeout,
    )


def word_error_rate(reference: str, hypothesis: str) -> float:
    from practice.stt.measure import word_error_rate as wer

    return wer(reference, hypothesis)
