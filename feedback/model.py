"""The typed result objects. ``Feedback.to_dict()`` is the JSON contract (see feedback.schema.json)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Label = Literal[
    "situation",
    "task",
    "action",
    "result",
    "metric",
    "enthusiasm",
    "anti_enthusiasm",
    "requirement",
    "filler",
    "hedge",
    "hypothetical",
    "we_only",
]
Status = Literal["covered", "partial", "missing"]


@dataclass(frozen=True, slots=True)
class Word:
    """A transcribed word with its start and end time in seconds."""

    text: str
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the transcript: ``transcript[start:end] == text``."""

    start: int
    end: int
    text: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label}


def make_evidence(transcript: str, start: int, end: int, label: str) -> Evidence:
    """Build evidence from offsets, taking the text from the transcript so it can never disagree."""
    start = max(0, min(start, len(transcript)))
    end = max(start, min(end, len(transcript)))
    return Evidence(start, end, transcript[start:end], label)


@dataclass(slots=True)
class DimensionScore:
    """One scored dimension: a 0-100 score (None when not scorable), a one-line reason, evidence, tips."""

    score: int | None
    reason: str
    evidence: list[Evidence] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    # how much the person would gain by following this dimension's first tip (used to rank overall tips)
    priority: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
            "tips": list(self.tips),
        }


@dataclass(slots=True)
class RequirementResult:
    """How well the answer evidenced one job requirement."""

    text: str
    status: Status
    must_have: bool
    evidence: list[Evidence] = field(default_factory=list)
    section: str | None = None
    matched_terms: list[str] = field(default_factory=list)
    missing_terms: list[str] = field(default_factory=list)
    backed_by_example: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "status": self.status,
            "must_have": self.must_have,
            "evidence": [e.to_dict() for e in self.evidence],
            "section": self.section,
            "matched_terms": list(self.matched_terms),
            "missing_terms": list(self.missing_terms),
            "backed_by_example": self.backed_by_example,
        }


@dataclass(slots=True)
class AlignmentScore(DimensionScore):
    requirements: list[RequirementResult] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = DimensionScore.to_dict(self)
        d["requirements"] = [r.to_dict() for r in self.requirements]
        return d


@dataclass(slots=True)
class Delivery:
    """How the answer was said. Timing figures are None when there were no word timings or duration."""

    words: int
    wpm: float | None
    fillers: dict[str, int]
    filler_count: int
    fillers_per_min: float | None
    long_pauses: int | None
    pauses: list[tuple[float, float]]
    hedges: dict[str, int]
    i_count: int
    we_count: int
    length: Literal["short", "ok", "long"] | None
    speaking_s: float | None
    length_basis: Literal["time", "words"] | None
    score: int
    reason: str
    evidence: list[Evidence] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    priority: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "wpm": self.wpm,
            "fillers": dict(self.fillers),
            "filler_count": self.filler_count,
            "fillers_per_min": self.fillers_per_min,
            "long_pauses": self.long_pauses,
            "pauses": [{"start": a, "end": b} for a, b in self.pauses],
            "hedges": dict(self.hedges),
            "i_count": self.i_count,
            "we_count": self.we_count,
            "length": self.length,
            "speaking_s": self.speaking_s,
            "length_basis": self.length_basis,
            "score": self.score,
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
            "tips": list(self.tips),
        }


@dataclass(frozen=True, slots=True)
class JobRequirement:
    """One requirement as the posting reader understood it: "must", "nice" (preferred) or "duty"."""

    text: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class JobSummary:
    """What the answer was scored against: the posting's title, company and requirements."""

    title: str | None
    company: str | None
    requirements: tuple[JobRequirement, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "company": self.company,
            "requirements": [r.to_dict() for r in self.requirements],
        }


@dataclass(slots=True)
class Feedback:
    """Everything the scorer says about one answer."""

    question: str
    transcript: str
    duration_s: float | None
    examples: DimensionScore
    enthusiasm: DimensionScore
    alignment: AlignmentScore
    delivery: Delivery
    overall: int
    tips: list[str]
    job: JobSummary | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "job": self.job.to_dict() if self.job else None,
            "question": self.question,
            "transcript": self.transcript,
            "duration_s": self.duration_s,
            "scores": {
                "examples": self.examples.to_dict(),
                "enthusiasm": self.enthusiasm.to_dict(),
                "alignment": self.alignment.to_dict(),
            },
            "delivery": self.delivery.to_dict(),
            "overall": self.overall,
            "tips": list(self.tips),
        }
