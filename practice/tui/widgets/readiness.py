"""The second-round readiness list as the summary screen shows it: a mark per item (done or not yet), what the
session showed, what is missing, and what to do (practice/prep/readiness.py makes the list)."""

from __future__ import annotations

from rich.text import Text

from practice.prep.readiness import Readiness

#: Keys that tick the items the person checks by hand (the summary screen's bindings).
TICK_KEYS = {"references": "r", "work-samples": "w"}


def readiness_text(readiness: Readiness) -> Text:
    text = Text.assemble(
        ("Second-round readiness", "bold"), (f"  {readiness.done} of {len(readiness.items)} done", "grey62")
    )
    for item in readiness.items:
        mark, style = ("✔ done   ", "green") if item.done else ("○ not yet", "yellow")
        text.append("\n ")
        text.append(mark, style=style)
        text.append(f" {item.title}", style="bold")
        if item.manual:
            key = TICK_KEYS.get(item.key)
            text.append(f"  ({key} {'unticks' if item.done else 'ticks'} it)" if key else "", style="grey62")
        text.append(f"\n            {item.detail}", style="grey70")
        for missing in item.missing:
            text.append(f"\n            • {missing}", style="yellow")
        if item.todo and not item.manual:
            text.append(f"\n            → {item.todo}", style="italic")
        elif item.todo:
            text.append(f"\n            → {item.todo}", style="italic grey62")
    return text
