"""Tailored practice from real job descriptions: the questions read naturally, name the role and company,
target every must-have requirement, and make an ordinary, valid bank file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from feedback import parse_job
from feedback.scorer import question_kind
from practice.cli import main
from practice.core.banks import BankError, load_bank, parse_bank
from practice.prep.phrasing import phrase_requirement
from practice.prep.tailor import save_among_banks, tailor, write_bank

ROOT = Path(__file__).parent.parent
BACKEND_JOB = ROOT / "tests" / "data" / "backend-job.txt"
DEV_JOBS = sorted((ROOT / "eval" / "dev" / "jobs").glob("*.txt"))
ALL_JOBS = [*DEV_JOBS, BACKEND_JOB]


def test_backend_job_questions_name_the_role_company_and_each_requirement() -> None:
    tailored = tailor(BACKEND_JOB.read_text())
    questions = {q.id: q for q in tailored.questions}
    assert (tailored.title, tailored.company) == ("Senior Backend Engineer", "Northwind Logistics")
    assert tailored.questions[0].text == (
        "Why do you want this Senior Backend Engineer role at Northwind Logistics? "
        "What about the work itself draws you to it?"
    )
    assert questions["why-company"].text.startswith("Why Northwind Logistics?")
    assert tailored.questions[-1].category == "closing"
    assert "What questions do you have for us" in tailored.questions[-1].text
    # the brief's own example: a requirement as a noun phrase becomes a natural past-tense question
    postgres = next(
        q for q in tailored.questions if "Deep experience with PostgreSQL performance tuning" in q.targets
    )
    assert postgres.text == (
        "Tell me about a time you tuned PostgreSQL performance. "
        "What was slow, what did you do, and what changed?"
    )
    # the duty that asks for the same evidence shares the question instead of repeating it
    assert "Tune PostgreSQL queries and schemas for high-volume order data" in postgres.targets
    years = next(q for q in tailored.questions if "5+ years building backend services in Python" in q.targets)
    assert years.text.startswith("Walk me through something you're proud of from your years building backend")
    writing = next(q for q in tailored.questions if q.targets == ("Clear written communication",))
    assert writing.text.startswith("Tell me about a time your written communication made a difference.")


@pytest.mark.parametrize("job_file", ALL_JOBS, ids=lambda p: p.stem)
def test_every_must_have_is_targeted_once_or_explained(job_file: Path) -> None:
    job = parse_job(job_file.read_text())
    tailored = tailor(job.text)
    targeted = [t for q in tailored.questions for t in q.targets]
    skipped = [requirement for requirement, _why in tailored.skipped]
    for requirement in job.requirements:
        if requirement.must_have:
            assert targeted.count(requirement.text) + skipped.count(requirement.text) == 1, requirement.text
        else:
            assert requirement.text not in targeted  # nice-to-haves get no question of their own
    assert all(why for _requirement, why in tailored.skipped)
    behavioral = [q for q in tailored.questions if q.category == "behavioral"]
    assert len(behavioral) >= 2 and all(q.targets for q in behavioral)
    assert len({q.id for q in tailored.questions}) == len(tailored.questions)


@pytest.mark.parametrize("job_file", ALL_JOBS, ids=lambda p: p.stem)
def test_questions_read_naturally(job_file: Path) -> None:
    tailored = tailor(job_file.read_text())
    for question in tailored.questions:
        text = question.text
        assert text.endswith("?") and "  " not in text and len(text) < 400, text
        if question.category == "behavioral":
            asked = text.split(". What", 1)[0].split(". Who", 1)[0]
            if not asked.startswith("The job description says"):  # quoting the posting keeps its words
                assert not re.search(r"\b(our|us|we|you'll|you will)\b", asked, re.I), text
            assert question_kind(text) == "behavioral", text  # the scorer treats it as a story question
        else:
            assert question_kind(text) in ("motivation", "other"), text
    job = parse_job(job_file.read_text())
    motivation = " ".join(q.text for q in tailored.questions if q.category == "motivation")
    if job.company:
        assert job.company in motivation
    if job.title:
        assert re.sub(r"\s*\(.*?\)", "", job.title) in motivation


@pytest.mark.parametrize(
    ("requirement", "kind", "words"),
    [
        ("Deep experience with PostgreSQL performance tuning", "action", "tuned PostgreSQL performance"),
        (
            "Design, build and operate backend services in Python and Go that move real money",
            "action",
            "designed, built and operated backend services in Python and Go that move real money",
        ),
        (
            "Deploy and run services on Kubernetes (EKS) together with our platform team",
            "action",
            "deployed and ran services on Kubernetes (EKS) together with a platform team",
        ),
        (
            "Comfortable being on call and responding to incidents",
            "action",
            "were on call and responded to incidents",
        ),
        (
            "A track record of hitting or beating a meetings or pipeline target",
            "action",
            "hit or beat a meetings or pipeline target",
        ),
        ("Experience designing and maintaining REST APIs", "action", "designed and maintained REST APIs"),
        (
            "Experience with Salesforce or Gainsight (or a similar CRM / CS platform)",
            "action",
            "worked with Salesforce or Gainsight",
        ),
        (
            "Enforce safety rules and OSHA standards, complete incident reports, "
            "and lead pre-shift safety talks",
            "action",
            "enforced safety rules and OSHA standards and completed incident reports",
        ),
        (
            "Talk to hikers every week (interviews, usability sessions, support-ticket reviews) "
            "and bring what you learn back to the team.",
            "action",
            "talked to hikers and brought what you learned back to the team",
        ),
        (
            "A habit of writing automated tests, and experience with CI/CD",
            "action",
            "wrote automated tests and worked with CI/CD",
        ),
        (
            "3+ years of professional experience building backend services in Python or Go",
            "years",
            "years building backend services in Python or Go",
        ),
        (
            "1+ year in a quota-carrying or target-driven role "
            "(sales, SDR/BDR, recruiting, or customer-facing work with numeric goals)",
            "years",
            "time in a quota-carrying or target-driven role",
        ),
        (
            "3+ years of product management experience, ideally on a consumer mobile app.",
            "years",
            "product management experience",
        ),
        ("Clear written communication", "communication", "written communication"),
        ("Active, unencumbered Ohio RN license (or compact multistate license)", "skip", "a credential"),
        ("Most of our AEs started as SDRs;", "skip", "describes the company"),
        (
            "After the sale you are their main point of contact: "
            "you get them live, make sure they get value, and keep them with us.",
            "quote",
            "After the sale you are their main point of contact",
        ),
    ],
)
def test_phrasing_rules_on_real_requirement_lines(requirement: str, kind: str, words: str) -> None:
    phrase = phrase_requirement(requirement)
    assert phrase.kind == kind
    if kind in ("skip", "quote"):
        assert phrase.text.startswith(words)
    else:
        assert phrase.text == words


def test_colon_requirements_keep_their_heading_as_a_preface() -> None:
    phrase = phrase_requirement(
        "Strong PostgreSQL skills: you've designed schemas, tuned slow queries "
        "and run migrations in production"
    )
    assert phrase.preface == "This role asks for strong PostgreSQL skills."
    assert phrase.text == "designed schemas, tuned slow queries and ran migrations in production"


def test_fallback_wording_without_a_title_or_company() -> None:
    tailored = tailor("Requirements:\n- Experience with Terraform\n- Strong written communication\n")
    texts = [q.text for q in tailored.questions]
    assert texts[0] == "Why do you want this role? What about the work itself draws you to it?"
    assert texts[1].startswith("Why do you want to work here in particular?")
    assert texts[-1] == "We're nearly out of time. What questions do you have for us?"
    assert "Tell me about a time you worked with Terraform." in texts[2]


def test_a_posting_without_requirements_still_makes_a_valid_bank(tmp_path: Path) -> None:
    tailored = tailor("We are a small bakery in town. Come say hello.")
    assert [q.category for q in tailored.questions] == ["motivation", "motivation", "closing"]
    bank = write_bank(tailored, tmp_path / "bakery.toml")
    assert len(bank.questions) == 3


@pytest.mark.parametrize("job_file", ALL_JOBS, ids=lambda p: p.stem)
def test_the_bank_file_round_trips(job_file: Path, tmp_path: Path) -> None:
    tailored = tailor(job_file.read_text())
    path = tmp_path / "tailored.toml"
    write_bank(tailored, path, job_file.name)
    bank = load_bank(path)
    assert [(q.id, q.text, q.category, q.targets) for q in bank.questions] == [
        (q.id, q.text, q.category, q.targets) for q in tailored.questions
    ]
    assert list(tmp_path.iterdir()) == [path]  # written atomically: no temporary file left behind
    for requirement, _why in tailored.skipped:
        assert repr(requirement) in path.read_text()  # skipped requirements are listed as comments


def test_targets_in_the_bank_format_are_checked(tmp_path: Path) -> None:
    source = (
        'name = "x"\ndescription = "y"\n[[questions]]\nid = "a"\ntext = "Why?"\ncategory = "motivation"\n'
    )
    assert parse_bank(source + 'targets = ["Python"]\n', tmp_path / "x.toml").questions[0].targets == (
        "Python",
    )
    assert parse_bank(source, tmp_path / "x.toml").questions[0].targets == ()
    with pytest.raises(BankError) as error:
        parse_bank(source + "targets = 3\n", tmp_path / "x.toml")
    assert "x.toml:7:" in str(error.value) and "targets" in str(error.value)


def test_tailor_command_writes_a_bank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "northwind.toml"
    assert main(["tailor", "--job", str(BACKEND_JOB), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert (
        f"wrote {out}" in printed and "targets: Deep experience with PostgreSQL performance tuning" in printed
    )
    assert main(["banks", "validate", str(out)]) == 0
    bank = load_bank(out)
    assert bank.questions[0].id == "why-role" and any(q.targets for q in bank.questions)

    assert main(["tailor", "--job", str(BACKEND_JOB)]) == 0  # no --out: the TOML on standard output
    assert 'targets = [\n    "Deep experience with PostgreSQL performance tuning",' in capsys.readouterr().out

    assert main(["tailor", "--job", str(tmp_path / "missing.txt"), "--out", str(out)]) == 1
    assert "no such file" in capsys.readouterr().err


def test_saving_among_banks_never_overwrites_an_edited_file(tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    job = BACKEND_JOB.read_text()
    first = save_among_banks(tailor(job), folder)
    assert first.path.parent == folder and load_bank(first.path).questions == first.questions
    again = save_among_banks(tailor(job), folder)  # the same job tailored again: the same file, unchanged
    assert again.path == first.path and sorted(folder.iterdir()) == [first.path]

    edited = first.path.read_text().replace("Tell me about a time", "Walk me through a time", 1)
    first.path.write_text(edited)
    third = save_among_banks(tailor(job), folder)
    assert third.path == folder / f"{first.id}-2.toml"
    assert first.path.read_text() == edited  # the person's edit survives

    other = job.replace("PostgreSQL", "MySQL")  # another posting with the same title and company
    fourth = save_among_banks(tailor(other), folder)
    assert fourth.path == folder / f"{first.id}-3.toml"
    assert "MySQL" in fourth.path.read_text()


def test_a_run_on_requirement_still_makes_a_valid_bank_with_an_askable_question(tmp_path: Path) -> None:
    services = ", ".join(f"payment service {i} with strict latency budgets" for i in range(40))
    job = f"Senior Engineer at Acme\n\nRequirements (must have):\n- Experience operating {services}\n"
    tailored = tailor(job)
    bank = write_bank(tailored, tmp_path / "bank.toml")  # raised BankError (text over the limit) before
    (question,) = [q for q in bank.questions if q.targets]
    assert len(question.text) < 400 and "service 3 " in question.text and "service 39" not in question.text
    assert "…" in question.text and "…." not in question.text
