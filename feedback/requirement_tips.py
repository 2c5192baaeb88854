"""Alignment tips: ask for a requirement only where the answer lacks it, and quote one worth asking for.

Two tips exist. "Tie the answer to the job" goes to an answer that shows none of the posting's requirements;
"Show the posting's X in action" to one that names X (a skill, a tool) without ever showing it done. Judged
on training answers, they were wrong in three ways, each handled here:

- the answer already does what the tip asks, said differently from the posting, or as a "we" story: meaning
  decides (how sure the learned alignment score is that nothing or much is evidenced, and how close each
  requirement comes to what the person said they did), and a "we" story is left to the "say I" tip;
- the quoted line is not something a person can show by telling what they did: the job title, a licence or
  degree, years of experience, a caseload, travel, a schedule or a heading;
- the quoted line has nothing to do with the question: the requirement closest in meaning to it is quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .alignment import AnswerIndex, build_index
from .examples import ExampleFacts
from .job import JobDescription, Requirement
from .lexicon import GENERIC_JOB_WORDS
from .model import AlignmentScore, RequirementResult
from .synonyms import canon_of, members, variants
from .text import Token, normalise, stem, tokenize

# the tie tip is held back only when the learned alignment score finds it more likely than not that the
# answer touches the job in its own words; "show X in action" only when it more likely evidences two already.
# (0.6 was tuned on one fit's probabilities; a refit moved a plainly generic answer to 0.58: "more likely than
# not" does not depend on one fit)
P_NONE_FOR_TIE = 0.5
P_FULL_NO_SHOW = 0.5
# a requirement this close in meaning to a clause where the person says what they did or do is shown already
ACTED_SHOWN = 0.45
# a question this close in meaning to a requirement asks about it ("an upset parent" and "communicate with
# families"), so an answer to it is about the job already, in the question's words rather than the posting's;
# below it the question names no requirement, and the posting's own order says which matters most
ASKED_ON_TOPIC = 0.3


@dataclass(frozen=True)
class RequirementMeaning:
    """What meaning says about each requirement (in the posting's order) for one answer and question."""

    acted: tuple[float, ...]  # closest any clause of what the person did or does comes to it
    asked: tuple[float, ...]  # how close the question comes to it
    p_none: float | None = None  # the learned alignment score's belief that no requirement is touched
    p_full: float | None = None  # ... and that two are clearly evidenced


_CREDENTIAL_RE = re.compile(
    r"\b(licen[cs]e[ds]?|certifi(ed|cate|cation)|registration|registered|degree|diploma|bachelor|master|"
    r"qualified|accredit\w*|clearance|permit)\b",
    re.I,
)
_NUMBER = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
# years of experience cannot be shown in one story; only a named skill in the same line can ("3+ years with
# PostgreSQL": PostgreSQL)
_TENURE_RE = re.compile(
    rf"\b{_NUMBER}(\s*\+|\s+or more)?(\s*(-|–|to)\s*{_NUMBER})?\s+(years?|yrs)\b|\byears of (\w+ )?experience\b",
    re.I,
)
_TENURE_PREFIX_RE = re.compile(
    r"^((at least|minimum( of)?|over)\s+)?\d+\s*\+?\s*([-–]\s*\d+\s*)?(years?|yrs)('|’)?\s*((of|in|with)\s+)?"
    r"((professional|proven|hands-on|relevant|practical)\s+)*(experience\s*)?((of|in|with|using|as)\s+)?",
    re.I,
)
# conditions of the job, not things done in it: said in the line's first clause ("carry a caseload of ...")
_CONDITION_RE = re.compile(
    r"\b(caseload|case load|travel|driver'?s licen[cs]e|driving record|vehicle|own (basic )?(hand )?tools|"
    r"lift(ing)? (up to )?\d+|on your feet|authori[sz]ed to work|work authori[sz]ation|background check|"
    r"weekends|overnights?|availability|available to|willing(ness)? to|relocat\w*|\w+ a day)\b",
    re.I,
)
# "As a Site Engineer you will ...", "Day to day you will ...": the lead-in is not what the tip asks for
_LEAD_IN_RE = re.compile(
    r"^((day to day|in this role|as an? [^,]{1,60}?),?\s+)?(you will|you'll|you should|you must|"
    r"we need someone who|you)\s+",
    re.I,
)
_ROLE_RE = re.compile(
    r"\b(therapist|engineer|manager|specialist|technician|analyst|assistant|nurse|developer|designer|"
    r"coordinator|director|representative|associate|officer|agent|worker|planner|accountant|teacher|"
    r"counsell?or|electrician|chef|cook|driver|recruiter|pharmacist|hygienist|paralegal|clerk|administrator|"
    r"consultant|scientist|architect|supervisor|generalist|dispatcher|writer|researcher|banker|advisor|"
    r"adviser|producer|editor|marketer|instructor|aide|operator|mechanic|installer|inspector|estimator)s?\b",
    re.I,
)
_SETTING_RE = re.compile(
    r"\b(role|roles|position|positions|setting|settings|environment|industry|industries|company|companies|"
    r"agency|agencies|firm|firms|practice|clinic|hospital|office|organi[sz]ation)\b",
    re.I,
)
_CONNECTORS = frozenset(["of", "and", "the", "for", "in", "at", "on", "to", "a", "an", "&", "with"])
_FIRST_CLAUSE_RE = re.compile(r",|;|:| and | while | so that ")


def _stems(text: str | None) -> frozenset[str]:
    return frozenset(stem(t.norm) for t in tokenize(normalise(text or "")))


_GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_JOB_WORDS)


