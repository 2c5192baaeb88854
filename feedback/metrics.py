"""Pure statistics for evaluating the scorer against labels (no scipy)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks starting at 1; tied values share the average of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        avg = (i + j) / 2.0 + 1.0
        for k in range(i, j + 1):
            ranks[order[k]] = avg
        i = j + 1
    return ranks


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson correlation; NaN when either side is constant or there are fewer than two points."""
    n = len(x)
    if n != len(y):
        raise ValueError("x and y differ in length")
    if n < 2:
        return math.nan
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return math.nan
    return sxy / math.sqrt(sxx * syy)


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rho: Pearson correlation of average ranks (the tie-correct definition)."""
    return pearson(average_ranks(x), average_ranks(y))


def pairwise_accuracy(scores: Sequence[float], labels: Sequence[float]) -> float:
    """Over pairs with different labels, the share the scores order the same way (score ties count half)."""
    if len(scores) != len(labels):
        raise ValueError("scores and labels differ in length")
    agree = 0.0
    pairs = 0
    for i in range(len(labels)):
        for j in range(i + 1, len(labels)):
            if labels[i] == labels[j]:
                continue
            pairs += 1
            d = (scores[i] - scores[j]) * (labels[i] - labels[j])
            agree += 1.0 if d > 0 else 0.5 if scores[i] == scores[j] else 0.0
    return agree / pairs if pairs else math.nan


def filler_prf(pairs: Sequence[tuple[Mapping[str, int], Mapping[str, int]]]) -> tuple[float, float, float]:
    """Precision, recall, F1 of filler counts over (predicted, gold) pairs; per filler tp = min(pred, gold)"""
    tp = fp = fn = 0
    for pred, gold in pairs:
        for k in set(pred) | set(gold):
            p, g = int(pred.get(k, 0)), int(gold.get(k, 0))
            tp += min(p, g)
            fp += max(0, p - g)
            fn += max(0, g - p)
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
