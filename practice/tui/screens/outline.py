"""Editing an answer's outline and keeping it in the story bank: the outline in the person's own words as
text to rework (an empty slot shows the question it should answer), a title, and save. The file is written by
practice/prep/stories.py; this dialog only collects the text."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Static, TextArea

from feedback.model import Outline
from feedback.outline import outline_text
from practice.core.records import AttemptRecord
from practice.prep.stories import StoryError, save_story, story_from_outline, suggest_title


class OutlineScreen(ModalScreen[tuple[str, str] | None]):
    """The outline to edit and a title; returns (title, outline text), or None when cancelled."""

    BINDINGS = [Binding("ctrl+s", "save", "Save as story"), Binding("escape", "cancel", "Cancel")]

    def __init__(self, outline: Outline, question: str) -> None:
        super().__init__()
        self.outline = outline
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="outline"):
            yield Label("Your outline", classes="dialog-title")
            yield Static(Text(self.question, style="italic"))
            yield TextArea(outline_text(self.outline), id="outline-text", soft_wrap=True)
            yield Static(
                Text(
                    "Your own sentences. Answer the questions in brackets, or leave them: they are not saved.",
                    style="grey62",
                )
            )
            with Horizontal(classes="row"):
                yield Label("Title ")
                yield Input(suggest_title(self.question), id="outline-title", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save as story (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#outline-text", TextArea).focus()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#outline-title")
    def action_save(self) -> None:
        title = self.query_one("#outline-title", Input).value.strip()
        if not title:
            self.notify("Give the story a title.", severity="warning")
            self.query_one("#outline-title", Input).focus()
            return
        self.dismiss((title, self.query_one("#outline-text", TextArea).text))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def edit_and_save_outline(screen: Screen, attempt: AttemptRecord, outline: Outline) -> None:
    """Open the outline to edit, then save it as a story file; says where it went (or why it could not)."""

    def save(edited: tuple[str, str] | None) -> None:
        if edited is None:
            return
        title, text = edited
        try:
            story = story_from_outline(attempt, title, text)
            path = save_story(story)
        except (StoryError, OSError) as error:
            screen.notify(str(error), title="Outline not saved", severity="error")
            return
        screen.notify(f"Saved your outline as {path}.", title="Story saved", timeout=8)

    screen.app.push_screen(OutlineScreen(outline, attempt.question_text), save)
