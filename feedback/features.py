"""Interpretable features of one answer, per dimension, for the learned scores.

Each feature is something a coach could name: how many first-person actions the story has, whether a number
measures a result, how close in meaning the answer's clauses come to each requirement, how close it comes to
the company's own description, whether motivation is hedged or self-serving. The rule scorers provide the
evidence-based features (and the evidence spans and tips shown to the person); sentence embeddings add the
meaning-based ones, so a requirement described in other words, or a specific reason said in spoken style,
still counts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .embed import embedder
from .examples import ExampleFacts
from .grammar import SentenceFacts
from .job import JobDescription
from .model import AlignmentScore, DimensionScore
from .text import Sentence, stem

# Generic statements of each kind of motivation, written for this purpose (not taken from any answer):
# an answer sentence close in meaning to one of them probably says the same kind of thing.
SPECIFIC_MOTIVATION = (
    "What draws me to your company is the product you build and the people it helps.",
    "I want to work on your team because of the specific problem you are solving.",
    "I have used your service myself and I would love to help make it better.",
    "Your mission matters to me personally and I want to contribute to it here.",
    "Your new program is the exact kind of work I hope to do next.",
)
GENERIC_POSITIVITY = (
    "I am excited about this opportunity.",
    "Seems a great company, great culture overall.",
    "Thanks so much for having me in today.",
)
SELF_SERVING = (
    "The salary is higher and the commute is shorter.",
    "I mainly need a stable job with good pay and benefits.",
    "Any job would do, I just need something soon.",
)
INDIFFERENT = (
    "I guess it is fine; not passionate about it honestly.",
    "Honestly I don't care much about the company.",
)
# the speaker placing a story in another line of work ("this is from before I went into nursing", "in my
# old career"): the rubric gives a strong story from another field no alignment
OTHER_FIELD_RE = re.compile(
    r"\b(before (i|we) (got into|went back|went into|moved into|switched|became|started (in|my)|study|studied|"
    r"trained|retrained|joined)|(this is|this one is|it's|it was) (from|back) (before|when)|in my (previous|old|"
    r"last|first|former) (career|life|field|industry)|unrelated|different (field|industry|line of work|career)|"
    r"career change|changing careers|non-traditional path|before (this|that|[a-z]+ school)|not from (this|the) "
    r"(field|industry))\b",
    re.I,
)
_CHUNK_WORDS = 40  # long run-on clauses are cut into windows this long before embedding


@dataclass(frozen=True)
class JobVectors:
    clauses: np.ndarray  # one row per requirement and per clause of a long one
    clause_owner: np.ndarray  # the requirement each row belongs to
    must: np.ndarray  # 1.0 for must-haves and duties
    about: np.ndarray  # the company's and role's own description, one row per sentence


@lru_cache(maxsize=1)
def _prototypes() -> dict[str, np.ndarray]:
    e = embedder()
    return {
        "specific": e.embed(list(SPECIFIC_MOTIVATION)),
        "generic": e.embed(list(GENERIC_POSITIVITY)),
        "self": e.embed(list(SELF_SERVING)),
        "indifferent": e.embed(list(INDIFFERENT)),
    }


_JOB_CACHE: dict[tuple[str, ...], JobVectors] = {}


def _job_vectors(job: JobDescription) -> JobVectors:
    # keyed by content: a session scores every answer against the same posting
    key = (job.text, *(r.text for r in job.requirements))
    if key not in _JOB_CACHE:
        if len(_JOB_CACHE) >= 32:
            _JOB_CACHE.pop(next(iter(_JOB_CACHE)))
        _JOB_CACHE[key] = _embed_job(job)
    return _JOB_CACHE[key]


# a long requirement names several things to do ("carry a caseload ...: individual counselling and small groups
# on grief, anxiety ..."); an answer about one of them is close to that clause, not to the whole line
_CLAUSE_SPLIT_RE = re.compile(r"[:;()]|,\s+(?:and\s+|or\s+|including\s+)?|\s+(?:and|or|including|such as)\s+")
_LONG_REQUIREMENT_WORDS = 12
_MIN_CLAUSE_WORDS = 3


def requirement_clauses(text: str) -> list[str]:
    """The requirement itself, and for a long one its clauses of three words or more."""
    if len(text.split()) <= _LONG_REQUIREMENT_WORDS:
        return [text]
    parts = [p.strip() for p in _CLAUSE_SPLIT_RE.split(text)]
    return [text] + [p for p in parts if len(p.split()) >= _MIN_CLAUSE_WORDS and p != text]


def per_requirement(sims: np.ndarray, jv: JobVectors, n: int) -> np.ndarray:
    """Closeness to each requirement: the closest of its clauses (the last axis of ``sims`` runs over
    ``jv.clauses``)."""
    out = np.full(sims.shape[:-1] + (max(n, 1),), -1.0)
    for k in range(max(n, 1)):
        cols = jv.clause_owner == k
        if cols.any():
            out[..., k] = sims[..., cols].max(axis=-1)
    return out


def _embed_job(job: JobDescription) -> JobVectors:
    e = embedder()
    texts = [r.text for r in job.requirements] or [""]
    clauses = [(k, c) for k, t in enumerate(texts) for c in requirement_clauses(t)]
    about = [
        s.text
        for s in job.set_aside
        if s.reason in ("about the company or the role", "about the company", "intro")
        and len(s.text.split()) >= 5
    ][:30] or [""]
    must = np.array([1.0 if r.must_have else 0.0 for r in job.requirements] or [0.0])
    owner = np.array([k for k, _ in clauses])
    return JobVectors(e.embed([c for _, c in clauses]), owner, must, e.embed(about))


def answer_chunks(transcript: str, sentences: list[Sentence]) -> tuple[list[str], list[int]]:
    """The answer's clauses as text, long ones cut into windows, for embedding; and each one's sentence."""
    out: list[str] = []
    owner: list[int] = []
    for k, s in enumerate(sentences):
        words = transcript[s.start : s.end].split()
        for w in range(0, max(len(words), 1), _CHUNK_WORDS):
            piece = " ".join(words[w : w + _CHUNK_WORDS])
            if len(piece.split()) >= 3:
                out.append(piece)
                owner.append(k)
    if not out:
        return [transcript.strip()], [-1]
    return out, owner


def _doing(owner: list[int], facts: list[SentenceFacts]) -> np.ndarray:
    """Which chunks are clauses where the person says what they did or do: only those can evidence a
    requirement."""
    return np.array(
        [
            0 <= k < len(facts)
            and not facts[k].hypothetical
            and (facts[k].i_action or facts[k].experience or facts[k].work_practice or facts[k].routine)
            for k in owner
        ],
        dtype=bool,
    )


def requirement_closeness(
    question: str, transcript: str, sentences: list[Sentence], facts: list[SentenceFacts], job: JobDescription
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per requirement: how close in meaning what the person did or does comes to it, and how close the
    question comes to it (the vectors are cached, so after ``compute`` this costs the question alone)."""
    n = len(job.requirements)
    if not n:
        return (), ()
    chunks, owner = answer_chunks(transcript, sentences)
    vecs = embedder().embed(chunks)
    jv = _job_vectors(job)
    doing = _doing(owner, facts)
    acted = per_requirement(vecs[doing] @ jv.clauses.T, jv, n).max(axis=0) if doing.any() else np.zeros(n)
    asked = (
        per_requirement(embedder().embed([question])[0] @ jv.clauses.T, jv, n)
        if question.strip()
        else np.zeros(n)
    )
    return tuple(float(v) for v in acted), tuple(float(v) for v in asked)


