"""Question banks: the built-in set, the format rules, and clear `file:line` errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from practice.banks import BankError, load_bank, load_catalog, parse_bank

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
    assert {"general-behavioral", "motivation", "second-round", "software-engineering", "product-management",
            "customer-facing"} <= ids
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
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(tmp_path), str(root)], check=True)
    (wheel,) = tmp_path.glob("interview_practice-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {Path(n).name for n in names if n.startswith("question_banks/") and n.endswith(".toml")}
    assert len(shipped) >= 6
    assert "feedback/feedback.schema.json" in names