def _lead_in_removed(text: str) -> str:
    return _LEAD_IN_RE.sub("", " ".join(text.split())).strip() or text


def _fragment(text: str) -> bool:
    """The tail of a line the posting reader cut in two ("... experience also fine)"): it closes a
    parenthesis it never opened."""
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return True
    return False


def _title_like(text: str) -> bool:
    """A job title read as a requirement ("Staff Nurse (RN) – Cardiac Unit"): every word capitalised but
    connectors, and a role noun among them or the dash or bar that sets a title apart from its unit."""
    words = [w for w in re.findall(r"[A-Za-z][\w'/+.-]*", text) if w.lower() not in _CONNECTORS]
    if not words or not all(w[0].isupper() for w in words):
        return False
    return bool(_ROLE_RE.search(text)) or bool(re.search(r"\s[–—|-]\s", text))


def showable(req: Requirement, title: str | None) -> bool:
    """Can a person show this requirement by telling one time they did it?"""
    text = " ".join(req.text.split())
    if _CREDENTIAL_RE.search(text) or _title_like(text) or _fragment(text):
        return False
    if _TENURE_RE.search(text):
        # what the years are in must be a skill, not a role or a setting ("in a SOC or IT role")
        rest = _TENURE_PREFIX_RE.sub("", _lead_in_removed(text))
        if _SETTING_RE.search(rest) or _ROLE_RE.search(rest):
            return False
        return any(_distinctive(t) and req.weights.get(t, 0.0) >= 1.0 for t in req.terms)
    if title and normalise(title) in normalise(text) and len(text.split()) <= len(title.split()) + 3:
        return False
    first = _FIRST_CLAUSE_RE.split(_lead_in_removed(text), maxsplit=1)[0]
    if _CONDITION_RE.search(first):
        return False
    # a heading read as a line ("What helps"): a few words and no skill, tool or name among them
    return len(text.split()) > 3 or any(req.weights.get(t, 0.0) >= 1.0 for t in req.terms)


def quote(requirement: str, limit: int = 70) -> str:
    """The requirement as the posting words it, without its lead-in, cut at a word near ``limit``."""
    text = _lead_in_removed(requirement).rstrip(".;:,")
    text = _TENURE_PREFIX_RE.sub("", text) or text
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip(" ,;:")  # the head of a line cut inside its parenthesis
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " ..."
    return f'"{text}"'


def _distinctive(term: str, own_words: frozenset[str] = frozenset()) -> bool:
    """Not a word every posting uses ("experience"), nor the job title's or the company's own words."""
    term_stems = _stems(term)
    return bool(term_stems) and not term_stems <= own_words | _GENERIC_STEMS


