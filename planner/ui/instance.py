"""One window per data file: a lock beside the file, and a local socket to wake the window.

The first launch takes `NAME.lock` beside the data file (a QLockFile, whose stale-lock check
by process ID means a crashed window never locks the file for good) and listens on a local
socket named after the file. A later launch on the same file fails to take the lock, asks the
running window to come to the front through that socket, and exits: twenty launches at once
give one window. A lock left behind by a crash also tells the next launch that the last
session ended uncleanly, so the app runs a full integrity check before trusting the file.
Both the lock and the socket name follow symbolic links to the file itself, so a link (or a
path through a linked folder) finds the window that has the file open under another name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QThread

from planner.storage.location import path_key

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

#: How long a second launch keeps trying to reach the first one's socket, which the first
#: launch opens a moment after taking the lock.
CONNECT_ATTEMPTS, CONNECT_PAUSE_MS = 50, 100
RAISE = b"raise\n"


def lock_path(data_path: Path) -> Path:
    """`NAME.lock` beside the file the path leads to, whatever links it goes through."""
    real = data_path.resolve()
    return real.with_name(real.name + ".lock")


def server_name(data_path: Path) -> str:
    return f"career-planner-{path_key(data_path)}"


class Instance(QObject):
    """The lock on one data file, held while its window is open."""

    def __init__(self, data_path: Path, lock: QLockFile, unclean: bool) -> None:
        super().__init__()
        self.data_path = data_path
        self._lock = lock
        #: The previous session on this file did not close normally (crash, kill, power cut).
        self.unclean = unclean
        self._server: QLocalServer | None = None
        self._on_raise: Callable[[], None] = lambda: None

    def listen(self, on_raise: Callable[[], None]) -> None:
        """Call `on_raise` when another launch asks for this file's window. The window listens
        once it is on screen (QtNetwork loads then, not before the first paint); a launch in
        the meantime keeps trying for a while (`wake_running`)."""
        from PySide6.QtNetwork import QLocalServer

        self._on_raise = on_raise
        if self._server is not None:
            return
        self._server = QLocalServer(self)
        QLocalServer.removeServer(server_name(self.data_path))  # a crashed owner's socket file
        self._server.listen(server_name(self.data_path))
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        assert self._server is not None  # it is the server's signal
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self._on_raise()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()


def claim(data_path: Path) -> Instance | None:
    """Take the file's lock, or None when another running window holds it.

    A folder we cannot write (a read-only file opens read-only) gets no lock file: nobody can
    write there anyway, so two windows cannot harm it.
    """
    lock = QLockFile(str(lock_path(data_path)))
    lock.setStaleLockTime(0)  # long-lived lock: stale only when its process is gone
    left_behind = lock_path(data_path).exists()
    if lock.tryLock(0):
        return Instance(data_path, lock, unclean=left_behind)
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    # PermissionError / UnknownError: the folder is read-only; nothing to protect.
    return Instance(data_path, lock, unclean=False)


def wake_running(data_path: Path) -> bool:
    """Ask the window that holds the file to come to the front; False if none answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    for _ in range(CONNECT_ATTEMPTS):
        socket.connectToServer(server_name(data_path))
        if socket.waitForConnected(CONNECT_PAUSE_MS):
            socket.write(RAISE)
            socket.flush()
            socket.waitForBytesWritten(1000)
            socket.disconnectFromServer()
            return True
        QThread.msleep(CONNECT_PAUSE_MS)  # the owner took the lock but is not listening yet
    return False
