"""History: every session (date, bank, job, scores), each score's trend over time, each requirement of the
last job over the sessions practiced for it, the due count, opening a session to review it again, and
deleting a session with its recordings after a confirmation."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from practice.core.records import SCORE_KEYS, SessionSummary
from practice.prep.plan import build_plan
from practice.prep.progress import RequirementTrack, history_requirement_tracks
from practice.storage.job_choices import load_job_choices
from practice.tui.screens.base import StudioScreen
from practice.tui.screens.export import ask_and_export
from practice.tui.screens.modals import ConfirmScreen
from practice.tui.screens.progress import BestAnswersScreen
from practice.tui.screens.summary import SummaryScreen
from practice.tui.widgets.scores import score_text
from practice.tui.widgets.trend import RequirementTrend, ScoreTrend


class HistoryScreen(StudioScreen):
    HELP_TITLE = "History"
    BINDINGS = [
        Binding("enter", "open", "Open session"),
        Binding("d,delete", "delete", "Delete session", key_display="d"),
        Binding("e", "export", "Export session"),
        Binding("b", "best", "Best answers"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[SessionSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history"):
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static(id="history-empty")
            yield Static(id="history-due")
            yield Static(
                Text("Scores over time (one bar per answer, 0-100)", style="bold"), classes="section"
            )
            yield ScoreTrend(id="trend")
            yield Static(id="requirements-heading", classes="section")
            yield RequirementTrend(id="requirements-trend")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "History"
        table = self.query_one(DataTable)
        table.add_column("Date", key="date")
        table.add_column("Bank", key="bank", width=12)
        table.add_column("Job", key="job", width=12)
        table.add_column("Ans", key="answers")
        for key in ("overall", *SCORE_KEYS):
            table.add_column(key[:3].capitalize(), key=key)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()  # a session may have been added since this screen was first shown

    def reload(self) -> None:
        store = self.services.store
        self.summaries = store.sessions()
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for summary in self.summaries:
            s = summary.session
            table.add_row(
                f"{s.started_at:%Y-%m-%d %H:%M}",
                s.bank_name,
                s.job_title or "-",
                str(summary.attempts),
                *(score_text(summary.averages[k]) for k in ("overall", *SCORE_KEYS)),
                key=s.id,
            )
        if self.summaries:
            table.move_cursor(row=min(max(row, 0), len(self.summaries) - 1))
        empty = self.query_one("#history-empty", Static)
        empty.display = not self.summaries
        empty.update(Text("No sessions yet. Answer a question and it will be here.", style="italic grey50"))
        self.query_one(ScoreTrend).points = [point.scores for point in store.trend()]
        self.query_one("#requirements-heading").display = False
        self.query_one(RequirementTrend).display = False
        self.count_due()
        self.refresh_bindings()

    @work(thread=True, exclusive=True, group="due", exit_on_error=False)
    def count_due(self) -> None:
        """How many cards are due today (practice/prep/plan.py), with the last job's requirements, as the
        setup screen and `interview-practice plan` count them; and those requirements over time."""
        store = self.services.store
        job_text = store.last_job_text()
        choices = load_job_choices(job_text)
        plan = build_plan(store, self.services.clock(), job_text, choices)
        tracks = history_requirement_tracks(store, job_text, choices) if job_text else []
        self.app.call_from_thread(self._show_due, len(plan.due), tracks, plan.job_title)

    def _show_due(self, due: int, tracks: list[RequirementTrack], job: str | None) -> None:
        if not self.is_mounted or not self.summaries:
            return
        if tracks:
            sessions = max(len(t.statuses) for t in tracks)
            heading = self.query_one("#requirements-heading", Static)
            heading.update(
                Text.assemble(
                    ("Requirements over time", "bold"),
                    (
                        f" · {job or 'your last job'}: {sessions} session{'s' if sessions != 1 else ''}",
                        "grey62",
                    ),
                )
            )
            heading.display = True
            trend = self.query_one(RequirementTrend)
            trend.tracks, trend.display = tracks, True
        words = f"{due} due today (setup: ctrl+d)" if due else "Nothing due today"
        self.query_one("#history-due", Static).update(
            Text.assemble(
                (words, "bold" if due else "grey62"), ("  ·  b: your best answer to each question", "grey62")
            )
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "delete", "export", "best"):
            return bool(self.summaries)
        return True

    def _selected(self) -> SessionSummary | None:
        row = self.query_one(DataTable).cursor_row
        return self.summaries[row] if 0 <= row < len(self.summaries) else None

    def action_open(self) -> None:
        selected = self._selected()
        if selected:
            self.app.push_screen(SummaryScreen(selected.session.id))

    def action_best(self) -> None:
        self.app.push_screen(BestAnswersScreen())

    def action_export(self) -> None:
        selected = self._selected()
        if selected:
            ask_and_export(self, self.services.store, selected.session.id)

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    @work(exit_on_error=False)
    async def action_delete(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        s = selected.session
        if s.id == self.studio.active_session_id:
            self.notify("This is the session you are practicing now; finish it first.", severity="warning")
            return
        body = (
            f"{s.started_at:%Y-%m-%d %H:%M} · {s.bank_name}: {selected.attempts} answer"
            f"{'s' if selected.attempts != 1 else ''} and their recordings will be deleted for good."
        )
        if not await self.app.push_screen_wait(ConfirmScreen("Delete this session?", body)):
            return
        result = self.services.store.delete_session(s.id)
        if result.failed:
            names = ", ".join(str(path) for path, _ in result.failed)
            self.notify(f"Some recordings could not be removed: {names}", severity="warning")
        else:
            self.notify(
                f"Deleted the session and {len(result.removed)} recording"
                f"{'s' if len(result.removed) != 1 else ''}."
            )
        self.reload()
