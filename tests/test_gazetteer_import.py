"""Importing GeoNames dumps and user place files: merging, idempotence, bad input."""

import gzip
import sqlite3
import zipfile

import pytest

from gazetteer import Gazetteer, ImportFileError, add
from tests.conftest import GEONAMES, needs_geonames

CITIES = GEONAMES / "cities5000.txt.gz"


def real_rows(n: int, country: str | None = None) -> list[str]:
    """The first n rows of the real cities5000 dump (optionally of one country)."""
    rows = []
    with gzip.open(CITIES, "rt", encoding="utf-8") as fh:
        for line in fh:
            if country is None or line.split("\t")[8] == country:
                rows.append(line.rstrip("\n"))
                if len(rows) == n:
                    break
    return rows


def count(path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def empty(tmp_path):
    path = tmp_path / "new.sqlite"
    Gazetteer.open(path).close()  # a path with nothing there starts a new, empty store
    return path


def test_new_store_is_empty_but_valid(empty):
    with Gazetteer.open(empty) as gaz:
        assert gaz.stats().places == 0 and gaz.lookup("Baku") == []


@needs_geonames
def test_real_cities_dump_adds_places_with_feature_codes(empty):
    summary = add([CITIES], empty, progress=False)
    assert summary.files[str(CITIES)] == "geoname"
    assert summary.places_added == 52_124 and summary.skipped == {}
    with Gazetteer.open(empty) as gaz:
        terter = gaz.get(584871)
        assert terter.feature_code == "PPLA" and terter.source == "geonames:cities5000.txt.gz"
        assert gaz.lookup("Tartar")[0].place.id == 584871  # via the dump's alternatenames column


@needs_geonames
def test_import_is_idempotent(empty):
    add([CITIES, GEONAMES / "alternateNames_AZ.csv.gz"], empty, progress=False)
    before = (count(empty, "place"), count(empty, "name"))
    again = add([CITIES, GEONAMES / "alternateNames_AZ.csv.gz"], empty, progress=False)
    assert again.places_added == 0 and again.names_added == 0
    assert (count(empty, "place"), count(empty, "name")) == before


@needs_geonames
def test_alternate_names_codes_and_country_info_merge(empty):
    summary = add([CITIES, GEONAMES / "alternateNames_AZ.csv.gz",
                   GEONAMES / "admin1CodesASCII.txt", GEONAMES / "admin2Codes.txt.gz",
                   GEONAMES / "countryInfo.txt", GEONAMES / "featureCodes_en.txt"],
                  empty, progress=False)
    assert summary.skipped == {}, summary.problems[:3]
    assert summary.rows_ignored > 0  # links and postal codes are not names
    assert summary.admin_codes > 50_000 and summary.countries == 252
    with Gazetteer.open(empty) as gaz:
        assert "Khankendi" in {c.matched_name for c in gaz.lookup("Khankendi")}
        assert gaz.get(584871).admin1_name == "Tartar District"
        assert gaz.country_name("AZ") == "Azerbaijan"
        assert (gaz.capital("az").name, gaz.capital("AZ").feature_code) == ("Baku", "PPLC")
        assert gaz.feature_name("A", "ADM1") == "first-order administrative division"


@needs_geonames
def test_full_country_file_adds_every_feature_class(empty):
    summary = add([GEONAMES / "samples" / "NL.txt.gz"], empty, progress=False)
    assert summary.places_added == 22_852 and not summary.skipped
    with Gazetteer.open(empty) as gaz:
        assert set(gaz.stats().by_feature_class) >= {"A", "H", "L", "P", "S", "T"}


@needs_geonames
def test_dump_merges_into_default_by_geonameid(default_store, tmp_path):
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(default_store.read_bytes())
    rows = real_rows(200, "AZ")
    (tmp_path / "AZ.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "AZ.zip", "w") as zf:
        zf.write(tmp_path / "AZ.txt", "AZ.txt")
        zf.writestr("readme.txt", "GeoNames readme")
    before = count(copy, "place")
    summary = add([tmp_path / "AZ.zip"], copy, progress=False)
    assert summary.places_added + summary.places_updated == len(rows)
    assert count(copy, "place") == before + summary.places_added
    with Gazetteer.open(copy) as gaz:
        assert gaz.get(584871).feature_code == "PPLA"  # the dump's code replaced "PPL"


# -- bad input -------------------------------------------------------------------------------

def write(tmp_path, name: str, lines: list[str] | bytes):
    path = tmp_path / name
    path.write_bytes(lines if isinstance(lines, bytes) else ("\n".join(lines) + "\n").encode())
    return path


@needs_geonames
def test_bad_rows_are_reported_with_line_and_skipped(empty, tmp_path):
    good = real_rows(5)
    cols = good[1].split("\t")
    bad_coord = "\t".join(cols[:4] + ["north", cols[5]] + cols[6:])
    out_of_range = "\t".join(cols[:4] + ["123.0", cols[5]] + cols[6:])
    short = "\t".join(cols[:10])
    path = write(tmp_path, "cities.txt", [good[0], bad_coord, short, out_of_range, good[2]])
    raw = path.read_bytes() + b"999\tBad\xff\xfeName\n" + (good[3] + "\n").encode()
    path.write_bytes(raw)
    summary = add([path], empty, progress=False)
    assert summary.places_added == 3
    assert summary.skipped == {"bad coordinate": 2, "wrong column count": 1,
                               "not valid UTF-8": 1}
    where = {(p.line, p.reason.split(":")[0].split(" '")[0]) for p in summary.problems}
    assert where == {(2, "bad coordinate"), (3, "wrong column count"), (4, "bad coordinate"),
                     (6, "not valid UTF-8")}
    assert all(p.path == str(path) for p in summary.problems)


@needs_geonames
def test_empty_file_is_an_error_and_nothing_is_written(empty, tmp_path):
    good = write(tmp_path, "good.txt", real_rows(10))
    blank = write(tmp_path, "blank.txt", b"")
    with pytest.raises(ImportFileError, match="blank.txt: empty file"):
        add([good, blank], empty, progress=False)
    assert count(empty, "place") == 0  # the good file's rows were rolled back too


@needs_geonames
def test_unrecognised_binary_and_damaged_files(empty, tmp_path):
    cases = {
        "notes.txt": (b"just some prose\nnothing tabular\n", "unrecognised format"),
        "image.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        "AZ.zip": (b"PK\x03\x04 not really a zip", "cannot open"),
        "cities.txt.gz": (gzip.compress("\n".join(real_rows(50)).encode())[:300],
                          "truncated or damaged"),
    }
    for name, (data, message) in cases.items():
        with pytest.raises(ImportFileError, match=message) as err:
            add([write(tmp_path, name, data)], empty, progress=False)
        assert name in str(err.value)
    with pytest.raises(ImportFileError, match="no such file"):
        add([tmp_path / "missing.txt"], empty, progress=False)
    assert count(empty, "place") == 0


@needs_geonames
def test_strict_mode_writes_nothing_on_a_bad_row(empty, tmp_path):
    rows = real_rows(3)
    path = write(tmp_path, "c.txt", [rows[0], "\t".join(rows[1].split("\t")[:5]), rows[2]])
    with pytest.raises(ImportFileError, match=r"c.txt:2: wrong column count"):
        add([path], empty, progress=False, strict=True)
    assert count(empty, "place") == 0


def test_bad_admin_and_alternate_name_rows(empty, tmp_path):
    admin = write(tmp_path, "admin1CodesASCII.txt",
                  ["AZ.57\tTartar District\tTartar District\t409420",
                   "AZ57\tBroken\tBroken\t1", "AZ.58\tNo id\tNo id\tabc"])
    alt = write(tmp_path, "alternateNamesV2.txt",
                ["1\t584871\ten\tTerter\t1\t\t\t\t\t", "2\tx\ten\tBad\t\t\t\t\t\t",
                 "3\t584871\tlink\thttps://example.org/Terter\t\t\t\t\t\t", "4\t584871\ten"])
    summary = add([admin, alt], empty, progress=False)
    assert summary.files == {str(admin): "admin1", str(alt): "alternate-names"}
    assert summary.admin_codes == 1 and summary.rows_ignored == 1
    assert summary.skipped == {"bad admin code": 1, "bad geonameid": 2,
                               "wrong column count": 1}
