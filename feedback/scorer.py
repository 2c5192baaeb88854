"""``score_answer``: one pure, deterministic function from an answer to its Feedback."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Literal

from .alignment import score as score_alignment
from .delivery import analyse as analyse_delivery
from .enthusiasm import score as score_enthusiasm
from .examples import ExampleFacts
from .examples import score as score_examples
from .follow_up import choose as choose_follow_up
from .grammar import SentenceFacts, analyse
from .job import JobDescription, parse_job
from .learned import ScoreModel, shipped_model
from .model import AlignmentScore, DimensionScore, Feedback, JobRequirement, JobSummary, Word
from .outline import build_outline
from .questions import question_focus, question_kind
from .requirement_tips import RequirementMeaning, alignment_tips
from .text import Sentence, Token, normalise, split_sentences, tokenize
from .tip_kinds import tip_kinds
from .tips import drop_unneeded, top_tips

# Overall = weighted mean of the dimension scores. Examples weigh most (a concrete story with a result is the
# core of a behavioural answer), enthusiasm and alignment next, delivery least (it is about how it was said,
# and transcripts of typed answers carry no timing).
W_EXAMPLES, W_ENTHUSIASM, W_ALIGNMENT, W_DELIVERY = 0.40, 0.25, 0.25, 0.10
LEARNED_SHARE = 0.7  # of each dimension's score; the rest is the rule score


@dataclass
class _RuleResults:
    """What the rule scorers found in one answer: the evidence the learned scores and the tips build on."""

    norm: str
    tokens: list[Token]
    sentences: list[Sentence]
    facts: list[SentenceFacts]
    examples: DimensionScore
    example_facts: ExampleFacts
    enthusiasm: DimensionScore
    alignment: AlignmentScore


def _rules(question: str, transcript: str, jd: JobDescription | None) -> _RuleResults:
    norm = normalise(transcript)
    tokens = tokenize(norm)
    sentences = split_sentences(norm)
    facts = analyse(sentences, norm)
    examples, example_facts = score_examples(transcript, norm, facts)
    context = jd.context_stems if jd else frozenset()
    enthusiasm = score_enthusiasm(transcript, norm, sentences, jd.company if jd else None, context)
    alignment = score_alignment(transcript, tokens, sentences, facts, jd)
    return _RuleResults(norm, tokens, sentences, facts, examples, example_facts, enthusiasm, alignment)


def _job(job: str | JobDescription | None) -> JobDescription | None:
    if job is None:
        return None
    if isinstance(job, JobDescription):
        return job
    if not job.strip():
        return None
    return parse_job(job)


def _learned_scores(
    learned: ScoreModel, question: str, kind: str, transcript: str, jd: JobDescription | None, r: _RuleResults
) -> tuple[RequirementMeaning | None, bool]:
    """Replace each rule score with its blend with the learned one; return what meaning says about each
    requirement (for the alignment tips), or None without a job or without the embedding model, and whether
    the scores were blended."""
    if not transcript.strip():
        return None, False
    # imported here: they pull numpy and the embedding runtime, and `import feedback` stays light
    from . import features as feature_set
    from .embed import EmbeddingUnavailable

    try:
        feats = feature_set.compute(
            kind, transcript, r.sentences, jd, r.facts, r.examples, r.example_facts, r.enthusiasm, r.alignment
        )
    except EmbeddingUnavailable as error:
        warnings.warn(f"{error}; scores use the rules alone", stacklevel=3)
        return None, False
    probs: dict[int, float] = {}
    for name, dim in (("examples", r.examples), ("enthusiasm", r.enthusiasm), ("alignment", r.alignment)):
        if dim.score is not None and name in learned.dimensions:
            # the rule score anchors the learned one: it keeps "nothing found" near zero, and in
            # leave-one-posting-out cross-validation the blend agreed with people as well as the
            # model alone (see feedback/training.py)
            dim_model = learned.dimensions[name]
            model_score = dim_model.score(feats)
            dim.score = int(round(LEARNED_SHARE * model_score + (1 - LEARNED_SHARE) * dim.score))
            if name == "alignment":
                probs = dict(zip(dim_model.classes, dim_model.probabilities(feats), strict=True))
    if jd is None or not jd.requirements or any(x.status == "covered" for x in r.alignment.requirements):
        return None, True  # no alignment tip is given once a requirement is evidenced: meaning is not needed
    acted, asked = feature_set.requirement_closeness(question, transcript, r.sentences, r.facts, jd)
    top = max(probs, default=None)
    return RequirementMeaning(acted, asked, probs.get(0), probs.get(top) if top else None), True


def score_answer(
    question: str,
    transcript: str,
    job: str | JobDescription | None = None,
    words: list[Word] | None = None,
    duration_s: float | None = None,
    model: ScoreModel | Literal["shipped", "rules"] = "shipped",
) -> Feedback:
    """Score one answer.

    ``overall`` is the weighted mean ``0.40*examples + 0.25*enthusiasm + 0.25*alignment + 0.10*delivery``,
    rounded; without a job description alignment is null and the other weights are rescaled to sum to 1.
    The examples, enthusiasm and alignment scores come from the learned model (``model``: the one shipped
    in the package by default, "rules" for the rule scores alone); evidence, statuses and tips always come
    from the rule features, so each score stays explainable.
    ``tips`` are the most useful next-attempt tips: each dimension's first tip, ranked by how much that
    dimension falls short weighted by its share of the overall score, then second tips, at most three.
    """
    question = question or ""
    transcript = transcript or ""
    jd = _job(job)
    r = _rules(question, transcript, jd)
    examples, enthusiasm, alignment = r.examples, r.enthusiasm, r.alignment
    example_facts = r.example_facts
    delivery = analyse_delivery(transcript, r.norm, r.tokens, words, duration_s)
    kind, focus = question_kind(question), question_focus(question)
    learned = shipped_model() if model == "shipped" else None if model == "rules" else model
    meaning, blended = (
        _learned_scores(learned, question, kind, transcript, jd, r) if learned is not None else (None, False)
    )
    alignment.tips[:] = alignment_tips(alignment, r.tokens, jd, example_facts, focus, meaning)
    drop_unneeded(kind, focus, examples, enthusiasm, alignment, delivery)
    parts = [(W_EXAMPLES, examples.score), (W_ENTHUSIASM, enthusiasm.score), (W_DELIVERY, delivery.score)]
    if alignment.score is not None:
        parts.append((W_ALIGNMENT, alignment.score))
    total_w = sum(w for w, _ in parts)
    overall = int(round(sum(w * (s or 0) for w, s in parts) / total_w))
    tips = top_tips(kind, examples, enthusiasm, alignment, delivery)
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
        job=JobSummary(jd.title, jd.company, tuple(JobRequirement(r.text, r.kind) for r in jd.requirements))
        if jd
        else None,
        outline=build_outline(transcript, [*examples.evidence, *delivery.evidence]),
        tip_kinds=list(tip_kinds(tips)),
        follow_up=choose_follow_up(
            question, example_facts, enthusiasm, alignment, jd, meaning, blended, r.norm
        )
        if transcript.strip()
        else None,
    )


def answer_features(
    question: str, transcript: str, job: str | JobDescription | None = None
) -> dict[str, float]:
    """The features the learned scores are computed from (for fitting and for explaining a score)."""
    from . import features as feature_set

    jd = _job(job)
    r = _rules(question, transcript, jd)
    return feature_set.compute(
        question_kind(question),
        transcript,
        r.sentences,
        jd,
        r.facts,
        r.examples,
        r.example_facts,
        r.enthusiasm,
        r.alignment,
    )


def warm_up() -> bool:
    """Load what scoring needs (the learned model, the sentence-embedding model) ahead of the first answer, so
    feedback is not delayed by it; an app calls this in the background. False when the embedding model is
    missing (scores then use the rules alone, with a warning)."""
    from .embed import EmbeddingUnavailable

    try:
        score_answer(
            "Why this role?",
            "I want to help your team because I have done this work before.",
            "Skills:\n- SQL\n",
        )
    except EmbeddingUnavailable:
        return False
    return shipped_model() is not None
