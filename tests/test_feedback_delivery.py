"""Delivery: fillers (with their non-filler look-alikes), pace, pauses, length, hedges, I/we."""

from __future__ import annotations

import pytest

from feedback import Word, score_answer
from feedback.delivery import find_fillers
from feedback.text import normalise, tokenize


def fillers(text: str) -> dict[str, int]:
    return score_answer("q", text).delivery.fillers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("um so I uh fixed it", {"um": 1, "uh": 1}),
        ("Umm, erm, hmm.", {"um": 2, "hmm": 1}),
        ("it was like three weeks late", {"like": 1}),
        ("and like we just shipped it", {"like": 1}),
        ("you know, the team was tired", {"you know": 1}),
        ("it was kind of messy and sort of slow", {"kind of": 1, "sort of": 1}),
        ("basically I mean we had no tests", {"basically": 1, "i mean": 1}),
    ],
)
def test_fillers_found(text: str, expected: dict[str, int]) -> None:
    assert fillers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to lead this team",
        "I would like to join",
        "it looks like a great product",
        "we used tools like Terraform and Ansible",
        "what kind of project was it",
        "this kind of work suits me",
        "do you know how the billing works",
        "I like the product a lot",
        "something like that happened twice",
        "what I mean is simple",
    ],
)
def test_non_filler_uses_are_not_counted(text: str) -> None:
    assert fillers(text) == {}


def test_filler_evidence_spans_are_exact() -> None:
    text = "So, um, you know, it was like 3 days."
    spans = find_fillers(normalise(text), tokenize(normalise(text)))
    assert [text[a:b] for _, a, b in spans] == ["um", "you know", "like"]


def _words(n: int, gap: float = 0.1, dur: float = 0.3, pause_at: int | None = None) -> list[Word]:
    out, t = [], 0.0
    for i in range(n):
        if pause_at is not None and i == pause_at:
            t += 3.0
        out.append(Word(f"w{i}", t, t + dur))
        t += dur + gap
    return out


def test_wpm_fillers_per_minute_and_long_pauses_from_word_timings() -> None:
    words = _words(150, pause_at=70)  # 150 words at 0.4 s each plus one 3 s pause
    text = " ".join(["um"] * 10 + ["word"] * 140)
    d = score_answer("q", text, words=words).delivery
    span = words[-1].end - words[0].start
    assert d.wpm == pytest.approx(150 / span * 60, rel=1e-3)
    assert d.fillers_per_min == pytest.approx(10 / span * 60, rel=1e-2)
    assert d.long_pauses == 1 and len(d.pauses) == 1
    assert d.pauses[0][1] - d.pauses[0][0] > 2.0
    assert d.length == "ok"


def test_many_fillers_produce_a_filler_tip() -> None:
    text = " ".join(["um I uh fixed it you know"] * 20)
    timed = [Word(w, i * 0.5, i * 0.5 + 0.4) for i, w in enumerate(text.split())]
    d = score_answer("q", text, words=timed).delivery
    assert d.fillers_per_min and d.fillers_per_min > 12
    assert any("fillers" in t for t in d.tips)


def test_fast_pace_tip() -> None:
    d = score_answer("q", " ".join(["word"] * 220), duration_s=60).delivery
    assert d.wpm == 220
    assert any("Slow down" in t for t in d.tips)


def test_length_band_without_timing_uses_word_count() -> None:
    assert score_answer("q", "I did it.").delivery.length == "short"
    assert score_answer("q", " ".join(["word"] * 200)).delivery.length == "ok"
    assert score_answer("q", " ".join(["word"] * 400)).delivery.length == "long"


def test_hedges_and_pronoun_balance() -> None:
    d = score_answer(
        "q", "I think we maybe did it. We shipped, we tested, we won. I guess it worked."
    ).delivery
    assert d.hedges == {"i think": 1, "maybe": 1, "i guess": 1}
    assert d.we_count == 4 and d.i_count == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("and you know it worked out", {"you know": 1}),
        ("I mean, it was small", {"i mean": 1}),
        ("he was like in his sixties", {"like": 1}),
        ("she ran the er for years", {}),
        ("we had like, a ton of returns", {"like": 1}),
    ],
)
def test_filler_context_rules(text: str, expected: dict[str, int]) -> None:
    assert fillers(text) == expected


def test_a_handful_of_fillers_in_a_short_answer_gets_no_filler_tip() -> None:
    # four fillers in about sixty words: a rate of ~10 a minute stretched from four words, not a habit
    text = (
        "Um so last year I took over the returns desk when it was about two weeks behind. I sorted the backlog "
        "by age, uh, cleared the oldest first and like set up a daily count with the two clerks. You know, we "
        "were current again in nine days and stayed current for the rest of the year, which the audit noted."
    )
    fb = score_answer("Tell me about a time you fixed a backlog.", text)
    assert fb.delivery.filler_count == 4
    assert not any("fillers" in t for t in fb.delivery.tips)


def test_a_filler_habit_in_a_short_answer_gets_the_tip() -> None:
    text = (
        "Um so last year I, um, took over the returns desk when it was, like, two weeks behind. I, uh, sorted "
        "the backlog by age, uh, cleared the oldest first and like set up a daily count with, um, the two "
        "clerks. You know, we were current again in nine days, which the audit noted."
    )
    fb = score_answer("Tell me about a time you fixed a backlog.", text)
    assert fb.delivery.filler_count >= 6
    assert any("fillers" in t for t in fb.delivery.tips)
