"""`interview-practice eval DATASET.jsonl`: how well the scorer agrees with hand labels.

For each dimension it prints n, Spearman's rho and pairwise ordering accuracy between the scores and the
labels, and filler-detection precision/recall/F1 over lines that carry gold "fillers" counts. With `--audio`
it also speaks every answer with espeak-ng, transcribes it with the app's Transcriber (word timings included),
scores the transcript and prints the same figures with their difference to the text figures.

It is an evaluation, not a gate: the exit code is 0 whatever the figures, 2 for a malformed dataset
(reported as `file:line: message`).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from feedback import Feedback, JobDescription, parse_job, score_answer
from feedback.metrics import filler_prf, pairwise_accuracy, spearman
from practice.cli.progress import track, working
from practice.core.errors import PracticeError
from practice.core.jobs import job_terms

DIMENSIONS = ("examples", "enthusiasm", "alignment")
LABEL_RANGES = {"examples": (0, 3), "enthusiasm": (0, 2), "alignment": (0, 2)}
EXIT_OK, EXIT_BAD_DATASET = 0, 2


class DatasetError(PracticeError):
    """A malformed dataset line, already formatted as `file:line: message`."""


@dataclass
class Item:
    line: int
    id: str
    question: str
    text: str
    job: JobDescription | None
    labels: dict[str, int | None]
    fillers: dict[str, int] | None


@dataclass
class Figures:
    n: dict[str, int] = field(default_factory=dict)
    rho: dict[str, float] = field(default_factory=dict)
    pairacc: dict[str, float] = field(default_factory=dict)
    filler_lines: int = 0
    filler_precision: float = math.nan
    filler_recall: float = math.nan
    filler_f1: float = math.nan

    def to_dict(self) -> dict[str, Any]:
        def num(x: float) -> float | None:
            return None if math.isnan(x) else round(x, 4)

        return {
            "dimensions": {
                d: {
                    "n": self.n.get(d, 0),
                    "rho": num(self.rho.get(d, math.nan)),
                    "pairacc": num(self.pairacc.get(d, math.nan)),
                }
                for d in DIMENSIONS
            },
            "fillers": {
                "lines": self.filler_lines,
                "precision": num(self.filler_precision),
                "recall": num(self.filler_recall),
                "f1": num(self.filler_f1),
            },
        }


def load_dataset(path: Path) -> list[Item]:
    """Read and validate a dataset; raise DatasetError with `file:line: message` on the first problem."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DatasetError(f"{path}: cannot read: {error.strerror or error}") from error
    items: list[Item] = []
    jobs: dict[Path, JobDescription] = {}
    seen_ids: set[str] = set()
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue

        def fail(message: str, number: int = number) -> DatasetError:
            return DatasetError(f"{path}:{number}: {message}")

        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as error:
            raise fail(f"not valid JSON ({error.msg} at column {error.colno})") from error
        if not isinstance(obj, dict):
            raise fail("each line must be a JSON object")
        for key in ("question", "text"):
            if not isinstance(obj.get(key), str):
                raise fail(f'"{key}" must be a string')
        item_id = str(obj.get("id", number))
        if item_id in seen_ids:
            raise fail(f'duplicate id "{item_id}"')
        seen_ids.add(item_id)
        labels = obj.get("labels")
        if not isinstance(labels, dict):
            raise fail('"labels" must be an object with examples, enthusiasm and alignment')
        clean: dict[str, int | None] = {}
        for dim in DIMENSIONS:
            value = labels.get(dim)
            if value is None:
                clean[dim] = None
                continue
            low, high = LABEL_RANGES[dim]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise fail(f"labels.{dim} must be an integer from {low} to {high} or null, got {value!r}")
            clean[dim] = value
        job: JobDescription | None = None
        if obj.get("job") is not None:
            if not isinstance(obj["job"], str):
                raise fail('"job" must be a path relative to the dataset file')
            job_path = (path.parent / obj["job"]).resolve()
            if job_path not in jobs:
                try:
                    jobs[job_path] = parse_job(job_path.read_text(encoding="utf-8"))
                except OSError as error:
                    raise fail(f"job file {obj['job']} cannot be read ({error.strerror or error})") from error
            job = jobs[job_path]
        fillers = obj.get("fillers")
        if fillers is not None:
            if not isinstance(fillers, dict) or not all(
                isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0
                for k, v in fillers.items()
            ):
                raise fail('"fillers" must map filler words to counts, e.g. {"um": 2, "you know": 1}')
            fillers = {k.lower(): v for k, v in fillers.items()}
        items.append(Item(number, item_id, obj["question"], obj["text"], job, clean, fillers))
    if not items:
        raise DatasetError(f"{path}: no answers in the dataset")
    return items


