"""What a question asks for: a story, a reason to want the job, or a summary of the person.

The kind weighs the dimensions when tips are ranked (a "tell me about a time" answer needs a story more than
enthusiasm) and is a feature of the learned scores; the focus decides which tips apply at all (a question that
asks for a summary or a routine is not answered by one story, so story tips do not apply to it).
"""

from __future__ import annotations

import re

_BEHAVIORAL_RE = re.compile(
    r"\b(tell me about a time|tell me about an?|describe a (time|situation|project)|give (me )?an example|"
    r"walk me through|how did you|what did you do|a time (when|you)|an experience)\b"
)
# "why ...?" at the end of the question needs no word boundary after the mark (a "\b" after "?" fails at the
# end of the text), and a filler or "so" may come before it
_MOTIVATION_RE = re.compile(
    r"\b(?:(why (do you want|are you|this|us|our|the|here)|what (excites|interests|attracts|draws) you|"
    r"why are you (interested|leaving|looking)|what do you know about|where do you see yourself|"
    r"what('s| is) (drawing|attracting|pulling|bringing) you|what (drew|attracted|brought) you|"
    r"what made you (apply|want|choose|pick|decide)|why did you apply|"
    r"(most important|matters most) to you in|what are you \w+ for in|what do you (want|hope) (to|from)|"
    r"why (now|should we)|what makes you want|what (motivates|drives|inspires|energi[sz]es) you|"
    r"what are you (most )?(passionate|excited|enthusiastic) about|what do you (enjoy|love|like) (most )?about|"
    r"what (gets|makes) you (excited|enthusiastic)|why do you (want|like|love|enjoy)|"
    r"(appeals?|appealed) to you|(what|which) [\w ]{0,30}appeals?|"
    r"(fit|fits|match|suit|suits) (with )?your (career|goals|plans|ambitions)|great fit for you|"
    r"why you want|why you('d| would) (like|want|love)|what you (like|love) about)\b|"
    r"why [a-z&']+(?: [a-z&']+){0,2}\?)"
)
# questions that ask for an overview of the person, or for a quick summary of it: not for one story
_BACKGROUND_RE = re.compile(
    r"\b(tell me (\w+ ){0,3}about yourself|"
    r"walk me through your (background|resume|résumé|cv|career|experience)|"
    r"introduce yourself|about your background|your (\w+ )?background|"
    r"(summary|rundown|overview|short version) of your|summari[sz]e your)\b|"
    r"^(briefly|quickly|in short),? what\b|^what('s| is) your (\w+ )?(experience|background)\W*$"
)
_ROUTINE_RE = re.compile(
    r"\b(typical|normal|usual|average) ([\w-]+ )?(day|week|shift|morning|visit)\b|\bday[- ]to[- ]day\b|"
    r"\bweek[- ]to[- ]week\b|\b(through|does|is) your ([\w-]+ )?(day|week|shift|morning)\b|"
    r"^how do you (usually |normally |typically )?(manage|organi[sz]e|plan|prioriti[sz]e|run|keep|stay|structure|"
    r"approach|make sure|track|handle|deal with|cope with|respond to|work with|go about)\b"
)
# questions that ask for a list (a stack, the tools or skills someone has): answered by naming them, not by a story
_LIST_RE = re.compile(
    r"^what('s| is| are) your (\w+ )?(stack|toolkit|tool ?set|tools|skills|certifications|qualifications|"
    r"licen[cs]es)\b|\b(what|which) (\w+ ){0,3}(tools|software|languages|technologies|frameworks|systems|platforms|"
    r"certifications|licen[cs]es|skills|qualifications|credentials) (do|did|would|have|are|can) you\b"
)
# questions that ask for a plan: for this employer (the first 90 days, how you would run their team) or for a
# situation ("... the server is down and the client calls. What do you do?", "how would you handle ..."): a plan is the
# answer, so a tip to tell a past story instead does not apply (judged not needed in 14 of 15 training answers)
_SITUATION_RE = re.compile(
    r"\bwould you\b|\bwhat do you do\W*$|\bwhat do you do (if|when|first|next)\b|\bwhat('s| is) your first (step|move)\b"
)
# "walk me through your approach": a method, even though "walk me through" usually asks for a story
_APPROACH_RE = re.compile(r"\b(walk me through|what is|what's|describe|talk me through) your approach\b")
_PLAN_RE = re.compile(
    r"\b(first|initial|opening) (\d+|thirty|sixty|ninety|few|two|three|six) (days|weeks|months)\b|"
    r"\b(30|60|90)[- ]days?\b|\b(30|60|90)/(60|90)\b|"
    r"\bhow would you (approach|plan|structure|set up|build|go about|improve|grow|tackle|run)\b.*"
    r"\b(our|this (role|team|territory|unit|program|programme|account|store|school|department|site))\b"
)


# a background question asking for the short version: a recap, with no room for why this company
_SHORT_RE = re.compile(r"\b(quick(ly)?|brief(ly)?|short|summary|summari[sz]e|overview|rundown|in short)\b")
# "What's your support background?", "What's your experience?": a narrow ask for the facts, answered well in two
# lines; a pitch for this company there is off the question (judged not needed on held-out answers)
_NARROW_BACKGROUND_RE = re.compile(r"^what('s| is| was) your (\w+ ){0,2}(experience|background)\W*$")
# "your experience with payroll software": the person's experience of one thing, not their whole story
# (so not the place to say why they want the job)
_EXPERIENCE_WITH_RE = re.compile(r"\byour (\w+ )?(experience|background) (with|in|of|using|doing|on)\b")


def question_kind(question: str) -> str:
    """'behavioral' (asks for a story), 'motivation' (asks why this job) or 'other'."""
    q = question.lower().strip()
    if _BEHAVIORAL_RE.search(q):
        return "behavioral"
    if _MOTIVATION_RE.search(q) or q.startswith("why"):
        return "motivation"
    return "other"


def question_focus(question: str) -> str | None:
    """'background' ("tell me about yourself"), 'summary' (the short version of it: "a quick summary of your
    experience"), 'routine' ("a typical day"), 'list' ("what's your stack", "which tools do you use") or 'plan'
    ("your first 90 days", "how would you handle ...", "... What do you do?"): questions
    that do not ask for one story, so story tips (a result, steps, one specific time, a requirement shown in
    action) do not apply. None otherwise, and always None for a question that asks for a story."""
    q = question.lower().strip()
    if _BACKGROUND_RE.search(q):
        narrow = _NARROW_BACKGROUND_RE.match(q) or _EXPERIENCE_WITH_RE.search(q)
        return "summary" if _SHORT_RE.search(q) or narrow else "background"
    if _ROUTINE_RE.search(q):
        return "routine"
    if _APPROACH_RE.search(q):
        return "plan"
    if _BEHAVIORAL_RE.search(q):
        return None
    if _LIST_RE.search(q):
        return "list"
    if _PLAN_RE.search(q) or _SITUATION_RE.search(q):
        return "plan"
    return None
