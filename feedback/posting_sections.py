"""What each part of a posting is: requirements, duties, nice-to-haves, or something to set aside.

Postings mix the requirements with text that only looks like them: the company's description ("we are
passionate about quality"), pay, benefits, the schedule, physical demands, background checks, legal and
equal-opportunity text, how to apply, the boxes of an applicant form and screening questions. Each of these is
recognised by what it talks about, by its heading when there is one and line by line when there is not, and
is set aside with a reason the person can read.
"""

from __future__ import annotations

import re

# --- headings: what the lines under them are
NICE_HEAD_RE = re.compile(
    r"nice[ -]to[ -]have|preferred|bonus|\bplus(es)?\b|desirable|desired|extra credit|ideally|good to have|"
    r"optional|also welcome|great if|even better|not required|advantageous|advantage|an asset|extras?\b|merit|"
    r"stand out|set you apart|extra points|(extra|really|especially) happy|brownie points"
)
REQ_HEAD_RE = re.compile(
    r"require|qualif|must[ -]?haves?|what you('ll)? (bring|need|have)|what we('re| are) looking|who you are|"
    r"you have|skills|minimum|essential|about you|experience|you should|your background|you bring|"
    r"what it takes|competenc|ideal candidate|person spec|education|training|knowledge|licen[cs]|"
    r"certific|criteria|who we('re| are) looking for|you are|(your|candidate|ideal|desired|personal|required) "
    r"profile|^profile$|what we need|"
    r"eligibility|abilities|attributes|technical|key skills|must|qualities"
)
DUTY_HEAD_RE = re.compile(
    r"responsibilit|what you('ll| will) (do|work on|own|be doing)|duties|functions|the role|your role|day[ -]to[ -]day|"
    r"in this role|you will|you'll|key tasks|tasks|the job|about the (role|job|position)|your impact|"
    r"main duties|accountabilit|what the job involves|"
    r"what you'll achieve|scope|your mission|the opportunity|outcomes|activities|"
    r"day in the life|key result|your day|key performance|performance areas|\bkpas?\b|mahi|the work\b"
)

# headings and lines to set aside, with the reason shown to the person
SET_ASIDE_HEADS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "pay",
        re.compile(
            r"^(pay|salary|compensation|remuneration|rate|wage|ctc|package|pay range|base pay)\b|\b(pay|salary)\b"
        ),
    ),
    (
        "benefits",
        re.compile(
            r"benefit|perks|what we offer|we offer|what('s| is) in it for you|why (join|work)|rewards|"
            r"what you('ll)? get|in return|\boffers?\b|we provide|package"
        ),
    ),
    (
        "schedule",
        re.compile(
            # ("Schedule and supervise the kitchen helpers" is a duty, "Shift and schedule" a heading)
            r"^(schedule|shift|hours|working hours|job type|employment type|contract|work schedule)\b"
            r"(?!\s+and\s+(?!schedule|shifts?|hours)\w)"
        ),
    ),
    (
        "location",
        re.compile(
            r"^(location|locations|work location|job locations?|where you'll work|workplace|remote|based in)\b"
        ),
    ),
    (
        "physical demands",
        re.compile(r"physical (demands|requirements)|working conditions|work environment"),
    ),
    ("checks", re.compile(r"background check|screening|pre-employment|safeguarding|disclosure|dbs")),
    (
        "legal and equal opportunity",
        re.compile(
            r"equal (employment )?opportunit|eeo|diversity|inclusion|accommodation|privacy|gdpr|disclaimer|"
            r"legal|e-verify|notice|statement"
        ),
    ),
    (
        "how to apply",
        re.compile(
            r"how to apply|to apply|application|apply|next steps|interview process|hiring process|"
            r"closing date|contact|documents|our process|recruitment process|reference|how we hire|"
            r"hiring steps|interview (steps|stages)|what to expect|\bapplicants?\b|^(best |kind |warm |thanks (and|&) )?regards,?$|"
            r"^((many )?thanks|thank you|cheers|best( wishes)?|all the best),?$"
        ),
    ),
    ("questionnaire", re.compile(r"question|screening questions")),
    # "How we will know it worked, a year in": where the job should be by then, not what to show now
    # "Within the first six weeks you will", "By month six": milestones for the new starter, not the job's duties
    (
        "what success looks like",
        re.compile(
            r"success looks like|what success|measures? of success|"
            r"\b(in|within|during|over|after|by the end of) (your|the) first (\d+|\w+) (days|weeks|months|year)\b|"
            r"\b(30|60|90)[-/ ](60|90|day)|^by month (\d+|\w+)\b"
        ),
    ),
    # what a week of the job is like, and who should not apply: colour, not requirements
    (
        "what the work is like",
        re.compile(
            r"^(a|an|your) (typical|normal|usual) (day|week)|^a (day|week) in the life|not for you if|^what a (day|week)"
        ),
    ),
    # a board's keyword tags and search filters, gathered on one line before reading
    ("skill tags", re.compile(r"^skill tags$|^candidate filter$")),
    # the team's own tools, described: what the person will meet, not what is asked of them
    (
        "the team's tools",
        re.compile(r"^(our|the) (tech )?stack$|^tech stack$|^(tools|technology|tech) we use$|^what we use$"),
    ),
    (
        "about the company",
        re.compile(
            r"^(about (us|the company|the team|our company|our team|[A-Z]?\w+$)|who we are|our ([\w-]+ )?(values|culture|"
            r"mission|story|team|company)|the company|life at|company (overview|description|info|information|details)|why us|"
            r"company profile|meet the team|the team|why [a-z]|employer details|employer name|employer's website|"
            r"about the (organisation|organization|employer|"
            r"trust|school|practice|hospital|department|unit|service|client))"
        ),
    ),
    (
        "job details",
        re.compile(
            r"^(job details|details|additional information|other information|job info|supplemental information|"
            r"good to know|things to know|the small print|"
            r"(agency|address|phone|website|e-?mail|department|division)$)"
        ),
    ),
)

