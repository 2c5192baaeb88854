"""Tokens, sentences and light stemming for written or spoken answers.

Everything here works on a *normalised* copy of the transcript that has exactly the same length as the
original (lower case, curly apostrophes straightened), so every regex match offset is also an offset into the
original transcript. That is what keeps evidence spans honest: ``transcript[start:end] == text`` always.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# A token is a word, a number, or a technical name such as "node.js", "c++", "c#", "ci/cd", "$2.5m", "40%".
# Inner punctuation is kept only when a word character follows, so a sentence-final dot is not swallowed.
TOKEN_RE = re.compile(r"[$£€]?\w(?:[\w'+#%]|[.\-/&](?=\w))*[+#%]*")

# Hard sentence ends: ., !, ? or ; followed by space, or a line break. Decimal points ("3.5") and names
# ("node.js") have no space after the dot, so they never split.
_HARD_END_RE = re.compile(r"(?<=[.!?;])[\"')\]]*\s+|\s*\n+\s*")
# abbreviations whose dot does not end a sentence ("the 6 a.m. delivery", "e.g. Postgres")
_NO_END_BEFORE = re.compile(
    r"(\b(a\.m|p\.m|e\.g|i\.e|etc|vs|approx|dr|mr|mrs|ms|st|inc|co|no|jr|sr|u\.s)\.)$"
)

# Spoken answers often arrive with no punctuation at all ("so um back then we had ... and then i ...").
# Long runs are cut before discourse markers that usually open a new clause. Lists are token tuples.
_MARKERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(m.split())
    for m in (
        "and then",
        "and so",
        "so then",
        "so i",
        "so we",
        "then i",
        "then we",
        "after that",
        "afterwards",
        "as a result",
        "in the end",
        "by the end",
        "eventually",
        "finally",
        "ultimately",
        "which meant",
        "that meant",
        "the result",
        "the outcome",
        "but",
        "however",
        "and i",
        "and we",
        "and that",
        "and it",
        "first i",
        "first we",
        "next i",
        "next we",
        "my goal",
        "my job",
        "my task",
        "the goal",
        "the problem",
        "the issue",
        "i think",
        "i also",
        "i want",
        "i'd love",
        "i would",
        "i'm",
        "what i",
        "when i",
        "one time",
        "at my",
        "in my",
    )
)
_MARKERS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _m in _MARKERS:
    _MARKERS_BY_FIRST.setdefault(_m[0], []).append(_m)

# A run longer than this many tokens without punctuation is treated as several sentences. Written sentences
# in interview answers rarely run past ~30 words; spoken ones have no full stops at all.
SOFT_MAX_TOKENS = 22
HARD_MAX_TOKENS = 40
PUNCTUATED_SOFT_MAX = 45
_MIN_PIECE = 4  # never leave a fragment shorter than this when cutting at a marker


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``norm`` is the lower-cased text, ``start``/``end`` index the original transcript."""

    norm: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or clause, for unpunctuated speech) as a span of the original transcript."""

    index: int
    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def norms(self) -> tuple[str, ...]:
        return tuple(t.norm for t in self.tokens)


def normalise(text: str) -> str:
    """Lower-case and straighten apostrophes without changing the length (offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):  # a few characters (e.g. 'İ') grow when lower-cased: fall back char by char
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("\u2019", "'").replace("\u2018", "'")


def tokenize(norm_text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``norm_text[start:end]`` with absolute offsets."""
    end = len(norm_text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(norm_text, start, end)]


def _cut_long(tokens: list[Token], soft_max: int = SOFT_MAX_TOKENS) -> list[list[Token]]:
    """Cut an over-long unpunctuated run before discourse markers, then by length if still too long."""
    if len(tokens) <= soft_max:
        return [tokens]
    pieces: list[list[Token]] = []
    last = 0
    i = _MIN_PIECE
    while i <= len(tokens) - _MIN_PIECE:
        cands = _MARKERS_BY_FIRST.get(tokens[i].norm)
        if cands and i - last >= _MIN_PIECE:
            for m in cands:
                if tuple(t.norm for t in tokens[i : i + len(m)]) == m:
                    cut = (
                        i - 1
                        if tokens[i - 1].norm in ("and", "so", "but") and i - 1 - last >= _MIN_PIECE
                        else i
                    )
                    pieces.append(tokens[last:cut])
                    last = cut
                    break
        i += 1
    pieces.append(tokens[last:])
    out: list[list[Token]] = []
    for p in pieces:
        while len(p) > max(HARD_MAX_TOKENS, soft_max):
            out.append(p[:SOFT_MAX_TOKENS])
            p = p[SOFT_MAX_TOKENS:]
        out.append(p)
    return out


def split_sentences(norm_text: str) -> list[Sentence]:
    """Split into sentences; unpunctuated speech is cut at discourse markers and by length."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _HARD_END_RE.finditer(norm_text):
        if "\n" not in m.group() and _NO_END_BEFORE.search(norm_text, max(0, m.start() - 8), m.start()):
            continue
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(norm_text)))
    # Written answers have their own full stops: only cut their sentences when they are very long.
    n_tokens = len(TOKEN_RE.findall(norm_text))
    punctuated = len(spans) >= 2 and n_tokens / len(spans) < 30
    soft_max = PUNCTUATED_SOFT_MAX if punctuated else SOFT_MAX_TOKENS
    sentences: list[Sentence] = []
    for a, b in spans:
        toks = tokenize(norm_text, a, b)
        if not toks:
            continue
        for piece in _cut_long(toks, soft_max):
            if not piece:
                continue
            s_start = piece[0].start
            s_end = piece[-1].end
            # keep a closing punctuation mark inside the sentence span for nicer evidence text
            if s_end < b and norm_text[s_end] in ".!?;":
                s_end += 1
            sentences.append(Sentence(len(sentences), s_start, s_end, tuple(piece)))
    return sentences


_SNOWBALL = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-case word: "escalated" and "escalations" both give "escal".

    A well-kept stemmer rather than a suffix list: the hand-written one gave "escalat" and "escal" for those
    two, so an answer that escalated something did not touch a requirement about escalations."""
    w = word.strip("'").removesuffix("'s")
    if len(w) <= 3 or not w.isalpha():
        return w
    return str(_SNOWBALL.stemWord(w))
