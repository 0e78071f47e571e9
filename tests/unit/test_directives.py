"""Directive detection: each rule and each false friend, on sentences written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutesreader.core.analysis import analyze_paragraph
from minutesreader.core.directives import CATEGORIES, Directive, DirectiveClassifier, load_classifier
from minutesreader.core.reports import parse_report
from minutesreader.core.sentences import split_sentences

LIBRARY = Path(__file__).resolve().parents[2] / "library"
MODEL = LIBRARY / "000_9d62e18ffa0ab910.txt"

classifier = DirectiveClassifier()


def category(sentence: str) -> str | None:
    found = classifier.classify(sentence)
    return found.category if found else None


def test_categories_strongest_first() -> None:
    assert CATEGORIES == ("obligation", "call", "task")


def test_model_readout_matches_the_worked_example() -> None:
    text = MODEL.read_text(encoding="utf-8")
    text = text.replace(" date 2023-05-06 ", "", 1)
    labels = []
    for block in text.split("\n\n"):
        block = " ".join(block.split())
        for start, end in split_sentences(block):
            found = classifier.classify(block[start:end])
            labels.append(found.category if found else "not")
    assert labels == [
        "not", "not",
        "not", "obligation", "obligation", "task", "obligation", "obligation", "obligation",
        "not", "obligation", "obligation", "obligation",
        "not",
        "not",
    ]


def test_trigger_is_the_exact_substring_at_its_offsets() -> None:
    sentence = "The meeting stressed that all departments must act at once."
    found = classifier.classify(sentence)
    assert isinstance(found, Directive)
    assert found.category == "obligation"
    assert sentence[found.start:found.end] == found.trigger == "must"


# --- each category and its typical triggers, in sentences written for these tests ----

@pytest.mark.parametrize(
    "sentence, expected, trigger",
    [
        ("Township officials must report every flood warning within the hour.", "obligation", "must"),
        ("The county should publish its budget in full.", "obligation", "should"),
        ("Inspection teams shall keep written records of each visit.", "obligation", "shall"),
        ("Schools need to hire more counsellors before autumn.", "obligation", "need to"),
        ("The bureau has to clear the backlog of permits this quarter.", "obligation", "has to"),
        ("It is necessary to widen the river embankment before the rainy season.", "obligation", "It is necessary"),
        ("It is imperative to stop the illegal dumping at once.", "obligation", "It is imperative"),
        ("It is important to listen to the views of small traders.", "obligation", "It is important to"),
        ("Efforts are required to finish the rural road network.", "obligation", "Efforts are required"),
        ("Village committees are required to post their accounts monthly.", "obligation", "are required to"),
        ("More inspectors are needed in the coastal districts.", "obligation", "are needed"),
        ("Targeted coordination is essential to achieving the water targets.", "obligation", "is essential"),
        ("The key is to keep implementing the housing plan.", "obligation", "The key is to"),
        ("What matters most is to deliver the subsidies on time.", "obligation", "What matters most is to"),
        ("A second review of the dam was deemed necessary.", "obligation", "was deemed necessary"),
        ("The mayor called for faster repairs to the water mains.", "call", "called for"),
        ("The meeting urged all districts to cut red tape.", "call", "urged"),
        ("The governor asked the transport office to reopen the ferry line.", "call", "asked"),
        ("Departments were asked to submit their plans by June.", "call", "asked"),
        ("The council required every clinic to stock the new vaccine.", "call", "required"),
        ("The premier instructed the ministries to simplify approvals.", "call", "instructed"),
        ("The meeting stressed the need to protect farmland.", "call", "stressed the need to"),
        ("She stressed the importance of improving rural schools.", "call", "stressed the importance of"),
        ("The session underlined the imperative to implement the new safety code.", "call", "underlined the imperative to"),
        ("The committee discussed the need to align the two budgets.", "call", "discussed the need to"),
        ("Stressing keeping prices stable, the governor spoke for an hour.", "call", "Stressing keeping"),
        ("Small firms will be encouraged to invest in cleaner boilers.", "call", "encouraged to"),
        ("Retailers are encouraged to extend their opening hours.", "call", "encouraged to"),
        ("We will open ten new clinics in the hill villages.", "task", "We will"),
        ("The province will continue to improve its flood defences.", "task", "will continue to improve"),
        ("Officials vowed to strive to finish the bridge by spring.", "task", "vowed to"),
        ("Make every effort to reduce the waiting time at clinics.", "task", "Make every effort to"),
        ("Accelerate the construction of the northern rail link.", "task", "Accelerate"),
        ("Vigorously improve the quality of rural schooling.", "task", "improve"),
        ("Implement it without compromise.", "task", "Implement"),
        ("To protect the wetlands, limit new building permits and plant more reeds.", "task", "To protect"),
        ("The exemption will remain in place for another year.", "task", "will remain in place"),
        ("A draft will be circulated for comment.", "task", "will be circulated"),
        ("The meeting made arrangements to clear overdue payments to contractors.", "task", "made arrangements to"),
        ("Road checks will be stepped up before the holiday.", "task", "will be stepped up"),
        ("The city decided to lower bus fares for students.", "task", "decided to"),
    ],
)
def test_triggers(sentence: str, expected: str, trigger: str) -> None:
    found = classifier.classify(sentence)
    assert found is not None, sentence
    assert found.category == expected
    assert found.trigger == trigger
    assert sentence[found.start:found.end] == trigger


def test_triggers_end_at_word_boundaries_in_every_library_report() -> None:
    """The reader underlines the trigger: it may never take a letter of the next word
    ("decided to m" of "decided to maintain")."""
    cut = []
    for path in sorted(LIBRARY.glob("*.txt")):
        report = parse_report(path.read_text(encoding="utf-8"), path.stem, path)
        for paragraph in report.paragraphs:
            for sentence in analyze_paragraph(paragraph, classifier):
                found, text = sentence.directive, sentence.text
                if found is None:
                    continue
                if found.end < len(text) and text[found.end - 1].isalnum() and text[found.end].isalnum():
                    cut.append(found.trigger)
                if found.start > 0 and text[found.start - 1].isalnum() and text[found.start].isalnum():
                    cut.append(found.trigger)
    assert cut == []


# --- not directives: the event, framing, assessments, and the false friends ---------

@pytest.mark.parametrize(
    "sentence",
    [
        # the event itself
        "Members of the water bureau attended the meeting.",
        "The county held a meeting to study and implement the flood plan and make arrangements for the harvest.",
        "The mayor presided over the meeting and delivered a speech.",
        "The meeting heard a report on the harvest and reviewed the draft budget.",
        # framing and summaries
        "The meeting pointed out that the report analyzed the situation and pointed out the way forward.",
        "The meeting emphasized that the speech provides fundamental guidelines for us to set the direction of reform.",
        "The session stressed that the plan is of great significance.",
        # assessments and results
        "The economy has recovered steadily.",
        "Investment grew 8% in the first quarter.",
        "Solid efforts have been made to improve the water supply.",
        # false friends
        "The forum will be held in June.",
        "The minister will deliver a speech at the opening ceremony.",
        "Prices may rise in the autumn.",
        "The storm must have damaged the northern dykes.",
        "The tasks set by the plenum were studied.",
        "The requirements of the new code were explained to the delegates.",
        "The meeting studied the \u201cGuidelines on What Officials Must Do\u201d in detail.",
        "Growth will continue to slow next year.",
        "Conditions will improve as the year goes on.",
        "Some members said that the committee may need to act later.",
        "Greater fiscal support may be necessary if the downturn persists.",
        "New orders for machine tools continued to rise.",
        "The meeting was held by conference call on Tuesday.",
        "Recent measures were crucial in limiting the damage.",
        "Should conditions allow, the fair opens in May.",
        "Support for the new tax rose sharply.",
        "The rule has to do with water rights.",
        # elaboration without a trigger of its own
        "This includes better training and more inspections.",
        # furniture
        "(Web editor: Wang Fang, Li Ming)",
        "Go to Forum",
        "Print E-mail Bookmark and Share",
        "BEIJING, May 3 (Xinhua) --",
    ],
)
def test_not_directives(sentence: str) -> None:
    assert classifier.classify(sentence) is None, classifier.classify(sentence)


def test_framing_verb_with_prescription_is_a_directive() -> None:
    assert category("The meeting emphasized that we must strengthen risk prevention.") == "obligation"
    assert category("It was stressed that the audit should be finished by March.") == "obligation"


def test_strongest_category_wins() -> None:
    # obligation > call > task, whatever the order in the sentence
    assert category("The premier urged that the rules must be enforced.") == "obligation"
    assert category("We will act, and the mayor urged all districts to follow.") == "call"
    found = classifier.classify("Accelerate the works; the bureau should help.")
    assert found is not None and (found.category, found.trigger) == ("obligation", "should")


def test_quoted_speech_still_counts_but_quoted_titles_do_not() -> None:
    assert category("\u201cWe must finish the canal this year,\u201d the governor said.") == "obligation"
    assert category("The meeting studied the \u201cMust Do List of Rural Officials\u201d.") is None


# --- the user's TOML rules --------------------------------------------------------------

def test_extra_trigger_and_never_trigger() -> None:
    extended = DirectiveClassifier({"obligation": ["is duty-bound to"], "task": ["set out to"]}, ["must have"])
    found = extended.classify("The bureau is duty-bound to answer every letter.")
    assert found is not None and found.category == "obligation" and found.trigger == "is duty-bound to"
    assert extended.classify("The team set out to repair every well.").category == "task"
    # the never-phrase hides the built-in trigger inside it
    assert extended.classify("The officials must have a clear plan.") is None
    assert classifier.classify("The officials must have a clear plan.").category == "obligation"


def test_load_classifier_reads_toml(tmp_path: Path) -> None:
    rules = tmp_path / "directives.toml"
    rules.write_text('never = ["should"]\n\n[triggers]\ncall = ["rallied"]\n', encoding="utf-8")
    loaded, warnings = load_classifier(rules)
    assert warnings == []
    assert loaded.classify("The mayor rallied the volunteers to clean the beach.").category == "call"
    assert loaded.classify("The county should publish its budget.") is None


def test_bad_toml_gives_one_line_warning(tmp_path: Path) -> None:
    rules = tmp_path / "directives.toml"
    rules.write_text("[triggers\nobligation = [", encoding="utf-8")
    loaded, warnings = load_classifier(rules)
    assert len(warnings) == 1 and "\n" not in warnings[0] and "not valid TOML" in warnings[0]
    assert loaded.classify("The county should publish its budget.").category == "obligation"


def test_toml_with_wrong_shapes_warns_and_keeps_the_rest(tmp_path: Path) -> None:
    rules = tmp_path / "directives.toml"
    rules.write_text('never = "must have"\n[triggers]\nwish = ["hoped"]\ntask = [3, "set out to"]\n', encoding="utf-8")
    loaded, warnings = load_classifier(rules)
    assert any("wish" in w for w in warnings) and any("3" in w for w in warnings)
    assert loaded.classify("The team set out to repair every well.").category == "task"
    assert loaded.classify("The storm must have a name.") is None


def test_the_readme_example_loads_as_shown(tmp_path: Path) -> None:
    """The README's directives.toml, taken from the README itself, loads with no warning
    and does what it says (its `never` line follows the [triggers] table)."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Directives", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    rules = tmp_path / "directives.toml"
    rules.write_text(example, encoding="utf-8")
    loaded, warnings = load_classifier(rules)
    assert warnings == []
    assert category("The officials must have a clear plan.") == "obligation"
    assert loaded.classify("The officials must have a clear plan.") is None
    assert loaded.classify("The mayor rallied the volunteers for the beach.").category == "call"
    assert loaded.classify("The team set out to repair every well.").category == "task"