def _label_counts(dim: DimensionScore) -> Counter[str]:
    return Counter(e.label for e in dim.evidence)


def _top(values: np.ndarray, k: int) -> float:
    if values.size < k:
        return 0.0
    return float(np.sort(values)[-k])


def compute(
    question_kind: str,
    transcript: str,
    sentences: list[Sentence],
    job: JobDescription | None,
    facts: list[SentenceFacts],
    examples: DimensionScore,
    example_facts: ExampleFacts,
    enthusiasm: DimensionScore,
    alignment: AlignmentScore,
) -> dict[str, float]:
    """All features of one answer, by name (each model picks the ones it was fitted on)."""
    n_words = len(transcript.split())
    f: dict[str, float] = {
        "log_words": math.log1p(n_words),
        "q_behavioral": float(question_kind == "behavioral"),
        "q_motivation": float(question_kind == "motivation"),
    }
    ef = example_facts
    f |= {
        "ex_rule": (examples.score or 0) / 100,
        "ex_i_actions": min(len(ef.i_actions), 5) / 5,
        "ex_we_actions": min(len(ef.we_actions), 5) / 5,
        "ex_we_only": float(bool(ef.we_actions) and not ef.i_actions),
        "ex_metric": float(bool(ef.metrics)),
        "ex_result": float(bool(ef.results)),
        "ex_situation": float(bool(ef.situation)),
        "ex_task": float(bool(ef.task)),
        "ex_experience": float(bool(ef.experience)),
        "ex_hypothetical": min(len(ef.hypothetical), 3) / 3,
        "ex_generic": min(len(ef.generic), 3) / 3,
    }
    en = _label_counts(enthusiasm)
    f |= {
        "en_rule": (enthusiasm.score or 0) / 100,
        "en_positive": min(en["enthusiasm"], 4) / 4,
        "en_negative": min(en["anti_enthusiasm"], 3) / 3,
        "en_hedge": min(en["hedge"], 3) / 3,
    }
    chunks, owner = answer_chunks(transcript, sentences)
    vecs = embedder().embed(chunks)
    doing = _doing(owner, facts)
    proto = _prototypes()
    for name, rows in proto.items():
        f[f"en_sim_{name}"] = float((vecs @ rows.T).max())
    low = transcript.lower()
    company = (job.company or "").lower() if job else ""
    f["en_company_named"] = float(
        bool(company) and re.sub(r"\W+", " ", company).strip() in re.sub(r"\W+", " ", low)
    )
    if job is not None and job.requirements:
        jv = _job_vectors(job)
        sims = per_requirement(vecs @ jv.clauses.T, jv, len(job.requirements))  # chunks x requirements
        per_req = sims.max(axis=0)
        f["en_sim_about"] = float((vecs @ jv.about.T).max())
        ctx = sum(1 for w in set(re.findall(r"[a-z]{4,}", low)) if stem(w) in job.context_stems)
        f["en_context_words"] = min(ctx, 6) / 6
        statuses = Counter(r.status for r in alignment.requirements)
        must_cov = sum(1 for r in alignment.requirements if r.must_have and r.status == "covered")
        f |= {
            "al_rule": (alignment.score or 0) / 100,
            "al_covered": min(statuses["covered"], 4) / 4,
            "al_partial": min(statuses["partial"], 4) / 4,
            "al_must_covered": min(must_cov, 3) / 3,
            "al_sim_1": _top(per_req, 1),
            "al_sim_2": _top(per_req, 2),
            "al_sim_3": _top(per_req, 3),
            "al_n_sim_35": min(int((per_req >= 0.35).sum()), 4) / 4,
            "al_n_sim_45": min(int((per_req >= 0.45).sum()), 4) / 4,
            "al_must_sim": float((per_req * jv.must).max()),
        }
        f["al_other_field"] = float(bool(OTHER_FIELD_RE.search(transcript)))
        acted = sims[doing].max(axis=0) if doing.any() else np.zeros(sims.shape[1])
        f |= {
            "al_act_1": _top(acted, 1),
            "al_act_2": _top(acted, 2),
            "al_n_act_40": min(int((acted >= 0.40).sum()), 4) / 4,
            "al_n_act_30": min(int((acted >= 0.30).sum()), 4) / 4,
        }
    else:
        f |= {"en_sim_about": 0.0, "en_context_words": 0.0}
    return f
