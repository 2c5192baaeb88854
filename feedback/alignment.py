"""Alignment: does the answer evidence the job's requirements?

Each requirement's key terms are looked up in the answer through the synonym table (k8s = Kubernetes,
Postgres evidences "relational databases", MySQL half-evidences PostgreSQL), light stemming, and fuzzy
matching (difflib) for misspellings and transcription slips. A requirement is *present* in a sentence when
one of its key terms (a domain term or a name) or two of its plain content words are there.

Then it matters how the sentence connects the requirement to the person:
- *evidence*: something the person did or does with it ("I tuned the queries in MySQL", a concrete routine);
- *touch*: a claim, a list, years of experience, "I would ...", "I want to ...", or a "we"-only story;
- nothing: a fact about the company ("your Kafka pipeline") or the field in general.

Three bands: none (0), touched or one requirement evidenced (30-52), at least two distinct requirements
evidenced, one of them a must-have or core duty (70-100). Requirements evidenced by the same words count once.
Each requirement is reported as covered (evidenced), partial (touched) or missing.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass, field
from functools import lru_cache

from .grammar import SentenceFacts
from .job import JobDescription, Requirement
from .lexicon import words
from .model import AlignmentScore, Evidence, RequirementResult, make_evidence
from .spoken_forms import aliases
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
    # names as the recogniser heard them ("dee bee tee", "snow flake") also stand for the written name
    for first, last, written in aliases(norms):
        span = (tokens[first].start, tokens[last].end)
        idx.ngrams.setdefault((written,), []).append(span)
        idx.stems.setdefault((stem(written),), []).append(span)
    return idx


@lru_cache(maxsize=4096)
def _term_key(term: str) -> tuple[str, ...]:
    return tuple(t.norm.removesuffix("'s") for t in tokenize(normalise(term)))


def _lookup(idx: AnswerIndex, key: tuple[str, ...], stems: bool = True) -> list[tuple[int, int]]:
    spans = idx.ngrams.get(key)
    if spans or not stems:
        return spans or []
    return idx.stems.get(tuple(stem(k) for k in key), [])


def match_term(term: str, idx: AnswerIndex) -> tuple[float, list[tuple[int, int]]]:
    """Credit 0..1 for one job term in the answer, and where it was found."""
    key = _term_key(term)
    if not key:
        return 0.0, []
    canon = canon_of(key)
    if canon is not None:
        # every way of saying it, and for a category every specific member ("Postgres" for "databases")
        spans = [sp for v in variants(canon) for sp in _lookup(idx, v)]
        spans += [sp for m in members(canon) for v in variants(m) for sp in _lookup(idx, v)]
        if spans:
            return 1.0, sorted(set(spans))
        spans = [sp for sib in siblings(canon) for v in variants(sib) for sp in _lookup(idx, v)]
        if spans:
            return SIBLING_CREDIT, sorted(set(spans))
    # a name ("Looker", "Epic") must match as written, not by stem ("looked")
    spans = _lookup(idx, key, stems=term == term.lower())
    if spans:
        return 1.0, spans
    if len(key) == 1 and len(key[0]) >= 5 and key[0].isalpha():
        pool = idx.vocab_by_initial.get(key[0][0], [])
        close = difflib.get_close_matches(key[0], pool, n=1, cutoff=FUZZY_CUTOFF)
        if close:
            return FUZZY_CREDIT, [idx.first_span[close[0]]]
    return 0.0, []


_FIRST_PERSON = words(
    """
    i i'm i've i'd i'll me my myself we we're we've we'd our us im ive
    """
)
PRESENT_WEIGHT = 1.0  # one key term (weight 1) or two plain content words (0.5 each) in one sentence
EVIDENCE_WEIGHT = 1.0
LEVEL1_BASE, LEVEL2_BASE = 30, 70


@dataclass(slots=True)
class _ReqMatch:
    req: Requirement
    status: str = "missing"
    keys: set[str] = field(default_factory=set)  # what evidenced it, to count distinct requirements
    spans: list[tuple[int, int]] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)


_EMPLOYER_REF = frozenset(["your", "you", "you're", "you've"])


def _connections(facts: list[SentenceFacts]) -> list[str]:
    """How each sentence ties what it names to the person: "evidence", "touch" or "none".

    Evidence: a first-person action or concrete routine, or a sentence of the same story told around the
    actions (the result "the Kubernetes bill fell by a third"). None: a remark about the employer with no
    first person ("your Kafka pipeline"). Everything else (claims, lists, plans, "we") touches.
    """
    acts = [k for k, f in enumerate(facts) if f.i_action]
    out = []
    for k, f in enumerate(facts):
        words = {t.norm for t in f.sentence.tokens}
        first = bool(words & _FIRST_PERSON)
        in_story = bool(acts) and acts[0] - 1 <= k <= acts[-1] + 2 and not f.hypothetical and not f.habitual
        if f.i_action or f.routine or f.work_practice or in_story:
            out.append("evidence")
        elif not first and words & _EMPLOYER_REF:
            out.append("none")
        else:
            out.append("touch")
    return out


def _match_requirement(
    req: Requirement, idx: AnswerIndex, conns: list[str], starts: list[int], title_stems: frozenset[str]
) -> _ReqMatch:
    rm = _ReqMatch(req)
    per_sentence: dict[int, list[tuple[str, float, list[tuple[int, int]]]]] = {}
    total_weight = sum(req.weights.get(t, 0.5) for t in req.terms) or PRESENT_WEIGHT
    for t in req.terms:
        w = req.weights.get(t, 0.5)
        if w >= 1.0 and all(stem(x) in title_stems for x in _term_key(t)):
            w = 0.5  # naming the job itself ("a nurse", "backend") is not a requirement
        credit, spans = match_term(t, idx)
        if credit <= 0:
            continue
        for a, b in spans:
            k = bisect.bisect_right(starts, a) - 1
            if k >= 0:
                per_sentence.setdefault(k, []).append((t, w * credit, [(a, b)]))
    # a story is one piece of evidence: its sentences pool their words ("set up Grafana" ... "the alerts")
    story = [k for k in per_sentence if conns[k] == "evidence"]
    if len(story) > 1:
        pooled = [h for k in story for h in per_sentence.pop(k)]
        per_sentence[story[0]] = pooled
    best = "missing"
    for k, hits in per_sentence.items():
        by_term: dict[str, float] = {}
        for t, wc, _ in hits:
            by_term[t] = max(by_term.get(t, 0.0), wc)
        conn = conns[k]
        # a key term or two plain words; less when the requirement has no more than that ("audits")
        need = min(EVIDENCE_WEIGHT if conn == "evidence" else PRESENT_WEIGHT, total_weight)
        if conn == "none" or sum(by_term.values()) < need * 0.99:
            continue
        status = "covered" if conn == "evidence" else "partial"
        if status == "covered" and best != "covered":
            rm.keys, rm.spans, rm.matched = set(), [], []
        if status == "covered" or best != "covered":
            best = status
            for t, _, sp in hits:
                rm.keys.add(canon_of(_term_key(t)) or " ".join(stem(x) for x in _term_key(t)))
                rm.spans.extend(sp)
                if t not in rm.matched:
                    rm.matched.append(t)
    rm.status = best
    return rm


def _distinct(evidenced: list[_ReqMatch]) -> list[_ReqMatch]:
    """Requirements evidenced by different words, must-haves first ("Postgres" for two requirements: one)."""
    used: set[str] = set()
    out = []
    for rm in sorted(evidenced, key=lambda r: (not r.req.must_have, -len(r.keys))):
        new = rm.keys - used
        if new:
            out.append(rm)
            used |= rm.keys
    return out


def score(
    transcript: str,
    tokens: list[Token],
    sentences: list[Sentence],
    facts: list[SentenceFacts],
    job: JobDescription | None,
) -> AlignmentScore:
    """Statuses, evidence and the score; the tips are chosen later (``requirement_tips``), once meaning and the
    learned score can say what the answer already shows."""
    if job is None:
        return AlignmentScore(None, NO_JOB_REASON, [], [], 0.0, [])
    if not job.requirements:
        return AlignmentScore(None, "job description has no recognisable requirements", [], [], 0.0, [])
    idx = build_index(tokens)
    starts = [s.start for s in sentences]
    title_stems = frozenset(stem(t.norm) for t in tokenize(normalise(job.title or "")))
    conns = _connections(facts)
    matches = [_match_requirement(r, idx, conns, starts, title_stems) for r in job.requirements]
    results = [
        RequirementResult(
            rm.req.text,
            rm.status,  # type: ignore[arg-type]  # one of the literals, set by _match_requirement
            rm.req.must_have,
            [make_evidence(transcript, a, b, "requirement") for a, b in sorted(set(rm.spans))[:4]],
            rm.req.section,
            rm.matched,
            [t for t in rm.req.terms if t not in rm.matched],
            rm.status == "covered",
        )
        for rm in matches
    ]
    evidenced = _distinct([rm for rm in matches if rm.status == "covered"])
    touched = _distinct([rm for rm in matches if rm.status != "missing"])
    if len(evidenced) >= 2 and any(rm.req.must_have for rm in evidenced):
        value = (
            LEVEL2_BASE
            + 8 * min(len(evidenced) - 2, 3)
            + 3 * min(sum(rm.req.must_have for rm in evidenced) - 1, 2)
        )
    elif touched:
        value = LEVEL1_BASE + 10 * bool(evidenced) + 3 * min(len(touched) - 1, 4)
    else:
        value = 0
    value = min(100, value)
    covered = [r for r in results if r.status == "covered"]
    partial = [r for r in results if r.status == "partial"]
    reason = (
        f"{len(evidenced)} distinct requirement(s) evidenced, {len(touched)} touched"
        f" ({len(covered)} of {len(results)} requirements covered, {len(partial)} partly)"
    )
    ev: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for r in results:
        for e in r.evidence:
            if (e.start, e.end) not in seen:
                seen.add((e.start, e.end))
                ev.append(e)
    ev.sort(key=lambda e: e.start)
    return AlignmentScore(value, reason, ev[:15], [], (100 - value) * 0.3, results)
