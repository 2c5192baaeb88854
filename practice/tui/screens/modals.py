"""Small dialogs: the key list (help), yes/no confirmation, and the error report for failed workers."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

HelpSection = tuple[str, list[tuple[str, str]]]


def declared_bindings(cls: type) -> list[Binding]:
    """The bindings a studio class declares (its own and its studio bases'), plus Textual's App quit key.

    Textual's generic screen bindings (focus next, copy) are left out: they are not studio actions."""

    found: list[Binding] = []
    for klass in cls.__mro__:
        if klass.__module__.startswith("practice.") or klass is App:
            for item in klass.__dict__.get("BINDINGS", []):
                binding = item if isinstance(item, Binding) else Binding(*item)
                if binding.description and not binding.system:
                    found.append(binding)
    return found


def binding_rows(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys as shown, description) for each binding that has a description."""
    rows: list[tuple[str, str]] = []
    for item in bindings:
        binding = item if isinstance(item, Binding) else Binding(*item)
        if not binding.description:
            continue
        keys = binding.key_display or ", ".join(_pretty(k) for k in binding.key.split(","))
        rows.append((keys, binding.description))
    return rows


def _pretty(key: str) -> str:
    names = {"question_mark": "?", "space": "space", "escape": "esc", "enter": "enter", "delete": "del"}
    key = key.strip()
    return names.get(key, key)


class HelpScreen(ModalScreen[None]):
    """Every key of every screen, and how to reach every action from the command palette."""

    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss", "Close help", key_display="esc")]

    def __init__(self, sections: list[HelpSection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="help"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll():
                for title, rows in self.sections:
                    yield Static(Text(title, style="bold underline"), classes="help-heading")
                    lines = Text()
                    for keys, description in rows:
                        lines.append(f"{keys:<14}", style="bold cyan")
                        lines.append(f"{description}\n")
                    lines.rstrip()
                    yield Static(lines)
                yield Static(
                    Text(
                        "ctrl+p opens the command palette: type any action's name to run it.", style="italic"
                    ),
                    classes="help-heading",
                )
            yield Label("esc closes this help", classes="dialog-hint")


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; returns True only for an explicit yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, title: str, body: str, yes_label: str = "Delete") -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.yes_label = yes_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="confirm"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.body)
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes_label} (y)", variant="error", id="yes")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe choice has the focus: enter does not delete

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ErrorScreen(ModalScreen[None]):
    """Something failed in the background; says what, and that nothing recorded was lost."""

    BINDINGS = [Binding("escape,enter", "dismiss", "Close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="error"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll():
                yield Static(Text(self.message), id="error-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok")

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss()
