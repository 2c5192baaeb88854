"""Progress over time, drawn with block characters. Scores: one column per attempt, on a fixed 0-100 scale so
a flat line at 80 and a flat line at 30 do not look the same (a min-max scaled sparkline would).
Requirements: one cell per session practiced for the job, by how well it evidenced each."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from practice.prep.progress import RequirementTrack
from practice.tui.widgets.scores import score_color

BARS = " ▁▂▃▄▅▆▇█"
SERIES = (
    ("overall", "Overall"),
    ("examples", "Examples"),
    ("enthusiasm", "Enthusiasm"),
    ("alignment", "Alignment"),
)


def columns(values: Sequence[int | None], height: int) -> list[list[str]]:
    """Each value as a column of `height` cells, bottom to top, in eighths of a cell."""
    steps = height * 8
    out: list[list[str]] = []
    for value in values:
        if value is None:
            out.append([" "] * height)
            continue
        level = round(max(0, min(100, value)) / 100 * steps)
        cells = [BARS[min(8, max(0, level - 8 * row))] for row in range(height)]
        out.append(cells)
    return out


class ScoreTrend(Widget):
    """Four small bar charts (overall and the three dimensions) of the most recent attempts that fit."""

    DEFAULT_CSS = """
    ScoreTrend {
        height: auto;
    }
    """

    points: reactive[list[dict[str, int | None]]] = reactive(list, layout=True)
    """Scores per attempt, oldest first."""
    rows_per_chart: int = 2

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(1, len(SERIES) * self.rows_per_chart) if self.points else 1

    def render(self) -> Text:
        if not self.points:
            return Text(
                "No scored answers yet: your scores over time will appear here.", style="italic grey50"
            )
        label_width, value_width = 11, 10
        width = max(1, self.size.width - label_width - value_width)
        shown = self.points[-width:]
        text = Text()
        for index, (key, title) in enumerate(SERIES):
            values = [p.get(key) for p in shown]
            chart = columns(values, self.rows_per_chart)
            scored = [v for v in values if v is not None]
            latest = scored[-1] if scored else None
            # The change over the shown window: is practice paying off?
            change = scored[-1] - scored[0] if len(scored) > 1 else 0
            summary = "n/a" if latest is None else f"{latest:>3}" + (f" {change:+d}" if change else "")
            for row in reversed(range(self.rows_per_chart)):
                top = row == self.rows_per_chart - 1
                text.append(f"{title:<{label_width}}" if top else " " * label_width, style="bold")
                text.append(
                    f"{summary:<{value_width}}" if top else " " * value_width, style=score_color(latest)
                )
                for column, value in zip(chart, values, strict=True):
                    text.append(column[row], style=score_color(value))
                if index < len(SERIES) - 1 or row:
                    text.append("\n")
        return text


#: How a session did for a requirement, in one cell: a full block for a story that evidenced it.
STATUS_CELLS = {"covered": ("█", "green"), "partial": ("▄", "yellow"), "missing": ("·", "grey50")}
LEGEND = "█ evidenced by a story  ▄ only named or claimed  · not shown   * must-have"


class RequirementTrend(Widget):
    """Each requirement of the job over time: a row of cells, one per session practiced for the job (the
    latest that fit), so a requirement never shown, or shown once and not since, stands out."""

    DEFAULT_CSS = """
    RequirementTrend {
        height: auto;
    }
    """

    tracks: reactive[list[RequirementTrack]] = reactive(list, layout=True)
    """The requirements, must-haves first (practice/prep/progress.py)."""

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.tracks) + 1 if self.tracks else 1

    def render(self) -> Text:
        if not self.tracks:
            return Text("No job practiced yet: its requirements over time will appear here.", style="grey50")
        sessions = max(len(t.statuses) for t in self.tracks)
        label_width = max(12, min(40, self.size.width - min(sessions, 20) - 1))
        cells = max(1, self.size.width - label_width - 1)
        text = Text()
        for track in self.tracks:
            label = ("* " if track.must_have else "  ") + track.requirement
            if len(label) > label_width - 1:
                label = label[: label_width - 2] + "…"
            text.append(f"{label:<{label_width}}", style="bold" if track.must_have else "")
            for status in track.statuses[-cells:]:
                mark, style = STATUS_CELLS.get(status, STATUS_CELLS["missing"])
                text.append(mark, style=style)
            text.append("\n")
        text.append(LEGEND, style="grey62")
        return text
