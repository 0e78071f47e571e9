"""`v` selects any span of a paragraph, word by word (issue 13)."""

from __future__ import annotations

from tests.ui.conftest import open_model

CITATION = " — Party group of the municipal government: enlarged meeting, 2023-05-06, ¶2"


async def test_v_and_three_l_copy_exactly_four_words_with_the_citation(app_factory, system_clipboard):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "l", "v", "l", "l", "l", "c")
        assert app.clipboard == "“We must accurately grasp”" + CITATION


async def test_the_start_moves_the_end_shrinks_and_escape_gives_the_keys_back(app_factory, system_clipboard):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "l", "v", *"llll", "h", "L", "c")
        assert app.clipboard == "“must accurately grasp”" + CITATION
        await pilot.press("H", "H", "c")  # the start may go back into the sentence before
        assert app.clipboard == "“work. We must accurately grasp”" + CITATION
        await pilot.press("b")
        assert app.session.brief().items[-1].text == "work. We must accurately grasp"
        await pilot.press("escape", "l", "c")  # no selection: l and c are the sentence keys again
        assert app.clipboard.startswith("“It is necessary to speed up the construction")
        assert app.screen.query_one("DocumentView").hits == {}


async def test_while_selecting_escape_says_it_ends_the_selection(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.active_bindings["escape"].binding.description == "Selecting: end the selection"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.active_bindings["escape"].binding.description == "Library"


async def test_help_lists_the_selection_and_details_keys(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("question_mark")
        keys = dict(app.screen.keys)
        assert keys["v"] == "Select words (then l/h, L/H, c, b, m, n, t, Esc)" and keys["i"] == "Details"
        await pilot.press("escape", "v", "question_mark")
        described = [description for _, description in app.screen.keys]
        assert {"Selecting: one word more at the end", "Selecting: copy it as a quote", "Selecting: keep it as a highlight",
                "Selecting: a note on it", "Selecting: tags on it"} <= set(described)


async def test_a_selection_typed_in_one_burst_copies_the_same_words(app_factory, system_clipboard):
    """The keys arrive before any is handled (a fast typist): `l` after `v` grows the selection,
    it does not move the cursor sentence."""
    from tests.ui.conftest import burst

    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await burst(pilot, "jlvlllc")
        assert app.clipboard == "“We must accurately grasp”" + CITATION


async def test_a_mouse_click_in_the_text_leaves_the_selection_keys_working(app_factory, system_clipboard):
    """Textual's own mouse selection state lives on the screen: the reader's word
    selection must not share its name (a click once broke `v`)."""
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.click("DocumentView", offset=(20, 5))
        await pilot.pause()
        await pilot.press("j", "l", "v", "l", "c")
        assert app.clipboard == "“We must”" + CITATION
