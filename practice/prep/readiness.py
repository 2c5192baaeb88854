"""The second-round readiness list: what second-interview advice says to have done before the next round, checked
against one session (a mock interview above all), each line done or not yet, with what to do about it.

| key | done when |
|---|---|
| `examples` | every story question answered (a mock interview's behavioural ones and its "tell me about a time" role ones) has an answer with a real episode and a number that measures what changed |
| `enthusiasm` | an answer showed interest specific to this employer (its enthusiasm score in the specific band) |
| `requirements` | every must-have requirement of the job is evidenced by an answer (those not yet are listed) |
| `pressing-problem` | in the person's own questions, one asked about the team's most pressing problem (feedback.asked) |
| `thank-you` | one thank-you draft per interviewer is written (practice/prep/drafts.py) |
| `references` | ticked by the person: references told they may be called |
| `work-samples` | ticked by the person: work samples ready to share |

Everything is read from the history as stored (scores, evidence, coverage) and from the drafts folder; nothing
is scored again. The two manual ticks are kept with the session (Store.set_check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from feedback.asked import pressing_problem_question
from feedback.follow_up import SPECIFIC_INTEREST_LEARNED
from feedback.questions import question_focus, question_kind
from practice.core.job_choices import job_description
from practice.core.mock import YOUR_QUESTIONS, stored_sections
from practice.core.records import AttemptRecord, SessionRecord
from practice.prep.coverage import CoverageMatrix, session_coverage
from practice.prep.drafts import drafts_written
from practice.prep.tailor import find_company
from practice.storage.history import Store

#: The items the person ticks by hand (Store.set_check keeps them with the session).
MANUAL = {"references": "References alerted", "work-samples": "Work samples ready"}
#: An examples score from which an answer tells a real episode of the person's own actions (feedback/examples.py:
#: "a specific past episode with the person's own first-person past actions" starts at 45).
STORY_FLOOR = 45
#: Questions that hand the person their turn to ask, in sessions that are not mock interviews.
_YOUR_TURN_RE = re.compile(
    r"\bquestions?\b.*\b(for|of) (us|me|the team)\b|\banything you('d like| would like| want) to ask\b", re.I
)


@dataclass(frozen=True)
class ReadinessItem:
    key: str
    title: str
    done: bool
    detail: str
    """What the session showed, in a sentence."""
    todo: str = ""
    """What to do about it, in plain words (empty when done)."""
    missing: tuple[str, ...] = ()
    """What is not yet there: the requirements not evidenced, the questions without a number, the interviewers
    without a draft."""
    manual: bool = False
    """Ticked by the person (the studio cannot see it)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "done": self.done,
            "detail": self.detail,
            "todo": self.todo or None,
            "missing": list(self.missing),
            "manual": self.manual,
        }


@dataclass(frozen=True)
class Readiness:
    session_id: str
    items: list[ReadinessItem] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(item.done for item in self.items)

    def item(self, key: str) -> ReadinessItem:
        return next(item for item in self.items if item.key == key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "done": self.done,
            "total": len(self.items),
            "items": [item.to_dict() for item in self.items],
        }


def _measured(attempt: AttemptRecord) -> bool:
    """A real episode of the person's own actions with a number that measures the change."""
    result, score = attempt.result, attempt.score("examples")
    if result is None or score is None or score < STORY_FLOOR:
        return False
    return any(e.label == "metric" for e in result.examples.evidence)


def _asks_story(question: str, section: str | None) -> bool:
    """Does the question ask for a story? In a mock interview its section says so (the behavioural ones, and
    the role ones that ask "tell me about a time"); elsewhere, a story question that asks for no summary,
    routine or plan ("How did you hear about this role?" reads as one, but asks for no story)."""
    if section is not None:
        return section == "behavioural" or (section == "role" and question_kind(question) == "behavioral")
    return question_kind(question) == "behavioral" and question_focus(question) is None


def _examples(attempts: list[AttemptRecord], sections: dict[str, str] | None) -> ReadinessItem:
    title = "Concrete examples with measurable results"
    # by question: an answer to a follow-up ("can you put a number on it?") has its question's id, so it
    # counts for the question it follows
    asked = {a.question_id: a.question_text for a in attempts if a.follow_up_of is None}
    stories = {
        qid: [a for a in attempts if a.question_id == qid and a.result is not None]
        for qid, text in asked.items()
        if _asks_story(text, sections.get(qid, "") if sections is not None else None)
    }
    if not stories:
        return ReadinessItem(
            "examples",
            title,
            False,
            "No story question was answered in this session.",
            "Answer the behavioural questions with one real time each: what you did, and a number for what "
            "changed.",
        )
    unmeasured = [asked[qid] for qid, tries in stories.items() if not any(map(_measured, tries))]
    measured = len(stories) - len(unmeasured)
    detail = f"{measured} of {len(stories)} story question{'s' if len(stories) != 1 else ''} answered with a measured result."
    if not unmeasured:
        return ReadinessItem("examples", title, True, detail)
    return ReadinessItem(
        "examples",
        title,
        False,
        detail,
        "Give each of these one real time you acted, and a number for what changed (time saved, a percentage, "
        "money, customers).",
        tuple(unmeasured),
    )


