"""One session as one self-contained HTML page: inline CSS, inline SVG charts, no script and no external
reference of any kind, so it opens offline, from a mail attachment, years later.

Every piece of text that came from a person or a file (answers, questions, bank and job names, interviewer
names, even the stored feedback) goes through html.escape: a transcript saying "<script>" shows those
characters and runs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import Any

from feedback.model import Delivery, Evidence
from practice.core.feedback_view import all_evidence, dimension
from practice.core.records import SCORE_KEYS, AttemptRecord
from practice.prep.readiness import Readiness
from practice.reports.charts import trend_svg
from practice.reports.model import (
    SessionReport,
    attempt_label,
    averages,
    follow_up_line,
    question_numbers,
    try_label,
)
from practice.reports.text import DIMENSIONS
from practice.reports.voice import voice_html

#: Evidence label -> legend name. Sentence labels (STAR) tint the background; word labels style the text on
#: top, so a number inside a result sentence shows both (the same scheme as the studio's transcript view).
SENTENCE_LABELS = {"situation": "situation", "task": "task", "action": "action", "result": "result"}
WORD_LABELS = {
    "metric": "number",
    "enthusiasm": "enthusiasm",
    "anti_enthusiasm": "negative",
    "requirement": "job match",
    "filler": "filler",
    "hedge": "hedge",
    "hypothetical": "hypothetical",
    "we_only": "we, not I",
}
LABELS = {**SENTENCE_LABELS, **WORD_LABELS}
_CLASS_SAFE = re.compile(r"[^a-z0-9_]")

CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
h3 { margin-bottom: .3rem; }
table { border-collapse: collapse; margin: .6rem 0; } th, td { border: 1px solid #ddd; padding: .25rem .5rem;
       text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
.meta { color: #555; margin: 0; } .score { font-weight: 600; white-space: nowrap; }
.good { color: #1b7a2f; } .fair { color: #9a6700; } .weak { color: #b42318; } .na { color: #888; }
.transcript { background: #fafafa; border: 1px solid #e4e4e4; padding: .6rem .8rem; white-space: pre-wrap; }
mark { background: none; color: inherit; }  /* only the label classes below colour a highlight */
.legend span { display: inline-block; margin: 0 .6rem .3rem 0; padding: 0 .3rem; }
.l-situation { background: #dbe8f6; } .l-task { background: #e8def7; } .l-action { background: #d9f0dc; }
.l-result { background: #fbe8c0; }
.readiness li { margin-bottom: .4rem; } .ready strong { color: #1b7a2f; } .not-ready strong { color: #b42318; }
.l-metric { font-weight: 700; text-decoration: underline; color: #7a4b00; }
.l-enthusiasm { font-weight: 700; color: #a3119e; } .l-anti_enthusiasm { font-weight: 700; color: #c00; }
.l-requirement { text-decoration: underline; text-decoration-color: #0a7ea4; color: #065f7a; }
.l-filler { font-weight: 700; color: #d9480f; } .l-hedge { font-style: italic; color: #b35c00; }
.l-hypothetical { font-style: italic; color: #666; } .l-we_only { font-style: italic; color: #1c64b4; }
.cov-covered { background: #d9f0dc; } .cov-partial { background: #fbe8c0; } .cov-missing { background: #f8d7d3; }
.error { color: #b42318; } .worked-tip { border-left: 4px solid #888; padding-left: .5rem; }
.worked-tip.followed { border-color: #2e7d32; } .worked-tip.not-followed { border-color: #b26a00; } .attempt { margin-top: 2.5rem; } svg.trend { max-width: 100%; height: auto; }
svg.voice { max-width: 100%; height: auto; }
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _score(score: float | None) -> str:
    if score is None:
        return '<span class="score na">n/a</span>'
    band = "good" if score >= 70 else "fair" if score >= 45 else "weak"
    return f'<span class="score {band}">{round(score)}</span>'


def highlighted_transcript(transcript: str, spans: Iterable[Evidence]) -> str:
    """The transcript cut at every evidence boundary; each piece carries a class per label covering it.

    Spans overlap (an action sentence holding a number), so the text is segmented instead of nested; spans
    with offsets outside the transcript (a hand-edited row) are ignored rather than trusted."""
    valid = [
        (s.start, s.end, _CLASS_SAFE.sub("", s.label))
        for s in spans
        if 0 <= s.start < s.end <= len(transcript)
    ]
    valid = [span for span in valid if span[2] in LABELS]  # an unknown label gets no class and no cut
    cuts = sorted({0, len(transcript), *(b for s, e, _ in valid for b in (s, e))})
    # (label set, text) pieces; neighbours with the same labels are merged so each highlight is one <mark>.
    pieces: list[tuple[tuple[str, ...], str]] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        labels = tuple(sorted({label for s, e, label in valid if s <= left and right <= e}))
        if pieces and pieces[-1][0] == labels:
            pieces[-1] = (labels, pieces[-1][1] + transcript[left:right])
        else:
            pieces.append((labels, transcript[left:right]))
    out: list[str] = []
    for labels, piece in pieces:
        if labels:
            names = ", ".join(LABELS[label] for label in labels)
            classes = " ".join(f"l-{label}" for label in labels)
            out.append(f'<mark class="{classes}" title="{_e(names)}">{_e(piece)}</mark>')
        else:
            out.append(_e(piece))
    return "".join(out)


def legend(labels: set[str]) -> str:
    items = "".join(
        f'<span class="l-{label}">{_e(name)}</span>' for label, name in LABELS.items() if label in labels
    )
    return f'<div class="legend">Highlights: {items}</div>' if items else ""


def _delivery(delivery: Delivery, duration_s: float | None) -> str:
    rows: list[tuple[str, Any]] = [("Words", delivery.words)]
    if delivery.wpm:
        rows.append(("Pace", f"{delivery.wpm:.0f} words a minute"))
    if duration_s:
        rows.append(("Length", f"{duration_s:.0f} s"))
    fillers = ", ".join(f"{word} ×{count}" for word, count in delivery.fillers.items())
    rows.append(("Fillers", fillers or "none"))
    if delivery.fillers_per_min is not None:
        rows.append(("Fillers a minute", f"{delivery.fillers_per_min:.1f}"))
    if delivery.long_pauses is not None:
        rows.append(("Long pauses (over 2 s)", delivery.long_pauses))
    if delivery.score is not None:
        rows.append(("Delivery score", delivery.score))
    body = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows if v is not None)
    return f"<h4>Delivery</h4><table>{body}</table>"


def attempt_html(
    attempt: AttemptRecord,
    numbers: dict[str, int],
    voice_compared: list[str] | None = None,
    follow_up: str | None = None,
) -> str:
    number = numbers[attempt.question_id]
    parts = [f'<section class="attempt" id="attempt-{attempt.id}">']
    parts.append(f"<h3>Q{number}, try {attempt.attempt_no}: {_e(attempt.question_text)}</h3>")
    meta = [f"{attempt.created_at:%Y-%m-%d %H:%M}", _e(attempt.source)]
    if attempt.interviewer:
        meta.insert(0, f"asked by <strong>{_e(attempt.interviewer)}</strong>")
    if follow_up:
        meta.insert(0, _e(follow_up))
    parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if attempt.worked_tip is not None:
        followed = attempt.worked_tip.followed
        verdict = "not-judged" if followed is None else "followed" if followed else "not-followed"
        parts.append(f'<p class="worked-tip {verdict}">{_e(attempt.worked_tip.sentence())}</p>')
    feedback = attempt.result
    if feedback is None:
        parts.append(f'<p class="error">Not scored: {_e(attempt.error or "no feedback stored")}</p>')
        if attempt.transcript:
            parts.append(f'<div class="transcript">{_e(attempt.transcript)}</div>')
        return "".join(parts) + "</section>"
    if feedback.quality is not None and not feedback.quality.trusted:
        parts.append(
            f'<p class="error">Take this with care: {_e(feedback.quality.reason)} '
            "The scores below may not mean much.</p>"
        )
    rows = [f"<tr><th>Overall</th><td>{_score(feedback.overall)}</td><td></td></tr>"]
    for key, title in DIMENSIONS:
        scored = dimension(feedback, key)
        rows.append(
            f"<tr><th>{_e(title)}</th><td>{_score(scored.score)}</td><td>{_e(scored.reason or '')}</td></tr>"
        )
    parts.append(
        f'<table class="scores"><tr><th>Score</th><th>/100</th><th>Why</th></tr>{"".join(rows)}</table>'
    )
    transcript = feedback.transcript or attempt.transcript or ""
    spans = all_evidence(feedback, requirements=False)
    parts.append(legend({s.label for s in spans}))
    parts.append(f'<div class="transcript">{highlighted_transcript(transcript, spans)}</div>')
    requirements = feedback.alignment.requirements
    if requirements:
        items = "".join(
            f'<li><span class="cov-{_CLASS_SAFE.sub("", str(r.status))}">{_e(r.status)}</span> {_e(r.text)}</li>'
            for r in requirements
        )
        parts.append(f"<h4>Job requirements</h4><ul>{items}</ul>")
    tips = list(feedback.tips)
    for key, _title in DIMENSIONS:
        for tip in dimension(feedback, key).tips:
            if tip not in tips:
                tips.append(tip)
    if tips:
        parts.append("<h4>Tips</h4><ol>" + "".join(f"<li>{_e(tip)}</li>" for tip in tips) + "</ol>")
    parts.append(_delivery(feedback.delivery, attempt.duration_s))
    if feedback.delivery.voice is not None:
        parts.append(voice_html(feedback.delivery.voice, voice_compared or []))
    return "".join(parts) + "</section>"


def coverage_html(report: SessionReport, numbers: dict[str, int]) -> str:
    """Requirements (rows) against the scored answers of the session (columns), and the overall status."""
    matrix = report.coverage
    if not matrix.rows:
        return "<p>No job description was given for this session, so there are no requirements.</p>"
    scored = [a for a in report.attempts if a.feedback]
    head = "".join(f"<th>{_e(attempt_label(a, numbers))}</th>" for a in scored)
    rows = []
    for row in matrix.rows:
        by_attempt = {hit.attempt_id: _CLASS_SAFE.sub("", hit.status) for hit in row.hits}
        cells = "".join(
            f'<td class="cov-{by_attempt.get(a.id, "missing")}">{_e(by_attempt.get(a.id, "-"))}</td>'
            for a in scored
        )
        must = " <small>(must have)</small>" if row.must_have else ""
        rows.append(
            f"<tr><th>{_e(row.requirement)}{must}</th>{cells}"
            f'<td class="cov-{_CLASS_SAFE.sub("", row.status)}"><strong>{_e(row.status)}</strong></td></tr>'
        )
    todo = matrix.never_covered()
    note = "<p>Prepare a story for: " + "; ".join(_e(r.requirement) for r in todo) + "</p>" if todo else ""
    return (
        f'<table class="coverage"><tr><th>Requirement</th>{head}<th>Session</th></tr>{"".join(rows)}</table>'
        + note
    )


def session_html(report: SessionReport) -> str:
    session, attempts = report.session, report.attempts
    numbers = question_numbers(attempts)
    title = f"Practice session {session.started_at:%Y-%m-%d %H:%M}"
    meta = [f"Bank: {_e(session.bank_name)}"]
    if session.job_title:
        meta.append(f"Job: {_e(session.job_title)}")
    if report.interviewers:
        meta.append("Panel: " + ", ".join(_e(f"{n} ({r})" if r else n) for n, r in report.interviewers))
    means = averages(attempts)
    summary_rows = "".join(
        f"<tr><td>{numbers[a.question_id]}</td><td>{_e(a.question_text)}</td><td>{_e(try_label(a, attempts))}</td>"
        + "".join(f"<td>{_score(a.score(k))}</td>" for k in ("overall", *SCORE_KEYS))
        + "</tr>"
        for a in attempts
    )
    average_cells = "".join(f"<td>{_score(means[k])}</td>" for k in ("overall", *SCORE_KEYS))
    scored = [a for a in attempts if a.score("overall") is not None]
    session_chart = trend_svg(
        [{k: a.score(k) for k in ("overall", *SCORE_KEYS)} for a in scored],
        "Scores per answer in this session",
        [attempt_label(a, numbers) for a in scored],
    )
    all_chart = trend_svg(
        [p.scores for p in report.trend],
        "Overall score per answer over all sessions",
        [f"{p.created_at:%d %b}" for p in report.trend],
        keys=("overall",),
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{CSS}</style></head>
<body>
<h1>{_e(title)}</h1>
<p class="meta">{" · ".join(meta)}</p>
<p class="meta">Exported {report.generated_at:%Y-%m-%d %H:%M} by interview-practice. Nothing in this file is
fetched from anywhere.</p>
<h2>Scores</h2>
<table class="summary"><tr><th>#</th><th>Question</th><th>Try</th><th>Overall</th><th>Examples</th>
<th>Enthusiasm</th><th>Alignment</th></tr>{summary_rows}
<tr><th colspan="3">Average</th>{average_cells}</tr></table>
<h2>Requirement coverage</h2>
{coverage_html(report, numbers)}
<h2>Trend</h2>
<h3>This session</h3>
{session_chart}
<h3>All sessions</h3>
{all_chart}
<h2>Answers</h2>
{"".join(attempt_html(a, numbers, report.voice_compared.get(a.id or -1), follow_up_line(a, attempts)) for a in attempts)}
{readiness_html(report.readiness) if report.readiness is not None else ""}
</body></html>
"""


def readiness_html(readiness: Readiness) -> str:
    """The second-round readiness list: each item done or not yet, what was found, what to do."""
    items = []
    for item in readiness.items:
        state = "done" if item.done else "not yet"
        missing = "".join(f"<li>{_e(m)}</li>" for m in item.missing)
        items.append(
            f'<li class="{"ready" if item.done else "not-ready"}"><strong>{_e(item.title)}</strong>'
            f" ({state}): {_e(item.detail)}"
            + (f"<ul>{missing}</ul>" if missing else "")
            + (f"<br>To do: {_e(item.todo)}" if item.todo else "")
            + "</li>"
        )
    return (
        f"<h2>Second-round readiness</h2><p>{readiness.done} of {len(readiness.items)} done.</p>"
        f'<ul class="readiness">{"".join(items)}</ul>'
    )
