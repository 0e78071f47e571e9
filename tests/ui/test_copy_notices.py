"""One short notice per copy; no system clipboard is said once a session (issue 9, defect 15)."""

from __future__ import annotations

from tests.ui.conftest import open_model


def record_notices(app) -> list[tuple[str, str]]:
    notices: list[tuple[str, str]] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        notices.append((str(message), kwargs.get("severity", "information")))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return notices


async def test_each_copy_shows_one_short_notice(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        notices = record_notices(app)
        await pilot.press("c")
        assert len(notices) == 1
        message, severity = notices[0]
        assert message.startswith("Copied the sentence of ¶1: “On the morning of May 5")
        assert len(message) <= 80 and severity == "information"


async def test_no_system_clipboard_is_said_once_a_session(app_factory, system_clipboard):
    system_clipboard.available = False
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        notices = record_notices(app)
        await pilot.press("c", "C", "j", "c")
        assert len(notices) == 3  # one per copy
        warned = [message for message, _ in notices if "no system clipboard" in message]
        assert len(warned) == 1 and notices[0][1] == "warning"
        assert app.clipboard.startswith("“")  # OSC 52 took every copy
