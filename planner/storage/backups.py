"""Backups of the data file: taken with SQLite's online backup API, verified, rotated like Anki's.

A backup is `backups/STEM-YYYYmmdd-HHMMSS-ffffff-LABEL.SUFFIX` beside the data file. It is
written under a `.partial` name, checked with `integrity_check` and only then renamed, so every
file that matches the pattern is a complete, sound database. A file that fails `quick_check` is
never backed up: a damaged copy would push good ones out of the rotation.

Rotation keeps about a year of history in a few dozen files: everything from the last two days,
then the newest backup of each of the 12 days before, of 10 weeks before those, and of 9 months
before those. It only ever deletes files matching our own pattern in our own folder.

Only `sqlite3` here (no SQLAlchemy), so restore and check work on files the app cannot open.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: stale partial files are left alone there
    fcntl = None  # type: ignore[assignment]  # typeshed knows fcntl as a module, never None

from planner.storage.errors import DataFileError, SaveError, disk_full_error, is_disk_full
from planner.storage.location import backup_dir

STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
RECENT = dt.timedelta(hours=48)
DAILY, WEEKLY, MONTHLY = 12, 10, 9
_LABEL = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    label: str
    size: int


def integrity_problems(
    con: sqlite3.Connection, *, full: bool = True, path: Path | None = None
) -> list[str]:
    """What `integrity_check` (or the faster `quick_check`) finds; empty when the file is sound.

    A file too damaged to be checked at all reports that as its one problem; a check the full
    disk holding `path` stopped raises that instead (the file is not known to be damaged)."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        if path is not None and is_disk_full(exc, path):
            raise disk_full_error(path) from exc
        return [f"the file cannot be checked: {exc}"]
    return [] if rows == ["ok"] else rows


def _pattern(data_path: Path) -> re.Pattern[str]:
    stem, suffix = re.escape(data_path.stem), re.escape(data_path.suffix)
    return re.compile(rf"{stem}-(\d{{8}}-\d{{6}}-\d{{6}})-({_LABEL.pattern}){suffix}")


