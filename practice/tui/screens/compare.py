"""Attempts at one question side by side (the last three), with what changed from the previous one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Static

from practice.core.compare import compare_attempts
from practice.core.records import AttemptRecord, WorkedTip, follow_up_note, parent_of
from practice.tui.screens.base import StudioScreen
from practice.tui.widgets.meters import format_clock
from practice.tui.widgets.scores import DIMENSIONS, score_text
from practice.tui.widgets.transcript import HighlightedTranscript

MAX_COLUMNS = 3


def column_heading(
    attempt: AttemptRecord,
    previous: AttemptRecord | None,
    others: list[AttemptRecord] | None = None,
    dated: bool = False,
) -> Text:
    """`dated`: the columns come from different sessions (a tip carried over a day), so each says its day."""
    text = Text.assemble((f"Attempt {attempt.attempt_no}", "bold"))
    if dated:
        text.append(f" of {attempt.created_at.date().isoformat()}", style="bold")
    if attempt.duration_s:
        text.append(f" · {format_clock(attempt.duration_s)}", style="grey70")
    parent = parent_of(attempt, others or [])
    note = follow_up_note(attempt, parent.attempt_no if parent else None)
    if note:  # an answer to a follow-up answers other words than the question on top
        text.append(f"\n{note}: ", style="grey70")
        text.append(attempt.question_text, style="italic")
    for key, title in (("overall", "Overall"), *DIMENSIONS):
        text.append(f"\n{title:<11}")
        score = attempt.score(key)
        text.append_text(score_text(score))
        before = previous.score(key) if previous else None
        if score is not None and before is not None and score != before:
            delta = score - before
            text.append(f" {'▲' if delta > 0 else '▼'}{abs(delta)}", style="green" if delta > 0 else "red")
    if attempt.error:
        text.append(f"\n{attempt.error}", style="red")
    return text


VERDICTS = {
    "yes": ("Followed this time", "bold green"),
    "no": ("Not followed yet", "bold yellow"),
    "not_judged": ("Not judged", "bold grey70"),
}


def worked_tip_text(worked: WorkedTip) -> Text:
    """`Working on (from attempt 1): Quantify the result ...` and the verdict on this attempt, with why (a
    tip carried over from an earlier day: `from your answer of 2026-01-26`)."""
    text = Text.assemble(("Working on", "bold"), (f" (from {worked.source}): ", "grey70"))
    text.append(worked.tip, style="italic")
    if worked.verdict is not None:
        words, style = VERDICTS.get(worked.verdict, VERDICTS["not_judged"])
        text.append("\n")
        text.append(words, style=style)
        if worked.reason:
            text.append(f": {worked.reason}")
    return text


def compare_columns(
    attempts: list[AttemptRecord], others: list[AttemptRecord] | None = None, **kwargs: Any
) -> Iterator[Any]:
    """The attempts side by side, each with its scores (and the change from the one before) and its
    transcript with the evidence highlighted; `others` (the question's attempts) name the try an answer to a
    follow-up follows. Yield from a compose method."""
    dated = len({a.session_id for a in attempts}) > 1
    with Horizontal(classes="compare-columns", **kwargs):
        for index, attempt in enumerate(attempts):
            with VerticalScroll(classes="compare-column"):
                previous = attempts[index - 1] if index else None
                named = others if others is not None else attempts
                yield Static(column_heading(attempt, previous, named, dated))
                yield HighlightedTranscript(attempt.transcript or "", attempt.result)


class CompareScreen(StudioScreen):
    HELP_TITLE = "Compare attempts"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, attempts: list[AttemptRecord], target_s: int | None = None) -> None:
        super().__init__()
        self.attempts = attempts[-MAX_COLUMNS:]
        self.all_attempts = attempts
        self.target_s = target_s

    def compose(self) -> ComposeResult:
        shown = self.attempts
        yield Header()
        with VerticalScroll(id="compare"):
            asked = next((a for a in reversed(shown) if a.follow_up_of is None), shown[-1])
            yield Static(Text(asked.question_text, style="bold"), id="compare-question")
            if len(shown) > 1:
                changes = compare_attempts(shown[-2], shown[-1])
                text = Text(
                    f"What changed from attempt {shown[-2].attempt_no} to {shown[-1].attempt_no}",
                    style="bold",
                )
                for line in changes:
                    text.append(f"\n • {line}")
                yield Static(text, id="changes")
            if shown[-1].worked_tip is not None:
                yield Static(worked_tip_text(shown[-1].worked_tip), id="compare-worked-tip")
            yield from compare_columns(shown, self.all_attempts, id="compare-columns")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Compare attempts"
