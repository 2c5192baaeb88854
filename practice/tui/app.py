"""The studio app: owns the services, loads the speech model in the background, and handles every worker
failure in one place (a dialog that says what failed; the app keeps running)."""

from __future__ import annotations

import logging
import sys
import traceback
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.worker import Worker, WorkerState

import feedback
from practice.answers.recovery import HistoryTarget, recover_unfinished
from practice.audio.markers import find_unfinished
from practice.core.errors import PracticeError
from practice.core.jobs import read_job_text
from practice.services import build_services
from practice.tui.commands import StudioCommands
from practice.tui.messages import ModelStatus, RecoveryDone, UnfinishedFound
from practice.tui.screens.compare import CompareScreen
from practice.tui.screens.coverage import CoverageScreen
from practice.tui.screens.history import HistoryScreen
from practice.tui.screens.modals import (
    ConfirmScreen,
    ErrorScreen,
    HelpScreen,
    HelpSection,
    binding_rows,
    declared_bindings,
)
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.recovery import RecoveryScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.screens.summary import SummaryScreen

if TYPE_CHECKING:
    from practice.services import Services


log = logging.getLogger(__name__)


class PracticeApp(App[int]):
    """Interview practice: setup -> practice -> review, and the history of every session."""

    CSS_PATH = "app.tcss"
    TITLE = "Interview practice"
    COMMANDS = App.COMMANDS | {StudioCommands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("f2", "history", "History"),
    ]

    model_state: reactive[str] = reactive("loading")
    """The speech model: "loading", "ready" or "failed"."""
    model_detail: reactive[str] = reactive("")
    """What was loaded (and how long it took), or why it failed."""

    def __init__(self, services: Services, load_model: bool = True) -> None:
        super().__init__()
        self.services = services
        self._load_model_on_mount = load_model
        self.active_session_id: str | None = None
        """The session being practiced, which the history must not delete under it."""

    def on_mount(self) -> None:
        self.push_screen(SetupScreen())
        if self._load_model_on_mount:
            self.load_model()
        else:
            self.model_state = "ready"
        self.run_worker(self._find_unfinished, thread=True, group="recovery", exit_on_error=False)

    # --- answers cut short by a crash ----------------------------------------------------------------------

    def _find_unfinished(self) -> None:
        items = find_unfinished()
        if items:
            self.post_message(UnfinishedFound(items))

    def on_unfinished_found(self, message: UnfinishedFound) -> None:
        items = message.items

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._run_recovery(items, discard=True)

        def chosen(choice: str | None) -> None:
            if choice == "recover":
                self.notify(f"Recovering {len(items)} answer(s): repairing, transcribing, scoring…")
                self._run_recovery(items, discard=False)
            elif choice == "discard":
                count = "this recording" if len(items) == 1 else f"these {len(items)} recordings"
                self.push_screen(
                    ConfirmScreen("Delete unfinished answers?", f"Delete {count} for good?"), confirmed
                )
            else:
                self.notify(
                    f"Kept in {items[0].wav.parent}. The next start offers them again, or run "
                    "`interview-practice recover`.",
                    timeout=8,
                )

        self.push_screen(RecoveryScreen(items), chosen)

    def _run_recovery(self, items: list, discard: bool) -> None:
        self.run_worker(
            lambda: self._recover(items, discard),
            thread=True,
            group="recovery",
            name="recovering answers",
            exit_on_error=False,
        )

    def _recover(self, items: list, discard: bool) -> None:
        """Repair, transcribe, score and save each one (slow: the model may still be loading)."""

        services = self.services
        target = HistoryTarget(
            services.store,
            services.catalog,
            lambda path, terms: services.transcriber.transcribe(path, prompt_terms=terms),
            services.scorer,
        )
        lines: list[str] = []
        failures: list[str] = []
        for outcome in recover_unfinished(items, lambda: target, discard=discard):
            attempt = outcome.attempt
            if outcome.deleted:
                lines.append(f"Deleted {outcome.item.wav.name}.")
            elif outcome.error or outcome.outside_session:
                failures.append(outcome.error or outcome.outside_session or "")
            elif attempt is not None:
                verdict = (
                    f"scored {attempt.score('overall')}"
                    if attempt.feedback
                    else f"not scored: {attempt.error}"
                )
                lines.append(f"{attempt.question_text} ({attempt.duration_s or 0:.0f} s): {verdict}")
        self.post_message(RecoveryDone(lines, failures))

    def on_recovery_done(self, message: RecoveryDone) -> None:
        if message.lines:
            title = (
                "Unfinished answers" if message.lines[0].startswith("Deleted") else "Recovered (F2: history)"
            )
            self.notify("\n".join(message.lines), title=title, timeout=12)
        for failure in message.failures:
            self.notify(failure, title="Could not recover", severity="error", timeout=12)

    # --- the speech model --------------------------------------------------------------------------------

    def load_model(self) -> None:
        self.run_worker(self._load_model, thread=True, group="model", exit_on_error=False)

    def _load_model(self) -> None:
        transcriber = self.services.transcriber
        try:
            transcriber.load()
        except Exception as error:  # noqa: BLE001 - shown in the status line; typing still works
            log.warning("the speech model did not load: %s", error)
            self.post_message(ModelStatus("failed", str(error)))
            return
        seconds = getattr(transcriber, "load_seconds", 0.0)
        detail = transcriber.description + (f", {seconds:.1f} s" if seconds else "")
        self.post_message(ModelStatus("ready", detail))
        # then the scorer's own models, so the first answer's feedback does not wait for them
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if not feedback.warm_up():
                log.warning("the sentence-embedding model is missing: scores use the rules alone")

    def on_model_status(self, message: ModelStatus) -> None:
        self.model_state, self.model_detail = message.state, message.detail

    # --- errors ------------------------------------------------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.worker_failed(event.worker)

    def worker_failed(self, worker: Worker) -> None:
        """The one place background failures end up: log the traceback, show a dialog, keep running."""
        error = worker.error
        if error is None:
            return
        self.log.error("".join(traceback.format_exception(error)))
        what = (worker.name or "background work").strip("_").replace("_", " ")
        log.error("background work failed (%s)", what, exc_info=error)
        # A PracticeError is a problem the person can fix: its message and hint. Anything else is a bug: its type.
        said = error.explain() if isinstance(error, PracticeError) else f"{type(error).__name__}: {error}"
        self.push_screen(
            ErrorScreen(
                f"Something went wrong ({what})",
                f"{said}\n\nRecordings already made are kept on disk. You can carry on, or quit with ctrl+q.",
            )
        )

    # --- app-wide actions --------------------------------------------------------------------------------

    def help_sections(self) -> list[HelpSection]:
        everywhere = binding_rows(declared_bindings(type(self))) + [
            ("ctrl+p", "Command palette (every action)")
        ]
        sections: list[HelpSection] = [("Everywhere", everywhere)]
        for screen in (
            SetupScreen,
            PracticeScreen,
            ReviewScreen,
            CompareScreen,
            SummaryScreen,
            CoverageScreen,
            HistoryScreen,
        ):
            sections.append((screen.HELP_TITLE, binding_rows(declared_bindings(screen))))
        return sections

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "history":
            return not isinstance(self.screen, HistoryScreen) and getattr(self.screen, "can_leave", True)
        return True

    def action_history(self) -> None:
        self.push_screen(HistoryScreen())


def run_app(
    model: str | None = None, bank_paths: list[Path] | None = None, job_path: Path | None = None
) -> int:
    """Build the real services and run the studio; returns the process exit code."""

    try:
        job_text = read_job_text(job_path) if job_path else None
        services = build_services(model=model, bank_paths=bank_paths, job_text=job_text)
    except PracticeError as error:
        print(f"error: {error.explain()}", file=sys.stderr)
        return 1
    if not services.catalog.banks:
        for problem in services.catalog.errors:
            print(f"error: {problem}", file=sys.stderr)
        print("error: no question bank could be loaded.", file=sys.stderr)
        return 1
    app = PracticeApp(services)
    try:
        result = app.run()
    finally:
        services.store.close()
    return result or app.return_code or 0
