"""The one follow-up question an interviewer asks back after an answer, chosen from what the answer lacks.

Reasons, in priority order (the first that applies wins):

1. ``example``: the question asks for a real past situation and the answer tells none (a plan, a habit, a
   philosophy);
2. ``personal``: a specific episode, told only as "we";
3. ``result``: an episode with the person's own actions, but no measurable result;
4. ``motivation``: a "why this company / role / field" question answered with nothing particular to them;
5. ``requirement``: a question about the person's fit or experience, answered without any of the posting's
   must-haves: the follow-up asks about the most central one left out.

Nothing here reads the answer again: every decision is taken from the evidence the scorer already found (the
examples facts, the rule enthusiasm level, the alignment statuses and the posting's requirements).
"""

from __future__ import annotations

import re

from .examples import ExampleFacts, numbers_from
from .job import JobDescription, Requirement
from .model import AlignmentScore, DimensionScore, FollowUp, FollowUpReason
from .questions import question_focus, question_kind
from .requirement_tips import RequirementMeaning, quote, showable

QUESTIONS: dict[FollowUpReason, str] = {
    "example": "Can you walk me through one real time you actually did that?",
    "personal": "What did you personally do?",
    "result": "What was the outcome? Can you put a number on it?",
    "motivation": "What in particular draws you to {company}?",
    "requirement": "Could you say more about your own experience with {requirement}?",
}
# the enthusiasm score from which interest is specific to this employer: the rule's band floor
# (feedback.enthusiasm: SPECIFIC_BASE), and for the learned score the middle between the generic band's top
# and that floor (the learned score spreads the generic answers up to about 50, the specific ones from 70)
SPECIFIC_INTEREST_RULE, SPECIFIC_INTEREST_LEARNED = 72, 60
# Below this learned alignment score people most likely find no requirement touched at all. The rule statuses
# alone over-credit a summary of the person: two plain words of a requirement in one sentence make it
# "partly" shown. On the training labels the answers people judged to show no must-have scored up to the
# high 30s, those judged to show one from the mid 40s.
NO_REQUIREMENT_SHOWN = 40

# questions that ask about the person's fit for the role: a summary of them, their strengths, their experience
_FIT_RE = re.compile(
    r"\b(tell me (\w+ ){0,3}about yourself|introduce yourself|"
    r"why should (we|i|they) (hire|pick|choose|select)|"
    r"what makes you (a |an |the )?(good|great|strong|right|ideal|best|qualified|stand out)|"
    r"(good|great|strong|right) fit|why are you (a |the )?(good|great|right|best)|"
    r"(what are|what's|what is) your (greatest |biggest |main |key |top )?strengths?|"
    r"what (experience|background|skills|qualifications) (do you|have you)|"
    r"(tell me|talk) about your (\w+ ){0,2}(experience|background|skills)|"
    r"what('s| is) your (\w+ ){0,2}(experience|background)|"
    r"what (would|will|can|do) you bring|what kind of \w+( \w+)? are you|how (does|has|have|do|will|would) your (\w+ )?"
    r"(experience|background|skills)|(experience|familiar) (with|in|using)|how familiar are you)\b"
)
# questions that ask why this company, this role, this field, or why the person is moving
_MOTIVE_RE = re.compile(
    r"\b(why (do|would) you want|why (are|were) you (interested|applying|leaving|looking)|"
    r"why (did|do) you (apply|leave|choose|pick|go into|get into)|want to leave|why (now|here|us)\b|"
    r"why (this|our|the) (company|role|job|position|team|field|industry|work|school|hospital|clinic|"
    r"firm|agency|organi[sz]ation|store|district|unit|practice)|"
    r"what (draws|drew|attracts|attracted|excites|interests|interested|appeals|brings|brought) you|"
    r"what('s| is) (drawing|attracting|pulling|bringing) you|what made you (apply|want|choose|pick|decide)|"
    r"know about (us|our company|the company)|what interests you about|why leave|reason for leaving|"
    r"why did you become|(most important|matters most) to you in|looking for in (a|an|your|the) (next|new))"
)
# questions about one real thing from the past that the story-question patterns of feedback.questions miss
_PAST_RE = re.compile(
    r"\b(have you ever|share (a|an|one) (time|example|experience|situation)|(recall|think of) a time|"
    r"your (role|part) in (a|an|the)|"
    r"(accomplishment|achievement|project|success|win|mistake|failure)s? (you're|you are|you were|you've been) "
    r"(most )?proud|(biggest|greatest|proudest) (accomplishment|achievement|mistake|failure|challenge|win))"
)
# a scenario put to the person, ending in "how would you ...", "your approach" or "your role": it asks for a
# plan, not for a past situation, even when worded like a story question
_SCENARIO_RE = re.compile(
    r"\b(would you|you'd|what do you do|your approach|through your role|how you('d| would)|what you('d| would))\b"
)
# ... unless it asks in so many words for something that happened ("a time ... what would you do differently?")
_HAPPENED_RE = re.compile(
    r"\b(a time|an example|how did you|what did you do|describe a situation|have you ever)\b"
)
# questions a follow-up of these kinds makes no sense for: the candidate's own questions, logistics, pay
_NO_FOLLOW_RE = re.compile(
    r"\b(questions? for (me|us)|any questions|anything (else )?you('d| would) like to ask|salary|"
    r"compensation|pay (range|expectations?)|expectations? (for|on) pay|when (can|could) you start|"
    r"notice period|start date|availability|available to (start|work)|relocat\w*|commute|"
    r"(work|working) (weekends|nights|overnights?|shifts?)|first (30|60|90|thirty|sixty|ninety) days)\b"
)


