"""Each class of tip judged "not needed" on training answers, with answers written for these tests.

A tip is needed when it asks for something the answer really lacks and that would improve it for this posting.
The classes: a tip for what the answer already does (a requirement shown in other words or as a "we" story, an
outcome told without result words, a motive that is part of a story), a tip quoting a line that is no
requirement one can show (the job title, a caseload, a licence, years), and a tip for what the question did not
ask (a story for a why-us question or a quick summary).
"""

from __future__ import annotations

from feedback import parse_job, score_answer
from feedback.grammar import analyse
from feedback.questions import question_focus, question_kind
from feedback.requirement_tips import quote, showable
from feedback.story import story_outcome
from feedback.text import normalise, split_sentences

SCHOOL = """Fourth Grade Teacher at Willowmere Elementary

What you'll do
- Plan and teach daily lessons in reading and math
- Communicate with families through weekly newsletters, conferences and phone calls
- Use assessment data to form small reading groups
Requirements
- A state teaching license
- 2+ years of classroom teaching experience
- Experience with Google Classroom
"""

# a posting whose title sits among the duties, as pasted postings sometimes have it, with a caseload line
CLINIC = """Duties
- Speech Language Pathologist (CCC-SLP) – Outpatient Clinic
- You will carry a caseload of 9 to 12 patients a day
- Evaluate swallowing and write plans of care
- Train caregivers before discharge
Requirements
- Current state license and ASHA certification
"""

SUPPORT = """Support Analyst at Brindle Software

Responsibilities
- Answer customer tickets in Zendesk and resolve them
- Write help center articles for repeated questions
- Represent Brindle at user meetups
Requirements
- Experience with SQL
"""


def _tips(question: str, answer: str, job: str) -> list[str]:
    return score_answer(question, answer, job).tips


def _outcome(answer: str) -> bool:
    norm = normalise(answer)
    facts = analyse(split_sentences(norm), norm)
    return story_outcome(answer, facts, we_story=False)


# --- what the question asks for


def test_why_us_said_with_a_lead_in_or_as_what_made_you_apply_is_a_motivation_question() -> None:
    for question in (
        "So why Willowmere?",
        "Um, why Willowmere?",
        "What made you apply here?",
        "What made you apply?",
    ):
        assert question_kind(question) == "motivation", question
    answer = "Your family reading nights. I ran one at my last school and I want to run yours next spring."
    tips = _tips("So why Willowmere?", answer, SCHOOL)
    assert not any(
        t.startswith(("Tie the answer", "Pick one real situation", "Show the posting's")) for t in tips
    )


def test_a_quick_summary_question_gets_no_story_tips() -> None:
    for question in (
        "Quick rundown of your credentials?",
        "Give me the short version of your experience.",
        "Quickly, what would you bring?",
    ):
        assert question_focus(question) == "summary", question
    assert question_focus("Tell me a little about yourself.") == "background"
    for question in ("Give me a quick example of a lesson that failed.", "Quick win you're proud of?"):
        assert question_focus(question) is None, question
    answer = (
        "Four years teaching fourth grade, a state license, Google Classroom every day. Thanks for the time."
    )
    tips = _tips("Quick rundown of your credentials?", answer, SCHOOL)
    assert not any(t.startswith(("Pick one real situation", "Show the posting's")) for t in tips)


# --- alignment tips for what the answer already does


def test_no_tie_tip_for_a_story_that_answers_a_question_about_a_requirement_in_other_words() -> None:
    story = (
        "A dad wrote me an angry note about his son's spelling grade on a Friday. I rang him that evening, "
        "asked him in on Monday and went through the spelling notebook with him page by page. By the end he "
        "asked what they could practise together at home."
    )
    tips = _tips("Tell me about a time you dealt with an upset parent.", story, SCHOOL)
    assert not any(t.startswith("Tie the answer to the job") for t in tips)


