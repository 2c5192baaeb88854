"""Progress you can see, for the history screen: the best answer so far to each question, with how often it
was answered and when FSRS brings it back (practice/core/spaced.py), and each requirement of the job over
time (how well each session practiced for it evidenced it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from feedback import JobChoices
from practice.core.job_choices import job_description
from practice.core.records import AttemptRecord
from practice.core.spaced import schedule
from practice.prep.coverage import STATUS_RANK, CoverageMatrix, job_coverage
from practice.prep.plan import all_attempts, by_question, question_reviews
from practice.storage.history import Store


@dataclass(frozen=True)
class BestAnswer:
    question: str
    best: AttemptRecord
    """The answer with the highest trusted overall score (the latest of equals)."""
    answers: int
    """Scored answers to the question, in every session."""
    first: int | None
    """The overall score of the first scored answer: how far the best has come."""
    due_at: datetime | None
    """When FSRS brings the question back."""


def best_answers(attempts: list[AttemptRecord]) -> list[BestAnswer]:
    """One row per question with a trusted score, the question due soonest first."""
    rows: list[BestAnswer] = []
    for group in by_question(attempts).values():
        scored = [a for a in group if a.score("overall") is not None]
        if not scored:
            continue
        best = max(scored, key=lambda a: (a.score("overall") or 0, a.created_at))
        card = schedule(question_reviews(group))
        rows.append(
            BestAnswer(
                best.question_text, best, len(scored), scored[0].score("overall"), card.due if card else None
            )
        )
    return sorted(
        rows, key=lambda r: (r.due_at is None, r.due_at.timestamp() if r.due_at else 0.0, r.question)
    )


def history_best_answers(store: Store) -> list[BestAnswer]:
    return best_answers(all_attempts(store))


@dataclass(frozen=True)
class RequirementTrack:
    """One requirement of the job over time."""

    requirement: str
    must_have: bool
    statuses: tuple[str, ...]
    """For each session practiced for the job, oldest first, the best any of its answers did: "covered" (a
    story evidenced it), "partial" (only named or claimed) or "missing"."""


def requirement_tracks(matrix: CoverageMatrix, wanted: list[str] | None = None) -> list[RequirementTrack]:
    """Each requirement a story can evidence (credentials and lines about the company are none), must-haves
    first, across the matrix's sessions; `wanted`: only these requirement texts (the job as read now)."""
    tracks: list[RequirementTrack] = []
    for row in matrix.rows:
        if row.no_story or (wanted is not None and row.requirement not in wanted):
            continue
        best: dict[str, str] = {}
        for hit in row.hits:
            before = best.get(hit.session_id, "missing")
            best[hit.session_id] = max(before, hit.status, key=STATUS_RANK.__getitem__)
        statuses = tuple(best.get(session, "missing") for session in matrix.sessions)
        tracks.append(RequirementTrack(row.requirement, row.must_have, statuses))
    return sorted(tracks, key=lambda t: not t.must_have)


def history_requirement_tracks(
    store: Store, job_text: str, choices: JobChoices | None = None
) -> list[RequirementTrack]:
    """The job's requirements (read with the person's corrections) over the sessions practiced for it; none
    when no session was."""
    matrix = job_coverage(store, job_text, choices)
    if not matrix.sessions:
        return []
    job = job_description(job_text, choices)
    return requirement_tracks(matrix, [r.text for r in job.requirements] if job else None)
