"""The reader's part in comparing reports (issue 14): the series in the heading, `D` for
the redline against the previous report, `S` to name the report's series."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from minutesreader.dialogs.prompt import PromptDialog
from minutesreader.screens.reader_messages import SeriesFound

if TYPE_CHECKING:
    from minutesreader.session import Session

# Reports up to this size are compared ahead; the longest FOMC minutes are 63 KB.
PREPARE_BYTES = 1_000_000


class ReaderSeries:
    """Mixed into ReaderScreen: needs `self.app`, `self.report_id` and `self.report`."""

    app: Any
    report_id: str
    report: Any

    if TYPE_CHECKING:  # ReaderScreen's, from TypedApp

        @property
        def session(self) -> Session: ...

    def series_line(self) -> Text:
        """"Series: ← previous (date) · next (date) →", or that it stands alone."""
        from minutesreader.screens.compare import library_series, series_if_ready

        line = Text("Series: ", style="dim")
        series = series_if_ready(self.app)
        if series is None:  # worked out in a worker, then the heading is drawn again
            def work() -> None:
                library_series(self.app)
                self.post_message(SeriesFound())  # type: ignore[attr-defined]

            self.run_worker(work, thread=True, group="series", exclusive=True, exit_on_error=False)  # type: ignore[attr-defined]
            line.append("…", style="dim")
            return line
        previous, following = series.neighbours(self.report_id)
        if previous is None and following is None:
            line.append("no other report of this series (S names its series)", style="dim")
            return line
        line.append(f"← {previous.date or 'undated'} {previous.title}" if previous else "← first of the series", style="dim")
        line.append("  ·  ", style="dim")
        line.append(f"{following.date or 'undated'} {following.title} →" if following else "latest of the series →", style="dim")
        return line

    def prepare_comparison(self) -> None:
        """Compare with the previous report of the series while the user reads: `D` then
        shows it at once (an FOMC pair takes ~0.1 s of a busy machine's time). Started as
        soon as every paragraph is in, beside the search for directives: the comparison
        takes the reader's own analysis, each paragraph worked out once by whichever
        thread comes first."""
        from minutesreader.core.compare import work_out_words
        from minutesreader.core.compared_files import file_signature
        from minutesreader.screens.compare import compare_in_library, library_series

        analysed = (self.report, self.analysis)  # taken now: the worker must not read the screen's state

        first_paint = self._first_paint  # type: ignore[attr-defined]

        def work() -> None:
            first_paint.wait(1.0)  # the report is drawn first: the two would share the GIL
            previous, _ = library_series(self.app).neighbours(self.report_id)
            if previous is None:
                return
            try:
                paths = (self.session.report_path(previous.report), self.session.report_path(self.report_id))
                if any(file_signature(path)[0] > PREPARE_BYTES for path in paths):
                    return  # a 50 MB report is compared only when asked for
                _, _, changes = compare_in_library(self.app, previous.report, self.report_id, analysed)
                if self.app.screen is self:  # type: ignore[comparison-overlap]
                    work_out_words(changes)  # here, not while the redline draws its rows
                # else D came first: the redline works out the rows it draws, and this
                # would only compete with its first frame for the interpreter lock.
            except Exception:  # noqa: BLE001 - only a head start: D says what is wrong
                pass

        self.run_worker(  # type: ignore[attr-defined]
            work, thread=True, group="prepare-comparison", exclusive=True, exit_on_error=False)

    def action_compare(self) -> None:
        from minutesreader.screens.compare import (
            CompareScreen,
            choose_report_to_compare,
            library_series,
        )

        previous, _ = library_series(self.app).neighbours(self.report_id)
        # The reader's own report and analysis (done or under way): not read and analysed again.
        analysed = (self.report, self.analysis) if self.report is not None and self._complete else None  # type: ignore[attr-defined]
        if previous is not None:
            self.app.push_screen(CompareScreen(previous.report, self.report_id, analysed))
            return
        self.app.notify("No earlier report in this series: choose one to compare with", timeout=4)

        def chosen(report: str | None) -> None:
            if report:
                self.app.push_screen(CompareScreen(report, self.report_id, analysed))

        choose_report_to_compare(self.app, self.report_id, chosen)

    def action_series_name(self) -> None:
        current = self.session.series_names().get(self.report_id, "")
        self.app.push_screen(PromptDialog(
            f"Series of {self.report_id}", current,
            hint="Enter sets it · reports with the same series name are compared with each other · empty: by title",
        ), self._name_series)

    def _name_series(self, name: str | None) -> None:
        if name is None:
            return
        told = f"Series set to “{name.strip()}”" if name.strip() else "Series taken from the title again"
        if self.app.save_changes(lambda session: session.set_series(self.report_id, name), told):
            self._show_heading()  # type: ignore[attr-defined]
