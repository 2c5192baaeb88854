"""The panel editor on the setup screen: add interviewers (name, optional role, voice) for panel mode.

Each new member gets the next voice no one on the panel has yet (practice.core.panel.panel_voices), so the
person hears who is asking without choosing anything; the Select lets them pick another installed voice."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from practice.core.panel import PanelMember, panel_voices

MAX_PANEL = 6


class PanelEditor(Vertical):
    BINDINGS = [Binding("ctrl+l", "clear_panel", "Clear panel")]
    DEFAULT_CSS = """
    PanelEditor { height: auto; }
    PanelEditor #panel-list { height: auto; color: $text-muted; }
    """

    def __init__(self, voices: list[str] | None = None, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self.voices = list(voices or [])
        self.members: list[PanelMember] = []

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Input(placeholder="Name: Role", id="panel-name", compact=True)
            yield Button("Add", id="panel-add", compact=True)
        with Horizontal(classes="field"):
            yield Label("Their voice")
            yield Select(
                self._options(), value=self._next_voice(), allow_blank=False, id="panel-voice", compact=True
            )
        yield Static(id="panel-list")

    def on_mount(self) -> None:
        self._show()

    def _options(self) -> list[tuple[str, str]]:
        names = list(
            dict.fromkeys(panel_voices(self.voices, 8) + [v for v in self.voices if v.startswith("en")])
        )
        return [(name, name) for name in names]

    def _next_voice(self) -> str:
        """The first voice of the distinct series that no member uses yet."""
        used = {m.voice for m in self.members}
        for voice in panel_voices(self.voices, 8):
            if voice not in used:
                return voice
        return panel_voices(self.voices, 1)[0]

    def set_voices(self, voices: list[str]) -> None:
        """The installed voices arrived (listed in a worker): offer them, keep the members' choices."""
        self.voices = list(voices)
        select = self.query_one("#panel-voice", Select)
        select.set_options(self._options())
        select.value = self._next_voice()

    @on(Input.Submitted, "#panel-name")
    @on(Button.Pressed, "#panel-add")
    def add(self) -> None:
        field = self.query_one("#panel-name", Input)
        name, _, role = field.value.partition(":")
        if not name.strip():
            self.notify("Type the interviewer's name (and role after a colon).", severity="warning")
            return
        if len(self.members) >= MAX_PANEL:
            self.notify(f"A panel of {MAX_PANEL} is the most the studio rotates.", severity="warning")
            return
        voice = str(self.query_one("#panel-voice", Select).value)
        self.members.append(PanelMember(name.strip(), role.strip(), voice))
        field.value = ""
        self.query_one("#panel-voice", Select).value = self._next_voice()
        self._show()

    def action_clear_panel(self) -> None:
        self.members.clear()
        self._show()

    def _show(self) -> None:
        if not self.members:
            text = Text("One interviewer. Add names for a panel: they take turns asking.", style="italic")
        else:
            text = Text()
            for number, member in enumerate(self.members, start=1):
                role = f" ({member.role})" if member.role else ""
                text.append(f"{number}. {member.name}{role} · {member.voice}\n")
            text.append("ctrl+l (in the name field) clears the panel", style="italic")
        self.query_one("#panel-list", Static).update(text)
