"""Store safety: missing, partial and corrupt files; concurrent writers; custom places; download."""

import http.server
import multiprocessing
import sqlite3
import threading
import zipfile
from functools import partial

import pytest

from gazetteer import DownloadError, Gazetteer, StoreError, add
from gazetteer.models import Candidate
from gazetteer.download import fetch
from tests.conftest import GEONAMES, needs_geonames
from tests.test_gazetteer_import import count, real_rows, write


def test_corrupt_named_store_is_reported_not_overwritten(tmp_path):
    path = write(tmp_path, "g.sqlite", b"this is not a database at all" * 10)
    with pytest.raises(StoreError, match="not an SQLite file"):
        Gazetteer.open(path)
    assert path.read_bytes().startswith(b"this is not")


def test_looked_up_records_are_what_pydantic_validates(gaz):
    for names in (True, False):
        for c in gaz.lookup("Springfield", limit=5, names=names) + gaz.lookup("Bakuu", limit=3):
            again = Candidate.model_validate(c.model_dump())
            assert again == c and again.place.model_fields_set == c.place.model_fields_set
            assert c.model_fields_set == set(Candidate.model_fields)


def test_cached_lookups_answer_any_limit_as_a_fresh_store_would(default_store):
    def ids(g, limit, loose=True):
        return [(c.place.id, c.match, c.score) for c in g.lookup("Springfield", limit=limit,
                                                                 loose_match=loose, names=False)]
    with Gazetteer.open(default_store) as fresh:
        want = {n: ids(fresh, n) for n in (3, 40)}
    with Gazetteer.open(default_store) as g:
        # a small limit first, then a larger one (must query again), then the small from cache
        assert ids(g, 3) == want[3] and len(want[3]) == 3
        assert ids(g, 40) == want[40] and len(want[40]) > 3
        assert ids(g, 3) == want[3]
        got = g.lookup("Springfield", limit=3, names=False)
        got.clear()  # a caller changing its list does not change the cache
        assert ids(g, 3) == want[3]


def test_truncated_store_is_detected(default_store, tmp_path):
    path = tmp_path / "cut.sqlite"
    path.write_bytes(default_store.read_bytes()[:100_000])
    with pytest.raises(StoreError, match="corrupt|partial"):
        Gazetteer.open(path).lookup("Baku")


def test_partial_store_is_detected(tmp_path):
    path = tmp_path / "p.sqlite"
    Gazetteer.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'complete'")
    with pytest.raises(StoreError, match="partial"):
        Gazetteer.open(path)


def test_damaged_default_store_is_rebuilt(isolated_default, default_store):
    isolated_default.write_bytes(b"garbage")
    with Gazetteer.open(progress=False) as gaz:  # default path: rebuilt from embedded data
        assert gaz.path == isolated_default and gaz.lookup("Terter")[0].place.name == "Tartar"
    assert not list(isolated_default.parent.glob("*.building-*"))


def _add_in_process(store, path):
    return add([path], store, progress=False).places_added


@needs_geonames
def test_two_processes_importing_at_once_are_safe(tmp_path):
    store = tmp_path / "shared.sqlite"
    path = write(tmp_path, "cities.txt", real_rows(3000))
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        added = pool.map(partial(_add_in_process, store), [path, path])
    assert sorted(added) == [0, 3000]  # one of them found everything already merged
    assert count(store, "place") == 3000
    with Gazetteer.open(store) as gaz:
        assert gaz.stats().places == 3000


CUSTOM_CSV = """name,alternate_names,lat,lon,feature_type,country,parent,population
Talış checkpoint,Talish post|Talysh post,40.13,46.65,checkpoint,AZ,AZ.57,
Forward base Alpha,,40.20,46.70,base,AZ,,
Ridge 7,,40.21,46.71,mountain,ZZZ,,
Nowhere,,95,46.7,village,AZ,,
Old mill,,40.22,46.72,windmill,AZ,,
"""