def figures_for(items: list[Item], results: list[Feedback]) -> Figures:
    fig = Figures()
    for dim in DIMENSIONS:
        scores: list[float] = []
        labels: list[float] = []
        for item, fb in zip(items, results, strict=True):
            label = item.labels[dim]
            score = getattr(fb, dim).score
            if label is None or score is None:
                continue
            scores.append(score)
            labels.append(label)
        fig.n[dim] = len(scores)
        fig.rho[dim] = spearman(scores, labels) if len(scores) >= 2 else math.nan
        fig.pairacc[dim] = pairwise_accuracy(scores, labels) if scores else math.nan
    pairs = [
        (fb.delivery.fillers, item.fillers)
        for item, fb in zip(items, results, strict=True)
        if item.fillers is not None
    ]
    fig.filler_lines = len(pairs)
    if pairs:
        fig.filler_precision, fig.filler_recall, fig.filler_f1 = filler_prf(pairs)
    return fig


def score_text(items: list[Item]) -> list[Feedback]:
    return [score_answer(it.question, it.text, it.job) for it in track(items, "Scoring the answers")]


def score_audio(items: list[Item], voice: str) -> list[Feedback]:
    """Speak each answer with espeak-ng, transcribe it with the app's Transcriber, score the transcript."""
    from practice.stt.whisper import Transcriber  # heavy (faster-whisper): only in --audio mode

    transcriber = Transcriber(model=None)
    with working("Loading the speech model"):
        transcriber.load()
    results: list[Feedback] = []
    with tempfile.TemporaryDirectory(prefix="eval-audio-") as tmp:
        wav = Path(tmp) / "answer.wav"
        for it in track(items, "Speaking, transcribing and scoring"):
            subprocess.run(
                ["espeak-ng", "-v", voice, "-s", "160", "-w", str(wav), it.text],
                check=True,
                capture_output=True,
            )
            terms = (job_terms(it.job) or [])[:20] or None
            tr = transcriber.transcribe(wav, prompt_terms=terms)
            results.append(
                score_answer(it.question, tr.text, it.job, words=list(tr.words), duration_s=tr.duration_s)
            )
    return results


def _fmt(x: float) -> str:
    return "nan" if math.isnan(x) else f"{x:.3f}"


def _diff(a: float, b: float) -> str:
    return "nan" if math.isnan(a) or math.isnan(b) else f"{a - b:+.3f}"


def print_table(fig: Figures, out: TextIO, title: str, base: Figures | None = None) -> None:
    print(title, file=out)
    head = f"  {'dimension':<11} {'n':>4} {'rho':>7} {'pairacc':>8}"
    print(head + ("   d_rho  d_pairacc" if base else ""), file=out)
    for dim in DIMENSIONS:
        row = f"  {dim:<11} {fig.n[dim]:>4} {_fmt(fig.rho[dim]):>7} {_fmt(fig.pairacc[dim]):>8}"
        if base:
            row += (
                f"  {_diff(fig.rho[dim], base.rho[dim]):>6}  {_diff(fig.pairacc[dim], base.pairacc[dim]):>9}"
            )
        print(row, file=out)
    line = (
        f"  fillers over {fig.filler_lines} line(s): precision {_fmt(fig.filler_precision)} "
        f"recall {_fmt(fig.filler_recall)} f1 {_fmt(fig.filler_f1)}"
    )
    if base:
        line += (
            f"  (d_precision {_diff(fig.filler_precision, base.filler_precision)}, "
            f"d_recall {_diff(fig.filler_recall, base.filler_recall)})"
        )
    print(line, file=out)


def summary_line(fig: Figures) -> str:
    parts = [f"rho_{d}={_fmt(fig.rho[d])}" for d in DIMENSIONS]
    parts += [f"pairacc_{d}={_fmt(fig.pairacc[d])}" for d in DIMENSIONS]
    parts += [f"filler_precision={_fmt(fig.filler_precision)}", f"filler_recall={_fmt(fig.filler_recall)}"]
    return " ".join(parts)


