"""Alignment: requirements parsed from many posting formats, matched through synonyms, backed by stories."""

from __future__ import annotations

import pytest

from feedback import parse_job
from feedback import score_answer as _score_answer
from feedback.alignment import build_index, match_term
from feedback.text import normalise, tokenize


def score_answer(*args, **kwargs):  # type: ignore[no-untyped-def]
    """These tests pin the rule evidence (reasons, statuses, tips and the rule bands); the learned blend on
    top is tested in test_feedback_learned.py."""
    return _score_answer(*args, model="rules", **kwargs)


Q = "Tell me about a project you are proud of."

SECTIONED = """Platform Engineer at Orbitly

About us
Orbitly makes scheduling software for dental clinics.

Responsibilities
* Run our services on Kubernetes
* Keep the CI/CD pipeline fast

Requirements:
1. 3+ years with PostgreSQL or another relational database
2) Solid JavaScript skills

Nice to have
- Terraform
- Experience with electronic health records is a plus

Benefits
- $120k salary and a free gym
"""

PROSE = (
    "Kettle & Co is hiring a Customer Success Manager. You will run quarterly business reviews with our "
    "largest accounts and own renewals. Experience with Salesforce is required. We love dogs. "
    "Familiarity with Zendesk is a plus."
)

INLINE = """Title: Staff Nurse
Company: Lakeside Health
Requirements: current BLS certification; 2 years of ICU experience; charting in an EHR
"""


def test_sectioned_posting() -> None:
    job = parse_job(SECTIONED)
    assert job.title == "Platform Engineer"
    assert job.company == "Orbitly"
    texts = [r.text for r in job.requirements]
    assert "Run our services on Kubernetes" in texts
    assert not any("salary" in t or "dental" in t for t in texts)  # about/benefits are not requirements
    must = {r.text: r.must_have for r in job.requirements}
    assert must["Solid JavaScript skills"] is True
    assert must["Terraform"] is False
    assert must["Experience with electronic health records is a plus"] is False
    assert {"Kubernetes", "PostgreSQL", "Terraform"} <= set(job.terms)


def test_prose_only_posting() -> None:
    job = parse_job(PROSE)
    texts = [r.text for r in job.requirements]
    assert any("quarterly business reviews" in t for t in texts)
    assert any("Salesforce" in t for t in texts)
    assert not any("dogs" in t for t in texts)
    zendesk = next(r for r in job.requirements if "Zendesk" in r.text)
    assert zendesk.must_have is False
    assert job.company == "Kettle & Co"


def test_inline_fields_and_semicolon_lists() -> None:
    job = parse_job(INLINE)
    assert job.title == "Staff Nurse" and job.company == "Lakeside Health"
    assert len(job.requirements) == 3
    assert all(r.must_have for r in job.requirements)


def test_parse_job_is_cached_per_text() -> None:
    assert parse_job(SECTIONED) is parse_job(SECTIONED)


@pytest.mark.parametrize(
    ("term", "answer"),
    [
        ("Kubernetes", "we moved everything onto k8s last year"),
        ("PostgreSQL", "I tuned our Postgres indexes"),
        ("relational database", "I designed the schema in MySQL"),
        ("quarterly business reviews", "I ran QBRs with twelve accounts"),
        ("EHR", "I charted every shift in the electronic health records"),
        ("CI/CD", "I set up continuous integration for the app"),
        ("JavaScript", "most of my work was in JS"),
        ("Kubernetes", "I deployed it on Kubernetis"),  # a transcription slip
        ("dashboards", "I built a dashboard for the buyers"),
    ],
)
def test_synonyms_abbreviations_stems_and_fuzzy(term: str, answer: str) -> None:
    credit, spans = match_term(term, build_index(tokenize(normalise(answer))))
    assert credit >= 0.8, (term, answer)
    assert spans


@pytest.mark.parametrize(
    ("term", "answer"),
    [("Terraform", "I deployed it on k8s"), ("Kubernetes", "I ran the meeting"), ("SQL", "I used Excel")],
)
def test_unrelated_terms_do_not_match(term: str, answer: str) -> None:
    credit, _ = match_term(term, build_index(tokenize(normalise(answer))))
    assert credit == 0


def test_sibling_is_only_partial_credit() -> None:
    credit, _ = match_term("PostgreSQL", build_index(tokenize(normalise("I used MySQL"))))
    assert 0 < credit < 0.8


