"""Importing report files into the library folder.

Each file is decoded whatever its encoding (core.text) and written as UTF-8, atomically
and without ever replacing a file already there: a report whose text is already in
the library is skipped; a different report under a taken name gets a new name
(NAME-2.txt). A ` date YYYY-MM-DD ` stamp is kept, or added from `date` when missing.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from minutesreader.core.library import ReportUnreadable, read_report_text
from minutesreader.core.reports import DATE_STAMP

_UNSAFE_NAME = re.compile(r"[\x00-\x1f/\\]")


class ImportProblem(Exception):
    """Bad input for an import (no such path, bad date, unusable library): one line."""


@dataclass(frozen=True, slots=True)
class Imported:
    source: Path
    target: Path
    dated: bool = False  # the date stamp was added from --date


@dataclass(frozen=True, slots=True)
class Skipped:
    source: Path
    reason: str


@dataclass
class ImportResult:
    imported: list[Imported] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def check_date(text: str) -> str:
    """A --date value as YYYY-MM-DD; raises ImportProblem if it is not a real date."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return Date.fromisoformat(text).isoformat()
    except ValueError:
        raise ImportProblem(f"--date must be a date as YYYY-MM-DD, not {text!r}") from None


def check_library(library: Path, bundled: Path | None = None) -> None:
    """Refuse a library that cannot take imports; create a missing one."""
    if bundled is not None and _same(library, bundled):
        raise ImportProblem(
            f"{library} is the library bundled with minutesreader (replaced on upgrade); "
            "import into your own folder with --library DIR or MINUTESREADER_LIBRARY"
        )
    if library.exists() and not library.is_dir():
        raise ImportProblem(f"library {library} is a file, not a folder")
    try:
        library.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ImportProblem(f"cannot create library folder {library}: {exc.strerror}") from None
    if not os.access(library, os.W_OK | os.X_OK):
        raise ImportProblem(f"library folder {library} is not writable")


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def sources(paths: Iterable[Path]) -> list[tuple[Path, bool]]:
    """(file, named) for every file to import: named files as given, folders' *.txt
    files recursively (hidden files and folders left out). Raises for a missing path."""
    found: list[tuple[Path, bool]] = []
    for path in paths:
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        found.append((Path(folder) / name, False))
        elif path.exists() or path.is_symlink():
            found.append((path, True))
        else:
            raise ImportProblem(f"no such file or folder: {path}")
    return found


def import_reports(paths: Iterable[Path], library: Path, date: str | None = None) -> ImportResult:
    """Copy report files into library; see the module docstring for the rules."""
    result = ImportResult()
    files = sources(paths)
    existing = _LibraryTexts(library)
    for source, named in files:
        if not named and not source.name.lower().endswith(".txt"):
            result.skipped.append(Skipped(source, "not a .txt file"))
            continue
        try:
            text = read_report_text(source)
        except ReportUnreadable as exc:
            result.skipped.append(Skipped(source, str(exc)))
            continue
        if not text.strip():
            result.skipped.append(Skipped(source, "empty file"))
            continue
        dated = False
        if date and not DATE_STAMP.match(text):
            text = f" date {date} " + text.lstrip()
            dated = True
        body = _body(text)
        already = existing.holding(body)
        if already is not None:
            result.skipped.append(Skipped(source, f"already in the library as {already.name}"))
            continue
        target = _write_under_free_name(library, _library_name(source), text)
        existing.add(target, body)
        result.imported.append(Imported(source, target, dated))
    return result


def _body(text: str) -> str:
    """The report's text without its date stamp: the same report stamped or not is one report."""
    match = DATE_STAMP.match(text)
    return (text[match.end():] if match else text).strip()


def _library_name(source: Path) -> str:
    name = _UNSAFE_NAME.sub("_", source.name).lstrip(".") or "report"
    if name.lower().endswith(".txt"):
        return name
    stem, dot, _ = name.rpartition(".")
    return (stem if dot and stem else name) + ".txt"  # memo.md -> memo.txt: the library lists *.txt


class _LibraryTexts:
    """Which report texts the library already holds (read once, when first asked)."""

    def __init__(self, library: Path) -> None:
        self.library = library
        self._by_digest: dict[str, Path] | None = None

    def _load(self) -> dict[str, Path]:
        if self._by_digest is None:
            self._by_digest = {}
            for path in sorted(self.library.glob("*")):
                if path.name.lower().endswith(".txt"):
                    try:
                        self._by_digest.setdefault(_digest(_body(read_report_text(path))), path)
                    except ReportUnreadable:
                        pass
        return self._by_digest

    def holding(self, body: str) -> Path | None:
        return self._load().get(_digest(body))

    def add(self, path: Path, body: str) -> None:
        self._load().setdefault(_digest(body), path)


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _write_under_free_name(library: Path, name: str, text: str) -> Path:
    stem, suffix = name[:-4], name[-4:]
    n = 1
    while True:
        target = library / (name if n == 1 else f"{stem}-{n}{suffix}")
        if write_new_text(target, text):
            return target
        n += 1


def write_new_text(target: Path, text: str, replace: bool = False) -> bool:
    """Write text as UTF-8 to target atomically: a reader sees no file or the whole file.

    Without `replace`, an existing target is never touched and False is returned (the
    check and the write are one step: a hard link, which fails if the name is taken).
    The file is readable by others (0644), as a document the user shares should be.
    """
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
            os.fchmod(stream.fileno(), 0o644)
        if replace:
            os.replace(temp, target)
        else:
            try:
                os.link(temp, target)
            except FileExistsError:
                return False
            except OSError:
                # No hard links here (some network and FAT file systems): check, then rename.
                if target.exists():
                    return False
                os.replace(temp, target)
        _fsync_folder(target.parent)
        return True
    finally:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
