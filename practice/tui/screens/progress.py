"""The best answer so far to each question (practice/prep/progress.py): its score against the first answer's,
how often it was answered, and when it comes back; enter opens the best answer's review."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from practice.core.spaced import days_until
from practice.prep.progress import BestAnswer, history_best_answers
from practice.tui.screens.base import StudioScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.widgets.scores import score_text

QUESTION_WIDTH = 38


def due_words(due_at: datetime | None, now: datetime) -> str:
    if due_at is None:
        return "-"
    days = days_until(due_at, now)
    return "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"


class BestAnswersScreen(StudioScreen):
    HELP_TITLE = "Best answers"
    BINDINGS = [
        Binding("enter", "open", "Open the best answer"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[BestAnswer] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="best"):
            yield Static(
                Text(
                    "Your best answer so far to each question, the one coming back soonest first",
                    style="bold",
                ),
                id="best-heading",
            )
            yield DataTable(id="best-answers", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Best answers"
        table = self.query_one(DataTable)
        table.add_column("Question", key="question", width=QUESTION_WIDTH)
        for label, key in (("Best", "best"), ("First", "first"), ("Tries", "tries"), ("Back", "due")):
            table.add_column(label, key=key)
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        rows = history_best_answers(self.services.store)
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[BestAnswer]) -> None:
        self.rows = rows
        table = self.query_one(DataTable)
        now = self.services.clock()
        for number, row in enumerate(rows):
            table.add_row(
                row.question,
                score_text(row.best.score("overall")),
                score_text(row.first),
                str(row.answers),
                due_words(row.due_at, now),
                key=str(number),
            )
        if not rows:
            self.query_one("#best-heading", Static).update(
                Text(
                    "No scored answers yet: answer a question and its best answer shows here.", style="italic"
                )
            )
        table.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.rows) if action == "open" else True

    def action_open(self) -> None:
        row = self.query_one(DataTable).cursor_row
        if 0 <= row < len(self.rows):
            best = self.rows[row].best
            peers = [
                a for a in self.services.store.attempts(best.session_id) if a.question_id == best.question_id
            ]
            self.app.push_screen(ReviewScreen(best, peers, live=False))

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()
