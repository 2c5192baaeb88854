"""The second-round readiness list as the summary screen shows it: a mark per item (done or not yet), what the
session showed, what is missing, and what to do (practice/prep/readiness.py makes the list). Lines are wrapped
to the width given, under the item's title (a hanging indent), so a long requirement still reads as one item."""

from __future__ import annotations

import textwrap

from rich.text import Text

from practice.prep.readiness import Readiness

#: Keys that tick the items the person checks by hand (the summary screen's bindings).
TICK_KEYS = {"references": "r", "work-samples": "w"}
INDENT = " " * 12
#: Without a known width (not yet laid out), lines are wrapped for an 80-column terminal.
DEFAULT_WIDTH = 76


def _wrapped(text: Text, words: str, width: int, style: str, first: str = INDENT) -> None:
    lines = textwrap.wrap(words, width=max(width, 30), initial_indent=first, subsequent_indent=INDENT + "  ")
    for line in lines:
        text.append("\n" + line, style=style)


def readiness_text(readiness: Readiness, width: int = DEFAULT_WIDTH) -> Text:
    text = Text.assemble(
        ("Second-round readiness", "bold"), (f"  {readiness.done} of {len(readiness.items)} done", "grey62")
    )
    for item in readiness.items:
        mark, style = ("✔ done   ", "green") if item.done else ("○ not yet", "yellow")
        text.append("\n ")
        text.append(mark, style=style)
        text.append(f" {item.title}", style="bold")
        key = TICK_KEYS.get(item.key) if item.manual else None
        if key:
            text.append(f"  ({key} {'unticks' if item.done else 'ticks'} it)", style="grey62")
        _wrapped(text, item.detail, width, "grey70")
        for missing in item.missing:
            _wrapped(text, missing, width, "yellow", first=f"{INDENT}• ")
        if item.todo:
            _wrapped(
                text, item.todo, width, "italic" if not item.manual else "italic grey62", first=f"{INDENT}→ "
            )
    return text