def test_missing_named_file_warns_default_location_does_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, warnings = load_classifier(tmp_path / "absent.toml")
    assert len(warnings) == 1 and "not found" in warnings[0]
    monkeypatch.delenv("MINUTESREADER_RULES", raising=False)
    monkeypatch.setattr("minutesreader.core.directives.default_rules_path", lambda: tmp_path / "none.toml")
    _, warnings = load_classifier()
    assert warnings == []


def test_environment_variable_names_the_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = tmp_path / "mine.toml"
    rules.write_text('[triggers]\ncall = ["rallied"]\n', encoding="utf-8")
    monkeypatch.setenv("MINUTESREADER_RULES", str(rules))
    from minutesreader.core.directives import default_rules_path

    assert default_rules_path() == rules
    loaded, warnings = load_classifier()
    assert warnings == [] and loaded.classify("The mayor rallied the volunteers.").category == "call"


# Readout-style sentences written after the rules, as a check on rules for the language
# rather than for the labelled files (labelled by the definition before running them).
UNSEEN_STYLE = [
    ('The meeting called on Party organizations at all levels to shoulder their political responsibility.', 'call'),
    ('Local governments are urged to speed up the issuance of special bonds.', 'call'),
    ('Policies to stabilize employment will be further refined.', 'task'),
    ('The country will step up macro policy adjustments and keep liquidity reasonably ample.', 'task'),
    ('Greater efforts will be made to attract foreign investment.', 'task'),
    ('It was decided at the meeting that the tax cut will be extended until the end of 2027.', 'task'),
    ('The meeting reviewed and adopted in principle the draft regulations on emergency management.', None),
    ('The meeting listened to a report on the work of flood control.', None),
    ('Efforts must be made to ensure the supply of daily necessities.', 'obligation'),
    ('Departments concerned should strengthen coordination and form synergy.', 'obligation'),
    ('The Party committees at all levels must take up the main responsibility.', 'obligation'),
    ('Relevant departments are required to carry out thorough inspections of gas pipelines.', 'obligation'),
    ('Priority should be given to the employment of college graduates.', 'obligation'),
    ('The meeting demanded strict accountability for those who fail to perform their duties.', 'call'),
    ('Xi stressed that the whole Party must remain sober-minded.', 'obligation'),
    ("Xi pointed out that this year marks the 75th anniversary of the founding of the People's Republic of China.", None),
    ('The economy is expected to grow by around 5 percent this year.', None),
    ('China has made remarkable achievements in poverty alleviation.', None),
    ('Premier Li will attend the summit and deliver a keynote speech.', None),
    ('The conference will be held in Beijing from March 5 to 11.', None),
    ('Foreign trade remained stable, with exports up 7.1 percent year on year.', None),
    ('Firmly implement the new development philosophy and accelerate the building of a new development pattern.', 'task'),
    ('Strictly enforce the eight-point rules and resolutely oppose formalism and bureaucratism.', 'task'),
    ("Pay close attention to the safety of people's lives and property.", 'task'),
    ('The meeting required that rectification be completed within three months.', 'call'),
    ('Those responsible for the accident will be held accountable in accordance with the law.', 'task'),
    ('The meeting said macro policies should be more proactive and targeted.', 'obligation'),
    ('It is essential to balance development and security.', 'obligation'),
    ('The city aims to complete the renovation of 200 old residential communities this year.', 'task'),
    ('Participants noted that inflation had eased over the past year.', None),
    ('Members agreed that the statement should indicate that the Committee would monitor risks.', 'obligation'),
    ('The meeting emphasized the importance of ecological protection in the Yellow River basin.', 'call'),
    ('The meeting noted that the task of reform remains arduous.', None),
    ('The State Council will continue to roll out measures to boost consumption.', 'task'),
    ('The meeting also approved the appointment of several officials.', None),
    ('We must never relax our efforts in epidemic prevention.', 'obligation'),
    ('All localities should draw lessons from the accident and conduct safety checks.', 'obligation'),
    ('Officials were instructed to visit affected households in person.', 'call'),
    ('The meeting decided to convene the third plenary session in July.', 'task'),
    ('The new regulations will take effect on January 1.', None),
    ('He asked officials to put people first.', 'call'),
    ('Regions with the conditions are encouraged to issue consumption vouchers.', 'call'),
    ('It was noted that the flood season has arrived.', None),
    ('Support will be given to private enterprises to participate in major projects.', 'task'),
    ('Li urged efforts to ensure stable supply of grain and energy.', 'call'),
    ('The meeting heard that more than 10 million jobs were created.', None),
    ('The CPC Central Committee will convene its fourth plenary session in October.', None),
    ('Such efforts have been effective in stabilizing the market.', None),
    ('Continue to deepen reform and opening up.', 'task'),
    ('It is a must to fulfill the targets set for the year.', 'obligation'),
    ('The new measure aims to reduce the burden on small businesses.', None),
    ('The province aims to cut coal use by a fifth.', 'task'),
    ('The meeting stressed strengthening the supervision of food safety.', 'call'),
    ('He underscored the necessity of deepening reform of state-owned enterprises.', 'call'),
    ('Officials at all levels must bear in mind that the people are the foundation.', 'obligation'),
    ('The meeting called for efforts to consolidate the momentum of economic recovery.', 'call'),
    ('Mechanisms for resolving local government debt risks will be improved.', 'task'),
    ('Li said the government will keep policies stable and consistent.', 'task'),
    ('Unemployment has declined for three consecutive months.', None),
    ('The meeting was presided over by Wang Wei, secretary of the provincial Party committee.', None),
    ('Wang Wei, secretary of the provincial Party committee, attended and addressed the meeting.', None),
    ('The meeting conveyed and studied the spirit of the important instructions of General Secretary Xi Jinping.', None),
    ('Efforts should be intensified to prevent and defuse major risks.', 'obligation'),
    ('It is necessary to give full play to the leading role of the government.', 'obligation'),
    ('Resolutely win the battle against pollution.', 'task'),
    ('The meeting deliberated and passed the work plan for this year.', None),
    ('Xi asked the armed forces to enhance combat readiness.', 'call'),
    ('China will firmly oppose any form of hegemonism.', None),
    ('The two sides will hold talks in Geneva next week.', None),
    ("He noted that China's economy has shown resilience.", None),
    ('Government at all levels need to tighten their belts.', 'obligation'),
    ('The meeting urged that all ministries make greater efforts.', 'call'),
    ('Leading cadres should take the lead in studying the new rules.', 'obligation'),
    ('The draft law will be submitted to the NPC Standing Committee for deliberation.', 'task'),
    ('Xi is scheduled to visit France next month.', None),
    ('The plan sets the targets for 2030.', None),
    ('Protect the ecological environment as we protect our own eyes.', 'task'),
    ('Enterprises are encouraged to increase investment in research and development.', 'call'),
    ('The meeting underlined the need for a holistic approach to national security.', 'call'),
    ('Participants expected inflation to decline gradually.', None),
    ("The meeting stressed that China's economy has a solid foundation and will continue to improve in the long run.", None),
    ('The tasks for next year were outlined at the meeting.', None),
    ('The report said local governments should have acted sooner.', 'obligation'),
    ('It was agreed that monetary policy will remain prudent.', None),
    ('Measures will be introduced to stabilize the property market.', 'task'),
    ('The meeting required Party organizations to strictly implement the rules.', 'call'),
    ('The premier inspected the flood-hit areas and met with local residents.', None),
    ('The forum will bring together 500 delegates from 40 countries.', None),
    ('Speaking at the meeting, Li said reform must be deepened.', 'obligation'),
    ('Keep the overall situation stable.', 'task'),
    ('Support for small firms was a focus of the meeting.', None),
    ('The meeting made it clear that the policy of opening up will not change.', None),
    ('Localities were directed to restore power within 24 hours.', 'call'),
    ('In the next step, the city will promote the construction of smart communities.', 'task'),
    ('The move is expected to benefit 10 million households.', None),
]


