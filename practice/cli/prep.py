"""The preparation subcommands: `tailor`, `coverage`, `stories` and `drafts` (before and after an interview).

Registered by practice/cli/commands.py like `eval`; each handler imports what it needs, so none loads Textual.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from practice.cli.common import EXIT_FAILED, CliError, add_command
from practice.core.jobs import read_job_text
from practice.prep import stories
from practice.prep.coverage import job_coverage, matrix_text, session_coverage
from practice.prep.drafts import parse_interviewer, write_drafts
from practice.prep.tailor import tailor, write_bank
from practice.storage.history import Store
from practice.storage.job_choices import load_job_choices

if TYPE_CHECKING:
    from feedback import JobChoices
    from practice.storage.history import Store


def _job(path: str) -> tuple[str, JobChoices | None]:
    """The posting in a file and the corrections saved for it: the studio keeps them by the posting's text
    (practice.storage.job_choices), so the file finds them whatever it is called or wherever it is."""
    text = read_job_text(Path(path))
    return text, load_job_choices(text)


def _cmd_tailor(args: argparse.Namespace) -> int:
    tailored = tailor(*_job(args.job))
    if args.out is None or args.out == "-":
        sys.stdout.write(tailored.toml(Path(args.job).name))
        return 0
    out = Path(args.out)
    if out.is_dir():
        raise CliError(f"{out} is a folder: give the bank file to write (--out my-job.toml).")
    bank = write_bank(tailored, out, Path(args.job).name)
    print(f"wrote {out}: {len(bank.questions)} questions for {tailored.heading} (bank id {bank.id!r})")
    for number, question in enumerate(bank.questions, start=1):
        print(f"{number:>3}. [{question.category}] {question.text}")
        for target in question.targets:
            print(f"       targets: {target}")
    for requirement, why in tailored.skipped:
        print(f"  no question for {requirement!r}: {why}")
    print(f"\nPractice it with: interview-practice --bank {out}")
    return 0


def _cmd_coverage(args: argparse.Namespace) -> int:
    if args.session and args.job:
        raise CliError("give a SESSION_ID or --job FILE, not both.")
    store = Store()
    if not (args.session or args.job):  # no choice made: show the sessions there are to choose from
        try:
            summaries = store.sessions(limit=20)
        finally:
            store.close()
        for summary in summaries:
            s = summary.session
            print(
                f"{s.id}  {s.started_at:%Y-%m-%d %H:%M}  {summary.attempts:>3} answers  {s.job_title or '-'}"
            )
        print("\nGive a SESSION_ID, or --job FILE for every session practiced for that job.")
        return 0
    try:
        if args.job:
            matrix = job_coverage(store, *_job(args.job))
            if not matrix.sessions:
                print("No practice sessions for this job yet.", file=sys.stderr)
        else:
            matrix = session_coverage(store, args.session)
    except LookupError as error:
        raise CliError(str(error).strip("'\""), EXIT_FAILED) from error
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(matrix.to_dict(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(matrix_text(matrix))
    return 0


def _cmd_stories(args: argparse.Namespace) -> int:
    if args.stories_command == "save":
        store = Store()
        try:
            story = stories.save_from_session(store, args.session, args.question, args.title, args.attempt)
        finally:
            store.close()
        print(f"saved {story.path}")
        for requirement in story.requirements:
            print(f"  proves: {requirement}")
        return 0
    found, errors = stories.load_stories()
    for problem in errors:
        print(f"warning: {problem}", file=sys.stderr)
    if args.stories_command == "match":
        if not found:
            raise CliError(
                f"no stories yet in {stories.stories_dir()}: save one with `stories save`.", EXIT_FAILED
            )
        text, choices = _job(args.job)
        sys.stdout.write(stories.match_text(stories.match_stories(text, found, choices)))
        return 0
    for story in found:
        when = f"{story.date:%Y-%m-%d}  " if story.date else ""
        print(f"{when}{story.title}  ({story.path})")
        for requirement in story.requirements:
            print(f"    proves: {requirement}")
    if not found:
        print(f"No stories yet. They are Markdown files in {stories.stories_dir()}.")
    return 0


def _cmd_drafts(args: argparse.Namespace) -> int:
    try:
        interviewers = [parse_interviewer(spec) for spec in args.interviewer]
    except ValueError as error:
        raise CliError(str(error)) from error
    store = Store()
    try:
        drafts = write_drafts(store, args.session, interviewers, Path(args.out) if args.out else None)
    except LookupError as error:
        raise CliError(str(error).strip("'\""), EXIT_FAILED) from error
    finally:
        store.close()
    for draft in drafts:
        role = f" ({draft.interviewer.role})" if draft.interviewer.role else ""
        print(f"{draft.interviewer.name}{role}: {draft.path}")
    print("Drafts only: edit them, then send them yourself.")
    return 0


def register(commands: Any) -> None:
    """Add tailor, coverage, stories and drafts to the `interview-practice` subcommands."""

    def add(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        return add_command(commands, name, handler, help_text)

    tailor = add("tailor", _cmd_tailor, "write a question bank tailored to a job description")
    tailor.add_argument("--job", required=True, metavar="FILE", help="the job description as a text file")
    tailor.add_argument("--out", metavar="BANK.toml", help="the bank file to write (default: print it)")

    coverage = add(
        "coverage", _cmd_coverage, "which job requirements your answers have evidenced, and which not"
    )
    coverage.add_argument(
        "session", nargs="?", metavar="SESSION_ID", help="one session (without it: the recent ones)"
    )
    coverage.add_argument("--job", metavar="FILE", help="every session practiced for this job description")
    coverage.add_argument("--format", choices=("text", "json"), default="text")

    stories = add("stories", _cmd_stories, "your story bank: saved answers and the requirements they prove")
    story_commands = stories.add_subparsers(dest="stories_command", metavar="list|save|match")
    story_commands.add_parser("list", help="list saved stories")
    save = story_commands.add_parser("save", help="save an answer from a session as a story")
    save.add_argument("session", metavar="SESSION_ID")
    save.add_argument("question", metavar="QUESTION_ID")
    save.add_argument("--title", required=True, help="a short name for the story")
    save.add_argument("--attempt", type=int, default=None, help="which attempt (default: the best scored)")
    match = story_commands.add_parser("match", help="which saved stories cover a job's requirements")
    match.add_argument("--job", required=True, metavar="FILE")

    drafts = add("drafts", _cmd_drafts, "draft one thank-you email per interviewer (text files, never sent)")
    drafts.add_argument("session", metavar="SESSION_ID")
    drafts.add_argument(
        "--interviewer",
        action="append",
        required=True,
        metavar='"Name: Role"',
        help="repeat for each interviewer",
    )
    drafts.add_argument("--out", metavar="DIR", help="folder for the drafts (default: the data folder)")
