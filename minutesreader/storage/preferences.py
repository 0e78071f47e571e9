"""What the app remembers between sessions, e.g. the chosen theme.

preferences.json in the user data dir (platformdirs), beside the default store; written
atomically, private to the user. It is not config.toml, which is the user's own file
and never written by minutesreader. A missing or damaged file means the defaults.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import platformdirs

from minutesreader.storage.atomic import write_atomic


def preferences_path() -> Path:
    return Path(platformdirs.user_data_dir("minutesreader")) / "preferences.json"


def load_preferences(path: Path | None = None) -> dict[str, Any]:
    try:
        found = json.loads((path or preferences_path()).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def remember(key: str, value: Any, path: Path | None = None) -> str | None:
    """Save one preference; returns why it could not be saved, or None."""
    path = path or preferences_path()
    preferences = {**load_preferences(path), key: value}
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, json.dumps(preferences, ensure_ascii=False).encode("utf-8"), backups=0)
    except OSError as exc:
        return f"could not remember the {key} in {path}: {exc.strerror or exc}"
    return None
