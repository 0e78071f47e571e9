"""The status saying the scan is complete is painted before the work that follows the scan
(the search index's freshness check, the reader's imports) starts and competes for it."""

from __future__ import annotations

from textual.widgets import Static

from tests.ui.conftest import settle_until


async def test_the_complete_status_is_painted_before_the_search_index_is_checked(app_factory, monkeypatch):
    events: list[str] = []
    render = Static.render

    def painted(self):  # what the status line shows, each time it is drawn
        if self.id == "library-status":
            events.append(f"painted: {self.content}")
        return render(self)

    monkeypatch.setattr(Static, "render", painted)
    app = app_factory()
    monkeypatch.setattr(app, "update_search_index", lambda: events.append("search index"))
    monkeypatch.setattr(app, "import_reader", lambda: events.append("reader imported"))
    async with app.run_test() as pilot:
        await settle_until(pilot, lambda: "search index" in events)
        started = events.index("search index")
        assert any("reports · Enter" in event for event in events[:started] if event.startswith("painted")), events
        assert "reader imported" in events
