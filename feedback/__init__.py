"""Pure scoring of spoken interview answers: text and word timings in, Feedback out.

A library a coach can import on its own: no UI, audio or model imports, no files or network at import.

    >>> from feedback import score_answer
    >>> fb = score_answer("Why this role?", "I'm excited about your mission because ...")
    >>> fb.to_dict()["scores"]["enthusiasm"]["score"]  # doctest: +SKIP
"""

from __future__ import annotations

from .job import JobChoices, JobDescription, Requirement, SetAside, parse_job
from .model import (
    AlignmentScore,
    Delivery,
    DimensionScore,
    Evidence,
    Feedback,
    RequirementResult,
    TranscriptQuality,
    Word,
)
from .scorer import score_answer, warm_up
from .voice_model import VoiceProfile

__all__ = [
    "AlignmentScore",
    "Delivery",
    "DimensionScore",
    "Evidence",
    "Feedback",
    "JobChoices",
    "JobDescription",
    "Requirement",
    "RequirementResult",
    "SetAside",
    "TranscriptQuality",
    "VoiceProfile",
    "Word",
    "parse_job",
    "score_answer",
    "warm_up",
]
