"""Word lists for practice/prep/phrasing.py: the verbs job postings open their requirements with, their past tense
and "-ing" forms, and the nouns made from verbs ("tuning", "migration"). Kept apart so the rules read on
their own; extend a list when a real posting shows a missing word."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _pairs(text: str) -> dict[str, str]:
    """ "be:were run:ran" -> {"be": "were", "run": "ran"}; multi-word values use "_" for spaces."""
    return {k: v.replace("_", " ") for k, _, v in (item.partition(":") for item in text.split())}


IRREGULAR = _pairs(
    """
    be:were beat:beat become:became begin:began bring:brought build:built buy:bought choose:chose cut:cut
    deal:dealt do:did drive:drove feed:fed find:found forecast:forecast get:got give:gave grow:grew hit:hit
    hold:held keep:kept lead:led make:made meet:met oversee:oversaw put:put read:read rebuild:rebuilt
    rewrite:rewrote run:ran sell:sold send:sent set:set shut:shut speak:spoke spend:spent take:took
    teach:taught tell:told undertake:undertook win:won write:wrote
    """
)
# Past participles that differ from the past tense ("you've run migrations" -> "you ran migrations").
PARTICIPLES = _pairs(
    """
    been:were begun:began chosen:chose done:did driven:drove given:gave gotten:got grown:grew
    overseen:oversaw rewritten:rewrote run:ran spoken:spoke taken:took written:wrote
    """
)
REGULAR = _words(
    """
    accelerate achieve add address administer adopt advise advocate align analyse analyze answer anticipate
    apply architect assess assist audit author automate balance benchmark book brainstorm calculate call
    certify champion check clean close coach collaborate collect communicate complete conduct configure
    connect consolidate consult contribute convert convince coordinate create cultivate debug decide define
    delegate deliver demonstrate deploy design detect determine develop diagnose direct discover document
    draft edit educate eliminate employ enable encourage enforce engage enhance ensure escalate establish
    estimate evaluate execute expand explain explore extend facilitate finalize fix follow foster gather
    generate guide handle help hire identify implement improve influence initiate inspect install integrate
    interpret interview introduce investigate join launch learn leverage listen maintain manage measure
    mentor merge migrate minimize model moderate modernize monitor motivate negotiate nurture observe onboard
    open operate optimise optimize orchestrate organise organize own partner perform pitch plan prepare
    present prevent prioritise prioritize process produce profile promote propose prospect protect prototype
    provide publish qualify raise recognise recognize recommend reconcile recruit redesign reduce refactor
    refine release renew report represent research resolve respond restore review revise scale schedule scope
    screen secure serve share ship simplify solve source spearhead spot standardize streamline strengthen
    supervise support sustain talk test track train transform translate triage troubleshoot tune update
    upgrade use validate verify visualize work
    """
)
BASE_VERBS: frozenset[str] = REGULAR | frozenset(IRREGULAR)
# Words that are as often nouns: they count as verbs only at the start of a requirement or right after
# "and" ("Partner with engineering, design and marketing": "design" there is a noun).
AMBIGUOUS = _words(
    """
    answer audit author balance benchmark book call check close coach design document draft help interview
    lead model open own partner pitch plan process profile prototype release report research review
    schedule scope screen share ship source spot support talk test track train use work
    """
)
_DOUBLE = _words("plan spot ship drop stop map scan commit control prefer refer admit submit")
_DOUBLE_ING = _DOUBLE | _words("run get set cut put hit win begin shut")


def past(verb: str) -> str:
    """The simple past of a base verb ("tune" -> "tuned", "run" -> "ran", "plan" -> "planned")."""
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb in _DOUBLE:
        return verb + verb[-1] + "ed"
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "i", "o", "u"):
        return verb[:-1] + "ied"
    return verb + "ed"


def gerund(verb: str) -> str:
    """ "tune" -> "tuning", "run" -> "running", "be" -> "being"."""
    if verb in ("be", "see"):
        return verb + "ing"
    if verb in _DOUBLE_ING:
        return verb + verb[-1] + "ing"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


FROM_GERUND = {gerund(v): v for v in BASE_VERBS}
THIRD_PERSON = frozenset(v + ("es" if v.endswith(("s", "sh", "ch", "x")) else "s") for v in BASE_VERBS)
# Nouns made from verbs: "performance tuning" -> "tuned performance".
NOMINAL = _pairs(
    """
    tuning:tuned optimization:optimized optimisation:optimised design:designed management:managed
    planning:planned testing:tested forecasting:forecast monitoring:monitored debugging:debugged
    modeling:modeled modelling:modelled analysis:analyzed migration:migrated migrations:migrated
    onboarding:onboarded hiring:hired recruiting:recruited mentoring:mentored coaching:coached
    scheduling:scheduled budgeting:budgeted negotiation:negotiated prospecting:prospected automation:automated
    troubleshooting:troubleshot profiling:profiled
    """
)
# Plural activity nouns that lead a noun phrase: "experiments that moved a metric" -> "ran experiments ...".
ACTIVITY = _pairs(
    """
    experiments:ran a/b_tests:ran campaigns:ran workshops:ran audits:ran qbrs:ran launches:led projects:led
    teams:led dashboards:built reports:wrote specs:wrote presentations:gave demos:gave
    """
)
