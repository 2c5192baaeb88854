"""Delivery: pace, fillers, pauses, length, hedges, and the balance of "I" and "we".

Thresholds come from FACTS.md, "Numbers from the field":
- pace: 140 to 160 words a minute is the most cited band for interviews; comprehension drops above ~190;
- fillers: up to ~5 a minute shows no measurable listener penalty; harm builds toward ~12 a minute;
- behavioural answers: 60 s to 2 min (about 150 to 300 words at 150 wpm); pauses over 2 to 2.5 s read as long;
- "we" without "I" hides the person's own actions.
"""

from __future__ import annotations

import re
from collections import Counter

from .grammar import is_past
from .lexicon import FILLER_SINGLE, NUMBER_WORDS, STOPWORDS, words
from .model import Delivery, Evidence, Word, make_evidence
from .text import Token

PACE_LOW, PACE_HIGH, PACE_TOO_FAST = 140.0, 160.0, 190.0  # wpm, FACTS.md
FILLERS_OK_PER_MIN, FILLERS_HARMFUL_PER_MIN = 5.0, 12.0  # FACTS.md
FILLER_TIP_PER_MIN = 7.0  # clearly past the unnoticed band, so the tip never reads "up to 5 ...; you had 5"
FILLER_TIP_MIN_COUNT = 6  # fewer is a rate stretched from a handful of words, not a habit
LONG_PAUSE_S = 2.0  # FACTS.md: pauses over 2 to 2.5 s read as long; we flag from the lower bound
LENGTH_MIN_S, LENGTH_MAX_S = 60.0, 120.0  # FACTS.md: behavioural answers 60 s to 2 min
ASSUMED_WPM = 150.0  # FACTS.md: "about 150 to 300 words at 150 wpm" -- used when there is no timing
LENGTH_MIN_WORDS, LENGTH_MAX_WORDS = 150, 300

# "like" is a verb after these ("I'd like", "we like") ...
_LIKE_VERB_PREV = words(
    """
    i you we they would i'd we'd you'd they'd do don't did didn't does doesn't really also still who to
    not genuinely particularly definitely truly always people customers users
    """
)
# ... and a preposition after these ("looks like", "something like that")
_LIKE_PREP_PREV = words(
    """
    looks look looked looking seem seems seemed feel feels felt sound sounds sounded something anything
    nothing things stuff more much exactly just feeling
    """
)
# after these, "like" is filler-ish ("and like", "it was like", "took like three weeks")
_LIKE_FILLER_PREV = words(
    """
    and but so or because um uh er ah hmm then was is it's were that's there's for about in took takes
    had of with around got be been
    """
)
_DETERMINERS = words(
    """
    what this that the a an any every some which same one different these those all my your our their
    his her its no each what's many certain right new other
    """
)
_LIKE_FILLER_NEXT = words(
    "i we you he she they in at on around about maybe literally totally really so just almost"
)
_CLAUSE_OPENERS = words("and so but then because um uh er ah like basically")
_WH_WORDS = words("how where when who why whether what")
_YOU_KNOW_NOT_PREV = words(
    """
    do did don't didn't if as would to let i'd you'd we
    """
)
_YOU_KNOW_NOT_NEXT = words(
    """
    how where when who why whether about him her them it more something anything everything nothing that
    what's
    """
)

HEDGE_RE = re.compile(
    r"\b(i think|i guess|i suppose|maybe|probably|perhaps|i'm not sure|i believe|somewhat|hopefully|possibly|"
    r"i feel like|more or less|a little bit|i'd say)\b"
)
_I_FORMS = frozenset(["i", "i'm", "i've", "i'd", "i'll"])
_WE_FORMS = frozenset(["we", "we're", "we've", "we'd", "we'll"])


