"""Word error rate with the normalisation speech benchmarks use, so "10%" and "ten percent" count as equal.

Used by the latency benchmark, the evaluation command and the tests; no third-party dependency.
"""

from __future__ import annotations

import re

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"), (100, "hundred"))


def number_words(value: int) -> str:
    """1234 -> "one thousand two hundred thirty four" (no "and", as recognisers write it)."""
    if value < 20:
        return _ONES[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return _TENS[tens] + (f" {_ONES[ones]}" if ones else "")
    for size, name in _SCALES:
        if value >= size:
            head, rest = divmod(value, size)
            return f"{number_words(head)} {name}" + (f" {number_words(rest)}" if rest else "")
    raise AssertionError("unreachable")


def _spell_number(match: re.Match[str]) -> str:
    digits = match.group(1).replace(",", "")
    words = number_words(int(digits)) if len(digits) <= 12 else digits
    if match.group(2):
        words += " point " + " ".join(_ONES[int(d)] for d in match.group(2))
    return f" {words} " + ("percent " if match.group(3) else "")


def normalize(text: str) -> list[str]:
    """Lowercase words with numbers spelled out, "%" as "percent", hyphens split and punctuation dropped."""
    text = text.lower().replace("-", " ")
    text = re.sub(r"\$(\d)", r"\1", text)
    text = re.sub(r"(\d[\d,]*)(?:\.(\d+))?\s*(%)?", _spell_number, text)
    return re.sub(r"[^a-z0-9' ]+", " ", text).split()


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / reference words, after `normalize`."""
    ref, hyp = normalize(reference), normalize(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    previous = list(range(len(hyp) + 1))
    for i, ref_word in enumerate(ref, start=1):
        current = [i] + [0] * len(hyp)
        for j, hyp_word in enumerate(hyp, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_word != hyp_word))
        previous = current
    return previous[-1] / len(ref)
