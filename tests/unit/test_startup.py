"""A command loads only what it uses: `search` and `directives` start in a blink.

Each command runs in a fresh interpreter; the modules it loaded are what it paid for at
start (bench/run.py measures the time, these tests keep the heavy parts out).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from minutesreader.cli import COMMANDS, main
from tests.conftest import BUNDLED_LIBRARY, MODEL_READOUT


def _modules_loaded_by(args: list[str]) -> set[str]:
    code = ("import json, sys; from minutesreader.cli import main; code = main(sys.argv[1:]); "
            "print(json.dumps(sorted(sys.modules)), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_search_does_not_compile_the_directive_rules(tmp_path):
    search = ["search", "--library", str(BUNDLED_LIBRARY), "--db", str(tmp_path), "council"]
    _modules_loaded_by(search)  # the first search builds the index (and reads the store)
    loaded = _modules_loaded_by(search)
    assert "minutesreader.storage.search_index" in loaded  # it did search
    # The store is opened (notes are searched, and placed where the report now has them);
    # the directive rules, the catalog and the UI are not needed.
    heavy = {"minutesreader.core.directive_rules", "minutesreader.core.catalog", "textual", "difflib"}
    assert not loaded & heavy


def test_directives_of_a_file_loads_neither_store_nor_catalog(tmp_path):
    loaded = _modules_loaded_by(["directives", str(MODEL_READOUT), "--db", str(tmp_path)])
    assert "minutesreader.core.directive_rules" in loaded
    assert not loaded & {"minutesreader.core.catalog", "minutesreader.storage.store", "tinydb", "textual", "sqlite3"}
    # Nor the other commands' modules, nor the store's records.
    assert not loaded & {"minutesreader.cli_annotations", "minutesreader.cli_compare", "minutesreader.cli_notes",
                         "minutesreader.core.records"}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_answers_its_help_when_named_alone(command, capsys):
    # A line that names its command builds that command's parser only.
    with pytest.raises(SystemExit) as exit:
        main([command, "--help"])
    assert exit.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: minutesreader {command} ")


def test_help_before_a_command_still_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help", "directives"])
    listed = capsys.readouterr().out
    assert all(f"    {command} " in listed for command in COMMANDS)


def test_common_options_before_the_command_are_kept(tmp_path, capsys):
    assert main(["--library", str(BUNDLED_LIBRARY), "--db=" + str(tmp_path), "directives", "--json", str(MODEL_READOUT)]) == 0
    assert capsys.readouterr().out.count('"category"') > 0


def test_track_offers_every_period_the_tracker_knows():
    # cli_compare spells the periods out so that no command imports core.track to start.
    from minutesreader.cli_compare import TRACK_BY
    from minutesreader.core.track import BY

    assert TRACK_BY == BY


def test_search_of_a_fresh_index_leaves_the_store_closed(tmp_path):
    search = ["search", "--library", str(BUNDLED_LIBRARY), "--db", str(tmp_path), "council"]
    _modules_loaded_by(search)  # builds the index, reading the store's notes and titles
    loaded = _modules_loaded_by(search)
    assert "minutesreader.storage.search_index" in loaded
    # Nothing changed since: the index answers alone, the store is never opened.
    assert not loaded & {"minutesreader.storage.store", "tinydb", "importlib.metadata"}


def test_english_directives_never_build_the_chinese_rules(tmp_path):
    loaded = _modules_loaded_by(["directives", str(MODEL_READOUT), "--db", str(tmp_path)])
    assert "minutesreader.core.directive_rules" in loaded
    assert not loaded & {"minutesreader.core.directive_rules_zh", "minutesreader.core.track",
                         "minutesreader.core.web_annotations", "importlib.metadata"}


def test_directives_of_a_file_leaves_the_store_model_unloaded(tmp_path):
    loaded = _modules_loaded_by(["directives", str(MODEL_READOUT), "--db", str(tmp_path)])
    assert "minutesreader.storage.model" not in loaded
