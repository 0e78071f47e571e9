"""Directives in minutes, central-bank minutes and accounts, statements and communiqués:
the shapes the seventh round reads (directives.md, "Other kinds of meeting reports"), in
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


def _categories(text: str) -> list[list[str | None]]:
    report = parse_report(text, "minutes", Path("minutes.txt"))
    whole = [[s.directive.category if s.directive else None for s in p] for p in analyze_report(report, classifier)]
    lazy = ReportAnalysis(report, classifier)
    backwards = [[s.directive.category if s.directive else None for s in lazy[i]] for i in reversed(range(len(lazy)))]
    assert backwards[::-1] == whole  # the reader works paragraphs out in any order
    return whole


def test_commands_after_a_run_on_lead_in_inherit_its_category_until_the_quote_closes() -> None:
    text = ('The board approved the following text: "The Board directs the agent to: Buy short-term bills as '
            'needed to keep the rate near 2 percent. Lend overnight against collateral at 2.5 percent.\n\n'
            'Redeem maturing notes up to a cap of $5 million a month. Keep a reserve of $2 million for the '
            'branches." Turnover rose in the afternoon.')
    assert _categories(text) == [["call", "call"], ["call", "call", None]]
    # alone, the command's verb is not one the rules know: it is the lead-in that decides
    assert category("Redeem maturing notes up to a cap of $5 million a month.") is None


def test_a_run_on_lead_in_ends_at_a_sentence_that_is_no_command() -> None:
    text = ("The council directs the clerk to: Publish the notice in the library. The notice was read "
            "aloud. Redeem maturing notes up to a cap of $5 million a month.")
    assert _categories(text) == [["call", None, None]]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a numbered heading in capitals names a part of the agenda
        ("4. ROLL CALL", None),
        ("7. IMPLEMENT THE NEW PARKING RULES", None),
        ("4. Roll out the new bins to every street", "task"),
        # what the reader will find attached is no measure of the body's
        ("Delegations will find attached the conclusions adopted by the summit.", None),
        ("The secretariat will circulate the conclusions to the delegations.", "task"),
        # a noun and its infinitive is no subject and its verb in the subjunctive
        ("Members agreed that the case to hold the rate steady this month was the stronger one.", None),
        ("It was agreed that the clerk write to the owner of the field.", "task"),
        # the body's readiness to act, unless offered on a condition
        ("We are prepared to widen the patrols along the border.", "task"),
        ("The council remains determined to reopen the library this year.", "task"),
        ("Should the talks resume, we are prepared to lift the measures.", None),
        # what the members noted it was right to do; what an outcome takes is no duty
        ("Members noted that it would be important to review the fees each year.", "obligation"),
        ("Spending would soon exceed what was required to bring prices back to target.", None),
        # a duty given to an agent named by a noun
        ("The executor is to distribute the remaining funds.", "task"),
        ("The working group is to report back by June.", "task"),
        ("The meeting is to be held in May.", None),
        # a recommendation asks another body to act; a report's recommendation is its summary
        ("The committee recommended that the Council adopt the plan.", "call"),
        ("The report recommends that the Council adopt the plan.", None),
        # what the members judged warranted, and what a policy needed, are obligations
        ("Several members argued that a pause was warranted.", "obligation"),
        ("Members agreed that the argument was justified by the data.", None),
        ("Policy needed to remain restrictive for some time.", "obligation"),
        ("The elements needed to raise investment are in place.", None),
        ("She declared that councilors needed to give clearer direction to staff.", "obligation"),
        # an officer's next step; a charge kept as decided; a motion or a direction that
        # sends someone to act; a piece of work asked for
        ("The Superintendent will present the budget at the next meeting.", "task"),
        ("The subscription will remain at £20 for the coming year.", "task"),
        ("Rates will remain low for some time.", None),
        ("Trustee Miller moved, seconded by Trustee Ortiz, to direct staff to draft a policy.", "call"),
        ("The council gave direction to staff to prepare an ordinance.", "call"),
        ("Councilmember Lee requested a report on the parking study.", "call"),
        ("He asked for a copy of the previous minutes.", None),
        # a meeting scheduled, and the meeting's own procedure, are no acts
        ("The Board will meet in executive session to discuss personnel matters.", None),
        ("The audit committee will meet quarterly.", None),
        ("The Clerk will meet the contractor on site.", "task"),
        ("Mayor Pro Tem Smith requested that the meeting be adjourned in memory of John Doe.", None),
        ("The Mayor requested that the item be placed on the next agenda.", "call"),
        # communiqués: the body's readiness stated, and the work it gives others
        ("The members of the Council expressed their readiness to take appropriate measures.", "task"),
        ("We task our ministers to take this work forward.", "call"),
        ("The European Council mandates the Commission to negotiate the agreement.", "call"),
        ("The task of the committee is to review fees.", None),
        ("The members of the Council insist on full implementation of the ceasefire by the parties.", "call"),
        ("He insisted on his innocence throughout the hearing.", None),
        ("The members of the Council have met in their determination to ensure the truce holds.", None),
        # central-bank minutes: what the members decided should be done to a rate, not a
        # forecast of it; the body's priority and determination; the need the members saw
        ("Members agreed that Bank Rate should be maintained at 5.25%.", "obligation"),
        ("Members noted that inflation should fall back toward the target over the next year.", None),
        ("The Board's priority is to return inflation to target.", "obligation"),
        ("Returning inflation to target within a reasonable timeframe remains the Board's highest priority.", "obligation"),
        ("The Board remains resolute in its determination to return inflation to target.", "task"),
        ("Members saw the need to continue the withdrawal of monetary accommodation.", "call"),
        ("Members agreed that the high uncertainty reinforced the importance of a data-dependent approach.", "call"),
        # a decision noted as its bare verb, before its reasons
        ("- postpone, we like the idea, but the details are unclear", "task"),
        ("- Closed, as the author left", None),
        # what a standing rule grants, and what the body may do, prescribe nothing
        ("Speakers who use a translator shall have six (6) minutes to address the Board.", None),
        ("Members shall have to declare their interests.", "obligation"),
        ("The Board may give direction to staff to respond to your concern.", None),
    ],
)
def test_minutes_and_statements(sentence: str, expected: str | None) -> None:
    assert category(sentence) == expected


def test_short_lines_of_an_agenda_that_name_an_act_of_the_meeting_are_tasks() -> None:
    text = ("Notes of the board\n\n- Assign roles\n- Consider the new rota\n\n"
            "Agenda\n\n2. Elect officers\n3. Election of officers\n4. To consider the quotation for the hall")
    assert _categories(text) == [[None], ["task", "task"], [None], ["task", None, None]]



@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the meeting's own procedure, done as it is decided, leaves nothing to do
        ("Members agreed to suspend Standing Orders so that the residents could speak.", None),
        ("It was resolved to exclude the press and public for the next item.", None),
        ("Members agreed to repaint the bus shelter before the summer.", "task"),
        # a need that is the object of a relative clause is what a thing takes; a need only
        # foreseen is no duty; said of ourselves, or agreed, it still prescribes
        ("The choir cannot pay for the music that it needs to stage the concert.", None),
        ("- Discussed the possible need to replace the boiler next winter.", None),
        ("- Discussed the need to replace the boiler next winter.", "call"),
        ("We listed the repairs that we need to finish by May.", "obligation"),
        ("The committee agreed that it needs to review the hire charges.", "obligation"),
        # asked to, in a clause of circumstance, is no request of the meeting's
        ("Whenever he was asked to chair the session he declined.", None),
        ("The treasurer was asked to chair the session.", "call"),
        # a permission is no task
        ("Ten minutes will be allowed for questions from the floor.", None),
        ("Ten minutes will be set aside for questions from the floor.", "task"),
        # the purpose of a petition or letter is not a call the meeting makes
        ("Omar proposed starting a petition to urge the county to mend the footbridge.", None),
        ("The meeting urged the county to mend the footbridge.", "call"),
        # an office taken is recorded like an election; an act offered is still a task
        ("Priya offered to take on the role of Treasurer.", None),
        ("Tom agreed to stand as chair for one more year.", None),
        ("Priya offered to take on the newsletter.", "task"),
        ("Tom agreed to chair the parking working group.", "task"),
        # a future in a clause of cause gives a reason; the main clause may still plan
        ("Sam was willing to stay on as treasurer as he will still be living in the village.", None),
        ("The fair is off because the hall will be closed, and Anna will book the church room.", "task"),
    ],
)
def test_minutes_record_procedure_properties_and_permissions_not_directives(sentence: str, expected: str | None) -> None:
    assert category(sentence) == expected
