"""Turn a pasted job posting into clean logical lines.

People paste postings from job boards, PDFs and e-mails, and each source damages the text in its own way:
HTML entities and tags left in ("&amp;", "<li>"), list items glued together when the site drops the line
break ("...patient recordsAssist with..."), PDF lines hard-wrapped in mid-sentence, page footers, and the
board's own buttons ("Show more"). This module repairs those before any line is classified, so the reader
downstream sees one item a line, with its bullet and indentation noted.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .posting_sections import heading_kind

BULLET_RE = re.compile(
    r"^\s*(?:[-*•·・–—▪◦●○■□➢➤►▶✔✓✅☑→⇒✦✧★☆+>※]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|"
    # arrows, symbols, dingbats and emoji ("⭐", "✅", "👉"), with the variation selector some of them carry
    r"[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001F300-\U0001FAFF]\ufe0f?)\s*"
)
# ordinal bullets need a space after them ("1. Python"), symbol bullets don't ("•Python")
_NEEDS_SPACE_RE = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-zA-Z][.)])\S")
_TAG_BREAK_RE = re.compile(r"<\s*(?:br|/p|p|/div|div|/li|/ul|ul|/ol|ol|/h\d|h\d)\b[^>]*>", re.I)
_TAG_ITEM_RE = re.compile(r"<\s*li\b[^>]*>", re.I)
_TAG_RE = re.compile(r"</?[a-zA-Z][^>]{0,200}>")
_INVISIBLE_RE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# the job board's own controls and page furniture, never part of the posting
_NOISE_RE = re.compile(
    r"^\s*(\+?\s*show (more|less|all)|save (this )?job|back to (search )?results|back to (all )?jobs|visit employer website|"
    r"people you can \w+ out to|alumni from .{2,80} work here|.{0,80}\(opens in a new (window|tab)\)\.?|see (more|less)|read more|…\s*(see )?more|\.\.\.\s*(see )?more|apply( now)?|easy apply|save|"
    r"(apply|save|share)(\s+(apply|save|share))+|((register|login|log in|sign in) to apply\s*)+|"
    r"your skills match\b.{0,200}|am i a good fit\b.{0,20}|how (you|your profile) match(es)?\b.{0,80}|"
    r"options|refer|email this job\b.{0,20}|skip to (main )?content|search (for )?jobs|(careers\s+)?sign in|"
    r"jobs\s+departments\s+locations\b.{0,80}|share on .{0,30}|need help finding\b.{0,30}|"
    r"we can recommend jobs .{0,40}|click here to get started\.?|"
    r"report (this )?job|page \d+( of \d+)?|\d+\s*/\s*\d+|-\s*\d+\s*-|\d+|[-=_*~]{2,}|"
    r"here's how the job .{0,40} profile\.?|meet the hiring team|job poster.*|message|profile insights|"
    r"set alert for similar jobs|rev\.? \d[\d/.]*|.{0,80}\bpage \d+ of \d+|.{0,160}\+\s?\d+ more|"
    r".{0,80}\b\d+ (days?|weeks?|hours?|months?) ago\b.{0,80}|.{0,80}\b(over )?\d+ applicants|"
    r"detailed job description( and [a-z ]{0,30})?|yes\s+no(\s+skip)?|skip|like\s+comment\s+(repost|share)\s+send|"
    r".{0,20}\b\d+ (comments?|reposts?|reactions?|likes?)\b.{0,60}|\*?\s*required question|\*?\s*question \d+|"
    r"https?://\S+|www\.\S+|skills highlighted with .{0,40}|find out how .{0,80}|"
    # page footers of German, French, Spanish, Dutch and Swedish PDFs; a board's report and safety links
    r"(seite|page|página|pagina|sida|blad) \d+ (von|sur|de|van|av|of) \d+|report this (job|ad|advert|listing).{0,20}|"
    r"like\s*·\s*comment(\s*·\s*share)?|be careful\W+(do not|don't) (provide|give|share) your (bank|card).{0,80})\s*$",
    re.I,
)
# "recordsAssist": a lower-case word run straight into a capitalised one. Three lower-case letters on the
# left keep names such as "JavaScript", "iPhone" and "McKinsey" whole.
# (four letters at least on the left: "ezyVet", "myGov" are product names, not two items)
_GLUED_RE = re.compile(
    r"(?:(?<=\s)|^)([a-z][a-z,)]{3,})([A-Z][a-z]{2,})|(?<=[a-z]{2})([.;:!?])(?=[A-Z][a-z])"
)
# words a broken PDF line can end with when the sentence clearly goes on
_CONTINUES_RE = re.compile(
    r"(\b(and|or|of|in|on|to|for|with|the|a|an|by|as|at|from|including|such|such as|within|across|"
    r"their|our|your|its|is|are|be|will|who|that|which|both|other|e\.g\.)|[,/&(-])$",
    re.I,
)


_DECORATED_RE = re.compile(r"^([*=#~_\-]{1,3}|[|•■◆])\s*([^*=#~_|•■◆]{2,60}?)\s*\1\s*:?$")


@dataclass(slots=True)
class RawLine:
    """One logical line of the posting: its text without the bullet, and how it was set out."""

    text: str
    bullet: bool
    indent: int
    # wrapped in the same mark on both sides ("* Benefits *", "== Duties =="): a heading, not an item
    decorated: bool = False
    # a person-specification row's column code: "E" (essential) or "D" (desirable), else ""
    code: str = ""


def _strip_markup(text: str) -> str:
    text = _TAG_ITEM_RE.sub("\n• ", text)
    text = _TAG_BREAK_RE.sub("\n", text)
    text = _TAG_RE.sub(" ", text)
    # twice: a paste can be escaped twice ("&amp;amp;")
    # "...solution-focused)&nbsp;Completes intake ...": a site that ends each item with a hard space and no
    # line break; a hard space between a word's end and a capitalised word is that lost break
    text = re.sub(r"(?<=[a-z.)])(?:&nbsp;|\u00a0)(?=[A-Z][a-z])", "\n", text)
    text = html.unescape(html.unescape(text))
    text = _INVISIBLE_RE.sub("", text).replace("\u00a0", " ").replace("\t", "    ")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_CELL_SPLIT_RE = re.compile(r"\s{3,}")
_WIDE_BULLET_RE = re.compile(r"^(\s*(?:[-*•·▪◦●■➢➤►▶✔✓✅→]|\d{1,2}[.)]))\s{2,}(?=\S)")
_CODE_CELL_RE = re.compile(
    r"^[A-Z](/[A-Z])*$|^[A-Z]{1,2}\s*[,/&]\s*[A-Z]{1,2}$|^(E/D|Essential|Desirable|Assessed)$"
)


# a person specification's columns that say how a criterion is assessed, and its header row
_ASSESSED_RE = (
    r"(application( form)?|interview|tests?|certificates?( check)?|documents?( check)?|medical|references?|"
    r"assessment|presentation|cv|portfolio|shortlisting|observation|exercise)"
)
_ASSESS_CELL_RE = re.compile(
    rf"^({_ASSESSED_RE}(\s*[/&,]\s*{_ASSESSED_RE})*|criteria|criterion|requirements?|assessed by|"
    r"how (it is )?assessed|method( of assessment)?|e/d|essential/desirable)$",
    re.I,
)


def _table_cells(line: str) -> list[tuple[str, str]]:
    """A row copied from a table ("Degree in planning        E      A"): the text cells, with the row's
    essential/desirable code; column codes and the assessment column dropped. Other lines come back whole."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        # a markdown table row ("| 2 | Troubleshoot breakdowns |"): its text cells, numbering and rules dropped
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        cells = [c for c in cells if c and not re.fullmatch(r"[-:\s]+|\d{1,2}\.?|no\.?|#", c, re.I)]
        if not cells:
            return []
    elif stripped.count(" | ") >= 2 and re.search(
        r"\|\s*(essential|e)\s*/\s*(desirable|d)\s*\||\|\s*assessed by", stripped, re.I
    ):
        return []  # the header row of a person specification with bars between its columns
    elif stripped.count(" | ") >= 2 and re.search(r"\|\s*(E|D|Essential|Desirable)\s*(\||$)", stripped):
        # a person specification pasted with bars between its columns ("Degree | Essential | Application form")
        cells = [c.strip() for c in stripped.split("|") if c.strip()]
    elif not _CELL_SPLIT_RE.search(stripped):
        return [(line, "")]
    else:
        cells = [c for c in _CELL_SPLIT_RE.split(stripped) if c]
        if any(c[:1].islower() for c in cells[1:]) and not any(_CODE_CELL_RE.match(c) for c in cells):
            # "At Acme   we move ...": a sentence with a site's stray spaces in it, not a table row
            return [(re.sub(r"\s{2,}", " ", line.rstrip()), "")]
    if cells[0].endswith(":"):
        return [(" ".join(cells), "")]  # "Reports to:      Head of Planning": a field aligned in columns
    code = next((c[0] for c in cells if c in ("E", "D", "Essential", "Desirable")), "")
    text = [c for c in cells if not _CODE_CELL_RE.match(c) and not _ASSESS_CELL_RE.match(c)]
    indent = line[: len(line) - len(line.lstrip())]
    return [(indent + c, code) for c in text]


