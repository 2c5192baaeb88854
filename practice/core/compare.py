"""Two attempts at the same question, side by side: what changed, in words."""

from __future__ import annotations

from feedback.model import Delivery, Feedback
from practice.core.feedback_view import all_evidence, covered_requirements, metric_phrases
from practice.core.records import SCORE_KEYS, AttemptRecord

#: Evidence labels worth calling out when they appear or disappear between attempts, with how to say it.
NOTABLE_LABELS = {
    "situation": "a situation",
    "task": "your task",
    "action": "your actions",
    "result": "a result",
    "metric": "numbers for the result",
    "enthusiasm": "enthusiasm phrases",
    "requirement": "job requirement matches",
}


def _labels(result: Feedback | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    if result is None:
        return counts
    for evidence in all_evidence(result, requirements=False, delivery=False):
        counts[evidence.label] = counts.get(evidence.label, 0) + 1
    return counts


def _arrow(before: float | None, after: float | None, unit: str = "", higher_is_better: bool = True) -> str:
    if before is None or after is None:
        return f"{'-' if before is None else round(before)} → {'-' if after is None else round(after)}{unit}"
    delta = after - before
    sign = "+" if delta > 0 else ""
    verdict = "" if delta == 0 else (" better" if (delta > 0) == higher_is_better else " worse")
    return f"{round(before)} → {round(after)}{unit} ({sign}{round(delta)}{verdict})"


def compare_attempts(before: AttemptRecord, after: AttemptRecord) -> list[str]:
    """Plain sentences saying what changed from one attempt to the next (for the side-by-side view)."""
    lines: list[str] = []
    for key in ("overall", *SCORE_KEYS):
        lines.append(f"{key.capitalize()}: {_arrow(before.score(key), after.score(key))}")
    old, new = _labels(before.result), _labels(after.result)
    gained = [text for label, text in NOTABLE_LABELS.items() if new.get(label) and not old.get(label)]
    lost = [text for label, text in NOTABLE_LABELS.items() if old.get(label) and not new.get(label)]
    if gained:
        lines.append("Now has " + ", ".join(gained) + ".")
    if lost:
        lines.append("Lost " + ", ".join(lost) + ".")
    lines += _named_changes(before.result, after.result)
    old_d = before.result.delivery if before.result else Delivery.from_dict(None)
    new_d = after.result.delivery if after.result else Delivery.from_dict(None)
    if old_d.filler_count is not None and new_d.filler_count is not None:
        lines.append(f"Fillers: {_arrow(old_d.filler_count, new_d.filler_count, higher_is_better=False)}")
    if old_d.wpm and new_d.wpm:
        lines.append(f"Pace: {round(old_d.wpm)} → {round(new_d.wpm)} words a minute")
    if before.duration_s and after.duration_s:
        lines.append(f"Length: {before.duration_s:.0f} s → {after.duration_s:.0f} s")
    elif old_d.words and new_d.words:  # typed answers have no time: their length in words
        lines.append(f"Length: {old_d.words} → {new_d.words} words")
    return lines


def _quoted(items: list[str]) -> str:
    return ", ".join(f"“{item}”" for item in items)


def _named_changes(before: Feedback | None, after: Feedback | None) -> list[str]:
    """Which numbers and which job requirements were added or dropped, by name: "a result" says less than
    "dropped “by 80 percent”" or "no longer evidences “PostgreSQL performance tuning”"."""
    lines: list[str] = []
    old_m, new_m = metric_phrases(before), metric_phrases(after)
    if added := [m for m in new_m if m not in old_m]:
        lines.append(f"Added the number{'s' if len(added) > 1 else ''} {_quoted(added)}.")
    if dropped := [m for m in old_m if m not in new_m]:
        lines.append(f"Dropped the number{'s' if len(dropped) > 1 else ''} {_quoted(dropped)}.")
    old_r, new_r = covered_requirements(before), covered_requirements(after)
    if gained := [r for r in new_r if r not in old_r]:
        lines.append(f"Now evidences {_quoted(gained)}.")
    if lost := [r for r in old_r if r not in new_r]:
        lines.append(f"No longer evidences {_quoted(lost)}.")
    return lines
