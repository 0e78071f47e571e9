"""Huge text stays quick to read: no display paragraph is too long to lay out at once."""

from __future__ import annotations

from minutesreader.core.reports import PIECE_CHARS, parse_report


def test_a_line_of_ten_megabytes_without_a_space_is_shown_in_bounded_pieces():
    blob = "".join(chr(ord("a") + i % 26) for i in range(10_000_000))
    report = parse_report(blob, "blob")
    assert len(report.paragraphs) > 1
    assert max(len(p.text) for p in report.paragraphs) <= PIECE_CHARS
    assert "".join(p.text for p in report.paragraphs) == blob  # nothing lost, in order
    assert [p.number for p in report.paragraphs] == list(range(1, len(report.paragraphs) + 1))


def test_a_long_run_with_rare_spaces_is_cut_at_spaces_not_inside_words():
    words = ["x" * 1_500] * 40  # 60 KB, 39 spaces: too few words to be cut by the word rule
    text = " ".join(words)
    report = parse_report(text, "rare")
    assert len(report.paragraphs) > 1
    assert max(len(p.text) for p in report.paragraphs) <= PIECE_CHARS
    assert " ".join(p.text for p in report.paragraphs).split() == words


def test_ordinary_long_paragraphs_are_still_cut_by_words_alone():
    text = " ".join(["The committee must act now on rates."] * 200)  # 1,400 words, 7,400 chars
    pieces = [p.text for p in parse_report(text, "prose").paragraphs]
    assert all(len(piece.split()) <= 150 for piece in pieces)
    assert " ".join(pieces) == text
