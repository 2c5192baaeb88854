"""No microphone: the app still starts, says so plainly, and offers typing (and importing) instead.

These go through the real device discovery and Recorder of practice.audio, with PortAudio made to report no
devices the way it does on a machine without a sound card (the suite may run on the virtual card).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea
from tui_fakes import make_app, wait_for

from practice.audio.devices import NO_INPUT_HELP
from practice.audio.recorder import Recorder
from practice.core.session import State
from practice.services import has_input_device
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen


@pytest.fixture
def no_sound_card(monkeypatch: pytest.MonkeyPatch) -> None:
    import sounddevice

    def query_devices(device=None, kind=None):
        if kind is not None or device is not None:
            raise sounddevice.PortAudioError("Error querying device -1")
        return sounddevice.DeviceList([])

    monkeypatch.setattr(sounddevice, "query_devices", query_devices)


async def test_app_starts_and_offers_typing_when_there_is_no_input_device(
    no_sound_card, tmp_path: Path
) -> None:
    assert has_input_device() is False
    app = make_app(tmp_path, recorder=Recorder(), input_available=has_input_device)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
        practice: PracticeScreen = app.screen  # type: ignore[assignment]
        assert str(practice.query_one("#no-mic").render()) == NO_INPUT_HELP
        assert practice.focused is practice.query_one("#typed", TextArea)
        assert "No microphone: type your answer below" in str(practice.query_one("#hint").render())
        footer = {b.binding.action for b in practice.active_bindings.values() if b.enabled}
        assert "record" not in footer and {"submit_typed", "close_panel"} <= footer
        await pilot.press("escape")  # leaves the text box (it stays: it is the way to answer), so keys work
        assert practice.query_one("#typed-panel").display and practice.focused is None
        footer = {b.binding.action for b in practice.active_bindings.values() if b.enabled}
        assert {"import_audio", "type_answer", "skip"} <= footer and "record" not in footer
        await pilot.press("t")

        await pilot.press(*"I love building reliable services.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert app.screen.attempt.source == "typed" and app.screen.attempt.recording_path is None
        assert not app.screen.check_action("play", ())


async def test_a_microphone_that_disappears_switches_to_typing(no_sound_card, tmp_path: Path) -> None:
    app = make_app(tmp_path, recorder=Recorder(), input_available=lambda: True)  # it was there at the start
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
        practice: PracticeScreen = app.screen  # type: ignore[assignment]
        await wait_for(pilot, lambda: practice.session.state is State.IDLE)
        await pilot.press("space")
        await pilot.pause()
        assert practice.session.state is State.IDLE
        assert practice.query_one("#no-mic").display and practice.query_one("#typed-panel").display
        assert any("No microphone" in n.message for n in app._notifications)


def test_run_app_wiring_builds_real_services_without_loading_anything(isolated_home: Path) -> None:
    """`interview-practice` builds these; nothing slow may happen before the UI is up."""
    from practice.audio.player import Player
    from practice.audio.voice import Speaker
    from practice.services import build_services
    from practice.storage.history import Store
    from practice.stt.whisper import Transcriber

    services = build_services(model=None, bank_paths=[], job_text="Backend engineer")
    try:
        assert isinstance(services.recorder, Recorder) and isinstance(services.player, Player)
        assert isinstance(services.speaker, Speaker) and services.speaker.player is not services.player
        assert isinstance(services.transcriber, Transcriber) and not services.transcriber.loaded
        assert isinstance(services.store, Store) and services.store.path == isolated_home / "history.sqlite3"
        assert services.catalog.find("general-behavioral") is not None
        assert services.job_text == "Backend engineer"
    finally:
        services.store.close()


def test_run_app_reports_a_bad_job_file_and_exits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from practice.tui.app import run_app

    assert run_app(job_path=tmp_path / "missing.txt") == 1
    assert "no such file (the job description)" in capsys.readouterr().err


@pytest.mark.slow
async def test_real_services_on_a_machine_without_a_sound_card(no_sound_card, tmp_path: Path) -> None:
    """The real model, voice, scorer and database with no sound devices at all: the app starts, the model
    loads in the background, the question cannot be spoken (said once, not a crash), and a typed answer is
    scored by the real feedback library."""
    from practice.services import build_services
    from practice.tui.app import PracticeApp

    services = build_services(
        job_text=(Path(__file__).parent.parent / "data" / "backend-job.txt").read_text()
    )
    services.save_settings = False
    app = PracticeApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen))
        practice: PracticeScreen = app.screen  # type: ignore[assignment]
        await wait_for(pilot, lambda: practice.session.state is State.IDLE, timeout=30, what="speech gave up")
        assert any("could not be read aloud" in n.message for n in app._notifications)
        await pilot.press(*"Last year I tuned our PostgreSQL queries and cut page load time by 40 percent.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen), timeout=30)
        attempt = app.screen.attempt
        assert attempt.error is None and attempt.score("examples") is not None
        assert attempt.score("alignment") is not None  # the job description was used
        await wait_for(pilot, lambda: app.model_state == "ready", timeout=60, what="model loaded")
    services.store.close()