@pytest.mark.parametrize("sentence, expected", UNSEEN_STYLE)
def test_readout_style_sentences(sentence: str, expected: str | None) -> None:
    assert category(sentence) == expected


# Fourth round, by grammar: a duty named as the subject, a plan of an acting body, the
# efforts a leader stresses; and the gerunds, questions and nouns that look like them.
DUTY_PLAN_EFFORT = [
    ("The governor said that the work of this government is to implement the plan in full.", "obligation"),
    ('The work of the new cabinet is "to carry out the reforms of the congress."', "obligation"),
    ("The task of the meeting was to review the budget for next year.", None),
    ("The municipal government plans to expand the metro network by 2030.", "task"),
    ("They also intend to streamline approvals for small firms.", "task"),
    ("Officials explained how they plan to improve the bus timetables.", None),
    ("The council discussed government plans to build new housing.", None),
    ("The mayor underlined the efforts to thoroughly clean up the river.", "call"),
    ("The two leaders discussed ongoing efforts to secure a ceasefire.", None),
    ("The speech described a new mechanism for mobilizing private capital to fund research.", None),
    ("The meeting assigned the key tasks of the year to the provinces.", "task"),
    ("The board agreed that in setting the fees for next year, it would, as before, review the comments of members.", "task"),
    ("The board agreed that in the past year fees had risen too fast, as members said.", None),
    ("The minister also stressed proper use of the relief fund.", "call"),
    ("The mayor emphasized full implementation of the housing plan.", "call"),
    ("The mayor emphasized the achievements of the housing plan.", None),
    ("Under the new rules, which aim to improve oversight, each bureau must file its accounts yearly.", None),
    ("Under the leadership of the committee, each bureau must file its accounts yearly.", "obligation"),
    ("The city, which aims to attract investors, held a trade fair in May.", None),
    ("We, the ministers of five states – all members of the forum – held our meeting online.", None),
    ("The leaders stressed the importance of the charter, its values and norms underpinning the forum.", None),
    ("The ministers underlined the significance of the forum in safeguarding and advancing trade.", None),
    ("The two sides discussed the importance of free elections, human rights, and ensuring that all can vote.", "call"),
    ("The ministers met in Lima from 3rd to 4th May and renewed their commitment for its full implementation.", "task"),
    ("The Board seeks a level of reserves in line with its goals.", "task"),
    ("The firm seeks buyers for its assets.", None),
    ("The meeting, the second this year, assigned the tasks of the plan to ten ministries.", "task"),
    ("Funds were assigned to the project last year.", None),
]


@pytest.mark.parametrize("sentence, expected", DUTY_PLAN_EFFORT)
def test_duty_plan_and_effort_by_grammar(sentence: str, expected: str | None) -> None:
    assert category(sentence) == expected
