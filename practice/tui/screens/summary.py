"""The whole session at a glance: every attempt with its scores, the averages, and the tips that matter most.
Shown when a session ends, and when a session is opened from the history."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from practice.core.mock import stored_sections
from practice.core.records import SCORE_KEYS, AttemptRecord, SessionRecord
from practice.core.timing import LongAnswer, long_answers, stored_target
from practice.prep.readiness import Readiness, session_readiness
from practice.reports.model import try_label
from practice.tui.screens.base import StudioScreen
from practice.tui.screens.coverage import CoverageScreen
from practice.tui.screens.export import ask_and_export
from practice.tui.screens.followup import ask_and_save_story, ask_and_write_drafts
from practice.tui.screens.review import ReviewScreen
from practice.tui.widgets.meters import format_clock
from practice.tui.widgets.readiness import DEFAULT_WIDTH, readiness_text
from practice.tui.widgets.scores import score_text

MAX_TIPS = 3


def session_heading(session: SessionRecord) -> Text:
    text = Text.assemble((f"{session.started_at:%a %d %b %Y %H:%M}", "bold"))
    text.append(f" · {session.bank_name}")
    if session.job_title:
        text.append(f" · {session.job_title}")
    return text


def averages_text(attempts: list[AttemptRecord]) -> Text:
    text = Text.assemble(("Average ", "bold"))
    for key in ("overall", *SCORE_KEYS):
        scores = [s for a in attempts if (s := a.score(key)) is not None]
        text.append(f" {key} ")
        text.append_text(score_text(sum(scores) / len(scores) if scores else None))
    return text


def top_tips(attempts: list[AttemptRecord]) -> list[str]:
    """The first tips of each question's latest scored attempt, without repeats: what to work on next."""
    latest: dict[str, AttemptRecord] = {}
    for attempt in attempts:
        if attempt.feedback:
            latest[attempt.question_id] = attempt
    tips: list[str] = []
    for attempt in latest.values():
        for tip in attempt.result.tips[:1] if attempt.result else []:
            if tip not in tips:
                tips.append(tip)
    return tips[:MAX_TIPS]


def length_cell(attempt: AttemptRecord, long: LongAnswer | None) -> Text:
    """The answer's length; marked when it ran past its target (or was stopped at the limit)."""
    if not attempt.duration_s:
        return Text("error" if attempt.error else "typed", style="grey50")
    text = Text(format_clock(attempt.duration_s))
    if long is not None:
        text.append(" limit" if long.stopped else " long", style="yellow")
    return text


#: Was the tip a retry worked on followed? (short: the table fits 80 columns)
TIP_MARKS = {True: ("yes", "green"), False: ("no", "yellow"), None: ("-", "grey50")}


def tip_cell(attempt: AttemptRecord) -> Text:
    """For a retry that worked on a tip: was it followed? Empty for other attempts."""
    if attempt.worked_tip is None:
        return Text("")
    words, style = TIP_MARKS[attempt.worked_tip.followed]
    return Text(words, style=style)


def long_text(long: list[LongAnswer], numbers: dict[str, int]) -> Text:
    """Which answers ran past their target (and which a hard limit stopped), by question and attempt."""
    if not long:
        return Text("")
    text = Text.assemble(("Ran long", "bold"))
    for item in long:
        a = item.attempt
        text.append(f"\n • Q{numbers.get(a.question_id, 0)} attempt {a.attempt_no}: ")
        if item.stopped:
            text.append(f"stopped at the {format_clock(item.target_s)} limit", style="yellow")
        else:
            text.append(f"{format_clock(a.duration_s or 0)} of {format_clock(item.target_s)}", style="yellow")
            text.append(f" ({item.over_s:.0f} s over)", style="grey70")
    return text


