"""The `interview-practice` subcommands, run as a person would run them, including every bad-input path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile
from conftest import run_cli

DATA = Path(__file__).parent / "data"
JOB = DATA / "backend-job.txt"
STAR = (
    "Last year our checkout page was timing out during sales. I was the engineer on call, so I owned the fix. "
    "I profiled the PostgreSQL queries, added two indexes and rewrote the slowest join. "
    "As a result the p95 latency dropped from 4 seconds to 300 milliseconds and we kept 12 percent more orders."
)
QUESTION = "Tell me about a time you fixed a performance problem."


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def schema() -> dict:
    return json.loads((Path(__file__).parent.parent / "feedback" / "feedback.schema.json").read_text())


def assert_valid(result: dict) -> None:
    import jsonschema

    jsonschema.validate(result, schema())
    for dimension in result["scores"].values():
        for evidence in dimension["evidence"]:
            assert result["transcript"][evidence["start"] : evidence["end"]] == evidence["text"]


# --- banks -------------------------------------------------------------------------------------------------


def test_banks_list_and_show() -> None:
    listed = run_cli("banks", "list")
    assert listed.returncode == 0, listed.stderr
    assert "general-behavioral" in listed.stdout and "questions" in listed.stdout
    shown = run_cli("banks", "show", "second-round")
    assert shown.returncode == 0
    assert "90 days" in shown.stdout
    missing = run_cli("banks", "show", "no-such-bank")
    assert missing.returncode == 1 and "no bank named 'no-such-bank'" in missing.stderr


def test_banks_validate_reports_file_and_line(tmp_path: Path) -> None:
    bad = write(
        tmp_path / "bad.toml",
        'name = "x"\ndescription = "y"\n\n[[questions]]\nid = "a"\ntext = 3\ncategory = "behavioral"\n',
    )
    result = run_cli("banks", "validate", str(bad))
    assert result.returncode == 1
    assert f"{bad}:6: question 1: `text` must be a string" in result.stderr
    good = run_cli(
        "banks", "validate", str(Path(__file__).parent.parent / "question_banks" / "motivation.toml")
    )
    assert good.returncode == 0 and "ok" in good.stdout


def test_banks_list_survives_a_broken_custom_bank(tmp_path: Path) -> None:
    bad = write(tmp_path / "broken.toml", "this is not toml")
    result = run_cli("banks", "--bank", str(bad), "list")
    assert result.returncode == 0
    assert "general-behavioral" in result.stdout
    assert f"warning: {bad}:1: invalid TOML" in result.stderr


# --- score (text) ------------------------------------------------------------------------------------------


def test_score_text_json_is_valid_and_uses_the_job(tmp_path: Path) -> None:
    answer = write(tmp_path / "answer.txt", STAR)
    result = run_cli("score", "--text", str(answer), "--question", QUESTION, "--job", str(JOB))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert_valid(data)
    assert data["scores"]["alignment"]["score"] is not None
    statuses = {r["status"] for r in data["scores"]["alignment"]["requirements"]}
    assert statuses & {"covered", "partial"}


def test_score_text_from_stdin_markdown_without_job() -> None:
    result = run_cli("score", "--text", "-", "--question", QUESTION, "--format", "markdown", stdin=STAR)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"# {QUESTION}")
    assert "Concrete examples" in result.stdout and "Job alignment: n/a" in result.stdout


def test_score_without_job_says_why_alignment_is_null(tmp_path: Path) -> None:
    answer = write(tmp_path / "a.txt", STAR)
    data = json.loads(run_cli("score", "--text", str(answer), "--question", QUESTION).stdout)
    assert data["scores"]["alignment"]["score"] is None
    assert "job" in data["scores"]["alignment"]["reason"].lower()


def test_score_batch_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    write(tmp_path / "job.txt", JOB.read_text())
    lines = [
        {"id": "a", "question": QUESTION, "text": STAR, "job": "job.txt"},
        {"id": "b", "question": QUESTION, "text": "I am a hard worker and a team player."},
        {"id": "c", "question": QUESTION, "text": "x", "job": "missing.txt"},
    ]
    batch = write(tmp_path / "in.jsonl", "\n".join(json.dumps(line) for line in lines) + "\nnot json\n")
    result = run_cli("score", "--batch", str(batch), "--format", "jsonl")
    assert result.returncode == 1  # some lines failed
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", "b", "c", None]
    assert_valid({k: v for k, v in out[0].items() if k != "id"})
    assert out[0]["scores"]["examples"]["score"] > out[1]["scores"]["examples"]["score"]
    assert "missing.txt: no such file" in out[2]["error"]
    assert f"{batch}:4:" in out[3]["error"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--text", "nope.txt", "--question", "Q"], "nope.txt: no such file"),
        (["--text", "{answer}", "--question", "Q", "--job", "{empty}"], "is empty: paste the job posting"),
        (["--text", "{answer}", "--question", "Q", "--job", "{binary}"], "not a text file"),
        (["--text", "{answer}"], "--question is required"),
        (["--question", "Q"], "give the answer"),
        (["--text", "{blank}", "--question", "Q"], "answer text is empty"),
    ],
)
def test_score_bad_input_is_a_clear_message(tmp_path: Path, args: list[str], message: str) -> None:
    files = {
        "answer": write(tmp_path / "answer.txt", STAR),
        "empty": write(tmp_path / "empty.txt", "  \n"),
        "blank": write(tmp_path / "blank.txt", ""),
        "binary": tmp_path / "binary.txt",
    }
    files["binary"].write_bytes(b"\x00\x01PK\x03\x04")
    filled = [a.format(**{k: str(v) for k, v in files.items()}) for a in args]
    result = run_cli("score", *filled)
    assert result.returncode in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_score_text_does_not_import_the_speech_stack(tmp_path: Path) -> None:
    answer = write(tmp_path / "a.txt", STAR)
    code = (
        "import sys, runpy; sys.argv = ['interview-practice', 'score', '--text', %r, '--question', 'Q'];"
        "import practice.cli as c; c.main(sys.argv[1:]);"
        "heavy = [m for m in ('faster_whisper', 'ctranslate2', 'sounddevice', 'textual') if m in sys.modules];"
        "print('HEAVY', heavy, file=sys.stderr)"
    ) % str(answer)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in result.stderr, result.stderr


# --- audio: transcribe and score --audio (real model) --------------------------------------------------------


@pytest.mark.slow
def test_transcribe_real_speech_text_and_json() -> None:
    text = run_cli("transcribe", str(DATA / "jfk.flac"))
    assert text.returncode == 0, text.stderr
    assert "ask not what your country can do for you" in text.stdout.lower()
    data = json.loads(run_cli("transcribe", str(DATA / "jfk.flac"), "--format", "json").stdout)
    assert data["duration_s"] == pytest.approx(11.0, abs=0.2)
    starts = [w["start"] for w in data["words"]]
    assert starts == sorted(starts) and all(w["end"] >= w["start"] for w in data["words"])
    assert data["words"][-1]["end"] > 8


@pytest.mark.slow
def test_audio_bad_inputs(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    not_audio = write(tmp_path / "notes.wav", "this is a text file with a .wav name\n" * 20)
    silent = tmp_path / "silent.wav"
    soundfile.write(silent, np.zeros(16000 * 3, dtype="float32"), 16000)
    cases = [
        (["transcribe", str(tmp_path / "missing.wav")], "no such file"),
        (["transcribe", str(empty)], "is empty (0 bytes)"),
        (["transcribe", str(not_audio)], "could not be read as audio"),
        (["transcribe", str(silent)], "I heard no speech in 3 seconds"),
        (["score", "--audio", str(silent), "--question", "Q"], "I heard no speech in 3 seconds"),
        (["score", "--audio", str(not_audio), "--question", "Q"], "could not be read as audio"),
        (["transcribe", str(DATA / "jfk.flac"), "--model", str(tmp_path)], "not a CTranslate2 Whisper model"),
        (["transcribe", str(DATA / "jfk.flac"), "--model", "./no/such/model"], "does not exist"),
    ]
    for args, message in cases:
        result = run_cli(*args)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_named_model_without_network_is_a_clear_error(tmp_path: Path) -> None:
    """Asking for a model by name may download it; with no network that is a message, not a traceback."""
    env_code = (
        "import os, socket, sys;"
        "os.environ['HF_HOME'] = %r;"
        "socket.socket.connect = lambda *a, **k: (_ for _ in ()).throw(OSError('network is off'));"
        "socket.create_connection = lambda *a, **k: (_ for _ in ()).throw(OSError('network is off'));"
        "import practice.cli as c; sys.exit(c.main(['transcribe', %r, '--model', 'small.en']))"
    ) % (str(tmp_path / "hf"), str(DATA / "jfk.flac"))
    result = subprocess.run([sys.executable, "-c", env_code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "is not on this machine and could not be downloaded" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_doctor_reports_each_check() -> None:
    result = run_cli("doctor")
    lines = result.stdout.splitlines()
    for name in (
        "input device",
        "output device",
        "interviewer voice",
        "speech model",
        "transcription",
        "data folder",
        "question banks",
    ):
        assert any(f"] {name}:" in line for line in lines), (name, result.stdout)
    assert "[ok  ] speech model" in result.stdout
    assert "[ok  ] transcription" in result.stdout
    assert "[ok  ] question banks" in result.stdout