def _split_inline_bullets(line: str) -> list[str]:
    """A line holding several bullets ("• A • B • C"), as some sites flatten lists, is several lines."""
    parts = re.split(r"\s+[•▪●◦➢✔]\s+", line)
    if len(parts) == 1 or (
        len(parts) == 2
        and ":" not in parts[0]
        and not line.lstrip().startswith(("•", "▪", "●", "◦", "➢", "✔"))
    ):
        return [line]  # one bullet mark inside a sentence; "Extras: A • B" is a list after its heading
    return [p if i == 0 else "• " + p for i, p in enumerate(parts) if p.strip()]


# words that open a list item: when one is run straight into the previous item ("...backend APIsWrite test
# plans"), the glue is a lost line break even if the left word is a name
_ITEM_OPENERS = frozenset(
    """
    Write Design Develop Manage Maintain Provide Ensure Support Assist Prepare Work Lead Build Create Conduct
    Monitor Review Coordinate Collaborate Communicate Perform Handle Deliver Participate Identify Respond
    Process Track Follow Own Plan Run Train Mentor Analyse Analyze Report Respond Deliver Drive Partner
    Good Strong Excellent Experience Knowledge Ability Understanding Familiarity Exposure Proven Bachelor
    Degree Minimum Must Proficiency Hands Solid Basic Working Demonstrated Certification Fluency Fluent Valid
    Current Previous Willingness Able Comfortable Advanced Clear Great Sound Familiar Prior Inspect Supervise
    Negotiate Liaise Undertake Attend Produce Teach Check Keep Act Use Carry Understanding Model Migrate Implement
    """.split()
)
# section headings a site runs into the text around them ("...in the city.What you will doRun the ..."):
# a heading is a line of its own
_GLUED_HEADING_RE = re.compile(
    r"(What you('ll| will) (do|be doing|bring|need)|What we('re| are) looking for|What we offer|"
    r"What you('ll| will) get|Key responsibilities|Responsibilities|Requirements|Qualifications|About you|"
    r"Who you are|Essential criteria|Desirable criteria|Nice to have|Benefits)(?=[A-Z0-9])"
)
# "property managementCPA designation": a lower-case word run into an acronym
_ACRONYM_GLUE_RE = re.compile(r"(?:(?<=\s)|^)([a-z]{4,})([A-Z]{2,}s?)(?=\s)")


