"""The requirement coverage matrix: for a session, or every session for the same job, each requirement of the
job against the answers that evidenced it (with the concrete example sentence) and the ones never covered,
so the person knows which stories to prepare next.

It reads only what the history already holds: each attempt's stored feedback (the alignment requirements
with their status and evidence spans, and the examples dimension's action/result sentences). Nothing is
scored again, so the matrix says exactly what the review screens said at the time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from feedback import JobChoices, parse_job
from feedback.model import Evidence, Feedback, RequirementResult
from practice.core.job_choices import is_left_out, job_description, job_key
from practice.core.records import AttemptRecord, SessionRecord
from practice.prep.phrasing import phrase_requirement
from practice.storage.history import Store

STATUS_RANK = {"covered": 2, "partial": 1, "missing": 0}
# Which example sentence shows a requirement best: one with the person's action or result in it.
_LABEL_RANK = {"result": 2, "action": 3, "situation": 1, "task": 1}


def _title_company(text: str) -> tuple[str, str] | None:
    job = parse_job(text)
    if job.title and job.company:
        return job.title.strip().lower(), job.company.strip().lower()
    return None


def same_job(a: str | None, b: str | None) -> bool:
    """The same posting: the same text up to spacing and case, or the same title and company (edited)."""
    if job_key(a) is None or job_key(b) is None:
        return False
    if job_key(a) == job_key(b):
        return True
    ta, tb = _title_company(a or ""), _title_company(b or "")
    return ta is not None and ta == tb


@dataclass(frozen=True)
class Example:
    """The sentence of an answer that best shows a requirement, and what kind of evidence it is."""

    text: str
    label: str  # "action", "result" ... or "mention" when only the requirement's words were found


def _sentence_around(transcript: str, start: int, end: int) -> str:
    """The transcript sentence containing start..end (a fallback when no example span covers the words)."""
    left = max(transcript.rfind(mark, 0, start) for mark in ".!?\n")
    right_candidates = [i for i in (transcript.find(mark, end) for mark in ".!?\n") if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(transcript)
    return transcript[left + 1 : right].strip()


def example_for(feedback: Feedback, requirement: RequirementResult) -> Example | None:
    """The concrete example sentence for one requirement result of a stored feedback.

    The action or result sentence of the examples dimension that holds most of the requirement's evidence
    words wins (on a tie, what the person did before what came of it, then a measured result); else the
    answer's sentence where the words were found.
    """
    spans = [(e.start, e.end) for e in requirement.evidence]
    if not spans:
        return None
    examples = feedback.examples.evidence
    metrics = [(e.start, e.end) for e in examples if e.label == "metric"]
    best: tuple[tuple[int, int, int], Evidence] | None = None
    for ev in examples:
        rank = _LABEL_RANK.get(ev.label)
        if rank is None:
            continue
        holds = sum(ev.start <= a and b <= ev.end for a, b in spans)
        if not holds:
            continue
        measured = any(ev.start <= a and b <= ev.end for a, b in metrics)
        key = (holds, rank, int(measured))
        if best is None or key > best[0]:
            best = (key, ev)
    if best is not None:
        return Example(best[1].text.strip(), best[1].label)
    transcript = feedback.transcript
    a, b = spans[0]
    sentence = _sentence_around(transcript, a, b) if transcript else requirement.evidence[0].text
    return Example(sentence, "mention") if sentence else None


@dataclass(frozen=True)
class CoverageHit:
    """One answer that touched a requirement."""

    session_id: str
    attempt_id: int | None
    question_id: str
    question: str
    status: str  # "covered" (evidenced by something the person did) or "partial" (named or claimed)
    example: Example | None
    terms: int = 0
    """How many of the requirement's terms the answer used (more is a more specific example)."""


@dataclass
class CoverageRow:
    requirement: str
    must_have: bool
    hits: list[CoverageHit] = field(default_factory=list)
    no_story: str = ""
    """Why no story can evidence it (a credential, or a line about the company), else empty."""

    @property
    def status(self) -> str:
        return max((h.status for h in self.hits), key=STATUS_RANK.__getitem__, default="missing")

    @property
    def best(self) -> CoverageHit | None:
        """The strongest answer for it: covered before partial, an action/result example before a mention."""
        ranked = sorted(
            self.hits,
            key=lambda h: (
                STATUS_RANK[h.status],
                h.example is not None and h.example.label != "mention",
                h.terms,
            ),
            reverse=True,
        )
        return ranked[0] if ranked else None


