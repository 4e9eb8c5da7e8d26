"""The map page and the GeoJSON export, without a browser (browser checks: test_map_browser)."""

from __future__ import annotations

import base64
import datetime as dt
import importlib.util
import json
import re
import zlib
from pathlib import Path

import pytest

from geomap.export import (CSV_COLUMNS, csv_row, geojson_bytes, to_csv, to_geojson,
                           write_geojson)
from geomap.mapkit import EventMap, EventsLayer, Popups
from geomap.mapkit.assets import asset_text, manifest, script_json
from geomap.mapkit.styles import style_table, type_key
from geomap.models import (
    Actor,
    Alternative,
    Document,
    Event,
    Evidence,
    Extraction,
    Mention,
    PlaceRef,
)
from geomap.render import render_map

D = dt.date

PLACES = {
    "Tartar": PlaceRef(id=585170, name="Tartar", lat=40.342, lon=46.932, country_code="AZ",
                       feature_code="PPLA", admin1="Tartar District", population=18000),
    "Baku": PlaceRef(id=587084, name="Baku", lat=40.377, lon=49.892, country_code="AZ",
                     feature_code="PPLC", admin1="Baku", population=2000000),
    "Ganja": PlaceRef(id=586523, name="Ganja", lat=40.683, lon=46.361, country_code="AZ",
                      feature_code="PPLA", admin1="Ganja", population=330000),
    "Yerevan": PlaceRef(id=616052, name="Yerevan", lat=40.181, lon=44.514, country_code="AM",
                        feature_code="PPLC", admin1="Yerevan", population=1090000),
    "Gyumri": PlaceRef(id=616635, name="Gyumri", lat=40.789, lon=43.847, country_code="AM",
                       feature_code="PPLA", admin1="Shirak", population=120000),
    "Bishkek": PlaceRef(id=1528675, name="Bishkek", lat=42.870, lon=74.590, country_code="KG",
                        feature_code="PPLC", admin1="Bishkek", population=900000),
    "Tartar US": PlaceRef(id=4000001, name="Tartar", lat=35.0, lon=-90.0, country_code="US",
                          feature_code="PPL", admin1="Mississippi"),
}


def mention(text: str, doc_text: str, place: str | None, confidence: float = 0.9,
            precision: int | None = 1, alternatives: tuple[str, ...] = (), note: str | None = None,
            nth: int = 0) -> Mention:
    """A mention at the nth occurrence of text in doc_text (offsets always consistent)."""
    start = -1
    for _ in range(nth + 1):
        start = doc_text.index(text, start + 1)
    alts = [Alternative(place=PLACES[a], score=round(confidence - 0.3 * i, 2))
            for i, a in enumerate(alternatives)]
    return Mention(text=text, start=start, end=start + len(text), place=PLACES.get(place or ""),
                   precision=precision if place else None, confidence=confidence if place else 0.0,
                   alternatives=alts, note=note)


def evidence(doc: Document, sentence: str) -> Evidence:
    start = doc.text.index(sentence)
    return Evidence(document_id=doc.id, sentence=sentence, start=start, end=start + len(sentence))


