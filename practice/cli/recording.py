"""The recording subcommands: record from the microphone, and recover what a crash cut short."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from practice.answers.scoring import default_scorer
from practice.audio.markers import find_unfinished
from practice.cli.common import EXIT_FAILED, EXIT_OK, CliError
from practice.cli.progress import working
from practice.storage.catalog import load_catalog
from practice.storage.history import Store
from practice.storage.paths import recordings_dir
from practice.storage.settings import device_setting, load_settings


def _cmd_record(args: argparse.Namespace) -> int:
    from practice.audio.recorder import Recorder, RecordingWriteError  # start-up: numpy only when recording

    out = Path(args.out)
    if out.is_dir():
        raise CliError(f"{out} is a folder: give the path of the WAV file to write (--out answer.wav).")
    if args.seconds is not None and args.seconds <= 0:
        raise CliError("--seconds must be more than 0.")
    device = device_setting(args.device if args.device is not None else load_settings().input_device)
    # With --fallback the take goes there on a write error; without it, to the Recorder's rescue folders.
    recorder = Recorder(device=device, rescue_to=[] if args.fallback else None)

    def stop_on_term(_signum, _frame) -> None:  # `kill` stops cleanly, like ctrl+c
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop_on_term)
    warned = False
    try:
        recorder.start(out, context={"command": "record"})
        limit = f" for {args.seconds:g} s" if args.seconds else ""
        print(f"recording to {out}{limit}; press ctrl+c to stop", file=sys.stderr, flush=True)
        try:
            while args.seconds is None or recorder.elapsed_s < args.seconds:
                if recorder.error is not None and not warned:
                    warned = True
                    print(
                        f"warning: writing {out} failed ({recorder.error}); recording goes on in memory "
                        "and is saved elsewhere when it stops",
                        file=sys.stderr,
                        flush=True,
                    )
                time.sleep(0.05)
        except KeyboardInterrupt:
            pass
        try:
            recording = recorder.stop()
        except RecordingWriteError as error:
            print(f"error: {error}", file=sys.stderr)
            if args.fallback:
                try:
                    saved = recorder.save_to(Path(args.fallback))
                except OSError as again:
                    print(f"error: saving to {args.fallback} failed too ({again})", file=sys.stderr)
                else:
                    print(f"saved {saved.path} instead: {saved.duration_s:.1f} s", file=sys.stderr)
            return EXIT_FAILED
    finally:
        signal.signal(signal.SIGTERM, previous)
    quiet = " (the microphone heard nothing: is it muted?)" if recording.peak < 1e-3 else ""
    print(f"saved {recording.path}: {recording.duration_s:.1f} s{quiet}")
    return EXIT_OK


def _cmd_recover(args: argparse.Namespace) -> int:
    # Start-up: the answer pipeline only for `recover`.
    from practice.answers.recovery import HistoryTarget, recover_unfinished

    places = [Path(p) for p in args.places] or [recordings_dir()]
    found = find_unfinished(places)
    if not found:
        print(f"No unfinished recordings in {', '.join(str(p) for p in places)}.")
        return EXIT_OK
    print(f"{len(found)} unfinished recording{'s' if len(found) > 1 else ''}:")
    for item in found:
        print(f"  {item.describe()}")
    if args.list:
        return EXIT_OK

    def history() -> HistoryTarget:
        """The model, store and banks, loaded once, only when a practice answer needs scoring."""
        from practice.stt.whisper import Transcriber  # start-up: the model only when an answer is scored

        store = Store()
        transcriber = Transcriber(args.model)
        with working("Loading the speech model"):
            transcriber.load()
        return HistoryTarget(
            store,
            load_catalog(),
            lambda path, terms: transcriber.transcribe(path, prompt_terms=terms),
            default_scorer,
        )

    failures = 0
    for outcome in recover_unfinished(found, None if args.no_score else history, discard=args.discard):
        item, repaired, attempt = outcome.item, outcome.repair, outcome.attempt
        if outcome.deleted:
            print(f"deleted {item.wav}")
            continue
        if repaired is not None:
            note = "header repaired" if repaired.changed else "header was fine"
            print(f"{item.wav}: {repaired.duration_s:.1f} s of audio ({note})")
        if outcome.error:
            print(f"error: {outcome.error}", file=sys.stderr)
            failures += 1
        elif attempt is not None and attempt.error:
            print(f"  saved in the history, not scored: {attempt.error}")
        elif attempt is not None:
            print(f"  saved in the history: overall {attempt.score('overall')} for {attempt.question_text!r}")
    return EXIT_FAILED if failures else EXIT_OK
