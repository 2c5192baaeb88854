"""Session export: Markdown and self-contained HTML built from a real stored session (typed answers scored by
feedback.score_answer and saved through the real store), the `export` command and its error paths."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest
from prep_data import BACKEND_JOB, NORTHWIND, POSTGRES_SENTENCE, START, scored, seed

from feedback.model import Evidence
from practice.cli import main
from practice.core.records import SessionRecord
from practice.reports.export import default_export_path, export_session
from practice.reports.html import highlighted_transcript, session_html
from practice.reports.markdown import session_markdown
from practice.reports.model import load_report
from practice.storage.history import Store

SESSION = "20260126-093000-abc123"
HOSTILE = 'I said <script>alert("x")</script> and <img src="https://evil.example/x.png"> & "quotes".'


@pytest.fixture
def store(tmp_path: Path) -> Store:
    db = Store(tmp_path / "history.sqlite3")
    seed(db, SESSION, BACKEND_JOB.read_text(), NORTHWIND, title="Backend engineer")
    yield db
    db.close()


@pytest.fixture
def hostile_store(tmp_path: Path) -> Store:
    """A session whose every person-chosen text tries to inject markup."""
    db = Store(tmp_path / "hostile.sqlite3")
    db.ensure_session(
        SessionRecord(
            "evil",
            START,
            "bank",
            "<script>bank()</script>",
            "<b>title</b>",
            None,
            {"panel": [{"name": "<script>n()</script>", "role": "CTO", "voice": "en-us"}]},
        )
    )
    attempt = scored("evil", "q1", "Why <script>q()</script>?", HOSTILE, None)
    db.save_attempt(replace(attempt, interviewer="<i>Eve</i>"))
    yield db
    db.close()


def test_markdown_has_scores_transcript_coverage_and_trend(store: Store) -> None:
    report = load_report(store, SESSION)
    text = session_markdown(report)
    attempts = store.attempts(SESSION)
    assert text.startswith("# Practice session 2026-01-26 09:30")
    assert "- Job: Backend engineer" in text
    for attempt in attempts:
        assert attempt.transcript in text  # every transcript, whole
        assert f"{attempt.score('overall')}/100" in text
        assert f"Q{attempts.index(attempt) + 1} try 1: {attempt.score('overall')}" in text  # trend lines
    # The coverage matrix names the PostgreSQL requirement as covered, with the example sentence.
    row = next(line for line in text.splitlines() if line.startswith("| Tune PostgreSQL"))
    assert "| covered |" in row and POSTGRES_SENTENCE in row
    assert "Prepare a story for:" in text and "Kubernetes" in text
    # Per-answer sections nest under the report (feedback_markdown's headings pushed down two levels).
    assert "### Tell me about a time you tuned PostgreSQL performance." in text
    assert "#### Concrete examples:" in text and "#### Delivery" in text


def test_html_shows_scores_highlights_tips_coverage_and_charts(store: Store) -> None:
    report = load_report(store, SESSION)
    page = session_html(report)
    first = store.attempts(SESSION)[0]
    feedback = first.feedback or {}
    assert page.startswith("<!DOCTYPE html>")
    assert re.search(rf'<span class="score \w+">{feedback["overall"]}</span>', page)
    for key in ("examples", "enthusiasm", "alignment"):
        assert feedback["scores"][key]["reason"] in page
    for tip in feedback["tips"]:
        assert tip.replace('"', "&quot;").replace("'", "&#x27;") in page
    # Evidence highlighted by label, with a legend for the labels present.
    assert '<mark class="l-action"' in page and 'class="l-metric"' in page
    assert '<div class="legend">Highlights: ' in page and '<span class="l-result">result</span>' in page
    # The coverage matrix: a row per requirement, covered cells for the answer that covered it.
    assert '<table class="coverage">' in page and '<td class="cov-covered">covered</td>' in page
    # Two inline SVG charts: this session (four series) and all sessions (overall only).
    assert page.count("<svg ") == 2
    assert "Scores per answer in this session" in page and "<polyline" in page
    assert "<h4>Delivery</h4>" in page


def test_html_is_self_contained(store: Store) -> None:
    page = session_html(load_report(store, SESSION))
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"<(script|link|iframe|object|embed|img)\b", page, re.I)
    assert "@import" not in page and "url(" not in page


def test_html_escapes_hostile_text(hostile_store: Store) -> None:
    page = session_html(load_report(hostile_store, "evil"))
    assert "<script" not in page.lower()
    assert "<img" not in page and "<b>title" not in page and "<i>Eve" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page  # shown as text
    assert "&lt;i&gt;Eve&lt;/i&gt;" in page and "&lt;script&gt;n()&lt;/script&gt; (CTO)" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)


def test_highlight_segments_overlapping_and_ignores_bad_offsets() -> None:
    text = "I cut latency by 80 percent."
    spans = [
        {"start": 0, "end": 28, "label": "result"},
        {"start": 14, "end": 27, "label": "metric"},
        {"start": 5, "end": 999, "label": "action"},  # outside the transcript: ignored
        {"start": "5", "end": 9, "label": "action"},  # a hand-edited row: not an offset, ignored
        {"start": 0, "end": 1, "label": 'bogus"><x'},  # unknown label: no class
    ]
    html = highlighted_transcript(text, [Evidence.from_dict(span) for span in spans])
    assert html == (
        '<mark class="l-result" title="result">I cut latency </mark>'
        '<mark class="l-metric l-result" title="number, result">by 80 percent</mark>'
        '<mark class="l-result" title="result">.</mark>'
    )


def test_export_writes_atomically_to_default_and_given_paths(store: Store, tmp_path: Path) -> None:
    path = export_session(store, SESSION, "md")
    assert path == default_export_path(SESSION, "md") and path.parent.name == "exports"
    assert path.read_text().startswith("# Practice session")
    out = export_session(store, SESSION, "html", tmp_path / "new" / "report.html")
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert not list(out.parent.glob(".*tmp"))  # no temporary file left behind
    assert default_export_path("../../etc/passwd", "html").parent == default_export_path("x", "html").parent


def test_export_command(store: Store, capsys: pytest.CaptureFixture[str], monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("INTERVIEW_PRACTICE_DB", str(store.path))
    out = tmp_path / "session.html"
    assert main(["export", SESSION, "--format", "html", "--out", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    shown = html.unescape(re.sub(r"<[^>]+>", "", out.read_text()))  # the text a browser shows
    assert NORTHWIND[0][2] in shown

    assert main(["export", "20260126-09", "--format", "md", "--out", str(tmp_path / "x.md")]) == 1
    err = capsys.readouterr().err
    assert "no session '20260126-09' in the history" in err and f"Did you mean {SESSION}" in err

    assert main(["export", SESSION, "--format", "md", "--out", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err

    # A parent that is a file cannot be written, even by root (so the test holds in a root container).
    (tmp_path / "file").write_text("")
    assert main(["export", SESSION, "--format", "md", "--out", str(tmp_path / "file" / "x.md")]) == 1
    assert "cannot write" in capsys.readouterr().err


MARKUP_SAID = (
    "# Big heading\n<img src=x onerror=alert(1)> and **bold** [a link](https://x.example)\n- item\n1. first"
)


def test_markdown_shows_what_the_person_said_as_text_not_markup(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt  # the CommonMark parser that Rich brings

    db = Store(tmp_path / "markup.sqlite3")
    db.ensure_session(SessionRecord("md", START, "bank", "Bank *one*", "<b>Chef</b> # 1", None, {}))
    db.save_attempt(scored("md", "q1", "Why _us_?", MARKUP_SAID, None))
    db.save_attempt(replace(scored("md", "q2", "Tell me <more>", MARKUP_SAID, None), feedback=None))
    page = MarkdownIt("commonmark").render(session_markdown(load_report(db, "md")))
    db.close()
    assert "<img" not in page and "<b>" not in page and "<a href" not in page
    assert "<h1>Big heading" not in page and "<h3>Big heading" not in page and "<strong>bold" not in page
    assert "<em>" not in page  # `*one*` and `_us_` stay as typed
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "# Big heading" in page
    assert "**bold** [a link](https://x.example)" in page


@pytest.mark.parametrize(
    "said", [MARKUP_SAID, "a | b", "---", "===", "`code`", "&amp; &#65;", "\\*", "  + x"]
)
def test_escaped_text_renders_exactly_as_written(said: str) -> None:
    from markdown_it import MarkdownIt

    from practice.reports.text import escape_markdown

    rendered = MarkdownIt("commonmark").render(escape_markdown(said))
    paragraph = rendered.removeprefix("<p>").removesuffix("</p>\n")
    assert paragraph == html.escape(said.strip(), quote=False).replace("&quot;", '"'), rendered


def test_an_answer_to_a_follow_up_is_exported_with_the_try_it_follows(tmp_path: Path) -> None:
    db = Store(tmp_path / "follow.sqlite3")
    db.ensure_session(SessionRecord("fu", START, "bank", "Bank", None, None, {}))
    first = db.save_attempt(
        scored(
            "fu",
            "q1",
            "Tell me about a time you fixed a slow page.",
            "I rewrote the query. It went well.",
            None,
        )
    )
    follow_up = scored(
        "fu",
        "q1",
        "What was the outcome? Can you put a number on it?",
        "Load time fell from 9 s to 2 s.",
        None,
        2,
    )
    second = db.save_attempt(replace(follow_up, follow_up_of=first.id, follow_up_reason="result"))
    report = load_report(db, "fu")
    db.close()
    assert [a.follow_up_of for a in report.attempts] == [None, first.id]
    text = session_markdown(report)
    assert "| 2, follow-up to 1 |" in text
    assert "Follow-up to try 1 (no measured result)." in text
    assert "Follow-up question" in text  # the first answer's review names the follow-up it got
    page = session_html(report)
    assert "<td>2, follow-up to 1</td>" in page
    assert f'id="attempt-{second.id}"' in page and "Follow-up to try 1 (no measured result)" in page