def _said(term: str, idx: AnswerIndex) -> bool:
    """The answer says the term itself or one of its synonyms, not just a word with the same stem
    ("medications" is no claim of "medical equipment")."""
    key = tuple(t.norm for t in tokenize(normalise(term)))
    canon = canon_of(key)
    forms = [*variants(canon), *(v for m in members(canon) for v in variants(m))] if canon else []
    # the synonym table is looked up by stem: its forms count only when the term itself is one of them
    if key not in forms and (canon is None or key != tuple(canon.split())):
        forms = [key]
    return any(idx.ngrams.get(form) for form in forms)


def _claimed_by_name(
    result: RequirementResult, req: Requirement, own_words: frozenset[str], idx: AnswerIndex
) -> bool:
    """The answer named a real skill, tool or term of the requirement ("Salesforce", "BLS"), not a plain word,
    the job title, the company's name or a word every posting uses."""
    return any(
        req.weights.get(t, 0.0) >= 1.0 and _distinctive(t, own_words) and _said(t, idx)
        for t in result.matched_terms
    )


def _on_topic(meaning: RequirementMeaning | None) -> bool:
    return meaning is not None and max(meaning.asked, default=0.0) >= ASKED_ON_TOPIC


def _order(indices: list[int], job: JobDescription, meaning: RequirementMeaning | None) -> list[int]:
    """Must-haves and duties first; among them the one the question is about, if it is about one, else the
    posting's order."""
    asked = meaning.asked if meaning and _on_topic(meaning) else tuple(0.0 for _ in job.requirements)
    return sorted(indices, key=lambda i: (not job.requirements[i].must_have, -asked[i]))


def _tie_tip(
    alignment: AlignmentScore, job: JobDescription, ef: ExampleFacts, meaning: RequirementMeaning | None
) -> list[str]:
    if any(r.status != "missing" for r in alignment.requirements):
        return []
    if meaning is not None and meaning.p_none is not None and meaning.p_none < P_NONE_FOR_TIE:
        return []  # meaning says the answer does touch the job, in its own words
    if _on_topic(meaning) and (ef.i_actions or ef.we_actions or ef.experience):
        return []  # the person's own work, told in answer to a question about a requirement, is about the job
    missing = [i for i, req in enumerate(job.requirements) if showable(req, job.title)]
    ranked = _order(missing, job, meaning)
    example = f", for example {quote(job.requirements[ranked[0]].text)}" if ranked else ""
    return [
        f"Tie the answer to the job: show a time you did what the posting asks{example}, in your own words."
    ]


def _show_tip(
    alignment: AlignmentScore,
    job: JobDescription,
    ef: ExampleFacts,
    idx: AnswerIndex,
    meaning: RequirementMeaning | None,
) -> list[str]:
    results = alignment.requirements
    if any(r.status == "covered" for r in results) or ef.i_actions or ef.we_actions or ef.hypothetical:
        # something is shown already; or a story is told, and what it needs is what the story tips ask (its
        # end, the person's own part), not another requirement named in passing; or a plan is told, and
        # "tell one real time you did this" already asks for what a requirement named in it would
        return []
    if meaning is not None and meaning.p_full is not None and meaning.p_full >= P_FULL_NO_SHOW:
        return []
    own_words = _stems(job.title) | _stems(job.company)
    claimed = [
        i
        for i, (r, req) in enumerate(zip(results, job.requirements, strict=True))
        if r.status == "partial"
        and showable(req, job.title)
        and _claimed_by_name(r, req, own_words, idx)
        and (meaning is None or meaning.acted[i] < ACTED_SHOWN)
    ]
    ranked = _order(claimed, job, meaning)
    if not ranked:
        return []
    return [
        f"Show the posting's {quote(job.requirements[ranked[0]].text)} in action: one time you did it, what "
        "you did, and what came of it."
    ]


def alignment_tips(
    alignment: AlignmentScore,
    tokens: list[Token],
    job: JobDescription | None,
    ef: ExampleFacts,
    focus: str | None,
    meaning: RequirementMeaning | None,
) -> list[str]:
    """The alignment tip this answer needs, if any (at most one)."""
    if job is None or len(alignment.requirements) != len(job.requirements):
        return []
    tie = _tie_tip(alignment, job, ef, meaning)
    if tie or focus in ("background", "summary"):
        return tie  # a summary of the person is not asked for one story with a requirement in it
    return _show_tip(alignment, job, ef, build_index(tokens), meaning)
