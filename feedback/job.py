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
from .synonyms import MAX_PHRASE_TOKENS, SOFT_CANON, canon_of
from .text import normalise, stem, tokenize


@dataclass
class Requirement:
    """One requirement: its text, key terms (as written in the posting), must-have or nice-to-have."""

    text: str
    terms: list[str]
    must_have: bool
    section: str | None
    # weight of each term in ``terms``: known domain terms and names count more than plain content words
    weights: dict[str, float] = field(default_factory=dict, compare=False, repr=False)


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


_BULLET_RE = re.compile(r"^\s*(?:[-*•·–—▪◦●+]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)])\s+")
_MD_RE = re.compile(r"[*_#`>]+")
_KV_RE = re.compile(
    r"^\s*(job title|title|position|role|company|employer|organization|organisation)\s*:\s*(.+)$", re.I
)

_NICE_HEAD = re.compile(
    r"nice[ -]to[ -]have|preferred|bonus|plus|desir|extra credit|ideally|good to have|optional|also welcome|"
    r"great if|even better|not required"
)
_SKIP_HEAD = re.compile(
    r"^(about (us|the company|the team|our company)|benefits|perks|what we offer|compensation|salary|pay|"
    r"why (join|work)|equal opportunity|eeo|how to apply|location|our (values|culture|mission|story)|"
    r"who we are|the company|we offer|life at)"
)
_REQ_HEAD = re.compile(
    r"require|qualif|must[ -]have|what you('ll)? (bring|need|have)|what we('re| are) looking|who you are|"
    r"you have|skills|minimum|essential|about you|experience|you should|your background|you bring|"
    r"what it takes|competenc|ideal candidate"
)
_DUTY_HEAD = re.compile(
    r"responsibilit|what you('ll| will) (do|work on|own)|duties|the role|your role|day[ -]to[ -]day|"
    r"in this role|"
    r"you will|key tasks|what you('ll| will) be doing|the job|about the (role|job|position)|your impact|"
    r"mission of"
)
# A nice-to-have cue that qualifies the whole requirement ("Python is a plus", "BSN preferred"), not a part
# of it ("acute care experience, med-surg preferred" is still a must-have).
_NICE_INLINE = re.compile(
    r"^(ideally|preferably|bonus|nice[ -]to[ -]have|a plus|optional)\b|"
    r"\b(is|are|would be|also) (a plus|a bonus|nice to have|preferred|helpful|an advantage|welcome|"
    r"desirable)\b|"
    r"^\S+(\s\S+){0,3}\s(preferred|a plus|desirable|desired|optional)\.?$|\bnot required\b|"
    r"\bneither is required\b|"
    r"\b(nice[ -]to[ -]have|a plus)\.?$"
)
# Lines about pay, schedule, location or how to apply are not requirements.
_NOT_REQUIREMENT = re.compile(
    r"[$£€]\s?\d|\b(salary|compensation|ote|base pay|benefits|401\(?k|paid time off|pto|relocation|"
    r"visa sponsorship|equal opportunity|how to apply|please apply|remote in|remote within|hybrid)\b"
)
_PROSE_CUE = re.compile(
    r"\b(you will|you'll|you should|you must|you have|you're|you are|experience (with|in|of|using)|years|"
    r"proficien\w*|"
    r"knowledge of|familiar\w*|ability to|able to|skills? (in|with)|background in|degree|certif\w*|"
    r"comfortable|"
    r"expertise|track record|responsible for|looking for|need someone|we need|required|requirements?|must|"
    r"strong|excellent|fluen\w+|licen[cs]e\w*|hands-on|a plus|nice to have|preferred|bonus)\b"
)
_SENT_RE = re.compile(r"(?<=[.!?;])\s+")
_HIRING_RE = re.compile(
    r"\b(?:hiring|looking for|seeking|searching for)\s+(?:an?\s+|our\s+(?:next\s+|first\s+)?)?"
    r"([A-Z][\w/&+\-]*(?:[ \t]+[A-Z][\w/&+\-]*)*)"
)
_NAME = r"([A-Z][\w&.'\-]*(?:[ \t]+(?:[A-Z][\w&.'\-]*|&)){0,4})"
_COMPANY_RES = (
    re.compile(r"^\s*[Aa]bout\s+" + _NAME + r"\s*:?\s*$"),
    re.compile(r"\b(?:[Aa]t|[Jj]oin)\s+" + _NAME + r"(?=[,.!]|\s+(?:we|is|and|as|you)\b)"),
    re.compile(r"^\s*" + _NAME + r"\s+(?:is|are)\s+(?:a|an|the|hiring|looking|seeking)\b"),
)
_NOT_COMPANY = words(
    """
    us you the this our we it about role team job position company what who why how your in
    responsibilities
    """
)


@dataclass
class _Line:
    text: str
    section: str | None  # heading text, lower case
    kind: str  # "req", "duty", "nice", "skip", "intro"
    bullet: bool


def _clean(line: str) -> str:
    return _MD_RE.sub("", line).strip().strip(":").strip()


def _heading_kind(h: str) -> str | None:
    if _SKIP_HEAD.search(h):
        return "skip"
    if _NICE_HEAD.search(h):
        return "nice"
    if _REQ_HEAD.search(h):
        return "req"
    if _DUTY_HEAD.search(h):
        return "duty"
    return None


