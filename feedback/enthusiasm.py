"""Enthusiasm: explicit, specific interest in *this* role and company, with a reason.

What earns points: an interest expression ("excited", "drawn to", "I'd love to") aimed at something specific
(the company by name, its product, mission, team, or the work named in the job description), a reason
("because ..."), forward-looking first-person intent ("I want to build ..."), and a little energy.
What costs points: negated interest ("not really excited"), hedges ("I guess", "seems fine"), and purely
self-serving motives (salary, commute, "any job"). Generic politeness earns little.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import DimensionScore, Evidence, make_evidence
from .text import Sentence, normalise, stem

BASE = 8  # a neutral answer that never mentions interest


EXPRESSION_RE = re.compile(
    r"\b(excited|exciting|excites me|thrilled|passionate|eager|keen|enthusiastic|inspired|inspiring|inspires me|"
    r"fascinated|fascinating|fascinates me|energized|energised|energizes me|motivated by|motivates me|"
    r"love|loved|adore|admire|drawn to|draws me|attracted to|appeals to me|appealed to me|"
    r"really (want|like|enjoy)|can't wait|cannot wait|looking forward|look forward|dream (job|role|company)|"
    r"light(s)? me up|would love|i'd love|would be thrilled|resonates?|resonated|stands? out to me|stood out|"
    r"impressed|huge fan|big fan|care (deeply |a lot |so much )?about|believe in|matters to me|means a lot|"
    r"close to my heart|personal to me|speaks to me|jumped out|genuinely (interested|curious)|"
    r"(really|very|so|particularly|especially) interested|couldn't be more|can't imagine a better|"
    r"perfect fit for what i want|exactly what i want|what i want to do|been following|followed your|use your)\b"
)
WEAK_EXPRESSION_RE = re.compile(
    r"\b(interested in|interesting|curious|sounds (good|great|fun|cool|nice)|great (company|place|opportunity|team)|"
    r"good (company|opportunity|fit|place)|nice (company|place|team)|like (the|your|this) (company|role|job|team)|"
    r"enjoy|cool|happy to)\b"
)
INTENT_RE = re.compile(
    r"\b(i want to|i'd love to|i would love to|i hope to|i'm hoping to|i plan to|i'd like to|i would like to|"
    r"i'm eager to|i can't wait to|i look forward to|i'm looking forward to|i'll|i will|i'd bring|"
    r"i could (help|bring|contribute|build)|i'd (help|contribute|build|bring|start|focus|dig|spend)|"
    r"in my first (\d+|thirty|sixty|ninety|few|couple)|i see myself|i'm ready to|i'm keen to|i want to grow|"
    r"contribute to|help (you|your|the team) (build|grow|reach|scale|ship|serve))\b"
)
SPECIFIC_TARGET_RE = re.compile(
    r"\b(your|you're|you've|the company's) (mission|product|products|platform|app|service|services|tools?|research|"
    r"technology|engineering|culture|values|roadmap|vision|customers|users|patients|students|clients|approach|"
    r"focus|work on|work in|team's|open[- ]source|community|brand|store|stores|clinic|hospital|school|"
    r"building|doing|solving|growth|commitment|model|design|data|reputation|founders?|story|impact)\b|"
    r"\bwhat you('re| are) (building|doing|solving)|\bthe (mission|product|problem space|domain|stack)\b|"
    r"\b(mission|impact) (of|to|is)\b"
)
GENERIC_TARGET_RE = re.compile(
    r"\b(this|the|your) (role|position|job|opportunity|company|team|organization|organisation|industry|field)\b"
)
REASON_RE = re.compile(
    r"\b(because|since|the reason|that's why|which is why|so that|as someone who|ever since|in particular|"
    r"especially|specifically|for example|for instance|given (that|my)|after (seeing|reading|using)|"
    r"when i (saw|read|used|learned|heard))\b"
)
ENERGY_RE = re.compile(
    r"\b(really|genuinely|truly|so much|absolutely|deeply|incredibly|super|amazing|incredible|awesome|fantastic|"
    r"huge|can't wait|thrilled|love)\b"
)
NEGATION_RE = re.compile(
    r"\b(not|n't|never|hardly|barely|no longer)\s+(?:\w+\s+){0,2}?(excited|passionate|interested|thrilled|keen|"
    r"into|care|caring|fussed|bothered|sure|enthusiastic|motivated|my (first|top) choice|a fan|that important)\b|"
    r"\b(don't|doesn't|do not) (really )?(matter|mind|care)\b|\bwhatever\b|\bnot (a|my) (dream|passion)\b|"
    r"\bdon't know (much|anything|what) (about|you)"
)
HEDGE_RE = re.compile(
    r"\b(i guess|i suppose|seems (fine|ok|okay|alright|decent|good enough|like a job)|it's (fine|okay|ok|alright|"
    r"decent)|good enough|(kind|sort) of (interested|excited|into)|i don't know|not sure|probably fine|"
    r"open to anything|why not|i figured|might as well|could be (fine|ok|okay|interesting)|we'll see|"
    r"i mean it's|it's a job|as good as any|pretty much any|no idea)\b"
)
SELF_SERVING_RE = re.compile(
    r"\b((the )?(salary|pay|compensation|benefits|money|bonus|bonuses|perks|package|stock|equity)( here| is| are|"
    r" was| seems| looks)* (good|great|nice|better|decent|high|higher|competitive|generous|solid)|pays (well|better|"
    r"more|a lot)|(for|about) the (money|salary|pay|benefits|paycheck)|better (pay|salary|money|benefits|package)|"
    r"(higher|more) (pay|salary|money)|(short|easy|shorter|nice|quick) commute|the commute|close to (my )?"
    r"(home|house|apartment|where i live)|near (my )?(home|house)|any job|need(ed)? (a|any|the) (job|paycheck|"
    r"income)|need(ed)? (the )?(money|income)|pay (my |the )?(bills|rent)|job security|(lots of|more|extra|"
    r"unlimited) (vacation|time off|pto)|free (food|lunch|lunches|snacks|coffee)|seems easy|(easy|easier) "
    r"(job|work|role)|get out of my (current|last|old) job|hate my (current |old )?(job|boss)|bored (at|in|with) "
    r"my|anything (that pays|really)|whoever (hires|pays))\b"
)
POLITE_RE = re.compile(r"\b(thank you|thanks for|appreciate the|good fit|great fit|nice company)\b")


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    label: str
    points: float


def _job_target_re(company: str | None, terms: list[str]) -> re.Pattern[str] | None:
    alts = []
    if company:
        alts.append(re.escape(normalise(company)))
    for t in terms[:60]:
        t = normalise(t).strip()
        if len(t) >= 3:
            alts.append(re.escape(t))
    if not alts:
        return None
    alts.sort(key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(alts) + r")\b")


# Points for answer-level features (they add up to ~100 for a specific, reasoned, forward-looking answer).
P_EXPRESSION = 22  # an explicit interest expression ("excited", "drawn to", "I'd love to")
P_MORE_EXPRESSIONS = 6  # each further sentence of interest, up to two
P_WEAK_ONLY = 8  # only lukewarm words ("interesting", "great company")
P_SPECIFIC = 16  # interest aimed at something specific: the company, product, mission, the job's work
P_REASON = 12  # ... with a reason
P_INTENT = 10  # forward-looking first-person intent ("I want to build ...")
P_INTENT_SPECIFIC = 5
P_NAMED_COMPANY = 6
P_ENERGY = 2  # per energy word, up to four
P_NEGATION, P_HEDGE, P_SELF_SERVING = 22, 10, 18


def score(
    transcript: str,
    norm: str,
    sentences: list[Sentence],
    company: str | None,
    job_terms: list[str],
    job_stems: frozenset[str] = frozenset(),
) -> DimensionScore:
    job_re = _job_target_re(company, job_terms)
    company_norm = normalise(company) if company else None
    hits: list[_Hit] = []
    n_expr = 0
    weak_any = specific_any = reason_any = intent_any = intent_specific = named_company = False
    energy = negations = hedges = self_serving = 0
    for idx, s in enumerate(sentences):
        a, b = s.start, s.end
        # the reason often lands in the next clause of unpunctuated speech ("... excited | because ...")
        b_ctx = sentences[idx + 1].end if idx + 1 < len(sentences) else b
        neg_spans = [(m.start(), m.end()) for m in NEGATION_RE.finditer(norm, a, b)]
        for n0, n1 in neg_spans:
            hits.append(_Hit(n0, n1, "anti_enthusiasm", 0))
        negations += len(neg_spans)

        def free(m: re.Match[str], spans: list[tuple[int, int]] = neg_spans) -> bool:
            return not any(n0 <= m.start() < n1 or m.start() <= n0 < m.end() for n0, n1 in spans)

        expr = [m for m in EXPRESSION_RE.finditer(norm, a, b) if free(m)]
        weak = [] if expr else [m for m in WEAK_EXPRESSION_RE.finditer(norm, a, b) if free(m)]
        intent = INTENT_RE.search(norm, a, b)
        if company_norm and company_norm in norm[a:b]:
            named_company = True
        if not (expr or weak or intent):
            continue
        specific = bool(SPECIFIC_TARGET_RE.search(norm, a, b_ctx))
        if not specific and job_re is not None:
            specific = bool(job_re.search(norm, a, b_ctx))
        if not specific and job_stems:
            specific = any(len(t.norm) > 3 and stem(t.norm) in job_stems for t in s.tokens)
        reason = bool(REASON_RE.search(norm, a, b_ctx))
        if expr:
            n_expr += 1
        elif weak:
            weak_any = True
        if intent:
            intent_any = True
            intent_specific = intent_specific or specific
        if expr or intent or (weak and specific):
            specific_any = specific_any or specific
            reason_any = reason_any or (reason and (specific or bool(expr)))
        energy += len(ENERGY_RE.findall(norm, a, b))
        hits.append(_Hit(a, b, "enthusiasm", 1))
    for m in HEDGE_RE.finditer(norm):
        hedges += 1
        hits.append(_Hit(m.start(), m.end(), "anti_enthusiasm", 0))
    for m in SELF_SERVING_RE.finditer(norm):
        self_serving += 1
        hits.append(_Hit(m.start(), m.end(), "anti_enthusiasm", 0))

    raw = float(BASE)
    if n_expr:
        raw += P_EXPRESSION + P_MORE_EXPRESSIONS * min(n_expr - 1, 2)
    elif weak_any:
        raw += P_WEAK_ONLY
    if specific_any:
        raw += P_SPECIFIC if (n_expr or intent_any) else P_SPECIFIC / 2
    if reason_any:
        raw += P_REASON
    if intent_any:
        raw += P_INTENT + (P_INTENT_SPECIFIC if intent_specific else 0)
    if named_company:
        raw += P_NAMED_COMPANY
    raw += P_ENERGY * min(energy, 4)
    raw -= P_NEGATION * negations + P_HEDGE * min(hedges, 3)
    if self_serving:
        raw -= P_SELF_SERVING + 8 * min(self_serving - 1, 2)
        if not specific_any:
            raw = min(raw, 25)  # a purely self-serving motive is not enthusiasm, however warmly said
    if negations and not specific_any:
        raw = min(raw, 20)
    value = int(round(max(0.0, min(100.0, raw))))
    any_specific = specific_any

    ev = [make_evidence(transcript, h.start, h.end, h.label) for h in hits]
    ev = _dedupe(ev)
    tips: list[str] = []
    if self_serving:
        reason_txt = "Motive sounds self-serving (pay, commute or any job) rather than interest in this role"
        tips.append("Lead with what draws you to this work and this company (its product, mission or team) "
                    "and why; leave pay and commute for the offer stage.")
    elif negations or hedges:
        reason_txt = "Interest is hedged or negated"
        tips.append("Drop the hedges (\"I guess\", \"not really\"): say plainly what you want to do here and "
                    "why it matters to you.")
    elif value >= 60:
        reason_txt = "Specific, reasoned interest in this role" + (" and company" if named_company else "")
    elif any_specific:
        reason_txt = "Some specific interest, but little reason or intent"
    elif value >= 25:
        reason_txt = "Positive but generic: nothing names this company, product or its work"
    else:
        reason_txt = "No expressed interest in this role or company"
    if value < 60 and not tips:
        who = company or "the company"
        if not any_specific:
            tips.append(f"Name something specific about {who} (its product, mission, team or the work in the "
                        "posting) and say why it excites you.")
        else:
            tips.append("Add the why: connect what excites you here to something you have done or care about, "
                        "then say what you want to do in the role.")
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
