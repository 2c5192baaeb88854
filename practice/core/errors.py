"""The one error base of the studio: a message that says what happened, and a hint of what to do about it.

Every error a person can act on (a missing device, a bad bank file, a full disk, an unreadable recording)
derives from PracticeError, so the command line prints them in one place (practice.cli.commands) and the studio
shows them in one handler (practice.tui.app). The concrete classes keep their standard bases too (OSError,
ValueError, RuntimeError), so code that catches those still works. Anything else is a bug: the CLI lets it
raise with its traceback, the studio shows it with its type.
"""

from __future__ import annotations


class PracticeError(Exception):
    """A problem the person can fix. `str(error)` says what happened; `hint`, when set, what to do."""

    hint: str | None = None
    """What to do about it, when the message does not already say (a class default, or per instance)."""

    def with_hint(self, hint: str | None) -> PracticeError:
        self.hint = hint
        return self

    def explain(self) -> str:
        """The message, then the hint on its own line (left out when the message already says it)."""
        message = str(self)
        if self.hint and self.hint not in message:
            return f"{message}\n{self.hint}"
        return message
