"""Helpers the fault tests share: damage a real page, run the real command line in a child
process, fork a child that stops (for a SIGKILL) at a chosen step of the real code."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest

PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checkpointed(path: Path) -> Path:
    """Fold the WAL into the file and remove it, as after a clean close: the file is whole."""
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def damage_page(path: Path, table: str) -> int:
    """Overwrite one leaf page of `table` (found with SQLite's dbstat) past its page header, as a
    failing disk would, leaving the file's header and schema readable; returns the page."""
    checkpointed(path)
    with closing(sqlite3.connect(path)) as con:
        pages = [
            r[0]
            for r in con.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (table,),
            )
        ]
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    assert pages, f"{table} has no leaf page to damage"
    page = pages[len(pages) // 2]
    with path.open("r+b") as file:
        file.seek((page - 1) * PAGE + 8)
        file.write(b"\xa5" * (PAGE - 96))
    return page


def cli(db: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`planner --db DB ARGS...` in a child process of its own, as a person runs it."""
    return subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def one_line(stderr: str) -> str:
    """The single line a refused command prints; fails on a traceback or several lines."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def fresh_copy(template: Path, path: Path) -> Path:
    shutil.copyfile(template, path)
    path.chmod(0o600)
    return checkpointed(path)


def killed_at(module: Any, name: str, run: Callable[[], object]) -> int:
    """Fork a child that runs `run` with `module.name` wrapped to stop the child right after
    the real function returns; SIGKILL it there. Returns the child's exit status (killed)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read)
        real = getattr(module, name)

        def stop_after(*args: Any, **kwargs: Any) -> Any:
            result = real(*args, **kwargs)
            os.write(write, b"there\n")
            signal.pause()  # wait for the SIGKILL
            return result

        setattr(module, name, stop_after)
        try:
            run()
        finally:
            os.write(write, b"finished\n")
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        reached = pipe.readline().strip()
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert reached == "there", f"the child never reached {name}"
    return status


def spin(steps: int) -> None:
    """Busy-wait `steps` loop turns: the unit in which a kill's moment is chosen."""
    for _ in range(steps):
        pass


def started(run: Callable[[], object]) -> int:
    """Fork a child that runs `run` and exits; its pid, once it has started running."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read)
        os.write(write, b"go\n")
        try:
            run()
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        pipe.readline()
    return pid


def steps_to_finish(
    run: Callable[[], object], prepare: Callable[[], object], rounds: int = 3
) -> int:
    """How many `spin` turns a forked child running `run` takes from start to exit, the median
    of `rounds` tries (each after `prepare`), with a margin: kills drawn from 0 to this spread over
    the whole of the child's work and just past it. Timed in a child, not in this process, because
    a forked child's run can be several times slower (its first writes copy pages, its fsyncs wait
    on a busy disk), and kills calibrated on the parent's time all landed before the last step."""
    start = time.perf_counter()
    spin(200_000)
    per_step = (time.perf_counter() - start) / 200_000
    took = []
    for _ in range(rounds):
        prepare()
        pid = started(run)
        began = time.perf_counter()
        os.waitpid(pid, 0)
        took.append(time.perf_counter() - began)
    return int(sorted(took)[rounds // 2] * 1.3 / per_step) + 1


def killed_after(steps: int, run: Callable[[], object]) -> bool:
    """Fork a child running `run`, spin `steps` loop turns (a moment chosen by the caller, not
    a sleep), SIGKILL it; True when the kill landed before the child finished."""
    pid = started(run)
    spin(steps)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status)


@contextmanager
def small_disk_at(mount: Path, size: str = "2m") -> Iterator[Path]:
    """A real small file system (tmpfs) mounted at `mount` for the block; the test is skipped
    where mounting is not permitted (not root, or a container without the capability)."""
    mount.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