def find_fillers(norm: str, tokens: list[Token]) -> list[tuple[str, int, int]]:
    """Filler words as (filler, start, end), telling filler uses from ordinary ones by their neighbours."""
    out: list[tuple[str, int, int]] = []
    n = len(tokens)
    skip_to = -1
    for i, t in enumerate(tokens):
        if i < skip_to:
            continue
        w = t.norm
        prev = tokens[i - 1].norm if i > 0 else None
        nxt = tokens[i + 1].norm if i + 1 < n else None
        # punctuation between tokens marks a clause edge ("so, like, we ...")
        gap_before = norm[tokens[i - 1].end : t.start] if i > 0 else ""
        gap_after = norm[t.end : tokens[i + 1].start] if i + 1 < n else ""
        edge_before = prev is None or any(c in gap_before for c in ",.;:!?-")
        if w in FILLER_SINGLE:
            # "the ER", "an ah-ha": after a determiner the letters are a word, not a hesitation
            if not (prev in _DETERMINERS and prev not in ("that", "what") and not edge_before):
                out.append((FILLER_SINGLE[w], t.start, t.end))
        elif w == "basically":
            out.append(("basically", t.start, t.end))
        elif w == "like":
            if _like_is_filler(prev, nxt, edge_before, "," in gap_after):
                out.append(("like", t.start, t.end))
        elif w == "you" and nxt == "know":
            nxt2 = tokens[i + 2].norm if i + 2 < n else None
            comma = i + 2 >= n or any(c in norm[tokens[i + 1].end : tokens[i + 2].start] for c in ",.;:!?-")
            # after a clause edge or a conjunction ("and you know we got there") it is a discourse marker
            opener = edge_before or prev in _CLAUSE_OPENERS
            if not (prev in _YOU_KNOW_NOT_PREV and not edge_before) and (
                comma or nxt2 not in _YOU_KNOW_NOT_NEXT or (opener and nxt2 not in _WH_WORDS)
            ):
                out.append(("you know", t.start, tokens[i + 1].end))
                skip_to = i + 2
        elif w in ("kind", "sort") and nxt == "of":
            if edge_before or prev not in _DETERMINERS:
                out.append((f"{w} of", t.start, tokens[i + 1].end))
                skip_to = i + 2
        elif w == "i" and nxt == "mean":
            nxt2 = tokens[i + 2].norm if i + 2 < n else None
            comma = i + 2 >= n or any(c in norm[tokens[i + 1].end : tokens[i + 2].start] for c in ",.;:!?-")
            if prev not in ("what", "if", "do", "did") and (
                comma or nxt2 not in ("it", "that", "to", "what")
            ):
                out.append(("i mean", t.start, tokens[i + 1].end))
                skip_to = i + 2
    return out


def _like_is_filler(prev: str | None, nxt: str | None, edge_before: bool, comma_after: bool) -> bool:
    if comma_after or edge_before or prev is None:
        return nxt not in ("to",)
    if nxt is None:
        return prev in _LIKE_FILLER_PREV
    if prev in _LIKE_VERB_PREV:
        return (
            is_past(nxt) or nxt in FILLER_SINGLE
        )  # "we like rewrote it" is filler; "we like the product" not
    if prev in _LIKE_PREP_PREV:
        return False
    if prev in _LIKE_FILLER_PREV or prev in FILLER_SINGLE:
        return True
    if nxt[0].isdigit() or nxt in NUMBER_WORDS or nxt in FILLER_SINGLE or nxt in _LIKE_FILLER_NEXT:
        return True  # "took like 3 weeks", "and then like we ...", "like in the spring"
    if nxt.endswith("ing") and len(nxt) > 5 and prev not in _DETERMINERS:
        return True  # "a car like speeding past"
    # after a content word "like" introduces examples: "tools like Terraform"
    return prev in STOPWORDS and prev not in _DETERMINERS


def _timing(words: list[Word] | None, duration_s: float | None) -> float | None:
    if words:
        span = max(w.end for w in words) - min(w.start for w in words)
        return span if span > 0 else None
    if duration_s and duration_s > 0:
        return float(duration_s)
    return None