def test_a_story_from_another_field_is_still_asked_to_tie_to_the_job() -> None:
    story = (
        "At the bike shop I noticed half our repairs came back within a month. I wrote a twelve-point check "
        "sheet for every repair and trained the two other mechanics on it. Comebacks fell from 20 a month to 4."
    )
    tips = _tips("Tell me about something you improved.", story, SCHOOL)
    assert any(t.startswith("Tie the answer to the job") for t in tips)


def test_no_show_in_action_tip_for_a_we_story_the_say_i_tip_covers_it() -> None:
    story = (
        "Last year we moved the whole grade onto Google Classroom, we set up every assignment there and we "
        "trained the parents at a curriculum night, and missing homework went from about 30 a week to 8."
    )
    tips = _tips("Tell me about a project you're proud of.", story, SCHOOL)
    assert any(t.startswith('You said "we"') for t in tips)
    assert not any(t.startswith("Show the posting's") for t in tips)


def test_a_claim_through_the_company_name_or_a_generic_word_is_not_a_requirement_to_show() -> None:
    answer = "Honestly I think Brindle is great, and I have a lot of experience. Thanks for having me."
    tips = _tips("What would you bring?", answer, SUPPORT)
    assert not any("user meetups" in t for t in tips)


# --- which requirement lines a tip may quote


def test_the_title_a_caseload_a_licence_or_bare_years_are_not_lines_to_show() -> None:
    clinic = parse_job(CLINIC)
    by_text = {r.text: r for r in clinic.requirements}
    title_line = next(t for t in by_text if "Pathologist" in t)
    assert not showable(by_text[title_line], clinic.title)
    assert not showable(by_text["You will carry a caseload of 9 to 12 patients a day"], clinic.title)
    assert not showable(by_text["Current state license and ASHA certification"], clinic.title)
    assert showable(by_text["Evaluate swallowing and write plans of care"], clinic.title)
    school = parse_job(SCHOOL)
    years = next(r for r in school.requirements if r.text.startswith("2+ years"))
    assert not showable(years, school.title)


def test_the_tie_tip_quotes_neither_the_title_line_nor_the_caseload() -> None:
    story = (
        "At the garden centre I ran the weekend rota. I rebuilt it around the busy hours and swapped two "
        "shifts, and complaints about queues dropped from twelve a month to two."
    )
    tips = _tips("Tell me about a goal you achieved.", story, CLINIC)
    tie = [t for t in tips if t.startswith("Tie the answer to the job")]
    assert tie and "Pathologist" not in tie[0] and "caseload" not in tie[0]


def test_a_quoted_requirement_drops_its_lead_in_and_tenure() -> None:
    assert quote("You will carry out audits of the ledger") == '"carry out audits of the ledger"'
    assert quote("3+ years with PostgreSQL or another relational database") == (
        '"PostgreSQL or another relational database"'
    )


# --- result tips


def test_an_outcome_told_without_result_words_ends_the_story() -> None:
    assert _outcome(
        "The till was short forty pounds. I pulled the journal, found a refund rung as cash and reversed it, "
        "and the drawer balanced."
    )
    assert _outcome(
        "She could not read a word in September. I paired her with a buddy and I read with her every morning, "
        "and by May she was reading short books on her own."
    )
    assert not _outcome(
        "The site was down. I checked the logs and I restarted the service and I told my lead."
    )


def test_no_finish_the_story_tip_when_it_ends_with_what_happened() -> None:
    story = (
        "A customer's order went to the wrong town. I called the courier, had the parcel sent back overnight "
        "and drove it to her myself, and she ordered from us again the next week."
    )
    tips = _tips("Tell me about a time you fixed a customer's problem.", story, SUPPORT)
    assert not any(t.startswith(("Finish the story", "Quantify the result")) for t in tips)


def test_finish_the_story_when_it_stops_at_the_persons_own_action() -> None:
    story = (
        "Last spring a customer reported that invoices showed the wrong tax. I reproduced it in the staging "
        "account, I found the rounding rule in the export and I wrote up the steps for the developers."
    )
    fb = score_answer("Tell me about a bug you escalated.", story, SUPPORT)
    assert any(t.startswith("Finish the story") for t in fb.examples.tips)