# what the employer hands over ("Laptop and uniform provided", "The company pays for your course"): an offer,
# even inside a list of requirements
PROVIDED_RE = re.compile(
    r"\b(is|are|will be|gets?)\s+provided\b|\bprovided\s+(after|from|on day|by (us|the company)|free|at no cost)\b|"
    r"^(the )?company (provides?|will provide|offers?|pays? for)\b|"
    r"\b(uniforms?|laptops?|equipment|visas?|cars?|vehicles?|phones?|accommodation|transport(ation)?|meals?|training|"
    r"tools?|ppe)\b([\s,+&]+[\w'’-]+){0,6}?\s+(provided|supplied)\b|"
    r"^(full |on-the-job |paid )?training\b.{0,40}\b(will be|is|are) (given|offered)\b|\bwe('ll| will) (pay for|cover|sponsor)\b|^(they|we)('ll| will) support you\b|\bpaid training\b|"
    r"\b(bus|transport|canteen|cab|shuttle) (facility|service)\b|^company (equipment|vehicle|car)\s*:",
    re.I,
)

# --- single lines that are not requirements, whatever section they sit in
LINE_SET_ASIDE: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "pay",
        re.compile(
            r"[$£€₹]\s?\d|\d\s?(k|lpa|lakhs?|per annum|p\.a\.)\b|\b(salary|compensation|base pay|pay range|"
            r"per hour|an hour|hourly rate|ote|wages?|remuneration|ctc|bonus structure|commission structure|"
            r"stipend|pay scale|band \d|agenda for change|actual pay|pay is based on)\b",
            re.I,
        ),
    ),
    (
        "benefits",
        re.compile(
            PROVIDED_RE.pattern
            + r"|\b(401\(?k\)?|paid time off|pto|health (insurance|care|benefits)|dental (insurance|plan|"
            r"coverage)|vision (insurance|coverage)|pension|annual leave|holiday allowance|days of holiday|"
            r"parental leave|gym|wellness|employee discount|life insurance|tuition (reimbursement|"
            r"assistance)|stock options|equity|relocation (assistance|package)|company car|free (lunch|"
            r"meals|parking)|learning budget|cycle to work|bike leasing|sick pay|benefits|referral (programme|program|"
            r"bonus|scheme)|(we('ll| will)|\w+ will) (train|teach) you|(full|all the) training (is |will be )?"
            r"(given|provided))\b",
            re.I,
        ),
    ),
    (
        "schedule",
        re.compile(
            r"^(full[- ]time|part[- ]time|weekends? as needed|permanent|temporary|contract|fixed[- ]term|internship|"
            r"day shift|night shift|\d+ hour shift|monday to friday|\d+[- ]hours? (per|a) week|"
            r"overtime|on call|rotating)\b|\b(hours per week|hours a week|shift pattern|work schedule|"
            r"monday\s*(to|-|–|through)\s*friday|available (to work )?(nights|weekends|evenings|holidays|early|late)|"
            r"(availability|available|willing(ness)?|ability|able) (to work|for) .{0,40}\b(evenings?|weekends?|nights?|"
            r"holidays|shifts|saturdays?|sundays?|rotas?)\b|immediate joiners?|notice period|(join|joining|start) within \d+ (days|weeks)|"
            r"(rotational|rotating|rotation) shifts?|shift work|shifts are|willing to work (nights|weekends|shifts|"
            r"rotational|rotating|overtime)|"
            # taking one's turn on a rota, not making it ("plan the weekly rota" is a duty)
            r"(participat\w*|take part|taking (a )?(share|part|turn)|share of|be part of|join\w*|included in|"
            r"work\w* (on )?(a|the|our))\b.{0,60}\b(rotas?|rosters?|on-?call)|(rotational|rotating) \w+ (duty|duties)|"
            r"on-?call (response|rota|roster)|meet the on-?call|"
            r"\b(\d|two|three|four|five|continuous|rotating)[- ]shift (system|pattern|roster|rota)|"
            r"\bdays on\b.{0,20}\bdays off\b|\b(early starts|long days|late finishes)\b|"
            r"\bavailable (on|for) (saturdays|sundays|weekends|nights|evenings|public holidays)|"
            r"^(roster|rota|hours|working hours|shifts?|schedule)\s*:\s*\w|on an? (roster|rota|rotating|shift) basis|"
            r"open availability|availab\w* to (work any|attend)\b|\boff-shift hours\b|"
            r"(ability|able|willing\w*) to (take call|cover|work)\b.{0,60}\b(weekends?|evenings?|nights?|early mornings?)\b|^no (evenings|weekends|nights|late shifts)\b|"
            r"\b(6|six|5|five)[- ]days? (a|per) week\b|available to join immediately|join immediately|"
            r"flexibility to (support|cover|work)\b.{0,40}\bshifts?\b|\bany \d+-hour shift|flexib\w+ to work\b.{0,40}\b(weekends?|evenings?|nights?|holidays)|overlapping hours|"
            r"overlap with .{0,30}\b(time|hours|time ?zone)|"
            # a day's timetable ("8:30 Huddle on the ward"): what the day looks like, not a duty
            r"^\d{1,2}[:.]\d{2}\s*(am|pm)?\s+[A-Z]\w*|\bon[- ]?site\b.{0,30}\b\d (days?) (a|per|each) week\b|^\d{1,2}\s?(am|pm)\s+[A-Z]\w*|^immediate start\b|\b24/7 (roster|rota|shifts?)|(can|able to) start (immediately|asap))\b",
            re.I,
        ),
    ),
    (
        "location",
        re.compile(
            r"^(remote|hybrid|on-?site|in person|work location)\b.{0,60}$|\brelocat\w+\b|"
            r"^[A-Z][\w .'-]+,\s*[A-Z]{2}\s+\d{5}\b|\b(reliably )?commute\b|"
            r"\blive within\b.{0,40}\b(minutes|miles|km|kilometres|kilometers)\b|"
            r"^(you('ll| will) be )?based (at|in|within|from|out of)\b|\bcommuting distance\b|"
            r"\bmust (reside|live) (in|within|near)\b|\bwork (from|in|at) (the |our )?([\w-]+ ){0,2}office\b|\bwfo\b|"
            # "Candidates from the city preferred", "Only candidates currently in the country": where they live
            r"^(must )?live (in|near|within) or near\b|^work from home$|\b(hybrid|on-?site) with (\w+) days a week\b|^(must )?live (in|near) \w+|"
            r"^(only )?candidates? (from|based in|currently in|residing in|located in|living in)\b"
            r"(?!.*\b(background|experience|industry|sector|domain|companies|firms)\b)|"
            r"^(must be )?based in\b",
            re.I,
        ),
    ),
    (
        "physical demands",
        re.compile(
            r"\b(lift(ing)?|carry(ing)?|push(ing)?|pull(ing)?) (up to )?\d+\s?(lbs?|pounds|kg|kilos)|"
            r"\bstand(ing)? (for|during) (long|extended|prolonged)|\bprolonged (periods|standing|sitting)|"
            r"\bphysical(ly)? (demands|able|fit)\b|\bbend(ing)?, |kneel|"
            r"\b(lift|lifting|carry|carrying|loading|unloading|move|moving)\b.{0,40}?\b\d+\s?(lbs?|pounds|kg|kilos)\b|"
            r"\b(standing|walking|bending|reaching|climbing|stooping|crouching)\b.{0,30}\b(standing|walking|bending|"
            r"reaching|climbing|stooping|crouching)\b|\bclimb in and out\b|"
            r"exposure to (blood|chemicals|noise|fumes|extreme)|climb(ing)? ladders|crawl ?spaces|"
            r"temperatures (exceeding|above|below|over)|arm reach|reach of \d+\s?cm|in direct sunlight|"
            r"(stand|sit|walk)(ing)? (in .{0,30})?for up to \d+|(stand|sit|walk)(ing)? for an? \d+[- ]hours?|"
            r"\b(walk|walking|stand|standing)\b.{0,20}\b\d[\d,]*\+? (steps|miles|km|hours)\b|"
            r"\b(outdoors|outside) in all (kinds of |types of )?(weathers?|weather conditions|seasons)\b|"
            r"\b(rider|body) weight (under|below|of no more than|not exceeding)\b|"
            r"^(?!.*\b(certificate|certification|ticket|training|course|card)\b).*\bworking at heights?\b",
            re.I,
        ),
    ),
    (
        "checks",
        re.compile(
            r"\b(background (check|screen|investigation)|drug (test|screen)|criminal (record|history)|"
            r"dbs (check)?|enhanced disclosure|pvg|right to (live and )?work|eligible to work|work authori[sz]ation|"
            r"visa sponsorship|sponsorship|pre-employment|fingerprint|credit check|security clearance "
            r"check|safeguarding checks|reference checks?|rehabilitation of offenders|disclosure and barring|"
            r"working rights|work rights|police (check|clearance|certificate)|"
            # being vaccinated is a check; giving vaccinations is the work ("deliver flu vaccinations")
            r"vaccinat\w+|immuni[sz]ation|"
            r"eligib\w+ to work|(medical|fitness)( and (fitness|medical))? (assessment|test|examination|exam)|"
            r"working with children check|certificate of good conduct|(security|police) vetting|"
            r"(a valid|working holiday|work|right-to-work) visa|authori[sz]ed to work|export[- ]controlled|"
            # being a citizen is a check; "working with senior citizens" is the work
            r"(valid|current) clearances? from|citizenship|(a|an|be|are) ([a-z.]+ )?citizens?( or| and|$| of)|"
            r"permanent residents?|"
            r"\bitar\b|u\.s\. persons?)\b",
            re.I,
        ),
    ),
    (
        "legal and equal opportunity",
        re.compile(
            r"\b(equal (employment )?opportunit\w*|without regard to|regardless of (race|age|gender)|"
            r"reasonable accommodation|(need|require) an accommodation|protected (veteran|characteristic|status)|affirmative action|"
            r"e-verify|disabilit(y|ies) confident|we (welcome|encourage) applications from|"
            r"committed to (diversity|equality|inclusion|safeguarding)|privacy (notice|policy)|"
            r"committed to (building|creating|fostering|growing) an? (diverse|inclusive)|"
            # what every employee is told ("All staff must follow ..."), not this job's duty
            r"\b(all|every) (staff|employees?|colleagues?|post ?holders?)\b.{0,30}\b(comply|adhere) with|"
            r"\byou consent to\b|\b(licen[cs]e|registration|reg\.?) no\.?\s*:?\s*[A-Z0-9]|"
            r"applicants? with (disabilities|criminal)|fair chance|(are|is) (strongly )?encouraged to apply|discriminat\w+|to perform this job successfully|"
            r"representative of the knowledge|(not|non)[- ]exhaustive|exhaustive (list|description|account)|(friendly|mindful|confident) "
            r"employer|veteran aware|reasonable accommodations? may|guarantee(d)? (an )?interview|disabled "
            r"applicants|i have read and understood|signature)\b",
            re.I,
        ),
    ),
    (
        "how to apply",
        re.compile(
            # "to apply, send ...", not "(or willingness to apply)" for a membership
            r"\b((how|where|when) to apply|^to apply|to apply,? (please|send|visit|click|email|go|use)|"
            r"apply (now|today|online|via|through|by|with)|please (apply|send|submit|email|"
            r"include|attach)|send (your|us your|a) (cv|resume|résumé|cover letter|application)|"
            r"(cv|resume|résumé) (and|&) (a )?cover letter|cover letter|closing date|(application|closing) deadline|"
            r"deadline (for|to) (apply|applications)|"
            r"applications (close|will be|are)|interviews? (will be|are) (held|scheduled)|shortlist\w*|"
            r"apply for this (job|role|position)|application materials|^(best |kind |warm )?regards,?$|"
            r"^(contact|enquiries|for (further )?enquiries|informal enquiries)\b.{0,120}(\(?\d{2,4}\)?[\s-]?\d{3,4}|@)|"
            r"reference (no|number|code)|job (id|ref|reference)|requisition|we reply to|only shortlisted|"
            # a recruiter's chatter: "drop me your CV", "happy to talk it through", "if you haven't heard back"
            r"(drop|send|ping) me (an? |your )?(updated )?(cv|resume|note|line|message)|happy to (talk|chat)|"
            r"(volume|number) of (applications|applicants|responses)|not heard (back )?(from us )?within|"
            r"(if|should) (it|this) sounds? (of interest|interesting|like you)|any referrals|happy to have a chat|"
            r"timing (isn't|is not) right|"
            r"click apply|submit your|include your (resume|cv|résumé)|hit \W?apply|interested candidates|"
            r"walk[- ]in|need not apply|close (early|earlier)|venue|see the attached|attached job description|"
            r"forward (this|it)? ?to (anyone|a friend|friends)|questions about (the|this) (position|role|job)|"
            r"can be directed to|for (more|further) (information|details)|before (you )?apply(ing)?|"
            r"\b(alone|only|without .{0,30}) (will|would|shall) (not|never) be (considered|accepted)|"
            r"interviews? (will|shall) (include|consist|take place)|(we )?thank (all|you for your) (applicants|interest)|only (those|candidates) "
            r"(selected|shortlisted)|look forward to (your application|hearing from you)|selection process|"
            r"(dm|message) (the|our|us)|ring \w+ (in|at|on)|confidential (discussion|chat)|need apply|"
            r"see you (on|at|in) the|union representatives?|apply anyway|(are|is) (also )?welcome to apply|(tick|check|meet) every (single )?"
            r"(box|requirement|qualification)|incomplete applications?|applicants must submit)\b|"
            r"\.(pdf|docx?)\s*$",
            re.I,
        ),
    ),
    (
        "job details",
        re.compile(
            r"^(you will |you'll |this (role|position) )?reports? (directly )?to\b|^reporting to\b", re.I
        ),
    ),
    # "Performs other duties as assigned": every job has it, there is nothing to prepare
    (
        "catch-all",
        re.compile(
            r"\bother (related |reasonable )?(duties|tasks)( as (assigned|required|directed|needed|requested)"
            r"( by [\w ]{2,40})?)?\s*\.?$",
            re.I,
        ),
    ),
    (
        "travel",
        re.compile(
            r"^((must be )?(willing(ness)?|able|ability) to travel|travel (up to|of up to|required|is required)|"
            r"up to \d+\s?% (travel|of the time)|travel\b.{0,60}\bup to \d+\s?%)",
            re.I,
        ),
    ),
    (
        "location",
        re.compile(
            r"\b(in|at|from) (the|an|our) office\b.{0,30}\b\d (days?|times) (a|per|each) week\b|"
            r"\b\d (days?|times) (a|per|each) week\b.{0,30}\b(in|at|from) (the|an|our) office",
            re.I,
        ),
    ),
    ("about the company", re.compile(r"^we (value|believe in|care about|celebrate)\b", re.I)),
    # a board's skill tags, set apart by wide gaps ("Cold Calling  Negotiation  Field Sales  CRM"): keywords
    # for its search, each of them said properly in the requirements if the employer asks for it
    (
        "skill tags",
        re.compile(r"^[^.:;]{1,40}(\s{2,}[A-Z0-9][^.:;]{0,40}){3,}$|^[^★]{1,40}(★[^★]{1,40}){2,}$"),
    ),
    (
        "intro",
        re.compile(
            r"^(we('re| are)|.{0,60}\b(is|are)) (currently )?(looking|seeking|searching|hiring|recruiting)"
            r"( for)?\b|^(join (us|our team)|are you (a|an|looking|ready|passionate))|"
            r"^(dear (candidates?|applicants?|all|job ?seekers?|friends)|greetings( from)?|(i )?hope (you're|you are|this finds you) "
            r"(well|doing well)|(hello|hi) (connections|all|everyone|"
            r"folks|network))\b|"
            r"^(this is an? (exciting|great|unique|fantastic)|an? (exciting|great|unique|fantastic) "
            r"(opportunity|role|position) )|^(due to (growth|expansion)|as we grow),? we\b|"
            r"^we('re| are) an? [\w -]{0,30}\b(team|company|business|studio|practice|firm|group) of\b|"
            r"^our (values|kit|stack|tools|culture|mission|story)\s*:|^company (industry|size|type)\b|"
            r"\b\d+(-\d+)? employees\b|^(additional|more) company information",
            re.I,
        ),
    ),
)

