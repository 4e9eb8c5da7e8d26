"""Parsers for the standard GeoNames export files (https://download.geonames.org/export/dump/).

Each parser takes validated text lines and writes through a :class:`store.Writer`; a bad row is
reported to ``problems`` with its line number and skipped, never written half-way.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import store

Problem = Callable[[int, str], None]
Lines = Iterable[tuple[int, str]]

FEATURE_CLASSES = set("AHLPRSTUV")
# alternate-name "languages" that are not names: links, postal codes, airport and other codes.
NOT_NAMES = {"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "tcid", "fr_1793", "phon"}
_ADMIN_CODE = re.compile(r"^[A-Z]{2}\.[^.\s]+(\.[^.\s]+)?$")
BATCH = 20_000


def parse_coordinate(text: str, limit: float) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if -limit <= value <= limit else None


def parse_int(text: str, default: int | None = None) -> int | None:
    text = text.strip()
    if not text:
        return default
    try:
        return int(text)
    except ValueError:
        return None


def parse_geoname(line: str, number: int, problem: Problem) -> tuple | None:
    """One row of the 19-column ``geoname`` table (country files, allCountries, citiesN)."""
    cols = line.split("\t")
    if len(cols) != 19:
        problem(number, f"wrong column count: {len(cols)}, a geoname row has 19")
        return None
    gid = parse_int(cols[0])
    if gid is None or gid <= 0:
        problem(number, f"bad geonameid {cols[0]!r}")
        return None
    if not cols[1].strip():
        problem(number, "empty name")
        return None
    lat, lon = parse_coordinate(cols[4], 90), parse_coordinate(cols[5], 180)
    if lat is None or lon is None:
        problem(number, f"bad coordinate {cols[4]!r}, {cols[5]!r}")
        return None
    if cols[6] not in FEATURE_CLASSES:
        problem(number, f"bad feature class {cols[6]!r}")
        return None
    population = parse_int(cols[14], 0)
    if population is None:
        problem(number, f"bad population {cols[14]!r}")
        return None
    return (gid, cols[1].strip(), cols[2].strip() or cols[1].strip(), lat, lon, cols[6],
            cols[7] or "", cols[8].upper(), cols[10], cols[11], population), cols[3]


def write_geonames(lines: Lines, writer: store.Writer, source: str, problem: Problem) -> None:
    batch, alts, admins, countries = [], [], [], []
    for number, line in lines:
        parsed = parse_geoname(line, number, problem)
        if parsed is None:
            continue
        row, alternates = parsed
        batch.append((*row, source))
        alts.append([a for a in alternates.split(",") if a])
        gid, name, ascii_name, _, _, fclass, fcode, cc, a1, a2 = row[:10]
        if fcode == "ADM1" and a1:
            admins.append((f"{cc}.{a1}", name, ascii_name, gid))
        elif fcode == "ADM2" and a1 and a2:
            admins.append((f"{cc}.{a1}.{a2}", name, ascii_name, gid))
        elif fcode in ("PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR") and cc:
            countries.append((cc, gid))
        if len(batch) >= BATCH:
            writer.upsert_places(batch, alts)
            batch, alts = [], []
    writer.upsert_places(batch, alts)
    # admin codes from the dump fill gaps only: admin1CodesASCII/admin2Codes names win
    writer.conn.executemany("INSERT OR IGNORE INTO admin(code, name, ascii_name, place_id)"
                            " VALUES (?,?,?,?)", admins)
    writer.conn.executemany("UPDATE country SET place_id = ? WHERE code = ?",
                            [(gid, cc) for cc, gid in countries])


def write_alternate_names(rows: Iterator[tuple[int, list[str]]], writer: store.Writer,
                          problem: Problem) -> int:
    """Alternate-name rows: alternateNameId, geonameid, lang, name, isPreferred, isShort,
    isColloquial, isHistoric[, from, to].  Returns how many rows were not names (links,
    postal codes, airport codes): skipped by design, not as bad rows."""
    batch, ignored = [], 0
    for number, cols in rows:
        gid = parse_int(cols[1])
        if gid is None or gid <= 0:
            problem(number, f"bad geonameid {cols[1]!r}")
            continue
        lang, name = cols[2].strip(), cols[3].strip()
        if lang in NOT_NAMES:
            ignored += 1
            continue
        if not name:
            problem(number, "empty name")
            continue
        flags = 0
        for i, bit in ((4, store.PREFERRED), (5, store.SHORT), (6, store.COLLOQUIAL),
                       (7, store.HISTORIC)):
            if len(cols) > i and cols[i].strip() == "1":
                flags |= bit
        batch.append((gid, name, lang, flags))
        if len(batch) >= BATCH:
            writer.add_names(batch)
            batch = []
    writer.add_names(batch)
    return ignored


def tsv_rows(lines: Lines, columns: int, problem: Problem) -> Iterator[tuple[int, list[str]]]:
    """Split tab-separated lines, reporting rows with another column count."""
    for number, line in lines:
        cols = line.split("\t")
        if len(cols) != columns:
            problem(number, f"wrong column count: {len(cols)}, expected {columns}")
            continue
        yield number, cols


def csv_rows(lines: Lines, columns: int, problem: Problem) -> Iterator[tuple[int, list[str]]]:
    """Comma-separated alternate names (as some mirrors convert them), header already removed."""
    for number, line in lines:
        try:
            cols = next(csv.reader([line]))
        except csv.Error as exc:
            problem(number, f"bad CSV: {exc}")
            continue
        if len(cols) != columns:
            problem(number, f"wrong column count: {len(cols)}, expected {columns}")
            continue
        yield number, cols


def write_admin_codes(lines: Lines, writer: store.Writer, dots: int, problem: Problem) -> int:
    """admin1CodesASCII.txt / admin2Codes.txt: code, name, ascii name, geonameid."""
    rows = []
    for number, cols in tsv_rows(lines, 4, problem):
        code = cols[0].strip()
        if not _ADMIN_CODE.match(code) or code.count(".") != dots:
            problem(number, f"bad admin code {code!r}")
            continue
        gid = parse_int(cols[3])
        if gid is None:
            problem(number, f"bad geonameid {cols[3]!r}")
            continue
        if not cols[1].strip():
            problem(number, "empty name")
            continue
        rows.append((code, cols[1].strip(), cols[2].strip() or cols[1].strip(), gid))
    return writer.upsert_admin(rows)


def write_country_info(lines: Lines, writer: store.Writer, problem: Problem) -> int:
    """countryInfo.txt (19 columns, '#' comment lines)."""
    rows = []
    for number, cols in tsv_rows(lines, 19, problem):
        code = cols[0].strip().upper()
        if number == 1 and code == "ISO":
            continue  # a header row without its '#'
        if not re.fullmatch(r"[A-Z]{2}", code):
            problem(number, f"bad ISO code {cols[0]!r}")
            continue
        rows.append((code, cols[1], cols[4], parse_int(cols[16]), cols[5], cols[8],
                     parse_int(cols[7], 0) or 0, cols[17], None))
    return writer.upsert_countries(rows)


def write_feature_codes(lines: Lines, writer: store.Writer, problem: Problem) -> int:
    """featureCodes_xx.txt: 'A.ADM1', name, description."""
    rows = []
    for number, cols in tsv_rows(lines, 3, problem):
        if cols[0] == "null":
            continue
        if not re.fullmatch(r"[A-Z]\.[A-Z0-9]+", cols[0]):
            problem(number, f"bad feature code {cols[0]!r}")
            continue
        rows.append((cols[0], cols[1], cols[2]))
    return writer.upsert_feature_codes(rows)


def source_name(path: Path) -> str:
    return f"geonames:{path.name}"