def test_answer_naming_required_skills_beats_one_naming_none() -> None:
    naming = score_answer(
        Q,
        "I migrated our billing service to Kubernetes and I moved the data to Postgres. "
        "I also sped up the CI/CD pipeline from 40 to 12 minutes.",
        SECTIONED,
    ).alignment
    none = score_answer(
        Q, "I organised a charity bake sale and we raised money for the local shelter.", SECTIONED
    ).alignment
    assert naming.score >= 60
    assert none.score <= 10
    statuses = {r.text: r.status for r in naming.requirements}
    assert statuses["Run our services on Kubernetes"] == "covered"
    assert any(t for t in none.tips)


def test_example_backed_requirement_beats_bare_claim() -> None:
    story = score_answer(
        Q,
        "At my last job I moved our reporting database to PostgreSQL and I rewrote the slow queries.",
        SECTIONED,
    ).alignment
    claim = score_answer(
        Q, "I know PostgreSQL and I have experience with relational databases.", SECTIONED
    ).alignment
    assert story.score > claim.score
    pg_story = next(r for r in story.requirements if "PostgreSQL" in r.text)
    pg_claim = next(r for r in claim.requirements if "PostgreSQL" in r.text)
    assert pg_story.backed_by_example and not pg_claim.backed_by_example
    assert any("Show the posting's" in t and "PostgreSQL" in t for t in claim.tips)


def test_requirement_evidence_points_at_the_matching_words() -> None:
    answer = "I ran k8s clusters for three years."
    res = score_answer(Q, answer, SECTIONED).alignment
    k8s = next(r for r in res.requirements if "Kubernetes" in r.text)
    assert k8s.evidence and k8s.evidence[0].text == "k8s"
    assert all(e.label == "requirement" for e in k8s.evidence)


def test_bare_skill_list_is_a_touch_not_evidence() -> None:
    res = score_answer(Q, "Kubernetes, PostgreSQL, JavaScript, Terraform. I've used all of them.", SECTIONED)
    assert 25 <= res.alignment.score < 60
    assert all(r.status != "covered" for r in res.alignment.requirements)


def test_company_facts_are_not_a_touch() -> None:
    res = score_answer(Q, "Your platform runs on Kubernetes and your data lives in PostgreSQL.", SECTIONED)
    assert res.alignment.score == 0


def test_two_requirements_shown_in_use_reach_the_top_band() -> None:
    one = score_answer(
        Q, "Last year I moved our reporting database to Postgres and I rewrote the slow queries.", SECTIONED
    ).alignment
    two = score_answer(
        Q,
        "Last year I moved our reporting database to Postgres and I deployed the new API "
        "on Kubernetes myself.",
        SECTIONED,
    ).alignment
    assert one.score < 70 <= two.score


def test_routine_counts_as_evidence() -> None:
    text = "Every morning I check the Kubernetes dashboards and I review the Postgres slow query log."
    assert score_answer(Q, text, SECTIONED).alignment.score >= 70


def test_naming_the_job_title_is_not_a_requirement() -> None:
    job = "Registered Nurse\n\nRequirements:\n- Nursing care for 5 patients\n- BLS certification\n"
    assert score_answer(Q, "I'm a nurse and I like being a nurse.", job).alignment.score == 0


@pytest.mark.parametrize(
    ("term", "heard"),
    [
        ("dbt", "I rebuilt the models in dee bee tee last spring"),
        ("dbt", "I rebuilt the models in D-B-T last spring"),
        ("SQL", "I rewrote the report in S.Q.L. by hand"),
        ("AWS", "I moved the jobs to a w s over a weekend"),
        ("Snowflake", "I moved the warehouse to snow flake"),
        ("PostgreSQL", "I tuned the post gres indexes"),
    ],
)
def test_a_name_is_found_however_the_recogniser_spelled_it(term: str, heard: str) -> None:
    credit, spans = match_term(term, build_index(tokenize(normalise(heard))))
    assert credit == 1.0
    assert spans


@pytest.mark.parametrize(
    ("term", "heard"),
    [
        ("insight", "we kept the goal in sight all year"),  # "in" is a function word, never half a name
        ("CU", "I said see you to the team"),  # "see" and "you" are words, not letters
        ("dbt", "I asked the bee keeper"),  # one letter name alone is no acronym
    ],
)
def test_ordinary_words_are_not_read_as_spelled_names(term: str, heard: str) -> None:
    credit, _ = match_term(term, build_index(tokenize(normalise(heard))))
    assert credit == 0.0
