"""The typed view of a stored feedback result: `feedback.model.Feedback` instead of digging through dicts.

The history keeps each attempt's result as the scorer's JSON, verbatim (so keys a newer scorer adds are kept
too); readers take `attempt.result`, which parses it with `Feedback.from_dict`. That is lenient on purpose:
rows stored by older releases, or partial results (a test's fake scorer), read back with None for what they
lack, never with invented numbers, so every screen and report shows exactly what was stored.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from feedback.model import AlignmentScore, DimensionScore, Evidence, Feedback, Outline
from feedback.outline import build_outline

#: The three scored dimensions, in the order screens and reports show them.
DIMENSION_KEYS = ("examples", "enthusiasm", "alignment")


def feedback_of(data: Mapping[str, Any] | None) -> Feedback | None:
    """The typed result of a stored feedback dict; None when the attempt was not scored."""
    return Feedback.from_dict(data) if data else None


def dimension(result: Feedback, key: str) -> DimensionScore:
    """One of DIMENSION_KEYS by name."""
    if key not in DIMENSION_KEYS:
        raise KeyError(key)
    value: DimensionScore = getattr(result, key)
    return value


def dimensions(result: Feedback) -> Iterator[tuple[str, DimensionScore]]:
    for key in DIMENSION_KEYS:
        yield key, dimension(result, key)


def all_evidence(result: Feedback | None, requirements: bool = True, delivery: bool = True) -> list[Evidence]:
    """Every evidence span: each dimension's, followed (for alignment) by its requirements' when
    `requirements`, then delivery's (fillers, hedges) when `delivery`. The order is the drawing order."""
    if result is None:
        return []
    spans: list[Evidence] = []
    for _, scored in dimensions(result):
        spans.extend(scored.evidence)
        if requirements and isinstance(scored, AlignmentScore):
            for requirement in scored.requirements:
                spans.extend(requirement.evidence)
    if delivery:
        spans.extend(result.delivery.evidence)
    return spans


def metric_phrases(result: Feedback | None) -> list[str]:
    """The numbers the answer gave for its result ("by 40 percent"), each once, in order."""
    if result is None:
        return []
    found = (e.text.strip() for e in result.examples.evidence if e.label == "metric")
    return list(dict.fromkeys(found))


def covered_requirements(result: Feedback | None) -> list[str]:
    """The job requirements the answer evidenced (status "covered")."""
    if result is None:
        return []
    return [r.text for r in result.alignment.requirements if r.status == "covered"]


def has_delivery(result: Feedback) -> bool:
    """False when the stored result had no delivery figures at all (a partial or older result)."""
    d = result.delivery
    figures = (d.words, d.wpm, d.filler_count, d.fillers_per_min, d.long_pauses, d.i_count, d.we_count)
    more = (d.length, d.speaking_s, d.length_basis, d.score)
    return any(v is not None for v in figures + more) or bool(
        d.fillers or d.pauses or d.hedges or d.evidence or d.tips or d.reason
    )


def outline_of(result: Feedback) -> Outline:
    """The answer's STAR outline: as stored, or built from the stored evidence for a result scored before
    outlines existed (the same evidence, so the same outline)."""
    if result.outline is not None:
        return result.outline
    return build_outline(result.transcript, [*result.examples.evidence, *result.delivery.evidence])
