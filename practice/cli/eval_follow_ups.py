"""`interview-practice eval-follow-ups ANSWERS.jsonl...`: how often the studio asks the follow-up a person chose.

Each answers file is read as `eval` reads it; its labels come from `follow_ups.jsonl` in the same folder (or
`--labels FILE`): one object a line, `{"id", "follow_up", "requirement", "second", "why"}`, where `follow_up`
is the reason the labeller picked (example, personal, result, motivation, requirement or none) and `second`
the next reason that also applies. Only answers with a label are scored.

It prints aggregates only (agreement, agreement with the label or its second, a confusion table of counts),
so it can be run on held-out sets without showing a single answer. Exit code 0 whatever the figures, 2 for a
malformed file (`file:line: message`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from feedback import score_answer
from practice.cli.evaluate import EXIT_BAD_DATASET, EXIT_OK, DatasetError, Item, load_dataset
from practice.cli.progress import track

REASONS = ("example", "personal", "result", "motivation", "requirement", "none")
LABELS_NAME = "follow_ups.jsonl"


@dataclass(frozen=True)
class Label:
    follow_up: str
    second: str | None


def load_labels(path: Path) -> dict[str, Label]:
    """The labels by answer id; DatasetError with `file:line: message` on the first bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DatasetError(f"{path}: cannot read: {error.strerror or error}") from error
    labels: dict[str, Label] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as error:
            raise DatasetError(f"{path}:{number}: not valid JSON ({error.msg})") from error
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
            raise DatasetError(f'{path}:{number}: each line must be an object with a string "id"')
        reason, second = obj.get("follow_up"), obj.get("second")
        if reason not in REASONS:
            raise DatasetError(f'{path}:{number}: "follow_up" must be one of {", ".join(REASONS)}')
        if second is not None and second not in REASONS:
            raise DatasetError(f'{path}:{number}: "second" must be one of {", ".join(REASONS)} or null')
        labels[obj["id"]] = Label(reason, second)
    return labels


def studio_reason(item: Item) -> str:
    fb = score_answer(item.question, item.text, item.job)
    return fb.follow_up.reason if fb.follow_up else "none"


@dataclass
class Agreement:
    pairs: list[tuple[str, str, str | None]]  # (label, studio, second)

    @property
    def n(self) -> int:
        return len(self.pairs)

    def share(self, with_second: bool = False) -> float:
        if not self.pairs:
            return float("nan")
        hits = sum(s == lab or (with_second and s == sec) for lab, s, sec in self.pairs)
        return hits / len(self.pairs)

    def confusion(self) -> Counter[tuple[str, str]]:
        return Counter((lab, s) for lab, s, _ in self.pairs)


def measure(paths: list[Path], labels_file: Path | None) -> Agreement:
    pairs: list[tuple[str, str, str | None]] = []
    for path in paths:
        labels = load_labels(labels_file or path.parent / LABELS_NAME)
        items = [it for it in load_dataset(path) if it.id in labels]
        for it in track(items, f"Choosing follow-ups for {path.parent.name}"):
            label = labels[it.id]
            pairs.append((label.follow_up, studio_reason(it), label.second))
    return Agreement(pairs)


def print_report(agreement: Agreement, out: TextIO) -> None:
    print(f"answers with a label: {agreement.n}", file=out)
    table = agreement.confusion()
    width = max(len(r) for r in REASONS) + 1
    print("confusion (rows: label, columns: studio)", file=out)
    print(" " * width + "".join(f"{r[:8]:>9}" for r in REASONS), file=out)
    for label in REASONS:
        print(f"{label:<{width}}" + "".join(f"{table[(label, s)]:>9}" for s in REASONS), file=out)
    print(
        f"follow_up_agreement={agreement.share():.3f} "
        f"follow_up_agreement_or_second={agreement.share(with_second=True):.3f} n={agreement.n}",
        file=out,
    )


def run(
    paths: list[Path],
    labels_file: Path | None = None,
    as_json: bool = False,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    try:
        agreement = measure(paths, labels_file)
    except DatasetError as error:
        print(error, file=err)
        return EXIT_BAD_DATASET
    if as_json:
        report: dict[str, Any] = {
            "n": agreement.n,
            "agreement": round(agreement.share(), 4) if agreement.n else None,
            "agreement_or_second": round(agreement.share(with_second=True), 4) if agreement.n else None,
            "confusion": {lab: {s: agreement.confusion()[(lab, s)] for s in REASONS} for lab in REASONS},
        }
        print(json.dumps(report, indent=2), file=out)
    else:
        print_report(agreement, out)
    return EXIT_OK


def _cmd(args: argparse.Namespace) -> int:
    labels = Path(args.labels) if args.labels else None
    return run([Path(p) for p in args.answers], labels, as_json=args.json)


def register(commands: Any) -> None:
    """Add the `eval-follow-ups` subcommand."""
    help_text = "measure how often the studio picks the follow-up question a labeller picked"
    p = commands.add_parser("eval-follow-ups", help=help_text, description=help_text)
    p.add_argument("answers", metavar="ANSWERS.jsonl", nargs="+", help="answers files, as for `eval`")
    p.add_argument(
        "--labels",
        metavar="FILE",
        help=f"the follow-up labels (default: {LABELS_NAME} next to each answers file)",
    )
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(handler=_cmd, func=_cmd)