# application form fields and questionnaires pasted below the posting
FORM_FIELD_RE = re.compile(
    r"^(yes|no|n/a|currency|employment status|desired (salary|start date|pay)|start date|notice period|"
    r"first name|last name|full name|e-?mail( address)?|phone( number)?|mobile|address|city|country|"
    r"postcode|zip( code)?|linkedin( profile)?|website|portfolio( url)?|upload|attach|resume|cv|"
    r"cover letter|salary expectations?|expected (salary|ctc)|current ctc|select( one)?|choose|"
    r"required|optional|select an option|currently employed|not employed|prefer not to say|skip|\*|"
    r"(upload|attach)( your| a| the)? [\w /-]{2,40})\s*[:*]?\s*$|"
    # a careers page's form: drop-downs ("Gender Select... Male Female"), the voluntary self-identification
    r".{0,120}\bselect\.\.\..{0,200}$|.{0,80}\b(self-identification|voluntary self|government reporting|"
    r"completion of (the|this) form)\b.{0,200}$|(yes|no),? i (have|do not have|don't have) a disability.{0,200}$",
    re.I,
)
QUESTION_RE = re.compile(r"\?\s*(\*|\(required\))?\s*$")

# common words of other languages that English postings append boilerplate in
_FOREIGN_WORDS = frozenset(
    """
    und der die das wir sie ihre ihr mit für von bei zur zum ist sind werden nicht auf eine einer
    les des nous vous est sont avec pour dans une sur par aux votre notre qui du au employeur emploi également
    el los las del para con por una que nuestro nuestra sus como
    het een van voor zijn wij met onze niet ook uit om te ongeacht iedereen
    och att det som är för med vi ser oss av inte eller
    bewerbung
    """.split()
)