def _token_len_before(line: str, at: int) -> int:
    start = max(line.rfind(" ", 0, at), line.rfind("(", 0, at)) + 1
    return at - start


_BRACKET_GLUE_RE = re.compile(r"(?<=\w\))([A-Z]{2,}|[A-Z][a-z]{2,})|(?<=[a-z][0-9])([A-Z][a-z]{3,})")
_DIGIT_GLUE_RE = re.compile(r"(?<=[a-z]{3})(?=\d[\d–\-+ ]*\s*(years|yrs)\b)")
_OPENER_GLUE_RE = re.compile(
    r"(?<=[a-z0-9)])(" + "|".join(sorted(_ITEM_OPENERS, key=len, reverse=True)) + r")\b"
)


_OPENERS_ALT = "|".join(sorted(_ITEM_OPENERS, key=len, reverse=True))
_CAPS_OPENER_GLUE_RE = re.compile(r"(?<=[A-Z]{3})(?=(?:" + _OPENERS_ALT + r")\b)")
_CODE_OPENER_GLUE_RE = re.compile(r"(?<=\d[A-Z])(?=(?:" + _OPENERS_ALT + r")\b)")
_WORD_NUMBER_GLUE_RE = re.compile(r"(?<=[a-z]{4})(?=\d+[a-z]{0,3}\s)")
_ARTICLE_GLUE_RE = re.compile(r"(?<=[a-z]{4})(?=A [a-z]{3,})")


