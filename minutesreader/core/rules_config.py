"""The user's own directive rules: a TOML file of extra and never-trigger phrases.

Example (the default location is shown by `default_rules_path()`; the environment
variable MINUTESREADER_RULES or an explicit path overrides it)::

    # directives.toml: extra phrases for the directive highlighter.
    # Phrases match whole words, case-insensitively, anywhere in a sentence.
    [triggers]
    obligation = ["is duty-bound to", "it is incumbent on"]
    call = ["exhorted", "rallied"]
    task = ["set out to", "will roll out"]

    # Phrases that never make a directive, even where a built-in trigger sits inside
    # them ("must have" of inference, a slogan you keep seeing quoted). Top level or
    # after [triggers] (where TOML files it as triggers.never): both are read.
    never = ["must have", "should the need arise"]

A bad file never stops the reader: each problem becomes a one-line warning and the
built-in rules are used for whatever could not be read.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from minutesreader.core.categories import CATEGORIES

RULES_ENV = "MINUTESREADER_RULES"


def named_rules_path() -> Path | None:
    """The rules file the user named in the environment, if any (the one place it is read)."""
    override = os.environ.get(RULES_ENV)
    return Path(override).expanduser() if override else None


def default_rules_path() -> Path:
    named = named_rules_path()
    if named is not None:
        return named
    from platformdirs import user_config_dir

    return Path(user_config_dir("minutesreader")) / "directives.toml"


def _phrases(value: object, where: str, warnings: list[str]) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        warnings.append(f"{where}: expected a list of phrases, ignored")
        return []
    phrases = []
    for phrase in value:
        if isinstance(phrase, str) and phrase.strip():
            phrases.append(" ".join(phrase.split()))
        else:
            warnings.append(f"{where}: {phrase!r} is not a phrase, ignored")
    return phrases


def read_rules(path: Path, named: bool) -> tuple[dict[str, list[str]], list[str], list[str]]:
    """(extra triggers by category, never-triggers, warnings) from the TOML at `path`.

    A missing file is normal when nobody named it; when it was named (argument or
    environment) its absence is worth a warning. Never raises.
    """
    warnings: list[str] = []
    extra: dict[str, list[str]] = {}
    never: list[str] = []
    # Imported here: core.library imports the directives, which import this module.
    from minutesreader.core.library import ReportUnreadable, read_report_bytes

    if not path.exists() and not path.is_symlink():
        if named:
            warnings.append(f"directive rules {path} not found; using the built-in rules")
        return extra, never, warnings
    try:
        # Only a regular file of sane size: a FIFO or /dev/zero must not hang every start.
        raw = read_report_bytes(path, 1024 * 1024)
    except ReportUnreadable as exc:
        warnings.append(f"directive rules {path} could not be read ({exc}); using the built-in rules")
        return extra, never, warnings
    import tomllib  # here: most users have no rules file, and it costs a start ~5 ms

    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        warnings.append(f"directive rules {path} is not UTF-8 text; using the built-in rules")
        return extra, never, warnings
    except tomllib.TOMLDecodeError as exc:
        warnings.append(f"directive rules {path} is not valid TOML ({exc}); using the built-in rules")
        return extra, never, warnings

    triggers = document.get("triggers", {})
    if not isinstance(triggers, dict):
        warnings.append(f"{path}: [triggers] must be a table, ignored")
        triggers = {}
    for category, value in triggers.items():
        if category == "never":
            # Written after [triggers], as people do, TOML files `never` under it.
            never.extend(_phrases(value, f"{path}: never", warnings))
            continue
        if category not in CATEGORIES:
            warnings.append(f"{path}: unknown category {category!r} in [triggers] (use obligation, call or task), ignored")
            continue
        extra[category] = _phrases(value, f"{path}: triggers.{category}", warnings)
    if "never" in document:
        never.extend(_phrases(document["never"], f"{path}: never", warnings))
    for key in document:
        if key not in ("triggers", "never"):
            warnings.append(f"{path}: unknown key {key!r}, ignored")
    return extra, never, warnings


def earliest(found: tuple[int, int] | None, extra: re.Pattern[str] | None, text: str) -> tuple[int, int] | None:
    """The built-in trigger's span or the user's extra trigger's, whichever starts first."""
    if extra is not None:
        hit = extra.search(text)
        if hit and (found is None or hit.start() < found[0]):
            return hit.start(), hit.end()
    return found
