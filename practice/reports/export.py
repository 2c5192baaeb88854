"""Export one stored session as a report: Markdown (to paste or diff) or one self-contained HTML file (to open in
any browser, offline, or to mail to a coach).

Everything comes from the history as stored: each attempt's feedback JSON, the coverage matrix built from it
(practice/prep/coverage.py) and the score trend. Nothing is scored again, so the report says exactly what the
review screens said. Files are written atomically, so a crash never leaves half a report.
"""

from __future__ import annotations

from pathlib import Path

from practice.core.errors import PracticeError
from practice.core.files import atomic_write_text, safe_path
from practice.reports.html import session_html
from practice.reports.markdown import session_markdown
from practice.reports.model import SessionReport, load_report
from practice.storage.history import Store
from practice.storage.paths import data_dir

FORMATS = {"md": ".md", "html": ".html"}


class ExportError(PracticeError, RuntimeError):
    """The export cannot be made or written; the message says what to do."""


def exports_dir() -> Path:
    return data_dir() / "exports"


def default_export_path(session_id: str, fmt: str) -> Path:
    """`exports/session-<id>.<ext>` in the data folder; the id goes through safe_name like every file name."""
    return safe_path(exports_dir(), f"session-{session_id}", FORMATS[fmt], fallback="session")


def render(report: SessionReport, fmt: str) -> str:
    if fmt == "md":
        return session_markdown(report)
    if fmt == "html":
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
