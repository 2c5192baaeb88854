"""Sentence splitting for written and spoken (unpunctuated) answers; metrics helpers."""

from __future__ import annotations

import math

import pytest

from feedback.metrics import average_ranks, filler_prf, pairwise_accuracy, spearman
from feedback.text import normalise, split_sentences, stem


def test_punctuated_sentences() -> None:
    text = "I joined in 2019. We used node.js and v2.5 of the API! Did it work? Yes."
    sents = split_sentences(normalise(text))
    assert [text[s.start : s.end] for s in sents] == [
        "I joined in 2019.",
        "We used node.js and v2.5 of the API!",
        "Did it work?",
        "Yes.",
    ]


def test_unpunctuated_speech_is_split_at_discourse_markers() -> None:
    text = (
        "so at my last job the builds were slow and i decided to fix it so i profiled every step and "
        "then i cached the dependencies and in the end builds took half the time"
    )
    sents = [text[s.start : s.end] for s in split_sentences(normalise(text))]
    assert len(sents) >= 3
    assert any(s.startswith("and then i cached") for s in sents)
    assert any(s.startswith("and in the end") for s in sents)
    assert all(len(s.split()) <= 40 for s in sents)


def test_normalise_keeps_length() -> None:
    text = "İstanbul’s ÇAFÉ"
    assert len(normalise(text)) == len(text)
    assert "'" in normalise(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("managed", "managing"),
        ("deployments", "deployment"),
        ("planned", "planning"),
        ("dashboards", "dashboard"),
    ],
)
def test_stem_groups_word_forms(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_average_ranks_ties() -> None:
    assert average_ranks([10, 20, 20, 30]) == [1.0, 2.5, 2.5, 4.0]


def test_spearman_known_values() -> None:
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    # tie-corrected value checked by hand: ranks x=[1,2.5,2.5,4], y=[1,2,3,4]
    assert spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(0.9486832980505138)
    assert math.isnan(spearman([1, 1, 1], [1, 2, 3]))


def test_pairwise_accuracy_counts_score_ties_half() -> None:
    assert pairwise_accuracy([1, 2, 3], [0, 1, 2]) == 1.0
    assert pairwise_accuracy([3, 2, 1], [0, 1, 2]) == 0.0
    assert pairwise_accuracy([5, 5], [0, 1]) == 0.5
    assert (
        pairwise_accuracy([1, 9, 5], [0, 0, 1]) == 0.5
    )  # (0,2) right, (1,2) wrong; (0,1) same label skipped


def test_filler_prf() -> None:
    p, r, f = filler_prf([({"um": 3, "like": 1}, {"um": 2, "uh": 1})])
    assert (p, r) == (0.5, 2 / 3)
    assert f == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
