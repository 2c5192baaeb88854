"""How long a person waits after pressing stop: streaming transcription versus transcribing the whole file.

A long spoken answer (espeak-ng reading benchmarks/long_answer.txt, stretched or cut to --seconds) is fed
through the same StreamingTranscriber the studio uses, at real-time pace in 100 ms blocks as the Recorder
delivers them. At "stop" the clock starts; it stops when the transcript and the feedback are ready. In the same
process, the anchor transcribes the whole recording from scratch, started at stop, then scores it.

    .venv/bin/python benchmarks/latency.py                 # 120 s answer, 3 runs, plus the JFK sample
    .venv/bin/python benchmarks/latency.py --seconds 20 --runs 1

The last line is machine-readable (medians over the runs, except max_lag_s: the worst of them):
stop_to_feedback_s=S anchor_s=S ratio=R wer_stream=W wer_anchor=W max_lag_s=S peak_rss_mb=M
max_lag_s is the longest any audio waited between arriving and showing up in the live text: the wait for a
pass to start counts, and so do passes whose text was thrown away as a decoding loop.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from feedback import parse_job, score_answer  # noqa: E402
from practice.core.signal import SAMPLE_RATE  # noqa: E402
from practice.stt.decode import load_audio  # noqa: E402
from practice.stt.measure import word_error_rate  # noqa: E402
from practice.stt.streaming import StreamingTranscriber  # noqa: E402
from practice.stt.whisper import Transcriber  # noqa: E402

ANSWER_TEXT = ROOT / "benchmarks" / "long_answer.txt"
JOB = ROOT / "tests" / "data" / "backend-job.txt"
JFK = [ROOT / "tests" / "data" / "jfk.flac", ROOT.parent / "shared" / "samples" / "jfk.flac"]
JFK_TEXT = "And so, my fellow Americans, ask not what your country can do for you, ask what you can do for your country."
QUESTION = "Tell me about a time you fixed a hard performance problem."
BLOCK_S = 0.1  # the Recorder's block size
#: A person finishes the sentence, then reaches for the key: the recording ends this long after the last word.
#: Kept short (well under a typical reaction) so the benchmark does not flatter the streaming path.
TRAILING_SILENCE_S = 0.3


@dataclass
class Run:
    name: str
    stop_to_feedback_s: float
    anchor_s: float
    wer_stream: float
    wer_anchor: float
    max_lag_s: float
    reused_tail: bool
    stream_text: str
    anchor_text: str
    slowest_pass_s: float


def spoken_answer(seconds: float, folder: Path, trailing_silence_s: float) -> tuple[np.ndarray, str]:
    """espeak-ng reading as much of the answer text as fits `seconds` at about 150 words a minute."""
    source = ANSWER_TEXT.read_text().split()
    wav = folder / f"answer-{seconds:.0f}s.wav"
    wanted = max(10, round(seconds * 150 / 60))
    for _ in range(2):  # a second try with the word count scaled by how far the first one missed
        words = (source * (wanted // len(source) + 1))[:wanted]
        text = " ".join(words)
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), text], check=True)
        audio = load_audio(wav)
        wanted = round(wanted * seconds / (len(audio) / SAMPLE_RATE))
    return np.concatenate([audio, np.zeros(int(trailing_silence_s * SAMPLE_RATE), np.float32)]), text


def feed_in_real_time(stream: StreamingTranscriber, audio: np.ndarray) -> None:
    """Deliver blocks on the clock, like a sound card: block n arrives at n * BLOCK_S after the start."""
    block = int(BLOCK_S * SAMPLE_RATE)
    started = time.monotonic()
    for index, begin in enumerate(range(0, len(audio), block)):
        delay = started + index * BLOCK_S - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        stream.feed(audio[begin : begin + block])
    # The last block is the recording's end: wait until it would have finished arriving.
    delay = started + len(audio) / SAMPLE_RATE - time.monotonic()
    if delay > 0:
        time.sleep(delay)


def measure(name: str, transcriber: Transcriber, audio: np.ndarray, reference: str, job: str) -> Run:
    terms = list(parse_job(job).terms)  # as the studio does: the job's terms steer recognition
    stream = StreamingTranscriber(transcriber, terms)
    feeder = threading.Thread(target=feed_in_real_time, args=(stream, audio))
    feeder.start()
    feeder.join()
    stop = time.perf_counter()  # the person presses stop
    transcript = stream.finish()
    score_answer(QUESTION, transcript.text, job=job, words=transcript.words, duration_s=transcript.duration_s)
    stop_to_feedback = time.perf_counter() - stop

    anchor_start = time.perf_counter()
    whole = transcriber.transcribe(audio, prompt_terms=terms)
    score_answer(QUESTION, whole.text, job=job, words=whole.words, duration_s=whole.duration_s)
    anchor = time.perf_counter() - anchor_start
    return Run(
        name,
        stop_to_feedback,
        anchor,
        word_error_rate(reference, transcript.text),
        word_error_rate(reference, whole.text),
        stream.stats.max_lag_s,
        stream.reused_tail,
        transcript.text,
        whole.text,
        stream.stats.slowest_pass_s,
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=120.0, help="answer length (default 120)")
    parser.add_argument(
        "--runs", type=int, default=3, help="repeats of the long answer (the median is reported)"
    )
    parser.add_argument(
        "--trailing-silence",
        type=float,
        default=TRAILING_SILENCE_S,
        help=f"seconds between the last word and stop (default {TRAILING_SILENCE_S})",
    )
    parser.add_argument("--show-words", action="store_true", help="print each run's two transcripts")
    args = parser.parse_args()

    transcriber = Transcriber()
    transcriber.load()
    job = JOB.read_text()
    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as folder:
        audio, reference = spoken_answer(args.seconds, Path(folder), args.trailing_silence)
        print(
            f"answer: {len(audio) / SAMPLE_RATE:.1f} s, {len(reference.split())} words; model loaded in "
            f"{transcriber.load_seconds:.2f} s"
        )
        for number in range(1, args.runs + 1):
            runs.append(measure(f"espeak {args.seconds:.0f}s #{number}", transcriber, audio, reference, job))
    jfk = next((path for path in JFK if path.is_file()), None)
    extra = [measure("jfk.flac (human)", transcriber, load_audio(jfk), JFK_TEXT, job)] if jfk else []

    print(
        f"{'run':<22}{'stop->feedback':>15}{'anchor':>9}{'ratio':>7}{'wer stream':>11}{'wer anchor':>11}"
        f"{'max lag':>9}  tail"
    )
    for run in runs + extra:
        print(
            f"{run.name:<22}{run.stop_to_feedback_s:>14.3f}s{run.anchor_s:>8.2f}s"
            f"{run.stop_to_feedback_s / run.anchor_s:>7.3f}{run.wer_stream:>11.3f}{run.wer_anchor:>11.3f}"
            f"{run.max_lag_s:>8.2f}s  {'reused' if run.reused_tail else 'transcribed'}"
            f" (slowest pass {run.slowest_pass_s:.2f} s)"
        )
    if args.show_words:
        for run in runs:
            print(f"stream words: {run.stream_text}\nanchor words: {run.anchor_text}")
    median_stop = statistics.median(r.stop_to_feedback_s for r in runs)
    median_anchor = statistics.median(r.anchor_s for r in runs)
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"stop_to_feedback_s={median_stop:.3f} anchor_s={median_anchor:.3f} ratio={median_stop / median_anchor:.3f} "
        f"wer_stream={statistics.median(r.wer_stream for r in runs):.4f} "
        f"wer_anchor={statistics.median(r.wer_anchor for r in runs):.4f} "
        f"max_lag_s={max(r.max_lag_s for r in runs):.2f} peak_rss_mb={peak_rss_mb:.0f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
