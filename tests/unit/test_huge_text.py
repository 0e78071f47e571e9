"""Huge text stays quick to read: no display paragraph is too long to lay out at once."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutesreader.core import language, report_parts
from minutesreader.core import library as library_module
from minutesreader.core.library import ReportUnreadable, read_report
from minutesreader.core.report_parts import NotUtf8, read_in_parts
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


# ---- a big report read in parts ------------------------------------------------------

def _read_all_parts(path):
    report, rest = read_in_parts(path)
    paragraphs = list(report.paragraphs)
    for more in rest:
        paragraphs.extend(more)
    return report, paragraphs


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet="Ab. ,\n\r\t\u00a0é\x00\x1b[m—", min_size=0, max_size=60), min_size=1, max_size=40))
def test_parts_give_exactly_the_paragraphs_of_the_whole_report(tmp_path, monkeypatch, chunks):
    monkeypatch.setattr(report_parts, "FIRST_PART_BYTES", 40)
    monkeypatch.setattr(report_parts, "PART_BYTES", 30)
    # The language is judged on the opening, which the first part holds whole (48 bytes here).
    monkeypatch.setattr(language, "SAMPLE_CHARS", 8)
    path = tmp_path / "big.txt"
    path.write_bytes(("date 2024-05-06 Council meets\n\n" + "\n\n".join(chunks)).encode("utf-8"))
    try:
        whole = read_report(path)
    except ReportUnreadable as exc:  # mostly NULs: binary, judged the same way in parts
        with pytest.raises(ReportUnreadable, match=str(exc)):
            _read_all_parts(path)
        return
    report, paragraphs = _read_all_parts(path)
    assert paragraphs == whole.paragraphs
    assert (report.title, report.date) == (whole.title, whole.date)


def test_a_big_report_shows_its_first_part_before_the_rest_is_parsed(tmp_path):
    paragraph = "The committee must act. " * 40
    path = tmp_path / "big.txt"
    path.write_text("\n\n".join([paragraph] * 20_000), encoding="utf-8")  # 19 MB
    report, rest = read_in_parts(path)
    assert 0 < len(report.paragraphs) < 1_000
    later = next(rest)
    assert later[0].number == len(report.paragraphs) + 1


def test_bytes_that_are_not_utf8_after_the_first_part_ask_for_the_whole_report(tmp_path, monkeypatch):
    monkeypatch.setattr(report_parts, "FIRST_PART_BYTES", 10)
    monkeypatch.setattr(language, "SAMPLE_CHARS", 2)  # the opening the first part must hold
    path = tmp_path / "mixed.txt"
    path.write_bytes("Première partie.\n\nSecond part.\n\n".encode("utf-8") + "Caf\xe9 cr\xe8me.".encode("cp1252"))
    report, rest = read_in_parts(path)
    with pytest.raises(NotUtf8):
        list(rest)
    assert read_report(path).paragraphs[-1].text == "Café crème."  # what the reader then shows


def test_a_report_in_another_encoding_is_read_whole(tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes(("会议强调，必须加强协调。\n\n" * 20_000).encode("gb18030"))
    report, rest = read_in_parts(path)
    assert list(rest) == []
    assert report.paragraphs == read_report(path).paragraphs


def test_a_big_report_is_listed_from_its_first_part_alone(tmp_path, monkeypatch):
    # Read whole (and casefolded for a filter that keeps no text this big), a 50 MB report
    # held ~400 MB while the list filled.
    monkeypatch.setattr(library_module, "LISTING_WHOLE_BYTES", 10_000)
    monkeypatch.setattr(report_parts, "FIRST_PART_BYTES", 2_000)
    path = tmp_path / "big.txt"
    path.write_text("date 2024-05-06 Council meets on the budget\n\n" + "The committee must act. " * 40 + "\n\n"
                    + "\n\n".join(["More words of the meeting."] * 2_000), encoding="utf-8")
    summary, body = library_module.read_listing(path)
    whole = read_report(path)
    assert (summary.date, summary.title, summary.counted) == (whole.date, whole.title, False)
    assert body == b""
