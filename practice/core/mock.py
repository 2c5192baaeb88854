"""The mock interview: a whole interview in the order a real one runs, as sections of questions.

    warm-up ─► behavioural ─► role ─► motivation ─► your questions ─► closing

Which questions fill the sections is preparation work (practice/prep/mock.py); this module holds what the
session, the screens and the reports share: the sections, who asks each one on a panel, what the studio
suggests in the person's own turn, and how a session keeps its sections (in its settings, as `"mock"`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from practice.core.panel import PanelMember


@dataclass(frozen=True)
class MockSection:
    key: str
    title: str
    size: int
    """How many questions the section asks (8 in all: about 20 to 30 minutes with the reviews)."""


SECTIONS: tuple[MockSection, ...] = (
    MockSection("warm-up", "Warm-up", 1),
    MockSection("behavioural", "Behavioural", 2),
    MockSection("role", "Role", 2),
    MockSection("motivation", "Motivation", 1),
    MockSection("your-questions", "Your questions", 1),
    MockSection("closing", "Closing", 1),
)
SECTION_TITLES = {section.key: section.title for section in SECTIONS}
YOUR_QUESTIONS = "your-questions"

#: What the interviewer says before handing the person their turn (spoken with the question).
YOUR_TURN = "That's all my questions for now, so it's your turn."
#: The studio's suggestion for that turn: second-interview advice is to ask about the team's most pressing
#: problem (it shows the person already thinks as one of the team, and the answer says what to speak to next).
PROBLEM_SUGGESTION = (
    "Your turn to ask. Ask about their most pressing problem, for example: \u201cWhat is the biggest "
    "challenge the team is facing right now, and how would this role help with it?\u201d"
)


def section_asker(sections: Sequence[str], index: int, panel: Sequence[PanelMember]) -> PanelMember | None:
    """Who asks question `index` on a panel: the same panelist for a whole section, taking sections in turn
    (as a real panel splits the interview); None with one interviewer."""
    if not panel or not sections:
        return None
    index = max(0, min(index, len(sections) - 1))
    order = list(dict.fromkeys(sections))
    return panel[order.index(sections[index]) % len(panel)]


def mock_settings(question_ids: Sequence[str], sections: Sequence[str]) -> dict[str, Any]:
    """What a mock session keeps in its settings: each question's section, in order."""
    return {
        "sections": [{"question_id": q, "section": s} for q, s in zip(question_ids, sections, strict=True)]
    }


def stored_sections(settings: Mapping[str, Any] | None) -> dict[str, str] | None:
    """question id -> section of a stored mock session; None for any other session (or a damaged row)."""
    mock = (settings or {}).get("mock")
    rows = mock.get("sections") if isinstance(mock, dict) else None
    if not isinstance(rows, list):
        return None
    return {
        str(row["question_id"]): str(row["section"])
        for row in rows
        if isinstance(row, dict) and "question_id" in row and "section" in row
    }
