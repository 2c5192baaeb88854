"""Property tests for what people feed the studio: bank files, job descriptions and file names.

For any input the parsers either return something that keeps their promises or raise their own clear error;
no other exception escapes. (feedback.score_answer and feedback.parse_job: test_feedback_properties.py.)
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from practice.core.banks import (
    CATEGORIES,
    ID_PATTERN,
    MAX_QUESTIONS,
    MAX_TEXT_CHARS,
    TARGET_RANGE_S,
    BankError,
    load_bank,
    parse_bank,
)
from practice.core.files import safe_name, safe_path
from practice.core.jobs import JobFileError, check_job_text, default_job_parser, job_warnings
from practice.core.session import PracticeSession

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
SCALAR = st.one_of(
    TEXT, st.integers(-5, 2_000), st.booleans(), st.floats(allow_nan=False, allow_infinity=False, width=32)
)
VALUE = st.one_of(SCALAR, st.lists(SCALAR, max_size=3))
# Mostly well-formed, so the deeper checks (questions, ids, limits) are reached, not only the first field.
WELL_FORMED = {
    "name": st.just("A bank"),
    "description": st.just("Questions."),
    "id": st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True),
    "text": st.just("Why this role?"),
    "category": st.sampled_from(CATEGORIES),
    "follow_ups": st.lists(st.just("What did you learn?"), max_size=2),
    "target_seconds": st.integers(*TARGET_RANGE_S),
    "strong_answer": st.just("A real story with a number."),
    "tags": st.just(["behavioral"]),
}


def field(key: str, hostile: st.SearchStrategy) -> st.SearchStrategy:
    return st.integers(0, 5).flatmap(lambda n: WELL_FORMED[key] if n else hostile)  # hostile one time in six


BANK = st.fixed_dictionaries(
    {
        "name": field("name", st.one_of(TEXT, VALUE)),
        "description": field("description", st.one_of(TEXT, VALUE)),
    },
    optional={"tags": field("tags", VALUE)},
)


QUESTION = st.fixed_dictionaries(
    {
        "id": field("id", VALUE),
        "text": field("text", st.one_of(TEXT, VALUE)),
        "category": field("category", VALUE),
    },
    optional={
        "follow_ups": field("follow_ups", st.one_of(st.lists(TEXT, max_size=3), VALUE)),
        "target_seconds": field("target_seconds", st.one_of(st.integers(0, 700), VALUE)),
        "strong_answer": field("strong_answer", VALUE),
    },
)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a TOML basic string (or an error the parser must report)


def toml(top: dict, questions: list[dict]) -> str:
    lines = [f"{key} = {toml_value(value)}" for key, value in top.items()]
    for question in questions:
        lines.append("[[questions]]")
        lines += [f"{key} = {toml_value(value)}" for key, value in question.items()]
    return "\n".join(lines) + "\n"


def check_bank_promises(source: str) -> None:
    try:
        bank = parse_bank(source, Path("/banks/any.toml"))
    except BankError as error:
        assert str(error).startswith("/banks/any.toml:") and error.message
        event("refused")
        return
    event("parsed")
    assert 1 <= len(bank.questions) <= MAX_QUESTIONS
    assert len({q.id for q in bank.questions}) == len(bank.questions)
    for question in bank.questions:
        assert ID_PATTERN.match(question.id) and question.category in CATEGORIES
        assert 0 < len(question.text) <= MAX_TEXT_CHARS
        assert (
            question.target_seconds is None
            or TARGET_RANGE_S[0] <= question.target_seconds <= TARGET_RANGE_S[1]
        )
        assert all(isinstance(f, str) and f for f in question.follow_ups)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(top=BANK, questions=st.lists(QUESTION, min_size=1, max_size=4))
def test_any_bank_structure_parses_or_says_what_is_wrong(top: dict, questions: list[dict]) -> None:
    check_bank_promises(toml(top, questions))


VALID_QUESTION = st.fixed_dictionaries(
    {
        "id": WELL_FORMED["id"],
        "text": st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=60).filter(str.strip),
        "category": WELL_FORMED["category"],
    },
    optional={key: WELL_FORMED[key] for key in ("follow_ups", "target_seconds", "strong_answer")},
)


@settings(max_examples=100, deadline=None)
@given(questions=st.lists(VALID_QUESTION, min_size=1, max_size=6, unique_by=lambda q: q["id"]))
def test_a_valid_bank_round_trips(questions: list[dict]) -> None:
    bank = parse_bank(
        toml({"name": "A bank", "description": "Questions."}, questions), Path("/b/My Bank.toml")
    )
    assert bank.id == "my-bank" and [q.id for q in bank.questions] == [q["id"] for q in questions]
    for parsed, raw in zip(bank.questions, questions, strict=True):
        assert parsed.text == raw["text"].strip() and parsed.category == raw["category"]
        assert parsed.target_seconds == raw.get("target_seconds")


@settings(max_examples=200, deadline=None)
@given(source=st.text(max_size=300))
def test_any_text_as_a_bank(source: str) -> None:
    check_bank_promises(source)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300))
def test_any_bytes_as_a_bank_file(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "bank.toml"
    path.write_bytes(raw)
    try:
        load_bank(path)
    except BankError as error:
        assert error.path == path


@settings(max_examples=200, deadline=None)
@given(raw=st.one_of(st.binary(max_size=400), st.text(max_size=400)))
def test_any_job_description_is_read_or_refused_clearly(raw: bytes | str) -> None:
    try:
        text = check_job_text(raw)
    except JobFileError as error:
        assert str(error).startswith("job description ")
        return
    assert text.strip()
    assert all(isinstance(note, str) for note in job_warnings(text))
    summary = default_job_parser(text)  # what setup shows: feedback.parse_job behind it
    assert all(isinstance(req, str) and isinstance(must, bool) for req, must in summary.requirements)
    assert all(isinstance(term, str) and term for term in summary.terms)


NAMES = st.one_of(
    st.text(max_size=80),
    st.lists(
        st.sampled_from(["..", ".", "/", "\\", "~", "etc", "passwd", "\x00", "\n", "\x1b[31m", "C:", "con"])
    ).map("".join),
)


def _no_control(name: str) -> bool:
    return not any(unicodedata.category(c).startswith("C") for c in name)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAMES)
def test_file_names_never_leave_their_folder(tmp_path: Path, name: str) -> None:
    cleaned = safe_name(name)
    assert cleaned and cleaned not in (".", "..") and _no_control(cleaned)
    assert "/" not in cleaned and "\\" not in cleaned and not cleaned.startswith((".", "-"))
    path = safe_path(tmp_path, name, ".wav")
    assert path.parent == tmp_path and os.path.realpath(path).startswith(str(tmp_path.resolve()) + os.sep)
    session = PracticeSession(name, [_question(name)], 90, tmp_path)  # session and question ids from anywhere
    assert session.recording_path(name, 1).parent == tmp_path


def _question(qid: str):
    from practice.core.banks import Question

    return Question(qid, "Why?", "motivation")
