"""Where the studio keeps its files, and the person's settings.

Settings are a small human-editable TOML file in the user config folder (platformdirs). Environment
variables win over the file so tests and power users can move everything without editing it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

APP_NAME = "interview-practice"

#: Moves the whole data folder (database, recordings, user banks, speech cache).
ENV_HOME = "INTERVIEW_PRACTICE_HOME"
#: Moves only the settings file's folder.
ENV_CONFIG = "INTERVIEW_PRACTICE_CONFIG_DIR"
#: Picks the Whisper model without touching the settings file.
ENV_MODEL = "INTERVIEW_PRACTICE_MODEL"

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


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


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG) or os.environ.get(ENV_HOME)
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    override = os.environ.get(ENV_HOME)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def user_banks_dir() -> Path:
    return data_dir() / "banks"


def cache_dir() -> Path:
    override = os.environ.get(ENV_HOME)
    return Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP_NAME))


def is_checkout() -> bool:
    """True when running from a source checkout (recordings then go to its `recordings/` folder)."""
    return (_CHECKOUT_ROOT / "pyproject.toml").is_file() and (_CHECKOUT_ROOT / "recordings").is_dir()


def recordings_dir() -> Path:
    if os.environ.get(ENV_HOME):
        return data_dir() / "recordings"
    if is_checkout():
        return _CHECKOUT_ROOT / "recordings"
    return data_dir() / "recordings"


def settings_path() -> Path:
    return config_dir() / "settings.toml"


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
    from practice.files import atomic_write_text, toml_lines

    path = path or settings_path()
    body = "".join(f"{line}\n" for line in toml_lines(asdict(settings), keep_empty=True))
    atomic_write_text(path, "# interview-practice settings\n" + body)
    return path
