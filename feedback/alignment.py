"""Alignment: does the answer evidence the job's requirements?

Each requirement's key terms are looked up in the answer through the synonym table (k8s = Kubernetes,
Postgres evidences "relational databases", MySQL half-evidences PostgreSQL), light stemming, and fuzzy
matching (difflib) for misspellings and transcription slips. A requirement is *covered* when enough of its
weighted terms are present, *partial* when some are, *missing* otherwise. A requirement counts more when
the answer backs it with an example (a first-person past action in the same sentence) than with a claim.
"""

from __future__ import annotations

import bisect
import difflib
import math
from dataclasses import dataclass, field
from functools import lru_cache

from .grammar import SentenceFacts
from .job import JobDescription, Requirement
from .model import AlignmentScore, Evidence, RequirementResult, make_evidence
from .synonyms import MAX_PHRASE_TOKENS, canon_of, members, siblings, variants
from .text import Sentence, Token, normalise, stem, tokenize

NO_JOB_REASON = "no job description given: pass --job"
FUZZY_CUTOFF = 0.86  # difflib ratio; 0.86 accepts "kubernetes"/"kubernetis", rejects "manager"/"management"
SIBLING_CREDIT = 0.5  # MySQL for a PostgreSQL requirement: related, not the same
FUZZY_CREDIT = 0.8
MUST_WEIGHT, NICE_WEIGHT = 1.0, 0.6
COVERED_CREDIT, PARTIAL_CREDIT = 1.0, 0.45
# how a requirement was evidenced: by a story the person told, or only claimed
BACKING = {"i_action": 1.0, "we_action": 0.85, "story": 0.8, "claim": 0.65, "hypothetical": 0.5}
SATURATION = 1.4  # score = 100 * (1 - exp(-credits / SATURATION)): ~2 well-evidenced requirements -> ~76


@dataclass(slots=True)
class AnswerIndex:
    """N-grams of the answer (exact and stemmed) with their character spans, for fast term lookup."""

    ngrams: dict[tuple[str, ...], list[tuple[int, int]]] = field(default_factory=dict)
    stems: dict[tuple[str, ...], list[tuple[int, int]]] = field(default_factory=dict)
    vocab_by_initial: dict[str, list[str]] = field(default_factory=dict)
    first_span: dict[str, tuple[int, int]] = field(default_factory=dict)


def build_index(tokens: list[Token]) -> AnswerIndex:
    idx = AnswerIndex()
    norms = [t.norm.removesuffix("'s") for t in tokens]
    stems = [stem(n) for n in norms]
    for i in range(len(tokens)):
        for n in range(1, min(MAX_PHRASE_TOKENS, len(tokens) - i) + 1):
            span = (tokens[i].start, tokens[i + n - 1].end)
            idx.ngrams.setdefault(tuple(norms[i : i + n]), []).append(span)
            idx.stems.setdefault(tuple(stems[i : i + n]), []).append(span)
        w = norms[i]
        if len(w) >= 5 and w.isalpha() and w not in idx.first_span:
            idx.first_span[w] = (tokens[i].start, tokens[i].end)
            idx.vocab_by_initial.setdefault(w[0], []).append(w)
    return idx


@lru_cache(maxsize=4096)
def _term_key(term: str) -> tuple[str, ...]:
    return tuple(t.norm.removesuffix("'s") for t in tokenize(normalise(term)))