def test_custom_places_csv(tmp_path):
    store = tmp_path / "mine.sqlite"
    path = write(tmp_path, "mine.csv", CUSTOM_CSV.encode())
    summary = add([path], store, progress=False)
    assert summary.files[str(path)] == "custom" and summary.places_added == 2
    assert summary.skipped == {"bad country code": 1, "bad coordinate": 1,
                               "unknown feature_type": 1}
    with Gazetteer.open(store) as gaz:
        post = gaz.lookup("Talysh post")[0].place
        assert post.name == "Talış checkpoint" and post.admin1_code == "57"
        assert (post.feature_class, post.feature_code, post.id < 0) == ("S", "CTRL", True)
        assert post.source == "custom:mine.csv"
    assert add([path], store, progress=False).places_added == 0  # stable ids: idempotent


def test_custom_tsv_with_parent_by_name(default_store, tmp_path):
    store = tmp_path / "copy.sqlite"
    store.write_bytes(default_store.read_bytes())
    tsv = "name\tlat\tlon\tcountry\tparent\nHill 412\t40.3\t46.9\tAZ\tTartar District\n"
    add([write(tmp_path, "hills.tsv", tsv.encode())], store, progress=False)
    with Gazetteer.open(store) as gaz:
        hill = gaz.lookup("Hill 412")[0].place
        assert hill.admin1_code == "57" and hill.feature_code == "PPL"


@pytest.fixture
def mirror(tmp_path):
    """A local copy of GeoNames' export folder, made from the real files in ../shared."""
    root = tmp_path / "mirror"
    (root / "alternatenames").mkdir(parents=True)
    rows = real_rows(500, "AZ")
    with zipfile.ZipFile(root / "AZ.zip", "w") as zf:
        zf.writestr("AZ.txt", "\n".join(rows) + "\n")
        zf.writestr("readme.txt", "readme")
    import gzip
    with gzip.open(GEONAMES / "alternateNames_AZ.csv.gz", "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()[1:]  # the real rows, as GeoNames' tab-separated file
    import csv
    tsv = "\n".join("\t".join(r) for r in csv.reader(lines)) + "\n"
    with zipfile.ZipFile(root / "alternatenames" / "AZ.zip", "w") as zf:
        zf.writestr("AZ.txt", tsv)
    for name in ("admin1CodesASCII.txt", "countryInfo.txt", "featureCodes_en.txt"):
        (root / name).write_bytes((GEONAMES / name).read_bytes())
    import gzip as gz
    (root / "admin2Codes.txt").write_bytes(gz.decompress((GEONAMES / "admin2Codes.txt.gz")
                                                         .read_bytes()))
    return root, len(rows)


@needs_geonames
def test_download_from_a_file_mirror(mirror, tmp_path, monkeypatch):
    root, n = mirror
    monkeypatch.setenv("GEOMAP_GEONAMES_URL", root.as_uri())
    paths = fetch(["az"], tmp_path / "cache", progress=False)
    assert {p.name for p in paths} >= {"AZ.zip", "admin1CodesASCII.txt"}
    summary = add(paths, tmp_path / "dl.sqlite", progress=False)
    assert summary.places_added == n and not summary.skipped
    with Gazetteer.open(tmp_path / "dl.sqlite") as gaz:
        assert gaz.lookup("Stepanakert")[0].place.id == 146970


@needs_geonames
def test_download_over_http_on_loopback(mirror, tmp_path, monkeypatch):
    root, _ = mirror
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("GEOMAP_GEONAMES_URL", f"http://127.0.0.1:{server.server_port}/")
        paths = fetch(["AZ"], tmp_path / "cache", progress=False)
        assert (tmp_path / "cache" / "alternatenames" / "AZ.zip") in paths
        monkeypatch.setenv("GEOMAP_GEONAMES_URL", f"http://127.0.0.1:{server.server_port}/x/")
        with pytest.raises(DownloadError, match="404"):
            fetch(["AZ"], tmp_path / "cache2", progress=False)
    finally:
        server.shutdown()
    with pytest.raises(DownloadError, match="ISO"):
        fetch(["Azerbaijan"], tmp_path / "c3")
