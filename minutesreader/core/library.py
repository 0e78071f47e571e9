"""The library: a folder of report files, read safely.

Every file the folder holds is listed; one that cannot be read (binary, no permission,
a symlink loop, a folder named like a report) is listed with the reason instead of
stopping the scan.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from minutesreader.core.categories import CATEGORIES
from minutesreader.core.reports import DATE_STAMP, PARAGRAPH_BREAK, Report, parse_report, report_id_for
from minutesreader.core.text import UndecodableReport, decode_report_bytes

if TYPE_CHECKING:
    from minutesreader.core.directives import DirectiveClassifier


class LibraryError(Exception):
    """The library folder itself cannot be used; the message is one line for the user."""


class ReportUnreadable(Exception):
    """One report file cannot be read; the message is the reason, in a few words."""


@dataclass(slots=True)
class ReportSummary:
    """What the library list shows of a report, and what the index keeps of it."""

    id: str
    path: str
    date: str | None
    title: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    words: int = 0
    size: int = 0
    mtime_ns: int = 0
    error: str | None = None
    # False while only the listing is known (title, date): directives not yet counted.
    counted: bool = True

    @property
    def directives(self) -> int:
        return sum(self.counts.values())

    @property
    def date_label(self) -> str:
        return self.date or "undated"


def bundled_library() -> Path:
    """The reports shipped with minutesreader: `library/` beside the package in a checkout,
    `minutesreader/library/` inside an installed wheel (pyproject maps one to the other)."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "library"
    return installed if installed.is_dir() else package.parent / "library"


def report_files(folder: Path) -> list[Path]:
    """Every `*.txt` entry of the folder (not recursive), sorted by name."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.name.lower().endswith(".txt")]
    except FileNotFoundError:
        raise LibraryError(f"library folder not found: {folder}") from None
    except NotADirectoryError:
        raise LibraryError(f"library is not a folder: {folder}") from None
    except PermissionError:
        raise LibraryError(f"library folder cannot be read (permission denied): {folder}") from None
    except OSError as exc:
        raise LibraryError(f"library folder cannot be read ({exc.strerror}): {folder}") from None
    return [folder / name for name in sorted(names)]


def read_report_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReportUnreadable("a folder, not a file") from None
    except PermissionError:
        raise ReportUnreadable("permission denied") from None
    except FileNotFoundError:
        if path.is_symlink():
            raise ReportUnreadable("broken symbolic link") from None
        raise ReportUnreadable("file not found") from None
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            raise ReportUnreadable("symbolic link loop") from None
        raise ReportUnreadable(exc.strerror or "cannot be read") from None
    try:
        return decode_report_bytes(data)
    except UndecodableReport as exc:
        raise ReportUnreadable(str(exc)) from None


def read_report(path: Path) -> Report:
    report = parse_report(read_report_text(path), report_id_for(path), path)
    if not report.paragraphs:
        raise ReportUnreadable("empty file")
    return report


def summarize(path: Path, classifier: DirectiveClassifier) -> ReportSummary:
    # Here, not at the top: listing and searching never count directives, and the rules
    # take a good part of a command's start to compile.
    from minutesreader.core.analysis import analyze_report, directive_counts

    report_id = report_id_for(path)
    try:
        stat = path.stat()
        size, mtime_ns = stat.st_size, stat.st_mtime_ns
    except OSError:
        size, mtime_ns = 0, 0
    try:
        report = read_report(path)
    except ReportUnreadable as exc:
        return ReportSummary(report_id, str(path), None, report_id, size=size, mtime_ns=mtime_ns, error=str(exc))
    counts = directive_counts(analyze_report(report, classifier))
    words = sum(p.text.count(" ") + 1 for p in report.paragraphs)
    return ReportSummary(report_id, str(path), report.date, report.title, counts, words, size, mtime_ns)


# The title comes from the first block; a first block longer than this (an unparagraphed
# FOMC file) is parsed only this far: the title reads at most its first ~900 characters.
LISTING_HEAD_CHARS = 8_000


def _file_stat(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
        return stat.st_size, stat.st_mtime_ns
    except OSError:
        return 0, 0


def read_listing(path: Path) -> tuple[ReportSummary, bytes]:
    """What the list needs at once (date, title), without counting directives, and the
    casefolded text for the filter. Much cheaper than summarize(): only the first
    paragraph is parsed. The summary has counted=False unless the file is unreadable."""
    report_id = report_id_for(path)
    size, mtime_ns = _file_stat(path)
    try:
        text = read_report_text(path)
    except ReportUnreadable as exc:
        return ReportSummary(report_id, str(path), None, report_id, size=size, mtime_ns=mtime_ns, error=str(exc)), b""
    stamp = DATE_STAMP.match(text)
    start = stamp.end() if stamp else 0
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text):
        return ReportSummary(report_id, str(path), None, report_id, size=size, mtime_ns=mtime_ns, error="empty file"), b""
    gap = PARAGRAPH_BREAK.search(text, start)
    end = gap.start() if gap else len(text)
    if end - start > LISTING_HEAD_CHARS:
        # A cut block still splits into the same first display paragraph when the cut
        # leaves 1,000 words: the first piece and the sentence that ends it lie within
        # ~450 words (split_long_paragraph: pieces of 150, sentences cut at 300).
        cut = text.rfind(" ", start, start + LISTING_HEAD_CHARS)
        if text.count(" ", start, cut) >= 1000:
            end = cut
    head = parse_report(text[:end], report_id, path)
    summary = ReportSummary(report_id, str(path), head.date, head.title, size=size, mtime_ns=mtime_ns, counted=False)
    return summary, text.casefold().encode("utf-8")


def list_many(paths: list[str]) -> list[tuple[ReportSummary, bytes]]:
    """read_listing() for a batch of files (one task for a process pool)."""
    return [read_listing(Path(path)) for path in paths]


def summarize_many(paths: list[str], classifier: DirectiveClassifier) -> list[ReportSummary]:
    """summarize() for a batch of files (one task for a process pool)."""
    return [summarize(Path(path), classifier) for path in paths]


def find_report_file(folder: Path, name: str) -> Path:
    """A report by id (file name without .txt), by file name, or by a path to a file."""
    for path in (folder / f"{name}.txt", folder / name):
        if path.exists() or path.is_symlink():
            return path
    candidate = Path(name).expanduser()
    if candidate.exists() or candidate.is_symlink():
        return candidate
    raise ReportUnreadable(f"no report {name!r} in {folder}, and no such file")
