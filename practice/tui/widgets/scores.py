"""Score rows, the delivery line and the next-attempt tips, rendered from a feedback dict."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from feedback.model import Delivery, DimensionScore
from practice.tui.widgets.meters import format_clock

DIMENSIONS = (("examples", "Examples"), ("enthusiasm", "Enthusiasm"), ("alignment", "Alignment"))


def score_color(score: float | None) -> str:
    if score is None:
        return "grey50"
    return "green" if score >= 75 else "yellow" if score >= 50 else "red"


def score_text(score: float | None, width: int = 3) -> Text:
    return Text(
        "n/a".rjust(width) if score is None else f"{round(score):>{width}}",
        style=f"bold {score_color(score)}",
    )


def bar(score: float | None, width: int = 10) -> Text:
    filled = 0 if score is None else round(score / 100 * width)
    return Text.assemble(("█" * filled, score_color(score)), ("░" * (width - filled), "grey37"))


class LabeledRow(Horizontal):
    """A label and a body side by side; the body wraps under itself, not under the label (hanging indent)."""

    DEFAULT_CSS = """
    LabeledRow {
        height: auto;
    }
    LabeledRow > .label {
        width: auto;
    }
    LabeledRow > .body {
        width: 1fr;
    }
    """

    def __init__(self, label: Text | str, body: Text | str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.label, self.body = label, body

    def compose(self) -> ComposeResult:
        yield Static(self.label, classes="label")
        yield Static(self.body, classes="body")


def score_row(title: str, dimension: DimensionScore, **kwargs: Any) -> LabeledRow:
    """`Examples    72 ███████░░░ Clear story with a measured result.`"""
    score = dimension.score
    label = Text.assemble((f"{title:<11}", "bold"), score_text(score), " ", bar(score), " ")
    return LabeledRow(label, dimension.reason or "", **kwargs)


def delivery_text(delivery: Delivery | None, duration_s: float | None, target_s: int | None) -> Text:
    """`142 wpm · 3 fillers (1.2/min) · 0 long pauses · 2 hedges · 1:24 of 1:30`."""
    if delivery is None:
        return Text("")
    parts: list[str] = []
    if delivery.wpm:
        parts.append(f"{delivery.wpm:.0f} wpm")
    fillers = delivery.filler_count
    if fillers is not None:
        rate = delivery.fillers_per_min
        parts.append(
            f"{fillers} filler{'s' if fillers != 1 else ''}" + (f" ({rate:.1f}/min)" if rate else "")
        )
    if delivery.long_pauses is not None:
        parts.append(f"{delivery.long_pauses} long pause{'s' if delivery.long_pauses != 1 else ''}")
    hedges = sum(delivery.hedges.values())
    if hedges:
        parts.append(f"{hedges} hedge{'s' if hedges != 1 else ''}")
    if delivery.words is not None:
        parts.append(f"{delivery.words} words")
    if duration_s:
        parts.append(f"{format_clock(duration_s)}" + (f" of {format_clock(target_s)}" if target_s else ""))
    return Text(" · ".join(parts))


def tip_rows(tips: list[str]) -> list[LabeledRow]:
    """The first three tips, numbered, each wrapping under its own text."""
    return [
        LabeledRow(Text(f" {number}. "), tip, classes="tip") for number, tip in enumerate(tips[:3], start=1)
    ]
