"""Undo (u, ctrl+z) and redo (U, ctrl+y) of every kind of change, as the user meets them."""

from __future__ import annotations

from minutesreader.core.records import StoreError
from minutesreader.screens.brief import BriefScreen
from minutesreader.storage.store import Store
from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import open_model, settle_until, wait_for_scan

MODEL = "000_9d62e18ffa0ab910"


def shown_notes(app) -> dict[int, list[str]]:
    marks = app.screen.query_one(DocumentView).marks
    return {index: [text for _id, text in m.notes] for index, m in marks.items() if m.notes}


async def test_note_add_edit_delete_are_undone_and_redone_with_a_message(app_factory, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "n", *"first", "ctrl+s")
        await pilot.press("e", "end", *" words", "ctrl+s")
        await pilot.press("x", "y")
        assert app.session.notes(MODEL) == () and shown_notes(app) == {}
        await pilot.press("u")
        await pilot.pause()
        assert told[-1] == "Undone: deleted note on ¶2"
        assert shown_notes(app) == {1: ["first words"]}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert told[-1] == "Undone: edit of the note on ¶2"
        assert [n.text for n in app.session.notes(MODEL)] == ["first"] and shown_notes(app) == {1: ["first"]}
        await pilot.press("u")
        await pilot.pause()
        assert app.session.notes(MODEL) == () and shown_notes(app) == {}
        await pilot.press("u")
        assert told[-1] == "Nothing to undo"
        await pilot.press("U", "ctrl+y")
        await pilot.pause()
        assert told[-1] == "Redone: edit of the note on ¶2"
        assert shown_notes(app) == {1: ["first words"]}


