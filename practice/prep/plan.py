"""Today's practice: what is due, and why, from the whole history and the job being prepared for.

Two kinds of card (practice.core.spaced schedules them with FSRS):
- every question the person answered, reviewed once per scored answer: a weak answer comes back the next
  day, a strong one days or weeks later. Questions are told apart by their text (the same question asked from
  two banks is one card; a reworded one is another);
- every requirement of the job (read with the person's corrections) that a story can evidence: due from the
  start and every day until an answer evidences it (status "covered"); then each answer that evidenced it is a
  review (covered: Good, only named or claimed: Hard), so it comes back for a refresher later.

Questions come first, weakest last answer first, then requirements, must-haves first: the weak spot the
person already met is the cheapest to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from fsrs import Rating

from feedback import JobChoices
from feedback.tip_kinds import kinds_of
from practice.core.job_choices import job_description
from practice.core.records import AttemptRecord
from practice.core.spaced import (
    RATING_WORDS,
    Review,
    answer_strength,
    days_until,
    is_due_today,
    rating_for,
    schedule,
)
from practice.prep.coverage import CoverageRow, job_coverage
from practice.prep.phrasing import phrase_requirement
from practice.storage.history import Store

Kind = Literal["question", "requirement"]
SCORE_NAMES = ("overall", "examples", "enthusiasm", "alignment")
_REQUIREMENT_RATING = {"covered": Rating.Good, "partial": Rating.Hard}


def question_key(text: str) -> str:
    """One card per question, whatever its spacing or case."""
    return " ".join(text.casefold().split())


def requirement_id(text: str) -> str:
    return "req-" + (re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48].strip("-") or "requirement")


@dataclass
class DueItem:
    """One card that is due today, and why."""

    kind: Kind
    id: str
    """The question's id (its last one, if banks differ) or the requirement's slug."""
    reason: str
    question: str | None = None
    requirement: str | None = None
    must_have: bool = False
    last_scores: dict[str, int | None] | None = None
    """The last scored answer's overall and dimension scores (a question card)."""
    tip: str | None = None
    """The last answer's first tip that it did not follow: the one still to follow."""
    tip_kind: str | None = None
    """What the tip asks for (feedback.tip_kinds)."""
    tip_times: int = 0
    """How many answers to this question were given a tip of that kind."""
    tip_tries: int = 0
    """How many retries worked on a tip of that kind without following it (AttemptRecord.worked_tip)."""
    due_at: datetime | None = None
    """None: never evidenced (a requirement), due until it is."""
    strength: int | None = None
    """The last answer's score the schedule used (practice.core.spaced.answer_strength)."""
    last_attempt: AttemptRecord | None = None
    """The last scored answer (a question card): the one whose tip is still to follow."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "reason": self.reason,
            "question": self.question,
            "requirement": self.requirement,
            "must_have": self.must_have,
            "last_scores": self.last_scores,
            "tip": self.tip,
            "tip_kind": self.tip_kind,
            "tip_times": self.tip_times,
            "tip_tries": self.tip_tries,
            "due_at": self.due_at.isoformat(timespec="seconds") if self.due_at else None,
        }


@dataclass
class Plan:
    now: datetime
    due: list[DueItem] = field(default_factory=list)
    next_due_at: datetime | None = None
    """The earliest time a card not due today falls due; None when there is none."""
    job_title: str | None = None
    job_text: str | None = None
    job_choices: JobChoices | None = None
    cards: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "now": self.now.isoformat(timespec="seconds"),
            "job": self.job_title,
            "cards": self.cards,
            "due": [item.to_dict() for item in self.due],
            "next_due_at": self.next_due_at.isoformat(timespec="seconds") if self.next_due_at else None,
        }


def all_attempts(store: Store) -> list[AttemptRecord]:
    """Every attempt in the history, oldest first."""
    attempts = [a for s in store.sessions() for a in store.attempts(s.session.id)]
    return sorted(attempts, key=lambda a: (a.created_at, a.id or 0))


def by_question(attempts: list[AttemptRecord]) -> dict[str, list[AttemptRecord]]:
    """The attempts grouped by question (question_key), in the order given. An answer to the interviewer's
    follow-up is no question of its own to schedule or rank (it still counts for the requirements it shows)."""
    groups: dict[str, list[AttemptRecord]] = {}
    for attempt in attempts:
        if attempt.follow_up_of is not None:
            continue
        groups.setdefault(question_key(attempt.question_text), []).append(attempt)
    return groups


def question_reviews(attempts: list[AttemptRecord]) -> list[Review]:
    """One review per scored answer to a question (untrusted takes and failed ones are none)."""
    scored = ((a, answer_strength(a)) for a in attempts)
    return [Review(a.created_at, rating_for(s)) for a, s in scored if s is not None]


def _kinds(attempt: AttemptRecord) -> list[str]:
    result = attempt.result
    return kinds_of(result.tips, result.tip_kinds) if result is not None else []


def tip_to_follow(
    last: AttemptRecord, attempts: list[AttemptRecord]
) -> tuple[str | None, str | None, int, int]:
    """(tip, kind, answers given a tip of that kind, retries that worked on it without following it).

    The tip is the last answer's first one that it did not follow: a retry that followed the tip it worked on
    (judged by feedback.tip_check) has that tip done, even when the scorer ranks it first again."""
    result = last.result
    if result is None or not result.tips:
        return None, None, 0, 0
    done = last.worked_tip.kind if last.worked_tip is not None and last.worked_tip.followed else None
    pairs = list(zip(result.tips, _kinds(last), strict=True))
    tip, kind = next(((t, k) for t, k in pairs if k != done or k == "other"), pairs[0])
    times = sum(1 for a in attempts if kind in _kinds(a))
    tries = sum(
        1 for a in attempts if a.worked_tip and a.worked_tip.kind == kind and a.worked_tip.verdict == "no"
    )
    return tip, kind, times, tries


def _question_item(attempts: list[AttemptRecord], now: datetime) -> tuple[DueItem | None, datetime | None]:
    """The card of one question (its answers oldest first): the item when due today, else when it falls due."""
    scored = [(a, answer_strength(a)) for a in attempts]
    reviews = question_reviews(attempts)
    card = schedule(reviews)
    if card is None:
        return None, None  # answered but never scored (a failed transcription): nothing to schedule by
    if not is_due_today(card.due, now):
        return None, card.due
    last, strength = next((a, s) for a, s in reversed(scored) if s is not None)
    tip, kind, times, tries = tip_to_follow(last, [a for a, s in scored if s is not None])
    word = RATING_WORDS[rating_for(strength or 0)]
    when = last.created_at.date().isoformat()
    answers = f"{len(reviews)} scored answer{'s' if len(reviews) != 1 else ''}"
    reason = f"last answer {word} ({strength}/100, {when}); {answers}"
    item = DueItem(
        "question",
        last.question_id,
        reason,
        question=last.question_text,
        last_scores={key: last.score(key) for key in SCORE_NAMES},
        tip=tip,
        tip_kind=kind,
        tip_times=times,
        tip_tries=tries,
        due_at=card.due,
        strength=strength,
        last_attempt=last,
    )
    return item, None


def _requirement_item(
    row: CoverageRow, created: dict[int, datetime], now: datetime
) -> tuple[DueItem | None, datetime | None]:
    covered = [h for h in row.hits if h.status == "covered"]
    base = DueItem("requirement", requirement_id(row.requirement), "", requirement=row.requirement)
    base.must_have = row.must_have
    if not covered:
        named = len(row.hits)
        base.reason = "never evidenced by an answer yet" + (
            f" (named in {named} answer{'s' if named != 1 else ''}, without an example of doing it)"
            if named
            else ""
        )
        return base, None
    reviews = [
        Review(created[h.attempt_id], _REQUIREMENT_RATING[h.status])
        for h in row.hits
        if h.attempt_id is not None and h.attempt_id in created
    ]
    card = schedule(reviews)
    if card is None or not is_due_today(card.due, now):
        return None, card.due if card else None
    best = row.best
    last = max(created[h.attempt_id] for h in covered if h.attempt_id in created)
    base.reason = f"evidenced {len(covered)} time(s), last on {last.date().isoformat()}: time for a refresher"
    base.question = best.question if best else None
    base.due_at = card.due
    return base, None


def build_plan(
    store: Store, now: datetime, job_text: str | None = None, choices: JobChoices | None = None
) -> Plan:
    """What is due today (by the end of now's day): every answered question's card, and with a job, every
    requirement's that a story can evidence."""
    plan = Plan(now, job_text=job_text, job_choices=choices)
    attempts = all_attempts(store)
    later: list[datetime] = []
    questions: list[DueItem] = []
    for group in by_question(attempts).values():
        item, due = _question_item(group, now)
        questions += [item] if item else []
        later += [due] if due else []
        plan.cards += item is not None or due is not None  # a question never scored is no card
    questions.sort(key=lambda i: (i.strength if i.strength is not None else 0, i.due_at or now))
    requirements: list[DueItem] = []
    job = job_description(job_text, choices) if job_text else None
    if job is not None and job_text:
        plan.job_title = " at ".join(p for p in (job.title, job.company) if p) or None
        wanted = {r.text for r in job.requirements}
        created = {a.id: a.created_at for a in attempts if a.id is not None}
        rows = [r for r in job_coverage(store, job_text, choices).rows if r.requirement in wanted]
        rows = [r for r in rows if phrase_requirement(r.requirement).kind != "skip"]
        plan.cards += len(rows)
        for row in rows:
            item, due = _requirement_item(row, created, now)
            requirements += [item] if item else []
            later += [due] if due else []
        requirements.sort(key=lambda i: (not i.must_have, i.due_at is not None))
    plan.due = questions + requirements
    plan.next_due_at = min(later, default=None)
    return plan


def plan_text(plan: Plan) -> str:
    """The plan as the `plan` command prints it."""
    heading = f"Today's practice ({plan.now.date().isoformat()})"
    if plan.job_title:
        heading += f" for {plan.job_title}"
    lines = [heading + f": {len(plan.due)} due of {plan.cards} card{'s' if plan.cards != 1 else ''}"]
    for number, item in enumerate(plan.due, start=1):
        if item.kind == "question":
            lines.append(f"{number:>3}. question: {item.question}")
            scores = item.last_scores or {}
            shown = ", ".join(f"{k} {v}" for k, v in scores.items() if v is not None)
            lines.append(f"       why: {item.reason}" + (f" [{shown}]" if shown else ""))
            if item.tip:
                counts = [f"given {item.tip_times} times"] if item.tip_times > 1 else []
                tries = item.tip_tries
                counts += [f"worked on {tries} time{'s' if tries != 1 else ''}"] if tries else []
                again = f" ({', '.join(counts)})" if counts else ""
                lines.append(f"       tip not yet followed{again}: {item.tip}")
        else:
            mark = "must-have" if item.must_have else "requirement"
            lines.append(f"{number:>3}. {mark}: {item.requirement}")
            lines.append(f"       why: {item.reason}")
    if not plan.due:
        lines.append("Nothing is due today.")
    if plan.next_due_at is not None:
        days = days_until(plan.next_due_at, plan.now)
        when = "later today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
        lines.append(f"Next due: {plan.next_due_at.date().isoformat()} ({when}).")
    if not plan.cards:
        lines.append("Answer a few questions first (or give --job FILE): each answer becomes a card.")
    return "\n".join(lines) + "\n"
