"""The one way text leaves minutesreader for the clipboard.

Always Textual's OSC 52 sequence (works over SSH and inside tmux), and the system
clipboard through pyperclip where the machine has one. A machine with no clipboard at
all gets a warning, never a crash. MINUTESREADER_CLIPBOARD=terminal sends OSC 52 only
(the real-terminal tests use it, so they never touch the desktop's clipboard).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable

import pyperclip

# Tests replace this with a fake, so no test touches the developer's clipboard.
system_copy: Callable[[str], None] = pyperclip.copy


@dataclass(frozen=True, slots=True)
class CopyResult:
    system: bool  # the system clipboard took it too
    problem: str | None = None  # why the system clipboard could not, in a few words


def copy_text(app, text: str) -> CopyResult:
    """Send `text` to the terminal (OSC 52) and to the system clipboard."""
    app.copy_to_clipboard(text)
    if os.environ.get("MINUTESREADER_CLIPBOARD") == "terminal":
        return CopyResult(False)
    try:
        system_copy(text)
    except pyperclip.PyperclipException:
        return CopyResult(False, "no system clipboard here; sent to the terminal (OSC 52) only")
    except Exception as exc:  # a clipboard helper that crashes must not take the app with it
        return CopyResult(False, f"system clipboard failed ({type(exc).__name__}); sent to the terminal (OSC 52) only")
    return CopyResult(True)
