"""The store's file lock (.lock in the store folder): one writer at a time across processes.

The lock file is refused if it is anything but a plain file (a symlink could point the
lock's open at another file; a folder can never be locked), and the store folder is
recreated private if a user's cleanup removed it while minutesreader runs.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from minutesreader.core.records import StoreError
from minutesreader.storage.atomic import make_private_folder

LOCK_TIMEOUT = 10.0


class StoreLock:
    def __init__(self, directory: Path, timeout: float = LOCK_TIMEOUT) -> None:
        self.directory = directory
        self.path = directory / ".lock"
        self._timeout = timeout
        self._lock = FileLock(str(self.path), timeout=timeout, mode=0o600)

    @contextmanager
    def held(self) -> Iterator[None]:
        """No other process writes to the store until the block ends; StoreError if it cannot be had."""
        try:
            make_private_folder(self.directory / "shards")
        except OSError as exc:
            raise StoreError(f"cannot create store folder {self.directory}: {exc.strerror}") from None
        try:
            kind: int | None = os.lstat(self.path).st_mode
        except FileNotFoundError:
            kind = None
        if kind is not None and not stat.S_ISREG(kind):
            raise StoreError(f"store lock {self.path} is not a plain file (a symlink or folder?); remove it")
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreError(f"store {self.directory} is busy: another minutesreader held its lock for {self._timeout:.0f} s") from None
        except OSError as exc:
            raise StoreError(f"cannot take the store lock {self.path}: {exc.strerror or exc}") from None
        try:
            yield
        finally:
            self._lock.release()