def run(
    dataset: Path | list[Path],
    audio: bool = False,
    voice: str = "en-us",
    as_json: bool = False,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Score one dataset, or several pooled into one set of figures (the parts of the blind set)."""
    paths = dataset if isinstance(dataset, list) else [dataset]
    try:
        items = _load_all(paths)
    except DatasetError as error:
        print(error, file=err)
        return EXIT_BAD_DATASET
    text_results = score_text(items)
    text_fig = figures_for(items, text_results)
    audio_fig: Figures | None = None
    audio_results: list[Feedback] | None = None
    if audio:
        audio_results = score_audio(items, voice)
        audio_fig = figures_for(items, audio_results)
    if as_json:
        report: dict[str, Any] = {
            "dataset": ", ".join(map(str, paths)),
            "n": len(items),
            "text": text_fig.to_dict(),
            "items": [],
        }
        if audio_fig:
            report["audio"] = audio_fig.to_dict()
        for k, (it, fb) in enumerate(zip(items, text_results, strict=True)):
            row: dict[str, Any] = {
                "id": it.id,
                "labels": it.labels,
                "scores": {d: getattr(fb, d).score for d in DIMENSIONS},
                "fillers": fb.delivery.fillers,
                "gold_fillers": it.fillers,
            }
            if audio_results:
                a = audio_results[k]
                row["audio"] = {
                    "transcript": a.transcript,
                    "scores": {d: getattr(a, d).score for d in DIMENSIONS},
                    "fillers": a.delivery.fillers,
                }
            report["items"].append(row)
        print(json.dumps(report, indent=2), file=out)
        return EXIT_OK
    print(f"dataset: {', '.join(map(str, paths))} ({len(items)} answers)", file=out)
    print_table(text_fig, out, "text:")
    if audio_fig:
        print_table(
            audio_fig, out, f"audio (espeak-ng {voice} -> Whisper), difference to text:", base=text_fig
        )
        print("text figures: " + summary_line(text_fig), file=out)
        print(summary_line(audio_fig), file=out)
    else:
        print(summary_line(text_fig), file=out)
    return EXIT_OK


def _load_all(paths: list[Path]) -> list[Item]:
    """Items of several datasets together; ids are made unique by their dataset's folder."""
    items: list[Item] = []
    for path in paths:
        for it in load_dataset(path):
            if len(paths) > 1:
                it.id = f"{path.parent.name}/{it.id}"
            items.append(it)
    return items


def _cmd_eval(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.dataset]
    if args.cv or args.fit:
        from practice.cli import eval_scores  # scikit-learn: only when fitting

        try:
            items = _load_all(paths)
        except DatasetError as error:
            print(error, file=sys.stderr)
            return EXIT_BAD_DATASET
        if args.cv:
            eval_scores.run_cv(items)
        if args.fit:
            eval_scores.run_fit(items, Path(args.fit), [str(p) for p in paths])
        return EXIT_OK
    return run(paths, audio=args.audio, voice=args.voice, as_json=args.json)


def register(subparsers: Any) -> None:
    """Add the `eval` subcommand to an argparse subparsers object."""
    help_text = "measure how well the scorer agrees with a hand-labelled dataset (JSONL)"
    p = subparsers.add_parser("eval", help=help_text, description=help_text)
    p.add_argument(
        "dataset",
        metavar="DATASET.jsonl",
        nargs="+",
        help="one JSON object a line: id, question, text, job (path), labels, optional fillers; "
        "several datasets are pooled",
    )
    p.add_argument(
        "--cv",
        action="store_true",
        help="leave-one-posting-out cross-validation of the learned scores on these datasets",
    )
    p.add_argument(
        "--fit", metavar="MODEL.json", help="fit the learned scores on these datasets and write them"
    )
    p.add_argument(
        "--audio",
        action="store_true",
        help="also speak each answer (espeak-ng), transcribe it (Whisper) and score the transcript; "
        "the last line then holds the audio figures",
    )
    p.add_argument("--voice", default="en-us", help="espeak-ng voice for --audio (default: en-us)")
    p.add_argument("--json", action="store_true", help="print a JSON report with per-answer scores instead")
    p.set_defaults(handler=_cmd_eval, func=_cmd_eval)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="evaluate")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["eval", *(argv if argv is not None else sys.argv[1:])])
    return args.handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
