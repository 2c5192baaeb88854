"""The learned part of the scores: a small multinomial logistic model per dimension, shipped as JSON.

The weights are fitted offline (`feedback.training`, run by `interview-practice eval --fit`) on labelled
answers and saved in `score_model.json` with the features they use, their scaling and a version. A score is
the model's expected label rescaled to 0-100, so it moves smoothly between the rubric's levels while the
evidence and tips still come from the interpretable features.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("score_model.json")
MODEL_VERSION = 1


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
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return [v / total for v in exps]

    def score(self, feats: dict[str, float]) -> int:
        """0-100: the expected rubric level over the highest level."""
        probs = self.probabilities(feats)
        expected = sum(p * c for p, c in zip(probs, self.classes, strict=True))
        return int(round(100 * expected / max(self.classes)))

    def to_dict(self) -> dict[str, Any]:
        return {
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


@dataclass(frozen=True)
class ScoreModel:
    version: int
    dimensions: dict[str, DimensionModel]
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
            {k: DimensionModel.from_dict(v) for k, v in d["dimensions"].items()},
            dict(d.get("meta", {})),
        )


@lru_cache(maxsize=1)
def shipped_model() -> ScoreModel | None:
    """The model shipped with the package, or None when none has been fitted yet."""
    if not MODEL_PATH.is_file():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if int(data.get("version", 0)) != MODEL_VERSION:
        return None
    return ScoreModel.from_dict(data)
