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

from dataclasses import dataclass, replace

from .grammar_words import (
    ACTION_IF_FOLLOWED,
    ADVICE,
    ADVICE_PREV,
    AUX,
    BETWEEN,
    BIO_VERBS,
    CLAIM_VERBS,
    DIGIT_RE,
    ED_NOT_PAST,
    EMPLOYER_WORDS,
    FREQUENCY_RE,
    GLAD,
    HABIT_ADVERBS,
    INCIDENTAL_VERBS,
    INTENSIFIERS,
    IRREGULAR_PAST,
    MODAL_CONTRACTIONS,
    MODALS,
    NON_WORK_VERBS,
    NOT_PRESENT_VERB,
    NUMBERISH,
    PAST_MARK_RE,
    SAME_FORM_PRESENT,
    SELF_DESC_AFTER_IM,
    STATE_PAST,
    TENURE_RE,
    TRAIT_RE,
    UNAPOSTROPHED,
    WISH,
)
from .text import Sentence


def is_past(word: str) -> bool:
    """Past tense (regular "-ed" or irregular) by form alone."""
    if word in IRREGULAR_PAST:
        return True
    return len(word) >= 5 and word.endswith("ed") and word not in ED_NOT_PAST and word.isalpha()


def is_action_past(word: str) -> bool:
    return is_past(word) and word not in STATE_PAST


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
    incidental: bool = False  # "I read your blog", "I saw the advert": not evidence of work
    ambiguous_tense: bool = False  # the only action verb reads the same in present ("I read", "I set")
    routine: bool = (
        False  # experience that is a present work practice ("Every Friday I audit ..."), not a résumé
    )
    work_practice: bool = (
        False  # a first-person present-tense work verb, concrete or not ("I review the PRs")
    )

    @property
    def story(self) -> bool:
        """True when the sentence narrates something that happened."""
        return (self.i_action or self.we_action or self.i_past_state) and not self.hypothetical


def _verb_after(norms: tuple[str, ...], i: int) -> tuple[int, str] | None:
    """The first word after position ``i`` that is not an adverb-like filler (at most 3 skipped)."""
    j = i + 1
    skipped = 0
    while j < len(norms) and norms[j] in BETWEEN and skipped < 3:
        j += 1
        skipped += 1
    if j < len(norms):
        return j, norms[j]
    return None


def _concrete(s: Sentence, norm: str, n: tuple[str, ...]) -> bool:
    """Does the sentence name concrete things: a schedule, a number, a tool or domain term?"""
    from .synonyms import canon_of  # local import: synonyms imports text only, no cycle at module load

    if FREQUENCY_RE.search(norm, s.start, s.end):
        return True
    for k, w in enumerate(n):
        if DIGIT_RE.search(w) or w in NUMBERISH or w.split("-")[0] in NUMBERISH:
            return True
        if canon_of((w,)) is not None or (k + 1 < len(n) and canon_of((w, n[k + 1])) is not None):
            return True
    return False


def _main_verb(n: tuple[str, ...], k: int) -> str:
    """The verb after a first-person subject at ``k``, past auxiliaries and adverbs ("I've been running")."""
    w = n[k]
    j = k + 1
    if w == "i'm" and j < len(n) and n[j].endswith("ing"):
        return n[j]
    if w == "i'm":
        return "am"
    skipped = 0
    if (
        w == "i"
        and j < len(n)
        and n[j] in ("have", "has", "had")
        and not (
            j + 1 < len(n)
            and (is_past(n[j + 1]) or n[j + 1] in ("been", "always", "never", "also", "run", "done"))
        )
    ):
        return "have"  # "I have two dogs": "have" is the main verb here
    while j < len(n) and (n[j] in AUX or n[j] in BETWEEN) and skipped < 3:
        if (
            n[j] == "been"
            and j + 1 < len(n)
            and n[j + 1]
            in (
                "a",
                "an",
                "the",
                "on",
                "in",
                "at",
                "doing",
                "working",
                "running",
                "leading",
                "managing",
                "carrying",
            )
        ):
            return "been"  # "I've been a manager since 2019", "I've been running the help desk"
        j += 1
        skipped += 1
    return n[j] if j < len(n) else ""


