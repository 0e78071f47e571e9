"""Durable file replacement: a reader sees the old bytes or the new, never a mix.

Every store file is written as: temp file in the same folder (created 0600), write,
flush, fsync, rotate backups, os.replace, fsync of the folder. A crash at any point
leaves the previous file whole, because only os.replace touches the real name.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from minutesreader.core.folders import fsync_dir

TEMP_MARK = ".tmp-"
BACKUP_COUNT = 3


def make_private_folder(folder: Path) -> None:
    """Create folder and any missing parents, each 0700 whatever the umask (mkdir's
    parents=True gives the parents the umask's mode: 0777 under umask 000)."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            if not path.is_dir():
                raise
            continue
        os.chmod(path, 0o700)


def backup_path(path: Path, n: int) -> Path:
    return path.with_name(f"{path.name}.bak{n}")


def rotate_backups(path: Path, keep: int = BACKUP_COUNT) -> None:
    """Keep the last `keep` versions of path as NAME.bak1 (newest) .. NAME.bakN.

    Renames and one hard link only: no bytes are copied, so this costs a few
    metadata operations whatever the file size. The current file is untouched.
    """
    if keep <= 0 or not path.exists():
        return
    for n in range(keep, 1, -1):
        older = backup_path(path, n - 1)
        if older.exists():
            os.replace(older, backup_path(path, n))
    newest = backup_path(path, 1)
    try:
        os.unlink(newest)
    except FileNotFoundError:
        pass
    try:
        os.link(path, newest)
    except OSError:
        # File systems without hard links: a backup is a convenience, the save is not.
        pass


def write_atomic(
    path: Path, payload: bytes, backups: int = BACKUP_COUNT, durable: bool = True
) -> os.stat_result:
    """Replace path with payload durably; return the stat of the new file.

    On any failure the temp file is removed and the old file is left as it was.
    durable=False (caches only) skips the fsyncs: still atomic, maybe not on disk yet.
    """
    folder = path.parent
    temp = folder / f".{path.name}{TEMP_MARK}{os.getpid()}-{time.monotonic_ns()}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
            stat = os.fstat(fd)
        finally:
            os.close(fd)
        rotate_backups(path, backups)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    if durable:
        fsync_dir(folder)
    return stat


def move_aside(path: Path, reason_tag: str = "corrupt") -> Path:
    """Rename an unreadable file to NAME.corrupt-YYYYmmddTHHMMSS, keeping its bytes.

    A rename, not a copy, so the kept file is byte for byte what was found.
    """
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.{reason_tag}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{reason_tag}-{stamp}-{n}")
    os.rename(path, target)
    fsync_dir(path.parent)
    return target


def remove_stale_temps(folder: Path) -> None:
    """Delete temp files left by a crashed writer. Call only while holding the store lock."""
    for temp in folder.glob(f".*{TEMP_MARK}*"):
        try:
            temp.unlink()
        except OSError:
            pass


def remove_database(path: Path) -> None:
    """Remove an SQLite file with its write-ahead log and shared memory (raises OSError
    but for a file already gone)."""
    for suffix in ("", "-wal", "-shm"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass
