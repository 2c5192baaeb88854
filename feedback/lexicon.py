"""Shared word lists. General English and general job-posting vocabulary, written by hand."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set of whitespace-separated words (keeps long word lists readable)."""
    return frozenset(text.split())


STOPWORDS = words(
    """
    a about above across after again against all almost also although always am among an and any anyone
    anything are around as at be became because been before being below between both but by can cannot
    could did do does doing done down during each either else etc even ever every few for from further
    get gets getting given go goes going got had has have having he her here hers herself him himself
    his how however i if in into is it its itself just least less let like likely made make makes many
    may me might more most much must my myself near need needs neither never no nor not now of off often
    on once one only onto or other others our ours ourselves out over own per perhaps please quite
    rather really same see seem seems several shall she should since so some something such than that
    the their theirs them themselves then there therefore these they this those though through
    throughout thus to together too toward towards under until up upon us use used uses using very via
    was we well were what whatever when where whether which while who whom whose why will with within
    without would yet you your yours yourself yourselves etc e.g i.e eg ie able across add adds also amp
    around based day days new want wants way ways within year years plus i'm i've i'd i'll you're you'll
    you've we're we'll we've it's that's there's don't doesn't won't can't
    """
)

# Words that appear in almost every job posting and almost every answer: they carry no evidence of fit.
GENERIC_JOB_WORDS = words(
    """
    ability abilities experience experienced experiences skill skills skilled strong excellent good
    great solid proven demonstrated knowledge understanding familiarity familiar proficiency proficient
    expertise expert work works worked working job jobs role roles position positions team teams company
    companies business candidate candidates responsibilities responsibility requirements requirement
    required require requires qualifications qualification preferred bonus nice ideal ideally including
    include includes related relevant similar equivalent minimum degree bachelor bachelor's master's
    field environment fast-paced paced dynamic opportunity opportunities looking seeking join hiring
    support supporting help helping ensure ensuring across multiple various variety range level
    high-quality quality best practices practice other others detail details oriented detail-oriented
    self-starter self motivated motivated passion passionate communication-skills year's plus must-have
    must nice-to-have track record record comfortable effectively effective efficiently efficient
    closely partner partners stakeholders' area areas key core ownership own owning take takes
    responsible deliver delivering successful success
    """
)

NUMBER_WORDS = words(
    """
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
    million billion half double doubled twice triple tripled quadrupled halved tenfold
    """
)

FILLER_SINGLE = {
    "um": "um",
    "umm": "um",
    "uhm": "um",
    "erm": "um",
    "uh": "uh",
    "uhh": "uh",
    "er": "er",
    "ah": "ah",
    "ahh": "ah",
    "hmm": "hmm",
    "hm": "hmm",
    "mm": "hmm",
    "mhm": "hmm",
}

# Verbs and adjectives that postings use around the real requirement ("build and operate", "keep fast").
GENERIC_VERBS_ADJ = words(
    """
    build builds building built operate operates operating run runs running keep keeps write writes
    writing drive drives make take bring spot provide complete hit define talk share get send learn read
    decide explain answer move start started spend apply understand measure maintain maintaining
    designing recognize recognise part welcome real large small fast slow clear typical current active
    basic first main new big little open daily weekly every each high-volume hands-on want wants
    actually genuinely enough still used people thing things someone anyone lot lots able also like
    including well done doing ones matter matters plain sure right top whole world okay looking seeking
    join joining kind thing customer customers client clients user users product products people
    """
)
