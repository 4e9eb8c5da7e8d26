"""``add``: merge GeoNames dumps and user place files into a store, in one transaction.

The format of each file is recognised from its content (column count and first column), with
the file name telling admin1 from admin2 codes apart only where the content cannot.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from tqdm import tqdm

from . import geonames, store
from .custom import is_custom_header, write_custom
from .exc import ImportFileError
from .files import lines as raw_lines
from .models import ImportProblem, ImportSummary

MAX_PROBLEMS_LISTED = 200


def create_empty(path: Path) -> None:
    """Start a new store with no places (fill it with :func:`add`)."""
    with store.building(path, kind="user"):
        pass


class _Report:
    """Collects skipped rows for one run: counts by reason, and the first rows with file:line."""

    def __init__(self, summary: ImportSummary):
        self.summary = summary

    def for_file(self, path: Path):
        def problem(line: int, reason: str) -> None:
            kind = re.split(r"[:'\"]", reason, maxsplit=1)[0].strip()  # reason without values
            self.summary.skipped[kind] = self.summary.skipped.get(kind, 0) + 1
            if len(self.summary.problems) < MAX_PROBLEMS_LISTED:
                self.summary.problems.append(ImportProblem(path=str(path), line=line,
                                                           reason=reason))
        return problem


def _text_lines(path: Path, problem) -> Iterator[tuple[int, str]]:
    """Decoded, non-blank, non-comment lines; undecodable lines are reported and skipped."""
    for number, text, _raw in raw_lines(path):
        if text is None:
            problem(number, "not valid UTF-8")
            continue
        if not text.strip() or text.startswith("#"):
            continue
        yield number, text


def detect(path: Path, first: str) -> str:
    """Name the format of a file from its first data line."""
    name = path.name.lower()
    if first.lower().startswith("alternatenameid,"):
        return "alternate-names-csv"
    if is_custom_header(first):
        return "custom"
    cols = first.split("\t")
    head = cols[0].strip()
    if len(cols) == 19:
        return "geoname" if head.isdigit() else "country-info"
    if len(cols) in (8, 10) and head.isdigit() and cols[1].strip().isdigit():
        return "alternate-names"
    if len(cols) == 4 and re.fullmatch(r"[A-Z]{2}\.[^.]+(\.[^.]+)?", head):
        return "admin2" if head.count(".") == 2 or "admin2" in name else "admin1"
    if len(cols) == 3 and re.fullmatch(r"[A-Z]\.[A-Z0-9]+|null", head):
        return "feature-codes"
    raise ImportFileError(path, f"unrecognised format: the first data line has {len(cols)}"
                                " tab-separated columns; expected a GeoNames geoname dump (19),"
                                " countryInfo (19), alternate names (10 or 8), admin codes (4),"
                                " featureCodes (3) or a CSV/TSV with name, lat, lon columns")


def _import_file(path: Path, writer: store.Writer, report: _Report) -> str:
    problem = report.for_file(path)
    stream = _text_lines(path, problem)
    first = next(stream, None)
    if first is None:
        raise ImportFileError(path, "empty file: no data rows")
    fmt = detect(path, first[1])
    lines = itertools.chain([first], stream)
    summary = report.summary
    if fmt == "geoname":
        geonames.write_geonames(lines, writer, geonames.source_name(path), problem)
    elif fmt == "custom":
        write_custom(lines, path, writer, problem)
    elif fmt.startswith("alternate-names"):
        if fmt == "alternate-names-csv":
            rows = geonames.csv_rows(itertools.islice(lines, 1, None), 10, problem)
        else:
            rows = geonames.tsv_rows(lines, len(first[1].split("\t")), problem)
        summary.rows_ignored += geonames.write_alternate_names(rows, writer, problem)
    elif fmt in ("admin1", "admin2"):
        summary.admin_codes += geonames.write_admin_codes(lines, writer, int(fmt[-1]), problem)
    elif fmt == "country-info":
        summary.countries += geonames.write_country_info(lines, writer, problem)
    elif fmt == "feature-codes":
        geonames.write_feature_codes(lines, writer, problem)
    return fmt


def add(paths: Sequence[str | Path], store_path: str | Path | None = None,
        progress: bool | None = None, strict: bool = False) -> ImportSummary:
    """Merge files into a store by geonameid (idempotent: adding a file twice changes nothing).

    All files land in one transaction: if any file cannot be read as a whole (unknown format,
    empty, damaged archive), or ``strict`` is set and any row is bad, nothing is written and
    :class:`ImportFileError` says which file and line.  Otherwise bad rows are skipped and
    counted in the returned summary, with file and line.
    """
    from .database import Gazetteer

    with Gazetteer.open(store_path, progress=progress) as gaz:  # builds or creates as needed
        target = gaz.path
    summary = ImportSummary()
    report = _Report(summary)
    with store.lock_for(target), store.updating(target) as writer:
        for path in tqdm([Path(p) for p in paths], desc="importing", unit="file",
                         disable=progress is False, leave=False):
            summary.files[str(path)] = _import_file(path, writer, report)
            if strict and summary.problems:
                first = summary.problems[0]
                raise ImportFileError(first.path, first.reason, first.line)
        summary.places_added = writer.places_added
        summary.places_updated = writer.places_updated
        summary.names_added = writer.names_added
    return summary
