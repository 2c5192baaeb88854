"""Find a posting's job title and hiring company.

Where the employer's name appears depends on the site a posting was copied from: joined to the role on the
first line (with a dash, "at" or a bar between them), by itself one line lower, after a "Company:" label, or
only in the body ("About Acme", "At Acme, we ...", "Acme is a ..."). Candidates from
all of these are weighed by how strong their position is and how often the name comes back in the text:
a real employer's name is repeated, a location or a slogan rarely is.
"""

from __future__ import annotations

import re

from .posting_sections import heading_kind, line_set_aside

_FIELD_RE = re.compile(
    r"^\s*(job title|title|position|role|vacancy|company|company name|employer|organi[sz]ation|"
    r"hiring organi[sz]ation|hiring company|trust|school|client|studio|firm|practice|agency|business|brand|"
    r"institution|hospital|university|restaurant|hotel)\s*[:\-–]\s*(.+)$",
    re.I,
)
_TITLE_SPLIT_RE = re.compile(r"\s+[-–—|]\s+|\s+(?:at|@)\s+|\s*·\s*|\s+\|\s*")
_HIRING_LINE_RE = re.compile(
    r"^([A-Z][\w&.'’ \-]{1,50}?)\s+(?:is|are)\s+(?:now\s+)?(?:hiring|recruiting|looking for|seeking)"
    r"(?:\s+an?)?\s*:?\s+(.{3,80})$"
)
# the line under the title that gives the place and terms, not the employer: "Leeds, West Yorkshire | £30k",
# "Austin, TX · Hybrid · Permanent"
_LOCATION_LINE_RE = re.compile(
    r"^[A-Z][\w .'-]+,\s*(?!(inc|llc|ltd|limited|co|corp|gmbh|plc|llp)\b)[A-Z][\w .'-]+\s*([|·•\-–]|$)|[|·]\s*(hybrid|remote|on-?site|permanent|full[- ]time|"
    r"part[- ]time|contract|temporary)\b|[£$€₹]\s?\d",
    re.I,
)
_LEGAL_NAME_RE = re.compile(
    r"\b[A-Z][\w&'’.\-]*(?:[ \t]+(?:[A-Z][\w&'’.\-]*|&|and|of|für|de)){0,4},?[ \t]+"
    r"(?:GmbH|AG|Inc\.?|LLC|Ltd\.?|Limited|PLC|LLP|Pte\.? Ltd\.?|Pty\.? Ltd\.?|\(Pty\) Ltd|Pvt\.? Ltd\.?|S\.A\.|B\.V\.|N\.V\.|Corp\.?|"
    # Nordic, Italian, French, Japanese and Malaysian forms
    r"AS|ASA|AB|Oy|Oyj|ApS|A/S|S\.p\.A\.|SpA|S\.r\.l\.|Srl|SARL|SAS|SA|K\.K\.|KK|Sdn\.? Bhd\.?|L\.L\.C\.?|"
    r"[Pp]\.[Ll]\.[Cc]\.?|plc|BV|NV|S\.A|"
    # the UK health service's bodies are named by their statutory form
    r"NHS (?:Foundation )?Trust|University Health Board|Health Board)(?!\w)"
)
# "based in Leeds", "our office in Dubai Creek": a name after these is a place, not the employer
_PLACE_RE = re.compile(
    r"\b(?:based in|located in|offices? in|office in|near|in the heart of|relocate to|work from)\s+"
    r"([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})"
)
_AT_RE = re.compile(r"\s(?:at|@)\s")
_TOP_PLACE_RE = re.compile(
    r"^([A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2}),\s*[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,3}$|"
    r"^([A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2})\s*[·|•]\s*(?:[Ff]ull|[Pp]art|[Rr]emote|[Hh]ybrid|[Oo]n-?site|[Pp]ermanent|[Cc]ontract|[Tt]emporary)"
)
_NAME = r"([A-Z][\w&.'’\-]*(?:[ \t]+(?:[A-Z][\w&.'’\-]*|&|of|and|de|for|the)){0,5})"
_BODY_RES = (
    (re.compile(r"^\s*(?:About|Why|Working at|Life at|Why join)\s+" + _NAME + r"\s*[:?!]?\s*$"), 3),
    (re.compile(r"\b(?:At|Join|join|at)\s+" + _NAME + r"(?=,|\s+(?:we|is|are|you|our)\b)"), 2),
    (re.compile(r"\b(?:Join|join)\s+" + _NAME + r"(?=\s+as\b)"), 2),
    # "Fernwell Pumps, a Halden Group company, builds ...": the employer, then what it is
    (re.compile(r"^\s*" + _NAME + r",\s+(?:a|an|one of|part of)\s"), 2),
    # "Set beside the river, Larchfield Academy is a ...": the subject after an opening phrase
    (re.compile(r",\s+" + _NAME + r"\s+(?:is|are)\s+(?:a|an|the|one)\b"), 1.5),
    # "Hi! We're Fernhollow, the app that ...": the employer introducing itself
    (re.compile(r"\b(?:We're|We are|We’re)\s+" + _NAME + r"(?=,\s+(?:the|a|an)\b)"), 2),
    # a sign-off: "The Northgate Climbing team", "— the Brightwater crew"
    (re.compile(r"^\W*(?:[Tt]he\s+)" + _NAME + r"\s+(?:[Tt]eam|[Cc]rew|[Ff]amily)\s*[.!]?\s*$"), 3.5),
    (
        re.compile(r"^\s*" + _NAME + r"\s+(?:is|are)\s+(?:a|an|the|one|hiring|looking|seeking|recruiting)\b"),
        2,
    ),
    (
        re.compile(
            r"^\s*"
            + _NAME
            + r"\s+(?:builds|makes|helps|provides|runs|operates|serves|has been|was founded|plans|designs|"
            r"delivers|develops|creates|manages|supports|offers|specialises|specializes|cares for)\b"
        ),
        2,
    ),
)
_LOCATION_RE = re.compile(
    r"\b(remote|hybrid|on-?site|in[- ]office|united states|usa|uk|united kingdom|india|canada|australia|"
    r"germany|ireland|singapore|south africa|new zealand|england|scotland|wales|full[- ]time|part[- ]time|"
    r"days|evenings|weekends?|nights|shifts?|home weekly|"
    r"contract|permanent|\d+ (days?|weeks?|hours?) ago|applicants|reposted|posted)\b|,\s*[A-Z]{2}\b|"
    r"\b\d{5}\b",
    re.I,
)
_NOT_NAMES = frozenset(
    """
    about the job role position team company us you we our this your a an who what why how remote hybrid
    full part location salary job description overview summary apply new senior junior lead responsibilities
    requirements qualifications benefits show see more less easy our in at for with and urgent opening
    openings hiring now immediate immediately vacancy vacancies job jobs wanted needed required confidential
    """.split()
)


