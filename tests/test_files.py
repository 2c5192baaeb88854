"""File names that cannot escape their folder, and writes that are all or nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from practice.core.files import atomic_write_text, safe_name, safe_path
from practice.core.session import new_session_id
from practice.storage.settings import Settings, load_settings, save_settings


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("/etc/passwd", "etc-passwd"),
        ("..", "item"),
        ("...", "item"),
        ("C:\\Windows\\system32", "C-Windows-system32"),
        ("~/.ssh/authorized_keys", "ssh-authorized_keys"),
        (".hidden", "hidden"),
        ("-rf", "rf"),
        ("a\x00b\nc\rd\x1b[31me\x7f", "a-b-c-d-31me"),
        ("résumé 🚀 final", "r-sum-final"),
        ("con", "_con"),
        ("NUL.txt", "_NUL.txt"),
        ("", "item"),
        ("x" * 500, "x" * 60),
    ],
)
def test_hostile_names_stay_inside_their_folder(tmp_path: Path, hostile: str, expected: str) -> None:
    assert safe_name(hostile) == expected
    path = safe_path(tmp_path, hostile, ".wav")
    assert path == tmp_path / f"{expected}.wav"


def test_unsafe_suffixes_are_refused(tmp_path: Path) -> None:
    for suffix in ("/../x", "..", ".wav\x00"):
        with pytest.raises(ValueError, match="unsafe file suffix"):
            safe_path(tmp_path, "take", suffix)
    assert safe_path(tmp_path, new_session_id(), ".md").parent == tmp_path


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "export.md"
    atomic_write_text(target, "old report")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(target, "new report " * 1000)
    assert target.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["export.md"]  # no temporary file left behind


def test_settings_are_saved_atomically_and_privately(isolated_home: Path) -> None:
    path = save_settings(Settings(voice="en-gb", rate=180))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_settings().voice == "en-gb"
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []
