"""Search: the query language, highlighting, the library index and `minutesreader search`."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from minutesreader.cli import main
from minutesreader.core.reports import parse_report
from minutesreader.core.search import find_in_paragraphs, make_snippet, match_spans, parse_query
from minutesreader.storage.search_index import SearchIndex
from minutesreader.storage.store import Store

HOUSING = (
    " date 2024-09-26 Politburo meeting on the economy\n\n"
    "The meeting said that the property market must be stabilised and that domestic demand should be expanded.\n\n"
    "Housing, housing and more housing: local governments shall buy unsold housing stock.\n\n"
    "Demand for domestic tourism rose. Café owners cheered."
)
FOMC = (
    " date 2016-01-06 Minutes of the Federal Open Market Committee\n\n"
    "Participants expected inflation to rise to 2 percent over the medium term.\n\n"
    "Housing activity continued to improve, and [bold]markup[/bold] stays text."
)


def words(text, spans):
    return [text[start:end] for start, end in spans]


# ---- the query language ---------------------------------------------------------------------

def test_every_word_must_match_and_phrases_keep_their_order():
    text = "domestic demand should be expanded"
    assert words(text, match_spans("demand domestic", text)) == ["domestic", "demand"]
    assert match_spans('"demand domestic"', text) == []
    assert words(text, match_spans('"domestic demand"', text)) == ["domestic demand"]
    assert match_spans("domestic tourism", text) == []  # one word missing: no match at all


def test_case_accents_punctuation_and_prefixes():
    text = "Café owners stabilised prices; covid-19 cases fell."
    assert words(text, match_spans("CAFE", text)) == ["Café"]
    assert words(text, match_spans("stabil*", text)) == ["stabilised"]
    assert words(text, match_spans("covid-19", text)) == ["covid-19"]
    assert not parse_query('!! "" ...')  # nothing to search for
    assert len(parse_query('"unclosed phrase').terms) == 1


def test_find_in_paragraphs_counts_every_match_of_qualifying_paragraphs():
    paragraphs = parse_report(HOUSING, "r").paragraphs
    texts = [p.text for p in paragraphs]
    hits = find_in_paragraphs("housing", texts)
    assert {index for index, _, _ in hits} == {2}  # ¶3 only
    assert len(hits) == 4
    assert all(texts[i][s:e].lower() == "housing" for i, s, e in hits)
    # Both words in ¶2 and ¶4; the phrase only in ¶2.
    assert {i for i, _, _ in find_in_paragraphs("domestic demand", texts)} == {1, 3}
    assert {i for i, _, _ in find_in_paragraphs('"domestic demand"', texts)} == {1}


def test_snippet_shows_the_match_in_context():
    text = "word " * 200 + "inflation " + "word " * 200
    snippet, spans = make_snippet(text, match_spans("inflation", text))
    assert snippet.startswith("…") and snippet.endswith("…") and len(snippet) < 220
    assert [snippet[s:e] for s, e in spans] == ["inflation"]


# ---- the library index --------------------------------------------------------------------------

@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "housing.txt").write_text(HOUSING, encoding="utf-8")
    (folder / "fomc.txt").write_text(FOMC, encoding="utf-8")
    return folder


@pytest.fixture
def store(tmp_path):
    return Store.open(tmp_path / "store")


def test_hits_carry_report_date_title_and_reader_paragraph_numbers(library, store):
    index = SearchIndex.for_library(store.directory, library)
    index.update(store)
    hits = index.search('"domestic demand"')
    assert [(h.report, h.date, h.paragraph, h.kind) for h in hits] == [("housing", "2024-09-26", 2, "report")]
    report = parse_report(HOUSING, "housing")
    assert report.paragraphs[1].text == hits[0].text
    assert hits[0].title == report.title
    assert [hits[0].snippet[s:e] for s, e in hits[0].spans] == ["domestic demand"]


def test_ranked_best_first_and_markup_is_just_text(library, store):
    index = SearchIndex.for_library(store.directory, library)
    index.update(store)
    hits = index.search("housing")
    assert [(h.report, h.paragraph) for h in hits][0] == ("housing", 3)  # four times beats once
    assert hits[0].score > hits[-1].score
    assert index.search("bold markup")[0].snippet.endswith("[bold]markup[/bold] stays text.")


def test_only_changed_files_are_read_again(library, store):
    index = SearchIndex.for_library(store.directory, library)
    assert index.update(store).read == 2
    assert index.update(store).read == 0
    (library / "fomc.txt").write_text(FOMC.replace("inflation", "unemployment"), encoding="utf-8")
    os.utime(library / "fomc.txt", ns=(1, 1))
    result = index.update(store)
    assert (result.read, result.unchanged) == (1, 1)
    assert index.search("inflation") == [] and index.search("unemployment")
    (library / "housing.txt").unlink()
    assert index.update(store).removed == 1
    assert index.search("housing")[0].report == "fomc"


def test_notes_and_user_titles_are_searched(library, store):
    index = SearchIndex.for_library(store.directory, library)
    note = store.add_note("fomc", 2, "Housing activity…", "Compare with the Politburo's housing line", tags=["property"])
    store.set_title("housing", "Sept 2024 Politburo")
    index.update(store)
    hits = index.search("politburo housing")
    assert ("note", note.id, 2) in [(h.kind, h.note, h.paragraph) for h in hits]
    assert index.search("property")[0].note == note.id  # tags of a note are searched too
    assert {h.title for h in index.search('"domestic demand"')} == {"Sept 2024 Politburo"}
    store.delete_note(note.id)
    index.update(store)
    assert all(h.kind == "report" for h in index.search("politburo"))


def test_a_damaged_index_is_rebuilt(library, store):
    index = SearchIndex.for_library(store.directory, library)
    index.update(store)
    index.close()
    index.path.write_bytes(b"not a database" * 100)
    fresh = SearchIndex.for_library(store.directory, library)
    fresh.update(store)
    assert fresh.search("inflation")[0].report == "fomc"


# ---- the command ------------------------------------------------------------------------------------

def test_search_command_json(capsys, library):
    code = main(["search", "--library", str(library), "--json", "housing"])
    out, _ = capsys.readouterr()
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0]["report"] == "housing" and rows[0]["paragraph"] == 3 and rows[0]["kind"] == "report"
    assert set(rows[0]) >= {"report", "date", "title", "paragraph", "kind", "snippet", "score"}


def test_search_command_no_match_and_no_words(capsys, library):
    assert main(["search", "--library", str(library), "zebra"]) == 1
    assert main(["search", "--library", str(library), "--", "--"]) == 2
    _, err = capsys.readouterr()
    assert err.strip().splitlines()[-1] == "minutesreader: the query has no words to search for"


def test_search_command_does_not_import_textual(library):
    code = (f"import sys; from minutesreader.cli import main; main(['search', '--library', {str(library)!r}, 'x']); "
            "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.strip().endswith("False")


def test_a_saved_note_rereads_only_its_own_shard(library, store, monkeypatch):
    index = SearchIndex.for_library(store.directory, library)
    store.add_note("fomc", 2, "quote", "first zebra note")
    store.add_note("housing", 2, "quote", "second okapi note")
    index.update(store)
    read = []
    real = store.shard_data
    monkeypatch.setattr(store, "shard_data", lambda shard: read.append(shard) or real(shard))
    index.update(store)
    assert read == []  # nothing changed, nothing read
    edited = store.notes("fomc")[0]
    store.update_note(edited.id, "first giraffe note")
    read.clear()
    index.update(store)
    assert read == [store.shard_of("fomc")]
    assert index.search("zebra") == [] and index.search("giraffe")[0].note == edited.id
    assert index.search("okapi")  # the other shard's note is still found


def test_notes_on_reports_outside_the_library_are_not_found(library, store):
    index = SearchIndex.for_library(store.directory, library)
    store.add_note("elsewhere", 1, "quote", "a platypus in another library")
    index.update(store)
    assert index.search("platypus") == []


def test_a_link_out_of_the_library_is_not_searched(library, store, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash and the council must act.", encoding="utf-8")
    (library / "link.txt").symlink_to(secret)
    index = SearchIndex.for_library(store.directory, library)
    index.update(store)
    assert index.search("root") == [] and index.search("council") == []
    assert [h.report for h in index.search("housing")]  # the library's own reports are
