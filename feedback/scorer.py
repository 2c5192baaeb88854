"""``score_answer``: one pure, deterministic function from an answer to its Feedback."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Literal

from .alignment import score as score_alignment
from .delivery import analyse as analyse_delivery
from .enthusiasm import score as score_enthusiasm
from .examples import ExampleFacts
from .examples import score as score_examples
from .grammar import SentenceFacts, analyse
from .job import JobDescription, parse_job
from .learned import ScoreModel, shipped_model
from .model import AlignmentScore, DimensionScore, Feedback, JobRequirement, JobSummary, Word
from .outline import build_outline
from .text import Sentence, Token, normalise, split_sentences, tokenize

# Overall = weighted mean of the dimension scores. Examples weigh most (a concrete story with a result is the
# core of a behavioural answer), enthusiasm and alignment next, delivery least (it is about how it was said,
# and transcripts of typed answers carry no timing).
W_EXAMPLES, W_ENTHUSIASM, W_ALIGNMENT, W_DELIVERY = 0.40, 0.25, 0.25, 0.10
MAX_TIPS, MIN_TIPS = 3, 2
LEARNED_SHARE = 0.7  # of each dimension's score; the rest is the rule score
THIRD_TIP_PRIORITY = 15.0  # about a 35-point shortfall in examples, 50 in enthusiasm or alignment

_BEHAVIORAL_RE = re.compile(
    r"\b(tell me about a time|tell me about an?|describe a (time|situation|project)|give (me )?an example|"
    r"walk me through|how did you|what did you do|a time (when|you)|an experience)\b"
)
_MOTIVATION_RE = re.compile(
    r"\b(why (do you want|are you|this|us|our|the|here|[a-z]+\?)|what (excites|interests|attracts|draws) you|"
    r"why are you (interested|leaving|looking)|what do you know about|where do you see yourself|"
    r"what('s| is) (drawing|attracting|pulling|bringing) you|what (drew|attracted|brought) you|"
    r"(most important|matters most) to you in|what are you \w+ for in|what do you (want|hope) (to|from)|"
    r"why (now|should we)|what makes you want)\b"
)


_BACKGROUND_RE = re.compile(
    r"\b(tell me about yourself|walk me through your (background|resume|résumé|cv|career|experience)|"
    r"introduce yourself|about your background|your background)\b"
)
_ROUTINE_RE = re.compile(
    r"\b(typical|normal|usual|average) (day|week|shift|morning)\b|\bday[- ]to[- ]day\b|\bweek[- ]to[- ]week\b|"
    r"^how do you (usually |normally |typically )?(manage|organi[sz]e|plan|prioriti[sz]e|run|keep|stay|structure|"
    r"approach|make sure|track|handle your)\b"
)
# tips are only worth their space when the learned score says the dimension is weak: above these, the
# answer already does what the tip would ask (about the rubric's top level)
GOOD_EXAMPLES, GOOD_ENTHUSIASM, GOOD_ALIGNMENT = 85, 62, 65


def question_focus(question: str) -> str | None:
    """'background' ("tell me about yourself") or 'routine' ("a typical day"): questions that do not ask for one
    story, so story tips (a result, steps, one specific time) do not apply. None otherwise."""
    q = question.lower()
    if _BACKGROUND_RE.search(q):
        return "background"
    if _ROUTINE_RE.search(q):
        return "routine"
    return None


def _drop_unneeded_tips(
    question: str,
    kind: str,
    examples: DimensionScore,
    enthusiasm: DimensionScore,
    alignment: DimensionScore,
) -> None:
    """Take back tips the answer does not need: story tips where no story was asked for, and any dimension's
    tips once its score shows the answer already does it. A wrong tip costs more trust than a missing one."""
    focus = question_focus(question)
    if kind == "motivation" or focus == "background" or (examples.score or 0) >= GOOD_EXAMPLES:
        examples.tips.clear()
    elif focus == "routine":
        # a routine answers "how do you ...": only a hypothetical ("I would ...") still needs a real example
        examples.tips[:] = [t for t in examples.tips if t.startswith("Tell one real time you did this")]
    if (enthusiasm.score or 0) >= GOOD_ENTHUSIASM:
        enthusiasm.tips.clear()
    if kind == "motivation" or (alignment.score or 0) >= GOOD_ALIGNMENT:
        alignment.tips.clear()


def question_kind(question: str) -> str:
    """'behavioral' (asks for a story), 'motivation' (asks why this job) or 'other'."""
    q = question.lower()
    if _BEHAVIORAL_RE.search(q):
        return "behavioral"
    if _MOTIVATION_RE.search(q) or q.strip().startswith("why"):
        return "motivation"
    return "other"


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
    alignment = score_alignment(transcript, tokens, sentences, facts, jd, question)
    return _RuleResults(norm, tokens, sentences, facts, examples, example_facts, enthusiasm, alignment)


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
    sentences, facts, example_facts = r.sentences, r.facts, r.example_facts
    delivery = analyse_delivery(transcript, r.norm, r.tokens, words, duration_s)
    kind = question_kind(question)
    learned = shipped_model() if model == "shipped" else None if model == "rules" else model
    if learned is not None and transcript.strip():
        # imported here: they pull numpy and the embedding runtime, and `import feedback` stays light
        from . import features as feature_set
        from .embed import EmbeddingUnavailable

        try:
            feats = feature_set.compute(
                kind, transcript, sentences, jd, facts, examples, example_facts, enthusiasm, alignment
            )
        except EmbeddingUnavailable as error:
            warnings.warn(f"{error}; scores use the rules alone", stacklevel=2)
        else:
            for name, dim in (("examples", examples), ("enthusiasm", enthusiasm), ("alignment", alignment)):
                if dim.score is not None and name in learned.dimensions:
                    # the rule score anchors the learned one: it keeps "nothing found" near zero, and in
                    # leave-one-posting-out cross-validation the blend agreed with people as well as the
                    # model alone (see feedback/training.py)
                    model_score = learned.dimensions[name].score(feats)
                    dim.score = int(round(LEARNED_SHARE * model_score + (1 - LEARNED_SHARE) * dim.score))

    _drop_unneeded_tips(question, kind, examples, enthusiasm, alignment)
    parts = [(W_EXAMPLES, examples.score), (W_ENTHUSIASM, enthusiasm.score), (W_DELIVERY, delivery.score)]
    if alignment.score is not None:
        parts.append((W_ALIGNMENT, alignment.score))
    total_w = sum(w for w, _ in parts)
    overall = int(round(sum(w * (s or 0) for w, s in parts) / total_w))

    # what the question asks for decides which shortfall matters most: a "tell me about a time" answer needs
    # a story more than enthusiasm, a "why us" answer the reverse
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
        job=JobSummary(jd.title, jd.company, tuple(JobRequirement(r.text, r.kind) for r in jd.requirements))
        if jd
        else None,
        outline=build_outline(transcript, [*examples.evidence, *delivery.evidence]),
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
