"""Search in Chinese text: any word of two or more characters, inside a sentence, found and
highlighted the same way by the library index, the reader's `/` and `minutesreader search`.
The reports are written for the tests."""

from __future__ import annotations

import json

import pytest

from minutesreader.cli import main
from minutesreader.core.listing import filter_reports
from minutesreader.core.reports import parse_report
from minutesreader.core.search import find_in_paragraphs, match_spans
from minutesreader.storage.search_index import SearchIndex
from minutesreader.storage.store import Store

WATER = (
    " date 2024-03-01 3月1日，县委召开常委会议，研究春季农田水利建设。\n\n"
    "会议强调，要加快推进农田水利建设，确保春耕用水。要修好水渠；要备足种子。\n\n"
    "会议要求，各乡镇要把水利工程质量放在首位，水利水利水利。"
)
ROADS = " date 2024-04-01 4月1日，县政府召开常务会议，研究道路建设。\n\n会议指出，要加快道路建设。"


def words(text, spans):
    return [text[start:end] for start, end in spans]


def test_a_two_character_word_is_found_inside_a_sentence():
    text = "会议强调，要加快推进农田水利建设。"
    assert words(text, match_spans("推进", text)) == ["推进"]
    assert words(text, match_spans("加快推进", text)) == ["加快推进"]
    assert words(text, match_spans("水利 推进", text)) == ["推进", "水利"]
    assert match_spans("推进道路", text) == []


def test_characters_of_a_word_must_be_adjacent():
    assert match_spans("快推", "加快，推进") == []
    assert words("加快推进", match_spans("快推", "加快推进")) == ["快推"]


def test_find_in_report_finds_chinese_words():
    texts = [p.text for p in parse_report(WATER, "water").paragraphs]
    hits = find_in_paragraphs("水利", texts)
    assert {index for index, _, _ in hits} == {0, 1, 2}
    assert all(texts[i][s:e] == "水利" for i, s, e in hits)


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "water.txt").write_text(WATER, encoding="utf-8")
    (folder / "roads.txt").write_text(ROADS, encoding="utf-8")
    (folder / "english.txt").write_text(" date 2024-05-01 The council agreed to repair the dam.\n", encoding="utf-8")
    return folder


def test_library_index_finds_chinese_words_and_ranks_them(library, tmp_path):
    store = Store.open(tmp_path / "store")
    index = SearchIndex.for_library(store.directory, library)
    index.update(store)
    hits = index.search("水利")
    assert (hits[0].report, hits[0].paragraph) == ("water", 3)  # four times beats once
    assert {h.report for h in hits} == {"water"}
    assert [hits[0].snippet[s:e] for s, e in hits[0].spans] == ["水利"] * 4
    assert [(h.report, h.paragraph) for h in index.search("加快")] in ([("water", 2), ("roads", 2)], [("roads", 2), ("water", 2)])
    assert [h.report for h in index.search("加快推进")] == ["water"]
    assert index.search("推进道路") == []
    assert [h.report for h in index.search("repair")] == ["english"]  # English still found


def test_chinese_notes_are_searched(library, tmp_path):
    store = Store.open(tmp_path / "store")
    note = store.add_note("roads", 2, "要加快道路建设。", "对比去年的道路计划", tags=["道路"])
    index = SearchIndex.for_library(store.directory, library)
    index.update(store)
    assert note.id in [h.note for h in index.search("去年")]


def test_search_command_finds_a_chinese_word(capsys, library):
    assert main(["search", "--library", str(library), "--json", "农田"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr()[0].splitlines()]
    assert [(row["report"], row["paragraph"]) for row in rows] == [("water", 1), ("water", 2)]


def test_library_filter_finds_a_chinese_word(tmp_path, library):
    from minutesreader.core.catalog import Catalog
    from minutesreader.core.directives import DirectiveClassifier

    store = Store.open(tmp_path / "store")
    catalog = Catalog(library, DirectiveClassifier(), store)
    for _ in catalog.scan():
        pass
    assert [s.id for s in filter_reports(catalog.listing, "水渠").reports] == ["water"]
    assert {s.id for s in filter_reports(catalog.listing, "加快").reports} == {"water", "roads"}


def test_chinese_snippet_fills_the_room_of_an_english_one():
    from rich.cells import cell_len

    from minutesreader.core.search import make_snippet

    text = "会议强调" * 30 + "加快推进农田水利建设" + "确保春耕用水" * 30
    snippet, spans = make_snippet(text, match_spans("水利", text))
    assert [snippet[s:e] for s, e in spans] == ["水利"]
    assert cell_len(snippet) <= 170  # an English snippet is about 160 cells
