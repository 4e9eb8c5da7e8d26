"""Events as clustered markers, one toggleable layer per event type, built in the browser.

Python ships only the GeoJSON; the browser makes one ``L.marker`` per placed event (sharing one
SVG ``divIcon`` per type), and a single ``leaflet.markercluster`` group with ``chunkedLoading``
clusters them.  Type layers and the time filter are not separate cluster groups: they are filters
on the one group (markers removed/added in bulk), so cluster counts always match what is visible
and popups keep working (folium's FastMarkerCluster loses both, folium #1871).  A popup is built
only when its marker is clicked, into one shared ``L.popup``.
"""

from __future__ import annotations

from typing import Any

from .element import Element, RenderContext
from .styles import style_table

# How far (km) an approximate location may be from its point, by precision and feature code:
# ACLED-style precision 2 is "near the place or part of a region", 3 "a larger containing area".
UNCERTAINTY_KM: dict[str, Any] = {
    "2": 15,
    "3": {"PCLI": 300, "PCLD": 300, "ADM1": 100, "ADM2": 40, "ADMD": 60, "default": 50},
}


class EventsLayer(Element):
    """Clustered event markers coloured and shaped by type; exposes ``geomap.events`` in JS."""

    name = "events"
    assets = ("MarkerCluster.css", "MarkerCluster.Default.css", "leaflet.markercluster.js")
    css = """
.gm-marker { background: none; border: none; }
.gm-marker svg { display: block; overflow: visible; filter: drop-shadow(0 0 1px rgba(0,0,0,.6)); }
"""

    def __init__(self, max_cluster_radius: int = 45, chunk_interval_ms: int = 150) -> None:
        self.max_cluster_radius = max_cluster_radius
        # markercluster adds markers in slices of this many ms, so the page stays responsive.
        self.chunk_interval_ms = chunk_interval_ms

    def data(self, ctx: RenderContext) -> dict[str, Any]:
        types = [e.type for e in ctx.extraction.events]
        return {"styles": style_table(types), "uncertaintyKm": UNCERTAINTY_KM,
                "maxClusterRadius": self.max_cluster_radius,
                "chunkInterval": self.chunk_interval_ms}

    js = r"""
var map = gm.map, styles = data.styles, typeIndex = {};
var SHAPES = {
  circle: "M3.5 10a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0-13 0Z",
  square: "M4 4h12v12H4Z",
  diamond: "M10 2.2 17.8 10 10 17.8 2.2 10Z",
  triangle: "M10 2.6 17.8 16.4H2.2Z",
  star: "M10 2.6 12 7.8 17.6 8.1 13.2 11.7 14.7 17.1 10 14 5.3 17.1 6.8 11.7 2.4 8.1 8 7.8Z",
  hexagon: "M6 3.5h8l4 6.5-4 6.5H6L2 10Z"
};
// Only validated colours and the fixed shapes above go into this markup (never data text).
gm.iconSvg = function (style, uncertain) {
  var shape = '<path d="' + SHAPES[style.shape] + '" fill="' + style.color +
    '" stroke="#fff" stroke-width="1.3"' +
    (uncertain ? ' transform="translate(10 10) scale(.68) translate(-10 -10)"' : "") + "/>";
  var ring = uncertain ? '<circle cx="10" cy="10" r="9" fill="none" stroke="' + style.color +
    '" stroke-width="1.6" stroke-dasharray="2.6 2"/>' : "";
  return '<svg width="20" height="20" viewBox="0 0 20 20">' + ring + shape + "</svg>";
};
styles.forEach(function (s, i) { typeIndex[s.label] = i; s.on = true; });
var icons = {};
function iconFor(i, uncertain) {
  var key = i + (uncertain ? "u" : "");
  if (!icons[key]) {
    icons[key] = L.divIcon({className: "gm-marker", html: gm.iconSvg(styles[i], uncertain),
                            iconSize: [20, 20], iconAnchor: [10, 10]});
  }
  return icons[key];
}
function dayNumber(s) {
  return s ? Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 864e5 : null;
}

var markers = [], unplaced = [], shown = [], byId = {}, nBackground = 0;
var minDay = Infinity, maxDay = -Infinity;
var box = [90, 180, -90, -180], bgBox = [90, 180, -90, -180];  // south, west, north, east
gm.data.geojson.features.forEach(function (f) {
  var p = f.properties;
  if (p.kind !== "event") { return; }
  if (!f.geometry) { unplaced.push(f); return; }
  var c = f.geometry.coordinates, ti = typeIndex[p.type];
  var m = L.marker([c[1], c[0]], {icon: iconFor(ti, p.geo_precision > 1), keyboard: false});
  m.feature = f;
  m.gmType = ti;
  m.gmDay = dayNumber(p.date);
  m.gmBackground = !!p.background;
  if (m.gmDay !== null && !m.gmBackground) {
    minDay = Math.min(minDay, m.gmDay);
    maxDay = Math.max(maxDay, m.gmDay);
  }
  if (m.gmBackground) { nBackground += 1; }
  var b = m.gmBackground ? bgBox : box;
  b[0] = Math.min(b[0], c[1]); b[1] = Math.min(b[1], c[0]);
  b[2] = Math.max(b[2], c[1]); b[3] = Math.max(b[3], c[0]);
  byId[f.id] = m;
  markers.push(m);
  shown.push(true);
});
// Open on the current events; background ones only when there is nothing else.
var fitBox = markers.length > nBackground ? box : bgBox;
if (markers.length) { gm.bounds.extend([[fitBox[0], fitBox[1]], [fitBox[2], fitBox[3]]]); }

var filter = {background: true, from: null, to: null, undated: true};
var done = null;
var cluster = L.markerClusterGroup({
  chunkedLoading: true, chunkInterval: data.chunkInterval, chunkDelay: 5,
  showCoverageOnHover: false,
  maxClusterRadius: data.maxClusterRadius,
  chunkProgress: function (processed, total) {
    api.chunks += 1;
    if (processed >= total && done) { finish(); }
  }
});
var api = gm.events = {cluster: cluster, markers: markers, unplaced: unplaced, styles: styles,
                       byId: byId, busy: false, visible: markers.length, chunks: 0,
                       dayRange: markers.length && isFinite(minDay) ? [minDay, maxDay] : null,
                       background: nBackground, filter: filter};
api.styleOf = function (label) {
  var i = typeIndex[label];
  return i === undefined ? null : styles[i];
};
function load(list) {  // resolves once markercluster has placed every marker of the list
  return new Promise(function (resolve) {
    done = resolve;
    // true: no "layeradd" event per marker; nothing listens, and at 100k they add up
    if (list.length && cluster._map) { cluster.addLayers(list, true); } else { finish(); }
  });
}
function finish() {
  var resolve = done;
  done = null;
  resolve();
}

// Background (historical) events have their own switch and are outside the date filter: a 1994
// ceasefire recalled in a 2023 report would otherwise stretch the slider over thirty years.
function visible(m) {
  if (!styles[m.gmType].on) { return false; }
  if (m.gmBackground) { return filter.background; }
  if (m.gmDay === null) { return filter.undated; }
  return (filter.from === null || m.gmDay >= filter.from) &&
         (filter.to === null || m.gmDay <= filter.to);
}
// Recompute visibility and move only the markers whose state changed, in two bulk calls.
function apply() {
  var add = [], remove = [], count = 0;
  for (var i = 0; i < markers.length; i++) {
    var v = visible(markers[i]);
    if (v) { count += 1; }
    if (v !== shown[i]) { (v ? add : remove).push(markers[i]); shown[i] = v; }
  }
  api.visible = count;
  if (remove.length) { cluster.removeLayers(remove); }
  gm.emit("filter", api);
  return load(add);
}
// Updates run one after another (a chunked addLayers must finish before the next diff, or a
// marker still waiting in its queue could not be removed), and a burst of changes (slider
// input) collapses into one update that reads the latest state.
var chain = Promise.resolve(), queued = false;
function enqueue(task) {
  api.busy = true;
  chain = chain.then(task).then(function () { if (!queued) { api.busy = false; } });
  return chain;
}
api.refresh = function () {
  api.busy = true;
  if (queued) { return chain; }
  queued = true;
  return enqueue(function () {
    return new Promise(function (resolve) { setTimeout(resolve, 30); })
      .then(function () { queued = false; return apply(); });
  });
};
api.setDateRange = function (from, to, undated) {
  filter.from = from; filter.to = to; filter.undated = undated !== false;
  return api.refresh();
};

var Toggle = L.Layer.extend({
  initialize: function (set) { this._set = set; },
  onAdd: function () { this._set(true); },
  onRemove: function () { this._set(false); }
});
// One switch per type: a layer with no drawing whose presence on the map turns the type on, so
// the legend's checkboxes (and any code using map.addLayer/removeLayer) drive the same filter.
styles.forEach(function (st) {
  st.toggle = new Toggle(function (on) { if (st.on !== on) { st.on = on; api.refresh(); } });
  map.addLayer(st.toggle);
});
if (nBackground) {
  gm.overlay('Background (historical) events <span class="gm-muted">(' + nBackground + ")</span>",
             new Toggle(function (on) {
               if (filter.background !== on) { filter.background = on; api.refresh(); }
             }),
             true);
}

var popup = L.popup({maxWidth: 400, minWidth: 260, autoPanPadding: [40, 40], offset: [0, -6]});
var ring = null;
api.popup = popup;
api.open = function (m) {
  var f = m.feature, km = gm.uncertaintyKm(f.properties, data.uncertaintyKm);
  if (ring) { map.removeLayer(ring); ring = null; }
  popup.setLatLng(m.getLatLng()).setContent(gm.eventPopup(f)).openOn(map);
  api.current = f.id;
  if (km) {
    ring = L.circle(m.getLatLng(), {radius: km * 1000, color: styles[m.gmType].color,
                                    weight: 1.5, dashArray: "6 5", fillOpacity: 0.08,
                                    interactive: false}).addTo(map);
    api.ring = ring;
  }
};
api.show = function (id) {  // zoom until the event's marker is out of its cluster, then open it
  var m = byId[id];
  if (!m || !cluster.hasLayer(m)) { return false; }
  cluster.zoomToShowLayer(m, function () { api.open(m); });
  return true;
};
cluster.on("click", function (ev) { api.open(ev.layer); });
map.on("popupclose", function (ev) {
  if (ev.popup !== popup) { return; }
  api.current = null;
  if (ring) { map.removeLayer(ring); ring = null; api.ring = null; }
});
gm.afterFit.push(function () {
  cluster.addTo(map);
  gm.pending.push(enqueue(function () { return load(markers); }));
});
"""
