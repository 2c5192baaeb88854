"""A hand-curated table of synonyms, abbreviations and related terms across common job fields.

General domain knowledge only (no phrases taken from any evaluation set). Each group lists interchangeable
ways to say one thing; the first entry is the canonical name shown to the user. ``BROADER`` maps a category
term to the specific things that evidence it (a requirement for "relational databases" is met by "Postgres";
a requirement for "PostgreSQL" is only partly met by "MySQL", a sibling in the same category).
"""

from __future__ import annotations

from functools import lru_cache

from .text import normalise, stem, tokenize

# One group a line (a line ending in "|" goes on), "|" between the ways of saying it; the first is the
# canonical name. "#" lines are headings.
_TABLE = """
# software, infrastructure, data
kubernetes | k8s | kube | eks | gke | aks | openshift
docker | containers | containerization | containerisation | container
postgresql | postgres | psql
mysql | mariadb
microsoft sql server | sql server | mssql | t-sql | tsql
sql | structured query language
nosql | mongodb | mongo | dynamodb | cassandra | couchdb | document database
redis | memcached | caching | cache
javascript | js | ecmascript | es6
typescript
node.js | nodejs | node
react | react.js | reactjs
vue | vue.js | vuejs
angular | angularjs
python | django | flask | fastapi
golang | go lang | goroutine | goroutines
c# | csharp | c sharp | .net | dotnet | asp.net
c++ | cpp | cplusplus
java | jvm | spring boot
ruby | ruby on rails | rails
amazon web services | aws | ec2 | s3 | lambda | cloudformation
google cloud | gcp | google cloud platform | bigquery
microsoft azure | azure
ci/cd | cicd | ci cd | ci | continuous integration | continuous delivery | continuous deployment |
    build pipeline | deployment pipeline | jenkins | github actions | gitlab ci | circleci
infrastructure as code | iac | terraform | pulumi | ansible | cloudformation
observability | monitoring | alerting | prometheus | grafana | datadog | new relic | tracing |
    logging | metrics dashboards
site reliability engineering | sre | reliability | uptime | availability
on-call | on call | oncall | pager | pagerduty | incident response | incident management | incidents |
    outage | outages | postmortem | post-mortem | root cause analysis | rca
service level objective | slo | slos | sla | slas | service level agreement | sli
api | apis | restful | rest api | graphql | endpoint | endpoints | grpc | web services
microservices | micro-services | microservice | service-oriented architecture | soa |
    distributed systems | distributed system
machine learning | ml | deep learning | neural network | neural networks | model training |
    predictive model | predictive models | ai | artificial intelligence
large language models | llm | llms | gpt | generative ai | genai
natural language processing | nlp | text mining
extract transform load | etl | elt | data pipeline | data pipelines | airflow | dbt | data ingestion |
    data engineering
data warehouse | snowflake | redshift | bigquery | data lake | lakehouse | databricks
data visualization | data visualisation | dashboards | dashboard | tableau | power bi | looker
statistics | statistical analysis | statistical | regression | hypothesis testing
a/b testing | ab testing | a/b tests | split testing | experimentation | experiments
excel | spreadsheets | spreadsheet | google sheets | vlookup | pivot tables | pivot table
version control | git | github | gitlab | bitbucket | pull requests | code review | code reviews
automated testing | unit tests | unit testing | test automation | integration tests | tdd |
    test-driven development | pytest | junit | selenium | cypress | qa | quality assurance
agile | scrum | kanban | sprints | sprint | standups | stand-ups | retrospectives | jira
user experience | ux | usability | user research | usability testing | user interviews
user interface | ui | front end | frontend | front-end
back end | backend | back-end | server-side
full stack | full-stack | fullstack
figma | sketch | prototyping | prototype | prototypes | wireframes | wireframing | mockups
accessibility | a11y | wcag
security | cybersecurity | infosec | appsec | vulnerability | vulnerabilities | penetration testing |
    pen testing | threat modeling | threat modelling
identity and access management | iam | sso | single sign-on | oauth | okta | authentication
linux | unix | bash | shell scripting
performance | latency | throughput | optimization | optimisation | load time | scalability | scaling
mobile | ios | android | swift | kotlin | react native | flutter | mobile app
search engine optimization | seo
technical debt | tech debt | legacy code | refactoring | refactor | refactored
software development life cycle | sdlc
object-oriented programming | oop | object oriented
# product, project, business
product management | product manager | product owner
roadmap | roadmaps | product roadmap | roadmapping
prioritization | prioritisation | prioritize | prioritise | prioritized | backlog grooming
project management | project manager | pmp | program management | project planning | gantt
key performance indicators | kpi | kpis | metrics | okrs | okr | objectives and key results
stakeholder management | stakeholders | stakeholder | cross-functional | cross functional |
    cross-team | partnered | collaboration | collaborated
return on investment | roi
profit and loss | p&l | pnl | p and l | budget | budgets | budgeting | forecasting | forecast |
    financial planning
financial planning and analysis | fp&a | fpa
generally accepted accounting principles | gaap | ifrs
accounts payable | invoices | invoicing
accounts receivable | collections | billing
certified public accountant | cpa | chartered accountant
reconciliation | reconciliations | reconcile | reconciled | month-end close | month end close |
    close process | general ledger | gl | journal entries
enterprise resource planning | erp | sap | oracle netsuite | netsuite | quickbooks
compliance | regulatory | regulations | audit | audits | sox | sarbanes-oxley | gdpr | pci | soc 2 |
    soc2 | iso 27001
risk management | risk assessment | risk mitigation | risks
vendor management | vendors | suppliers | supplier management | procurement | sourcing | purchasing |
    negotiated contracts | contract negotiation
supply chain | logistics | inventory | inventory management | warehouse | warehousing | fulfillment |
    fulfilment | distribution | shipping
lean | six sigma | lean six sigma | kaizen | continuous improvement | process improvement
standard operating procedures | sop | sops | runbook | runbooks | playbook | playbooks |
    documentation | documented
# sales, marketing, customer
customer relationship management | crm | salesforce | hubspot | pipedrive | dynamics 365
quarterly business review | qbr | qbrs | business review | business reviews |
    executive business review | ebr
customer success | csm | customer success manager | account management | account manager |
    client success | client relationships | customer relationships
churn | retention | renewal | renewals | attrition | net revenue retention | nrr |
    gross revenue retention | grr
upsell | upselling | cross-sell | cross-selling | expansion | expansion revenue
net promoter score | nps | customer satisfaction | csat | customer feedback
onboarding | on-boarding | implementation | implementations | rollout | adoption
annual recurring revenue | arr | monthly recurring revenue | mrr | recurring revenue
business to business | b2b | enterprise sales | enterprise customers
business to consumer | b2c
software as a service | saas
sales development representative | sdr | bdr | business development representative | outbound |
    prospecting | cold calling | cold outreach | lead generation | lead gen | dials | dialing |
    call blocks | sequences | cadences
account executive | closed deals | quota | quotas | sales pipeline
go-to-market | go to market | gtm | product launch | launches | launch
digital marketing | online marketing | performance marketing | paid media | paid social | ppc |
    pay per click | google ads | sem | adwords
content marketing | content strategy | copywriting | blog posts | editorial
social media | instagram | tiktok | linkedin | twitter | facebook | social channels
email marketing | newsletters | newsletter | email campaigns | mailchimp | marketing automation |
    marketo
brand | branding | brand strategy | brand awareness
customer support | customer service | support tickets | tickets | help desk | helpdesk |
    service desk | zendesk | escalations | escalation | call center | contact center
conversion rate | conversion | conversions | cro | funnel
customer acquisition cost | cac | acquisition
lifetime value | ltv | clv | customer lifetime value
# people and leadership
people management | managed a team | direct reports | line management | team lead | team leadership |
    led a team | managing a team | supervised | supervision | supervisor
mentoring | mentorship | mentored | coaching | coached | mentor | developing people
hiring | recruiting | recruitment | interviewing | talent acquisition | sourcing candidates
human resources | hr | people operations | people ops | hris | workday | bamboohr
learning and development | l&d | training | trained | workshops | upskilling
diversity equity and inclusion | dei | d&i | diversity and inclusion | inclusion
communication | communicating | presentations | presenting | presented | public speaking |
    written communication | verbal communication
conflict resolution | conflict | conflicts | disagreement | de-escalation | de-escalate |
    de-escalated | mediation | mediated
problem solving | problem-solving | troubleshooting | troubleshoot | troubleshot | debugging |
    debugged | diagnosed | root cause
time management | prioritizing | prioritising | deadlines | multitasking
# healthcare
electronic health records | ehr | ehrs | electronic medical records | emr | emrs | epic | cerner |
    meditech | charting | patient records
registered nurse | rn | nursing | nurse
licensed practical nurse | lpn | lvn
basic life support | bls | cpr | acls | advanced cardiac life support | pals
intensive care unit | icu | critical care
emergency department | emergency room | triage
patient care | bedside care | patient safety | patient outcomes | patients
medication administration | medications | medication | med pass | med passes | meds | dosing |
    insulin | injection | injections | iv therapy | infusion | infusions
barcode medication administration | bcma | barcode scanning | barcode | scanner
patient education | discharge teaching | patient teaching | family education
infection control | infection prevention | sterile technique | ppe
hipaa | patient privacy | protected health information | phi
clinical trials | clinical research | gcp compliance | irb | protocols
medical coding | icd-10 | icd10 | cpt | medical billing
physical therapy | rehabilitation | rehab
# education
curriculum | curriculum development | lesson plans | lesson planning | lesson plan |
    instructional design | syllabus | course design
classroom management | behavior management | behaviour management
differentiated instruction | differentiation | differentiated | individualized instruction |
    individualized education program | iep | ieps | 504 plan | special education | sped
english language learners | ell | ells | esl | english as a second language | esol
student outcomes | student achievement | test scores | assessment | assessments |
    formative assessment | grading | exit ticket | exit tickets | benchmark | benchmarks | quizzes
learning management system | lms | canvas | moodle | blackboard | google classroom
science technology engineering and math | stem
# hospitality, retail, operations
point of sale | pos | cash register
food safety | haccp | servsafe | food hygiene | sanitation
front of house | foh | guest experience | guest services | hospitality
back of house | boh | kitchen operations | line cook
merchandising | visual merchandising | planograms | planogram
loss prevention | shrink | shrinkage
scheduling | rota | rotas | shift planning | staffing | roster | rostering | labor planning
health and safety | osha | safety compliance | workplace safety | ehs
forklift | forklift certification | pallet jack | material handling | powered industrial truck |
    powered industrial trucks | pit | order picker
order accuracy | mis-shipments | mis-picks | mispicks | picking errors | shipping errors
cycle counts | cycle count | cycle counting | inventory counts | inventory variance | variances
warehouse management system | wms | sap ewm
commercial driver's license | cdl | class a license
quality control | qc | quality assurance | inspections | inspection
computer-aided design | cad | autocad | solidworks | revit
building information modeling | bim
programmable logic controller | plc | plcs | scada
# legal, admin
contract management | contracts | contract review | contract drafting | redlining
legal research | westlaw | lexisnexis | case law
litigation | e-discovery | depositions
microsoft office | ms office | office 365 | microsoft 365 | powerpoint
calendar management | calendars | scheduling meetings | diary management
data entry | record keeping | recordkeeping | data accuracy
bilingual | spanish | french | mandarin | multilingual | fluent
"""

