"""A session report as Markdown (to paste or diff)."""

from __future__ import annotations

from dataclasses import replace

from practice.core.records import SCORE_KEYS, AttemptRecord
from practice.prep.coverage import CoverageMatrix
from practice.prep.readiness import Readiness
from practice.reports.model import (
    SessionReport,
    attempt_label,
    averages,
    follow_up_line,
    question_numbers,
    try_label,
)
from practice.reports.text import escape_markdown, feedback_markdown


def _fmt(score: float | None) -> str:
    return "n/a" if score is None else f"{round(score)}/100"


def _cell(text: str) -> str:
    """Table cell text, escaped: a pipe or a newline would break the Markdown table."""
    return escape_markdown(text).replace("\n", " ")


def session_markdown(report: SessionReport) -> str:
    session, attempts = report.session, report.attempts
    numbers = question_numbers(attempts)
    lines = [f"# Practice session {session.started_at:%Y-%m-%d %H:%M}", ""]
    lines.append(f"- Bank: {escape_markdown(session.bank_name)}")
    if session.job_title:
        lines.append(f"- Job: {escape_markdown(session.job_title)}")
    if report.interviewers:
        panel = ", ".join(f"{name} ({role})" if role else name for name, role in report.interviewers)
        lines.append(f"- Panel: {escape_markdown(panel)}")
    lines.append(f"- Answers: {len(attempts)} to {len(numbers)} question{'s' if len(numbers) != 1 else ''}")
    means = averages(attempts)
    lines.append("- Average: " + ", ".join(f"{key} {_fmt(means[key])}" for key in ("overall", *SCORE_KEYS)))
    lines += [
        "",
        "## Scores per answer",
        "",
        "| # | Question | Try | Overall | Examples | Enthusiasm | Alignment | Tip worked on |",
    ]
    lines.append("|---|---|---|---|---|---|---|---|")
    for attempt in attempts:
        scores = " | ".join(_fmt(attempt.score(key)) for key in ("overall", *SCORE_KEYS))
        worked = attempt.worked_tip.outcome if attempt.worked_tip else ""
        lines.append(
            f"| {numbers[attempt.question_id]} | {_cell(attempt.question_text)} | {try_label(attempt, attempts)} "
            f"| {scores} | {worked} |"
        )
    lines += ["", *coverage_markdown(report.coverage), "", *trend_markdown(report)]
    for attempt in attempts:
        voice = report.voice_compared.get(attempt.id or -1, [])
        lines += ["", *attempt_markdown(attempt, numbers, voice, follow_up_line(attempt, attempts))]
    if report.readiness is not None:
        lines += ["", *readiness_markdown(report.readiness)]
    return "\n".join(lines).rstrip() + "\n"


def readiness_markdown(readiness: Readiness) -> list[str]:
    """The second-round readiness list: a ticked or empty box per item, what was found, what to do."""
    lines = [
        "## Second-round readiness",
        "",
        f"{readiness.done} of {len(readiness.items)} done.",
        "",
    ]
    for item in readiness.items:
        mark = "x" if item.done else " "
        state = "done" if item.done else "not yet"
        lines.append(
            f"- [{mark}] **{escape_markdown(item.title)}** ({state}): {escape_markdown(item.detail)}"
        )
        lines += [f"    - {escape_markdown(missing)}" for missing in item.missing]
        if item.todo:
            lines.append(f"    - To do: {escape_markdown(item.todo)}")
    return lines


def coverage_markdown(matrix: CoverageMatrix) -> list[str]:
    lines = ["## Requirement coverage", ""]
    if not matrix.rows:
        return [*lines, "No job description was given for this session, so there are no requirements."]
    lines += ["| Requirement | Must have | Status | Best answer |", "|---|---|---|---|"]
    for row in matrix.rows:
        best = row.best
        where = _cell(best.question) if best else "-"
        if best and best.example:
            where += f': "{_cell(best.example.text)}"'
        lines.append(
            f"| {_cell(row.requirement)} | {'yes' if row.must_have else ''} | {row.status} | {where} |"
        )
    todo = matrix.never_covered()
    if todo:
        lines += ["", "Prepare a story for: " + "; ".join(escape_markdown(row.requirement) for row in todo)]
    return lines


def trend_markdown(report: SessionReport) -> list[str]:
    numbers = question_numbers(report.attempts)
    scored = [a for a in report.attempts if a.score("overall") is not None]
    lines = ["## Trend", "", "This session, overall score per answer:"]
    lines += [f"- {attempt_label(a, numbers)}: {a.score('overall')}" for a in scored] or ["- none scored"]
    overall = [score for p in report.trend if (score := p.scores.get("overall")) is not None]
    if overall:
        lines.append(
            f"\nAll sessions: {len(overall)} scored answers, first {overall[0]}, latest {overall[-1]}, "
            f"best {max(overall)}."
        )
    return lines


def attempt_markdown(
    attempt: AttemptRecord,
    numbers: dict[str, int],
    voice_compared: list[str] | None = None,
    follow_up: str | None = None,
) -> list[str]:
    """One attempt; `follow_up` says which try an answer to a follow-up question follows."""
    heading = f"## Q{numbers[attempt.question_id]}, try {attempt.attempt_no}"
    lines = [heading, ""]
    if follow_up:
        lines.append(f"{follow_up}.")
    if attempt.interviewer:
        lines.append(f"Asked by {escape_markdown(attempt.interviewer)}.")
    if attempt.worked_tip is not None:
        lines += [escape_markdown(attempt.worked_tip.sentence()), ""]
    if attempt.error or attempt.result is None:
        question, error = escape_markdown(attempt.question_text), escape_markdown(attempt.error or "")
        lines += [f"**{question}**", "", f"Not scored: {error or 'no feedback stored'}"]
        if attempt.transcript:
            lines += ["", "### Transcript", "", escape_markdown(attempt.transcript)]
        return lines
    # The one-answer rendering of `score --format markdown`, two heading levels down to nest in the report.
    body = feedback_markdown(replace(attempt.result, question=attempt.question_text), voice_compared or [])
    for line in body.splitlines():
        lines.append(f"##{line}" if line.startswith("#") else line)
    return lines
