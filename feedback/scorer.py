"""``score_answer``: one pure, deterministic function from an answer to its Feedback."""

from __future__ import annotations

import re

from .alignment import score as score_alignment
from .delivery import analyse as analyse_delivery
from .enthusiasm import score as score_enthusiasm
from .examples import score as score_examples
from .grammar import analyse
from .job import JobDescription, parse_job
from .model import Feedback, Word
from .text import normalise, split_sentences, tokenize

# Overall = weighted mean of the dimension scores. Examples weigh most (a concrete story with a result is the
# core of a behavioural answer), enthusiasm and alignment next, delivery least (it is about how it was said,
# and transcripts of typed answers carry no timing).
W_EXAMPLES, W_ENTHUSIASM, W_ALIGNMENT, W_DELIVERY = 0.40, 0.25, 0.25, 0.10
MAX_TIPS, MIN_TIPS = 3, 2
THIRD_TIP_PRIORITY = 15.0  # about a 35-point shortfall in examples, 50 in enthusiasm or alignment

_BEHAVIORAL_RE = re.compile(
    r"\b(tell me about a time|tell me about an?|describe a (time|situation|project)|give (me )?an example|"
    r"walk me through|how did you|what did you do|a time (when|you)|an experience)\b"
)
_MOTIVATION_RE = re.compile(
    r"\b(why (do you want|are you|this|us|our|the|here|[a-z]+\?)|what (excites|interests|attracts|draws) you|"
    r"why are you (interested|leaving|looking)|what do you know about|where do you see yourself)\b"
)


def question_kind(question: str) -> str:
    """'behavioral' (asks for a story), 'motivation' (asks why this job) or 'other'."""
    q = question.lower()
    if _BEHAVIORAL_RE.search(q):
        return "behavioral"
    if _MOTIVATION_RE.search(q) or q.strip().startswith("why"):
        return "motivation"
    return "other"


def _job(job: str | JobDescription | None) -> JobDescription | None:
    if job is None:
        return None
    if isinstance(job, JobDescription):
        return job
    if not job.strip():
        return None
    return parse_job(job)


def score_answer(
    question: str,
    transcript: str,
    job: str | JobDescription | None = None,
    words: list[Word] | None = None,
    duration_s: float | None = None,
) -> Feedback:
    """Score one answer.

    ``overall`` is the weighted mean ``0.40*examples + 0.25*enthusiasm + 0.25*alignment + 0.10*delivery``,
    rounded; without a job description alignment is null and the other weights are rescaled to sum to 1.
    ``tips`` are the most useful next-attempt tips: each dimension's first tip, ranked by how much that
    dimension falls short weighted by its share of the overall score, then second tips, at most three.
    """
    question = question or ""
    transcript = transcript or ""
    jd = _job(job)
    norm = normalise(transcript)
    tokens = tokenize(norm)
    sentences = split_sentences(norm)
    facts = analyse(sentences, norm)
    examples, _ = score_examples(transcript, norm, facts)
    context = jd.context_stems if jd else frozenset()
    enthusiasm = score_enthusiasm(transcript, norm, sentences, jd.company if jd else None, context)
    alignment = score_alignment(transcript, tokens, sentences, facts, jd, question)
    delivery = analyse_delivery(transcript, norm, tokens, words, duration_s)

    parts = [(W_EXAMPLES, examples.score), (W_ENTHUSIASM, enthusiasm.score), (W_DELIVERY, delivery.score)]
    if alignment.score is not None:
        parts.append((W_ALIGNMENT, alignment.score))
    total_w = sum(w for w, _ in parts)
    overall = int(round(sum(w * (s or 0) for w, s in parts) / total_w))

    # what the question asks for decides which shortfall matters most: a "tell me about a time" answer needs
    # a story more than enthusiasm, a "why us" answer the reverse
    kind = question_kind(question)
    weight = {id(examples): 1.0, id(enthusiasm): 1.0, id(alignment): 1.0, id(delivery): 1.0}
    if kind == "behavioral":
        weight[id(enthusiasm)] = 0.3
    elif kind == "motivation":
        weight[id(examples)] = 0.3
    ranked = sorted(
        (d for d in (examples, enthusiasm, alignment, delivery) if d.tips),
        key=lambda d: -d.priority * weight[id(d)],
    )
    # each dimension's first tip by weighted priority, then second tips; two tips always (when there are
    # any), a third only when it is worth the attention
    candidates = [
        (depth, -d.priority * weight[id(d)], d.tips[depth])
        for d in ranked
        for depth in range(min(len(d.tips), 3))
    ]
    tips: list[str] = []
    for _depth, neg_priority, tip in sorted(candidates, key=lambda c: (c[0], c[1])):
        if tip in tips or len(tips) >= MAX_TIPS:
            continue
        if len(tips) < MIN_TIPS or -neg_priority >= THIRD_TIP_PRIORITY:
            tips.append(tip)
    return Feedback(
        question=question,
        transcript=transcript,
        duration_s=float(duration_s) if duration_s is not None else None,
        examples=examples,
        enthusiasm=enthusiasm,
        alignment=alignment,
        delivery=delivery,
        overall=overall,
        tips=tips,
    )
