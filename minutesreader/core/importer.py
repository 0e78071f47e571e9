"""Importing report files into the library folder.

Each file is decoded whatever its encoding (core.text) and written as UTF-8, atomically
and without ever replacing a file already there: a report whose text is already in
the library is skipped; a different report under a taken name gets a new name
(NAME-2.txt). A ` date YYYY-MM-DD ` stamp is kept, or added from `date` when missing.

Inside a folder, a symbolic link that leads out of the folder is skipped (a link to
/etc/shadow must not become a readable copy), and a copy is never readable by more
people than its source. A file that cannot be written (a full disk) is reported and
the run goes on; names are shortened to fit the file system's 255 bytes.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import stat
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from minutesreader.core.folders import fsync_dir
from minutesreader.core.library import LINK_OUT, ReportUnreadable, read_report_text
from minutesreader.core.reports import DATE_STAMP, real_date

_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f/\\]")
# Room for "-NNN.txt" and the temp file's prefix within a file system's 255-byte names.
MAX_NAME_BYTES = 200


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
    # The library's copy of the same text: import --url etc. still give it its details.
    existing: Path | None = None


@dataclass
class ImportResult:
    imported: list[Imported] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Skipped] = field(default_factory=list)  # could not be written (full disk...)
    # Named files that are no report (binary, unreadable): the user asked for them by
    # name, so the command says so as an error, where a folder's stray files are skipped.
    refused: list[Skipped] = field(default_factory=list)


def check_date(text: str) -> str:
    """A --date value as YYYY-MM-DD; raises ImportProblem if it is not a real date."""
    if real_date(text) is None:
        raise ImportProblem(f"--date must be a date as YYYY-MM-DD, not {text!r}")
    return text


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
            # os.walk does not enter linked folders; linked files are checked in import_reports.
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
    paths = list(paths)
    files = sources(paths)
    roots = [_resolved(path) for path in paths if path.is_dir()]
    existing = _LibraryTexts(library)
    for source, named in files:
        if not named and not source.name.lower().endswith(".txt"):
            result.skipped.append(Skipped(source, "not a .txt file"))
            continue
        if not named and source.is_symlink() and not any(_inside(_resolved(source), root) for root in roots):
            result.skipped.append(Skipped(source, LINK_OUT))
            continue
        try:
            text = read_report_text(source, for_display=False)
        except ReportUnreadable as exc:
            (result.refused if named else result.skipped).append(Skipped(source, str(exc)))
            continue
        if not text.strip():  # named, it is refused as a file that is not a report is
            (result.refused if named else result.skipped).append(Skipped(source, "empty file"))
            continue
        dated = False
        stamp = DATE_STAMP.match(text)
        if date and (stamp is None or real_date(stamp.group(1)) is None):  # none, or no such day: --date's
            text = f" date {date} " + (text[stamp.end():] if stamp else text).lstrip()
            dated = True
        body = _body(text)
        already = existing.holding(body)
        if already is not None:
            result.skipped.append(Skipped(source, f"already in the library as {already.name}", already))
            continue
        try:
            target = _write_under_free_name(library, _library_name(source), text, _copy_mode(source))
        except OSError as exc:
            result.failed.append(Skipped(source, f"could not be written: {exc.strerror or exc}"))
            continue
        existing.add(target, body)
        result.imported.append(Imported(source, target, dated))
    return result


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _copy_mode(source: Path) -> int:
    """0644 at most, and never more than the source allows (a 0640 file stays 0640)."""
    try:
        return stat.S_IMODE(os.stat(source).st_mode) & 0o644 | 0o600
    except OSError:
        return 0o600


def _body(text: str) -> str:
    """The report's text without its date stamp: the same report stamped or not is one report."""
    match = DATE_STAMP.match(text)
    return (text[match.end():] if match else text).strip()


def _library_name(source: Path) -> str:
    name = _UNSAFE_NAME.sub("_", source.name).lstrip(".") or "report"
    # A name that was not UTF-8 (kept as lone surrogates) is written with U+FFFD instead.
    name = name.encode("utf-8", "replace").decode("utf-8").replace("?", "_") if _has_surrogates(name) else name
    if name.lower().endswith(".txt"):
        stem, suffix = name[:-4], name[-4:]
    else:
        base, dot, _ = name.rpartition(".")
        stem, suffix = (base if dot and base else name), ".txt"  # memo.md -> memo.txt: the library lists *.txt
    while len(stem.encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem + suffix


def _has_surrogates(name: str) -> bool:
    try:
        name.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


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
                        self._by_digest.setdefault(_digest(_body(read_report_text(path, for_display=False))), path)
                    except ReportUnreadable:
                        pass
        return self._by_digest

    def holding(self, body: str) -> Path | None:
        return self._load().get(_digest(body))

    def add(self, path: Path, body: str) -> None:
        self._load().setdefault(_digest(body), path)


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _write_under_free_name(library: Path, name: str, text: str, mode: int) -> Path:
    stem, suffix = name[:-4], name[-4:]
    n = 1
    while True:
        target = library / (name if n == 1 else f"{stem}-{n}{suffix}")
        if write_new_text(target, text, mode=mode):
            return target
        n += 1


def write_new_text(target: Path, text: str, replace: bool = False, mode: int = 0o644) -> bool:
    """Write text as UTF-8 to target atomically: a reader sees no file or the whole file.

    Without `replace`, an existing target is never touched and False is returned (the
    check and the write are one step: a hard link, which fails if the name is taken).
    A new file gets `mode` (0644: a document the user shares is readable by others); a
    replaced file keeps its own mode. Only a regular file is replaced: a FIFO, device,
    folder or symbolic link at target is refused (OSError), never turned into a file.
    """
    if replace:
        try:
            existing = os.lstat(target)
        except FileNotFoundError:
            existing = None
        if existing is not None:
            if not stat.S_ISREG(existing.st_mode):
                raise OSError(errno.EINVAL, "not a regular file; it is not replaced", str(target))
            mode = stat.S_IMODE(existing.st_mode)
    # A short temp name: the target's own name may already use the 255 bytes a name can have.
    temp = target.parent / f".minutesreader-{secrets.token_hex(6)}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
            os.fchmod(stream.fileno(), mode)
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
        with suppress(OSError):  # the file is written; a folder that cannot be synced is no reason to fail
            fsync_dir(target.parent)
        return True
    finally:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
