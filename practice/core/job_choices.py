"""The person's corrections to what the posting reader understood (feedback.JobChoices): lines left out, lines
added, the title or company put right.

Pure logic: building the corrections from what the setup screen shows, the small TOML file they are kept in
(practice.storage.job_choices finds it), and the one way a saved job is read with them (`job_description`).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable
from typing import Any

from feedback import JobChoices, JobDescription, parse_job
from feedback.job import KINDS, extract_terms
from practice.core.toml_text import toml_comment, toml_pairs, toml_table_array

#: What each kind of requirement is called on screen and in the `job` command.
KIND_NAMES = {"must": "Must-haves", "nice": "Nice-to-haves", "duty": "Duties"}


def job_key(text: str | None) -> str | None:
    """A fingerprint of a job description ignoring case and spacing (a re-pasted posting still matches): the
    name its corrections are kept under, and how coverage finds the sessions of one posting."""
    if not text or not text.strip():
        return None
    normal = re.sub(r"\s+", " ", text.strip().lower())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def _norm(text: str) -> str:
    """How feedback.parse_job matches a left-out line to a line it read: whitespace and case ignored."""
    return " ".join(text.lower().split())


def job_description(text: str | None, choices: JobChoices | None = None) -> JobDescription | None:
    """The job an answer is scored against: the posting as read, with the person's corrections. Every place
    that reads a saved job for a session (scoring, tailoring, coverage, drafts, stories) goes through here or
    passes the same `choices` to feedback.parse_job. None without a job."""
    if not text or not text.strip():
        return None
    return parse_job(text, choices or None)


def is_empty(choices: JobChoices | None) -> bool:
    return choices is None or not (choices.excluded or choices.added or choices.title or choices.company)


def make_choices(
    *,
    left_out: Iterable[str] = (),
    added: Iterable[tuple[str, str]] = (),
    title: str | None = None,
    company: str | None = None,
    read_title: str | None = None,
    read_company: str | None = None,
) -> JobChoices | None:
    """Corrections from what the person ticked and typed, tidied: blank lines dropped, repeats once, an
    unknown kind read as a must-have, a title or company equal to what was read is no correction. None when
    nothing is corrected (a posting without corrections is read exactly as before)."""
    excluded = tuple(dict.fromkeys(" ".join(t.split()) for t in left_out if t.strip()))
    extra: dict[str, tuple[str, str]] = {}
    for text, kind in added:
        line = " ".join(text.split())
        if line:
            extra.setdefault(_norm(line), (line, kind if kind in KINDS else "must"))

    def corrected(value: str | None, read: str | None) -> str | None:
        value = " ".join((value or "").split())
        return value if value and _norm(value) != _norm(read or "") else None

    choices = JobChoices(
        excluded, tuple(extra.values()), corrected(title, read_title), corrected(company, read_company)
    )
    return None if is_empty(choices) else choices


def is_left_out(text: str, choices: JobChoices | None) -> bool:
    return choices is not None and _norm(text) in {_norm(t) for t in choices.excluded}


def scorable(line: str) -> bool:
    """Whether an added line has words an answer can be matched on ("Be great" has none: the scorer would
    drop it, so the screen says so instead of adding a line that does nothing)."""
    return bool(extract_terms(line)[0])


# --- the file --------------------------------------------------------------------------------------------

FILE_HEADER = """\
# Your corrections to what interview-practice read in a job posting: edit freely, or delete this file to
# read the posting as the studio first did. `interview-practice job FILE` shows the posting with them.
"""


def choices_toml(choices: JobChoices, about: str = "") -> str:
    """The human-editable file: title, company, the lines left out (as read) and the lines added."""
    parts = [FILE_HEADER]
    if about:
        parts.append(toml_comment(f"The posting: {' '.join(about.split())[:100]}") + "\n")
    parts.append("\n" + toml_pairs({"title": choices.title, "company": choices.company}))
    parts.append("# requirement lines to leave out, as the studio read them\n")
    parts.append(toml_pairs({"left_out": choices.excluded}, keep_empty=True))
    if choices.added:
        parts.append("\n# lines the studio missed; kind is must, nice or duty\n")
    for text, kind in choices.added:
        parts.append(toml_table_array("added", {"text": text, "kind": kind}))
    return "".join(parts)


def choices_from_toml(text: str) -> JobChoices | None:
    """Read the file back; raises tomllib.TOMLDecodeError when it is not TOML. Values of the wrong type are
    skipped (a hand edit that went wrong loses that value, not the rest)."""
    return choices_from_dict(tomllib.loads(text))


def choices_to_dict(choices: JobChoices | None) -> dict[str, Any] | None:
    """A plain dict (JSON in the history, the `job` command's output); None without corrections."""
    if is_empty(choices):
        return None
    assert choices is not None
    return {
        "title": choices.title,
        "company": choices.company,
        "left_out": list(choices.excluded),
        "added": [{"text": t, "kind": k} for t, k in choices.added],
    }


def choices_from_dict(raw: Any) -> JobChoices | None:
    """The inverse of choices_to_dict (and the TOML file's tables), lenient about anything malformed."""
    if not isinstance(raw, dict):
        return None
    left_out = raw.get("left_out")
    added = raw.get("added")
    return make_choices(
        left_out=[t for t in left_out if isinstance(t, str)] if isinstance(left_out, list) else (),
        added=[
            (item["text"], str(item.get("kind") or "must"))
            for item in (added if isinstance(added, list) else ())
            if isinstance(item, dict) and isinstance(item.get("text"), str)
        ],
        title=raw["title"] if isinstance(raw.get("title"), str) else None,
        company=raw["company"] if isinstance(raw.get("company"), str) else None,
    )
