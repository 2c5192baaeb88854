"""The scorer's code must not quote its evaluation data.

A string literal (docstrings included) or a comment in `feedback/` that shares a run of six words with
an answer, a question, a label note, a job posting or a data set's README under `eval/` means a phrase was
copied from the data the scorer is measured on. Scores tuned that way hold on the dev set and nowhere else.

The eval files are found by glob when the test runs, so new sets are covered without editing this file.
Failures name the file, the line and the six shared words only, never more of the answer or posting.
"""

from __future__ import annotations

import ast
import io
import itertools
import json
import re
import tokenize
from pathlib import Path

import pytest

try:  # Python 3.11+
    import re._parser as sre_parse
    from re._constants import (
        ANY,
        AT,
        BRANCH,
        CATEGORY,
        CATEGORY_SPACE,
        IN,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        NEGATE,
        SUBPATTERN,
    )
except ImportError:  # pragma: no cover - older interpreters
    import sre_parse  # type: ignore[no-redef]
    from sre_constants import (  # type: ignore[no-redef]
        ANY,
        AT,
        BRANCH,
        CATEGORY,
        CATEGORY_SPACE,
        IN,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        NEGATE,
        SUBPATTERN,
    )

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
PACKAGE = ROOT / "feedback"
N = 6
WORD = re.compile(r"[a-z0-9']+")
# Anything that makes a string worth reading as a regular expression as well as plain text.
REGEX_HINT = re.compile(r"\\[bBsSwWdD]|\(\?|\||\[[^\]]*\]|[+*?]\s*\)|\)\s*[?+*]")
MAX_VARIANTS = 256  # per regex; beyond this the plain "syntax to spaces" reduction is used alone


def _norm(text: str) -> str:
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def words(text: str) -> list[str]:
    return WORD.findall(_norm(text))


def words_at(text: str) -> list[tuple[str, int]]:
    """Words with their character offset, so a hit can be traced to a line inside a long literal."""
    return [(m.group(), m.start()) for m in WORD.finditer(_norm(text))]


def ngrams(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + N]) for i in range(len(tokens) - N + 1)}


