"""A posting that arrives as one long line: some readers and phone apps copy a whole job page with every line
break turned into a space ("... Duties: Provide a visible presence on the floor Respond to alarms ...").
Before the reader sees it, the line is opened up again: a line break before each heading the page used, and
inside a list the items apart where a new capitalised item starts after a lower-case word.

Pure text in, text out; a posting that has its line breaks is returned unchanged.
"""

from __future__ import annotations

import re

# a page that lost its line breaks: few lines, one of them very long
_MIN_WORDS = 120

# headings as boards write them inline, with their colon (or, for page chrome, without one)
_HEADING_RE = re.compile(
    r"(?<=[\s.!?)])(?P<h>(?:Key |Main |Your |Essential |Job |Role )?(?:Duties|Responsibilities|Requirements|"
    r"Qualifications|Skills|Experience|Benefits|What we offer|What you(?:'ll| will) do|What you(?:'ll| will) need|"
    r"About you|About us|About the role|Nice to have|Desirable|Essential|Preferred|Job Types?|Pay|Salary|"
    r"Expected hours|Schedule|Work Location|Licen[cs]e/Certification|Education|Application question\(s\)|"
    r"How to apply)\s*:|Full job description|Job details)(?=\s)"
)
# list sections: their text is a run of items
_LIST_HEADING_RE = re.compile(
    r"(duties|responsibilities|requirements|qualifications|skills|what you('ll| will) (do|need)|about you|"
    r"nice to have|desirable|essential|preferred|benefits|what we offer)\s*:$",
    re.I,
)
# words after which a capitalised word goes on the same item ("experience with Salesforce", "in Leeds",
# "spoken English")
_JOINING_WORDS = frozenset(
    """
    a an the and or of in on at to for with by from into via using including such as like your our their its
    is are be within across per than
    spoken written fluent native conversational speak speaking business
    """.split()
)
# a new item: a capitalised word that opens a phrase ("Respond to", "Good written", "Minimum 2 years") after
# a word in lower case; a capitalised word after another ("SIA Door Supervisor") or before a number ("English 5")
# is a name inside the item
_ITEM_START_RE = re.compile(
    r"(?<=[a-z)])\s+(?=(?:[A-Z][a-z]+ (?:[a-z(]|[A-Z]{2,}\b)|(?:Minimum|Min|At least|Over|Up to) \d))"
)


def _items(text: str) -> list[str]:
    items: list[str] = []
    start = 0
    for m in _ITEM_START_RE.finditer(text):
        before = text[start : m.start()].split()
        if not before or not (before[-1].islower() or before[-1].endswith(")")):
            continue  # "SIA Door Supervisor": the capitals run on inside one name
        if before[-1].lower().strip("(),") in _JOINING_WORDS or len(before) < 2:
            continue  # too short to be an item of its own, or the name belongs to the phrase
        items.append(text[start : m.start()].strip())
        start = m.end()
    items.append(text[start:].strip())
    return [i for i in items if i]


def unflatten(text: str) -> str:
    """The posting with its headings and list items on lines of their own, if it came as one long line."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines or len(lines) > 3 or max(len(ln.split()) for ln in lines) < _MIN_WORDS:
        return text
    out: list[str] = []
    for line in lines:
        parts = _HEADING_RE.split(" " + line)
        # re.split with one named group: text, heading, text, heading, ...
        out.append(parts[0].strip())
        for k in range(1, len(parts) - 1, 2):
            heading, body = parts[k].strip(), parts[k + 1].strip()
            out.append("")
            out.append(heading)
            if _LIST_HEADING_RE.search(heading):
                out += [f"- {item}" for item in _items(body)]
            elif body:
                out.append(body)
    return "\n".join(out).strip() + "\n"
