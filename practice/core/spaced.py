"""Spaced repetition of weak spots with FSRS (the `fsrs` package, the scheduler modern flashcard apps use).

A card is anything the person should come back to: a question they answered, a requirement of their job.
Its reviews are replayed from the history every time (nothing is stored), so the schedule can never disagree
with what the history says, and a deleted session simply stops counting.

How an answer becomes an FSRS rating: first its strength (`answer_strength`), a 0-100 score the review
showed (only trusted scores count, see AttemptRecord.score): the overall score, except for a motivation
question ("why this role?"), where it is the enthusiasm score, because such a question asks for no story and
its overall score stays low however good the answer (the examples dimension weighs 40% of it). Then the
strength's band (`rating_for`):

| overall | rating | what it means here | with no earlier review it comes back after |
|---|---|---|---|
| under 45 | Again | weak: no real example, or far off the question | 1 day |
| 45 to 59 | Hard | a story with a gap (no result, no number, little of the job) | 1 day |
| 60 to 74 | Good | a solid answer with something still to fix | 2 days |
| 75 and over | Easy | strong: a measured result, the job's words, enthusiasm | 8 days |

The bands follow the examples dimension's levels (feedback/examples.py: an episode with the person's own
actions starts at 45, a measured result at 78) as they show in the weighted overall score. Later reviews of
the same card stretch or shrink these intervals as FSRS's memory model says (a card answered well twice
comes back weeks later; a lapse brings it back the next day).

The scheduler runs without FSRS's same-day learning steps (minutes apart): interview answers are practiced
again on another day, not ten minutes later; and without fuzzing, so the same history gives the same plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from fsrs import Card, Rating, Scheduler

from feedback.scorer import question_kind
from practice.core.records import AttemptRecord

#: (lowest overall score, rating), best first: see the table in the module docstring.
RATING_BANDS: tuple[tuple[int, Rating], ...] = (
    (75, Rating.Easy),
    (60, Rating.Good),
    (45, Rating.Hard),
    (0, Rating.Again),
)
#: How the plan words each rating.
RATING_WORDS = {Rating.Again: "weak", Rating.Hard: "shaky", Rating.Good: "good", Rating.Easy: "strong"}

_SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating_for(overall: int) -> Rating:
    """The FSRS rating of an answer with this overall score."""
    for lowest, rating in RATING_BANDS:
        if overall >= lowest:
            return rating
    return Rating.Again


def answer_strength(attempt: AttemptRecord) -> int | None:
    """The score an answer is scheduled by (see the module docstring); None when it has no trusted score."""
    if question_kind(attempt.question_text) == "motivation":
        return attempt.score("enthusiasm")
    return attempt.score("overall")


@dataclass(frozen=True)
class Review:
    """One time the card was practiced: when, and how well."""

    at: datetime
    rating: Rating


def _utc(moment: datetime) -> datetime:
    # fsrs wants UTC; the history stores local times with their offset (a naive time is taken as local)
    return moment.astimezone(UTC)


def schedule(reviews: Iterable[Review]) -> Card | None:
    """The card after replaying these reviews in time order; None for a card never reviewed (the caller
    decides: a requirement never evidenced is due at once)."""
    ordered = sorted(reviews, key=lambda r: r.at)
    if not ordered:
        return None
    card = Card(card_id=1)  # a fixed id: Card() would read the clock and sleep a millisecond
    for review in ordered:
        card, _log = _SCHEDULER.review_card(card, review.rating, _utc(review.at))
    return card


def end_of_day(now: datetime) -> datetime:
    """The last moment of the person's day (in now's own time zone): what is due by then is due today."""
    return datetime.combine(now.date(), time.max, tzinfo=now.tzinfo)


def is_due_today(due: datetime, now: datetime) -> bool:
    return due <= end_of_day(now)


def days_until(due: datetime, now: datetime) -> int:
    """Whole days from today to the due day (0: today or overdue), counted in the person's calendar."""
    local = due.astimezone(now.tzinfo) if due.tzinfo else due
    return max(0, (local.date() - now.date()).days)


def interval_words(delta: timedelta) -> str:
    days = max(1, round(delta.total_seconds() / 86400))
    return "1 day" if days == 1 else f"{days} days"
