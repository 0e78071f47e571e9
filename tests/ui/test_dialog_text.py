"""Choosers and prompts show their text whole, or cut at a word end with an ellipsis (issue 9, defect 17)."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widgets import Label, OptionList

from minutesreader.dialogs.choose import ChooseDialog, ConfirmDialog
from tests.ui.conftest import open_model, paragraph_text, settle

MODEL = "000_9d62e18ffa0ab910"


async def test_the_merge_question_is_shown_whole_on_a_narrow_terminal(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_model(pilot)
        await pilot.press("t", *"growth", "enter", "j", "t", *"economy", "enter", "T")
        await settle(pilot)
        await pilot.press("r", "ctrl+u", *"growth", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        box = app.screen.query_one(Vertical).content_region
        for label in app.screen.query(Label):
            text = str(label.render())
            assert label.region.right <= box.right  # nothing runs past the dialog's edge
            assert label.size.width * label.size.height >= len(text)  # wrapped, every word shown
        assert any(str(label.render()).endswith("paragraphs with both keep one.") for label in app.screen.query(Label))


async def test_which_note_chooser_cuts_long_notes_at_a_word_end(app_factory, library):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        quote = paragraph_text(library, MODEL, 1)
        long_note = "Compare with the provincial targets announced in March " * 3
        app.session.store.add_note(MODEL, 1, quote, long_note)
        app.session.store.add_note(MODEL, 1, quote, "second")
        await open_model(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ChooseDialog)
        labels = [str(app.screen.query_one(OptionList).get_option_at_index(i).prompt) for i in range(2)]
        cut = next(label for label in labels if label.startswith("Compare"))
        assert cut.endswith("…")
        assert cut[:-1].split()[-1] in long_note.split()  # the last word shown is a whole word
