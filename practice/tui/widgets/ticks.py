"""A list of lines with a tick each (the job's requirement lines on the setup screen).

Textual's SelectionList draws its box on the first screen line of an option only, so a long line that wraps
loses its box or lends it to the next line; here each option is a two-column grid (box, text), so a long line
wraps under its own text.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class TickList(OptionList):
    """Lines with a tick each: space, enter or a click ticks or unticks the highlighted line."""

    BINDINGS = [Binding("space", "tick", "Tick / untick", show=False)]
    COMPONENT_CLASSES = {"tick-list--on", "tick-list--off"}
    DEFAULT_CSS = """
    TickList { height: auto; max-height: 100%; }
    TickList > .tick-list--on { color: $text-success; text-style: bold; }
    TickList > .tick-list--off { color: $text-muted; }
    """

    class Changed(Message):
        """A line was ticked or unticked (by the person, or by `set_ticked`)."""

        def __init__(self, tick_list: TickList, value: str, ticked: bool) -> None:
            super().__init__()
            self.tick_list = tick_list
            self.value = value
            self.ticked = ticked

        @property
        def control(self) -> TickList:
            return self.tick_list

    def __init__(self, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self._texts: dict[str, Text] = {}
        self._ticks: set[str] = set()

    @property
    def values(self) -> list[str]:
        """Every line's value, in order."""
        return list(self._texts)

    @property
    def ticked(self) -> list[str]:
        """The values of the ticked lines, in order."""
        return [value for value in self._texts if value in self._ticks]

    def text_of(self, value: str) -> str:
        """A line's text as shown (without its box)."""
        return self._texts[value].plain

    def set_lines(self, lines: Iterable[tuple[str | Text, str, bool]]) -> None:
        """Replace the lines: (text, value, ticked) each."""
        self._texts, self._ticks = {}, set()
        self.clear_options()
        for prompt, value, ticked in lines:
            self.add_line(prompt, value, ticked)

    def add_line(self, prompt: str | Text, value: str, ticked: bool = True) -> None:
        self._texts[value] = Text(prompt) if isinstance(prompt, str) else prompt
        if ticked:
            self._ticks.add(value)
        self.add_option(Option(self._prompt(value), id=value))

    def set_ticked(self, value: str, ticked: bool = True) -> None:
        if value not in self._texts or (value in self._ticks) == ticked:
            return
        if ticked:
            self._ticks.add(value)
        else:
            self._ticks.discard(value)
        self.replace_option_prompt(value, self._prompt(value))
        self.post_message(self.Changed(self, value, ticked))

    def action_tick(self) -> None:
        if self.highlighted is not None:
            value = self.get_option_at_index(self.highlighted).id
            if value is not None:
                self.set_ticked(value, value not in self._ticks)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # enter or a click: the line is ticked or unticked, nothing else happens
        if event.option.id is not None:
            self.set_ticked(event.option.id, event.option.id not in self._ticks)

    def _prompt(self, value: str) -> Table:
        ticked = value in self._ticks
        box = Text(
            "[x]" if ticked else "[ ]",
            style=self.get_component_rich_style(f"tick-list--{'on' if ticked else 'off'}"),
        )
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(box, self._texts[value])
        return grid
