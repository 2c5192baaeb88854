"""Which follow-up the interviewer asks after an answer in a session (the scorer proposes one per answer;
feedback/follow_up.py chooses it from what the answer lacks)."""

from __future__ import annotations

from feedback.model import FollowUp
from practice.core.records import AttemptRecord


def follow_up_to_ask(
    attempt: AttemptRecord, earlier: list[AttemptRecord], enabled: bool = True
) -> FollowUp | None:
    """The follow-up to ask after `attempt`, or None.

    None when follow-ups are off, for an answer to a follow-up (one follow-up per answer), an unsaved or
    unscored answer, or one whose transcript cannot be trusted (the follow-up would answer words the person
    may not have said). A question about a must-have is asked only when no earlier answer of the session
    showed it: the posting's requirement was then evidenced in the session so far.
    """
    result = attempt.result
    if not enabled or result is None or attempt.id is None or attempt.follow_up_of is not None:
        return None
    if result.quality is not None and not result.quality.trusted:
        return None
    follow_up = result.follow_up
    if follow_up is None or follow_up.reason != "requirement" or follow_up.requirement is None:
        return follow_up
    for before in earlier:
        shown = before.result.alignment.requirements if before.result is not None else []
        if any(r.text == follow_up.requirement and r.status == "covered" for r in shown):
            return None
    return follow_up
