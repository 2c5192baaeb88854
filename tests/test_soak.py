"""Endurance: many answers in one session through the real pipeline, and nothing grows.

Each answer goes the way of a spoken answer in the studio: the question is synthesized and played through the
virtual sound card, the Recorder records the answer played into it while the live transcriber previews it,
then the pipeline stops the recorder, transcribes, scores and saves (practice.answers.pipeline.finish_spoken).

Two lengths: a short run of 15 answers is part of `make test` (about 4 minutes on 2 cores), so a leak that
shows within a practice session fails every test run; the long run of 50 (about 13 minutes) is left to
`make soak`.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import subprocess
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

SHORT, LONG = 15, 50
QUESTIONS = [
    "Tell me about a time you fixed a slow system.",
    "Why do you want this role?",
    "Describe a conflict with a teammate.",
    "Tell me about a project you led.",
    "What did you learn from a failure?",
]
ANSWER = (
    "Last year I led the move of our reports to a new database. I rewrote the slowest queries myself, "
    "and the reports got forty percent faster."
)


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.slow
@pytest.mark.soundcard
@pytest.mark.timeout(1800)
@pytest.mark.parametrize(
    "answers", [pytest.param(SHORT, id="short"), pytest.param(LONG, marks=pytest.mark.soak, id="long")]
)
def test_many_answers_in_one_session(
    soundcard, speak, transcriber, tmp_path: Path, answers: int, capsys: pytest.CaptureFixture[str]
) -> None:
    from practice.answers.pipeline import AnswerContext, finish_spoken
    from practice.answers.scoring import default_scorer
    from practice.audio.player import Player
    from practice.audio.recorder import Recorder
    from practice.audio.voice import Speaker
    from practice.core.records import AttemptRecord, SessionRecord
    from practice.core.session import new_session_id
    from practice.services import Services
    from practice.storage.history import Store
    from practice.storage.paths import recordings_dir

    # The live transcriber the studio uses (whatever Services wires in by default).
    live_factory = next(f.default for f in dataclasses.fields(Services) if f.name == "live_factory")
    answer_wav = speak(ANSWER, wpm=160, name="answer.wav")
    store = Store()
    speaker = Speaker(tmp_path / "speech", voice="en-us", rate=220, player=Player())
    recorder = Recorder()
    session = SessionRecord(new_session_id(), datetime.now().astimezone(), "soak", "Soak test")
    ctx = AnswerContext(store, default_scorer, session, "Backend engineer\nRequirements:\n- SQL\n- Python\n")
    warnings: list[str] = []
    figures: dict[int, tuple[float, int, int]] = {}
    started = time.monotonic()
    for n in range(1, answers + 1):
        question = QUESTIONS[n % len(QUESTIONS)]
        speaker.say(question, wait=True)  # also keeps the virtual card's capture live
        live = live_factory(transcriber, None, None)
        path = recordings_dir() / f"{session.id}-q{n}-1.wav"
        recorder.start(path, on_chunk=live.feed)
        subprocess.run(["paplay", str(answer_wav)], check=True, timeout=60)
        time.sleep(0.4)
        draft = AttemptRecord(
            session.id, f"q{n}", question, 1, datetime.now().astimezone(), recording_path=path
        )
        saved = finish_spoken(ctx, recorder, live, draft, lambda _state: None, warnings.append)
        assert saved.error is None, (n, saved.error)
        if n % 5 == 0:
            gc.collect()
            time.sleep(0.5)  # let finished preview threads end
            figures[n] = (resident_mb(), open_files(), threading.active_count())
    elapsed = time.monotonic() - started

    (rss5, files5, threads5), (rss_end, files_end, threads_end) = figures[5], figures[answers]
    with capsys.disabled():  # the figures in every run's output, `make test`'s included
        print(
            f"\nsoak: {answers} answers in {elapsed / 60:.1f} min; resident memory {rss5:.0f} MB after answer 5, "
            f"{rss_end:.0f} MB after answer {answers} ({(rss_end / rss5 - 1) * 100:+.1f}%); open files {files5} -> "
            f"{files_end}; threads {threads5} -> {threads_end}\nresident MB every 5 answers: "
            + " ".join(f"{figures[n][0]:.0f}" for n in sorted(figures))
        )
    assert not warnings
    attempts = store.attempts(session.id)
    assert len(attempts) == answers and all(a.feedback and a.transcript for a in attempts)
    assert all(a.recording_path and a.recording_path.is_file() for a in attempts)
    assert rss_end <= rss5 * 1.10, (rss5, rss_end)
    assert files_end <= files5, (files5, files_end)
    assert threads_end <= threads5, (threads5, threads_end)
