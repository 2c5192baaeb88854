"""Concrete examples: STAR stories with measurable results beat talk, however long the talk."""

from __future__ import annotations

from feedback import score_answer as _score_answer


def score_answer(*args, **kwargs):  # type: ignore[no-untyped-def]
    """These tests pin the rule evidence (reasons, statuses, tips and the rule bands); the learned blend on
    top is tested in test_feedback_learned.py."""
    return _score_answer(*args, model="rules", **kwargs)


Q = "Tell me about a time you solved a difficult problem."


def ex(text: str):
    return score_answer(Q, text).examples


def labels(text: str) -> set[str]:
    return {e.label for e in ex(text).evidence}


STAR_WITH_NUMBER = (
    "Last spring our support queue at the clinic was backing up and patients waited days for callbacks. "
    "I was asked to fix the triage process. I mapped every call type, I wrote a one-page script for the "
    "front desk, and I set up a shared callback list. Within a month the average callback time fell from "
    "three days to four hours."
)
GENERIC_CLAIM = (
    "I am a very hard worker and a natural problem solver. I always give one hundred percent and I am "
    "passionate about quality. People say I am a great team player who communicates well, and I "
    "genuinely believe that attitude is everything in a job like this one."
)


def test_star_answer_with_a_number_beats_a_generic_claim() -> None:
    star, generic = ex(STAR_WITH_NUMBER), ex(GENERIC_CLAIM)
    assert star.score >= 70
    assert generic.score <= 20
    assert {"situation", "action", "result", "metric"} <= labels(STAR_WITH_NUMBER)


def test_long_hypothetical_advice_scores_low() -> None:
    advice = (
        "If I faced a difficult problem I would first gather all the information. Then I would talk to "
        "the stakeholders and I would break the problem into smaller pieces. You should always test your "
        "assumptions and I would make sure to communicate clearly. I will document the outcome so that "
        "the team could learn from it, and I would follow up a week later to see how it went."
    )
    result = ex(advice)
    assert result.score <= 20
    assert "hypothetical" in labels(advice)
    assert any(t.startswith("Tell one real time you did this") for t in result.tips)


def test_numbers_that_are_not_results_do_not_count_as_metrics() -> None:
    text = (
        "I have 3 kids and in 2019 I joined a team of 8 engineers. I worked there for 4 years and I "
        "enjoyed it a lot."
    )
    assert "metric" not in labels(text)


def test_result_without_number_scores_below_result_with_number() -> None:
    base = "Our release process was slow. I automated the release checklist and I trained the team on it. "
    with_number = ex(base + "As a result releases went from two days to three hours.")
    without = ex(base + "As a result releases were much smoother.")
    assert with_number.score > without.score
    assert any("Quantify" in t for t in without.tips)


def test_action_without_result_gets_the_result_tip() -> None:
    text = (
        "At my previous job the onboarding docs were outdated. I rewrote the guide and I recorded "
        "short videos for each tool."
    )
    result = ex(text)
    assert any("Finish the story with what changed" in t for t in result.tips)


def test_we_only_story_scores_below_the_same_story_told_with_i() -> None:
    we = (
        "Last year our checkout page was slow. We profiled the queries, we added caching and we "
        "removed two heavy scripts. Load time went from 6 seconds to 2 seconds."
    )
    i = (
        we.replace("We profiled", "I profiled")
        .replace("we added", "I added")
        .replace("we removed", "I removed")
    )
    assert ex(i).score > ex(we).score
    assert "we_only" in labels(we)


def test_habitual_present_tense_is_not_a_story() -> None:
    text = (
        "I usually start by listening to everyone involved. I make sure I understand the root cause and "
        "I try to keep things calm. I typically write a plan and I share it with the team."
    )
    assert ex(text).score <= 20


def test_spoken_unpunctuated_story_still_finds_the_parts() -> None:
    text = (
        "so um at my last job we had this problem where the warehouse kept shipping wrong orders and "
        "my goal was to cut the errors so i walked the floor for a week and i relabeled every bin and "
        "then i trained the night shift on the new scanners and after that mis-picks dropped by 40 "
        "percent in two months"
    )
    result = ex(text)
    assert result.score >= 70
    assert {"situation", "task", "action", "result", "metric"} <= labels(text)


def test_levels_order_talk_experience_we_story_i_story() -> None:
    traits = ex("I'm a detail-oriented person and a strong communicator who loves solving problems.")
    routine = ex(
        "Every Friday I reconcile the petty cash log against the receipts and flag anything over $50."
    )
    background = ex(
        "I have spent six years in hotel front-office roles and I have run the night audit since 2020."
    )
    we_story = ex(
        "Last winter our lobby kept flooding. We rerouted the gutters and we sealed the doors, and "
        "complaints fell from 30 a month to 2."
    )
    i_story = ex("Last winter our lobby kept flooding. I rerouted the gutters and I sealed the doors myself.")
    i_story_metric = ex(
        "Last winter our lobby kept flooding. I rerouted the gutters and I sealed the doors, and "
        "complaints fell from 30 a month to 2."
    )
    assert traits.score < routine.score < i_story.score < i_story_metric.score
    assert traits.score < background.score < we_story.score + 15 < i_story.score + 15
    assert we_story.score < i_story.score
    assert "we_only" in {e.label for e in we_story.evidence}


def test_finding_out_about_the_employer_is_not_an_example() -> None:
    text = "I read your blog and I looked at the careers page, and I applied the same day."
    assert ex(text).score <= 10


def test_a_result_number_must_follow_the_actions() -> None:
    before_only = ex("Our clinic had 40 no-shows a week. I called every patient the day before their visit.")
    after = ex(
        "Our clinic had 40 no-shows a week. I called every patient the day before their visit, and "
        "no-shows dropped to 12 a week."
    )
    assert "metric" not in {e.label for e in before_only.evidence}
    assert "metric" in {e.label for e in after.evidence}
    assert after.score > before_only.score
