"""Directive detection in readouts of Chinese meetings, fifth round: rules by grammar.

Sentences written for the tests (in the style of English readouts: Xinhua's and local
machine translations), each labelled by ../shared/docs/directives.md before the rules
were written; with the look-alikes each rule must leave alone.
"""

from __future__ import annotations

import pytest

from minutesreader.core.directives import DirectiveClassifier

classifier = DirectiveClassifier()


def category(sentence: str) -> str | None:
    found = classifier.classify(sentence)
    return found.category if found else None


# A past-tense "called for" after any noun, an act named by an -ence noun, a command after
# an opening phrase, a numbered list of acts after a colon, a necessity said of a gerund
# subject, a negated need, a demand before its acts, an ordinal item, a series after a
# colon, and a foretold effect; with their look-alikes.
NECESSITY_LIST_COMMAND = [
    ('The Conference called for keeping prices stable while opening new markets.', 'call'),
    ('The Conference calls for deepening reform of the fiscal system.', 'call'),
    ('The meeting stressed the importance of perseverance in rural reform.', 'call'),
    ('The meeting stressed the importance of adherence to the rules of the Party.', 'call'),
    ('The leaders reaffirmed the importance of the alliance in the region.', None),
    ('According to the plan of the province, ensure that all villages have clean water.', 'task'),
    ('With a unified plan, fully repair the dikes before the rainy season.', 'task'),
    ('In terms of reform, deepen the reform of state-owned enterprises.', 'task'),
    ('According to the statement, support for small firms rose by 10 percent.', None),
    ('In the first quarter, output grew by 5 percent.', None),
    ('With the support of the city, the project was completed in May.', None),
    ('The Conference set out five tasks for next year: (1) firmly protecting farmland; (2) vigorously upgrading old factories.', 'task'),
    ('The meeting identified three priorities: (1) stabilize employment; (2) expand domestic demand; and (3) prevent risks.', 'task'),
    ('The meeting reviewed two reports: (1) a report on flood control; (2) a report on the budget.', None),
    ('Stabilizing employment is crucial for the overall economy.', 'obligation'),
    ('Keeping prices stable is of vital importance.', 'obligation'),
    ('The most important thing is to implement the decisions of the central committee.', 'obligation'),
    ('It is an urgent task to improve the quality of rural schools.', 'obligation'),
    ('It is of great importance to strengthen the building of the Party.', 'obligation'),
    ('It is imperative for all localities to step up the inspection of chemical plants.', 'obligation'),
    ('Ensuring the supply of grain is the top priority of the government.', 'obligation'),
    ('The current economic situation is crucial for the year.', None),
    ('Party committees and governments at all levels must report floods at once.', 'obligation'),
    ('All regions and departments should keep grain reserves full.', 'obligation'),
    ('Governments at all levels and relevant departments are expected to act quickly.', None),
    ('Efforts should be made to expand domestic demand and stabilize foreign trade.', 'obligation'),
    ('More efforts will be made to boost consumption.', 'task'),
    ('Efforts have been made to boost consumption over the past year.', None),
    ('The meeting called for efforts to stabilize growth, expand employment and control prices.', 'call'),
    ('The meeting required efforts to stabilize growth and promote reform.', 'call'),
    ('The meeting was held to discuss ways to boost employment and to mobilize efforts for the flood season.', None),
    ('The Politburo met to discuss the economy and to plan for the second half of the year.', None),
    ('The city has made remarkable progress in building a modern industrial system.', None),
    ('Investment in fixed assets increased by 8 percent in the first half.', None),
    ('BEIJING, Dec. 10 (Xinhua) --', None),
    ('Xi Jinping presides over the meeting and delivers an important speech.', None),
    ('Local governments should not increase hidden debt.', 'obligation'),
    ('If conditions allow, the province may extend the policy.', None),
    ('Should the situation worsen, further measures would be considered.', None),
    ('The plan does not need to be revised this year.', None),
    ('The meeting heard a report on the need to protect farmland.', None),
    ('Grain output has risen for the ninth year in a row.', None),
    ('The gains were hard-won and should be protected.', 'obligation'),
    ('The meeting studied measures to further stabilize foreign trade.', None),
    ('The meeting pointed out that the plenary session is of great significance.', None),
    ('Li said the government plans to open 500 new clinics within two years.', 'task'),
    ('He urged to review the pilot schemes before winter.', 'call'),
    ('The meeting emphasized the need for careful checks of school buildings.', 'call'),
    ('It was emphasized that the county government needs to hire more nurses.', 'obligation'),
    ('The focus should be on helping small farms.', 'obligation'),
    ('The mayor stressed that doing a good job in flood control is very important to protect the people.', 'obligation'),
    ('Developing the digital economy is important for the city.', 'obligation'),
    ('He said that building the new port is important.', 'obligation'),
    ('Wang Lei said that the meeting in May was important for the region.', None),
    ('The mayor required, to strengthen night patrols and check every gas pipe.', 'call'),
    ('The governor requested: strengthen inspections and ensure supply.', 'call'),
    ('As required, the report was submitted to the council.', None),
    ('The completion of the bridge will certainly boost trade in the county.', None),
    ('The construction of the port will boost local employment.', None),
    ('The implementation of the plan will be accelerated.', 'task'),
    ('The renovation of rural roads will also be accelerated.', 'task'),
    ('The government will promote the construction of the port.', 'task'),
    ('The municipal government will strengthen supervision of food safety.', 'task'),
    ("Beijing is important for the region's economy.", None),
    ('Nanjing city is crucial to the Yangtze River Delta.', None),
    ("He pointed out that Beijing's role is vital to the region.", None),
    ('He said that developing countries are important partners of China.', None),
    ('Leading cadres are crucial to the success of reform.', None),
    ('First, to strengthen the leadership over flood control and implement the responsibility system.', 'task'),
    ('Third, strengthening the inspection of dikes and reservoirs.', 'task'),
    ('Second, during the meeting, the mayor heard reports from the districts.', None),
    ('4. To receive apologies for absence.', None),
    ('The meeting stressed the following points: implementing the responsibility system; improving early warning; and ensuring supplies.', 'call'),
    ('The plenum set out the tasks for next year: stabilizing growth; expanding domestic demand; and preventing risks.', 'task'),
    ('Items considered: Planning applications; Housing allocations; and Parking.', None),
    ("Wang demands all-out efforts to rebuild the flooded towns.", "call"),
    ("The meeting demands that all localities report accidents at once.", "call"),
    ("The demands of the people were heard at the meeting.", None),
    ("Their demands for higher wages were met.", None),
]


