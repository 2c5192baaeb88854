"""Pilot tests: panel mode shows who is asking and speaks in their voice; Export from the history screen
(and the command palette) writes the report into the data folder's exports/."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, Static, TextArea
from tui_fakes import make_app, wait_for

from practice.core.session import State
from practice.reports.export import default_export_path
from practice.tui.screens.export import ExportScreen
from practice.tui.screens.followup import InterviewersScreen
from practice.tui.screens.history import HistoryScreen
from practice.tui.screens.modals import declared_bindings
from practice.tui.screens.practice import PracticeScreen
from practice.tui.screens.review import ReviewScreen
from practice.tui.screens.setup import SetupScreen
from practice.tui.screens.summary import SummaryScreen
from practice.tui.widgets.panel import PanelEditor

SIZE = (100, 40)


def meta(app) -> str:  # noqa: ANN001
    return str(app.screen.query_one("#question-meta", Static).render())


async def test_panel_mode_shows_who_is_asking_in_their_voice(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        editor = app.screen.query_one(PanelEditor)
        await wait_for(pilot, lambda: "en-gb" in editor.voices, what="voices listed")
        for name in ("Dana Smith: CTO", "Lee Park"):
            editor.query_one("#panel-name", Input).value = name
            editor.add()
        assert [(m.name, m.role, m.voice) for m in editor.members] == [
            ("Dana Smith", "CTO", "en-us"),
            ("Lee Park", "", "en-gb"),
        ]
        assert str(editor.query_one("#panel-voice", Select).value) == "en-us+f3"  # next distinct voice
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), what="practice")
        practice = app.screen
        assert meta(app).startswith("Dana Smith (CTO) asks · Question 1 of 2")
        await wait_for(pilot, lambda: app.services.speaker.said)
        assert app.services.speaker.voice == "en-us"
        await wait_for(pilot, lambda: practice.session.state is State.IDLE)
        await pilot.press("n")
        await wait_for(pilot, lambda: practice.session.number == 2)
        assert meta(app).startswith("Lee Park asks · Question 2 of 2")
        assert app.services.speaker.voice == "en-gb"
        assert practice.record.settings["panel"][1] == {"name": "Lee Park", "role": "", "voice": "en-gb"}
        # Answer, finish: the follow-up drafts dialog starts from the panel, so no name is typed twice.
        await wait_for(pilot, lambda: practice.session.state is State.IDLE)
        await pilot.press("space")
        await wait_for(pilot, lambda: practice.session.state is State.RECORDING)
        await pilot.press("space")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen), what="review")
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), what="summary")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewersScreen), what="drafts dialog")
        assert app.screen.query_one("#interviewers", TextArea).text == "Dana Smith: CTO\nLee Park"


async def test_export_from_history(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from prep_data import BACKEND_JOB, NORTHWIND, seed

    app = make_app(tmp_path)
    seed(app.services.store, "20260126-093000-abc123", BACKEND_JOB.read_text(), NORTHWIND)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen))
        path = default_export_path("20260126-093000-abc123", "html")
        assert app.screen.query_one("#export-path", Input).value == str(path)
        await pilot.click("#fmt-md")
        await wait_for(pilot, lambda: app.screen.query_one("#export-path", Input).value.endswith(".md"))
        await pilot.press("enter")
        md = path.with_suffix(".md")
        await wait_for(pilot, md.exists, what="the exported file")
        assert md.read_text().startswith("# Practice session 2026-01-26 09:30")
        assert isinstance(app.screen, HistoryScreen)
    # The command palette lists every declared binding, so Export is reachable there too.
    assert "Export session" in [b.description for b in declared_bindings(HistoryScreen)]
    assert "Export" in [b.description for b in declared_bindings(SummaryScreen)]