def _lookup(idx: AnswerIndex, key: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = idx.ngrams.get(key)
    if spans:
        return spans
    return idx.stems.get(tuple(stem(k) for k in key), [])


def match_term(term: str, idx: AnswerIndex) -> tuple[float, list[tuple[int, int]]]:
    """Credit 0..1 for one job term in the answer, and where it was found."""
    key = _term_key(term)
    if not key:
        return 0.0, []
    canon = canon_of(key)
    if canon is not None:
        for v in variants(canon):
            spans = _lookup(idx, v)
            if spans:
                return 1.0, spans
        for m in members(canon):  # a category evidenced by a specific member
            for v in variants(m):
                spans = _lookup(idx, v)
                if spans:
                    return 1.0, spans
        for sib in siblings(canon):
            for v in variants(sib):
                spans = _lookup(idx, v)
                if spans:
                    return SIBLING_CREDIT, spans
    spans = _lookup(idx, key)
    if spans:
        return 1.0, spans
    if len(key) == 1 and len(key[0]) >= 5 and key[0].isalpha():
        pool = idx.vocab_by_initial.get(key[0][0], [])
        close = difflib.get_close_matches(key[0], pool, n=1, cutoff=FUZZY_CUTOFF)
        if close:
            return FUZZY_CREDIT, [idx.first_span[close[0]]]
    return 0.0, []


def _backing(spans: list[tuple[int, int]], facts: list[SentenceFacts], starts: list[int]) -> str:
    best = "claim"
    order = ["hypothetical", "claim", "story", "we_action", "i_action"]
    for a, _ in spans:
        k = bisect.bisect_right(starts, a) - 1
        if k < 0:
            continue
        f = facts[k]
        kind = ("i_action" if f.i_action else "we_action" if f.we_action else "story" if f.i_past_state
                else "hypothetical" if f.hypothetical else "claim")
        if order.index(kind) > order.index(best):
            best = kind
    return best


def _assess(req: Requirement, idx: AnswerIndex, transcript: str, facts: list[SentenceFacts],
            starts: list[int]) -> tuple[RequirementResult, float]:
    total = 0.0
    got = 0.0
    matched: list[str] = []
    missing: list[str] = []
    all_spans: list[tuple[int, int]] = []
    best = 0.0  # a covered requirement needs at least one term found outright, not only via a sibling
    for t in req.terms:
        w = req.weights.get(t, 0.5)
        total += w
        credit, spans = match_term(t, idx)
        if credit > 0:
            got += w * credit
            best = max(best, credit)
            matched.append(t)
            all_spans.extend(spans[:2])
        else:
            missing.append(t)
    need = max(0.5, min(1.5, 0.5 * total))
    if got >= need and best >= FUZZY_CREDIT:
        status = "covered"
    elif got >= 0.5 or (got > 0 and total <= 1.0):
        status = "partial"
    else:
        status = "missing"
    backing = _backing(all_spans, facts, starts) if all_spans else "claim"
    backed = backing in ("i_action", "we_action")
    ev = [make_evidence(transcript, a, b, "requirement") for a, b in sorted(set(all_spans))[:4]]
    res = RequirementResult(req.text, status, req.must_have, ev if status != "missing" else [], req.section,
                            matched, missing, backed and status != "missing")
    base = {"covered": COVERED_CREDIT, "partial": PARTIAL_CREDIT, "missing": 0.0}[status]
    credit = base * BACKING[backing] * (MUST_WEIGHT if req.must_have else NICE_WEIGHT)
    return res, credit


def score(transcript: str, tokens: list[Token], sentences: list[Sentence], facts: list[SentenceFacts],
          job: JobDescription | None, question: str = "") -> AlignmentScore:
    if job is None:
        return AlignmentScore(None, NO_JOB_REASON, [], [], 0.0, [])
    if not job.requirements:
        return AlignmentScore(None, "job description has no recognisable requirements", [], [], 0.0, [])
    idx = build_index(tokens)
    starts = [s.start for s in sentences]
    results: list[RequirementResult] = []
    credits: list[float] = []
    for req in job.requirements:
        r, c = _assess(req, idx, transcript, facts, starts)
        results.append(r)
        credits.append(c)
    total = sum(credits)
    value = int(round(100 * (1 - math.exp(-total / SATURATION))))
    covered = [r for r in results if r.status == "covered"]
    partial = [r for r in results if r.status == "partial"]
    backed = [r for r in results if r.backed_by_example]
    reason = (f"{len(covered)} of {len(results)} requirements covered, {len(partial)} partly"
              + (f"; {len(backed)} backed by an example" if results else ""))
    ev: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for r in results:
        for e in r.evidence:
            if (e.start, e.end) not in seen:
                seen.add((e.start, e.end))
                ev.append(e)
    ev.sort(key=lambda e: e.start)
    tips: list[str] = []
    qidx = build_index(tokenize(normalise(question))) if question else None
    missing_must = [r for r in results if r.status == "missing" and r.must_have]
    if qidx is not None:
        # requirements the question is about come first in the tips
        missing_must.sort(key=lambda r: -sum(match_term(t, qidx)[0] for t in r.missing_terms))
    claimed = [r for r in results if r.status != "missing" and not r.backed_by_example]
    if not covered and not partial:
        terms = [t for r in missing_must[:2] for t in r.missing_terms[:2]]
        tips.append("Tie the answer to the job: show a time you used "
                    + (", ".join(dict.fromkeys(terms)) if terms else "the skills the posting asks for")
                    + ", in your own words.")
    elif claimed and not backed:
        tips.append(f"Back your claim about {', '.join(claimed[0].matched_terms[:2])} with an example: when "
                    "did you use it, what did you do, and what came of it?")
    elif value < 70 and missing_must:
        terms = [t for r in missing_must[:2] for t in r.missing_terms[:2]]
        tips.append("The posting also asks for " + ", ".join(dict.fromkeys(terms))
                    + ": if you have done it, weave it into a story.")
    return AlignmentScore(value, reason, ev[:15], tips, (100 - value) * 0.3, results)
