"""Before a retry: which of the review's tips to work on (the first by default), or none in particular."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from feedback.tip_kinds import KIND_WORDS, tip_kind

#: The choice that means "just try again".
NO_TIP = -1


class TipPickerScreen(ModalScreen[int | None]):
    """Returns the index of the chosen tip, NO_TIP for none in particular, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Back to the review"),
        Binding("1", "choose(0)", "First tip", show=False),
        Binding("2", "choose(1)", "Second tip", show=False),
        Binding("3", "choose(2)", "Third tip", show=False),
    ]

    def __init__(self, tips: list[str]) -> None:
        super().__init__()
        self.tips = tips[:3]

    def compose(self) -> ComposeResult:
        options = []
        for number, tip in enumerate(self.tips, start=1):
            label = Text.assemble((f"{number}. ", "bold"), (KIND_WORDS[tip_kind(tip)].capitalize(), "bold"))
            label.append(f"\n   {tip}", style="grey70")
            options.append(Option(label, id=str(number - 1)))
        options.append(Option(Text("Just try again, no tip in particular", style="italic"), id=str(NO_TIP)))
        with Vertical(id="dialog", classes="tip-picker"):
            yield Label("Try again: which tip will you work on?", classes="dialog-title")
            yield OptionList(*options, id="tips")
            yield Label("enter picks · 1-3 picks a tip · esc goes back", classes="dialog-hint")

    def on_mount(self) -> None:
        tips = self.query_one(OptionList)
        tips.highlighted = 0  # the first tip is the most useful one (feedback/tips.py ranks them)
        tips.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or NO_TIP))

    def action_choose(self, index: int) -> None:
        if index < len(self.tips):
            self.dismiss(index)

    def action_cancel(self) -> None:
        self.dismiss(None)
