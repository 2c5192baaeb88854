"""Small file helpers: atomic writes and safe names, shared by settings, exports and recordings."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: Names Windows reserves in every folder (a file called "con.wav" cannot be created there).
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.I)


def safe_name(text: str, fallback: str = "item", max_len: int = 60) -> str:
    """A file-name fragment that cannot escape its folder: no separators, no `..`, no control characters.

    Anything but ASCII letters, digits, `.`, `_` and `-` becomes `-`; leading and trailing dots and dashes go
    (so no hidden files, no `..`, nothing that reads as a command-line option)."""
    cleaned = _UNSAFE.sub("-", text).strip("-.")
    cleaned = cleaned[:max_len].strip("-.")
    if _RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    return cleaned or fallback


def safe_path(folder: Path, name: str, suffix: str = "", fallback: str = "item") -> Path:
    """`folder / (safe_name(name) + suffix)`, checked to be directly inside `folder`.

    For every file name built from something a person or a file chose (bank ids, session names, exported
    titles). Raises ValueError if the result would be anywhere else, which safe_name makes impossible: the
    check is there so a future change to either cannot quietly break it."""
    if suffix and (_UNSAFE.sub("", suffix) != suffix or ".." in suffix):
        raise ValueError(f"unsafe file suffix {suffix!r}")
    path = folder / f"{safe_name(name, fallback)}{suffix}"
    if path.parent != folder or os.path.realpath(path.parent) != os.path.realpath(folder):
        raise ValueError(f"{name!r} would leave the folder {folder}")
    return path


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over the target.

    A crash at any moment leaves either the old file or the new one, never half of one. The folder is fsynced
    too, so the rename itself survives a power cut."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:  # some file systems do not open folders; the data itself is already synced
        return
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)


def atomic_write_text(path: Path, text: str, mode: int = 0o600) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode)
