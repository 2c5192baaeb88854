"""Writing the studio's human-editable TOML files (banks, story headers, posting corrections).

Values are written by tomli-w, a small maintained TOML writer: any text a person or a posting supplies
(quotes, newlines, ESC, DEL, any control character) is escaped the way the TOML spec requires, so the file
always reads back. Comments are the one thing tomli-w does not write; `toml_comment` makes them safe.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

import tomli_w

TomlValue = bool | int | float | str | date | list[str] | tuple[str, ...]

#: TOML allows no control character in a comment but the tab (spec: "Control characters other than tab
#: are not permitted in comments").
_COMMENT_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]+")


def toml_pairs(pairs: Mapping[str, TomlValue | None], keep_empty: bool = False) -> str:
    """`key = value` lines in order, ending in a newline; unset (None, empty) values are left out unless
    `keep_empty` (None is always left out: TOML has no null)."""
    kept = {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in pairs.items()
        if value is not None and (keep_empty or value not in ("", (), []))
    }
    return tomli_w.dumps(kept)


def toml_table_array(name: str, pairs: Mapping[str, TomlValue | None]) -> str:
    """One `[[name]]` table of an array of tables. Written as a table of its own, never inline, so a bank's
    questions read as the hand-written banks do whatever their length."""
    return f"[[{name}]]\n" + toml_pairs(pairs)


def toml_comment(text: str) -> str:
    """`# text` on one line: control characters (a newline, ESC, DEL) become a space."""
    return "# " + _COMMENT_UNSAFE.sub(" ", text)
