"""Is the search index up to date? The signatures of the files it was built from, taken again.

`minutesreader search` asks before every answer, so the question is kept cheap: one
`os.scandir` of the library folder with a stat of each report (an edit in place changes
only the file's own size and mtime, never its folder's, so no file can be skipped), the
stat of the titles file and of each notes file. A Snapshot takes them in a thread,
started before the query: the stats wait on the file system while SQLite answers, and
the answer is printed only once the snapshot says nothing changed (else the index is
updated and asked again).

    snapshot = Snapshot(library, store_dir)       # the thread starts (before importing SQLite)
    hits = index.search(query)                    # meanwhile
    if not index.is_fresh(snapshot): ...          # waits for the thread
"""

from __future__ import annotations

import marshal
import os
import threading
from array import array
from pathlib import Path

from minutesreader.core.file_stat import size_and_mtime


class Listing:
    """(size, mtime_ns) of each report file of the folder, by path: what the index keeps
    of the library. Kept as three columns (the paths joined, the sizes and mtimes as
    arrays), so that the index's copy loads and compares in C in under a millisecond;
    a dict of 10,000 tuples took ~5 ms to load and compare."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.sizes = array("q")
        self.mtimes = array("q")

    def add(self, path: str, size: int, mtime_ns: int) -> None:
        self.paths.append(path)
        self.sizes.append(size)
        self.mtimes.append(mtime_ns)

    def __len__(self) -> int:
        return len(self.paths)

    def signatures(self) -> dict[str, tuple[int, int]]:
        return dict(zip(self.paths, zip(self.sizes, self.mtimes)))

    def packed(self) -> bytes:
        return marshal.dumps(("\0".join(self.paths), self.sizes.tobytes(), self.mtimes.tobytes()))

    def matches(self, packed: object) -> bool:
        """Whether `packed` (an earlier listing's packed()) lists the same files, in the
        same order, with the same sizes and mtimes. False for anything else: a listing
        of an older version is then compared the slow way, and written anew."""
        if not isinstance(packed, bytes):
            return False
        try:
            paths, sizes, mtimes = marshal.loads(packed)
        except (EOFError, ValueError, TypeError):
            return False
        return bool(sizes == self.sizes.tobytes() and mtimes == self.mtimes.tobytes() and paths == "\0".join(self.paths))


def library_folder(library: Path | str) -> Path:
    """The folder as the index names it and its files: absolute, so that "lib" and
    "/home/me/lib" share the index's entries."""
    return Path(os.path.abspath(library))


def scan(folder: Path) -> Listing:
    """(size, mtime_ns) of every *.txt of the folder, as core.library.report_files lists
    them, without building a Path per file. Each file is stat'ed by its name in the open
    folder where the platform allows: the kernel then looks up one name, not the whole
    path (10,000 files: 5 to 15% less CPU, the more the longer the path). Raises
    LibraryError, saying what is wrong, when the folder cannot be listed."""
    listing = Listing()
    base = str(folder)
    prefix = base if base.endswith(os.sep) else base + os.sep
    handle = None
    try:
        if os.stat in os.supports_dir_fd and os.scandir in os.supports_fd:
            handle = os.open(base, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        with os.scandir(base if handle is None else handle) as entries:
            for entry in entries:
                name = entry.name
                if name.lower().endswith(".txt"):
                    try:
                        stat = entry.stat() if handle is None else os.stat(name, dir_fd=handle)
                        listing.add(prefix + name, stat.st_size, stat.st_mtime_ns)
                    except OSError:
                        listing.add(prefix + name, -1, -1)
    except OSError:
        from minutesreader.core.library import report_files

        report_files(folder)  # raises the LibraryError that says what is wrong
        raise
    finally:
        if handle is not None:
            os.close(handle)
    return listing


def file_signature(path: Path) -> str:
    signature = size_and_mtime(path)
    return f"{signature[0]}:{signature[1]}" if signature else "none"


def shard_signatures(store_dir: Path) -> dict[str, str]:
    """Size, mtime and inode of every notes file of the store, by shard: a rewrite changes them."""
    signatures = {}
    try:
        with os.scandir(store_dir / "shards") as entries:
            for entry in entries:
                if entry.name.endswith(".json"):
                    stat = entry.stat()
                    signatures[entry.name[:-5]] = f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ino}"
    except OSError:
        pass
    return signatures


class Snapshot:
    """The library's listing, taken in a thread from creation, and the store's signatures,
    taken by the caller of taken() while the thread may still be at the library (the
    longer part: 10,000 files against ~1,000)."""

    def __init__(self, library: Path, store_dir: Path) -> None:
        self._library = library_folder(library)
        self._store_dir = Path(store_dir)
        self._listing: Listing | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._take, name="search-freshness", daemon=True)
        self._thread.start()

    def _take(self) -> None:
        try:
            self._listing = scan(self._library)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller of taken()
            self._error = exc

    def taken(self) -> tuple[Listing, str, dict[str, str]]:
        """(library listing, titles file signature, notes files' signatures); raises what
        listing the library raised (a LibraryError for a folder that cannot be read)."""
        titles, shards = file_signature(self._store_dir / "titles.json"), shard_signatures(self._store_dir)
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._listing is not None
        return self._listing, titles, shards
