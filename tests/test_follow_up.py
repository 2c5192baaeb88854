"""The follow-up an interviewer asks back: one reason per kind of gap, in the spec's priority order."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from feedback import Feedback, score_answer
from feedback.follow_up import question_asks

JOB = """Harbour Freight Analytics - Logistics Analyst

Requirements:
- Advanced Excel, including pivot tables
- Writing SQL queries against a warehouse database
- Carrier rate negotiation

Nice to have:
- Tableau dashboards
"""


def _follow(question: str, answer: str, job: str | None = JOB) -> dict | None:
    return score_answer(question, answer, job, model="rules").to_dict()["follow_up"]


def test_a_plan_instead_of_a_story_asks_for_a_real_time() -> None:
    fu = _follow(
        "Tell me about a time you cut shipping costs.",
        "I would start by pulling every invoice, then I would compare the lanes and call the carriers.",
    )
    assert fu == {
        "question": "Can you walk me through one real time you actually did that?",
        "reason": "example",
        "requirement": None,
    }


def test_a_habit_is_no_episode_either() -> None:
    fu = _follow(
        "Describe a situation where you caught a costly error.",
        "I always double check the totals and I never send a report before a second look.",
    )
    assert fu is not None and fu["reason"] == "example"


def test_a_we_only_story_asks_what_the_person_did() -> None:
    fu = _follow(
        "Tell me about a time you cut shipping costs.",
        "Last spring our freight bill jumped. We renegotiated the contracts with two carriers and we moved "
        "the small orders to parcel. The bill went down by 18 percent.",
    )
    assert fu is not None and fu["reason"] == "personal"
    assert fu["question"] == "What did you personally do?"


def test_a_story_without_a_number_asks_for_the_outcome() -> None:
    fu = _follow(
        "Tell me about a time you cut shipping costs.",
        "Last spring our freight bill jumped. I pulled the invoices into a pivot table, found two lanes we "
        "overpaid on and I called the carriers to renegotiate. My manager was really pleased.",
    )
    assert fu is not None and fu["reason"] == "result"


def test_a_story_with_a_measured_result_needs_no_follow_up() -> None:
    fu = _follow(
        "Tell me about a time you cut shipping costs.",
        "Last spring our freight bill jumped. I pulled the invoices into a pivot table, found two lanes we "
        "overpaid on and I called the carriers to renegotiate. The monthly bill fell from 52,000 to 41,000 "
        "dollars.",
    )
    assert fu is None


def test_generic_motivation_asks_what_draws_them_to_the_company_by_name() -> None:
    fu = _follow("Why do you want to work here?", "It seems like a great company and the pay is good.")
    assert fu is not None and fu["reason"] == "motivation"
    assert fu["question"] == "What in particular draws you to Harbour Freight Analytics?"


def test_motivation_without_a_company_name_says_this_role() -> None:
    fu = _follow("Why do you want this job?", "It seems like a great place to grow.", job=None)
    assert fu is not None and fu["question"] == "What in particular draws you to this role?"


def test_a_fit_answer_without_any_must_have_asks_about_one_from_the_posting() -> None:
    fu = _follow(
        "Tell me about yourself.",
        "I'm a friendly, curious person. I love puzzles, long walks and cooking for my friends.",
    )
    assert fu is not None and fu["reason"] == "requirement"
    assert fu["requirement"] in {
        "Advanced Excel, including pivot tables",
        "Writing SQL queries against a warehouse database",
        "Carrier rate negotiation",
    }
    assert fu["question"].startswith("Could you say more about your own experience with ")


def test_a_fit_answer_that_names_a_must_have_gets_no_requirement_follow_up() -> None:
    fu = _follow(
        "Tell me about yourself.",
        "I'm an analyst; I write SQL queries against our warehouse database every day and I build pivot "
        "tables in Excel for the ops team.",
    )
    assert fu is None or fu["reason"] != "requirement"


def test_logistics_questions_get_no_follow_up() -> None:
    assert _follow("When could you start?", "In two weeks, after my notice period.") is None
    assert question_asks("Do you have any questions for us?") == "none"


def test_question_kinds_for_follow_ups() -> None:
    assert question_asks("Tell me about a time you disagreed with your manager.") == "example"
    assert question_asks("Why should we hire you?") == "fit"
    assert question_asks("What are your greatest strengths?") == "fit"
    assert question_asks("Why Harbour?") == "motivation"
    assert question_asks("What draws you to logistics?") == "motivation"
    assert question_asks("What would you do if a shipment went missing?") is None
    # a scenario worded like a story question asks for a plan
    assert question_asks("A truck breaks down at night. Walk me through how you would respond.") is None
    assert question_asks("Why did you become an analyst?") == "motivation"
    assert question_asks("Tell me about a time a plan failed. What would you do differently?") == "example"
    assert question_asks("Tell me about your role in a project that went wrong.") == "example"
    assert question_asks("What kind of analyst are you?") == "fit"


def test_a_plan_for_a_scenario_question_gets_no_example_follow_up() -> None:
    fu = _follow(
        "A carrier cancels the morning pickup. Walk me through your approach.",
        "I would call the two backup carriers first, then I would tell the customer the new time.",
    )
    assert fu is None or fu["reason"] != "example"


def test_a_backstory_in_a_specific_why_us_answer_needs_no_story_follow_up() -> None:
    fu = _follow(
        "Why Harbour Freight Analytics?",
        "I read your post on the carrier scorecard you publish every quarter, and I loved that you share it "
        "with the carriers themselves. I want to help build the next version of that scorecard here.",
    )
    assert fu is None


def test_an_empty_answer_has_no_follow_up() -> None:
    assert _follow("Tell me about a time you cut costs.", "") is None


def test_the_follow_up_is_in_the_json_contract_and_reads_back() -> None:
    fb = score_answer("Why this company?", "It is a great company.", JOB, model="rules")
    data = fb.to_dict()
    schema = json.loads(resources.files("feedback").joinpath("feedback.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert data["follow_up"]["reason"] == "motivation"
    assert Feedback.from_dict(data) == fb
    old = {k: v for k, v in data.items() if k != "follow_up"}
    assert Feedback.from_dict(old).follow_up is None


@pytest.mark.parametrize("bad", [{"question": "Why?", "reason": "mood"}, {"reason": "result"}, "text"])
def test_a_malformed_stored_follow_up_reads_as_none(bad: object) -> None:
    data = score_answer("Why this company?", "It is a great company.", JOB, model="rules").to_dict()
    data["follow_up"] = bad
    assert Feedback.from_dict(data).follow_up is None


@pytest.mark.parametrize(
    "answer",
    [
        "I've handled plenty of late shipments over the years. I always stay calm and keep the customer posted.",
        "Honestly I think the key is honesty. People forgive a delay, they do not forgive surprises.",
        "Every Monday I review the late loads from the week before and I call the worst carrier.",
    ],
)
def test_a_vague_reference_a_philosophy_or_a_routine_is_no_example(answer: str) -> None:
    fu = _follow("Tell me about a time a shipment went badly wrong.", answer)
    assert fu is not None and fu["reason"] == "example"
