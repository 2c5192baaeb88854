"""The job description on the setup screen, as a mixin of SetupScreen: the posting read in a worker, what was
understood shown back for the person to correct (practice.tui.widgets.job_review), and the job a session
starts with: its title, the words the transcriber listens for, and the corrections, which are saved for the
posting (practice.storage.job_choices) so the next setup and the `--job FILE` commands read it the same way.

Kept apart from setup.py so each file stays readable; it only works mixed into SetupScreen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.widgets import Input, Static, TextArea

from feedback import JobChoices
from practice.core.job_choices import job_description
from practice.core.jobs import (
    JobFileError,
    JobSummary,
    check_job_text,
    job_terms,
    job_warnings,
    read_job_text,
)
from practice.storage.job_choices import load_job_choices, save_job_choices
from practice.tui.messages import JobParsed
from practice.tui.screens.setup_text import job_summary_text
from practice.tui.widgets.job_review import JobReview

if TYPE_CHECKING:
    from practice.services import Services


@dataclass(frozen=True)
class PracticeJob:
    """The job a session starts with."""

    text: str | None
    title: str | None
    """"Title at Company", with the person's corrections."""
    terms: list[str] | None
    """The words the transcriber is biased towards."""
    choices: JobChoices | None


class JobSetup:
    """The job description part of SetupScreen (which provides the attributes declared here)."""

    services: Services
    job_summary: JobSummary | None
    _parsed_text: str
    _job_path: Path | None
    _job_path_text: str
    _job_warnings: list[str]

    if TYPE_CHECKING:  # provided by SetupScreen / Textual

        def post_message(self, message) -> bool: ...
        def query_one(self, selector, expect_type=None): ...
        def notify(self, message: str, **kwargs) -> None: ...

    def _prefill_job(self) -> None:
        """The job from --job, else the last job file, else the job text of the last session."""
        text = self.services.job_text
        last_path = self.services.settings.last_job_path
        if text is None and last_path:
            try:
                text = read_job_text(last_path)
                self._job_path, self._job_path_text = Path(last_path), text
                self.query_one("#job-path", Input).value = last_path
            except JobFileError:
                text = None
        if text is None:
            text = self.services.store.last_job_text()
        if text:
            self.query_one("#job", TextArea).load_text(text)

    @work(thread=True, exclusive=True, group="job", exit_on_error=False)
    def parse_job(self, text: str) -> None:
        if not text.strip():
            self.post_message(JobParsed(text, None))
            return
        try:
            check_job_text(text)
            summary = self.services.job_parser(text)
            choices = load_job_choices(text)  # the corrections saved for this posting, if any
        except JobFileError as error:
            self.post_message(JobParsed(text, None, str(error)))
            return
        except Exception as error:  # noqa: BLE001 - a parser bug must not block practice: scoring gets the text
            self.post_message(JobParsed(text, None, f"The requirements could not be read ({error})."))
            return
        self.post_message(JobParsed(text, summary, warnings=job_warnings(text), choices=choices))

    def on_job_parsed(self, message: JobParsed) -> None:
        if message.text != self.query_one("#job", TextArea).text:
            return  # an older parse finished after a newer edit
        review = self.query_one(JobReview)
        before, on_screen = review.summary, review.choices
        self._parsed_text, self.job_summary = message.text, message.summary
        self._job_warnings = message.warnings
        if message.error or message.summary is None:
            review.clear()
            self.query_one("#job-summary", Static).update(
                Text(message.error, style="red")
                if message.error
                else Text("Without a job description, alignment is not scored.", style="grey62")
            )
            return
        choices = message.choices
        new = message.summary
        if (
            choices is None
            and before is not None
            and (before.title, before.company) == (new.title, new.company)
        ):
            choices = on_screen  # the posting was edited, not replaced: keep what the person corrected
        review.show(new, choices)
        self.on_job_review_changed()

    def on_job_review_changed(self, _message: JobReview.Changed | None = None) -> None:
        review = self.query_one(JobReview)
        if review.summary is not None:
            self.query_one("#job-summary", Static).update(
                job_summary_text(review.summary, self._job_warnings, review.choices)
            )

    def job_choices(self, job_text: str) -> tuple[JobChoices | None, bool]:
        """The corrections for the job on screen, and whether they are the ones on screen (else the saved ones:
        the posting changed and was not read yet)."""
        review = self.query_one(JobReview)
        if review.summary is not None and self._parsed_text.strip() == job_text:
            return review.choices, True
        return load_job_choices(job_text), False

    def practice_job(self) -> PracticeJob:
        """The job to practice with; corrections made on screen are saved for the posting first (none: its
        file goes, and the posting is read as first read)."""
        job_text = self.query_one("#job", TextArea).text.strip() or None
        summary = self.job_summary if self._parsed_text.strip() == (job_text or "") else None
        if not job_text:
            return PracticeJob(None, None, None, None)
        if summary is None:  # started before the background parse caught up
            try:
                summary = self.services.job_parser(job_text)
            except Exception:  # noqa: BLE001 - scoring still gets the raw text
                summary = None
        choices, on_screen = self.job_choices(job_text)
        title = company = None
        if summary is not None:
            title = (choices.title if choices else None) or summary.title
            company = (choices.company if choices else None) or summary.company
        heading = " at ".join(p for p in (title, company) if p) or None
        if on_screen:
            try:
                save_job_choices(job_text, choices, heading or "")
            except OSError as error:
                self.notify(f"Your corrections to the job could not be saved: {error}", severity="warning")
        terms = summary.terms if summary else None
        if choices is not None:  # lines added or left out change the words the transcriber listens for
            terms = job_terms(job_description(job_text, choices))
        return PracticeJob(job_text, heading, terms, choices)
