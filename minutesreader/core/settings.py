"""The user's settings: config.toml in the user config dir ($MINUTESREADER_CONFIG overrides).

    # ~/.config/minutesreader/config.toml
    [citation]
    # How a quote is cited, by every copy and in an exported brief.
    # Fields: {quote} {title} {date} {locator} {paragraph} {report} {url} {publisher} {meeting_date}
    # ({locator} is ¶N, or "part N" for a part of a long paragraph split for display;
    # {url} {publisher} {meeting_date} are the report's details, `i` in the reader)
    # Or a named style instead of a template: "plain", "chicago" (a note) or "apa".
    # style = "chicago"
    template = "“{quote}” — {title}, {date}, {locator}"
    # How a Chinese quote is cited (Chinese quotation marks: “…” or 「…」).
    chinese_template = "「{quote}」——{title}，{date}，{locator}"

    [reader]
    # The longest line of report text, in columns (on a wide terminal lines stop here).
    width = 100

A bad file never stops minutesreader: each problem is a one-line warning, and the
default is used for whatever could not be read. Sections other parts of minutesreader
may own are left alone.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from minutesreader.core.citations import CHINESE_TEMPLATE, DEFAULT_TEMPLATE, STYLES, template_problem
from minutesreader.core.library import ReportUnreadable, read_report_bytes
from minutesreader.core.text import for_terminal

CONFIG_ENV = "MINUTESREADER_CONFIG"
# A config file is a few lines; a bigger one is not ours (and could be /dev/zero).
MAX_CONFIG_BYTES = 1024 * 1024
DEFAULT_READING_WIDTH = 100
READING_WIDTHS = range(20, 1001)


@dataclass(frozen=True)
class Settings:
    citation_template: str = DEFAULT_TEMPLATE
    chinese_citation_template: str = CHINESE_TEMPLATE
    reading_width: int = DEFAULT_READING_WIDTH
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)


def config_path() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("minutesreader")) / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    """Settings from `path` (default: config_path()); never raises. Warnings are one clean
    line each (they quote the file's path and keys, which come from outside)."""
    settings = _read_settings(path)
    return dataclasses.replace(settings, warnings=[for_terminal(w) for w in settings.warnings])


def _read_settings(path: Path | None) -> Settings:
    named = path is not None or bool(os.environ.get(CONFIG_ENV))
    path = path or config_path()
    warnings: list[str] = []
    if not path.exists() and not path.is_symlink():
        if named:
            warnings.append(f"config {path} not found; using the defaults")
        return Settings(path=path, warnings=warnings)
    try:
        raw = read_report_bytes(path, MAX_CONFIG_BYTES)
    except ReportUnreadable as exc:
        warnings.append(f"config {path} could not be read ({exc}); using the defaults")
        return Settings(path=path, warnings=warnings)
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        warnings.append(f"config {path} is not UTF-8 text; using the defaults")
        return Settings(path=path, warnings=warnings)
    except tomllib.TOMLDecodeError as exc:
        warnings.append(f"config {path} is not valid TOML ({exc}); using the defaults")
        return Settings(path=path, warnings=warnings)

    templates = {"template": DEFAULT_TEMPLATE, "chinese_template": CHINESE_TEMPLATE}
    citation = document.get("citation", {})
    if not isinstance(citation, dict):
        warnings.append(f"{path}: [citation] must be a table; using the default citation")
        citation = {}
    style = citation.get("style")
    if style is not None:
        if style in STYLES and "template" not in citation:
            templates["template"] = STYLES[style]
        elif style in STYLES:
            warnings.append(f"{path}: [citation] has both style and template; using the template")
        else:
            warnings.append(f"{path}: unknown citation style {style!r} (styles: {', '.join(STYLES)}); using the default")
    for key, value in citation.items():
        if key == "style":
            continue
        if key not in templates:
            warnings.append(f"{path}: unknown key {key!r} in [citation], ignored")
            continue
        problem = template_problem(value)
        if problem:
            label = "citation template" if key == "template" else "Chinese citation template"
            warnings.append(f"{path}: {label} {problem}; using the default")
        else:
            templates[key] = value
    return Settings(
        citation_template=templates["template"],
        chinese_citation_template=templates["chinese_template"],
        reading_width=_reading_width(document.get("reader", {}), path, warnings),
        path=path,
        warnings=warnings,
    )


def _reading_width(reader: object, path: Path, warnings: list[str]) -> int:
    if not isinstance(reader, dict):
        warnings.append(f"{path}: [reader] must be a table; using the default reading width")
        return DEFAULT_READING_WIDTH
    for key in reader:
        if key != "width":
            warnings.append(f"{path}: unknown key {key!r} in [reader], ignored")
    width = reader.get("width", DEFAULT_READING_WIDTH)
    if isinstance(width, bool) or not isinstance(width, int) or width not in READING_WIDTHS:
        warnings.append(f"{path}: [reader] width must be a whole number of columns from "
                        f"{READING_WIDTHS.start} to {READING_WIDTHS.stop - 1}; using {DEFAULT_READING_WIDTH}")
        return DEFAULT_READING_WIDTH
    return width

