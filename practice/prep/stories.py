"""The story bank: strong answers saved as named stories, tagged with the requirements they prove, kept as
plain Markdown files the person can edit (data_dir()/stories/*.md).

A story file is a small TOML front matter between `+++` lines, then the story itself:

    +++
    title = "Checkout latency fix"
    requirements = ["Deep experience with PostgreSQL performance tuning"]
    question = "Tell me about a time you fixed a performance problem."
    date = 2026-01-26
    session = "20260126-093000-3fa2c1"
    +++

    Last year our checkout page timed out during sales. I ...

For a new job description, each story is scored against it with the feedback library's own alignment, so
"which stories cover which requirements" means exactly what the review screen would say of that answer.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from feedback import JobChoices, parse_job, score_answer
from feedback.model import Feedback
from feedback.outline import SLOT_QUESTIONS, placeholder_line
from practice.core.errors import PracticeError
from practice.core.feedback_view import covered_requirements
from practice.core.files import atomic_write_text, safe_name
from practice.core.records import AttemptRecord
from practice.core.toml_text import toml_pairs
from practice.prep.phrasing import phrase_requirement
from practice.storage.history import Store
from practice.storage.paths import data_dir

FENCE = "+++"
MAX_STORY_BYTES = 200_000  # a story is an answer, a few KB; anything far bigger is the wrong file
DEFAULT_QUESTION = "Tell me about a time you made a difference at work."


class StoryError(PracticeError, ValueError):
    """A story file or request that cannot be used; the message says which and why."""


def stories_dir() -> Path:
    return data_dir() / "stories"


@dataclass
class Story:
    title: str
    body: str
    requirements: list[str] = field(default_factory=list)
    """The requirements this story proved when it was told (covered in its feedback)."""
    question: str = ""
    date: date | None = None
    session: str | None = None
    path: Path | None = None


def render_story(story: Story) -> str:
    """The file text; tomli-w writes the header, so any title or requirement round-trips."""
    header = toml_pairs(
        {"title": story.title, "requirements": story.requirements}, keep_empty=True
    ) + toml_pairs({"question": story.question, "date": story.date, "session": story.session})
    return f"{FENCE}\n{header}{FENCE}\n\n{story.body.strip()}\n"


def parse_story(text: str, path: Path | None = None) -> Story:
    """Read a story file. No front matter is fine (a hand-written note): the file name is its title."""
    where = str(path) if path else "story"
    fallback_title = path.stem.replace("-", " ") if path else "Untitled story"
    text = text.removeprefix("\ufeff")
    if not text.lstrip().startswith(FENCE):
        return Story(fallback_title, text.strip(), path=path)
    head, sep, body = text.lstrip()[len(FENCE) :].partition(f"\n{FENCE}")
    if not sep:
        raise StoryError(f"{where}:1: the front matter opened with {FENCE} is never closed with {FENCE}")
    try:
        meta = tomllib.loads(head)
    except tomllib.TOMLDecodeError as error:
        raise StoryError(f"{where}: the front matter is not valid TOML ({error})") from None
    requirements = meta.get("requirements", [])
    if not isinstance(requirements, list) or not all(isinstance(r, str) for r in requirements):
        raise StoryError(f"{where}: `requirements` must be a list of strings")
    when = meta.get("date")
    return Story(
        title=str(meta.get("title") or fallback_title),
        body=body.strip("\n").strip(),
        requirements=[r.strip() for r in requirements if r.strip()],
        question=str(meta.get("question") or ""),
        date=when if isinstance(when, date) else None,
        session=str(meta["session"]) if meta.get("session") else None,
        path=path,
    )


def load_stories(folder: Path | None = None) -> tuple[list[Story], list[StoryError]]:
    """Every story in the folder, by title; a broken file is reported, never hides the others."""
    folder = folder or stories_dir()
    stories: list[Story] = []
    errors: list[StoryError] = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        try:
            if path.stat().st_size > MAX_STORY_BYTES:
                raise StoryError(f"{path}: {path.stat().st_size // 1024} KB is too big for a story")
            stories.append(parse_story(path.read_text(encoding="utf-8"), path))
        except (OSError, UnicodeDecodeError) as error:
            errors.append(StoryError(f"{path}: cannot be read ({error})"))
        except StoryError as error:
            errors.append(error)
    stories.sort(key=lambda s: s.title.lower())
    return stories, errors


def save_story(story: Story, folder: Path | None = None) -> Path:
    """Write a new story file (atomically); never overwrites another story: a taken name gets -2, -3 ..."""
    folder = folder or stories_dir()
    base = safe_name(story.title.lower(), fallback="story")
    path = folder / f"{base}.md"
    number = 2
    while path.exists():
        path = folder / f"{base}-{number}.md"
        number += 1
    atomic_write_text(path, render_story(story), mode=0o600)
    story.path = path
    return path


def proven_requirements(feedback: Feedback | None) -> list[str]:
    """The requirements an answer evidenced (covered), or, if none, the ones it touched (partial)."""
    results = feedback.alignment.requirements if feedback else []
    return covered_requirements(feedback) or [r.text for r in results if r.status == "partial"]


def pick_attempt(
    attempts: list[AttemptRecord], question_id: str, attempt_no: int | None = None
) -> AttemptRecord:
    """The attempt to save: the given number, else the best-scored attempt at that question."""
    mine = [a for a in attempts if a.question_id == question_id]
    if not mine:
        raise StoryError(f"no answer to question {question_id!r} in this session")
    if attempt_no is not None:
        for attempt in mine:
            if attempt.attempt_no == attempt_no:
                return attempt
        raise StoryError(f"question {question_id!r} has no attempt {attempt_no}")
    scored = [a for a in mine if a.transcript and a.score("overall") is not None]
    if not scored:
        raise StoryError(f"no scored answer to question {question_id!r} to save as a story")
    return max(scored, key=lambda a: (a.score("overall") or 0, a.attempt_no))


_QUESTION_LEAD = re.compile(
    r"^(?:this role asks for [^.]*\.\s*)?(?:tell me about|walk me through|describe|give me an example of)\s+"
    r"(?:a time\s+|an?\s+|one\s+|the\s+|something you're proud of\s+)?(?:when\s+|that\s+|where\s+)?"
    r"(?:from your (?:years|time)\s+|you\s+|your\s+)?",
    re.I,
)


def suggest_title(question: str, limit: int = 60) -> str:
    """A first title for a story, from its question: "Tell me about a time you tuned PostgreSQL performance.
    What was slow ..." -> "Tuned PostgreSQL performance". The person can change it."""
    text = _QUESTION_LEAD.sub("", question.strip())
    text = re.split(r"[.?!]", text, maxsplit=1)[0].strip() or question.strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0]
    return text[:1].upper() + text[1:]


