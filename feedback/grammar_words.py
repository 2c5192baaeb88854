"""Word lists and patterns behind the sentence rules in ``grammar`` (general English, written by hand)."""

from __future__ import annotations

import re

from .lexicon import words

IRREGULAR_PAST = words(
    """
    arose ate became began bent bet bid bit blew bore bought bound brought broke built burnt caught
    chose clung came cost crept cut dealt did dove drew drove drank dug fed fell fled flew forbade
    forecast forgot forgave fought found froze gave got grew hung heard held hid hit hurt kept knelt
    laid led leapt left lent let lit lost made meant met mistook oversaw overcame overheard overrode
    paid put quit ran rang read rebuilt redid remade rewrote rode rose said sat saw sent set shook shot
    showed shut sang sank slept slid sold sought spent spoke sprang spun split spread stood stole stuck
    struck strove swept swore swam swung taught tore told took thought threw thrust undertook understood
    underwent upheld undid wrote woke wore won withdrew wound went
    """
)

# Past forms that describe a state, feeling or biography rather than something the person did in the story.
STATE_PAST = words(
    """
    was were had felt thought liked loved enjoyed wanted hoped believed knew needed seemed used wished
    guessed supposed meant tended preferred graduated studied majored grew lived worked been got
    happened applied realised realized learned learnt remembered forgot decided imagined expected heard
    saw appreciated
    """
)

# "-ed" words that are not past tenses of actions (or that follow "I" as something else).
ED_NOT_PAST = words(
    """
    need feed speed seed bed red shed indeed embed proceed succeed exceed weed breed bleed heed deed
    reed bred based interested excited motivated dedicated detailed experienced skilled qualified
    organized organised talented tired bored scared concerned pleased thrilled delighted allowed
    supposed used
    """
)

# Words allowed between the subject and its verb ("I then quickly rewrote ...").
BETWEEN = words(
    """
    then also quickly immediately personally actually just finally eventually first later soon initially
    ultimately basically um uh er ah like really carefully proactively successfully myself again
    originally recently once even still manually directly jointly together independently gradually
    subsequently ourselves all both single-handedly literally deliberately already
    """
)
MODALS = words(
    """
    would could might will should can may must 'd 'll shall
    """
)
MODAL_CONTRACTIONS = words(
    """
    i'd i'll we'd we'll you'd you'll they'd they'll
    """
)
HABIT_ADVERBS = words(
    """
    always usually typically generally normally often tend try regularly constantly
    """
)
WISH = frozenset(["love", "like", "enjoy", "want"])
INTENSIFIERS = words("really genuinely truly absolutely definitely so also")
GLAD = words("proud glad happy thrilled excited honored honoured grateful delighted keen")
ADVICE = frozenset(["need", "have", "want", "gotta", "got"])
# "you should ..." is advice at the start of a clause; "the best thing you can offer" is not
ADVICE_PREV = words(
    """
    and so but then first always just really also honestly basically
    """
)
# State verbs that still read as actions with the right next word ("I worked with QA", "I got buy-in").
ACTION_IF_FOLLOWED = {
    "worked": words(
        """
    with on closely alongside through late overtime directly together
    """
    ),
    "got": words(
        """
    the everyone them buy-in approval sign-off agreement
    """
    ),
    "decided": frozenset(["to", "on", "that"]),
    "realized": frozenset(["that", "the", "we"]),
    "realised": frozenset(["that", "the", "we"]),
}
# Words after "I" that are not present-tense verbs (conjunctions, articles, enthusiasm verbs, etc.).
NOT_PRESENT_VERB = words(
    """
    and to was the a it have love enjoy want hope believe think feel guess suppose mean like'd can't
    """
)
# present tense verbs that are claims of skill/experience rather than habits
CLAIM_VERBS = words(
    """
    know have understand use specialize specialise own
    """
)
SELF_DESC_AFTER_IM = words(
    """
    a an very really someone somebody the known good great excellent detail detail-oriented organized
    organised hardworking hard-working passionate reliable dependable motivated self-motivated driven
    proactive creative confident comfortable familiar experienced proficient skilled strong quick fast
    always naturally pretty
    """
)

