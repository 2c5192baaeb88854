"""Question banks: TOML files of interview questions (format: question_banks/README.md).

Built-in banks ship inside the installed package (`question_banks`); a person's own banks are any TOML file
they point at, or files dropped in the user banks folder. One broken file never hides the others: loading
collects `BankError`s (`file:line: what is wrong`) next to the banks that did load.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from practice.core.errors import PracticeError

if TYPE_CHECKING:
    from practice.core.records import WorkedTip

CATEGORIES = ("opener", "behavioral", "motivation", "role", "situational", "technical", "closing")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Limits that keep a hostile or mistaken file from freezing the app; generous for any real bank.
MAX_FILE_BYTES = 2_000_000
MAX_QUESTIONS = 2_000
MAX_TEXT_CHARS = 1_000
TARGET_RANGE_S = (15, 600)
#: Added to the id of a bank whose id is already taken (BankCatalog.add).
CUSTOM_SUFFIX = "-custom"
#: Question tags the studio acts on (any other tag is kept and ignored): `your-questions` is the turn where
#: the person asks the interviewer their own questions (a mock interview asks it as its own step).
YOUR_QUESTIONS_TAG = "your-questions"
QUESTION_TAGS = (YOUR_QUESTIONS_TAG,)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    category: str
    follow_ups: tuple[str, ...] = ()
    target_seconds: int | None = None
    strong_answer: str | None = None
    targets: tuple[str, ...] = ()
    """The job requirements the question asks for evidence of (tailored banks set it; see README)."""
    tags: tuple[str, ...] = ()
    """Free-form labels of the question; the mock interview reads `your-questions` (QUESTION_TAGS)."""
    carried_tip: WorkedTip | None = None
    """Today's practice only (never in a bank file): the tip the question's last answer, on an earlier day,
    did not follow. The first answer to it in the session works on it, as a retry works on a tip."""


@dataclass(frozen=True)
class Bank:
    id: str
    name: str
    description: str
    path: Path
    questions: tuple[Question, ...]
    tags: tuple[str, ...] = ()
    builtin: bool = False

    @property
    def categories(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for question in self.questions:
            counts[question.category] = counts.get(question.category, 0) + 1
        return counts


def with_unique_id(question: Question, taken: set[str]) -> Question:
    """The question with an id no question in `taken` has (two banks may use the same id); its id is added."""
    qid, number = question.id, 2
    while qid in taken:
        qid, number = f"{question.id}-{number}", number + 1
    taken.add(qid)
    return replace(question, id=qid)


@dataclass
class BankError(PracticeError):
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line or 1}: {self.message}"


@dataclass
class BankCatalog:
    banks: list[Bank] = field(default_factory=list)
    errors: list[BankError] = field(default_factory=list)

    def add(self, bank: Bank) -> Bank:
        """Add a bank, keeping both when its id is taken (a user bank named like a built-in one): the newcomer
        becomes `<id>-custom`, so each is reachable by a distinct id. The one place for that rule (the catalog
        loader and the setup screen both add through here). Returns the bank as added."""
        if any(other.id == bank.id for other in self.banks):
            bank = replace(bank, id=f"{bank.id}{CUSTOM_SUFFIX}")
        self.banks.append(bank)
        return bank

    def find(self, name: str) -> Bank | None:
        """By id ("general-behavioral"), by display name, or by path."""
        wanted = name.strip().lower()
        for bank in self.banks:
            if wanted in (bank.id, bank.name.lower(), str(bank.path).lower()):
                return bank
        return None


def _line_of(source: str, needle: str, start: int = 0) -> int | None:
    """The 1-based line where `needle` first appears at or after character `start` (for error messages)."""
    index = source.find(needle, start)
    return None if index < 0 else source.count("\n", 0, index) + 1


def _question_lines(source: str) -> list[int]:
    """Line numbers of each `[[questions]]` header, in order, so errors point at the right question."""
    return [
        source.count("\n", 0, m.start()) + 1
        for m in re.finditer(r"^[ \t]*\[\[[ \t]*questions[ \t]*\]\]", source, re.M)
    ]


def _field_line(source: str, header_line: int | None, message: str) -> int | None:
    """The line of the field an error names (`key`) inside the question that starts at `header_line`."""
    if header_line is None:
        return None
    key = re.search(r"`(\w+)`|\b(id|category|target_seconds)\b", message)
    if key:
        name = key.group(1) or key.group(2)
        lines = source.splitlines()
        for number in range(header_line, len(lines)):
            stripped = lines[number].lstrip()
            if stripped.startswith("[["):
                break
            if re.match(rf"{name}\s*=", stripped):
                return number + 1
    return header_line


def _text_field(table: dict, key: str, where: str, required: bool = True) -> str | None:
    value = table.get(key)
    if value is None:
        if required:
            raise ValueError(f"{where}: missing required field `{key}`")
        return None
    if not isinstance(value, str):
        raise ValueError(f"{where}: `{key}` must be a string, not {type(value).__name__}")
    value = value.strip()
    if required and not value:
        raise ValueError(f"{where}: `{key}` is empty")
    if len(value) > MAX_TEXT_CHARS:
        raise ValueError(f"{where}: `{key}` is {len(value)} characters; the limit is {MAX_TEXT_CHARS}")
    return value


def _string_list(table: dict, key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: `{key}` must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _parse_question(table: object, where: str) -> Question:
    if not isinstance(table, dict):
        raise ValueError(f"{where}: each [[questions]] entry must be a table")
    qid = _text_field(table, "id", where)
    if not ID_PATTERN.match(qid or ""):
        raise ValueError(f"{where}: id {qid!r} must use lowercase letters, digits and dashes")
    category = _text_field(table, "category", where)
    if category not in CATEGORIES:
        raise ValueError(f"{where}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    target = table.get("target_seconds")
    if target is not None and (
        not isinstance(target, int)
        or isinstance(target, bool)
        or not TARGET_RANGE_S[0] <= target <= TARGET_RANGE_S[1]
    ):
        raise ValueError(
            f"{where}: target_seconds must be a whole number from {TARGET_RANGE_S[0]} to {TARGET_RANGE_S[1]}"
        )
    return Question(
        id=qid or "",
        text=_text_field(table, "text", where) or "",
        category=category or "",
        follow_ups=_string_list(table, "follow_ups", where),
        target_seconds=target,
        strong_answer=_text_field(table, "strong_answer", where, required=False),
        targets=_targets(table, where),
        tags=_string_list(table, "tags", where),
    )


def _targets(table: dict, where: str) -> tuple[str, ...]:
    """The requirements a question targets: requirement texts are sentences, so each has the text limit."""
    targets = _string_list(table, "targets", where)
    for target in targets:
        if len(target) > MAX_TEXT_CHARS:
            raise ValueError(
                f"{where}: a `targets` entry is {len(target)} characters; the limit is {MAX_TEXT_CHARS}"
            )
    return targets


def parse_bank(source: str, path: Path, builtin: bool = False) -> Bank:
    """Parse and validate one bank's text. Raises BankError pointing at the line."""
    source = source.removeprefix("\ufeff")  # a byte-order mark (Windows Notepad) is not part of the TOML
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None) or _line_from_message(str(error))
        raise BankError(
            path, line, f"invalid TOML: {error.msg if hasattr(error, 'msg') else error}"
        ) from error
    try:
        name = _text_field(data, "name", "bank") or ""
        description = _text_field(data, "description", "bank") or ""
        tags = _string_list(data, "tags", "bank")
    except ValueError as error:
        field_name = re.search(r"`(\w+)`", str(error))
        raise BankError(
            path, _line_of(source, field_name.group(1)) if field_name else 1, str(error)
        ) from None
    raw_questions = data.get("questions")
    if isinstance(raw_questions, dict):
        raise BankError(
            path,
            _line_of(source, "questions"),
            "[questions] is a single table: write [[questions]] (double brackets) before each question",
        )
    if raw_questions is not None and not isinstance(raw_questions, list):
        raise BankError(
            path, _line_of(source, "questions"), "`questions` must be a list of [[questions]] tables"
        )
    if not isinstance(raw_questions, list) or not raw_questions:
        raise BankError(path, 1, "the bank has no questions: add at least one [[questions]] table")
    if len(raw_questions) > MAX_QUESTIONS:
        raise BankError(path, 1, f"{len(raw_questions)} questions; the limit is {MAX_QUESTIONS} a bank")
    lines = _question_lines(source)
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for number, table in enumerate(raw_questions, start=1):
        line = lines[number - 1] if number <= len(lines) else None
        try:
            question = _parse_question(table, f"question {number}")
        except ValueError as error:
            raise BankError(path, _field_line(source, line, str(error)), str(error)) from None
        if question.id in seen:
            raise BankError(
                path,
                _field_line(source, line, "id"),
                f"question {number}: duplicate id {question.id!r} "
                f"(first used by question {seen[question.id]})",
            )
        seen[question.id] = number
        questions.append(question)
    return Bank(_bank_id(path), name, description, path, tuple(questions), tags, builtin)


def _line_from_message(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


def _bank_id(path: Path) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-") or "bank"


def load_bank(path: Path | str, builtin: bool = False) -> Bank:
    """Read one bank file; every way it can be wrong becomes a BankError with a line."""
    path = Path(path)
    if path.is_dir():
        raise BankError(path, None, "this is a folder; give the path of a .toml bank file")
    try:
        if path.exists() and not path.is_file():  # /dev/zero, a pipe: reading it would never end
            raise BankError(path, None, "this is not a regular file; give the path of a .toml bank file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BankError(
                path,
                None,
                f"the file is {size // 1024} KB; banks are limited to {MAX_FILE_BYTES // 1_000_000} MB",
            )
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # bounded even if the file grows after stat()
        if len(raw) > MAX_FILE_BYTES:
            raise BankError(
                path, None, f"the file is over {MAX_FILE_BYTES // 1_000_000} MB; that is the limit"
            )
    except FileNotFoundError:
        raise BankError(path, None, "no such file") from None
    except OSError as error:
        raise BankError(path, None, f"cannot be read: {error.strerror or error}") from None
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise BankError(path, line, "the file is not UTF-8 text: save it as UTF-8") from None
    return parse_bank(source, path, builtin)
