"""Atomic file writes for every geomap output (JSON, reports, maps).

A reader (or a crash) never sees half a file: the data goes to a temporary file in the target's
folder (same file system, so the rename is atomic) and ``os.replace`` swaps it in.  The parent
folder must exist: creating it silently would hide a mistyped output path.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["write_bytes_atomic", "write_json_atomic", "write_text_atomic"]


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; on any failure the old file (if any) is untouched."""
    target = Path(path)
    mode = _target_mode(target)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())  # the data must be on disk before the rename makes it visible
        os.chmod(temp, mode)  # mkstemp creates 0600; outputs should look like ordinary files
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(target.parent)


def write_text_atomic(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` atomically (no newline translation, so the bytes are exactly ``text``)."""
    write_bytes_atomic(path, text.encode(encoding))


def write_json_atomic(path: str | os.PathLike[str], data: str) -> None:
    """Write an already serialised JSON document atomically, ending it with a newline."""
    write_text_atomic(path, data if data.endswith("\n") else data + "\n")


def _target_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets 0666 minus the process umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The umask without changing it (``os.umask`` sets it, racing other threads' file creation)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort, since not every system allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
