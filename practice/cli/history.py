"""The history subcommands: `history [SESSION] [--json]` and `export SESSION --format md|html --out FILE`.

Registered by practice/cli/commands.py like `eval` and the preparation commands, so commands.py stays small; neither loads
Textual or the speech stack.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from practice.cli.common import EXIT_FAILED, CliError, add_command
from practice.core.records import SCORE_KEYS, AttemptRecord, SessionSummary
from practice.reports.export import default_export_path, export_session
from practice.storage.history import Store


def _unknown(store: Any, session_id: str) -> str:
    """The error for a session id that is not there, with the closest ids (a typo, a truncated copy)."""
    ids = [s.session.id for s in store.sessions(limit=200)]
    near = [i for i in ids if i.startswith(session_id[:8])][:3] if session_id else []
    hint = f" Did you mean {', '.join(near)}?" if near else " `interview-practice history` lists them."
    return f"no session {session_id!r} in the history.{hint}"


def _score(value: float | None) -> str:
    return "  -" if value is None else f"{round(value):>3}"


def summary_dict(summary: SessionSummary) -> dict[str, Any]:
    s = summary.session
    return {
        "id": s.id,
        "started_at": s.started_at.isoformat(),
        "bank_id": s.bank_id,
        "bank": s.bank_name,
        "job_title": s.job_title,
        "answers": summary.attempts,
        "questions": summary.questions,
        "averages": {k: None if v is None else round(v, 1) for k, v in summary.averages.items()},
    }


def attempt_dict(attempt: AttemptRecord) -> dict[str, Any]:
    return {
        "id": attempt.id,
        "question_id": attempt.question_id,
        "question": attempt.question_text,
        "attempt": attempt.attempt_no,
        "created_at": attempt.created_at.isoformat(),
        "source": attempt.source,
        "interviewer": attempt.interviewer,
        "follow_up_of": attempt.follow_up_of,
        "follow_up_reason": attempt.follow_up_reason,
        "duration_s": attempt.duration_s,
        "scores": {key: attempt.score(key) for key in ("overall", *SCORE_KEYS)},
        "tips": attempt.result.tips if attempt.result else [],
        "worked_tip": attempt.worked_tip.to_dict() if attempt.worked_tip else None,
        "error": attempt.error,
    }


def _cmd_history(args: argparse.Namespace) -> int:
    store = Store()
    try:
        if args.session:
            session = store.session(args.session)
            if session is None:
                raise CliError(_unknown(store, args.session), EXIT_FAILED)
            attempts = store.attempts(args.session)
            panel = store.session_interviewers(args.session)
        else:
            summaries = store.sessions()
    finally:
        store.close()
    if not args.session:
        if args.json:
            print(json.dumps([summary_dict(s) for s in summaries], indent=2, ensure_ascii=False))
            return 0
        if not summaries:
            print("No sessions yet: practice one with `interview-practice`.")
            return 0
        print(f"{'session':<23} {'date':<16} {'ans':>3} {'all':>3} {'ex':>3} {'en':>3} {'al':>3}  bank / job")
        for summary in summaries:
            s, avg = summary.session, summary.averages
            scores = " ".join(_score(avg[k]) for k in ("overall", *SCORE_KEYS))
            job = f" / {s.job_title}" if s.job_title else ""
            print(
                f"{s.id:<23} {s.started_at:%Y-%m-%d %H:%M} {summary.attempts:>3} {scores}  {s.bank_name}{job}"
            )
        print("\n`interview-practice history SESSION` shows one session's answers.")
        return 0
    assert session is not None  # an unknown session raised CliError above
    if args.json:
        body = {
            "id": session.id,
            "started_at": session.started_at.isoformat(),
            "bank": session.bank_name,
            "job_title": session.job_title,
            "interviewers": [{"name": n, "role": r} for n, r in panel],
            "attempts": [attempt_dict(a) for a in attempts],
        }
        print(json.dumps(body, indent=2, ensure_ascii=False))
        return 0
    job = f" · {session.job_title}" if session.job_title else ""
    print(f"{session.id}  {session.started_at:%Y-%m-%d %H:%M} · {session.bank_name}{job}")
    if panel:
        print("panel: " + ", ".join(f"{n} ({r})" if r else n for n, r in panel))
    for attempt in attempts:
        scores = " ".join(f"{k[:3]} {_score(attempt.score(k))}" for k in ("overall", *SCORE_KEYS))
        who = f" [{attempt.interviewer}]" if attempt.interviewer else ""
        follows = f" (follow-up to #{attempt.follow_up_of})" if attempt.follow_up_of is not None else ""
        print(f"  #{attempt.id:<4} try {attempt.attempt_no} {scores}  {attempt.question_text}{who}{follows}")
        if attempt.worked_tip is not None:
            print(f"        {attempt.worked_tip.sentence()}")
        if attempt.error:
            print(f"        not scored: {attempt.error}")
    if not attempts:
        print("  no answers")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    store = Store()
    try:
        if store.session(args.session) is None:
            raise CliError(_unknown(store, args.session), EXIT_FAILED)
        out = None if args.out in (None, "") else Path(args.out)
        path = export_session(store, args.session, args.format, out)
    finally:
        store.close()
    print(f"wrote {path}")
    if out is None:
        print(
            f"(the default place; --out FILE writes elsewhere, e.g. {default_export_path('ID', args.format)})"
        )
    return 0


def register(commands: Any) -> None:
    """Add history and export to the `interview-practice` subcommands."""

    def add(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        return add_command(commands, name, handler, help_text)

    history = add("history", _cmd_history, "past sessions with their scores, or one session's answers")
    history.add_argument("session", nargs="?", metavar="SESSION", help="one session id: its answers")
    history.add_argument("--json", action="store_true", help="print JSON instead of a table")

    export = add("export", _cmd_export, "write a session report as Markdown or one self-contained HTML file")
    export.add_argument("session", metavar="SESSION", help="the session id (see `history`)")
    export.add_argument("--format", choices=("md", "html"), default="html")
    export.add_argument(
        "--out", metavar="FILE", help="the file to write (default: exports/ in the data folder)"
    )