def test_quantify_only_an_unmeasured_change_in_amount() -> None:
    base = "Our onboarding took too long. I rewrote the checklist and I paired every new hire with a buddy. "
    vague = score_answer(
        "Tell me about something you improved.", base + "As a result onboarding got much faster."
    )
    done = score_answer(
        "Tell me about something you improved.", base + "As a result the new hires were happy."
    )
    assert any(t.startswith("Quantify the result") for t in vague.examples.tips)
    assert not any(t.startswith("Quantify the result") for t in done.examples.tips)


# --- enthusiasm tips for motives that are part of a story


def test_words_inside_a_story_are_not_hedges_or_motives() -> None:
    story = (
        "I moved whatever stock was left to the front table, and the boxes were all the same size so it was "
        "quick. We raised 900 pounds at the fair and the money went to the school library."
    )
    tips = _tips("Tell me about a display you built.", story, SCHOOL)
    assert not any(
        t.startswith(("Drop the hedges", "Say what you do want", "Lead with what draws you")) for t in tips
    )


def test_a_shrug_and_money_as_the_motive_still_get_their_tips() -> None:
    hedged = _tips("Why this job?", "I guess it seems fine, whatever.", SCHOOL)
    assert any(t.startswith("Drop the hedges") for t in hedged)
    money = _tips("Why this job?", "Mainly the money, to be honest.", SCHOOL)
    assert any(t.startswith("Lead with what draws you") for t in money)


def test_a_wish_said_object_first_counts_as_intent() -> None:
    answer = (
        "Your family reading nights. What I want is to run those nights with my own class, because my "
        "students' parents never came to school events before I started inviting them by phone."
    )
    fb = score_answer("Why Willowmere?", answer, SCHOOL)
    assert not any(t.startswith(("Close with why", "Make it specific")) for t in fb.tips)


# --- classes found on the held-out part of the training answers


def test_the_count_of_we_and_i_does_not_repeat_the_we_story_tip() -> None:
    story = (
        "We rebuilt the reading corner, we sorted every book by level, we trained the parent volunteers and we "
        "ran a reading challenge, and we doubled the books checked out in a term."
    )
    tips = _tips("Tell me about a project you're proud of.", story, SCHOOL)
    assert any(t.startswith('You said "we"') for t in tips)
    assert not any(t.startswith('Say "I" for what you did') for t in tips)


def test_no_show_in_action_tip_beside_a_first_person_story() -> None:
    story = (
        "In March a boy in my class fell two levels behind in reading. I tested him again, I moved him into "
        "a small group for phonics and I logged his progress in Google Classroom every week, and by June he "
        "was back at grade level."
    )
    tips = _tips("Tell me about a student you helped.", story, SCHOOL)
    assert not any(t.startswith("Show the posting's") for t in tips)


def test_a_word_sharing_only_a_stem_with_the_requirement_is_no_claim() -> None:
    job = """Care Coordinator at Halden Health

Duties
- Order durable medical equipment for patients going home
- Book follow-up visits
"""
    answer = "I would check the medications first, talk to the nurse, and keep the family informed."
    tips = _tips("What would you do if a patient is confused at discharge?", answer, job)
    assert not any("durable medical equipment" in t for t in tips)


def test_years_in_a_role_are_not_a_line_to_show() -> None:
    job = parse_job(
        "Requirements\n- 2+ years in a help desk or IT support role\n- 3+ years with PostgreSQL\n"
    )
    role, skill = job.requirements
    assert not showable(role, job.title)
    assert showable(skill, job.title)


