"""Follow-up drafts: after a session, one thank-you email per interviewer (never one group email), written as
editable text files. Nothing is sent anywhere.

Each draft has four parts, all drawn from the person's own answers in the session:
- thanks, by name, for the conversation about this role;
- renewed interest, in the person's own words: their strongest enthusiasm sentence (the one with intent and
  something particular to this employer), lightly cleaned of spoken fillers;
- one specific example that fits this interviewer's role: examples are ranked by how much the words of the
  role (and the topics such a person cares about: an engineering manager the technical work, a recruiter the
  collaboration and motivation) overlap the requirement the example evidences; different interviewers get
  different examples when the session has more than one;
- the requirement that example evidences, quoted from the posting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from feedback.model import Feedback
from feedback.text import normalise, stem, tokenize
from practice.core.files import atomic_write_text, safe_name
from practice.core.job_choices import job_description
from practice.core.records import AttemptRecord, SessionRecord
from practice.prep.coverage import example_for
from practice.prep.tailor import find_company
from practice.storage.history import Store
from practice.storage.paths import data_dir

# Topics people in a role listen for, by a word of their job title. Stems are compared, so "engineering" and
# "engineer" meet, as do "collaborated" and "collaboration".
_ROLE_TOPICS: dict[str, str] = {
    "technical": """code python go java sql postgresql postgres database query schema index kubernetes k8s
        docker api rest services backend system performance latency test ci deploy production incident debug
        architecture migration infrastructure cloud aws technical pipeline data dashboard analysis model""",
    "leadership": """team led lead mentor coach hire delivery deadline priorit project ownership owned review
        stakeholder result plan budget goal""",
    "people": """team collaborat communicat written feedback mentor culture value motivat customer partner
        together coach conflict trust learn stakeholder helped listen""",
    "product": """user customer metric experiment test roadmap launch spec research interview conversion
        activation retention usability design""",
    "sales": """customer client account renewal churn pipeline quota meeting call deal revenue onboard qbr
        expansion prospect""",
    "clinical": """patient care medication safety escalat rapid response epic document discharge education
        fall nurse assessment""",
    "operations": """safety shift associate target accuracy inventory wms osha uph pick ship throughput
        schedule train""",
}
_ROLE_WORDS: dict[str, str] = {
    "technical": "engineer engineering developer architect cto technical tech devops sre platform data "
    "scientist analyst software infrastructure security qa",
    "leadership": "manager management lead head director vp president supervisor chief founder owner",
    "people": "recruiter recruiting talent hr human people coordinator acquisition sourcer culture partner",
    "product": "product pm designer design ux research",
    "sales": "sales account customer success ae sdr revenue business commercial",
    "clinical": "nurse nursing physician doctor clinical charge cno medical",
    "operations": "operations ops warehouse logistics shift site plant fulfillment",
}
# only sounds that are never words: "kind of", "like" and "I mean" are often meant ("the kind of problem")
_FILLERS = re.compile(r"\b(?:u+m+|u+h+|a+h+|hmm+)\b,?\s*|\byou know,\s*", re.I)
_OPENERS = re.compile(r"^(?:(?:and|so|but|well|honestly|also|plus|anyway|oh|okay|ok|yeah),?\s+)+", re.I)
_INTENT = re.compile(
    r"\b(i want|i'd love|i would love|excited|looking forward|i'd be|i'd really|can't wait|"
    r"eager|i hope)\b",
    re.I,
)
_DANGLING = re.compile(r"^(?:that|this|it|they|those|these)\b", re.I)


def _stems(text: str) -> set[str]:
    return {stem(t.norm) for t in tokenize(normalise(text)) if len(t.norm) > 1}


_TOPIC_STEMS = {name: {stem(w) for w in words.split()} for name, words in _ROLE_TOPICS.items()}
_ROLE_STEMS = {name: {stem(w) for w in words.split()} for name, words in _ROLE_WORDS.items()}


@dataclass(frozen=True)
class Interviewer:
    name: str
    role: str = ""


def parse_interviewer(spec: str) -> Interviewer:
    """ "Dana Smith: Engineering Manager" (or "Dana Smith" alone) -> Interviewer."""
    name, _, role = spec.partition(":")
    name, role = name.strip(), role.strip()
    if not name:
        raise ValueError(f'{spec!r}: give the interviewer\'s name, as "Name: Role"')
    return Interviewer(name, role)


# A title's domain word says what the interviewer listens for; "manager" or "head" alone says less, so the
# leadership topics weigh half: an engineering manager hears the technical example first.
_TOPIC_WEIGHT = {"leadership": 1.0}
DOMAIN_WEIGHT = 2.0
# Interviewers compare notes: an example already in another interviewer's email is used again only when the
# session has no other.
REUSE_PENALTY = 100.0


def role_topics(role: str) -> dict[str, float]:
    """The stems an interviewer in this role listens for, with weights: the topics of each kind of role their
    title names, and the title's own other words ("payments" in "Payments Lead")."""
    words = _stems(role)
    weights: dict[str, float] = {}
    all_role_words = set().union(*_ROLE_STEMS.values())
    for word in words - all_role_words:
        weights[word] = 1.0
    for name, role_words in _ROLE_STEMS.items():
        if words & role_words:
            weight = _TOPIC_WEIGHT.get(name, DOMAIN_WEIGHT)
            for topic in _TOPIC_STEMS[name]:
                weights[topic] = max(weights.get(topic, 0.0), weight)
    return weights


