"""Today's practice on the setup screen: the due items of the plan (practice/prep/plan.py), each with why, and
the button that starts a session of exactly those. Hidden while nothing is due."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Label, Static

from practice.core.banks import Bank
from practice.prep.plan import DueItem, Plan

#: Due items listed by name; the rest are counted ("+3 more"), all of them are practiced.
SHOWN_ITEMS = 5


def due_line(item: DueItem) -> Text:
    """One due item in a line: what, then why in a word or two."""
    if item.kind == "question":
        overall = (item.last_scores or {}).get("overall")
        why = f"last {overall}" if overall is not None else "again"
        what = item.question or item.id
    else:
        why = "not yet evidenced" if item.due_at is None else "refresher"
        what = ("must-have: " if item.must_have else "") + (item.requirement or item.id)
    line = Text.assemble(("• ", "grey62"), what, (f"  {why}", "grey62"))
    line.no_wrap, line.overflow = True, "ellipsis"
    return line


class TodayPractice(Vertical):
    """The due items and a start button; shown only when something is due."""

    DEFAULT_CSS = """
    TodayPractice { height: auto; display: none; }
    TodayPractice.-due { display: block; }
    TodayPractice #today-items { height: auto; }
    """

    def __init__(self, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self.plan: Plan | None = None
        self.bank: Bank | None = None
        """The due items as a bank (practice/prep/today.py): what ctrl+d practices."""

    def compose(self) -> ComposeResult:
        yield Label("Today's practice", classes="section")
        yield Static(id="today-items")
        yield Button("Practice them (ctrl+d)", id="today-start", compact=True)

    @property
    def due(self) -> int:
        return len(self.plan.due) if self.plan else 0

    def show(self, plan: Plan, bank: Bank) -> None:
        self.plan, self.bank = plan, bank
        lines = [due_line(item) for item in plan.due[:SHOWN_ITEMS]]
        if len(plan.due) > SHOWN_ITEMS:
            lines.append(Text(f"  +{len(plan.due) - SHOWN_ITEMS} more", style="grey62"))
        self.query_one("#today-items", Static).update(Text("\n").join(lines))
        self.query_one("#today-start", Button).label = f"Practice the {len(plan.due)} due (ctrl+d)"
        self.set_class(bool(plan.due), "-due")
