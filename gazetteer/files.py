"""Reading dump files line by line: plain, .gz or .zip, decoded line by line so that a bad byte
costs one reported line, not the file."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from .exc import ImportFileError


def _open_binary(path: Path) -> io.BufferedIOBase:
    try:
        if path.suffix.lower() == ".gz":
            return gzip.open(path, "rb")
        if path.suffix.lower() == ".zip":
            return _zip_member(path)
        return open(path, "rb")
    except FileNotFoundError as exc:
        raise ImportFileError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise ImportFileError(path, "is a folder, not a file") from exc
    except PermissionError as exc:
        raise ImportFileError(path, "permission denied") from exc
    except (OSError, zipfile.BadZipFile) as exc:
        raise ImportFileError(path, f"cannot open: {exc}") from exc


def _zip_member(path: Path) -> io.BufferedIOBase:
    archive = zipfile.ZipFile(path)
    members = [m for m in archive.namelist()
               if m.lower().endswith((".txt", ".tsv", ".csv")) and "readme" not in m.lower()]
    if len(members) != 1:
        raise ImportFileError(path, f"expected one data file in the zip, found {members or 'none'}")
    return archive.open(members[0])


def lines(path: Path) -> Iterator[tuple[int, str | None, bytes]]:
    """Yield (line number, decoded text or None if not UTF-8, raw bytes) without line endings."""
    with _open_binary(path) as fh:
        head = fh.peek(4096)[:4096] if hasattr(fh, "peek") else b""
        if b"\x00" in head:
            raise ImportFileError(path, "binary data (NUL bytes), not a text dump")
        try:
            for number, raw in enumerate(fh, start=1):
                raw = raw.rstrip(b"\r\n")
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    text = None
                if number == 1 and text and text.startswith("\ufeff"):
                    text = text[1:]
                yield number, text, raw
        except (OSError, EOFError, zipfile.BadZipFile, gzip.BadGzipFile) as exc:
            raise ImportFileError(path, f"truncated or damaged archive: {exc}") from exc
