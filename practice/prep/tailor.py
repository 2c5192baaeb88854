"""Tailored practice: from a job description, a question bank that asks for evidence of each must-have.

One behavioral question per must-have requirement (requirements that say the same thing, such as a duty and
a qualification that both name PostgreSQL, share one question that targets both), "why this role" and
"why this company" questions that name the role and company found in the posting, and a closing "what
questions do you have for us". Each question records the requirements it targets (the bank format's
`targets` field), so practice can show what an answer should prove, and the result is an ordinary bank file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from feedback import JobChoices, JobDescription, Requirement, parse_job
from feedback.synonyms import canon_of
from feedback.text import normalise, stem, tokenize
from practice.core.banks import MAX_TEXT_CHARS, YOUR_QUESTIONS_TAG, Bank, Question, parse_bank
from practice.core.files import atomic_write_text
from practice.core.toml_text import toml_comment, toml_pairs, toml_table_array
from practice.prep.phrasing import Phrase, phrase_requirement

BEHAVIORAL_S, MOTIVATION_S, CLOSING_S = 90, 60, 45
FOLLOW_UPS = ("How do you know it worked?", "What would you do differently next time?")
# Question tails that fit the requirement's subject: "what was slow" is the right prompt for tuning work.
_TAILS = (
    (
        r"\b(tun\w*|performance|slow|latency|optimi[sz]\w*)\b",
        "What was slow, what did you do, and what changed?",
    ),
    (
        r"\b(incident|on[- ]call|outage|escalat\w*|rapid response)",
        "What happened, what did you do, and how did it end?",
    ),
    (r"\b(churn|renewals?|retention)\b", "What was at risk, what did you do, and what was the outcome?"),
    (r"\b(experiments?|a/b tests?)\b", "What did you test, what did you decide, and what changed?"),
    (r"\b(targets?|quota|goals?)\b", "What was the target, what did you do, and how close did you get?"),
    (
        r"\b(mentor\w*|coach\w*|supervis\w*|led a team|lead a team|train\w*)\b",
        "Who was involved, what did you do, and what changed for them?",
    ),
)
DEFAULT_TAIL = "What was the situation, what did you do, and what was the result?"
#: The longest requirement wording put into a question.
MAX_PHRASE_CHARS = 240
_QUALIFICATION = re.compile(
    r"require|qualif|must|you have|skills|minimum|about you|looking for|bring|need", re.I
)
_NOT_A_COMPANY = frozenset(
    (
        "remote",
        "hybrid",
        "onsite",
        "on-site",
        "shift",
        "nights",
        "days",
        "unit",
        "team",
        "department",
        "full-time",
        "part-time",
        "contract",
        "temporary",
        "senior",
        "junior",
    )
)
# phrase kinds, best first: a plain story prompt reads better than a quote of the posting
_KIND_RANK = {"action": 0, "communication": 1, "years": 2, "quote": 3}


@dataclass
class Tailored:
    """The tailored questions, the role and company they name, and the requirements with no question."""

    title: str | None
    company: str | None
    questions: list[Question]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(requirement, why it has no question): credentials, and sentences about the company."""
    kinds: dict[str, str] = field(default_factory=dict)
    """question id -> how its wording was made (action, years, communication, quote, motivation, closing)."""

    @property
    def heading(self) -> str:
        return " at ".join(p for p in (self.title, self.company) if p) or "this job"

    def bank(self, path: Path | None = None) -> Bank:
        name = f"Tailored: {self.heading}"
        description = (
            "Generated from the job description: one question per must-have requirement, plus why this "
            "role, why this company and your questions for them."
        )
        slug = _slug(self.heading) or "job"
        return Bank(
            f"tailored-{slug}",
            name,
            description,
            path or Path(f"tailored-{slug}.toml"),
            tuple(self.questions),
            ("tailored",),
        )

    def toml(self, source: str | None = None) -> str:
        """The bank as TOML text (valid for `banks validate`), with the skipped requirements as comments."""
        bank = self.bank()
        comments = [
            f"Tailored practice for {self.heading}" + (f" (from {source})" if source else ""),
            "Made by `interview-practice tailor`. Edit freely: the format is in question_banks/README.md.",
            *(f"No question for {requirement!r}: {why}" for requirement, why in self.skipped),
        ]
        parts = ["".join(toml_comment(line) + "\n" for line in comments)]
        parts.append(
            toml_pairs(
                {"name": bank.name, "description": bank.description, "tags": bank.tags, "version": 1},
                keep_empty=True,
            )
        )
        for question in self.questions:
            parts.append(
                toml_table_array(
                    "questions",
                    {
                        "id": question.id,
                        "text": question.text,
                        "category": question.category,
                        "targets": question.targets,
                        "follow_ups": question.follow_ups,
                        "target_seconds": question.target_seconds or None,
                        "strong_answer": question.strong_answer,
                        "tags": question.tags,
                    },
                )
            )
        return "\n".join(parts)