def sample_extraction() -> Extraction:
    """Four short made-up reports: 9 events of 6 types, one background, one without a place."""
    t1 = ("Artillery fire struck the outskirts of Tartar on Tuesday, district officials said. "
          "Two people were killed and five wounded. "
          "In Baku, several hundred people rallied for peace.")
    t2 = ("Thousands marched through Yerevan on Sunday. Police in Yerevan called the march calm. "
          "Speakers recalled the ceasefire signed in Bishkek in 1994. "
          "Youths clashed with police in Gyumri.")
    t3 = ("A drone strike hit a depot near Ganja overnight. The ministry said the death toll from "
          "the month of fighting has reached 40. "
          "Fighting was also reported in the Karabakh highlands.")
    d1 = Document(id="d1", path="articles/d1.txt", title="Shelling near Tartar",
                  source="Example Wire", url="https://example.org/news/1", published=D(2023, 9, 19),
                  text=t1)
    d2 = Document(id="d2", path="articles/d2.txt", title="March in Yerevan", source="Example Daily",
                  published=D(2023, 10, 1), text=t2)
    d3 = Document(id="d3", path="articles/d3.txt", title="Drone strike near Ganja",
                  published=D(2023, 10, 12), url="https://example.org/news/3", text=t3)
    d4 = Document(id="d4", path="articles/d4.pdf", status="error", error="could not read PDF")
    d1.mentions = [mention("Tartar", t1, "Tartar", 0.82, alternatives=("Tartar", "Tartar US"),
                           note="country context AZ"),
                   mention("Baku", t1, "Baku", 0.97, alternatives=("Baku",))]
    d2.mentions = [mention("Yerevan", t2, "Yerevan"), mention("Yerevan", t2, "Yerevan", nth=1),
                   mention("Bishkek", t2, "Bishkek"), mention("Gyumri", t2, "Gyumri", 0.88)]
    d3.mentions = [mention("Ganja", t3, "Ganja", 0.9, precision=2),
                   mention("Karabakh", t3, None, note="a region: not in the embedded gazetteer")]

    def ev(id_: str, type_: str, sub: str, date: dt.date | None, place: str | None, doc: Document,
           sentence: str, **kw) -> Event:
        p = PLACES.get(place or "")
        geo = kw.pop("geo", 1)
        return Event(id=id_, type=type_, subtype=sub, date=date,
                     time_precision=1 if date else None, place=p,
                     place_name=kw.pop("place_name", place), geo_precision=geo if p else None,
                     evidence=[evidence(doc, sentence)], sources=[doc.id], **kw)

    events = [
        ev("e1", "Explosions/Remote violence", "Shelling/artillery/missile attack", D(2023, 9, 19),
           "Tartar", d1,
           "Artillery fire struck the outskirts of Tartar on Tuesday, district officials said.",
           geo=2, fatalities=2, wounded=5,
           actors=[Actor(name="Military Forces", country_code="AZ")]),
        ev("e2", "Protests", "Peaceful protest", D(2023, 9, 19), "Baku", d1,
           "In Baku, several hundred people rallied for peace.", actors=[Actor(name="Protesters")]),
        ev("e3", "Protests", "Peaceful protest", D(2023, 10, 1), "Yerevan", d2,
           "Thousands marched through Yerevan on Sunday."),
        ev("e4", "Riots", "Violent demonstration", D(2023, 10, 1), "Gyumri", d2,
           "Youths clashed with police in Gyumri.",
           actors=[Actor(name="Rioters"), Actor(name="Police", country_code="AM")]),
        ev("e5", "Strategic developments", "Agreement", D(1994, 5, 5), "Bishkek", d2,
           "Speakers recalled the ceasefire signed in Bishkek in 1994.", background=True),
        ev("e6", "Explosions/Remote violence", "Drone strike", D(2023, 10, 11), "Ganja", d3,
           "A drone strike hit a depot near Ganja overnight.", geo=2),
        ev("e7", "Battles", "Armed clash", D(2023, 10, 12), "Ganja", d3,
           "The ministry said the death toll from the month of fighting has reached 40.", geo=3,
           fatalities=40, fatalities_cumulative=True),
        ev("e8", "Battles", "Armed clash", None, None, d3,
           "Fighting was also reported in the Karabakh highlands.", place_name="Karabakh"),
        ev("e9", "Violence against civilians", "Attack", D(2023, 9, 25), "Tartar", d1,
           "Two people were killed and five wounded.", fatalities=2),
    ]
    return Extraction(documents=[d1, d2, d3, d4], events=events)


def page_data(html: str) -> dict:
    """The JSON blob of a rendered page (plain or gzip + base64)."""
    m = re.search(r'<script type="application/json" id="gm-data">(.*?)</script>', html, re.S)
    if m:
        return json.loads(m.group(1))
    m = re.search(r'<script type="application/octet-stream" id="gm-data-gz">(.*?)</script>',
                  html, re.S)
    return json.loads(zlib.decompress(base64.b64decode(m.group(1)), 31))


# --- GeoJSON -------------------------------------------------------------------------------------

