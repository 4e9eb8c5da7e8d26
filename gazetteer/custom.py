"""An analyst's own places: a CSV or TSV file with a header row.

Columns (header names, any order; `name`, `lat`, `lon`, `country` required):

=================  ==========================================================================
name               the place's name as it should be displayed
alternate_names    other spellings, separated by ``|`` (or ``;``)
lat, lon           WGS84 decimal degrees
feature_type       a GeoNames code (``PPL``, ``P.PPL``, ``ADM2``) or one of the words in
                   ``FEATURE_WORDS`` (village, town, city, district, region, base, ...);
                   default ``PPL``
country            ISO 3166-1 alpha-2 code
parent             optional: the geonameid, admin code (``AZ.57``) or name of the
                   administrative area it lies in; gives the place its admin codes
population         optional integer
id                 optional integer; without it a stable negative id is derived from name,
                   country and point, so importing the same file twice changes nothing
=================  ==========================================================================
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from . import store
from .geonames import FEATURE_CLASSES, Problem, parse_coordinate, parse_int
from .names import fold

FEATURE_WORDS = {
    "village": ("P", "PPL"), "town": ("P", "PPL"), "city": ("P", "PPL"),
    "settlement": ("P", "PPL"), "capital": ("P", "PPLC"), "neighbourhood": ("P", "PPLX"),
    "district": ("A", "ADM2"), "region": ("A", "ADM1"), "province": ("A", "ADM1"),
    "state": ("A", "ADM1"), "country": ("A", "PCLI"), "area": ("L", "AREA"),
    "border": ("L", "AREA"), "mountain": ("T", "MT"), "hill": ("T", "HLL"), "pass": ("T", "PASS"),
    "river": ("H", "STM"), "lake": ("H", "LK"), "base": ("S", "INSM"), "camp": ("S", "CMP"),
    "checkpoint": ("S", "CTRL"), "airport": ("S", "AIRP"), "building": ("S", "BLDG"),
    "bridge": ("S", "BDG"), "road": ("R", "RD"),
}
REQUIRED = ("name", "lat", "lon", "country")


def is_custom_header(line: str) -> bool:
    cols = {c.strip().lower() for c in re.split(r"[\t,;]", line)}
    return {"name", "lat", "lon"} <= cols


def _feature(text: str) -> tuple[str, str] | None:
    text = text.strip()
    if not text:
        return ("P", "PPL")
    if text.lower() in FEATURE_WORDS:
        return FEATURE_WORDS[text.lower()]
    if "." in text:
        fclass, code = text.split(".", 1)
        return (fclass.upper(), code.upper()) if fclass.upper() in FEATURE_CLASSES else None
    code = text.upper()
    if code.startswith("PPL"):
        return ("P", code)
    if code.startswith(("ADM", "PCL")):
        return ("A", code)
    known = {c: fc for fc, c in FEATURE_WORDS.values()}
    return (known[code], code) if code in known else None


def stable_id(name: str, country: str, lat: float, lon: float) -> int:
    digest = hashlib.sha1(f"{fold(name)}|{country}|{lat:.5f}|{lon:.5f}".encode()).hexdigest()
    return -int(digest[:12], 16)


def _parent_codes(writer: store.Writer, parent: str, country: str) -> tuple[str, str] | None:
    conn = writer.conn
    parent = parent.strip()
    if re.fullmatch(r"-?\d+", parent):
        rows = conn.execute("SELECT admin1_code, admin2_code FROM place WHERE id = ?",
                            (int(parent),)).fetchall()
    elif re.fullmatch(r"[A-Za-z]{2}\.[^.]+(\.[^.]+)?", parent):
        parts = parent.split(".")
        return (parts[1], parts[2] if len(parts) > 2 else "")
    else:
        rows = conn.execute(
            "SELECT p.admin1_code, p.admin2_code FROM name n JOIN place p ON p.id = n.place_id"
            " WHERE n.key = ? AND p.country_code = ? AND p.feature_class = 'A'"
            " ORDER BY p.importance DESC LIMIT 1", (fold(parent), country)).fetchall()
    return tuple(rows[0]) if rows else None


def write_custom(lines: Iterable[tuple[int, str]], path: Path, writer: store.Writer,
                 problem: Problem) -> None:
    it = iter(lines)
    _, header = next(it)
    delimiter = "\t" if "\t" in header else ("," if "," in header else ";")
    columns = [c.strip().lower() for c in next(csv.reader([header], delimiter=delimiter))]
    source = f"custom:{path.name}"
    places, alts = [], []
    for number, line in it:
        try:
            values = next(csv.reader([line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            problem(number, "bad CSV row")
            continue
        if len(values) != len(columns):
            problem(number, f"wrong column count: {len(values)}, the header has {len(columns)}")
            continue
        row = dict(zip(columns, (v.strip() for v in values)))
        place = _custom_place(row, writer, source, number, problem)
        if place is not None:
            places.append(place)
            alts.append([a.strip() for a in re.split(r"[|;]", row.get("alternate_names", ""))])
    writer.upsert_places(places, alts)


def _custom_place(row: dict, writer: store.Writer, source: str, number: int,
                  problem: Problem) -> tuple | None:
    name, country = row.get("name", ""), row.get("country", "").upper()
    lat, lon = parse_coordinate(row.get("lat", ""), 90), parse_coordinate(row.get("lon", ""), 180)
    feature = _feature(row.get("feature_type", ""))
    population = parse_int(row.get("population", ""), 0)
    given_id = parse_int(row.get("id", ""), 0)
    checks = [(not name, "empty name"), (not re.fullmatch(r"[A-Z]{2}", country),
              f"bad country code {row.get('country')!r}"),
              (lat is None or lon is None, f"bad coordinate {row.get('lat')!r}, {row.get('lon')!r}"),
              (feature is None, f"unknown feature_type {row.get('feature_type')!r}"),
              (population is None, f"bad population {row.get('population')!r}"),
              (given_id is None, f"bad id {row.get('id')!r}")]
    for failed, reason in checks:
        if failed:
            problem(number, reason)
            return None
    admin1 = admin2 = ""
    if row.get("parent"):
        codes = _parent_codes(writer, row["parent"], country)
        if codes is None:
            problem(number, f"unknown parent {row['parent']!r}")
            return None
        admin1, admin2 = codes
    pid = given_id or stable_id(name, country, lat, lon)
    return (pid, name, name, lat, lon, feature[0], feature[1], country, admin1, admin2,
            population, source)
