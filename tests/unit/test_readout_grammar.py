"""Readout directives found by their grammar, not by their words (issue 12, seventh round).

Machine translations of local readouts command with verbs no list foresees, and name
bodies that act by their rank (province, prefecture).
The sentences are made up, in the shapes of ../shared/docs/directives.md.
"""

from __future__ import annotations

import pytest

from minutesreader.core.directives import DirectiveClassifier


@pytest.fixture(scope="module")
def classifier() -> DirectiveClassifier:
    return DirectiveClassifier()


def category(classifier: DirectiveClassifier, sentence: str) -> str:
    found = classifier.classify(sentence)
    return found.category if found else "none"


# A manner adverb then a bare verb opens a command, whatever the verb.
@pytest.mark.parametrize("sentence", [
    "Unswervingly follow the path of green and low-carbon development.",
    "Deeply understand the decisive significance of the reform.",
    "First, earnestly shoulder the responsibility of protecting farmland.",
    "Conscientiously learn from the experience of the pilot counties.",
])
def test_a_command_opened_by_a_manner_adverb_is_a_task(classifier: DirectiveClassifier, sentence: str) -> None:
    assert category(classifier, sentence) == "task"


# An adverb before a participle, an adjective or a noun opens no command.
@pytest.mark.parametrize("sentence", [
    "Newly built roads were opened to traffic in June.",
    "Fully aware of the risks, members discussed the budget.",
    "Only three projects were completed last year.",
    "Recently the city completed a survey of its parks.",
    "Early warning systems now cover every village.",
    "Jointly held by the two cities, the fair attracted many firms.",
    "Highly qualified teachers are in short supply.",
    "Originally planned for May, the fair was postponed.",
    "Daily output of the mine reached a new high.",
])
def test_an_adverb_before_no_verb_is_no_command(classifier: DirectiveClassifier, sentence: str) -> None:
    assert category(classifier, sentence) == "none"


def test_a_demand_whose_acts_follow_a_comma_may_open_with_further(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "The mayor requested, to further tighten the safety checks on bridges.") == "call"


# A body named by its rank acts when its verb is an act; a place that will see, face or
# welcome something is foretold, not committed.
@pytest.mark.parametrize("sentence", [
    "The province will issue more special bonds to fund the projects.",
    "The municipality will allocate land for affordable housing.",
    "The prefecture will open ten new clinics this year.",
])
def test_a_body_of_government_that_will_act_has_a_task(classifier: DirectiveClassifier, sentence: str) -> None:
    assert category(classifier, sentence) == "task"


@pytest.mark.parametrize("sentence", [
    "The region will see more rain next week.",
    "The city will welcome a million tourists during the holiday.",
    "The province will face severe challenges in the coming months.",
    "The county will benefit from the new railway.",
])
def test_a_place_that_will_undergo_something_has_no_task(classifier: DirectiveClassifier, sentence: str) -> None:
    assert category(classifier, sentence) == "none"


def test_a_meeting_that_proposed_that_something_be_done_calls(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "The meeting proposed that efforts be made to stabilize grain output.") == "call"


def test_a_member_who_proposed_a_representative_calls_on_no_one(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "Cllr Kirk proposed that Cllr Burgess be the second representative.") == "none"


# "研究部署…工作" (directives.md): the work a meeting deployed is its agenda, not a measure.
@pytest.mark.parametrize("sentence", [
    "The meeting studied the plan and deployed the work of the next stage.",
    "The meeting deployed the work of flood control for this year.",
    "The session conveyed the spirit of the plenum and arranged and deployed the work of the year.",
])
def test_work_deployed_at_a_meeting_is_its_agenda(classifier: DirectiveClassifier, sentence: str) -> None:
    assert category(classifier, sentence) == "none"


def test_arrangements_made_to_act_stay_a_task(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "The meeting made arrangements to clear overdue payments.") == "task"


def test_arrangements_made_for_actions_to_act_are_a_task(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "The meeting also made arrangements for actions to clear overdue payments.") == "task"


@pytest.mark.parametrize("sentence", [
    "The meeting made arrangements for the work of the next stage.",
    "The meeting also made arrangements for flood control and drought relief.",
])
def test_arrangements_made_for_the_work_are_the_agenda(classifier: DirectiveClassifier, sentence: str) -> None:
    assert category(classifier, sentence) == "none"


def test_people_advised_to_act_are_called_on(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "Local officials were advised to stay on duty through the flood season.") == "call"


def test_the_clerk_who_advised_that_something_is_so_calls_on_no_one(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "The clerk advised that the grant had been received.") == "none"


@pytest.mark.parametrize("sentence", [
    "The deputy mayor and two advisers were invited to attend the meeting.",
    "Heads of the district bureaus were invited to sit in on the session.",
])
def test_guests_invited_to_the_meeting_are_the_event(classifier: DirectiveClassifier, sentence: str) -> None:
    assert category(classifier, sentence) == "none"


def test_members_invited_to_act_are_still_called_on(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "The council invited residents to report damaged street lights.") == "call"


# What a meeting studied is its agenda, however prescriptive the title of the paper.
def test_measures_studied_to_make_efforts_are_the_agenda(classifier: DirectiveClassifier) -> None:
    sentence = "The meeting studied measures to make greater efforts to attract investment and heard a report on exports."
    assert category(classifier, sentence) == "none"


def test_a_measure_of_the_meeting_after_its_agenda_is_a_task(classifier: DirectiveClassifier) -> None:
    sentence = "The meeting studied a plan for rural roads, made arrangements to repair the bridges and heard a report."
    assert category(classifier, sentence) == "task"


