"""Question banks: the built-in set, the format rules, and clear `file:line` errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from practice.core.banks import BankError, load_bank, parse_bank
from practice.storage.catalog import load_catalog

GOOD = """\
name = "Mine"
description = "My own questions."
tags = ["custom"]

[[questions]]
id = "first"
text = "Tell me about a time you changed your mind."
category = "behavioral"
follow_ups = ["What made you change it?"]
target_seconds = 90
strong_answer = "A real situation and what changed."

[[questions]]
id = "second"
text = "Why this role?"
category = "motivation"
"""


def test_builtin_banks_are_many_and_valid() -> None:
    catalog = load_catalog(user_dir=Path("/nonexistent"))
    assert catalog.errors == []
    ids = {bank.id for bank in catalog.banks}
    assert {
        "general-behavioral",
        "motivation",
        "second-round",
        "software-engineering",
        "product-management",
        "customer-facing",
    } <= ids
    assert sum(len(bank.questions) for bank in catalog.banks) >= 80
    second_round = catalog.find("second-round")
    assert second_round is not None
    texts = " ".join(q.text.lower() for q in second_round.questions)
    assert "90 days" in texts and "questions" in texts
    assert all(bank.builtin for bank in catalog.banks)


def test_parse_good_bank(tmp_path: Path) -> None:
    path = tmp_path / "My Bank.toml"
    path.write_text(GOOD)
    bank = load_bank(path)
    assert bank.id == "my-bank"
    assert [q.id for q in bank.questions] == ["first", "second"]
    assert bank.questions[0].follow_ups == ("What made you change it?",)
    assert bank.questions[0].target_seconds == 90
    assert bank.questions[1].target_seconds is None
    assert bank.categories == {"behavioral": 1, "motivation": 1}


@pytest.mark.parametrize(
    ("mutation", "line", "message"),
    [
        (lambda s: s.replace('category = "motivation"', 'category = "gossip"'), 16, "category 'gossip'"),
        (lambda s: s.replace('id = "second"', 'id = "first"'), 14, "duplicate id 'first'"),
        (lambda s: s.replace("target_seconds = 90", 'target_seconds = "ninety"'), 10, "target_seconds"),
        (lambda s: s.replace('text = "Why this role?"\n', ""), 13, "missing required field `text`"),
        (lambda s: s.replace('tags = ["custom"]', "tags = 3"), 3, "`tags` must be a list"),
        (lambda s: s.replace('name = "Mine"', 'name = "Mine'), 1, "invalid TOML"),
        (lambda s: s.replace('id = "first"', 'id = "Has Spaces"'), 6, "lowercase letters"),
    ],
)
def test_invalid_banks_point_at_the_line(tmp_path: Path, mutation, line: int, message: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(mutation(GOOD))
    with pytest.raises(BankError) as caught:
        load_bank(path)
    text = str(caught.value)
    assert text.startswith(f"{path}:{line}: "), text
    assert message in text


def test_non_utf8_directory_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "latin1.toml"
    binary.write_bytes(GOOD.encode() + "\ntitle = 'caf\xe9'\n".encode("latin-1"))
    with pytest.raises(BankError, match="not UTF-8"):
        load_bank(binary)
    with pytest.raises(BankError, match="is a folder"):
        load_bank(tmp_path)
    with pytest.raises(BankError, match="no such file"):
        load_bank(tmp_path / "nope.toml")


def test_empty_bank_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="no questions"):
        parse_bank('name = "x"\ndescription = "y"\n', tmp_path / "x.toml")


def test_broken_user_bank_does_not_hide_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(GOOD)
    (tmp_path / "bad.toml").write_text("name = [unclosed")
    (tmp_path / "motivation.toml").write_text(GOOD)  # same id as a built-in bank
    catalog = load_catalog(user_dir=tmp_path)
    assert [str(e.path.name) for e in catalog.errors] == ["bad.toml"]
    ids = {bank.id for bank in catalog.banks}
    assert {"good", "motivation", "motivation-custom", "general-behavioral"} <= ids


@pytest.mark.slow
def test_banks_ship_inside_the_wheel(tmp_path: Path) -> None:
    """Installed without the checkout, the built-in banks must still be there (package data)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(root)], check=True
    )
    (wheel,) = tmp_path.glob("interview_practice-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {Path(n).name for n in names if n.startswith("question_banks/") and n.endswith(".toml")}
    assert len(shipped) >= 6
    assert "feedback/feedback.schema.json" in names


# --- hostile and broken files ------------------------------------------------------------------------------

HEAD = 'name = "x"\ndescription = "y"\n'


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        (HEAD + 'questions = "all of them"\n', 3, "`questions` must be a list of [[questions]] tables"),
        (HEAD + '[questions]\nid = "a"\n', 3, "write [[questions]] (double brackets)"),
        (HEAD + "questions = [1, 2]\n", 1, "each [[questions]] entry must be a table"),
        (HEAD + "questions = [{}]\n", 1, "missing required field `id`"),
        ('name = 1979-05-27\ndescription = "y"\n', 1, "`name` must be a string, not date"),
        (HEAD + '[[questions]]\nid = {x = 1}\ntext = "t"\ncategory = "opener"\n', 4, "`id` must be a string"),
        (
            HEAD + '[[questions]]\nid = "a"\ntext = "t"\ncategory = ["opener"]\n',
            6,
            "`category` must be a string",
        ),
        (
            HEAD + '[[questions]]\nid = "a"\ntext = "t"\ncategory = "opener"\ntarget_seconds = true\n',
            7,
            "target_seconds must be a whole number",
        ),
        (
            HEAD + '[[questions]]\nid = "a"\ntext = "t"\ncategory = "opener"\ntarget_seconds = 90.5\n',
            7,
            "target_seconds must be a whole number",
        ),
        (
            HEAD + '[[questions]]\nid = "a"\ntext = "t"\ncategory = "opener"\nfollow_ups = "why?"\n',
            7,
            "`follow_ups` must be a list of strings",
        ),
        (HEAD + '[[questions]]\nid = "a"\ncategory = "opener"\ntext = "   "\n', 6, "`text` is empty"),
        ('name = "a\x00"\n', 1, "invalid TOML"),
    ],
)
def test_wrong_types_and_shapes_are_clear(tmp_path: Path, source: str, line: int, message: str) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(source)
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert str(caught.value).startswith(f"{path}:{line}: "), str(caught.value)
    assert message in str(caught.value)


