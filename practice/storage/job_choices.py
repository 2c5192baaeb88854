"""Where the person's corrections to a posting are kept: one small TOML file per posting in `jobs/` in the
data folder, named by the posting's fingerprint (practice.core.job_choices.job_key: its text with case and
spacing ignored).

Keyed by the posting's text, not by a file path, so the same corrections are found however the posting comes
back: pasted again in the studio, loaded from a file, the last session's job, or `--job FILE` on any command.
The file is the person's to edit; a broken one is ignored (and logged), never fatal.
"""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

from feedback import JobChoices
from practice.core.files import atomic_write_text
from practice.core.job_choices import choices_from_toml, choices_toml, is_empty, job_key
from practice.storage.paths import data_dir

log = logging.getLogger(__name__)


def job_choices_dir() -> Path:
    return data_dir() / "jobs"


def choices_path(job_text: str | None) -> Path | None:
    """The file the corrections of this posting are kept in (it may not exist); None without a posting."""
    key = job_key(job_text)
    return job_choices_dir() / f"{key}.toml" if key else None


def load_job_choices(job_text: str | None) -> JobChoices | None:
    """The corrections saved for this posting, or None (none saved, or the file cannot be read)."""
    path = choices_path(job_text)
    if path is None or not path.is_file():
        return None
    try:
        return choices_from_toml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        log.warning("job corrections %s ignored: %s", path, error)
        return None


def save_job_choices(job_text: str, choices: JobChoices | None, about: str = "") -> Path | None:
    """Keep the corrections for this posting (atomically); no corrections removes the file, so the posting is
    read as the studio first read it. Returns the file written, or None. Raises OSError."""
    path = choices_path(job_text)
    if path is None:
        return None
    if choices is None or is_empty(choices):
        path.unlink(missing_ok=True)
        return None
    atomic_write_text(path, choices_toml(choices, about))
    return path
