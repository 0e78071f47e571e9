"""The directive rules' patterns, compiled once and then kept in the user's cache folder.

Compiling the ~100 patterns of the directive rules (several hold an alternation of 150
verbs) took ~50 ms of every start that classifies, more than the rest of `minutesreader
directives FILE`. Python's `re` keeps compiled patterns only in memory; here the
compiled form of each (the code `re` hands to its engine, which checks it) is saved,
keyed by the pattern itself and by the Python and `re` engine that compiled it, and a
later start builds the patterns from it in ~2 ms. It is only a cache: when it is
missing, damaged, from another Python, or cannot be written, patterns are compiled as
`re.compile` compiles them, and a start that compiled any writes it anew.

    PATTERNS.compile(r"\\bmust\\b", re.IGNORECASE)   # as re.compile
    PATTERNS.save()                                  # once the rules are all built
"""

from __future__ import annotations

import importlib
import marshal
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Any

# The engine and its own compiler, private to `re` (untyped, so looked up by name):
# CPython's, the same since 3.11.
_sre: Any
_compiler: Any
_parser: Any
try:
    _sre, _compiler, _parser, _constants = (importlib.import_module(name) for name in ("_sre", "re._compiler", "re._parser", "re._constants"))
    # The code is kept as an array of unsigned ints: they must be the engine's words.
    ENGINE = f"{sys.implementation.cache_tag}-{_constants.MAGIC}" if array("I").itemsize == _sre.CODESIZE else ""
except ImportError:  # another Python: compile as usual, keep nothing
    ENGINE = ""

# flags, code (the engine's 32-bit words, as bytes: ~10 times quicker to load than a list
# of ints), groups, groupindex, indexgroup.
# The patterns of the program are ~150: past this, most kept ones are from older versions.
MAX_KEPT = 600
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


class PatternCache:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stored: dict[tuple[str, int], Entry] = self._load() if path is not None and ENGINE else {}
        self._used: dict[tuple[str, int], Entry] = {}
        self._compiled_any = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """re.compile(pattern, flags), from the cache when it holds the pattern."""
        if not ENGINE:
            return re.compile(pattern, flags)
        key = (pattern, int(flags))
        entry = self._stored.get(key)
        if entry is not None:
            try:
                compiled = _build(pattern, entry)
            except (RuntimeError, TypeError, ValueError, OverflowError):
                pass  # not code this engine accepts: compiled below
            else:
                self._used[key] = entry
                return compiled
        try:
            entry = _entry(pattern, int(flags))
            compiled = _build(pattern, entry)
        except Exception:  # noqa: BLE001 - `re`'s private compiler changed: compile as `re` does, keep nothing
            return re.compile(pattern, flags)
        self._used[key] = entry
        self._compiled_any = True
        return compiled

    def save(self) -> None:
        """Write the kept patterns anew when this start compiled any."""
        if not self._compiled_any or self.path is None or not ENGINE:
            return
        self._compiled_any = False
        import tempfile  # only when something was compiled: with shutil, ~5 ms of a start

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(marshal.dumps(self._kept()))
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, ValueError):
            pass  # a read-only home: the patterns are compiled at every start, as before

    def _kept(self) -> dict[tuple[str, int], Entry]:
        """What this start used, and what others kept (each command builds some of the
        patterns: `search` never the directive rules); patterns of older versions are
        dropped once they outnumber the live ones."""
        kept = {**self._stored, **self._used}
        return kept if len(kept) <= MAX_KEPT else dict(self._used)

    def _load(self) -> dict[tuple[str, int], Entry]:
        assert self.path is not None
        try:
            stored = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return stored if isinstance(stored, dict) else {}


def _entry(pattern: str, flags: int) -> Entry:
    """What re._compiler.compile hands to the engine for this pattern."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return int(flags | parsed.state.flags), array("I", code).tobytes(), parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = entry
    if not isinstance(code, bytes):
        raise TypeError("not code kept by this version")
    compiled: Any = _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)
    if not isinstance(compiled, re.Pattern):
        raise TypeError("not a pattern")
    return compiled


def _cache_path() -> Path | None:
    if not ENGINE:
        return None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("minutesreader")) / f"patterns-{ENGINE}.marshal"


PATTERNS = PatternCache(_cache_path())
