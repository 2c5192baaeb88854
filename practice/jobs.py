"""Reading a job description file: the text a person pasted or saved, checked before it is scored against."""

from __future__ import annotations

from pathlib import Path

#: Real postings are a few KB; anything far bigger is the wrong file, and would slow every score.
MAX_JOB_BYTES = 200_000


class JobFileError(ValueError):
    """The job description cannot be used; the message says why and what to do."""


def read_job_text(path: Path | str) -> str:
    path = Path(path)
    if path.is_dir():
        raise JobFileError(f"{path} is a folder: give the path of a text file with the job description.")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise JobFileError(f"{path}: no such file (the job description).") from None
    except OSError as error:
        raise JobFileError(f"{path} cannot be read: {error.strerror or error}") from None
    return check_job_text(raw, str(path))


def check_job_text(raw: bytes | str, where: str = "job description") -> str:
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "replace")
    if len(raw) > MAX_JOB_BYTES:
        raise JobFileError(f"{where} is {len(raw) // 1024} KB; a job description should be under "
                           f"{MAX_JOB_BYTES // 1000} KB. Paste only the posting's text.")
    if b"\x00" in raw:
        raise JobFileError(f"{where} is not a text file (it contains binary data). Save the posting as plain text.")
    text = raw.decode("utf-8", errors="replace")
    if not text.strip():
        raise JobFileError(f"{where} is empty: paste the job posting's text into it.")
    return text
