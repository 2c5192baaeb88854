"""What every studio screen shares: worker failures go to the app's one error handler, and typed access to
the app and its services."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import Screen
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from practice.services import Services
    from practice.tui.app import PracticeApp


ResultT = TypeVar("ResultT")


class StudioScreen(Screen[ResultT]):
    """Base screen. Worker.StateChanged does not bubble, so each screen forwards failures to the app."""

    #: Shown in the help screen's heading for this screen's keys.
    HELP_TITLE = ""

    @property
    def studio(self) -> PracticeApp:
        return cast("PracticeApp", self.app)

    @property
    def services(self) -> Services:
        return self.studio.services

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.studio.worker_failed(event.worker)

    #: False while navigating away would lose work in flight (recording, transcribing, scoring).
    @property
    def can_leave(self) -> bool:
        return True
