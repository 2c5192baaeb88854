"""End to end through the real virtual sound card, the real voice and the real Whisper model.

The test listens to the sink while the app reads the question (and checks, by transcribing that capture, that
the question was heard), then plays a known spoken answer into the sink while the app records, and checks the
review screen, the WAV on disk and the database rows. Run it with:

    scripts/with-soundcard.sh .venv/bin/python -m pytest tests/tui -k e2e

The last test practices over two days: the app's clock (Services.clock, which dates sessions, answers and
the plan) is moved a day on between two runs of the studio on the same history.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import soundfile
from tui_fakes import StepClock, wait_for

from practice.core.session import State
from practice.storage.settings import Settings
from practice.tui.app import PracticeApp
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.widgets.today import TodayPractice

DATA = Path(__file__).parent.parent / "data"
QUESTION = "Tell me about a time you made a slow database faster."
ANSWER = (
    "Last spring I led the migration of our billing service to a new database. "
    "I wrote the migration plan, tested it on a copy of production, and moved the data over one weekend. "
    "As a result, invoices were generated forty percent faster."
)
BANK = f"""name = "End to end"
description = "One question, for the end-to-end test."
[[questions]]
id = "slow-database"
text = "{QUESTION}"
category = "behavioral"
"""


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", text.lower()))


@pytest.mark.slow
@pytest.mark.soundcard
async def test_e2e_question_spoken_answer_recorded_reviewed_and_stored(
    soundcard, speak, transcriber, tmp_path: Path
) -> None:
    from practice.answers.voice import measure_voice
    from practice.audio.player import Player
    from practice.audio.recorder import Recorder
    from practice.audio.voice import Speaker
    from practice.services import Services
    from practice.storage.catalog import load_catalog
    from practice.storage.history import Store

    bank_file = tmp_path / "e2e.toml"
    bank_file.write_text(BANK)
    answer_wav = speak(ANSWER, wpm=150, name="answer.wav")
    catalog = load_catalog([bank_file], user_dir=tmp_path / "no-user-banks")
    services = Services(
        recorder=Recorder(),
        player=Player(),
        speaker=Speaker(tmp_path / "speech-cache", voice="en-us", rate=165, player=Player()),
        transcriber=transcriber,
        store=Store(),
        catalog=catalog,
        settings=replace(Settings(), last_bank="e2e", question_count=1),
        job_text=(DATA / "backend-job.txt").read_text(),
        save_settings=False,
        voice_meter=measure_voice,
    )
    app = PracticeApp(services)
    listener = Recorder()  # a second listener on the sink's monitor: what a person in the room would hear
    heard_path = tmp_path / "heard-question.wav"

    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen) and app.model_state == "ready")
        listener.start(heard_path)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), what="practice screen")
        practice: PracticeScreen = app.screen  # type: ignore[assignment]
        await wait_for(
            pilot, lambda: practice.session.state is State.IDLE, timeout=40, what="question spoken"
        )
        await pilot.pause(0.3)
        listener.stop()
        heard = transcriber.transcribe(heard_path).text
        assert len(words(heard) & words(QUESTION)) >= 6, heard  # the question came out of the speaker

        await pilot.press("space")
        await wait_for(pilot, lambda: practice.session.state is State.RECORDING, what="recording")
        subprocess.run(
            ["paplay", str(answer_wav)], check=True, timeout=60
        )  # into the sink, as a person would
        await pilot.pause(0.8)  # the last blocks are still on their way from the sound server
        live = str(practice.query_one("#live-text").render())
        await pilot.press("space")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen), timeout=60, what="review")

        review: ReviewScreen = app.screen  # type: ignore[assignment]
        shown = " ".join(str(s.render()) for s in review.query("Static"))
        # Words tiny.en gets right from espeak through the sound card (it hears "billing" as "building").
        for word in ("migration", "database", "production", "weekend"):
            assert word in shown.lower(), shown
        assert "migration" in live.lower()  # the transcript appeared while speaking, not only at the end
        attempt = review.attempt
        assert attempt.error is None, attempt.error
        examples = attempt.score("examples")
        assert examples is not None and examples >= 50  # a first-person story with a measured result
        assert f"Examples   {examples:>3}" in shown and f"Overall {attempt.score('overall'):>3}" in shown
        # how the voice sounded: measured from the recording in a worker, after the review opened
        voice_panel = review.query_one("#voice")
        await wait_for(pilot, lambda: "Words/min" in str(voice_panel.render()), timeout=30, what="voice")

    store = services.store
    (summary,) = store.sessions()
    (saved,) = store.attempts(summary.session.id)
    assert saved.recording_path and saved.recording_path.is_file()
    assert saved.recording_path.name == f"{summary.session.id}-slow-database-1.wav"
    audio, rate = soundfile.read(saved.recording_path)
    assert rate == 16000 and len(audio) / rate > 10  # the whole 11 s answer is on disk
    assert saved.feedback and saved.feedback["scores"]["examples"]["score"] == examples
    assert "migration" in (saved.transcript or "").lower() and saved.words
    voice = saved.result.delivery.voice if saved.result else None
    assert voice is not None and voice.pitch_sd_st is not None
    assert 1.0 < voice.pitch_sd_st < 3.0  # espeak-ng's default intonation measured 1.6 semitones
    rates = [r for r in voice.rate_by_quarter_wpm or [] if r is not None]
    assert len(rates) >= 3 and 110 < sum(rates) / len(rates) < 220  # spoken at 150 words a minute
    assert summary.session.job_title and "Backend" in summary.session.job_title


NO_NUMBER = (
    "Last spring I led the migration of our billing service to a new database. "
    "I wrote the migration plan, tested it on a copy of production, and moved the data over one weekend. "
    "In the end the invoices came out faster and the finance team was happy."
)
WITH_NUMBER = "Invoices went from about ten minutes each to six minutes, so forty percent faster."


@pytest.mark.slow
@pytest.mark.soundcard
async def test_e2e_the_interviewer_asks_a_follow_up_and_the_answer_is_linked(
    soundcard, speak, transcriber, tmp_path: Path
) -> None:
    """A story with no number: the interviewer asks for the outcome out loud, the answer to it is recorded
    through the sound card, scored and stored linked to the story."""
    from practice.audio.player import Player
    from practice.audio.recorder import Recorder
    from practice.audio.voice import Speaker
    from practice.services import Services
    from practice.storage.catalog import load_catalog
    from practice.storage.history import Store

    bank_file = tmp_path / "e2e.toml"
    bank_file.write_text(BANK)
    story_wav = speak(NO_NUMBER, wpm=150, name="story.wav")
    number_wav = speak(WITH_NUMBER, wpm=150, name="number.wav")
    services = Services(
        recorder=Recorder(),
        player=Player(),
        speaker=Speaker(tmp_path / "speech-cache", voice="en-us", rate=165, player=Player()),
        transcriber=transcriber,
        store=Store(),
        catalog=load_catalog([bank_file], user_dir=tmp_path / "no-user-banks"),
        settings=replace(Settings(), last_bank="e2e", question_count=1),
        job_text=(DATA / "backend-job.txt").read_text(),
        save_settings=False,
    )
    app = PracticeApp(services)
    listener = Recorder()
    heard_path = tmp_path / "heard-follow-up.wav"

    async def answer(practice: PracticeScreen, wav: Path) -> ReviewScreen:
        await pilot.press("space")
        await wait_for(pilot, lambda: practice.session.state is State.RECORDING, what="recording")
        subprocess.run(["paplay", str(wav)], check=True, timeout=60)
        await pilot.pause(0.8)
        await pilot.press("space")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen), timeout=60, what="review")
        return app.screen  # type: ignore[return-value]

    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen) and app.model_state == "ready")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), what="practice screen")
        practice: PracticeScreen = app.screen  # type: ignore[assignment]
        await wait_for(pilot, lambda: practice.session.state is State.IDLE, timeout=40, what="question")
        review = await answer(practice, story_wav)
        assert review.follow_up is not None and review.follow_up.reason == "result", review.attempt.transcript
        listener.start(heard_path)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), what="follow-up asked")
        await wait_for(
            pilot, lambda: practice.session.state is State.IDLE, timeout=40, what="follow-up spoken"
        )
        await pilot.pause(0.3)
        listener.stop()
        heard = transcriber.transcribe(heard_path).text
        assert len(words(heard) & words(review.follow_up.question)) >= 4, heard  # said out loud
        second = await answer(practice, number_wav)
        assert "follow-up to attempt 1" in str(second.query_one("#review-heading").render())
        assert not second.check_action("follow_up", ())

    store = services.store
    (summary,) = store.sessions()
    first, linked = store.attempts(summary.session.id)
    assert linked.follow_up_of == first.id and linked.follow_up_reason == "result"
    assert linked.recording_path and linked.recording_path.is_file()
    assert "minutes" in (linked.transcript or "").lower()  # Whisper writes "forty percent" as "40"


PROCESS_Q = "Tell me about a time you improved a process at work."
TWO_QUESTIONS = f"""name = "End to end, two days"
description = "A strong story and a weak one, practiced again the next day."
[[questions]]
id = "slow-database"
text = "{QUESTION}"
category = "behavioral"
[[questions]]
id = "process"
text = "{PROCESS_Q}"
category = "behavioral"
"""
# Scored with the job (tests/data/backend-job.txt) as typed: the strong story 74 (a measured result, the
# job's PostgreSQL, enthusiasm: FSRS Good, back in two days), the weak one 47 (no result: Again, back the next
# day, with the tip to finish the story), the weak one with its result 58.
STRONG_STORY = (
    "Last spring I tuned the PostgreSQL queries behind our order data. I profiled the slowest queries and "
    "added two indexes. As a result, the order page went from eight seconds to one second. I love this kind "
    "of work, and it is why I want to join Northwind."
)
NO_RESULT = (
    "Last year our releases took a whole day. I wrote a Python script that ran the checks, "
    "and I set up a nightly build for the team."
)
MEASURED = NO_RESULT + " As a result, releases went from eight hours to two hours."
DAY_ONE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _services(transcriber, tmp_path: Path, bank_file: Path, day: datetime):  # noqa: ANN202
    """The real devices, voice, model and SQLite history (the same file both days), on the day given."""
    from practice.audio.player import Player
    from practice.audio.recorder import Recorder
    from practice.audio.voice import Speaker
    from practice.services import Services
    from practice.storage.catalog import load_catalog
    from practice.storage.history import Store

    clock = StepClock(day)
    return Services(
        recorder=Recorder(),
        player=Player(),
        speaker=Speaker(tmp_path / "speech-cache", voice="en-us", rate=165, player=Player()),
        transcriber=transcriber,
        store=Store(clock=clock),
        catalog=load_catalog([bank_file], user_dir=tmp_path / "no-user-banks"),
        settings=replace(Settings(), last_bank="e2e", question_count=2, follow_ups=False),
        job_text=(DATA / "backend-job.txt").read_text(),
        save_settings=False,
        clock=clock,
    )


@pytest.mark.slow
@pytest.mark.soundcard
async def test_e2e_the_next_day_the_weak_question_comes_first_with_its_tip(
    soundcard, speak, transcriber, tmp_path: Path
) -> None:
    """Day one: a strong story and a weak one (no result), spoken through the sound card. Day two (the app's
    clock a day on, the same history): today's practice offers the weak question first, the practice screen
    shows the tip its answer did not follow, and the new answer's review says it was followed this time,
    beside day one's answer."""
    bank_file = tmp_path / "e2e.toml"
    bank_file.write_text(TWO_QUESTIONS)
    strong_wav = speak(STRONG_STORY, wpm=150, name="strong.wav")
    weak_wav = speak(NO_RESULT, wpm=150, name="weak.wav")
    measured_wav = speak(MEASURED, wpm=150, name="measured.wav")

    async def answer(pilot, app: PracticeApp, wav: Path) -> ReviewScreen:  # noqa: ANN001
        practice: PracticeScreen = app.screen  # type: ignore[assignment]
        await wait_for(pilot, lambda: practice.session.state is State.IDLE, timeout=40, what="question")
        await pilot.press("space")
        await wait_for(pilot, lambda: practice.session.state is State.RECORDING, what="recording")
        subprocess.run(["paplay", str(wav)], check=True, timeout=60)
        await pilot.pause(0.8)  # the last blocks are still on their way from the sound server
        await pilot.press("space")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen), timeout=60, what="review")
        return app.screen  # type: ignore[return-value]

    first = PracticeApp(_services(transcriber, tmp_path, bank_file, DAY_ONE))
    async with first.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(first.screen, SetupScreen) and first.model_state == "ready")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(first.screen, PracticeScreen), what="practice screen")
        strong = (await answer(pilot, first, strong_wav)).attempt
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(first.screen, PracticeScreen), what="second question")
        weak = (await answer(pilot, first, weak_wav)).attempt
        await pilot.press("f")
        await wait_for(pilot, lambda: not isinstance(first.screen, ReviewScreen), what="summary")
    first.services.store.close()
    assert strong.question_id == "slow-database" and weak.question_id == "process"
    strong_score, weak_score = strong.score("overall"), weak.score("overall")
    assert strong_score is not None and weak_score is not None and weak_score < strong_score
    weak_tips = weak.result.tips if weak.result else []
    assert weak_tips, weak.transcript

    second = PracticeApp(_services(transcriber, tmp_path, bank_file, DAY_ONE + timedelta(days=1)))
    async with second.run_test(size=(100, 32)) as pilot:
        await wait_for(
            pilot, lambda: isinstance(second.screen, SetupScreen) and second.model_state == "ready"
        )
        today = second.screen.query_one(TodayPractice)
        await wait_for(pilot, lambda: today.due > 0, timeout=20, what="today's practice")
        plan = today.plan
        assert plan is not None and plan.due[0].kind == "question" and plan.due[0].question == PROCESS_Q
        tip = plan.due[0].tip
        assert tip in weak_tips  # the tip day one's answer did not follow
        assert PROCESS_Q in str(today.query_one("#today-items").render()).replace("\n", " ")
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: isinstance(second.screen, PracticeScreen), what="today's session")
        practice: PracticeScreen = second.screen  # type: ignore[assignment]
        assert practice.session.current.id == "process"
        working = str(practice.query_one("#working-on").render())
        assert practice.query_one("#working-on").display
        assert f"from your answer of {DAY_ONE.date().isoformat()}" in working and tip in working
        review = await answer(pilot, second, measured_wav)
        worked = review.attempt.worked_tip
        assert worked is not None and worked.from_attempt_id == weak.id, worked
        assert worked.verdict == "yes", (worked, review.attempt.transcript)
        shown = str(review.query_one("#worked-tip").render())
        assert shown.startswith(f"Working on (from your answer of {DAY_ONE.date().isoformat()}): {tip}")
        assert "Followed this time" in shown
        headings = [str(s.render()) for s in review.query("#review-columns Static")]
        assert any(f"of {DAY_ONE.date().isoformat()}" in h for h in headings), headings

    store = second.services.store
    (today_session,) = [s for s in store.sessions() if s.session.bank_id == "today"]
    (saved,) = store.attempts(today_session.session.id)
    assert saved.worked_tip == worked and saved.created_at.date() == (DAY_ONE + timedelta(days=1)).date()
    assert saved.recording_path and saved.recording_path.is_file()
