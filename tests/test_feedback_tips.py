"""Tips never ask for what the answer already does, nor for a story where none was asked for."""

from __future__ import annotations

from feedback import score_answer
from feedback.examples import action_clauses
from feedback.text import normalise, split_sentences

JOB = """Account Manager at Corvel Analytics

Responsibilities
- Run quarterly business reviews with customer executives
- Handle escalations and coordinate with support and engineering
Requirements
- Three years managing enterprise accounts
"""

SHORT = "The answer was short"  # the length tip, which must not be given to a complete short answer

FOUR_ACTIONS = (
    "Last year our biggest customer was about to churn. I flew out to their office, ran a business review with "
    "their COO, found the reporting gap that was hurting them and set up weekly calls with their analysts."
)


def test_actions_are_counted_per_clause_not_per_sentence() -> None:
    sentences = split_sentences(normalise(FOUR_ACTIONS))
    assert action_clauses(FOUR_ACTIONS, sentences[1:]) >= 4
    fb = score_answer("Tell me about a time you saved an account.", FOUR_ACTIONS, JOB)
    assert not any("Spell out two or three concrete steps" in t for t in fb.tips)


def test_no_story_tips_for_motivation_or_background_questions() -> None:
    why = score_answer(
        "Why do you want to work at Corvel?",
        "Your reporting product is the one my last team relied on, and I want to help customers get that value.",
        JOB,
    )
    about = score_answer(
        "Tell me about yourself.",
        "I have been an account manager for four years, first at a logistics startup and now at a payroll firm.",
        JOB,
    )
    for fb in (why, about):
        assert fb.examples.tips == []
        assert not any(t.startswith(SHORT) for t in fb.tips)


def test_no_open_with_context_tip_and_no_short_tip_for_a_complete_short_story() -> None:
    story = (
        "In March a customer's invoices doubled by mistake. I escalated it to engineering with the exact rows, "
        "called the customer every hour and sent the refund myself. They renewed for 40 percent more seats."
    )
    fb = score_answer("Tell me about an escalation you handled.", story, JOB)
    assert not any(t.startswith("Open with one sentence of context") for t in fb.tips + fb.examples.tips)
    assert not any(t.startswith(SHORT) for t in fb.tips)


def test_a_specific_reason_said_in_spoken_style_counts_as_enthusiasm() -> None:
    job = (
        "Product Designer at Loomwell\n"
        "Loomwell makes a budgeting app for freelancers that splits every payment into tax, savings and spending.\n\n"
        "What you'll do\n- Design new features for the mobile app\nRequirements\n- Figma\n"
    )
    spoken = (
        "um so honestly like the reason is i freelanced for like four years you know and the tax bill every april "
        "basically wrecked me and your app is the first thing i've seen that like splits the payment the moment it "
        "lands so um i really want to work on that like the splitting flow because i know how scary that bill is"
    )
    fb = score_answer("Why do you want to work at Loomwell?", spoken, job)
    assert fb.enthusiasm.score is not None and fb.enthusiasm.score >= 70
    assert not any(t.startswith(("Close with why", "Make it specific")) for t in fb.tips)


def test_a_requirement_done_in_other_word_forms_is_evidenced() -> None:
    story = (
        "Last March a customer was double-billed for a whole quarter. I escalated the bug to the engineers with "
        "the exact invoices and logs, and I called the customer every hour until the fix shipped that evening."
    )
    fb = score_answer("Tell me about a difficult customer situation.", story, JOB)
    statuses = {r.text: r.status for r in fb.alignment.requirements}
    assert statuses["Handle escalations and coordinate with support and engineering"] == "covered"
    assert not any(t.startswith("Tie the answer to the job") for t in fb.tips)
