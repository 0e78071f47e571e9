"""Parsing a report: date stamp, headline and title, paragraphs, long-paragraph splitting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from minutesreader.core.reports import derive_title, parse_report, split_long_paragraph
from tests.conftest import BUNDLED_LIBRARY, MODEL_READOUT


def test_model_readout_date_paragraphs_and_title():
    report = parse_report(MODEL_READOUT.read_text(encoding="utf-8"), "000_9d62e18ffa0ab910")
    assert report.date == "2023-05-06"
    assert len(report.paragraphs) == 5
    assert [p.number for p in report.paragraphs] == [1, 2, 3, 4, 5]
    assert report.paragraphs[0].text.startswith("On the morning of May 5, the party group")
    assert not any(p.headline for p in report.paragraphs)
    assert report.title == "Party group of the municipal government: enlarged meeting"


def test_headline_line_becomes_the_title_and_a_headline_paragraph():
    text = " date 2024-03-01 Premier chairs executive meeting on jobs\n\nBEIJING, March 1 -- The meeting urged ..."
    report = parse_report(text, "x")
    assert report.title == "Premier chairs executive meeting on jobs"
    assert report.paragraphs[0].headline
    assert report.paragraphs[1].text.startswith("BEIJING")


def test_first_line_that_is_a_sentence_is_not_a_headline():
    report = parse_report("The committee met on Monday.\n\nIt must act.", "x")
    assert not report.paragraphs[0].headline
    assert report.title == "The committee met on Monday."


def test_undated_report():
    report = parse_report("Something happened.\n\nMore.", "x")
    assert report.date is None
    assert report.date_label == "undated"


def test_titles_say_who_met_and_what_kind_of_meeting():
    assert derive_title("On Monday, the standing committee of the provincial party committee held a study session on reform.") \
        == "Standing committee of the provincial party committee: study session"
    assert derive_title("Minutes of the Federal Open Market Committee Meeting of May 17, 1994 A meeting was held") \
        == "Minutes of the Federal Open Market Committee Meeting of May 17, 1994"
    assert derive_title("A meeting of the Board of Directors was held in Basel on Tuesday, March 3, 2020, at 9 a.m.") \
        == "Board of Directors: meeting of March 3, 2020"
    assert derive_title("Prices rose sharply across the region during the first quarter of the year, officials said.") \
        == "Prices rose sharply across the region during the first quarter…"


def test_scraped_single_line_is_split_into_stable_display_paragraphs():
    text = (BUNDLED_LIBRARY / "048_653eb7bcc905d09c.txt").read_text(encoding="utf-8")
    first = parse_report(text, "048")
    second = parse_report(text, "048")
    assert len(first.paragraphs) > 40
    assert [p.text for p in first.paragraphs] == [p.text for p in second.paragraphs]
    # Nothing lost: the pieces joined give the text back, apart from whitespace.
    body = " ".join(p.text for p in first.paragraphs)
    assert body.split() == text.split()[2:]  # minus the " date YYYY-MM-DD " stamp
    assert max(len(p.text.split()) for p in first.paragraphs) < 400


def test_ordinary_paragraphs_are_not_split():
    paragraph = " ".join(["The committee must act now."] * 50)  # 250 words
    assert split_long_paragraph(paragraph) == [paragraph]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh .,\n", min_size=0, max_size=80), min_size=0, max_size=30))
def test_parsing_never_loses_words_and_numbers_paragraphs_in_order(chunks):
    text = "\n\n".join(chunks)
    report = parse_report(text, "x")
    assert [p.number for p in report.paragraphs] == list(range(1, len(report.paragraphs) + 1))
    assert " ".join(p.text for p in report.paragraphs).split() == text.split()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Alpha beta gamma.", "The bank must act.", "Rates rose 0.25 percent.", "Mr. Smith agreed."]),
                min_size=1, max_size=400))
def test_long_paragraph_split_is_deterministic_and_lossless(sentences):
    text = " ".join(sentences)
    pieces = split_long_paragraph(text)
    assert pieces == split_long_paragraph(text)
    assert " ".join(pieces).split() == text.split()


def test_ragged_header_lines_stay_separate_and_are_never_directives():
    from minutesreader.core.analysis import analyze_report
    from minutesreader.core.directives import DirectiveClassifier

    text = ("Council holds plenary session\nRelease Date:\n2024-01-02 10:00\nSource:\nNews Agency\n"
            "Strengthen coordination and deliver results for the whole year\n"
            "On Monday the premier presided over the plenary session of the council in the capital city.\n\n"
            "We must deliver the annual targets.")
    report = parse_report(text, "x")
    sentences = [s for para in analyze_report(report, DirectiveClassifier()) for s in para]
    texts = [s.text for s in sentences]
    assert "Strengthen coordination and deliver results for the whole year" in texts
    heading = sentences[texts.index("Strengthen coordination and deliver results for the whole year")]
    assert heading.directive is None  # a subtitle, imperative in form, is not a directive
    assert sentences[-1].directive is not None and sentences[-1].directive.category == "obligation"


def test_hard_wrapped_prose_is_joined_into_one_paragraph():
    text = ("The Committee decided today to keep the target range unchanged and\n"
            "Members agreed that the Committee would continue to monitor the\n"
            "implications of incoming information for the economic outlook.")
    report = parse_report(text, "x")
    assert len(report.paragraphs) == 1
    assert "\n" not in report.paragraphs[0].text


def _sentences_of(text: str) -> list[tuple[str, str | None]]:
    from minutesreader.core.analysis import analyze_report
    from minutesreader.core.directives import DirectiveClassifier

    report = parse_report(text, "x")
    return [(" ".join(s.text.split()), s.directive.category if s.directive else None)
            for para in analyze_report(report, DirectiveClassifier()) for s in para]


def test_list_items_of_similar_length_stay_apart_as_action_items():
    # Lines of a list are as even as hard-wrapped prose; joined, three action items
    # became one sentence (and the reader highlighted all three or none).
    text = ("Action items from the March meeting\n\n"
            "The treasurer reported on the accounts.\n"
            "- Maria: circulate the revised budget\n"
            "- Kofi will book the venue for June\n"
            "- Treasurer: reconcile the March accounts\n"
            "1. Review the parking policy by May\n"
            "2. Publish the minutes on the website")
    sentences = _sentences_of(text)
    assert ("- Maria: circulate the revised budget", "task") in sentences
    assert ("- Kofi will book the venue for June", "task") in sentences
    assert ("- Treasurer: reconcile the March accounts", "task") in sentences
    assert ("1. Review the parking policy by May", "task") in sentences
    assert ("2. Publish the minutes on the website", "task") in sentences


def test_named_lines_stay_apart_and_a_wrapped_item_is_joined():
    text = ("The chair opened the floor to the public questions.\n"
            "Jane Doe: asked whether the pool will reopen in summer\n"
            "Tom Lee: will check the contract with the operator and\n"
            "report back to the council at the next regular meeting\n"
            "Ann Poe: said the repair budget is already committed")
    report = parse_report(text, "x")
    assert report.paragraphs[-1].text.split("\n") == [
        "The chair opened the floor to the public questions.",
        "Jane Doe: asked whether the pool will reopen in summer",
        "Tom Lee: will check the contract with the operator and report back to the council at the next regular meeting",
        "Ann Poe: said the repair budget is already committed",
    ]


def test_headings_and_check_boxes_of_notes_stay_on_their_lines():
    # Even lengths, as a hard-wrapped paragraph has: only the line shapes tell a list.
    text = ("The team met on Monday and reviewed the board.\n"
            "## Checklist before the meeting of the team\n"
            "[x] Update the board with the new proposals\n"
            "[ ] Update the board with the new requests\n"
            "## Action items agreed at the meeting today\n"
            "- Mark to write a comment on the open issue")
    lines = parse_report(text, "x").paragraphs[-1].text.split("\n")
    assert lines[1:] == ["## Checklist before the meeting of the team", "[x] Update the board with the new proposals",
                         "[ ] Update the board with the new requests", "## Action items agreed at the meeting today",
                         "- Mark to write a comment on the open issue"]


def test_a_page_of_wrapped_paragraphs_run_together_joins_a_capital_after_a_wrap():
    # A page taken from a PDF: paragraphs not separated, each wrapped at full width, and
    # a wrap may fall before a capitalised word ("the last Work" / "Session.").
    text = ("The chair opened the meeting and the clerk read the notes of the last Work\n"
            "Session.\n"
            "Councilmember Lee said staff should bring the parking study to the Regular\n"
            "Session in June.\n"
            "Councilmember Ruiz agreed and asked for a short report on the Main Street\n"
            "works.")
    lines = parse_report(text, "x").paragraphs[-1].text.split("\n")
    assert lines == [
        "The chair opened the meeting and the clerk read the notes of the last Work Session.",
        "Councilmember Lee said staff should bring the parking study to the Regular Session in June.",
        "Councilmember Ruiz agreed and asked for a short report on the Main Street works.",
    ]


def test_a_date_stamp_of_no_real_day_dates_nothing():
    """`date 2025-13-45` was listed as that date and sorted after every real report."""
    for stamp in ("2025-13-45", "2024-02-30", "2023-00-10"):
        report = parse_report(f" date {stamp} The committee met. It must report by May.\n", "r")
        assert report.date is None and report.date_label == "undated"
        assert report.paragraphs[0].text == "The committee met. It must report by May."  # the stamp is not text
    assert parse_report(" date 2024-02-29 The committee met.\n", "r").date == "2024-02-29"


def test_next_directive_steps_both_ways_and_looks_only_as_far_as_asked():
    from minutesreader.core.analysis import ReportAnalysis, next_directive
    from minutesreader.core.directives import DirectiveClassifier

    plain = "The weather was mild. Prices rose."
    text = "Title\n\n" + "\n\n".join([plain, "The council must act. It met.", plain, plain, "Rain fell. The board must report."])
    analysis = ReportAnalysis(parse_report(text, "r"), DirectiveClassifier())
    # Paragraph 0 is the title line; the directives are ¶2 sentence 0 and ¶5 sentence 1.
    assert next_directive(analysis, 0, 0, 1) == (2, 0)
    assert next_directive(analysis, 2, 0, 1) == (5, 1)
    assert next_directive(analysis, 5, 1, 1) is None
    assert next_directive(analysis, 5, 0, -1) == (2, 0)
    assert next_directive(analysis, 2, 0, 1, within=2) is None  # ¶5 lies three paragraphs on
    assert next_directive(analysis, 2, 0, 1, within=3) == (5, 1)