# countries a second line names after a city ("Dubai - United Arab Emirates"), in English
COUNTRIES = frozenset(
    """
    afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belgium bolivia
    botswana brazil bulgaria cambodia cameroon canada chile china colombia croatia cyprus czechia denmark ecuador
    egypt estonia ethiopia fiji finland france georgia germany ghana greece hungary iceland india indonesia iran
    iraq ireland israel italy jamaica japan jordan kazakhstan kenya kuwait latvia lebanon lithuania luxembourg
    malaysia malta mauritius mexico moldova mongolia morocco mozambique namibia nepal netherlands nigeria norway
    oman pakistan panama paraguay peru philippines poland portugal qatar romania rwanda serbia singapore slovakia
    slovenia spain switzerland sweden taiwan tanzania thailand tunisia turkey uganda ukraine uruguay uzbekistan
    vietnam zambia zimbabwe
    """.split()
) | {
    "united arab emirates",
    "uae",
    "united kingdom",
    "uk",
    "united states",
    "usa",
    "us",
    "new zealand",
    "south africa",
    "south korea",
    "saudi arabia",
    "sri lanka",
    "hong kong",
    "czech republic",
    "costa rica",
    "dominican republic",
    "el salvador",
    "puerto rico",
    "trinidad and tobago",
    "northern ireland",
    "scotland",
    "england",
    "wales",
}
# a recruiter's own name, when the posting is for an unnamed client
_AGENCY_RE = re.compile(
    r"^via\b|\b(staffing|recruit\w*|talent|search|personnel|headhunt\w*|agency|resourcing|placements?)\b",
    re.I,
)


_COMMON_FIRST = frozenset(
    "north south east west new great united national royal general city first central global american british".split()
)


