"""Attempt over attempt on the same question, from real scored answers: what was added or dropped (a result,
a number, a requirement, fillers, length)."""

from __future__ import annotations

from dataclasses import replace

from prep_data import BACKEND_JOB, NORTHWIND, scored

from practice.core.compare import compare_attempts

WEAK = "Um, so, I worked on our search page and, uh, made it faster. We fixed some queries and it was better."


def attempts():
    qid, question, strong = NORTHWIND[0]
    job = BACKEND_JOB.read_text()
    return scored("s", qid, question, WEAK, job), scored("s", qid, question, strong, job, attempt_no=2)


def test_a_better_second_attempt_names_what_it_added() -> None:
    before, after = attempts()
    lines = compare_attempts(before, after)
    assert any(line.startswith("Overall: ") and "better" in line for line in lines)
    assert any(
        line.startswith("Now has") and "a result" in line and "numbers for the result" in line
        for line in lines
    )
    assert "Added the number “from 8 seconds to 400 milliseconds”." in lines
    assert any(
        line.startswith("Now evidences") and "“Deep experience with PostgreSQL performance tuning”" in line
        for line in lines
    )
    assert "Fillers: 2 → 0 (-2 better)" in lines
    assert "Length: 21 → 56 words" in lines  # typed answers have no duration: words instead


def test_a_worse_attempt_names_what_it_dropped() -> None:
    before, after = attempts()
    lines = compare_attempts(after, before)
    assert "Dropped the number “from 8 seconds to 400 milliseconds”." in lines
    assert any(line.startswith("No longer evidences") and "PostgreSQL" in line for line in lines)
    assert "Fillers: 0 → 2 (+2 worse)" in lines


def test_spoken_attempts_compare_time() -> None:
    before, after = attempts()
    lines = compare_attempts(replace(before, duration_s=95.0), replace(after, duration_s=70.0))
    assert "Length: 95 s → 70 s" in lines and not any(
        "words" in line for line in lines if line.startswith("Length")
    )
