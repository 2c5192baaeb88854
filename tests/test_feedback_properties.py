"""Property tests: any text scores without error, in range, with valid evidence offsets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedback import Word, parse_job, score_answer

WORDS = st.sampled_from(
    [
        "I",
        "we",
        "you",
        "um",
        "uh",
        "like",
        "you",
        "know",
        "kind",
        "of",
        "sort",
        "of",
        "would",
        "rewrote",
        "led",
        "cut",
        "40%",
        "$2m",
        "from",
        "to",
        "by",
        "reduced",
        "because",
        "excited",
        "salary",
        "not",
        "really",
        "mission",
        "k8s",
        "Postgres",
        "SQL",
        ".",
        ",",
        "!",
        "?",
        ";",
        "\n",
        "-",
        "*",
        "1.",
        "2019",
        "3",
        "kids",
        "team",
        "result",
        "so",
        "and",
        "then",
        "İ",
        "’",
        "é",
        "😀",
        "I'd",
        "I'll",
        "we've",
    ]
)
SPOKENISH = st.lists(WORDS, max_size=80).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), SPOKENISH)


def _check(fb, transcript: str) -> None:
    d = fb.to_dict()
    for dim in ("examples", "enthusiasm"):
        assert 0 <= d["scores"][dim]["score"] <= 100
    a = d["scores"]["alignment"]["score"]
    assert a is None or 0 <= a <= 100
    assert 0 <= d["overall"] <= 100
    assert 0 <= d["delivery"]["score"] <= 100
    spans = [e for dim in d["scores"].values() for e in dim["evidence"]] + d["delivery"]["evidence"]
    spans += [e for r in d["scores"]["alignment"]["requirements"] for e in r["evidence"]]
    for e in spans:
        assert 0 <= e["start"] <= e["end"] <= len(transcript)
        assert transcript[e["start"] : e["end"]] == e["text"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=st.text(max_size=60), transcript=ANY_TEXT, job=st.one_of(st.none(), ANY_TEXT))
def test_any_text_scores_in_range_with_valid_offsets(question: str, transcript: str, job: str | None) -> None:
    _check(score_answer(question, transcript, job), transcript)


@settings(max_examples=60, deadline=None)
@given(job=ANY_TEXT)
def test_parse_job_never_raises(job: str) -> None:
    parsed = parse_job(job)
    assert all(r.terms for r in parsed.requirements)


@settings(max_examples=60, deadline=None)
@given(
    transcript=SPOKENISH,
    times=st.lists(st.tuples(st.floats(0, 300), st.floats(0, 5)), max_size=40),
    duration=st.one_of(st.none(), st.floats(0, 600)),
)
def test_any_timings_are_accepted(transcript: str, times: list[tuple[float, float]], duration) -> None:
    words = [Word("w", s, s + d) for s, d in times]
    fb = score_answer("q", transcript, None, words=words or None, duration_s=duration)
    _check(fb, transcript)
    assert fb.delivery.wpm is None or fb.delivery.wpm >= 0
