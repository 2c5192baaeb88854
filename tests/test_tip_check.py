"""A retry is judged against the tip it worked on, from the new answer's own evidence (invented answers)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from feedback import TranscriptQuality, Word, score_answer
from feedback.tip_check import check_tip

STORY_Q = "Tell me about a time you fixed a slow process."
WHY_Q = "Why do you want to work here?"
JOB = (
    "Operations Analyst at Brightwell\nRequirements:\n- Experience with SQL reporting\n- Vendor negotiation\n"
)

NO_NUMBER = (
    "Our month-end close at the warehouse took too long. I mapped every step, I removed the duplicate "
    "approvals and I automated the stock report. After that the close was much faster."
)
WITH_NUMBER = (
    "Our month-end close at the warehouse took too long. I mapped every step, I removed the duplicate "
    "approvals and I automated the stock report. After that the close took two days instead of six, "
    "a 66 percent cut."
)
WE_ONLY = (
    "Our month-end close took too long. We mapped every step, we removed the duplicate approvals and we "
    "automated the stock report, and we were really happy with how we did it as a group."
)
NO_ENDING = (
    "Our month-end close at the warehouse took too long. I mapped every step, then I removed the duplicate "
    "approvals, and I automated the stock report."
)
PLAN = "I would map every step first, and then I would remove the approvals that are not needed."


def score(answer: str, question: str = STORY_Q, job: str | None = None, **kwargs) -> object:
    return score_answer(question, answer, job, model="rules", **kwargs)


def test_a_measurable_result_now_present_is_followed() -> None:
    assert check_tip("measurable_result", score(WITH_NUMBER)).verdict == "yes"
    verdict = check_tip("measurable_result", score(NO_NUMBER))
    assert verdict.verdict == "no" and "number" in verdict.reason


def test_a_result_now_told_is_followed() -> None:
    assert check_tip("result", score(NO_ENDING)).verdict == "no"
    followed = check_tip("result", score(WITH_NUMBER))
    assert followed.verdict == "yes" and "“" in followed.reason  # quotes the new answer's words


def test_first_person_actions_now_present() -> None:
    assert check_tip("personal_action", score(WE_ONLY)).verdict == "no"
    assert check_tip("personal_action", score(NO_NUMBER)).verdict == "yes"


def test_a_real_example_instead_of_a_plan() -> None:
    planned = check_tip("real_example", score(PLAN))
    assert planned.verdict == "no" and "would" in planned.reason
    assert check_tip("real_example", score(NO_NUMBER)).verdict == "yes"
    assert check_tip("one_story", score(PLAN)).verdict == "no"
    assert check_tip("one_story", score(WE_ONLY)).verdict == "yes"


def test_hedges_gone_from_the_reason() -> None:
    hedged = "I guess I want to work at Brightwell because I suppose the reporting work is interesting."
    plain = "I want to work at Brightwell because your reporting work is exactly what I love doing."
    assert check_tip("drop_hedges", score(hedged, WHY_Q, JOB)).verdict == "no"
    assert check_tip("drop_hedges", score(plain, WHY_Q, JOB)).verdict == "yes"


def test_naming_the_company() -> None:
    generic = "I am excited about this role and I really want to join a great team."
    only_named = "I am excited to join Brightwell and I really want to be part of the team."
    particular = (
        "Brightwell's mission of making warehouses waste less is why I applied: I want to own the SQL "
        "reporting that shows where stock is wasted."
    )
    assert check_tip("specific_reason", score(generic, WHY_Q, JOB)).verdict == "no"
    assert (
        check_tip("specific_reason", score(only_named, WHY_Q, JOB)).verdict == "no"
    )  # named, nothing particular
    followed = check_tip("specific_reason", score(particular, WHY_Q, JOB))
    assert followed.verdict == "yes" and "SQL reporting" in followed.reason
    assert check_tip("company_reason", score("It pays well.", WHY_Q, JOB)).verdict == "no"


def test_pace_needs_timing_and_fillers_count_per_minute() -> None:
    typed = score(NO_NUMBER)
    assert check_tip("pace", typed).verdict == "not_judged"
    words = [Word(w, i * 0.2, i * 0.2 + 0.15) for i, w in enumerate(NO_NUMBER.split())]  # 300 wpm
    fast = score(NO_NUMBER, words=words, duration_s=len(words) * 0.2)
    assert check_tip("pace", fast).verdict == "no"
    calm = [Word(w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(NO_NUMBER.split())]  # 150 wpm
    assert check_tip("pace", score(NO_NUMBER, words=calm, duration_s=len(calm) * 0.4)).verdict == "yes"
    um = "Um, so, um, our close was, um, slow. Um, I fixed it, uh, by, um, automating the report."
    assert check_tip("fillers", score(um)).verdict == "no"
    assert check_tip("fillers", score(NO_NUMBER)).verdict == "yes"


def test_job_tips_are_judged_only_with_a_job() -> None:
    assert check_tip("tie_to_job", score(NO_NUMBER)).verdict == "not_judged"
    sql = (
        "Our weekly stock report was wrong every month. I rewrote the SQL reporting queries and I checked "
        "them against the ledger, and the errors stopped."
    )
    assert check_tip("tie_to_job", score("I like working hard.", job=JOB)).verdict == "no"
    assert check_tip("tie_to_job", score(sql, job=JOB)).verdict == "yes"


def test_untrusted_takes_empty_answers_and_unknown_tips_are_not_judged() -> None:
    unsure = replace(score(WITH_NUMBER), quality=TranscriptQuality(2.0, "low", "mostly noise"))
    assert check_tip("measurable_result", unsure).verdict == "not_judged"
    assert check_tip("result", score("")).verdict == "not_judged"
    assert check_tip("other", score(WITH_NUMBER)).verdict == "not_judged"


@pytest.mark.slow
def test_no_answer_is_judged_to_follow_a_tip_it_was_given() -> None:
    """On every dev-set answer (scored with the shipped model), each tip it got is judged not followed by
    that same answer: the check and the scorer agree on what the tip asks for."""
    dev = Path(__file__).parent.parent / "eval" / "dev"
    given = 0
    for line in (dev / "answers.jsonl").read_text().splitlines():
        row = json.loads(line)
        job = (dev / row["job"]).read_text() if row.get("job") else None
        result = score_answer(row["question"], row["text"], job)
        for tip, kind in zip(result.tips, result.tip_kinds, strict=True):
            given += 1
            assert check_tip(kind, result, tip).verdict != "yes", (row["id"], tip)
    assert given >= 30