def test_geojson_has_one_feature_per_event_and_per_resolved_place():
    x = sample_extraction()
    fc = to_geojson(x)
    assert fc["type"] == "FeatureCollection"
    events = [f for f in fc["features"] if f["properties"]["kind"] == "event"]
    places = [f for f in fc["features"] if f["properties"]["kind"] == "place"]
    assert [f["id"] for f in events] == [e.id for e in x.events]
    mentioned = {p.id for name, p in PLACES.items() if name != "Tartar US"}  # an alternative only
    assert {f["properties"]["place"]["id"] for f in places} == mentioned
    json.dumps(fc, allow_nan=False)  # plain JSON, no NaN


def test_geojson_event_properties_are_the_contract_and_coordinates_lon_lat():
    x = sample_extraction()
    fc = to_geojson(x)
    e1 = fc["features"][0]
    contract = x.events[0].model_dump(mode="json")
    assert {k: v for k, v in e1["properties"].items() if k in contract} == contract
    assert e1["geometry"] == {"type": "Point", "coordinates": [46.932, 40.342]}  # lon, lat
    unplaced = next(f for f in fc["features"] if f["id"] == "e8")
    assert unplaced["geometry"] is None and unplaced["properties"]["place_name"] == "Karabakh"


def test_geojson_explains_the_place_with_the_mention_inside_the_evidence():
    fc = to_geojson(sample_extraction())
    r = fc["features"][0]["properties"]["resolution"]
    assert r["text"] == "Tartar" and r["confidence"] == 0.82 and r["note"] == "country context AZ"
    assert [a["country_code"] for a in r["alternatives"]] == ["AZ", "US"]
    assert fc["features"][7]["properties"]["resolution"] is None  # e8 has no place


def test_geojson_places_count_mentions_documents_and_events():
    fc = to_geojson(sample_extraction())
    by_name = {f["properties"]["place"]["name"]: f["properties"] for f in fc["features"]
               if f["properties"]["kind"] == "place"}
    assert by_name["Yerevan"]["mentions"] == 2 and by_name["Yerevan"]["documents"] == ["d2"]
    assert by_name["Tartar"]["events"] == 2 and by_name["Ganja"]["events"] == 2
    assert by_name["Bishkek"]["events"] == 1 and by_name["Baku"]["names"] == ["Baku"]


def test_geojson_bytes_is_the_same_collection_as_compact_json():
    x = sample_extraction()
    assert json.loads(geojson_bytes(x)) == to_geojson(x)


def test_write_geojson_writes_the_same_collection(tmp_path):
    x = sample_extraction()
    fc = write_geojson(x, tmp_path / "events.geojson")
    assert json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8")) == fc
    assert fc == to_geojson(x)


