"""The exported HTML in a real browser: headless Chromium (Debian package `chromium`, installed by
`scripts/system-deps.sh --test`) loads the file and the test reads the DOM it built, so what is checked is what
a person would see, and a hostile answer's `<script>` is proven inert (Chromium runs scripts by default)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from prep_data import BACKEND_JOB, NORTHWIND, seed

from practice.reports.export import export_session
from practice.storage.history import Store

pytestmark = pytest.mark.slow
SESSION = "20260126-093000-abc123"
HOSTILE = "<script>document.title='pwned';document.body.innerHTML='gone'</script>"


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if found := shutil.which(name):
            return found
    pytest.fail(
        "chromium is missing, so the exported HTML cannot be checked in a browser: run `make test` (as root it "
        "installs the Debian package) or `sudo apt-get install -y chromium`"
    )


BLOCKS = {"p", "div", "td", "th", "tr", "li", "h1", "h2", "h3", "h4", "section", "table"}


class _Text(HTMLParser):
    """The visible text of a DOM dump (style and title contents are not shown on the page)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in BLOCKS:
            self.parts.append(" ")  # cells and paragraphs read apart; inline <mark>s do not split words
        if tag in ("style", "script"):
            self._skip += 1
        if tag == "title" and not self.title:  # the page's <title>; the SVG charts have their own
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.parts.append(" ")
        if tag in ("style", "script"):
            self._skip -= 1
        self._in_title = False if tag == "title" else self._in_title

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def render(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            *extra,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


def test_browser_shows_transcript_and_scores(tmp_path: Path) -> None:
    store = Store(tmp_path / "history.sqlite3")
    attempts = seed(store, SESSION, BACKEND_JOB.read_text(), NORTHWIND, title="Backend engineer")
    # One more answer whose words try to run a script: the browser must show them, not run them.
    hostile = store.save_attempt(
        replace(attempts[0], id=None, attempt_no=2, transcript=HOSTILE, feedback=None, error="typed test")
    )
    page = export_session(store, SESSION, "html", tmp_path / "report.html")
    store.close()

    done = render(page, tmp_path, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    parser = _Text()
    parser.feed(done.stdout)
    text = " ".join("".join(parser.parts).split())
    assert parser.title.startswith("Practice session 2026-01-26 09:30")
    for attempt in attempts:
        assert " ".join((attempt.transcript or "").split()) in text  # highlights do not break the words
        assert attempt.question_text in text
        assert f"Overall {attempt.score('overall')}" in text  # the answer's own score table
        for reason in (attempt.feedback or {})["scores"].values():
            assert reason["reason"] in text
    overall = [a.score("overall") for a in attempts]
    assert f"Average {round(sum(overall) / len(overall))}" in text  # the averages row of the scores table
    assert "Requirement coverage" in text and "covered" in text
    assert HOSTILE in text and "pwned" not in parser.title and hostile.error in text

    shot = render(page, tmp_path, "--window-size=1000,2000", f"--screenshot={tmp_path / 'page.png'}")
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert (tmp_path / "page.png").stat().st_size > 20_000  # a drawn page, not a blank one
