"""Keep from a decoding steered by a job's terms only what the terms changed: the terms themselves.

A job's terms as hotwords spell "Kubernetes" where Whisper alone hears "Cuba neat" (FACTS.md), but they steer
every word of the window, not just the term: on the shared human clips, which say none of a job's terms, they
turned "as an" into "has an" and "justly" into "just will", appended "five." or "Thank you." after the speech,
and closed a window before its last words (benchmarks/transcript_fidelity.py; word error rate 0.058 decoded
with the filler prompt alone against 0.095 with the terms too, over ten clips and seven endings each). So a
piece is decoded both ways and the two are lined up word by word: where they differ, the steered words are
taken only when they bring a job term the other decoding does not have; everywhere else the words are the
ones Whisper heard unsteered.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any


def bare(word: str) -> str:
    """A word as compared: lower case, letters and digits only ("Kubernetes," and "kubernetes" are one)."""
    return "".join(c for c in word.lower() if c.isalnum())


def term_words(hotwords: str | None) -> set[str]:
    """The words of the terms in a hotwords string ("PostgreSQL, CI/CD" -> postgresql, ci, cd, cicd)."""
    found: set[str] = set()
    for term in (hotwords or "").split(","):
        parts = [bare(p) for p in term.replace("/", " ").replace("-", " ").split()]
        found.update(p for p in parts if p)
        if len(parts) > 1:
            found.add("".join(parts))
    return found


def keep_terms(unsteered: list[Any], steered: list[Any], hotwords: str | None) -> list[Any]:
    """The unsteered words, with each stretch where the steered decoding differs taken from it instead when that
    stretch holds a job term the unsteered stretch lacks. Words are faster-whisper's (`.word`, times)."""
    terms = term_words(hotwords)
    plain = [bare(w.word) for w in unsteered]
    steer = [bare(w.word) for w in steered]
    merged: list[Any] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, plain, steer, autojunk=False).get_opcodes():
        brought = {w for w in steer[j1:j2] if w in terms} - set(plain[i1:i2])
        if op == "equal" or not brought:
            merged += unsteered[i1:i2]
            continue
        # Up to the last term only: words the steered decoding went on to add after it ("Thank you.") are not
        # the term's doing (both decodings heard the same audio; the unsteered one did not hear them).
        last = max(j for j in range(j1, j2) if steer[j] in brought)
        merged += steered[j1 : last + 1]
    return merged
