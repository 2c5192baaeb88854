"""The other ways to answer than speaking: a text box to type into, and a path field to import a WAV or FLAC
recording. The panel checks what it can (an empty answer, a wrong file type, a missing file) and posts a
message for the screen to act on; it does no transcription or scoring itself."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, TextArea

IMPORT_SUFFIXES = (".wav", ".flac")
Mode = Literal["typed", "import"] | None


class AnswerPanel(Vertical):
    """Shows one of its two parts (or neither, when the person answers out loud)."""

    DEFAULT_CSS = """
    AnswerPanel {
        height: 1fr;
        display: none;
    }
    AnswerPanel > Vertical {
        height: 1fr;
    }
    AnswerPanel #typed {
        height: 1fr;
        min-height: 4;
    }
    """

    class Typed(Message):
        """The person submitted a typed answer (never empty)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class ImportChosen(Message):
        """The person picked an existing WAV or FLAC file to use as the answer."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.mode: Mode = None

    def compose(self) -> ComposeResult:
        with Vertical(id="typed-panel"):
            yield Label("Type your answer · ctrl+s submits · esc leaves the box")
            yield TextArea(id="typed", soft_wrap=True)
        with Vertical(id="import-panel"):
            yield Label("Import a recording (WAV or FLAC) · enter imports · esc closes")
            yield Input(placeholder="/path/to/answer.wav", id="import-path")

    def show(self, mode: Mode) -> None:
        """Show the typing box or the import field (focused, ready for input), or hide both."""
        self.mode = mode
        self.display = mode is not None
        self.query_one("#typed-panel").display = mode == "typed"
        self.query_one("#import-panel").display = mode == "import"
        if mode == "typed":
            self.query_one("#typed", TextArea).focus()
        elif mode == "import":
            self.query_one("#import-path", Input).focus()

    @property
    def typing(self) -> bool:
        """True while the text box has the focus (single-letter keys then type, not act)."""
        focused = self.screen.focused
        return focused is not None and focused.id == "typed"

    def submit_typed(self) -> None:
        text = self.query_one("#typed", TextArea).text.strip()
        if not text:
            self.notify("Type an answer first.", severity="warning")
            return
        self.post_message(self.Typed(text))

    @on(Input.Submitted, "#import-path")
    def _import_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        raw = event.value.strip()
        if not raw:
            return
        source = Path(raw).expanduser()
        if source.suffix.lower() not in IMPORT_SUFFIXES:
            self.notify(f"{source.name} is not a WAV or FLAC file.", severity="error")
        elif not source.is_file():
            self.notify(f"{source}: no such file.", severity="error")
        else:
            self.post_message(self.ImportChosen(source))

    def clear(self) -> None:
        """Empty both fields once their answer is saved."""
        self.query_one("#typed", TextArea).clear()
        self.query_one("#import-path", Input).value = ""
