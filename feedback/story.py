"""What a story tells besides its actions: whether it ends with what happened, how many steps it has, and
whether it is told as "I" or as "we".

Used to decide the story tips: "finish the story" is wrong for a story that already ends with what came of
it, in whatever words, and "you said we throughout" is wrong for one that mostly says "I".
"""

from __future__ import annotations

import re

from .grammar import SentenceFacts, is_action_past, is_past
from .lexicon import words

# clause boundaries inside a sentence: spoken answers run many steps into one ("I flew out, ran the review
# and set up weekly calls")
CLAUSE_RE = re.compile(r"\s*[,;]\s*|\s+(?:and then|and so|then|and|so|after that)\s+", re.I)

# An outcome is nearly always told with someone or something other than the speaker as its subject, after the
# speaker's last action: "and the drawer balanced", "by May she was reading on her own", "nothing broke".
# Result words alone miss these plain endings, and a tip asking for "what changed" then reads as if the person
# had not listened to their own story.
_OTHER_SUBJECTS = words(
    """
    he she they it we nobody nothing everyone everybody none both everything someone
    """
)
_DETERMINERS = words(
    """
    the her his their our my every each all most
    """
)
_OUTCOME_VERBS = words(
    """
    was were had got didn't never stopped started kept
    """
)
_MODAL_WORDS = words(
    """
    would could should might will can may
    """
)
_WORD_RE = re.compile(r"[a-z']+")
# what the person wants or learned, said after the story: not part of what happened
_ASIDE_RE = re.compile(
    r"\b(i (really )?want|i'd (really )?love|i would (really )?love|i hope|that's why|the reason|what i took|"
    r"i learned|the lesson|taught me|why i applied|i'm (really |so )?excited)\b"
)
# a change in amount said without a figure ("the queue got shorter", "costs dropped"): the one kind of result a
# number makes stronger; "it went fine" or "she took the meeting" has no figure to give
AMOUNT_CHANGE_RE = re.compile(
    r"\b(faster|slower|fewer|more|less|lower|higher|cheaper|quicker|shorter|smaller|bigger|reduc\w*|"
    r"increas\w*|decreas\w*|improv\w*|saved|dropped|grew|raised|boosted|doubled|halved|tripled|shrank|"
    r"went (up|down)|(up|down) (from|to)|better|worse|(much|a lot|far|way|significantly|dramatically|"
    r"noticeably|considerably) \w+er|(significant|huge|big|major|dramatic|noticeable) (improvement|drop|"
    r"increase|decrease|reduction|gain|boost|change))\b"
)


def _action_at(ws: list[str], j: int) -> bool:
    # "I used the meter" is an action; "I used to ..." is not, which is why the sentence rules drop "used"
    if ws[j] == "used":
        return j + 1 >= len(ws) or ws[j + 1] != "to"
    return is_action_past(ws[j])


def _did(ws: list[str], subjects: frozenset[str]) -> bool:
    """The clause has one of these subjects followed, within three words, by a past-tense action verb."""
    return any(
        w in subjects and any(_action_at(ws, j) for j in range(k + 1, min(k + 4, len(ws))))
        for k, w in enumerate(ws)
    )


# a story told in the present, as some people tell one in a second language ("they accept it"): a pronoun
# straight before a verb-like word still says what someone else did next
_PRONOUNS = frozenset(["he", "she", "they"])
_NOT_VERBS = _MODAL_WORDS | frozenset(
    ["are", "is", "have", "has", "do", "don't", "also", "just", "all", "say"]
)


def _outcome(ws: list[str]) -> bool:
    """Someone or something other than "I" is the subject of a past (or "didn't") verb in this clause."""
    for k, w in enumerate(ws):
        if w in _PRONOUNS and k + 1 < len(ws) and ws[k + 1] not in _NOT_VERBS and len(ws[k + 1]) > 2:
            return True
        subject = w in _OTHER_SUBJECTS or (w in _DETERMINERS and k + 1 < len(ws))
        if not subject:
            continue
        start = k + 2 if w in _DETERMINERS else k + 1
        for v in ws[start : start + 3]:
            if v in _MODAL_WORDS or v in ("i", "i'm", "i'd"):
                break  # "they would ...", or "the reason I applied ...": not an outcome
            if is_past(v) or v in _OUTCOME_VERBS:
                return True
    return False


def _story_clauses(transcript: str, facts: list[SentenceFacts]) -> list[list[str]]:
    """The words of each clause of the story, asides (what the person wants or learned) left out."""
    clauses: list[list[str]] = []
    for f in facts:
        text = transcript[f.sentence.start : f.sentence.end].lower()
        # sentences the rules read as habits are kept: a story told partly in the present ("I write the
        # report and the manager agreed") or with a frequency in it ("twice a week") reads as one
        if not f.hypothetical and not _ASIDE_RE.search(text):
            clauses += [_WORD_RE.findall(piece) for piece in CLAUSE_RE.split(text)]
    return clauses


def story_outcome(transcript: str, facts: list[SentenceFacts], we_story: bool) -> bool:
    """Whether the story says what happened after the speaker's last action, in any words."""
    clauses = _story_clauses(transcript, facts)
    actor = frozenset({"we"} if we_story else {"i"})
    last = max((k for k, ws in enumerate(clauses) if _did(ws, actor)), default=None)
    if last is None:
        return False
    return any(_outcome(ws) for ws in clauses[last + 1 :])


def story_steps(transcript: str, facts: list[SentenceFacts], we_story: bool) -> int:
    """How many clauses of the story tell something the speaker (or "we") did."""
    actor = frozenset({"we"} if we_story else {"i"})
    return sum(_did(ws, actor) for ws in _story_clauses(transcript, facts))


def mostly_we(transcript: str, facts: list[SentenceFacts]) -> bool:
    """The story says "we" at least as often as "I" (asides such as "I want to ..." left out): only then
    does "you said we throughout" describe it; a story told in the present ("I explain, I write") has its
    "I" even when the sentence rules found no past action."""
    words = [w for ws in _story_clauses(transcript, facts) for w in ws]
    return words.count("we") >= max(1, words.count("i"))
