"""Progress you can see: the best answer so far to each question (practice/prep/progress.py), from a real
SQLite history with real scores."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from test_plan import DAY0, STRONG, STRONG_Q, WEAK, WEAK_Q, _answer

from practice.core.records import AttemptRecord
from practice.prep.progress import history_best_answers
from practice.storage.history import Store


def test_each_question_shows_its_best_answer_the_one_due_soonest_first(tmp_path: Path) -> None:
    store = Store(tmp_path / "history.sqlite3")
    _answer(store, "s1", WEAK_Q, WEAK, DAY0)
    _answer(store, "s1", STRONG_Q, STRONG, DAY0 + timedelta(minutes=1))
    _answer(store, "s2", WEAK_Q, STRONG, DAY0 + timedelta(days=1))  # a real story the next day
    _answer(store, "s3", WEAK_Q, WEAK, DAY0 + timedelta(days=2))  # and a weak one again
    store.save_attempt(AttemptRecord("s3", "lost", "Tell me about a failure.", 1, DAY0, error="no speech"))

    rows = history_best_answers(store)
    assert {r.question for r in rows} == {WEAK_Q.text, STRONG_Q.text}  # the failed take has no row
    dues = [r.due_at for r in rows]
    assert None not in dues and dues == sorted(dues)  # type: ignore[type-var]
    weak = next(r for r in rows if r.question == WEAK_Q.text)
    assert weak.answers == 3 and weak.best.session_id == "s2"  # the best, not the latest
    assert weak.first is not None and weak.best.score("overall") > weak.first
    assert weak.due_at is not None and weak.due_at.date() == (DAY0 + timedelta(days=3)).date()  # weak again
    assert next(r for r in rows if r.question == STRONG_Q.text).answers == 1