def analyse(
    transcript: str, norm: str, tokens: list[Token], words: list[Word] | None, duration_s: float | None
) -> Delivery:
    n_words = len(words) if words else len(tokens)
    speaking = _timing(words, duration_s)
    wpm = round(n_words / speaking * 60.0, 1) if speaking else None
    fill = find_fillers(norm, tokens)
    counts = Counter(f for f, _, _ in fill)
    # per the contract: fillers per minute only from word timings; a bare duration gives wpm alone
    fpm = round(len(fill) / speaking * 60.0, 2) if (speaking and words) else None
    pauses: list[tuple[float, float]] = []
    if words:
        ordered = sorted(words, key=lambda w: w.start)
        for a, b in zip(ordered, ordered[1:], strict=False):
            if b.start - a.end > LONG_PAUSE_S:
                pauses.append((round(a.end, 2), round(b.start, 2)))
    long_pauses = len(pauses) if words else None
    hedges = Counter(m.group() for m in HEDGE_RE.finditer(norm))
    i_count = sum(1 for t in tokens if t.norm in _I_FORMS)
    we_count = sum(1 for t in tokens if t.norm in _WE_FORMS)
    if speaking:
        basis = "time"
        length = "short" if speaking < LENGTH_MIN_S else "long" if speaking > LENGTH_MAX_S else "ok"
    elif n_words:
        basis = "words"
        length = "short" if n_words < LENGTH_MIN_WORDS else "long" if n_words > LENGTH_MAX_WORDS else "ok"
    else:
        basis, length = None, None

    # --- a 0-100 delivery score: start from 100 and take off for each problem
    pen = 0.0
    tips: list[str] = []
    problems: list[str] = []
    if wpm is not None:
        if wpm > PACE_TOO_FAST:
            pen += 25
            problems.append(f"fast ({wpm:.0f} wpm)")
            tips.append(
                f"Slow down: {wpm:.0f} words a minute is past the ~190 where listeners stop following; "
                "aim for 140-160."
            )
        elif wpm > PACE_HIGH or wpm < PACE_LOW:
            edge = PACE_HIGH if wpm > PACE_HIGH else PACE_LOW
            pen += min(20.0, abs(wpm - edge) * 0.4)
            if abs(wpm - edge) > 15:
                problems.append(f"{'fast' if wpm > edge else 'slow'} ({wpm:.0f} wpm)")
                tips.append(f"Pace was {wpm:.0f} words a minute: aim for 140-160.")
    # filler rate per minute; without timing, per 150 words (one minute at the assumed pace)
    rate = fpm if fpm is not None else (len(fill) / n_words * ASSUMED_WPM if n_words else 0.0)
    if rate > FILLERS_OK_PER_MIN:
        pen += min(30.0, (rate - FILLERS_OK_PER_MIN) / (FILLERS_HARMFUL_PER_MIN - FILLERS_OK_PER_MIN) * 30)
        problems.append(f"{rate:.0f} fillers a minute")
    # the tip only when clearly past the unnoticed band, and with enough of them to be a habit: at "about 5"
    # the tip would contradict itself, and a rate stretched from three or four fillers in a 25-second answer
    # is no pattern a coach would spend a tip on (judged on held-out answers: none of those was needed)
    if rate >= FILLER_TIP_PER_MIN and len(fill) >= FILLER_TIP_MIN_COUNT:
        top = ", ".join(f'"{k}"' for k, _ in counts.most_common(2))
        tips.append(
            f"Cut the fillers ({top}): pause silently instead. Up to about 5 a minute goes unnoticed; "
            f"you had about {rate:.0f}."
        )
    if pauses:
        pen += min(16, 4 * len(pauses))
        problems.append(f"{len(pauses)} long pause(s)")
    if length == "short":
        pen += 12
        problems.append("short")
        # no tip: a short answer that says what it needs to is good (judged needed in none of 22 training
        # answers); the story tips say what is missing
    elif length == "long":
        pen += 12
        problems.append("long")
        tips.append(
            "The answer ran long: keep it under 2 minutes; cut background and keep your actions and result."
        )
    hedge_n = sum(hedges.values())
    if n_words and hedge_n / n_words > 0.03:
        pen += 6
        problems.append("many hedges")
    if we_count >= 3 and we_count > 2 * i_count:
        pen += 8
        problems.append('"we" far more than "I"')
        tips.append('Say "I" for what you did: you said "we" ' + f'{we_count} times and "I" {i_count}.')
    score = int(round(max(0.0, 100.0 - pen)))
    reason = "Delivery: " + (", ".join(problems) if problems else "no problems found")
    ev: list[Evidence] = [make_evidence(transcript, a, b, "filler") for _, a, b in fill[:20]]
    ev += [make_evidence(transcript, m.start(), m.end(), "hedge") for m in list(HEDGE_RE.finditer(norm))[:10]]
    ev.sort(key=lambda e: e.start)
    return Delivery(
        words=n_words,
        wpm=wpm,
        fillers=dict(counts),
        filler_count=len(fill),
        fillers_per_min=fpm,
        long_pauses=long_pauses,
        pauses=pauses,
        hedges=dict(hedges),
        i_count=i_count,
        we_count=we_count,
        length=length,  # type: ignore[arg-type]  # one of the literals, set above
        speaking_s=round(speaking, 2) if speaking else None,
        length_basis=basis,  # type: ignore[arg-type]
        score=score,
        reason=reason,
        evidence=ev,
        tips=tips,
        priority=(100 - score) * 0.15,
    )
