"""Hostile text reaches the screen as text: no markup interpreted, no escape sequence passed on."""

from __future__ import annotations

import shutil

from minutesreader.cli import main
from minutesreader.screens.library import LibraryScreen
from minutesreader.widgets.document import DocumentView
from minutesreader.widgets.report_table import ReportTable
from tests.conftest import MODEL_READOUT
from tests.ui.conftest import settle_until, wait_for_scan
from tests.unit.test_bad_reports import bad_library


def screen_text(view: DocumentView) -> str:
    """Every line the document would draw, as the terminal would get it."""
    lines = []
    for index in range(len(view.report.paragraphs)):
        for strip in view._render_block(index):
            lines.append("".join(segment.text for segment in strip))
    return "\n".join(lines)


async def open_report(pilot, report_id: str) -> DocumentView:
    await wait_for_scan(pilot)
    table = pilot.app.screen.query_one(ReportTable)
    table.select_id(report_id)
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return pilot.app.screen.query_one(DocumentView)


async def test_library_of_bad_files_lists_them_all(app_factory, tmp_path, told):
    folder = bad_library(tmp_path / "bad")
    app = app_factory(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        rows = pilot.app.screen.query_one(ReportTable).rows
        assert len(rows) == 14
        status = str(pilot.app.screen.query_one("#library-status").render())
        assert "6 cannot be read" in status
        # Opening an unreadable one says why and stays in the library.
        pilot.app.screen.query_one(ReportTable).select_id("image")
        await pilot.press("enter")
        await settle_until(pilot, lambda: isinstance(pilot.app.screen, LibraryScreen))  # back, once the reader found out
        assert any("image cannot be read: binary data" in message for message in told)
        assert isinstance(pilot.app.screen, LibraryScreen)


async def test_markup_in_a_report_is_shown_literally(app_factory, tmp_path):
    folder = bad_library(tmp_path / "bad")
    app = app_factory(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_report(pilot, "markup")
        text = screen_text(view)
        assert "[bold red]Loud[/] and [link=file:///etc/passwd]a link[/link]." in text
        assert all(segment.style is None or segment.style.link is None for segment in view.render_line(0))


async def test_escape_sequences_in_reports_and_notes_never_reach_the_screen(app_factory, tmp_path, store_dir, capsys):
    folder = bad_library(tmp_path / "bad")
    assert main(["note", "ansi", "1", "note \x1b]52;c;ZXZpbA==\x07with \x1b[31mcolour", "--library", str(folder),
                 "--db", str(store_dir)]) == 0
    app = app_factory(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_report(pilot, "ansi")
        text = screen_text(view)
        assert "Red alert. Title change. Clipboard write." in text
        assert "✎ note with colour" in text
        assert "\x1b" not in text and "\x07" not in text


async def test_a_large_report_opens_with_progress_and_the_screen_keeps_answering(app_factory, tmp_path, monkeypatch):
    import threading

    import minutesreader.core.analysis as analysis_module
    import minutesreader.screens.reader as reader_module

    folder = tmp_path / "big"
    folder.mkdir()
    shutil.copy(MODEL_READOUT, folder)
    paragraph = MODEL_READOUT.read_text(encoding="utf-8").split("\n\n")[1]
    (folder / "huge.txt").write_text("\n\n".join([paragraph] * 3000), encoding="utf-8")  # ~4.5 MB
    # Hold the worker while it reads, then halfway through finding directives, so the
    # test sees the screen at both moments.
    reading, read = threading.Event(), threading.Event()
    halfway, release = threading.Event(), threading.Event()
    # Over 1 MB a report is read in parts (read_in_parts), its first part shown at once.
    real_read, real_analyze = reader_module.read_in_parts, analysis_module.analyze_paragraph

    def read_in_parts(path, **options):
        reading.set()
        read.wait(10)
        return real_read(path, **options)

    def analyze(paragraph, classifier, *lead_in):
        if paragraph.number == 1500:
            halfway.set()
            release.wait(10)
        return real_analyze(paragraph, classifier, *lead_in)

    monkeypatch.setattr(reader_module, "read_in_parts", read_in_parts)
    monkeypatch.setattr(analysis_module, "analyze_paragraph", analyze)
    app = app_factory(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        pilot.app.screen.query_one(ReportTable).select_id("huge")
        await pilot.press("enter")
        assert reading.wait(10)
        await pilot.pause()
        screen = pilot.app.screen
        assert screen.query_one("#reader-heading").render().plain.startswith("Opening huge…")
        assert screen.query_one("#opening").display
        await pilot.press("question_mark")  # the UI answers keys while the worker runs
        assert type(pilot.app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        read.set()
        assert halfway.wait(10)
        await pilot.pause()
        # Readable before every directive is found: the top is drawn, the cursor moves.
        view = screen.query_one(DocumentView)
        assert len(view.report.paragraphs) == 3000
        assert not screen.query_one("#opening").display
        assert screen.query_one("#legend").render().plain.startswith("Finding directives…")
        await pilot.press("j", "l")
        assert (view.paragraph, view.sentence) == (1, 1)
        assert view.current_sentence.directive.category == "obligation"
        release.set()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        legend = screen.query_one("#legend").render().plain
        assert "obligation 15000" in legend and "task 3000" in legend  # 5 and 1 in each copy of ¶2
        await pilot.press("G")
        assert view.paragraph == 2999


async def test_leaving_while_directives_are_found_is_safe(app_factory, tmp_path, monkeypatch):
    """The worker's last progress report arrives after the reader closed: no crash."""
    import threading

    import minutesreader.core.analysis as analysis_module

    folder = tmp_path / "lib"
    folder.mkdir()
    paragraph = MODEL_READOUT.read_text(encoding="utf-8").split("\n\n")[1]
    (folder / "long.txt").write_text("\n\n".join([paragraph] * 200), encoding="utf-8")
    halfway, release = threading.Event(), threading.Event()
    real = analysis_module.analyze_paragraph

    def analyze(paragraph, classifier, *lead_in):
        if paragraph.number == 150:
            halfway.set()
            release.wait(10)
        return real(paragraph, classifier, *lead_in)

    monkeypatch.setattr(analysis_module, "analyze_paragraph", analyze)
    app = app_factory(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        await pilot.press("enter")
        assert halfway.wait(10)
        reader = pilot.app.screen
        await pilot.press("escape")
        from minutesreader.screens.reader_messages import DirectivesFound, DirectivesProgress

        reader.post_message(DirectivesProgress(150, 200))  # as the worker would, after the screen went away
        reader.post_message(DirectivesFound())
        release.set()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "LibraryScreen"
