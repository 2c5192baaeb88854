"""Turn one job requirement into the words of a behavioral question: "Deep experience with PostgreSQL
performance tuning" -> "tuned PostgreSQL performance", so the question reads "Tell me about a time you tuned
PostgreSQL performance."

Postings write requirements in a handful of shapes, and each has its own rule:

- a duty, a verb phrase ("Design, build and operate backend services"): the leading verbs, and verbs joined
  later with "and", go to the past tense ("designed, built and operated backend services");
- a gerund after a lead-in ("Experience running ...", "A track record of owning ..."): the same, from "-ing";
- "Head: you've designed schemas, tuned slow queries": the clause after the colon, prefaced by the head;
- "N+ years of X": asks for a piece of work from those years rather than "a time you had five years";
- a noun phrase ("Deep experience with PostgreSQL performance tuning", "Salesforce or Gainsight"): a known
  nominalisation becomes a verb ("tuned PostgreSQL performance"), otherwise "worked with X";
- prose ("You'll write SQL ..., and you'll build ..."): lead-ins are dropped and clauses joined.

A credential ("Ohio RN license", "BLS certification") is a yes/no fact, not a story, so it gets no question;
a sentence about the company rather than the candidate ("Most of our AEs started as SDRs") neither. Anything
the rules cannot turn into clean English falls back to quoting the posting, which always reads correctly.
No part-of-speech model: word lists and a few patterns, so the result is deterministic and explainable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from practice.prep.phrasing_words import ACTIVITY as _ACTIVITY
from practice.prep.phrasing_words import AMBIGUOUS as _AMBIGUOUS
from practice.prep.phrasing_words import BASE_VERBS, past
from practice.prep.phrasing_words import FROM_GERUND as _FROM_GERUND
from practice.prep.phrasing_words import IRREGULAR as _IRREGULAR
from practice.prep.phrasing_words import NOMINAL as _NOMINAL
from practice.prep.phrasing_words import PARTICIPLES as _PARTICIPLES
from practice.prep.phrasing_words import THIRD_PERSON as _THIRD_PERSON

# --- shapes ------------------------------------------------------------------------------------------------

_CREDENTIAL = re.compile(
    r"\b(licen[cs]e[ds]?|certifi(ed|cation|cations|cate)|degree|diploma|bsn|msn|bachelor'?s?|master'?s?|"
    r"clearance|driver'?s)\b",
    re.I,
)
_YEARS = re.compile(
    r"^(?:at least |a minimum of |minimum (?:of )?|over |more than )?"
    r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*(?:-\s*\d+\s*)?(?P<unit>years?|yrs?)\b'?\s*(?:of\s+)?"
    r"(?:(?:professional|relevant|proven|hands-on|practical|industry|direct|progressive|working)\s+)*"
    r"(?:experience\b\s*)?(?P<rest>.*)$",
    re.I,
)
_GERUND_LEAD = re.compile(
    r"^(?:(?:[\w-]+\s+){0,2}experience|a (?:proven )?(?:track record|history|habit) of|comfort(?:able)?|"
    r"skilled (?:at|in)|success(?:ful)?(?: at| in)?|proven ability to|ability to|able to)\s+",
    re.I,
)
_NP_LEAD = re.compile(
    r"^(?:(?:deep|strong|solid|excellent|proven|demonstrated|good|great|clear|hands-on|working|practical|"
    r"basic|advanced|extensive|some|genuinely|really|be|have)\s+(?:(?:in|with|at)\s+(?=\S))?)*"
    r"(?:(?:[\w-]+\s+){0,2}experience (?:with|in|of|using)\s+|(?:knowledge|understanding) of\s+|"
    r"familiarity with\s+|(?:proficiency|proficient|expertise|fluency|fluent|skills?|skilled) (?:in|with)\s+|"
    r"background in\s+|comfort(?:able)? (?:with|in|using)\s+|strong in\s+|good at\s+|"
    r"a (?:proven )?(?:track record|history) of\s+)?",
    re.I,
)
_NP_TAIL = re.compile(r"\s+(?:experience|skills|expertise|knowledge)$", re.I)
_QUALIFIER = re.compile(
    r"\s*[,;]\s*(?:ideally|preferably|or similar|[\w\-/ ]{1,30}\s(?:preferred|a plus|desired|desirable|"
    r"nice to have|welcome))\b.*$|\s*\((?:required|preferred|or similar)\)",
    re.I,
)
_PROSE_LEAD = (
    re.compile(r"^to be successful(?: here| in this role)?,?\s*", re.I),
    re.compile(r"^we(?:'re| are) (?:looking for|seeking|hiring) [^,.]*? to\s+", re.I),
    re.compile(r"^we(?:'d| would)(?: also)? (?:like|love|want) (?:you|someone) to\s+", re.I),
    re.compile(r"^as\b[^:;]*?,\s*(?=you\b)", re.I),
    re.compile(r"^(?:in this role|day to day|every day),?\s*", re.I),
)
_YOU_LEAD = re.compile(
    r"^you(?:'ll|'ve| will| should| must| can| need to| have| are able to)?(?: also)?(?: (?:have|be))?\s+",
    re.I,
)
_AND_SPLIT = re.compile(r",\s*and\s+|\s+and\s+(?=(?:to|be|have)\s)|;\s*", re.I)
_CLAUSE_OPENERS = frozenset(("you", "to", "be", "have", "experience", "the"))
_SINCE = re.compile(r",\s*(?:since|as|because)\b[^,]*,?", re.I)
_FREQUENCY = re.compile(
    r"\s+(?:every|each)\s+(?:single\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday)\s+)?"
    r"(?:day|week|month|morning|quarter|shift|sprint)\b|\s+(?:daily|weekly)$",
    re.I,
)
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_OUTSIDE_REFERENCE = re.compile(r"\b(?:we|we're|we've|us|they|them|their|here)\b", re.I)
_CLAUSE_VERBS = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|can|started|didn't|don't|doesn't)\b", re.I
)
MAX_WORDS = 28
JOIN_MAX_WORDS = 22  # two clauses joined with "and" stay one readable question


@dataclass(frozen=True)
class Phrase:
    """How a requirement reads inside a question.

    kind: "action" (a past-tense verb phrase: "tuned PostgreSQL performance"), "years" (a span of work:
    "years building backend services in Python"), "communication" (a noun: "written communication"),
    "quote" (the posting's words, when no rule gave clean English), or "skip" (a credential or a description
    of the company; ``text`` then says why).
    """

    kind: str
    text: str
    preface: str = ""


def _drop_parentheticals(text: str) -> str:
    """Keep short asides that name things ("(EKS)", "(Salesforce or HubSpot)"); drop long or hedging ones."""

    def keep(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        hedge = re.match(r"(?:or|e\.g|i\.e|eg|ie|required|preferred)\b", inner, re.I)
        if len(inner.split()) > 3 or hedge:
            return ""
        return f" ({inner})"

    return _PAREN.sub(keep, text)


def _article(word: str) -> str:
    letters = word.strip("(\"'")
    if letters[:2].isupper() and letters[:1] in "AEFHILMNORSX":  # "an SDR manager", "an API"
        return "an"
    if letters[:1].lower() in "aeio" or (
        letters[:1].lower() == "u" and not letters.lower().startswith(("uni", "use"))
    ):
        return "an"
    return "a"


def _their_to_ours(text: str) -> str:
    """The employer's "our X" becomes "a X" in a question about the candidate's past ("our platform team" ->
    "a platform team"), or nothing before a plural ("our Account Executives" -> "Account Executives")."""
    words = text.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        if word.lower() != "our" or i + 1 >= len(words):
            out.append(word)
            continue
        head = words[i + 1]
        for nxt in words[i + 1 : i + 4]:  # the noun group's head: up to the first lower-case word
            head = nxt
            if nxt[:1].islower() or nxt.endswith((",", ";")) or nxt.startswith("("):
                break
        head = head.strip(",;()")
        plural = head.endswith("s") and not head.endswith("ss") and not head.isupper()
        if not plural:
            out.append(_article(words[i + 1]))
    return " ".join(out)


def _convert(words: list[str], form: str) -> list[str] | None:
    """Past tense for the leading verbs and for verbs coordinated later; None when it does not start with one.

    form "base" expects "design, build and operate ...", "gerund" expects "designing and maintaining ...".
    Later verbs convert only after "and"/"or", or after a comma when the word is rarely a noun.
    """

    def as_base(word: str) -> str | None:
        low = word.lower().strip(",")
        if form == "gerund":
            return _FROM_GERUND.get(low)
        return low if low in BASE_VERBS else None

    def to_past(word: str, base: str) -> str:
        return past(base) + ("," if word.endswith(",") else "")

    out = list(words)
    if not out or as_base(out[0]) is None:
        return None
    i = 0
    while i < len(out):  # the leading sequence: "Design, build and operate"
        word = out[i]
        out[i] = to_past(word, as_base(word) or "")
        i += 1
        if word.endswith(",") and i < len(out) and as_base(out[i]):
            continue
        if i + 1 < len(out) and out[i].lower() in ("and", "or") and as_base(out[i + 1]):
            i += 1
            continue
        break
    last_after_comma = None
    for j in range(i, len(out)):
        word, prev = out[j], out[j - 1].lower()
        base = as_base(word)
        if base and (prev in ("and", "or") or (prev.endswith(",") and base not in _AMBIGUOUS)):
            out[j] = to_past(word, base)
            last_after_comma = j if prev.endswith(",") else None
        elif prev == "you" and word.lower() in BASE_VERBS:  # "bring what you learn" -> "what you learned"
            out[j] = past(word.lower())
    if last_after_comma is not None:  # "joined a team, generated pipeline" -> "... team and generated ..."
        out[last_after_comma - 1] = out[last_after_comma - 1].rstrip(",")
        out.insert(last_after_comma, "and")
    return out


def _participle_clause(words: list[str]) -> list[str] | None:
    """ "designed schemas, tuned slow queries and run migrations" (after "you've") -> past tense."""
    first = words[0].lower()
    if first in _PARTICIPLES or (first.endswith("ed") and len(first) > 4) or first in _IRREGULAR.values():
        out = list(words)
        for i, word in enumerate(out):
            low = word.lower().strip(",")
            prev = out[i - 1].lower() if i else ","
            if (i == 0 or prev in ("and", "or") or prev.endswith(",")) and low in _PARTICIPLES:
                out[i] = _PARTICIPLES[low] + ("," if word.endswith(",") else "")
        return out
    return None


def _clean(text: str) -> str:
    text = _drop_parentheticals(text.strip().rstrip(".;:"))
    text = _QUALIFIER.sub("", text)
    text = _FREQUENCY.sub("", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


def _action(clause: str) -> str | None:
    """A clause as a past-tense verb phrase, or None when no rule applies."""
    clause = _YOU_LEAD.sub("", clause, count=1) if re.match(r"you\b", clause, re.I) else clause
    words = clause.split()
    if not words:
        return None
    if words[0].lower() == "to":
        words = words[1:]
    if len(words) > 1 and words[0].lower() == "be" and words[1].lower() not in ("the", "a", "an", "part"):
        words = words[1:]  # "be genuinely strong in SQL": a quality, read as a noun phrase below
    if not words:
        return None
    clause = " ".join(words)
    converted = _participle_clause(words)  # "you've designed schemas" (the "you've" is gone by now)
    if converted and words[0].lower() not in BASE_VERBS:
        return " ".join(converted)
    converted = _convert(words, "base")
    if converted:
        return " ".join(converted)
    lead = _GERUND_LEAD.match(clause)
    if lead:
        rest = clause[lead.end() :].split()
        converted = _convert(rest, "gerund") if rest else None
        if converted:
            return " ".join(converted)
        if lead.group().lower().startswith(("ability to", "able to", "proven ability to")) and rest:
            converted = _convert(rest, "base")
            if converted:
                return " ".join(converted)
    return _noun_action(clause)


def _noun_action(clause: str) -> str | None:
    noun = _NP_TAIL.sub("", _NP_LEAD.sub("", clause, count=1)).strip(" ,")
    noun = re.sub(r"\b(and|or) working with\b", r"\1", noun)  # "SQL, including joins and messy data"
    words = noun.split()
    if not words or len(words) > 14 or _CLAUSE_VERBS.search(noun) or _OUTSIDE_REFERENCE.search(noun):
        return None
    if any(w.lower() in _THIRD_PERSON for w in words):  # "The Growth team owns the path": a description
        return None
    if "communication" in noun.lower():
        return None  # handled by its own question shape
    head = words[-1].lower()
    if len(words) >= 2 and head in _NOMINAL and not re.search(r",|\b(?:and|or)\b", noun):
        return f"{_NOMINAL[head]} {' '.join(words[:-1])}"  # "PostgreSQL performance tuning" -> "tuned ..."
    for activity, verb in _ACTIVITY.items():
        if noun.lower().startswith(activity + " ") or noun.lower() == activity:
            return f"{verb} {noun}"
    if re.match(r"(?:with|in|at|on|the|ability|able)\b", noun, re.I):
        return None  # "Ability to lift 50 pounds" is not a thing to have worked with
    return f"worked with {noun}"


def _years(text: str) -> Phrase | None:
    m = _YEARS.match(text)
    if not m:
        return None
    rest = _NP_TAIL.sub("", m.group("rest").strip(" ,"))
    n = m.group("n").lower()
    span = "time" if n in ("1", "one") else "years"
    if not rest:
        return None
    said = m.group("rest").strip()
    if said.lower().endswith("experience") or re.search(r"\bexperience\s*,", said, re.I):
        head, _, tail = said.partition(",")  # "product management experience": "from your ... experience"
        return Phrase("years", head.strip() + (f",{tail}" if tail else ""))
    first = rest.split()[0].lower()
    if first in _FROM_GERUND or first in ("in", "at", "on", "with", "as", "across", "leading", "working"):
        return Phrase("years", f"{span} {rest}")
    return Phrase("years", f"{span} of {rest}")


def _clauses(text: str) -> list[str]:
    """Split at ", and" / ";" where a new clause starts (a verb, "you", "to", "experience" ...), not inside a
    list of nouns ("Python, Go, and Rust")."""
    out: list[str] = []
    start = 0
    for m in _AND_SPLIT.finditer(text):
        following = text[m.end() :].split(maxsplit=1)
        word = following[0].lower().strip(",") if following else ""
        word = word.split("'")[0]
        if m.group().strip() == ";" or word in _CLAUSE_OPENERS or word in BASE_VERBS or word in _FROM_GERUND:
            out.append(text[start : m.start()])
            start = m.end()
    out.append(text[start:])
    return [c.strip(" ,") for c in out if c.strip(" ,")]


def _lower_first(text: str) -> str:
    first = text.split()[0] if text.split() else ""
    if first[:1].isupper() and first[1:2].islower():
        return text[:1].lower() + text[1:]
    return text


def phrase_requirement(requirement: str) -> Phrase:
    """The words a question uses for one requirement (see the module docstring for the rules)."""
    raw = requirement.strip()
    if _CREDENTIAL.search(raw) and len(raw.split()) <= 16 and not re.match(r"experience\b", raw, re.I):
        return Phrase("skip", "a credential: have it ready to confirm, no story needed")
    text = raw
    for lead in _PROSE_LEAD:
        text = lead.sub("", text, count=1)
    text = _clean(_SINCE.sub(",", text))
    if not text:
        return Phrase("skip", "nothing left to ask about")
    head, colon, tail = text.partition(":")
    if colon and tail.strip():
        tail = tail.strip()
        if _convert(head.split(), "base"):
            text = head.strip()  # "Run the shift in our WMS: release waves, ...": the duty, not its details
        elif re.match(r"you\b", tail, re.I):
            action = _action(tail)
            preface = head.strip() if _noun_action(head) and len(head.split()) <= 6 else ""
            if action:
                return _checked(
                    Phrase(
                        "action", action, f"This role asks for {_lower_first(preface)}." if preface else ""
                    ),
                    raw,
                )
            return _quote(raw)
    years = _years(text)
    if years:
        return _checked(years, raw)
    clauses = _clauses(text)
    if len(clauses) > 1 and any(_YEARS.match(c) for c in clauses):
        clauses = [c for c in clauses if not _YEARS.match(c)] or clauses  # the skill, not the tenure
    actions = [a for a in (_action(c) for c in clauses[:3]) if a]
    actions = [_their_to_ours(a) for a in actions]
    joined = " and ".join(actions[:2])
    # join two clauses only when the first has no "and" of its own: "X and Y and Z" stops reading as one story
    if (
        len(actions) >= 2
        and len(actions) == len(clauses[:3])
        and " and " not in actions[0]
        and len(joined.split()) <= JOIN_MAX_WORDS
    ):
        return _checked(Phrase("action", joined), raw)
    if actions:
        return _checked(Phrase("action", actions[0]), raw)
    noun = _NP_TAIL.sub("", _NP_LEAD.sub("", text, count=1)).strip(" ,")
    if "communication" in noun.lower() and len(noun.split()) <= 5:
        return Phrase("communication", _lower_first(noun))
    describes = _OUTSIDE_REFERENCE.search(raw) or re.search(r"\b(?:our|is|are)\b", raw, re.I)
    if not describes and not any(w.lower() in _THIRD_PERSON for w in raw.split()[1:]):
        return _quote(raw)  # it asks something of the candidate, in words the rules could not rephrase
    if re.search(r"\byou\b", raw, re.I):
        return _quote(raw)
    return Phrase("skip", "describes the company or team, not something to evidence")


def _quote(raw: str) -> Phrase:
    return Phrase("quote", raw.strip().rstrip(".;:"))


def _checked(phrase: Phrase, raw: str) -> Phrase:
    """Fall back to quoting when the rephrased words still point outside the candidate's own story."""
    text = _their_to_ours(phrase.text)
    text = re.sub(r"\bwith us\b", "with the company", text)
    if (
        _OUTSIDE_REFERENCE.search(text)
        or len(text.split()) > MAX_WORDS
        or re.search(r"\byou(?:'ll|'re| will)\b", text)
    ):
        return _quote(raw)
    return Phrase(phrase.kind, text, phrase.preface)