def _enthusiasm(attempts: list[AttemptRecord], company: str | None) -> ReadinessItem:
    title = f"Enthusiasm for {company} shown" if company else "Enthusiasm for this company shown"
    who = company or "the company"
    scored = [(score, a) for a in attempts if (score := a.score("enthusiasm")) is not None]
    best = max(scored, key=lambda pair: pair[0], default=None)
    if best is not None and best[0] >= SPECIFIC_INTEREST_LEARNED:
        return ReadinessItem(
            "enthusiasm",
            title,
            True,
            f"Specific interest shown (enthusiasm {best[0]}, in: {best[1].question_text})",
        )
    detail = f"Best enthusiasm {best[0]}: generic, or none." if best else "No answer was scored."
    return ReadinessItem(
        "enthusiasm",
        title,
        False,
        detail,
        f"Say why {who} in particular: one thing about its product, mission or team, why it matters to you, "
        'and what you want to do there ("I want to ...").',
    )


def _requirements(coverage: CoverageMatrix, has_job: bool) -> ReadinessItem:
    title = "Each must-have requirement evidenced"
    if not has_job:
        return ReadinessItem(
            "requirements",
            title,
            False,
            "No job description was given, so there are no requirements to check.",
            "Paste the job posting on the setup screen and run the mock again: each must-have is then checked.",
        )
    must = [row for row in coverage.rows if row.must_have and not row.no_story]
    todo = [row.requirement for row in must if row.status != "covered"]
    detail = f"{len(must) - len(todo)} of {len(must)} must-have requirement{'s' if len(must) != 1 else ''} evidenced."
    if not todo:
        return ReadinessItem("requirements", title, True, detail)
    return ReadinessItem(
        "requirements",
        title,
        False,
        detail,
        "Prepare one story for each of these, and tell it with the posting's words.",
        tuple(todo),
    )


def _pressing_problem(attempts: list[AttemptRecord], sections: dict[str, str] | None) -> ReadinessItem:
    title = "A question about their most pressing problem"
    if sections is not None:
        turn = [a for a in attempts if sections.get(a.question_id) == YOUR_QUESTIONS]
    else:
        turn = [a for a in attempts if _YOUR_TURN_RE.search(a.question_text)]
    for attempt in turn:
        asked = pressing_problem_question(attempt.transcript or "")
        if asked:
            return ReadinessItem("pressing-problem", title, True, f"You asked: \u201c{asked}\u201d")
    detail = (
        "Your questions did not ask about the team's problems, challenges or priorities."
        if turn
        else "You did not yet ask the interviewer your own questions."
    )
    return ReadinessItem(
        "pressing-problem",
        title,
        False,
        detail,
        "Ask about the team's most pressing problem: \u201cWhat is the biggest challenge the team is facing "
        "right now, and how would this role help with it?\u201d",
    )


def _thank_you(session_id: str, interviewers: list[tuple[str, str]]) -> ReadinessItem:
    title = "One thank-you draft per interviewer"
    names = [name for name, _ in interviewers] or [""]
    written = drafts_written(session_id, names)
    missing = tuple(name or "your interviewer" for name in names if not written[name])
    count = len(names) - len(missing)
    detail = f"{count} of {len(names)} draft{'s' if len(names) != 1 else ''} written."
    if not missing:
        return ReadinessItem("thank-you", title, True, detail)
    return ReadinessItem(
        "thank-you",
        title,
        False,
        detail,
        "Press d on the summary (or run `interview-practice drafts`) to write one for each interviewer, then "
        "send each within a day.",
        missing if interviewers else (),
    )


def _manual(key: str, checks: dict[str, bool]) -> ReadinessItem:
    todo = {
        "references": "Tell your references they may be called: the role, the company, and the story you would "
        "like each to speak to.",
        "work-samples": "Have work samples ready to share (a portfolio, a write-up, code or slides), cleared of "
        "anything confidential.",
    }[key]
    done = checks.get(key, False)
    detail = "Ticked by you." if done else "Not ticked yet."
    return ReadinessItem(key, MANUAL[key], done, detail, "" if done else todo, manual=True)


def readiness_of(
    session: SessionRecord,
    attempts: list[AttemptRecord],
    coverage: CoverageMatrix,
    interviewers: list[tuple[str, str]],
) -> Readiness:
    """The readiness list of a session from what the history holds (and the drafts folder)."""
    job = job_description(session.job_text, session.job_choices)
    company = (job.company or find_company(job)) if job is not None else None
    sections = stored_sections(session.settings)
    return Readiness(
        session.id,
        [
            _examples(attempts, sections),
            _enthusiasm(attempts, company),
            _requirements(coverage, job is not None),
            _pressing_problem(attempts, sections),
            _thank_you(session.id, interviewers),
            _manual("references", session.checks),
            _manual("work-samples", session.checks),
        ],
    )


def session_readiness(store: Store, session_id: str) -> Readiness:
    """The readiness list of a stored session. LookupError when it is not in the history."""
    session = store.session(session_id)
    if session is None:
        raise LookupError(f"no session {session_id!r} in the history")
    return readiness_of(
        session,
        store.attempts(session_id),
        session_coverage(store, session_id),
        store.session_interviewers(session_id),
    )


def readiness_text(readiness: Readiness) -> str:
    """The list as plain text: `[done]` or `[not yet]`, the item, what was found and what to do."""
    lines = [f"Second-round readiness: {readiness.done} of {len(readiness.items)} done"]
    for item in readiness.items:
        lines.append(
            f"[{'done' if item.done else 'not yet'}] {item.title}" + (" (you tick it)" if item.manual else "")
        )
        lines.append(f"    {item.detail}")
        lines += [f"    - {missing}" for missing in item.missing]
        if item.todo:
            lines.append(f"    To do: {item.todo}")
    return "\n".join(lines) + "\n"
