"""Score rows, the delivery line and the next-attempt tips, rendered from a feedback dict."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from practice.tui.widgets.meters import format_clock

DIMENSIONS = (("examples", "Examples"), ("enthusiasm", "Enthusiasm"), ("alignment", "Alignment"))


def score_color(score: float | None) -> str:
    if score is None:
        return "grey50"
    return "green" if score >= 75 else "yellow" if score >= 50 else "red"


def score_text(score: float | None, width: int = 3) -> Text:
    return Text("n/a".rjust(width) if score is None else f"{round(score):>{width}}", style=f"bold {score_color(score)}")


def bar(score: float | None, width: int = 10) -> Text:
    filled = 0 if score is None else round(score / 100 * width)
    return Text("■" * filled, style=score_color(score)) + Text("□" * (width - filled), style="grey37")


class ScoreRow(Static):
    """`Examples   72 ■■■■■■■□□□ Clear story with a measured result.` (the reason wraps on narrow screens)."""

    DEFAULT_CSS = """
    ScoreRow {
        height: auto;
    }
    """

    def __init__(self, title: str, dimension: dict[str, Any] | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.title = title
        self.dimension = dimension or {}

    def on_mount(self) -> None:
        score = self.dimension.get("score")
        line = Text(f"{self.title:<11}", style="bold") + score_text(score) + Text(" ") + bar(score) + Text(" ")
        line.append(self.dimension.get("reason") or "")
        self.update(line)


def delivery_text(delivery: dict[str, Any] | None, duration_s: float | None, target_s: int | None) -> Text:
    """`142 wpm · 3 fillers (1.2/min) · 0 long pauses · 2 hedges · 1:24 of 1:30`."""
    if not delivery:
        return Text("")
    parts: list[str] = []
    if delivery.get("wpm"):
        parts.append(f"{delivery['wpm']:.0f} wpm")
    fillers = delivery.get("filler_count")
    if fillers is not None:
        rate = delivery.get("fillers_per_min")
        parts.append(f"{fillers} filler{'s' if fillers != 1 else ''}" + (f" ({rate:.1f}/min)" if rate else ""))
    if delivery.get("long_pauses") is not None:
        parts.append(f"{delivery['long_pauses']} long pause{'s' if delivery['long_pauses'] != 1 else ''}")
    hedges = sum((delivery.get("hedges") or {}).values())
    if hedges:
        parts.append(f"{hedges} hedge{'s' if hedges != 1 else ''}")
    if delivery.get("words") is not None:
        parts.append(f"{delivery['words']} words")
    if duration_s:
        parts.append(f"{format_clock(duration_s)}" + (f" of {format_clock(target_s)}" if target_s else ""))
    return Text("Delivery   ", style="bold") + Text(" · ".join(parts))


def tips_text(tips: list[str]) -> Text:
    text = Text("Next attempt", style="bold")
    for number, tip in enumerate(tips[:3], start=1):
        text.append(f"\n {number}. ")
        text.append(tip)
    return text
