"""Review of one attempt: the three scores with their reasons, delivery figures, the next-attempt tips and the
transcript with its evidence highlighted. Plays the recording, and compares this attempt with earlier ones.

Opened live after each answer (dismisses with "retry", "next" or "finish") or from the history (read only).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from functools import cached_property

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from feedback.model import FollowUp, Outline
from feedback.scorer import question_kind
from feedback.tip_kinds import kinds_of
from practice.core.feedback_view import all_evidence, dimension, has_delivery, outline_of
from practice.core.records import FOLLOW_UP_WHY, AttemptRecord, WorkedTip, follow_up_note, parent_of
from practice.tui.screens.base import StudioScreen
from practice.tui.screens.compare import CompareScreen, compare_columns, worked_tip_text
from practice.tui.screens.followup import ask_and_save_story
from practice.tui.screens.outline import edit_and_save_outline
from practice.tui.screens.tip_picker import NO_TIP, TipPickerScreen
from practice.tui.widgets.meters import format_clock
from practice.tui.widgets.outline import outline_view
from practice.tui.widgets.scores import DIMENSIONS, LabeledRow, delivery_text, score_row, score_text, tip_rows
from practice.tui.widgets.transcript import HighlightedTranscript, legend
from practice.tui.widgets.voice import VoicePanel

SOURCES = {"spoken": "recorded", "typed": "typed", "imported": "imported"}


def attempt_heading(
    attempt: AttemptRecord, position: str = "", others: list[AttemptRecord] | None = None
) -> Text:
    parent = parent_of(attempt, others or [])
    note = follow_up_note(attempt, parent.attempt_no if parent else None)
    parts = [
        p
        for p in (
            position,
            f"attempt {attempt.attempt_no}",
            note,
            SOURCES.get(attempt.source, attempt.source),
        )
        if p
    ]
    if attempt.duration_s:
        parts.append(format_clock(attempt.duration_s))
    text = Text.assemble((" · ".join(parts), "grey70"))
    quality = attempt.result.quality if attempt.result is not None else None
    if quality is not None and not quality.trusted:
        text.append("   Overall not judged: see below", style="grey70")
    elif attempt.score("overall") is not None:
        text.append("   Overall ", style="bold")
        text.append_text(score_text(attempt.score("overall")))
    text.append("\n")
    text.append(attempt.question_text, style="bold")
    return text


def pair_text(parent: AttemptRecord, limit: int = 240) -> Text:
    """The answer a follow-up follows, in short: its question, its overall score and its first words."""
    text = Text.assemble((f"Attempt {parent.attempt_no}: ", "bold"), (parent.question_text, "italic"))
    if parent.score("overall") is not None:
        text.append("  Overall ")
        text.append_text(score_text(parent.score("overall")))
    words = " ".join((parent.transcript or "").split())
    if words:
        text.append("\n" + (words if len(words) <= limit else words[:limit].rsplit(" ", 1)[0] + " …"))
    return text


def quality_notice(reason: str) -> Text:
    """Above the scores of an answer whose transcript cannot be trusted: why, and what the scores are worth."""
    return Text.assemble(
        ("Take this with care. ", "bold yellow"),
        (reason, "yellow"),
        ("\nThe scores below are dimmed: they judge a transcript that may not be what you said.", "grey70"),
    )


class ReviewScreen(StudioScreen[str | None]):
    HELP_TITLE = "Review"
    BINDINGS = [
        Binding("p", "play", "Play"),
        Binding("a", "again", "Try again"),
        Binding("n", "follow_up", "Follow-up"),
        Binding("n", "next", "Next"),
        Binding("n", "finish_last", "Finish"),
        Binding("c", "compare", "Compare"),
        Binding("s", "save_story", "Save as story"),
        # out of the full footer: the outline's heading names the key
        Binding("o", "outline", "Edit the outline", show=False),
        Binding("f", "finish", "Finish"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(
        self,
        attempt: AttemptRecord,
        peers: list[AttemptRecord],
        *,
        live: bool,
        is_last: bool = False,
        target_s: int | None = None,
        position: str = "",
        follow_up: FollowUp | None = None,
        asker: str | None = None,
    ) -> None:
        super().__init__()
        self.attempt = attempt
        self.follow_up = follow_up
        """The follow-up the interviewer asks next (live, follow-ups on): "n" goes to it."""
        self.asker = asker
        self.peers = peers
        """Every attempt at the same question in the same session, oldest first (includes this one)."""
        self.live = live
        self.is_last = is_last
        self.target_s = target_s
        self.position = position
        self.working_on: WorkedTip | None = None
        """The tip picked for the retry ("try again"), read by the practice screen when the review closes."""
        self._playing = False
        self._playback_lock = threading.Lock()  # one playback thread owns the player at a time

    def compose(self) -> ComposeResult:
        a = self.attempt
        feedback = a.result
        yield Header()
        with VerticalScroll(id="review"):
            yield Static(attempt_heading(a, self.position, self.peers), id="review-heading")
            parent = parent_of(a, self.peers)
            if parent is not None:
                yield Static(Text("The answer it follows", style="bold"), classes="section")
                yield Static(pair_text(parent), id="review-parent")
            if a.error:
                yield Static(Text(a.error), id="review-error")
            if feedback is not None:
                quality = feedback.quality
                trusted = quality is None or quality.trusted
                if not trusted and quality is not None:
                    yield Static(quality_notice(quality.reason), id="review-quality")
                row_classes = "score-row" if trusted else "score-row untrusted"
                for key, title in DIMENSIONS:
                    yield score_row(title, dimension(feedback, key), classes=row_classes)
                delivery = delivery_text(
                    feedback.delivery if has_delivery(feedback) else None, a.duration_s, self.target_s
                )
                yield LabeledRow(Text("Delivery   ", style="bold"), delivery, id="delivery")
                if a.worked_tip is not None:
                    yield Static(worked_tip_text(a.worked_tip), id="worked-tip", classes="section")
                    if (before := self.worked_from) is not None:
                        yield from compare_columns([before, a], id="review-columns")
                if feedback.tips:
                    yield Static(Text("Next attempt", style="bold"), classes="section")
                    yield from tip_rows(feedback.tips)
                elif trusted:
                    # tips are only given where the answer lacks something: say so, rather than leave a gap
                    yield Static(
                        Text.assemble(
                            ("Next attempt  ", "bold"), "nothing this answer lacks was found: keep it."
                        ),
                        classes="section",
                        id="no-tips",
                    )
                follow_ups = [p for p in self.peers if p.follow_up_of is not None and p.follow_up_of == a.id]
                if self.follow_up is not None or follow_ups:
                    yield Static(Text("Follow-up", style="bold"), classes="section")
                    yield Static(self._follow_up_text(follow_ups), id="review-follow-up")
                if VoicePanel.shows(a, self.services.voice_meter):
                    yield VoicePanel(a, self.services.store, self.services.voice_meter, id="voice")
            yield Static(Text("Transcript", style="bold"), classes="section")
            yield HighlightedTranscript(a.transcript or "", feedback, id="transcript")
            labels = {e.label for e in all_evidence(feedback)}
            if labels:
                yield Static(legend(labels), id="legend")
            if self.outline is not None:
                heading = Text.assemble(
                    ("Outline in your words", "bold"), ("   o edits it into a story", "grey62")
                )
                yield Static(heading, classes="section")
                yield Static(outline_view(self.outline), id="outline")
            yield Static(id="playback")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Review"

    @property
    def worked_from(self) -> AttemptRecord | None:
        """The earlier attempt whose tip this retry worked on (in the same session's peers, or, for a tip
        carried over from an earlier day, that day's answer in the history)."""
        worked = self.attempt.worked_tip
        if worked is None:
            return None
        if worked.from_attempt_id is not None:
            return self.services.store.attempt(worked.from_attempt_id)
        return next(
            (p for p in self.peers if p.attempt_no == worked.from_attempt and p is not self.attempt), None
        )

    def _follow_up_text(self, answered: list[AttemptRecord]) -> Text:
        """The follow-up to come (live), or the ones already answered (with their overall score)."""
        if self.follow_up is not None:
            who = self.asker or "The interviewer"
            why = FOLLOW_UP_WHY.get(self.follow_up.reason, "")
            return Text.assemble(
                (f"{who} asks next: ", "bold"),
                (self.follow_up.question, "italic"),
                (f"\n({why}) · n answers it · f finishes", "grey62"),
            )
        text = Text()
        for k, attempt in enumerate(answered):
            text.append("\n" if k else "")
            text.append(f"Attempt {attempt.attempt_no}: ", style="bold")
            text.append(attempt.question_text, style="italic")
            if attempt.score("overall") is not None:
                text.append("  Overall ")
                text.append_text(score_text(attempt.score("overall")))
        return text

    @cached_property
    def outline(self) -> Outline | None:
        """The answer's STAR outline when it told a story or was asked for one ("why this role?" was not)."""
        feedback = self.attempt.result
        if feedback is None or not self.attempt.transcript:
            return None
        outline = outline_of(feedback)
        told = bool(outline.actions or outline.result)
        return outline if told or question_kind(self.attempt.question_text) == "behavioral" else None

    # --- keys --------------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "play":
            return self.attempt.recording_path is not None
        if action == "compare":
            return len(self.peers) > 1
        if action == "save_story":
            return bool(self.attempt.transcript)
        if action == "outline":
            return self.outline is not None
        if action in ("again", "finish"):
            return self.live
        if action == "follow_up":
            return self.live and self.follow_up is not None
        if action == "next":
            return self.live and not self.is_last and self.follow_up is None
        if action == "finish_last":
            return self.live and self.is_last and self.follow_up is None
        return True

    def action_again(self) -> None:
        result = self.attempt.result
        tips = result.tips if result is not None else []
        if not tips:
            # nothing new to pick from (a failed take): keep working on the tip this take worked on
            worked = self.attempt.worked_tip
            self.working_on = replace(worked, verdict=None, reason="") if worked is not None else None
            self._retry()
            return
        self.app.push_screen(TipPickerScreen(tips), self._tip_picked)

    def _tip_picked(self, index: int | None) -> None:
        result = self.attempt.result
        if index is None or result is None:
            return  # back to the review
        if index != NO_TIP:
            kind = kinds_of(result.tips, result.tip_kinds)[index]
            self.working_on = WorkedTip(result.tips[index], kind, self.attempt.attempt_no)
        self._retry()

    def _retry(self) -> None:
        self._stop_playback()
        self.dismiss("retry")

    def action_next(self) -> None:
        self._stop_playback()
        self.dismiss("next")

    def action_finish(self) -> None:
        self._stop_playback()
        self.dismiss("finish")

    def action_finish_last(self) -> None:
        self.action_finish()

    def action_follow_up(self) -> None:
        self._stop_playback()
        self.dismiss("follow_up")

    def action_back(self) -> None:
        self._stop_playback()
        self.dismiss(None)

    def action_compare(self) -> None:
        self.app.push_screen(CompareScreen(self.peers, self.target_s))

    def action_save_story(self) -> None:
        ask_and_save_story(self, self.attempt)

    def action_outline(self) -> None:
        if self.outline is not None:
            edit_and_save_outline(self, self.attempt, self.outline)

    # --- playback ----------------------------------------------------------------------------------------

    def action_play(self) -> None:
        if self._playing:
            self._stop_playback()
            return
        path = self.attempt.recording_path
        if path is None or not path.is_file():
            self.notify(f"The recording {path} is no longer on disk.", severity="error")
            return
        self._playing = True
        self.query_one("#playback", Static).update(Text("▶ Playing the recording · p stops", style="cyan"))
        self._play(path)

    @work(thread=True, exclusive=True, group="playback", exit_on_error=False)
    def _play(self, path) -> None:
        player = self.services.player
        try:
            with self._playback_lock:
                player.play_file(path, wait=True)
        except Exception as error:  # noqa: BLE001 - no speaker: say so, nothing else is affected
            self.app.call_from_thread(self.notify, str(error), title="Playback", severity="error")
        self.app.call_from_thread(self._playback_ended)

    def _playback_ended(self) -> None:
        self._playing = False
        if self.is_mounted:
            self.query_one("#playback", Static).update("")

    def _stop_playback(self) -> None:
        if self._playing:
            self.services.player.stop()
