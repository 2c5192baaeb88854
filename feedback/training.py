"""Fitting the learned scores, and measuring them honestly (leave-one-posting-out cross-validation).

Offline only: it needs scikit-learn (the `test` extra), which the scorer itself never imports. The model
is a multinomial logistic regression per dimension on standardised features; the regularisation strength
is fixed rather than searched, so the cross-validation figures are not tuned on their own folds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .learned import MODEL_VERSION, DimensionModel, ScoreModel, Tree, TreeModel
from .metrics import pairwise_accuracy, spearman

# which features each dimension may use: a dimension is judged on its own (the rubric's rule 2), so an
# enthusiasm model must not learn that good stories tend to come with enthusiasm in the training answers
FEATURES: dict[str, tuple[str, ...]] = {
    "examples": (
        "log_words",
        "q_behavioral",
        "q_motivation",
        "ex_rule",
        "ex_i_actions",
        "ex_we_actions",
        "ex_we_only",
        "ex_metric",
        "ex_result",
        "ex_situation",
        "ex_task",
        "ex_experience",
        "ex_hypothetical",
        "ex_generic",
    ),
    "enthusiasm": (
        "log_words",
        "q_behavioral",
        "q_motivation",
        "en_rule",
        "en_positive",
        "en_negative",
        "en_hedge",
        "en_sim_specific",
        "en_sim_generic",
        "en_sim_self",
        "en_sim_indifferent",
        "en_sim_about",
        "en_company_named",
        "en_context_words",
    ),
    "alignment": (
        "log_words",
        "q_behavioral",
        "q_motivation",
        "al_rule",
        "al_covered",
        "al_partial",
        "al_must_covered",
        "al_sim_1",
        "al_sim_2",
        "al_sim_3",
        "al_n_sim_35",
        "al_n_sim_45",
        "al_must_sim",
        "al_act_1",
        "al_act_2",
        "al_n_act_40",
        "al_n_act_30",
        "al_other_field",
        "ex_i_actions",
        "ex_we_only",
        "ex_hypothetical",
        "ex_experience",
    ),
}
WORDS_ONLY = {
    dim: tuple(f for f in feats if "_sim_" not in f and not f.endswith("_sim"))
    for dim, feats in FEATURES.items()
}
C = 0.5  # L2 strength: a few hundred answers, a dozen features
# boosted trees: shallow (depth two) and few, on a subsample each round, so a few hundred answers are enough;
# fixed here, not searched on the cross-validation folds
TREES, DEPTH, RATE, SUBSAMPLE = 60, 2, 0.1, 0.8
MODEL_KIND = "trees"


@dataclass
class Example:
    features: dict[str, float]
    labels: dict[str, int | None]
    group: str  # the posting: cross-validation leaves a whole posting out


def fit_dimension(rows: Sequence[Example], dim: str, names: tuple[str, ...]) -> DimensionModel:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    used = [r for r in rows if r.labels.get(dim) is not None]
    x = np.array([[r.features.get(n, 0.0) for n in names] for r in used])
    y = np.array([r.labels[dim] for r in used])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    clf = LogisticRegression(C=C, max_iter=5000)
    clf.fit((x - mean) / scale, y)
    coef = clf.coef_
    intercept = clf.intercept_
    classes = [int(c) for c in clf.classes_]
    if len(classes) == 2:  # binary: sklearn keeps one row; the softmax needs one per class
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return DimensionModel(
        names,
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(classes),
        tuple(tuple(float(v) for v in row) for row in coef),
        tuple(float(v) for v in intercept),
    )


def fit_trees(rows: Sequence[Example], dim: str, names: tuple[str, ...]) -> TreeModel:
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

    used = [r for r in rows if r.labels.get(dim) is not None]
    x = np.array([[r.features.get(n, 0.0) for n in names] for r in used])
    y = np.array([r.labels[dim] for r in used])
    clf = GradientBoostingClassifier(
        n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE, subsample=SUBSAMPLE, random_state=0
    )
    clf.fit(x, y)
    stages = tuple(
        tuple(
            Tree(
                tuple(int(v) for v in est.tree_.feature),
                tuple(float(v) for v in est.tree_.threshold),
                tuple(int(v) for v in est.tree_.children_left),
                tuple(int(v) for v in est.tree_.children_right),
                tuple(float(v) for v in est.tree_.value[:, 0, 0]),
            )
            for est in stage
        )
        for stage in clf.estimators_
    )
    # the start values, recovered through the public decision function: raw = init + rate * sum(trees)
    raw = np.atleast_2d(clf.decision_function(x[:1]))
    if raw.shape[0] != 1:
        raw = raw.T
    partial = [sum(RATE * stage[k].predict(list(x[0])) for stage in stages) for k in range(len(stages[0]))]
    init = tuple(float(raw[0][k] - partial[k]) for k in range(len(partial)))
    return TreeModel(names, tuple(int(c) for c in clf.classes_), init, RATE, stages)


def fit_model(rows: Sequence[Example], dim: str, names: tuple[str, ...]) -> DimensionModel | TreeModel:
    return fit_trees(rows, dim, names) if MODEL_KIND == "trees" else fit_dimension(rows, dim, names)


def fit(
    rows: Sequence[Example], feature_sets: dict[str, tuple[str, ...]] = FEATURES, meta: dict | None = None
) -> ScoreModel:
    return ScoreModel(
        MODEL_VERSION, {d: fit_model(rows, d, names) for d, names in feature_sets.items()}, meta or {}
    )


@dataclass
class Agreement:
    n: int
    rho: float
    pairacc: float


def agreement(scores: Sequence[float], labels: Sequence[int]) -> Agreement:
    if len(scores) < 3:
        return Agreement(len(scores), math.nan, math.nan)
    return Agreement(
        len(scores), spearman(list(scores), list(labels)), pairwise_accuracy(list(scores), list(labels))
    )


def cross_validate(
    rows: Sequence[Example], feature_sets: dict[str, tuple[str, ...]] = FEATURES
) -> dict[str, Agreement]:
    """Leave one posting out: each posting's answers are scored by a model fitted on all the others."""
    out: dict[str, Agreement] = {}
    groups = sorted({r.group for r in rows})
    for dim, names in feature_sets.items():
        scores: list[float] = []
        labels: list[int] = []
        for g in groups:
            train = [r for r in rows if r.group != g]
            test = [r for r in rows if r.group == g and r.labels.get(dim) is not None]
            if not test:
                continue
            model = fit_model(train, dim, names)
            for r in test:
                scores.append(model.score(r.features))
                labels.append(int(r.labels[dim]))  # type: ignore[arg-type]
        out[dim] = agreement(scores, labels)
    return out
