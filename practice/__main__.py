"""`python -m practice`: the same as the `interview-practice` command (for a venv whose scripts folder is not
on PATH, or a checkout run without installing the console script)."""

from practice.cli.commands import main

if __name__ == "__main__":
    raise SystemExit(main())
