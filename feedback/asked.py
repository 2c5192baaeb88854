"""The person's own questions for the interviewer: did one of them ask about the team's most pressing problem?

Second-interview advice says the best question a candidate can ask is about the problem the team most needs
solved (its biggest challenge, what keeps it up at night, its priorities): it shows the person already thinks
like a member of the team, and the answer tells them what to speak to next. `pressing_problem_question`
finds such a question in a transcript of what the person asked.

A sentence counts when it is a question (a question mark, or spoken as one: "what's ...", "I was wondering
...", "I'd love to hear ...", since a transcript of speech often has no question mark) and it asks about a
problem, a challenge or a priority of the team, the role or the company. Not counted: statements about the
person's own past ("the hardest part of my last job was ..."), questions about the person themself ("any
concerns about my background?"), and questions about other things (pay, the interview process, a typical
day).
"""

from __future__ import annotations

import re

from .text import normalise, split_sentences

# What the question asks about: a problem, a challenge or a priority, in the words people use for them.
_PROBLEM_RE = re.compile(
    r"\b(problems?|challeng\w*|priorit\w*|pain ?points?|obstacles?|struggl\w*|headaches?|bottlenecks?|"
    r"difficult\w*|hardest|toughest|trickiest|biggest (issues?|risks?|gaps?|needs?|worr\w*|hurdles?|blockers?)|"
    r"(keeps?|keeping) (you|the team|them|everyone|people) (up|awake) at night|up at night|"
    r"(not|isn't|aren't) working( well)?|needs? (fixing|solving|to be (fixed|solved))|"
    r"(fix|solve|tackle|improve|take on|turn around) first|most (urgent|pressing|important) (thing|need|issue|"
    r"problem|goal)s?|top (goals?|issues?|needs?)|"
    r"focus(ing|ed)? on (this|the next|in the|over the|right now)|"
    r"goals? (are |is )?for the (next|first|coming)|on (your|the team's|their|its) plate|"
    r"(need|want|expect)s? (me|someone|the new person|this person|whoever|the new hire) to (fix|solve|tackle|"
    r"take on|sort out|turn around|improve))\b"
)
# Spoken questions without a question mark: an interrogative, or a request to be told, at the clause start
# (after fillers and linking words, which speech puts first).
_LEAD_RE = re.compile(
    r"^(?:(?:um+|uh+|er+|ah+|hmm+|so|and|also|okay|ok|well|yeah|right|oh|then|like|just)\b[\s,]*)*"
)
_ASKING_RE = re.compile(
    r"^(what|what's|whats|which|how|where|who|why|is|are|does|do|did|could|can|would|will|have|has)\b|"
    r"\b(i'd (like|love) to (know|hear|ask|understand|learn)|i would (like|love) to (know|hear|ask|understand|"
    r"learn)|(i'm|i am) (curious|wondering|interested to (know|hear))|i was (curious|wondering)|i wonder|"
    r"(can|could|would) you (tell|share|say|walk|describe|talk)|tell me (about|what|how|more)|"
    r"my (first |other |last |next )?question is|i (want|wanted) to ask)\b"
)
# "what I found hardest was ...": an interrogative followed by the person's own subject is a statement
# (a pseudo-cleft), unless it was asked with a question mark.
_CLEFT_RE = re.compile(r"^(what|how|where|why|which)\s+(i|we|i've|we've|i'd|my|our)\b")
# About the person themself, not about the team: "any concerns about my background?"
_ABOUT_ME_RE = re.compile(
    r"\b(about|with|in) (me|my (background|application|candidacy|cv|resume|résumé|profile|experience|answers?|"
    r"interview))\b|\b(problem|concern|issue)s? (with|about) (me|my)\b"
)
# The problems the product solves for its customers are not the team's own problems.
_CUSTOMERS_RE = re.compile(
    r"\bproblems? (does|do|did|will|can|would) (your|the|this|our) (product|service|platform|app|tool|software|"
    r"company) solve\b|\bsolv\w* for (your |the |its )?(customers|users|clients|buyers|patients)\b"
)
_NO_QUESTIONS_RE = re.compile(r"\b(no|not any|don't have any|do not have any|haven't got any) questions?\b")


def _asks(clause: str) -> bool:
    """Is the clause a question, written or spoken?"""
    if clause.rstrip().endswith("?"):
        return True
    body = _LEAD_RE.sub("", clause).lstrip(" ,")
    if _CLEFT_RE.match(body):
        return False
    return bool(_ASKING_RE.search(body))


def pressing_problem_question(transcript: str) -> str | None:
    """The first sentence of `transcript` that asks about the team's (or role's, or company's) problems,
    challenges or priorities, as the person said it; None when none does."""
    norm = normalise(transcript or "")
    for sentence in split_sentences(norm):
        clause = norm[sentence.start : sentence.end].strip()
        if _NO_QUESTIONS_RE.search(clause) or _ABOUT_ME_RE.search(clause) or _CUSTOMERS_RE.search(clause):
            continue
        if _PROBLEM_RE.search(clause) and _asks(clause):
            return transcript[sentence.start : sentence.end].strip()
    return None
