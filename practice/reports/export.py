"""Export one stored session as a report: Markdown (to paste or diff) or one self-contained HTML file (to open in
any browser, offline, or to mail to a coach).

Everything comes from the history as stored: each attempt's feedback JSON, the coverage matrix built from it
(practice/coverage.py) and the score trend. Nothing is scored again, so the report says exactly what the
review screens said. Files are written atomically, so a crash never leaves half a report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from practice.config import data_dir
from practice.coverage import CoverageMatrix, session_coverage
from practice.files import atomic_write_text, safe_path
from practice.render import feedback_markdown
from practice.store import SCORE_KEYS, AttemptRecord, SessionRecord, Store, TrendPoint

FORMATS = {"md": ".md", "html": ".html"}


class ExportError(RuntimeError):
    """The export cannot be made or written; the message says what to do."""


@dataclass(frozen=True)
class SessionReport:
    """Everything a report shows, read once from the store."""

    session: SessionRecord
    attempts: list[AttemptRecord]
    coverage: CoverageMatrix
    trend: list[TrendPoint]
    """Every scored attempt of every session, oldest first (the "over all sessions" chart)."""
    interviewers: list[tuple[str, str]]
    generated_at: datetime


def load_report(store: Store, session_id: str) -> SessionReport:
    session = store.session(session_id)
    if session is None:
        raise LookupError(
            f"no session {session_id!r} in the history (`interview-practice history` lists them)"
        )
    return SessionReport(
        session,
        store.attempts(session_id),
        session_coverage(store, session_id),
        store.trend(),
        store.session_interviewers(session_id),
        store.clock(),
    )


def exports_dir() -> Path:
    return data_dir() / "exports"


def default_export_path(session_id: str, fmt: str) -> Path:
    """`exports/session-<id>.<ext>` in the data folder; the id goes through safe_name like every file name."""
    return safe_path(exports_dir(), f"session-{session_id}", FORMATS[fmt], fallback="session")


def question_numbers(attempts: list[AttemptRecord]) -> dict[str, int]:
    """Question id -> 1-based number in the order first answered (the summary screen's numbering)."""
    numbers: dict[str, int] = {}
    for attempt in attempts:
        numbers.setdefault(attempt.question_id, len(numbers) + 1)
    return numbers


def averages(attempts: list[AttemptRecord]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for key in ("overall", *SCORE_KEYS):
        scores = [s for a in attempts if (s := a.score(key)) is not None]
        out[key] = sum(scores) / len(scores) if scores else None
    return out


def attempt_label(attempt: AttemptRecord, numbers: dict[str, int]) -> str:
    """ "Q2 try 1": short enough for a chart's x axis."""
    return f"Q{numbers.get(attempt.question_id, 0)} try {attempt.attempt_no}"


def _fmt(score: float | None) -> str:
    return "n/a" if score is None else f"{round(score)}/100"


def _cell(text: str) -> str:
    """Table cell text: a pipe or a newline would break the Markdown table."""
    return text.replace("|", "\\|").replace("\n", " ")


def session_markdown(report: SessionReport) -> str:
    session, attempts = report.session, report.attempts
    numbers = question_numbers(attempts)
    lines = [f"# Practice session {session.started_at:%Y-%m-%d %H:%M}", ""]
    lines.append(f"- Bank: {session.bank_name}")
    if session.job_title:
        lines.append(f"- Job: {session.job_title}")
    if report.interviewers:
        panel = ", ".join(f"{name} ({role})" if role else name for name, role in report.interviewers)
        lines.append(f"- Panel: {panel}")
    lines.append(f"- Answers: {len(attempts)} to {len(numbers)} question{'s' if len(numbers) != 1 else ''}")
    means = averages(attempts)
    lines.append("- Average: " + ", ".join(f"{key} {_fmt(means[key])}" for key in ("overall", *SCORE_KEYS)))
    lines += [
        "",
        "## Scores per answer",
        "",
        "| # | Question | Try | Overall | Examples | Enthusiasm | Alignment |",
    ]
    lines.append("|---|---|---|---|---|---|---|")
    for attempt in attempts:
        scores = " | ".join(_fmt(attempt.score(key)) for key in ("overall", *SCORE_KEYS))
        lines.append(
            f"| {numbers[attempt.question_id]} | {_cell(attempt.question_text)} | {attempt.attempt_no} | {scores} |"
        )
    lines += ["", *coverage_markdown(report.coverage), "", *trend_markdown(report)]
    for attempt in attempts:
        lines += ["", *attempt_markdown(attempt, numbers)]
    return "\n".join(lines).rstrip() + "\n"


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
        lines += ["", "Prepare a story for: " + "; ".join(row.requirement for row in todo)]
    return lines


def trend_markdown(report: SessionReport) -> list[str]:
    numbers = question_numbers(report.attempts)
    scored = [a for a in report.attempts if a.score("overall") is not None]
    lines = ["## Trend", "", "This session, overall score per answer:"]
    lines += [f"- {attempt_label(a, numbers)}: {a.score('overall')}" for a in scored] or ["- none scored"]
    overall = [p.scores.get("overall") for p in report.trend if p.scores.get("overall") is not None]
    if overall:
        lines.append(
            f"\nAll sessions: {len(overall)} scored answers, first {overall[0]}, latest {overall[-1]}, "
            f"best {max(overall)}."
        )
    return lines


def attempt_markdown(attempt: AttemptRecord, numbers: dict[str, int]) -> list[str]:
    heading = f"## Q{numbers[attempt.question_id]}, try {attempt.attempt_no}"
    lines = [heading, ""]
    if attempt.interviewer:
        lines.append(f"Asked by {attempt.interviewer}.")
    if attempt.error or not attempt.feedback:
        lines += [f"**{attempt.question_text}**", "", f"Not scored: {attempt.error or 'no feedback stored'}"]
        if attempt.transcript:
            lines += ["", "### Transcript", "", attempt.transcript]
        return lines
    # The one-answer rendering of `score --format markdown`, two heading levels down to nest in the report.
    body = feedback_markdown({**attempt.feedback, "question": attempt.question_text})
    for line in body.splitlines():
        lines.append(f"##{line}" if line.startswith("#") else line)
    return lines


def render(report: SessionReport, fmt: str) -> str:
    if fmt == "md":
        return session_markdown(report)
    if fmt == "html":
        from practice.export_html import session_html

        return session_html(report)
    raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def export_session(store: Store, session_id: str, fmt: str, out: Path | None = None) -> Path:
    """Write the report of one session; returns the path. LookupError for an unknown session, ExportError
    when the file cannot be written (the message names the path and the reason)."""
    report = load_report(store, session_id)
    text = render(report, fmt)
    path = out if out is not None else default_export_path(session_id, fmt)
    if path.is_dir():
        raise ExportError(
            f"{path} is a folder: give the file to write (for example {path / ('report' + FORMATS[fmt])})"
        )
    try:
        # 0600 like the history itself: a report holds personal answers; sharing it is the person's choice.
        atomic_write_text(path, text, mode=0o600)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from error
    return path
