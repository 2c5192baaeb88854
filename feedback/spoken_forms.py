"""Spoken and transcribed forms of written technical names, for looking job terms up in an answer.

A transcript spells a name the way it was heard: an acronym as letters ("d b t", "D-B-T", "dee bee tee",
"S.Q.L.") and a compound as two words ("snow flake", "post gres", "java script"). The posting writes "dbt",
"SQL", "Snowflake", "Postgres". ``aliases`` gives, for a run of answer tokens, the single written word it may
stand for, so the requirement lookup finds the name whichever way the speech recogniser wrote it.
"""

from __future__ import annotations

from collections.abc import Iterator

from .lexicon import STOPWORDS, words

# how letters are said: only the unambiguous names; "see", "be", "are", "you", "why", "oh" are common words,
# and single letters ("a", "i") are too unless their neighbours are letters as well
_LETTER_NAMES = {
    "ay": "a", "bee": "b", "cee": "c", "dee": "d", "ee": "e", "eff": "f", "ef": "f", "gee": "g", "aitch": "h",
    "jay": "j", "kay": "k", "el": "l", "ell": "l", "em": "m", "en": "n", "pee": "p", "cue": "q", "ar": "r",
    "ess": "s", "es": "s", "tee": "t", "vee": "v", "ex": "x", "zee": "z", "zed": "z",
}  # fmt: skip
_SINGLE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
# a pair of words is joined into one name only when both halves are this long and neither is a function word
# ("in sight" is not "insight" evidence worth the risk; "snow flake" and "post gres" are)
MIN_HALF = 3
MIN_JOINED = 6
MAX_LETTERS = 5
_NOT_HALVES = STOPWORDS | words("and the for with from into over about")


def _letter(norm: str) -> str | None:
    if norm in _LETTER_NAMES:
        return _LETTER_NAMES[norm]
    return norm if norm in _SINGLE_LETTERS else None


def _dotted(norm: str) -> str | None:
    """ "d-b-t" / "s.q.l" -> "dbt" / "sql": single letters joined by dots or hyphens."""
    parts = norm.replace(".", "-").split("-")
    if len(parts) >= 2 and all(len(p) == 1 and p.isalpha() for p in parts):
        return "".join(parts)
    return None


def aliases(norms: list[str]) -> Iterator[tuple[int, int, str]]:
    """(first token, last token, written form) for every spelled-out acronym and split compound in ``norms``."""
    for i, n in enumerate(norms):
        dotted = _dotted(n)
        if dotted:
            yield i, i, dotted
    i = 0
    while i < len(norms):
        j = i
        letters: list[str] = []
        while j < len(norms) and len(letters) < MAX_LETTERS and (ch := _letter(norms[j])) is not None:
            letters.append(ch)
            j += 1
        # two or more letters in a row, at least one of them not a plain word ("a", "i" alone prove nothing)
        if len(letters) >= 2 and any(norms[k] not in ("a", "i") for k in range(i, j)):
            # every stretch of two or more: "a dee bee tee" holds "dbt"
            for first in range(i, j - 1):
                for end in range(first + 2, j + 1):
                    yield first, end - 1, "".join(letters[first - i : end - i])
            i = j
        else:
            i += 1
    for i in range(len(norms) - 1):
        left, right = norms[i], norms[i + 1]
        if (
            len(left) >= MIN_HALF
            and len(right) >= MIN_HALF
            and len(left) + len(right) >= MIN_JOINED
            and left.isalpha()
            and right.isalpha()
            and left not in _NOT_HALVES
            and right not in _NOT_HALVES
        ):
            yield i, i + 1, left + right
