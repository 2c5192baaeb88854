"""Which tips an answer gets: only those it needs, the most useful first.

Each dimension proposes tips from its own evidence; here they are taken back where the answer does not need
them (a story tip where no story was asked for, any tip of a dimension whose learned score shows the answer
already does it), then ranked. A wrong tip costs more trust than a missing one.
"""

from __future__ import annotations

from .model import Delivery, DimensionScore

MAX_TIPS, MIN_TIPS = 3, 2
THIRD_TIP_PRIORITY = 15.0  # about a 35-point shortfall in examples, 50 in enthusiasm or alignment
# tips are only worth their space when the learned score says the dimension is weak: above these, the
# answer already does what the tip would ask (about the rubric's top level)
GOOD_EXAMPLES, GOOD_ENTHUSIASM, GOOD_ALIGNMENT = 85, 62, 65
WE_STORY_TIP, I_COUNT_TIP = 'You said "we" throughout', 'Say "I" for what you did'
SHOW_TIP = "Show the posting's"
# enthusiasm tips that answer something the person said (a hedge, a shrug, pay as the motive): needed after any
# question; the others ask for a reason to want the job, which only a "why us" or "tell me about yourself"
# question asks for (on training answers, 53 of 56 such tips after other questions were judged not needed)
DAMAGE_TIPS = ("Drop the hedges", "Say what you do want", "Lead with what draws you")


def drop_unneeded(
    kind: str,
    focus: str | None,
    examples: DimensionScore,
    enthusiasm: DimensionScore,
    alignment: DimensionScore,
    delivery: Delivery,
) -> None:
    """Take back tips the answer does not need: story tips where no story was asked for, any dimension's
    tips once its score shows the answer already does it, and a tip that repeats another."""
    if (
        kind == "motivation"
        or focus in ("background", "summary", "list", "plan")
        or (examples.score or 0) >= GOOD_EXAMPLES
    ):
        examples.tips.clear()
    elif focus == "routine":
        # a routine answers "how do you ...": only a hypothetical ("I would ...") still needs a real example
        examples.tips[:] = [t for t in examples.tips if t.startswith("Tell one real time you did this")]
    if (enthusiasm.score or 0) >= GOOD_ENTHUSIASM:
        enthusiasm.tips.clear()
    elif kind != "motivation" and focus != "background":
        enthusiasm.tips[:] = [t for t in enthusiasm.tips if t.startswith(DAMAGE_TIPS)]
    if kind == "motivation" or (alignment.score or 0) >= GOOD_ALIGNMENT:
        alignment.tips.clear()
    elif focus in ("list", "plan"):
        # a list or a plan is what was asked; the tie-to-the-job tip still applies, a story of one line does not
        alignment.tips[:] = [t for t in alignment.tips if not t.startswith(SHOW_TIP)]
    if any(t.startswith(WE_STORY_TIP) for t in examples.tips):
        # the count of "we" and "I" says again what the story tip says
        delivery.tips[:] = [t for t in delivery.tips if not t.startswith(I_COUNT_TIP)]


def top_tips(
    kind: str,
    examples: DimensionScore,
    enthusiasm: DimensionScore,
    alignment: DimensionScore,
    delivery: Delivery,
) -> list[str]:
    """Each dimension's first tip by weighted priority, then second tips; two tips always (when there are
    any), a third only when it is worth the attention."""
    # what the question asks for decides which shortfall matters most: a "tell me about a time" answer needs
    # a story more than enthusiasm, a "why us" answer the reverse
    dims: list[tuple[DimensionScore | Delivery, float]] = [
        (examples, 0.3 if kind == "motivation" else 1.0),
        (enthusiasm, 0.3 if kind == "behavioral" else 1.0),
        (alignment, 1.0),
        (delivery, 1.0),
    ]
    candidates = [
        (depth, -d.priority * weight, d.tips[depth])
        for d, weight in dims
        for depth in range(min(len(d.tips), 3))
    ]
    tips: list[str] = []
    for _depth, neg_priority, tip in sorted(candidates, key=lambda c: (c[0], c[1])):
        if tip in tips or len(tips) >= MAX_TIPS:
            continue
        if len(tips) < MIN_TIPS or -neg_priority >= THIRD_TIP_PRIORITY:
            tips.append(tip)
    return tips