def test_csv_has_acled_columns_one_row_per_event_and_defuses_formulas(tmp_path):
    import csv
    x = sample_extraction()
    x.events[1].actors = [Actor(name='=HYPERLINK("http://evil")'), Actor(name="B"),
                          Actor(name="C")]
    text = to_csv(x, tmp_path / "events.csv")
    assert (tmp_path / "events.csv").read_bytes() == text.encode("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert list(rows[0]) == CSV_COLUMNS and len(rows) == len(x.events)
    e1 = rows[0]
    assert (e1["event_date"], e1["event_type"], e1["location"], e1["admin1"]) == \
        ("2023-09-19", "Explosions/Remote violence", "Tartar", "Tartar District")
    assert (e1["latitude"], e1["longitude"], e1["fatalities"], e1["source"]) == \
        ("40.342", "46.932", "2", "Example Wire")
    assert rows[1]["actor1"].startswith("'=") and rows[1]["assoc_actor_1"] == "C"
    assert rows[7]["location"] == "" and rows[7]["place_name"] == "Karabakh"
    assert rows[6]["fatalities_cumulative"] == "True"


def test_csv_notes_close_each_evidence_sentence():
    x = sample_extraction()
    event = x.events[0]
    doc = next(d for d in x.documents if d.id == "d1")
    event.evidence = [Evidence(document_id="d1", sentence="Shelling near Tartar", start=0, end=20),
                      evidence(doc, "Two people were killed and five wounded.")]
    notes = csv_row(event, {d.id: d for d in x.documents})["notes"]
    assert notes == "Shelling near Tartar. Two people were killed and five wounded."


# --- styles and assets ---------------------------------------------------------------------------

def test_style_table_gives_acled_types_fixed_styles_and_others_a_fallback():
    table = style_table(["Protests", "Protests", "battles", "Something new"])
    # Most frequent first, then by name.
    assert [t["label"] for t in table] == ["Protests", "Something new", "battles"]
    by = {t["label"]: t for t in table}
    assert by["Protests"]["count"] == 2 and by["Protests"]["shape"] == "circle"
    assert by["battles"]["color"] == "#d55e00"
    assert by["Something new"]["color"].startswith("#")
    assert type_key("Explosions/Remote violence") == type_key("explosions_remote_violence")


def test_vendored_assets_are_packaged_with_licences_and_integrity():
    for name in ("leaflet.js", "leaflet.css", "leaflet.markercluster.js", "MarkerCluster.css",
                 "MarkerCluster.Default.css", "LICENSE-leaflet.txt",
                 "LICENSE-leaflet.markercluster.txt", "LICENSE-world-atlas.txt"):
        assert asset_text(name)
    assert "1.9.4" in asset_text("leaflet.js")[:200]
    assert "url(images/" not in asset_text("leaflet.css")  # inlined as data: URIs
    files = manifest()["files"]
    assert files["leaflet.js"]["url"].startswith("https://unpkg.com/leaflet@1.9.4/")
    assert files["leaflet.js"]["integrity"].startswith("sha384-")


def test_country_outlines_are_cut_at_the_antimeridian():
    countries = json.loads(asset_text("countries-110m.geojson"))
    names = {f["properties"]["name"] for f in countries["features"]}
    assert {"Russia", "Fiji", "Azerbaijan", "Armenia"} <= names
    for f in countries["features"]:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        for ring in (r for p in polys for r in p):
            assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)
            for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                # A jump across the map is a band, unless it runs along the pole (Antarctica).
                assert abs(x1 - x0) <= 180 or y0 == y1 == -90, (f["properties"]["name"], x0, x1)


def _vendor_module():
    path = Path(__file__).resolve().parents[1] / "scripts" / "vendor_assets.py"
    spec = importlib.util.spec_from_file_location("vendor_assets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_topojson_decoder_cuts_rings_that_cross_the_antimeridian():
    v = _vendor_module()
    # One island ring crossing 180 (Fiji-like) and one ring round the south pole (Antarctica-like),
    # quantized with scale 1 and delta-encoded as TopoJSON stores them.
    island = [(178, -17), (180, -17), (-179, -16), (-179, -18), (180, -18), (178, -18), (178, -17)]
    pole = [(-180, -70), (-90, -72), (0, -70), (90, -72), (180, -70)]

    def delta(points):
        out, (px, py) = [], (0, 0)
        for x, y in points:
            out.append([x - px, y - py])
            px, py = x, y
        return out
    topo = {"transform": {"scale": [1, 1], "translate": [0, 0]},
            "arcs": [delta(island), delta(pole)],
            "objects": {"countries": {"geometries": [
                {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Island"}},
                {"type": "Polygon", "arcs": [[1]], "properties": {"name": "Pole"}}]}}}
    island_f, pole_f = v.topojson_countries(topo)["features"]
    parts = island_f["geometry"]["coordinates"]
    assert island_f["geometry"]["type"] == "MultiPolygon" and len(parts) == 2
    xs = sorted({round(x) for part in parts for x, _ in part[0]})
    assert xs[0] == -180 and xs[-1] == 180 and all(x <= -179 or x >= 178 for x in xs)
    for part in parts:  # no edge runs across the whole map
        assert all(abs(b[0] - a[0]) <= 180 for a, b in zip(part[0], part[0][1:]))
    ring = pole_f["geometry"]["coordinates"][0] if pole_f["geometry"]["type"] == "Polygon" \
        else pole_f["geometry"]["coordinates"][0][0]
    assert min(y for _, y in ring) == -90  # closed along the pole, not across the map


def test_vendored_notice_names_every_third_party_file():
    notice = asset_text("NOTICE.txt")
    for name in ("leaflet.js", "leaflet.markercluster.js", "countries-110m.geojson",
                 "Natural Earth"):
        assert name in notice


# --- the page ------------------------------------------------------------------------------------

def test_render_map_is_self_contained_offline(tmp_path):
    html = render_map(sample_extraction(), tmp_path / "map.html", title="Sample")
    assert (tmp_path / "map.html").read_text(encoding="utf-8") == html
    assert not re.search(r'<(script|link)[^>]+(src|href)=', html)  # nothing fetched
    assert "L.markerClusterGroup" in html and asset_text("leaflet.js")[:500] in html
    assert "GeoNames" in html and "Natural Earth" in html
    assert html.count("<title>") == 1 and "<title>Sample</title>" in html
    assert list(tmp_path.iterdir()) == [tmp_path / "map.html"]  # temp file replaced, not left


def test_render_map_online_links_the_cdn_with_integrity():
    offline = render_map(sample_extraction())
    online = render_map(sample_extraction(), offline=False)
    assert len(online) < len(offline) - 150_000
    links = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)" '
                       r'integrity="(sha384-[^"]+)"', online)
    files = {url.rsplit("/", 1)[1] for url, _ in links}
    assert files >= {"leaflet.js", "leaflet.css", "leaflet.markercluster.js"}