def _asks_motivation(q: str) -> bool:
    # a bare "Why <name>?" names the company, the role or the field
    return bool(_MOTIVE_RE.search(q)) or bool(re.fullmatch(r"(so,? )?why [\w&'.-]+( [\w&'.-]+){0,2}\?*", q))


def question_asks(question: str) -> str | None:
    """What the question asks for, as far as follow-ups are concerned: "example" (a real past situation),
    "motivation", "fit" (the person's fit, background or experience), "none" (logistics, the candidate's
    own questions, pay, a plan) or None (anything else)."""
    q = " ".join(question.lower().split())
    if _NO_FOLLOW_RE.search(q):
        return "none"
    focus = question_focus(question)
    story = question_kind(question) == "behavioral" or bool(_PAST_RE.search(q))
    if story and focus is None and (_HAPPENED_RE.search(q) or not _SCENARIO_RE.search(q)):
        return "example"
    if _FIT_RE.search(q) or focus in ("background", "summary"):
        return "fit"
    if _asks_motivation(q):
        return "motivation"
    return None


def _central_missing(
    alignment: AlignmentScore, job: JobDescription, meaning: RequirementMeaning | None
) -> Requirement | None:
    """The most central must-have the answer left out: required qualifications before duties, the one the
    question is about first, then the posting's order; one a person can show by telling what they did."""
    by_text = {r.text: r for r in alignment.requirements}
    candidates = [
        (k, req)
        for k, req in enumerate(job.requirements)
        if req.must_have
        and showable(req, job.title)
        and (r := by_text.get(req.text))
        and r.status == "missing"
    ]
    if not candidates:
        return None
    asked = meaning.asked if meaning else ()

    def rank(item: tuple[int, Requirement]) -> tuple[bool, float, int]:
        k, req = item
        closeness = asked[k] if k < len(asked) else 0.0
        return (req.kind != "must", -round(closeness, 1), k)

    return min(candidates, key=rank)[1]


def _evidenced_must_have(alignment: AlignmentScore, learned: bool) -> bool:
    """The answer shows a must-have: done it or has it (a claim, a "we" use). With the learned alignment score
    (``learned``), its belief that nothing is touched decides; without it, the rule statuses."""
    if learned and alignment.score is not None:
        return alignment.score >= NO_REQUIREMENT_SHOWN
    return any(r.must_have and r.status != "missing" for r in alignment.requirements)


