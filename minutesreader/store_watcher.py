"""One watcher for the app: other windows' saves, new store warnings, index progress.

A single thread looks twice a second (and at once when woken after a save) and posts one
typed message for each thing it noticed; the UI thread never polls. Looking costs ~2 ms
for a store of 1,024 shards (storage/store_files.py) and never reads a file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from textual.message import Message

from minutesreader.screens.store_changed import IndexProgress, StoreChanged, StoreWarning
from minutesreader.storage.store_files import compare, look

INTERVAL = 0.5  # seconds between looks: a note saved in another window shows within this


class StoreWatcher:
    def __init__(self, store: Any, post: Callable[[Message], bool],
                 index_progress: Callable[[], tuple[int, int] | None], interval: float = INTERVAL) -> None:
        """store: the app's store (None: nothing to watch but the index); post: thread-safe
        message posting (App.post_message); index_progress: (done, total) while indexing."""
        self.store = store
        self.interval = interval
        self._post = post
        self._index_progress = index_progress
        self._lock = threading.Lock()  # one look at a time: a woken look and a timed one
        self._wake = threading.Event()
        self._stopped = False
        # Warnings there at the start are told by the app with its other startup warnings.
        self._warnings_told = len(store.warnings) if store is not None else 0
        self._progress_told: tuple[int, int] | None = None
        self._files = look(store.directory) if store is not None else {}
        self._thread = threading.Thread(target=self._run, name="store-watcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop looking; returns once the thread is done (a look takes milliseconds)."""
        self._stopped = True
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2)

    def saved(self) -> None:
        """This window saved (UI thread): tell a warning the save caused at once, and take
        the files as they are now, so the save is not told back as another window's.

        Whatever screen saved shows the store afresh after it, so a save of another
        window that landed since the last look is shown with ours."""
        with self._lock:
            self._tell_warnings()
            if self.store is not None:
                self._files = look(self.store.directory)

    def _run(self) -> None:
        while not self._stopped:
            self._wake.wait(self.interval)
            self._wake.clear()
            if self._stopped:
                return
            try:
                self.check()
            except RuntimeError:  # the app's event loop is closed: the app is gone
                return

    def check(self) -> None:
        """Look once, and post what changed since the last look."""
        with self._lock:
            self._tell_warnings()
            self._tell_index_progress()
            if self.store is not None:
                files = look(self.store.directory)
                change = compare(self._files, files)
                self._files = files
                if change is not None:
                    # Titles, briefs and series names concern every screen; shards only readers of their reports.
                    self._post(StoreChanged(None if change.others else change.shards))

    def _tell_warnings(self) -> None:
        if self.store is None:
            return
        warnings = self.store.warnings[self._warnings_told:]
        self._warnings_told += len(warnings)
        for warning in warnings:
            self._post(StoreWarning(warning))

    def _tell_index_progress(self) -> None:
        progress = self._index_progress()
        if progress == self._progress_told:
            return
        if progress is not None:
            self._post(IndexProgress(*progress))
        elif self._progress_told is not None:  # finished (or stopped) since the last look
            total = self._progress_told[1]
            self._post(IndexProgress(total, total))
        self._progress_told = progress
