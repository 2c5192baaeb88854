"""The two gauges shown while recording: the input level (a silent microphone must be obvious at once) and the
answer clock against the time target."""

from __future__ import annotations

import math

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

#: Below this RMS level (about -50 dBFS) a block is treated as silence: room noise on a live microphone sits
#: around -60 to -45 dBFS, speech at -30 to -10.
SILENCE_RMS = 0.003
FLOOR_DB = -60.0


def level_to_db(rms: float) -> float:
    return FLOOR_DB if rms <= 0 else max(FLOOR_DB, min(0.0, 20 * math.log10(rms)))


def format_clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class LevelMeter(Widget):
    """A horizontal input-level bar in dBFS, green for speech, yellow near clipping, red at clipping."""

    DEFAULT_CSS = """
    LevelMeter {
        height: 1;
        width: 1fr;
    }
    """

    level: reactive[float] = reactive(0.0)
    """The latest block's RMS level, 0..1."""
    active: reactive[bool] = reactive(False)
    """False when not recording: the bar is drawn empty and dim."""

    def render(self) -> Text:
        label = "Level "
        width = max(4, self.size.width - len(label) - 8)
        db = level_to_db(self.level) if self.active else FLOOR_DB
        filled = round((db - FLOOR_DB) / -FLOOR_DB * width)
        color = "red" if db > -3 else "yellow" if db > -12 else "green"
        text = Text.assemble((label, "bold"))
        text.append("█" * filled, style=color)
        text.append("░" * (width - filled), style="grey37")
        if not self.active:
            text.append("    --  ", style="grey50")
        elif self.level < SILENCE_RMS:
            text.append(" silent ", style="bold red")
        else:
            text.append(f" {db:4.0f} dB", style=color)
        return text


class AnswerClock(Widget):
    """Elapsed answer time against the target: turns yellow in the last fifth and red when over (a hard limit
    says so: the take stops there)."""

    DEFAULT_CSS = """
    AnswerClock {
        height: 1;
        width: 1fr;
    }
    """

    elapsed: reactive[float] = reactive(0.0)
    target: reactive[float] = reactive(90.0)
    hard: reactive[bool] = reactive(False)
    """The take stops at the target (the person chose a hard limit)."""

    def render(self) -> Text:
        label = f"{format_clock(self.elapsed)} / {format_clock(self.target)}{' limit' if self.hard else ''} "
        width = max(4, self.size.width - len(label) - 6)
        ratio = self.elapsed / self.target if self.target else 0.0
        filled = min(width, round(ratio * width))
        color = "red" if ratio > 1 else "yellow" if ratio > 0.8 else "green"
        text = Text.assemble(("Time  ", "bold"))
        text.append(label)
        text.append("━" * filled, style=color)
        text.append("─" * (width - filled), style="grey37")
        if ratio > 1:
            text.append(" over", style="bold red")
        return text
