"""The STAR outline of an answer in the person's own words (feedback/outline.py), as Rich text for the review:
each slot's words, or, dimmed, the question an empty slot still has to answer."""

from __future__ import annotations

from rich.text import Text

from feedback.model import Outline
from feedback.outline import SLOT_QUESTIONS, SLOT_TITLES

_TITLE_WIDTH = 11  # "Situation" and two spaces: the slots' words line up


def outline_view(outline: Outline) -> Text:
    text = Text()
    for slot in ("situation", "task", "actions", "result"):
        if text:
            text.append("\n")
        text.append(f"{SLOT_TITLES[slot]:<{_TITLE_WIDTH}}", style="bold")
        values = outline.actions if slot == "actions" else [getattr(outline, slot)]
        filled = [v for v in values if v]
        if not filled:
            text.append(SLOT_QUESTIONS[slot].split(": ", 1)[1], style="italic grey62")
            continue
        for number, value in enumerate(filled):
            lead = "" if number == 0 else "\n" + " " * _TITLE_WIDTH
            text.append(lead + (f"{number + 1}. " if len(filled) > 1 else "") + value)
    return text
