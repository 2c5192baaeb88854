"""`interview-practice readiness`: a session's second-round readiness list (practice/prep/readiness.py), as text
or JSON (described by practice/prep/readiness.schema.json); `--tick` and `--untick` set the two items the person
checks by hand (references alerted, work samples ready), kept with the session in the history.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from practice.cli.common import EXIT_FAILED, EXIT_OK, CliError, add_command
from practice.core.mock import stored_sections
from practice.prep.readiness import MANUAL, readiness_text, session_readiness
from practice.storage.history import Store


def _default_session(store: Store) -> str:
    """The newest mock interview, else the newest session."""
    sessions = [s.session for s in store.sessions()]
    if not sessions:
        raise CliError(
            "No sessions in the history yet: run a mock interview in the studio first.", EXIT_FAILED
        )
    mock = [s for s in sessions if stored_sections(s.settings) is not None]
    return (mock or sessions)[0].id


def _cmd_readiness(args: argparse.Namespace) -> int:
    store = Store()
    try:
        session_id = args.session or _default_session(store)
        try:
            for key, done in [(k, True) for k in args.tick or []] + [(k, False) for k in args.untick or []]:
                store.set_check(session_id, key, done)
            readiness = session_readiness(store, session_id)
        except LookupError as error:
            raise CliError(f"{error} (`interview-practice history` lists them)", EXIT_FAILED) from error
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(readiness.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(readiness_text(readiness), end="")
    return EXIT_OK


def register(commands: Any) -> None:
    readiness = add_command(
        commands,
        "readiness",
        _cmd_readiness,
        "the second-round readiness list of a session: what is done, what is not yet, and what to do",
    )
    readiness.add_argument(
        "--session",
        metavar="ID",
        help="the session (default: your newest mock interview, else your newest session)",
    )
    readiness.add_argument("--format", choices=("text", "json"), default="text")
    for flag, verb in (("--tick", "tick"), ("--untick", "untick")):
        readiness.add_argument(
            flag,
            action="append",
            choices=tuple(MANUAL),
            help=f"{verb} an item you check by hand (repeatable)",
        )