GROUPS: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.strip() for p in line.split("|"))
    for line in _TABLE.replace("|\n", "| ").strip().splitlines()
    if line.strip() and not line.startswith("#")
)

# category term -> specific members that evidence it fully
BROADER: dict[str, tuple[str, ...]] = {
    "relational database": (
        "postgresql",
        "mysql",
        "microsoft sql server",
        "sql",
        "oracle database",
        "sqlite",
    ),
    "database": ("postgresql", "mysql", "microsoft sql server", "sql", "nosql", "redis", "sqlite"),
    "cloud": ("amazon web services", "google cloud", "microsoft azure"),
    "cloud platform": ("amazon web services", "google cloud", "microsoft azure"),
    "container orchestration": ("kubernetes", "docker"),
    "frontend framework": ("react", "vue", "angular"),
    "javascript framework": ("react", "vue", "angular", "node.js"),
    "programming language": ("python", "java", "javascript", "typescript", "golang", "c#", "c++", "ruby"),
    "scripting": ("python", "linux", "javascript", "ruby"),
    "bi tools": ("data visualization", "excel"),
    "analytics": ("data visualization", "sql", "statistics", "a/b testing", "excel"),
    "data analysis": ("sql", "excel", "statistics", "data visualization", "python"),
    "cloud infrastructure": (
        "amazon web services",
        "google cloud",
        "microsoft azure",
        "kubernetes",
        "infrastructure as code",
    ),
    "devops": ("ci/cd", "infrastructure as code", "kubernetes", "docker", "observability"),
    "leadership": ("people management", "mentoring", "hiring"),
    "customer retention": ("churn",),
    "life support certification": ("basic life support",),
}

