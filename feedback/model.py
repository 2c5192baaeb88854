"""The typed result objects. ``Feedback.to_dict()`` is the JSON contract (see feedback.schema.json).

``Feedback.from_dict(feedback.to_dict()) == feedback``: a stored result reads back into the same objects.
``from_dict`` is lenient, because results are stored for years: keys it does not know are ignored (a newer
release may add some), and a figure missing from an older or partial result stays None rather than being
invented, so a reader shows exactly what was stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Literal

from .tip_kinds import kinds_of
from .voice_model import VoiceProfile

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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        # A hand-edited row may hold anything: offsets that are not whole numbers become -1, which every
        # reader already skips as outside the transcript.
        start, end = (
            v if isinstance(v, int) and not isinstance(v, bool) else -1
            for v in (data.get("start"), data.get("end"))
        )
        return cls(start, end, str(data.get("text") or ""), str(data.get("label") or ""))


def _build(cls: Any, data: Mapping[str, Any], known: dict[str, Any]) -> Any:
    """``cls(**known)``, plus any field a later release added: taken as stored when present, else its default,
    else None. So ``from_dict`` keeps working while the model grows."""
    values = dict(known)
    for f in fields(cls):
        if f.name in values:
            continue
        if f.name in data:
            values[f.name] = data[f.name]
        elif f.default is MISSING and f.default_factory is MISSING:
            values[f.name] = None
    return cls(**values)


def _evidence_list(items: Any) -> list[Evidence]:
    return [Evidence.from_dict(e) for e in items or () if isinstance(e, Mapping)]


def _section(data: Any) -> Mapping[str, Any]:
    return data if isinstance(data, Mapping) else {}


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
    # how much the person would gain by following this dimension's first tip (used to rank overall tips);
    # not part of the JSON, so not part of equality either (a stored result reads back equal)
    priority: float = field(default=0.0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
            "tips": list(self.tips),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> DimensionScore:
        data = _section(data)
        return _build(cls, data, cls._known(data))

    @staticmethod
    def _known(data: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "score": data.get("score"),
            "reason": data.get("reason") or "",
            "evidence": _evidence_list(data.get("evidence")),
            "tips": list(data.get("tips") or []),
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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RequirementResult:
        known = {
            "text": data.get("text") or "",
            "status": data.get("status") or "missing",
            "must_have": bool(data.get("must_have")),
            "evidence": _evidence_list(data.get("evidence")),
            "section": data.get("section"),
            "matched_terms": list(data.get("matched_terms") or []),
            "missing_terms": list(data.get("missing_terms") or []),
            "backed_by_example": bool(data.get("backed_by_example")),
        }
        return _build(cls, data, known)


@dataclass(slots=True)
class AlignmentScore(DimensionScore):
    requirements: list[RequirementResult] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = DimensionScore.to_dict(self)
        d["requirements"] = [r.to_dict() for r in self.requirements]
        return d

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> AlignmentScore:
        data = _section(data)
        requirements = [
            RequirementResult.from_dict(r) for r in data.get("requirements") or () if isinstance(r, Mapping)
        ]
        return _build(cls, data, {**DimensionScore._known(data), "requirements": requirements})


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
    priority: float = field(default=0.0, compare=False)  # not in the JSON, as on DimensionScore
    voice: VoiceProfile | None = None
    """How the voice sounded, measured from the recording (feedback/voice.py); None for a typed answer."""

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
            "voice": self.voice.to_dict() if self.voice else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Delivery:
        data = _section(data)
        pauses = [
            (p["start"], p["end"]) if isinstance(p, Mapping) else (p[0], p[1])
            for p in data.get("pauses") or ()
        ]
        plain = ("words", "wpm", "filler_count", "fillers_per_min", "long_pauses", "i_count", "we_count")
        known: dict[str, Any] = {name: data.get(name) for name in plain}
        known |= {name: data.get(name) for name in ("length", "speaking_s", "length_basis", "score")}
        known |= {
            "fillers": dict(data.get("fillers") or {}),
            "pauses": pauses,
            "hedges": dict(data.get("hedges") or {}),
            "reason": data.get("reason") or "",
            "evidence": _evidence_list(data.get("evidence")),
            "tips": list(data.get("tips") or []),
            "voice": VoiceProfile.from_dict(data.get("voice")),
        }
        return _build(cls, data, known)


@dataclass(frozen=True, slots=True)
class JobRequirement:
    """One requirement as the posting reader understood it: "must", "nice" (preferred) or "duty"."""

    text: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JobRequirement:
        return _build(cls, data, {"text": data.get("text") or "", "kind": data.get("kind") or ""})


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> JobSummary | None:
        """None for a result scored without a job (stored as null, or from before results named the job)."""
        if not isinstance(data, Mapping):
            return None
        requirements = tuple(
            JobRequirement.from_dict(r) for r in data.get("requirements") or () if isinstance(r, Mapping)
        )
        known = {"title": data.get("title"), "company": data.get("company"), "requirements": requirements}
        return _build(cls, data, known)


QualityStatus = Literal["ok", "low", "none"]


@dataclass(frozen=True, slots=True)
class TranscriptQuality:
    """How far a spoken answer's transcript can be trusted, judged from the recording: seconds of speech heard,
    "ok", "low" (mostly silence or noise, or words the speech model was unsure of) or "none" (no speech), and
    the reason in plain words ("" when ok). Null for typed answers, which have no recording."""

    speech_s: float
    status: QualityStatus
    reason: str

    @property
    def trusted(self) -> bool:
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        return {"speech_s": self.speech_s, "status": self.status, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> TranscriptQuality | None:
        if not isinstance(data, Mapping) or data.get("status") not in ("ok", "low", "none"):
            return None
        speech = data.get("speech_s")
        speech_s = float(speech) if isinstance(speech, int | float) and not isinstance(speech, bool) else 0.0
        return cls(speech_s, data["status"], str(data.get("reason") or ""))


def _text_or_none(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


@dataclass(slots=True)
class Outline:
    """A STAR outline of the answer in the person's own sentences (feedback.outline builds it from the
    evidence): each slot is their words, or None (for actions: empty) when the answer did not say it yet."""

    situation: str | None
    task: str | None
    actions: list[str]
    result: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "situation": self.situation,
            "task": self.task,
            "actions": list(self.actions),
            "result": self.result,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Outline | None:
        """None when there is none (results stored before outlines, or a hand-edited row)."""
        if not isinstance(data, Mapping):
            return None
        actions = [a.strip() for a in data.get("actions") or () if isinstance(a, str) and a.strip()]
        return cls(
            _text_or_none(data.get("situation")),
            _text_or_none(data.get("task")),
            actions,
            _text_or_none(data.get("result")),
        )


FollowUpReason = Literal["example", "personal", "result", "motivation", "requirement"]
FOLLOW_UP_REASONS: tuple[FollowUpReason, ...] = ("example", "personal", "result", "motivation", "requirement")


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The one question an interviewer asks back after this answer (feedback.follow_up chooses it): its words,
    the reason (what the answer lacks) and, for a "requirement" follow-up, the posting's must-have asked about."""

    question: str
    reason: FollowUpReason
    requirement: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "reason": self.reason, "requirement": self.requirement}

    @classmethod
    def from_dict(cls, data: Any) -> FollowUp | None:
        if (
            not isinstance(data, Mapping)
            or not data.get("question")
            or data.get("reason") not in FOLLOW_UP_REASONS
        ):
            return None
        return cls(str(data["question"]), data["reason"], _text_or_none(data.get("requirement")))


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
    # set by whoever transcribed the answer (the scorer only reads text); None for a typed answer
    quality: TranscriptQuality | None = None
    # the answer's STAR outline in its own sentences; None for results stored before outlines existed
    outline: Outline | None = None
    # what the interviewer asks back; None when the answer lacks nothing a follow-up asks for
    follow_up: FollowUp | None = None
    # what each tip asks for (feedback.tip_kinds), parallel to tips: stable where the tip's words are not
    tip_kinds: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "job": self.job.to_dict() if self.job else None,
            "quality": self.quality.to_dict() if self.quality else None,
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
            "outline": self.outline.to_dict() if self.outline else None,
            "tip_kinds": list(self.tip_kinds),
            "follow_up": self.follow_up.to_dict() if self.follow_up else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Feedback:
        """The typed result of ``to_dict()``'s JSON: lenient, see the module docstring."""
        scores = _section(data.get("scores"))
        tips = list(data.get("tips") or [])
        known: dict[str, Any] = {
            "question": data.get("question") or "",
            "transcript": data.get("transcript") or "",
            "duration_s": data.get("duration_s"),
            "examples": DimensionScore.from_dict(scores.get("examples")),
            "enthusiasm": DimensionScore.from_dict(scores.get("enthusiasm")),
            "alignment": AlignmentScore.from_dict(scores.get("alignment")),
            "delivery": Delivery.from_dict(data.get("delivery")),
            "overall": data.get("overall"),
            "tips": tips,
            "job": JobSummary.from_dict(data.get("job")),
            "quality": TranscriptQuality.from_dict(data.get("quality")),
            "outline": Outline.from_dict(data.get("outline")),
            "follow_up": FollowUp.from_dict(data.get("follow_up")),
        }
        # a result stored before kinds were kept gets them from its tips' words
        known["tip_kinds"] = kinds_of(tips, data.get("tip_kinds"))
        return _build(cls, data, known)
