"""What every subcommand module shares: the error a person can fix, exit codes, and registering."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from practice.core.errors import PracticeError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
MODEL_HELP = "Whisper model: a CTranslate2 folder or a faster-whisper name (default: the embedded tiny.en)"
VERBOSE_HELP = "also print the log (the data folder's logs/studio.log) to standard error"


class CliError(PracticeError):
    """A problem the person can fix; printed as `error: ...` without a traceback."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


Handler = Callable[[argparse.Namespace], int]


def add_command(commands: Any, name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
    """One subcommand whose handler runs when it is chosen (shared by the modules that register commands)."""
    sub = commands.add_parser(name, help=help_text, description=help_text)
    # Also after the command (`score --verbose`); SUPPRESS keeps a --verbose given before it.
    sub.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help=VERBOSE_HELP)
    sub.set_defaults(handler=handler)
    return sub
