"""Where the studio keeps its files: config, data, cache and recordings folders.

Environment variables win so tests and power users can move everything without editing a file.
"""

from __future__ import annotations

import os
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
