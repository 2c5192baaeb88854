"""``score_answer``: one pure, deterministic function from an answer to its Feedback."""

from __future__ import annotations

from .alignment import score as score_alignment
from .delivery import analyse as analyse_delivery
from .enthusiasm import score as score_enthusiasm
from .examples import score as score_examples
from .grammar import analyse
from .job import JobDescription, parse_job
from .model import Feedback, Word
from .text import normalise, split_sentences, stem, tokenize

# Overall = weighted mean of the dimension scores. Examples weigh most (a concrete story with a result is the
# core of a behavioural answer), enthusiasm and alignment next, delivery least (it is about how it was said,
# and transcripts of typed answers carry no timing).
W_EXAMPLES, W_ENTHUSIASM, W_ALIGNMENT, W_DELIVERY = 0.40, 0.25, 0.25, 0.10
MAX_TIPS = 3


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
    facts = analyse(sentences, norm, transcript)
    examples, _ = score_examples(transcript, norm, facts)
    job_terms = list(jd.terms) if jd else []
    if jd and jd.title:
        job_terms.append(jd.title)
    job_stems = frozenset(
        stem(w) for t in job_terms for w in normalise(t).split() if len(w) > 3 and w.isalpha()
    )
    enthusiasm = score_enthusiasm(transcript, norm, sentences, jd.company if jd else None, job_terms, job_stems)
    alignment = score_alignment(transcript, tokens, sentences, facts, jd, question)
    delivery = analyse_delivery(transcript, norm, tokens, words, duration_s)

    parts = [(W_EXAMPLES, examples.score), (W_ENTHUSIASM, enthusiasm.score), (W_DELIVERY, delivery.score)]
    if alignment.score is not None:
        parts.append((W_ALIGNMENT, alignment.score))
    total_w = sum(w for w, _ in parts)
    overall = int(round(sum(w * (s or 0) for w, s in parts) / total_w))

    ranked = sorted(
        (d for d in (examples, enthusiasm, alignment, delivery) if d.tips), key=lambda d: -d.priority
    )
    tips: list[str] = []
    for depth in range(3):
        for d in ranked:
            if depth < len(d.tips) and d.tips[depth] not in tips and len(tips) < MAX_TIPS:
                if depth == 0 or d.priority > 10:
                    tips.append(d.tips[depth])
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
