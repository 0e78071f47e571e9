"""The library: a folder of report files, read safely.

Every file the folder holds is listed; one that cannot be read (binary, no permission,
a symlink loop, a folder named like a report) is listed with the reason instead of
stopping the scan.

Only regular files are read: a FIFO, a device or a symlink to one (/dev/zero) is listed
as unreadable without being opened, so nothing can block or read forever. A file over
MAX_REPORT_BYTES is listed as too large; a run of more than MAX_WORD_CHARS characters
without a space (no prose has one) is broken with a space every MAX_WORD_CHARS, so a
paragraph stays cheap to lay out. A file name holding control characters or bytes that
are not UTF-8 is listed as unreadable (its id would reach the terminal), and so is a
second file with the same id (a.txt and a.TXT): ids are unique.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from minutesreader.core.categories import CATEGORIES
from minutesreader.core.file_stat import size_and_mtime
from minutesreader.core.language import has_directive_rules
from minutesreader.core.reports import (
    DATE_STAMP,
    PARAGRAPH_BREAK,
    Report,
    parse_report,
    report_id_for,
)
from minutesreader.core.text import UndecodableReport, decode_report_bytes, for_terminal

# 64 MB: a thousand times the longest FOMC minutes; the app opens a 50 MB report.
MAX_REPORT_BYTES = 64 * 1024 * 1024
# The longest run without whitespace in the corpus (Chinese readouts included) is 430.
# Measured in tmux on a 10 MB run: 10,000-character words left 4-10 s per key, 1,000 about 1 s.
MAX_WORD_CHARS = 1_000
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_WORD_CHARS},}}")
_SPACE = re.compile(r"\s")

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
    return [folder / name for name in _report_names(folder)]


def report_paths(folder: Path) -> list[str]:
    """report_files() as the strings str(path) gives, without making a Path of each:
    at 10,000 reports that took the library scan ~80 ms."""
    base = str(folder)
    if base == ".":
        return _report_names(folder)
    prefix = base if base.endswith(os.sep) else base + os.sep
    return [prefix + name for name in _report_names(folder)]


def _report_names(folder: Path) -> list[str]:
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
    return sorted(names)


def _kind_problem(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    return "not a regular file"


def read_report_bytes(path: Path, limit: int = MAX_REPORT_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; ReportUnreadable otherwise.

    Checked with stat before opening (a device is never opened) and with fstat after
    (the name may have been swapped meanwhile); O_NONBLOCK so even a swapped-in FIFO
    cannot block the open.
    """
    try:
        problem = _kind_problem(os.stat(path).st_mode)
        if problem:
            raise ReportUnreadable(problem)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except PermissionError:
        raise ReportUnreadable("permission denied") from None
    except FileNotFoundError:
        if path.is_symlink():
            raise ReportUnreadable("broken symbolic link") from None
        raise ReportUnreadable("file not found") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReportUnreadable("symbolic link loop") from None
        raise ReportUnreadable(exc.strerror or "cannot be read") from None
    try:
        info = os.fstat(fd)
        problem = _kind_problem(info.st_mode)
        if problem:
            raise ReportUnreadable(problem)
        if info.st_size > limit:
            raise ReportUnreadable(f"too large ({info.st_size / 1e6:.0f} MB; reports up to {limit // (1024 * 1024)} MB are read)")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise ReportUnreadable(f"too large (reports up to {limit // (1024 * 1024)} MB are read)")
        return data
    except OSError as exc:
        raise ReportUnreadable(exc.strerror or "cannot be read") from None
    finally:
        os.close(fd)


def name_problem(path: Path) -> str | None:
    """Why this file cannot be a report under its name, or None: a name that would put
    control characters on the terminal, an id another file of the folder already has, or
    a symbolic link out of the folder (import skips those: a link to /etc/passwd must not
    become a report the library lists and searches)."""
    name = path.name
    if os.path.islink(path) and not _leads_inside(path):
        return LINK_OUT
    if for_terminal(name) != name:
        return "its name holds control characters or bytes that are not UTF-8; rename it"
    if name.lower().endswith(".txt") and not name.endswith(".txt"):
        owner = id_owner(path.parent, name[:-4])
        if owner is not None and owner != name:
            return f"it has the same id as {owner}; rename one of them"
    return None


LINK_OUT = "a symbolic link out of the folder"


def _leads_inside(link: Path) -> bool:
    folder = os.path.realpath(link.parent)
    return os.path.realpath(link).startswith(folder.rstrip(os.sep) + os.sep)


def id_owner(folder: Path, report_id: str) -> str | None:
    """The file name that has this id: NAME.txt if there is one, else the first of
    NAME.TXT, NAME.Txt... by name (None if none)."""
    try:
        names = sorted(n for n in os.listdir(folder) if n[:-4] == report_id and n[-4:].lower() == ".txt")
    except OSError:
        return None
    if f"{report_id}.txt" in names:
        return f"{report_id}.txt"
    return names[0] if names else None


