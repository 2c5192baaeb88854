"""An edited outline saved as a story (practice/prep/stories.py), and the outline of a result stored before
outlines existed (practice/core/feedback_view.outline_of)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from feedback import score_answer
from feedback.outline import outline_text
from practice.core.feedback_view import outline_of
from practice.core.records import AttemptRecord
from practice.prep.stories import StoryError, parse_story, render_story, story_from_outline

QUESTION = "Tell me about a time you fixed a performance problem."
ANSWER = (
    "Last year our checkout page timed out during sales. I profiled the PostgreSQL queries and added two "
    "indexes. As a result latency dropped by 80 percent."
)


def _attempt(feedback: dict) -> AttemptRecord:
    return AttemptRecord(
        "s1", "perf", QUESTION, 1, datetime(2026, 1, 26, tzinfo=UTC), transcript=ANSWER, feedback=feedback
    )


def test_an_older_result_gets_the_same_outline_from_its_evidence() -> None:
    result = score_answer(QUESTION, ANSWER)
    older = {k: v for k, v in result.to_dict().items() if k != "outline"}
    attempt = _attempt(older)
    assert attempt.result is not None and attempt.result.outline is None
    assert outline_of(attempt.result) == result.outline


def test_an_edited_outline_is_saved_without_its_unanswered_questions() -> None:
    result = score_answer(QUESTION, ANSWER)
    assert result.outline is not None and result.outline.task is None
    text = outline_text(result.outline)
    story = story_from_outline(_attempt(result.to_dict()), "Checkout latency", text + "\nI would add alerts.")
    assert "Task:" not in story.body and story.body.startswith("Situation: Last year")
    assert story.body.endswith("I would add alerts.") and story.question == QUESTION
    assert parse_story(render_story(story)).body == story.body  # a story file like any other


def test_an_outline_with_nothing_in_it_is_refused_with_what_to_do() -> None:
    empty = outline_text(score_answer(QUESTION, "I like computers.").outline)  # type: ignore[arg-type]
    with pytest.raises(StoryError, match="fill in at least one part"):
        story_from_outline(_attempt(score_answer(QUESTION, ANSWER).to_dict()), "T", empty)