def _slug(text: str, limit: int = 40) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-")


def clean_title(title: str | None) -> str | None:
    """ "Customer Success Manager (Mid-Market)" -> "Customer Success Manager": asides read badly aloud."""
    if not title:
        return None
    title = re.sub(r"\s*\([^)]*\)", "", title).strip(" ,-–—")
    return title or None


def find_company(job: JobDescription) -> str | None:
    """The parser's company, else the name after a dash on the first line ("Senior Backend Engineer -
    Northwind Logistics") when the body uses it again ("Northwind builds ..."): a cautious second look."""
    if job.company:
        return job.company
    lines = [ln.strip() for ln in job.text.splitlines() if ln.strip()]
    if not lines:
        return None
    parts = re.split(r"\s+[-–—|@]\s+|\s+at\s+", lines[0])
    if len(parts) < 2:
        return None
    candidate = re.sub(r"\s*\(.*$", "", parts[-1]).split(",")[0].strip()
    words = candidate.split()
    body = "\n".join(lines[1:])
    if (
        1 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in _NOT_A_COMPANY for w in words)
        and re.search(rf"\b{re.escape(words[0])}\b", body)
    ):
        return candidate
    return None


def _key(word: str) -> str:
    key = stem(word)
    return key[:-1] if len(key) > 3 and key.endswith("e") else key  # "tune" and "tuning" meet at "tun"


def _term_key(term: str) -> str:
    """One key per way of saying a term: the synonym table's canonical name ("QBRs" and "quarterly business
    reviews", "Postgres" and "PostgreSQL" meet), else its stemmed words."""
    tokens = tuple(t.norm for t in tokenize(normalise(term)))
    return canon_of(tokens) or " ".join(_key(w) for w in normalise(term).replace("-", " ").split())


def _words(term: str) -> set[str]:
    return {_key(w) for w in normalise(term).replace("-", " ").split()}


def _heavy(req: Requirement, term: str, exclude: set[str]) -> bool:
    """A name or domain term (weight 1 in the parser), not the job title's or company's own words."""
    return req.weights.get(term, 0.5) >= 1.0 and not _words(term) <= exclude


def _keys(req: Requirement, exclude: set[str]) -> tuple[dict[str, set[str]], set[str]]:
    """({term key: its words}, keys of names and domain terms), without the title's and company's words."""
    keys: dict[str, set[str]] = {}
    heavy: set[str] = set()
    for term in req.terms:
        if _words(term) <= exclude:
            continue
        key = _term_key(term)
        keys[key] = _words(term) - exclude
        if _heavy(req, term, exclude):
            heavy.add(key)
    return keys, heavy


