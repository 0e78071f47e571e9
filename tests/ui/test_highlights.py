"""`m` keeps a selection as a highlight (issue 13): shown in the text, deletable, undoable."""

from __future__ import annotations

from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import open_model

MODEL = "000_9d62e18ffa0ab910"


def highlighted_words(app) -> str:
    """The words drawn in the highlight's style on screen, as the user sees them."""
    document = app.screen.query_one(DocumentView)
    colour = document.category_style("highlight").bgcolor
    words = []
    for y in range(document.scrollable_content_region.height):
        words += [segment.text for segment in document.render_line(y) if segment.style and segment.style.bgcolor == colour]
    return "".join(words)


async def test_m_keeps_the_selection_as_a_highlight_shown_in_the_text(app_factory, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "l", "v", "l", "l", "l", "m")
        await pilot.pause()
        [kept] = app.session.store.highlights(MODEL)
        assert (kept.paragraph, kept.quote) == (2, "We must accurately grasp")
        assert told[-1] == "Highlighted “We must accurately grasp” (¶2) (x deletes it, u undoes)"
        assert highlighted_words(app) == "We must accurately grasp"
        # The selection ended: l is the next sentence again, and the words stay highlighted.
        assert app.screen.selection is None and app.screen.query_one(DocumentView).hits == {}
        await pilot.press("v", "l", "l", "l", "m")
        assert told[-1] == "“We must accurately grasp” (¶2) is already a highlight (x deletes it)"
        assert len(app.session.store.highlights(MODEL)) == 1


async def test_a_highlight_is_deleted_with_x_and_the_deletion_undone(app_factory, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "l", "v", "l", "m", "x")
        await pilot.pause()
        assert str(app.screen.query_one("Label").render()) == "Delete this highlight?"
        await pilot.press("y")
        await pilot.pause()
        assert app.session.store.highlights(MODEL) == [] and highlighted_words(app) == ""
        await pilot.press("u")
        await pilot.pause()
        assert told[-1] == "Undone: deleted highlight on ¶2"
        assert [h.quote for h in app.session.store.highlights(MODEL)] == ["We must"] and highlighted_words(app) == "We must"
        await pilot.press("u")
        await pilot.pause()
        assert told[-1] == "Undone: highlight of “We must” (¶2)" and app.session.store.highlights(MODEL) == []


async def test_with_a_note_and_a_highlight_x_asks_which(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "n", *"mine", "ctrl+s", "l", "v", "m", "x")
        await pilot.pause()
        assert str(app.screen.query_one("Label").render()) == "Which to delete?"
        await pilot.press("down", "enter", "y")
        await pilot.pause()
        assert app.session.store.highlights(MODEL) == [] and [n.text for n in app.session.store.notes(MODEL)] == ["mine"]


async def test_the_notes_view_lists_highlights_and_opens_the_report_at_one(app_factory):
    from minutesreader.screens.notes import NotesScreen
    from minutesreader.screens.reader import ReaderScreen

    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "j", "v", "l", "l", "m", "k", "k", "n", *"a thought", "ctrl+s")
        await pilot.press("A")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        kept = app.session.store.highlights(MODEL)[0]
        assert [getattr(n, "text", None) or n.quote for n in app.screen.shown] == ["a thought", kept.quote]
        await pilot.press(*kept.quote)  # the words of the highlight find it
        assert app.screen.shown == [kept]
        await pilot.press("enter", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.query_one(DocumentView).paragraph == 2
        assert highlighted_words(app) == kept.quote


async def test_a_highlight_that_cannot_be_saved_keeps_the_selection_to_try_again(app_factory, monkeypatch, told):
    from minutesreader.storage.model import StoreError

    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)

        def disk_full(*args, **kwargs):
            raise StoreError("could not save notes: No space left on device")

        with monkeypatch.context() as patch:
            patch.setattr(app.session.store, "add_highlight", disk_full)
            await pilot.press("j", "l", "v", "l", "m")
            assert told[-1].startswith("Not saved: could not save notes")
            assert app.screen.selection is not None
        await pilot.press("m")  # space again: the same words are kept
        assert [h.quote for h in app.session.store.highlights(MODEL)] == ["We must"] and app.screen.selection is None