# the same, matched from the start of a word only: "paralegal" is not "legal", "physical therapist" not
# "physical demands"
_SET_ASIDE_HEADS_WORDS = tuple(
    (reason, re.compile(r"(?<![a-z])(?:" + rx.pattern + r")")) for reason, rx in SET_ASIDE_HEADS
)
_REQ_STRONG_RE = re.compile(
    r"require|qualif|skills|essential|must|what you('ll)? (bring|need|have)|about you|who you are|"
    r"person spec|experience|education|competenc|criteria|you have|you bring|your profile|"
    r"(might|may|could|would) be a (good |great )?fit|(good |great )?fit if"
)
_DUTY_STRONG_RE = re.compile(
    r"responsibilit|duties|(essential|job|key) functions|^functions$|what you('ll| will) (do|be doing|work on|own)|"
    r"day[ -]to[ -]day|key tasks|"
    r"accountabilit|your role|the role|in this role|what the job involves"
)


# fields a board prints about the employer or the post, whose words would otherwise name a requirement
BOARD_FACTS_RE = re.compile(
    r"(school type|education phase|phase|age range|gender( of pupils)?|funding type|religious character|"
    r"(number of )?pupils( on roll)?|school size|(medical )?specialty|employer certification.{0,40}|"
    r"accreditation badges|employer badges|uk registration)"
)


