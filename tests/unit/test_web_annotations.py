"""Annotations out as W3C Web Annotations and back in (issue 13)."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutesreader.cli import main
from minutesreader.core.library import read_report
from minutesreader.core.span_anchoring import span_context
from minutesreader.storage.store import Store
from tests.conftest import BUNDLED_LIBRARY, MODEL_READOUT

MODEL = "000_9d62e18ffa0ab910"
FOMC = "049_73e9958d0c926e56"


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(MODEL_READOUT, folder)
    shutil.copy(BUNDLED_LIBRARY / f"{FOMC}.txt", folder)
    return folder


def run(capsys, library, db, *argv):
    Store.open(db)  # made here: a store new to --db would add a warning line
    code = main([*argv, "--library", str(library), "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def paragraphs(library, report):
    return [p.text for p in read_report(library / f"{report}.txt").paragraphs]


def test_export_is_a_web_annotation_document(capsys, library, tmp_path):
    db = tmp_path / "db"
    store = Store.open(db)
    texts = paragraphs(library, MODEL)
    note = store.add_note(MODEL, 3, texts[2], "Reform first", tags=["reform"])
    store.add_tags(MODEL, 2, texts[1], ["economy"])
    code, out, _ = run(capsys, library, db, "annotations", "export", "--format", "w3c", "--report", MODEL)
    assert code == 0
    document = json.loads(out)
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection"
    tag, comment = sorted(document["first"]["items"], key=lambda a: a["motivation"], reverse=True)
    assert comment["type"] == "Annotation" and comment["id"] == f"urn:minutesreader:note:{note.id}"
    assert comment["created"] == note.created and comment["modified"] == note.updated
    assert comment["body"] == [
        {"type": "TextualBody", "value": "Reform first", "purpose": "commenting", "format": "text/plain"},
        {"type": "TextualBody", "value": "reform", "purpose": "tagging"}]
    assert comment["target"]["source"] == f"urn:minutesreader:report:{MODEL}"
    quote, position = comment["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == texts[2]
    whole = "\n\n".join(texts)
    assert position == {"type": "TextPositionSelector", "start": whole.index(texts[2]), "end": whole.index(texts[2]) + len(texts[2])}
    assert whole[:position["start"]].endswith(quote["prefix"]) and whole[position["end"]:].startswith(quote["suffix"])
    assert tag["body"] == [{"type": "TextualBody", "value": "economy", "purpose": "tagging"}]
    assert tag["target"]["selector"][0]["exact"] == texts[1]
    # The ids are stable: the same export twice is the same document.
    assert json.loads(run(capsys, library, db, "annotations", "export", "--report", MODEL)[1]) == document


def test_import_of_a_hypothesis_export_places_notes_by_their_words(capsys, library, tmp_path):
    texts = paragraphs(library, MODEL)
    exact = "We must accurately grasp the current situation"
    hypothesis_export = {"total": 2, "rows": [
        {"id": "hyp-1", "uri": "https://example.org/readout", "text": "Key line", "tags": ["growth"],
         "created": "2024-01-02T10:00:00+00:00", "updated": "2024-01-03T10:00:00+00:00",
         "target": [{"source": "https://example.org/readout", "selector": [
             {"type": "RangeSelector", "startContainer": "/p[2]"},
             {"type": "TextQuoteSelector", "exact": exact, "prefix": "economic work. ", "suffix": ", closely"}]}]},
        {"id": "hyp-2", "uri": "https://elsewhere.example/page", "text": "Not ours", "tags": [],
         "target": [{"source": "https://elsewhere.example/page", "selector": [
             {"type": "TextQuoteSelector", "exact": "words in no report of this library"}]}]},
    ]}
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps(hypothesis_export), encoding="utf-8")
    db = tmp_path / "db"
    code, out, err = run(capsys, library, db, "annotations", "import", str(path))
    # The annotation for a page not in the library is kept as an orphan, counted, and exits 2.
    assert code == 2 and len(err.strip().splitlines()) == 1 and "not in the library" in err
    assert out.strip() == "2 added, 0 already there, 1 kept as orphans (1 for reports not in the library), 0 without words to place"
    store = Store.open(db)
    [note] = store.notes(report=MODEL)
    # The note is on the words it was made on, not on their whole paragraph.
    assert (note.paragraph, note.text, note.tags, note.quote) == (2, "Key line", ("growth",), exact)
    assert note.start == texts[1].index(exact)
    assert note.created == "2024-01-02T10:00:00+00:00" and note.updated == "2024-01-03T10:00:00+00:00"
    [orphan], _ = store.orphans()
    assert orphan.text == "Not ours" and orphan.quote == "words in no report of this library"
    # Idempotent: the same file again adds nothing.
    code, out, _ = run(capsys, library, db, "annotations", "import", str(path))
    assert out.startswith("0 added, 2 already there")
    assert len(store.notes(include_orphans=True)) == 2


def test_a_source_url_kept_in_the_details_names_the_report(capsys, library, tmp_path):
    from minutesreader.core.sources import ReportSource

    db = tmp_path / "db"
    Store.open(db).sources.set(FOMC, ReportSource(url="https://www.federalreserve.gov/minutes.htm"))
    texts = paragraphs(library, FOMC)
    annotation = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "x-1",
                  "bodyValue": "Look", "target": {"source": "https://www.federalreserve.gov/minutes.htm",
                                                  "selector": {"type": "TextQuoteSelector", "exact": texts[39][:80]}}}
    path = tmp_path / "one.json"
    path.write_text(json.dumps(annotation), encoding="utf-8")
    assert run(capsys, library, db, "annotations", "import", str(path))[0] == 0
    [note] = Store.open(db).notes(report=FOMC)
    assert note.paragraph == 40 and note.text == "Look"


def words_in(texts, number, words):
    """(paragraph, start, words, context) of `words` in paragraph `number`, as the reader saves them."""
    start = texts[number - 1].index(words)
    return number, start, words, span_context(texts[number - 1], start, start + len(words))


def test_a_highlight_and_a_note_on_words_are_exported_by_those_words(capsys, library, tmp_path):
    db = tmp_path / "db"
    store = Store.open(db)
    texts = paragraphs(library, MODEL)
    number, start, words, context = words_in(texts, 2, "We must accurately grasp")
    kept = store.add_highlight(MODEL, number, start, words, context)
    note = store.add_note(MODEL, number, words, "Key", context=context, start=start)
    document = json.loads(run(capsys, library, db, "annotations", "export", "--report", MODEL)[1])
    by_id = {annotation["id"]: annotation for annotation in document["first"]["items"]}
    highlight = by_id[f"urn:minutesreader:highlight:{kept.id}"]
    assert highlight["motivation"] == "highlighting" and "body" not in highlight
    whole = "\n\n".join(texts)
    at = whole.index(words)
    for annotation in (highlight, by_id[f"urn:minutesreader:note:{note.id}"]):
        quote, position = annotation["target"]["selector"]
        assert quote == {"type": "TextQuoteSelector", "exact": words, "prefix": whole[at - 32:at], "suffix": whole[at + 24:at + 56]}
        assert position == {"type": "TextPositionSelector", "start": at, "end": at + len(words)}


def test_a_hypothesis_highlight_without_text_is_imported_as_a_highlight(capsys, library, tmp_path):
    texts = paragraphs(library, MODEL)
    exact = "closely follow the primary task"
    row = {"id": "hyp-9", "uri": "https://example.org/readout", "text": "", "tags": [],
           "target": [{"source": "https://example.org/readout", "selector": [
               {"type": "TextQuoteSelector", "exact": exact, "prefix": "the current situation, ", "suffix": " of high"}]}]}
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps({"total": 1, "rows": [row]}), encoding="utf-8")
    code, out, _ = run(capsys, library, tmp_path / "db", "annotations", "import", str(path))
    assert code == 0 and out.startswith("1 added, 0 already there")
    [kept] = Store.open(tmp_path / "db").highlights(MODEL)
    assert (kept.paragraph, kept.quote, texts[1][kept.start:kept.end]) == (2, exact, exact)
    assert run(capsys, library, tmp_path / "db", "annotations", "import", str(path))[1].startswith("0 added, 1 already there")


@pytest.mark.parametrize("content, message", [
    ("not json at all", "is not JSON"),
    ('{"type": "Note"}', "is not a Web Annotation document"),
    ("[1, 2]", "is not a Web Annotation document"),
])
def test_a_file_that_is_not_annotations_is_one_line_exit_2(capsys, library, tmp_path, content, message):
    path = tmp_path / "in.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, library, tmp_path / "db", "annotations", "import", str(path))
    assert code == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1


def test_an_unwritable_out_is_one_line_exit_2_and_an_existing_file_is_kept(capsys, library, tmp_path):
    code, _, err = run(capsys, library, tmp_path / "db", "annotations", "export", "--out", str(tmp_path / "no" / "x.json"))
    assert code == 2 and "cannot write" in err and len(err.strip().splitlines()) == 1
    kept = tmp_path / "kept.json"
    kept.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, library, tmp_path / "db", "annotations", "export", "--out", str(kept))
    assert code == 2 and "exists; add --force" in err and kept.read_text(encoding="utf-8") == "mine"


def test_markdown_export_of_a_report(capsys, library, tmp_path):
    db = tmp_path / "db"
    store = Store.open(db)
    texts = paragraphs(library, MODEL)
    store.add_note(MODEL, 3, texts[2], "Reform *first*\nthen growth", tags=["state firms"])
    store.add_tags(MODEL, 3, texts[2], ["reform"])
    code, out, _ = run(capsys, library, db, "annotations", "export", "--format", "markdown", "--report", MODEL)
    assert code == 0
    assert out.startswith("# Party group of the municipal government: enlarged meeting\n\n"
                          "Cite as: Party group of the municipal government: enlarged meeting, 2023-05-06 (report 000_9d62e18ffa0ab910)")
    assert "## ¶3\n\n> The meeting emphasized" in out
    # The note's line break is a hard break (a backslash at the line end, as the brief export
    # writes): as a plain newline Markdown joined the two lines into one.
    assert "Reform *first*\\\nthen growth\n\nTags: #state-firms" in out and "Tags: #reform" in out
    code, _, err = run(capsys, library, db, "annotations", "export", "--format", "markdown")
    assert code == 2 and "give --report" in err


def test_markdown_export_shows_highlights_and_the_words_a_note_or_tag_is_on(capsys, library, tmp_path):
    db = tmp_path / "db"
    store = Store.open(db)
    texts = paragraphs(library, MODEL)
    number, start, words, context = words_in(texts, 2, "We must accurately grasp")
    store.add_highlight(MODEL, number, start, words, context)
    store.add_note(MODEL, number, words, "Key *line*", context=context, start=start)
    store.add_tags(MODEL, number, words, ["growth"], context=context, start=start)
    out = run(capsys, library, db, "annotations", "export", "--format", "markdown", "--report", MODEL)[1]
    assert ("## ¶2\n\n> The meeting pointed out" in out and
            "\n\nHighlights: ==We must accurately grasp==\n\nOn “We must accurately grasp”: Key *line*\n\n"
            "Tags on “We must accurately grasp”: #growth\n" in out)


annotations_of_every_kind = st.lists(st.tuples(
    st.sampled_from([MODEL, FOMC]), st.integers(min_value=1, max_value=5),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(str.strip),
    st.lists(st.sampled_from(["growth", "rates", "labour market", "增长"]), max_size=2, unique=True),
    st.sampled_from(["note", "tag", "highlight"]),
    # On the whole paragraph (None), or on the words from the first to the last given.
    st.one_of(st.none(), st.tuples(st.integers(0, 30), st.integers(0, 8)))), max_size=8)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(annotations_of_every_kind)
def test_round_trip_into_an_empty_store_gives_the_same_notes_tags_and_highlights(tmp_path_factory, capsys, library, annotations):
    """Property: export, then import into an empty store: the same notes, tags, highlights and places."""
    home = tmp_path_factory.mktemp("round")
    store = Store.open(home / "from")
    texts = {report: paragraphs(library, report) for report in (MODEL, FOMC)}
    for report, paragraph, text, tags, kind, words in annotations:
        whole = texts[report][paragraph - 1]
        quote, context, start = whole, ("", ""), None
        if words is not None or kind == "highlight":
            spans = [m.span() for m in re.finditer(r"\S+", whole)]
            first = min((words or (0, 0))[0], len(spans) - 1)
            last = min(first + (words or (0, 0))[1], len(spans) - 1)
            start, end = spans[first][0], spans[last][1]
            quote, context = whole[start:end], span_context(whole, start, end)
        if kind == "note":
            store.add_note(report, paragraph, quote, text, tags=tags, context=context, start=start)
        elif kind == "tag":
            store.add_tags(report, paragraph, quote, tags or ["plain"], context=context, start=start)
        else:
            store.add_highlight(report, paragraph, start or 0, quote, context)
    out = home / "export.json"
    assert run(capsys, library, home / "from", "annotations", "export", "--out", str(out))[0] == 0
    assert run(capsys, library, home / "to", "annotations", "import", str(out))[0] == 0

    def contents(db):
        kept = Store.open(db)
        notes = Counter((n.report, n.paragraph, " ".join(n.text.split()), tuple(sorted(n.tags)), n.created, n.start,
                         n.quote if n.start is not None else "") for n in kept.notes(include_orphans=True))
        marks = Counter((m.report, m.paragraph, m.tag, m.start, m.quote if m.start is not None else "")
                        for r in (MODEL, FOMC) for m in kept.tags(r, include_orphans=True))
        highlights = Counter((h.report, h.paragraph, h.start, h.quote, h.created) for h in kept.highlights(include_orphans=True))
        return notes, marks, highlights

    assert contents(home / "to") == contents(home / "from")
