"""Every exception the gazetteer raises (one module, as in geopy)."""

from __future__ import annotations

from pathlib import Path


class GazetteerError(Exception):
    """Base class of all gazetteer errors."""


class StoreError(GazetteerError):
    """The store file cannot be used: missing, partial, corrupt or from another schema."""

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ImportFileError(GazetteerError):
    """A file given to the importer cannot be read as a whole (unknown format, empty, unreadable).

    Nothing from the run that hit it is written: imports are one transaction.
    """

    def __init__(self, path: Path | str, reason: str, line: int | None = None):
        self.path = Path(path)
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")


class DownloadError(GazetteerError):
    """A GeoNames file could not be fetched."""
