"""A report file changes after it was annotated: notes follow their paragraph, or wait as orphans."""

from __future__ import annotations

from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import open_model

MODEL = "000_9d62e18ffa0ab910"


def paragraphs_of(library):
    path = library / f"{MODEL}.txt"
    text = path.read_text(encoding="utf-8")
    stamp, _, body = text.partition(" On the morning")
    return path, stamp, ("On the morning" + body).split("\n\n")


async def test_note_follows_its_paragraph_when_one_is_inserted_above(app_factory, library):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("j", "j", "n", *"reform note", "ctrl+s")  # on ¶3
    path, stamp, paragraphs = paragraphs_of(library)
    paragraphs.insert(1, "An inserted paragraph about something else entirely.")
    path.write_text(stamp + " " + "\n\n".join(paragraphs), encoding="utf-8")
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        view = app.screen.query_one(DocumentView)
        assert [index for index, marks in view.marks.items() if marks.notes] == [3]  # now ¶4
        assert app.session.notes(MODEL)[0].paragraph == 4


async def test_deleted_paragraph_sends_its_note_to_orphans_and_it_can_be_reattached(app_factory, library):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("j", "j", "n", *"reform note", "ctrl+s")  # on ¶3
    path, stamp, paragraphs = paragraphs_of(library)
    del paragraphs[2]
    path.write_text(stamp + " " + "\n\n".join(paragraphs), encoding="utf-8")
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        view = app.screen.query_one(DocumentView)
        assert not any(marks.notes for marks in view.marks.values())  # never on a wrong paragraph
        status = str(app.screen.query_one("#reader-status").render())
        assert "1 note(s), tag(s) or highlight(s) could not be placed" in status
        await pilot.press("j", "O")
        await pilot.press("enter")  # the orphan
        await pilot.press("down", "enter")  # re-attach to the paragraph under the cursor (¶2)
        await pilot.pause()
        assert [(n.paragraph, n.text, n.orphaned) for n in app.session.notes(MODEL)] == [(2, "reform note", False)]
        assert view.marks[1].notes[0][1] == "reform note"
        await pilot.press("u")  # the re-attach is undone: an orphan again
        await pilot.pause()
        assert [n.text for n in app.session.orphans(MODEL)[0]] == ["reform note"]
        assert not any(marks.notes for marks in view.marks.values())


async def test_an_orphan_is_deleted_only_when_confirmed_and_undo_brings_it_back(app_factory, library):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("j", "j", "t", *"reform", "enter")
    path, stamp, paragraphs = paragraphs_of(library)
    del paragraphs[2]
    path.write_text(stamp + " " + "\n\n".join(paragraphs), encoding="utf-8")
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        # Defect 4: the first choice was "Delete it", so Down + Enter deleted with no question.
        await pilot.press("O", "enter", "enter")
        await pilot.pause()
        assert len(app.session.orphans(MODEL)[1]) == 1  # the first choice keeps it
        await pilot.press("O", "enter", "down", "down", "enter", "n")
        await pilot.pause()
        assert len(app.session.orphans(MODEL)[1]) == 1  # asked, and told no
        await pilot.press("O", "enter", "down", "down", "enter", "y")
        await pilot.pause()
        assert app.session.orphans(MODEL) == ((), ())
        assert app.session.store.tags(MODEL, include_orphans=True) == []
        await pilot.press("u")
        await pilot.pause()
        assert [m.tag for m in app.session.orphans(MODEL)[1]] == ["reform"]


async def test_an_orphan_is_deleted_only_once_confirmed_and_u_brings_it_back(app_factory, library):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("j", "j", "n", *"reform note", "ctrl+s")  # on ¶3
    path, stamp, paragraphs = paragraphs_of(library)
    del paragraphs[2]
    path.write_text(stamp + " " + "\n\n".join(paragraphs), encoding="utf-8")
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("O", "enter", "down", "down", "enter")  # the orphan, then "Delete it…"
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")  # not confirmed: kept
        await pilot.pause()
        assert [n.text for n in app.session.orphans(MODEL)[0]] == ["reform note"]
        await pilot.press("O", "enter", "down", "down", "enter", "y")
        await pilot.pause()
        assert not app.session.notes(MODEL) and not app.session.orphans(MODEL)[0]
        await pilot.press("u")
        await pilot.pause()
        assert [n.text for n in app.session.orphans(MODEL)[0]] == ["reform note"]
