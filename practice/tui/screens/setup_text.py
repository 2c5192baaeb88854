"""What the setup screen says about a question bank and a job description, as Rich text (no widgets)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from practice.core.banks import Bank
from practice.core.job_choices import is_left_out
from practice.core.jobs import JobSummary

if TYPE_CHECKING:
    from feedback import JobChoices


def bank_label(bank: Bank) -> str:
    return f"{bank.name} ({len(bank.questions)})"


def bank_info(bank: Bank) -> Text:
    text = Text.assemble((bank.description, "italic"))
    counts = ", ".join(f"{n} {category}" for category, n in bank.categories.items())
    text.append(f"\n{len(bank.questions)} questions: {counts}")
    if bank.tags:
        text.append("\nTags: ", style="bold")
        text.append(", ".join(bank.tags))
    if not bank.builtin:
        text.append(f"\nFile: {bank.path}", style="grey62")
    return text


def job_summary_text(
    summary: JobSummary, warnings: list[str] | None = None, choices: JobChoices | None = None
) -> Text:
    """What was understood, with the person's corrections counted, then what will make alignment rough."""
    title = (choices.title if choices else None) or summary.title
    company = (choices.company if choices else None) or summary.company
    heading = " at ".join(part for part in (title, company) if part) or "This job"
    text = Text.assemble((heading, "bold"))
    left_out = sum(is_left_out(line, choices) for line, _ in summary.requirements)
    added = len(choices.added) if choices else 0
    if not summary.requirements and not added:
        text.append(
            ": no requirements found; alignment will be scored loosely. Add the ones it missed below."
        )
    else:
        text.append(f": {len(summary.requirements)} requirements found")
        changes = [f"{n} {what}" for n, what in ((left_out, "left out"), (added, "added")) if n]
        if changes:
            text.append(f" ({' and '.join(changes)} by you)", style="italic")
        text.append("\nUntick a line that is not a requirement; add one it missed.", style="grey62")
    for note in warnings or []:
        text.append(f"\n⚠ {note}", style="yellow")
    return text
