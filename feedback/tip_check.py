"""Did a later answer follow a tip? Judged from that answer's own evidence, by the tip's kind (feedback.tip_kinds).

"Quantify the result" is followed when the new answer has a measured result; "say what you did" when it has
first-person actions; "drop the hedges" when its interest is said without them. The verdict is "yes", "no", or
"not_judged" when the new answer cannot say (a take too poor to trust, no timing for a pace tip, no job for a
job tip, a tip of no known kind). The new answer's own tips are not what decides: tips are chosen and ranked
(feedback/tips.py), so a missing tip does not prove the advice was taken, while the evidence does.

Thresholds are the scorer's own (feedback/delivery.py), so "followed" means what the tip asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .delivery import ASSUMED_WPM, FILLER_TIP_PER_MIN, PACE_HIGH, PACE_LOW, PACE_TOO_FAST
from .model import Evidence, Feedback
from .tips import GOOD_ENTHUSIASM

Verdict = Literal["yes", "no", "not_judged"]
#: How far past the 140-160 band a pace may be before the scorer tips it (feedback/delivery.py).
PACE_SLACK = 15.0
_QUOTED = re.compile(r'[“"]([^”"]+)[”"]')


@dataclass(frozen=True, slots=True)
class TipCheck:
    """The verdict on one tip, and why, in a few words (quoting the new answer where it can)."""

    verdict: Verdict
    reason: str


def _spans(feedback: Feedback, label: str) -> list[Evidence]:
    spans = [*feedback.examples.evidence, *feedback.enthusiasm.evidence, *feedback.delivery.evidence]
    return [e for e in spans if e.label == label and e.text.strip()]


def _quote(spans: list[Evidence], limit: int = 60) -> str:
    text = " ".join(spans[0].text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}”"


def _found(spans: list[Evidence], what: str) -> TipCheck:
    return TipCheck("yes", f"{what} now: {_quote(spans)}")


def _story(feedback: Feedback, kind: str) -> TipCheck:
    actions = _spans(feedback, "action")
    if kind == "one_story":
        told = actions or _spans(feedback, "we_only")
        return _found(told, "a story") if told else TipCheck("no", "still no story with actions of yours")
    if kind == "real_example":
        if actions:
            return _found(actions, "a real example")
        if _spans(feedback, "hypothetical"):
            return TipCheck("no", "still what you would do, not what you did")
        return TipCheck("no", "still no real example")
    # personal_action: actions said with "I", and "we" no longer far more than "I"
    d = feedback.delivery
    we, i = d.we_count or 0, d.i_count or 0
    if actions and not (we >= 3 and we > 2 * i):
        return _found(actions, "your own actions")
    return TipCheck(
        "no", f'still mostly "we" ({we} times "we", {i} "I")' if we else "still no action of yours"
    )


def _result(feedback: Feedback, kind: str) -> TipCheck:
    metrics = _spans(feedback, "metric")
    if metrics:
        return _found(metrics, "a measured result")
    if kind == "measurable_result":
        return TipCheck("no", "the result still has no number")
    results = _spans(feedback, "result")
    if results or (feedback.outline is not None and feedback.outline.result):
        return TipCheck("yes", "a result now" + (f": {_quote(results)}" if results else ""))
    return TipCheck("no", "the story still ends without what changed")


def _interest(feedback: Feedback, kind: str, company: str | None) -> TipCheck:
    said = _spans(feedback, "enthusiasm")
    if not said:
        return TipCheck("no", "still no reason of your own for wanting this job")
    if kind == "drop_hedges":
        hedged = [h for h in _spans(feedback, "hedge") if any(s.start <= h.start < s.end for s in said)]
        if hedged:
            return TipCheck("no", f"still hedged: {_quote(hedged)}")
        return _found(said, "said plainly")
    if kind == "positive_reason":
        if _spans(feedback, "anti_enthusiasm"):
            return TipCheck("no", "still says what does not interest you")
        return _found(said, "what you want")
    if kind == "specific_reason":
        # naming the company is not yet naming something particular about it ("I'm excited to join X"): the
        # enthusiasm score must also be where the scorer stops asking (feedback/tips.py)
        named = [s for s in said if company and company.casefold() in s.text.casefold()]
        if (feedback.enthusiasm.score or 0) < GOOD_ENTHUSIASM:
            return TipCheck("no", "still nothing particular about " + (company or "the company"))
        return _found(named or said, "something particular")
    return _found(said, "a reason")


def _job(feedback: Feedback, kind: str, tip: str) -> TipCheck:
    requirements = feedback.alignment.requirements
    if not requirements:
        return TipCheck("not_judged", "scored without a job")
    if kind == "tie_to_job":
        touched = [r for r in requirements if r.status != "missing"]
        if touched:
            return TipCheck("yes", f"now touches “{touched[0].text}”")
        return TipCheck("no", "still none of the posting's requirements")
    # the tip quotes the requirement it asks for: judge that one when it can be found
    quoted = [q.strip(" .…") for q in _QUOTED.findall(tip)]
    wanted = [r for r in requirements if any(q and q.casefold() in r.text.casefold() for q in quoted)]
    covered = [r for r in (wanted or requirements) if r.status == "covered"]
    if covered:
        return TipCheck("yes", f"now evidences “{covered[0].text}”")
    return TipCheck("no", "the requirement is still named, not shown in action")


def _delivery(feedback: Feedback, kind: str) -> TipCheck:
    d = feedback.delivery
    if kind == "pace":
        if d.wpm is None:
            return TipCheck("not_judged", "no timing (a typed answer)")
        wpm = d.wpm
        off = wpm > PACE_TOO_FAST or wpm > PACE_HIGH + PACE_SLACK or wpm < PACE_LOW - PACE_SLACK
        return TipCheck("no" if off else "yes", f"{wpm:.0f} words a minute")
    if kind == "fillers":
        count = d.filler_count or 0
        words = d.words or 0
        rate = d.fillers_per_min
        if rate is None:
            rate = count / words * ASSUMED_WPM if words else 0.0
        fine = count < 3 or rate < FILLER_TIP_PER_MIN
        return TipCheck("yes" if fine else "no", f"about {rate:.0f} fillers a minute ({count} in all)")
    # length
    if d.length is None:
        return TipCheck("not_judged", "no length measured")
    return TipCheck("no", "still long") if d.length == "long" else TipCheck("yes", "no longer long")


def check_tip(kind: str, after: Feedback, tip: str = "", company: str | None = None) -> TipCheck:
    """Whether the answer `after` followed a tip of this kind (`tip` is its text, for the requirement it
    quotes; `company` the job's company, for a tip that asked to name it; defaults to the job `after` was
    scored against)."""
    if not after.transcript.strip():
        return TipCheck("not_judged", "no answer to judge")
    if after.quality is not None and not after.quality.trusted:
        return TipCheck("not_judged", "the transcript is too unsure to judge")
    company = company or (after.job.company if after.job else None)
    if kind in ("real_example", "one_story", "personal_action"):
        return _story(after, kind)
    if kind in ("result", "measurable_result"):
        return _result(after, kind)
    if kind in ("specific_reason", "company_reason", "positive_reason", "drop_hedges"):
        return _interest(after, kind, company)
    if kind in ("tie_to_job", "requirement_in_action"):
        return _job(after, kind, tip)
    if kind in ("pace", "fillers", "length"):
        return _delivery(after, kind)
    return TipCheck("not_judged", "a tip of no known kind")
