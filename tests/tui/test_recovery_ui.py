"""At start the studio finds answers cut short by a crash and offers to recover, keep or delete them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from textual.widgets import Static
from tui_fakes import make_app, wait_for

from practice.audio.markers import marker_path, write_marker
from practice.audio.wavfile import pcm16_header
from practice.storage.paths import recordings_dir
from practice.tui.screens.modals import ConfirmScreen
from practice.tui.screens.recovery import RecoveryScreen
from practice.tui.screens.setup import SetupScreen

SESSION = "20260126-094512-3fa2c1"


def crashed_recording(question_id: str = "why-role") -> Path:
    """A recording as a killed studio leaves it: audio on disk, header sizes never written, marker left."""
    path = recordings_dir() / f"{SESSION}-{question_id}-1.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    audio = (np.sin(np.arange(16000 * 4) / 9) * 8000).astype("<i2").tobytes()
    path.write_bytes(pcm16_header(16000, 1, 0) + audio)
    write_marker(path, 16000)
    marker = marker_path(path)
    info = json.loads(marker.read_text())
    info["pid"] = int(
        subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True).stdout
    )  # a process that has exited
    marker.write_text(json.dumps(info))
    return path


async def open_dialog(pilot, app) -> RecoveryScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, RecoveryScreen), what="recovery dialog")
    return app.screen  # type: ignore[return-value]


async def test_recover_puts_the_answer_in_the_history(tmp_path: Path) -> None:
    path = crashed_recording()
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, app)
        listed = str(dialog.query_one("#unfinished-list", Static).render())
        assert "4 s" in listed and "question why-role" in listed and path.name in listed
        assert dialog.focused is dialog.query_one("#recover")
        await pilot.press("r")
        store = app.services.store
        await wait_for(pilot, lambda: bool(store.attempts(SESSION)), what="recovered attempt")
        assert isinstance(app.screen, SetupScreen)
        (attempt,) = store.attempts(SESSION)
        assert attempt.question_text == "Why do you want this role?" and attempt.duration_s == pytest.approx(
            4.0
        )
        assert attempt.feedback and attempt.error is None and attempt.recording_path == path
        await wait_for(pilot, lambda: any("Recovered" in (n.title or "") for n in app._notifications))
    assert not marker_path(path).exists()
    assert app.services.transcriber.calls == 1


async def test_later_keeps_and_delete_removes(tmp_path: Path) -> None:
    path = crashed_recording()
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot, app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
    assert path.exists() and marker_path(path).exists()
    assert app.services.store.attempts(SESSION) == []

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot, app)  # offered again at the next start
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: not path.exists(), what="deleted")
    assert not marker_path(path).exists()


async def test_no_dialog_without_unfinished_recordings(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.pause(0.3)
        assert isinstance(app.screen, SetupScreen)