def heading_kind(heading: str) -> str | None:
    """'must', 'nice', 'duty', 'aside:<reason>' or None (an unknown heading) for a heading's text."""
    h = heading.lower().strip(" :*#-–—|[]【】").strip()
    if not h or len(h) > 80 or h in ("full job description", "job description", "description"):
        return None
    if BOARD_FACTS_RE.fullmatch(h):
        return (
            "aside:job details"  # a board's facts about the school or the post ("Education phase: Primary")
        )
    if re.fullmatch(
        r"about (the|this) (job|role|position|opportunity|vacancy)|(role|position|job) (overview|summary|purpose)|"
        r"(job|position) summary|summary|overview|purpose of the (job|role|post)|the (role|opportunity|position)|"
        r"job purpose|role purpose|(job )?highlights|key highlights",
        h,
    ):
        # a board's wrapper around the whole posting: prose about the company, then the real sections
        return "role"
    if re.fullmatch(r"(desired )?(candidate('s)? )?profile|desired candidate", h):
        return "must"  # a board's name for the requirements (Naukri's "Desired Candidate Profile")
    if NICE_HEAD_RE.search(h) and not re.search(r"\bno(t)? (\w+ )?(required|needed)\b", h):
        return "nice"
    condition = re.search(
        r"\b(physical|vaccination|vaccine|immuni[sz]ation|pre-?employment|medical|travel|visa|work authori[sz]ation)"
        r"\b.{0,20}\b(requirements?|demands|conditions?)\b",
        h,
    )
    if condition:
        # "Physical requirements", "Vaccination requirement": conditions of the job, not what to show
        word = condition.group(1)
        return "aside:" + (
            "physical demands" if word == "physical" else "travel" if word == "travel" else "checks"
        )
    if re.search(r"\bapplication (materials|documents|packet|pack|procedure|process)\b|\bhow to apply\b", h):
        return "aside:how to apply"  # "Required application materials": what to send, not what to be
    # "Essential duties and responsibilities": "essential" qualifies the duties, it names no requirements
    h = re.sub(
        r"^(essential|key|main|principal|core|primary)\s+(?=(duties|responsibilit|functions|tasks))", "", h
    )
    req, duty = bool(_REQ_STRONG_RE.search(h)), bool(_DUTY_STRONG_RE.search(h))
    if not (req or duty):
        for reason, rx in _SET_ASIDE_HEADS_WORDS:
            if rx.search(h):
                return f"aside:{reason}"
    if req and not duty:
        return "must"
    if duty and not req:
        return "duty"
    if req and duty:
        # "Responsibilities and requirements": whichever comes first names most of the list
        return "must" if _REQ_STRONG_RE.search(h).start() < _DUTY_STRONG_RE.search(h).start() else "duty"  # type: ignore[union-attr]
    if DUTY_HEAD_RE.search(h):
        return "duty"
    if REQ_HEAD_RE.search(h):
        return "must"
    return None