@dataclass(frozen=True)
class Example:
    """One example sentence from the session and the requirement it evidences."""

    sentence: str
    label: str
    requirement: str | None
    must_have: bool
    question: str
    strength: int
    """The answer's examples score: a full story with a measured result ranks first."""
    terms: int = 0
    """How many of the requirement's terms the answer used."""
    context: str = ""
    """The answer's situation sentence, when the example leans on it ("I mentored both of them ...")."""


def clean_spoken(sentence: str) -> str:
    """A transcript sentence made fit for an email: fillers and leading "so"/"and" removed, capitalised."""
    text = _FILLERS.sub("", sentence).strip()
    text = _OPENERS.sub("", text).strip()
    text = re.sub(r"\s+", " ", text)
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def session_examples(attempts: list[AttemptRecord]) -> list[Example]:
    """Every example sentence of the session that evidences a requirement (one entry per sentence, with the
    requirement it shows best), plus each answer's own best action/result sentence when no job was given."""
    found: dict[str, Example] = {}
    for attempt in attempts:
        feedback = attempt.result
        if feedback is None:
            continue
        strength = attempt.score("examples") or 0
        results = feedback.alignment.requirements
        for result in results:
            if result.status != "covered":
                continue
            example = example_for(feedback, result)
            if example is None or example.label == "mention":
                continue
            candidate = Example(
                example.text,
                example.label,
                result.text,
                result.must_have,
                attempt.question_text,
                strength,
                len(result.matched_terms),
                _context(feedback, example.text),
            )
            current = found.get(example.text)
            # one sentence can evidence several requirements: name the must-have it shows most of
            if current is None or (candidate.must_have, candidate.terms) > (current.must_have, current.terms):
                found[example.text] = candidate
        if not results:  # no job description: the story itself, without a requirement
            spans = [e for e in feedback.examples.evidence if e.label in ("result", "action")]
            spans.sort(key=lambda e: e.label != "result")
            if spans:
                text = spans[0].text.strip()
                found.setdefault(
                    text, Example(text, spans[0].label, None, False, attempt.question_text, strength)
                )
    return list(found.values())


_LEANS_BACK = re.compile(r"^(?:\S+\s+){0,7}?(?:them|it|they|this|that|these|those)\b", re.I)


