"""The parser and the entry point of `interview-practice`; the subcommands that need no module of their own.

Each subcommand imports what it needs inside its handler, so `score --text` never loads the speech stack
and `banks list` never loads Textual (start-up time; the import contract allows the imports either way).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import IO, cast

from feedback.model import Feedback
from practice import __version__
from practice.answers import scoring
from practice.cli.common import EXIT_FAILED, EXIT_OK, MODEL_HELP, VERBOSE_HELP, CliError, Handler, add_command
from practice.cli.doctor import register as register_doctor
from practice.cli.eval_follow_ups import register as register_eval_follow_ups
from practice.cli.evaluate import register as register_eval
from practice.cli.history import register as register_history
from practice.cli.jobs import register as register_jobs
from practice.cli.plan import register as register_plan
from practice.cli.prep import register as register_prep
from practice.cli.progress import LineCounter, counting, non_blank_lines, working
from practice.cli.readiness import register as register_readiness
from practice.cli.recording import _cmd_record, _cmd_recover
from practice.core.banks import BankError, load_bank
from practice.core.errors import PracticeError
from practice.reports.text import feedback_markdown
from practice.storage.catalog import load_catalog
from practice.storage.logs import setup_logging
from practice.storage.paths import user_banks_dir
from practice.storage.settings import load_settings


def _cmd_run(args: argparse.Namespace) -> int:
    from practice.tui.app import run_app  # start-up: only the studio loads Textual

    return run_app(
        model=args.model,
        bank_paths=[Path(p) for p in args.bank or []],
        job_path=Path(args.job) if args.job else None,
    )


def _cmd_transcribe(args: argparse.Namespace) -> int:
    from practice.core.signal import SAMPLE_RATE
    from practice.stt.decode import load_audio
    from practice.stt.whisper import Transcriber  # start-up: only `transcribe` loads the speech stack

    samples = load_audio(Path(args.file))  # first: a file that is not a recording is refused at once
    transcriber = Transcriber(args.model)
    with working("Loading the speech model"):
        transcriber.load()
    with working(f"Transcribing {len(samples) / SAMPLE_RATE:.0f} s of {args.file}"):
        transcript = transcriber.transcribe(samples)
    quality = transcript.quality
    if transcript.empty or quality.status == "none":
        raise CliError(f"{args.file}: {quality.reason or 'no speech detected.'}", EXIT_FAILED)
    if args.format == "json":
        print(json.dumps(transcript.to_dict(), indent=2))
    else:
        print(transcript.text)
        if quality.status == "low":  # on standard error: the transcript on standard output stays clean
            print(f"warning: {quality.reason}", file=sys.stderr)
    return EXIT_OK


def _cmd_score(args: argparse.Namespace) -> int:
    if args.batch:
        # A batch line brings its own question, answer and job, and the output is one JSON line each.
        ignored = [f"--{name}" for name in ("question", "job") if getattr(args, name)]
        if ignored:
            raise CliError(
                f"{' and '.join(ignored)} cannot go with --batch: each line of {args.batch} gives its own "
                '"question" and "job" (a path relative to the file).'
            )
        if args.format not in (None, "jsonl"):
            raise CliError(
                f"--batch writes one JSON object a line; --format {args.format} is for one answer "
                "(--text or --audio). Leave --format out, or convert the lines yourself."
            )
        return _score_batch(Path(args.batch), args.model)
    if args.format == "jsonl":
        raise CliError("--format jsonl is for --batch; one answer is printed as json or markdown.")
    if not args.question:
        raise CliError("--question is required with --text or --audio (the question that was answered).")
    if not (args.text or args.audio):
        raise CliError(
            "give the answer: --text FILE (or - for standard input), --audio FILE, or --batch FILE"
        )
    with working("Loading the speech model and transcribing") if args.audio else nullcontext():
        result = scoring.score_one(
            question=args.question,
            text_path=args.text,
            audio_path=Path(args.audio) if args.audio else None,
            job_path=Path(args.job) if args.job else None,
            model=args.model,
        )
    if args.format == "markdown":
        print(feedback_markdown(Feedback.from_dict(result)))
    else:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    return EXIT_OK


def _score_batch(path: Path, model: str | None) -> int:
    try:
        total = non_blank_lines(path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        total = 0  # score_batch says what is wrong with the file
    with counting(f"Scoring {path.name}", total) as step:
        # One result line a scored answer: counting the lines moves the bar (IO[str] is all it writes to).
        return scoring.score_batch(path, model, cast(IO[str], LineCounter(sys.stdout, step)))


def _cmd_banks(args: argparse.Namespace) -> int:
    if args.banks_command == "validate":
        failures = 0
        for path in args.files:
            try:
                loaded = load_bank(Path(path))
            except BankError as error:
                print(error, file=sys.stderr)
                failures += 1
            else:
                print(f"{path}: ok ({len(loaded.questions)} questions, bank id {loaded.id!r})")
        return EXIT_FAILED if failures else EXIT_OK
    catalog = load_catalog([Path(p) for p in args.bank or []])
    for problem in catalog.errors:
        print(f"warning: {problem}", file=sys.stderr)
    if args.banks_command == "show":
        bank = catalog.find(args.name)
        if bank is None:
            known = ", ".join(b.id for b in catalog.banks)
            raise CliError(f"no bank named {args.name!r}; known banks: {known}", EXIT_FAILED)
        print(f"{bank.name} ({bank.id}) - {bank.description}")
        if bank.tags:
            print(f"tags: {', '.join(bank.tags)}")
        print(f"file: {bank.path}\n")
        for number, question in enumerate(bank.questions, start=1):
            target = f", {question.target_seconds}s" if question.target_seconds else ""
            print(f"{number:>3}. [{question.category}{target}] {question.text}  ({question.id})")
            for follow_up in question.follow_ups:
                print(f"       follow-up: {follow_up}")
        return EXIT_OK
    for bank in catalog.banks:
        origin = "built-in" if bank.builtin else str(bank.path)
        tags = f" [{', '.join(bank.tags)}]" if bank.tags else ""
        print(f"{bank.id:<24} {len(bank.questions):>3} questions  {bank.name}{tags}  ({origin})")
    print(f"\nYour own banks: drop .toml files into {user_banks_dir()} or pass --bank FILE.")
    return EXIT_FAILED if catalog.errors and not catalog.banks else EXIT_OK


log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interview-practice",
        description="Rehearse interview answers out loud, offline, and see what to fix.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help=VERBOSE_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        return add_command(commands, name, handler, help_text)

    run = add("run", _cmd_run, "open the practice studio (the default)")
    for target, prefix in ((parser, "studio_"), (run, "")):
        # Before a command they land in studio_*: `run`'s own defaults would otherwise overwrite them.
        target.add_argument("--model", dest=f"{prefix}model", metavar="MODEL", default=None, help=MODEL_HELP)
        target.add_argument(
            "--bank", dest=f"{prefix}bank", action="append", metavar="FILE", help="also load this bank file"
        )
        target.add_argument(
            "--job", dest=f"{prefix}job", metavar="FILE", help="a job description to practice for"
        )

    transcribe = add("transcribe", _cmd_transcribe, "print the transcript of an audio file")
    transcribe.add_argument("file")
    transcribe.add_argument("--format", choices=("text", "json"), default="text")
    transcribe.add_argument("--model", default=None, help=MODEL_HELP)

    score = add("score", _cmd_score, "score an answer (text or audio) as JSON or Markdown")
    answer = score.add_mutually_exclusive_group()  # one answer, or a batch: argparse names the clash
    answer.add_argument("--text", metavar="FILE", help="the answer as text (- for standard input)")
    answer.add_argument("--audio", metavar="FILE", help="the answer as a recording (WAV, FLAC, MP3, OGG)")
    answer.add_argument(
        "--batch",
        metavar="IN.jsonl",
        help="one JSON object a line: id, question, text or audio, optional job path",
    )
    score.add_argument("--question", help="the question that was answered")
    score.add_argument("--job", metavar="FILE", help="the job description as a text file")
    score.add_argument("--format", choices=("json", "markdown", "jsonl"), default=None)
    score.add_argument("--model", default=None, help=MODEL_HELP)

    banks = add("banks", _cmd_banks, "list, show and validate question banks")
    banks.add_argument("--bank", action="append", metavar="FILE", help="also load this bank file")
    bank_commands = banks.add_subparsers(dest="banks_command", metavar="list|show|validate")
    bank_commands.add_parser("list", help="list every bank")
    show = bank_commands.add_parser("show", help="print one bank's questions")
    show.add_argument("name", help="bank id, name or file")
    validate = bank_commands.add_parser("validate", help="check bank files; prints file:line: problem")
    validate.add_argument("files", nargs="+")

    record = add("record", _cmd_record, "record from the microphone into a WAV file, without the studio")
    record.add_argument("--out", required=True, metavar="FILE", help="the WAV file to write")
    record.add_argument("--seconds", type=float, metavar="N", help="stop after N seconds (default: ctrl+c)")
    record.add_argument("--device", metavar="NAME_OR_INDEX", help="input device (default: the settings')")
    record.add_argument(
        "--fallback",
        metavar="FILE",
        help="where to save the take if FILE cannot be written (default: a rescue folder in your home)",
    )

    recover = add("recover", _cmd_recover, "find recordings cut short by a crash, repair them and score them")
    recover.add_argument(
        "places", nargs="*", metavar="PATH", help="folders or WAV files (default: recordings)"
    )
    recover.add_argument("--list", action="store_true", help="only list them")
    recover.add_argument("--discard", action="store_true", help="delete them instead")
    recover.add_argument("--no-score", action="store_true", help="repair only; do not transcribe or score")
    recover.add_argument("--model", default=None, help=MODEL_HELP)

    register_doctor(commands)  # doctor

    register_eval(commands)  # eval
    register_eval_follow_ups(commands)  # eval-follow-ups
    register_jobs(commands)  # job, eval-jobs
    register_prep(commands)  # tailor, coverage, stories, drafts
    register_history(commands)  # history, export
    register_plan(commands)  # plan
    register_readiness(commands)  # readiness
    return parser


#: The studio's own options. The top-level parser reads them so `interview-practice --job FILE` opens the
#: studio on that job; before another command they would be read and then silently dropped.
STUDIO_OPTIONS = ("--model", "--bank", "--job")


def studio_options_before(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """The first command named in `argv` and the studio options given before it (`--job F score ...`)."""
    given: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        name = token.split("=", 1)[0]
        if name in STUDIO_OPTIONS:
            given.append(name)
            if "=" not in token:
                next(tokens, None)  # its value
        elif not token.startswith("-"):
            return token, given
    return None, given


def _options_of(parser: argparse.ArgumentParser, command: str) -> set[str]:
    """Every option `command` accepts, its own subcommands' included (`stories match --job`)."""
    found: set[str] = set()
    pending = [
        sub
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name, sub in action.choices.items()
        if name == command
    ]
    while pending:
        sub = pending.pop()
        found.update(sub._option_string_actions)
        pending += [
            nested
            for action in sub._actions
            if isinstance(action, argparse._SubParsersAction)
            for nested in action.choices.values()
        ]
    return found


