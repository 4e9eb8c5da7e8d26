"""The basemap: Natural Earth country outlines always, online tiles on top when reachable.

The outlines (``countries-110m.geojson``, vendored and cut at the antimeridian) are drawn on a
canvas in a pane below the tile pane, so the map is readable with no network, and the tiles, once
they load, simply cover them.  The tile layer is switched on only after a probe tile has loaded,
so an offline viewer gets one failed request and no grid of broken images.
"""

from __future__ import annotations

import json
from typing import Any

from .assets import asset_text
from .element import Element, RenderContext

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = ('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
                   "contributors")
DATA_ATTRIBUTION = ('Places &copy; <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0) | '
                    'Outlines: <a href="https://www.naturalearthdata.com/">Natural Earth</a>')


class Basemap(Element):
    """Offline vector outlines plus an optional online tile layer (``tiles=None``: none)."""

    name = "basemap"

    def __init__(self, tiles: str | None = OSM_TILES, attribution: str = OSM_ATTRIBUTION) -> None:
        self.tiles = tiles
        self.attribution = attribution  # trusted markup from the caller, not from articles

    def data(self, ctx: RenderContext) -> dict[str, Any]:
        # Parsed and re-dumped so the blob holds an object, not a string to parse twice.
        return {"countries": json.loads(asset_text("countries-110m.geojson")),
                "tiles": self.tiles, "tileAttribution": self.attribution,
                "attribution": DATA_ATTRIBUTION}

    js = r"""
var map = gm.map;
map.createPane("gm-basemap").style.zIndex = 150;  // below tiles (200): tiles cover it when online
var outlines = L.geoJSON(data.countries, {
  pane: "gm-basemap", interactive: false, renderer: L.canvas({pane: "gm-basemap"}),
  style: {color: "#8d99a6", weight: 0.7, fillColor: "#f3efe6", fillOpacity: 1}
}).addTo(map);
gm.baseLayers["Outlines only (offline)"] = L.layerGroup();
map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
map.attributionControl.addAttribution(data.attribution);
gm.outlines = outlines;
var offlineOnly = gm.baseLayers["Outlines only (offline)"].addTo(map);
if (data.tiles) {
  var tiles = L.tileLayer(data.tiles, {maxZoom: 18, attribution: data.tileAttribution});
  gm.baseLayers["Online tiles"] = tiles;
  gm.tiles = tiles;
  // Probe one tile before adding the layer: offline, that is one failed request instead of a
  // screenful, and the viewer keeps the outlines without a grid of broken images.
  if (navigator.onLine !== false) {
    var probe = new Image();
    probe.onload = function () {
      if (map.hasLayer(offlineOnly)) { map.removeLayer(offlineOnly); tiles.addTo(map); }
    };
    probe.src = L.Util.template(data.tiles, {s: "a", z: 0, x: 0, y: 0, r: ""});
  }
}
"""
