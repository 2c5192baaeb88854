"""The person's settings: a small human-editable TOML file, read leniently, edited in place and written
atomically."""

from __future__ import annotations

import contextlib
import logging
import os
import tomllib
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Item

from practice.core.files import atomic_write_text
from practice.storage.paths import ENV_MODEL, settings_path

log = logging.getLogger(__name__)


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
    """Default answer length target in seconds (behavioral answers: 60 s to 2 min, FACTS.md); a bank's
    question may set its own (`target_seconds`)."""
    hard_limit: bool = False
    """Stop the take when the answer reaches its target (saved as usual); false: the time bar only warns."""
    question_count: int = 5
    shuffle: bool = False
    follow_ups: bool = True
    """After an answer's review, the interviewer asks one follow-up question chosen from what the answer
    lacks (a real example, your own part, a measured result, why this company, a must-have of the job)."""
    last_bank: str = ""
    last_job_path: str = ""
    input_device: str = ""
    """Input device name or index; empty for the system default."""
    output_device: str = ""


def _expected(default: object) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int):
        return f"a whole number such as {default}"
    return 'text in quotes (such as "")'


def _fits(value: object, default: object) -> bool:
    # bool is a kind of int in Python: `rate = true` must not pass for a number.
    if isinstance(default, bool) or isinstance(value, bool):
        return type(value) is type(default)
    return isinstance(value, type(default))


@dataclass(frozen=True)
class SettingsProblem:
    """Something in settings.toml the studio cannot use, and what to do about it."""

    message: str
    fix: str
    serious: bool = True
    """False for a key this version does not know (a typo, or a newer version's): it is kept, not used."""


def read_settings_file(path: Path | None = None) -> tuple[dict[str, object], list[SettingsProblem]]:
    """The settings file's usable values, and what is wrong with the rest (`doctor` shows it; the studio
    starts on the defaults). A missing file is no problem: every setting has a default."""
    path = path or settings_path()
    edit = f"edit {path}, or delete it to start from the defaults"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as error:
        return {}, [SettingsProblem(f"{path} cannot be read ({error}); the defaults are used", edit)]
    except tomllib.TOMLDecodeError as error:
        return {}, [SettingsProblem(f"{path} is not valid TOML ({error}); the defaults are used", edit)]
    defaults = asdict(Settings())
    usable: dict[str, object] = {}
    problems: list[SettingsProblem] = []
    for key, value in raw.items():
        if key not in defaults:
            problems.append(
                SettingsProblem(
                    f"{path}: unknown setting {key!r} (kept in the file, not used)",
                    f"check the spelling; the settings are: {', '.join(defaults)}",
                    serious=False,
                )
            )
        elif not _fits(value, defaults[key]):
            problems.append(
                SettingsProblem(
                    f"{path}: {key} = {value!r} is not {_expected(defaults[key])}; "
                    f"the default {defaults[key]!r} is used",
                    f"set {key} to {_expected(defaults[key])} in {path}, or delete the line",
                )
            )
        else:
            usable[key] = value
    return usable, problems


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; a missing or broken file, or a value of the wrong kind, gives the defaults (the app
    must still start; `interview-practice doctor` says what is wrong)."""
    usable, problems = read_settings_file(path)
    for problem in problems:
        log.log(logging.WARNING if problem.serious else logging.INFO, "settings: %s", problem.message)
    settings = replace(Settings(), **usable)  # type: ignore[arg-type]  # checked against the defaults above
    if os.environ.get(ENV_MODEL):
        settings.model = os.environ[ENV_MODEL]
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write settings atomically (temporary file, fsync, rename) so a crash never leaves half a file.

    The file is edited, not rewritten (tomlkit): a hand-edited file keeps its comments, its order and keys
    this version does not know; a value that did not change keeps its spelling. A file that is not TOML is
    kept beside the new one as settings.toml.broken, so nothing the person wrote is lost."""
    path = path or settings_path()
    document = tomlkit.document()
    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document.add(tomlkit.comment("interview-practice settings: see `interview-practice doctor`"))
    except (OSError, UnicodeDecodeError, TOMLKitError):
        with contextlib.suppress(OSError):
            path.replace(path.with_name(path.name + ".broken"))
        document.add(tomlkit.comment("interview-practice settings (the old file: settings.toml.broken)"))
    for key, value in asdict(settings).items():
        current = document.get(key)
        current = current.unwrap() if isinstance(current, Item) else current
        if type(current) is not type(value) or current != value:  # an unchanged line keeps its comment
            document[key] = value
    atomic_write_text(path, tomlkit.dumps(document))
    return path


def device_setting(value: str) -> int | str | None:
    """A device from settings: empty for the system default, digits for an index, else a name."""
    value = value.strip()
    if not value:
        return None
    return int(value) if value.isdigit() else value


def file_model(path: Path | None = None) -> str:
    """The `model` written in settings.toml itself (load_settings applies the environment override)."""
    return str(read_settings_file(path)[0].get("model", ""))


def remember_choices(
    settings: Settings,
    *,
    voice: str,
    rate: int,
    target_s: int,
    shuffle: bool,
    count: int | None,
    hard_limit: bool | None = None,
    follow_ups: bool | None = None,
    bank_id: str | None,
    job_path: Path | None,
) -> None:
    """Take the choices a session starts with into `settings` (the next setup screen starts from them).

    `count` and `bank_id` None leave the remembered ones alone; `job_path` None forgets the job file (the text
    was typed or edited, so the file is not what was practiced)."""
    settings.voice, settings.rate, settings.answer_target_s, settings.shuffle = voice, rate, target_s, shuffle
    if hard_limit is not None:
        settings.hard_limit = hard_limit
    if follow_ups is not None:
        settings.follow_ups = follow_ups
    if count is not None:
        settings.question_count = count
    if bank_id is not None:
        settings.last_bank = bank_id
    settings.last_job_path = str(job_path) if job_path is not None else ""


def save_choices(settings: Settings, path: Path | None = None) -> Path:
    """Save settings after the person chose, keeping the file's own model: the one in use may come from
    INTERVIEW_PRACTICE_MODEL for this run only. Raises OSError when the file cannot be written."""
    return save_settings(replace(settings, model=file_model(path)), path)
