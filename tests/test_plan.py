"""Spaced repetition of weak spots: answers mapped to FSRS ratings, the plan of what is due today (real
SQLite history, real scores), its JSON and schema, the `plan` command, and today's practice as a bank."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest
from fsrs import Rating

from feedback import parse_job, score_answer
from practice.cli import main
from practice.core.banks import Bank, Question
from practice.core.records import AttemptRecord, SessionRecord, WorkedTip
from practice.core.spaced import Review, answer_strength, rating_for, schedule
from practice.prep.phrasing import phrase_requirement
from practice.prep.plan import build_plan, plan_text, requirement_id
from practice.prep.today import TODAY_BANK_ID, today_bank
from practice.storage.history import Store

JOB = (Path(__file__).parent / "data" / "backend-job.txt").read_text()
SCHEMA = json.loads((Path(__file__).parents[1] / "practice" / "prep" / "plan.schema.json").read_text())
DAY0 = datetime(2026, 1, 26, 9, 0, tzinfo=UTC)
POSTGRES = "Deep experience with PostgreSQL performance tuning"
STRONG_Q = Question(
    "fixed-performance", "Tell me about a time you fixed a performance problem.", "behavioral"
)
WEAK_Q = Question(
    "conflict", "Tell me about a disagreement with a teammate.", "behavioral", target_seconds=75
)
WHY_Q = Question("why-role", "Why do you want this role?", "motivation")
STRONG = (
    "At my last company our order search page took eight seconds during the evening peak. I profiled the "
    "slowest PostgreSQL queries with EXPLAIN ANALYZE and added two composite indexes on the orders table. "
    "As a result the p95 latency fell from 8 seconds to 400 milliseconds."
)
WEAK = "I am a hard worker and I get along with everyone."
WHY = (
    "I love your mission of making deliveries reliable, and I am excited to bring my PostgreSQL work to "
    "your platform team."
)
BANK = Bank("test-bank", "Test bank", "", Path("/banks/test.toml"), (STRONG_Q, WEAK_Q, WHY_Q))


def _answer(store: Store, session: str, question: Question, text: str, at: datetime, number: int = 1) -> None:
    store.ensure_session(SessionRecord(session, at, BANK.id, BANK.name, "Backend", JOB))
    result = score_answer(question.text, text, job=JOB)
    store.save_attempt(
        AttemptRecord(
            session,
            question.id,
            question.text,
            number,
            at,
            transcript=text,
            feedback=result.to_dict(),
            source="typed",
        )
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """One session on day 0: a strong story, a weak answer, a motivation answer, and a failed take."""
    db = Store(tmp_path / "history.sqlite3")
    _answer(db, "s1", STRONG_Q, STRONG, DAY0)
    _answer(db, "s1", WEAK_Q, WEAK, DAY0 + timedelta(minutes=3))
    _answer(db, "s1", WHY_Q, WHY, DAY0 + timedelta(minutes=6))
    db.save_attempt(AttemptRecord("s1", "lost", "Tell me about a failure.", 1, DAY0, error="no speech"))
    return db


@pytest.mark.parametrize(
    ("overall", "rating"),
    [(0, Rating.Again), (44, Rating.Again), (45, Rating.Hard), (59, Rating.Hard), (60, Rating.Good)]
    + [(74, Rating.Good), (75, Rating.Easy), (100, Rating.Easy)],
)
def test_scores_map_to_ratings_in_documented_bands(overall: int, rating: Rating) -> None:
    assert rating_for(overall) is rating


def test_a_weak_answer_comes_back_sooner_than_a_strong_one() -> None:
    due = {r: schedule([Review(DAY0, r)]).due - DAY0 for r in Rating}  # type: ignore[union-attr]
    assert due[Rating.Again] <= due[Rating.Hard] < due[Rating.Good] < due[Rating.Easy]
    assert due[Rating.Again] == timedelta(days=1)
    twice = schedule([Review(DAY0, Rating.Easy), Review(DAY0 + due[Rating.Easy], Rating.Easy)])
    assert twice is not None and twice.due - DAY0 > 2 * due[Rating.Easy]  # answered well again: later still
    assert schedule([]) is None


def test_a_motivation_answer_is_scheduled_by_its_enthusiasm(store: Store) -> None:
    why = next(a for a in store.attempts("s1") if a.question_id == "why-role")
    assert answer_strength(why) == why.score("enthusiasm") != why.score("overall")


def test_the_next_day_the_weak_question_comes_first(store: Store) -> None:
    plan = build_plan(store, DAY0 + timedelta(days=1, hours=1), JOB)
    assert plan.due[0].kind == "question" and plan.due[0].id == "conflict"
    assert "fixed-performance" not in [i.id for i in plan.due]  # strong: comes back later
    weak = plan.due[0]
    assert weak.question == WEAK_Q.text and weak.tip and weak.last_scores and weak.last_scores["overall"] < 45
    assert weak.reason.startswith("last answer weak (")
    requirements = [i for i in plan.due if i.kind == "requirement"]
    assert requirements and all(i.reason.startswith("never evidenced") for i in requirements)
    assert POSTGRES not in [i.requirement for i in requirements]  # the strong story evidenced it
    assert requirements[0].must_have
    job_cards = len([r for r in parse_job(JOB).requirements if phrase_requirement(r.text).kind != "skip"])
    assert plan.cards == 3 + job_cards  # the failed take is no card
    text = plan_text(plan)
    assert "1. question: Tell me about a disagreement with a teammate." in text
    assert f"tip not yet followed: {weak.tip}" in text


def test_later_the_same_day_nothing_answered_is_due_yet(store: Store) -> None:
    plan = build_plan(store, DAY0 + timedelta(hours=8))  # no job: questions only
    assert plan.due == [] and plan.job_title is None
    assert plan.next_due_at == DAY0 + timedelta(days=1, minutes=3)  # the weak answer, a day after it
    assert "Nothing is due today." in plan_text(plan)


def test_a_tip_followed_at_last_moves_the_question_out(store: Store) -> None:
    _answer(store, "s2", WEAK_Q, STRONG, DAY0 + timedelta(days=1))  # a real story this time
    plan = build_plan(store, DAY0 + timedelta(days=1, hours=2))
    assert "conflict" not in [i.id for i in plan.due]


def test_untrusted_takes_do_not_count(store: Store) -> None:
    noisy = score_answer(STRONG_Q.text, STRONG).to_dict()
    noisy["quality"] = {"speech_s": 1.0, "status": "low", "reason": "mostly silence"}
    at = DAY0 + timedelta(days=9)
    store.save_attempt(AttemptRecord("s1", "fixed-performance", STRONG_Q.text, 2, at, feedback=noisy))
    plan = build_plan(store, at + timedelta(hours=1))
    strong = next(i for i in plan.due if i.id == "fixed-performance")
    assert strong.reason.endswith("1 scored answer")  # the noisy take is not a review


def test_the_json_follows_its_schema(store: Store) -> None:
    data = build_plan(store, DAY0 + timedelta(days=1), JOB).to_dict()
    jsonschema.validate(data, SCHEMA)
    assert {d["kind"] for d in data["due"]} == {"question", "requirement"}
    assert data["next_due_at"] is not None
    jsonschema.validate(build_plan(Store(Path(store.path.parent / "empty.sqlite3")), DAY0).to_dict(), SCHEMA)


def test_todays_bank_asks_exactly_the_due_items(store: Store) -> None:
    plan = build_plan(store, DAY0 + timedelta(days=1), JOB)
    bank = today_bank(plan, [BANK])
    assert bank.id == TODAY_BANK_ID and len(bank.questions) <= len(plan.due)
    # asked as its bank has it (target time included), with the tip its last answer did not follow
    assert replace(bank.questions[0], carried_tip=None) == WEAK_Q
    asked = {t for q in bank.questions for t in q.targets}
    for item in plan.due:
        if item.kind == "requirement":
            assert any(item.requirement.startswith(t.rstrip("…")) for t in asked)
    assert len({q.id for q in bank.questions}) == len(bank.questions)
    gone = today_bank(plan, [])  # the bank was deleted: asked from the history's text
    assert gone.questions[0].text == WEAK_Q.text and gone.questions[0].category == "behavioral"


def test_plan_command_prints_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    job = tmp_path / "job.txt"
    job.write_text(JOB)
    now = datetime.now().astimezone()
    db = Store()
    _answer(db, "s-old", WEAK_Q, WEAK, now - timedelta(days=2))
    db.close()
    assert main(["plan", "--job", str(job), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA)
    assert data["due"][0]["id"] == "conflict" and data["job"]
    assert requirement_id(POSTGRES) in [d["id"] for d in data["due"]]
    assert main(["plan"]) == 0  # the last session's job by default
    assert "question: Tell me about a disagreement with a teammate." in capsys.readouterr().out


def test_plan_command_with_a_missing_job_file_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--job", "/no/such/job.txt"]) != 0
    assert "job.txt" in capsys.readouterr().err


def _retry(store: Store, text: str, at: datetime, worked: WorkedTip) -> None:
    result = score_answer(WEAK_Q.text, text, job=JOB)
    store.save_attempt(
        AttemptRecord(
            "s1", WEAK_Q.id, WEAK_Q.text, 2, at, transcript=text, feedback=result.to_dict(), worked_tip=worked
        )
    )


def test_a_tip_the_retry_followed_is_not_the_one_left_to_follow(store: Store) -> None:
    at = DAY0 + timedelta(minutes=10)
    first_kind = score_answer(WEAK_Q.text, WEAK, job=JOB).tip_kinds[0]  # what the retry worked on
    _retry(store, WEAK, at, WorkedTip("Back the answer with one story.", first_kind, 1, "yes", "a story now"))
    weak = next(
        i for i in build_plan(store, DAY0 + timedelta(days=1, hours=1), JOB).due if i.id == "conflict"
    )
    assert weak.tip_kind is not None and weak.tip_kind != first_kind  # the next tip of the same answer
    assert weak.tip == score_answer(WEAK_Q.text, WEAK, job=JOB).tips[1]


def test_a_tip_tried_and_not_followed_says_so(store: Store) -> None:
    at = DAY0 + timedelta(minutes=10)
    kind = score_answer(WEAK_Q.text, WEAK, job=JOB).tip_kinds[0]
    _retry(store, WEAK, at, WorkedTip("Back the answer with one story.", kind, 1, "no", "still no story"))
    plan = build_plan(store, DAY0 + timedelta(days=1, hours=1), JOB)
    weak = next(i for i in plan.due if i.id == "conflict")
    assert weak.tip_kind == kind and weak.tip_times == 2 and weak.tip_tries == 1
    assert "(given 2 times, worked on 1 time)" in plan_text(plan)
    jsonschema.validate(plan.to_dict(), SCHEMA)
    (row,) = [d for d in plan.to_dict()["due"] if d["id"] == "conflict"]
    assert row["tip_kind"] == kind and row["tip_times"] == 2 and row["tip_tries"] == 1


def test_the_schema_documents_every_key_the_json_has(store: Store) -> None:
    """Every key `plan --format json` prints is described in the schema and required by it (no key
    printed but undocumented, none documented but missing)."""
    data = build_plan(store, DAY0 + timedelta(days=1), JOB).to_dict()
    assert set(data) == set(SCHEMA["required"]) == set(SCHEMA["properties"])
    item = SCHEMA["properties"]["due"]["items"]
    for row in data["due"]:
        assert set(row) == set(item["required"]) == set(item["properties"])


def test_an_answer_to_a_follow_up_is_no_question_of_its_own(store: Store) -> None:
    first = store.attempts("s1")[0]
    follow = "What was the outcome? Can you put a number on it?"
    result = score_answer(follow, "It went from nine seconds to two hundred milliseconds.", job=JOB)
    store.save_attempt(
        AttemptRecord(
            "s1",
            first.question_id,
            follow,
            2,
            DAY0 + timedelta(minutes=1),
            transcript="It went from nine seconds to two hundred milliseconds.",
            feedback=result.to_dict(),
            source="typed",
            follow_up_of=first.id,
            follow_up_reason="result",
        )
    )
    plan = build_plan(store, DAY0 + timedelta(days=1, hours=1), JOB)
    assert follow not in [i.question for i in plan.due if i.kind == "question"]
    assert plan.cards == 3 + len(
        [r for r in parse_job(JOB).requirements if phrase_requirement(r.text).kind != "skip"]
    )


def test_a_due_question_carries_the_tip_its_last_answer_did_not_follow(store: Store) -> None:
    """Today's bank gives each due question the plan's tip, saying which answer was given it, so the day's
    first answer works on it (a requirement's question carries none)."""
    plan = build_plan(store, DAY0 + timedelta(days=1), JOB)
    bank = today_bank(plan, [BANK])
    weak = plan.due[0]
    last = next(a for a in store.attempts("s1") if a.question_id == WEAK_Q.id)
    assert weak.tip is not None and weak.tip_kind is not None
    assert bank.questions[0].carried_tip == WorkedTip(
        weak.tip, weak.tip_kind, 1, from_attempt_id=last.id, from_day=DAY0.date().isoformat()
    )
    assert all(q.carried_tip is None for q in bank.questions if q.targets)
    carried = bank.questions[0].carried_tip
    assert WorkedTip.from_dict(carried.to_dict()) == carried  # stored with the answer as JSON
    assert carried.sentence().startswith(f"Worked on the tip of your answer of 2026-01-26 (“{weak.tip}”)")
