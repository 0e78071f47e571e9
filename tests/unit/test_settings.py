"""The user's config.toml: the citation template, and bad files that never crash."""

from __future__ import annotations

import json
import os

import pytest

from minutesreader.core.citations import DEFAULT_TEMPLATE, Quote
from minutesreader.core.settings import config_path, load_settings


@pytest.fixture
def config(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    monkeypatch.setenv("MINUTESREADER_CONFIG", str(path))
    return path


def test_default_without_a_file(monkeypatch):
    monkeypatch.delenv("MINUTESREADER_CONFIG", raising=False)
    settings = load_settings()
    assert settings.citation_template == DEFAULT_TEMPLATE and settings.warnings == []
    assert config_path().name == "config.toml"


def test_the_users_template_is_used(config):
    config.write_text('[citation]\ntemplate = "{quote} ({title}, {date}, para {paragraph}, {report})"\n', encoding="utf-8")
    settings = load_settings()
    assert settings.warnings == []
    quote = Quote("Words.", "A meeting", "2024-01-31", 3, "r1")
    assert quote.cite(settings.citation_template) == "Words. (A meeting, 2024-01-31, para 3, r1)"


@pytest.mark.parametrize("content, warning", [
    ("[citation\n", "is not valid TOML"),
    ('[citation]\ntemplate = "{quote} {author}"\n', "unknown field {author}"),
    ('[citation]\ntemplate = "{title} only"\n', "has no {quote}"),
    ('[citation]\ntemplate = "{quote"\n', "is not a valid template"),
    ('[citation]\ntemplate = 3\n', "must be a string"),
    ('citation = "x"\n', "[citation] must be a table"),
    ('[citation]\ntemplat = "{quote}"\n', "unknown key 'templat'"),
])
def test_a_bad_file_gives_one_line_warnings_and_defaults(config, content, warning):
    config.write_text(content, encoding="utf-8")
    settings = load_settings()
    assert settings.citation_template == DEFAULT_TEMPLATE
    assert len(settings.warnings) == 1 and warning in settings.warnings[0]
    assert "\n" not in settings.warnings[0]


def test_unreadable_or_missing_named_file(config, tmp_path):
    config.write_bytes(b"\xff\xfe\x00bad")
    assert "not UTF-8" in load_settings().warnings[0]
    config.unlink()
    assert "not found" in load_settings().warnings[0]
    assert "could not be read" in load_settings(tmp_path).warnings[0]  # a folder


def test_reading_width_from_the_config_and_bad_values_warn(config):
    assert load_settings().reading_width == 100
    config.write_text("[reader]\nwidth = 72\n", encoding="utf-8")
    assert load_settings().reading_width == 72
    for bad in ('"wide"', "0", "true", "99999"):
        config.write_text(f"[reader]\nwidth = {bad}\n", encoding="utf-8")
        settings = load_settings()
        assert settings.reading_width == 100 and len(settings.warnings) == 1
        assert "width must be a whole number" in settings.warnings[0]


def test_preferences_are_written_privately_and_a_damaged_file_means_defaults(tmp_path):
    from minutesreader.storage.preferences import load_preferences, remember

    path = tmp_path / "data" / "preferences.json"
    assert load_preferences(path) == {}
    assert remember("theme", "nord", path) is None
    assert load_preferences(path) == {"theme": "nord"}
    assert path.stat().st_mode & 0o777 == 0o600
    path.write_text("{not json", encoding="utf-8")
    assert load_preferences(path) == {}
    assert remember("theme", "dracula", path) is None and load_preferences(path) == {"theme": "dracula"}


@pytest.mark.parametrize("template, warning", [
    ("{quote}{paragraph[0]}", "unknown field"),
    ("{quote}{date.foo}", "unknown field"),
    ("{quote}{title.__len__}", "unknown field"),
    ("{quote:>999999999}", "width over"),
    ("{quote:.{title}}", "nested"),
    ("{quote!r}", "conversion"),
    ("{quote}\x1b]0;pwned\x07", "control characters"),
    ("{quote}" + "x" * 600, "longer than"),
])
def test_a_dangerous_template_is_refused_with_one_line(config, template, warning):
    config.write_text(f"[citation]\ntemplate = {json.dumps(template)}\n", encoding="utf-8")
    settings = load_settings()
    assert settings.citation_template == DEFAULT_TEMPLATE
    [line] = settings.warnings
    assert warning in line and "\x1b" not in line
    quote = Quote("Words.", "A meeting", "2024-01-31", 3, "r1")
    assert quote.cite(template) == quote.cite(DEFAULT_TEMPLATE)  # any caller is safe too


def test_a_fifo_as_config_does_not_block(config):
    os.mkfifo(config)
    [warning] = load_settings().warnings
    assert "FIFO" in warning
