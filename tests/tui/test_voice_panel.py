"""The review's voice panel, with a fake voice meter (fast; the real tracker is tested in test_voice_speech.py):
the review opens at once, says it is measuring, fills the figures in from a worker, keeps them in the history
and compares them with the person's earlier answers. Without figures or a meter there is no panel at all."""

from __future__ import annotations

import threading
from pathlib import Path

from test_app import answer_by_voice, start_practice, text_of
from textual.widgets import Static
from tui_fakes import fake_score, make_app, wait_for

from feedback.voice_model import VoicePause, VoiceProfile, VoiceTrack
from practice.answers.voice import VoiceMeasureError
from practice.core.records import AttemptRecord, SessionRecord
from practice.tui.screens.modals import ErrorScreen
from practice.tui.widgets.voice import VoicePanel

SIZE = (80, 60)  # tall enough that the panel is laid out on screen with everything above it


def profile(sd: float, notes: tuple[str, ...] = ()) -> VoiceProfile:
    return VoiceProfile(
        30.0, 0.5, 29.5, 15.0, 118.0, sd * 3.3, sd, 5.2, 18.0, [150.0, 148.0, 152.0, 190.0],
        [VoicePause(10.0, 12.4, 0.33)], track=VoiceTrack(0.5, [0.0, sd, -sd, None] * 15, [0.0, -2.0] * 30),
        notes=list(notes),
    )  # fmt: skip


def seed_earlier_answers(app, sds: tuple[float, ...]) -> None:
    """Answers from an earlier session, measured then, for the comparison."""
    store, clock = app.services.store, app.services.clock
    session = SessionRecord("earlier", clock(), "test-bank", "Test bank")
    store.ensure_session(session)
    for n, sd in enumerate(sds):
        feedback = fake_score("Q?", "An answer.", None, None, 30.0)
        feedback["delivery"]["voice"] = profile(sd).to_dict()
        store.save_attempt(AttemptRecord("earlier", f"q{n}", "Q?", 1, clock(), feedback=feedback))


async def test_the_review_measures_the_voice_in_a_worker_and_compares_it(tmp_path: Path) -> None:
    release, measured = threading.Event(), []
    note = "Your pitch varied little (0.6 semitones, standard deviation)."

    def meter(path: Path, words) -> VoiceProfile:
        measured.append((path, [w.text for w in words or []]))
        release.wait(10)
        return profile(0.6, (note,))

    app = make_app(tmp_path, voice_meter=meter)
    seed_earlier_answers(app, (2.0, 2.4, 2.2))
    async with app.run_test(size=SIZE) as pilot:
        await start_practice(pilot, app)
        await answer_by_voice(pilot, app)
        review = app.screen
        panel = review.query_one("#voice", VoicePanel)
        assert "measuring the recording" in str(panel.render())  # the review did not wait for it
        assert "A full story" in text_of(app, ".score-row")
        release.set()
        await wait_for(pilot, lambda: "Against your own" in str(panel.render()), what="voice figures")
        shown = str(panel.render())
        assert "Pitch     " in shown and "Words/min" in shown and "2.4s" in shown  # the plot rows
        assert note in shown and "Long pauses: 1 (at 0:10)" in shown
        assert "Pitch variation 0.6 semitones: lower than in all 3 earlier answers (median 2.2)." in shown
    (path, words), = measured  # fmt: skip
    assert path == review.attempt.recording_path and words[:2] == ["Last", "year"]
    stored = app.services.store.attempt(review.attempt.id)
    assert stored is not None and stored.result is not None
    assert stored.result.delivery.voice == profile(0.6, (note,))


async def test_a_failed_measurement_is_said_in_the_panel_not_in_a_dialog(tmp_path: Path) -> None:
    def meter(path: Path, words) -> VoiceProfile:
        raise VoiceMeasureError("How the voice sounded was not measured: the file is damaged.")

    app = make_app(tmp_path, voice_meter=meter)
    async with app.run_test(size=SIZE) as pilot:
        await start_practice(pilot, app)
        await answer_by_voice(pilot, app)
        panel = app.screen.query_one("#voice", VoicePanel)
        await wait_for(pilot, lambda: "damaged" in str(panel.render()), what="the reason")
        assert not isinstance(app.screen, ErrorScreen)


async def test_no_panel_without_figures_or_a_meter(tmp_path: Path) -> None:
    app = make_app(tmp_path)  # the fast fakes record a tone and have no meter
    async with app.run_test(size=SIZE) as pilot:
        await start_practice(pilot, app)
        await answer_by_voice(pilot, app)
        assert not app.screen.query(VoicePanel)
        assert "How the voice sounded" not in " ".join(str(s.render()) for s in app.screen.query(Static))