class SummaryScreen(StudioScreen):
    HELP_TITLE = "Session summary"
    BINDINGS = [
        Binding("enter", "open", "Review attempt", show=True),
        Binding("escape", "app.pop_screen", "Back"),
        Binding("n", "new_session", "New session"),
        Binding("s", "save_story", "Save as story"),
        Binding("c", "coverage", "Coverage"),
        Binding("d", "drafts", "Follow-up drafts"),
        Binding("e", "export", "Export"),
        # a mock interview's readiness list: the two items the person ticks by hand
        Binding("r", "tick('references')", "References alerted"),
        Binding("w", "tick('work-samples')", "Work samples ready"),
    ]

    def __init__(self, session_id: str, finished: bool = False) -> None:
        super().__init__()
        self.session_id = session_id
        self.finished = finished
        self.attempts: list[AttemptRecord] = []
        self.readiness: Readiness | None = None
        """A mock interview's readiness list, once made (in a worker); None for other sessions."""
        self.mock = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="summary"):
            yield Static(id="summary-heading")
            yield Static(id="summary-averages")
            yield DataTable(id="attempts", cursor_type="row", zebra_stripes=True)
            yield Static(id="summary-long")
            yield Static(id="summary-tips")
            with VerticalScroll(id="summary-readiness-box"):
                yield Static(
                    Text("Second-round readiness: checking…", style="grey62"), id="summary-readiness"
                )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Session finished" if self.finished else "Session"
        store = self.services.store
        session = store.session(self.session_id)
        if session is None:
            self.notify("This session is no longer in the history.", severity="error")
            self.app.pop_screen()
            return
        self.session = session
        self.attempts = store.attempts(self.session_id)
        self.query_one("#summary-heading", Static).update(session_heading(session))
        self.query_one("#summary-averages", Static).update(averages_text(self.attempts))
        table = self.query_one(DataTable)
        table.add_column("#", key="n")
        table.add_column("Question", key="question", width=30)
        table.add_column("Try", key="try")
        for key in ("overall", "examples", "enthusiasm", "alignment"):
            table.add_column(key[:3].capitalize(), key=key)
        table.add_column("Length", key="length")
        table.add_column("Tip", key="tip")
        numbers: dict[str, int] = {}
        long = {item.attempt.id: item for item in long_answers(self.attempts, session.settings or {})}
        for attempt in self.attempts:
            number = numbers.setdefault(attempt.question_id, len(numbers) + 1)
            table.add_row(
                str(number),
                attempt.question_text,
                try_label(attempt, self.attempts),
                *(score_text(attempt.score(k)) for k in ("overall", "examples", "enthusiasm", "alignment")),
                length_cell(attempt, long.get(attempt.id)),
                tip_cell(attempt),
                key=str(attempt.id),
            )
        shown_long = self.query_one("#summary-long", Static)
        shown_long.update(long_text(list(long.values()), numbers))
        shown_long.display = bool(long)
        tips = top_tips(self.attempts)
        text = Text.assemble(("Work on next", "bold")) if tips else Text("")
        for number, tip in enumerate(tips, start=1):
            text.append(f"\n {number}. {tip}")
        self.query_one("#summary-tips", Static).update(text)
        self.mock = stored_sections(session.settings) is not None
        self.query_one("#summary-readiness-box").display = self.mock
        if self.mock:
            self.load_readiness()
        table.focus()
        self.refresh_bindings()

    # --- a mock interview's readiness list ---------------------------------------------------------------

    @work(thread=True, exclusive=True, group="readiness", exit_on_error=False)
    def load_readiness(self, tick: tuple[str, bool] | None = None) -> None:
        """Make the list (it reads the coverage and the drafts folder), after storing a tick if one is given."""
        store = self.services.store
        if tick is not None:
            store.set_check(self.session_id, *tick)
        readiness = session_readiness(store, self.session_id)
        self.app.call_from_thread(self._show_readiness, readiness)

    def _show_readiness(self, readiness: Readiness) -> None:
        if not self.is_mounted:
            return
        self.readiness = readiness
        self._draw_readiness()
        self.refresh_bindings()

    def _draw_readiness(self) -> None:
        box = self.query_one("#summary-readiness-box")
        if self.readiness is not None:
            # the box's width less its scrollbar's column, which appears once the list is longer than the box
            width = box.size.width - 1 if box.size.width else DEFAULT_WIDTH
            self.query_one("#summary-readiness", Static).update(readiness_text(self.readiness, width))

    def on_resize(self) -> None:
        self.call_after_refresh(self._draw_readiness)  # wrapped to the new width

    def action_tick(self, key: str) -> None:
        if self.readiness is not None:
            self.load_readiness((key, not self.readiness.item(key).done))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_session":
            return self.finished
        if action == "save_story":
            selected = self._selected()
            return selected is not None and bool(selected.transcript)
        if action == "coverage":  # requirements come from the job description
            session = getattr(self, "session", None)
            return session is not None and bool(session.job_text)
        if action == "drafts":
            return any(a.feedback for a in self.attempts)
        if action == "tick":
            return self.mock and self.readiness is not None
        return True

    def _selected(self) -> AttemptRecord | None:
        if not self.is_mounted or not self.attempts:
            return None
        row = self.query_one(DataTable).cursor_row
        return self.attempts[row] if 0 <= row < len(self.attempts) else None

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.refresh_bindings()  # "save as story" depends on the row

    def action_save_story(self) -> None:
        selected = self._selected()
        if selected is not None:
            ask_and_save_story(self, selected)

    def action_coverage(self) -> None:
        self.app.push_screen(CoverageScreen(self.session_id))

    def action_drafts(self) -> None:
        # a new draft ticks its line of the readiness list
        ask_and_write_drafts(
            self, self.services.store, self.session_id, self.load_readiness if self.mock else None
        )

    def action_export(self) -> None:
        ask_and_export(self, self.services.store, self.session_id)

    def action_new_session(self) -> None:
        self.app.pop_screen()  # back to setup, with the same choices ready

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if not self.attempts or table.cursor_row < 0:
            return
        attempt = self.attempts[table.cursor_row]
        peers = [a for a in self.attempts if a.question_id == attempt.question_id]
        target = stored_target(self.session.settings or {}, attempt.question_id)
        self.app.push_screen(ReviewScreen(attempt, peers, live=False, target_s=target))

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()
