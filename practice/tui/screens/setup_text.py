"""What the setup screen says about a question bank and a job description, as Rich text (no widgets)."""

from __future__ import annotations

from rich.text import Text

from practice.core.banks import Bank
from practice.core.jobs import JobSummary

MAX_REQUIREMENTS_SHOWN = 8


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


def job_summary_text(summary: JobSummary, warnings: list[str] | None = None) -> Text:
    """The requirements found, then what will make alignment rough for this posting."""
    text = _requirements_text(summary)
    for note in warnings or []:
        text.append(f"\n⚠ {note}", style="yellow")
    return text


def _requirements_text(summary: JobSummary) -> Text:
    heading = " at ".join(part for part in (summary.title, summary.company) if part) or "This job"
    text = Text.assemble((heading, "bold"))
    if not summary.requirements:
        text.append(": no requirements found; alignment will be scored loosely.")
        return text
    text.append(f": {len(summary.requirements)} requirements found")
    for requirement, must in summary.requirements[:MAX_REQUIREMENTS_SHOWN]:
        text.append("\n ★ " if must else "\n • ", style="yellow" if must else "")
        text.append(requirement)
    if len(summary.requirements) > MAX_REQUIREMENTS_SHOWN:
        text.append(f"\n … and {len(summary.requirements) - MAX_REQUIREMENTS_SHOWN} more", style="grey62")
    if any(must for _, must in summary.requirements):
        text.append("\n★ must have", style="grey62")
    return text
