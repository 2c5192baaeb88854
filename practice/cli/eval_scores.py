"""`interview-practice eval --cv` and `--fit`: cross-validate and fit the learned scores on labelled answers.

Cross-validation leaves one posting out at a time, so every figure is measured on answers to a posting the
model never saw. It is run twice, with and without the features that come from sentence embeddings, to show
what meaning adds over words. Needs scikit-learn (the `test` extra).
"""

from __future__ import annotations

import hashlib
import math
import sys
from pathlib import Path
from typing import Any, TextIO

from feedback.learned import dumps
from feedback.scorer import answer_features
from feedback.training import FEATURES, WORDS_ONLY, Agreement, Example, cross_validate, fit
from practice.cli.progress import track, working


def examples_of(items: list[Any]) -> list[Example]:
    rows: list[Example] = []
    for it in track(items, "Reading the answers' features"):
        posting = it.job.text if it.job else ""
        group = hashlib.sha1(posting.encode("utf-8")).hexdigest()[:12]
        rows.append(Example(answer_features(it.question, it.text, it.job), dict(it.labels), group))
    return rows


def _fmt(x: float) -> str:
    return "nan" if math.isnan(x) else f"{x:.3f}"


def run_cv(items: list[Any], out: TextIO = sys.stdout) -> dict[str, dict[str, Agreement]]:
    rows = examples_of(items)
    postings = len({r.group for r in rows})
    with working(f"Cross-validating on {postings} postings"):
        results = {"meaning": cross_validate(rows, FEATURES), "words": cross_validate(rows, WORDS_ONLY)}
    print(f"leave-one-posting-out cross-validation: {len(rows)} answers, {postings} postings", file=out)
    print(f"  {'dimension':<11} {'n':>4} {'rho':>7} {'pairacc':>8} {'rho words-only':>15}", file=out)
    for dim in FEATURES:
        m, w = results["meaning"][dim], results["words"][dim]
        print(f"  {dim:<11} {m.n:>4} {_fmt(m.rho):>7} {_fmt(m.pairacc):>8} {_fmt(w.rho):>15}", file=out)
    parts = [f"cv_rho_{d}={_fmt(results['meaning'][d].rho)}" for d in FEATURES]
    parts += [f"cv_rho_words_only_{d}={_fmt(results['words'][d].rho)}" for d in FEATURES]
    print(" ".join(parts), file=out)
    return results


def run_fit(items: list[Any], path: Path, sources: list[str], out: TextIO = sys.stdout) -> None:
    rows = examples_of(items)
    meta = {"trained_on": sources, "answers": len(rows), "postings": len({r.group for r in rows})}
    with working("Fitting the learned scores"):
        model = fit(rows, FEATURES, meta)
    path.write_text(dumps(model), encoding="utf-8")
    print(f"wrote {path}: {len(rows)} answers, {meta['postings']} postings", file=out)
