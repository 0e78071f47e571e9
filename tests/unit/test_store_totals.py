"""What the library list shows of the store (notes, tags per report), read in one pass and
still right after another window writes or the counts cache is damaged."""

from __future__ import annotations

import json
from pathlib import Path

from minutesreader.storage.store import Store

P1 = "The committee met on Tuesday."
P2 = "Staff should report back by March."


def test_totals_in_one_pass_follow_another_windows_notes_and_tags(tmp_path: Path) -> None:
    first, second = Store.open(tmp_path / "db"), Store.open(tmp_path / "db")
    first.add_note("r1", 1, P1, "n", tags=["housing"])
    first.add_tags("r2", 2, P2, ["deadline"])
    assert first.annotation_totals() == (first.note_counts(), first.notes_per_report(), first.tag_counts())
    assert first.annotation_totals() == ({"r1": 1, "r2": 1}, {"r1": 1}, {"housing": 1, "deadline": 1})
    second.add_note("r2", 1, P1, "from the other window")
    second.add_tags("r1", 2, P2, ["housing"])
    totals = first.annotation_totals()
    assert totals.note_counts == {"r1": 2, "r2": 2}
    assert totals.notes_per_report == {"r1": 1, "r2": 1}
    assert totals.tag_counts == {"housing": 2, "deadline": 1}


def test_a_count_cache_entry_of_the_wrong_type_is_recounted_not_shown(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db")
    store.add_note("r1", 1, P1, "n")
    store.add_tags("r1", 2, P2, ["housing"])
    store.close()
    cache = tmp_path / "db" / "counts.json"
    data = json.loads(cache.read_text())
    shard = store.shard_of("r1")
    damages = [("reports", {"r1": "7"}), ("report_notes", {"r1": True}), ("tags", {"housing": 7.0}),
               ("report_tags", {"r1": [7]}), ("report_tags", {"r1": "housing"}), ("sig", [1, 2, "3"])]
    for table, damaged in damages:
        broken = json.loads(json.dumps(data))
        broken["shards"][shard][table] = damaged
        cache.write_text(json.dumps(broken))
        reopened = Store.open(tmp_path / "db")
        assert reopened.report_tags() == {"r1": frozenset({"housing"})}, table
        totals = reopened.annotation_totals()
        assert totals == ({"r1": 2}, {"r1": 1}, {"housing": 1}), table
