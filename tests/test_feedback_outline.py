"""The STAR outline from the person's own words (feedback/outline.py): slots filled from the examples
evidence, sentences placed by their labels, fillers left out, empty slots asked as questions; and the
outline's place in the JSON contract (`score --format json`)."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from feedback import score_answer
from feedback.model import Evidence, Feedback, Outline, make_evidence
from feedback.outline import (
    SLOT_QUESTIONS,
    build_outline,
    empty_slots,
    outline_text,
    placeholder_line,
)

QUESTION = "Tell me about a time you made something faster."
STORY = (
    "Last spring our nightly import kept missing its deadline. I owned the fix. I traced the slow step "
    "to one lookup and um added a cache. As a result the import finished in 20 minutes instead of 3 hours."
)


def _span(text: str, piece: str, label: str) -> Evidence:
    start = text.index(piece)
    return make_evidence(text, start, start + len(piece), label)


def test_each_slot_is_the_persons_own_sentence() -> None:
    outline = score_answer(QUESTION, STORY, model="rules").outline
    assert outline is not None
    assert outline.situation == "Last spring our nightly import kept missing its deadline."
    assert outline.task == "I owned the fix."  # a task statement fills the task, not the actions
    assert outline.actions == ["I traced the slow step to one lookup and added a cache."]  # "um" left out
    assert outline.result == "As a result the import finished in 20 minutes instead of 3 hours."
    assert empty_slots(outline) == []


def test_an_action_that_carries_its_result_is_cut_at_the_clause() -> None:
    text = "I rewrote the build script myself, and builds dropped to four minutes from twenty."
    evidence = [
        _span(text, text, "action"),
        _span(text, text, "result"),
        _span(text, "four minutes", "metric"),
    ]
    outline = build_outline(text, evidence)
    assert outline.actions == ["I rewrote the build script myself"]
    assert outline.result == "Builds dropped to four minutes from twenty."


def test_a_measured_result_comes_before_an_unmeasured_one() -> None:
    text = "I shipped it. People liked it. Errors fell by 30 percent."
    evidence = [
        _span(text, "I shipped it.", "action"),
        _span(text, "People liked it.", "result"),
        _span(text, "Errors fell by 30 percent.", "result"),
        _span(text, "by 30 percent", "metric"),
    ]
    assert build_outline(text, evidence).result == "Errors fell by 30 percent. People liked it."


def test_missing_slots_are_null_and_read_as_the_question_to_answer() -> None:
    outline = score_answer(QUESTION, "I am a hard worker and I learn fast.", model="rules").outline
    assert outline == Outline(None, None, [], None)
    assert empty_slots(outline) == ["situation", "task", "actions", "result"]
    text = outline_text(outline)
    assert "Result: (what changed, and by how much?)" in text
    assert [placeholder_line(slot) for slot in SLOT_QUESTIONS] == text.splitlines()


def test_outline_text_lists_actions_one_a_line() -> None:
    outline = Outline(
        "We were late.", None, ["I called the client", "I cut the scope"], "We shipped on time."
    )
    assert outline_text(outline).splitlines() == [
        "Situation: We were late.",
        placeholder_line("task"),
        "Actions:",
        "- I called the client",
        "- I cut the scope",
        "Result: We shipped on time.",
    ]


def test_spans_outside_the_transcript_are_ignored() -> None:
    text = "I fixed it."
    broken = [Evidence(-1, -1, "", "action"), Evidence(3, 99, "", "result"), _span(text, text, "action")]
    assert build_outline(text, broken) == Outline(None, None, ["I fixed it."], None)


def test_the_json_has_the_outline_and_validates() -> None:
    data = score_answer(QUESTION, STORY, model="rules").to_dict()
    schema = json.loads(resources.files("feedback").joinpath("feedback.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert set(data["outline"]) == {"situation", "task", "actions", "result"}
    thin = score_answer(QUESTION, "I like computers.", model="rules").to_dict()
    jsonschema.validate(thin, schema)
    assert thin["outline"] == {"situation": None, "task": None, "actions": [], "result": None}


@pytest.mark.parametrize("answer", [STORY, "I like computers.", ""])
def test_the_outline_round_trips_and_old_rows_have_none(answer: str) -> None:
    result = score_answer(QUESTION, answer, model="rules")
    assert Feedback.from_dict(result.to_dict()) == result
    older = {key: value for key, value in result.to_dict().items() if key != "outline"}
    assert Feedback.from_dict(older).outline is None
    assert Feedback.from_dict({**older, "outline": "not an object"}).outline is None