# the head nouns of job titles: a candidate containing one is the role, not the employer
TITLE_WORDS_RE = re.compile(
    r"\b(engineer|manager|nurse|chef|cook|analyst|developer|designer|technician|assistant|officer|specialist|"
    r"coordinator|lead|director|representative|associate|teacher|banker|planner|recruiter|researcher|"
    r"hygienist|worker|consultant|administrator|clerk|driver|operator|electrician|plumber|adjuster|"
    r"accountant|advisor|adviser|agent|architect|attendant|supervisor|therapist|pharmacist|paralegal|"
    r"scientist|writer|editor|executive|intern|apprentice|receptionist|cashier|counsel|counsell?ors?|lawyer|"
    r"physiotherapist|dispatcher|mechanic|programmer|tester|head of|vp|president|partner|fellow|"
    r"lecturer|tutor|coach|carer|caregiver|aide|porter|cleaner|guard|instructor|estimator|surveyor|coder|"
    r"mason|dealer|croupier|groom|rider|ranger|keeper|glazier|locksmith|roofer|foreman|forewoman|photographer|"
    r"butcher|baker|barista|bartender|waiter|server|cashier|machinist|welder|fitter|labourer|laborer|"
    r"[a-z]+ologist|[a-z]{3,}ist|[a-z]+ician)\b",
    re.I,
)
_LEGAL_SUFFIX_RE = re.compile(
    r"^(inc|l\.?l\.?c|ltd|limited|co|corp|gmbh|p\.?l\.?c|llp|pvt|pty|s\.?a|ag|bv|nv)\b\.?", re.I
)


def _place_with_code_or_date(name: str) -> bool:
    """ "Calgary, AB" or "Dubai, August 2027": a place with its province or a start date, not an employer
    with its place ("Acme, LLC" keeps its legal form)."""
    head, sep, rest = name.partition(",")
    rest = rest.strip()
    if not sep or not head.strip() or _LEGAL_SUFFIX_RE.match(rest):
        return False
    return bool(re.fullmatch(r"[A-Z]{2,3}", rest) or _NOT_A_NAME_RE.match(rest))


def trim_location(name: str) -> str:
    """ "Acme Tools, Dayton, Ohio" -> "Acme Tools"; a legal suffix after the comma stays."""
    head, sep, rest = name.partition(",")
    if not sep or _LEGAL_SUFFIX_RE.match(rest.strip()):
        return name
    return head.strip()


# a code or a postcode ("DP2", "Leeds LS11"): a qualifier of the role or a place, never the employer's name
_CODE_TOKEN_RE = re.compile(r"(?<!\S)[A-Z]{1,3}\d{1,3}[A-Z]?(?!\S)")
# a post on a social feed: the poster's name and headline sit above a line like "1w • Edited •"
_POST_STAMP_RE = re.compile(r"^\s*\d{1,2}\s?(h|d|w|mo|m|y|yr)\s*[•·]", re.I)
# a mailbox's domain that names no employer
_MAIL_HOSTS = frozenset(
    "gmail googlemail yahoo outlook hotmail live icloud me aol proton protonmail mail email".split()
)
_FOR_A_CLIENT_RE = re.compile(
    r"\b(our client|(one of )?my clients?|on behalf of (a|an|our|my) client|(the )?client'?s? name|been retained by|retained search|confidential (client|employer))\b",
    re.I,
)
_OWNER_BEFORE_RE = re.compile(
    r"\b(d/b/a of|doing business as|subsidiary of|division of|part of|member of|owned by|operated by|"
    r"franchisee?|parent company|a company of)\s*$",
    re.I,
)
# "on behalf of our client, Amberline Foods": an agency naming the employer it recruits for
_NAMED_CLIENT_RE = re.compile(
    r"\b(?:our client|[Mm]y client|on behalf of|recruiting for|"
    r"(?:I'm|I am|we're|we are) (?:currently )?(?:working|partnering|partnered) (?:exclusively )?with),?\s+"
    + _NAME
    + r"(?=[,.;]|\s+(?:for|to|in|at|who|is|on)\b)"
)
_EMAIL_RE = re.compile(r"[\w.+-]+@([a-z0-9-]+)\.[a-z.]{2,}", re.I)


# "Class Teacher – August 2027", "Band: 6": a start date or a grade where a name could stand
_NOT_A_NAME_RE = re.compile(
    r"^((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? (\d{1,2},? )?\d{4}|\d{4}|"
    r"immediate start|asap|[\w ]{1,20}:\s*[\d.]+|"
    # a shift or terms after the role ("Shift Lead - Overnight"), and the job boards a page was copied from
    r"overnight|nights?|days|weekends?|evenings?|part[- ]time|full[- ]time|remote|hybrid|on-?site|temporary|"
    r"permanent|contract|locum|fixed[- ]term|.{0,40}\b(mnc|client|multinational)|.{0,30}\b(account|process|campaign)|"
    r"marketing|sales|finance|engineering|operations|support|customer service|careers?( (sign in|home))?|sign in|"
    r"log in|search jobs|employment opportunities|job opportunities|(join our )?talent community|options|confidential|"
    r"(hi|hello|hey|dear|good (morning|afternoon))( [\w ]{1,30})?|featured|promoted|sponsored|urgent(ly hiring)?|new|hot job|actively hiring|(workday|linkedin|indeed|glassdoor|naukri|greenhouse|lever|icims|"
    r"taleo|seek|ziprecruiter|monster|reed|totaljobs|successfactors|bayt|jobstreet|mycareersfuture|"
    r"civil service jobs|nhs jobs|job bank|usajobs|eluta|stepstone)(,? (inc|ltd|limited|llc|corp)\.?)?)$",
    re.I,
)


