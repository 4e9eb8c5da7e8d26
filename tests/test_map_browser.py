"""The map in a real headless Chromium, with the network blocked.

Needs ``/usr/bin/chromium`` (``apt-get install chromium chromium-driver``) and Playwright for
Python; never ``playwright install``.  Outside CI the tests skip when either is missing; in CI
they fail.
Screenshots go to ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

import pytest
from test_render import sample_extraction

from geomap.mapkit import EventsLayer
from geomap.models import Document, Event, Evidence, Extraction, Mention, PlaceRef
from geomap.render import build_map, render_map

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
TILE_HOST = "tile.openstreetmap.org"

IN_CI = bool(os.environ.get("CI"))
if not CHROMIUM.exists() and not IN_CI:
    pytest.skip("no /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:
    if IN_CI:
        raise
    pytest.skip("playwright is not installed (pip install playwright)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                              args=["--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking"])
        yield b
        b.close()


class MapPage:
    """One opened map: the Playwright page plus what the browser reported."""

    def __init__(self, browser, html_path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.console: list = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda msg: self.console.append(msg))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        self.page.goto(html_path.as_uri())
        self.page.wait_for_function("window.geomap && geomap.ready", timeout=30_000)

    def _route(self, route) -> None:
        """Block the network: only the file itself (and data: URLs) may load."""
        url = route.request.url
        self.requests.append(url)
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def settle(self) -> None:
        """Wait until the events layer has applied every filter change."""
        self.page.wait_for_function("!geomap.events.busy", timeout=30_000)

    def console_errors(self) -> list[str]:
        """Console errors other than the one blocked tile probe (expected with no network)."""
        return [m.text for m in self.console if m.type == "error"
                and TILE_HOST not in (m.location or {}).get("url", "")]

    def in_cluster(self) -> set[str]:
        return set(self.js("geomap.events.markers.filter(m => geomap.events.cluster.hasLayer(m))"
                           ".map(m => m.feature.id)"))

    def drawn_count(self) -> int:
        """Events drawn now, read off the DOM: cluster bubbles' numbers plus single markers."""
        self.js("() => { geomap.map.setView([40, 55], 2, {animate: false}); }")
        self.page.wait_for_timeout(600)  # markercluster redraws after its zoom animation
        return self.js("""(() => {
            const n = [...document.querySelectorAll('.marker-cluster span')]
                .reduce((s, e) => s + Number(e.textContent), 0);
            return n + document.querySelectorAll('.leaflet-marker-icon.gm-marker').length; })()""")

    def click_event(self, event_id: str) -> None:
        """Zoom until the event is out of its cluster, then click its marker like a user."""
        self.js("""id => new Promise(done => { const m = geomap.events.byId[id];
                    geomap.events.cluster.zoomToShowLayer(m, () => setTimeout(done, 400)); })""",
                event_id)
        box = self.js("""id => { const r = geomap.events.byId[id]._icon.getBoundingClientRect();
                         return [r.x + r.width / 2, r.y + r.height / 2]; }""", event_id)
        self.page.mouse.click(*box)
        self.page.wait_for_selector(".leaflet-popup-content .gm-popup")

    def shown_line(self) -> str:
        return self.page.inner_text(".gm-panel .gm-shown")


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("map") / "sample.html"
    render_map(sample_extraction(), path, title="Sample run")
    return path


@pytest.fixture
def sample(browser, sample_file):
    m = MapPage(browser, sample_file)
    yield m
    m.page.close()


def test_sample_map_opens_offline_without_errors(sample):
    ARTIFACTS.mkdir(exist_ok=True)
    sample.page.wait_for_timeout(300)
    sample.page.screenshot(path=str(ARTIFACTS / "sample-map.png"))
    assert sample.errors == [] and sample.console_errors() == []
    external = [u for u in sample.requests if not u.startswith(("file:", "data:"))]
    assert all(TILE_HOST in u for u in external) and len(external) <= 1  # just the tile probe
    assert sample.js("geomap.outlines.getLayers().length") > 170  # offline country outlines drawn
    assert "GeoNames" in sample.page.inner_text(".leaflet-control-attribution")
    assert "Natural Earth" in sample.page.inner_text(".leaflet-control-attribution")
    assert sample.page.inner_text(".gm-panel h1") == "Sample run"
    assert "4 documents (1 error)" in sample.page.inner_text(".gm-panel")


