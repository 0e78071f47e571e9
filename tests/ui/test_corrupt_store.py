"""A store file that cannot be read: the app and the commands start, say so, keep the file."""

from __future__ import annotations

import pytest

from minutesreader.cli import main
from minutesreader.storage.store import Store
from tests.ui.conftest import open_model, wait_until

MODEL = "000_9d62e18ffa0ab910"

BAD_CONTENTS = {
    "empty": b"",
    "truncated": b'{"notes": {"1": {"id": "x", "report": "000_9d62e',
    "not json": b"\x00\x01 this is not json",
    "wrong shape": b'["a", "list", "not", "an", "object"]',
}


def shard_file(store_dir):
    store = Store.open(store_dir)
    store.add_note(MODEL, 2, "quote", "a note to lose")
    return store.directory / "shards" / f"{store.shard_of(MODEL)}.json"


@pytest.mark.parametrize("kind", sorted(BAD_CONTENTS))
async def test_app_starts_says_where_the_file_went_and_keeps_it(app_factory, store_dir, kind, told):
    path = shard_file(store_dir)
    path.write_bytes(BAD_CONTENTS[kind])
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await wait_until(pilot, lambda: any("moved to" in m for m in told))  # told by the store watcher
        [warning] = [m for m in told if "moved to" in m]
        assert path.name in warning
        kept = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".corrupt-")]
        assert len(kept) == 1 and kept[0].name in warning
        assert kept[0].read_bytes() == BAD_CONTENTS[kind]  # byte for byte
        # And the user carries on: a new note is saved.
        await pilot.press("n", *"fresh start", "ctrl+s")
        assert [n.text for n in app.session.notes(MODEL)] == ["fresh start"]
        assert kept[0].read_bytes() == BAD_CONTENTS[kind]


def test_commands_start_and_say_so(store_dir, capsys):
    path = shard_file(store_dir)
    path.write_bytes(BAD_CONTENTS["truncated"])
    assert main(["notes", "--db", str(store_dir)]) == 0
    err = capsys.readouterr().err
    assert "moved to" in err and len(err.strip().splitlines()) == 1
