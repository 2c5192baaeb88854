"""Enthusiasm: specific, reasoned interest beats generic politeness, hedges and self-serving motives."""

from __future__ import annotations

from feedback import score_answer as _score_answer


def score_answer(*args, **kwargs):  # type: ignore[no-untyped-def]
    """These tests pin the rule evidence (reasons, statuses, tips and the rule bands); the learned blend on
    top is tested in test_feedback_learned.py."""
    return _score_answer(*args, model="rules", **kwargs)


Q = "Why do you want to work here?"
JOB = """Mobile Engineer - Fernway
Fernway builds a language-learning app for refugees and new arrivals.

Requirements:
- Experience with Swift or Kotlin
- Offline-first mobile apps
"""


def en(text: str, job: str | None = JOB):
    return score_answer(Q, text, job).enthusiasm


def test_specific_mission_with_a_reason_beats_salary() -> None:
    mission = en(
        "I'm excited about your mission because my parents arrived here without speaking the language, "
        "and I want to build the offline lessons that would have helped them."
    )
    salary = en("Honestly the salary is good and the office is close to my home.")
    assert mission.score >= 60
    assert salary.score <= 25
    assert mission.score > salary.score + 35
    assert any(e.label == "anti_enthusiasm" for e in salary.evidence)


def test_negated_interest_scores_low() -> None:
    text = "I'm not really excited about mobile work, but I guess it seems fine for now."
    result = en(text)
    assert result.score <= 15
    assert any("hedge" in t.lower() or "plainly" in t for t in result.tips)


def test_generic_politeness_earns_little() -> None:
    generic = en("It seems like a great company and I think I would be a good fit. Thank you for having me.")
    specific = en(
        "I'd love to work on Fernway's offline-first lessons because I spent two years building "
        "offline sync in Kotlin and I care about people who arrive with nothing."
    )
    assert generic.score < 40
    assert specific.score > generic.score + 25


def test_company_name_and_job_terms_count_as_specific() -> None:
    named = en(
        "I'm really drawn to Fernway, especially the offline-first approach for people with patchy data."
    )
    unnamed = en("I'm really drawn to this role, it sounds interesting.")
    assert named.score > unnamed.score


def test_any_job_motive_is_never_specific_even_when_said_warmly() -> None:
    warm = en("I'm so excited! I really need a job right now and this one pays well, so any job is great.")
    assert warm.score < 40
    assert any(e.label == "anti_enthusiasm" and "pays well" in e.text for e in warm.evidence)
    assert en("I need a job and the pay is good.").score <= 10


def test_cant_wait_is_positive_not_negated() -> None:
    assert (
        en("I can't wait to help Fernway reach more families because language opened doors for me.").score
        >= 50
    )


def test_without_job_a_named_product_still_counts() -> None:
    text = (
        "I love your product because it made my own team faster, and I want to help build the next version."
    )
    assert en(text, None).score >= 50


def test_levels_none_generic_specific() -> None:
    none = en("I migrated the build to Gradle and cut build time from 12 minutes to 4.")
    polite = en("I migrated the build to Gradle. Thanks for taking the time to talk with me today.")
    specific = en(
        "I want to help Fernway ship offline lessons, because patchy data is the reality for the "
        "families your app serves."
    )
    assert none.score <= 10
    assert 30 <= polite.score <= 60
    assert specific.score >= 70


def test_passion_for_a_philosophy_is_not_interest_in_the_employer() -> None:
    text = "I'm passionate about clean architecture and I believe in empowering teams to own outcomes."
    assert en(text).score <= 10


def test_negated_phrasings() -> None:
    for text in (
        "I wouldn't say I'm excited about it.",
        "Honestly I'm not, really, that interested in mobile.",
        "I can do this kind of work anywhere.",
    ):
        assert en(text).score <= 10, text


def test_spoken_style_enthusiasm() -> None:
    text = (
        "um so honestly what drew me is the offline first lessons like i grew up translating for my "
        "parents and i want to build that for fernway"
    )
    assert en(text).score >= 70
