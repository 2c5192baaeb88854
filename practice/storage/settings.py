"""The person's settings: a small human-editable TOML file, read leniently and written atomically."""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from practice.core.files import atomic_write_text, toml_lines
from practice.storage.paths import ENV_MODEL, settings_path


@dataclass
class Settings:
    """The person's choices, saved between runs."""

    model: str = ""
    """Whisper model: empty for the embedded tiny.en, a CTranslate2 folder, or a faster-whisper name."""
    voice: str = "en-us"
    """Interviewer voice: an espeak-ng voice id or name as pyttsx3 lists them."""
    rate: int = 165
    """Interviewer speaking rate in words per minute (espeak's default 175 sounds rushed for questions)."""
    answer_target_s: int = 90
    """Default answer length target in seconds (behavioral answers: 60 s to 2 min, FACTS.md)."""
    question_count: int = 5
    shuffle: bool = False
    last_bank: str = ""
    last_job_path: str = ""
    input_device: str = ""
    """Input device name or index; empty for the system default."""
    output_device: str = ""


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; a missing or broken file gives the defaults (the app must still start)."""
    path = path or settings_path()
    settings = Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        raw = {}
    known = {f.name: f.type for f in fields(Settings)}
    for key, value in raw.items():
        default = getattr(settings, key, None)
        if key in known and isinstance(value, type(default)):
            setattr(settings, key, value)
    if os.environ.get(ENV_MODEL):
        settings.model = os.environ[ENV_MODEL]
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write settings atomically (temporary file, fsync, rename) so a crash never leaves half a file."""

    path = path or settings_path()
    body = "".join(f"{line}\n" for line in toml_lines(asdict(settings), keep_empty=True))
    atomic_write_text(path, "# interview-practice settings\n" + body)
    return path


def device_setting(value: str) -> int | str | None:
    """A device from settings: empty for the system default, digits for an index, else a name."""
    value = value.strip()
    if not value:
        return None
    return int(value) if value.isdigit() else value


def file_model(path: Path | None = None) -> str:
    """The `model` written in settings.toml itself (load_settings applies the environment override)."""
    try:
        return str(tomllib.loads((path or settings_path()).read_text(encoding="utf-8")).get("model", ""))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""


def remember_choices(
    settings: Settings,
    *,
    voice: str,
    rate: int,
    target_s: int,
    shuffle: bool,
    count: int | None,
    bank_id: str | None,
    job_path: Path | None,
) -> None:
    """Take the choices a session starts with into `settings` (the next setup screen starts from them).

    `count` and `bank_id` None leave the remembered ones alone; `job_path` None forgets the job file (the text
    was typed or edited, so the file is not what was practiced)."""
    settings.voice, settings.rate, settings.answer_target_s, settings.shuffle = voice, rate, target_s, shuffle
    if count is not None:
        settings.question_count = count
    if bank_id is not None:
        settings.last_bank = bank_id
    settings.last_job_path = str(job_path) if job_path is not None else ""


def save_choices(settings: Settings, path: Path | None = None) -> Path:
    """Save settings after the person chose, keeping the file's own model: the one in use may come from
    INTERVIEW_PRACTICE_MODEL for this run only. Raises OSError when the file cannot be written."""
    return save_settings(replace(settings, model=file_model(path)), path)
