"""The catalog of question banks: the built-in ones, the person's own folder, and files named explicitly."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from practice.core.banks import BankCatalog, BankError, load_bank
from practice.storage.paths import user_banks_dir


def builtin_bank_paths() -> list[Path]:
    folder = resources.files("question_banks")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".toml"))


def load_catalog(extra_paths: list[Path] | None = None, user_dir: Path | None = None) -> BankCatalog:
    """Built-in banks, then the user banks folder, then any files named explicitly."""
    catalog = BankCatalog()
    user_dir = user_dir if user_dir is not None else user_banks_dir()
    sources = [(p, True) for p in builtin_bank_paths()]
    if user_dir.is_dir():
        sources += [(p, False) for p in sorted(user_dir.glob("*.toml"))]
    sources += [(Path(p), False) for p in extra_paths or []]
    for path, builtin in sources:
        try:
            bank = load_bank(path, builtin)
        except BankError as error:
            catalog.errors.append(error)
            continue
        catalog.add(bank)
    return catalog
