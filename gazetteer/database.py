"""``Gazetteer``: the read side of a store (lookup by name, by id, by point, by hierarchy)."""

from __future__ import annotations

import logging
import math
import sqlite3
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import store
from .exc import StoreError
from .models import Candidate, Place, StoreStats
from .names import (ARABIC_NAMED, fold, is_latin, loose, loose_twin, without_article,
                    without_silent_h)

log = logging.getLogger(__name__)

_COLUMNS = (
    "p.id, p.name, p.ascii_name, p.alt_names, p.lat, p.lon, p.feature_class, p.feature_code,"
    " p.country_code, p.admin1_code, a1.name, p.admin2_code, a2.name, p.population, p.source,"
    " p.importance")
# The same without the alternate names, for callers that only rank places: the list is long
# for big cities, and reading and splitting it was a quarter of a first lookup's time.
_COLUMNS_UNNAMED = _COLUMNS.replace("p.alt_names", "'' AS alt_names")
_JOIN_ADMIN = (
    " LEFT JOIN admin a1 ON a1.code = p.country_code || '.' || p.admin1_code"
    " LEFT JOIN admin a2 ON a2.code = p.country_code || '.' || p.admin1_code || '.' || p.admin2_code")
_EARTH_KM = 6371.0088
SCRIPT_PENALTY = 4.0  # ranking cost of matching only through a non-Latin name's transliteration
LOOSE_PENALTY = 2.0  # ranking cost of a loose (skeleton) match


def _built(model: type, values: dict, fields_set: set[str]) -> Any:
    """A pydantic model from trusted values with every field given: what ``model_construct``
    makes, without its per-field default handling (a quarter of a lookup's time, and a
    lookup builds dozens).  tests/test_gazetteer_store.py checks both agree.

    ``fields_set`` is shared by every record of a model: all fields are set, so pydantic's
    only change to it (adding a field on assignment) leaves it as it is, and a set per
    record was half a cached candidate's memory."""
    obj = model.__new__(model)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", fields_set)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


_PLACE_FIELDS = set(Place.model_fields)
_CANDIDATE_FIELDS = set(Candidate.model_fields)
_intern = sys.intern  # codes, admin names and sources repeat across thousands of records


