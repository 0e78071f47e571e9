"""The library index: what the list shows of each report, cached per file.

An entry is reused while the file's size and modification time are unchanged, so a
start reads only the reports that changed. It is a cache: written atomically but not
fsync'd, and a cache that cannot be read is simply rebuilt (the reports are the truth).
One index per library folder, kept beside the store.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from minutesreader.core.library import ReportSummary
from minutesreader.storage.atomic import write_atomic

INDEX_VERSION = 1


class ReportIndex:
    def __init__(self, path: Path, classifier_key: str = "") -> None:
        self.path = path
        # Entries are only valid for the classifier (and rules) that counted the directives.
        self.classifier_key = classifier_key
        self.entries: dict[str, dict] = {}
        self.dirty = False
        self._load()

    @classmethod
    def for_store(cls, store_dir: Path, library: Path, classifier_key: str = "") -> "ReportIndex":
        digest = hashlib.sha1(str(library.resolve()).encode()).hexdigest()[:16]
        return cls(store_dir / "index" / f"library-{digest}.json", classifier_key)

    def _load(self) -> None:
        try:
            document = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return
        if (
            isinstance(document, dict)
            and document.get("version") == INDEX_VERSION
            and document.get("classifier") == self.classifier_key
            and isinstance(document.get("reports"), dict)
        ):
            self.entries = document["reports"]

    def get(self, path: str, size: int, mtime_ns: int) -> ReportSummary | None:
        entry = self.entries.get(path)
        if not entry or entry.get("size") != size or entry.get("mtime_ns") != mtime_ns:
            return None
        try:
            return ReportSummary(**entry)
        except TypeError:
            return None

    def put(self, summary: ReportSummary) -> None:
        self.entries[summary.path] = {name: getattr(summary, name) for name in ReportSummary.__slots__}
        self.dirty = True

    def save(self, keep: set[str]) -> None:
        """Write the index if anything changed, dropping files no longer in the library."""
        for gone in set(self.entries) - keep:
            del self.entries[gone]
            self.dirty = True
        if not self.dirty:
            return
        document = {"version": INDEX_VERSION, "classifier": self.classifier_key, "reports": self.entries}
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(document, ensure_ascii=False).encode(), backups=0, durable=False)
            self.dirty = False
        except OSError:
            pass  # a cache that cannot be written costs speed next start, nothing else
