"""Setup: pick a bank, give the job description, set the interviewer's voice and the answer target, start.

Everything here works while the speech model is still loading. The choices are remembered in settings.toml
(and the last job description in the history) when a session starts; the person's corrections to what was
read of the job (lines left out or added, title, company) go with the session and into the posting's own file
(practice.storage.job_choices), where the next setup and the `--job FILE` commands find them.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, Select, Static, TextArea

from practice.core.banks import Bank, BankError, load_bank
from practice.core.jobs import JobFileError, JobSummary, check_job_text, read_job_text
from practice.core.session import start_session
from practice.prep.mock import MockInterview, build_mock
from practice.prep.tailor import save_among_banks, tailor
from practice.storage.paths import recordings_dir, user_banks_dir
from practice.storage.settings import remember_choices, save_choices
from practice.tui.messages import VoicesListed
from practice.tui.screens.base import StudioScreen
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.setup_job import JobSetup, PracticeJob
from practice.tui.screens.setup_text import bank_info, bank_label
from practice.tui.screens.setup_today import TodaySetup
from practice.tui.widgets.job_review import JobReview
from practice.tui.widgets.panel import PanelEditor
from practice.tui.widgets.status import ModelStatus
from practice.tui.widgets.today import TodayPractice

if TYPE_CHECKING:
    from practice.prep.tailor import Tailored

#: Field limits: (lowest, highest). Rates outside 80-400 wpm are unintelligible with espeak; answer targets
#: match the bank format's target_seconds range.
RATE_RANGE = (80, 400)
TARGET_RANGE = (15, 600)
JOB_PARSE_DELAY_S = 0.4
MAX_QUESTIONS = 100


class SetupScreen(JobSetup, TodaySetup, StudioScreen):
    _job_timer: Timer | None = None
    HELP_TITLE = "Setup"
    BINDINGS = [
        Binding("ctrl+s", "start", "Start practice"),
        Binding("ctrl+t", "tailor", "Tailor to this job"),
        # out of the footer (it is full at 80 columns); the hint line names it whenever something is due
        Binding("ctrl+d", "today", "Today's practice", show=False),
        Binding("ctrl+o", "mock", "Mock interview", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.job_summary: JobSummary | None = None
        self._parsed_text = ""
        self._job_path: Path | None = None
        self._job_path_text = ""
        self._job_warnings: list[str] = []

    # --- layout ------------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        settings = self.services.settings
        banks = self.services.catalog.banks
        chosen = self.services.catalog.find(settings.last_bank) if settings.last_bank else None
        yield Header()
        with Horizontal(id="setup"):
            with VerticalScroll(id="setup-left", classes="column"):
                yield Label("Question bank", classes="section")
                yield Select(
                    [(bank_label(b), b.id) for b in banks],
                    value=(chosen or banks[0]).id if banks else Select.NULL,
                    allow_blank=not banks,
                    id="bank",
                    compact=True,
                )
                yield Static(id="bank-info")
                with Horizontal(classes="row"):
                    yield Input(placeholder="or add a bank file (.toml)", id="bank-path", compact=True)
                    yield Button("Add", id="bank-add", compact=True)
                yield Static(id="bank-error", classes="error-text")
                yield Label("Job description (optional)", classes="section")
                yield TextArea(id="job", soft_wrap=True, placeholder="Paste the job posting here…")
                with Horizontal(classes="row"):
                    yield Input(placeholder="or load a text file", id="job-path", compact=True)
                    yield Button("Load", id="job-load", compact=True)
                yield Static(id="job-summary")
                yield JobReview(id="job-review")
            with VerticalScroll(id="setup-right", classes="column"):
                yield Label("Interviewer", classes="section")
                with Horizontal(classes="field"):
                    yield Label("Voice")
                    yield Select(
                        [(settings.voice, settings.voice)],
                        value=settings.voice,
                        allow_blank=False,
                        id="voice",
                        compact=True,
                    )
                with Horizontal(classes="field"):
                    yield Label("Rate (wpm)")
                    yield Input(str(settings.rate), type="integer", id="rate", compact=True)
                yield Label("Answers", classes="section")
                with Horizontal(classes="field"):
                    yield Label("Target (s)")
                    yield Input(str(settings.answer_target_s), type="integer", id="target", compact=True)
                with Horizontal(classes="field"):
                    yield Label("Questions")
                    yield Input(str(settings.question_count), type="integer", id="count", compact=True)
                yield Checkbox("Shuffle the order", settings.shuffle, id="shuffle")
                yield Checkbox("Stop the take at the target", settings.hard_limit, id="hard-limit")
                yield Checkbox("Follow-up questions", settings.follow_ups, id="follow-ups")
                yield Button("Start practice", variant="primary", id="start")
                yield Button("Tailor to this job (ctrl+t)", id="tailor", compact=True)
                yield Button("Mock interview (ctrl+o)", id="mock", compact=True)
                yield Static(Text("ctrl+s starts · ? all keys", style="grey62"), id="setup-hint")
                yield TodayPractice(id="today")
                # Below the start button, so it stays in view at 80x24; scroll down for a panel.
                yield Label("Panel (optional)", classes="section")
                yield PanelEditor(id="panel")
        yield ModelStatus(id="model-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Setup"
        for error in self.services.catalog.errors:  # a broken bank file never hides the others
            self.notify(str(error), title="A bank file was skipped", severity="warning", timeout=8)
        self._show_bank()
        self._prefill_job()
        self.list_voices()
        self.plan_today()

    # --- bank --------------------------------------------------------------------------------------------

    @property
    def bank(self) -> Bank | None:
        value = self.query_one("#bank", Select).value
        return self.services.catalog.find(str(value)) if value is not Select.NULL else None

    @on(Select.Changed, "#bank")
    def _show_bank(self) -> None:
        bank = self.bank
        info = self.query_one("#bank-info", Static)
        info.update(bank_info(bank) if bank else Text("No question banks were found.", style="red"))

    @on(Button.Pressed, "#bank-add")
    @on(Input.Submitted, "#bank-path")
    def add_bank(self) -> None:
        raw = self.query_one("#bank-path", Input).value.strip()
        error = self.query_one("#bank-error", Static)
        if not raw:
            error.update("Type the path of a .toml bank file first.")
            error.add_class("-shown")
            return
        try:
            bank = load_bank(Path(raw).expanduser())
        except BankError as problem:
            error.update(str(problem))
            error.add_class("-shown")
            return
        catalog = self.services.catalog
        bank = catalog.add(bank)
        error.remove_class("-shown")
        select = self.query_one("#bank", Select)
        select.set_options([(bank_label(b), b.id) for b in catalog.banks])
        select.value = bank.id
        self.notify(f"Added {bank.name} ({len(bank.questions)} questions).")

    # --- job description ---------------------------------------------------------------------------------

    @on(Button.Pressed, "#job-load")
    @on(Input.Submitted, "#job-path")
    def load_job_file(self) -> None:
        raw = self.query_one("#job-path", Input).value.strip()
        if not raw:
            self.notify("Type the path of a text file with the job description first.", severity="warning")
            return
        try:
            text = read_job_text(Path(raw).expanduser())
        except JobFileError as error:
            self.notify(str(error), title="Job description", severity="error")
            return
        self._job_path, self._job_path_text = Path(raw).expanduser(), text
        self.query_one("#job", TextArea).load_text(text)

    @on(TextArea.Changed, "#job")
    def _job_changed(self) -> None:
        # Parse after typing pauses, not on every keystroke (pasting fires one event; typing fires many).
        if self._job_timer is not None:
            self._job_timer.stop()
        self._job_timer = self.set_timer(JOB_PARSE_DELAY_S, self._parse_job_now)

    def _parse_job_now(self) -> None:
        self.parse_job(self.query_one("#job", TextArea).text)
        self.plan_today()  # the job's requirements are cards too

    # --- voices ------------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="voices", exit_on_error=False)
    def list_voices(self) -> None:
        try:
            voices = self.services.voices()
        except Exception:  # noqa: BLE001 - no TTS engine: keep the configured voice; speaking reports it
            return
        self.post_message(VoicesListed(voices))

    def on_voices_listed(self, message: VoicesListed) -> None:
        select = self.query_one("#voice", Select)
        current = str(select.value)
        # English voices first: the questions are in English.
        names = sorted(set(message.voices) | {current}, key=lambda v: (not v.startswith("en"), v))
        select.set_options([(name, name) for name in names])
        select.value = current
        self.query_one(PanelEditor).set_voices(list(message.voices))

    # --- start -------------------------------------------------------------------------------------------

    def _int_field(self, field_id: str, name: str, low: int, high: int) -> int | None:
        widget = self.query_one(f"#{field_id}", Input)
        try:
            value = int(widget.value)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            self.notify(f"{name} must be a whole number from {low} to {high}.", severity="error")
            widget.focus()
            return None
        return value

    def action_start(self) -> None:
        bank = self.bank
        if bank is None:
            self.notify("Pick a question bank first.", severity="error")
            return
        self._start(bank)

    def action_tailor(self) -> None:
        """A session of questions made from the job description: one per must-have requirement, why this
        role, why this company, and a closing question (practice/prep/tailor.py)."""

        job_text = self.query_one("#job", TextArea).text.strip()
        if not job_text:
            self.notify(
                "Paste or load a job description first: the questions are made from it.", severity="warning"
            )
            self.query_one("#job", TextArea).focus()
            return
        try:
            check_job_text(job_text)
        except JobFileError as error:
            self.notify(str(error), title="Job description", severity="error")
            return
        tailored = tailor(job_text, self.job_choices(job_text)[0])
        bank, saved = self._keep_tailored(tailored)
        self.notify(
            f"{len(tailored.questions)} questions for {tailored.heading}"
            + (f"; {len(tailored.skipped)} requirement(s) need no story" if tailored.skipped else "")
            + (f". Saved as {saved}: it is in the bank list from now on, yours to edit." if saved else ""),
            timeout=8,
        )
        self._start(bank, every_question=True)

    def _keep_tailored(self, tailored: Tailored) -> tuple[Bank, Path | None]:
        """Save the tailored bank among the person's own banks (never over one they edited), so they can
        practice it again or edit it; when it cannot be saved, it is practiced all the same."""

        try:
            bank = save_among_banks(tailored, user_banks_dir(), "the job description pasted in the studio")
        except (OSError, BankError) as error:
            self.notify(
                f"The tailored bank could not be saved ({error}); practicing it without saving.",
                severity="warning",
            )
            return tailored.bank(), None
        catalog = self.services.catalog
        catalog.banks = [b for b in catalog.banks if b.path.resolve() != bank.path.resolve()]
        bank = catalog.add(bank)
        select = self.query_one("#bank", Select)
        chosen = select.value
        options = [(bank_label(b), b.id) for b in catalog.banks]
        select.set_options(options)
        if chosen in {value for _, value in options}:
            select.value = chosen  # a generated bank is offered, not made the choice
        return bank, bank.path

    def action_mock(self) -> None:
        """A whole interview in order (practice/prep/mock.py): from the banks, the job on screen when there is
        one (its must-haves and company), else the chosen bank's role questions; built in a worker."""
        job = self.practice_job()
        self._build_mock(job, self.bank, self.services.shuffle_seed)

    @work(thread=True, exclusive=True, group="mock", exit_on_error=False)
    def _build_mock(self, job: PracticeJob, role_bank: Bank | None, seed: int | None) -> None:
        mock = build_mock(self.services.catalog.banks, job.text, job.choices, role_bank, seed)
        self.app.call_from_thread(self._start_mock, mock, job)

    def _start_mock(self, mock: MockInterview, job: PracticeJob) -> None:
        if not self.is_mounted or self.app.screen is not self:
            return
        self.notify(
            f"Mock interview: {len(mock.bank.questions)} questions, about {mock.minutes} minutes of answers. "
            + " ".join(f"{note}." for note in mock.notes),
            timeout=8,
        )
        self._start(mock.bank, every_question=True, sections=mock.sections, job=job)

    def _start(
        self,
        bank: Bank,
        every_question: bool = False,
        in_order: bool = False,
        sections: list[str] | None = None,
        job: PracticeJob | None = None,
    ) -> None:
        """Start a session from the bank with the choices on screen (a tailored bank: all its questions;
        `in_order`: never shuffled, as today's practice, weakest first; a mock interview: all of them, in order,
        in `sections`)."""
        fields = (
            ("rate", "The speaking rate", *RATE_RANGE),
            ("target", "The answer target", *TARGET_RANGE),
            ("count", "The number of questions", 1, MAX_QUESTIONS),
        )
        values: list[int] = []
        for field in fields:
            value = self._int_field(*field)
            if value is None:
                return
            values.append(value)
        rate, target, count = values
        if every_question:
            count = len(bank.questions)
        elif count > len(bank.questions):
            self.notify(f"{bank.name} has {len(bank.questions)} questions: practicing all of them.")
        shuffle = self.query_one("#shuffle", Checkbox).value
        hard_limit = self.query_one("#hard-limit", Checkbox).value
        follow_ups = self.query_one("#follow-ups", Checkbox).value
        voice = str(self.query_one("#voice", Select).value)
        job = job or self.practice_job()

        settings = self.services.settings
        same_as_file = self._job_path is not None and job.text == self._job_path_text.strip()
        remember_choices(
            settings,
            voice=voice,
            rate=rate,
            target_s=target,
            shuffle=shuffle,
            hard_limit=hard_limit,
            follow_ups=follow_ups,
            # A tailored bank is made fresh each time: keep the person's own count and bank.
            count=None if every_question else count,
            bank_id=None if every_question else bank.id,
            job_path=self._job_path if same_as_file else None,
        )
        if self.services.save_settings:
            try:
                save_choices(settings)
            except OSError as error:
                self.notify(f"Your choices could not be saved: {error}", severity="warning")
        speaker = self.services.speaker
        speaker.voice, speaker.rate = voice, rate
        session, record = start_session(
            bank,
            count=count,
            shuffle=shuffle and not in_order,
            target_s=target,
            recordings=recordings_dir(),
            panel=list(self.query_one(PanelEditor).members),
            now=self.services.clock(),
            seed=self.services.shuffle_seed,
            job_text=job.text,
            job_title=job.title,
            settings=asdict(settings),
            job_choices=job.choices,
            sections=sections,
        )
        self.app.push_screen(PracticeScreen(session, record, job.terms))

    @on(Button.Pressed, "#start")
    def _start_pressed(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#tailor")
    def _tailor_pressed(self) -> None:
        self.action_tailor()

    @on(Button.Pressed, "#mock")
    def _mock_pressed(self) -> None:
        self.action_mock()

    @on(Button.Pressed, "#today-start")
    def _today_pressed(self) -> None:
        self.action_today()
