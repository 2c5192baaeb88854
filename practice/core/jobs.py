"""Reading a job description file: the text a person pasted or saved, checked before it is scored against."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from feedback import JobDescription, parse_job
from practice.core.errors import PracticeError
from practice.core.text_files import binary_kind

#: Real postings are a few KB; anything far bigger is the wrong file, and would slow every score.
MAX_JOB_BYTES = 200_000
#: The scorer's word lists are English: in a posting written in another language few of these appear.
_ENGLISH = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "have", "in", "is", "it", "of", "on")
    + ("or", "our", "the", "to", "we", "will", "with", "you", "your", "this", "that")
)
_BULLET = re.compile(r"^\s*(?:[-*•·–—▪◦●+]\s|・|\(?\d{1,2}[.)]\s)", re.M)
_HEADING = re.compile(r"^\s*[A-Za-z][A-Za-z '/&-]{2,40}:\s*$", re.M)


class JobFileError(PracticeError, ValueError):
    """The job description cannot be used; the message says why and what to do."""


def read_job_text(path: Path | str) -> str:
    path = Path(path)
    if path.is_dir():
        raise JobFileError(f"{path} is a folder: give the path of a text file with the job description.")
    if path.exists() and not path.is_file():  # a device or a pipe: reading it might never end
        raise JobFileError(
            f"{path} is not a regular file: give the path of a text file with the job description."
        )
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_JOB_BYTES + 1)  # bounded: a huge file is refused without reading it all
    except FileNotFoundError:
        raise JobFileError(f"{path}: no such file (the job description).") from None
    except OSError as error:
        raise JobFileError(f"{path} cannot be read: {error.strerror or error}") from None
    return check_job_text(raw, str(path))


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 with its mark (Windows "Unicode" text), else
    Windows-1252, which every byte decodes as (a posting saved by an old editor)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def check_job_text(raw: bytes | str, where: str = "job description") -> str:
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "replace")
    if len(raw) > MAX_JOB_BYTES:
        raise JobFileError(
            f"{where} is over {MAX_JOB_BYTES // 1000} KB; a job description is a few KB of text. "
            "Paste only the posting's text."
        )
    kind = binary_kind(raw)
    if kind == "binary data":
        raise JobFileError(
            f"{where} is not a text file (it contains binary data). Save the posting as plain text."
        )
    if kind:
        raise JobFileError(
            f"{where} is {kind}, not plain text. Open it, copy the posting's text and paste it "
            "(or save it as .txt)."
        )
    text = _decode(raw)
    if not text.strip():
        raise JobFileError(f"{where} is empty: paste the job posting's text into it.")
    return text


def job_warnings(text: str) -> list[str]:
    """What will make alignment scores rough for this posting (shown next to its requirements)."""
    notes: list[str] = []
    letters = [c for c in text if c.isalpha()]
    latin = sum(c.isascii() for c in letters)
    tokens = re.findall(r"[a-z']+", text.lower())
    if letters and (latin / len(letters) < 0.6 or (len(tokens) >= 20 and _english_share(tokens) < 0.08)):
        notes.append(
            "This job description does not look like English. The scorer reads English only, so job "
            "alignment will be rough or missing; paste an English version if there is one."
        )
    if not _BULLET.search(text) and not _HEADING.search(text):
        notes.append(
            "No bullet points or section headings were found, so requirements were taken from sentences "
            "that sound like requirements. A posting with its requirements as a list scores more precisely."
        )
    return notes


def _english_share(tokens: list[str]) -> float:
    return sum(t in _ENGLISH for t in tokens) / len(tokens)


@dataclass(frozen=True)
class JobSummary:
    """What setup shows back from a job description, as read (the person's corrections are kept apart, in a
    feedback.JobChoices), and the terms that bias transcription towards it."""

    title: str | None
    company: str | None
    requirements: list[tuple[str, bool]]
    """(requirement text, must have)."""
    terms: list[str]
    kinds: list[str] = field(default_factory=list)
    """Each requirement's kind ("must", "nice" or "duty"), in the same order; empty when the parser gave none
    (then a must-have reads as "must" and the rest as "nice")."""
    set_aside: list[tuple[str, str]] = field(default_factory=list)
    """(text, reason) of what the reader did not take as a requirement: pay, benefits, how to apply, ..."""

    @property
    def lines(self) -> list[tuple[str, str]]:
        """(text, kind) of each requirement as read."""
        if len(self.kinds) == len(self.requirements):
            return [(text, kind) for (text, _), kind in zip(self.requirements, self.kinds, strict=True)]
        return [(text, "must" if must else "nice") for text, must in self.requirements]


def job_terms(job: JobDescription | str | None) -> list[str] | None:
    """The terms that bias transcription towards a job's vocabulary, derived here and only here (the studio,
    `score --audio`, `recover` and `eval` all use it): the posting's own key terms, else its requirements'
    terms. None without a job, or when it has no terms."""
    if isinstance(job, str):
        job = parse_job(job) if job.strip() else None
    if job is None:
        return None
    terms: list[str] = list(job.terms or [])
    for requirement in job.requirements if not terms else []:
        terms.extend(t for t in requirement.terms or () if t not in terms)
    return terms or None


def default_job_parser(text: str) -> JobSummary:
    """The posting as read, before the person's corrections: setup shows each line with a tick to untick."""
    job = parse_job(text)
    requirements = list(getattr(job, "requirements", []) or [])
    terms = job_terms(job) or []
    return JobSummary(
        getattr(job, "title", None),
        getattr(job, "company", None),
        [(r.text, bool(getattr(r, "must_have", False))) for r in requirements],
        terms,
        [str(getattr(r, "kind", "must")) for r in requirements],
        [(s.text, s.reason) for s in getattr(job, "set_aside", []) or []],
    )