def test_the_most_important_thing_at_present_is_an_obligation(classifier: DirectiveClassifier) -> None:
    sentence = "The mayor said that the most important thing at present is to keep the dikes under watch."
    assert category(classifier, sentence) == "obligation"


def test_a_colon_after_stressed_opens_a_list_of_commands(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "The town head stressed: First, improve the duty rota of every village.") == "call"


def test_a_comma_after_emphasized_opens_a_framing(classifier: DirectiveClassifier) -> None:
    sentence = "The mayor emphasized, building a civilized city is the starting point of the city's development."
    assert category(classifier, sentence) == "none"


# A verb known by its ending, "-ize" or "-ify", then its object.
@pytest.mark.parametrize("sentence", [
    "Normalize the monthly fire checks in every market and strengthen night patrols.",
    "Clarify the duties of every village committee before the holiday.",
    "During the harvest holiday, strictly abide by the rules on night duty.",
])
def test_a_command_known_by_the_form_of_its_verb_is_a_task(classifier: DirectiveClassifier, sentence: str) -> None:
    assert category(classifier, sentence) == "task"


def test_an_item_named_by_its_rank_and_its_act_is_a_task(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "The third is to refine the measures for the holiday.") == "task"


def test_an_item_named_by_its_rank_and_a_noun_is_not(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "The third is the responsibility for the holiday.") == "none"


def test_tasks_highlighted_in_the_passive_are_called_for(classifier: DirectiveClassifier) -> None:
    sentence = "The reform tasks of the year, such as opening rural markets and improving the grid, were highlighted."
    assert category(classifier, sentence) == "call"


def test_achievements_highlighted_in_the_passive_are_not(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "The achievements of the past year were highlighted.") == "none"


def test_a_command_that_ends_in_arranging_and_deploying_is_the_agenda(classifier: DirectiveClassifier) -> None:
    sentence = "Implement the spirit of the conference, and arrange and deploy the key tasks of the district this month."
    assert category(classifier, sentence) == "none"


def test_deploying_inspectors_is_still_a_task(classifier: DirectiveClassifier) -> None:
    assert category(classifier, "The city will deploy more inspectors to the markets before the holiday.") == "task"


# Eighth round. A passive with no agent after a word of quantity is a duty, not a
# forecast ("production safety should be watched"); with its agent it foretells.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The meeting pointed out that grain production quotas should be strictly enforced.", "obligation"),
    ("Support for small firms in the wake of falling output should be strengthened.", "obligation"),
    ("Household spending should be supported by rising wages next year.", "none"),
    ("Inflation should decline over the coming months.", "none"),
])
def test_a_passive_after_a_word_of_quantity_is_a_duty_unless_it_names_its_agent(
        classifier: DirectiveClassifier, sentence: str, expected: str) -> None:
    assert category(classifier, sentence) == expected


# The meeting's own task or priority is its agenda; another's is a necessity.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The mayor pointed out that the main task of the meeting is to review the year's work.", "none"),
    ("He said the main task of this conference is to sum up the experience of the pilots.", "none"),
    ("The main task for the county this year is to repair the reservoirs.", "obligation"),
])
def test_the_task_of_the_meeting_is_its_agenda(classifier: DirectiveClassifier, sentence: str, expected: str) -> None:
    assert category(classifier, sentence) == expected


# A session that will open, run or close on a date is a scheduled event; a body that
# will open something acts.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The county congress, after being put off twice because of the floods, will open on March 3.", "none"),
    ("The CPPCC annual session, after being postponed for a month, will open on May 21.", "none"),
    ("The plenary meeting will close on Friday.", "none"),
    ("The city government will open two new clinics in the old town.", "task"),
])
def test_a_session_that_will_open_on_a_date_is_an_event(classifier: DirectiveClassifier, sentence: str, expected: str) -> None:
    assert category(classifier, sentence) == expected


# A gerund after a manner adverb is an act, even joined by "and" to another; its rank as
# the primary task, or as a priority, is a necessity.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The meeting stressed that conscientiously learning and applying the new rules is the primary political task of all "
     "departments.", "obligation"),
    ("Carefully repairing the dikes is the main task this winter.", "obligation"),
    ("Beijing and Tianjin are the main task forces.", "none"),
])
def test_an_act_ranked_as_the_main_task_is_a_necessity(classifier: DirectiveClassifier, sentence: str, expected: str) -> None:
    assert category(classifier, sentence) == expected


# Machine translations open the next item of a list with ";To" and a verb: a command.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("All townships to reach the goal of zero accidents in the year;To strengthen the patrols of the mountain "
     "roads, and check the bridges.", "task"),
    ("The hills lie to the west; to the east lies the lake district of the county.", "none"),
])
def test_an_infinitive_after_a_semicolon_opens_a_command(classifier: DirectiveClassifier, sentence: str, expected: str) -> None:
    assert category(classifier, sentence) == expected


# The importance of efforts to do something is the importance of an act: a call.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The meeting underscored the importance of efforts to widen access to rural credit.", "call"),
    ("She stressed the importance of greater efforts to clean up the rivers.", "call"),
    ("He praised the importance of efforts to date.", "none"),
])
def test_the_importance_of_efforts_to_act_is_a_call(classifier: DirectiveClassifier, sentence: str, expected: str) -> None:
    assert category(classifier, sentence) == expected


# A paper the meeting approved, "which will be submitted to" another body, is its next
# step (a task); other futures in a relative clause name no one who acts.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The meeting approved a draft law on forests, which will be submitted to the provincial congress for review.", "task"),
    ("A new fund was set up, which will be used mostly by small farms.", "none"),
])
def test_a_paper_to_be_submitted_in_a_relative_clause_is_a_task(
        classifier: DirectiveClassifier, sentence: str, expected: str) -> None:
    assert category(classifier, sentence) == expected
