"""Telling a text file from one that is not: the job description and the answer text are read from files a
person picks, and a PDF or a program given by mistake must be refused with its name, not scored as words."""

from __future__ import annotations

import codecs

#: Files people pick by mistake, which are not text: named, so the message can say what to do.
DOCUMENT_KINDS = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a Word document or another zip file",
    b"\xd0\xcf\x11\xe0": "an old Word document",
    b"{\\rtf": "an RTF document",
    b"\x89PNG": "an image",
    b"\xff\xd8\xff": "an image",
}


def binary_kind(raw: bytes) -> str | None:
    """What the bytes are when they are not plain text ("a PDF", "binary data", ...); None for text.

    UTF-16 text (with its byte-order mark) is text although it is full of NUL bytes; any other NUL byte means
    a program, an archive or a recording."""
    kind = next((name for magic, name in DOCUMENT_KINDS.items() if raw.startswith(magic)), None)
    if kind:
        return kind
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    return "binary data" if not utf16 and b"\x00" in raw else None