def test_a_story_told_in_the_present_with_i_is_not_told_as_we() -> None:
    story = (
        "Last month a parent is upset about the reading scores. I call her the same day, I show her the "
        "reading folder and I explain the small group plan. When we meet again in May, her son reads at level."
    )
    tips = _tips("Tell me about a parent you worked with.", story, SCHOOL)
    assert not any(t.startswith('You said "we"') for t in tips)


def test_no_finish_the_story_tip_for_a_philosophy_with_one_past_action_in_it() -> None:
    answer = (
        "I think teaching is mostly about relationships. Kids learn from people they trust. I played in a band "
        "in college and I think that taught me to listen. I believe every child can read with the right help."
    )
    fb = score_answer("What's your teaching philosophy?", answer, SCHOOL)
    assert not any(t.startswith("Finish the story") for t in fb.tips + fb.examples.tips)


def test_a_background_question_about_one_field_is_a_background_question() -> None:
    assert question_focus("Tell me about your teaching background.") == "background"
    assert question_focus("What's your teaching background?") == "summary"  # the short version: the facts


def test_a_line_cut_inside_its_parenthesis_is_quoted_whole_or_not_at_all() -> None:
    job = parse_job(
        "Requirements\n- Alert triage in a SIEM (we use Splunk\n- Sentinel experience also fine)\n"
    )
    head, tail = job.requirements
    assert not showable(tail, job.title)
    assert quote(head.text) == '"Alert triage in a SIEM"'


def test_what_is_your_experience_asks_for_a_summary() -> None:
    # a narrow ask for the facts: a two-line recap answers it, a pitch for the company would be off the question
    assert question_focus("What's your experience?") == "summary"
    assert question_focus("What's your support background?") == "summary"
    assert question_focus("Walk me through your background.") == "background"
    assert question_focus("What's your experience with on-call rotations?") is None


def test_a_situational_question_answered_with_a_plan_gets_no_story_tip() -> None:
    answer = (
        "I would check the Google Classroom submissions first, then call the family, and I'd set up a short "
        "daily check-in with the student."
    )
    # the question asks what the person would do: a plan is the answer (judged so on training answers)
    tips = _tips("What would you do if a student stopped handing in homework?", answer, SCHOOL)
    assert not any(t.startswith(("Tell one real time", "Show the posting's")) for t in tips), tips
    assert question_focus("The fire alarm goes off during a test. What do you do?") == "plan"
    assert question_focus("Walk me through your approach to a parent complaint.") == "plan"
    # a question that asks for a real time, answered with a plan, still gets it
    tips = _tips("Tell me about a time a student stopped handing in homework.", answer, SCHOOL)
    assert any(t.startswith("Tell one real time") for t in tips), tips


# --- a reason to want the job is asked for only by some questions


def test_a_story_after_a_behavioural_question_is_not_asked_why_the_company() -> None:
    story = (
        "Last spring two of my readers were stuck below grade level. I pulled them into a small group three "
        "mornings a week and I called their parents every Friday. By June both read at grade level."
    )
    tips = _tips("Tell me about a time you helped a struggling student.", story, SCHOOL)
    assert not any(t.startswith(("Close with why", "Make it specific")) for t in tips), tips


def test_a_why_us_answer_without_a_reason_is_asked_for_one() -> None:
    tips = _tips(
        "Why do you want to work at Willowmere?", "It seems like a good school and a nice place.", SCHOOL
    )
    assert any(t.startswith(("Close with why", "Make it specific")) for t in tips), tips


def test_a_shrug_about_the_company_gets_its_tip_after_any_question() -> None:
    answer = (
        "I taught fourth grade for three years and I used Google Classroom every day. Honestly the school "
        "seems fine I guess, any job is a job."
    )
    tips = _tips("What experience do you bring to this classroom?", answer, SCHOOL)
    assert any(
        t.startswith(("Drop the hedges", "Say what you do want", "Lead with what draws you")) for t in tips
    )


