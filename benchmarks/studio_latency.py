"""From the stop key to the review on screen, in the real studio: how long a person waits for their feedback.

The studio runs under Textual's pilot with the real services (practice.services.build_services: the recorder,
the interviewer's voice, the embedded Whisper model, the SQLite store) on the virtual sound card
(scripts/with-soundcard.sh, which this script starts for itself when it is not already inside one). Each run
opens a one-question session with a pasted job, lets the interviewer read the question, starts recording,
plays an espeak-ng answer into the virtual microphone with `paplay` (what is played into the sink is what the
default input records, ../shared/FACTS.md), waits REACH_S as a person reaching for the key would, then presses
stop. The clock runs from the stop key to the first frame Textual renders of the review screen, which opens
with its scores (the frame is caught where the app hands it to the terminal; `run_test` has no real terminal,
so writing the frame out is the only part not timed).

    scripts/with-soundcard.sh .venv/bin/python benchmarks/studio_latency.py            # 30, 60, 120 s x 3 runs
    .venv/bin/python benchmarks/studio_latency.py --quick                              # one 20 s run

Figures per run: stop_to_review_s; the live lag (the streaming transcriber's own max_lag_s: the longest any
audio waited between reaching the app and showing up in the live text); the word error rate of the reviewed
transcript (streamed) and of the same recording transcribed whole afterwards (the anchor), both against the
text espeak-ng read. The last line is machine-readable (medians over all runs, the 90th percentile of the
wait, and the worst lag):
stop_to_review_s=S p90_s=S lag_s=S wer_stream=W wer_anchor=W peak_rss_mb=M
(peak_rss_mb: the most memory the studio held resident, model loaded, over all the runs; issue 12's floor is
600 MB.)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ANSWER_TEXT = ROOT / "benchmarks" / "long_answer.txt"
JOB = ROOT / "tests" / "data" / "backend-job.txt"
QUESTION = "Tell me about a time you fixed a hard performance problem."
BANK = f"""name = "Studio latency"
description = "One question, for the studio latency benchmark."
[[questions]]
id = "performance"
text = "{QUESTION}"
category = "behavioral"
"""
#: After the answer has played out, a person reaches for the key; the last blocks are on their way meanwhile.
REACH_S = 0.5
LENGTHS_S = (30.0, 60.0, 120.0)


@dataclass
class Run:
    seconds: float
    stop_to_review_s: float
    lag_s: float
    wer_stream: float
    wer_anchor: float
    scored: bool
    marks: list[tuple[str, float]]


class Marks:
    """With --profile: when each step between the stop key and the painted review began and ended."""

    def __init__(self) -> None:
        self.times: list[tuple[str, float]] = []
        self.undo: list[tuple[Any, str, Any]] = []

    def wrap(self, owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)
        self.undo.append((owner, name, vars(owner).get(name)))

        def timed(*args: Any, **kwargs: Any) -> Any:
            self.times.append((f"{label} begins", time.perf_counter()))
            try:
                return original(*args, **kwargs)
            finally:
                self.times.append((f"{label} ends", time.perf_counter()))

        setattr(owner, name, timed)

    def wrap_decoder(self, transcriber: Any) -> None:
        """Each decoding: how much audio, which beam, and when (the live passes' and the committer's too)."""
        original = transcriber.transcribe

        def timed(audio: Any, *args: Any, **kwargs: Any) -> Any:
            seconds = len(audio) / 16000 if hasattr(audio, "__len__") else 0.0
            label = f"decode {seconds:.1f} s, beam {kwargs.get('beam_size') or 'full'}"
            self.times.append((f"{label} begins", time.perf_counter()))
            try:
                return original(audio, *args, **kwargs)
            finally:
                self.times.append((f"{label} ends", time.perf_counter()))

        transcriber.transcribe = timed
        self.undo.append((transcriber, "transcribe", None))

    def restore_classes(self) -> None:
        for owner, name, original in reversed(self.undo):
            if name == "transcribe":  # the one object shared by every run: its own method again
                del owner.transcribe
                continue
            if not isinstance(owner, type) and getattr(owner, "__spec__", None) is None:
                continue  # an object made for this run: it goes with it
            if original is None:
                delattr(owner, name)  # it was inherited: let the base class's own show through again
            else:
                setattr(owner, name, original)


def spoken_answer(seconds: float, folder: Path) -> tuple[Path, str]:
    """espeak-ng reading as much of the benchmark answer as fits `seconds` at 150 words a minute."""
    from practice.core.signal import SAMPLE_RATE
    from practice.stt.decode import load_audio

    source = ANSWER_TEXT.read_text().split()
    wav = folder / f"answer-{seconds:.0f}s.wav"
    wanted = max(10, round(seconds * 150 / 60))
    text = ""
    for _ in range(2):  # a second try with the word count scaled by how far the first one missed
        text = " ".join((source * (wanted // len(source) + 1))[:wanted])
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), text], check=True)
        wanted = round(wanted * seconds / (len(load_audio(wav)) / SAMPLE_RATE))
    return wav, text


async def wait_until(pilot: Any, condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        await pilot.pause(0.02)


async def one_run(
    seconds: float, answer: Path, reference: str, transcriber: Any, folder: Path, profile: bool
) -> Run:
    from practice.core.session import State
    from practice.services import build_services
    from practice.stt.measure import word_error_rate
    from practice.tui.app import PracticeApp
    from practice.tui.screens.practice import PracticeScreen
    from practice.tui.screens.review import ReviewScreen
    from practice.tui.screens.setup import SetupScreen
    from practice.tui.widgets import voice as voice_widget

    bank = folder / "latency.toml"
    bank.write_text(BANK)
    services = build_services(bank_paths=[bank], job_text=JOB.read_text())
    streams: list[Any] = []
    factory = services.live_factory

    marks = Marks()

    def live_factory(decoder: Any, terms: Any, on_update: Any) -> Any:  # the studio's own, kept for its stats
        streams.append(factory(decoder, terms, on_update))
        if profile:
            marks.wrap(streams[-1], "finish", "transcript tail")
        return streams[-1]

    if profile:
        marks.wrap(services.recorder, "stop", "recorder stop")
        marks.wrap(services.store, "save_attempt", "store save")
        marks.wrap(services, "scorer", "scoring")
        marks.wrap(PracticeScreen, "action_stop_recording", "stop key handler")
        marks.wrap(PracticeScreen, "on_answer_saved", "review pushed")
        marks.wrap(ReviewScreen, "compose", "review composed")
        marks.wrap(voice_widget, "add_voice", "voice measured")
        marks.wrap_decoder(transcriber)

    services = replace(
        services,
        transcriber=transcriber,  # loaded once for all runs, as the studio loads it once a launch
        settings=replace(services.settings, last_bank="latency", question_count=1),
        save_settings=False,
        live_factory=live_factory,
    )
    app = PracticeApp(services)
    painted: list[float] = []
    display = app._display

    def on_display(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is not None and isinstance(screen, ReviewScreen) and not painted:
            painted.append(time.perf_counter())

    app._display = on_display  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(110, 36)) as pilot:
            await wait_until(
                pilot,
                lambda: isinstance(app.screen, SetupScreen) and app.model_state == "ready",
                120,
                "the setup screen and the model",
            )
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: isinstance(app.screen, PracticeScreen), 30, "the practice screen")
            practice: Any = app.screen
            await wait_until(pilot, lambda: practice.session.state is State.IDLE, 60, "the question spoken")
            await pilot.press("space")
            await wait_until(
                pilot,
                lambda: practice.session.state is State.RECORDING and practice._audio_flowing,
                30,
                "audio flowing",
            )
            player = await asyncio.create_subprocess_exec("paplay", str(answer))
            await player.wait()
            await pilot.pause(REACH_S)
            stop = time.perf_counter()
            await pilot.press("space")
            await wait_until(pilot, lambda: bool(painted), 120, "the review")
            review: Any = app.screen
            attempt = review.attempt
            await pilot.press("f")  # finish: the summary, then leave
            await pilot.pause(0.2)
    finally:
        marks.restore_classes()
    waited = painted[0] - stop
    anchor = ""
    if attempt.recording_path is not None and attempt.recording_path.is_file():
        terms = practice.prompt_terms
        anchor = transcriber.transcribe(attempt.recording_path, prompt_terms=terms).text
    return Run(
        seconds,
        waited,
        streams[-1].stats.max_lag_s if streams and hasattr(streams[-1], "stats") else float("nan"),
        word_error_rate(reference, attempt.transcript or ""),
        word_error_rate(reference, anchor),
        attempt.feedback is not None,
        [(label, at - stop) for label, at in marks.times if at >= stop - 4] + [("painted", waited)],
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="one run of a 20 s answer")
    parser.add_argument("--runs", type=int, default=3, help="runs per answer length (default 3)")
    parser.add_argument("--seconds", type=float, nargs="+", help="answer lengths (default 30 60 120)")
    parser.add_argument(
        "--profile", action="store_true", help="print when each step after the stop key began and ended"
    )
    args = parser.parse_args()
    if os.environ.get("INTERVIEW_PRACTICE_SOUNDCARD") != "virtual":
        # Not inside a virtual sound card yet: start one around this very command.
        script = ROOT / "scripts" / "with-soundcard.sh"
        return subprocess.run([str(script), sys.executable, *sys.argv]).returncode
    lengths = [20.0] if args.quick else list(args.seconds or LENGTHS_S)
    runs_each = 1 if args.quick else args.runs
    with tempfile.TemporaryDirectory() as home:
        os.environ["INTERVIEW_PRACTICE_HOME"] = home  # never the person's own data, settings or recordings
        from practice.stt.whisper import Transcriber

        transcriber = Transcriber()
        transcriber.load()
        folder = Path(home)
        runs: list[Run] = []
        for seconds in lengths:
            answer, reference = spoken_answer(seconds, folder)
            for number in range(1, runs_each + 1):
                run = asyncio.run(one_run(seconds, answer, reference, transcriber, folder, args.profile))
                runs.append(run)
                print(
                    f"{seconds:>4.0f} s #{number}: stop to review {run.stop_to_review_s:.3f} s, live lag "
                    f"{run.lag_s:.2f} s, wer stream {run.wer_stream:.4f} anchor {run.wer_anchor:.4f}"
                    f"{'' if run.scored else ' (NOT SCORED)'}",
                    flush=True,
                )
                for label, at in run.marks if args.profile else []:
                    print(f"    {at:7.3f} s  {label}")
    for seconds in lengths:
        waits = [r.stop_to_review_s for r in runs if r.seconds == seconds]
        print(f"length_s={seconds:.0f} median_s={statistics.median(waits):.3f} max_s={max(waits):.3f}")
    waits = [r.stop_to_review_s for r in runs]
    print(
        f"stop_to_review_s={statistics.median(waits):.3f} p90_s={percentile(waits, 0.9):.3f} "
        f"lag_s={max(r.lag_s for r in runs):.2f} "
        f"wer_stream={statistics.median(r.wer_stream for r in runs):.4f} "
        f"wer_anchor={statistics.median(r.wer_anchor for r in runs):.4f} "
        f"peak_rss_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
