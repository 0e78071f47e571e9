"""Reports' sentences and directive categories, kept on disk for comparing (issue 14).

`D` pressed the moment a report shows must read and analyse the previous report of the
series: ~0.1 s of a busy machine, a third of the target. Its sentences are kept here,
in the store's index folder (one small file per report file, the KEEP last used), so
that from the second time on they are loaded in a few milliseconds. An entry is used
only for the same file (path, size, modification time) and the same detection (the
code and the user's rules: `rules`); anything unreadable is a miss, as this is only a
cache.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path

from minutesreader.storage.atomic import make_private_folder, write_atomic

VERSION = 1
KEEP = 200  # reports; a set of FOMC minutes takes ~60 KB
Rows = list[tuple[str, int, str | None]]  # (sentence, paragraph number, directive category)


class KeptSentences:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def for_store(cls, store_dir: Path) -> "KeptSentences":
        return cls(Path(store_dir) / "index" / "sentences")

    def _file(self, path: Path) -> Path:
        return self.folder / (hashlib.sha1(str(Path(os.path.abspath(path))).encode()).hexdigest()[:20] + ".marshal")

    def load(self, path: Path, signature: tuple[int, int], rules: str) -> Rows | None:
        """The sentences kept for this file as it is now, or None."""
        try:
            entry = marshal.loads(self._file(path).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if not isinstance(entry, tuple) or len(entry) != 5 or entry[:4] != (VERSION, str(path), tuple(signature), rules):
            return None
        try:
            os.utime(self._file(path))  # used: kept longer than those not used (_prune)
        except OSError:
            pass
        return entry[4]  # type: ignore[no-any-return]

    def save(self, path: Path, signature: tuple[int, int], rules: str, rows: Rows) -> None:
        """Keep the sentences of this file; a failure to write costs only time later."""
        try:
            make_private_folder(self.folder)
            write_atomic(self._file(path), marshal.dumps((VERSION, str(path), tuple(signature), rules, rows)),
                         backups=0, durable=False)
            self._prune()
        except OSError:
            pass

    def _prune(self) -> None:
        entries = []
        with os.scandir(self.folder) as found:
            for entry in found:
                if entry.name.endswith(".marshal"):
                    try:
                        entries.append((entry.stat().st_mtime_ns, entry.path))
                    except OSError:
                        pass
        for _, path in sorted(entries)[:max(0, len(entries) - KEEP)]:
            try:
                os.unlink(path)
            except OSError:
                pass