def test_every_event_is_shown_on_the_map_or_in_the_panel(sample):
    x = sample_extraction()
    placed = {e.id for e in x.events if e.place is not None}
    assert sample.in_cluster() == placed
    assert sample.drawn_count() == len(placed)
    assert "On the map: 8 of 8 placed events; 1 without a place" in sample.shown_line()
    panel = sample.page.locator(".gm-panel")
    panel.locator("summary", has_text="Events without a place (1)").click()
    panel.locator("summary", has_text="Unresolved mentions (1)").click()
    panel.locator("summary", has_text="Background (historical) events (1)").click()
    expect(panel.locator(".gm-unplaced")).to_contain_text(
        "Fighting was also reported in the Karabakh highlands.")
    expect(panel.locator(".gm-unresolved")).to_contain_text("\u201cKarabakh\u201d")
    expect(panel.locator(".gm-unresolved")).to_contain_text("not in the embedded gazetteer")
    expect(panel.locator(".gm-background")).to_contain_text(
        "Speakers recalled the ceasefire signed in Bishkek")
    assert len(placed) + sample.js("geomap.events.unplaced.length") == len(x.events)


def test_the_view_fits_the_current_events_on_open(sample):
    bounds = sample.js("""(() => { const b = geomap.map.getBounds();
                          return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; })()""")
    for e in sample_extraction().events:
        if e.place and not e.background:
            assert bounds[0] < e.place.lat < bounds[2] and bounds[1] < e.place.lon < bounds[3], e.id
    assert sample.js("geomap.map.getZoom()") >= 5  # not the world view


def test_clicking_an_event_opens_its_popup_with_evidence_sources_and_why(sample):
    sample.click_event("e1")
    ARTIFACTS.mkdir(exist_ok=True)
    sample.page.screenshot(path=str(ARTIFACTS / "sample-popup.png"))
    popup = sample.page.locator(".leaflet-popup-content")
    text = popup.inner_text()
    assert "Explosions/Remote violence" in text and "Shelling/artillery/missile attack" in text
    assert "Artillery fire struck the outskirts of Tartar on Tuesday" in text
    assert popup.locator("mark").all_inner_texts() == ["Tartar"]
    assert "2 (new in this report)" in popup.locator("tr", has_text="Fatalities").inner_text()
    assert "5" in popup.locator("tr", has_text="Wounded").inner_text()
    assert "Shelling near Tartar" in text and "file: articles/d1.txt" in text
    assert popup.locator("a").get_attribute("href") == "https://example.org/news/1"
    assert "Why this place" in text and "confidence 0.82" in text and "Mississippi" in text
    # Precision 2: an uncertainty circle is drawn while the popup is open, and removed after.
    assert sample.js("geomap.events.ring && geomap.events.ring.getRadius()") == 15000
    sample.page.locator(".leaflet-popup-close-button").click()
    assert sample.js("geomap.events.ring") is None
    assert sample.errors == [] and sample.console_errors() == []


def test_cumulative_fatalities_and_exact_places_in_popups(sample):
    sample.click_event("e3")
    assert sample.js("geomap.events.ring") is None  # precision 1: no circle
    text = sample.page.inner_text(".leaflet-popup-content")
    assert "Thousands marched through Yerevan on Sunday." in text and "Example Daily" in text
    sample.js("() => { geomap.events.open(geomap.events.byId['e7']); }")
    text = sample.page.inner_text(".leaflet-popup-content")
    assert "cumulative total reported, not new deaths" in text
    assert sample.js("geomap.events.ring.getRadius()") == 50000  # precision 3 at a town


def test_toggling_a_type_hides_its_markers_and_keeps_clusters_consistent(sample):
    protests = {"e2", "e3"}
    sample.page.locator(".gm-type-row", has_text="Protests").locator("input").uncheck()
    sample.settle()
    assert sample.in_cluster().isdisjoint(protests) and len(sample.in_cluster()) == 6
    assert sample.drawn_count() == 6
    assert "On the map: 6 of 8" in sample.shown_line()
    sample.page.locator(".gm-type-row", has_text="Protests").locator("input").check()
    sample.settle()
    assert protests <= sample.in_cluster() and sample.drawn_count() == 8


def test_places_and_background_layers_toggle_in_the_layer_control(sample):
    control = sample.page.locator(".leaflet-control-layers")
    assert sample.js("geomap.map.hasLayer(geomap.places.layer)")
    control.locator("label", has_text="Places mentioned").locator("input").uncheck()
    assert not sample.js("geomap.map.hasLayer(geomap.places.layer)")
    control.locator("label", has_text="Background (historical) events").locator("input").uncheck()
    sample.settle()
    assert "e5" not in sample.in_cluster() and len(sample.in_cluster()) == 7


