"""Canada's Job Bank lays out every posting with the same fixed sub-headings, one per line and without any
mark of a heading ("Languages", then "English" on the next line). Read as they stand, the sub-headings look
like requirements and the values under them like loose lines. Recognised as a Job Bank page, each of them is
rewritten as a heading the general reader already knows what to do with.

Pure text in, text out; the reader calls it before anything else.
"""

from __future__ import annotations

import re

# the sub-heading as Job Bank writes it -> a heading whose words the section rules read right
_HEADINGS: dict[str, str] = {
    "languages": "Language requirements",
    "education": "Education",
    "experience": "Experience",
    "tasks": "Tasks",
    "responsibilities": "Responsibilities",
    "experience and specialization": "Skills and qualifications",
    "area of specialization": "Skills and qualifications",
    "computer and technology knowledge": "Skills and qualifications",
    "credentials": "Skills and qualifications",
    "certificates, licences, memberships, and courses": "Skills and qualifications",
    "personal suitability": "Skills and qualifications",
    "cuisine specialties": "Skills and qualifications",
    "equipment and machinery experience": "Skills and qualifications",
    "additional skills": "Skills and qualifications",
    "area of work experience": "Skills and qualifications",
    "type of experience": "Skills and qualifications",
    # the conditions of the work, not what the person must show
    "on site": "Work location",
    "on the road": "Work location",
    "hybrid": "Work location",
    "remote work available": "Work location",
    "work site environment": "Work location",
    "work setting": "Work location",
    "work conditions and physical capabilities": "Physical requirements",
    "security and safety": "Pre-employment requirements",
    "transportation/travel information": "Travel requirements",
    "who can apply": "Application process",
    "how to apply": "Application process",
    "advertised until": "Application process",
    "employment groups": "Equal opportunity employment",
    "supervision": "Job details",
    "additional information": "Job details",
    "benefits": "Benefits",
    "health benefits": "Benefits",
    "financial benefits": "Benefits",
    "other benefits": "Benefits",
    "long term benefits": "Benefits",
}

# sub-headings no other board uses: two of them (or the board's name) mark the page as Job Bank's
_DISTINCTIVE = frozenset(
    {
        "personal suitability",
        "computer and technology knowledge",
        "work conditions and physical capabilities",
        "area of specialization",
        "who can apply",
        "experience and specialization",
        "certificates, licences, memberships, and courses",
        "work site environment",
        "transportation/travel information",
    }
)


def _key(line: str) -> str:
    key = " ".join(line.strip().lower().split())
    return key.removesuffix(" to this job?")  # "Who can apply ...?": the board's question, as a heading


def is_job_bank(text: str) -> bool:
    keys = {_key(line) for line in text.splitlines()}
    return (
        bool(re.search(r"\bjob ?bank\b", text, re.I))
        and len(keys & _DISTINCTIVE) >= 1
        or len(keys & _DISTINCTIVE) >= 2
    )


def mark_job_bank_headings(text: str) -> str:
    """The posting with Job Bank's bare sub-headings written as headings; any other posting unchanged."""
    if not is_job_bank(text):
        return text
    out = []
    in_body = False
    for line in text.splitlines():
        heading = _HEADINGS.get(_key(line))
        if heading:
            in_body = True
            out.append(f"{heading}:")
        elif in_body and line.strip():
            # a value under a sub-heading is an item of it, even when it reads like a heading of its own
            # ("Food Handler Certificate" under "Credentials")
            out.append(f"- {line.strip()}")
        else:
            out.append(line)
    return "\n".join(out)
