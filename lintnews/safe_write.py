"""Replace a file's content atomically, or not at all.

The new content goes to a temporary file in the same directory (so the final
rename stays on one file system), is flushed to disk, gets the old file's
permission bits, and only then replaces the file with ``os.replace``. If
anything fails, the original is untouched and the temporary file removed:
an interrupted run can never leave a truncated article behind.
"""
from __future__ import annotations

import os
import stat
from contextlib import suppress


def write_atomic(path: str | os.PathLike, data: bytes, *, like: os.stat_result | None = None) -> None:
    """Write ``data`` to ``path`` atomically. ``like`` is the stat of the file
    being replaced: its mode (and, where allowed, owner) is kept. Symbolic
    links are followed, so the link stays a link. Raises ``OSError``."""
    import tempfile  # not at module level: lintnews starts faster without it

    target = os.path.realpath(path)
    directory, name = os.path.split(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".lintnews-tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if like is not None:
            os.chmod(tmp, stat.S_IMODE(like.st_mode))
            if hasattr(os, "chown") and (like.st_uid, like.st_gid) != _owner(tmp):
                with suppress(PermissionError):  # only root may give a file away
                    os.chown(tmp, like.st_uid, like.st_gid)
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_directory(directory)


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable (POSIX); harmless where unsupported."""
    with suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
