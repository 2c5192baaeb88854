"""Sentence-level facts shared by the dimensions: who did what, when, and whether it really happened.

The rubric in FACTS.md ("Numbers from the field") says: "we" without "I" hides the person's own actions, and
"I would" is hypothetical, not an example. So every sentence is classified by its grammatical subject and
tense with a few token rules (no parser, no model):

- ``i_action``: first person + past-tense action verb ("I rewrote", "my manager and I set up").
- ``we_action``: "we"/"our team" + past-tense action verb (a shared story, the person's part unclear).
- ``hypothetical``: a modal after a person ("I would", "you should", "I'll") or an "if I ..." clause.
- ``habitual``: present-tense self-description or habits ("I always", "I'm a team player", "I make sure").
- ``claim``: a bare claim of experience or skill ("I have experience with", "I've used", "I know").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import Sentence

IRREGULAR_PAST = frozenset(
    """
    arose ate became began bent bet bid bit blew bore bought bound brought broke built burnt caught chose clung
    came cost crept cut dealt did dove drew drove drank dug fed fell fled flew forbade forecast forgot forgave
    fought found froze gave got grew hung heard held hid hit hurt kept knelt laid led leapt left lent let lit
    lost made meant met mistook oversaw overcame overheard overrode paid put quit ran rang read rebuilt redid
    remade rewrote rode rose said sat saw sent set shook shot showed shut sang sank slept slid sold sought spent
    spoke sprang spun split spread stood stole stuck struck strove swept swore swam swung taught tore told took
    thought threw thrust undertook understood underwent upheld undid wrote woke wore won withdrew wound went
    """.split()
)

# Past forms that describe a state, feeling or biography rather than something the person did in the story.
STATE_PAST = frozenset(
    """
    was were had felt thought liked loved enjoyed wanted hoped believed knew needed seemed used wished guessed
    supposed meant tended preferred graduated studied majored joined moved grew lived worked been got happened
    realised realized learned learnt remembered forgot decided imagined expected heard saw appreciated
    """.split()
)

# "-ed" words that are not past tenses of actions (or that follow "I" as something else).
_ED_NOT_PAST = frozenset(
    """
    need feed speed seed bed red shed indeed embed proceed succeed exceed weed breed bleed heed deed reed bred
    based interested excited motivated dedicated detailed experienced skilled qualified organized organised
    talented tired bored scared concerned pleased thrilled delighted allowed supposed used
    """.split()
)

# Words allowed between the subject and its verb ("I then quickly rewrote ...").
_BETWEEN = frozenset(
    """
    then also quickly immediately personally actually just finally eventually first later soon initially
    ultimately basically um uh er ah like really carefully proactively successfully myself again originally
    recently once even still manually directly jointly together independently gradually subsequently
    ourselves all both single-handedly literally deliberately already
    """.split()
)
_MODALS = frozenset("would could might will should can may must 'd 'll shall".split())
_MODAL_CONTRACTIONS = frozenset("i'd i'll we'd we'll you'd you'll they'd they'll".split())
_HABIT_ADVERBS = frozenset("always usually typically generally normally often tend try regularly constantly".split())
_WISH = frozenset(["love", "like"])
_ADVICE = frozenset(["need", "have", "want", "gotta", "got"])
_NOT_ADVICE_PREV = frozenset(["if", "thank", "told", "asked", "that", "when"])
# State verbs that still read as actions with the right next word ("I worked with QA", "I got buy-in").
_ACTION_IF_FOLLOWED = {
    "worked": frozenset("with on closely alongside through late overtime directly together".split()),
    "got": frozenset("the everyone them buy-in approval sign-off agreement".split()),
    "decided": frozenset("to on that".split()),
    "realized": frozenset("that the we".split()),
    "realised": frozenset("that the we".split()),
}
# Words after "I" that are not present-tense verbs (conjunctions, articles, enthusiasm verbs, etc.).
_NOT_PRESENT_VERB = frozenset(
    "and to was the a it have love enjoy want hope believe think feel guess suppose mean like'd can't".split()
)
# present tense verbs that are claims of skill/experience rather than habits
_CLAIM_VERBS = frozenset("know have understand use specialize specialise own".split())
_SELF_DESC_AFTER_IM = frozenset(
    """
    a an very really someone somebody the known good great excellent detail detail-oriented organized organised
    hardworking hard-working passionate reliable dependable motivated self-motivated driven proactive creative
    confident comfortable familiar experienced proficient skilled strong quick fast always naturally pretty
    """.split()
)


def is_past(word: str) -> bool:
    """Past tense (regular "-ed" or irregular) by form alone."""
    if word in IRREGULAR_PAST:
        return True
    return len(word) >= 5 and word.endswith("ed") and word not in _ED_NOT_PAST and word.isalpha()


def is_action_past(word: str) -> bool:
    return is_past(word) and word not in STATE_PAST


# Verbs of finding out about the employer: "I read your handbook", "I looked at the website", "I applied".
# With an employer-ish object they are incidental events, not evidence of how the person works.
_INCIDENTAL_VERBS = frozenset(
    "read looked applied saw heard visited browsed found came watched followed researched checked googled noticed "
    "met talked spoke reached stumbled discovered learned learnt".split()
)
_EMPLOYER_WORDS = frozenset(
    "your you website site posting post job ad advert listing blog handbook recruiter linkedin careers role "
    "company glassdoor reviews founders founder story about opening position jobs".split()
)
# Apostrophe-less forms from raw speech-to-text ("ive done nights", "im not sure").
_UNAPOSTROPHED = {"ive": "i've", "im": "i'm", "weve": "we've", "youre": "you're", "theyre": "they're",
                  "dont": "don't", "didnt": "didn't", "cant": "can't", "wouldnt": "wouldn't", "ill": "ill"}

# Concreteness: what separates "Every Monday I sort my accounts in Gainsight" (a real routine: experience)
# from "I always give 100 percent" (a trait in habit form: self-description).
FREQUENCY_RE = re.compile(
    r"\b((every|each) (day|week|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"shift|quarter|month|sprint|call|patient|account|visit|order|season|year|release|deploy|ticket|lesson|class|"
    r"semester|weekend|other)|on (mondays|tuesdays|wednesdays|thursdays|fridays|weekends|nights|days)|"
    r"most (days|weeks|mornings|nights|shifts)|right now|currently|in my current|at my current|"
    r"on my (current )?(unit|team|floor|shift|ward|route|caseload)|(mondays|tuesdays|wednesdays|thursdays|fridays)|"
    r"(for|over) (the (last|past) )?(\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) (years|months)|"
    r"since (19|20)\d\d|day to day|day-to-day|a typical (day|week|shift))\b"
)
TRAIT_RE = re.compile(
    r"\b(passionate|team player|hard[- ]?work(er|ing)|detail[- ]oriented|problem[- ]solv(er|ing)|people person|"
    r"(strong|great|good|excellent) communicator|fast learner|quick learner|go-getter|self[- ]starter|believe|"
    r"believer|strengths?|weakness(es)?|mindset|perfectionist|(100|hundred) (percent|%)|my all|many hats|synergy|"
    r"thrive|lifelong learner|results[- ]driven|customer[- ]obsessed|storytelling|natural(ly)?|attitude|"
    r"personality|proactive|go above and beyond|wear|bridge the gap|value|best practices|leverage|"
    r"dedicated|reliable|dependable|driven|motivated)\b"
)
_DIGIT_RE = re.compile(r"\d")
_NUMBERISH = frozenset("two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
                       "hundred thousand dozen".split())


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    sentence: Sentence
    i_action: bool
    we_action: bool
    hypothetical: bool
    habitual: bool
    claim: bool
    i_past_state: bool  # "I was", "I had": part of a past story even if not an action
    experience: bool = False  # a concrete routine or background fact about the person's own work
    trait: bool = False  # self-description ("I'm a team player", "I always give 100%")
    incidental: bool = False  # "I read your blog", "a recruiter reached out": not evidence of work

    @property
    def story(self) -> bool:
        """True when the sentence narrates something that happened."""
        return (self.i_action or self.we_action or self.i_past_state) and not self.hypothetical


def _verb_after(norms: tuple[str, ...], i: int) -> tuple[int, str] | None:
    """The first word after position ``i`` that is not an adverb-like filler (at most 3 skipped)."""
    j = i + 1
    skipped = 0
    while j < len(norms) and norms[j] in _BETWEEN and skipped < 3:
        j += 1
        skipped += 1
    if j < len(norms):
        return j, norms[j]
    return None


def _concrete(s: Sentence, norm: str, n: tuple[str, ...], original: str) -> bool:
    """Does the sentence name concrete things: a schedule, a number, a tool or domain term, a name?"""
    from .synonyms import canon_of  # local import: synonyms imports text only, no cycle at module load

    if FREQUENCY_RE.search(norm, s.start, s.end):
        return True
    for k, t in enumerate(s.tokens):
        w = n[k]
        if _DIGIT_RE.search(w) or w in _NUMBERISH:
            return True
        if canon_of((w,)) is not None or (k + 1 < len(n) and canon_of((w, n[k + 1])) is not None):
            return True
        if k > 0 and w != "i" and original[t.start : t.start + 1].isupper() and not w.startswith("i'"):
            return True
    return False


def analyse_sentence(s: Sentence, norm: str = "", original: str = "") -> SentenceFacts:
    n = tuple(_UNAPOSTROPHED.get(w, w) for w in s.norms)
    i_action = we_action = hyp = habitual = claim = i_state = incidental = False
    first_person = False
    cond_subject = -1
    i_modal_first = False  # "I'd try X until I found Y": the whole clause is hypothetical
    for k, w in enumerate(n):
        nxt = n[k + 1] if k + 1 < len(n) else ""
        nxt2 = n[k + 2] if k + 2 < len(n) else ""
        if w in ("i", "i'm", "i've", "my", "i'd", "i'll"):
            first_person = True
        if w in _MODAL_CONTRACTIONS:
            # "I'd love to" / "I'd like to" is intent (enthusiasm), not a hypothetical story
            if not (nxt in _WISH or (nxt == "really" and nxt2 in _WISH)):
                hyp = True
                if w in ("i'd", "i'll") and not (i_action or i_state):
                    i_modal_first = True
            continue
        if w in ("if", "whenever", "unless") and nxt in ("i", "you", "we", "someone", "there", "i'm", "you're"):
            hyp = True
            cond_subject = k + 1  # "if I faced ..." is a condition, not something that happened
            continue
        if k == cond_subject:
            continue
        if w in ("i'm", "i've", "we've"):
            if w == "i'm" and nxt in _SELF_DESC_AFTER_IM:
                habitual = True
            if w != "i'm" and (is_past(nxt) or nxt in ("always", "been", "done", "worked", "used")):
                claim = True  # present perfect: "I've led teams" claims experience, tells no story
                if nxt == "always":
                    habitual = True
            continue
        if w in ("you", "one") and nxt in _MODALS | _ADVICE and (k == 0 or n[k - 1] not in _NOT_ADVICE_PREV):
            hyp = True  # advice: "you should always ...", "you need to ..."
            continue
        subj_i = w == "i"
        subj_we = w == "we" or (w == "team" and k > 0 and n[k - 1] in ("our", "the", "my"))
        if not (subj_i or subj_we):
            continue
        va = _verb_after(n, k)
        if va is None:
            continue
        j, v = va
        after = n[j + 1] if j + 1 < len(n) else ""
        if any(b in _HABIT_ADVERBS for b in n[k + 1 : j]) or v in _HABIT_ADVERBS:
            habitual = True
        elif v in _MODALS:
            if not (v == "would" and after in _WISH):
                hyp = True
                if subj_i and not (i_action or i_state):
                    i_modal_first = True
        elif (
            is_action_past(v)
            or (v == "grew" and after != "up")
            or (v in _ACTION_IF_FOLLOWED and after in _ACTION_IF_FOLLOWED[v])
        ):
            if v in _INCIDENTAL_VERBS and any(x in _EMPLOYER_WORDS for x in n[j + 1 : j + 7]):
                incidental = True
            elif subj_i and not i_modal_first:
                i_action = True
            elif subj_we and not i_modal_first:
                we_action = True
        elif is_past(v):
            if subj_i:
                i_state = True  # "I was", "I had", "I joined": a past story's setting
        elif subj_i:
            if v in _CLAIM_VERBS:
                claim = True
            elif v in ("am", "consider", "pride") or (v.isalpha() and v not in _NOT_PRESENT_VERB):
                # a present-tense verb after "I": a habit or a self-description ("I make sure", "I work well")
                habitual = True
    trait = bool(norm) and bool(TRAIT_RE.search(norm, s.start, s.end))
    experience = False
    if norm and first_person and (habitual or claim or i_state or i_action) and not hyp:
        experience = _concrete(s, norm, n, original or norm) and not (trait and not FREQUENCY_RE.search(
            norm, s.start, s.end))
    return SentenceFacts(s, i_action, we_action, hyp, habitual, claim, i_state, experience, trait, incidental)


def analyse(sentences: list[Sentence], norm: str = "", original: str = "") -> list[SentenceFacts]:
    return [analyse_sentence(s, norm, original) for s in sentences]
