"""Parse a job description into requirements with key terms.

Handles sectioned postings (Requirements, Qualifications, Responsibilities, "What you'll do", Must have /
Nice to have, numbered or bulleted lists, "Heading: a; b; c" lines) and prose-only postings, where sentences
with requirement cues ("experience with", "you will", "must") become requirements. Results are cached per
text: the UI scores every answer of a session against the same job description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import GENERIC_JOB_WORDS, GENERIC_VERBS_ADJ, STOPWORDS, words
from .posting_reader import read_posting
from .synonyms import MAX_PHRASE_TOKENS, SOFT_CANON, canon_of
from .text import normalise, stem, tokenize

KINDS = ("must", "nice", "duty")


@dataclass
class Requirement:
    """One requirement: its text, key terms (as written in the posting), and its kind.

    ``kind`` is "must" (a required qualification), "nice" (preferred, a plus) or "duty" (what the job
    involves); ``must_have`` is true for must-haves and duties, which both count as core to the job.
    """

    text: str
    terms: list[str]
    must_have: bool
    section: str | None
    # weight of each term in ``terms``: known domain terms and names count more than plain content words
    weights: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    kind: str = "must"


@dataclass(frozen=True)
class SetAside:
    """Text of the posting that is not a requirement, with the reason (pay, benefits, how to apply, ...)."""

    text: str
    reason: str


@dataclass
class JobDescription:
    title: str | None
    company: str | None
    requirements: list[Requirement]
    terms: list[str]
    text: str = field(default="", repr=False)
    # stems of the posting's distinctive words (product, mission, programs, duties), minus the job title's:
    # an answer that names them shows interest in *this* company rather than any employer
    context_stems: frozenset[str] = field(default=frozenset(), repr=False)
    set_aside: list[SetAside] = field(default_factory=list, repr=False)


def extract_terms(text: str) -> tuple[list[str], dict[str, float]]:
    """Key terms of one requirement, as written, with weights.

    Known domain terms (the synonym table) and names (capitalised mid-sentence words, acronyms) weigh 1.0;
    other content words weigh 0.5. Generic posting words ("experience", "strong", "team") are dropped.
    """
    norm = normalise(text)
    toks = tokenize(norm)
    terms: list[str] = []
    weights: dict[str, float] = {}
    seen: set[str] = set()
    i = 0
    while i < len(toks):
        hit = None
        for n in range(min(MAX_PHRASE_TOKENS, len(toks) - i), 0, -1):
            key = tuple(t.norm for t in toks[i : i + n])
            canon = canon_of(key)
            if canon is not None:
                hit = (n, canon)
                break
        if hit:
            n, canon = hit
            surface = text[toks[i].start : toks[i + n - 1].end]
            if canon not in seen:
                seen.add(canon)
                terms.append(surface)
                weights[surface] = 0.5 if canon in SOFT_CANON else 1.0
            i += n
            continue
        t = toks[i]
        w = t.norm.strip("'").removesuffix("'s")
        i += 1
        if (
            w in STOPWORDS
            or w in GENERIC_JOB_WORDS
            or w in GENERIC_VERBS_ADJ
            or len(w) < 2
            or not any(c.isalpha() for c in w)
        ):
            continue
        surface = text[t.start : t.end].removesuffix("'s")
        # a name: capitalised but not the first word, or an acronym such as "HVAC"
        is_name = (
            surface[:1].isupper() and t.start > 0 and norm[: t.start].rstrip()[-1:] not in ".:;!?-•*"
        ) or (len(surface) >= 2 and surface.isupper())
        if len(w) < 3 and not is_name:
            continue
        key = stem(w)  # type: ignore[assignment]  # a str key here, a tuple above
        if key in seen:
            continue
        seen.add(key)  # type: ignore[arg-type]
        terms.append(surface)
        weights[surface] = 1.0 if is_name else 0.5
    return terms, weights


@dataclass(frozen=True)
class JobChoices:
    """The person's corrections to what the reader understood: requirement lines to leave out (as read),
    lines the reader missed (text and kind), and the title or company when it got them wrong."""

    excluded: tuple[str, ...] = ()
    added: tuple[tuple[str, str], ...] = ()
    title: str | None = None
    company: str | None = None


LEFT_OUT = "left out by you"


# words that make a short line a requirement though the word lookup finds no term in it ("Bachelor's degree",
# "Basic IT skills")
_QUALIFICATION_RE = re.compile(
    r"\b(degree|diploma|bachelor'?s?|master'?s?|licen[cs]e|certificat\w*|registration|skills?|experience|"
    r"qualified|qualification|english|fluent|graduate|ged)\b",
    re.I,
)


@lru_cache(maxsize=64)
def _parse_cached(text: str, choices: JobChoices | None = None) -> JobDescription:
    read = read_posting(text)
    items = [(i.text, i.kind, i.section) for i in read.items]
    set_aside = [SetAside(s.text, s.reason) for s in read.set_aside]
    title, company = read.title, read.company
    if choices is not None:
        left_out = {" ".join(t.lower().split()) for t in choices.excluded}
        kept = [it for it in items if " ".join(it[0].lower().split()) not in left_out]
        set_aside += [SetAside(it[0], LEFT_OUT) for it in items if it not in kept]
        items = kept + [
            (t, k if k in KINDS else "must", "added by you") for t, k in choices.added if t.strip()
        ]
        title = choices.title or title
        company = choices.company or company
    reqs: list[Requirement] = []
    seen_text: set[str] = set()
    for item_text, kind, section in items:
        key = " ".join(item_text.lower().split())
        if key in seen_text:
            continue
        seen_text.add(key)
        # an item with no term the word lookup can use ("4+ years with Go") is still a requirement: it is
        # shown, and meaning can still find it in an answer
        terms, weights = extract_terms(item_text)
        if (
            not terms
            and len(item_text.split()) <= 4
            and not re.search(r"\d", item_text)
            and not _QUALIFICATION_RE.search(item_text)
        ):
            continue  # "Others", "Candidate": a stray label, not a requirement
        reqs.append(Requirement(item_text, terms, kind != "nice", section, weights, kind))
    seen_canon: set[str] = set()
    all_terms: list[str] = []
    for r in reqs:
        for t in r.terms:
            key = canon_of(tuple(x.norm for x in tokenize(normalise(t)))) or stem(normalise(t))
            if key not in seen_canon:
                seen_canon.add(key)
                all_terms.append(t)
    return JobDescription(title, company, reqs, all_terms, text, _context_stems(text, company), set_aside)


def _context_stems(text: str, company: str | None) -> frozenset[str]:
    norm = normalise(text)
    first = next((ln for ln in norm.splitlines() if ln.strip()), "")
    title_words = {stem(t.norm) for t in tokenize(first)}
    company_words = {stem(t.norm) for t in tokenize(normalise(company or ""))}
    out = set()
    words = [p for t in tokenize(norm) for p in t.norm.removesuffix("'s").split("-")]
    for w in words:
        if (
            len(w) < 4
            or not w.isalpha()
            or w in STOPWORDS
            or w in GENERIC_JOB_WORDS
            or w in GENERIC_VERBS_ADJ
        ):
            continue
        st = stem(w)
        if st not in title_words and st not in company_words and st not in _CONTEXT_STOP:
            out.add(st)
    return frozenset(out)


# everyday words too common in answers to show knowledge of the company
_CONTEXT_STOP = frozenset(
    stem(w)
    for w in words(
        """
    people person time times week weeks month months year years today every things something lots part
    place great good best better love like make sure help need needs work works want wants know think
    really always customer customers team teams company job role work small large long first next last
    work place home career careers culture values grow growth develop learn learning opportunity
    environment difference organization organisation industry future engineering engineers building
    build day days shift shifts
    """
    )
)


def parse_job(text: str, choices: JobChoices | None = None) -> JobDescription:
    """Parse a job description, with the person's corrections if any (cached; treat the result as
    read-only)."""
    return _parse_cached(text or "", choices or None)