def _unglue(line: str) -> list[str]:
    """Split items the site ran together. The left word must be all lower case, so names written in
    camel case ("JavaScript", "ThinkPad", "iPhone") stay whole."""
    if " " not in line.strip():
        return [line]
    cuts = {m.start(2) if m.group(2) else m.end(3) for m in _GLUED_RE.finditer(line)}
    # an opener glued behind a word of three or more letters ("APIsWrite"), not a name's inner capital
    # ("iManage", "eBay")
    cuts |= {m.start(1) for m in _OPENER_GLUE_RE.finditer(line) if _token_len_before(line, m.start(1)) >= 3}
    cuts |= {m.start(2) for m in _ACRONYM_GLUE_RE.finditer(line)}
    # "...(UPI, PCI-DSS)ISTQB certification", "...JMeter or k6Knowledge of ...": a closing bracket or a
    # version number run into the next item
    cuts |= {m.start() for m in _BRACKET_GLUE_RE.finditer(line)}
    cuts |= {m.start() for m in _DIGIT_GLUE_RE.finditer(line)}
    # "...in the GCCStrong AutoCAD", "...InDesign skills3ds Max": an acronym or a word run into the next item
    cuts |= {m.start() for m in _CAPS_OPENER_GLUE_RE.finditer(line)}
    cuts |= {m.start() for m in _WORD_NUMBER_GLUE_RE.finditer(line)}
    # a heading glued on both sides: before it a sentence's end or a lower-case word, after it the first item
    for m in _GLUED_HEADING_RE.finditer(line):
        if m.start() == 0:
            cuts.add(m.end())
        elif re.match(r"[A-Za-z.]", line[m.start() - 1]):
            cuts |= {m.start(), m.end()}
    # "...related disciplineA working knowledge", "Civil 3DUnderstanding of": an article or an opener run in
    # behind a word or a code
    cuts |= {m.start() for m in _ARTICLE_GLUE_RE.finditer(line)}
    cuts |= {m.start() for m in _CODE_OPENER_GLUE_RE.finditer(line)}
    pieces, last = [], 0
    for cut in sorted(cuts):
        pieces.append(line[last:cut])
        last = cut
    pieces.append(line[last:])
    return [p for p in pieces if p.strip()]


_SECTION_NUMBER_RE = re.compile(r"^\s*\d+(\.\d+)+\.?\s+(?=\S)")


# a short numbered line without a full stop ("3. Person specification"), read as a heading when its words name one
_NUMBERED_HEADING_RE = re.compile(r"^\s*\d{1,2}[.)]\s+[A-Z][\w'’&/()-]*(?:\s+[\w'’&/()-]+){0,5}\s*:?\s*$")


# the words of a section's name, which a short requirement ("4. Forklift licence") does not use
_HEADING_NOUN_RE = re.compile(
    r"\b(purpose|duties|responsibilit\w*|specification|requirements|qualifications|summary|overview|benefits|"
    r"criteria|profile|description|information|accountabilities|functions|competencies|about|apply|offer)\b",
    re.I,
)


def _bullet_of(line: str) -> tuple[bool, str]:
    numbered = _SECTION_NUMBER_RE.match(line)
    if numbered:
        return False, line[numbered.end() :].strip()  # "2.1 Strategy": a numbered section, not a list item
    m = BULLET_RE.match(line)
    if not m or _NEEDS_SPACE_RE.match(line):
        return False, line.strip()
    body = line[m.end() :].strip()
    # "- " alone, or a dash starting a word ("-based") is not a bullet with content
    if not body:
        return False, ""
    return True, body


# verbs that open a duty written in lower case without a bullet ("teach mathematics across ..." / "plan and
# deliver ..."), as school and council boards set out a list after "The successful candidate will:"
_ITEM_VERBS = frozenset(
    """
    teach plan use contribute act support lead deliver manage maintain ensure prepare develop provide work
    assist coordinate monitor review promote undertake attend liaise communicate carry keep set build create
    """.split()
)
# words a hard wrap often falls after: the sentence is not over
_WRAP_WORDS = frozenset(
    """
    a an the and or to of in on for with by from at as that which who your our their its this these is are be
    will can may must should would could not also both either
    """.split()
)


def _starts_item(last: str, body: str) -> bool:
    """A lower-case line that is a new item: it opens with a duty verb and the line before ended a clause."""
    first_word = body.split()[0].lower()
    last_word = last.split()[-1].lower().strip(",")
    return first_word in _ITEM_VERBS and last_word not in _WRAP_WORDS and not last.endswith(",")


