"""The dialog shown at start when answers were cut short by a crash: recover, keep or delete them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from practice.audio.markers import Unfinished


def describe(items: list[Unfinished]) -> Text:
    text = Text()
    for item in items:
        when = f"{item.started_at:%a %d %b %H:%M}" if item.started_at else "unknown time"
        text.append(f" • {when}", style="bold")
        text.append(f"  {item.duration_s:.0f} s")
        if item.question_id:
            text.append(f"  question {item.question_id}", style="grey62")
        text.append(f"\n   {item.wav.name}\n", style="grey50")
    text.rstrip()
    return text


class RecoveryScreen(ModalScreen[str]):
    """Returns "recover" (which has the focus: it loses nothing), "later" or "discard"."""

    BINDINGS = [
        Binding("r", "choose('recover')", "Recover"),
        Binding("d", "choose('discard')", "Delete"),
        Binding("l,escape", "choose('later')", "Later"),
    ]

    def __init__(self, items: list[Unfinished]) -> None:
        super().__init__()
        self.items = items

    def compose(self) -> ComposeResult:
        count = len(self.items)
        answers = "an answer" if count == 1 else f"{count} answers"
        with Vertical(id="dialog", classes="recovery"):
            yield Label(f"The studio stopped while recording {answers}", classes="dialog-title")
            yield Static(
                "The audio recorded up to the crash is on disk. Recover repairs the file, then transcribes "
                "and scores it into your history."
            )
            with VerticalScroll():
                yield Static(describe(self.items), id="unfinished-list")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Recover (r)", variant="primary", id="recover")
                yield Button("Later (l)", id="later")
                yield Button("Delete (d)", variant="error", id="discard")

    def on_mount(self) -> None:
        self.query_one("#recover", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "later")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
