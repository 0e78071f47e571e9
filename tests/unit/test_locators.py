"""Faithful locators (issue 13): a part of a paragraph split for display is never cited
as a published paragraph."""

from __future__ import annotations

from minutesreader.core.brief_export import brief_to_markdown
from minutesreader.core.citations import Quote, template_problem
from minutesreader.core.library import read_report
from minutesreader.core.records import Brief, BriefItem
from minutesreader.core.reports import parse_report
from tests.conftest import BUNDLED_LIBRARY, MODEL_READOUT

FOMC = BUNDLED_LIBRARY / "049_73e9958d0c926e56.txt"


def quote_of(report, number: int) -> Quote:
    paragraph = report.paragraphs[number - 1]
    return Quote(paragraph.text[:40], report.title, report.date, paragraph.number, report.id, paragraph.published)


def test_a_part_of_a_one_line_fomc_file_is_cited_as_a_part():
    report = read_report(FOMC)
    assert len(report.paragraphs) > 40  # one line in the file, many parts on screen
    cited = quote_of(report, 40).cite()
    assert cited.endswith(", part 40") and "¶" not in cited


def test_a_real_paragraph_keeps_its_pilcrow():
    report = read_report(MODEL_READOUT)
    assert quote_of(report, 3).cite().endswith(", 2023-05-06, ¶3")


def test_after_a_split_paragraph_the_file_s_own_number_is_cited():
    long = " ".join(f"Sentence number {i} is here." for i in range(80))  # 400 words: split
    report = parse_report(f"First paragraph of the memo.\n\n{long}\n\nStaff must file returns.", "memo")
    last = report.paragraphs[-1]
    assert last.number > 3 and last.published == 3
    assert quote_of(report, last.number).cite().endswith("¶3")
    assert quote_of(report, 2).cite().endswith("part 2")


def test_locator_is_a_template_field_and_paragraph_still_works():
    assert template_problem("{quote} ({locator})") is None
    report = read_report(FOMC)
    assert quote_of(report, 40).cite("{quote} [{paragraph}|{locator}]").endswith("[40|part 40]")


def test_a_chinese_part_is_cited_the_chinese_way():
    text = "。".join(["会议强调要坚持稳中求进工作总基调"] * 200) + "。"
    report = parse_report(text, "zh_long")
    paragraph = report.paragraphs[1]
    assert paragraph.published == 0
    cited = Quote(paragraph.text[:10], report.title, None, paragraph.number, report.id, paragraph.published).cite()
    assert cited.endswith("第2部分")


def test_a_brief_footnote_cites_a_part_as_a_part():
    report = read_report(FOMC)
    paragraph = report.paragraphs[43]
    item = BriefItem("quote", paragraph.text[:60], report.id, paragraph.number, report.title, report.date, paragraph.published)
    markdown = brief_to_markdown(Brief("FOMC", (item,), "", ""))
    footnote = markdown.splitlines()[-1]
    assert "part 44" in footnote and "¶44" not in footnote


def test_an_old_brief_quote_without_published_still_cites_its_paragraph():
    item = BriefItem("quote", "Words.", "r", 3, "A meeting", "2024-01-31")
    assert brief_to_markdown(Brief("b", (item,), "", "")).splitlines()[-1].startswith("[^1]: A meeting, 2024-01-31, ¶3")
