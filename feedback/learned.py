"""The learned part of the scores: a small model per dimension over named features, shipped as JSON.

Two kinds: a multinomial logistic regression, and boosted shallow trees (depth-two questions on the same
features, such as "are two requirements close in meaning to what the person did, while the rule matcher
found none?", which a linear model cannot ask). Both are fitted offline (`feedback.training`, run by
`interview-practice eval --fit`) on labelled answers and saved in `score_model.json` with the features they
use and a version; evaluating them here needs nothing but the standard library. A score is the model's
expected label rescaled to 0-100, so it moves smoothly between the rubric's levels while the evidence and
tips still come from the interpretable features.
"""

from __future__ import annotations

import json
import math
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("score_model.json")
MODEL_VERSION = 2


def _softmax(raw: list[float]) -> list[float]:
    top = max(raw)
    exps = [math.exp(v - top) for v in raw]
    total = sum(exps)
    return [v / total for v in exps]


def _expected_score(probs: list[float], classes: tuple[int, ...]) -> int:
    expected = sum(p * c for p, c in zip(probs, classes, strict=True))
    return int(round(100 * expected / max(classes)))


@dataclass(frozen=True)
class DimensionModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    classes: tuple[int, ...]
    coef: tuple[tuple[float, ...], ...]  # one row per class
    intercept: tuple[float, ...]

    def probabilities(self, feats: dict[str, float]) -> list[float]:
        z = [
            (feats.get(n, 0.0) - m) / s for n, m, s in zip(self.features, self.mean, self.scale, strict=True)
        ]
        logits = [
            b + sum(w * x for w, x in zip(row, z, strict=True))
            for row, b in zip(self.coef, self.intercept, strict=True)
        ]
        return _softmax(logits)

    def score(self, feats: dict[str, float]) -> int:
        """0-100: the expected rubric level over the highest level."""
        return _expected_score(self.probabilities(feats), self.classes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "logistic",
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "classes": list(self.classes),
            "coef": [list(r) for r in self.coef],
            "intercept": list(self.intercept),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DimensionModel:
        return cls(
            tuple(d["features"]),
            tuple(float(x) for x in d["mean"]),
            tuple(float(x) for x in d["scale"]),
            tuple(int(x) for x in d["classes"]),
            tuple(tuple(float(x) for x in row) for row in d["coef"]),
            tuple(float(x) for x in d["intercept"]),
        )


def _single(value: float) -> float:
    return float(struct.unpack("f", struct.pack("f", value))[0])


@dataclass(frozen=True)
class Tree:
    """One regression tree as parallel arrays (a leaf has left == -1)."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def predict(self, x: list[float]) -> float:
        node = 0
        while self.left[node] != -1:
            node = self.left[node] if x[self.feature[node]] <= self.threshold[node] else self.right[node]
        return self.value[node]

    def to_dict(self) -> dict[str, Any]:
        return {
            "feature": list(self.feature),
            "threshold": list(self.threshold),
            "left": list(self.left),
            "right": list(self.right),
            "value": list(self.value),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Tree:
        return cls(
            tuple(int(v) for v in d["feature"]),
            tuple(float(v) for v in d["threshold"]),
            tuple(int(v) for v in d["left"]),
            tuple(int(v) for v in d["right"]),
            tuple(float(v) for v in d["value"]),
        )


@dataclass(frozen=True)
class TreeModel:
    """Gradient-boosted trees: each class's raw score is its start value plus the learning rate times the
    sum of its trees; softmax over classes (a sigmoid for two classes) gives the probabilities."""

    features: tuple[str, ...]
    classes: tuple[int, ...]
    init: tuple[float, ...]  # one per class, or one for two classes
    learning_rate: float
    trees: tuple[tuple[Tree, ...], ...]  # per boosting stage, one tree per raw score

    def probabilities(self, feats: dict[str, float]) -> list[float]:
        # the trees were fitted on single-precision features: compare in single precision too, so a value
        # on a threshold goes the same way it went in fitting
        x = [_single(feats.get(n, 0.0)) for n in self.features]
        raw = list(self.init)
        for stage in self.trees:
            for k, tree in enumerate(stage):
                raw[k] += self.learning_rate * tree.predict(x)
        if len(self.classes) == 2:
            p = 1.0 / (1.0 + math.exp(-raw[0]))
            return [1.0 - p, p]
        return _softmax(raw)

    def score(self, feats: dict[str, float]) -> int:
        """0-100: the expected rubric level over the highest level."""
        return _expected_score(self.probabilities(feats), self.classes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "trees",
            "features": list(self.features),
            "classes": list(self.classes),
            "init": list(self.init),
            "learning_rate": self.learning_rate,
            "trees": [[t.to_dict() for t in stage] for stage in self.trees],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TreeModel:
        return cls(
            tuple(d["features"]),
            tuple(int(c) for c in d["classes"]),
            tuple(float(v) for v in d["init"]),
            float(d["learning_rate"]),
            tuple(tuple(Tree.from_dict(t) for t in stage) for stage in d["trees"]),
        )


def dimension_model_from_dict(d: dict[str, Any]) -> DimensionModel | TreeModel:
    return TreeModel.from_dict(d) if d.get("type") == "trees" else DimensionModel.from_dict(d)


@dataclass(frozen=True)
class ScoreModel:
    version: int
    dimensions: dict[str, DimensionModel | TreeModel]
    meta: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "meta": self.meta,
            "dimensions": {k: v.to_dict() for k, v in self.dimensions.items()},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ScoreModel:
        return cls(
            int(d["version"]),
            {k: dimension_model_from_dict(v) for k, v in d["dimensions"].items()},
            dict(d.get("meta", {})),
        )


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return float(f"{value:.6g}")  # six significant digits: scores change by far less than a point
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def dumps(model: ScoreModel) -> str:
    """The model as compact JSON, as it is shipped."""
    return json.dumps(_rounded(model.to_dict()), separators=(",", ":")) + "\n"


@lru_cache(maxsize=1)
def shipped_model() -> ScoreModel | None:
    """The model shipped with the package, or None when none has been fitted yet."""
    if not MODEL_PATH.is_file():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if int(data.get("version", 0)) != MODEL_VERSION:
        return None
    return ScoreModel.from_dict(data)