def test_page_data_is_the_geojson_plus_element_data():
    x = sample_extraction()
    data = page_data(render_map(x))
    assert data["geojson"] == json.loads(json.dumps(to_geojson(x)))
    assert data["elements"]["panel"]["summary"]["events"] == 9
    assert data["elements"]["panel"]["unplaced"] == ["e8"]
    assert data["elements"]["panel"]["background"] == ["e5"]
    assert [m["text"] for m in data["elements"]["panel"]["unresolved"]] == ["Karabakh"]
    assert data["elements"]["popup"]["documents"]["d1"]["url"] == "https://example.org/news/1"


HOSTILE = ('</script><script>alert(1)</script><!-- "><img src=x onerror=alert(2)> `${x}` '
           '{{ 7*7 }} \u2028')


def test_hostile_text_cannot_leave_the_json_script():
    x = sample_extraction()
    x.documents[0].title = HOSTILE
    x.events[0].actors = [Actor(name=HOSTILE)]
    html = render_map(x, title=HOSTILE)
    assert html.count("</script>") == html.count("<script")  # no early close
    assert "<img src=x" not in html and "<!--" not in html
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)" in html
    data = page_data(html)
    assert data["title"] == HOSTILE
    assert data["elements"]["popup"]["documents"]["d1"]["title"] == HOSTILE


def test_script_json_escapes_everything_html_could_parse():
    text = script_json({"a": "</script><!--&\u2028\u2029"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!--&\u2028\u2029"}


def test_large_data_is_gzipped_and_round_trips():
    x = sample_extraction()
    page = EventMap("t", compress_above=100).add(Popups()).add(EventsLayer())
    html = page.render(x)
    assert 'id="gm-data-gz"' in html and 'id="gm-data"' not in html
    assert page_data(html)["geojson"]["features"][0]["id"] == "e1"


def test_write_is_atomic_when_rendering_fails(tmp_path, monkeypatch):
    target = tmp_path / "map.html"
    target.write_text("old map")
    import geomap.atomic as atomic

    def broken(*a, **k):
        raise RuntimeError("disk full")
    monkeypatch.setattr(atomic.os, "replace", broken)
    with pytest.raises(RuntimeError):
        render_map(sample_extraction(), target)
    assert target.read_text() == "old map" and list(tmp_path.iterdir()) == [target]


def test_empty_extraction_renders():
    html = render_map(Extraction())
    data = page_data(html)
    assert data["geojson"]["features"] == [] and data["elements"]["panel"]["summary"]["events"] == 0


def test_render_map_does_not_copy_article_text_into_code():
    x = sample_extraction()
    x.documents[0].text = "SECRET_ARTICLE_BODY " + x.documents[0].text  # excluded from output
    assert "SECRET_ARTICLE_BODY" not in render_map(x)