@pytest.mark.parametrize("sentence, expected", NECESSITY_LIST_COMMAND)
def test_necessity_lists_and_commands_by_grammar(sentence: str, expected: str | None) -> None:
    assert category(sentence) == expected


# The everyday shapes of readouts: stress in the passive, efforts asked for, "it is required that", measures "to
# be taken", a commitment "ready to", bare commands with the verbs readouts use
# (handle, oppose, study, solve ...), verbs joined by "and"; and the event, the framing and
# the results, which prescribe nothing.
EVERYDAY_SHAPES = [
    ('China will intensify efforts to stabilize foreign trade.', 'task'),
    ('More policies should be rolled out to boost consumption.', 'obligation'),
    ('Greater efforts are needed to support small businesses.', 'obligation'),
    ('The meeting asked for more efforts to stabilize employment.', 'call'),
    ('It is required to improve the quality of public services.', 'obligation'),
    ('It is required that all projects pass safety checks before opening.', 'obligation'),
    ('The meeting requires that all departments report on progress monthly.', 'call'),
    ('Targeted measures are to be taken to help enterprises in difficulty.', 'task'),
    ('The meeting is to be held in Beijing next month.', None),
    ('Properly handle the relationship between development and security.', 'task'),
    ('Earnestly study and implement the spirit of the plenary session.', 'task'),
    ('Solve the problems that the people are most concerned about.', 'task'),
    ('Complete the annual targets for economic and social development.', 'task'),
    ('Achieve a good start in the first quarter.', 'task'),
    ('Study shows that the policy has worked.', None),
    ('Plan for the new district approved by the council.', None),
    ('The meeting mapped out priorities for economic work next year.', None),
    ('The meeting gave instructions on flood control.', None),
    ('Local authorities were asked to step up inspections of mines.', 'call'),
    ('Party members are expected to take the lead in the campaign.', None),
    ('Xi encouraged young people to contribute to national rejuvenation.', 'call'),
    ('Work will be done to improve the business environment.', 'task'),
    ("No effort should be spared to ensure the safety of people's lives.", 'obligation'),
    ('The meeting set the tone for the economic work of next year.', None),
    ('The meeting laid out five key tasks for the next stage.', None),
    ('China is ready to work with all parties to safeguard peace.', 'task'),
    ('The country will keep its macro policies consistent and stable.', 'task'),
    ('Priority will be given to job creation for college graduates.', 'task'),
    ('The meeting required Party committees at all levels to shoulder their responsibilities.', 'call'),
    ('Xi urged the whole Party to stay humble and prudent.', 'call'),
    ('Leading officials should set an example for others.', 'obligation'),
    ("The people's livelihood must always be put first.", 'obligation'),
    ('It was demanded that safety inspections be carried out across the board.', 'call'),
    ('All regions are urged to act promptly.', 'call'),
    ('We should neither relax nor lower our standards.', 'obligation'),
    ('The economy grew by 5.2 percent last year, beating the target.', None),
    ('The meeting reviewed the work of the past year and analyzed the current situation.', None),
    ('Li Qiang, Zhao Leji and Wang Huning attended the meeting.', None),
    ('The session concluded on Thursday after three days of deliberation.', None),
    ('The plenary session was convened by the Political Bureau.', None),
    ('Xi delivered an important speech at the meeting.', None),
    ('The meeting heard a work report delivered by Xi on behalf of the Political Bureau.', None),
    ('All localities and departments are required to implement the plan to the letter.', 'obligation'),
    ('It is also necessary to keep the yuan exchange rate basically stable.', 'obligation'),
    ('Special attention should be paid to preventing major accidents.', 'obligation'),
    ('Make solid efforts to ensure stable supply of energy.', 'task'),
    ('Stepping up the construction of affordable housing is a priority.', 'obligation'),
    ('Departments at all levels should further enhance their sense of responsibility and act with urgency.', 'obligation'),
    ('The meeting urged making the protection of the environment a top priority.', 'call'),
    ('Study and implement the spirit of the plenary session.', 'task'),
    ('Support and guidance for small firms were discussed at length.', None),
    ('The importance of training rural teachers and expanding school meals were discussed.', 'call'),
    ('Additionally, the renovation of old water pipes was emphasized.', 'call'),
    ('The need to protect farmland was highlighted.', 'call'),
    ('The development of the digital economy was discussed at the meeting.', None),
    ('The importance of the alliance was stressed by both sides.', None),
    ('The implementation of the plan was reviewed.', None),
    ('The meeting stressed further research, training and implementation of the new flood rules.', 'call'),
    ('The congress heard the report, reviewed the plan and decided to approve it.', None),
    ('The congress decided to open three new schools in the county.', 'task'),
    ('The meeting put a strong focus on improving flood defences in the north.', 'call'),
    ('The meeting advocated strengthening support for small exporters.', 'call'),
    ('The meeting deployed measures to repair roads, studied the housing plan, and approved two regulations.', None),
    # 研究部署…工作 (directives.md): the work a meeting deployed is its agenda, not a measure.
    ('The meeting arranged and deployed the work of flood control for the summer.', None),
]