def _context(feedback: Feedback, sentence: str) -> str:
    """The situation sentence before an example that refers back to it ("both of them": who?)."""
    if not _LEANS_BACK.match(sentence):
        return ""
    start = feedback.transcript.find(sentence)
    spans = [
        e
        for e in feedback.examples.evidence
        if e.label == "situation" and e.end <= start and e.text.strip() != sentence
    ]
    return spans[-1].text.strip() if spans and start >= 0 else ""


def pick_example(interviewer: Interviewer, examples: list[Example], used: dict[str, int]) -> Example | None:
    """The example that fits this interviewer's role best, among those not yet given to another interviewer
    (when there are any left), so each email tells its reader something specific to them."""
    topics = role_topics(interviewer.role)

    def score(ex: Example) -> float:
        words = _stems(f"{ex.requirement or ''} {ex.sentence}")
        return (
            sum(weight for word, weight in topics.items() if word in words)
            + 0.5 * ex.must_have
            + ex.strength / 100
            + 0.3 * (ex.label == "result")
            - REUSE_PENALTY * used.get(ex.sentence, 0)
        )

    return max(examples, key=score, default=None)


def enthusiasm_sentence(attempts: list[AttemptRecord], company: str | None) -> str | None:
    """The person's strongest statement of interest: from the answer with the highest enthusiasm score, the
    evidence sentence with intent ("I'd love to ...") and the company's name, grown to its full sentence."""
    best: tuple[tuple[float, ...], str] | None = None
    for attempt in attempts:
        feedback = attempt.result
        transcript = (feedback.transcript if feedback else "") or attempt.transcript or ""
        score = attempt.score("enthusiasm") or 0
        for ev in feedback.enthusiasm.evidence if feedback else []:
            if ev.label != "enthusiasm":
                continue
            sentence = _full_sentence(transcript, ev.start, ev.end) or ev.text
            sentence = clean_spoken(sentence)
            words = len(sentence.split())
            if words < 5 or words > 60 or sentence.lower().startswith(("thank", "thanks")):
                continue
            key = (
                score,
                bool(_INTENT.search(sentence)),
                bool(company and company.lower() in sentence.lower()),
                not _DANGLING.match(sentence),
                -abs(words - 25),
            )
            if best is None or key > best[0]:
                best = (key, sentence)
    return best[1] if best else None


