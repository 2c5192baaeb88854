"""A stable kind for every tip the scorer gives: what the tip asks for, whatever its exact words.

A tip's text names the company, a requirement or a count ("you had about 9"), so two answers given the same
advice rarely get the same string. Its kind does not change: "result" for "finish the story with what changed",
"fillers" for "cut the fillers", and so on. The kind is what a retry is judged against (feedback.tip_check)
and how the plan counts the answers that were given a tip.

Tips are written in several modules (examples, enthusiasm, requirement_tips, delivery); each template opens
with fixed words before anything filled in, and those openings are what is matched here. A new or reworded
template needs its opening added below: tests/test_tip_kinds.py reads every template in those modules and fails
for one that maps to "other".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

TipKind = Literal[
    "real_example",
    "one_story",
    "personal_action",
    "result",
    "measurable_result",
    "specific_reason",
    "company_reason",
    "positive_reason",
    "drop_hedges",
    "tie_to_job",
    "requirement_in_action",
    "fillers",
    "pace",
    "length",
    "other",
]

#: (the opening words of a tip template, lower-cased and with straight quotes; its kind)
OPENINGS: tuple[tuple[str, TipKind], ...] = (
    # feedback/examples.py
    ("tell one real time you did this", "real_example"),
    ("back the answer with one story", "one_story"),
    ("pick one real situation and walk through it", "one_story"),
    ('you said "we" throughout', "personal_action"),
    ("finish the story with what changed", "result"),
    ("quantify the result", "measurable_result"),
    # feedback/enthusiasm.py
    ("make it specific", "specific_reason"),
    ("lead with what draws you", "company_reason"),
    ("close with why", "company_reason"),
    ("say what you do want", "positive_reason"),
    ("drop the hedges", "drop_hedges"),
    # feedback/requirement_tips.py
    ("tie the answer to the job", "tie_to_job"),
    ("show the posting's", "requirement_in_action"),
    # feedback/delivery.py
    ('say "i" for what you did', "personal_action"),
    ("slow down", "pace"),
    ("pace was", "pace"),
    ("cut the fillers", "fillers"),
    ("the answer ran long", "length"),
)

#: Each kind in a few words, for "Working on: ..." headings and the history ("a measurable result").
KIND_WORDS: dict[str, str] = {
    "real_example": "one real example, in the past tense",
    "one_story": "one story: situation, actions, result",
    "personal_action": 'your own actions, said with "I"',
    "result": "the result of what you did",
    "measurable_result": "a number for the result",
    "specific_reason": "something particular about the company",
    "company_reason": "why this company",
    "positive_reason": "what you do want",
    "drop_hedges": "saying it without hedges",
    "tie_to_job": "a tie to the job's requirements",
    "requirement_in_action": "a requirement shown in action",
    "fillers": "fewer fillers",
    "pace": "an easier pace",
    "length": "a shorter answer",
    "other": "the tip",
}


def _plain(text: str) -> str:
    # typographic quotes and apostrophes are what a reworded template most often changes
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
    return " ".join(text.translate(table).casefold().split())


def tip_kind(tip: str) -> TipKind:
    """The kind of one tip; "other" for a tip from no known template (it is then never judged)."""
    plain = _plain(tip)
    for opening, kind in OPENINGS:
        if plain.startswith(opening):
            return kind
    return "other"


def tip_kinds(tips: Iterable[str]) -> list[TipKind]:
    """The kinds of these tips, in their order (Feedback.tip_kinds)."""
    return [tip_kind(tip) for tip in tips]


def kinds_of(tips: list[str], stored: list[str] | None) -> list[str]:
    """The kinds of a result's tips: the stored ones when they match the tips one for one (a result scored
    since kinds were kept), else worked out from the tips' text (an older result)."""
    if stored is not None and len(stored) == len(tips) and all(isinstance(k, str) for k in stored):
        return list(stored)
    return list(tip_kinds(tips))
