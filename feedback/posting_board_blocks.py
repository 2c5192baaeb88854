"""Two blocks job boards add under a posting, set out one value per line, which the general reader would take
for requirements or headings:

- keyword tags under "Key Skills" or "Skills" ("SolidWorks", "GD&T", "DFMEA", "Sheet Metal Design"): the board's
  search keywords, each said properly in the requirements if the employer asks for it. They are joined into one
  "Skill tags: ..." line, which the reader sets aside.
- a candidate profile of bare keys and values on alternate lines ("Career Level" / "Mid Career",
  "Degree" / "Bachelor's degree"): each key is joined to its value ("Career Level: Mid Career"), so the reader
  reads each pair as one fact, as it does when the board prints them on one line.

Pure text in, text out; the reader calls it before anything else.
"""

from __future__ import annotations

import re

_TAGS_HEADING_RE = re.compile(
    r"^\s*(key |top |required |desired |relevant |recommended )?skills( and expertise| tags)?\s*:?\s*$", re.I
)
# a note the board prints under the heading ("skills marked with * are preferred")
_TAGS_NOTE_RE = re.compile(
    r"^(?=.*\bskills?\b).*\b(highlighted|marked|starred)\b|\bkey ?skills\b.{0,20}$", re.I
)
# the sections that ask for things: a tag list is only the board's when the posting has one of them first
_ASKS_RE = re.compile(
    r"^\s*(requirements|qualifications|what you('ll| will)? (need|bring|do)|responsibilities|duties|about you|"
    r"who you are|desired candidate|"
    r"the ideal candidate|you have|must[- ]haves?|essential|skills and experience|experience)\b",
    re.I,
)
_MIN_TAGS = 4
_TAG_WORDS = 4

_PROFILE_KEYS = frozenset(
    """
    career level|years of experience|residence location|nationality|gender|age|degree|monthly salary range|
    salary|employment type|company industry|company type|job role|number of vacancies|manages others
    """.replace("\n", "").split("|")
)
_PROFILE_KEYS = frozenset(k.strip() for k in _PROFILE_KEYS)


def _is_tag(line: str) -> bool:
    s = line.strip().rstrip("*").strip()
    return bool(s) and len(s.split()) <= _TAG_WORDS and not s.endswith((".", ":", ";", ","))


def _join_tags(lines: list[str]) -> list[str]:
    out: list[str] = []
    asked = False
    i = 0
    while i < len(lines):
        line = lines[i]
        asked = asked or bool(_ASKS_RE.match(line))
        if asked and _TAGS_HEADING_RE.match(line):
            comma_list = lines[i + 1].split(",") if i + 1 < len(lines) else []
            if len(comma_list) >= _MIN_TAGS and all(_is_tag(t) for t in comma_list):
                # the tags on one line, with commas: "AutoCAD, Site supervision, Load calculation, ..."
                out.append("Skill tags: " + ", ".join(t.strip() for t in comma_list))
                i += 2
                continue
            j = i + 1
            while j < len(lines) and _TAGS_NOTE_RE.search(lines[j]) and not _is_tag(lines[j]):
                j += 1
            k = j
            while k < len(lines) and _is_tag(lines[k]):
                k += 1
            if k - j >= _MIN_TAGS:
                tags = [ln.strip().rstrip("*").strip() for ln in lines[j:k]]
                out.append("Skill tags: " + ", ".join(tags))
                i = k
                continue
        out.append(line)
        i += 1
    return out


def _join_profile(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        key = lines[i].strip().lower()
        if key in _PROFILE_KEYS and i + 1 < len(lines) and lines[i + 1].strip():
            value = lines[i + 1].strip()
            if value.lower() not in _PROFILE_KEYS:
                # the degree is asked of the person; the other keys filter the board's search
                pair = f"{lines[i].strip()}: {value}"
                out.append(pair if key == "degree" else f"Candidate filter: {pair}")
                i += 2
                continue
        out.append(lines[i])
        i += 1
    return out


# the box a board shows above the posting, matching its keywords to the reader's own profile
_PROFILE_MATCH_RE = re.compile(r"^\s*here'?s how the \S+ \S+ (align|match)\w* with your", re.I)


def _join_profile_match(lines: list[str]) -> list[str]:
    """The box's keywords (a licence, a few skills) on one tag line; its questions ("Have you used Xero?") stay,
    for the reader to set aside as a questionnaire."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _PROFILE_MATCH_RE.match(lines[i]):
            out.append(lines[i])
            j = i + 1
            tags = []
            while j < len(lines) and lines[j].strip() and _is_tag(lines[j]):
                tags.append(lines[j].strip())
                j += 1
            if tags:
                out.append("Skill tags: " + ", ".join(tags))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


def join_board_blocks(text: str) -> str:
    """The posting with a board's tag list on one line and its bare key/value lines paired."""
    lines = text.split("\n")
    joined = _join_profile(_join_tags(_join_profile_match(lines)))
    return text if joined == lines else "\n".join(joined)
