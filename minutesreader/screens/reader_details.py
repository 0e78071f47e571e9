"""The reader's part in a report's source (issue 13): the details line of the heading,
and `i` to show and edit the URL, publisher, meeting date and language."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text

from minutesreader.core.sources import ReportSource
from minutesreader.dialogs.report_details import ReportDetailsDialog

if TYPE_CHECKING:
    from minutesreader.session import Session


class ReaderDetails:
    """Mixed into ReaderScreen: needs `self.app`, `self.report` and `_show_heading`."""

    app: Any
    report: Any
    _show_heading: Any

    if TYPE_CHECKING:  # ReaderScreen's, from TypedApp

        @property
        def session(self) -> Session: ...

    def source(self) -> ReportSource:
        return self.session.source(self.report.id)

    def details_line(self) -> Text:
        """"\npublisher · met 2024-01-30 · url" under the title, or nothing when none is kept."""
        details = self.source().header()
        return Text(f"\n{details}", style="dim") if details else Text()

    def action_details(self) -> None:
        """Show and edit the report's source: kept in the store, the file is never touched."""
        if self.report is None:
            return
        report_id = self.report.id
        self.app.push_screen(ReportDetailsDialog(f"Details of {self.report.title} ({report_id})",
                                                 self.session.source(report_id)), partial(self._save_details, report_id))

    def _save_details(self, report_id: str, source: ReportSource | None) -> None:
        if source is None:
            return
        self.app.save_changes(lambda session: session.set_source(report_id, source, undo=f"the details of {report_id}"),
                              "Details saved")
        if self.report is not None:
            self._show_heading()