# ---------------------------------------------------------------- eval data


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def eval_texts() -> list[tuple[str, str]]:
    """(source, text) for everything written about the eval data, found by glob: every string of every
    answer and label record (answers, questions, notes, posting labels), the postings, and the sets'
    READMEs. The rubric itself is left out: it is the specification the scorer implements."""
    out: list[tuple[str, str]] = []
    for path in sorted(EVAL.glob("**/*.jsonl")):
        rel = path.relative_to(ROOT).as_posix()
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out += [(rel, text) for text in _strings(json.loads(line))]
    postings = set(EVAL.glob("**/jobs/*.txt")) | set(EVAL.glob("postings/**/*.txt"))
    readmes = {p for p in EVAL.glob("**/README.md") if p.parent != EVAL}
    for path in sorted(postings | readmes):
        out.append((path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8", errors="replace")))
    return out


def eval_ngrams() -> dict[tuple[str, ...], str]:
    """Every six-word run in the eval data -> the first file it came from."""
    seen: dict[tuple[str, ...], str] = {}
    for source, text in eval_texts():
        for gram in ngrams(words(text)):
            seen.setdefault(gram, source)
    return seen


# ---------------------------------------------------------------- regex reading


def _regex_variants(pattern: str) -> list[str]:
    """Readings of a regex as plain text: branches expanded, optional parts both in and out.

    Character classes and wildcards become a space (a word break), `\\s` a space, anchors nothing.
    Returns [] when the pattern does not parse or has too many readings.
    """
    try:
        tree = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - not a regex after all
        return []

    def seq(items) -> list[str]:
        out = [""]
        for op, av in items:
            part = node(op, av)
            out = [a + b for a in out for b in part]
            if len(out) > MAX_VARIANTS:
                raise OverflowError
        return out

    def node(op, av) -> list[str]:
        if op is LITERAL:
            return [chr(av)]
        if op is IN:
            if any(o is NEGATE for o, _ in av):
                return [" "]
            literals = [chr(v) for o, v in av if o is LITERAL]
            if any(o is CATEGORY and v is CATEGORY_SPACE for o, v in av):
                return [" "]
            if "'" in literals:
                return ["'"]
            return [" "]
        if op is ANY:
            return [" "]
        if op is AT:
            return [""]
        if op is SUBPATTERN:
            return seq(av[-1])
        if op is BRANCH:
            found: list[str] = []
            for branch in av[1]:
                found.extend(seq(branch))
            return found
        if op in (MAX_REPEAT, MIN_REPEAT):
            low, _high, body = av
            once = seq(body)
            return ([""] if low == 0 else []) + once
        return [" "]

    try:
        return seq(tree)
    except (OverflowError, RecursionError):
        return []


def _regex_reduced(text: str) -> str:
    """Regex syntax to spaces: `\\b`, `\\s+`, `(?:`, `|`, `?`, classes and so on all become word breaks."""
    text = re.sub(r"\\[bBsSwWdDAZ][+*?]?", " ", text)
    text = re.sub(r"\(\?(?:[:=!>]|<[=!]|P?<\w+>|[aiLmsux-]+[:)])", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = re.sub(r"\{\d+(?:,\d*)?\}", " ", text)
    return re.sub(r"[|()?*+^$\\]", " ", text)


def readings(value: str) -> list[str]:
    """The literal as written, plus, when it looks like a regex, its plain-text readings."""
    found = [value]
    if REGEX_HINT.search(value):
        found.append(_regex_reduced(value))
        found.extend(_regex_variants(value))
    return found


# ---------------------------------------------------------------- code scanning


def _hits_in(
    text: str, first_line: int, grams: dict[tuple[str, ...], str], exact_lines: bool
) -> list[tuple[int, tuple[str, ...], str]]:
    """Shared runs in one piece of code text: one report per maximal run, at the line where it starts."""
    tokens = words_at(text)
    hits = []
    previous = False
    for i in range(len(tokens) - N + 1):
        gram = tuple(w for w, _ in tokens[i : i + N])
        shared = gram in grams
        if shared and not previous:
            offset = text.count("\n", 0, tokens[i][1]) if exact_lines else 0
            hits.append((first_line + offset, gram, grams[gram]))
        previous = shared
    return hits


def _string_literals(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def _comment_blocks(source: str):
    """Comments, with comments on consecutive lines joined so a phrase split over lines is still seen."""
    block: list[tuple[int, str]] = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.COMMENT:
            continue
        line = tok.start[0]
        if block and line != block[-1][0] + 1:
            yield block[0][0], "\n".join(text for _, text in block)
            block = []
        block.append((line, tok.string.lstrip("#")))
    if block:
        yield block[0][0], "\n".join(text for _, text in block)


def scan(path: Path, grams: dict[tuple[str, ...], str]) -> list[str]:
    source = path.read_text(encoding="utf-8")
    rel = path.relative_to(ROOT).as_posix()
    found: dict[tuple[int, tuple[str, ...]], str] = {}
    for line, value in _string_literals(ast.parse(source, filename=rel)):
        for k, reading in enumerate(readings(value)):
            for hit_line, gram, origin in _hits_in(reading, line, grams, exact_lines=k == 0):
                found.setdefault((hit_line, gram), origin)
    for line, text in _comment_blocks(source):
        for hit_line, gram, origin in _hits_in(text, line, grams, exact_lines=True):
            found.setdefault((hit_line, gram), origin)
    return [
        f"{rel}:{line}: {' '.join(gram)}  (shared with {origin})"
        for (line, gram), origin in sorted(found.items(), key=lambda item: item[0])
    ]


# ---------------------------------------------------------------- tests


def test_the_regex_reader_sees_through_alternations_and_optional_words() -> None:
    seen = {
        " ".join(words(r)) for r in readings(r"\bi (?:really |truly )?(?:want|hope) to join\s+the team\b")
    }
    assert "i really want to join the team" in seen
    assert "i hope to join the team" in seen
    grams = {tuple("we shipped it on a friday".split()): "eval/x"}
    hits = _hits_in(r"(?:we|they) shipped it on a (?:monday|friday)", 1, grams, exact_lines=False)
    assert not hits  # the literal text alone hides the phrase ...
    hits = [
        h
        for r in readings(r"(?:we|they) shipped it on a (?:monday|friday)")
        for h in _hits_in(r, 1, grams, False)
    ]
    assert hits  # ... its readings do not


def test_no_string_or_comment_in_feedback_quotes_eval_data() -> None:
    grams = eval_ngrams()
    if not grams:
        pytest.skip("no eval data under eval/ to compare against")
    problems = list(itertools.chain.from_iterable(scan(p, grams) for p in sorted(PACKAGE.rglob("*.py"))))
    assert not problems, (
        f"{len(problems)} string literal(s) or comment(s) in feedback/ share six words with eval data; "
        "rewrite them in your own words or delete them:\n" + "\n".join(problems)
    )