_INSTITUTION_RE = re.compile(
    r"\b(school|academy|college|university|hospital|trust|society|council|church|institute|foundation|clinic|"
    r"practice|surgery|district|bank|building society|group|partnership|agency|authority)$",
    re.I,
)


def _named_institution(name: str) -> bool:
    """ "Harrowgate Building Society", "St Anne's Primary School": an institution with a name of its own (a
    bare "High School" is a kind of place, not an employer)."""
    return bool(_INSTITUTION_RE.search(name)) and len(name.split()) >= 3


# the last word of a firm's name
_COMPANY_NOUN_RE = re.compile(
    r"(Staffing|Solutions|Services|Group|Partners|Consulting|Consultants|Systems|Technologies|Labs|Studio|Studios|"
    r"Agency|Holdings|Industries|Enterprises|Associates|Recruitment|Logistics|Foods|Pharmaceuticals|Healthcare)",
)


# "Customer Services", "IT Solutions": a department or a kind of work, not a firm
_DEPARTMENT_WORDS = frozenset(
    "customer client business shared professional technical financial support field student guest patient member "
    "it hr human corporate legal digital managed medical clinical social".split()
)


def _plausible_name(name: str) -> bool:
    name = name.strip(" .,:;-–—|*#")
    if not name or not name[0].isupper() or len(name.split()) > 7 or len(name) > 60:
        return False
    if ":" in name or " / " in name:
        return (
            False  # "Sent: Tuesday" (a mail header), "Dublin / Operations" (a careers page's place and team)
        )
    if _NOT_A_NAME_RE.match(name):
        return False
    if _CODE_TOKEN_RE.search(name):
        return False
    if TITLE_WORDS_RE.search(name) and not _LEGAL_SUFFIX_RE.search(name.split()[-1]):
        return False
    words = name.split()
    if (
        len(words) >= 2
        and _LEGAL_SUFFIX_RE.match(words[-1])
        and not _LOCATION_RE.search(" ".join(words[:-1]))
        and not re.search(r",\s*[A-Z]{2}$", name)  # "Reno, NV" is a place, not an N.V.
        and not re.match(r"(a|an) (division|subsidiary|member|part|unit) of\b|part of\b", name, re.I)
    ):
        return True  # "Sandfield Marine Technical Services LLC": registered, whatever words it is made of
    first = (words[1] if words[0] == "The" and len(words) > 1 else words[0]).lower().strip(".,")
    if (
        len(words) >= 2
        and _COMPANY_NOUN_RE.fullmatch(words[-1])
        and first not in _NOT_NAMES | _DEPARTMENT_WORDS
    ):
        return not _NOT_A_NAME_RE.match(name)  # "Atlas Technical Staffing": a firm, whatever its middle word
    kind = heading_kind(name)
    # "Requirements", "About us" are headings; "Bayside Contact Solutions" only shares a heading's word
    if first in _NOT_NAMES or kind in ("must", "nice", "duty", "role") or (kind and len(name.split()) <= 2):
        return False
    # a name may hold a word a benefits line would ("IronBark Gym", "Valley Wellness Society"), and an
    # institution may be named after a place ("Church of England Primary School")
    institution = _named_institution(name)
    # "Ridgeback Fixings Australia": a country after a name of two words or more is the company's own
    named = " ".join(words[:-1]) if len(words) >= 3 and words[-1].lower() in COUNTRIES else name
    return (institution or not _LOCATION_RE.search(named)) and line_set_aside(name) in (None, "benefits")


def _role_like(line: str) -> bool:
    """A header line that names the role: a job title's head noun, or a short line in capitals ("HEAD
    GARDENER") that is no heading."""
    letters = [c for c in line if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters) and len(line.split()) <= 5
    return bool(TITLE_WORDS_RE.search(line)) or (caps and heading_kind(line) is None)


_MESSAGE_SENDER_RE = re.compile(r"^.{2,60}\s[·•]\s(1st|2nd|3rd)\b")
_MESSAGE_DATE_RE = re.compile(
    r"^((mon|tue|wed|thu|fri|sat|sun)\w*,? )?((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{1,2}|\d{1,2} "
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)(,? \d{4})?(,? \d{1,2}:\d{2}\s*(am|pm)?)?$",
    re.I,
)


