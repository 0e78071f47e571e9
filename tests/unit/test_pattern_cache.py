"""The directive rules' compiled patterns kept between starts: they find exactly what
re.compile's find, and a cache that is damaged or cannot be written changes nothing."""

from __future__ import annotations

import re

from minutesreader.core import directive_grammar, directive_rules, language, sentences
from minutesreader.core.pattern_cache import ENGINE, PatternCache
from tests.conftest import BUNDLED_LIBRARY

FOMC = BUNDLED_LIBRARY / "048_653eb7bcc905d09c.txt"


def _rule_patterns() -> list[re.Pattern[str]]:
    patterns = []
    for module in (directive_rules, directive_grammar, language, sentences):
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                patterns.append(value)
            elif isinstance(value, list):
                patterns += [rule[0] for rule in value if isinstance(rule, tuple) and isinstance(rule[0], re.Pattern)]
    return patterns


def test_patterns_built_from_the_cache_find_what_re_compile_finds(tmp_path):
    patterns = _rule_patterns()
    assert len(patterns) > 90
    first = PatternCache(tmp_path / "patterns.marshal")
    for pattern in patterns:
        first.compile(pattern.pattern, pattern.flags)
    first.save()
    assert (tmp_path / "patterns.marshal").exists() == bool(ENGINE)

    cached = PatternCache(tmp_path / "patterns.marshal")
    text = FOMC.read_text("utf-8")[:30_000] + " Rich will start the thread. * Please review the draft. We must act."
    for pattern in patterns:
        again = cached.compile(pattern.pattern, pattern.flags)
        fresh = re.compile(pattern.pattern, pattern.flags)
        assert again.groupindex == fresh.groupindex
        assert [m.span() for m in again.finditer(text)] == [m.span() for m in fresh.finditer(text)]


def test_a_damaged_cache_is_compiled_anew_and_replaced(tmp_path):
    path = tmp_path / "patterns.marshal"
    path.write_bytes(b"\x00garbage")
    cache = PatternCache(path)
    assert cache.compile(r"\bmust\b", re.I).search("We MUST act").span() == (3, 7)
    cache.save()
    if ENGINE:
        assert path.read_bytes() != b"\x00garbage"
        assert PatternCache(path).compile(r"\bmust\b", re.I).search("We MUST act").span() == (3, 7)


def test_a_cache_folder_that_cannot_be_written_only_costs_the_compiling(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder would be")
    cache = PatternCache(blocker / "patterns.marshal")
    assert cache.compile(r"need\s+to").search("we need  to").group() == "need  to"
    cache.save()  # nothing raised


def test_each_command_keeps_the_patterns_the_others_kept(tmp_path):
    # `search` never builds the directive rules: its save must not drop them.
    path = tmp_path / "patterns.marshal"
    directives = PatternCache(path)
    directives.compile(r"\bmust\b")
    directives.save()
    search = PatternCache(path)
    search.compile(r"[^\W_]+")
    search.save()
    if ENGINE:
        before = path.stat().st_ino
        again = PatternCache(path)
        again.compile(r"\bmust\b")
        again.compile(r"[^\W_]+")
        again.save()
        assert path.stat().st_ino == before  # both were kept: nothing compiled, nothing written


def test_a_python_whose_private_compiler_differs_still_compiles(tmp_path, monkeypatch):
    from minutesreader.core import pattern_cache

    def changed(*args, **kwargs):
        raise AttributeError("no _code in this Python")

    monkeypatch.setattr(pattern_cache, "_entry", changed)
    cache = PatternCache(tmp_path / "patterns.marshal")
    pattern = cache.compile(r"\bmust\s+(\w+)", re.IGNORECASE)
    assert pattern.search("We MUST act").group(1) == "act"
    cache.save()
    assert not (tmp_path / "patterns.marshal").exists()  # nothing kept that this Python cannot build
