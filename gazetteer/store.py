"""The SQLite store: schema, safe opening, atomic builds and the one-transaction writer.

Readers open the file read-only; writers hold an exclusive file lock (``<store>.lock``) so that two
processes never build or import at once, and every import is one SQLite transaction.  A store is
only used when its ``meta`` table says it is complete and of this schema version.
"""

from __future__ import annotations

import math
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock
from platformdirs import user_data_dir

from .exc import StoreError
from .names import fold, is_latin, loose

SCHEMA_VERSION = 1
# Bumped when the embedded default's data or derivation changes; an older default store still
# works but is reported, since it may hold the user's imports that a silent rebuild would drop.
EMBEDDED_DATA = "3"
ENV_VAR = "GEOMAP_GAZETTEER"
SQLITE_MAGIC = b"SQLite format 3\x00"

# Name flags (bit set in name.flags).
MAIN, ASCII, PREFERRED, SHORT, COLLOQUIAL, HISTORIC, LATIN = 1, 2, 4, 8, 16, 32, 64

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, ascii_name TEXT NOT NULL,
    alt_names TEXT NOT NULL DEFAULT '', lat REAL NOT NULL, lon REAL NOT NULL,
    feature_class TEXT NOT NULL, feature_code TEXT NOT NULL, country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL DEFAULT '', admin2_code TEXT NOT NULL DEFAULT '',
    population INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL, importance REAL NOT NULL);
CREATE INDEX place_admin ON place(country_code, admin1_code, admin2_code);
CREATE TABLE name(
    place_id INTEGER NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, loose TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT '', flags INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(place_id, name)) WITHOUT ROWID;
CREATE INDEX name_key ON name(key);
CREATE INDEX name_loose ON name(loose) WHERE loose <> '';
CREATE TABLE admin(code TEXT PRIMARY KEY, name TEXT NOT NULL, ascii_name TEXT NOT NULL,
    place_id INTEGER) WITHOUT ROWID;
CREATE TABLE country(code TEXT PRIMARY KEY, iso3 TEXT, name TEXT NOT NULL, place_id INTEGER,
    capital TEXT, continent TEXT, population INTEGER, neighbours TEXT, demonym TEXT) WITHOUT ROWID;
CREATE TABLE feature_code(code TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL)
    WITHOUT ROWID;
CREATE VIRTUAL TABLE place_box USING rtree(id, min_lat, max_lat, min_lon, max_lon);
CREATE TABLE name_index(key TEXT PRIMARY KEY, importance REAL NOT NULL, places INTEGER NOT NULL)
    WITHOUT ROWID;
