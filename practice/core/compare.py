"""Two attempts at the same question, side by side: what changed, in words."""

from __future__ import annotations

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


def _labels(feedback: dict | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    if not feedback:
        return counts
    for dimension in feedback.get("scores", {}).values():
        for evidence in dimension.get("evidence", []):
            counts[evidence["label"]] = counts.get(evidence["label"], 0) + 1
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
    old, new = _labels(before.feedback), _labels(after.feedback)
    gained = [text for label, text in NOTABLE_LABELS.items() if new.get(label) and not old.get(label)]
    lost = [text for label, text in NOTABLE_LABELS.items() if old.get(label) and not new.get(label)]
    if gained:
        lines.append("Now has " + ", ".join(gained) + ".")
    if lost:
        lines.append("Lost " + ", ".join(lost) + ".")
    lines += _named_changes(before.feedback, after.feedback)
    old_d = (before.feedback or {}).get("delivery") or {}
    new_d = (after.feedback or {}).get("delivery") or {}
    if old_d.get("filler_count") is not None and new_d.get("filler_count") is not None:
        lines.append(
            f"Fillers: {_arrow(old_d['filler_count'], new_d['filler_count'], higher_is_better=False)}"
        )
    if old_d.get("wpm") and new_d.get("wpm"):
        lines.append(f"Pace: {round(old_d['wpm'])} → {round(new_d['wpm'])} words a minute")
    if before.duration_s and after.duration_s:
        lines.append(f"Length: {before.duration_s:.0f} s → {after.duration_s:.0f} s")
    elif old_d.get("words") and new_d.get("words"):  # typed answers have no time: their length in words
        lines.append(f"Length: {old_d['words']} → {new_d['words']} words")
    return lines


def _quoted(items: list[str]) -> str:
    return ", ".join(f"“{item}”" for item in items)


def _named_changes(before: dict | None, after: dict | None) -> list[str]:
    """Which numbers and which job requirements were added or dropped, by name: "a result" says less than
    "dropped “by 80 percent”" or "no longer evidences “PostgreSQL performance tuning”"."""

    def metrics(feedback: dict | None) -> list[str]:
        evidence = ((feedback or {}).get("scores", {}).get("examples") or {}).get("evidence", [])
        return list(dict.fromkeys(e["text"].strip() for e in evidence if e.get("label") == "metric"))

    def covered(feedback: dict | None) -> list[str]:
        results = ((feedback or {}).get("scores", {}).get("alignment") or {}).get("requirements") or []
        return [r["text"] for r in results if r.get("status") == "covered"]

    lines: list[str] = []
    old_m, new_m = metrics(before), metrics(after)
    if added := [m for m in new_m if m not in old_m]:
        lines.append(f"Added the number{'s' if len(added) > 1 else ''} {_quoted(added)}.")
    if dropped := [m for m in old_m if m not in new_m]:
        lines.append(f"Dropped the number{'s' if len(dropped) > 1 else ''} {_quoted(dropped)}.")
    old_r, new_r = covered(before), covered(after)
    if gained := [r for r in new_r if r not in old_r]:
        lines.append(f"Now evidences {_quoted(gained)}.")
    if lost := [r for r in old_r if r not in new_r]:
        lines.append(f"No longer evidences {_quoted(lost)}.")
    return lines
