"""A big report read in parts: its first screenful at once, the rest as it is parsed.

Parsed whole, a 50 MB report keeps the reader waiting for seconds and cannot be
interrupted. Here the file is cut at paragraph breaks (in its bytes, so that only the
part being parsed is ever decoded) into a small first part, shown at once, and parts of
a MB, each parsed paragraph by paragraph between checks for cancellation (`should_stop`). Paragraphs and their numbers
are exactly those read_report gives: a part always ends where a paragraph does.

Only UTF-8 files (most are) are read in parts; any other encoding, or a report with no
paragraph break early in it, is read whole by read_report. The file is mapped, not read:
the first part costs the same for 1 MB and 50 MB, and parsed parts leave memory.
"""

from __future__ import annotations

import codecs
import mmap
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from minutesreader.core import language
from minutesreader.core.language import paragraph_language
from minutesreader.core.library import ReportUnreadable, break_long_runs, name_problem, read_report
from minutesreader.core.reports import PARAGRAPH_BREAK, Paragraph, Report, join_lines, parse_report, report_id_for, split_long_paragraph
from minutesreader.core.sentences_zh import split_long_chinese_paragraph

# The same binary test as decode_report_bytes, on the same bytes, but without decoding the
# whole file to get there.
from minutesreader.core.text import _looks_binary, strip_controls

FIRST_PART_BYTES = 100_000
PART_BYTES = 1_000_000
# A paragraph break in the bytes: the same as PARAGRAPH_BREAK for the ASCII whitespace
# that ends one paragraph and starts the next.
_BREAK = re.compile(rb"\n[ \t\r\f\v]*\n[ \t\n\r\f\v]*")
# reports.DATE_STAMP in the bytes (after a UTF-8 BOM, if any).
_STAMP = re.compile(rb"(?:\xef\xbb\xbf)?\s*date\s+\d{4}-\d{2}-\d{2}\b[ \t]*")
_OTHER_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # also how the UTF-32 BOMs start


class NotUtf8(Exception):
    """A later part is not UTF-8 after all: the report must be read whole (read_report),
    which decodes every byte the same way."""


def read_in_parts(path: Path, should_stop: Callable[[], bool] = lambda: False) -> tuple[Report, Iterator[list[Paragraph]]]:
    """The report with the paragraphs of its first part, and the paragraphs of each
    later part, numbered on from there. Raises ReportUnreadable like read_report; the
    parts may raise NotUtf8. Once `should_stop()` is true the parts end, within a
    paragraph: a part takes ~0.1 s to parse alone and seconds on a loaded machine,
    and quitting must not wait on it."""
    problem = name_problem(path)
    if problem:
        raise ReportUnreadable(problem)
    try:
        with path.open("rb") as file:
            data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return read_report(path), iter(())  # which says what is wrong, as for any report
    # The report's language is judged on its opening (language.SAMPLE_CHARS characters,
    # at most 4 bytes each, after the date stamp): the first part holds all of it.
    stamp = _STAMP.match(data, 0, 1_000)
    opening = (stamp.end() if stamp else 0) + 4 * language.SAMPLE_CHARS
    first = _cut(data, 0, max(FIRST_PART_BYTES, opening))
    head_bytes = data[:first]
    if first >= len(data) or head_bytes.startswith(_OTHER_BOMS) or not _utf8(head_bytes):
        data.close()
        return read_report(path), iter(())
    if head_bytes.startswith(codecs.BOM_UTF8):
        head_bytes = head_bytes[len(codecs.BOM_UTF8):]
    elif _looks_binary(data[:8192]):  # judged on the file's first 8 KB, as decode_report_bytes does
        data.close()
        raise ReportUnreadable("binary data, not text")
    report = parse_report(_cleaned(head_bytes.decode("utf-8")), report_id_for(path), path)
    if not report.paragraphs:
        data.close()
        return read_report(path), iter(())
    return report, _later_parts(data, first, len(report.paragraphs) + 1, report.published_paragraphs, report.language,
                                should_stop)


def _cleaned(text: str) -> str:
    """As read_report_text cleans the whole text: a run without whitespace never spans
    a paragraph break, so breaking the runs of each part is breaking those of the whole."""
    return break_long_runs(strip_controls(text))


def _later_parts(data: mmap.mmap, start: int, number: int, published: int, language: str,
                 should_stop: Callable[[], bool]) -> Iterator[list[Paragraph]]:
    try:
        while start < len(data) and not should_stop():
            end = _cut(data, start, PART_BYTES)
            try:
                text = data[start:end].decode("utf-8")
            except UnicodeDecodeError:
                raise NotUtf8() from None
            paragraphs, published = paragraphs_of(_cleaned(text), number, published, language, should_stop)
            if should_stop():
                return  # the part is cut short: never yielded, so no paragraph is missing from what was
            _forget(data, end)
            number += len(paragraphs)
            start = end
            yield paragraphs
    finally:
        data.close()


def paragraphs_of(text: str, first_number: int, published: int, language: str = "en",
                  should_stop: Callable[[], bool] = lambda: False) -> tuple[list[Paragraph], int]:
    """The display paragraphs of a later part: no date stamp, no headline, as parse_report
    numbers, splits and labels the paragraphs after the first part (`language`: the
    report's); and how many of the file's own paragraphs there are so far (`published`
    before this part). Stopped (`should_stop()`), only the paragraphs before."""
    paragraphs: list[Paragraph] = []
    split = split_long_chinese_paragraph if language in ("zh", "ja") else split_long_paragraph
    for block in PARAGRAPH_BREAK.split(text.strip()):
        if should_stop():
            break
        block = join_lines(block)
        if block:
            pieces = split(block)
            published += 1
            for piece in pieces:
                paragraphs.append(Paragraph(first_number + len(paragraphs), piece, language=paragraph_language(piece, language),
                                            published=published if len(pieces) == 1 else 0))
    return paragraphs, published


def _forget(data: mmap.mmap, end: int) -> None:
    """Let the pages already parsed leave memory (they count in the reader's footprint)."""
    if hasattr(data, "madvise") and hasattr(mmap, "MADV_DONTNEED"):
        data.madvise(mmap.MADV_DONTNEED, 0, end - end % mmap.PAGESIZE)


def _cut(data: bytes | mmap.mmap, start: int, size: int) -> int:
    """Where the part that starts at `start` ends: after the first paragraph break past
    `size` bytes, or at the end of the file."""
    found = _BREAK.search(data, start + size) if start + size < len(data) else None
    return found.end() if found else len(data)


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