def _joins(prev: RawLine, body: str, bullet: bool) -> bool:
    """Whether this physical line continues the previous one (a wrapped line, not a new item)."""
    if bullet or not prev.text or not body:
        return False
    last = prev.text.rstrip()
    if last.endswith((".", "!", "?", ":", ";")):
        return False
    # a hard-wrapped line is long; a short line without a full stop is a heading or a list item
    if len(last) < 45 and not _CONTINUES_RE.search(last):
        return False
    if (
        len(last) < 45
        and re.match(r"(what|who|why|how|where|things|about)\b", last, re.I)
        and heading_kind(last)
    ):
        return False  # "What we're looking for" above its first item: a heading, though it ends in "for"
    first = body[0]
    if first.islower() and _starts_item(last, body):
        return False
    if first.islower() or first.isdigit() or first == "(":
        return True
    if last.count("(") > last.count(")"):
        return True  # "(for example Revit, Archi" / "CAD or Vectorworks)": a bracket left open goes on
    if len(last) >= 55 and body.endswith(".") and len(body.split()) <= 6:
        return True  # a PDF line cut before its sentence's last words ("... the approved Maintenance" / "Manual.")
    # a capital after a short line ("The right person will" / "Plan lessons") starts a new item
    return bool(_CONTINUES_RE.search(last)) and len(last) >= 45


def _row_wrapped(prev: RawLine, body: str, bullet: bool) -> bool:
    """Whether a line carrying a table row's E/D code ends the row the line before began (that line has no
    code, is no heading in capitals and does not end a sentence)."""
    if bullet or prev.bullet or prev.code or not prev.text or " | " in prev.text:
        return False
    last = prev.text.rstrip()
    letters = [c for c in last if c.isalpha()]
    capitals = bool(letters) and all(c.isupper() for c in letters)
    continues = body[:1].islower() or body[:1] == "(" or len(body.split()) <= 3
    return not capitals and not last.endswith((".", ":", ";", "!", "?")) and continues


def clean_lines(text: str) -> list[RawLine]:
    """Logical lines of the posting: empty lines and page noise dropped, a broken line rejoined, run-together items apart."""
    out: list[RawLine] = []
    blank_before = True
    skip = 0  # lines of a board's card about the recruiter ("Meet the hiring team": a name, a title, a link)
    for physical in _strip_markup(text).split("\n"):
        if not physical.strip():
            blank_before = True
            continue
        if re.search(r"\S {3,}\S", physical) and _NOISE_RE.match(physical):
            continue  # a page footer is noise whole, before its wide gaps make it look like table cells
        # "•   Design and build ...": a bullet's wide gap is no table column
        physical = _WIDE_BULLET_RE.sub(r"\1 ", physical)
        pieces = [(p, code) for cell, code in _table_cells(physical) for p in _split_inline_bullets(cell)]
        for piece, code in pieces:
            if skip:
                skip -= 1
                continue
            if re.match(r"\s*meet the hiring team\s*$", piece, re.I):
                skip = 2
                continue
            if _NOISE_RE.match(piece):
                continue
            indent = len(piece) - len(piece.lstrip(" "))
            bullet, body = _bullet_of(piece)
            if not body:
                continue
            if out and not blank_before and _joins(out[-1], body, bullet):
                out[-1].text = f"{out[-1].text.rstrip()} {body}"
                out[-1].code = out[-1].code or code
                continue
            if out and not blank_before and code and _row_wrapped(out[-1], body, bullet):
                # a person-specification row wrapped in its first column: its E/D code is on the last line
                out[-1].text = f"{out[-1].text.rstrip()} {body}"
                out[-1].code = code
                continue
            decorated = bool(_DECORATED_RE.match(piece.strip()))
            if (
                bullet
                and _NUMBERED_HEADING_RE.match(piece)
                and _HEADING_NOUN_RE.search(body)
                and heading_kind(body) is not None
            ):
                # "2. Main duties and responsibilities" over "2.1 To manage ...": a numbered heading, no item
                out.append(RawLine(body, True, indent, True))
                blank_before = False
                continue
            if decorated:
                body = _DECORATED_RE.sub(r"\2", piece.strip()).strip()
                out.append(RawLine(body, True, indent, True))
                blank_before = False
                continue
            for k, part in enumerate(_unglue(body)):
                out.append(RawLine(part.strip(), bullet or k > 0 and out[-1].bullet, indent, code=code))
            blank_before = False
    return out