@dataclass
class CoverageMatrix:
    title: str | None
    sessions: list[str]
    rows: list[CoverageRow]
    answers: int
    """Scored answers read (attempts with feedback)."""

    def never_covered(self, must_have_only: bool = False) -> list[CoverageRow]:
        """Requirements no answer evidenced yet: the stories to prepare next (must-haves first)."""
        rows = [
            r
            for r in self.rows
            if r.status != "covered" and not r.no_story and (r.must_have or not must_have_only)
        ]
        return sorted(rows, key=lambda r: (not r.must_have, STATUS_RANK[r.status]))

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "sessions": self.sessions,
            "answers": self.answers,
            "requirements": [
                {
                    "text": r.requirement,
                    "must_have": r.must_have,
                    "status": r.status,
                    "no_story": r.no_story or None,
                    "answers": [
                        {
                            "session_id": h.session_id,
                            "attempt_id": h.attempt_id,
                            "question_id": h.question_id,
                            "question": h.question,
                            "status": h.status,
                            "example": h.example.text if h.example else None,
                            "example_label": h.example.label if h.example else None,
                        }
                        for h in r.hits
                    ],
                }
                for r in self.rows
            ],
            "never_covered": [r.requirement for r in self.never_covered()],
        }


def build_matrix(
    attempts: list[AttemptRecord],
    job_text: str | None,
    title: str | None = None,
    choices: JobChoices | None = None,
) -> CoverageMatrix:
    """The matrix over these attempts: rows in the requirement order of the job read with the person's
    corrections (then any other requirement text found in older feedback, except lines the person left out),
    each with every answer that covered or partly covered it."""
    rows: dict[str, CoverageRow] = {}
    job = job_description(job_text, choices)
    for req in job.requirements if job else []:
        rows.setdefault(req.text, CoverageRow(req.text, req.must_have))
    sessions: list[str] = []
    answers = 0
    for attempt in attempts:
        feedback = attempt.result
        if feedback is None:
            continue
        results = feedback.alignment.requirements
        answers += 1
        if attempt.session_id not in sessions:
            sessions.append(attempt.session_id)
        for result in results:
            if result.text not in rows and is_left_out(result.text, choices):
                continue  # scored before the person left it out: it is not a requirement of this job
            row = rows.setdefault(result.text, CoverageRow(result.text, result.must_have))
            if result.status in ("covered", "partial"):
                row.hits.append(
                    CoverageHit(
                        attempt.session_id,
                        attempt.id,
                        attempt.question_id,
                        attempt.question_text,
                        result.status,
                        example_for(feedback, result),
                        len(result.matched_terms),
                    )
                )
    for row in rows.values():
        phrase = phrase_requirement(row.requirement)
        row.no_story = phrase.text if phrase.kind == "skip" else ""
    return CoverageMatrix(title, sessions, list(rows.values()), answers)


def _title(session: SessionRecord) -> str | None:
    job = job_description(session.job_text, session.job_choices)
    return session.job_title or (job.title if job else None)


def session_coverage(store: Store, session_id: str) -> CoverageMatrix:
    """One session against its job, read with the corrections it was practiced (and scored) with."""
    session = store.session(session_id)
    if session is None:
        raise LookupError(f"no session {session_id!r} in the history")
    return build_matrix(store.attempts(session_id), session.job_text, _title(session), session.job_choices)


def sessions_for_job(store: Store, job_text: str) -> list[SessionRecord]:
    """Every session practiced for this job (same text, or same title and company), oldest first."""
    found = [s.session for s in store.sessions() if same_job(s.session.job_text, job_text)]
    return sorted(found, key=lambda s: (s.started_at, s.id))


def job_coverage(store: Store, job_text: str, choices: JobChoices | None = None) -> CoverageMatrix:
    """Coverage across all sessions for the same job; rows follow the given job text's requirements, read
    with the person's current corrections for it (practice.storage.job_choices, found by the caller)."""
    sessions = sessions_for_job(store, job_text)
    attempts = [a for s in sessions for a in store.attempts(s.id)]
    title = parse_job(job_text, choices).title
    matrix = build_matrix(attempts, job_text, title, choices)
    matrix.sessions = [s.id for s in sessions]
    return matrix


def matrix_text(matrix: CoverageMatrix) -> str:
    """A plain-text report: each requirement with its status and best example, then what to prepare next."""
    heading = f"Coverage for {matrix.title or 'this job'}: {len(matrix.sessions)} session"
    heading += f"{'s' if len(matrix.sessions) != 1 else ''}, {matrix.answers} scored answer"
    lines = [heading + ("s" if matrix.answers != 1 else "")]
    for row in matrix.rows:
        mark = "*" if row.must_have else " "
        lines.append(f"[{row.status:<7}] {mark} {row.requirement}")
        if row.no_story and not row.hits:
            lines.append(f"            ({row.no_story})")
        best = row.best
        if best is not None:
            answered = f"{len(row.hits)} answer{'s' if len(row.hits) != 1 else ''}"
            if best.example is not None:
                lines.append(f'            "{best.example.text}"')
            lines.append(f"            {answered}; best: {best.question} (session {best.session_id})")
    todo = matrix.never_covered()
    if todo:
        lines += ["", "Never covered: prepare a story for"]
        lines += [f"  {'*' if r.must_have else ' '} {r.requirement}" for r in todo]
    lines.append("\n* must have")
    return "\n".join(lines) + "\n"
