"""How often each word occurs in each report, kept in the search index beside its text.

Counting a word found in every report ("the": some 450,000 places in 10,000 reports)
from the index's list of places is a pass over all of them (~0.3 s); with one row per
word and report, it is one indexed range of 10,000 rows. The rows are written and
removed with the report's paragraphs, in the same transactions (storage.search_index).

The words are those of the search index itself: a report's paragraphs go through a
scratch FTS5 table with the same tokenizer (in memory, per connection, emptied after
each report), whose word list gives each word's count and first paragraph. So a count
here is the count of the word's places in the index, by construction.

A report's new rows are first appended to new_word_counts, in the order they come, and
merge() moves them into word_counts sorted at the end of the index's update: written
as they come, each report's few hundred words touched as many pages of the table, and
a first build of 10,000 reports took 59 s instead of 31 s. Until then queries read
both tables (a scan of the new rows, only while an update runs or after one was cut
short).
"""

from __future__ import annotations

import sqlite3

# The search index's tokenizer; the scratch table must split words exactly as it does.
TOKENIZER = "unicode61 remove_diacritics 2"

# chunk: the report's first paragraph holding the word (a row of the index's chunks),
# which names the report and the paragraph the timeline opens at.
SCHEMA = """
CREATE TABLE IF NOT EXISTS word_counts (
    word TEXT NOT NULL, chunk INTEGER NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (word, chunk)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS new_word_counts (word TEXT NOT NULL, chunk INTEGER NOT NULL, count INTEGER NOT NULL);
"""

# A report's words: (word, first chunk, count), read from the scratch table's places.
# Its chunks are numbered in reading order, so the smallest is the first paragraph.
_REPORT_WORDS = "SELECT term, min(doc), count(*) FROM temp.report_word_places GROUP BY term"
_REPORT_ROWS = "SELECT term, min(doc) FROM temp.report_word_places GROUP BY term"  # their keys


def add_report(db: sqlite3.Connection, paragraphs: list[tuple[int | None, str]]) -> None:
    """Count the words of one report's paragraphs, (chunk, text) in reading order (the
    chunk as sqlite3 gives a row id it has just written: typed int | None, never None)."""
    _fill_scratch(db, paragraphs)
    try:
        db.execute("INSERT INTO new_word_counts " + _REPORT_WORDS)
    finally:
        _empty_scratch(db)


def merge(db: sqlite3.Connection) -> None:
    """Move the rows added since the last merge into word_counts (in a transaction)."""
    if db.execute("SELECT 1 FROM new_word_counts LIMIT 1").fetchone():
        db.execute("INSERT INTO word_counts SELECT * FROM new_word_counts ORDER BY word, chunk")
        db.execute("DELETE FROM new_word_counts")


def remove_report(db: sqlite3.Connection, path: str) -> None:
    """Remove the counts of the report file at path, before its paragraphs are removed;
    merge() must have run since it was added. Its indexed text is split again to find
    its rows, so the table needs no second index by report."""
    paragraphs = db.execute(
        "SELECT t.rowid, t.body FROM chunks AS c JOIN chunk_text AS t ON t.rowid = c.id "
        "WHERE c.path = ? AND c.kind = 'report' ORDER BY c.id", (path,)).fetchall()
    if not paragraphs:
        return
    _fill_scratch(db, paragraphs)
    try:
        db.execute("DELETE FROM word_counts WHERE (word, chunk) IN (" + _REPORT_ROWS + ")")
    finally:
        _empty_scratch(db)


def word_reports(db: sqlite3.Connection, word: str) -> list[tuple[str, int, int, int, str | None, str | None]]:
    """(report, count, first paragraph, that paragraph's chunk, date, title) of every
    readable report whose text holds the word (folded as the index folds it)."""
    rows = db.execute(
        "SELECT c.report, w.count, c.paragraph, c.id, f.date, coalesce(u.title, f.title) FROM ("
        " SELECT chunk, count FROM word_counts WHERE word = ?1"
        " UNION ALL SELECT chunk, count FROM new_word_counts WHERE word = ?1) AS w "
        "JOIN chunks AS c ON c.id = w.chunk "
        "JOIN files AS f ON f.path = c.path AND f.error IS NULL "
        "LEFT JOIN titles AS u ON u.report = c.report",
        (word,),
    ).fetchall()
    # A report id of two files (a.txt and a.TXT) is one report: its counts summed, its
    # first paragraph the first of either. Done here, as a GROUP BY in the query took
    # half of its time for "the".
    reports: dict[str, tuple[str, int, int, int, str | None, str | None]] = {}
    for row in rows:
        known = reports.get(row[0])
        if known is None:
            reports[row[0]] = row
        else:
            first = min(known, row, key=lambda r: r[2])
            reports[row[0]] = (first[0], known[1] + row[1], *first[2:])
    return list(reports.values())


def chunk_counts(db: sqlite3.Connection, word: str) -> dict[int, int]:
    """{chunk: count} of the word, a row per report file (its first paragraph holding
    the word): word_reports without the join, for storage.report_ranges to place."""
    return dict(db.execute("SELECT chunk, count FROM word_counts WHERE word = ?1 "
                           "UNION ALL SELECT chunk, count FROM new_word_counts WHERE word = ?1", (word,)).fetchall())


def _fill_scratch(db: sqlite3.Connection, paragraphs: list[tuple[int | None, str]]) -> None:
    # In memory (temp) and contentless: only the word list is wanted from it.
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.report_words USING fts5(body, content='', tokenize='{TOKENIZER}')")
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.report_word_places USING fts5vocab(temp, report_words, 'instance')")
    db.executemany("INSERT INTO temp.report_words (rowid, body) VALUES (?, ?)", paragraphs)


def _empty_scratch(db: sqlite3.Connection) -> None:
    db.execute("INSERT INTO temp.report_words (report_words) VALUES ('delete-all')")
