"""Reading a file to fix and putting the fixed bytes in its place without ever leaving it half written.

The fixed bytes go to a new file in the same folder (created exclusively, so never through a
symbolic link), which is flushed to disk, given the old file's mode and owner, and then renamed over
the old file in one step (``os.replace``). Before the rename the file must still be the one that was
read (same inode, size, modification time and content): an edit made meanwhile is never overwritten.
An interrupt, a full disk or any error before the rename removes the new file and leaves the old
one as it was.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import signal
import stat
from dataclasses import dataclass
from typing import Optional

TEMP_MARK = ".egress-lint-"  # in the name of the temporary file: `.name.py.egress-lint-XXXXXX.tmp`


class WriteError(Exception):
    """The file was left as it was; the message says why."""


@dataclass(frozen=True)
class Snapshot:
    """What was read: the bytes and the file they came from."""

    data: bytes
    device: int
    inode: int
    size: int
    mtime_ns: int
    mode: int
    uid: int
    gid: int
    links: int
    digest: str

    @property
    def key(self):
        return self.device, self.inode, self.size, self.mtime_ns, self.digest


def read_snapshot(path: str, limit: Optional[int] = None) -> Snapshot:
    """The bytes of the regular file ``path`` itself: a symbolic link is refused (``OSError``), as
    are named pipes and devices, and a file over ``limit`` bytes (``FileTooLarge``), as in
    ``engine.read_file``."""
    from ..engine import FileTooLarge, _file_kind

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(f"not a regular file ({_file_kind(st.st_mode)})")
        if limit is not None and st.st_size > limit:
            raise FileTooLarge(st.st_size, limit)
        data = handle.read()
    return Snapshot(data, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_mode, st.st_uid, st.st_gid,
                    st.st_nlink, _digest(data))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def writable(path: str, snapshot: Snapshot) -> None:
    """Raise ``WriteError`` when the file must not be replaced: read-only (also for root, who could
    write it anyway), or with several hard links (a replaced file would leave the others behind)."""
    if not snapshot.mode & 0o222 or not os.access(path, os.W_OK):
        raise WriteError("cannot write: the file is read-only; left unchanged")
    if snapshot.links > 1:
        raise WriteError(f"cannot write: the file has {snapshot.links} hard links and replacing it would "
                         "separate them; left unchanged")


def replace(path: str, new: bytes, snapshot: Snapshot) -> None:
    """Put ``new`` in place of ``path``, which must still hold ``snapshot``. Raises ``WriteError``
    (the file is left as it was) or lets ``KeyboardInterrupt`` through after cleaning up."""
    writable(path, snapshot)
    folder, name = os.path.split(path)
    folder = folder or "."
    fd, temp = -1, ""
    try:
        with _interrupts_deferred():  # an interrupt inside mkstemp would leave a file nobody knows of
            fd, temp = _create_temp(folder, name)
        _fill(fd, new, snapshot)
        with _interrupts_deferred():
            os.close(fd)
            fd = -1
        _still_as_read(path, snapshot)
        os.replace(temp, path)
        temp = ""
    except OSError as exc:
        raise WriteError(f"cannot write: {_reason(exc)}; left unchanged") from None
    finally:
        with _interrupts_deferred():
            if fd >= 0:
                os.close(fd)
            if temp:
                _remove(temp)
    _sync_folder(folder)


@contextlib.contextmanager
def _interrupts_deferred():
    """Hold SIGINT and SIGTERM back for a few system calls that must not be cut in two; they are
    delivered (and raise) when the block ends."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, OSError, ValueError):  # pragma: no cover - not on POSIX
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _create_temp(folder: str, name: str):
    import tempfile

    # mkstemp opens with O_CREAT | O_EXCL: it never follows a symbolic link, dangling or not.
    return tempfile.mkstemp(prefix=f".{name}{TEMP_MARK}", suffix=".tmp", dir=folder)


def _fill(fd: int, new: bytes, snapshot: Snapshot) -> None:
    os.fchmod(fd, stat.S_IMODE(snapshot.mode))
    own = os.fstat(fd)
    if (own.st_uid, own.st_gid) != (snapshot.uid, snapshot.gid):
        try:
            os.fchown(fd, snapshot.uid, snapshot.gid)
        except PermissionError:
            raise WriteError(f"cannot write: the file belongs to another user or group ({snapshot.uid}:"
                             f"{snapshot.gid}) and a replaced file would not; left unchanged") from None
    view = memoryview(new)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _still_as_read(path: str, snapshot: Snapshot) -> None:
    changed = WriteError("changed while it was being fixed; left unchanged, run fix again")
    try:
        current = read_snapshot(path)  # also refuses a symbolic link put in the file's place
    except OSError:
        raise changed from None
    if current.key != snapshot.key:
        raise changed


def _remove(temp: str) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; not every file system lets a folder be synced."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.EFBIG:
        return "File too large"
    return exc.strerror or str(exc)
