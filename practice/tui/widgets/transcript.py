"""The transcript with its evidence highlighted: STAR sentences as background tints, and words (numbers,
enthusiasm, requirement matches, fillers, hedges) as foreground marks on top, and a legend to explain them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from feedback.model import Evidence, Feedback
from practice.core.feedback_view import all_evidence

#: Label -> (legend name, style). Sentence labels use backgrounds so word labels stay readable inside them.
SENTENCE_STYLES: dict[str, tuple[str, str]] = {
    "situation": ("situation", "on #1d3557"),
    "task": ("task", "on #3d2c5e"),
    "action": ("action", "on #1e4d2b"),
    "result": ("result", "on #5c4411"),
}
WORD_STYLES: dict[str, tuple[str, str]] = {
    "metric": ("number", "bold underline bright_yellow"),
    "enthusiasm": ("enthusiasm", "bold bright_magenta"),
    "anti_enthusiasm": ("negative", "bold red"),
    "requirement": ("job match", "underline bright_cyan"),
    "filler": ("filler", "bold #ff6b6b"),
    "hedge": ("hedge", "italic #ffa94d"),
    "hypothetical": ("hypothetical", "italic grey62"),
    "we_only": ("we, not I", "italic #74c0fc"),
}


def highlight(transcript: str, evidence: Iterable[Evidence]) -> Text:
    text = Text(transcript)
    spans = [e for e in evidence if 0 <= e.start < e.end <= len(transcript)]
    # Sentences first, then words, so a number inside a result sentence keeps both looks.
    for table in (SENTENCE_STYLES, WORD_STYLES):
        for span in spans:
            if span.label in table:
                text.stylize(Style.parse(table[span.label][1]), span.start, span.end)
    return text


def legend(labels: Iterable[str]) -> Text:
    """A one-line key for the labels present (only those, so it stays short at 80 columns)."""
    present = set(labels)
    text = Text()
    for table in (SENTENCE_STYLES, WORD_STYLES):
        for label, (name, style) in table.items():
            if label in present:
                if text:
                    text.append(" ")
                text.append(f" {name} " if table is SENTENCE_STYLES else name, style=style)
    return text


class HighlightedTranscript(Static):
    """Shows a transcript and its evidence; `update_from(transcript, feedback)` replaces both."""

    DEFAULT_CSS = """
    HighlightedTranscript {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, transcript: str = "", feedback: Feedback | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.update_from(transcript, feedback)

    def update_from(self, transcript: str, feedback: Feedback | None) -> None:
        self.transcript = transcript
        self.update(
            highlight(transcript, all_evidence(feedback))
            if transcript
            else Text("(no transcript)", style="italic grey50")
        )