def _is_heading(raw: str) -> bool:
    s = raw.strip()
    if not s or _BULLET_RE.match(s):
        return False
    words = _clean(s).split()
    if not words or len(words) > 8:
        return False
    if s.startswith("#") or s.endswith(":") or (s.startswith("**") and s.endswith("**")):
        return True
    letters = [c for c in s if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(words) <= 6:
        return True
    return len(words) <= 6 and not s.endswith(".") and _heading_kind(_clean(s).lower()) is not None


def _lines(text: str) -> tuple[list[_Line], str | None, str | None]:
    out: list[_Line] = []
    title = company = None
    section: str | None = None
    kind = "intro"
    for raw in text.splitlines():
        if not raw.strip():
            continue
        kv = _KV_RE.match(_MD_RE.sub("", raw))
        if kv:
            key, val = kv.group(1).lower(), kv.group(2).strip()
            if key in ("company", "employer", "organization", "organisation"):
                company = company or val
            else:
                title = title or val
            continue
        if _is_heading(raw):
            section = _clean(raw).lower()
            kind = _heading_kind(section) or ("intro" if not out else kind)
            if kind == "skip" and company is None:
                m = _COMPANY_RES[0].match(_clean(raw))
                if m and m.group(1).split()[0].lower() not in _NOT_COMPANY:
                    company = m.group(1)
            continue
        # "Requirements: Python, SQL; 3+ years" -- a heading and its content on one line
        head, sep, rest = raw.partition(":")
        if (
            sep
            and not _BULLET_RE.match(raw)
            and len(head.split()) <= 5
            and rest.strip()
            and _heading_kind(_clean(head).lower()) is not None
        ):
            section = _clean(head).lower()
            kind = _heading_kind(section) or kind
            for part in re.split(r";\s*", rest):
                if part.strip():
                    out.append(_Line(part.strip(), section, kind, True))
            continue
        bullet = bool(_BULLET_RE.match(raw))
        body = _BULLET_RE.sub("", raw).strip() if bullet else raw.strip()
        out.append(_Line(_MD_RE.sub("", body).strip(), section, kind, bullet))
    return out, title, company


_DASH_SPLIT_RE = re.compile(r"\s+[-–—|]\s+|\s+(?:at|@)\s+")


def _is_not_company(name: str) -> bool:
    first = name.split()[0].lower()
    key = tuple(t.norm for t in tokenize(normalise(name)))
    return first in _NOT_COMPANY or first in GENERIC_JOB_WORDS or canon_of(key) is not None


def _find_title_company(text: str, title: str | None, company: str | None) -> tuple[str | None, str | None]:
    """Title from the first line; company from a field, an "About X" heading, the second line
    ("Acme — Denver, CO"), or "X is a ...", preferring a name the posting repeats."""
    heads = [_clean(ln) for ln in text.splitlines() if ln.strip()][:2]
    cands: list[tuple[str, bool]] = []
    if (
        heads
        and len(heads[0].split()) <= 14
        and not heads[0].endswith(".")
        and _heading_kind(heads[0].lower()) is None
    ):
        parts = _DASH_SPLIT_RE.split(heads[0])
        if title is None:
            title = parts[0].strip() or None
        # "Staff Accountant at Brightwater Foods": a name after "at" is the employer
        strong_at = bool(re.search(r"\s(?:at|@)\s", heads[0]))
        cands += [(p.split("(")[0].strip(), strong_at) for p in parts[1:]]
    if len(heads) > 1 and len(heads[1].split()) <= 12 and not heads[1].endswith("."):
        cands.append((_DASH_SPLIT_RE.split(heads[1])[0].split("(")[0].split(",")[0].strip(), False))
    for line in text.splitlines():
        for rx in _COMPANY_RES:
            m = rx.search(_clean(line))
            if m:
                cands.append((m.group(1).strip(), True))
    if title is None:
        m = _HIRING_RE.search(text)
        if m:
            title = m.group(1).strip() or None
    if company is None:
        # a real company name comes back in the body ("Ledgerline builds ...", "use Quillstack to ...");
        # a name found by a strong pattern ("About X", "X is hiring") counts double
        scored = []
        for i, (c, strong) in enumerate(cands):
            c = c.strip(" .,:;")
            if not c or not c[0].isupper() or _is_not_company(c):
                continue
            scored.append((text.count(c) + (2 if strong else 0), -i, c))
        best = max(scored, default=None)
        if best and best[0] >= 2:
            company = best[2]
    return title, company


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


def _requirement_sentences(line: _Line) -> list[str]:
    if line.bullet:
        return [line.text]
    return [s.strip() for s in _SENT_RE.split(line.text) if s.strip()]


@lru_cache(maxsize=64)
def _parse_cached(text: str) -> JobDescription:
    lines, title, company = _lines(text)
    title, company = _find_title_company(text, title, company)
    sectioned = any(ln.kind in ("req", "duty", "nice") for ln in lines)
    reqs: list[Requirement] = []
    for ln in lines:
        if ln.kind == "skip":
            continue
        for sent in _requirement_sentences(ln):
            low = sent.lower()
            if _NOT_REQUIREMENT.search(low):
                continue
            prose = ln.kind == "intro" or not sectioned or (not ln.bullet and len(sent.split()) > 12)
            if prose and not _PROSE_CUE.search(low):
                continue  # in prose only sentences that ask for something are requirements
            terms, weights = extract_terms(sent)
            if not terms:
                continue
            must = ln.kind != "nice" and not _NICE_INLINE.search(low)
            reqs.append(Requirement(sent.rstrip(), terms, must, ln.section, weights))
    seen_canon: set[str] = set()
    all_terms: list[str] = []
    for r in reqs:
        for t in r.terms:
            key = canon_of(tuple(x.norm for x in tokenize(normalise(t)))) or stem(normalise(t))
            if key not in seen_canon:
                seen_canon.add(key)
                all_terms.append(t)
    return JobDescription(title, company, reqs, all_terms, text, _context_stems(text, company))


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


def parse_job(text: str) -> JobDescription:
    """Parse a job description (cached per text; treat the result as read-only)."""
    return _parse_cached(text or "")
