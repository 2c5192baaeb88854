"""Concrete examples: does the answer tell one real story (STAR) with a measurable result?

The score follows four levels, each a band of the 0-100 scale:

- no example (0-8): self-description, opinions, advice, skill lists, "I would ..." walkthroughs;
- experience without an episode (20-30): routines ("Every Monday I ..."), background ("I've done QBRs for five
  years"), or a specific story told only as "we" ("we" without "I" hides the person's own actions);
- a specific past episode with the person's own first-person past actions (45-71): more for context,
  several steps and a stated (but unmeasured) result;
- the same with a measurable result of those actions (78-100).

The public rubric quoted in FACTS.md ("Numbers from the field") weighs situation 15, task 10, action 60,
result 15, and scores a result without a number lower: actions open the top two bands, context and result
move a story within its band, and a number that measures the change lifts it into the top band.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grammar import SentenceFacts
from .lexicon import NUMBER_WORDS
from .model import DimensionScore, Evidence, make_evidence
from .story import AMOUNT_CHANGE_RE, CLAUSE_RE, mostly_we, story_outcome, story_steps
from .text import Sentence

# --- points
P_STORY = 45  # a specific episode with at least one "I did" sentence
P_MORE_ACTIONS = 3  # each further action sentence, up to three
P_SITUATION = 6
P_TASK = 3
P_RESULT = 8  # a stated outcome without a number
P_METRIC = 25  # a number that measures what changed
P_WE_STORY = 22  # the story is told only as "we"
P_EXPERIENCE = 20  # a concrete routine or background, no episode
P_TALK = 4  # some first-person past or claim, but nothing concrete

SITUATION_RE = re.compile(
    r"\b(at my (last|previous|old|current|first|former) (job|role|company|position|employer|internship|"
    r"school)|"
    r"in my (last|previous|current|first|old|former) (job|role|position|company|team)|"
    r"when i (was|worked|joined|started)|while i was|while (working|at)|back (in|when)|"
    r"(last|this past) (year|quarter|month|spring|summer|fall|autumn|winter|semester)|"
    r"(a|one|two|three|four|five|few|couple of|couple) (years?|months?|weeks?) ago|one time|once,? when|"
    r"there was (a|an|this|one)|we (had|were) (a|an|this|facing|dealing|struggling|getting|losing|seeing)|"
    r"(our|the) (team|company|project|client|customer|business|store|clinic|unit|school|department) "
    r"(was|were|had|needed|wanted|kept)|the (problem|issue|situation|challenge|context|background) was|"
    r"in (19|20)\d\d\b|during (my|the|a|our)|(was|were) (missing|failing|slipping|late|behind|over budget|"
    r"down))"
)
TASK_RE = re.compile(
    r"\b(my (job|task|role|goal|responsibility|assignment|mandate|objective) (was|became|is)|"
    r"i was (responsible|tasked|asked|assigned|charged|put in charge|brought in|hired to)|"
    r"i (needed|had|wanted) to|(the|our) (goal|task|objective|aim|mission|challenge) was|"
    r"we (needed|had) to|i was in charge|it was (my|up to me)|i owned|i volunteered to|i took (on|ownership))"
)
RESULT_RE = re.compile(
    r"\b(as a result|the result|in the end|by the end|end result|ended up|resulted in|led to|which (meant|"
    r"cut|"
    r"reduced|saved|increased|improved|brought|dropped|raised|helped|allowed|let|got|made)|that (meant|cut|"
    r"reduced|"
    r"saved|increased|improved)|outcome|from then on|since then|"
    r"(we|i|it|this|that|they|which|and) (then )?(reduced|cut|increased|improved|saved|grew|doubled|tripled|"
    r"halved|dropped|lowered|raised|boosted|shortened|sped|eliminated|won|closed|shipped|launched|delivered|"
    r"exceeded|hit|reached|beat|recovered|retained|went|fell|rose|finished|passed|renewed|signed|converted)|"
    r"went (from|down|up)|(down|up) (from|to)|(fell|rose|dropped|grew|improved|increased|decreased|declined|"
    r"jumped|climbed|shrank) (by|from|to)|got (promoted|approved|adopted)|(was|were|got) (adopted|promoted|"
    r"praised|recognized|recognised|rolled out|approved|resolved|fixed|solved)|feedback was|on time|"
    r"under budget|"
    r"ahead of schedule|no (more|longer)|zero (downtime|incidents|complaints|defects|errors)|reached|"
    r"(were|was|are|is) (at|down to|up to|back to|back at)|within|(had|saw|got|have) (zero|only|just|no)|"
    r"zero|"
    r"estimated|revenue|savings|up from|down from|compared (to|with)|the (next|following) (day|week|month|"
    r"quarter|"
    r"year|school year|semester|season|shift|sprint|release|cycle)|over the (next|following)|(weeks?|"
    r"months?|days?) "
    r"later|afterwards|booked|generated|landed|collected|expanded|caught|prevented|avoided|a (\w+ )?(drop|"
    r"increase|decrease|reduction|improvement|jump|lift|gain) (of|in)|(dropped|fell|rose|grew|jumped|climbed|"
    r"shrank|declined|improved|increased|decreased)|"
    # time markers that introduce an outcome, spoken or in learner's English ("after three months my sales
    # was 19 percent", "next quarter the rate was 27 percent", "four a night instead of fifteen")
    r"after (a|an|one|two|three|four|five|six|\d+|a few|a couple of) (days?|weeks?|months?|quarters?|years?|"
    r"shifts?|sprints?)|(next|following|by the end of the|by) (week|month|quarter|year|term|semester|season|"
    r"q[1-4])|instead of|(was|were|is|are) (now |then |only |just |around |about |roughly )?"
    r"(\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|number (one|two|three)))\b"
)
_NUMWORD = "|".join(
    sorted(NUMBER_WORDS | {"one", "zero", "a third", "a quarter", "a half"}, key=len, reverse=True)
)
_NUM = r"(?:[$£€]?\d[\d,]*(?:\.\d+)?(?:k|m|x|%)?|(?:" + _NUMWORD + r")(?:[ -](?:" + _NUMWORD + r"))*)"
_UNIT = (
    r"(?:\s?(?:%|percent|percentage points|x|times|million|thousand|billion|hours?|hrs?|minutes?|mins?|"
    r"seconds?|"
    r"secs?|ms|milliseconds|days?|weeks?|months?|points?|dollars|euros|pounds|per ?cent))?"
)
# a number that measures a change, even without a result word: "from 40 to 5 minutes", "by 30%", "3x faster"
CHANGE_RE = re.compile(
    r"\bfrom (?:about |around |roughly |over |under )?"
    + _NUM
    + _UNIT
    + r"(?: \w+){0,3}? (?:to|down to|up to) "
    r"(?:about |around |roughly |under |over |just |only )?"
    + _NUM
    + _UNIT
    + r"|\bby (?:about |around |roughly |over |almost |nearly )?"
    + _NUM
    + r"\s?(?:%|percent|x\b|times|fold)"
    + r"|\b"
    + _NUM
    + r"\s?(?:%|percent|x|times|fold) (?:faster|slower|fewer|more|less|higher|lower|cheaper|"
    r"better|smaller|bigger|increase|decrease|reduction|drop|improvement|growth|lift|jump)"
    + r"|\b(?:doubled|tripled|quadrupled|halved|cut in half)\b"
)
_NUM_RE = re.compile(r"(?<![\w$£€])" + _NUM + _UNIT + r"(?!\w)")
# numbers that describe context, not results: years, ages, tenure, team size, family
_NOT_METRIC_AFTER = re.compile(
    r"^\s*(years?|months?)(\s+(of|ago|old|in|at|with|experience)|\s*$)|^\s*(kids|children|people on|"
    r"person team|"
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
    experience: list[Sentence]


def _metrics_in(norm: str, s: Sentence, after_action: bool, action_sentence: bool) -> list[tuple[int, int]]:
    """Numbers in this sentence that measure a change the person caused.

    Only sentences from the first action onwards count (numbers before it describe the problem), and a number
    must sit next to a result word ("dropped 35%", "reached 11.4%", "within 15 minutes", "we had zero") or
    be a before/after change ("from 40 to 5 minutes") said after the actions. A from/to inside the action
    sentence itself without a result word ("I extended the trial from 7 to 14 days") is a parameter.
    """
    if not (after_action or action_sentence):
        return []
    cues = [(m.start(), m.end()) for m in RESULT_RE.finditer(norm, s.start, s.end)]
    changes = [(m.start(), m.end()) for m in CHANGE_RE.finditer(norm, s.start, s.end)]
    out: list[tuple[int, int]] = []
    for a, b in changes:
        near_cue = any(c0 - 45 <= a <= c1 + 60 for c0, c1 in cues)
        if near_cue or after_action:
            out.append((a, b))
    for m in _NUM_RE.finditer(norm, s.start, s.end):
        if any(a <= m.start() < b for a, b in changes):
            continue
        tok = m.group().strip()
        if _YEAR_RE.match(tok):
            continue
        tail = norm[m.end() : min(s.end, m.end() + 25)]
        head = norm[max(s.start, m.start() - 15) : m.start()]
        if _NOT_METRIC_AFTER.match(tail) or _TEAM_BEFORE.search(head):
            continue
        if any(c0 - 45 <= m.start() <= c1 + 60 for c0, c1 in cues):
            out.append((m.start(), m.end()))
    return sorted(out)


def find(norm: str, facts: list[SentenceFacts]) -> ExampleFacts:
    ef = ExampleFacts([], [], [], [], [], [], [], [], [])
    first_action = next((k for k, f in enumerate(facts) if f.i_action), None)
    if first_action is None:
        first_action = next((k for k, f in enumerate(facts) if f.we_action), None)
    for k, f in enumerate(facts):
        s = f.sentence
        if f.hypothetical and not (f.i_action or f.we_action):
            ef.hypothetical.append(s)
            continue
        if f.experience and not (f.i_action or f.we_action):
            ef.experience.append(s)
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
        started = first_action is not None and k >= first_action
        is_result = started and not f.hypothetical and bool(RESULT_RE.search(norm, s.start, s.end))
        nums = (
            _metrics_in(
                norm,
                s,
                first_action is not None and k > first_action,
                first_action is not None and k == first_action,
            )
            if not f.hypothetical
            else []
        )
        if is_result or nums:
            ef.results.append(s)
        ef.metrics.extend(nums)
    return ef


_CLOCK_BEFORE = re.compile(r"(\b(at|until|till)|\d:)\s*$")
_CLOCK_AFTER = re.compile(r"^(:\d|\s*(am|pm|a\.m|p\.m|o'clock|in the (morning|evening|afternoon)|at night))")


def numbers_from(norm: str, start: int, end: int | None = None) -> list[str]:
    """The numbers said from ``start`` (to ``end``) that could measure something ("two", "40%", "three
    hours"): not years, ages, tenure or team sizes (as for metrics), nor a time of day ("at 7:30", "six in the
    morning")."""
    out = []
    for m in _NUM_RE.finditer(norm, start, len(norm) if end is None else end):
        tok = m.group().strip()
        head, tail = norm[max(0, m.start() - 15) : m.start()], norm[m.end() : m.end() + 25]
        if _YEAR_RE.match(tok) or _NOT_METRIC_AFTER.match(tail) or _TEAM_BEFORE.search(head):
            continue
        if _CLOCK_BEFORE.search(head) or _CLOCK_AFTER.match(tail):
            continue
        out.append(tok)
    return out


def _number_after_action(norm: str, ef: ExampleFacts) -> bool:
    actions = ef.i_actions or ef.we_actions
    if not actions:
        return False
    return bool(_NUM_RE.search(norm, actions[0].end))


def action_clauses(transcript: str, action_sentences: list[Sentence]) -> int:
    """How many steps the action sentences hold, counted per clause: "I flew out, ran the review with
    their COO, found the gap and set up weekly calls" is four steps in one sentence."""
    n = 0
    for s in action_sentences:
        pieces = [p for p in CLAUSE_RE.split(transcript[s.start : s.end]) if len(p.split()) >= 2]
        n += max(1, len(pieces))
    return n


def _result_tips(transcript: str, norm: str, ef: ExampleFacts, facts: list[SentenceFacts]) -> list[str]:
    """Ask for the end of the story only when it has none, and for a figure only when a change in amount
    was said without one."""
    # a number said after the actions is nearly always what came of them, even when no result word was
    # recognised around it: then neither result tip is given
    if ef.metrics or _number_after_action(norm, ef):
        return []
    we_story = not ef.i_actions
    ended = bool(ef.results) or story_outcome(transcript, facts, we_story)
    if not ended:
        # one past action in a philosophy or a plan ("I played volleyball in college") is no story to finish
        if story_steps(transcript, facts, we_story) < 2:
            return []
        return ["Finish the story with what changed because of what you did, with a number if you have one."]
    said = [transcript[s.start : s.end].lower() for s in ef.results]
    if any(AMOUNT_CHANGE_RE.search(t) for t in said):
        return [
            "Quantify the result: how much faster, cheaper, more or fewer (a percentage, time "
            "or money saved, a before/after count)."
        ]
    return []


def score(transcript: str, norm: str, facts: list[SentenceFacts]) -> tuple[DimensionScore, ExampleFacts]:
    ef = find(norm, facts)
    story = bool(ef.i_actions or ef.we_actions)
    if ef.i_actions:
        pts = P_STORY + P_MORE_ACTIONS * min(len(ef.i_actions) - 1, 3)
        pts += P_SITUATION * bool(ef.situation) + P_TASK * bool(ef.task)
        pts += P_METRIC if ef.metrics else P_RESULT if ef.results else 0
    elif ef.we_actions:
        # a "we" story stays in the experience band however good its numbers: the person's part is unknown
        pts = P_WE_STORY + 3 * bool(ef.situation) + 3 * bool(ef.results) + 4 * bool(ef.metrics)
    elif ef.experience:
        pts = P_EXPERIENCE + 2 * min(len(ef.experience) - 1, 3)
    elif any(f.i_past_state or f.claim for f in facts):
        pts = P_TALK
    else:
        pts = 0
    value = int(round(max(0.0, min(100.0, pts))))

    ev: list[Evidence] = []
    for label, group in (
        ("situation", ef.situation[:2]),
        ("task", ef.task[:2]),
        ("action", ef.i_actions[:4]),
        ("we_only", ef.we_actions[:3] if not ef.i_actions else []),
        ("result", ef.results[:3]),
        ("hypothetical", ef.hypothetical[:3]),
    ):
        for s in group:
            ev.append(make_evidence(transcript, s.start, s.end, label))
    for a, b in ef.metrics[:5]:
        ev.append(make_evidence(transcript, a, b, "metric"))
    ev.sort(key=lambda e: (e.start, e.end))

    tips: list[str] = []
    if not story and ef.experience:
        # no tip: whether an answer is a routine or an episode told loosely was misjudged too often (7 of 17
        # such tips were judged needed on training answers), and a routine is what "how do you ..." asks for
        reason = "Experience described (a routine or background) but no specific episode"
    elif not story:
        if ef.hypothetical:
            reason = "No real example: the answer says what you would do, not what you did"
            tips.append(
                "Tell one real time you did this, in the past tense "
                '("I rewrote ...", "I called ..."), and what happened: a real example convinces more than a plan.'
            )
        elif ef.generic:
            reason = "No concrete example: the answer describes you in general terms"
            tips.append(
                "Back the answer with one story: the situation, what you did, and the "
                'result. "I\'m a problem solver" convinces less than one problem you solved.'
            )
        else:
            reason = "No concrete example: no past situation, action or result was found"
            tips.append(
                "Pick one real situation and walk through it: what was happening, what you did "
                '(say "I ..."), and what changed.'
            )
    else:
        parts = []
        parts.append(
            f"{action_clauses(transcript, ef.i_actions)} first-person action(s)"
            if ef.i_actions
            else 'actions told only as "we"'
        )
        parts.append(
            "a measurable result"
            if ef.metrics
            else ("a result without a number" if ef.results else "no result")
        )
        if ef.situation:
            parts.append("context given")
        reason = "Example found: " + ", ".join(parts)
        if not ef.i_actions and mostly_we(transcript, facts):
            tips.append(
                'You said "we" throughout: say what you yourself did ("I wrote ...", '
                '"I convinced ...") so the interviewer can credit you.'
            )
        tips += _result_tips(transcript, norm, ef, facts)
        # no "open with context" tip: spoken answers set the scene in too many ways ("on a school job in
        # May, the neighbours complained ...") for its absence to be detected reliably, and a wrong tip costs
        # more than a missing one
        # no "spell out two or three steps" tip either: judged needed in none of 16 training answers; a story
        # with one action is rare, and the result tip serves it better
    return DimensionScore(value, reason, ev, tips, priority=(100 - value) * 0.45), ef