def test_list_and_plan_questions_ask_for_no_story() -> None:
    assert question_focus("What tools and skills do you bring?") == "list"
    assert question_focus("What's your stack?") == "list"
    assert question_focus("What would you do in your first 90 days?") == "plan"
    assert question_focus("How would you approach growing our reading program?") == "plan"
    # a story question that names tools still asks for a story
    assert question_focus("Tell me about a time you picked which tools your team used.") is None
    tips = _tips(
        "What tools and skills do you bring?", "Google Classroom, guided reading, running records.", SCHOOL
    )
    assert not any(
        t.startswith(("Pick one real situation", "Back the answer", "Show the posting's")) for t in tips
    )
    plan = (
        "In my first month I would meet every family and set up the reading groups from the fall assessment."
    )
    tips = _tips("What would you do in your first 90 days?", plan, SCHOOL)
    assert not any(t.startswith("Tell one real time") for t in tips), tips


def test_what_motivates_or_excites_you_is_a_motivation_question() -> None:
    for question in (
        "What motivates you?",
        "What are you passionate about in teaching?",
        "What do you enjoy most about it?",
    ):
        assert question_kind(question) == "motivation", question
    assert question_kind("Tell me about a time you were passionate about a project.") == "behavioral"


def test_a_hedge_about_something_else_is_no_hedged_interest() -> None:
    answer = (
        "Last year I ran the reading club. Maybe the hardest part was the timetable. I moved it to Tuesdays "
        "and attendance went from six to fourteen."
    )
    tips = _tips("Tell me about a club you ran.", answer, SCHOOL)
    assert not any(t.startswith("Drop the hedges") for t in tips), tips


def test_questions_about_what_draws_the_person_are_motivation_questions() -> None:
    for question in (
        "What appeals to you about working here?",
        "How does this role fit your career goals?",
        "What would make this job a great fit for you?",
        "Tell me why you want this job.",
    ):
        assert question_kind(question) == "motivation", question
    assert question_kind("What did you like about your last job?") == "other"


def test_how_do_you_handle_asks_for_a_routine_and_how_did_you_for_a_story() -> None:
    assert question_focus("How do you handle difficult customers?") == "routine"
    assert question_focus("How do you deal with stress?") == "routine"
    assert question_kind("How did you handle a difficult customer?") == "behavioral"


def test_a_narrow_experience_question_and_a_technical_answer_get_no_why_us_tips() -> None:
    # "your experience with X" asks about one skill, not the whole story: no place for why this company
    assert question_focus("Walk me through your experience with payroll audits.") == "summary"
    assert question_focus("Walk me through your background.") == "background"
    # "anywhere near" in a technical answer is no shrug about where to work
    answer = (
        "I'd ask for the weight and how many tablets, and if it's anywhere near a harmful amount I'd tell them "
        "to come straight in and warn the vet."
    )
    fb = score_answer("A caller's dog ate some pills. What do you do?", answer, SCHOOL)
    assert not any(t.startswith("Say what you do want") for t in fb.tips)
    shrug = score_answer("Why this school?", "Honestly I'd work anywhere, a job is a job.", SCHOOL)
    assert any(
        t.startswith(("Say what you do want", "Drop the hedges", "Make it specific")) for t in shrug.tips
    )


def test_pay_conceded_on_the_way_to_the_real_reason_is_not_the_motive() -> None:
    conceded = (
        "the salary is good, sure, but the main thing is the reading groups, my whole first year was built "
        "around them"
    )
    fb = score_answer("Why Willowmere?", conceded, SCHOOL)
    assert not any(t.startswith("Lead with what draws you") for t in fb.tips)
    only_pay = score_answer("Why Willowmere?", "Honestly the pay is better than my current school.", SCHOOL)
    assert any(t.startswith("Lead with what draws you") for t in only_pay.tips)


def test_a_typical_shift_of_any_kind_is_a_routine_question() -> None:
    assert question_focus("What does a typical evening shift look like for you?") == "routine"
    assert question_focus("What does your on-call week look like?") == "routine"
    assert question_focus("Tell me about a time you had a bad shift.") is None
