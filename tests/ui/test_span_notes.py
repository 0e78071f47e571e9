"""`n` and `t` on a selection put a note or tags on those words, not on the paragraph (issue 13)."""

from __future__ import annotations

from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import open_model, paragraph_text

MODEL = "000_9d62e18ffa0ab910"
WORDS = "We must accurately grasp"


def drawn_text(app) -> str:
    document = app.screen.query_one(DocumentView)
    return "\n".join(document.render_line(y).text for y in range(document.scrollable_content_region.height))


def underlined_words(app) -> str:
    document = app.screen.query_one(DocumentView)
    words = []
    for y in range(document.scrollable_content_region.height):
        words += [s.text for s in document.render_line(y) if s.style and s.style.underline and not s.style.bold]
    return "".join(words)


async def test_n_on_a_selection_keeps_the_words_and_shows_the_note_at_them(app_factory, library):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "l", "v", "l", "l", "l", "n", *"the key line", "ctrl+s")
        await pilot.pause()
        [note] = app.session.store.notes(MODEL)
        assert (note.paragraph, note.quote, note.text) == (2, WORDS, "the key line")
        assert paragraph_text(library, MODEL, 2)[note.start:note.start + len(WORDS)] == WORDS
        assert f"✎ “{WORDS}” — the key line" in drawn_text(app)
        # The words are underlined in the text ("must", a directive's trigger, is bold as well).
        assert underlined_words(app) == "We  accurately grasp"
        assert app.screen.selection is None  # saved: the selection ended


async def test_t_on_a_selection_tags_the_words_and_removes_only_their_tag(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "t", *"growth", "enter")  # the paragraph's own tag
        await pilot.press("l", "v", "l", "t", *"growth", "enter")
        await pilot.pause()
        assert sorted((m.tag, m.quote if m.start is not None else "¶") for m in app.session.store.tags(MODEL)) == \
            [("growth", "We must"), ("growth", "¶")]
        assert "#growth on “We must”" in drawn_text(app)
        await pilot.press("v", "l", "t")
        await pilot.pause()
        assert app.screen.current == ["growth"]  # the dialog shows the words' own tags
        await pilot.press("down", "x", "ctrl+s")
        await pilot.pause()
        assert [(m.tag, m.start) for m in app.session.store.tags(MODEL)] == [("growth", None)]
