"""The practice session state machine and the live-transcript plumbing, without any UI."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from practice.core.banks import Question
from practice.core.compare import compare_attempts
from practice.core.records import AttemptRecord
from practice.core.session import PracticeSession, SessionStateError, State, new_session_id, pick_questions

QUESTIONS = [Question(f"q{i}", f"Question {i}?", "behavioral") for i in range(1, 6)]


def make(count: int = 2, tmp: Path = Path("/tmp/rec")) -> PracticeSession:
    return PracticeSession("20260126-093000-abcd", QUESTIONS[:count], 90, tmp)


def done(s: PracticeSession, **kw) -> AttemptRecord:
    record = AttemptRecord(
        s.id, s.current.id, s.current.text, s.next_attempt_no(), datetime(2026, 1, 26), **kw
    )
    s.attempt_done(record)
    return record


def test_pick_questions_in_order_or_shuffled_repeatably() -> None:
    assert [q.id for q in pick_questions(QUESTIONS, 3, shuffle=False)] == ["q1", "q2", "q3"]
    shuffled = [q.id for q in pick_questions(QUESTIONS, 5, shuffle=True, seed=7)]
    assert shuffled == [q.id for q in pick_questions(QUESTIONS, 5, shuffle=True, seed=7)]
    assert sorted(shuffled) == [q.id for q in QUESTIONS]
    assert len(pick_questions(QUESTIONS, 99, shuffle=True)) == 5  # never more than the bank has
    assert len(pick_questions(QUESTIONS, 0, shuffle=False)) == 1


def test_session_ids_sort_by_time_and_do_not_collide() -> None:
    a = new_session_id(datetime(2026, 1, 26, 9, 0, 0))
    assert a.startswith("20260126-090000-")
    assert new_session_id() != new_session_id()  # same second, different random suffix


def test_full_flow_with_retry_and_next(tmp_path: Path) -> None:
    s = make(tmp=tmp_path)
    s.begin_speaking()
    s.done_speaking()
    path = s.begin_recording()
    assert path == tmp_path / "20260126-093000-abcd-q1-1.wav"
    s.begin_transcribing()
    s.begin_scoring()
    done(s, feedback={"overall": 50})
    assert s.state is State.REVIEWING
    s.retry()
    assert s.begin_recording().name.endswith("-q1-2.wav")  # a retry records a new file
    s.discard_recording()  # retry while recording reuses the number
    assert s.begin_recording().name.endswith("-q1-2.wav")
    s.begin_transcribing()
    done(s, error="no speech")  # a failed transcription still ends in review
    assert [a.attempt_no for a in s.attempts_for("q1")] == [1, 2]
    assert s.next_question() and s.current.id == "q2" and s.number == 2 and s.is_last
    s.begin_scoring()  # a typed answer skips recording and transcription
    done(s)
    assert not s.next_question()
    assert s.state is State.FINISHED
    assert len(s.all_attempts()) == 3


def test_illegal_transitions_are_refused() -> None:
    s = make()
    s.begin_transcribing()  # an imported file
    with pytest.raises(SessionStateError):
        s.begin_transcribing()
    s = make()
    s.begin_recording()
    with pytest.raises(SessionStateError):
        s.begin_speaking()
    with pytest.raises(SessionStateError):
        s.skip()
    assert s.busy is False
    s.begin_transcribing()
    assert s.busy


def test_skip_marks_unanswered_questions_and_finishes_at_the_end() -> None:
    s = make()
    s.begin_speaking()
    assert s.skip() and s.current.id == "q2"
    assert s.skipped == {"q1"}
    assert not s.skip() and s.state is State.FINISHED


def test_recording_names_cannot_escape_the_folder(tmp_path: Path) -> None:
    s = PracticeSession("../../etc", [Question("x/../../y", "Q?", "behavioral")], 90, tmp_path)
    path = s.recording_path(s.current.id, 1)
    assert path.parent == tmp_path and "/" not in path.name


def test_compare_attempts_says_what_changed() -> None:
    def fb(overall: int, labels: list[str], fillers: int) -> dict:
        evidence = [{"start": 0, "end": 1, "text": "x", "label": label} for label in labels]
        return {
            "overall": overall,
            "scores": {
                "examples": {"score": overall, "evidence": evidence},
                "enthusiasm": {"score": 40},
                "alignment": {"score": None},
            },
            "delivery": {"filler_count": fillers, "wpm": 150.0},
        }

    before = AttemptRecord(
        "s", "q", "Q?", 1, datetime(2026, 1, 1), duration_s=100, feedback=fb(50, ["action"], 6)
    )
    after = AttemptRecord(
        "s",
        "q",
        "Q?",
        2,
        datetime(2026, 1, 1),
        duration_s=80,
        feedback=fb(72, ["action", "result", "metric"], 2),
    )
    lines = compare_attempts(before, after)
    assert "Overall: 50 → 72 (+22 better)" in lines
    assert "Enthusiasm: 40 → 40 (0)" in lines
    assert "Alignment: - → -" in lines
    assert "Now has a result, numbers for the result." in lines
    assert "Fillers: 6 → 2 (-4 better)" in lines
    assert "Length: 100 s → 80 s" in lines


# --- live transcription ------------------------------------------------------------------------------------


def test_session_store_and_pipeline_import_without_textual() -> None:
    """The domain side of the studio works without the UI (DESIGN.md: Textual only renders and dispatches)."""
    import subprocess
    import sys

    code = (
        "import sys; import practice.core.session, practice.storage.history, practice.stt.live, practice.answers.pipeline,"
        " practice.answers.recovery, practice.prep.tailor, practice.reports.export, practice.services;"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_a_follow_up_asks_its_own_words_on_the_same_question_until_the_next_one() -> None:
    s = make(count=2)
    when = datetime(2026, 1, 1, 9, 0)
    s.begin_scoring()
    first = AttemptRecord(s.id, "q1", "Question 1?", 1, when, id=11)
    s.attempt_done(first)
    s.ask_follow_up(first, "What did you personally do?", "personal")
    assert s.state is State.IDLE and s.number == 1
    assert s.question_text == "What did you personally do?"
    assert s.next_attempt_no() == 2  # the follow-up's answer is the question's next attempt
    s.begin_scoring()
    s.attempt_done(AttemptRecord(s.id, "q1", s.question_text, 2, when, id=12, follow_up_of=11))
    s.retry()  # "try again" on the follow-up's review asks the follow-up again
    assert s.question_text == "What did you personally do?"
    s.begin_speaking()
    assert s.skip()  # leaving the question drops the follow-up
    assert s.follow_up is None and s.question_text == "Question 2?"
    assert "q1" not in s.skipped  # it was answered


def test_only_a_saved_answer_to_the_question_itself_is_followed_up() -> None:
    s = make()
    when = datetime(2026, 1, 1, 9, 0)
    s.begin_scoring()
    unsaved = AttemptRecord(s.id, "q1", "Question 1?", 1, when)
    s.attempt_done(unsaved)
    with pytest.raises(SessionStateError):
        s.ask_follow_up(unsaved, "Why?", "motivation")
    with pytest.raises(SessionStateError):
        s.ask_follow_up(AttemptRecord(s.id, "q1", "Q", 2, when, id=3, follow_up_of=2), "Why?", "motivation")


def test_a_tip_carried_from_an_earlier_day_is_worked_on_by_the_first_answer_only() -> None:
    """Today's practice: each question may carry the tip its last answer did not follow (Question.carried_tip).
    The first answer to it works on it; a retry works on what its review picks; the next question on its own."""
    from dataclasses import replace

    from practice.core.records import WorkedTip

    quantify = WorkedTip(
        "Quantify the result.", "measurable_result", 1, from_attempt_id=7, from_day="2026-01-25"
    )
    story = WorkedTip("Tell one story.", "example", 2, from_attempt_id=9, from_day="2026-01-24")
    questions = [
        replace(QUESTIONS[0], carried_tip=quantify),
        QUESTIONS[1],
        replace(QUESTIONS[2], carried_tip=story),
    ]
    s = PracticeSession("20260126-093000-abcd", questions, 90, Path("/tmp/rec"))
    assert s.working_on == quantify
    s.begin_recording()
    s.discard_recording()  # a take started over still works on it
    assert s.working_on == quantify
    s.begin_scoring()
    done(s)
    assert s.working_on is None  # the attempt keeps it
    s.retry()
    assert s.working_on is None  # "back" without a tip: the carried one was worked on already
    s.begin_scoring()
    done(s)
    assert s.next_question() and s.working_on is None  # q2 carries none
    assert s.skip() and s.working_on == story  # skipped into q3: its own carried tip