def read_report_text(path: Path, for_display: bool = True) -> str:
    """The report's text, cleaned; for_display=False keeps long runs whole (an import
    copies the text as it is)."""
    problem = name_problem(path)
    if problem and for_display:
        raise ReportUnreadable(problem)
    data = read_report_bytes(path)
    try:
        text = decode_report_bytes(data)
    except UndecodableReport as exc:
        raise ReportUnreadable(str(exc)) from None
    return break_long_runs(text) if for_display else text


def break_long_runs(text: str) -> str:
    """A space after every MAX_WORD_CHARS characters of a run without whitespace."""
    # Any such run holds a whole block of half that size at a multiple of it: checking
    # those blocks is ~60 ms for 50 MB of prose, where the regex alone takes a second.
    half = MAX_WORD_CHARS // 2
    if all(_SPACE.search(text, start, start + half) for start in range(0, len(text) - half + 1, half)):
        return text

    def broken(run: re.Match[str]) -> str:
        word = run.group()
        return " ".join(word[i:i + MAX_WORD_CHARS] for i in range(0, len(word), MAX_WORD_CHARS))

    return _LONG_RUN.sub(broken, text)


def _unreadable(path: Path, size: int, mtime_ns: int, reason: str) -> ReportSummary:
    """A list row for a file that cannot be read; a clean, unique id even for a hostile name."""
    report_id = report_id_for(path)
    if name_problem(path) not in (None, LINK_OUT):  # the name itself is the trouble
        report_id = for_terminal(path.name)
    return ReportSummary(report_id, str(path), None, report_id, size=size, mtime_ns=mtime_ns, error=reason)


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
    size, mtime_ns = _file_stat(path)
    try:
        report = read_report(path)
    except ReportUnreadable as exc:
        return _unreadable(path, size, mtime_ns, str(exc))
    # No counts at all (not zeros) for a language without directive rules: the list shows "–".
    counts = directive_counts(analyze_report(report, classifier)) if has_directive_rules(report.language) else {}
    words = sum(p.text.count(" ") + 1 for p in report.paragraphs)
    return ReportSummary(report_id, str(path), report.date, report.title, counts, words, size, mtime_ns)


# The title comes from the first block; a first block longer than this (an unparagraphed
# FOMC file) is parsed only this far: the title reads at most its first ~900 characters.
LISTING_HEAD_CHARS = 8_000
# A report bigger than this is listed from its first part, and without filter text (the
# catalog keeps none past its MAX_FILTER_BYTES, the same 2 MB).
LISTING_WHOLE_BYTES = 2_000_000


def _file_stat(path: Path) -> tuple[int, int]:
    return size_and_mtime(path) or (0, 0)


def read_listing(path: Path) -> tuple[ReportSummary, bytes]:
    """What the list needs at once (date, title), without counting directives, and the
    casefolded text for the filter. Much cheaper than summarize(): only the first
    paragraph is parsed. The summary has counted=False unless the file is unreadable."""
    report_id = report_id_for(path)
    size, mtime_ns = _file_stat(path)
    if size > LISTING_WHOLE_BYTES and not name_problem(path):
        return _listing_of_big(path, report_id, size, mtime_ns), b""
    try:
        text = read_report_text(path)
    except ReportUnreadable as exc:
        return _unreadable(path, size, mtime_ns, str(exc)), b""
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


def _listing_of_big(path: Path, report_id: str, size: int, mtime_ns: int) -> ReportSummary:
    """The date and title of a big report from its first part alone (the same as the
    whole report's); read whole, a 50 MB report held ~400 MB while the list filled."""
    from minutesreader.core.report_parts import read_in_parts

    try:
        head, later = read_in_parts(path)
    except ReportUnreadable as exc:
        return _unreadable(path, size, mtime_ns, str(exc))
    close = getattr(later, "close", None)
    if close is not None:
        close()
    return ReportSummary(report_id, str(path), head.date, head.title, size=size, mtime_ns=mtime_ns, counted=False)


def list_many(paths: list[str]) -> list[tuple[ReportSummary, bytes]]:
    """read_listing() for a batch of files (one task for a process pool)."""
    return [read_listing(Path(path)) for path in paths]


def summarize_many(paths: list[str], classifier: DirectiveClassifier) -> list[ReportSummary]:
    """summarize() for a batch of files (one task for a process pool)."""
    return [summarize(Path(path), classifier) for path in paths]


def find_report_file(folder: Path, name: str) -> Path:
    """A report by id (file name without .txt), by file name, or by a path to a file."""
    owner = id_owner(folder, name)
    for path in (folder / f"{name}.txt", *([folder / owner] if owner else []), folder / name):
        if path.exists() or path.is_symlink():
            return path
    candidate = Path(name).expanduser()
    if candidate.exists() or candidate.is_symlink():
        return candidate
    raise ReportUnreadable(f"no report {name!r} in {folder}, and no such file")
