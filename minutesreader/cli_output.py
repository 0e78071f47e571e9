"""Everything the command line prints goes through here, cleaned by core.text.for_terminal.

Every string a command prints came from outside at some point (file names, report text,
the store, the config, arguments), so no command prints with a bare print().
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any


class UserError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


def out_path(name: str, force: bool) -> Path:
    """The file `--out NAME` names, refused in one line when it is a folder, or exists
    and `--force` was not given."""
    out = Path(name).expanduser()
    if out.is_dir():
        raise UserError(f"{out} is a folder; give a file name")
    if out.exists() and not force:
        raise UserError(f"{out} exists; add --force to replace it")
    return out


# core.text is imported by the first line printed: `search` imports it while its thread
# looks at the library's files (cli.py).

def row(*fields: object) -> None:
    """One record on one line: fields cleaned and joined by tabs."""
    from minutesreader.core.text import for_terminal

    print("\t".join(for_terminal(field) for field in fields))


def text(block: str) -> None:
    """Free text (a report paragraph): cleaned, its own line breaks kept."""
    from minutesreader.core.text import for_terminal

    print(for_terminal(block, one_line=False))


def raw_text(block: str) -> None:
    """A whole document (an exported brief), written as is after cleaning."""
    from minutesreader.core.text import for_terminal

    sys.stdout.write(for_terminal(block, one_line=False))


def json_row(record: dict[str, Any]) -> None:
    import json

    from minutesreader.core.text import json_for_terminal

    print(json_for_terminal(json.dumps(record, ensure_ascii=False)))


def warn(message: object) -> None:
    from minutesreader.core.text import for_terminal

    print(f"minutesreader: {for_terminal(message)}", file=sys.stderr)


def finish_output() -> str | None:
    """Flush standard output; if that fails (a full disk, a closed pipe), say why once and
    point the stream at /dev/null so Python's own flush at exit cannot print a traceback."""
    try:
        sys.stdout.flush()
        return None
    except BrokenPipeError:
        problem = None
    except OSError as exc:
        problem = f"cannot write the output: {exc.strerror or exc}"
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)
    return problem
