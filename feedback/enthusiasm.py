"""Enthusiasm: explicit, specific interest in *this* role and company, with a reason and intent.

Three levels, each a band of the 0-100 scale:

- none (0-10): no interest expressed (a plain story), or only hedged ("I suppose it is fine"), negated
  ("I'm not that interested in ...") or self-serving (salary, commute, "any job") motives;
- generic (35-60): positivity or politeness that could be said to any employer ("excited about this
  opportunity", "great company", "thank you for your time"), intent without a specific reason, or a
  specific remark without intent;
- specific (72-100): forward-looking first-person intent ("I want to ...", "I'd love to ...") tied to
  something particular about this employer: its product, mission, team, programs, or the posting's own
  work (the job description's distinctive words and the company name are used when given).

Hedged or negated sentences do not count as interest; when an answer also has a clear, unhedged
statement, that statement decides. Passion for a field or a philosophy ("I'm passionate about clean
code") is not interest in this employer and earns nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import words
from .model import DimensionScore, Evidence, make_evidence
from .text import Sentence, normalise, stem

# Feelings count only when the speaker has them ("I'm excited", "I'd be glad"), not "the client was pleased".
FEELING_RE = re.compile(
    r"\b(excited|thrilled|eager|keen|enthusiastic|inspired|fascinated|energized|energised|pumped|stoked|"
    r"love|loved|"
    r"adore|admire|drawn to|attracted to|can't wait|cannot wait|looking forward|look forward|would love|"
    r"proud|grateful|glad|happy|happily|enjoy|enjoyed|interested|curious|appreciate|couldn't be more|"
    r"impressed|"
    r"caught my eye|stood out|stands out|appeals to me|appealed to me|speaks to me|resonates|means a lot|"
    r"matters to me|huge fan|big fan|dream)\b"
)
# Value statements ("passionate about clean code", "I believe in small releases") are philosophy:
# they count only when aimed at this employer.
VALUE_RE = re.compile(r"\b(passionate|passion|believe in|care (deeply |a lot |so much )?about)\b")
PRAISE_RE = re.compile(
    r"\b(great|amazing|awesome|fantastic|wonderful|incredible|excellent|impressive|exciting|interesting|cool|"
    r"nice|good) (company|team|culture|place|values|product|opportunity|mission|people|organization|"
    r"organisation|"
    r"fit|role|job)\b(?=\s*(?:[,.!?;]|$)|\s+(?:to|and|with|here|that|for|i|where|you|like|in|of)\b)"
)
_FIRST_PERSON = words(
    """
    i i'm i'd i've i'll me my im id ive
    """
)
TARGET_RE = re.compile(
    r"\b(here|your|you're|you've|you all|you guys|this (role|job|position|opportunity|team|company|posting|"
    r"place|work)|"
    r"the (role|opportunity|position|team|company|chance)|join|part of (it|the|your|a)|work (here|with you|"
    r"for you)|"
    r"what (drew|draws|drives|attracted|made) me|why i applied|this (kind of )?(team|company)|"
    r"you (solve|build|make|do|offer|serve|run|sell|help|support))\b"
)
POLITE_RE = re.compile(
    r"(?<!say )(?<!said )\b(thank you|thanks)\b(?! card| note)|\b(appreciate (the|your)|grateful for|"
    r"for (the|your) time|for having me|(great|nice) (talking|speaking|meeting))\b"
)
# an adverb or a filler may sit between "I" and the wish ("I really want to", "I'd honestly love to")
_ADV = r"(?:(?:really|truly|genuinely|honestly|just|also|still|definitely|so|actually|would|um|uh|like) )*"
INTENT_RE = re.compile(
    r"\bi " + _ADV + r"(want|hope|plan) to\b|\bi'?d " + _ADV + r"(love|like|enjoy) to\b(?! think)|"
    # the wish said the other way round, as people say it aloud or in a second language: the object first
    # ("what I want is ..."), or an adverb between the verb and its "to"
    r"\bwhat i " + _ADV + r"(want|hope) (to do )?is\b|\bi " + _ADV + r"like (very much|so much|a lot) to\b|"
    r"\b(i want to|i want this|i'd (really )?love to|i would (really )?love to|i hope to|i'm hoping to|"
    r"i plan to|"
    r"i'd (really )?like to (?!think)|i would (really )?like to (?!think)|i'm eager to|i can't wait to|"
    r"i cannot wait to|"
    r"i look forward to|i'm looking forward to|(most|really) looking forward to|i'm ready to|i'm keen to|"
    r"i'd be (proud|thrilled|excited|glad|happy|grateful|honored|honoured) to|i'd (really )?enjoy|"
    r"i would (really )?enjoy|i'd want to (bring|be|work|join|help|build|grow|learn|own|do)|where i want to|"
    r"i see myself|excited to|i want to (help|build|grow|learn|be|work|keep|join|bring|own))"
)
SPECIFIC_RE = re.compile(
    r"\b(your|you're|you've|the company's) (mission|product|products|platform|app|service|services|tools?|"
    r"research|"
    r"technology|engineering|culture of|values|roadmap|vision|customers|users|patients|students|clients|"
    r"approach|"
    r"open[- ]source|community|founders?|story|handbook|blog|docs|documentation|api|program|programme|pilot|"
    r"model|data|design|careers page|posting (says|talks|mentions))\b|"
    r"\bwhat you('re| are) (building|doing|solving)|\bthe (mission|problem space)\b|\bmission (of|to|is)\b"
)
REASON_RE = re.compile(
    r"\b(because|since|the reason|that's why|which is why|so that|as someone who|ever since|especially|"
    r"specifically|in particular|what (made|drew|draws|got) me|after (seeing|reading|using)|when i (saw|"
    r"read|used))\b"
)
ENERGY_RE = re.compile(r"\b(really|genuinely|truly|so much|absolutely|deeply|incredibly|super|can't wait)\b")
PAST_ENTHUSIASM_RE = re.compile(
    r"\bi (really )?(loved|enjoyed)|\bi was (so |really )?(excited|proud|thrilled|happy)|my favou?rite|"
    r"proudest"
)
_NEGATORS = frozenset(["not", "never", "no", "hardly", "barely"])
_NEGATED_WORDS = words(
    """
    excited passionate interested thrilled keen into care caring fussed bothered enthusiastic motivated
    fan draws drew appeals excites matter exciting interesting
    """
)
_POSITIVE_NEGATIONS = (
    ("can't", "wait"),
    ("cannot", "wait"),
    ("couldn't", "be"),
    ("not", "just"),
    ("not", "only"),
    ("never", "stopped"),
    ("can't", "imagine"),
    ("wouldn't", "miss"),
)
HEDGE_RE = re.compile(
    r"\b(i guess|i suppose|seems (fine|ok|okay|alright|decent|good enough|like a (fine|decent|ok|okay))|"
    r"(it's|it is|that's|been|be) (fine|okay|ok|alright|decent)|good enough|interesting enough|"
    r"(kind|sort) of (interested|excited|into|open)|i don't know|not sure|probably (fine|ok|okay)|"
    r"open to (anything|whatever)|why not|i figured|might as well|could be (fine|ok|okay|interesting)|"
    r"we'll see|"
    r"it's a job|as good as any|pretty much any|no idea)\b|"
    # "whatever" shrugs only on its own ("..., whatever."); before a clause it is a pronoun inside a story
    # ("I moved whatever was left")
    r"\bor whatever\b|\bwhatever(?=\s*(?:[,.!?;]|$))"
)
INDIFFERENT_RE = re.compile(
    # "I'd work anywhere", not "anywhere near a toxic dose"
    r"\b((work|working|go|be|happy|fine|settle|apply|applied)( \w+){0,2} (anywhere|wherever)|"
    r"anywhere (is|would be|will do|that)|wherever (pays|hires|will have me)|any company|any job|"
    r"(?P<same>\w+) is (a |an )?(?P=same)|a (\w+ )?job is a (\w+ )?job|"
    r"doesn't (really )?matter|don't (really )?mind)\b|"
    # "it's all the same (to me)", not "they were all the same model"
    r"\ball the same\b(?=\s*(?:[,.!?;]|$|to me))"
)
_CONCEDED_RE = re.compile(
    r".{0,40}?\bbut\b.{0,12}\b(the real|what really|really it's|mostly|mainly|honestly|the main|more than that|"
    r"more importantly|what matters|the bigger)",
)
SELF_SERVING_RE = re.compile(
    r"\b((the )?(salary|pay|compensation|benefits|money|bonus|bonuses|perks|package|stock|equity|commission|"
    r"differential)( here| is| are| was| seems| looks| on)* (good|great|nice|better|decent|high|higher|"
    r"competitive|generous|solid|above)|the money(?=\s*(?:[,.!?;]|$|and|honestly|really|mostly|mainly|is|was good))|"
    r"pays (well|better|more|a lot)|(for|"
    r"about) the "
    r"(money|salary|pay|benefits|paycheck)|better (pay|salary|money|benefits|package)|(higher|more) (pay|"
    r"salary|"
    r"money)|a raise|commute|close to (my )?(home|house|apartment|where i live)|near (my )?(home|house)|"
    r"any job|"
    r"need(ed)? (a|any|the) (job|paycheck|income)|need(ed)? (the )?(money|income)|pay (my |the )?(bills|"
    r"rent)|"
    r"job security|(lots of|more|extra|unlimited) (vacation|time off|pto)|free (food|lunch|lunches|snacks|"
    r"coffee)|"
    r"seems easy|(easy|easier) (job|work|role)|get out of my (current|last|old) job|hate my (current |"
    r"old )?(job|"
    r"boss)|promotion|because (it's|you're) remote)\b"
)


@dataclass(slots=True)
class _Sent:
    sentence: Sentence
    positive: bool = False
    targeted: bool = False
    polite: bool = False
    intent: bool = False
    specific: bool = False
    reason: bool = False
    hedged: bool = False
    negated: bool = False
    indifferent: bool = False
    past_enthusiasm: bool = False

    @property
    def clean(self) -> bool:
        return not (self.hedged or self.negated or self.indifferent)


def _negated_interest(s: Sentence) -> tuple[int, int] | None:
    n = s.norms
    for k, w in enumerate(n):
        if not (w in _NEGATORS or w.endswith("n't") or w in ("dont", "didnt", "wouldnt", "isnt", "arent")):
            continue
        if (w, n[k + 1] if k + 1 < len(n) else "") in _POSITIVE_NEGATIONS:
            continue
        for j in range(k + 1, min(len(n), k + 9)):
            if n[j] in ("but", "because", "and"):
                break
            if n[j] in _NEGATED_WORDS:
                return s.tokens[k].start, s.tokens[j].end
    return None


def _felt(s: Sentence, norm: str) -> bool:
    """A feeling word with the speaker as its subject (first person within the four words before it)."""
    for m in FEELING_RE.finditer(norm, s.start, s.end):
        before = [t.norm for t in s.tokens if t.end <= m.start()][-4:]
        if any(w in _FIRST_PERSON for w in before) or m.group() in ("can't wait", "cannot wait"):
            return True
    return False


def _specific(norm: str, s: Sentence, context_stems: frozenset[str], targeted: bool) -> bool:
    """Does the sentence name something particular to this employer?

    Either a possessive reference to its product, mission, program ... ("your mentoring program"), or the
    posting's distinctive words: two of them, or one in a sentence aimed at the employer.
    """
    if SPECIFIC_RE.search(norm, s.start, s.end):
        return True
    if not context_stems:
        return False
    words = (p for t in s.tokens for p in t.norm.removesuffix("'s").split("-"))
    hits = {stem(w) for w in words if len(w) > 3} & context_stems
    return len(hits) >= 2 or (len(hits) == 1 and targeted)


# Band floors and in-band points
NONE_NEUTRAL, NONE_NEGATIVE = 8, 0
GENERIC_BASE, SPECIFIC_BASE = 35, 72


# a verdict on the job said without warmth ("it seems fine", "could be interesting"): what a hedge dampens
_LUKEWARM_RE = re.compile(r"\b(fine|okay|ok|alright|all right|decent|interesting|not bad|good enough)\b")


def score(
    transcript: str,
    norm: str,
    sentences: list[Sentence],
    company: str | None,
    context_stems: frozenset[str] = frozenset(),
) -> DimensionScore:
    company_norm = normalise(company) if company else None
    rows: list[_Sent] = []
    ev: list[Evidence] = []
    for s in sentences:
        a, b = s.start, s.end
        r = _Sent(s)
        neg = _negated_interest(s)
        r.negated = neg is not None
        if neg:
            ev.append(make_evidence(transcript, neg[0], neg[1], "anti_enthusiasm"))
        for rx in (HEDGE_RE, INDIFFERENT_RE):
            for m in rx.finditer(norm, a, b):
                ev.append(make_evidence(transcript, m.start(), m.end(), "anti_enthusiasm"))
                if rx is HEDGE_RE:
                    r.hedged = True
                else:
                    r.indifferent = True
        r.targeted = bool(TARGET_RE.search(norm, a, b)) or bool(company_norm and company_norm in norm[a:b])
        r.positive = (
            _felt(s, norm)
            or bool(PRAISE_RE.search(norm, a, b))
            or (r.targeted and bool(VALUE_RE.search(norm, a, b)))
        )
        r.polite = bool(POLITE_RE.search(norm, a, b))
        r.intent = bool(INTENT_RE.search(norm, a, b))
        r.specific = _specific(norm, s, context_stems, r.targeted)
        r.reason = bool(REASON_RE.search(norm, a, b))
        r.past_enthusiasm = bool(PAST_ENTHUSIASM_RE.search(norm, a, b))
        rows.append(r)
    # "the pay is decent, sure, but mostly it is ...": pay conceded on the way to the real reason
    self_serving = [
        (m.start(), m.end()) for m in SELF_SERVING_RE.finditer(norm) if not _CONCEDED_RE.match(norm, m.end())
    ]
    for a, b in self_serving:
        ev.append(make_evidence(transcript, a, b, "anti_enthusiasm"))

    def near_specific(k: int) -> bool:
        # the particular thing is often named in the sentence before the intent ("The posting mentions X.
        # I'd love to ...") or right after it
        # (a sentence before the intent must be aimed at the employer: otherwise it is usually the story)
        before = k > 0 and rows[k - 1].specific and rows[k - 1].clean and rows[k - 1].targeted
        after = k + 1 < len(rows) and rows[k + 1].specific and rows[k + 1].clean
        return rows[k].specific or before or after

    specific_rows = [r for k, r in enumerate(rows) if r.clean and r.intent and near_specific(k)]
    generic_rows = [r for r in rows if r.clean and (r.positive or r.polite or r.intent or r.past_enthusiasm)]
    named = bool(company_norm) and company_norm in norm  # type: ignore[operator]  # bool() rules out None
    negative = any(r.negated or r.hedged or r.indifferent for r in rows) or bool(self_serving)
    energy = sum(len(ENERGY_RE.findall(norm, r.sentence.start, r.sentence.end)) for r in generic_rows)
    if specific_rows:
        level = 2
        pts = SPECIFIC_BASE + 6 * any(r.reason for r in rows if r.clean) + 6 * named
        pts += 4 * min(len(specific_rows) - 1, 2) + 2 * min(energy, 3)
    elif generic_rows:
        level = 1
        pts = GENERIC_BASE + 6 * any(r.positive and r.targeted for r in generic_rows)
        pts += 5 * any(r.intent for r in generic_rows) + 5 * any(r.specific for r in generic_rows)
        pts += 4 * named + 2 * min(energy, 3) - 8 * negative
    else:
        level = 0
        pts = NONE_NEGATIVE if negative else NONE_NEUTRAL
    value = int(round(max(0, min(100, pts))))
    for r in specific_rows or generic_rows:
        ev.append(make_evidence(transcript, r.sentence.start, r.sentence.end, "enthusiasm"))
    ev = _dedupe(ev)

    tips: list[str] = []
    who = company or "the company"
    # the hedge tip only where the hedge sits on interest in the job or the company
    hedged_interest = any(
        r.hedged
        and (
            r.targeted
            or r.positive
            or r.intent
            or r.past_enthusiasm
            or bool(_LUKEWARM_RE.search(norm, r.sentence.start, r.sentence.end))
        )
        for r in rows
    )
    if level == 2:
        reason_txt = "Specific interest in this role" + (f" and {company}" if named else "") + ", with intent"
    elif level == 1:
        if any(r.intent for r in generic_rows):
            reason_txt = "Generic interest: intent without anything particular to this company"
        else:
            reason_txt = "Generic positivity: nothing particular to this company or role"
        tips.append(
            f"Make it specific: name something particular about {who} (a product, feature, program, "
            "the mission or the posting's work), say why it matters to you, and what you want to do there."
        )
    elif self_serving and not any(r.negated or r.hedged for r in rows):
        reason_txt = "Motives given are all about what the job gives you (money, travel time, ease)"
        tips.append(
            "Lead with what draws you to this work and this company (its product, mission or team) "
            "and why; leave pay and commute for the offer stage."
        )
    elif negative and (hedged_interest or any(r.negated or r.indifferent for r in rows)):
        reason_txt = "Interest is hedged, negated or indifferent"
        if hedged_interest:
            tips.append(
                'Drop the hedges ("I guess", "I suppose"): say plainly what you want to '
                f"do at {who} and why it matters to you."
            )
        else:
            tips.append(
                f"Say what you do want: one particular thing about {who} that draws you, and what you want "
                "to do there, instead of what does not interest you."
            )
    else:
        # a hedge about something else ("maybe the hardest part was the weather") is no hedged interest
        reason_txt = "No interest in this role or company expressed"
        tips.append(
            f"Close with why {who}: one particular thing about it that draws you, and what you want to "
            'do there ("I want to ...").'
        )
    return DimensionScore(value, reason_txt, ev, tips, priority=(100 - value) * 0.3)


def _dedupe(ev: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for e in sorted(ev, key=lambda e: (e.start, e.end)):
        key = (e.start, e.end, e.label)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out[:12]
