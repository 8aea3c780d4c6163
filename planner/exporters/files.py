"""Atomic file writes and the summary every export reports.

A file is written under a temporary name in the target folder, flushed to disk, and only then
renamed over the target, so a full disk or a crash never leaves half a backup where a good one
was, and a reader never sees a partial file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from planner.services.errors import InputError


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: where, and how many records of each kind."""

    path: Path
    what: str  # "JSON backup", "CSV files", "calendar"
    counts: Mapping[str, int] = field(default_factory=dict)
    #: What the person may expect in it and is not there yet (a running timer's time), as a
    #: sentence: said after the summary, so that an export is not taken for complete.
    left_out: str = ""

    def written(self) -> str:
        """Where it went and how many records of each kind."""
        counted = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in self.counts.items())
        return f"Wrote {self.what} to {self.path}: {counted or 'nothing to export'}"

    def summary(self) -> str:
        """What was written, then what is left out."""
        written = self.written()
        return f"{written}. {self.left_out}" if self.left_out else written


def _fail(path: Path, exc: OSError) -> InputError:
    return InputError(f"cannot write {path}: {exc.strerror or exc}; choose another location")


def write_files(contents: Mapping[Path, bytes]) -> None:
    """Write several files all or nothing: every temporary file is complete before any rename.

    Raises InputError (nothing replaced) when a folder is missing or not writable.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in contents.items():
            try:
                fd, temp_name = tempfile.mkstemp(
                    dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
                )
            except OSError as exc:
                raise _fail(path, exc) from exc
            staged.append((Path(temp_name), path))
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
            except OSError as exc:
                raise _fail(path, exc) from exc
        for temp, path in staged:
            try:
                os.replace(temp, path)
            except OSError as exc:
                raise _fail(path, exc) from exc
    finally:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)


def write_file(path: Path, data: bytes) -> None:
    write_files({path: data})
