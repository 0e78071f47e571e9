"""Where the store lives when the user does not say."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "MINUTESREADER_DB"


def default_store_dir() -> Path:
    """The store folder: $MINUTESREADER_DB if set, else the platform's user data dir."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("minutesreader")) / "store"
