"""Every tip the scorer can give has a stable kind, read from its template's opening words."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import pytest

from feedback import Feedback, score_answer
from feedback.tip_kinds import KIND_WORDS, OPENINGS, TipKind, kinds_of, tip_kind, tip_kinds

FEEDBACK = Path(__file__).parent.parent / "feedback"
TIP_MODULES = ("examples.py", "enthusiasm.py", "delivery.py", "requirement_tips.py")


def _opening(node: ast.expr) -> str | None:
    """The fixed words a tip expression starts with (a literal, an f-string up to its first field, the left
    side of a concatenation)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        text = ""
        for part in node.values:
            if not (isinstance(part, ast.Constant) and isinstance(part.value, str)):
                break
            text += part.value
        return text
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _opening(node.left)
    return None


def template_openings() -> list[tuple[str, str]]:
    """(module, opening) of every tip written in the scoring modules: `tips.append(...)` and the lists a
    `*_tip(s)` function returns."""
    found: list[tuple[str, str]] = []
    for name in TIP_MODULES:
        tree = ast.parse((FEEDBACK / name).read_text())
        for node in ast.walk(tree):
            exprs: list[ast.expr] = []
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "append"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "tips"
            ):
                exprs = list(node.args[:1])
            elif isinstance(node, ast.FunctionDef) and "tip" in node.name:
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and isinstance(ret.value, ast.List):
                        exprs += ret.value.elts
            for expr in exprs:
                opening = _opening(expr)
                if opening:
                    found.append((name, opening))
    return found


def test_the_scoring_modules_write_tips_this_test_can_find() -> None:
    # a guard on the guard: if tips moved elsewhere, the next test would pass on nothing
    assert len(template_openings()) >= 15


@pytest.mark.parametrize(("module", "opening"), template_openings())
def test_every_tip_template_has_a_kind(module: str, opening: str) -> None:
    assert tip_kind(opening) != "other", f"{module}: add the opening of {opening!r} to feedback/tip_kinds.py"


def test_every_kind_is_known_and_has_words() -> None:
    kinds = set(typing.get_args(TipKind))
    assert {kind for _, kind in OPENINGS} <= kinds
    assert set(KIND_WORDS) == kinds


def test_kinds_survive_filled_in_words_and_typographic_quotes() -> None:
    assert tip_kind("Close with why Acme: one particular thing about it that draws you") == "company_reason"
    assert tip_kind("Close with why the company: one particular thing") == "company_reason"
    assert tip_kind("Say “I” for what you did: you said “we” 9 times and “I” 1.") == "personal_action"
    assert tip_kind("Pace was 182 words a minute: aim for 140-160.") == "pace"
    assert tip_kind("Something new the scorer says.") == "other"


def test_scored_feedback_carries_one_kind_per_tip_and_reads_back() -> None:
    fb = score_answer(
        "Tell me about a time you improved a process.",
        "We reorganised the release process. We wrote a checklist and we moved the reviews earlier. "
        "Releases got faster after that.",
        model="rules",
    )
    assert fb.tips and len(fb.tip_kinds) == len(fb.tips)
    assert fb.tip_kinds == tip_kinds(fb.tips)
    assert "other" not in fb.tip_kinds
    assert Feedback.from_dict(fb.to_dict()) == fb


def test_a_result_stored_before_kinds_gets_them_from_its_tips() -> None:
    tips = ["Quantify the result: how much faster.", 'Cut the fillers ("um"): pause silently instead.']
    assert kinds_of(tips, None) == ["measurable_result", "fillers"]
    assert kinds_of(tips, ["result"]) == ["measurable_result", "fillers"]  # not one for one: worked out again
    assert kinds_of(tips, ["result", "pace"]) == ["result", "pace"]  # as stored
    data = score_answer("Why this role?", "I like it.", model="rules").to_dict()
    data.pop("tip_kinds")
    assert Feedback.from_dict(data).tip_kinds == tip_kinds(data["tips"])
