"""Directives in other kinds of meeting reports: minutes, notes, communiqués, leaders'
readouts and central-bank accounts (directives.md, "Other kinds of meeting reports"), in
sentences and reports written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutesreader.core.analysis import ReportAnalysis, analyze_report
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.reports import parse_report

classifier = DirectiveClassifier()


def category(sentence: str) -> str | None:
    found = classifier.classify(sentence)
    return found.category if found else None


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # action items: a person or body that will act, items and notes
        ("Maria will circulate the revised budget.", "task"),
        ("It was agreed that the secretary will write to the members.", "task"),
        ("The working group discussed the survey, and will publish a summary next month.", "task"),
        ("- Treasurer: reconcile the March accounts", "task"),
        ("AI: Kofi to book the venue", "task"),
        ("* Parking permits [#41](https://example.org/41) * Dana to draft a reply", "task"),
        ("2. Review the parking policy", "task"),
        ("Please comment on the draft before Friday.", "task"),
        ("* Wait until the auditors have reported", "task"),
        ("Members agreed that they would monitor the repairs closely.", "task"),
        ("The board voted to raise the membership fee.", "task"),
        ("Omar has volunteered to fix the projector.", "task"),
        # notes without a subject, or without "is"
        ("- Will relay each post to the newsletter team", "task"),
        ("Will be turned into a pull request this week.", "task"),
        ("Going forward, Ana/Raj will share the slides with the group.", "task"),
        ("Matter to be listed at next meeting.", "task"),
        ("JT to inform the applicant.", "task"),
        ("* Next steps are opening a pull request and asking for reviews", "task"),
        ("We also need a written answer for the auditors.", "obligation"),
        ("- Needs another round of review from the council", "obligation"),
        ("* Version 2.1 is ready to ship, needs a couple of reviews from the board.", "obligation"),
        ("- These shouldn't be treated as targets", "obligation"),
        ("Should be based on the members' feedback.", "obligation"),
        ("- Someone needs to call the venue - Can we pay by card?", "obligation"),
        ("- Will be hiring a second caretaker in May", "task"),
        ("The caretakers said they would repair the gate before the fair.", "task"),
        ("The committee agreed on a plan: book the hall, hire a van and tell the members.", "task"),
        # communiqués: commitments of the signatories, renewed demands
        ("We pledge to step up our support for displaced families.", "task"),
        ("Members stay committed to funding the registry.", "task"),
        ("The ministers reaffirmed their commitment to expanding rail links.", "task"),
        ("The leaders reiterated their commitment to protect the wetlands.", "task"),
        ("The council renewed its call for a ceasefire.", "call"),
        ("The members reiterated their demand for the release of the hostages.", "call"),
        ("Both agreed on the need to keep the border open.", "call"),
        ("She raised the case of the stranded sailors, and the need to bring them home.", "call"),
        ("They requested the city repair the footbridge before winter.", "call"),
        ("The ministers agreed that donors should honour their pledges.", "obligation"),
        ("Our shared goals require us to act before the rains.", "obligation"),
        ("The most important thing is to keep the clinics open.", "obligation"),
        ("It is an urgent job to repair the sea wall.", "obligation"),
        ("The agency's mission is to ensure safe drinking water.", "obligation"),
        ("Close coordination between the ports is crucial.", "obligation"),
        ("The council recalls the need to keep the ferry running in winter.", "call"),
        ("The council welcomes the report and invites the mayor to present a budget.", "call"),
        ("The governor called on Monday for faster repairs to the dykes.", "call"),
        ("The board stressed the link between rents and wages as well as the importance of building homes.", "call"),
        ("The county and city governments will continue to support the food bank.", "task"),
        ("The EU will put into place a new partnership with the ports.", "task"),
        ("We are clear that any deal would have to respect the treaty.", None),
        ("The leaders praised her efforts to encourage all sides to reach agreement.", None),
        ("Councilor Diaz requested addition of a new agenda item to discuss the parks.", None),
        ("Barry would write the rejection draft.", "task"),
        ("The group decided it would continue the review at the next meeting.", "task"),
        ("The board's decision was to repave the north car park.", "task"),
        ("Check out the repository and open issues there.", "task"),
        ("The board discussed the call for nominations, which opens on Monday.", None),
        ("* Myles, will there be any changes for dynamic linking", None),
        ("* Build Resources", None),
        ("The board discussed how minutes will be taken after Ewa leaves.", None),
        ("The board discussed whether or not the fee should be raised.", None),
        ("The group would meet with Ezio on the 20th.", None),
        ("The allies would respond with sanctions in the event of an invasion.", None),
        ("The staff expected that real GDP would advance slowly next year.", None),
        ("Investors were confident that the Committee would raise rates in June.", None),
        ("Council directed staff to examine places for the flags downtown.", "call"),
        ("ACTION: Council discussed a settlement proposal.", None),
        ("Staff may be asked to follow up on such items.", None),
        ("The developer asked for input from the Council to revise the plans.", None),
        ("Update on the discussion of the camp.", None),
        # to-do lists, line-opening action items, plans and offers of members
        ("- [x] Book the hall for the spring fair", "task"),
        ("[ ] Send the agenda to the members", "task"),
        ("- Post the survey [results](https://example.org/survey?id=3)", "task"),
        ("- Leave your keys at the front desk", "task"),
        ("- Going to ask the bank about the fees", "task"),
        ("I'm going to phone the caterers tomorrow.", "task"),
        ("Dana to draft the reply to the residents", "task"),
        ("- Dana to email the residents", "task"),
        ("Agreed on moving the meeting to Thursdays.", "task"),
        ("- Settled on keeping the current fee for another year", "task"),
        ("Omar would like to repaint the hall.", "task"),
        ("Priya said she would be willing to chair the next meeting.", "task"),
        ("- Priya willing to chair the panel", "task"),
        ("We would like to see a plan for the repairs.", "call"),
        ("- we'd like an estimate from the contractor", "call"),
        ("Plans to repaint the hall were dropped.", None),
        ("Hope to see everyone at the fair.", None),
        ("What to bring to the fair:", None),
        ("Called to order at 7 p.m.", None),
        ("People are willing to help with the stalls, but few have signed up.", None),
        ("- Maybe a call with the bank next week", None),
        ("- Discussed the new rota", None),
        ("The committee discussed who should chair the panel.", None),
        ("We'd need to find a new venue if the hall closes.", None),
        ("I do not think this will increase the costs of the fair.", None),
        ("This would provide the chance to review the rota.", None),
        ("* Two approvals and no objections, will merge on Friday", "task"),
        ("- Lena to phone the caterers and we can decide next week", "task"),
        ("The clerk said she would chase the insurers this week.", "task"),
        ("If any stalls which really need to move, please ask the steward", "task"),
        ("The repairs which need to be done are listed below.", None),
        ("- **Goal**: Decide on a date for the fair.", "task"),
        ("- **Aim**: Get a quote from the printers", "task"),
        ("Let's try to finish the rota tonight.", "task"),
        ("- Turn off the projector", "task"),
        ("- Follow up with the printers", "task"),
        ("- Jonas: Important thing is that the accounts are filed on time", "obligation"),
        ("- Call for volunteers", None),
        ("- Update: the hall is booked", None),
        ("- Agreement on this plan, the fee can stay", None),
        ("- waiting on the bank (do we need to phone them again?)", None),
        ("Not clear what the next step ought to be.", None),
        ("- Lena: Failed to book the hall in time.", None),
        ("Let's see how the first month goes.", None),
        ("RESOLVED – That the report be noted and that the hire fee be raised to £40.", "task"),
        ("RESOLVED - That the minutes of the meeting held on 3 May be agreed as a correct record.", None),
        ("RESOLVED – That Members note the report.", None),
        ("Contact: Dana Lee (01234) 567890", None),
        ('- "hall: Do not open the side door" [#12](https://example.org/12)', None),
        # standards-body notes
        ("RESOLUTION: Merge pull request 1047", "task"),
        ("ACTION: plh to check with the CEO", "task"),
        ("RESOLUTION: Let's merge #874", "task"),
        ("PROPOSED: Close issues 1064 and 1044", None),
        ("Ian: Do votes happen secretly?", None),
        ("plh: should we consult PSIG for that?", None),
        ("Florian: I don't think it affects quorum (and I don't think it should).", None),
        # accounts of central banks: the passive voice
        ("Looking ahead, a strong call was made for unity of the board.", "call"),
        ("A plea was made for patience while the measures take effect.", "call"),
        ("It was regarded as important to form a consensus before June.", "obligation"),
        ("The Board will do what is necessary to bring inflation back to target.", "task"),
        ("Some further tightening might be required to bring inflation back to target.", None),
        # not directives
        ("Inflation should decline over the coming year.", None),
        ("Lower energy costs should help support household spending.", None),
        ("A slump in house prices, should one occur, would weigh on spending.", None),
        ("Further adjustment likely would not be needed.", None),
        ("Further tightening may not be necessary.", None),
        ("Firms striving for savings cut their orders.", None),
        ("Advance data on retail sales were weak.", None),
        ("The next meeting will take place in May.", None),
        ("The society will hold its annual meeting in March.", None),
        ("The draft goes to parliament for a vote.", None),
        ("The two leaders discussed trade and energy.", None),
        ("The leaders reaffirmed the importance of the alliance.", None),
        ("They reaffirmed their commitment to the charter.", None),
        ("The envoys met to discuss the floods and to mobilise relief for the valley.", None),
        ("The results were encouraging to investors.", None),
        ("Members were asked to vote on the three resolutions.", None),
        ("ROLL CALL Mayor Lee and Councilmembers Park and Diaz.", None),
        ("Inflation will settle near two percent next year.", None),
        ("The new route will play a part in easing congestion.", None),
        ("They welcomed the new dialogue, through which officials will build on past work.", None),
        ("The board expects conditions to change in a manner that will warrant higher fees.", None),
        ("* update charter [#569](https://example.org/569)", None),
        ("* add a security contact to the charter?", None),
        ("Are there any items that we should use the workshop for?", None),
        ("There was discussion about which body should set the fees.", None),
        ("- Should be able to open the pull request in a week or two", None),
        ("- Will volunteers keep coming to the repair days", None),
        ("* PR to expose the timer is stalled, will not happen.", None),
        ("Will be up and down on Thursday.", None),
        ("The treasurer said sales would slow in the winter.", None),
    ],
)
def test_other_genres(sentence: str, expected: str | None) -> None:
    assert category(sentence) == expected


def _categories(text: str) -> list[list[str | None]]:
    report = parse_report(text, "list", Path("list.txt"))
    whole = [[s.directive.category if s.directive else None for s in p] for p in analyze_report(report, classifier)]
    lazy = ReportAnalysis(report, classifier)
    backwards = [[s.directive.category if s.directive else None for s in lazy[i]] for i in reversed(range(len(lazy)))]
    assert backwards[::-1] == whole  # the reader works paragraphs out in any order
    return whole


def test_list_items_inherit_the_lead_in_category() -> None:
    text = ("The ministers agreed that partners must:\n(i) share the data;\n(ii) fund the registry.\n\n"
            "The meeting closed at noon.")
    assert _categories(text) == [["obligation", "obligation", "obligation"], [None]]


def test_list_items_in_paragraphs_of_their_own_inherit_and_the_list_ends() -> None:
    text = ("Members should:\n\n- report every flood;\n\n- the logs of the pumps.\n\n"
            "The weather was fine.\n\n- Coffee was served.")
    assert _categories(text) == [["obligation"], ["obligation"], ["obligation"], [None], [None]]


def test_note_items_need_no_full_stop() -> None:
    text = "Meeting notes\n\nActions\n* Rich will start the email thread\n* Nothing new to report"
    assert _categories(text)[-1][-2:] == ["task", None]


def test_lines_of_notes_are_no_headings_but_subtitles_are() -> None:
    text = ("Meeting notes\n\nFlorian: Thank you\nWhen you do, please add agenda+ to such issues\n"
            "Vigorously improve the quality of rural schooling\nZoe Park: do not backport the change\nThe meeting closed at noon.")
    assert _categories(text)[-1] == [None, "task", None, "task", None]


def test_headline_of_a_stored_page_under_its_furniture_is_no_directive() -> None:
    text = ("Home » News\n\nLeaders vow to boost trade ties\n\nUpdated: 10:32, 6 May 2023\n\n"
            "The leaders met on Monday. They agreed to boost trade.")
    assert _categories(text) == [[None], [None], [None], [None, "task"]]


def test_items_under_an_action_items_heading_are_tasks() -> None:
    text = ("Notes of the steering group\n\n## Action items\n\n- Tim: first look at the budget for the spring fair and the repairs\n"
            "- Lena: draft the newsletter\n- Garden Fund\n- Ask the bank about the fees\n- Nothing new on the rota\n\n"
            "## Budget\n\n- The treasurer presented the accounts.")
    assert _categories(text) == [[None], [None], ["task", "task", None, "task", None], [None], [None]]


def test_a_lead_in_broken_off_at_that_governs_the_items_that_finish_it() -> None:
    text = "Notes of the fair committee\n\n- We would like to see a proposal that\n- keeps the fee\n- funds the repairs"
    assert _categories(text) == [[None], ["call", "call", "call"]]


def test_links_under_a_lead_in_are_not_actions() -> None:
    text = ("Notes of the fair committee\n\nPlease check these lists before the meeting:\n"
            "- https://example.org/rota\n- Fees: https://example.org/fees")
    assert _categories(text) == [[None], ["task", None, None]]


def test_a_line_with_a_markdown_link_near_the_top_is_no_headline() -> None:
    text = "Notes of the fair committee\n\n## Board review\n\nReview the [board](https://example.org/board) and get updates"
    assert _categories(text) == [[None], [None], ["task"]]


def test_to_do_items_under_a_heading_are_items_not_headings() -> None:
    text = "Notes of the fair committee\n\n## Before the meeting\n[x] Update the board with the new requests\n[ ] Update the rota"
    assert _categories(text) == [[None], [None, "task", "task"]]


def test_a_line_without_a_full_stop_that_lays_a_duty_is_no_heading() -> None:
    text = ("Minutes of the annual meeting\n\nResolution 2 - That the committee should appoint an examiner of the accounts\n\n"
            "Carried unanimously.")
    assert _categories(text) == [[None], ["obligation"], [None]]


def test_items_offered_as_options_are_not_decided() -> None:
    text = ("Minutes of the fair committee\n\nThe meeting was inquorate. The chair has three options:\n\n"
            "1. Make the decisions in private.\n\n2. Rearrange the meeting.\n\nThe chair will write to members.")
    assert _categories(text) == [[None], [None, None], [None], [None], ["task"]]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # minutes: numbered action points, duties with "is to", decisions and steps reported
        ("3. Garden group to organise the plant sale in May", "task"),
        ("7. Priya and Tom to meet the caretaker about the keys", "task"),
        ("2.2.2 Action: KB to follow up with the auditors about the invoice", "task"),
        ("Heather is to ask the printer for a quote for the posters.", "task"),
        ("The Clerk is to write to the owner of the hedge.", "task"),
        ("It was agreed that from June the team leaders would report new volunteers to the committee.", "task"),
        ("The Clerk would meet with the Chair to settle the date of the audit.", "task"),
        ("The Council requested staff explore options for funding the repairs.", "call"),
        ("- It's important that we keep the rota up to date", "obligation"),
        ("* Sam -> Need Priya to review the accounts before we vote", "obligation"),
        ("1. To send out the rota to the stall holders - Anne, Mel and Kelda", "task"),
        ("* Parish staff are happy to run the survey with the residents.", "task"),
        ("- Discussion on the fees to continue at the next meeting", "task"),
        ("* Election of the chair this month, let your rep (Mary, Joe) know if you have views", "task"),
        ("Parish Clerk to send off the claim form.", "task"),
        ("- sam to merge the fix after the release", "task"),
        ("The Clerk would advertise the vacancy before the next meeting.", "task"),
        ("A sign is to be put up at the gate.", "task"),
        ("It was agreed that we ask the district for a grant.", "task"),
        ("- Jo: Next step set up a budget and a proposal", "task"),
        ("- Jack happy to ask the foundation about it", "task"),
        ("RESOLVED that the Council purchase a new bench for the green.", "task"),
        ("It was proposed, seconded and agreed that the Clerk write to the owner.", "task"),
        ("Resolved: to accept the quote from Smith Landscaping.", "task"),
        ("Council consensus was to proceed with option B.", "task"),
        ("Cllr Brown would speak to the school about parking.", "task"),
        ("ACTION: Clerk", "task"),
        ("Councillors are reminded to submit their expense claims by Friday.", "call"),
        ("The Mayor asked that the item be placed on the next agenda.", "call"),
        ("- @jane to review the pull request before Friday", "task"),
        ("- @mhdawson will open an issue about the flaky test", "task"),
        ("AI(jane): update the docs for the new flag", "task"),
        ("TODO(alice): open an issue for the flaky test", "task"),
        ("- AI: everyone review the RFC", "task"),
        ("- Plan is to ship it in the next release", "task"),
        ("Cllr Key will enquire about the horse riding signs.", "task"),
        ("MM noted that she would forward the declaration of office to Jon.", "task"),
        ("(ii) That, in the light of its advice, the Audit Committee consider the changes to the rules.", "task"),
        ("The Chairman reminded Councillors about the rules of debate and to submit their reports on time.", "call"),
        ("3. Playground: a sign is to be put up at the gate.", "task"),
        ("- Mark scribe, Ryan to facilitate", "task"),
        ("A letter will be sent to the landowner.", "task"),
        ("… I plan to close this unless someone speaks up", "task"),
        ("… I invite people to express agreement or disagreement", "call"),
        ("Agreed that the Clerk would obtain quotes for the repairs.", "task"),
        ("Members decided that it would be appropriate to make a further reduction in the pace of purchases.", "obligation"),
        ("Members agreed that, before the next step, it was prudent to gather more data on hiring.", "obligation"),
        ("Members agreed that, in setting the size of future changes, the Committee would assess the data.", "task"),
        ("- Consensus to merge after the release", "task"),
        ("- Ping @jane about the release", "task"),
        ("Leave on agenda for a few weeks.", "task"),
        ("Members to consider the options before the next meeting.", "task"),
        ("All councillors to attend the training on planning.", "task"),
        ("The matter will be discussed at the next meeting.", "task"),
        # ... and what only looks like them
        ("It was resolved to approve the minutes.", None),
        ("It was proposed, seconded, and resolved to accept the notes as the minutes.", None),
        ("That does not give public notice that the item will be discussed.", None),
        ("Present: Cllr A Brown (Chair), Cllr B Patel and the Clerk.", None),
        ("- Do we want to support plugins for project templates", None),
        ("- Should we revert the change on the beta branch", None),
        ("RESOLVED: (i) That the minutes of the Working Group be noted.", None),
        ("This report presents the minutes of the Working Group and asks Members to consider its advice.", None),
        ("Members considered a report which presented the minutes and asked them to consider its advice.", None),
        ("She noted that she would be away in August.", None),
        ("- @bob: the PR is stalled", None),
        ("- @bob will be out next week", None),
        ("Resolved: to approve the minutes of the last meeting.", None),
        ("It was resolved that the minutes of the meeting in June are approved.", None),
        ("Members agreed that the rise in prices in recent months made a cut less likely.", None),
        ("ACTION: None", None),
        ("4. Proposal to move the fair was withdrawn", None),
        ("6. CLERK TO GIVE UPDATE ON THE FOLLOWING:", None),
        ("Welcome to our new members from the allotment society.", None),
        ("- Wanted to highlight the draft that Sam wrote", None),
        ("- Wants to write down a first proposal", None),
        ("- No consensus to merge yet", None),
        ("– DRAFT – (MEETING TITLE)", None),
        ("Participants judged that it would likely be appropriate to raise the rate later this year.", None),
        ("* Nominating @trott to rejoin the committee.", None),
        ("* Add @nebrius as a member of the TSC [#108](https://example.org/108)", None),
        ("- cc @bob", None),
        ("Called to order at 7:15 p.m.", None),
        ("- time to decide whether the fair goes ahead", None),
        ("The meeting is to be held in the village hall.", None),
        ("1. To receive apologies for absence.", None),
        ("We are happy to report that the fair made a profit.", None),
        ("He did not let us know about the change of date.", None),
        ("- Would require more training for the new volunteers", None),
        ("Nothing is to be done about the fence this year.", None),
        ("It was agreed that the next meeting would be held on 5 May.", None),
        ("- The volunteers don't need to be part of the first discussion", None),
        ("- Could ask former members, but they'd still need to be trained", None),
    ],
)
def test_minutes(sentence: str, expected: str | None) -> None:
    assert category(sentence) == expected


def test_a_colon_after_a_semicolon_ends_a_clause_without_the_trigger_and_governs_nothing() -> None:
    text = ("Notes of the fair committee\n\n* Need someone to write up how grants are made; points include:\n"
            "* the ad-hoc nature of the grants\n* requirement of board approval\n\n"
            "* Update the rota [#12](https://example.org/12)\n* blocked by #11")
    assert _categories(text) == [[None], ["obligation", None, None], [None, None]]


def test_minutes_of_a_parish_council_show_their_action_points_and_nothing_else() -> None:
    text = ("Minutes of the Fairfield Parish Council\n\nPresent: Cllr A Brown (Chair), Cllr B Patel and the Clerk.\n\n"
            "2. It was proposed, seconded and agreed that the Clerk write to the owner of the hedge. "
            "Cllr Jones would speak to the school about parking.\n\n"
            "4. Councillors are reminded to submit their claims by Friday. The next meeting will be held on 5 January.\n\n"
            "Action points:\n1. Garden group to organise the plant sale in May\n2. @sam to update the website")
    assert _categories(text) == [[None], [None], ["task", "task"], ["call", None], [None, "task", "task"]]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a question put, or leave sought for oneself, asks no one to act
        ("The treasurer asked when the new benches were likely to be delivered.", None),
        ("The choir has requested permission to travel to the festival in June.", None),
        ("The treasurer asked the secretary to book the hall.", "call"),
        # a decision still to be taken; a future that describes; a noun and its verb
        ("3. Review of the rota and any items likely to be resolved to closed session", None),
        ("The steering group will include two parents from every school to give a wider view.", None),
        ("Forward bookings remain the same as last year.", None),
        ("Forward the invoices to the treasurer by Friday.", "task"),
        # the body's decided conduct, and what it judged right for a thing it named
        ("Members concurred that their decisions would take account of the spring survey.", "task"),
        ("Members agreed that growth would slow next year.", None),
        ("Members judged that it would be appropriate for the statement to mention the strike.", "obligation"),
        # leave sought by "they", the noun "invite", the effect a measure should have, what
        # a reader will find; a decision, negated, is still taken
        ("They requested to hold two cake sales to pay for the coach.", None),
        ("She had forgotten to send the invite to Councillor Patel and the Clerk.", None),
        ("These measures, by spreading the cost, should help keep the fees low.", None),
        ("Members should help the new volunteers settle in.", "obligation"),
        ("Along with the grants, these purchases will increase the club's stock of boats each month.", None),
        ("The Council will increase the precept next year.", "task"),
        ("You will find the accounts at the end of this newsletter.", None),
        ("After a long debate, the committee decided not to raise the fees.", "task"),
        # a resolution after its seconder; an officer's duty, the role in lower case
        ("Proposed by Cllr Lowe, seconded by Cllr Amin, that the council buy two new planters.", "task"),
        ("Seconded by Cllr Amin, and the report was noted.", None),
        ("The treasurer is to send the accounts to the examiner.", "task"),
        ("The secretary is to be found in the office on Mondays.", None),
        # a vote with its margin decides; voting to elect is the meeting's own business
        ("The committee voted by a majority of 6-3 to close the bar on Sundays.", "task"),
        ("The meeting voted unanimously to re-elect the outgoing officers.", None),
        # "open" before a part of the meeting is an adjective
        ("4. Open forum for residents to raise matters of concern", None),
        ("4. Open a savings account for the youth club", "task"),
        # the consensus of a named body; following up with someone
        ("The consensus of the Board was to table the item until May.", "task"),
        ("Follow up with the county about the flooded lane.", "task"),
        ("Follow up on actions from the last meeting", None),
    ],
)
def test_minutes_asking_deciding_and_describing(sentence: str, expected: str | None) -> None:
    assert category(sentence) == expected


def test_a_rule_whose_trigger_is_named_in_another_alternative_still_emphasises_its_phrase() -> None:
    sentence = "After some debate, members considered it appropriate to drop the second paragraph."
    found = classifier.classify(sentence)
    assert found is not None and found.category == "obligation"
    assert found.trigger == "considered it appropriate to" == sentence[found.start:found.end]