def test_time_filter_hides_out_of_range_events_and_respects_type_layers(sample):
    first = (dt.date(2023, 10, 1) - dt.date(1970, 1, 1)).days
    sample.page.locator(".gm-time input.gm-from").fill(str(first))
    sample.settle()
    assert sample.page.inner_text(".gm-time .gm-range") == "2023-10-01 \u2013 2023-10-12"
    # e1, e2, e9 are in September; e5 is background (own switch, outside the date filter).
    assert sample.in_cluster() == {"e3", "e4", "e5", "e6", "e7"}
    assert sample.drawn_count() == 5 and "On the map: 5 of 8" in sample.shown_line()
    row = sample.page.locator(".gm-type-row", has_text="Protests").locator("input")
    row.uncheck()
    sample.settle()
    assert sample.in_cluster() == {"e4", "e5", "e6", "e7"}
    row.check()
    sample.settle()
    assert sample.in_cluster() == {"e3", "e4", "e5", "e6", "e7"}  # e2 stays out of range
    assert sample.errors == []


# --- hostile text --------------------------------------------------------------------------

PAYLOADS = [
    "<script>window.__xss = 1; alert(1)</script>",
    '"><img src=x onerror="window.__xss = 2; alert(2)">',
    "'><svg onload=\"window.__xss = 3\">",
    "`${window.__xss = 4}` ${alert(4)}",
    "</script><script>window.__xss = 5</script><!--",
    "{{ 7*7 }} {% raw %} \u2028 \u2029 & &amp; '\"",
]
HOSTILE = " ".join(PAYLOADS)


def hostile_extraction() -> Extraction:
    """Every text field the map shows, filled with markup and script."""
    text = f"Report. Clashes hit {HOSTILE} today. More news."
    sentence = f"Clashes hit {HOSTILE} today."
    start = text.index(sentence)
    place = PlaceRef(id=1, name=HOSTILE, lat=40.0, lon=45.0, country_code="AZ", feature_code="PPL",
                     admin1=HOSTILE)
    m_start = text.index(HOSTILE)
    span = {"start": m_start, "end": m_start + len(HOSTILE)}
    doc = Document(id="x1", path=f"{HOSTILE}.txt", title=HOSTILE, source=HOSTILE,
                   url="javascript:window.__xss=6;alert(6)", published=dt.date(2024, 1, 2),
                   text=text,
                   mentions=[Mention(text=HOSTILE, **span, place=place, precision=1, confidence=0.5,
                                     note=HOSTILE),
                             Mention(text=HOSTILE, **span, note=HOSTILE)])
    bad = Document(id="x2", title=HOSTILE, status="error", error=HOSTILE)
    ev = dict(subtype=HOSTILE, date=dt.date(2024, 1, 2), time_precision=1, place_name=HOSTILE,
              actors=[{"name": HOSTILE, "country_code": "AZ"}],
              evidence=[Evidence(document_id="x1", sentence=sentence, start=start,
                                 end=start + len(sentence))],
              sources=["x1", "x2"])
    events = [Event(id="h1", type=HOSTILE, place=place, geo_precision=1, **ev),
              Event(id="h2", type="Battles", place=None, **ev),
              Event(id="h3", type="Protests", place=place, geo_precision=3, background=True, **ev)]
    return Extraction(documents=[doc, bad], events=events)


def test_the_count_of_events_without_a_place_matches_their_list(browser, tmp_path):
    """A background event with no place is listed with the background ones, not counted twice."""
    x = hostile_extraction()
    x.events.append(x.events[1].model_copy(update={"id": "h4", "background": True}))
    path = tmp_path / "unplaced.html"
    render_map(x, path, title="Unplaced")
    m = MapPage(browser, path)
    assert m.shown_line().endswith("; 1 without a place (listed below)")
    expect(m.page.locator(".gm-panel summary",
                          has_text="Events without a place (1)")).to_have_count(1)
    expect(m.page.locator(".gm-panel summary",
                          has_text="Background (historical) events (2)")).to_have_count(1)


def test_hostile_text_in_articles_never_executes(browser, tmp_path):
    path = tmp_path / "hostile.html"
    render_map(hostile_extraction(), path, title=HOSTILE)
    m = MapPage(browser, path)
    scripts = m.js("document.scripts.length")
    for event_id in ("h1", "h3"):  # every popup, every panel list, every details view
        m.js("id => { geomap.events.open(geomap.events.byId[id]); }", event_id)
        assert HOSTILE in m.page.inner_text(".leaflet-popup-content")
    m.js("""(() => { const c = geomap.places.layer.getLayers()[0];
                     c.fire('click', {latlng: c.getLatLng()}, true); })()""")
    assert HOSTILE in m.page.inner_text(".leaflet-popup-content")
    for summary in m.page.locator(".gm-panel summary").all():
        summary.click()
    details = m.page.locator(".gm-panel button.gm-link", has_text="details")
    expect(details).to_have_count(2)  # the background event and the one without a place
    for button in details.all():
        button.click()
    expect(m.page.locator(".gm-panel .gm-detail .gm-popup")).to_have_count(2)
    expect(m.page.locator(".gm-panel .gm-problems li")).to_contain_text(HOSTILE)
    expect(m.page.locator(".gm-panel .gm-unresolved li")).to_contain_text(HOSTILE)
    m.page.wait_for_timeout(300)  # let any injected onerror/onload run before checking
    assert m.js("window.__xss") is None and m.dialogs == [] and m.errors == []
    assert m.js("document.scripts.length") == scripts
    assert m.js("document.querySelectorAll('img[src=\"x\"], svg[onload], [onerror]').length") == 0
    links = m.js("[...document.querySelectorAll('a')].map(a => a.href)")
    assert not [u for u in links if u.lower().startswith("javascript:")]
    assert m.page.title() == HOSTILE and m.page.inner_text(".gm-panel h1") == HOSTILE
    assert HOSTILE in m.page.inner_text(".gm-legend") and HOSTILE in m.page.inner_text(".gm-panel")
    assert m.console_errors() == []
    m.page.close()