def _refuse_misplaced_options(parser: argparse.ArgumentParser, argv: Sequence[str]) -> None:
    command, misplaced = studio_options_before(argv)
    if not misplaced or command in (None, "run"):
        return
    option = misplaced[0]
    if option in _options_of(parser, command):
        parser.error(
            f"{option} before `{command}` would be ignored: put it after the command, as in "
            f"`interview-practice {command} {option} ...`."
        )
    parser.error(
        f"`{command}` takes no {option}: before a command, {option} is the studio's option "
        f"(`interview-practice {option} ...` opens the studio with it)."
    )


def _merge_studio_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """`interview-practice --job F run`: the options before `run` count as if given after it."""
    for name in ("model", "bank", "job"):
        before, after = getattr(args, f"studio_{name}"), getattr(args, name, None)
        if name == "bank":
            setattr(args, name, (before or []) + (after or []) or None)
        elif before is not None and after is not None and before != after:
            parser.error(f"--{name} is given twice ({before} and {after}): give it once.")
        else:
            setattr(args, name, after if after is not None else before)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    _refuse_misplaced_options(parser, argv)
    args = parser.parse_args(argv)
    if args.command is None:
        args.handler = _cmd_run
    if args.command in (None, "run"):
        _merge_studio_options(parser, args)
    if args.command == "score":
        args.format = args.format or ("jsonl" if args.batch else "json")
    # First, so what reading the settings finds wrong goes to the log (`doctor` shows it to the person).
    setup_logging(verbose=args.verbose)
    if getattr(args, "model", None) is None and hasattr(args, "model"):
        # The settings file (or INTERVIEW_PRACTICE_MODEL) picks the model when --model does not.
        args.model = load_settings().model or None
    if args.command == "banks" and args.banks_command is None:
        args.banks_command = "list"
    if args.command == "stories" and args.stories_command is None:
        args.stories_command = "list"
    log.info("command %s (version %s)", args.command or "run", __version__)
    # The one place a command's errors end up, from whichever layer raised them.
    try:
        return args.handler(args)
    except PracticeError as error:
        log.warning("command %s failed: %s: %s", args.command or "run", type(error).__name__, error)
        print(f"error: {error.explain()}", file=sys.stderr)
        return error.code if isinstance(error, CliError) else EXIT_FAILED
    except KeyboardInterrupt:
        log.info("command %s interrupted", args.command or "run")
        print("interrupted", file=sys.stderr)
        return 130
    except Exception:
        log.exception("command %s crashed", args.command or "run")
        raise
