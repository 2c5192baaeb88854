"""Walk a cleaned posting line by line and sort every line into requirement items or set-aside text.

Sectioned postings are read by their headings ("What you'll do", "Essential criteria", "Benefits"), with
sub-headings inside a list recognised and skipped; prose postings by sentences that ask for something
("you will ...", "experience with ...", "... is a plus"). Each requirement gets a kind: a must-have, a
nice-to-have or a duty. Everything else is kept with the reason it was set aside, so the person can see
what was left out and why, and put back what the reader got wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .posting_board_blocks import join_board_blocks
from .posting_clean import RawLine, clean_lines
from .posting_company import find_title_company
from .posting_flat import unflatten
from .posting_job_bank import mark_job_bank_headings
from .posting_sections import (
    BOARD_FACTS_RE,
    NICE_HEAD_RE,
    PROVIDED_RE,
    heading_kind,
    is_foreign,
    line_set_aside,
)

# a requirement sentence in prose: it asks for something or says what the person will do
PROSE_CUE_RE = re.compile(
    r"\b(you will|you'll|you should|you must|you need|you have|you're|you are|you bring|you can|"
    r"experience (with|in|of|using|as|managing|working|leading|supporting|delivering)|\d+\+? years|"
    r"proficien\w*|knowledge of|familiar\w*|ability to|able to|skills? (in|with)|background in|degree|"
    r"diploma|certif\w*|comfortable|expertise|track record|responsible for|need someone|we need|"
    r"required|requirements?|must|fluen\w+|licen[cs]\w*|registration|registered|hands-on|a plus|"
    r"nice to have|preferred|bonus|desirable|ideally|qualified|qualification|understanding of|"
    r"we('d| would) (love|like)|looking for someone|the ideal|the right (person|candidate)|"
    r"is essential|are essential|is important|duties include|will be responsible|your (day|week) will|"
    r"(will|would) be expected to|the (role|post|job|position) (also )?(involves|includes|requires)|"
    r"^they will|^the (successful )?(candidate|applicant|postholder|post holder|hire|person) will)\b",
    re.I,
)
# "The correspondent will ...", "The new hire will ...": the person hired, named by a common noun (a
# capitalised one, "The Ledger will", is the employer)
_ROLE_WILL_RE = re.compile(r"^The [a-z][\w-]*(?: [a-z][\w-]*)? will\b")
# "As our Content Lead, you'll own ...": the role in one sentence, which a duty list below spells out
_ROLE_SUMMARY_RE = re.compile(
    r"^As (?:(?:a|an|our|the|your) |(?=[A-Z]))[^,.:;]{2,80}?,?\s+you(?:'ll|’ll| will)\b(?!\s*:)|"
    # "You'll be the first voice callers hear", "You will work in a squad of six": who the person is, and with whom
    r"^You(?:'ll|’ll| will) (?:be the|work (?:closely )?(?:in|with|alongside) (?:a|an|our|the)\b)"
)
# only the clearest cues count in the opening paragraph of a sectioned posting, which mostly describes
# the company and the team
STRONG_CUE_RE = re.compile(
    r"\b(you will|you'll(?! (feel|love|enjoy|fit|find|see|get|join|be joining|be part|have the chance))|you must|"
    r"you should|you need|must have|is required|are required|"
    r"responsible for|experience (with|in)|ability to|"
    r"^the (successful )?(candidate|applicant|postholder|post holder|person appointed) will)\b",
    re.I,
)
NICE_INLINE_RE = re.compile(
    r"^(ideally|preferably|bonus|nice[ -]to[ -]have|a plus|optional|desirable)\b|"
    r"\b(is|are|would be|also|as) (a (big |real |huge |strong |definite )?(plus|bonus)|nice to have|preferred|"
    r"helpful|an advantage|advantageous|welcome|desirable|beneficial)\b|"
    r"\b(preferred|a plus|desirable|desired|advantageous|a bonus|an advantage|an asset|nice to have|"
    r"highly regarded|highly valued)\s*[.!)]*\s*$|^it'?s a (big |real |huge |strong )?(plus|bonus)\b|"
    r"\b(is|are) (considered|seen as|regarded as) (an? )?(asset|plus|advantage|bonus)\b|"
    r"\b(is|are|would be|will be) (an? )?(added|real|big|distinct|definite) (advantage|asset|bonus|plus)\b|"
    r"\b(is|are|would be|will be) (highly|well|very) (regarded|valued|looked upon)\b|"
    r"\bnot (required|essential|mandatory)\b|\b(ideally|preferably)\b|\bbonus points?\b|"
    r"\b(would|will) be (great|nice|helpful|useful|appreciated|valued|welcome)\b|\badvantageous\b|"
    r"\b(is|are|would be|will be) (an? )?(asset|merit|meriting|differential)\b|\b(is|are) meriting\b|"
    r"\b(would|will) be an? (added |real |big |distinct )?"
    r"(advantage|asset|bonus|plus)\b",
    re.I,
)
# where a requirement and a preference for more are run together: "X, ideally Y", "X; Y is a plus",
# "X (Y desirable)", "X is required, and Y would be an advantage"
_NICE_SPLIT_RE = re.compile(r",\s+(?:and\s+)?|;\s+|\s+\(|\s+[–—]\s+")
_PREFER_LEAD_RE = re.compile(r"^(ideally|preferably|preferred)\b", re.I)
DUTY_CUE_RE = re.compile(
    r"^(you will|you'll|you would|you'd be|your (role|job|day)|responsible for|duties include|the "
    r"(role|post|postholder|successful candidate) will)\b",
    re.I,
)
# a sentence that says what the employer gives: benefits, even inside a list of requirements
_OFFER_RE = re.compile(
    r"^(we offer|we provide|we give|in return|benefits include|you('ll| will) (get|receive|enjoy)|no problem|free\b|"
    r"[\w ]{0,30}\bwill (train|teach) you|(full|all the) training)\b",
    re.I,
)
_SENT_RE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"“])")
# a dot after these does not end a sentence ("St. Mary's", "e.g. Excel")
_ABBREV_RE = re.compile(r"\b(st|dr|mr|mrs|ms|inc|ltd|co|no|jr|sr|e\.g|i\.e|etc|vs|approx|dept|u\.s)\.$", re.I)
# a sentence about the employer ("We are a 90-seat ...", "Our team ...", "Acme is a ..."): not a requirement
# a line that introduces the list below it
_LEAD_IN_RE = re.compile(
    r"\b(will|will be|have|has|need|needs|bring|offer|include|includes|are|is|should|must|can)\s*:?$|"
    r"\b(you|candidate|person|someone|applicant)\b.{0,30}\b(will|have|has|need|be)\b\s*:?$|\bif you( also)?( have| had| are| can| bring)?\s*:?$|"
    r"\b(looking for|seeking|want|need)( an?)? [\w -]{2,40} (who|that)\s*:$|\byou('d| would)\s*:$",
    re.I,
)
# what makes a short line an item rather than a heading: a number, an acronym, or a trailing "preferred"
# (a licence category, "Driving licence B", a code in brackets, "Trailer licence (B+E)")
_ITEMISH_RE = re.compile(
    r"\d|\b[A-Z]{2,}s?\b|.\s\(?(?i:preferred|required|a plus|is a plus|desirable)\)?\s*$|\s[A-Z]$|"
    r"\([A-Z0-9+/&\- ]{1,8}\)"
)
# the usual headings, whole: a bulleted line that is exactly one of these heads a list
_HEADING_ONLY_RE = re.compile(
    r"(you will|you'll|you are|you have|you bring|about you|who you are|"
    r"what you('ll| will)?( be)? (do|doing|bring|need|get|work on)|"
    r"what we('re| are) looking for|what we offer|(key )?(requirements|qualifications|responsibilities|duties|"
    r"skills|benefits|perks)|(nice|good) to have|bonus( points)?|must[ -]haves?|about (us|the role|the job)|"
    r"the role|your role|how to apply|why join us|preferred( qualifications)?|essential|desirable|"
    r"main duties( of the job)?|job summary|person specification|(key )?duties and responsibilities|"
    r"essential (criteria|requirements)|desirable (criteria|requirements)|job responsibilities|good to know|"
    r"skills and experience|qualifications and experience|working for our organisation|(a )?day in the life)"
)
_PAY_WORDS_RE = re.compile(
    r"^\W*[$£€₹]|\b(salary|pay|wage|per (hour|annum|year|month|week)|an hour|a year|hourly|compensation|ctc|"
    r"lpa|bonus|commission|ote|stipend|package)\b",
    re.I,
)
_ABOUT_US_RE = re.compile(
    r"^((hi|hello|hey),? )?([Ww]e('re| are| have|'ve| were| build| make| serve| run| believe| value| support| help| "
    r"work| care| offer| pride| love| employ| operate| look after| think| became| opened| started| see| treat| "
    r"sell| design| manufacture| moved| won)|our |[Aa]t [A-Z]|if you (thrive|love|enjoy|like|"
    r"want)|"
    r"(the )?([A-Z][\w&.'’-]*\s){1,5}(is|are|was|has|have|builds|makes|serves|runs|provides|operates|supports)\b)"
)
_REQUIRED_FIELD_RE = re.compile(
    r"^[^:]{2,60}:.{1,80}\((required|preferred)\)\s*$|\((required|preferred)\)\s*$", re.I
)
_DEGREE_LINE_RE = re.compile(r"^(UG|PG|Doctorate|Post ?Graduation|Graduation)\s*:\s*(.+)$", re.I)
_KEY_VALUE_RE = re.compile(r"^[A-Z][\w/&'’ ]{1,30}:\s+\S.{0,200}$")
_ESSENTIAL_RE = re.compile(r"^\s*(essential|required|must[ -]haves?)\s*(criteria)?\s*:?\s*(.*)$", re.I)
_DESIRABLE_RE = re.compile(r"^\s*(desirable|preferred|nice[ -]to[ -]haves?)\s*(criteria)?\s*:?\s*(.*)$", re.I)


@dataclass(slots=True)
class ReadItem:
    text: str
    kind: str  # "must" | "nice" | "duty"
    section: str | None


@dataclass(slots=True)
class SetAsideText:
    text: str
    reason: str


@dataclass(slots=True)
class ReadPosting:
    title: str | None
    company: str | None
    items: list[ReadItem] = field(default_factory=list)
    set_aside: list[SetAsideText] = field(default_factory=list)


def _strip_md(s: str) -> str:
    return re.sub(r"[*_#`]+", "", s).strip()


def is_heading(line: RawLine, next_line: RawLine | None) -> bool:
    """A heading: short, no full stop, and set apart (a colon, markup, capitals, a known name, or a list
    starting right under it)."""
    s = _strip_md(line.text)
    if line.code:
        return False  # a row of a person specification, with its E/D column
    if line.bullet and line.decorated and s and len(s.split()) <= 8:
        return True  # "* What you'll do *": a heading dressed as a bullet
    caps = [c for c in s if c.isalpha()]
    if line.bullet and len(caps) >= 4 and all(c.isupper() for c in caps) and len(s.split()) <= 6:
        return True  # "2. KEY RESULT AREAS": a numbered heading in capitals
    if (
        line.bullet
        and next_line is not None
        and next_line.bullet
        and len(s.split()) <= 5
        and _HEADING_ONLY_RE.fullmatch(s.lower().strip(" :"))
    ):
        return True  # "🧭 You will" above "👉 ..." items: an emoji before a heading is not a bullet
    if (
        line.bullet
        and next_line is not None
        and next_line.bullet
        # (five words only for a heading's phrasing: "Why you'll love it here", not "Prepare invoices and statements")
        and (
            len(s.split()) <= 4
            or (len(s.split()) == 5 and re.match(r"(what|why|how|where|our|your)\b", s, re.I))
        )
        and (heading_kind(s) or "").startswith("aside:")
        and not _ITEMISH_RE.search(s)
    ):
        return True  # "💷 What we pay" above the pay items
    if re.fullmatch(
        r"(best |kind |warm |many thanks (and|&) |thanks (and|&) )?regards,?|(many )?thanks,?|thank you,?|cheers,?|"
        r"best( wishes)?,?|all the best,?",
        s.strip(),
        re.I,
    ):
        return True  # the sign-off: what follows is the sender, not the job
    if not s or line.bullet or len(s.split()) > 12 or s.endswith((".", ",", ";")):
        return False
    raw = line.text.strip()
    if _LEAD_IN_RE.search(s) and not re.search(r"\b(i|we)\b", s.split(" ", 1)[-1], re.I):
        return True  # "The right person will", "Extra credit if you also have"
    if len(s.split()) > 9:
        return False
    if re.search(r"\b(about|of|on) the (role|job|post|position)$|^the (role|job|post) in detail$", s, re.I):
        return True  # "Further details about the role" above its paragraph
    if BOARD_FACTS_RE.fullmatch(s.lower().strip(" :")):
        return True  # "UK Registration", "Employer certification / accreditation badges": a board's own box
    if re.match(r"(what|why|how|where|who)\b", s, re.I) and (heading_kind(s) or "").startswith("aside:"):
        return True  # "How we will measure your first year": a heading phrased as a question
    if ":" in s.rstrip(":"):
        return False  # "Pay: $24 an hour" is a heading and its content on one line, read as such
    if (
        len(s.split()) <= 2
        and s[:1].isupper()
        and not _ITEMISH_RE.search(s)
        and next_line is not None
        and not next_line.bullet
        and len(next_line.text.split()) >= 6
        and next_line.text.rstrip().endswith(".")
    ):
        return (
            True  # "Clinical" above a run of full sentences: a topic of the duty list, as NHS adverts set it
        )
    if s.lower() in ("full job description", "job description", "description", "about the job"):
        return True
    if raw.endswith(":") or raw.startswith("#") or (raw.startswith("**") and raw.endswith("**")):
        return True
    if raw.startswith(("[", "【")) and raw.endswith(("]", "】")):
        return True
    letters = [c for c in s if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(s.split()) <= 7:
        return True
    if heading_kind(s) is not None and len(s.split()) <= 4 and not _ITEMISH_RE.search(s):
        return True
    if _HEADING_ONLY_RE.fullmatch(s.lower().strip(" :")):
        return True
    if (
        next_line is not None
        and next_line.indent > line.indent
        and not next_line.bullet
        and len(s.split()) <= 5
        and s[:1].isupper()
        and not _ITEMISH_RE.search(s)
    ):
        return True  # "Quality Systems" with its items indented under it
    # "Clinical skills" or "We can offer you" above a bulleted list
    # a question is a heading only when it names a section ("What's in it for you?"), not a screening question
    return (
        next_line is not None
        and next_line.bullet
        and s[:1].isupper()
        and not s.endswith("!")
        and (not s.endswith("?") or heading_kind(s) is not None)
    )


def _repeats_title(line: str, title: str | None) -> bool:
    """The title again, with a place or a marker after it ("UX Writer (f/m/d)", "Analyst, Pune")."""
    if not title or len(title) < 4:
        return False
    low, t = line.lower().strip(" *#"), title.lower().strip()
    return (
        low.startswith(t)
        and len(low[len(t) :].split()) <= 4
        and not low[len(t) :].strip().startswith(("will", "is", "are", "who", "to", "with", "and"))
    )


# the words a person specification's categories are named with
_CATEGORY_WORDS = frozenset(
    """
    and experience skills knowledge qualifications qualification education training personal qualities attributes
    aptitude abilities ability competencies competence behaviours behaviors values other requirements language
    languages welsh communication disposition physical special circumstances clinical professional technical key
    specific general additional essential desirable criteria the of
    """.split()
)


def _heading_over_nothing(line: RawLine, nxt: RawLine | None, kind: str) -> bool:
    """A heading-shaped line inside a list with nothing under it ("Venepuncture and cannulation skills" last in
    a person specification, "Basic IT skills" right above "Desirable"): an item of the list after all."""
    text = _strip_md(line.text)
    if kind not in ("must", "nice") or line.bullet or heading_kind(text) not in ("must", "nice"):
        return False
    if all(w in _CATEGORY_WORDS for w in re.findall(r"[a-z]+", text.lower())):
        return False  # "Skills and Attributes", "Knowledge & Experience": a person specification's category
    if nxt is None:
        return True
    following = _strip_md(nxt.text)
    marker = (
        bool(_ESSENTIAL_RE.fullmatch(following) or _DESIRABLE_RE.fullmatch(following))
        and len(following.split()) <= 2
    )
    # or a section of another kind follows at once ("... skills" / "Further details about the role")
    heading_next = (
        heading_kind(following) not in (None, "must", "nice")
        and len(following.split()) <= 6
        and not following.endswith(".")
    )
    return marker or (heading_next and not nxt.bullet)


def _lead_in_kind(text: str) -> str | None:
    """The list a lead-in line introduces: "The right person will" -> duties, "... who has" -> must-haves."""
    if not _LEAD_IN_RE.search(text):
        return None
    if (heading_kind(text) or "") == "aside:what success looks like":
        return "aside:what success looks like"  # "By the end of your first quarter you will": milestones, not duties
    if NICE_HEAD_RE.search(text.lower()):
        return "nice"  # "Good to have:", "Bonus points if you have:": the preference, not the verb, names it
    if re.search(r"\b(who|that)\s*:?$", text.strip(), re.I):
        return "must"  # "Wanted: a line cook who:": what the person is or has
    last = text.lower().rstrip(" :").split()[-1]
    if last in ("will", "be", "you'd", "would"):
        return "duty"
    if last in ("have", "has", "need", "needs", "bring", "must", "should"):
        return "must"
    return None  # "Duties include", "We offer": the heading's own words decide


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _SENT_RE.split(text):
        if out and _ABBREV_RE.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        elif piece.strip():
            out.append(piece.strip())
    return out


_PREFERENCE_WORD_RE = re.compile(
    r"\b(desirable|preferred|preferably|a plus|advantage\w*|bonus|ideally|helpful|welcome|asset)\b", re.I
)
# "(Hindi is not required)": a remark on what is not asked, beside what is
_NOT_ASKED_ASIDE_RE = re.compile(
    r"\([^()]*\bnot (required|needed|necessary|essential|mandatory)\b[^()]*\)", re.I
)


def _is_nice(text: str) -> bool:
    without_remark = _NOT_ASKED_ASIDE_RE.sub("", text)
    if without_remark != text and not _PREFERENCE_WORD_RE.search(text):
        text = without_remark
    m = NICE_INLINE_RE.search(text)
    if not m:
        return False
    # "two years of acute care, surgical ward preferred": the preference qualifies only the last clause
    # when a complete requirement stands before it
    # a closed bracket is part of its clause: "Tableau (or Looker) is an asset" is one preference
    head = re.split(r"[,;(]\s*", re.sub(r"\([^()]*\)", "", text[: m.start()]))
    if head[-1].strip() == "" and text[: m.start()].rstrip().endswith("("):
        return True  # "Bilingual in English and Welsh (advantageous)": the whole item is the preference
    if m.start() > 0 and len(head) > 1 and len(head[0].split()) >= 3 and not re.search(r"\bor\b", head[-1]):
        return bool(re.match(r"^\W*(ideally|preferably)\b", text, re.I))
    return True


def split_preference(text: str) -> list[tuple[str, bool]]:
    """A requirement with a preference run into it, as two items: (text, is the preference). The preference
    must be a clause of its own after a complete requirement; a list ("SQL, Python or R a plus") or a bare
    "(preferred)" stays one item."""
    for m in reversed(list(_NICE_SPLIT_RE.finditer(text))):
        head, tail = text[: m.start()].strip(), text[m.end() :].strip()
        if head.count("(") > head.count(")"):
            continue  # inside a bracket: "(for example, maps and prescriptions) is desirable" is one item
        bracket = m.group().strip() == "("
        if bracket:
            if not tail.endswith(")"):
                continue
            tail = tail[:-1].strip()
        if len(head.split()) < 2 or NICE_INLINE_RE.search(head) or not NICE_INLINE_RE.search(tail):
            continue
        if re.search(r"\b(in|of|to|for|with|and|or|the|a|an|on|at|by)$", head.rstrip(",;"), re.I):
            continue  # "Holding, or working towards, a licence (desirable)": the head is no requirement alone
        negation = r"\bnot (required|needed|necessary|essential|mandatory)\b"
        if re.search(negation, tail, re.I) and not _PREFERENCE_WORD_RE.search(tail):
            continue  # "(Dutch is not required)": what is not asked, said beside what is
        if re.match(r"(would|will|is|are|was|be|can|could|may|might|should)\b", tail, re.I):
            continue  # "X, or Y, would be an advantage": the preference is the predicate of the whole item
        cue_only = re.sub(r"\W+", " ", NICE_INLINE_RE.sub(" ", tail)).split()
        if not cue_only:
            continue  # "Bilingual in English and Zulu (advantageous)": the whole item is the preference
        if m.group().startswith(",") and not _PREFER_LEAD_RE.match(tail) and re.search(r"\bor\b", tail):
            continue  # "Experience with SQL, Python or R a plus": a list of alternatives, one item
        return [(head.rstrip(",;"), False), (tail, True)]
    return [(text, False)]


# how a requirement, not a duty, opens: in a section that mixes both ("Job highlights"), the line decides
_MUST_OPENING_RE = re.compile(
    r"^(experience (in|with|of)|\d+\+? ?(years|yrs)|(strong |good |solid |working |excellent )?(knowledge|"
    r"understanding) of|proficien|(a )?(bachelor|master|degree|diploma)|certifi|licen[cs]|proven|"
    r"familiarity|fluen|must (have|be))\b",
    re.I,
)


def _kind_of(text: str, section_kind: str) -> str:
    if _is_nice(text):
        return "nice"
    if section_kind in ("role", "unknown"):
        return "must" if _MUST_OPENING_RE.match(text) else "duty"
    if section_kind in ("must", "nice", "duty"):
        return section_kind
    return "duty" if DUTY_CUE_RE.search(text) else "must"


def _worth_keeping(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w+#.\-]*", text)
    return bool(words) and (len(words) >= 2 or len(text) >= 2 and text[:1].isupper())


def _split_lead_ins(lines: list[RawLine]) -> list[RawLine]:
    """A paragraph that ends by introducing the list below it ("... and a shared canteen. The new hire
    will:") is the paragraph and a lead-in line, so the list gets its kind."""
    out: list[RawLine] = []
    for ln in lines:
        text = ln.text.rstrip()
        if not ln.bullet and text.endswith(":") and len(text.split()) > 12:
            sentences = _sentences(text)
            if len(sentences) > 1 and len(sentences[-1].split()) <= 12 and _lead_in_kind(sentences[-1]):
                out.append(replace(ln, text=" ".join(sentences[:-1])))
                out.append(replace(ln, text=sentences[-1]))
                continue
        out.append(ln)
    return out


def read_posting(text: str) -> ReadPosting:
    text = join_board_blocks(mark_job_bank_headings(unflatten(text)))
    lines = _split_lead_ins(clean_lines(text))
    title, company = find_title_company([ln.text for ln in lines], text)
    out = ReadPosting(title, company)
    # the company's first own word ("Deccan" of "The Deccan Ledger"): a sentence starting with it is about them
    lead = next((w.lower() for w in (company or "").split() if w.lower() not in ("the", "a", "an")), "")
    has_sections = any(
        is_heading(ln, lines[i + 1] if i + 1 < len(lines) else None)
        and heading_kind(_strip_md(ln.text)) in ("must", "nice", "duty")
        for i, ln in enumerate(lines)
    )
    has_duty_list = any(
        is_heading(ln, lines[i + 1] if i + 1 < len(lines) else None)
        and heading_kind(_strip_md(ln.text)) == "duty"
        for i, ln in enumerate(lines)
    )
    kind = "intro"
    section: str | None = None
    header_left = 3  # the title, company and location lines at the top
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        body = _strip_md(ln.text)
        if not body:
            continue
        if _PAGE_TAIL_RE.match(body):
            # the board's list of other jobs: nothing after it belongs to this posting
            out.set_aside += [SetAsideText(_strip_md(x.text), "other jobs on the page") for x in lines[i:]]
            break
        head, sep, rest = body.partition(":")
        inline = heading_kind(head) if sep and len(head.split()) <= 5 and rest.strip() else None
        # an indented line inside a list ("    Lab skills: cell counts, microscopy", "    Manage fermentations:
        # pitching, dry hopping"): one item of that list, its words before the colon a topic, not a heading
        in_indented_list = kind in ("must", "nice", "duty") and ln.indent > 0 and not ln.bullet
        if in_indented_list and sep and not _HEADING_ONLY_RE.fullmatch(head.lower().strip()):
            inline = None
        if header_left and is_heading(ln, nxt) and (heading_kind(body) or _lead_in_kind(body)):
            header_left = 0  # the body has started
        if header_left and i < 4 and len(body.split()) <= 14 and not body.endswith(".") and not inline:
            header_left -= 1
            if not is_heading(ln, nxt) or heading_kind(body) is None:
                out.set_aside.append(SetAsideText(body, "title and company"))
                continue
        header_left = 0
        ess, des = _ESSENTIAL_RE.match(body), _DESIRABLE_RE.match(body)
        if (ess or des) and kind not in ("intro",) and not ln.bullet:
            m = ess or des
            assert m is not None
            kind = "must" if ess else "nice"
            rest = m.group(3).strip()
            if not rest:
                continue
            rest_kind = heading_kind(rest)
            if rest_kind is not None and rest_kind.startswith("aside:") and rest.endswith(":"):
                # "REQUIRED APPLICATION MATERIALS (...):": what to send with the application
                kind = rest_kind
                out.set_aside.append(SetAsideText(body, rest_kind.removeprefix("aside:")))
                continue
            if rest_kind is not None and len(rest.split()) <= 5 and not rest.endswith((".", ";")):
                # "ESSENTIAL DUTIES AND RESPONSIBILITIES", "Essential functions": a heading, its words decide
                kind = "duty" if rest_kind == "duty" else kind
                continue
            body = rest
        elif is_heading(ln, nxt) and not _heading_over_nothing(ln, nxt, kind):
            found = _lead_in_kind(body) or heading_kind(body)
            if kind.startswith("aside:") and len(body.split()) > 5 and line_set_aside(body) is not None:
                # "Applicants must submit the following:" under "How to apply" goes on with that section
                out.set_aside.append(SetAsideText(body, line_set_aside(body) or kind.removeprefix("aside:")))
                continue
            section = body.lower().strip(" :")
            prose_follows = nxt is not None and not nxt.bullet and not nxt.code and len(nxt.text.split()) > 20
            if found is not None:
                kind = found
            elif kind.startswith("aside:") or kind == "intro" or prose_follows:
                # an unknown heading over a paragraph ("Unit profile") starts a section of its own; over
                # items it is a topic inside the list above ("Clinical skills")
                kind = "unknown"
            continue
        elif _REQUIRED_FIELD_RE.search(body) and not ln.bullet and line_set_aside(body) is None:
            # "HVAC: 3 years (Required)", a board's summary of the requirements
            nice = "preferred" in body.lower()
            out.items.append(ReadItem(body, "nice" if nice else "must", section))
            continue
        elif (degree := _DEGREE_LINE_RE.match(body)) and not ln.bullet:
            # a board's degree fields ("UG: B.Tech in any specialization", "PG: MBA preferred"): the
            # undergraduate degree is asked for, a postgraduate one is a preference, "Not Required" is neither
            if re.search(r"\bnot required\b|^\s*(none|n/?a|-)\s*$", degree.group(2), re.I):
                out.set_aside.append(SetAsideText(body, "job details"))
            else:
                postgraduate = degree.group(1).lower().startswith(("pg", "post", "doctor"))
                out.items.append(ReadItem(body, "nice" if postgraduate else "must", section))
            continue
        elif _KEY_VALUE_RE.match(body) and inline is None and not ln.bullet and not in_indented_list:
            # "Grade: 8", "Reports to: Head of Planning": facts about the post, not requirements
            out.set_aside.append(SetAsideText(body, "job details"))
            continue
        elif inline is not None and not ln.bullet and inline.startswith("aside:"):
            out.set_aside.append(SetAsideText(body, inline.removeprefix("aside:")))
            continue
        elif inline is not None and not ln.bullet:
            # "Requirements: BLS; two years of ICU; charting in an EHR": a heading and its list on one line;
            # "Experience: 2-4 years" is one requirement, said with its key
            section, kind = head.lower(), inline
            short_fact = (
                len(head.split()) == 1
                and len(rest.split()) <= 6
                and ";" not in rest
                and not NICE_HEAD_RE.search(head.lower())
            )
            body = body if short_fact and inline in ("must", "nice") else rest.strip()
        if not ln.bullet and _repeats_title(body, title):
            out.set_aside.append(SetAsideText(body, "title and company"))
            continue
        if kind.startswith("aside:"):
            # a line's own subject names it better than its section: a lifting demand under "Benefits"
            out.set_aside.append(SetAsideText(body, line_set_aside(body) or kind.removeprefix("aside:")))
            continue
        # under "About the job" a bulleted list is the job's duties, a paragraph is usually about the company
        # under "About the job" or an unnamed heading, a bulleted list or a short line that is not about the
        # employer is the job's duties; a paragraph is usually about the company
        about_employer = bool(_ABOUT_US_RE.match(body)) or bool(lead and body.lower().startswith(lead))
        loose = kind in ("role", "unknown") and (
            ln.bullet
            or (
                kind == "role"
                and len(body.split()) <= 20
                and not about_employer
                and not body.endswith("?")
                and not (body.endswith(".") and len(body.split()) >= 12)
            )
        )
        in_list = kind in ("must", "nice", "duty") or loose
        parts = [body] if (in_list and (ln.bullet or len(body.split()) <= 25)) else _sentences(body)
        if in_list and not ln.bullet and len(parts) == 1:
            # "Patient with new starters. You keep the stockroom in order.": two items on one line
            sentences = _sentences(body)
            if len(sentences) > 1 and all(len(x.split()) >= 4 for x in sentences):
                parts = sentences
        if in_list and ";" in body:
            # "customer service experience; a friendly telephone manner": items the site put on one line
            split: list[str] = []
            for part in parts:
                pieces = [p.strip() for p in part.split(";") if p.strip()]
                long_line = not ln.bullet and len(part.split()) > 8
                split += (
                    pieces
                    if (
                        inline
                        or long_line
                        or (all(len(p.split()) >= 3 for p in pieces) and not (ln.bullet and len(pieces) == 2))
                    )
                    else [part]
                )
            parts = split
        for part in parts:
            part = part.strip().rstrip(";,")
            reason = line_set_aside(part)
            if reason == "pay" and in_list and not _PAY_WORDS_RE.search(part):
                reason = None  # "budgets of ₹25 lakh a month" is a requirement, not the pay
            if (
                reason == "benefits"
                and in_list
                and not loose
                and not (_OFFER_RE.match(part) or PROVIDED_RE.search(part))
            ):
                reason = None  # "pension administration" is a requirement under Requirements
            if reason is not None:
                out.set_aside.append(SetAsideText(part, reason))
                continue
            if not _worth_keeping(part) or part.endswith(":"):
                continue
            # (an emoji before a paragraph under "About the job" dresses it as a bullet; it is still about them)
            if (not ln.bullet or loose) and (
                (_ABOUT_US_RE.match(part) and not re.search(r"\byou\b", part.split(",")[0], re.I))
                or (lead and part.lower().startswith(lead + " "))
            ):
                # a sentence about the employer, even inside a list section
                out.set_aside.append(SetAsideText(part, "about the company or the role"))
                continue
            if not in_list and _ABOUT_US_RE.match(part) and not re.search(r"\byou\b", part, re.I):
                out.set_aside.append(SetAsideText(part, "about the company or the role"))
                continue
            if has_duty_list and not ln.bullet and _ROLE_SUMMARY_RE.match(part):
                out.set_aside.append(SetAsideText(part, "what the role is, in one sentence"))
                continue
            if not in_list:
                cue = STRONG_CUE_RE if (has_sections and kind in ("intro", "role")) else PROSE_CUE_RE
                if not (cue.search(part) or _ROLE_WILL_RE.match(part)) or is_foreign(part):
                    out.set_aside.append(SetAsideText(part, "about the company or the role"))
                    continue
            for piece, preference in split_preference(part):
                item_kind = "nice" if preference else _kind_of(piece, kind)
                if ln.code and item_kind != "duty":
                    item_kind = "nice" if ln.code == "D" else "must"  # the row's own E/D column decides
                # a site's stray double spaces are no part of the requirement's words
                out.items.append(ReadItem(" ".join(piece.split()), item_kind, section))
    return _skill_tags_aside(out)


# the start of the board's list of other postings at the foot of the page
_PAGE_TAIL_RE = re.compile(
    r"^(similar jobs|similar roles|more jobs (like this|from this|at)|jobs you may (like|be interested in)|"
    r"people (also|who viewed this job also) viewed|recommended (jobs|for you)|other jobs (you|at|from))\b.{0,20}$",
    re.I,
)
# the heading a board puts over its keyword tags at the foot of a posting
_TAGS_HEADING_RE = re.compile(r"^(key |top |required |relevant |desired )?skills( and expertise| tags)?$")


def _skill_tags_aside(read: ReadPosting) -> ReadPosting:
    """A "Skills" list at the foot of a board's page ("Active Directory", "Intune", "Troubleshooting"): the
    board's search tags, each one word or three, when the posting asks for what it needs elsewhere."""
    by_section: dict[str, list[ReadItem]] = {}
    for item in read.items:
        by_section.setdefault(item.section or "", []).append(item)
    for section, items in by_section.items():
        others = [i for i in read.items if i.section != section and i.kind == "must"]
        tags = [i for i in items if len(i.text.split()) <= 3]
        if (
            _TAGS_HEADING_RE.match(section)
            and len(tags) >= 4
            and len(tags) >= 0.8 * len(items)
            and len(others) >= 2
        ):
            read.items = [i for i in read.items if i.section != section]
            read.set_aside += [SetAsideText(i.text, "skill tags") for i in items]
    return read