@pytest.mark.parametrize("sentence, expected", EVERYDAY_SHAPES)
def test_everyday_shapes_of_readouts(sentence: str, expected: str | None) -> None:
    assert category(sentence) == expected


# Sixth round: the acts as the subject of a passive of stress ("Upgrading old factories,
# ... were highlighted"), after an opening phrase or a semicolon; "the key lies in" an act;
# a necessity said of a gerund whose object is a list ("stressed that doing X, Y and Z is
# very important"); the significance of a session or a constitution (a thing) asks for
# nothing.
# With the look-alikes: results, the agenda ("were discussed"), participles before a noun,
# "the key lies in" a thing.
ACTS_IN_THE_PASSIVE = [
    ('Upgrading old factories, training skilled workers and opening new markets were highlighted at the meeting.', 'call'),
    ('To that end, repairing rural roads and widening the canals were also stressed at the session.', 'call'),
    ('Jobs were the first topic; stabilising exports and helping small firms were also emphasized.', 'call'),
    ('Protecting farmland was highlighted as the basis of food security.', 'call'),
    ('Recruiting nurses and building clinics were discussed at the meeting.', None),
    ('The achievements of the past year were highlighted at the meeting.', None),
    ('Leading cadres from all districts were stressed by the workload.', None),
    ('During the meeting, the results of the survey were highlighted.', None),
    ('The key lies in firmly and steadily improving the quality of growth.', 'obligation'),
    ('The key lies in the fact that the county has more land than water.', None),
    ('The mayor stressed that doing a good job in flood control, road repair, school safety and other work '
     'is very important to protect the people.', 'obligation'),
    ('He said that developing the port, the railway and the airport is crucial to build a hub.', 'obligation'),
    ('He pointed out that speaking of the economy, the city is important for the region.', None),
    ('Li said that growing trade, jobs and investment is important for the region.', None),
    # the significance of a thing whose name ends like an act's ("session", "constitution")
    ('The meeting emphasized the great significance of the plenary session.', None),
    ('The meeting stressed the importance of the Constitution.', None),
    ('The meeting stressed the importance of implementing the constitution.', 'call'),
    ('He stressed the importance of environmental protection.', 'call'),
]


@pytest.mark.parametrize("sentence, expected", ACTS_IN_THE_PASSIVE)
def test_acts_as_the_subject_of_a_passive_of_stress(sentence: str, expected: str | None) -> None:
    assert category(sentence) == expected


# A call denied prescribes nothing (directives.md: negated triggers), nor does the next
# step of another body (a legislature's deliberation); a call beside it, and the
# meeting's own step ("will be submitted"), still count.
DENIED_AND_OTHERS_STEPS = [
    ('The meeting did not call for new stimulus measures.', None),
    ('Local officials were not asked to report on the survey.', None),
    ('The meeting has never urged the districts to borrow more.', None),
    ('The meeting called for new measures and did not ask for more funds.', 'call'),
    ('The report will be deliberated at the annual session of the legislature.', None),
    ("The plan will be examined by the municipal people's congress in June.", None),
    ('The draft will be submitted to the Standing Committee of the NPC for deliberation.', 'task'),
    ('The new rules will be implemented in stages.', 'task'),
]


@pytest.mark.parametrize("sentence, expected", DENIED_AND_OTHERS_STEPS)
def test_denied_calls_and_steps_of_other_bodies(sentence: str, expected: str | None) -> None:
    assert category(sentence) == expected
