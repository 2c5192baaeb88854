"""The person's questions for the interviewer: feedback.asked finds the one about the team's pressing problem,
in written and spoken phrasings, and not in statements, questions about other things, or about the person."""

from __future__ import annotations

import pytest

from feedback.asked import pressing_problem_question

ASKS = [
    "What is the biggest challenge the team is facing right now?",
    "What are the team's priorities for the next six months?",
    "What keeps you up at night about this product?",
    "Which problem would you want the new person to fix first?",
    "Could you tell me about the main pain points in the current release process?",
    "I'd love to hear what the hardest part of the roadmap is this year.",
    # spoken, as a transcript has it: no question mark, fillers first
    "um so what's like the toughest thing the team is dealing with at the moment",
    "okay and I was wondering what the biggest bottleneck is for you all",
    "yeah my question is what you would need someone to tackle in their first month",
    "How did the team decide on its priorities this quarter? And who owns them?",
    "I am curious what the team goals are for the next year",
    "So what is the biggest thing on your plate right now?",
]

DOES_NOT = [
    "",
    "I don't have any questions, you covered everything.",
    "What is the salary range for this role?",
    "What does a typical day look like for the team?",
    "How soon will I hear back about the next steps?",
    # statements about the person's own past, written or spoken
    "The biggest challenge in my last job was migrating our billing system.",
    "what I found hardest was keeping everyone aligned on priorities",
    "We had a lot of problems with flaky tests, so I rewrote the suite.",
    # about the person, not the team
    "Do you have any concerns about my background?",
    "Is there any problem with my application?",
    # the customers' problems the product solves, not the team's own
    "What problems does your product solve for customers?",
]


@pytest.mark.parametrize("text", ASKS)
def test_a_question_about_the_teams_problems_is_found(text: str) -> None:
    found = pressing_problem_question(text)
    assert found is not None
    assert found in text  # as the person said it, for the review to quote


@pytest.mark.parametrize("text", DOES_NOT)
def test_other_questions_and_statements_are_not(text: str) -> None:
    assert pressing_problem_question(text) is None


def test_the_problem_question_is_picked_out_among_others() -> None:
    text = (
        "What does success look like in the first ninety days? "
        "And what's the most pressing problem your team needs solved this year? "
        "Also, is the role hybrid?"
    )
    assert pressing_problem_question(text) == (
        "And what's the most pressing problem your team needs solved this year?"
    )
