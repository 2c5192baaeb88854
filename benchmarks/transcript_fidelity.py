"""Is the studio's transcript faithful to what was said? Real human speech, padded as people pad it, and
streaming against whole-file transcription.

Part 1, real speech: the shared human clips (../shared/samples: nine LJ Speech recordings and jfk.flac, with
their reference texts) as recorded, and followed by the silence or room noise of a person reaching for the
stop key. Four transcribers of the same embedded model:
  plain   faster-whisper on its own (beam 5, no prompt: the anchor the studio must not fall behind),
  studio  the studio's whole-file Transcriber steered by a pasted job's terms (recovery of a take with a job),
  transcribe  the same without a job: the filler prompt alone (what `interview-practice transcribe` uses),
  stream  the studio's StreamingTranscriber, fed 100 ms blocks as the recorder delivers them.
For each: word error rate, words invented after the speech ended (words past the last one that lines up with
the reference), and how many clips gave a different transcript on a repeat run.

Part 2, streaming against whole file: espeak-ng answers of 30, 60 and 120 s in three voices, with 3 s of
silence before stop; the word error rate of the streaming transcript and of the whole-file transcript.

    .venv/bin/python benchmarks/transcript_fidelity.py              # all three parts (about 30 min on 2 quiet cores)
    .venv/bin/python benchmarks/transcript_fidelity.py --part 1 --runs 2

Part 3, what steering buys: espeak-ng reading training answers (fillers and job terms in them), transcribed
with the filler prompt and the job's terms, with the prompt only, and with neither: fillers and terms kept.

Last lines are machine-readable: one per transcriber and condition group, one per length, one per steering.
Not a test: it reads ../shared/samples, which the project does not ship.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from feedback import parse_job  # noqa: E402
from practice.core.jobs import job_terms  # noqa: E402
from practice.core.signal import SAMPLE_RATE  # noqa: E402
from practice.stt.decode import load_audio  # noqa: E402
from practice.stt.measure import normalize, word_error_rate  # noqa: E402
from practice.stt.streaming import StreamingTranscriber  # noqa: E402
from practice.stt.whisper import Transcriber  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples"
JFK_TEXT = "And so, my fellow Americans, ask not what your country can do for you, ask what you can do for your country."
JOB = ROOT / "tests" / "data" / "backend-job.txt"
ANSWER_TEXT = ROOT / "benchmarks" / "long_answer.txt"
VOICES = ("en-us", "en-gb", "en-us+f3")
BLOCK = SAMPLE_RATE // 10


@dataclass
class Tally:
    wers: list[float] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)
    unstable: int = 0

    def line(self, name: str) -> str:
        return (
            f"{name} wer={statistics.mean(self.wers):.4f} invented_words={len(self.invented)} "
            f"unstable_clips={self.unstable} clips={len(self.wers)}"
        )


def human_clips() -> list[tuple[str, np.ndarray, str]]:
    folder = SAMPLES / "human"
    if not folder.is_dir():
        raise SystemExit(f"{folder} is missing: this benchmark needs the shared human samples.")
    references = dict(line.split("\t", 1) for line in (folder / "transcripts.tsv").read_text().splitlines())
    clips = [(name, load_audio(folder / f"{name}.wav"), text) for name, text in references.items()]
    return [*clips, ("jfk", load_audio(SAMPLES / "jfk.flac"), JFK_TEXT)]


def room_noise(seconds: float, level: float, seed: int) -> np.ndarray:
    """Low, slightly muffled hiss at RMS `level` (0.002 is about -54 dBFS, a quiet room on a laptop mic)."""
    noise = np.random.default_rng(seed).normal(0.0, 1.0, int(seconds * SAMPLE_RATE))
    noise = np.convolve(noise, np.ones(8) / 8, mode="same")
    return (noise / np.sqrt(np.mean(noise**2)) * level).astype(np.float32)


def padded(audio: np.ndarray, condition: str, seed: int) -> np.ndarray:
    if condition == "as recorded":
        return audio
    kind, seconds = condition.split()[0], float(condition.split()[1])
    if kind == "silence":
        return np.concatenate([audio, np.zeros(int(seconds * SAMPLE_RATE), np.float32)])
    under = room_noise(len(audio) / SAMPLE_RATE, 0.002, seed)[: len(audio)]
    return np.concatenate([audio + under, room_noise(seconds, 0.002, seed + 1)])


CONDITIONS = ("as recorded", "silence 2", "silence 5", "silence 8", "noise 3", "noise 6")


def invented_after_speech(reference: str, hypothesis: str) -> list[str]:
    """Words of the hypothesis after the last one that lines up (matches or replaces) a reference word:
    what was added once the speech was over."""
    ref, hyp = normalize(reference), normalize(hypothesis)
    # Levenshtein table, then walk back from the end to find where the last aligned hypothesis word is.
    table = [[0] * (len(hyp) + 1) for _ in range(len(ref) + 1)]
    for i in range(len(ref) + 1):
        table[i][0] = i
    for j in range(len(hyp) + 1):
        table[0][j] = j
    for i in range(1, len(ref) + 1):
        for j in range(1, len(hyp) + 1):
            table[i][j] = min(
                table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1])
            )
    i, j, trailing = len(ref), len(hyp), 0
    while j > 0 and (i == 0 or table[i][j] == table[i][j - 1] + 1):
        j, trailing = j - 1, trailing + 1  # an insertion at the very end
    return hyp[len(hyp) - trailing :]


def plain_transcriber(transcriber: Transcriber) -> Callable[[np.ndarray], str]:
    model = transcriber.load()

    def transcribe(audio: np.ndarray) -> str:
        segments, _ = model.transcribe(audio, language="en", beam_size=5)
        return " ".join(segment.text.strip() for segment in segments)

    return transcribe


def streamed(transcriber: Transcriber, audio: np.ndarray, terms: list[str] | None) -> str:
    """The StreamingTranscriber driven step by step: a pass after every second of audio, as its worker wakes
    when it keeps up; the passes are the same, only the clock is not waited for."""
    stream = StreamingTranscriber(transcriber, terms, background=False)
    for index, begin in enumerate(range(0, len(audio), BLOCK)):
        stream.feed(audio[begin : begin + BLOCK])
        if index % 10 == 9:
            stream.step()
    return stream.finish().text


def part_one(transcriber: Transcriber, runs: int, only: list[str] | None = None) -> list[str]:
    terms = job_terms(parse_job(JOB.read_text()))  # the studio steers towards a pasted job's terms
    systems: dict[str, Callable[[np.ndarray], str]] = {
        "plain": plain_transcriber(transcriber),
        "studio": lambda audio: transcriber.transcribe(audio, prompt_terms=terms).text,
        # what `interview-practice transcribe` and a recording without a pasted job get: the filler prompt alone
        "transcribe": lambda audio: transcriber.transcribe(audio).text,
        "stream": lambda audio: streamed(transcriber, audio, terms),
    }
    clips = human_clips()
    lines = []
    for name, transcribe in systems.items():
        if only and name not in only:
            continue
        groups = {"unpadded": Tally(), "padded": Tally()}
        for condition in CONDITIONS:
            tally = Tally()
            for seed, (clip, audio, reference) in enumerate(clips):
                heard = padded(audio, condition, seed)
                texts = [transcribe(heard) for _ in range(runs)]
                tally.wers.append(word_error_rate(reference, texts[0]))
                tally.invented += [f"{clip}: {w}" for w in invented_after_speech(reference, texts[0])]
                tally.unstable += len(set(texts)) > 1
            group = groups["unpadded" if condition == "as recorded" else "padded"]
            group.wers += tally.wers
            group.invented += tally.invented
            group.unstable += tally.unstable
            print(f"  {name:<7}{condition:<13}{tally.line('')}  {'; '.join(tally.invented)}", flush=True)
        lines += [groups[g].line(f"{name}_{g}") for g in groups]
    return lines


def espeak_answer(seconds: float, voice: str, folder: Path) -> tuple[np.ndarray, str]:
    """espeak-ng reading as much of the benchmark answer as fits `seconds`, then 3 s of silence before stop."""
    source = ANSWER_TEXT.read_text().split()
    wanted = max(10, round(seconds * 150 / 60))
    wav = folder / "answer.wav"
    for _ in range(2):  # a second try with the word count scaled by how far the first one missed
        text = " ".join((source * (wanted // len(source) + 1))[:wanted])
        subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(wav), text], check=True)
        audio = load_audio(wav)
        wanted = round(wanted * seconds / (len(audio) / SAMPLE_RATE))
    return np.concatenate([audio, np.zeros(3 * SAMPLE_RATE, np.float32)]), text


def part_two(transcriber: Transcriber) -> list[str]:
    terms = job_terms(parse_job(JOB.read_text()))
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        for seconds in (30.0, 60.0, 120.0):
            stream_wers, whole_wers = [], []
            for voice in VOICES:
                audio, reference = espeak_answer(seconds, voice, Path(folder))
                stream_wers.append(word_error_rate(reference, streamed(transcriber, audio, terms)))
                whole_wers.append(word_error_rate(reference, transcriber.transcribe(audio, terms).text))
                print(
                    f"  {seconds:.0f} s {voice:<9} stream {stream_wers[-1]:.4f} whole {whole_wers[-1]:.4f}",
                    flush=True,
                )
            stream, whole = statistics.mean(stream_wers), statistics.mean(whole_wers)
            lines.append(
                f"length_s={seconds:.0f} wer_stream={stream:.4f} wer_whole={whole:.4f} "
                f"gap_points={100 * (stream - whole):+.2f} voices={len(VOICES)}"
            )
    return lines


FILLERS = {"um", "uh", "er", "ah", "hmm", "erm"}


def part_three(transcriber: Transcriber, count: int) -> list[str]:
    """What the steering buys: espeak-ng reading answers of the training set (written with fillers and each
    job's terms), transcribed with the filler prompt and the job's terms as hotwords, without the terms, and
    with neither. Counts the fillers and the job's terms (longer than 3 letters) that come through."""
    import json
    import random

    items = []
    for answers in sorted((ROOT / "eval" / "train").glob("*/answers.jsonl")):
        for line in answers.read_text().splitlines():
            item = json.loads(line)
            item["job_text"] = (answers.parent / item["job"]).read_text()
            items.append(item)
    random.Random(7).shuffle(items)
    bare = Transcriber(prompt=None)  # the same model, told nothing
    variants = {"prompt+terms": (transcriber, True), "prompt": (transcriber, False), "neither": (bare, False)}
    tallies = {name: [0.0, 0, 0, 0, 0] for name in variants}  # wer sum, fillers kept, said, terms kept, said
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "answer.wav"
        for item in items[:count]:
            subprocess.run(
                ["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(wav), item["text"]], check=True
            )
            audio = load_audio(wav)
            terms = job_terms(parse_job(item["job_text"]))
            said = normalize(item["text"])
            job_words = [w for w in normalize(" ".join(terms[:20])) if w in said and len(w) > 3]
            for name, (model, steer) in variants.items():
                heard = normalize(model.transcribe(audio, prompt_terms=terms if steer else None).text)
                tally = tallies[name]
                tally[0] += word_error_rate(" ".join(said), " ".join(heard))
                fillers_said = sum(w in FILLERS for w in said)
                tally[1] += min(sum(w in FILLERS for w in heard), fillers_said)
                tally[2] += fillers_said
                tally[3] += sum(w in heard for w in job_words)
                tally[4] += len(job_words)
    return [
        f"steering={name} wer={t[0] / count:.4f} fillers_kept={t[1]}/{t[2]} job_terms_kept={t[3]}/{t[4]} answers={count}"
        for name, t in tallies.items()
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--part", type=int, choices=(1, 2, 3), help="run one part only")
    parser.add_argument("--answers", type=int, default=24, help="answers read in part 3 (default 24)")
    parser.add_argument("--runs", type=int, default=2, help="repeats per clip in part 1 (default 2)")
    parser.add_argument("--systems", help="part 1 for these transcribers only, e.g. studio,stream")
    args = parser.parse_args()
    transcriber = Transcriber()
    transcriber.load()
    lines = []
    if args.part in (None, 1):
        print("part 1: real human speech (word error rate, words invented after the speech, unstable clips)")
        lines += part_one(transcriber, args.runs, args.systems.split(",") if args.systems else None)
    if args.part in (None, 2):
        print("part 2: streaming against whole-file transcription, espeak-ng answers")
        lines += part_two(transcriber)
    if args.part in (None, 3):
        print("part 3: what the filler prompt and the job's terms buy (espeak-ng reading training answers)")
        lines += part_three(transcriber, args.answers)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