_SMALL_PRINT_RE = re.compile(
    r"©|\(c\) \d{4}|registered (in|office|number|charity|company)|company (no|number|reg)|all rights reserved|"
    r"equal (employment )?opportunit|discriminat|protected characteristic|authori[sz]ed and regulated|"
    r"data (protection|controller)|privacy (notice|policy)",
    re.I,
)


_HOSPITAL_RE = re.compile(r"\b(medical cent(er|re)|hospital|clinic)$", re.I)
_HEALTH_SYSTEM_RE = re.compile(
    r"\b(health|health system|healthcare|health care|health board|health services)$", re.I
)


def _poster_removed(lines: list[str], text: str) -> tuple[list[str], str, str | None]:
    """A job shared as a social post: the poster's name and headline above the post's time stamp are not the
    posting's title or employer; a page's name alone above it is the employer (returned third)."""
    raw = text.splitlines()
    at = next((i for i, r in enumerate(raw[:8]) if _POST_STAMP_RE.match(r)), None)
    if at is None and raw and _MESSAGE_SENDER_RE.match(raw[0]):
        # a recruiter's message: the sender's name with the connection degree, a headline, then the date
        at = next((i for i, r in enumerate(raw[:5]) if _MESSAGE_DATE_RE.match(r.strip())), None)
        if at is not None:
            poster = tuple(r.strip() for r in raw[:at] if r.strip())
            rest = [
                ln
                for ln in lines
                if not ln.strip().startswith(poster) and not _MESSAGE_DATE_RE.match(ln.strip())
            ]
            return rest, "\n".join(raw[at + 1 :]), None
    if at is None:
        return lines, text, None
    poster = tuple(r.strip() for r in raw[:at] if r.strip())
    rest = [ln for ln in lines if not ln.strip().startswith(poster) and not _POST_STAMP_RE.match(ln)]
    # a page's post ("Furlong Stables" / "3h"): the page is the employer
    return rest, "\n".join(raw[at + 1 :]), poster[0] if len(poster) == 1 else None


def _spelled_name(label: str, text: str) -> tuple[str, bool] | None:
    """ "tussockandpineaccountants" -> "Tussock & Pine Accountants": the domain split into English words
    (wordninja's word frequencies), pieces rejoined where together they spell a word of the posting ("al",
    "bar", "sha" -> "Al Barsha" when the posting says Al Barsha); None when pieces stay that are no words.
    The flag says whether the posting's own words were needed, which makes the spelling more certain."""
    import wordninja  # its word list loads on import (a tenth of a second): only for a posting that needs it

    words = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", _EMAIL_RE.sub(" ", text))}
    pieces = wordninja.split(label)
    out: list[str] = []
    rejoined = False
    i = 0
    while i < len(pieces):
        j = next((j for j in range(len(pieces), i + 1, -1) if "".join(pieces[i:j]) in words), i + 1)
        rejoined |= j > i + 1
        out.append("".join(pieces[i:j]))
        i = j
    while len(out) > 1 and len(out[-1]) <= 2:
        out.pop()  # a state or country code at the end ("...plumbingaz")
    if len(out) < 2 or any(len(p) == 1 or (len(p) == 2 and p not in words) for p in out):
        return None
    return " ".join("&" if p == "and" else p.title() for p in out), rejoined


def _mail_domain_name(text: str) -> str | None:
    """The employer named only by its e-mail domain ("hr@lindqvistbakery.se"): the domain cut where its end
    is a word the posting uses ("bakery"), each part capitalised, unless the posting's own words spell it
    better; else the domain spelled in English words."""
    for m in _EMAIL_RE.finditer(text):
        label = m.group(1).lower()
        if label in _MAIL_HOSTS or len(label) < 5:
            continue
        spelled = _spelled_name(label, text)
        if spelled and spelled[1]:
            return spelled[0]
        words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}
        for cut in range(3, len(label) - 3):
            head, tail = label[:cut].strip("-"), label[cut:].strip("-")
            if tail in words or tail.rstrip("s") in words:
                return f"{head.title()} {tail.title()}"
        if spelled:
            return spelled[0]
    return None


_MAIL_HEADER_RE = re.compile(r"^\s*((from|sent|to|cc|bcc|date)\s*:|-+\s*(forwarded|original) message)", re.I)
_SUBJECT_RE = re.compile(r"^\s*subject\s*:\s*(?:(?:re|fwd?|fw)\s*:\s*)*", re.I)


