"""The Export dialog: pick Markdown or HTML and where to write it (the data folder's exports/ by default).
The report itself is made by practice/reports/export.py; this dialog only collects the choice and says where it went."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from practice.reports.export import FORMATS, ExportError, default_export_path, export_session
from practice.storage.history import Store


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    """Returns (format, path), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, session_id: str, fmt: str = "html") -> None:
        super().__init__()
        self.session_id = session_id
        self.fmt = fmt

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="export"):
            yield Label("Export session", classes="dialog-title")
            with RadioSet(id="export-format"):
                yield RadioButton(
                    "HTML (one file, opens in any browser)", id="fmt-html", value=self.fmt == "html"
                )
                yield RadioButton("Markdown", id="fmt-md", value=self.fmt == "md")
            yield Label("File")
            yield Input(str(default_export_path(self.session_id, self.fmt)), id="export-path")
            yield Static(id="export-error", classes="error-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (enter)", variant="primary", id="export")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed, "#export-format")
    def format_changed(self, event: RadioSet.Changed) -> None:
        fmt = "md" if event.pressed.id == "fmt-md" else "html"
        path_input = self.query_one("#export-path", Input)
        # Follow the format's extension unless the person typed a name of their own with another one.
        path = Path(path_input.value.strip() or default_export_path(self.session_id, fmt))
        if path.suffix in FORMATS.values():
            path_input.value = str(path.with_suffix(FORMATS[fmt]))
        self.fmt = fmt
        path_input.focus()  # so enter exports, as the button says

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export")
    def export(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self.query_one("#export-error", Static).update("Give the file to write.")
            return
        self.dismiss((self.fmt, Path(text).expanduser()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_and_export(screen: Screen, store: Store, session_id: str) -> None:
    """Ask for format and path, write the report, then say where it is (or why it could not be written).

    Writing runs on the UI thread: a report is a few hundred kilobytes of text made from rows already in
    memory's reach, milliseconds of work, so a worker would only add a state to get wrong."""

    def write(choice: tuple[str, Path] | None) -> None:
        if choice is None:
            return
        fmt, path = choice
        try:
            written = export_session(store, session_id, fmt, path)
        except (ExportError, LookupError, ValueError) as error:
            screen.notify(str(error), title="Not exported", severity="error", timeout=10)
            return
        screen.notify(f"Wrote {written}", title="Session exported", timeout=10)

    screen.app.push_screen(ExportScreen(session_id), write)
