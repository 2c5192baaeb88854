"""`interview-practice plan`: what is due today and why (practice/prep/plan.py), as text or JSON.

The JSON is described by practice/prep/plan.schema.json.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from practice.cli.common import EXIT_OK, add_command
from practice.core.jobs import read_job_text
from practice.prep.plan import build_plan, plan_text
from practice.storage.history import Store
from practice.storage.job_choices import load_job_choices


def _cmd_plan(args: argparse.Namespace) -> int:
    store = Store()
    try:
        # the job given, else the one practiced last (the studio's setup offers the same one)
        job_text = read_job_text(Path(args.job)) if args.job else store.last_job_text()
        plan = build_plan(store, datetime.now().astimezone(), job_text, load_job_choices(job_text))
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(plan.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(plan_text(plan), end="")
    return EXIT_OK


def register(commands: Any) -> None:
    plan = add_command(
        commands,
        "plan",
        _cmd_plan,
        "what is due today and why: weak answers to practice again, requirements not yet evidenced",
    )
    plan.add_argument(
        "--job", metavar="FILE", help="the job to prepare for (default: the job of your last session)"
    )
    plan.add_argument("--format", choices=("text", "json"), default="text")