def test_a_one_megabyte_question_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge-question.toml"
    path.write_text(HEAD + f'[[questions]]\nid = "a"\ncategory = "opener"\ntext = "{"why " * 250_000}"\n')
    assert path.stat().st_size > 1_000_000
    with pytest.raises(
        BankError, match=r"huge-question.toml:6: question 1: `text` is 999999 characters; the limit"
    ):
        load_bank(path)


def test_a_hundred_thousand_questions_are_refused_quickly(tmp_path: Path) -> None:
    import time

    spelled_out = tmp_path / "long.toml"
    spelled_out.write_text(
        HEAD
        + "".join(
            f'[[questions]]\nid = "q{n}"\ntext = "Question {n}?"\ncategory = "opener"\n'
            for n in range(100_000)
        )
    )
    compact = tmp_path / "compact.toml"
    compact.write_text(HEAD + "questions = [" + "{}, " * 100_000 + "]\n")
    started = time.perf_counter()
    with pytest.raises(BankError, match=r"long.toml:1: the file is \d+ KB; banks are limited to 2 MB"):
        load_bank(spelled_out)
    with pytest.raises(BankError, match="100000 questions; the limit is 2000 a bank"):
        load_bank(compact)
    assert time.perf_counter() - started < 5


def test_byte_order_mark_is_accepted_and_special_files_are_refused(tmp_path: Path) -> None:
    with_bom = tmp_path / "notepad.toml"
    with_bom.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert len(load_bank(with_bom).questions) == 2
    with pytest.raises(BankError, match="not a regular file"):
        load_bank("/dev/zero")  # would never stop reading
    binary = tmp_path / "photo.toml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(BankError, match="not UTF-8"):
        load_bank(binary)
