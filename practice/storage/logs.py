"""The studio's log: standard `logging`, to a size-capped file in the data folder.

What goes in: what happened and when (a command ran, the model loaded, an answer was saved, a recording was
recovered, something failed and its traceback), with ids, paths, sizes and timings. What never goes in: the
text of an answer, a transcript, a job description, or audio. Answers are personal, and a log file is the
kind of thing people attach to a bug report. Code that logs follows that rule; this module only places the
file: `logs/studio.log` in the data folder, at most MAX_BYTES, with BACKUPS older files, created 0600.

`--verbose` on the command line also prints the log to standard error.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from practice.storage.paths import data_dir

#: The logger every practice module logs under (`logging.getLogger(__name__)` is a child of it).
LOGGER = "practice"
LOG_NAME = "studio.log"
#: Enough for weeks of practice at a few lines an answer, small enough to attach to a bug report.
MAX_BYTES = 1_000_000
BACKUPS = 2
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path() -> Path:
    return data_dir() / "logs" / LOG_NAME


def _private_file(path: Path) -> None:
    """Create the folder 0700 and the file 0600 before logging opens it (logging would use the umask)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600))


def setup_logging(verbose: bool = False) -> Path | None:
    """Send the `practice` logs to the log file (and to stderr when `verbose`); returns the file's path.

    Safe to call again (each command run in tests does): the handlers of an earlier call are replaced. When the
    data folder cannot be written the studio still runs, without a log file (None)."""
    logger = logging.getLogger(LOGGER)
    for handler in [h for h in logger.handlers if getattr(h, "_practice", False)]:
        logger.removeHandler(handler)
        handler.close()
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False  # the studio's lines go to its own file, not to whatever the root logger does
    handlers: list[logging.Handler] = []
    path: Path | None = log_path()
    try:
        assert path is not None
        _private_file(path)
        handlers.append(RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"))
    except OSError:
        path = None
    if verbose:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler._practice = True  # type: ignore[attr-defined]  # marks ours, for the next call to replace
        logger.addHandler(handler)
    return path
