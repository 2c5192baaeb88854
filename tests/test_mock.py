"""The mock interview without a UI: its questions drawn from the real built-in banks (and a real posting), one
panelist per section, the sections kept with the session, and the second-round readiness list of a strong and a
weak session (real SQLite, answers scored by the real feedback library), its JSON, its ticks and the exports."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest
from prep_data import BACKEND_JOB, scored

from feedback import parse_job
from feedback.questions import question_kind
from practice.core.banks import YOUR_QUESTIONS_TAG, BankError, parse_bank
from practice.core.mock import SECTIONS, YOUR_TURN, section_asker, stored_sections
from practice.core.panel import PanelMember
from practice.core.records import SessionRecord
from practice.core.session import start_session
from practice.prep.drafts import Interviewer, write_drafts
from practice.prep.mock import build_mock
from practice.prep.readiness import readiness_text, session_readiness
from practice.prep.tailor import tailor
from practice.reports.export import export_session
from practice.storage.catalog import load_catalog
from practice.storage.history import Store

ORDER = ["warm-up", "behavioural", "behavioural", "role", "role", "motivation", "your-questions", "closing"]
SCHEMA = json.loads((Path(__file__).parents[1] / "practice" / "prep" / "readiness.schema.json").read_text())
JOB = BACKEND_JOB.read_text()
PANEL = [
    PanelMember("Dana Smith", "Engineering Manager", "en-us"),
    PanelMember("Lee Park", "Recruiter", "en-gb"),
]


@pytest.fixture
def banks(tmp_path: Path):
    catalog = load_catalog(user_dir=tmp_path / "no-user-banks")
    assert not catalog.errors
    return catalog.banks


def test_with_a_job_the_role_questions_are_its_must_haves_and_the_motivation_names_the_company(banks) -> None:
    mock = build_mock(banks, JOB, seed=1)
    assert mock.sections == ORDER
    questions = mock.bank.questions
    assert len({q.id for q in questions}) == len(questions) == 8
    warm, b1, b2, r1, r2, why, turn, close = questions
    assert warm.category == "opener"
    assert {b1.category, b2.category} == {"behavioral"} and b1.text != b2.text
    must_haves = [q for q in tailor(JOB).questions if q.targets]
    assert [r1.text, r2.text] == [q.text for q in must_haves[:2]]
    assert "Northwind" in why.text and why.category == "motivation"
    assert turn.text.startswith(YOUR_TURN) and YOUR_QUESTIONS_TAG in turn.tags
    assert close.category == "closing" and YOUR_QUESTIONS_TAG not in close.tags
    assert 8 <= mock.minutes <= 15  # answering time; with the questions read and the reviews, 20 to 30


def test_without_a_job_the_chosen_role_bank_or_general_role_questions(banks) -> None:
    engineering = next(b for b in banks if b.id == "software-engineering")
    mock = build_mock(banks, None, role_bank=engineering, seed=2)
    assert mock.sections == ORDER
    role = [q for q, s in zip(mock.bank.questions, mock.sections, strict=True) if s == "role"]
    assert {q.text for q in role} <= {q.text for q in engineering.questions}
    why = mock.bank.questions[ORDER.index("motivation")]
    assert question_kind(why.text) == "motivation"
    general = build_mock(
        banks, None, role_bank=next(b for b in banks if b.id == "general-behavioral"), seed=2
    )
    role_banks = {b.id for b in banks if "role" in b.tags}
    generic = {q.text for b in banks if b.id not in role_banks for q in b.questions if q.category == "role"}
    assert {
        q.text for q, s in zip(general.bank.questions, general.sections, strict=True) if s == "role"
    } <= generic


def test_a_seed_repeats_the_draw_and_another_seed_varies_it(banks) -> None:
    texts = [tuple(q.text for q in build_mock(banks, None, seed=seed).bank.questions) for seed in range(6)]
    assert texts[0] == tuple(q.text for q in build_mock(banks, None, seed=0).bank.questions)
    assert len(set(texts)) > 1


def test_one_panelist_asks_each_section_and_the_session_keeps_its_sections(banks, tmp_path: Path) -> None:
    mock = build_mock(banks, JOB, seed=1)
    session, record = start_session(
        mock.bank,
        count=2,  # a mock asks every question, whatever the count field says
        shuffle=True,
        target_s=90,
        recordings=tmp_path,
        panel=PANEL,
        now=datetime(2026, 1, 26, 9, 30),
        seed=3,
        job_text=JOB,
        job_title=None,
        settings={},
        sections=mock.sections,
    )
    assert [q.id for q in session.questions] == [q.id for q in mock.bank.questions]
    askers = []
    while True:
        askers.append((session.section, session.asking.name if session.asking else None))
        if not session.skip():
            break
    assert askers == [
        ("warm-up", "Dana Smith"),
        ("behavioural", "Lee Park"),
        ("behavioural", "Lee Park"),
        ("role", "Dana Smith"),
        ("role", "Dana Smith"),
        ("motivation", "Lee Park"),
        ("your-questions", "Dana Smith"),
        ("closing", "Lee Park"),
    ]
    assert stored_sections(record.settings) == {
        q.id: s for q, s in zip(session.questions, ORDER, strict=True)
    }
    assert section_asker(ORDER, 0, []) is None
    assert [s.key for s in SECTIONS] == list(dict.fromkeys(ORDER))


def test_a_question_tag_is_read_and_checked() -> None:
    bank = parse_bank(
        'name = "B"\ndescription = "d"\n[[questions]]\nid = "q"\ntext = "Any questions for us?"\n'
        'category = "closing"\ntags = ["your-questions"]\n',
        Path("b.toml"),
    )
    assert bank.questions[0].tags == (YOUR_QUESTIONS_TAG,)
    with pytest.raises(BankError, match="tags"):
        parse_bank(
            'name = "B"\ndescription = "d"\n[[questions]]\nid = "q"\ntext = "T"\ncategory = "closing"\ntags = 3\n',
            Path("b.toml"),
        )
    tailored = tailor(JOB)
    again = parse_bank(tailored.toml(), Path("t.toml"))  # the tag survives the tailored bank's file
    assert YOUR_QUESTIONS_TAG in again.questions[-1].tags


# --- the readiness list --------------------------------------------------------------------------------------

STRONG = {
    # "how did you ..." reads as a story question, but the warm-up asks for none: no number is missing there
    "warm-up": ("How did you hear about this role?", "A friend on your routing team told me about it."),
    "behavioural": (
        "Tell me about a time you had to deliver something important under a very tight deadline.",
        "Last spring our biggest customer needed a data export before their audit in ten days. I owned the "
        "delivery. I cut the scope to the three reports they needed, I wrote the PostgreSQL queries myself and "
        "I set up a daily check-in with their team. As a result we shipped in eight days and the customer "
        "renewed a contract worth 400 thousand dollars.",
    ),
    "role": (
        "Tell me about a time you tuned PostgreSQL performance. What was slow, what did you do, and what changed?",
        "At my last company our order search page took eight seconds during the evening peak. I profiled the "
        "slowest PostgreSQL queries with EXPLAIN ANALYZE and added two composite indexes on the orders table. "
        "As a result the p95 latency fell from 8 seconds to 400 milliseconds.",
    ),
    "motivation": (
        "Why Northwind Logistics? Why do you want to work here in particular?",
        "I'd love to help Northwind make same-day delivery affordable for every neighbourhood, because I grew "
        "up in a town where groceries were a long drive away. Your routing platform is exactly the kind of "
        "problem I want to work on.",
    ),
    "your-questions": (
        f"{YOUR_TURN} What questions do you have for us?",
        "Yes, two. What is the biggest challenge the routing team is facing this year? And how do you "
        "measure success in the first ninety days?",
    ),
}
WEAK = {
    "behavioural": (
        STRONG["behavioural"][0],
        "We usually manage deadlines well as a team, it tends to work out.",
    ),
    "role": (STRONG["role"][0], "I think databases are important and I like working on them."),
    "motivation": (STRONG["motivation"][0], "It seems like a fine company and the pay is good."),
    "your-questions": (STRONG["your-questions"][0], "What is the salary range, and is it remote?"),
}


def _mock_session(store: Store, session_id: str, answers: dict[str, tuple[str, str]], panel: bool) -> None:
    sections = list(answers)
    settings = {
        "mock": {"sections": [{"question_id": f"q-{s}", "section": s} for s in sections]},
        "panel": [m.to_dict() for m in PANEL] if panel else [],
    }
    store.ensure_session(
        SessionRecord(
            session_id, datetime(2026, 1, 26, 9, 30), "mock-interview", "Mock interview", None, JOB, settings
        )
    )
    for section, (question, text) in answers.items():
        store.save_attempt(scored(session_id, f"q-{section}", question, text, JOB))


def test_a_strong_session_is_ready_but_for_what_only_the_person_can_tick(tmp_path: Path) -> None:
    store = Store(tmp_path / "history.sqlite3")
    _mock_session(store, "strong", STRONG, panel=True)
    write_drafts(store, "strong", [Interviewer("Dana Smith", "Engineering Manager"), Interviewer("Lee Park")])
    ready = session_readiness(store, "strong")
    state = {item.key: item.done for item in ready.items}
    assert state == {
        "examples": True,
        "enthusiasm": True,
        "requirements": False,  # two stories cannot evidence four must-haves
        "pressing-problem": True,
        "thank-you": True,
        "references": False,
        "work-samples": False,
    }
    assert "biggest challenge the routing team" in ready.item("pressing-problem").detail
    requirements = ready.item("requirements")
    assert "Deep experience with PostgreSQL performance tuning" not in requirements.missing
    assert "Production experience with Kubernetes and Docker" in requirements.missing
    assert requirements.todo
    # the two ticks are the person's, kept with the session
    store.set_check("strong", "references", True)
    store.set_check("strong", "work-samples", True)
    assert Store(tmp_path / "history.sqlite3").session("strong").checks == {
        "references": True,
        "work-samples": True,
    }
    again = session_readiness(store, "strong")
    assert again.item("references").done and again.item("work-samples").done and again.done == 6


def test_a_weak_session_says_what_is_not_yet_and_what_to_do(tmp_path: Path) -> None:
    store = Store(tmp_path / "history.sqlite3")
    _mock_session(store, "weak", WEAK, panel=True)
    write_drafts(store, "weak", [Interviewer("Dana Smith", "Engineering Manager")])  # one of two
    ready = session_readiness(store, "weak")
    assert ready.done == 0
    for item in ready.items:
        assert not item.done and item.todo, item.key
    assert set(ready.item("examples").missing) == {STRONG["behavioural"][0], STRONG["role"][0]}
    must_haves = {r.text for r in parse_job(JOB).requirements if r.must_have}
    assert len(must_haves) >= 4 and set(ready.item("requirements").missing) == must_haves
    assert ready.item("thank-you").missing == ("Lee Park",)
    assert "biggest challenge" in ready.item("pressing-problem").todo
    text = readiness_text(ready)
    assert text.count("[not yet]") == 7 and "Lee Park" in text


def test_without_a_panel_one_draft_is_enough_and_a_session_without_a_job_says_to_paste_it(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "history.sqlite3")
    _mock_session(store, "one", STRONG, panel=False)
    assert not session_readiness(store, "one").item("thank-you").done
    write_drafts(store, "one", [Interviewer("Sam Lee")])
    assert session_readiness(store, "one").item("thank-you").done
    store.ensure_session(SessionRecord("nojob", datetime(2026, 1, 27, 9, 0), "b", "B"))
    store.save_attempt(scored("nojob", "q1", STRONG["role"][0], STRONG["role"][1], None))
    requirements = session_readiness(store, "nojob").item("requirements")
    assert not requirements.done and "job" in requirements.todo


def test_the_readiness_command_prints_json_that_follows_its_schema_and_ticks(capsys) -> None:
    from practice.cli import main

    store = Store()
    _mock_session(store, "20260126-093000-abc123", WEAK, panel=False)
    store.close()
    assert main(["readiness", "--format", "json"]) == 0  # the newest mock session by default
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA)
    assert data["session_id"] == "20260126-093000-abc123" and data["total"] == 7
    assert main(["readiness", "--tick", "references", "--format", "json"]) == 0
    items = {item["key"]: item for item in json.loads(capsys.readouterr().out)["items"]}
    assert items["references"]["done"] and items["references"]["todo"] is None
    assert main(["readiness", "--untick", "references"]) == 0
    assert "[not yet] References alerted" in capsys.readouterr().out
    assert main(["readiness", "--session", "nope"]) != 0


def test_the_export_of_a_mock_session_ends_with_the_list_and_others_have_none(tmp_path: Path) -> None:
    store = Store(tmp_path / "history.sqlite3")
    _mock_session(store, "weak", WEAK, panel=False)
    markdown = export_session(store, "weak", "md", tmp_path / "weak.md").read_text()
    tail = markdown[markdown.index("## Second-round readiness") :]
    assert "- [ ] **A question about their most pressing problem** (not yet)" in tail
    assert "## Q" not in tail  # the last section of the report
    html = export_session(store, "weak", "html", tmp_path / "weak.html").read_text()
    assert "<h2>Second-round readiness</h2>" in html
    store.ensure_session(SessionRecord("plain", datetime(2026, 1, 27, 9, 0), "b", "B"))
    store.save_attempt(scored("plain", "q1", STRONG["role"][0], STRONG["role"][1], None))
    assert "readiness" not in export_session(store, "plain", "md", tmp_path / "plain.md").read_text()