def _mail_headers_removed(lines: list[str]) -> list[str]:
    """A forwarded e-mail: its subject is the title line, its sender and date lines name no employer."""
    subject = next((k for k, ln in enumerate(lines[:8]) if _SUBJECT_RE.match(ln)), None)
    if subject is None:
        return lines
    rest = [ln for k, ln in enumerate(lines) if k != subject and not (k < 8 and _MAIL_HEADER_RE.match(ln))]
    # a recruiter's subject line: "Role - Place - Pay"; the place and pay are not the employer
    role = re.split(r"\s+[-–—|]\s+", _SUBJECT_RE.sub("", lines[subject]))[0]
    return [role] + rest


_SITE_CHROME_RE = re.compile(
    r"(careers?|jobs|current (vacancies|openings|jobs)|vacancies|open (positions|roles)|job openings|join us|"
    r"employment opportunities|job opportunities|"
    r"work (with|for) us|view all jobs|search jobs|all jobs|back to jobs|home)",
    re.I,
)


def _header(lines: list[str]) -> list[str]:
    """The short lines at the top of the posting, before the body starts."""
    head: list[str] = []
    for k, ln in enumerate(lines[:6]):
        s = ln.strip(" *#")
        if k == 0 and re.fullmatch(
            r"(job description|job posting|vacancy|position description|job advert)", s, re.I
        ):
            continue  # a document's label above the real header
        if _SITE_CHROME_RE.fullmatch(s):
            continue  # a careers site's menu between the employer's name and the role
        words = [w for w in s.split() if w not in ("·", "|", "•", "-", "–", "—")]  # a board's separators
        if len(words) > 14 or (s.endswith(".") and not _LEGAL_SUFFIX_RE.match(s.split()[-1])):
            break
        if heading_kind(s) is not None and not TITLE_WORDS_RE.search(s):
            break
        head.append(s)
    return head


def _raw_line_after(text: str, first: str) -> str | None:
    """The non-empty line of the pasted text right after the one that reads `first`."""
    raw = [ln.strip(" *#") for ln in text.splitlines() if ln.strip(" *#")]
    at = next((k for k, ln in enumerate(raw[:8]) if ln == first), None)
    return raw[at + 1] if at is not None and at + 1 < len(raw) else None


def _second_line_candidates(line: str) -> list[tuple[str, float]]:
    """The line under the title: the employer alone ("Northwind Logistics"), or the employer first and then the
    place and terms, as job boards lay it out ("Acme Foods · Leeds, UK (On-site) · 2 weeks ago"). A line that
    is only the place and terms names no employer."""
    parts = [p.strip() for p in re.split(r"\s+[·|•]\s+|\s+[-–—]\s+", line) if p.strip()]
    if not parts:
        return []
    first = parts[0].split("(")[0].split(",")[0].strip()
    if len(parts) == 1:
        # "Leeds (remote, one day a week on site)": a place and the terms of work
        terms = re.search(r"\((?:[^)]*\b)?(hybrid|remote|on-?site|in[- ]office|office)\b", line, re.I)
        return [] if _LOCATION_LINE_RE.search(line) or terms else [(first, 3.0)]
    if parts[1].lower().strip(" .") in COUNTRIES:
        return []  # "Dubai - United Arab Emirates": a city and its country
    if _LOCATION_LINE_RE.search(parts[0]) or _LOCATION_RE.search(parts[0]):
        return []
    # the rest of the line being the place and terms is what shows the first part is the employer
    rest = " · ".join(parts[1:])
    return [(first, 4.0 if _LOCATION_RE.search(rest) or _LOCATION_LINE_RE.search(rest) else 3.0)]


