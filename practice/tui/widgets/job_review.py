"""What the posting reader understood, for the person to put right before practice (setup screen).

The title and company (editable), the requirements grouped by kind, each with a tick to untick a line that is
not a requirement, a row to add a line the reader missed, and the set-aside text with its reasons, folded.
The widget holds only what is on screen; `choices` turns it into a feedback.JobChoices
(practice.core.job_choices.make_choices), which the session is scored against and which is saved with the job.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Collapsible, Input, Label, Select, Static

from feedback import JobChoices
from practice.core.job_choices import KIND_NAMES, is_left_out, make_choices, scorable
from practice.core.jobs import JobSummary
from practice.tui.widgets.ticks import TickList

#: A set-aside paragraph (an employer's blurb) is shown by its start: it is listed to be recognised, not read.
MAX_SET_ASIDE_CHARS = 120


def set_aside_text(set_aside: list[tuple[str, str]]) -> Text:
    """What the reader did not take as a requirement, each line with its reason."""
    text = Text()
    for number, (line, reason) in enumerate(set_aside):
        text.append("\n" if number else "")
        text.append(f"{reason}: ", style="italic")
        text.append(line if len(line) <= MAX_SET_ASIDE_CHARS else line[: MAX_SET_ASIDE_CHARS - 1] + "…")
    return text


def _added(line: str) -> Text:
    return Text.assemble(line, (" (added by you)", "italic"))


class JobReview(Vertical):
    """The posting as read, with a tick on each requirement line, for the person to correct."""

    DEFAULT_CSS = """
    JobReview { height: auto; }
    JobReview #job-details { height: auto; }
    JobReview .kind-heading { margin-top: 1; color: $text-muted; text-style: bold; }
    JobReview TickList { background: transparent; }
    JobReview #job-add-kind { width: 8; margin-left: 1; }
    JobReview Collapsible { margin-top: 1; padding-left: 0; }
    JobReview #job-set-aside-list { color: $text-muted; }
    """

    class Changed(Message):
        """A line was ticked, unticked or added, or the title or company edited."""

        def __init__(self, review: JobReview) -> None:
            super().__init__()
            self.review = review

        @property
        def control(self) -> JobReview:
            return self.review

    def __init__(self, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self.summary: JobSummary | None = None
        """The posting as read (None: no posting, or it could not be read)."""
        self.added: list[tuple[str, str]] = []
        """Lines the person added, (text, kind); an unticked one is dropped from the corrections."""
        self._unmatched: tuple[str, ...] = ()
        """Saved left-out lines the reader no longer reads (a newer reader words a line differently): kept,
        so a correction is never lost silently."""

    def compose(self) -> ComposeResult:
        with Vertical(id="job-details"):
            with Horizontal(classes="field"):
                yield Label("Title")
                yield Input(placeholder="not found: type it", id="job-title", compact=True)
            with Horizontal(classes="field"):
                yield Label("Company")
                yield Input(placeholder="not found: type it", id="job-company", compact=True)
            for kind, name in KIND_NAMES.items():
                yield Label(name, id=f"kind-{kind}", classes="kind-heading")
                yield TickList(id=f"lines-{kind}", compact=True)
            with Horizontal(classes="row"):
                yield Input(placeholder="add a line it missed", id="job-add-text", compact=True)
                yield Select(
                    [(kind, kind) for kind in KIND_NAMES],
                    value="must",
                    allow_blank=False,
                    id="job-add-kind",
                    compact=True,
                )
                yield Button("Add", id="job-add", compact=True)
            with Collapsible(title="Set aside", id="job-set-aside", collapsed=True):
                yield Static(id="job-set-aside-list")

    def on_mount(self) -> None:
        self.query_one("#job-details").display = False

    # --- what is shown -----------------------------------------------------------------------------------

    def show(self, summary: JobSummary, choices: JobChoices | None) -> None:
        """Show a posting as read, with the person's earlier corrections (saved ones, or the ones on screen)
        already applied."""
        self.summary = summary
        read = {" ".join(text.lower().split()) for text, _ in summary.lines}
        excluded = choices.excluded if choices else ()
        self._unmatched = tuple(t for t in excluded if " ".join(t.lower().split()) not in read)
        self.added = list(choices.added) if choices else []
        self.query_one("#job-title", Input).value = (
            (choices.title if choices else None) or summary.title or ""
        )
        company = (choices.company if choices else None) or summary.company or ""
        self.query_one("#job-company", Input).value = company
        for kind in KIND_NAMES:
            lines = self.query_one(f"#lines-{kind}", TickList)
            lines.set_lines(
                [
                    (text, f"r{number}", not is_left_out(text, choices))
                    for number, (text, line_kind) in enumerate(summary.lines)
                    if line_kind == kind
                ]
                + [
                    (_added(text), f"a{number}", True)
                    for number, (text, line_kind) in enumerate(self.added)
                    if line_kind == kind
                ]
            )
            self._show_count(kind)
        collapsible = self.query_one("#job-set-aside", Collapsible)
        collapsible.title = f"Set aside ({len(summary.set_aside)}): not requirements"
        collapsible.display = bool(summary.set_aside)
        self.query_one("#job-set-aside-list", Static).update(set_aside_text(summary.set_aside))
        self.query_one("#job-details").display = True

    def clear(self) -> None:
        """No posting (or one that cannot be read): nothing to correct."""
        self.summary, self.added, self._unmatched = None, [], ()
        self.query_one("#job-details").display = False

    def _show_count(self, kind: str) -> None:
        lines = self.query_one(f"#lines-{kind}", TickList)
        label = self.query_one(f"#kind-{kind}", Label)
        label.update(f"{KIND_NAMES[kind]} ({len(lines.ticked)} of {len(lines.values)} ticked)")
        label.display = lines.display = bool(lines.values)

    # --- the corrections ---------------------------------------------------------------------------------

    @property
    def choices(self) -> JobChoices | None:
        """What the person corrected, tidied (None: nothing, or no posting)."""
        summary = self.summary
        if summary is None:
            return None
        ticked: set[str] = set()
        for kind in KIND_NAMES:
            ticked.update(self.query_one(f"#lines-{kind}", TickList).ticked)
        return make_choices(
            left_out=[t for n, (t, _) in enumerate(summary.lines) if f"r{n}" not in ticked]
            + [*self._unmatched],
            added=[line for n, line in enumerate(self.added) if f"a{n}" in ticked],
            title=self.query_one("#job-title", Input).value,
            company=self.query_one("#job-company", Input).value,
            read_title=summary.title,
            read_company=summary.company,
        )

    @on(TickList.Changed)
    def _ticked(self, event: TickList.Changed) -> None:
        event.stop()
        if event.tick_list.id:
            self._show_count(event.tick_list.id.removeprefix("lines-"))
        self.post_message(self.Changed(self))

    @on(Input.Changed, "#job-title, #job-company")
    def _renamed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self))

    @on(Input.Submitted, "#job-add-text")
    @on(Button.Pressed, "#job-add")
    def add_line(self, event: Message) -> None:
        """Add the typed line under the chosen kind (ticked); a line already there is ticked again."""
        event.stop()
        field = self.query_one("#job-add-text", Input)
        line = " ".join(field.value.split())
        if not line or self.summary is None:
            self.notify("Type the requirement the reader missed first.", severity="warning")
            return
        if not scorable(line):
            self.notify(
                f"{line!r} has no words an answer could be matched on: name the skill or the duty.",
                severity="warning",
            )
            return
        kind = str(self.query_one("#job-add-kind", Select).value)
        same = " ".join(line.lower().split())
        known = [(f"r{n}", t, k) for n, (t, k) in enumerate(self.summary.lines)]
        known += [(f"a{n}", t, k) for n, (t, k) in enumerate(self.added)]
        for value, text, line_kind in known:
            if " ".join(text.lower().split()) == same:
                self.query_one(f"#lines-{line_kind}", TickList).set_ticked(value)
                self.notify("That line is in the list already: it is ticked.")
                field.value = ""
                return
        self.added.append((line, kind))
        self.query_one(f"#lines-{kind}", TickList).add_line(_added(line), f"a{len(self.added) - 1}")
        self._show_count(kind)
        field.value = ""
        self.post_message(self.Changed(self))