def story_from_attempt(attempt: AttemptRecord, title: str) -> Story:
    if not attempt.transcript or not attempt.transcript.strip():
        raise StoryError("this attempt has no transcript to save")
    if not title.strip():
        raise StoryError("give the story a title")
    return Story(
        title=title.strip(),
        body=attempt.transcript.strip(),
        requirements=proven_requirements(attempt.result),
        question=attempt.question_text,
        date=attempt.created_at.date(),
        session=attempt.session_id,
    )


def story_from_outline(attempt: AttemptRecord, title: str, outline: str) -> Story:
    """A story whose body is the person's outline of the answer as they edited it (feedback.outline's text):
    slots still showing their question are left out, the rest is kept as written."""
    unanswered = {placeholder_line(slot) for slot in SLOT_QUESTIONS}
    body = "\n".join(line.rstrip() for line in outline.splitlines() if line.strip() not in unanswered)
    if not body.strip():
        raise StoryError("the outline is empty: fill in at least one part of it (what you did, at least)")
    story = story_from_attempt(attempt, title)
    story.body = body.strip()
    return story


def save_from_session(
    store: Store,
    session_id: str,
    question_id: str,
    title: str,
    attempt_no: int | None = None,
    folder: Path | None = None,
) -> Story:
    """Save one answer of a stored session as a story file; returns it with its path."""
    if store.session(session_id) is None:
        raise StoryError(f"no session {session_id!r} in the history")
    attempt = pick_attempt(store.attempts(session_id), question_id, attempt_no)
    story = story_from_attempt(attempt, title)
    save_story(story, folder)
    return story


@dataclass
class StoryMatchRow:
    requirement: str
    must_have: bool
    stories: list[tuple[Story, str]] = field(default_factory=list)
    """(story, "covered" or "partial"), covered first."""
    no_story: str = ""
    """Why no story can prove it (a credential, a line about the company), else empty."""


def match_stories(
    job_text: str, stories: list[Story], choices: JobChoices | None = None
) -> list[StoryMatchRow]:
    """For each requirement of a new job (with the person's corrections), the saved stories that evidence it
    (scored like an answer)."""
    job = parse_job(job_text, choices)
    rows = [StoryMatchRow(r.text, r.must_have) for r in job.requirements]
    for row in rows:
        phrase = phrase_requirement(row.requirement)
        row.no_story = phrase.text if phrase.kind == "skip" else ""
    for story in stories:
        if not story.body.strip():
            continue
        feedback = score_answer(story.question or DEFAULT_QUESTION, story.body, job=job)
        for row, result in zip(rows, feedback.alignment.requirements, strict=True):
            if result.status in ("covered", "partial"):
                row.stories.append((story, result.status))
    for row in rows:
        row.stories.sort(key=lambda pair: pair[1] != "covered")
    return rows


def match_text(rows: list[StoryMatchRow]) -> str:
    lines = []
    for row in rows:
        mark = "*" if row.must_have else " "
        covered = [s.title for s, status in row.stories if status == "covered"]
        partial = [s.title for s, status in row.stories if status == "partial"]
        lines.append(f"{mark} {row.requirement}")
        if covered:
            lines.append(f"    covered by: {', '.join(covered)}")
        if partial:
            lines.append(f"    touched by: {', '.join(partial)}")
        if not row.stories:
            lines.append(f"    ({row.no_story})" if row.no_story else "    no story yet")
    missing = [
        r for r in rows if r.must_have and not r.no_story and not any(s == "covered" for _, s in r.stories)
    ]
    if missing:
        lines += ["", f"{len(missing)} must-have requirement(s) have no story that proves them yet."]
    return "\n".join(lines) + "\n"
