"""Dialogs for keeping what a session produced: saving an answer as a story (a title to give it), and
follow-up drafts (the interviewers to write to, then where the drafts are). The files are written by
practice/prep/stories.py and practice/prep/drafts.py; these dialogs only collect the input and show the result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Static, TextArea

from practice.core.records import AttemptRecord
from practice.prep.drafts import Interviewer, parse_interviewer, write_drafts
from practice.prep.stories import StoryError, save_story, story_from_attempt, suggest_title
from practice.storage.history import Store


class StoryTitleScreen(ModalScreen[str | None]):
    """Asks for the story's title (a suggestion is filled in); returns it, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, suggestion: str, question: str) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="story"):
            yield Label("Save as a story", classes="dialog-title")
            yield Static(Text(self.question, style="italic"))
            yield Label("Title")
            yield Input(self.suggestion, id="story-title")
            yield Static(
                Text(
                    "Saved as a Markdown file you can edit, tagged with the requirements it proves.",
                    style="grey62",
                )
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (enter)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#story-title", Input).focus()

    @on(Input.Submitted, "#story-title")
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        title = self.query_one("#story-title", Input).value.strip()
        if not title:
            self.notify("Give the story a title.", severity="warning")
            return
        self.dismiss(title)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class InterviewersScreen(ModalScreen[list[Interviewer] | None]):
    """Asks for the interviewers, one "Name: Role" a line; returns them, or None when cancelled."""

    BINDINGS = [Binding("ctrl+s", "write", "Write drafts"), Binding("escape", "cancel", "Cancel")]

    def __init__(self, known: list[tuple[str, str]] | None = None) -> None:
        """`known`: the session's panel as (name, role), filled in so the person only corrects it."""
        super().__init__()
        self.known = known or []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="drafts"):
            yield Label("Follow-up drafts", classes="dialog-title")
            yield Static(
                "One thank-you email per interviewer, with an example from your answers that fits their "
                "role. Write one interviewer a line, as Name: Role."
            )
            yield TextArea(
                "\n".join(f"{name}: {role}" if role else name for name, role in self.known),
                id="interviewers",
                soft_wrap=True,
                placeholder="Dana Smith: Engineering Manager",
            )
            yield Static(id="interviewers-error", classes="error-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Write drafts (ctrl+s)", variant="primary", id="write")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#interviewers", TextArea).focus()

    @on(Button.Pressed, "#write")
    def action_write(self) -> None:
        lines = [ln for ln in self.query_one("#interviewers", TextArea).text.splitlines() if ln.strip()]
        try:
            interviewers = [parse_interviewer(line) for line in lines]
        except ValueError as error:
            self.query_one("#interviewers-error", Static).update(str(error))
            return
        if not interviewers:
            self.query_one("#interviewers-error", Static).update("Write at least one interviewer: Name: Role")
            return
        self.dismiss(interviewers)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class PathsScreen(ModalScreen[None]):
    """Where the files went (the drafts): the person opens them in their own editor."""

    BINDINGS = [Binding("escape,enter", "dismiss", "Close")]

    def __init__(self, title: str, lines: list[tuple[str, Path]], note: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            text = Text()
            for label, path in self.lines:
                text.append(f"{label}\n", style="bold")
                text.append(f"  {path}\n")
            if self.note:
                text.append(self.note, style="italic grey62")
            yield Static(text, id="paths")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok")

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss()


def ask_and_save_story(screen: Screen, attempt: AttemptRecord) -> None:
    """Ask for a title, then save the attempt as a story file; says where it went (or why it could not)."""

    def save(title: str | None) -> None:
        if title is None:
            return
        try:
            story = story_from_attempt(attempt, title)
            path = save_story(story)
        except (StoryError, OSError) as error:
            screen.notify(str(error), title="Story not saved", severity="error")
            return
        proves = f" It proves {len(story.requirements)} requirement(s)." if story.requirements else ""
        screen.notify(f"Saved {path}.{proves}", title="Story saved", timeout=8)

    screen.app.push_screen(
        StoryTitleScreen(suggest_title(attempt.question_text), attempt.question_text), save
    )


def ask_and_write_drafts(
    screen: Screen, store: Store, session_id: str, on_written: Callable[[], object] | None = None
) -> None:
    """Ask for the interviewers (the session's panel filled in), write one draft each, then show where the
    files are (and call `on_written`: a readiness list ticks its thank-you line)."""

    def write(interviewers: list[Interviewer] | None) -> None:
        if not interviewers:
            return
        try:
            drafts = write_drafts(store, session_id, interviewers)
        except (LookupError, ValueError, OSError) as error:
            screen.notify(str(error), title="Drafts not written", severity="error")
            return
        lines = [
            (f"{d.interviewer.name}" + (f" ({d.interviewer.role})" if d.interviewer.role else ""), d.path)
            for d in drafts
        ]
        screen.app.push_screen(
            PathsScreen("Follow-up drafts written", lines, "Edit them in any text editor; nothing is sent.")
        )
        if on_written is not None:
            on_written()

    screen.app.push_screen(InterviewersScreen(store.session_interviewers(session_id)), write)