# General skills that appear in almost every posting and answer: matching one proves little on its own,
# so they weigh like a plain content word (0.5) rather than a domain term (1.0).
SOFT_CANON = frozenset(
    (
        "stakeholder management",
        "communication",
        "problem solving",
        "time management",
        "conflict resolution",
        "scheduling",
        "learning and development",
        "mentoring",
        "performance",
        "standard operating procedures",
        "patient care",
        "customer support",
        "agile",
        "prioritization",
        "hiring",
        "people management",
        "brand",
        "onboarding",
        "security",
        "compliance",
        "risk management",
        "key performance indicators",
        "quality control",
        "health and safety",
    )
)

# Only these categories make their members interchangeable "siblings" (half credit): one relational database
# or cloud provider is a reasonable stand-in for another; a Kubernetes story is no Terraform story.
SIBLING_CATEGORIES = ("relational database", "cloud", "frontend framework")

MAX_PHRASE_TOKENS = 5


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(normalise(phrase)))


def _build() -> tuple[dict[tuple[str, ...], str], dict[str, tuple[tuple[str, ...], ...]], dict[str, str]]:
    phrase_to_canon: dict[tuple[str, ...], str] = {}
    canon_variants: dict[str, list[tuple[str, ...]]] = {}
    for group in GROUPS:
        canon = group[0]
        for p in group:
            k = _key(p)
            if not k:
                continue
            phrase_to_canon.setdefault(k, canon)
            canon_variants.setdefault(canon, []).append(k)
    for cat in BROADER:
        k = _key(cat)
        phrase_to_canon.setdefault(k, cat)
        canon_variants.setdefault(cat, []).append(k)
    parent: dict[str, str] = {}
    for group in GROUPS:
        for cat in SIBLING_CATEGORIES:
            if group[0] in BROADER[cat]:
                parent.setdefault(group[0], cat)
    return phrase_to_canon, {c: tuple(v) for c, v in canon_variants.items()}, parent


