"""Panel mode without a UI: interviewers take the questions in turn, each with a distinct voice by default,
the panel is stored with the session for the follow-up drafts, and each attempt remembers who asked."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from practice.audio.voice import Voice, resolve_voice
from practice.core.banks import Question
from practice.core.panel import PanelMember, panel_voices
from practice.core.records import AttemptRecord, SessionRecord
from practice.core.session import PracticeSession
from practice.storage.history import Store

QUESTIONS = [Question(f"q{i}", f"Question {i}?", "behavioral") for i in range(1, 6)]
PANEL = [
    PanelMember("Dana Smith", "Engineering Manager", "en-us"),
    PanelMember("Lee Park", "Staff Engineer", "en-gb"),
    PanelMember("Ana Ruiz", "Recruiter", "en-us+f3"),
]


def test_questions_rotate_among_the_panel_and_a_retry_keeps_the_asker(tmp_path: Path) -> None:
    session = PracticeSession("s", list(QUESTIONS), 90, tmp_path, panel=list(PANEL))
    askers = []
    while True:
        askers.append(session.asking.name)
        if session.current.id == "q2":  # an answer and a retry: still Lee's question
            session.begin_recording()
            session.discard_recording()
            assert session.asking.name == "Lee Park"
        if not session.skip():
            break
    assert askers == ["Dana Smith", "Lee Park", "Ana Ruiz", "Dana Smith", "Lee Park"]


def test_one_interviewer_means_no_asker(tmp_path: Path) -> None:
    assert PracticeSession("s", list(QUESTIONS), 90, tmp_path).asking is None


def test_default_voices_are_distinct_and_installed() -> None:
    assert panel_voices(["en-gb", "en-us", "fr-fr"], 3) == ["en-us", "en-gb", "en-us+f3"]
    # Only one English voice installed: espeak-ng variants of it keep the panel distinguishable.
    voices = panel_voices(["en-us", "de"], 4)
    assert len(set(voices)) == 4 and all(v.split("+")[0] == "en-us" for v in voices)
    assert len(set(panel_voices([], 3))) == 3


def test_variant_voices_resolve_for_the_speaker() -> None:
    installed = [Voice("gmw/en-us", "English (America)", ()), Voice("gmw/en-gb-x-rp", "English (RP)", ())]
    assert resolve_voice("en-us+f3", installed).id == "gmw/en-us+f3"
    assert resolve_voice("en-us", installed).id == "gmw/en-us"
    assert resolve_voice("xx+f3", installed) is None


def test_panel_and_askers_are_stored_for_the_drafts(tmp_path: Path) -> None:
    store = Store(tmp_path / "history.sqlite3")
    settings = {"voice": "en-us", "panel": [asdict(member) for member in PANEL]}
    store.ensure_session(SessionRecord("s", datetime(2026, 1, 26, 9, 30), "b", "B", settings=settings))
    assert store.session_interviewers("s") == [
        ("Dana Smith", "Engineering Manager"),
        ("Lee Park", "Staff Engineer"),
        ("Ana Ruiz", "Recruiter"),
    ]
    saved = store.save_attempt(
        AttemptRecord("s", "q1", "Question 1?", 1, datetime(2026, 1, 26, 9, 31), interviewer="Dana Smith")
    )
    assert store.attempt(saved.id).interviewer == "Dana Smith"
    assert store.session_interviewers("missing") == []
    store.close()