_GIVES_VACCINES_RE = re.compile(
    r"\b(deliver|administer|giv|provid|offer|run|perform)\w*\b.{0,100}\b(vaccinat|immuni[sz])", re.I
)


_PROOF_RE = re.compile(
    r"\b(proof|evidence|record|status|up to date|fully)\b.{0,20}\b(vaccinat|immuni[sz])", re.I
)


def line_set_aside(text: str) -> str | None:
    """The reason a single line is not a requirement, or None."""
    stripped = text.strip()
    if FORM_FIELD_RE.match(stripped):
        return "application form"
    if QUESTION_RE.search(stripped) and re.match(
        r"^(do|are|have|can|will|would|is|did|what|how|which|please|were)\b", stripped, re.I
    ):
        return "questionnaire"
    if stripped.endswith("?") and len(stripped.split()) <= 5:
        return "about the company or the role"  # "No experience?", "Sound like you?": the ad talking
    for reason, rx in LINE_SET_ASIDE:
        if rx.search(stripped):
            if reason == "checks" and _GIVES_VACCINES_RE.search(stripped) and not _PROOF_RE.search(stripped):
                continue  # giving vaccinations is the work, being vaccinated the check
            return reason
    if is_foreign(stripped):
        return "not in English"
    return None


def is_foreign(text: str) -> bool:
    """A line mostly in another language (boilerplate appended to English postings)."""
    toks = re.findall(r"[a-zäöüßéèêàçñåø]+", text.lower())
    if len(toks) < 6:
        return len(toks) == 1 and toks[0] in _FOREIGN_WORDS
    hits = sum(1 for t in toks if t in _FOREIGN_WORDS)
    return hits / len(toks) >= 0.15 or any(c in text for c in "äöüßñ") and hits >= 2
