"""`python3 -m minutesreader` and the `minutesreader` script (pyproject.toml): main(),
then out without Python's teardown when nothing is left running."""

from __future__ import annotations

import atexit
import os
import sys
from typing import NoReturn

from minutesreader.cli import main


def entry() -> NoReturn:
    """Python's teardown frees every module's objects one at a time and collects the
    cycles: 0.2-0.4 s of a `q` on a loaded machine once the app has run (Textual and
    rich are hundreds of modules; a big report, hundreds of thousands of objects), and
    ~10 ms of `directives`. The system takes the memory back whole. By now everything
    is written (the app's exit waits for its workers, main() for the output); what the
    teardown still does that matters is done here: the exit handlers run, the output is
    flushed. A thread or a process still running (a scan's pool winding down) gets
    Python's ordinary exit, which waits for it; so does a run under a profiler or a
    coverage tracer, which writes its figures in that teardown."""
    code = main()
    if not _may_end_at_once():
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # main() has said what was wrong with the output (finish_output)
    os._exit(code)


def _may_end_at_once() -> bool:
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return False
    # Not imported for this (~4 ms of `directives`): no thread was started if nothing did.
    threading = sys.modules.get("threading")
    if threading is None:
        return True
    others = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    if others:
        return False
    multiprocessing = sys.modules.get("multiprocessing")
    return multiprocessing is None or not multiprocessing.active_children()


if __name__ == "__main__":
    entry()
