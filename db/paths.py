"""Where the app keeps its data: the per-user data folder chosen by platformdirs.

On Windows this is ``%LOCALAPPDATA%\\SupervisionDesk``; on Linux ``~/.local/share/SupervisionDesk``.
The folder is outside the install directory, so uninstalling or upgrading keeps the data.
``SUPERVISION_DESK_HOME`` overrides it (portable installs, tests).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "SupervisionDesk"
DATABASE_FILE_NAME = "supervision.db"
HOME_ENV = "SUPERVISION_DESK_HOME"


def data_dir() -> Path:
    """Return the per-user data folder (not created)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def default_database_path() -> Path:
    """Return the default SQLite database file inside the data folder."""
    return data_dir() / DATABASE_FILE_NAME


def backups_dir_for(database_file: Path) -> Path:
    """Return the folder that holds automatic backups of ``database_file``."""
    return database_file.parent / "backups"
