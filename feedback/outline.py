"""A STAR outline from the person's own words: the answer's sentences sorted into situation, task, actions and
result, by the evidence the examples scorer already found (labels situation/task/action/result/metric).

Pure: the transcript and its evidence spans in, an ``Outline`` out. Nothing is reworded: each slot is a piece
of the transcript, with filler words ("um") taken out, so the person can read their story back as they told
it and see which part is missing. An empty slot is shown as the question it should answer
(``SLOT_QUESTIONS``), so the outline doubles as the plan for the next attempt.

How a sentence is placed when it carries several labels (the scorer labels whole sentences):
- a sentence that is both an action and a result ("I added caching, and deploys dropped to eight minutes")
  is cut at the last clause boundary before its first number or result word: the action part goes to
  actions, the rest to the result; when no such cut leaves both parts whole, it is a result when it holds a
  measured result and an action otherwise;
- a sentence that states the person's task ("I owned the fix") fills the task slot before it counts as an
  action (the first one only: later ones are actions);
- an action that also sets the scene ("When I joined, I rewrote ...") is an action: what the person did
  matters more to the interviewer (60 of 100 points in the public rubric quoted in FACTS.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .examples import RESULT_RE
from .model import Evidence, Outline
from .text import normalise

#: What each empty slot asks of the next attempt.
SLOT_QUESTIONS = {
    "situation": "Situation: where were you, and what was going on?",
    "task": "Task: what was yours to do, and why did it matter?",
    "actions": 'Actions: what did you do yourself, step by step, in your own "I ..." words?',
    "result": "Result: what changed, and by how much?",
}
SLOT_TITLES = {"situation": "Situation", "task": "Task", "actions": "Actions", "result": "Result"}
MAX_SITUATION, MAX_RESULT, MAX_ACTIONS = 2, 2, 5
# a clause must keep this many words to stand on its own in the outline
_MIN_CLAUSE_WORDS = 3
_BOUNDARY_RE = re.compile(
    r"\s*(?:[,;]\s*(?:and |so |which |then )?|\s+and (?:then |so )?|\s+so that\s+)", re.I
)
_STORY_LABELS = frozenset(("situation", "task", "action", "result", "metric"))


def _valid(span: Evidence, size: int) -> bool:
    return 0 <= span.start < span.end <= size


def _without_fillers(transcript: str, start: int, end: int, fillers: list[Evidence]) -> str:
    """transcript[start:end] with the filler words cut out and the commas around them tidied."""
    pieces, pos = [], start
    for filler in fillers:
        if start <= filler.start and filler.end <= end and filler.start >= pos:
            pieces.append(transcript[pos : filler.start])
            pos = filler.end
    pieces.append(transcript[pos:end])
    text = "".join(pieces)
    text = re.sub(r"\s*,(\s*,)+", ",", text)  # "80 percent, um, and" -> "80 percent, and"
    text = re.sub(r"\s+([,.;!?])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;")
    return text


def _cut(transcript: str, start: int, end: int, metrics: list[Evidence]) -> tuple[int, int] | None:
    """Where an action-and-result sentence turns into its result, as (end of the action, start of the
    result): the last clause boundary before the first number or result word, when both sides keep enough
    words; None when it cannot be cut cleanly."""
    inside = [m.start for m in metrics if start <= m.start < end]
    cue = RESULT_RE.search(normalise(transcript[start:end]))
    firsts = inside + ([start + cue.start()] if cue else [])
    first = min((p for p in firsts if len(transcript[start:p].split()) >= _MIN_CLAUSE_WORDS), default=None)
    if first is None:
        return None
    boundaries = [m for m in _BOUNDARY_RE.finditer(transcript, start, first) if m.start() > start]
    for boundary in reversed(boundaries):
        head, tail = transcript[start : boundary.start()], transcript[boundary.end() : end]
        if len(head.split()) >= _MIN_CLAUSE_WORDS and len(tail.split()) >= _MIN_CLAUSE_WORDS:
            return boundary.start(), boundary.end()
    return None


def build_outline(transcript: str, evidence: Iterable[Evidence]) -> Outline:
    """The outline of one answer from its evidence spans (any dimension's: only the story labels and
    fillers are read). Slots keep the order of the answer."""
    spans = [e for e in evidence if _valid(e, len(transcript))]
    fillers = sorted((e for e in spans if e.label == "filler"), key=lambda e: e.start)
    metrics = [e for e in spans if e.label == "metric"]
    labels: dict[tuple[int, int], set[str]] = {}
    for span in spans:
        if span.label in _STORY_LABELS and span.label != "metric":
            labels.setdefault((span.start, span.end), set()).add(span.label)

    def words(a: int, b: int) -> str:
        return _without_fillers(transcript, a, b, fillers)

    def measured(a: int, b: int) -> bool:
        return any(a <= m.start and m.end <= b for m in metrics)

    situation: list[str] = []
    task: list[str] = []
    actions: list[str] = []
    results: list[tuple[bool, str]] = []  # (measured, text)
    uncut: list[str] = []  # action-and-result sentences that could not be cut: actions if nothing else is
    for (a, b), found in sorted(labels.items()):
        if "action" in found and "result" in found:
            cut = _cut(transcript, a, b, metrics)
            if cut is not None:
                head_end, tail_start = cut
                actions.append(words(a, head_end))
                tail = words(tail_start, b)
                results.append((measured(tail_start, b), tail[:1].upper() + tail[1:]))
            elif measured(a, b):
                results.append((True, words(a, b)))
                uncut.append(words(a, b))
            else:
                actions.append(words(a, b))
        elif "result" in found:
            results.append((measured(a, b), words(a, b)))
        elif "task" in found and not task:
            task.append(words(a, b))
        elif "action" in found:
            actions.append(words(a, b))
        elif "situation" in found:
            situation.append(words(a, b))
        # a second task sentence that is no action adds nothing the first did not say
    if not actions:
        actions = uncut
    # the measured results first: "by how much" is what the interviewer remembers
    results.sort(key=lambda pair: not pair[0])
    best_results = [text for _, text in results[:MAX_RESULT]]
    return Outline(
        situation=" ".join(situation[:MAX_SITUATION]) or None,
        task=task[0] if task else None,
        actions=[a for a in actions if a][:MAX_ACTIONS],
        result=" ".join(best_results) or None,
    )


def empty_slots(outline: Outline) -> list[str]:
    """The slots still to fill, in STAR order ("situation", "task", "actions", "result")."""
    filled = {
        "situation": outline.situation,
        "task": outline.task,
        "actions": outline.actions,
        "result": outline.result,
    }
    return [slot for slot, value in filled.items() if not value]


def placeholder_line(slot: str) -> str:
    """How an empty slot reads in the outline's text: its title and, in brackets, the question to answer."""
    title, question = SLOT_QUESTIONS[slot].split(": ", 1)
    return f"{title}: ({question})"


def outline_text(outline: Outline) -> str:
    """The outline as plain text, one slot a paragraph, an empty slot as its question: for editing and for
    a story file."""
    lines = []
    for slot in ("situation", "task", "actions", "result"):
        if slot == "actions" and outline.actions:
            lines.append(f"{SLOT_TITLES[slot]}:")
            lines += [f"- {action}" for action in outline.actions]
            continue
        value = None if slot == "actions" else getattr(outline, slot)
        lines.append(f"{SLOT_TITLES[slot]}: {value}" if value else placeholder_line(slot))
    return "\n".join(lines)
