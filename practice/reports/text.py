"""Plain-text renderings of a scored answer (the JSON result of `feedback`), for the terminal and files."""

from __future__ import annotations

import re
from collections.abc import Sequence

from feedback.model import AlignmentScore, Feedback
from practice.core.feedback_view import dimension
from practice.reports.voice import voice_markdown

DIMENSIONS = (("examples", "Concrete examples"), ("enthusiasm", "Enthusiasm"), ("alignment", "Job alignment"))


# Characters that make markup anywhere in a line (emphasis, code, links, raw HTML such as `<img onerror=...>`,
# table cells, entities): CommonMark lets a backslash make any ASCII punctuation literal.
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>|~&])")
# ... and at the start of a line only: headings, list items, setext underlines (`---`, `===`).
_LINE_MARKER = re.compile(r"^(\s*)([#+=-])", re.M)
_NUMBERED_ITEM = re.compile(r"^(\s*\d+)([.)])", re.M)


def escape_markdown(text: str) -> str:
    """What a person said or pasted, shown as written: a transcript line such as `# Big heading` or
    `<img src=x onerror=...>` must not become a heading or HTML in a Markdown export."""
    text = _INLINE_MARKUP.sub(r"\\\1", text)
    text = _LINE_MARKER.sub(r"\1\\\2", text)
    return _NUMBERED_ITEM.sub(r"\1\\\2", text)


def _score_text(score: int | None) -> str:
    return "n/a" if score is None else f"{score}/100"


def feedback_markdown(result: Feedback, compared: Sequence[str] = ()) -> str:
    """One answer as Markdown; every text from the person, the bank or the posting is escaped. `compared` is
    its voice against the person's earlier answers, when known."""
    e = escape_markdown
    lines = [f"# {e(result.question)}", "", f"**Overall: {_score_text(result.overall)}**", ""]
    if result.quality is not None and not result.quality.trusted:
        lines[2:2] = [
            f"> **Take this with care:** {e(result.quality.reason)} The scores below may not mean much.",
            "",
        ]
    for key, title in DIMENSIONS:
        scored = dimension(result, key)
        lines.append(f"## {title}: {_score_text(scored.score)}")
        if scored.reason:
            lines.append(e(scored.reason))
        for evidence in scored.evidence[:8]:
            lines.append(f'- *{e(evidence.label)}*: "{e(evidence.text)}"')
        for requirement in scored.requirements if isinstance(scored, AlignmentScore) else []:
            lines.append(f"- [{e(requirement.status)}] {e(requirement.text)}")
        for tip in scored.tips:
            lines.append(f"- Tip: {e(tip)}")
        lines.append("")
    delivery = result.delivery
    wpm = delivery.wpm
    per_min = delivery.fillers_per_min
    fillers = ", ".join(f"{e(word)} x{count}" for word, count in delivery.fillers.items()) or "none"
    lines += [
        "## Delivery",
        f"- Words: {delivery.words}" + (f", {wpm:.0f} words a minute" if wpm else ""),
        f"- Fillers: {fillers}" + (f" ({per_min:.1f} a minute)" if per_min is not None else ""),
    ]
    if delivery.long_pauses is not None:
        lines.append(f"- Long pauses (over 2 s): {delivery.long_pauses}")
    if result.delivery.voice is not None:
        lines += ["", *voice_markdown(result.delivery.voice, compared)]
    if result.tips:
        lines += ["", "## Next attempt"] + [f"{n}. {e(tip)}" for n, tip in enumerate(result.tips, start=1)]
    if result.follow_up is not None:
        lines += ["", "## Follow-up question", "", e(result.follow_up.question)]
    lines += ["", "## Transcript", "", e(result.transcript)]
    return "\n".join(lines) + "\n"