def find_title_company(lines: list[str], text: str) -> tuple[str | None, str | None]:
    """(title, company) from the posting's logical lines and its full text; either may be None."""
    title: str | None = None
    m: re.Match[str] | None  # reused for loop matches and single searches (for the type checker)
    cands: list[tuple[str, float]] = []
    lines = [re.sub(r"[*_`]+", "", ln) for ln in lines]  # markdown emphasis is not part of a name
    text = re.sub(r"[*_`]+", "", text)
    lines, text, page = _poster_removed(lines, text)
    lines = _mail_headers_removed(lines)
    if page:
        cands.append((page, 4.0))
    # a registered name ("Acme Widgets Pty Ltd", "Nordlicht GmbH") is the employer wherever it appears
    for m in _LEGAL_NAME_RE.finditer(text):
        # the name starts after a sentence's end or a lead-in ("... Shelf. At Nordvik Offshore AS")
        name = re.split(r"(?<=[a-z]{3})\.\s+", m.group(0))[-1]
        # "(a d/b/a of X Holdings LLC)", "operated by X Partners, LLC, a franchisee": the owner behind the
        # name people apply to
        behind = _OWNER_BEFORE_RE.search(text[max(0, m.start() - 40) : m.start()])
        # a registered name said only in the legal small print ("X Services Limited, an equal opportunity
        # employer", "© X Ltd"): the name the posting goes by is the brand, above it
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        small_print = bool(
            _SMALL_PRINT_RE.search(text[line_start : line_end if line_end >= 0 else len(text)])
        )
        weight = 1.0 if behind else 2.0 if small_print else 3.5
        cands.append((re.sub(r"^(?:(?:At|Join|About|With|For|By)\s+)+", "", name), weight))
    for ln in lines[:40]:
        m = _FIELD_RE.match(ln.strip(" *#"))
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2).strip(" *")
        if key in ("job title", "title", "position", "role", "vacancy"):
            title = title or value
        else:
            cands.append((value, 6.0))
    head = _header(lines)
    if head and title is not None and title.lower() not in head[0].lower():
        # the title came from a field: the top line is then usually the employer
        cands.append((head[0], 3.0))
    hiring = _HIRING_LINE_RE.match(head[0]) if head else None
    if hiring:
        # "Acme is hiring: Store Manager"
        cands.append((hiring.group(1), 5.0))
        title = title or hiring.group(2).strip(" .")
        head = head[1:]
    elif head and not TITLE_WORDS_RE.search(head[0]) and len(head) > 1 and TITLE_WORDS_RE.search(head[1]):
        # "JUNIPER & ASH" above "Sous Chef / Kitchen Manager": the employer first, then the role
        cands.append((head[0], 4.0))
        head = head[1:]
    elif head and not TITLE_WORDS_RE.search(head[0]) and _named_institution(head[0]) and "," not in head[0]:
        # "Pecos Valley Independent School District" alone at the top of its own jobs site
        cands.append((head[0], 4.0))
        head = head[1:]
    elif len(head) > 2 and not any(TITLE_WORDS_RE.search(h) for h in head[:2]) and _role_like(head[2]):
        # the organisation, its department, then the role
        cands += [(head[0], 4.0), (head[1], 2.5)]
        head = head[2:]
    if head:
        parts = [p.strip() for p in _TITLE_SPLIT_RE.split(head[0]) if p.strip()]
        if len(parts) == 1 and ":" in head[0]:
            parts = [p.strip() for p in head[0].split(":", 1) if p.strip()]  # "Acme Dental: Hygienist"
        # the part that names a role is the title ("Acme Robotics - Technical Recruiter"), the rest the employer
        at = next((k for k, p in enumerate(parts) if TITLE_WORDS_RE.search(p)), 0)
        if title is None and parts:
            title = parts[at]
        # "We're hiring – Certified Coders": the line names the role, and no employer
        announces = bool(re.search(r"\b(we('re| are)|now) hiring\b", head[0], re.I))
        for k, p in enumerate(parts[:3]):
            if k == at or announces or re.match(r"^[A-Z][\w .'-]+,\s*[A-Z]{2,3}\b", p):
                continue  # "Calgary, AB": the place in "Role | Agency | Calgary, AB | Hybrid"
            # "Role at Company" names the employer; "Role – Grid Connection" is more often a qualifier, but a
            # name before the role ("Acme - Recruiter") is the employer
            weight = (
                4.0
                if _AT_RE.search(head[0]) or k < at or _named_institution(p.split("(")[0].strip())
                else 3.0
                if "|" in head[0]  # "Role | Company", as boards and careers pages write it
                else 2.0 - 0.5 * (k - at - 1)
            )
            cands.append((p.split("(")[0].strip(), weight))
        if len(head) > 1:
            cands += _second_line_candidates(head[1])
        raw_second = _raw_line_after(text, head[0])
        if raw_second and (len(head) < 2 or raw_second != head[1]):
            # a board's line "Employer · Place · 3 days ago · 12 applicants" is dropped from the logical lines
            # as page furniture; its first part still names the employer
            cands += _second_line_candidates(raw_second)
    for ln in lines[:12]:
        # a board's image text ("Qamar Freight logo") and Job Bank's "Posted on <date> by <employer>"
        m = re.match(r"^\s*(.{2,60}?)\s+logo\s*$|^\s*posted on .{4,30}? by (.{2,80}?)\s*$", ln, re.I)
        if m:
            cands.append(((m.group(1) or m.group(2)).strip(), 6.0))
    named_client = next((m.group(1) for m in _NAMED_CLIENT_RE.finditer(text)), None)
    if named_client:
        cands.append((named_client, 6.0))
    for ln in lines:
        for rx, weight in _BODY_RES:
            for m in rx.finditer(ln.strip(" *#")):
                cands.append((m.group(1).strip(), float(weight)))
    if title is None:
        m = re.search(
            r"\b(?:hiring|looking for|seeking)\s+(?:an?\s+)?([A-Z][\w/&+\-]*(?:[ \t]+[A-Z][\w/&+\-]*)*)", text
        )
        if m:
            title = m.group(1).strip()
    scores: dict[str, float] = {}
    best: dict[str, float] = {}
    found: dict[str, int] = {}
    places = {m.group(1) for m in _PLACE_RE.finditer(text)}
    # "Dubai, United Arab Emirates", "Berlin · Full-time" near the top: the first part is the place of work, so
    # the same word after the role's dash ("Logistics Coordinator - Dubai") is no employer
    for ln in lines[1:12]:
        m = _TOP_PLACE_RE.match(ln.strip())
        place = (m.group(1) or m.group(2)) if m else None
        if (
            place
            and len(place.split()) <= 2
            and not _INSTITUTION_RE.search(place)
            and re.search(r"[-–—|·,(]\s*" + re.escape(place) + r"\b", lines[0])
        ):
            places.add(place)
    for_a_client = bool(_FOR_A_CLIENT_RE.search(text))
    # "Confidential" where the employer's name would stand: whatever else is named is not the employer
    withheld = any(
        ln.strip().lower() in ("confidential", "confidential company", "confidential employer")
        for ln in lines[:4]
    )
    # "based in Hamilton East": "Hamilton" alone (a "Role – Hamilton" title line) is the place too
    places |= {" ".join(p.split()[:k]) for p in places for k in range(1, len(p.split()))}
    for name, weight in cands:
        # "Harrowmere Hotels | Careers": a careers site's own title
        name = re.sub(
            r"\s*[|·–-]\s*(careers?|jobs|job openings|work with us|join us)\s*$", "", name, flags=re.I
        )
        name = name.strip(" .,:;-–—|*#")
        if _place_with_code_or_date(name):
            continue
        name = trim_location(name)
        if name.isupper() and len(name) > 4:
            # "JUNIPER & ASH" at the top: the body writes the name in its own case
            m = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text.replace(name, ""), re.I)
            name = m.group(0) if m else name.title()
        # a brand written in lower case ("formwerk") is a name when the posting keeps writing it so
        lower_brand = (
            name.islower() and len(name.split()) <= 4 and len(re.findall(re.escape(name), text)) >= 2
        )
        if lower_brand:
            name = name[0].upper() + name[1:]  # checked as a name, given back as written below
        if not _plausible_name(name) or name in places or (for_a_client and _AGENCY_RE.search(name)):
            continue
        if lower_brand:
            name = name[0].lower() + name[1:]
        repeats = len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text))
        first = name.split()[0]
        if len(name.split()) > 1 and len(first) >= 4 and first.lower() not in _COMMON_FIRST:
            # "Willowmere Homecare Ltd" is mostly written "Willowmere" in the body
            repeats = max(
                repeats, int(0.8 * len(re.findall(r"(?<!\w)" + re.escape(first) + r"(?!\w)", text)))
            )
        # "teaching in Hakuba", "sites around Tirau": a name mostly said after these is a place
        after_in = len(
            re.findall(
                r"\b(?:in|near|around|across|from|to)\s+(?:(?:central|downtown|greater|inner|north|south|east|west)\s+)?"
                + re.escape(name)
                + r"(?!\w)",
                text,
            )
        )
        if repeats and after_in * 2 >= repeats:
            weight -= 1.5
        found[name] = found.get(name, 0) + 1
        best[name] = max(best.get(name, 0.0), weight)
        # the strongest place it was found in, how often the text names it, and whether other places agree
        scores[name] = best[name] + min(repeats, 6) * 0.5 + min(found[name] - 1, 2) * 0.75
    company = max(scores, key=lambda n: scores[n]) if scores else None
    if company is not None and scores[company] < 2.5:
        company = None
    if withheld and not named_client:
        return title, None
    if company is None and not _FOR_A_CLIENT_RE.search(text):
        # a recruiter's posting for an unnamed client: its mailbox names the agency, not the employer
        company = _mail_domain_name(text)
    if company is not None and _HOSPITAL_RE.search(company):
        # a hospital of a health system that the posting also names: the system employs ("Summit Valley Health")
        system = [n for n in scores if n.split()[0] == company.split()[0] and _HEALTH_SYSTEM_RE.search(n)]
        if system:
            company = max(system, key=lambda n: scores[n])
    if company is not None:
        # "Northwind" found in the body, "Northwind Logistics" under the title: the full name wins
        longer = [
            n
            for n in scores
            if n != company and n.startswith(company + " ") and scores[n] >= scores[company] - 1.5
        ]
        if longer:
            company = max(longer, key=lambda n: scores[n])
    return title, company