def _shared(a: dict[str, set[str]], b: dict[str, set[str]]) -> int:
    """Terms in common: whole terms, then a word of one's longer term that is a whole term of the other
    ("automated tests" and "tests")."""
    whole = a.keys() & b.keys()
    used = set().union(*(a[k] for k in whole)) if whole else set()
    partial = {k for k in a.keys() - whole if len(a[k]) == 1 and a[k] & set().union(*b.values()) - used}
    partial |= {k for k in b.keys() - whole if len(b[k]) == 1 and b[k] & set().union(*a.values()) - used}
    return len(whole) + len(partial)


def _groups(reqs: list[Requirement], exclude: set[str]) -> list[list[int]]:
    """Requirements that ask for the same evidence, joined: a shared name or domain term (PostgreSQL, QBRs),
    and two shared terms or half of the shorter one's ("Write tests ... CI/CD", "automated tests, CI/CD")."""
    keys = [_keys(r, exclude) for r in reqs]
    parent = list(range(len(reqs)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(reqs)):
        for j in range(i + 1, len(reqs)):
            (a, heavy_a), (b, heavy_b) = keys[i], keys[j]
            shared = _shared(a, b)
            smaller = max(1, min(len(a), len(b)))
            if heavy_a & heavy_b and (shared >= 2 or shared / smaller >= 0.5):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(reqs)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _tail(text: str) -> str:
    for pattern, tail in _TAILS:
        if re.search(pattern, text, re.I):
            return tail
    return DEFAULT_TAIL


def clip(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, marked with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{head}…"


def question_text(phrase: Phrase, requirement: str) -> str:
    """The spoken question for a requirement's phrase (a run-on posting line is cut short: nobody asks a
    question of several hundred words, and a bank's texts have a limit)."""
    phrase = replace(phrase, text=clip(phrase.text, MAX_PHRASE_CHARS))
    tail = _tail(phrase.text)  # the words asked about, not the whole posting line
    if phrase.kind == "years":
        return f"Walk me through something you're proud of from your {phrase.text}. {tail}"
    if phrase.kind == "communication":
        return (
            f"Tell me about a time your {phrase.text} made a difference. Who was it for, what did you "
            "say or write, and what changed because of it?"
        )
    if phrase.kind == "quote":
        stop = "" if phrase.text.endswith("…") else "."
        said = f'The job description says: "{phrase.text}{stop}"'
        return f"{said} Tell me about a time you did this kind of work. {tail}"
    preface = f"{phrase.preface} " if phrase.preface else ""
    return f"{preface}Tell me about a time you {phrase.text}. {tail}"


def _display_terms(reqs: list[Requirement], exclude: set[str]) -> list[str]:
    """The names and domain terms a group asks about, once each ("on-call" and "on call" are one)."""
    out: dict[str, str] = {}
    for req in reqs:
        for term in req.terms:
            if _heavy(req, term, exclude):
                out.setdefault(_term_key(term), term)
    return list(out.values())[:4]


def tailor(job_text: str, choices: JobChoices | None = None) -> Tailored:
    """The tailored questions for a job description, read with the person's corrections if any (lines left
    out ask nothing, lines added are asked about). Deterministic: the same text gives the same bank."""
    job = parse_job(job_text, choices)
    title, company = clean_title(job.title), find_company(job)
    exclude = {_key(w) for w in normalise(f"{title or ''} {company or ''}").replace("-", " ").split()}
    result = Tailored(title, company, [])
    must = [r for r in job.requirements if r.must_have]
    phrases = {id(r): phrase_requirement(r.text) for r in must}
    askable = []
    for req in must:
        if phrases[id(req)].kind == "skip":
            result.skipped.append((req.text, phrases[id(req)].text))
        else:
            askable.append(req)
    behavioral: list[Question] = []
    for number, group in enumerate(_groups(askable, exclude), start=1):
        reqs = [askable[i] for i in group]
        # the qualification's wording first ("Deep experience with PostgreSQL performance tuning" over the
        # duty "Tune PostgreSQL queries"): it says what the interviewer will check
        best = min(
            reqs,
            key=lambda r: (
                not _QUALIFICATION.search(r.section or ""),
                _KIND_RANK[phrases[id(r)].kind],
                len(r.text),
            ),
        )
        reqs.remove(best)
        reqs.insert(0, best)
        phrase = phrases[id(best)]
        terms = _display_terms(reqs, exclude)
        qid = f"req-{number}" + (f"-{_slug(' '.join(terms[:2]), 30)}" if terms else "")
        used = (
            f"; name {', '.join(terms)} where you used {'it' if len(terms) == 1 else 'them'}."
            if terms
            else "."
        )
        strong = (
            "One real time, in the first person: the situation in a sentence, what you did, and a "
            "measurable result" + used
        )
        behavioral.append(
            Question(
                qid,
                question_text(phrase, best.text),
                "behavioral",
                FOLLOW_UPS,
                BEHAVIORAL_S,
                strong,
                tuple(clip(r.text, MAX_TEXT_CHARS) for r in reqs),
            )
        )
        result.kinds[qid] = phrase.kind
    result.questions = [_why_role(title, company), _why_company(company), *behavioral, _closing(title)]
    for q in (result.questions[0], result.questions[1]):
        result.kinds[q.id] = "motivation"
    result.kinds[result.questions[-1].id] = "closing"
    return result


def _why_role(title: str | None, company: str | None) -> Question:
    role = f"this {title} role" if title else "this role"
    where = f" at {company}" if company else ""
    return Question(
        "why-role",
        f"Why do you want {role}{where}? What about the work itself draws you to it?",
        "motivation",
        target_seconds=MOTIVATION_S,
        strong_answer="Name two or three duties from the posting you want to do, why they matter to you, "
        "and what you would bring to them from your own experience.",
    )


def _why_company(company: str | None) -> Question:
    text = (
        f"Why {company}? What do you know about what we do, and why do you want to work here in particular?"
        if company
        else "Why do you want to work here in particular? What do you know about what we do, and what "
        "draws you to it?"
    )
    name = company or "the company"
    return Question(
        "why-company",
        text,
        "motivation",
        target_seconds=MOTIVATION_S,
        strong_answer=f"Something particular about {name} (its product, mission, customers or a program in "
        'the posting), why it matters to you, and what you want to do there: "I want to ...".',
    )


def _closing(title: str | None) -> Question:
    about = f" about the {title} role or the team" if title else ""
    return Question(
        "your-questions",
        f"We're nearly out of time. What questions do you have for us{about}?",
        "closing",
        target_seconds=CLOSING_S,
        strong_answer="Two or three questions that show you read the posting and want the job: the team's "
        "biggest problem this year, how success is measured in the first 90 days, what the interviewer "
        "enjoys.",
        tags=(YOUR_QUESTIONS_TAG,),
    )


def write_bank(tailored: Tailored, path: Path, source: str | None = None) -> Bank:
    """Write the tailored bank atomically, after checking it loads as a valid bank (never a broken file)."""
    text = tailored.toml(source)
    bank = parse_bank(text, path)
    atomic_write_text(path, text, mode=0o644)
    return bank


def save_among_banks(tailored: Tailored, folder: Path, source: str | None = None) -> Bank:
    """Save the tailored bank into the person's banks folder without overwriting anything they may have
    edited: the first of NAME.toml, NAME-2.toml, ... that is free or already holds exactly this bank (the same
    job tailored again reuses its file). Raises BankError or OSError like write_bank."""
    text = tailored.toml(source)
    name = tailored.bank().id
    for number in range(1, 1000):
        path = folder / (f"{name}.toml" if number == 1 else f"{name}-{number}.toml")
        try:
            if path.read_text(encoding="utf-8") == text:
                return parse_bank(text, path)
        except FileNotFoundError:
            return write_bank(tailored, path, source)
        except (OSError, UnicodeDecodeError):
            continue  # unreadable or not text: someone else's file, leave it be
    raise OSError(f"{folder} already holds 999 tailored banks named {name}: tidy some away")
