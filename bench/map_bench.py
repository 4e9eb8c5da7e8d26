"""Map figures: time to write the HTML, its size, and time until it is interactive in Chromium.

    python bench/map_bench.py [--sizes 1000 10000 100000] [--json] [--keep DIR]

Synthetic extractions (``synthetic_extraction``) stand in for real runs: news-like sentences,
ACLED types, a pool of places with three scored alternatives per mention, 3 % background and 2 %
unplaced events.  "Write" is ``render_map(extraction, path)`` from the models to the file on disk;
"interactive" is from navigation start until ``geomap.ready`` (data parsed, map drawn, every
marker clustered), in headless ``/usr/bin/chromium`` with the network blocked.  Goals (issue 5):
100k written in <= 5 s, file <= 40 MB, interactive <= 3 s at 10k and <= 8 s at 100k.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geomap.export import to_geojson  # noqa: E402
from geomap.models import (  # noqa: E402
    Actor,
    Alternative,
    Document,
    Event,
    Evidence,
    Extraction,
    Mention,
    PlaceRef,
)
from geomap.render import render_map  # noqa: E402

TYPES = {
    "Battles": ["Armed clash", "Government regains territory"],
    "Explosions/Remote violence": ["Shelling/artillery/missile attack", "Air/drone strike"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests"],
}
VERBS = ["clashed near", "shelled the outskirts of", "marched through", "rallied in",
         "attacked a convoy outside", "signed an agreement in", "detained several people in"]
ACTORS = ["Military Forces", "Police Forces", "Rebel Group", "Protesters", "Rioters",
          "Civilians", "Militia", "Border Guards"]
COUNTRIES = ["AZ", "AM", "GE", "TR", "IR", "RU", "UA", "SY", "IQ", "KG"]


def _places(n: int, rnd: random.Random) -> list[PlaceRef]:
    """Towns scattered over a Caucasus-to-Central-Asia box (clusters form, as in real runs)."""
    return [PlaceRef(id=100000 + i, name=f"Town{i}", lat=round(rnd.uniform(30, 50), 5),
                     lon=round(rnd.uniform(30, 75), 5), country_code=rnd.choice(COUNTRIES),
                     feature_code=rnd.choice(["PPL", "PPL", "PPLA", "PPLA2", "ADM2"]),
                     admin1=f"Province{i % 97}", population=rnd.randrange(500, 900000))
            for i in range(n)]


def _sentence(rnd: random.Random, place: PlaceRef) -> str:
    who = rnd.choice(ACTORS)
    words = ["officials", "said", "on", "Tuesday", "after", "the", "local", "reports",
             "residents", "witnesses", "morning"]
    extra = " ".join(rnd.choice(words) for _ in range(rnd.randrange(6, 18)))
    return f"{who} {rnd.choice(VERBS)} {place.name} {extra}."


def synthetic_extraction(n_events: int, seed: int = 1) -> Extraction:
    """About ``n_events`` events over n/5 documents, each document with ~8 place mentions."""
    rnd = random.Random(seed)
    places = _places(max(50, min(n_events // 10, 5000)), rnd)
    start = dt.date(2023, 1, 1)
    docs, events = [], []
    for d in range(max(1, n_events // 5)):
        doc_id = f"doc{d}"
        sentences, mentions, pos = [], [], 0
        for _ in range(8):
            p = rnd.choice(places)
            s = _sentence(rnd, p)
            at = pos + s.index(p.name)
            alts = [Alternative(place=a, score=round(rnd.random(), 3),
                                features={"population": 0.2, "context": 0.5})
                    for a in [p] + rnd.sample(places, 2)]
            resolved = rnd.random() > 0.05
            mentions.append(Mention(text=p.name, start=at, end=at + len(p.name),
                                    place=p if resolved else None,
                                    precision=rnd.choice([1, 1, 2, 3]) if resolved else None,
                                    confidence=round(rnd.random(), 3), alternatives=alts,
                                    note="context: country mentioned nearby"))
            sentences.append((s, pos, p, resolved))
            pos += len(s) + 1
        published = start + dt.timedelta(days=rnd.randrange(700))
        docs.append(Document(id=doc_id, path=f"articles/{doc_id}.txt",
                             title=f"Report {d} from the region", source="Synthetic Wire",
                             url=f"https://example.org/{doc_id}", published=published,
                             mentions=mentions))
        for s, at, p, resolved in sentences[:5]:
            if len(events) >= n_events:
                break
            etype = rnd.choice(list(TYPES))
            unplaced = not resolved or rnd.random() < 0.02
            events.append(Event(
                id=f"ev{len(events)}", type=etype, subtype=rnd.choice(TYPES[etype]),
                date=published - dt.timedelta(days=rnd.randrange(3)),
                time_precision=rnd.choice([1, 1, 2, 3]),
                place=None if unplaced else p, place_name=p.name,
                geo_precision=None if unplaced else rnd.choice([1, 1, 2, 3]),
                actors=[Actor(name=rnd.choice(ACTORS), country_code=rnd.choice(COUNTRIES))
                        for _ in range(rnd.randrange(1, 3))],
                fatalities=rnd.choice([None, 0, 1, 2, 5, 12]),
                fatalities_cumulative=rnd.random() < 0.05,
                wounded=rnd.choice([None, None, 3]), background=rnd.random() < 0.03,
                evidence=[Evidence(document_id=doc_id, sentence=s, start=at, end=at + len(s))],
                sources=[doc_id]))
    return Extraction(documents=docs, events=events)


def _cpu() -> float:
    """CPU seconds of this process, all threads (the gzip worker included)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def measure_write(x: Extraction, path: Path) -> dict:
    """render_map to disk: best wall time of 2 runs (1 at 100k+) and its CPU time.

    CPU time is reported too because wall time on a shared machine includes waiting for a core.
    """
    t = time.perf_counter()
    to_geojson(x)
    geojson_s = time.perf_counter() - t
    runs = 1 if len(x.events) >= 100_000 else 2
    best = (float("inf"), 0.0)
    for _ in range(runs):
        t, c = time.perf_counter(), _cpu()
        render_map(x, path, title=f"{len(x.events)} synthetic events")
        best = min(best, (time.perf_counter() - t, _cpu() - c))
    return {"write_s": round(best[0], 2), "write_cpu_s": round(best[1], 2),
            "to_geojson_s": round(geojson_s, 2), "size_mb": round(path.stat().st_size / 1e6, 2)}