def analyse_sentence(s: Sentence, norm: str = "") -> SentenceFacts:
    n = tuple(UNAPOSTROPHED.get(w, w) for w in s.norms)
    i_action = we_action = hyp = habitual = claim = i_state = incidental = False
    fp_verbs: list[str] = []  # main verbs with "I" as subject (after auxiliaries), for the experience test
    cond_subject = -1
    i_action_clear = False  # an action verb whose form is unambiguously past ("rewrote", not "read"/"set")
    i_modal_first = False  # "I'd try X until I found Y": the whole clause is hypothetical
    for k, w in enumerate(n):
        nxt = n[k + 1] if k + 1 < len(n) else ""
        if w in MODAL_CONTRACTIONS:
            # "I'd love to", "I'd really like to", "I'd be proud to" is intent (enthusiasm), not a story
            rest = [x for x in n[k + 1 : k + 4] if x not in INTENSIFIERS]
            intent = bool(rest) and (
                rest[0] in WISH or (rest[0] == "be" and len(rest) > 1 and rest[1] in GLAD)
            )
            if not intent:
                hyp = True
                if w in ("i'd", "i'll") and not (i_action or i_state):
                    i_modal_first = True
            continue
        if w in ("if", "whenever", "unless") and nxt in (
            "i",
            "you",
            "we",
            "someone",
            "there",
            "i'm",
            "you're",
        ):
            hyp = True
            cond_subject = k + 1  # "if I faced ..." is a condition, not something that happened
            continue
        if k == cond_subject:
            continue
        if w in ("i'm", "i've", "i", "i'd"):
            fp_verbs.append(_main_verb(n, k))
        if w in ("i'm", "i've", "we've"):
            if w == "i'm" and nxt in SELF_DESC_AFTER_IM:
                habitual = True
            if w != "i'm" and (is_past(nxt) or nxt in ("always", "been", "done", "worked", "used")):
                claim = True  # present perfect: "I've led teams" claims experience, tells no story
                if nxt == "always":
                    habitual = True
            continue
        if (
            w in ("you", "one")
            and nxt in (MODALS | ADVICE) - {"can", "may"}
            and (k == 0 or n[k - 1] in ADVICE_PREV)
        ):
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
        if any(b in HABIT_ADVERBS for b in n[k + 1 : j]) or v in HABIT_ADVERBS:
            habitual = True
        elif v in MODALS:
            purpose = k >= 1 and n[k - 1] in ("so", "that", "as") and v in ("could", "can", "would", "might")
            if not (v == "would" and after in WISH) and v != "can" and not purpose:
                hyp = True
                if subj_i and not (i_action or i_state):
                    i_modal_first = True
        elif (
            is_action_past(v)
            or (v == "grew" and after != "up")
            or (v in ACTION_IF_FOLLOWED and after in ACTION_IF_FOLLOWED[v])
            or (v == "got" and after.endswith("ed"))
        ):
            if v in INCIDENTAL_VERBS and any(x in EMPLOYER_WORDS for x in n[j + 1 : j + 7]):
                incidental = True
            elif v in BIO_VERBS and (after in BIO_VERBS[v] or after.isdigit() or after in NUMBERISH):
                if subj_i:
                    # "I started at a law firm", "I moved into finance": a résumé line, not an episode
                    i_state = True
            elif subj_i and not i_modal_first:
                i_action = True
                if v not in SAME_FORM_PRESENT:
                    i_action_clear = True
            elif subj_we and not i_modal_first:
                we_action = True
        elif is_past(v):
            if subj_i:
                i_state = True  # "I was", "I had", "I joined": a past story's setting
        elif subj_i:
            if v in CLAIM_VERBS:
                claim = True
            elif v in ("am", "consider", "pride") or (v.isalpha() and v not in NOT_PRESENT_VERB):
                # a present-tense verb after "I": a habit or a self-description ("I make sure", "I work well")
                habitual = True
    trait = bool(norm) and bool(TRAIT_RE.search(norm, s.start, s.end))
    experience = False
    work_verbs = [v for v in fp_verbs if v and v not in NON_WORK_VERBS]
    if norm and work_verbs and not hyp and not incidental and not (habitual and not work_verbs):
        routine = bool(FREQUENCY_RE.search(norm, s.start, s.end))
        experience = _concrete(s, norm, n) and (routine or not trait)
    if i_action and norm and TENURE_RE.search(norm, s.start, s.end):
        # "I coached the swim club for six years", "I've led the team since 2019": background, not one episode
        i_action, i_state = False, True
    tenure = bool(norm) and bool(TENURE_RE.search(norm, s.start, s.end))
    routine = (
        experience
        and not (i_state or i_action or tenure)
        and (habitual or bool(FREQUENCY_RE.search(norm, s.start, s.end)))
    )
    work_practice = bool(work_verbs) and habitual and not hyp and not i_action and not (trait and not routine)
    return SentenceFacts(
        s,
        i_action,
        we_action,
        hyp,
        habitual,
        claim,
        i_state,
        experience,
        trait,
        incidental,
        i_action and not i_action_clear,
        routine,
        work_practice,
    )


def analyse(sentences: list[Sentence], norm: str = "") -> list[SentenceFacts]:
    facts = [analyse_sentence(s, norm) for s in sentences]
    # "Then I read the logs first" is a habit unless a neighbouring sentence is clearly in the past
    out = []
    for k, f in enumerate(facts):
        if f.ambiguous_tense:
            near = facts[max(0, k - 1) : k + 2]
            past = any((g.i_action and not g.ambiguous_tense) or g.we_action or g.i_past_state for g in near)
            past = past or bool(norm and PAST_MARK_RE.search(norm, f.sentence.start, f.sentence.end))
            if not past:
                f = replace(f, i_action=False, habitual=True, ambiguous_tense=False)
        out.append(f)
    return out
