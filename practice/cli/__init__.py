"""The `interview-practice` command: the studio (the default) and its scriptable subcommands.

The top front end: it may import every layer, including `practice.tui` (only to open the studio, and only
when asked). Nothing imports it.
"""

from practice.cli.commands import main

__all__ = ["main"]
