"""From reading to a brief: search, find, tags, notes view, the brief basket."""

from __future__ import annotations

from textual.widgets import Label

from minutesreader.screens.brief import BriefScreen
from minutesreader.screens.notes import NotesScreen
from minutesreader.screens.reader import ReaderScreen
from minutesreader.screens.search import SearchScreen
from minutesreader.screens.tags import TagsScreen
from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import open_model, settle_until, wait_for_scan

MODEL = "000_9d62e18ffa0ab910"


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_search_the_library_and_open_at_the_hit(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, SearchScreen)
        await settle(pilot)  # the index is built
        await pilot.press(*'"bulk consumer goods"')
        await settle(pilot)
        hits = app.screen.hits
        assert [(h.report, h.paragraph, h.kind) for h in hits] == [(MODEL, 2, "report")]
        assert [hits[0].snippet[s:e] for s, e in hits[0].spans] == ["bulk consumer goods"]
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(DocumentView)
        assert view.paragraph == 1
        assert view.current_sentence.text.startswith("It is necessary to vigorously boost consumption")
        assert view.hits == {1: [(view.current_sentence.start + view.current_sentence.text.index("bulk"),
                                  view.current_sentence.start + view.current_sentence.text.index("bulk") + len("bulk consumer goods"))]}


async def test_search_finds_notes_too(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "j", "n", *"zebra crossing idea", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape", "s", *"zebra")
        await settle(pilot)
        assert [(h.kind, h.paragraph) for h in app.screen.hits] == [("note", 3)]


async def test_find_in_report_steps_through_hits_with_a_count(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("slash", *"necessary", "enter")
        view = app.screen.query_one(DocumentView)
        status = str(app.screen.query_one("#reader-status").render())
        assert "hit 1/7" in status
        assert (view.paragraph, view.sentence) == (1, 2)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert "hit 3/7" in str(app.screen.query_one("#reader-status").render())
        assert (view.paragraph, view.sentence) == (1, 5)
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        assert "hit 7/7" in str(app.screen.query_one("#reader-status").render())
        assert view.paragraph == 2
        # n is still the note key.
        await pilot.press("n")
        assert type(app.screen).__name__ == "NoteEditor"


async def test_tag_browser_lists_opens_renames_merges_and_deletes(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "t", *"growth", "enter", "j", "t", *"reform, growth", "enter", "j", "t", *"grow", "enter")
        await pilot.press("T")
        assert isinstance(app.screen, TagsScreen)
        screen = app.screen
        await settle_until(pilot, lambda: screen.marks)
        assert screen.counts == {"grow": 1, "growth": 2, "reform": 1}
        await pilot.press("down")  # growth
        await settle_until(pilot, lambda: len(screen.marks) == 2)
        assert [(m.report, m.paragraph) for m in screen.marks] == [(MODEL, 3), (MODEL, 2)]
        await pilot.press("enter", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.query_one(DocumentView).paragraph == 1
        await pilot.press("T")
        await settle_until(pilot, lambda: app.screen.counts == {"grow": 1, "growth": 2, "reform": 1})
        # Merge "grow" into "growth": asks first, with counts.
        await pilot.press("r", "ctrl+a", "ctrl+k", *"growth", "enter")
        assert "Merge #grow into #growth" in str(app.screen.query_one("Label").render())
        await pilot.press("y")
        assert app.session.tag_counts() == {"growth": 3, "reform": 1}
        # Delete asks, and "n" keeps it.
        await pilot.press("d", "n")
        assert app.session.tag_counts() == {"growth": 3, "reform": 1}
        await pilot.press("d", "y")
        assert app.session.tag_counts() == {"reform": 1}


async def test_notes_view_filters_and_opens_at_the_note(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("n", *"first thought", "ctrl+s", "j", "j", "n", *"second thought", "ctrl+s")
        await pilot.press("A")
        assert isinstance(app.screen, NotesScreen)
        await settle(pilot)
        assert [n.text for n in app.screen.shown] == ["second thought", "first thought"]  # newest first
        await pilot.press(*"first")
        assert [n.text for n in app.screen.shown] == ["first thought"]
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.query_one(DocumentView).paragraph == 0


async def test_notes_view_filter_matches_the_tags_of_the_notes_paragraph(app_factory):
    """Defect 17: a note on a paragraph tagged #housing was not found by "housing"."""
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("n", *"first thought", "ctrl+s", "t", *"housing", "enter")
        await pilot.press("j", "n", *"second thought", "ctrl+s")
        await pilot.press("A")
        await settle(pilot)
        await pilot.press(*"housing")
        assert [n.text for n in app.screen.shown] == ["first thought"]


async def test_notes_view_filter_finds_a_tag_written_as_it_is_shown(app_factory):
    """`#housing`, as tags are shown, found nothing; it finds the tagged paragraph's note,
    not a note that only says "housing"."""
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("n", *"first thought", "ctrl+s", "t", *"#housing", "enter")
        await pilot.press("j", "n", *"housing costs", "ctrl+s")
        await pilot.press("A")
        await settle(pilot)
        await pilot.press(*"#housing")
        assert [n.text for n in app.screen.shown] == ["first thought"]
        assert app.session.tag_counts() == {"housing": 1}


async def test_brief_basket_gathers_orders_exports_and_survives_a_restart(app_factory, tmp_path, system_clipboard):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "l", "b")           # "We must accurately grasp ..."
        await pilot.press("j", "B")                # all of ¶3
        await pilot.press("ctrl+b")
        assert isinstance(app.screen, BriefScreen)
        items = app.screen.items
        assert [(i.kind, i.paragraph) for i in items] == [("quote", 2), ("quote", 3)]
        assert items[0].text.startswith("We must accurately grasp")
        await pilot.press("down", "K")             # the ¶3 quote moves up
        assert [i.paragraph for i in app.screen.items] == [3, 2]
        await pilot.press("h", *"Growth", "enter")  # a heading after the selected item
        await pilot.press("home", "m")
        # The comment dialog speaks of a comment (it said "an emptied note is deleted").
        assert "an emptied comment is deleted" in str(app.screen.query_one(".hint", Label).render())
        await pilot.press(*"Compare with April.", "ctrl+s")
        assert [i.kind for i in app.screen.items] == ["quote", "comment", "heading", "quote"]
        await pilot.press("down", "x")
        assert [i.kind for i in app.screen.items] == ["quote", "comment", "quote"]
        out = tmp_path / "brief.md"
        await pilot.press("w", "ctrl+a", "ctrl+k", *str(out), "enter")
        markdown = out.read_text(encoding="utf-8")
        assert markdown.startswith("# Brief\n")
        assert "> The meeting emphasized that" in markdown and "Compare with April." in markdown
        assert "[^1]: Party group of the municipal government: enlarged meeting, 2023-05-06, ¶3" in markdown
        assert MODEL in markdown
        # Export again: asks before replacing.
        await pilot.press("w", "enter")
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")
        await pilot.press("y")
        assert app.clipboard == markdown == system_clipboard.copied[-1]
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        await pilot.press("ctrl+b")
        assert [i.kind for i in app.screen.items] == ["quote", "comment", "quote"]
        # Several named briefs.
        await pilot.press("N", *"Trade", "enter")
        assert app.session.current_brief == "Trade" and app.screen.items == []


async def test_citation_template_from_config_is_used_by_every_copy(app_factory, private_user_dirs, tmp_path):
    config = private_user_dirs / "config" / "minutesreader"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('[citation]\ntemplate = "{quote} ({title}, {date}, para. {paragraph}, {report})"\n',
                                        encoding="utf-8")
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "l", "c")
        assert app.clipboard.endswith("quantity. (Party group of the municipal government: enlarged meeting, 2023-05-06, para. 2, "
                                      "000_9d62e18ffa0ab910)")


async def test_a_report_opened_at_a_paragraph_shows_that_paragraph(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        app.open_report("049_73e9958d0c926e56", paragraph=40)
        # The report is read in a worker, then laid out, then scrolled to the cursor: wait
        # for the paragraph to be drawn (a loaded machine takes more rounds), not for a fixed time.
        def shown() -> str:
            if not app.screen.query(DocumentView):
                return ""
            view = app.screen.query_one(DocumentView)
            return "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))

        await settle_until(pilot, lambda: "¶40 " in shown(), rounds=200)
        assert app.screen.query_one(DocumentView).paragraph == 39  # and the cursor is on it


async def test_the_tag_browser_reads_the_store_off_the_ui_thread(app_factory, monkeypatch):
    # A highlight used to read every shard on the UI thread (~340 ms at 100,000 annotations).
    import threading

    app = app_factory()
    readers: list[str] = []
    real_tagged, real_counts = type(app.session.store).tagged, type(app.session.store).tag_counts

    def tagged(store, tag):
        readers.append(threading.current_thread().name)
        return real_tagged(store, tag)

    def tag_counts(store):
        readers.append(threading.current_thread().name)
        return real_counts(store)

    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("t", *"growth", "enter", "j", "t", *"reform", "enter")
        monkeypatch.setattr(type(app.session.store), "tagged", tagged)
        monkeypatch.setattr(type(app.session.store), "tag_counts", tag_counts)
        await pilot.press("T")
        screen = app.screen
        await settle_until(pilot, lambda: screen.marks)
        await pilot.press("down")
        await settle_until(pilot, lambda: screen.marks and screen.marks[0].tag == "reform")
        assert "#reform: 1 paragraph(s)" in str(screen.query_one("#tagged-title").render())
    assert readers and threading.main_thread().name not in readers
