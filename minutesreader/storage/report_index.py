"""The library index: what the list shows of each report, cached per file.

An entry is reused while the file's size and modification time are unchanged, so a
start reads only the reports that changed. It is a cache: written atomically but not
fsync'd, and a cache that cannot be read is simply rebuilt (the reports are the truth).
One index per library folder, kept beside the store, in two files:

    library-HASH.json   one summary per report file (title, date, directive counts)
    library-HASH.text   the casefolded text of every report, for the filter: a JSON
                        header (per file: size, mtime, offset, length) then the bytes,
                        so a warm start reads one file instead of 10,000
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from minutesreader.core.library import ReportSummary
from minutesreader.storage.atomic import make_private_folder, write_atomic
from minutesreader.storage.tinystorage import load_json_cache, read_cache_bytes

INDEX_VERSION = 2
TEXT_MAGIC = b"minutesreader-text 1\n"


# What a cached entry's fields must be before it is trusted as a ReportSummary.
_ENTRY_TYPES: dict[str, type | tuple[type, ...]] = {
    "id": str, "path": str, "date": (str, type(None)), "title": str, "counts": dict, "words": int,
    "size": int, "mtime_ns": int, "error": (str, type(None)), "counted": bool,
}


class ReportIndex:
    def __init__(self, path: Path, classifier_key: str = "") -> None:
        self.path = path
        # Entries are only valid for the classifier (and rules) that counted the directives.
        self.classifier_key = classifier_key
        self._entries: dict[str, dict[str, Any]] | None = None  # read on first use, off the UI thread
        self.dirty = False

    @classmethod
    def for_store(cls, store_dir: Path, library: Path, classifier_key: str = "") -> "ReportIndex":
        digest = hashlib.sha1(str(library.resolve()).encode()).hexdigest()[:16]
        return cls(store_dir / "index" / f"library-{digest}.json", classifier_key)

    @property
    def text_path(self) -> Path:
        return self.path.with_suffix(".text")

    @property
    def entries(self) -> dict[str, dict[str, Any]]:
        if self._entries is None:
            self._entries = self._load()
        return self._entries

    def _load(self) -> dict[str, dict[str, Any]]:
        document = load_json_cache(self.path)
        if (
            isinstance(document, dict)
            and document.get("version") == INDEX_VERSION
            and document.get("classifier") == self.classifier_key
            and isinstance(document.get("reports"), dict)
        ):
            reports: dict[str, dict[str, Any]] = document["reports"]
            return reports
        return {}

    def get(self, path: str, size: int, mtime_ns: int) -> ReportSummary | None:
        entry = self.entries.get(path)
        if not isinstance(entry, dict) or entry.get("size") != size or entry.get("mtime_ns") != mtime_ns:
            return None
        if any(not isinstance(entry.get(name), kinds) for name, kinds in _ENTRY_TYPES.items()):
            return None  # a damaged or hand-edited entry: the report is read again
        counts = entry["counts"]
        if not all(isinstance(k, str) and type(v) is int for k, v in counts.items()):
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
        if self._write(self.path, json.dumps(document, ensure_ascii=False).encode()):
            self.dirty = False

    # -- the filter's text -------------------------------------------------------------
    def load_texts(self) -> dict[str, tuple[int, int, bytes]]:
        """path -> (size, mtime_ns, casefolded text) as last saved; {} if none is usable."""
        try:
            blob = read_cache_bytes(self.text_path)
            if blob is None or not blob.startswith(TEXT_MAGIC):
                return {}
            header_end = blob.index(b"\n", len(TEXT_MAGIC))
            header = json.loads(blob[len(TEXT_MAGIC):header_end])
            base = header_end + 1
            return {
                path: (size, mtime_ns, blob[base + offset:base + offset + length])
                for path, (size, mtime_ns, offset, length) in header["files"].items()
                if base + offset + length <= len(blob)
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return {}

    def save_texts(self, texts: dict[str, tuple[int, int, bytes]]) -> None:
        files, offset = {}, 0
        for path, (size, mtime_ns, text) in texts.items():
            files[path] = (size, mtime_ns, offset, len(text))
            offset += len(text)
        header = json.dumps({"files": files}, ensure_ascii=False).encode()
        self._write(self.text_path, b"".join([TEXT_MAGIC, header, b"\n", *(text for _, _, text in texts.values())]))

    def _write(self, path: Path, payload: bytes) -> bool:
        try:
            make_private_folder(path.parent)
            write_atomic(path, payload, backups=0, durable=False)
            return True
        except OSError:
            return False  # a cache that cannot be written costs speed next start, nothing else
