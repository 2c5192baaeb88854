"""The speech-model status line: the model loads in the background at start-up and every screen can show
where that stands (loading, ready, or failed with the reason)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class ModelStatus(Static):
    """Follows `app.model_state` / `app.model_detail` (set by the app's model-loading worker)."""

    DEFAULT_CSS = """
    ModelStatus {
        height: auto;
        color: $text-muted;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "model_state", self._refresh_state)
        self.watch(self.app, "model_detail", self._refresh_state)

    def _refresh_state(self, _value: object = None) -> None:
        state = getattr(self.app, "model_state", "loading")
        detail = getattr(self.app, "model_detail", "")
        if state == "ready":
            text = Text.assemble(("● ", "green"), f"Speech model ready{f' ({detail})' if detail else ''}")
        elif state == "failed":
            text = Text.assemble(("● ", "red"), f"Speech model failed: {detail} Typed answers still work.")
        else:
            text = Text.assemble(("◌ ", "yellow"), "Loading the speech model… setup works meanwhile.")
        self.update(text)
