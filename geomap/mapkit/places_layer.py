"""Every resolved place as a circle sized by how often it was mentioned (events or not).

Drawn on a canvas renderer (thousands of places cost one element) in the overlay pane, below the
event markers.  Its bounds are the fallback view when the run found places but no events.
"""

from __future__ import annotations

from .element import Element


class PlacesLayer(Element):
    """The "Places mentioned" overlay; a click opens the place's popup."""

    name = "places"
    js = r"""
var map = gm.map, renderer = L.canvas({padding: 0.3}), group = L.featureGroup(), count = 0;
var s = 90, w = 180, n = -90, e = -180;
gm.data.geojson.features.forEach(function (f) {
  if (f.properties.kind !== "place" || !f.geometry) { return; }
  var c = f.geometry.coordinates, k = f.properties.mentions;
  var m = L.circleMarker([c[1], c[0]], {renderer: renderer,
    radius: Math.min(4 + 2.5 * Math.sqrt(k), 22),
    color: "#2f3e4e", weight: 1, fillColor: "#6b7f94", fillOpacity: 0.35});
  m.feature = f;
  group.addLayer(m);
  count += 1;
  s = Math.min(s, c[1]); n = Math.max(n, c[1]); w = Math.min(w, c[0]); e = Math.max(e, c[0]);
});
gm.fallbackBounds = count ? L.latLngBounds([[s, w], [n, e]]) : null;
var popup = L.popup({maxWidth: 360, minWidth: 220, autoPanPadding: [40, 40]});
group.on("click", function (ev) {
  popup.setLatLng(ev.layer.getLatLng()).setContent(gm.placePopup(ev.layer.feature)).openOn(map);
});
gm.places = {layer: group, count: count, popup: popup};
if (count) {
  gm.overlay('<svg width="14" height="14" viewBox="0 0 14 14"><circle cx="7" cy="7" r="5.5" ' +
             'fill="#6b7f94" fill-opacity=".45" stroke="#2f3e4e"/></svg> Places mentioned ' +
             '<span class="gm-muted">(' + count + ")</span>", group, true);
}
"""