# Verbs of finding out about the employer: "I read your blog", "I browsed the careers site", "I applied".
# With an employer-ish object they are incidental events, not evidence of how the person works.
INCIDENTAL_VERBS = words(
    """
    read looked applied saw heard visited browsed found came watched followed researched checked googled
    noticed met talked spoke reached stumbled discovered learned learnt
    """
)
EMPLOYER_WORDS = words(
    """
    your you website site posting post job ad advert listing blog handbook recruiter linkedin careers
    role company glassdoor reviews founders founder story about opening position jobs
    """
)
# Apostrophe-less forms from raw speech-to-text ("ive done that", "dont know").
UNAPOSTROPHED = {
    "ive": "i've",
    "im": "i'm",
    "weve": "we've",
    "youre": "you're",
    "theyre": "they're",
    "dont": "don't",
    "didnt": "didn't",
    "cant": "can't",
    "wouldnt": "wouldn't",
    "ill": "ill",
}

# Concreteness: what separates "Every Friday I reconcile the tills in Sage" (a real routine: experience)
# from "I always give 100 percent" (a trait in habit form: self-description).
FREQUENCY_RE = re.compile(
    r"\b((every|each) (single )?\w+|on (mondays|tuesdays|wednesdays|thursdays|fridays|weekends|nights|days)|"
    r"most (days|weeks|mornings|nights|shifts)|right now|currently|in my current|at my current|"
    r"on my (current )?(unit|team|floor|shift|ward|route|caseload)|(mondays|tuesdays|wednesdays|thursdays|"
    r"fridays)|"
    r"(for|over) (the (last|past) )?(\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) (years|"
    r"months)|"
    r"since (19|20)\d\d|day to day|day-to-day|a typical (day|week|shift))\b"
)
TRAIT_RE = re.compile(
    r"\b(passionate|team player|hard[- ]?work(er|ing)|detail[- ]oriented|problem[- ]solv(er|ing)|"
    r"people person|"
    r"(strong|great|good|excellent) communicator|fast learner|quick learner|go-getter|self[- ]starter|"
    r"believe|"
    r"believer|strengths?|weakness(es)?|mindset|perfectionist|(100|hundred) (percent|%)|my all|many hats|"
    r"synergy|"
    r"thrive|lifelong learner|results[- ]driven|customer[- ]obsessed|natural(ly)?|attitude|"
    r"personality|proactive|go above and beyond|wear|bridge the gap|value|best practices|leverage|"
    r"dedicated|reliable|dependable|driven|motivated)\b"
)
DIGIT_RE = re.compile(r"\d")
TENURE_RE = re.compile(
    r"\b(for|over) (about |almost |nearly |over )?(\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"several|many) "
    r"(years|yrs)\b|\bsince (19|20)\d\d\b"
)
PAST_MARK_RE = re.compile(
    r"\b(yesterday|last (week|month|year|quarter|spring|summer|fall|winter)|ago|was|were|had|did)\b"
)
# Verbs that read the same in present and past: past only if the context says so.
SAME_FORM_PRESENT = words(
    """
    read set put cut hit let quit spread shut cost hurt split bet bid burst cast
    """
)
# Résumé verbs, with the words after them that make them biography rather than an action in a story.
BIO_VERBS: dict[str, frozenset[str]] = {
    "started": words(
        """
    at as in on out there here with my
    """
    ),
    "began": frozenset(["at", "as", "in", "on", "my"]),
    "moved": words(
        """
    into to at over from here on up
    """
    ),
    "spent": words(
        """
    two three four five six seven eight nine ten several many a the my
    """
    ),
    "joined": words(
        """
    a an the as in my their our
    """
    ),
    "transferred": frozenset(["to", "into"]),
    "switched": frozenset(["to", "into", "careers"]),
    "became": frozenset(["a", "an", "the"]),
}
NUMBERISH = words(
    """
    two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred
    thousand dozen
    """
)

AUX = words(
    """
    have has had 've been 'm am do did don't not just also really still always usually
    """
)
# Verbs that say nothing about how the person works ("I think", "I want", "I applied", "what I make").
NON_WORK_VERBS = words(
    """
    applied heard saw seen read make made earn earned live lived think thought guess figure figured
    suppose know knew want wanted love loved like hope see believe feel felt am be consider say said
    would could will can should might need wish mean going pretend find found looking look looked get
    got 'd 'll i and to a the it that this so was were is are have try tried aim strive describe
    consider pride hear
    """
)
