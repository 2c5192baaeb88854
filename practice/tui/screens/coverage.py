"""The requirement coverage table: each requirement of the job, whether the answers evidenced it, and the
example sentence that did; for this session or every session practiced for the same job (a toggles)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from practice.prep.coverage import CoverageMatrix, job_coverage, session_coverage
from practice.storage.job_choices import load_job_choices
from practice.tui.screens.base import StudioScreen

STATUS_STYLES = {
    "covered": ("covered", "green"),
    "partial": ("partly", "yellow"),
    "missing": ("missing", "red"),
}
MAX_TODO = 3
REQUIREMENT_WIDTH, EXAMPLE_WIDTH = 30, 32  # with the two short columns, fits 80 columns


def heading_text(matrix: CoverageMatrix, whole_job: bool) -> Text:
    scope = "All sessions for this job" if whole_job else "This session"
    text = Text.assemble((scope, "bold"))
    text.append(
        f" · {matrix.title or 'job'} · {matrix.answers} scored answer{'s' if matrix.answers != 1 else ''}"
    )
    if whole_job:
        text.append(f" in {len(matrix.sessions)} session{'s' if len(matrix.sessions) != 1 else ''}")
    return text


def todo_text(matrix: CoverageMatrix) -> Text:
    todo = matrix.never_covered(must_have_only=True)
    if not todo:
        return Text("Every must-have requirement has an answer that evidences it.", style="green")
    text = Text.assemble(("Prepare a story for", "bold"))
    for row in todo[:MAX_TODO]:
        text.append(f"\n ★ {row.requirement}")
    if len(todo) > MAX_TODO:
        text.append(f"\n … and {len(todo) - MAX_TODO} more", style="grey62")
    return text


class CoverageScreen(StudioScreen):
    HELP_TITLE = "Coverage"
    BINDINGS = [
        Binding("a", "toggle_scope", "This session / all for the job"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.whole_job = False
        self.matrix: CoverageMatrix | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="coverage"):
            yield Static(id="coverage-heading")
            yield DataTable(id="coverage-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="coverage-todo")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Requirement coverage"
        table = self.query_one(DataTable)
        table.add_column("Requirement", key="requirement", width=REQUIREMENT_WIDTH)
        table.add_column("★", key="must")
        table.add_column("Status", key="status")
        table.add_column("Example", key="example", width=EXAMPLE_WIDTH)
        self.reload()
        table.focus()

    def reload(self) -> None:
        store = self.services.store
        session = store.session(self.session_id)
        if self.whole_job and session is not None and session.job_text:
            # every session for the posting, read with the person's current corrections to it
            self.matrix = job_coverage(store, session.job_text, load_job_choices(session.job_text))
        else:
            self.matrix = session_coverage(store, self.session_id)
        table = self.query_one(DataTable)
        table.clear()
        for number, row in enumerate(self.matrix.rows):
            label, style = STATUS_STYLES[row.status]
            best = row.best
            example = best.example.text if best is not None and best.example is not None else ""
            if row.no_story and not row.hits:  # a licence or a line about the company: nothing to tell
                label, style, shown = "no story", "grey62", Text(row.no_story, style="grey62")
            else:
                shown = Text(example, style="italic") if example else Text("-", style="grey50")
            table.add_row(
                Text(row.requirement),
                "★" if row.must_have else "",
                Text(label, style=style),
                shown,
                key=str(number),
                height=None,  # the whole requirement and example, wrapped: they are what the person reads
            )
        self.query_one("#coverage-heading", Static).update(heading_text(self.matrix, self.whole_job))
        self.query_one("#coverage-todo", Static).update(todo_text(self.matrix))

    def action_toggle_scope(self) -> None:
        self.whole_job = not self.whole_job
        self.reload()