async def test_tags_and_report_rename_are_undone(app_factory, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("t", *"growth, reform", "enter")
        await pilot.press("t", "down", "x", "enter")  # the dialog's list: remove the first tag
        assert [m.tag for m in app.session.tags(MODEL)] == ["reform"]
        await pilot.press("u")
        await pilot.pause()
        assert [m.tag for m in app.session.tags(MODEL)] == ["growth", "reform"]
        assert app.screen.query_one(DocumentView).marks[0].tags == ["growth", "reform"]
        await pilot.press("u")
        assert app.session.tags(MODEL) == ()
        await pilot.press("r", "ctrl+a", "ctrl+k", *"Housing push", "enter")
        assert "Housing push" in str(app.screen.query_one("#reader-heading").render())
        await pilot.press("u")
        await pilot.pause()
        assert told[-1] == f"Undone: the rename of {MODEL}"
        assert app.session.store.titles() == {}
        assert "Party group of the municipal government" in str(app.screen.query_one("#reader-heading").render())


async def test_brief_changes_and_a_brief_deletion_are_undone(app_factory, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("b", "j", "b", "ctrl+b")
        assert isinstance(app.screen, BriefScreen)
        kinds = lambda: [(i.kind, i.paragraph, i.text[:6]) for i in app.screen.items]  # noqa: E731
        start = kinds()
        await pilot.press("h", *"Growth", "enter")   # after the first item
        await pilot.press("e", "ctrl+a", "ctrl+k", *"Jobs", "enter")
        await pilot.press("down", "K", "x")
        assert [k for k, _p, _t in kinds()] == ["quote", "heading"]  # the second quote removed
        for _ in range(3):
            await pilot.press("u")
        await pilot.pause()
        assert kinds() == [start[0], ("heading", 0, "Growth"), start[1]]
        await pilot.press("u")
        assert kinds() == start
        await pilot.press("D", "y")
        assert app.session.brief_names() == ()
        await pilot.press("u")
        await pilot.pause()
        assert told[-1] == "Undone: deletion of the brief “Brief”"
        assert kinds() == start


async def test_tag_browser_merge_and_delete_are_undone(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("t", *"grow", "enter", "j", "t", *"growth", "enter")
        await pilot.press("T")
        await settle_until(pilot, lambda: app.screen.counts)  # r renames the highlighted tag: once listed
        await pilot.press("r", "ctrl+a", "ctrl+k", *"growth", "enter", "y")
        assert app.session.tag_counts() == {"growth": 2}
        await pilot.press("d", "y")
        assert app.session.tag_counts() == {}
        await pilot.press("u")
        await pilot.pause()
        assert app.session.tag_counts() == {"growth": 2}
        await pilot.press("u")
        await pilot.pause()
        assert app.session.tag_counts() == {"grow": 1, "growth": 1}
        assert app.screen.counts == {"grow": 1, "growth": 1}  # the browser shows it


async def test_undo_never_takes_back_another_windows_work(app_factory, store_dir, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("n", *"mine", "ctrl+s")
        other = Store.open(store_dir)  # another window
        other.update_note(other.notes(MODEL)[0].id, "theirs")
        await pilot.press("u")
        assert told[-1] == "Not undone: new note on ¶1 — the note has changed since (in another window, or its report file changed)"
        assert [n.text for n in app.session.notes(MODEL)] == ["theirs"]


async def test_fifty_steps_back(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        for number in range(55):
            await pilot.press("n", str(number % 10), "ctrl+s")
        assert len(app.session.notes(MODEL)) == 55
        await pilot.press(*["u"] * 52)
        await pilot.pause()
        assert len(app.session.notes(MODEL)) == 3


# -- defect 5 and issue 11: a failed save keeps the text ----------------------------------

async def test_a_failed_save_keeps_the_editor_open_with_the_text(app_factory, monkeypatch, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)

        def disk_full(*args, **kwargs):
            raise StoreError("could not save notes: No space left on device")

        with monkeypatch.context() as patch:
            patch.setattr(app.session.store, "add_note", disk_full)
            await pilot.press("n", *"precious words", "ctrl+s")
            assert told[-1].startswith("Not saved: could not save notes")
            assert type(app.screen).__name__ == "NoteEditor"
            assert app.screen.query_one("TextArea").text == "precious words"
        await pilot.press("ctrl+s")  # space again: the same words are saved
        assert [n.text for n in app.session.notes(MODEL)] == ["precious words"]
        assert type(app.screen).__name__ == "ReaderScreen"


async def test_an_edit_of_a_note_deleted_in_another_window_is_saved_as_a_new_note(app_factory, store_dir, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "n", *"draft", "ctrl+s")
        await pilot.press("e")
        Store.open(store_dir).delete_note(app.session.notes(MODEL)[0].id)  # another window
        await pilot.press(*" and more", "ctrl+s")
        assert "saved as a new note" in told[-1]
        assert [(n.paragraph, n.text) for n in app.session.notes(MODEL)] == [(2, "draft and more")]


# -- defect 6: a new empty brief is saved ---------------------------------------------------

async def test_a_new_empty_brief_survives_a_restart_and_is_counted(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        await pilot.press("ctrl+b", "N", *"Trade", "enter")
        assert "1 brief(s)" in str(app.screen.query_one("#brief-heading").render())
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        assert app.session.brief_names() == ("Trade",)
        await pilot.press("ctrl+b", "N", *"Housing", "enter")
        assert "2 brief(s)" in str(app.screen.query_one("#brief-heading").render())


async def test_a_rename_in_the_library_is_undone_and_shown(app_factory, told):
    from minutesreader.widgets.report_table import ReportTable

    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        table = app.screen.query_one(ReportTable)
        report = table.current.id
        await pilot.press("r", "ctrl+a", "ctrl+k", *"Zebra minutes", "enter")
        assert app.session.listing.summaries[report].title == "Zebra minutes"
        await pilot.press("u")
        await pilot.pause()
        assert told[-1] == f"Undone: the rename of {report}"
        assert app.session.listing.summaries[report].title != "Zebra minutes"
        assert all("Zebra" not in table.render_line(y + 1).text for y in range(len(table.rows)))
        await pilot.press("U")
        await pilot.pause()
        assert any("Zebra minutes" in table.render_line(y + 1).text for y in range(len(table.rows)))


async def test_u_does_nothing_behind_an_open_question(app_factory):
    """A modal dialog hides the app's bindings: undo must stay a plain binding, not a priority one."""
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("n", *"keep me", "ctrl+s", "x")  # "Delete this note?" is open
        await pilot.press("u")
        assert [n.text for n in app.session.notes(MODEL)] == ["keep me"]
        assert type(app.screen).__name__ == "ConfirmDialog"


async def test_a_brief_comment_that_cannot_be_saved_stays_in_its_editor(app_factory, monkeypatch):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        await pilot.press("ctrl+b")

        def disk_full(*args, **kwargs):
            raise StoreError("could not save briefs: No space left on device")

        with monkeypatch.context() as patch:
            patch.setattr(app.session.store.briefs, "save", disk_full)
            await pilot.press("m", *"a long thought", "ctrl+s")
            assert type(app.screen).__name__ == "NoteEditor"
            assert app.screen.query_one("TextArea").text == "a long thought"
        await pilot.press("ctrl+s")
        assert [i.text for i in app.screen.items] == ["a long thought"]


async def test_a_brief_rename_is_undone_and_b_follows_the_name(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("b", "ctrl+b", "R", "ctrl+a", "ctrl+k", *"Housing", "enter")
        assert app.session.brief_names() == ("Housing",) and app.session.current_brief == "Housing"
        await pilot.press("u")
        await pilot.pause()
        assert app.session.brief_names() == ("Brief",) and app.session.current_brief == "Brief"
        assert len(app.screen.items) == 1
        await pilot.press("U")
        await pilot.pause()
        assert app.session.brief_names() == ("Housing",) and app.session.current_brief == "Housing"
