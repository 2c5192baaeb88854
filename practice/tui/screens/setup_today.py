"""Today's practice on the setup screen, as a mixin of SetupScreen: the plan of what is due (weak answers to
practice again, requirements not yet evidenced) made in a worker, shown by the TodayPractice widget, and a
session of exactly those started with ctrl+d.

The job's requirements are offered once the job was practiced (a session in the history has it): a posting
pasted for the first time is what "Tailor to this job" is for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.widgets import Static, TextArea

from practice.core.banks import Bank
from practice.prep.coverage import sessions_for_job
from practice.prep.plan import Plan, build_plan
from practice.prep.today import today_bank
from practice.tui.widgets.today import TodayPractice

if TYPE_CHECKING:
    from feedback import JobChoices
    from practice.services import Services

SETUP_HINT = "ctrl+s starts · ? all keys"


class TodaySetup:
    """The today's-practice part of SetupScreen (which provides the attributes declared here)."""

    services: Services
    is_mounted: bool

    if TYPE_CHECKING:  # provided by SetupScreen / Textual

        def query_one(self, selector, expect_type=None): ...
        def notify(self, message: str, **kwargs) -> None: ...
        def call_from_thread(self, callback, *args): ...
        def job_choices(self, job_text: str) -> tuple[JobChoices | None, bool]: ...
        def _start(self, bank: Bank, every_question: bool = False, in_order: bool = False) -> None: ...

    def plan_today(self) -> None:
        job_text = self.query_one("#job", TextArea).text.strip() or None
        choices = self.job_choices(job_text)[0] if job_text else None
        self._make_plan(job_text, choices)

    @work(thread=True, exclusive=True, group="today", exit_on_error=False)
    def _make_plan(self, job_text: str | None, choices: JobChoices | None) -> None:
        store = self.services.store
        practiced = job_text is not None and bool(sessions_for_job(store, job_text))
        plan = build_plan(store, self.services.clock(), job_text if practiced else None, choices)
        bank = today_bank(plan, self.services.catalog.banks)
        self.app.call_from_thread(self._show_plan, plan, bank)  # type: ignore[attr-defined]

    def _show_plan(self, plan: Plan, bank: Bank) -> None:
        if not self.is_mounted:  # the app closed while the plan was made
            return
        today = self.query_one(TodayPractice)
        today.show(plan, bank)
        hint = SETUP_HINT if not today.due else f"ctrl+s starts · ctrl+d today's {today.due} due · ? all keys"
        self.query_one("#setup-hint", Static).update(Text(hint, style="grey62"))

    def action_today(self) -> None:
        """A session of exactly the due items, in the plan's order (weakest first, even with shuffle on)."""
        bank = self.query_one(TodayPractice).bank
        if bank is None or not bank.questions:
            self.notify("Nothing is due today: practice any bank, and weak answers come back here.")
            return
        self._start(bank, every_question=True, in_order=True)