PHRASE_TO_CANON, CANON_VARIANTS, PARENT = _build()
# the same table keyed by stems, so "electronic health record" finds "electronic health records"
STEM_TO_CANON: dict[tuple[str, ...], str] = {}
for _k, _c in PHRASE_TO_CANON.items():
    if (
        len(_k) > 1 or len(_k[0]) > 4
    ):  # short abbreviations only match exactly ("ui" must not stem-match "us")
        STEM_TO_CANON.setdefault(tuple(stem(w) for w in _k), _c)


@lru_cache(maxsize=4096)
def canon_of(phrase: tuple[str, ...]) -> str | None:
    """The canonical term a token phrase stands for, if the table knows it."""
    hit = PHRASE_TO_CANON.get(phrase)
    if hit is None and (len(phrase) > 1 or len(phrase[0]) > 4):
        hit = STEM_TO_CANON.get(tuple(stem(w) for w in phrase))
    return hit


def variants(canon: str) -> tuple[tuple[str, ...], ...]:
    """All token-phrases that mean ``canon`` (the canonical name included)."""
    return CANON_VARIANTS.get(canon, (_key(canon),))


def members(category: str) -> tuple[str, ...]:
    """Specific terms that fully evidence a category term ("relational database" -> postgresql, ...)."""
    return BROADER.get(category, ())


def siblings(canon: str) -> tuple[str, ...]:
    """Terms in the same category as ``canon`` (partial evidence: MySQL for a PostgreSQL requirement)."""
    cat = PARENT.get(canon)
    if cat is None:
        return ()
    return tuple(m for m in BROADER[cat] if m != canon)
