"""The files the studio writes for a person to read and edit: tailored banks, story headers, settings and the
question-audio cache. Whatever text goes in (control characters included), the file reads back; a hand edit
survives the studio saving over it; private folders stay private."""

from __future__ import annotations

import stat
import tomllib
from datetime import date
from pathlib import Path

import pytest

from practice.cli import main
from practice.core.banks import load_bank
from practice.prep.stories import Story, parse_story, render_story
from practice.storage.settings import Settings, load_settings, save_choices, save_settings

CONTROL = 'Senior\x1b[31m Engineer\x7f "quoted" back\\slash\ttab'

JOB = """{title}
Acme Robotics

Requirements:
- 5+ years of Python in production
- Deep experience with PostgreSQL performance tuning
- Experience leading incident response
"""


def test_tailor_writes_a_readable_bank_when_the_title_holds_esc_and_del(tmp_path: Path, capsys) -> None:
    job = tmp_path / "job.txt"
    job.write_text(JOB.format(title=CONTROL), encoding="utf-8")
    out = tmp_path / "tailored.toml"
    assert main(["tailor", "--job", str(job), "--out", str(out)]) == 0, capsys.readouterr().err
    tomllib.loads(out.read_text(encoding="utf-8"))  # valid TOML, comments included
    bank = load_bank(out)
    assert len(bank.questions) >= 3
    assert "\x1b" in bank.name and "\x7f" in bank.name  # kept exactly, escaped in the file


@pytest.mark.parametrize("text", [CONTROL, "line one\nline two", "\x00\x01\x08\x0b\x0c\x0e\x1f\x7f", "é 🚀"])
def test_a_story_header_round_trips_any_text(text: str) -> None:
    story = Story(
        title=text,
        body="I rewrote the slowest queries.",
        requirements=[text, "PostgreSQL"],
        question=text,
        date=date(2026, 1, 26),
        session="20260126-093000-abc123",
    )
    back = parse_story(render_story(story))
    assert (back.title, back.requirements, back.question) == (text, [text.strip(), "PostgreSQL"], text)
    assert back.date == story.date and back.session == story.session


HAND_EDITED = """\
# My studio settings. Slower questions help me think.
rate = 140  # words a minute
voice = "en-gb"

# a key from a newer version
theme = "dark"

[experiments]
beta = true
"""


def test_saving_settings_keeps_comments_order_and_unknown_keys(isolated_home: Path) -> None:
    path = isolated_home / "settings.toml"
    path.write_text(HAND_EDITED, encoding="utf-8")
    settings = load_settings()
    assert (settings.rate, settings.voice) == (140, "en-gb")
    settings.question_count = 8
    save_choices(settings)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HAND_EDITED.split("\n\n[experiments]")[0])  # comments, order, spelling kept
    assert "rate = 140  # words a minute" in text
    saved = tomllib.loads(text)
    assert saved["theme"] == "dark" and saved["experiments"] == {"beta": True}
    assert saved["question_count"] == 8 and load_settings().question_count == 8
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_settings_file_that_is_not_toml_is_kept_aside_not_lost(isolated_home: Path) -> None:
    path = isolated_home / "settings.toml"
    path.write_text("rate = [\n", encoding="utf-8")
    save_settings(Settings(rate=150))
    assert (isolated_home / "settings.toml.broken").read_text(encoding="utf-8") == "rate = [\n"
    assert load_settings().rate == 150


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('rate = "fast"', "rate = 'fast' is not a whole number"),
        ("rate = true", "rate = True is not a whole number"),
        ("shuffle = 1", "shuffle = 1 is not true or false"),
        ("voice = 3", "voice = 3 is not text"),
    ],
)
def test_a_setting_of_the_wrong_kind_is_reported_not_silently_replaced(
    isolated_home: Path, line: str, said: str
) -> None:
    from practice.storage.settings import read_settings_file

    (isolated_home / "settings.toml").write_text(line + "\n", encoding="utf-8")
    usable, problems = read_settings_file()
    assert usable == {} and len(problems) == 1 and said in problems[0].message
    assert problems[0].fix and problems[0].serious
    assert load_settings() == Settings()  # the studio still starts, on the defaults


class _FakeEngine:
    """pyttsx3's engine, as far as Speaker uses it: writes a WAV-sized file."""

    def getProperty(self, name: str) -> list:  # noqa: N802 - pyttsx3's spelling
        return []

    def setProperty(self, name: str, value: object) -> None:  # noqa: N802
        pass

    def save_to_file(self, text: str, path: str) -> None:
        self._path = path

    def runAndWait(self) -> None:  # noqa: N802
        Path(self._path).write_bytes(b"RIFF" + b"\0" * 100)


def test_the_question_audio_cache_folder_is_owner_only(tmp_path: Path, monkeypatch) -> None:
    from practice.audio import voice

    monkeypatch.setattr(voice, "_engine", lambda: _FakeEngine())
    folder = tmp_path / "cache" / "speech"
    voice.Speaker(folder, voice="", player=object()).synthesize("Why this role?")  # type: ignore[arg-type]
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0, oct(folder.stat().st_mode)
