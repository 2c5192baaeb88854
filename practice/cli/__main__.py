"""`python -m practice.cli`: the same as the `interview-practice` command."""

from practice.cli.commands import main

raise SystemExit(main())
