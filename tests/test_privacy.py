"""Privacy: a whole practice session runs with the network forbidden, and what it writes is private.

The session is the real one: the app reads the question aloud through the virtual sound card, records the
spoken answer from it, loads the embedded model and transcribes, scores with the real scorer and saves.
"""

from __future__ import annotations

import stat
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

QUESTION = "Tell me about a time you made a slow report faster."
ANSWER = (
    "Last year I owned our monthly sales report, which took an hour to load. I profiled the queries, added "
    "two indexes and cached the totals. As a result it loads in four seconds."
)
BANK = f"""name = "Privacy"
description = "One question."
[[questions]]
id = "slow-report"
text = "{QUESTION}"
category = "behavioral"
"""


@pytest.mark.slow
@pytest.mark.soundcard
async def test_a_full_session_never_touches_the_network(
    soundcard, no_network: list[str], speak, tmp_path: Path
) -> None:
    from tui.tui_fakes import wait_for

    from practice.audio.player import Player
    from practice.audio.recorder import Recorder
    from practice.audio.voice import Speaker
    from practice.core.session import State
    from practice.services import Services
    from practice.storage.catalog import load_catalog
    from practice.storage.history import Store
    from practice.storage.settings import Settings
    from practice.stt.whisper import Transcriber
    from practice.tui.app import PracticeApp
    from practice.tui.screens.practice import PracticeScreen
    from practice.tui.screens.review import ReviewScreen
    from practice.tui.screens.setup import SetupScreen

    bank = tmp_path / "privacy.toml"
    bank.write_text(BANK)
    answer = speak(ANSWER, wpm=150, name="answer.wav")
    services = Services(
        recorder=Recorder(),
        player=Player(),
        speaker=Speaker(tmp_path / "speech", voice="en-us", rate=165, player=Player()),
        transcriber=Transcriber(),  # loaded here, under the ban, as on a fresh start
        store=Store(),
        catalog=load_catalog([bank], user_dir=tmp_path / "none"),
        settings=replace(Settings(), last_bank="privacy", question_count=1),
        job_text="Data engineer\nRequirements:\n- SQL performance tuning\n- Python\n",
        save_settings=False,
    )
    app = PracticeApp(services)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen) and app.model_state == "ready", 60)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), what="practice")
        practice = app.screen
        await wait_for(pilot, lambda: practice.session.state is State.IDLE, timeout=40, what="question read")
        await pilot.press("space")
        await wait_for(pilot, lambda: practice.session.state is State.RECORDING, what="recording")
        await pilot.pause(2.0)  # a moment to think (and for the virtual card's capture to get going)
        subprocess.run(["paplay", str(answer)], check=True, timeout=60)
        await pilot.pause(0.8)
        await pilot.press("space")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen), timeout=90, what="review")
        attempt = app.screen.attempt

    assert no_network == []  # nothing even tried
    assert attempt.error is None and attempt.feedback and attempt.score("examples") is not None
    assert "indexes" in (attempt.transcript or "").lower()
    (saved,) = services.store.attempts(attempt.session_id)
    assert saved.feedback == attempt.feedback
    assert saved.recording_path and saved.recording_path.is_file()
    for private in (saved.recording_path, services.store.path):
        assert stat.S_IMODE(private.stat().st_mode) == 0o600, private
    assert stat.S_IMODE(saved.recording_path.parent.stat().st_mode) == 0o700


def test_the_ban_is_real(no_network: list[str]) -> None:
    """The guard itself: a connection attempt fails and is recorded (so an empty list means none was made)."""
    import socket
    import urllib.request

    with pytest.raises(OSError, match="network access is forbidden"):
        urllib.request.urlopen("http://example.com", timeout=1)
    with pytest.raises(OSError, match="network access is forbidden"):
        socket.create_connection(("127.0.0.1", 9))
    assert len(no_network) == 2