# number words that, said alone, count a thing in the story far more often than they measure a change ("one
# evening meeting", "half the line"): alone they are no measured result
_BARE_COUNTS = frozenset(["one", "half", "a half", "once"])


def _measured(ef: ExampleFacts, norm: str, enthusiasm: DimensionScore) -> bool:
    """A measurable result of the person's actions: a metric the examples evidence found that is more than a
    bare "one" or "half", or a number said after the actions and before the answer turns to why they want
    the job."""
    if not norm:
        return bool(ef.metrics)
    if any(norm[a:b].strip() not in _BARE_COUNTS for a, b in ef.metrics):
        return True
    # a number said after the last action is nearly always what came of them, even with no result word
    # recognised around it ("nine of the eleven passed", "the order shipped within a week"); once the answer
    # turns to the employer ("with your six hundred stores, I want to ..."), its numbers are about them
    last = ef.i_actions[-1].end if ef.i_actions else 0
    turns = [
        e.start
        for e in enthusiasm.evidence
        if e.start >= last and e.label in ("enthusiasm", "anti_enthusiasm")
    ]
    return any(n not in _BARE_COUNTS for n in numbers_from(norm, last, min(turns, default=len(norm))))


def choose_reason(
    question: str,
    ef: ExampleFacts,
    enthusiasm: DimensionScore,
    alignment: AlignmentScore,
    job: JobDescription | None,
    learned: bool = False,
    norm: str = "",
) -> FollowUpReason | None:
    """The first reason that applies, or None. ``learned``: the enthusiasm and alignment scores are the
    learned ones (blended with the rules), not the rule scores alone."""
    asks = question_asks(question)
    if asks == "none":
        return None
    episode = bool(ef.i_actions or ef.we_actions)
    if asks == "example" and not episode:
        return "example"
    floor = SPECIFIC_INTEREST_LEARNED if learned else SPECIFIC_INTEREST_RULE
    specific_interest = (enthusiasm.score or 0) >= floor
    # Which stories need a story follow-up. A summary of the person ("tell me about yourself") is made of
    # résumé facts ("I finished my degree in 2021"), not one episode. In an answer to "why us" a story is
    # most often the backstory of the interest (how they came across the company, a family event, "we visited
    # the town"): it is the person's own work worth asking about only when no specific interest is given.
    if question_focus(question) in ("background", "summary"):
        stories = False
    elif asks == "motivation":
        stories = not specific_interest and bool(ef.i_actions)
    else:
        # one past action in an opinion or a plan ("I played volleyball in college") is no story to follow up
        # unless a story was asked for
        stories = asks == "example" or len(ef.i_actions) >= 2 or bool(ef.we_actions and not ef.i_actions)
    if stories and ef.we_actions and not ef.i_actions:
        return "personal"
    if stories and ef.i_actions and not _measured(ef, norm, enthusiasm):
        return "result"
    if asks == "motivation" and not specific_interest:
        return "motivation"
    if (
        asks == "fit"
        and job is not None
        and alignment.requirements
        and not _evidenced_must_have(alignment, learned)
    ):
        return "requirement"
    return None


def choose(
    question: str,
    ef: ExampleFacts,
    enthusiasm: DimensionScore,
    alignment: AlignmentScore,
    job: JobDescription | None,
    meaning: RequirementMeaning | None = None,
    learned: bool = False,
    norm: str = "",
) -> FollowUp | None:
    """The follow-up question for this answer, or None when it lacks nothing a follow-up asks for."""
    reason = choose_reason(question, ef, enthusiasm, alignment, job, learned, norm)
    if reason is None:
        return None
    if reason == "requirement":
        assert job is not None  # choose_reason gives "requirement" only with a job
        req = _central_missing(alignment, job, meaning)
        if req is None:
            return None
        text = quote(req.text).strip('"').rstrip(" .")
        return FollowUp(QUESTIONS["requirement"].format(requirement=text), reason, req.text)
    if reason == "motivation":
        company = job.company if job and job.company else "this role"
        return FollowUp(QUESTIONS["motivation"].format(company=company), reason)
    return FollowUp(QUESTIONS[reason], reason)
