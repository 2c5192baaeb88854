"""Concrete examples: does the answer tell one real story (STAR) with a measurable result?

Weights follow the public rubric quoted in FACTS.md ("Numbers from the field"): situation 15, task 10,
action 60, result 15, where a result without a number scores lower, "we" without "I" hides the person's own
actions and "I would" is hypothetical, not an example. Here the action share is split between having any
first-person past action and having several steps, and the result share is raised a little because a
measurable outcome is what interviewers remember.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grammar import SentenceFacts
from .lexicon import NUMBER_WORDS
from .model import DimensionScore, Evidence, make_evidence
from .text import Sentence

# --- points (sum to 100): situation 12, task 8, actions up to 50, result 14, metric 16
P_SITUATION = 12
P_TASK = 8
P_ACTION_FIRST = 32  # the first "I did" sentence turns talk into an example
P_ACTION_MORE = 6  # each further step, up to three more
P_RESULT = 14
P_METRIC = 16
WE_ONLY_FACTOR = 0.6  # a "we"-only story earns part of the action credit

SITUATION_RE = re.compile(
    r"\b(at my (last|previous|old|current|first|former) (job|role|company|position|employer|internship|school)|"
    r"in my (last|previous|current|first|old|former) (job|role|position|company|team)|"
    r"when i (was|worked|joined|started)|while i was|while (working|at)|back (in|when)|"
    r"(last|this past) (year|quarter|month|spring|summer|fall|autumn|winter|semester)|"
    r"(a|one|two|three|four|five|few|couple of|couple) (years?|months?|weeks?) ago|one time|once,? when|"
    r"there was (a|an|this|one)|we (had|were) (a|an|this|facing|dealing|struggling|getting|losing|seeing)|"
    r"(our|the) (team|company|project|client|customer|business|store|clinic|unit|school|department) "
    r"(was|were|had|needed|wanted|kept)|the (problem|issue|situation|challenge|context|background) was|"
    r"in (19|20)\d\d\b|during (my|the|a|our)|(was|were) (missing|failing|slipping|late|behind|over budget|down))"
)
TASK_RE = re.compile(
    r"\b(my (job|task|role|goal|responsibility|assignment|mandate|objective) (was|became|is)|"
    r"i was (responsible|tasked|asked|assigned|charged|put in charge|brought in|hired to)|"
    r"i (needed|had|wanted) to|(the|our) (goal|task|objective|aim|mission|challenge) was|"
    r"we (needed|had) to|i was in charge|it was (my|up to me)|i owned|i volunteered to|i took (on|ownership))"
)
RESULT_RE = re.compile(
    r"\b(as a result|the result|in the end|by the end|end result|ended up|resulted in|led to|which (meant|cut|"
    r"reduced|saved|increased|improved|brought|dropped|raised|helped|allowed|let|got|made)|that (meant|cut|reduced|"
    r"saved|increased|improved)|outcome|from then on|since then|"
    r"(we|i|it|this|that|they|which|and) (then )?(reduced|cut|increased|improved|saved|grew|doubled|tripled|"
    r"halved|dropped|lowered|raised|boosted|shortened|sped|eliminated|won|closed|shipped|launched|delivered|"
    r"exceeded|hit|reached|beat|recovered|retained|went|fell|rose|finished|passed|renewed|signed|converted)|"
    r"went (from|down|up)|(down|up) (from|to)|(fell|rose|dropped|grew|improved|increased|decreased|declined|"
    r"jumped|climbed|shrank) (by|from|to)|got (promoted|approved|adopted)|(was|were|got) (adopted|promoted|"
    r"praised|recognized|recognised|rolled out|approved|resolved|fixed|solved)|feedback was|on time|under budget|"
    r"ahead of schedule|no (more|longer)|zero (downtime|incidents|complaints|defects|errors))\b"
)
_NUMWORD = "|".join(sorted(NUMBER_WORDS | {"one", "zero", "a third", "a quarter", "a half"}, key=len, reverse=True))
_NUM = r"(?:[$£€]?\d[\d,]*(?:\.\d+)?(?:k|m|x|%)?|(?:" + _NUMWORD + r")(?:[ -](?:" + _NUMWORD + r"))*)"
_UNIT = (
    r"(?:\s?(?:%|percent|percentage points|x|times|million|thousand|billion|hours?|hrs?|minutes?|mins?|seconds?|"
    r"secs?|ms|milliseconds|days?|weeks?|months?|points?|dollars|euros|pounds|per ?cent))?"
)
# a number that measures a change, even without a result word: "from 40 to 5 minutes", "by 30%", "3x faster"
CHANGE_RE = re.compile(
    r"\bfrom (?:about |around |roughly |over |under )?" + _NUM + _UNIT + r"(?: \w+){0,2}? (?:to|down to|up to) "
    r"(?:about |around |roughly |under |over |just |only )?" + _NUM + _UNIT
    + r"|\bby (?:about |around |roughly |over |almost |nearly )?" + _NUM + r"\s?(?:%|percent|x\b|times|fold)"
    + r"|\b" + _NUM + r"\s?(?:%|percent|x|times|fold) (?:faster|slower|fewer|more|less|higher|lower|cheaper|"
    r"better|smaller|bigger|increase|decrease|reduction|drop|improvement|growth|lift|jump)"
    + r"|\b(?:doubled|tripled|quadrupled|halved|cut in half)\b"
)
_NUM_RE = re.compile(r"(?<![\w$£€])" + _NUM + _UNIT + r"(?!\w)")
# numbers that describe context, not results: years, ages, tenure, team size, family
_NOT_METRIC_AFTER = re.compile(
    r"^\s*(years?|months?)(\s+(of|ago|old|in|at|with|experience)|\s*$)|^\s*(kids|children|people on|person team|"
    r"direct reports|reports|siblings|brothers|sisters)\b"
)
_YEAR_RE = re.compile(r"^(19|20)\d\d$")
_TEAM_BEFORE = re.compile(r"(team of|group of|staff of|family of|i have|i've got|i had)\s*$")


@dataclass(slots=True)
class ExampleFacts:
    situation: list[Sentence]
    task: list[Sentence]
    i_actions: list[Sentence]
    we_actions: list[Sentence]
    results: list[Sentence]
    metrics: list[tuple[int, int]]
    hypothetical: list[Sentence]
    generic: list[Sentence]


def _metrics_in(norm: str, s: Sentence, result_sentence: bool) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    changes = [(m.start(), m.end()) for m in CHANGE_RE.finditer(norm, s.start, s.end)]
    change = bool(changes)
    if not result_sentence and not change:
        return out
    out.extend(changes)  # "from 40 to 5 minutes" is one metric, not two numbers
    for m in _NUM_RE.finditer(norm, s.start, s.end):
        if any(a <= m.start() < b for a, b in changes):
            continue
        tok = m.group().strip()
        if _YEAR_RE.match(tok):
            continue
        tail = norm[m.end() : min(s.end, m.end() + 25)]
        head = norm[max(s.start, m.start() - 15) : m.start()]
        if _NOT_METRIC_AFTER.match(tail) and not change:
            continue
        if _TEAM_BEFORE.search(head) and not change:
            continue
        out.append((m.start(), m.end()))
    return sorted(out)


def find(norm: str, facts: list[SentenceFacts]) -> ExampleFacts:
    ef = ExampleFacts([], [], [], [], [], [], [], [])
    for f in facts:
        s = f.sentence
        if f.hypothetical and not (f.i_action or f.we_action):
            ef.hypothetical.append(s)
            continue
        if f.habitual and not (f.i_action or f.we_action or f.i_past_state):
            ef.generic.append(s)
            continue
        if SITUATION_RE.search(norm, s.start, s.end):
            ef.situation.append(s)
        if TASK_RE.search(norm, s.start, s.end):
            ef.task.append(s)
        if f.i_action:
            ef.i_actions.append(s)
        elif f.we_action:
            ef.we_actions.append(s)
        is_result = bool(RESULT_RE.search(norm, s.start, s.end)) and not f.hypothetical
        nums = _metrics_in(norm, s, is_result)
        if is_result or nums:
            ef.results.append(s)
        ef.metrics.extend(nums)
    return ef


def score(transcript: str, norm: str, facts: list[SentenceFacts]) -> tuple[DimensionScore, ExampleFacts]:
    ef = find(norm, facts)
    story = bool(ef.i_actions or ef.we_actions)
    pts = 0.0
    if ef.i_actions:
        pts += P_ACTION_FIRST + P_ACTION_MORE * min(len(ef.i_actions) + len(ef.we_actions) // 2 - 1, 3)
    elif ef.we_actions:
        pts += WE_ONLY_FACTOR * (P_ACTION_FIRST + P_ACTION_MORE * min(len(ef.we_actions) - 1, 3))
    # context and results only count as part of a story; alone they are description
    ctx = 1.0 if story else 0.35
    if ef.situation:
        pts += P_SITUATION * ctx
    if ef.task:
        pts += P_TASK * ctx
    if ef.results:
        pts += P_RESULT * ctx
    if ef.metrics:
        pts += P_METRIC * ctx
    n = max(1, len(facts))
    talk = len(ef.hypothetical) + len(ef.generic)
    if talk:
        # hypotheticals and self-description dilute a story and cap an answer that is only talk
        pts -= 12 * talk / n
    if not story:
        pts = min(pts, 22.0)
    value = int(round(max(0.0, min(100.0, pts))))

    ev: list[Evidence] = []
    for label, group in (("situation", ef.situation[:2]), ("task", ef.task[:2]), ("action", ef.i_actions[:4]),
                         ("we_only", ef.we_actions[:3] if not ef.i_actions else []), ("result", ef.results[:3]),
                         ("hypothetical", ef.hypothetical[:3])):
        for s in group:
            ev.append(make_evidence(transcript, s.start, s.end, label))
    for a, b in ef.metrics[:5]:
        ev.append(make_evidence(transcript, a, b, "metric"))
    ev.sort(key=lambda e: (e.start, e.end))

    tips: list[str] = []
    if not story:
        if ef.hypothetical:
            reason = "No real example: the answer says what you would do, not what you did"
            tips.append("You said what you would do: tell one real time you did it, in the past tense "
                        "(\"I rewrote ...\", \"I called ...\"), and what happened.")
        elif ef.generic:
            reason = "No concrete example: the answer describes you in general terms"
            tips.append("Replace the self-description with one story: the situation, what you did, and the "
                        "result. \"I'm a problem solver\" convinces less than one problem you solved.")
        else:
            reason = "No concrete example: no past situation, action or result was found"
            tips.append("Pick one real situation and walk through it: what was happening, what you did "
                        "(say \"I ...\"), and what changed.")
    else:
        parts = []
        parts.append(f"{len(ef.i_actions)} first-person action(s)" if ef.i_actions
                     else "actions told only as \"we\"")
        parts.append("a measurable result" if ef.metrics else ("a result without a number" if ef.results
                                                               else "no result"))
        if ef.situation:
            parts.append("context given")
        reason = "Example found: " + ", ".join(parts)
        if not ef.i_actions:
            tips.append("You said \"we\" throughout: say what you yourself did (\"I wrote ...\", "
                        "\"I convinced ...\") so the interviewer can credit you.")
        if not ef.results:
            tips.append("You described the action but never said what changed: add the result, with a "
                        "number if you have one.")
        elif not ef.metrics:
            tips.append("Quantify the result: how much faster, cheaper, more or fewer (a percentage, time "
                        "or money saved, a before/after count).")
        if not ef.situation and not ef.task:
            tips.append("Open with one sentence of context: where you were and what problem you had to solve.")
        if ef.i_actions and len(ef.i_actions) < 2:
            tips.append("Spell out two or three concrete steps you took, each starting with \"I\".")
    return DimensionScore(value, reason, ev, tips, priority=(100 - value) * 0.45), ef
