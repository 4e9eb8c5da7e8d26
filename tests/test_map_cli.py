"""`geomap map` and `geomap demo` end to end: outputs, report, exit codes, and the sample
articles' map in a real browser."""

import csv
import io
import json

from click.testing import CliRunner

from geomap.cli import cli
from test_map_browser import ARTIFACTS, MapPage, browser  # noqa: F401  (fixture)
from tests.conftest import ARTICLES, needs_articles


@needs_articles
def test_map_writes_every_output_and_reports_every_input(default_store, tmp_path):
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"text": 5}\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, [
        "map", str(ARTICLES), str(bad), "-o", str(out / "karabakh.html"),
        "--geojson", str(out / "k.geojson"), "--csv", str(out / "k.csv"),
        "--report", str(out / "k-report.json"), "--published", "2020-09-28", "--jobs", "1",
        "--gazetteer", str(default_store)])
    assert result.exit_code == 1  # one input failed; everything else was still written
    assert "documents: 3 read, 2 ok, 0 empty, 1 failed" in result.stderr
    assert "broken.jsonl:1" in result.stderr
    report = json.loads((out / "k-report.json").read_text())
    assert [d["status"] for d in report["documents"]].count("ok") == 2
    geo = json.loads((out / "k.geojson").read_text())
    assert geo["type"] == "FeatureCollection" and geo["features"]
    rows = list(csv.DictReader(io.StringIO((out / "k.csv").read_text())))
    assert {"event_date", "event_type", "sub_event_type", "actor1", "location", "latitude",
            "longitude", "geo_precision", "time_precision", "fatalities", "notes",
            "source"} <= set(rows[0])
    html = (out / "karabakh.html").read_text()
    assert "<script src=" not in html  # everything inlined: works offline
    assert not list(out.glob("*.tmp*"))  # atomic writes leave no temporaries


@needs_articles
def test_sample_articles_map_in_the_browser(default_store, tmp_path, browser):  # noqa: F811
    path = tmp_path / "samples.html"
    geojson = tmp_path / "samples.geojson"
    result = CliRunner().invoke(cli, ["map", str(ARTICLES), "-o", str(path), "--geojson",
                                      str(geojson), "--published", "2020-09-28", "--quiet",
                                      "--gazetteer", str(default_store)])
    assert result.exit_code == 0, result.output
    events = [f for f in json.loads(geojson.read_text())["features"]
              if f["properties"].get("kind") == "event"]
    placed = {f["id"] for f in events if f["geometry"]}
    page = MapPage(browser, path)
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "sample-articles-map.png"))
        assert page.errors == [] and page.console_errors() == []
        assert page.in_cluster() == placed  # every placed event is drawn, and nothing else
        assert page.drawn_count() == len(placed)
        unplaced = len(events) - len(placed)
        assert page.js("geomap.events.unplaced.length") == unplaced  # listed in the panel
        terter = next(f["id"] for f in events if f["properties"]["place"]
                      and f["properties"]["place"]["name"] == "Tartar")
        page.click_event(terter)
        popup = page.page.inner_text(".leaflet-popup-content")
        assert "Terter" in popup and "Shelling" in popup
    finally:
        page.page.close()


def test_demo_runs_offline_into_output(default_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["demo", "--gazetteer", str(default_store)])
    assert result.exit_code == 0, result.output
    for name in ("demo.html", "demo.geojson", "demo.csv", "demo-report.json"):
        assert (tmp_path / "output" / name).stat().st_size > 0
    report = json.loads((tmp_path / "output" / "demo-report.json").read_text())
    assert report["ok"] == report["read"] >= 4
    html = (tmp_path / "output" / "demo.html").read_text()
    assert "<script>alert(" not in html  # the sample's markup is escaped, not executed


def test_missing_or_corrupt_gazetteer_is_a_clear_error(tmp_path):
    corrupt = tmp_path / "bad.sqlite"
    corrupt.write_bytes(b"not a database" * 100)
    result = CliRunner().invoke(cli, ["map", str(ARTICLES), "-o", str(tmp_path / "m.html"),
                                      "--gazetteer", str(corrupt)])
    assert result.exit_code == 1 and "bad.sqlite: not an SQLite file" in result.output
    assert not (tmp_path / "m.html").exists()
    missing_dir = tmp_path / "no" / "such" / "folder" / "g.sqlite"
    result = CliRunner().invoke(cli, ["extract", str(ARTICLES), "--gazetteer", str(missing_dir)])
    # a path with nothing there starts a new, empty store: the run works, finding no places
    assert result.exit_code == 0, result.output
    assert all(not d["mentions"] or all(m["place"] is None for m in d["mentions"]
                                        if m["kind"] == "place")
               for d in json.loads(result.stdout)["documents"])
