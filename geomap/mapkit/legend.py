"""The legend: each event type's marker, name, count and on/off switch, and the other symbols.

The per-type checkboxes add or remove the events layer's type switches (``st.toggle``), so the
legend is also the layer list for event types; Leaflet's layer control keeps basemaps and the
places and background layers.
"""

from __future__ import annotations

from .element import Element


class Legend(Element):
    """A bottom-right box built from the events layer's style table."""

    name = "legend"
    css = """
.gm-legend { font-size: 12px; line-height: 1.5; max-height: 40vh; overflow-y: auto; }
.gm-legend .gm-row { display: flex; align-items: center; gap: 6px; white-space: nowrap; }
.gm-legend label.gm-row { cursor: pointer; }
.gm-legend input { margin: 0; }
.gm-legend div.gm-row { padding-left: 19px; }
.gm-legend .gm-title { font-weight: 600; margin-bottom: 2px; }
.gm-legend .gm-cluster-key { display: inline-block; width: 18px; height: 18px; border-radius: 9px;
  background: rgba(110, 204, 57, .8); color: #000; font-size: 10px; text-align: center;
  line-height: 18px; }
"""
    js = r"""
var el = gm.el, events = gm.events;
if (!events || !events.styles.length) { return; }
var box = gm.control("bottomright", "gm-legend");
el("div", "gm-title", "Event types", box);
events.styles.forEach(function (st) {
  var row = el("label", "gm-row gm-type-row", null, box);
  var check = el("input", "gm-type-toggle", null, row);
  check.type = "checkbox";
  check.checked = st.on;
  check.addEventListener("change", function () {
    if (check.checked) { gm.map.addLayer(st.toggle); } else { gm.map.removeLayer(st.toggle); }
  });
  st.checkbox = check;
  el("span", "gm-swatch", null, row).innerHTML = gm.iconSvg(st, false);  // static SVG, no data
  el("span", "gm-label", st.label, row);
  el("span", "gm-muted", "(" + st.count + ")", row);
});
var key = el("div", "gm-row", null, box);
el("span", "gm-swatch", null, key).innerHTML =
  gm.iconSvg({shape: "circle", color: "#555555"}, true);
el("span", "gm-muted", "dashed ring: approximate place (click for its area)", key);
var cl = el("div", "gm-row", null, box);
el("span", "gm-cluster-key", "12", cl);
el("span", "gm-muted", "cluster of events (click to zoom)", cl);
if (gm.places && gm.places.count) {
  var pl = el("div", "gm-row", null, box);
  el("span", "gm-swatch", null, pl).innerHTML = '<svg width="20" height="20" viewBox="0 0 20 20">' +
    '<circle cx="10" cy="10" r="7" fill="#6b7f94" fill-opacity=".45" stroke="#2f3e4e"/></svg>';
  el("span", "gm-muted", "place mentioned (size: mentions)", pl);
}
gm.legend = box;
"""