def list_backups(data_path: Path) -> list[BackupInfo]:
    """This data file's backups, newest first (only files that match our name pattern)."""
    folder = backup_dir(data_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(data_path)
    found = []
    for entry in folder.iterdir():
        match = pattern.fullmatch(entry.name)
        if match is None or not entry.is_file():
            continue
        taken_at = dt.datetime.strptime(match[1], STAMP_FORMAT)
        found.append(BackupInfo(entry, taken_at, match[2], entry.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def is_sound(path: Path) -> bool:
    """Whether a file is a SQLite database that passes `integrity_check` (read without writing)."""
    try:
        with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as con:
            return not integrity_problems(con)
    except sqlite3.Error:
        return False


def latest_good_backup(data_path: Path) -> BackupInfo | None:
    """The newest backup that passes `integrity_check` (a disk can damage a file after it was
    written), or None when there is none."""
    return next((b for b in list_backups(data_path) if is_sound(b.path)), None)


def damaged_error(
    data_path: Path, detail: object, so: str = "so nothing more is written to it"
) -> SaveError:
    """The one message for a damaged data file, wherever SQLite noticed it (a read, a save, a
    backup, a check before the first write): what is wrong, that nothing more is written to it,
    and the latest good backup to restore. A SaveError, so a form keeps what was typed."""
    backup = latest_good_backup(data_path)
    if backup is None:
        offer = (
            "No sound backup of it was found; 'planner check' lists the damage, and an export "
            "may still save what can be read"
        )
    else:
        offer = (
            f"Restore the latest good backup, of {backup.taken_at:%d %b %Y %H:%M} "
            f"(planner restore '{backup.path}', or File > Restore from backup...)"
        )
    lines = [line for line in str(detail).splitlines() if not line.startswith("*** in database")]
    first_line = lines[0] if lines else "it fails SQLite's check"
    error = SaveError(
        f"{data_path} is damaged ({first_line}), {so}. {offer}; the "
        "damaged file is set aside, never deleted.",
        kind="corrupt",
        path=data_path,
    )
    # Not an attribute of SaveError: the window reads it with getattr, for its shorter words.
    error.detail = first_line  # type: ignore[attr-defined]  # set on this one error only
    return error


def take_backup(
    source: sqlite3.Connection, data_path: Path, label: str, *, now: dt.datetime | None = None
) -> Path:
    """Back up the database open on `source` (WAL included), then rotate the folder.

    Raises DataFileError: kind "corrupt" when the file fails `quick_check` (nothing is written
    and no backup is rotated away), "read-only" when the backups folder cannot be written."""
    if not _LABEL.fullmatch(label):
        raise ValueError(f"backup label must be lower-case words joined by '-', not {label!r}")
    problems = integrity_problems(source, full=False, path=data_path)
    if problems:  # a damaged copy would push good ones out of the rotation
        raise damaged_error(data_path, problems[0], "so it was not backed up")
    now = now or dt.datetime.now()
    folder = backup_dir(data_path)
    target = folder / f"{data_path.stem}-{now.strftime(STAMP_FORMAT)}-{label}{data_path.suffix}"
    partial = target.with_name(target.name + PARTIAL)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        remove_stale(folder, _pattern(data_path).fullmatch)
        with writing(partial):
            _copy_verified(source, partial, data_path)
            partial.replace(target)
            sync_folder(folder)
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full_error(data_path, copy=_size_of(source), where=folder) from exc
        raise DataFileError(
            f"No backup could be written to {folder} ({exc.strerror}). Make the folder writable "
            "or free some space.",
            kind="read-only",
            path=data_path,
        ) from exc
    rotate(data_path, now=now)
    return target


#: What a file being written is called until it is complete and verified.
PARTIAL = ".partial"
#: The files SQLite may leave beside a database killed while it was written.
SIDE_FILES = ("-journal", "-wal", "-shm")


@contextmanager
def writing(partial: Path) -> Iterator[None]:
    """Create `partial` empty and hold an exclusive `flock` on it while the block writes it, so
    `remove_stale` can tell a file a live process is writing from one a killed process left.
    Whatever the block leaves under the name (and SQLite's side files) is removed after it."""
    while True:
        fd = os.open(partial, os.O_CREAT | os.O_WRONLY, 0o600)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise DataFileError(
                    f"{partial} is being written by another Career Planner process; try again "
                    "when it has finished.",
                    kind="locked",
                    path=partial,
                ) from None
        try:  # a cleaner may have removed the name between our open and our lock
            if os.stat(partial).st_ino == os.fstat(fd).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        for side in SIDE_FILES:  # a killed writer's hot journal must not roll into the new copy
            Path(f"{partial}{side}").unlink(missing_ok=True)
        yield
    finally:
        for leftover in (partial, *(Path(f"{partial}{side}") for side in SIDE_FILES)):
            leftover.unlink(missing_ok=True)
        os.close(fd)


def remove_stale(folder: Path, ours: Callable[[str], object]) -> list[Path]:
    """Remove the `.partial` files (with their -journal, -wal, -shm) that killed backups or
    restores left in `folder`: only those whose name without `.partial` is `ours` (a
    browser's download.partial beside the data file is none of our business), and only when no
    live process holds a lock on them. Returns what went."""
    if fcntl is None or not folder.is_dir():
        return []
    gone: list[Path] = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(PARTIAL) and ours(name.removesuffix(PARTIAL)):
            gone += _remove_if_unlocked(entry)
        elif any(name.endswith(PARTIAL + side) for side in SIDE_FILES):
            stem = name[: name.rindex(PARTIAL)]
            if ours(stem) and not entry.with_name(stem + PARTIAL).exists():
                with suppress(FileNotFoundError):  # a side file whose database is gone
                    entry.unlink()
                    gone.append(entry)
    return gone


def _remove_if_unlocked(partial: Path) -> list[Path]:
    try:
        fd = os.open(partial, os.O_RDONLY)
    except OSError:
        return []
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return []  # a live process is writing it
        try:
            if os.stat(partial).st_ino != os.fstat(fd).st_ino:
                return []
        except FileNotFoundError:
            return []
        gone = []
        for path in (*(Path(f"{partial}{side}") for side in SIDE_FILES), partial):
            with suppress(FileNotFoundError):
                path.unlink()
                gone.append(path)
        return gone
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """fsync a folder, so a rename in it survives a power cut (where the OS allows it)."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _size_of(source: sqlite3.Connection) -> int:
    with suppress(sqlite3.Error):
        count: int = source.execute("PRAGMA page_count").fetchone()[0]
        size: int = source.execute("PRAGMA page_size").fetchone()[0]
        return count * size
    return 0


def _copy_verified(source: sqlite3.Connection, dest_path: Path, data_path: Path) -> None:
    """Copy with the backup API into `dest_path` and raise unless the copy passes
    `integrity_check`."""
    try:
        with closing(sqlite3.connect(dest_path)) as dest:
            source.backup(dest)
            problems = integrity_problems(dest)
    except sqlite3.Error as exc:
        if is_disk_full(exc, dest_path):
            raise disk_full_error(data_path, copy=_size_of(source), where=dest_path.parent) from exc
        raise DataFileError(
            f"The copy of {data_path} could not be written ({exc}). Free some disk space and "
            "try again; the data file itself was not changed.",
            kind="io-error",
            path=data_path,
        ) from exc
    if problems:
        raise DataFileError(
            f"The copy of {data_path} failed its integrity check ({problems[0]}); it was "
            "discarded.",
            kind="io-error",
            path=data_path,
        )


@contextmanager
def staged(source: sqlite3.Connection, dest_path: Path, data_path: Path) -> Iterator[Path]:
    """A verified copy of the database on `source` as `dest_path.partial`, for the block to
    rename into place; removed if the block does not."""
    partial = dest_path.with_name(dest_path.name + PARTIAL)
    try:
        with writing(partial):
            _copy_verified(source, partial, data_path)
            yield partial
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full_error(data_path, copy=_size_of(source), where=partial.parent) from exc
        raise


def to_keep(stamps: Iterable[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """Which backup times the rotation keeps (a pure function, so it is tested over simulated
    years): all from the last 48 hours, then the newest of each of 12 days, 10 ISO weeks and 9
    months, walking back in time. A period already holding a kept backup needs no other, so
    each tier starts where the one before ends. Times in the future (a clock set back) are kept.
    """
    keep: set[dt.datetime] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    quota = {"day": DAILY, "week": WEEKLY, "month": MONTHLY}

    def cover(stamp: dt.datetime) -> None:
        keep.add(stamp)
        days.add(stamp.date())
        weeks.add(stamp.isocalendar()[:2])
        months.add((stamp.year, stamp.month))

    for stamp in sorted(set(stamps), reverse=True):
        week, month = stamp.isocalendar()[:2], (stamp.year, stamp.month)
        if now - stamp < RECENT:
            tier = "recent"
        elif stamp.date() in days:
            continue
        elif quota["day"]:
            tier = "day"
        elif week in weeks:
            continue
        elif quota["week"]:
            tier = "week"
        elif month in months:
            continue
        elif quota["month"]:
            tier = "month"
        else:
            continue
        if tier != "recent":
            quota[tier] -= 1
        cover(stamp)
    return keep


def rotate(data_path: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups `to_keep` lets go, and what killed backups left (`remove_stale`);
    returns what was deleted."""
    removed = remove_stale(backup_dir(data_path), _pattern(data_path).fullmatch)
    found = list_backups(data_path)
    keep = to_keep((b.taken_at for b in found), now or dt.datetime.now())
    gone = [b.path for b in found if b.taken_at not in keep]
    for path in gone:
        with suppress(FileNotFoundError):
            path.unlink()
    return removed + gone
