"""`interview-practice job FILE` (what the studio understood of a posting) and `eval-jobs DIR` (how well
the posting reader agrees with hand labels)."""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feedback import parse_job
from feedback.posting_eval import LabelledPosting, evaluate_postings
from practice.cli.common import EXIT_FAILED, EXIT_OK, CliError, add_command
from practice.core.job_choices import KIND_NAMES, choices_to_dict
from practice.storage.job_choices import choices_path, load_job_choices

if TYPE_CHECKING:
    from feedback import JobChoices


def _read_posting(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CliError(f"cannot read {path}: {error.strerror or error}", EXIT_FAILED) from error
    if b"\x00" in data[:4096]:
        raise CliError(f"{path} is not a text file: save the posting as plain text (.txt) and try again.")
    text = data.decode("utf-8", errors="replace")
    if not text.strip():
        raise CliError(f"{path} is empty: paste the job posting into it and try again.")
    return text


def job_report(text: str, choices: JobChoices | None = None) -> dict[str, Any]:
    """What was understood of a posting, with the person's corrections if given, as the JSON `job` command
    prints it (a "corrections" key only when there are some)."""
    jd = parse_job(text, choices)
    report: dict[str, Any] = {
        "title": jd.title,
        "company": jd.company,
        "requirements": [{"text": r.text, "kind": r.kind} for r in jd.requirements],
        "set_aside": [{"text": s.text, "reason": s.reason} for s in jd.set_aside],
    }
    if choices_to_dict(choices):
        report["corrections"] = choices_to_dict(choices)
    return report


def _cmd_job(args: argparse.Namespace) -> int:
    text = _read_posting(Path(args.file))
    # The corrections made in the studio's setup for this posting (found by its text, wherever the file is).
    choices = None if args.as_read else load_job_choices(text)
    report = job_report(text, choices)
    if choices is not None:
        report["corrections_file"] = str(choices_path(text))
    if args.format == "json":
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"Title:   {report['title'] or '(not found)'}")
    print(f"Company: {report['company'] or '(not found: enthusiasm for the company cannot be recognised)'}")
    for kind, heading in KIND_NAMES.items():
        items = [r["text"] for r in report["requirements"] if r["kind"] == kind]
        print(f"\n{heading} ({len(items)})")
        for text in items:
            print(f"  - {text}")
    if not report["requirements"]:
        print("\nNo requirements were recognised: alignment cannot be scored against this posting.")
    by_reason: dict[str, int] = {}
    for s in report["set_aside"]:
        by_reason[s["reason"]] = by_reason.get(s["reason"], 0) + 1
    if by_reason:
        print("\nSet aside (not requirements)")
        for reason, n in by_reason.items():
            print(f"  {reason}: {n} line(s)")
    if choices is not None:
        print(
            f"\nWith your corrections from {report['corrections_file']} (--as-read shows the posting without)."
        )
    return EXIT_OK


def load_labelled(folder: Path) -> list[LabelledPosting]:
    labels = folder / "labels.jsonl"
    if not labels.is_file():
        raise CliError(f"{labels} not found: a posting set is a folder of .txt postings and a labels.jsonl")
    out = []
    for number, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text = (folder / obj["file"]).read_text(encoding="utf-8")
            reqs = [(r["text"], r["kind"]) for r in obj["requirements"]]
        except (json.JSONDecodeError, KeyError, TypeError, OSError) as error:
            raise CliError(f"{labels}:{number}: {error}") from error
        out.append(LabelledPosting(obj["file"], text, obj.get("company"), reqs))
    return out


def _fmt(x: float) -> str:
    return "nan" if math.isnan(x) else f"{x:.3f}"


def _cmd_eval_jobs(args: argparse.Namespace) -> int:
    postings = load_labelled(Path(args.dir))
    fig = evaluate_postings(postings)
    # the longest posting read five times more, each as a text the reader has not seen (and so not cached);
    # the median, because one reading on a busy machine says more about the machine than about the reader
    longest = max(postings, key=lambda p: len(p.text))
    times = []
    for k in range(1, 6):
        start = time.perf_counter()
        parse_job(longest.text + "\n" * k)
        times.append((time.perf_counter() - start) * 1000)
    read_ms = statistics.median(times)
    print(f"posting set: {args.dir} ({fig.postings} postings, {fig.gold} labelled requirements)")
    print(f"  requirement recall    {_fmt(fig.recall)}")
    print(f"  requirement precision {_fmt(fig.precision)}")
    print(f"  kind right (matched)  {_fmt(fig.kind_accuracy)}")
    print(f"  company found         {fig.company_right}/{fig.company_total}")
    print(f"  longest posting ({len(longest.text.split())} words) read in {read_ms:.1f} ms (median of 5)")
    print(
        f"recall={_fmt(fig.recall)} precision={_fmt(fig.precision)} kind_accuracy={_fmt(fig.kind_accuracy)} "
        f"company={_fmt(fig.company_rate)} read_ms={read_ms:.1f}"
    )
    return EXIT_OK


def register(commands: Any) -> None:
    p = add_command(
        commands,
        "job",
        _cmd_job,
        "print what the studio understood of a job posting: title, company, requirements, set-aside text",
    )
    p.add_argument("file", metavar="FILE", help="the posting as plain text")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--as-read",
        action="store_true",
        help="ignore the corrections saved in the studio for this posting (lines left out or added)",
    )
    e = add_command(
        commands,
        "eval-jobs",
        _cmd_eval_jobs,
        "measure the posting reader against a hand-labelled posting set",
    )
    e.add_argument("dir", metavar="DIR", help="a folder of .txt postings with labels.jsonl")