def _place(row: tuple) -> Place:
    # rows come from our own validated store, and lookups must be cheap
    return _built(Place, {
        "id": row[0], "name": row[1], "ascii_name": row[2],
        "alternate_names": row[3].split("\x1f") if row[3] else [], "lat": row[4], "lon": row[5],
        "feature_class": _intern(row[6]), "feature_code": _intern(row[7]),
        "country_code": _intern(row[8]), "admin1_code": _intern(row[9]),
        "admin1_name": row[10] and _intern(row[10]), "admin2_code": _intern(row[11]),
        "admin2_name": row[12] and _intern(row[12]), "population": row[13],
        "source": _intern(row[14])}, _PLACE_FIELDS)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """A local place database: open one with :meth:`open`, then look places up.

    >>> gaz = Gazetteer.open()                      # the default store, built on first use
    >>> gaz.lookup("Terter")[0].place.name
    'Tartar'
    """

    def __init__(self, path: Path, meta: dict[str, str], cache_size: int = 60_000):
        self.path = path
        self.meta = meta
        self._conn = store.connect_readonly(path)
        self._lock = threading.Lock()
        # LRU of lookup results, bounded by the number of candidates held (not of names): a name
        # with 150 namesakes costs 150 times more memory than a unique one.
        self._cache: OrderedDict[tuple, tuple[int, list[Candidate]]] = OrderedDict()
        self._cache_size = cache_size
        self._cached = 0
        self._countries: dict[str, str] | None = None

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, *, build: bool = True,
             progress: bool | None = None) -> "Gazetteer":
        """Open a store.

        With no ``path`` the default store (``$GEOMAP_GAZETTEER`` or the user data folder) is used
        and built from the embedded data on first use, or rebuilt if it is partial or corrupt.  A
        named ``path`` where nothing exists yet starts a new, empty store (fill it with ``add``);
        a named path that is damaged raises :class:`StoreError` rather than being overwritten.
        """
        named = path is not None
        target = Path(path).expanduser() if named else store.default_path()
        try:
            meta = store.check(target)
            if meta.get("kind") == "embedded-default" and \
                    meta.get("data_version") != store.EMBEDDED_DATA:
                log.warning("%s was built from older embedded data; `geomap gazetteer build` "
                            "refreshes it (places you added must then be added again)", target)
            return cls(target, meta)
        except StoreError as err:
            if not build:
                raise
            if named and target.exists():
                raise
            from .embedded import build_default  # late: the builder pulls in the data packages
            from .importer import create_empty
            with store.lock_for(target):
                try:  # another process may have built it while we waited for the lock
                    return cls(target, store.check(target))
                except StoreError:
                    pass
                if named:
                    log.warning("starting a new, empty gazetteer at %s", target)
                    create_empty(target)
                else:
                    if target.exists():
                        log.warning("%s; rebuilding the default gazetteer", err)
                    build_default(target, progress=progress)
            return cls(target, store.check(target))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __getstate__(self):
        # Processes get the path and reopen the file: a connection cannot cross a fork or pickle.
        return {"path": self.path, "meta": self.meta, "cache_size": self._cache_size}

    def __setstate__(self, state) -> None:
        self.__init__(state["path"], state["meta"], state["cache_size"])

    def _query(self, sql: str, args: tuple = (), build: Callable[[Iterable], Any] = list) -> Any:
        """``build`` over the rows (a list by default), under the lock; damage is a StoreError."""
        with self._lock:
            try:
                return build(self._conn.execute(sql, args))
            except sqlite3.DatabaseError as exc:
                raise StoreError(self.path, f"corrupt store ({exc})") from exc

    # -- lookups ---------------------------------------------------------------------------
    def lookup(self, name: str, country: str | None = None, limit: int = 10,
               loose_match: bool = True, names: bool = True) -> list[Candidate]:
        """Places called ``name`` (any spelling the store knows), most important first.

        Exact key matches (case, diacritics, script and punctuation folded) come first; when
        fewer than ``limit`` are found and ``loose_match`` is on, loose-key matches (vowels and
        transliteration pairs merged) fill up the list after them.  ``country`` (ISO alpha-2)
        restricts the search.  ``names=False`` leaves the places' ``alternate_names`` empty
        (faster, for ranking).  A name with an Arabic article that no place is called is
        looked up without it, in the countries that write one ("Al Gezira" is Sudan's Gezira),
        and so is a name ending in a silent "h" ("Hodeidah" is Hodeida).
        """
        key = fold(name)
        if not key or limit <= 0:
            return []
        latin_query = is_latin(name)
        country = country.upper() if country else None
        columns = _COLUMNS if names else _COLUMNS_UNNAMED
        found = self._cached_match("key", (key,), country, limit, latin_query, columns)
        if not found:  # "Al Gezira": the store has "Gezira"; "Hodeidah" Hodeida
            for bare in (fold(without_article(name)), without_silent_h(key)):
                found = [c for c in self._cached_match("key", (bare,), country, limit,
                                                       latin_query, columns)
                         if c.place.country_code in ARABIC_NAMED] if bare else []
                if found:
                    break
        skeletons = tuple(s for s in (loose(key), loose_twin(key)) if s)
        if loose_match and skeletons and len(found) < limit:
            seen = {c.place.id for c in found}
            more = self._cached_match("loose", skeletons, country, limit + len(found),
                                      latin_query, columns)
            found += [c for c in more if c.place.id not in seen][: limit - len(found)]
        return found

    def _cached_match(self, column: str, values: tuple[str, ...], country: str | None,
                      limit: int, latin_query: bool, columns: str) -> list[Candidate]:
        """``_match`` through an LRU that answers any limit up to the largest one asked: the
        recogniser asks for 10 namesakes and the resolver for 40 of the same name."""
        cache_key = (column, values, country, latin_query, columns)
        hit = self._cache.get(cache_key)
        if hit is not None and (limit <= hit[0] or len(hit[1]) < hit[0]):
            self._cache.move_to_end(cache_key)
            return hit[1][:limit]
        how = "exact" if column == "key" else "loose"
        found = self._match(column, values, country, limit, how, latin_query, columns)
        if hit is not None:
            self._cached -= len(hit[1]) + 1
        self._cache[cache_key] = (limit, found)
        self._cached += len(found) + 1
        while self._cached > self._cache_size:
            self._cached -= len(self._cache.popitem(last=False)[1][1]) + 1
        return found[:]

    def _match(self, column: str, values: tuple[str, ...], country: str | None, limit: int,
               how: str, latin_query: bool, columns: str = _COLUMNS) -> list[Candidate]:
        # A Latin-script query matching a place only through a transliterated non-Latin name
        # (e.g. a Japanese name that folds to "baku") ranks below places that carry it in Latin.
        script_penalty = SCRIPT_PENALTY if latin_query else 0.0
        marks = ", ".join("?" * len(values))
        sql = (f"WITH m AS (SELECT place_id, name AS matched, max(flags & {store.LATIN}) AS latin"
               f" FROM name WHERE {column} IN ({marks}) AND {column} <> ''"  # partial index
               f" GROUP BY place_id)"
               f" SELECT {columns}, m.matched, p.importance - (CASE WHEN m.latin THEN 0 ELSE ? END)"
               f" AS score FROM m JOIN place p ON p.id = m.place_id{_JOIN_ADMIN}")
        args: tuple = (*values, script_penalty)
        if country:
            sql += " WHERE p.country_code = ?"
            args += (country.upper(),)
        sql += " ORDER BY score DESC, p.id LIMIT ?"
        rows = self._query(sql, args + (limit,))
        penalty = 0.0 if how == "exact" else LOOSE_PENALTY
        return [_built(Candidate, {"place": _place(r), "matched_name": r[16], "match": how,
                                   "score": round(r[17] - penalty, 4)}, _CANDIDATE_FIELDS)
                for r in rows]

    def get(self, place_id: int) -> Place | None:
        """The place with this id, or None."""
        rows = self._query(f"SELECT {_COLUMNS} FROM place p{_JOIN_ADMIN} WHERE p.id = ?",
                           (place_id,))
        return _place(rows[0]) if rows else None

    def near(self, lat: float, lon: float, radius_km: float = 10.0, limit: int = 20,
             feature_class: str | None = None) -> list[tuple[Place, float]]:
        """Places within ``radius_km`` of a point, nearest first, with their distance in km."""
        dlat = radius_km / 111.0
        dlon = radius_km / max(1e-6, 111.320 * math.cos(math.radians(min(abs(lat), 89.9))))
        sql = (f"SELECT {_COLUMNS} FROM place_box b JOIN place p ON p.id = b.id{_JOIN_ADMIN}"
               " WHERE b.max_lat >= ? AND b.min_lat <= ? AND b.max_lon >= ? AND b.min_lon <= ?")
        args: tuple = (lat - dlat, lat + dlat, lon - dlon, lon + dlon)
        if feature_class:
            sql += " AND p.feature_class = ?"
            args += (feature_class,)
        hits = []
        for row in self._query(sql, args):
            dist = haversine_km(lat, lon, row[4], row[5])
            if dist <= radius_km:
                hits.append((dist, -row[15], _place(row)))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [(p, round(d, 3)) for d, _, p in hits[:limit]]

    def parents(self, place_id: int) -> list[Place]:
        """The administrative areas containing a place, smallest first (ADM2, ADM1, country)."""
        place = self.get(place_id)
        if place is None:
            return []
        codes = []
        if place.admin2_code and place.feature_code != "ADM2":
            codes.append(f"{place.country_code}.{place.admin1_code}.{place.admin2_code}")
        if place.admin1_code and place.feature_code != "ADM1":
            codes.append(f"{place.country_code}.{place.admin1_code}")
        ids = []
        for code in codes:
            rows = self._query("SELECT place_id FROM admin WHERE code = ?", (code,))
            if rows and rows[0][0] is not None:
                ids.append(rows[0][0])
        if not place.feature_code.startswith("PCL"):
            rows = self._query("SELECT place_id FROM country WHERE code = ?", (place.country_code,))
            if rows and rows[0][0] is not None:
                ids.append(rows[0][0])
        return [p for p in (self.get(i) for i in ids if i != place_id) if p is not None]

    def children(self, place_id: int, limit: int = 1000) -> list[Place]:
        """Places directly inside a country (its ADM1s), an ADM1 (ADM2s and places) or an ADM2,
        most important first."""
        where = self._inside(place_id)
        if where is None:
            return []
        rows = self._query(f"SELECT {_COLUMNS} FROM place p{_JOIN_ADMIN} WHERE {where[0]}"
                           " ORDER BY p.importance DESC, p.id LIMIT ?", where[1] + (limit,))
        return [_place(r) for r in rows]

    def population_within(self, place: Place) -> int:
        """How many people the towns inside a province or district hold (their populations
        summed; the store's areas carry none of their own), or a town's own population."""
        if place.feature_code not in ("ADM1", "ADM2"):
            return place.population
        where, args = "p.country_code = ? AND p.admin1_code = ?", [place.country_code,
                                                                     place.admin1_code]
        if place.feature_code == "ADM2":
            where, args = where + " AND p.admin2_code = ?", args + [place.admin2_code]
        rows = self._query(f"SELECT COALESCE(SUM(p.population), 0) FROM place p WHERE {where}"
                           " AND p.feature_class = 'P'", tuple(args))
        return int(rows[0][0])

    def child_points(self, place_id: int, limit: int = 1000) -> list[tuple[float, float]]:
        """The (lat, lon) of the same places as :meth:`children`, in the same order: what an
        area's middle is computed from, without building a record per place (a province's
        towns number in the thousands)."""
        where = self._inside(place_id)
        if where is None:
            return []
        return self._query(f"SELECT p.lat, p.lon FROM place p WHERE {where[0]}"
                           " ORDER BY p.importance DESC, p.id LIMIT ?", where[1] + (limit,))

    def _inside(self, place_id: int) -> tuple[str, tuple] | None:
        """The SQL condition (and its arguments) for the places directly inside a place."""
        place = self.get(place_id)
        if place is None:
            return None
        cc, a1, a2 = place.country_code, place.admin1_code, place.admin2_code
        code = place.feature_code
        if code.startswith("PCL"):
            return "p.country_code = ? AND p.feature_code = 'ADM1'", (cc,)
        if code == "ADM1":
            return ("p.country_code = ? AND p.admin1_code = ? AND p.id <> ? AND"
                    " (p.feature_code = 'ADM2' OR p.admin2_code = '')", (cc, a1, place_id))
        if code == "ADM2":
            return ("p.country_code = ? AND p.admin1_code = ? AND p.admin2_code = ? AND"
                    " p.id <> ?", (cc, a1, a2, place_id))
        return None

    def areas_called(self, names: Iterable[str]) -> list[Place]:
        """The provinces and districts (ADM1, ADM2) any of these names exactly, in one query:
        what a caller asking after many spellings at once needs, without a lookup each."""
        keys = sorted({k for k in map(fold, names) if k})
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        rows = self._query(
            f"SELECT {_COLUMNS_UNNAMED} FROM place p{_JOIN_ADMIN} WHERE p.id IN (SELECT place_id"
            f" FROM name WHERE key IN ({marks})) AND p.feature_code IN ('ADM1', 'ADM2')"
            " ORDER BY p.importance DESC, p.id", tuple(keys))
        return [_place(r) for r in rows]

    def area_names(self, feature_code: str = "ADM1") -> list[tuple[int, str, str]]:
        """Every name (any spelling) of the areas of one feature code, as (place id, country
        code, name): a name list without a record per area."""
        return self._query("SELECT p.id, p.country_code, n.name FROM place p JOIN name n ON"
                           " n.place_id = p.id WHERE p.feature_code = ?", (feature_code,))

    def provinces(self) -> list[Place]:
        """Every first-level area (ADM1), by country, most important first."""
        rows = self._query(f"SELECT {_COLUMNS} FROM place p{_JOIN_ADMIN} WHERE"
                           " p.feature_code = 'ADM1' ORDER BY p.country_code, p.importance DESC,"
                           " p.id")
        return [_place(r) for r in rows]

    def name_index(self) -> dict[str, tuple[float, int]]:
        """Every Latin-script name key -> (importance of its best place, number of places).

        What a text recogniser needs to decide cheaply whether a word can be a place name.
        """
        shared: dict[tuple[float, int], tuple[float, int]] = {}

        def index(rows: Iterable) -> dict[str, tuple[float, int]]:
            # rows one at a time; 513k keys share 51k distinct values (35 MB less)
            return {k: shared.setdefault((imp, n), (imp, n)) for k, imp, n in rows}
        return self._query("SELECT key, importance, places FROM name_index", build=index)

    def countries(self) -> list[dict]:
        """All countries: code, name, place_id, capital, demonym, population, continent."""
        cols = ("code", "name", "place_id", "capital", "demonym", "population", "continent")
        return [dict(zip(cols, r)) for r in self._query(
            "SELECT code, name, place_id, capital, demonym, population, continent FROM country")]

    def capital(self, code: str) -> Place | None:
        """The capital of a country code (its PPLC, else the best place of the capital's name
        there), or None."""
        rows = self._query("SELECT capital FROM country WHERE code = ?", (code.upper(),))
        name = rows[0][0] if rows else None
        found = self.lookup(name, country=code, limit=5, loose_match=False) if name else []
        return next((c.place for c in found if c.place.feature_code == "PPLC"),
                    found[0].place if found else None)

    def country_name(self, code: str) -> str | None:
        """The English name of a country code, e.g. 'AZ' -> 'Azerbaijan'."""
        if self._countries is None:
            self._countries = dict(self._query("SELECT code, name FROM country"))
        return self._countries.get(code.upper())

    def feature_name(self, feature_class: str, feature_code: str) -> str | None:
        """GeoNames' description of a feature code, when the store has featureCodes imported."""
        rows = self._query("SELECT name FROM feature_code WHERE code = ?",
                           (f"{feature_class}.{feature_code}",))
        return rows[0][0] if rows else None

    def stats(self) -> StoreStats:
        """Counts of what the store holds."""
        count = lambda sql: self._query(sql)[0][0]  # noqa: E731
        return StoreStats(
            path=str(self.path), size_bytes=self.path.stat().st_size,
            schema_version=int(self.meta["schema_version"]), built=self.meta.get("built"),
            places=count("SELECT count(*) FROM place"), names=count("SELECT count(*) FROM name"),
            countries=count("SELECT count(*) FROM country"),
            admin_codes=count("SELECT count(*) FROM admin"),
            by_source=dict(self._query("SELECT source, count(*) FROM place GROUP BY source")),
            by_feature_class=dict(self._query(
                "SELECT feature_class, count(*) FROM place GROUP BY feature_class")))