"""

_FEATURE_WEIGHT = {
    "CONT": 11.0, "PCLI": 10.0, "PCL": 10.0, "PCLD": 9.0, "PCLF": 9.0, "PCLS": 9.0, "PCLIX": 8.0,
    "TERR": 8.0, "ADM1": 6.5, "PPLC": 7.0, "PPLA": 5.0, "ADM2": 4.5, "PPLA2": 3.5, "RGN": 5.0,
    "ADMD": 3.0, "PPLA3": 3.0, "PPL": 2.5, "PPLX": 1.5, "MTS": 3.5, "ISL": 3.0, "LK": 3.0,
    "STM": 2.5, "SEA": 5.0, "OCN": 8.0, "GULF": 4.0, "DSRT": 4.0,
}
_CLASS_WEIGHT = {"A": 3.0, "P": 2.0, "L": 2.5, "H": 1.5, "T": 1.5, "S": 0.5, "R": 0.2, "V": 0.5,
                 "U": 0.5}


def importance(feature_class: str, feature_code: str, population: int) -> float:
    """Ranking prior of a place: how prominent its kind is, plus log10 of its population."""
    base = _FEATURE_WEIGHT.get(feature_code, _CLASS_WEIGHT.get(feature_class, 0.5))
    return round(base + math.log10(max(population, 0) + 1), 4)


def default_path() -> Path:
    """The store used when none is named: ``$GEOMAP_GAZETTEER`` or the user data folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("geomap", appauthor=False)) / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def lock_for(path: Path) -> FileLock:
    """The lock every writer of ``path`` holds (builds and imports)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(str(path) + ".lock", timeout=3600)


def check(path: Path) -> dict[str, str]:
    """Return the store's meta table, or raise StoreError saying what is wrong with the file."""
    if not path.exists():
        raise StoreError(path, "no gazetteer store here")
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise StoreError(path, f"cannot read: {exc.strerror}") from exc
    if header != SQLITE_MAGIC:
        raise StoreError(path, "not an SQLite file (corrupt or not a gazetteer store)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(path, f"corrupt store ({exc})") from exc
    if meta.get("schema_version") != str(SCHEMA_VERSION):
        raise StoreError(path, f"schema version {meta.get('schema_version')!r}, "
                               f"this geomap needs {SCHEMA_VERSION}: rebuild it")
    if meta.get("complete") != "1":
        raise StoreError(path, "partial store (a build was interrupted): rebuild it")
    return meta


def connect_readonly(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60, check_same_thread=False)
    conn.execute("PRAGMA query_only = 1")
    # 16 MB of pages per connection: each worker process has one, and GeoVirus runs no slower
    # than with 64 MB (the hot names sit in the lookup cache above SQLite)
    conn.execute("PRAGMA cache_size = -16384")
    return conn


@contextmanager
def building(path: Path, kind: str) -> Iterator["Writer"]:
    """Create a new store at ``path`` atomically: written beside it, renamed into place when done.

    A crash leaves only a stray ``.building-*`` file, never a half-written store at ``path``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        conn.executescript(SCHEMA)
        writer = Writer(conn)
        writer.begin()
        writer.set_meta(schema_version=str(SCHEMA_VERSION), kind=kind, complete="0")
        yield writer
        writer.finish()
        writer.set_meta(complete="1", built=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("ANALYZE")
        conn.close()
        os.replace(tmp, path)
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def updating(path: Path) -> Iterator["Writer"]:
    """One transaction on an existing store: all of it lands, or none of it."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=60)
    writer = Writer(conn)
    try:
        writer.begin()
        yield writer
        writer.finish()
        writer.set_meta(modified=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


PlaceRow = tuple  # (id, name, ascii_name, lat, lon, fclass, fcode, cc, admin1, admin2, population, source)
NameRow = tuple  # (place_id, name, lang, flags)


class Writer:
    """Inserts and merges rows by geonameid inside one open transaction."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.places_added = 0
        self.places_updated = 0
        self.names_added = 0
        self._touched_all = False
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched(id INTEGER PRIMARY KEY)")

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def set_meta(self, **values: str) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                              list(values.items()))

    def upsert_places(self, rows: Iterable[PlaceRow], alt_names: Iterable[list[str]] | None = None
                      ) -> None:
        """Insert or replace places by id; their main, ASCII and given alternate names are added."""
        rows = list(rows)
        if not rows:
            return
        ids = [r[0] for r in rows]
        existing = self._existing(ids)
        self.places_updated += len(existing)
        self.places_added += len(ids) - len(existing)
        self.conn.executemany(
            "INSERT INTO place(id, name, ascii_name, lat, lon, feature_class, feature_code,"
            " country_code, admin1_code, admin2_code, population, source, importance)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
            " name=excluded.name, ascii_name=excluded.ascii_name, lat=excluded.lat,"
            " lon=excluded.lon, feature_class=excluded.feature_class,"
            " feature_code=excluded.feature_code, country_code=excluded.country_code,"
            " admin1_code=excluded.admin1_code, admin2_code=excluded.admin2_code,"
            " population=excluded.population, source=excluded.source,"
            " importance=excluded.importance",
            [(*r, importance(r[5], r[6], r[10])) for r in rows])
        self.conn.executemany(
            "INSERT OR REPLACE INTO place_box(id, min_lat, max_lat, min_lon, max_lon)"
            " VALUES (?,?,?,?,?)", [(r[0], r[3], r[3], r[4], r[4]) for r in rows])
        names: list[NameRow] = []
        for r in rows:
            names.append((r[0], r[1], "", MAIN))
            if r[2] and r[2] != r[1]:
                names.append((r[0], r[2], "", ASCII))
        if alt_names is not None:
            for r, alts in zip(rows, alt_names):
                names.extend((r[0], a, "", 0) for a in alts if a)
        self.add_names(names)

    def add_names(self, rows: Iterable[NameRow]) -> None:
        """Add names (place_id, name, lang, flags); a name already known for a place is kept once."""
        prepared = []
        for place_id, name, lang, flags in rows:
            name = name.strip()
            key = fold(name)
            if not key:
                continue
            # All-lowercase "names" in GeoNames are machine romanisations ("han ken de", "baku"
            # for a Japanese name): treated like the non-Latin names they come from.
            latin = is_latin(name) and not name.islower()
            if latin:
                flags |= LATIN
            prepared.append((place_id, name, key, loose(key) if latin else "", lang, flags))
        if not prepared:
            return
        before = self.conn.total_changes
        self.conn.executemany(
            "INSERT OR IGNORE INTO name(place_id, name, key, loose, lang, flags)"
            " VALUES (?,?,?,?,?,?)", prepared)
        self.names_added += self.conn.total_changes - before
        # a name already known keeps one row; it gains the new row's flags and language
        self.conn.executemany(
            "UPDATE name SET flags = flags | ?, lang = CASE WHEN lang = '' THEN ? ELSE lang END"
            " WHERE place_id = ? AND name = ? AND (flags | ? <> flags OR (lang = '' AND ? <> ''))",
            [(f, lang, pid, n, f, lang) for pid, n, _, _, lang, f in prepared])
        if not self._touched_all:
            self.conn.executemany("INSERT OR IGNORE INTO touched(id) VALUES (?)",
                                  [(p[0],) for p in prepared])

    def has_name(self, key: str) -> bool:
        """Whether any place written so far is called by this name key."""
        return self.conn.execute("SELECT 1 FROM name WHERE key = ? LIMIT 1",
                                 (key,)).fetchone() is not None

    def touch_all(self) -> None:
        """Say that every place's names changed (used by full builds: cheaper than tracking ids)."""
        self._touched_all = True

    def upsert_admin(self, rows: Iterable[tuple[str, str, str, int | None]]) -> int:
        rows = list(rows)
        self.conn.executemany("INSERT OR REPLACE INTO admin(code, name, ascii_name, place_id)"
                              " VALUES (?,?,?,?)", rows)
        return len(rows)

    def upsert_countries(self, rows: Iterable[tuple]) -> int:
        """Rows of (code, iso3, name, place_id, capital, continent, population, neighbours,
        demonym); a later source's empty fields keep what an earlier one gave."""
        rows = list(rows)
        self.conn.executemany("INSERT OR IGNORE INTO country(code, name) VALUES (?, ?)",
                              [(r[0], r[2]) for r in rows])
        for col, i in (("iso3", 1), ("name", 2), ("place_id", 3), ("capital", 4),
                       ("continent", 5), ("population", 6), ("neighbours", 7), ("demonym", 8)):
            self.conn.executemany(f"UPDATE country SET {col} = ? WHERE code = ?",
                                  [(r[i], r[0]) for r in rows if r[i] not in (None, "")])
        return len(rows)

    def upsert_feature_codes(self, rows: Iterable[tuple[str, str, str]]) -> int:
        rows = list(rows)
        self.conn.executemany("INSERT OR REPLACE INTO feature_code(code, name, description)"
                              " VALUES (?,?,?)", rows)
        return len(rows)

    def finish(self) -> None:
        """Refresh the denormalised alternate-name lists of every place whose names changed."""
        where = "" if self._touched_all else " WHERE id IN (SELECT id FROM touched)"
        self.conn.execute(
            "UPDATE place SET alt_names = coalesce((SELECT group_concat(n.name, char(31)) FROM"
            " (SELECT name FROM name WHERE place_id = place.id AND name <> place.name"
            "  ORDER BY (flags & 7) > 0 DESC, (flags & 64) > 0 DESC, name) AS n), '')" + where)
        self.conn.execute("DELETE FROM touched")
        # Recomputed whole (a few seconds): the text recogniser loads it to know which words
        # can be place names, and how prominent the best place of each name is.
        self.conn.execute("DELETE FROM name_index")
        self.conn.execute(
            f"INSERT INTO name_index(key, importance, places) SELECT n.key, max(p.importance),"
            f" count(DISTINCT p.id) FROM name n JOIN place p ON p.id = n.place_id"
            f" WHERE n.flags & {LATIN} GROUP BY n.key")

    def _existing(self, ids: list[int]) -> set[int]:
        found: set[int] = set()
        for i in range(0, len(ids), 900):
            chunk = ids[i:i + 900]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM place WHERE id IN ({marks})", chunk))
        return found