def measure_interactive(path: Path, runs: int = 2) -> dict:
    """Navigation start until geomap.ready, best of ``runs`` fresh pages, network blocked."""
    from playwright.sync_api import sync_playwright

    best: dict = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-gpu",
                                          "--disable-background-networking"])
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route("**/*", lambda r: r.continue_()
                       if r.request.url.startswith(("file:", "data:")) else r.abort())
            page.goto(path.as_uri(), timeout=120_000)
            page.wait_for_function("window.geomap && geomap.ready", timeout=120_000, polling=50)
            # geomap.t0 is performance.now() (ms since navigation start) when the core started,
            # after the browser parsed the HTML; readyMs runs from there to geomap.ready.
            got = page.evaluate("""() => ({t0: geomap.t0, ready: geomap.readyMs,
                markers: geomap.events.markers.length,
                heap: performance.memory ? performance.memory.usedJSHeapSize : 0})""")
            row = {"interactive_s": round((got["t0"] + got["ready"]) / 1000, 2),
                   "html_parsed_s": round(got["t0"] / 1000, 2), "markers": got["markers"],
                   "js_heap_mb": round(got["heap"] / 1e6)}
            if not best or row["interactive_s"] < best["interactive_s"]:
                best = row
            page.close()
        browser.close()
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--keep", type=Path, help="keep the generated maps in this folder")
    ap.add_argument("--no-browser", action="store_true", help="skip the Chromium measurement")
    args = ap.parse_args()
    out = args.keep or Path(tempfile.mkdtemp(prefix="map_bench_"))
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        t = time.perf_counter()
        x = synthetic_extraction(n)
        gen = time.perf_counter() - t
        path = out / f"map_{n}.html"
        row = {"events": len(x.events), "documents": len(x.documents), "generate_s": round(gen, 1),
               **measure_write(x, path)}
        if not args.no_browser:
            row.update(measure_interactive(path))
        row["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        rows.append(row)
        if not args.json:
            print(" ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    if args.json:
        print(json.dumps({"machine": platform.platform(), "python": platform.python_version(),
                          "results": rows}, indent=1))


if __name__ == "__main__":
    main()
