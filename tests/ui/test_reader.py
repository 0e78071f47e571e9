"""The reader: cursor, notes, tags and quotes, as the user meets them."""

from __future__ import annotations

from textual.widgets import Label

from minutesreader.dialogs.note_editor import NoteEditor
from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import open_model, wait_until

MODEL = "000_9d62e18ffa0ab910"


def document(app) -> DocumentView:
    return app.screen.query_one(DocumentView)


async def test_cursor_moves_by_paragraph_and_sentence(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        view = document(app)
        assert (view.paragraph, view.sentence) == (0, 0)
        await pilot.press("j", "l", "l")
        assert (view.paragraph, view.sentence) == (1, 2)
        assert view.current_sentence.text.startswith("It is necessary to speed up")
        await pilot.press("h", "down", "up", "k")
        assert (view.paragraph, view.sentence) == (0, 0)
        # Past the last sentence of a paragraph, right goes on to the next paragraph.
        await pilot.press("l", "l")
        assert (view.paragraph, view.sentence) == (1, 0)


async def test_directives_are_highlighted_with_their_trigger(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        view = document(app)
        second = view.analysis[1]
        assert [s.directive.category if s.directive else None for s in second] == [
            None, "obligation", "obligation", "task", "obligation", "obligation", "obligation"]
        legend = str(app.screen.query_one("#legend").render())
        assert "obligation 8" in legend and "call 0" in legend and "task 1" in legend


async def test_copy_sentence_and_paragraph_as_quotes_with_source(app_factory, system_clipboard):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("j", "l", "c")
        expected = ("“We must accurately grasp the current situation, closely follow the primary task of "
                    "high-quality development, and make every effort to promote the effective improvement of "
                    "the economy and the reasonable growth of the quantity.” — Party group of the municipal "
                    "government: enlarged meeting, 2023-05-06, ¶2")
        assert app.clipboard == expected
        assert system_clipboard.copied == [expected]
        await pilot.press("j", "C")
        assert app.clipboard.startswith("“The meeting emphasized that General Secretary")
        assert app.clipboard.endswith("help enterprises develop healthily.” — Party group of the municipal government: enlarged meeting, 2023-05-06, ¶3")


async def test_copy_without_a_system_clipboard_warns_and_still_sends_osc52(app_factory, system_clipboard, told):
    system_clipboard.available = False
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("c")
        assert app.clipboard.startswith("“On the morning of May 5")
        assert any("no system clipboard" in m for m in told)


async def test_add_edit_delete_note_and_find_it_after_restart(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("j", "n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Growth first [bold]not markup[/bold]", "ctrl+s")
        notes = app.session.notes(MODEL)
        assert [(n.paragraph, n.text) for n in notes] == [(2, "Growth first [bold]not markup[/bold]")]
        view = document(app)
        assert view.marks[1].notes[0][1] == "Growth first [bold]not markup[/bold]"
        # Edit it: the editor opens with the text; the change is saved.
        await pilot.press("e", "f7", "backspace")  # f7: select all in the editor
        await pilot.press(*"Growth first, edited", "ctrl+s")
        assert [n.text for n in app.session.notes(MODEL)] == ["Growth first, edited"]
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        view = document(app)
        assert view.marks[1].notes[0][1] == "Growth first, edited"
        await pilot.press("j", "x", "y")
        assert app.session.notes(MODEL) == ()
        assert 1 not in view.marks


async def test_escape_cancels_a_note(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("n", "escape")  # nothing typed: closes at once
        assert type(app.screen).__name__ == "ReaderScreen"
        await pilot.press("n", *"never mind", "escape")
        assert app.session.notes(MODEL) == ()


async def test_typed_text_is_not_lost_to_a_single_escape(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("n", *"half a thought", "escape")
        assert type(app.screen).__name__ == "NoteEditor"  # still open, with the text
        hint = str(app.screen.query_one(".hint", Label).render())
        assert "Escape again" in hint
        await pilot.press(*" more", "ctrl+s")
        assert [note.text for note in app.session.notes(MODEL)] == ["half a thought more"]
        await pilot.press("e", *" changed", "escape", "escape")  # asked, then discarded
        assert type(app.screen).__name__ == "ReaderScreen"
        assert [note.text for note in app.session.notes(MODEL)] == ["half a thought more"]


async def test_text_typed_after_the_question_is_asked_about_again(app_factory):
    """Escape asked, then the user typed on: the next Escape threw the new words away unasked."""
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("n", *"growth note", "escape", *" more", "escape")
        assert type(app.screen).__name__ == "NoteEditor"
        assert "Escape again" in str(app.screen.query_one(".hint", Label).render())
        await pilot.press("ctrl+s")
        assert [note.text for note in app.session.notes(MODEL)] == ["growth note more"]


async def test_tags_added_completed_and_removed(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("j", "t", *"growth, investment", "enter")
        assert sorted(m.tag for m in app.session.tags(MODEL)) == ["growth", "investment"]
        # On another paragraph, an existing tag completes from its first letters.
        await pilot.press("j", "t", *"inv", "right", "enter")
        assert [(m.paragraph, m.tag) for m in app.session.tags(MODEL) if m.paragraph == 3] == [(3, "investment")]
        # Removing a tag: its own act, in the list of the paragraph's tags.
        await pilot.press("k", "t", "down", "down", "x", "enter")
        assert sorted((m.paragraph, m.tag) for m in app.session.tags(MODEL)) == [(2, "growth"), (3, "investment")]
        assert document(app).marks[1].tags == ["growth"]


async def test_outline_lists_directives_and_jumps(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("o")
        outline = app.screen.query_one("#outline-list")
        assert outline.option_count == 9
        await pilot.press("down", "down", "down", "enter")
        view = document(app)
        assert (view.paragraph, view.sentence) == (1, 3)  # the third directive: "To strengthen ..."
        assert view.has_focus


async def test_help_lists_the_keys(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("question_mark")
        keys = dict(app.screen.keys)
        assert keys["n"] == "Note" and keys["c"] == "Copy sentence" and keys["C"] == "Copy ¶"
        await pilot.press("escape")
        assert isinstance(app.screen.query_one(DocumentView), DocumentView)


async def test_command_palette_offers_the_screen_actions(app_factory):
    from textual.command import CommandPalette

    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Note", "Tags", "Copy sentence", "Copy ¶", "Outline", "Library", "Rename", "Delete note or highlight"} <= titles
        await pilot.press("ctrl+p", *"copy sentence")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        assert app.clipboard.startswith("“On the morning of May 5")


async def test_notes_saved_by_another_window_appear(app_factory, library, store_dir):
    from minutesreader.storage.store import Store

    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        other = Store.open(store_dir)  # a second window on the same store
        other.add_note(MODEL, 3, app.screen.report.paragraphs[2].text, "from the other window")
        # No key pressed: the app's watcher notices the other window's save.
        await wait_until(pilot, lambda: 2 in document(app).marks)
        assert document(app).marks[2].notes[0][1] == "from the other window"
        # And this window's save keeps the other's note.
        await pilot.press("n", *"mine", "ctrl+s")
        assert sorted(n.text for n in Store.open(store_dir).notes(MODEL)) == ["from the other window", "mine"]


async def test_a_save_by_another_window_during_our_own_save_still_appears(app_factory, store_dir, monkeypatch):
    """Defect 7: two windows saving at once; the second window showed only one note."""
    from minutesreader.storage.store import Store

    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        other = Store.open(store_dir)  # a second window on the same store
        anchor = app.session.store.anchor

        def anchor_then_other_window_saves(report, paragraphs):
            placed = anchor(report, paragraphs)
            if not other.notes(MODEL, include_orphans=True)[1:]:  # once: right after our read
                other.add_note(MODEL, 1, paragraphs[0], "theirs")
            return placed

        monkeypatch.setattr(app.session.store, "anchor", anchor_then_other_window_saves)
        await pilot.press("n", *"mine", "ctrl+s")
        await wait_until(pilot, lambda: len(document(app).marks[0].notes) == 2)
        assert sorted(text for _id, text in document(app).marks[0].notes) == ["mine", "theirs"]


async def test_lines_stop_at_the_reading_width_on_a_wide_terminal(app_factory):
    """Defect 19: at 200 columns lines ran to 190 characters."""
    app = app_factory()
    async with app.run_test(size=(200, 50)) as pilot:
        await open_model(pilot)
        view = document(app)
        lines = [view.render_line(y).text.rstrip() for y in range(40)]
        gutter = 9  # "▌●¶1     "
        assert max(len(line) for line in lines) <= gutter + 100
        assert max(len(line) for line in lines) > gutter + 90  # and uses that width


async def test_reading_width_comes_from_the_config(app_factory, private_user_dirs):
    config = private_user_dirs / "config" / "minutesreader"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("[reader]\nwidth = 60\n", encoding="utf-8")
    app = app_factory()
    async with app.run_test(size=(200, 50)) as pilot:
        await open_model(pilot)
        assert max(len(document(app).render_line(y).text.rstrip()) for y in range(40)) <= 9 + 60


async def test_curly_brackets_step_through_the_directives_in_reading_order(app_factory, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        view = document(app)
        directives = [(p, s) for p, sentences in enumerate(app.screen.analysis)
                      for s, sentence in enumerate(sentences) if sentence.directive is not None]
        assert len(directives) == 9
        visited = []
        for _ in directives:
            await pilot.press("right_curly_bracket")
            visited.append((view.paragraph, view.sentence))
        assert visited == directives
        # The status line names the directive the cursor is on.
        assert f"{view.current_sentence.directive.category}: “" in str(app.screen.query_one("#reader-status").render())
        told.clear()
        await pilot.press("right_curly_bracket")  # none after the last: said, and the cursor stays
        assert (view.paragraph, view.sentence) == directives[-1] and any("No directive after" in m for m in told)
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        assert (view.paragraph, view.sentence) == directives[-3]
