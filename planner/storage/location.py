"""Where the data file and its backups live."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

ENV_VAR = "PLANNER_DB"
FILE_NAME = "planner.sqlite3"


def data_file(flag: str | os.PathLike[str] | None = None) -> Path:
    """The data file to open: `--db PATH`, else `$PLANNER_DB`, else the user's data folder."""
    chosen = flag or os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_path  # only when no path was given

    return user_data_path("career-planner", appauthor=False) / FILE_NAME


def backup_dir(db_path: Path) -> Path:
    """Backups sit beside the data file, so moving the folder moves its history too."""
    return db_path.parent / "backups"


def path_key(path: Path) -> str:
    """Sixteen hex digits naming the real file `path` leads to (links followed), for names that
    cannot hold a path: the window's socket, its settings key. Checksums of the path, not a
    hash: zlib is loaded already, and hashlib would load OpenSSL before the first paint."""
    real = str(path.resolve()).encode()
    return f"{zlib.crc32(real):08x}{zlib.adler32(real):08x}"
