"""`python -m practice.cli`: the same as the `interview-practice` command."""

from practice.cli.main import main

raise SystemExit(main())
