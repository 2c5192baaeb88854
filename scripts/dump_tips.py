"""Print the tips the scorer gives each answer of one or more eval datasets, for a person to judge.

    .venv/bin/python scripts/dump_tips.py eval/train/a/answers.jsonl [...] [--sample N --seed S] [--ids FILE]
        [--format text|jsonl] [--kinds] [--model MODEL.json]

Text output shows each posting once (title, company, the requirements as read) before its first answer, then
each answer with its posting id, question, text, scores and tips, each tip with its kind, so a judge can label
every tip "needed" or "not needed" against the answer and the posting. `--format jsonl` prints one line per tip
(answer id, posting, kind, tip) to start a labels file from. `--kinds` prints only the count of tips by kind.
`--model` scores with another learned model than the shipped one: one fitted without the answers dumped
shows their tips as a new person's answers would get them.

It reads datasets only through their JSONL files, like `interview-practice eval`; it is a development aid and
prints answer text, so never point it at a blind set, except with `--judge-out DIR`: for a separate judge who
may read the blind set, the dump goes into files in DIR and only the number of tips is printed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from feedback import Feedback, JobDescription, score_answer  # noqa: E402
from feedback.learned import ScoreModel  # noqa: E402
from practice.cli.evaluate import Item, load_dataset  # noqa: E402

# Tip kinds by how a tip starts: the wording after the first quote or colon names the answer's own details.
_KINDS = (
    ("Tie the answer to the job", "tie to job"),
    ("Show the posting's", "show requirement in action"),
    ("Make it specific", "make it specific"),
    ("Close with why", "close with why company"),
    ("Drop the hedges", "drop the hedges"),
    ("Say what you do want", "say what you want"),
    ("Lead with what draws you", "lead with what draws you"),
    ("Tell one real time", "tell one real time"),
    ("Back the answer with one story", "back with one story"),
    ("Pick one real situation", "pick one real situation"),
    ('You said "we"', "say I not we"),
    ("Finish the story", "finish with the result"),
    ("Quantify the result", "quantify the result"),
    ("Cut the fillers", "fillers"),
    ("Pace was", "pace"),
    ('Say "I"', "say I (delivery count)"),
)


def tip_kind(tip: str) -> str:
    """The tip's kind, for counting tips by what they ask."""
    for prefix, kind in _KINDS:
        if tip.startswith(prefix):
            return kind
    return re.split(r"[:(\"]", tip, maxsplit=1)[0].strip().lower() or "other"


def posting_id(item: Item, dataset: Path) -> str:
    """The posting as the dataset names it, qualified by the dataset's folder (postings repeat across parts)."""
    line = json.loads(dataset.read_text(encoding="utf-8").splitlines()[item.line - 1])
    return f"{dataset.parent.name}/{line.get('job') or '-'}"


def _posting_text(job: JobDescription) -> list[str]:
    lines = [f"  title: {job.title!r}  company: {job.company!r}"]
    for req in job.requirements:
        lines.append(f"  - [{req.kind}] {req.text}")
    return lines


def _answer_text(item: Item, posting: str, fb: Feedback) -> list[str]:
    scores = " ".join(f"{d} {getattr(fb, d).score}" for d in ("examples", "enthusiasm", "alignment"))
    lines = [
        f"=== {item.id}  posting {posting}",
        f"Q: {item.question}",
        f"A: {item.text}",
        f"scores: {scores}",
    ]
    lines += [f"  tip {k} [{tip_kind(t)}] {t}" for k, t in enumerate(fb.tips, start=1)] or ["  (no tips)"]
    return lines


def _load(paths: list[Path]) -> list[tuple[Path, Item]]:
    return [(p, it) for p in paths for it in load_dataset(p)]


def _select(rows: list[tuple[Path, Item]], args: argparse.Namespace) -> list[tuple[Path, Item]]:
    if args.ids:
        wanted = set(Path(args.ids).read_text(encoding="utf-8").split())
        rows = [r for r in rows if r[1].id in wanted]
    if args.sample:
        rows = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
        rows.sort(key=lambda r: (str(r[0]), r[1].line))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("dataset", nargs="+", type=Path, help="answers.jsonl files (never a blind set)")
    parser.add_argument("--sample", type=int, default=0, help="a random sample of this many answers")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample")
    parser.add_argument("--ids", help="a file of answer ids (whitespace-separated): only these")
    parser.add_argument("--format", choices=("text", "jsonl"), default="text")
    parser.add_argument("--kinds", action="store_true", help="print only the number of tips of each kind")
    parser.add_argument(
        "--model", type=Path, help="a learned model file to score with (default: the shipped one)"
    )
    parser.add_argument(
        "--judge-out",
        type=Path,
        metavar="DIR",
        help="for a separate judge of a blind set: write dump.txt and tips.jsonl into DIR, print only the count",
    )
    args = parser.parse_args(argv)
    if any("blind" in p.parts for p in args.dataset) and args.judge_out is None:
        parser.error(
            "the blind set is read only through `interview-practice eval` aggregates (or --judge-out)"
        )
    if args.judge_out is not None:
        args.judge_out.mkdir(parents=True, exist_ok=True)
        args.kinds, args.format = False, "text"
        text_out = (args.judge_out / "dump.txt").open("w", encoding="utf-8")
        rows_out = (args.judge_out / "tips.jsonl").open("w", encoding="utf-8")
    else:
        text_out = rows_out = sys.stdout
    model = (
        ScoreModel.from_dict(json.loads(args.model.read_text(encoding="utf-8"))) if args.model else "shipped"
    )
    kinds: Counter[str] = Counter()
    shown: set[str] = set()
    for path, item in _select(_load(args.dataset), args):
        fb = score_answer(item.question, item.text, item.job, model=model)
        posting = posting_id(item, path)
        kinds.update(tip_kind(t) for t in fb.tips)
        if args.kinds:
            continue
        if args.format == "jsonl" or args.judge_out is not None:
            for tip in fb.tips:
                row = {"id": item.id, "posting": posting, "kind": tip_kind(tip), "tip": tip}
                print(json.dumps(row, ensure_ascii=False), file=rows_out)
            if args.judge_out is None:
                continue
        if posting not in shown and item.job is not None:
            shown.add(posting)
            print("\n".join([f"##### posting {posting}", *_posting_text(item.job)]), file=text_out)
        print("\n".join(_answer_text(item, posting, fb)), file=text_out)
    if args.judge_out is not None:
        text_out.close()
        rows_out.close()
        # the author of the tips sees this count only; the judge reads the files
        print(f"tips={sum(kinds.values())} written to {args.judge_out}")
        return 0
    if args.kinds:
        for kind, n in kinds.most_common():
            print(f"{n:5d}  {kind}")
        print(f"tips={sum(kinds.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