def _full_sentence(transcript: str, start: int, end: int) -> str:
    """The evidence span grown to the whole sentence it sits in (evidence can be a clause of a long one)."""
    left = max([transcript.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n")] + [-1])
    right = [i for i in (transcript.find(mark, end - 1) for mark in (".", "!", "?", "\n")) if i >= 0]
    stop = min(right) + 1 if right else len(transcript)
    return transcript[left + 1 : stop].strip()


def _as_role(role: str) -> str:
    """ "Engineering Manager" -> "an Engineering Manager"; "Head of Product" and "the CTO" stay as is."""
    if re.match(r"(?:the|a|an|head|vp|director|chief|cto|ceo|coo|cfo|founder)\b", role, re.I):
        return role
    return ("an " if role[:1].lower() in "aeio" else "a ") + role


def _lower_start(sentence: str) -> str:
    first = sentence.split(" ", 1)[0]
    if first in ("I", "I'm", "I've", "I'd", "I'll") or first.isupper() or not first[1:2].islower():
        return sentence
    return sentence[0].lower() + sentence[1:]


def draft_text(
    interviewer: Interviewer,
    title: str | None,
    company: str | None,
    enthusiasm: str | None,
    example: Example | None,
) -> str:
    role_phrase = f"the {title} role" if title else "the role"
    where = f" at {company}" if company else ""
    subject = f"Thank you - {title} interview" if title else "Thank you for the interview"
    lines = [f"Subject: {subject}", "", f"Dear {interviewer.name},", ""]
    thanks = f"Thank you for taking the time to talk with me about {role_phrase}{where}."
    if interviewer.role:
        thanks += f" I appreciated hearing your perspective as {_as_role(interviewer.role)}."
    lines += [thanks, ""]
    if enthusiasm:
        lines += [
            f"Our conversation left me even more excited about {role_phrase}. As I said, "
            f"{_lower_start(enthusiasm)}",
            "",
        ]
    else:
        lines += [f"Our conversation left me even more excited about {role_phrase}{where}.", ""]
    if example is not None:
        audience = f" to your work as {_as_role(interviewer.role)}" if interviewer.role else ""
        told = " ".join(clean_spoken(s) for s in (example.context, example.sentence) if s)
        paragraph = f"One example I shared seems especially relevant{audience}: {told}"
        if example.requirement:
            paragraph += (
                f' It is the kind of experience the role asks for: "{example.requirement.rstrip(".")}".'
            )
        lines += [paragraph, ""]
    lines += [
        "I would be glad to go into more detail on that or anything else. Thank you again for your time, "
        "and I look forward to hearing about the next steps.",
        "",
        "Best regards,",
        "[Your name]",
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Draft:
    interviewer: Interviewer
    path: Path
    text: str
    example: Example | None
    enthusiasm: str | None


def drafts_dir(session_id: str) -> Path:
    return data_dir() / "drafts" / safe_name(session_id, fallback="session")


def _draft_base(name: str) -> str:
    return safe_name(f"thank-you-{name.lower()}", fallback="thank-you")


def drafts_written(session_id: str, names: list[str]) -> dict[str, bool]:
    """For each interviewer name, whether a thank-you draft for them is in the session's drafts folder (the
    default one: drafts written elsewhere with `--out` are not seen). An empty name stands for the one
    interviewer of a session without a panel: any draft counts for them."""
    folder = drafts_dir(session_id)
    found = [p.stem for p in folder.glob("thank-you*.txt")] if folder.is_dir() else []
    written: dict[str, bool] = {}
    for name in names:
        base = _draft_base(name) if name else "thank-you"
        written[name] = any(
            stem == base or (stem.startswith(f"{base}-") and (not name or stem[len(base) + 1 :].isdigit()))
            for stem in found
        )
    return written


def _free_path(folder: Path, name: str) -> Path:
    """A new file name: an earlier draft (perhaps edited by hand) is never overwritten."""
    base = _draft_base(name)
    path, number = folder / f"{base}.txt", 2
    while path.exists():
        path, number = folder / f"{base}-{number}.txt", number + 1
    return path


def write_drafts(
    store: Store, session_id: str, interviewers: list[Interviewer], out_dir: Path | None = None
) -> list[Draft]:
    """One draft file per interviewer for a stored session; returns them in the order given."""
    session: SessionRecord | None = store.session(session_id)
    if session is None:
        raise LookupError(f"no session {session_id!r} in the history")
    if not interviewers:
        raise ValueError("name at least one interviewer")
    attempts = [a for a in store.attempts(session_id) if a.feedback]
    job = job_description(session.job_text, session.job_choices)  # as practiced: with the corrections
    title = job.title if job else session.job_title
    company = job.company if job else None
    if job is not None and company is None:
        company = find_company(job)
    enthusiasm = enthusiasm_sentence(attempts, company)
    examples = session_examples(attempts)
    folder = out_dir or drafts_dir(session_id)
    used: dict[str, int] = {}
    drafts: list[Draft] = []
    for interviewer in interviewers:
        example = pick_example(interviewer, examples, used)
        if example is not None:
            used[example.sentence] = used.get(example.sentence, 0) + 1
        text = draft_text(interviewer, title, company, enthusiasm, example)
        path = _free_path(folder, interviewer.name)
        atomic_write_text(path, text, mode=0o600)
        drafts.append(Draft(interviewer, path, text, example, enthusiasm))
    return drafts