# --- scale: the compressed data path, and updates during chunked loading -------------------

def synthetic(n: int, seed: int = 7) -> Extraction:
    """n events over a few hundred places and dates, with their documents and mentions."""
    rnd = random.Random(seed)
    places = [PlaceRef(id=i, name=f"Town {i}", lat=rnd.uniform(35, 45), lon=rnd.uniform(40, 50),
                       country_code="AZ", feature_code="PPL") for i in range(300)]
    docs, events = [], []
    for i in range(n):
        p = rnd.choice(places)
        sentence = f"Event {i} happened in {p.name}."
        at = sentence.index(p.name)
        doc = Document(id=f"d{i}", title=f"Report {i}", text=sentence,
                       mentions=[Mention(text=p.name, start=at, end=at + len(p.name), place=p,
                                         precision=1, confidence=0.9)])
        docs.append(doc)
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(90))
        events.append(Event(id=f"e{i}", type=rnd.choice(["Battles", "Protests", "Riots"]),
                            subtype="x", date=day, time_precision=1, place=p, place_name=p.name,
                            geo_precision=1, sources=[doc.id],
                            evidence=[Evidence(document_id=doc.id, sentence=sentence, start=0,
                                               end=len(sentence))]))
    return Extraction(documents=docs, events=events)


def test_compressed_map_of_thousands_of_events_loads_and_counts(browser, tmp_path):
    x = synthetic(3000)
    page = build_map("scale")
    page.compress_above = 10_000  # force the gzip + base64 path
    html = page.render(x)
    assert 'id="gm-data-gz"' in html
    path = tmp_path / "scale.html"
    path.write_text(html, encoding="utf-8")
    m = MapPage(browser, path)
    assert len(m.in_cluster()) == 3000 and m.drawn_count() == 3000
    assert m.errors == [] and m.console_errors() == []
    m.page.close()


def test_bursts_of_filter_changes_end_in_a_consistent_state(browser, tmp_path):
    """Changes made while markercluster is still adding markers in chunks must not be lost."""
    x = synthetic(20000, seed=3)
    path = tmp_path / "burst.html"
    page = build_map("burst")
    events = next(e for e in page.elements if isinstance(e, EventsLayer))
    events.chunk_interval_ms = 5  # many small chunks: the window the test aims at
    path.write_text(page.render(x), encoding="utf-8")
    m = MapPage(browser, path)
    day = lambda d: (d - dt.date(1970, 1, 1)).days  # noqa: E731
    lo, hi = day(dt.date(2024, 1, 20)), day(dt.date(2024, 2, 20))
    m.js("() => geomap.events.setDateRange(0, 0, false)")  # 1970-01-01 only: nothing shown
    m.settle()
    assert m.in_cluster() == set()
    m.js("""([lo, hi]) => {
        const t = geomap.events.styles.find(s => s.label === "Battles").toggle, map = geomap.map;
        geomap.events.chunks = 0;
        geomap.events.setDateRange(lo - 400, hi + 400, true);  // re-adds 20k markers, in chunks
        for (let i = 0; i < 7; i++) { i % 2 ? map.addLayer(t) : map.removeLayer(t); }
        map.addLayer(t);
        // These land between markercluster's chunks, while the big update is still running.
        setTimeout(() => map.removeLayer(t), 45);
        setTimeout(() => geomap.events.setDateRange(lo, hi, true), 50);
    }""", [lo, hi])
    m.page.wait_for_timeout(300)
    m.settle()
    assert m.js("geomap.events.chunks") > 5  # the changes really arrived mid-load
    expected = {e.id for e in x.events if e.type != "Battles" and lo <= day(e.date) <= hi}
    assert m.in_cluster() == expected
    assert m.js("geomap.events.visible") == len(expected)
    assert m.errors == []
    m.page.close()
