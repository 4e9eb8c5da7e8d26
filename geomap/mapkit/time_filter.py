"""A date-range filter over event dates: two sliders (from, to) and an "undated" switch.

Background (historical) events are outside it (they have their own layer switch).

It only sets the events layer's filter, which moves markers in and out of the one cluster group,
so clusters, counts and type layers stay consistent with the chosen range.
"""

from __future__ import annotations

from .element import Element


class TimeFilter(Element):
    """Bottom-left control; absent when no placed, current event has a date."""

    name = "time"
    css = """
.gm-time { width: 260px; font-size: 12px; }
.gm-time input[type=range] { width: 100%; margin: 2px 0; }
.gm-time .gm-title { font-weight: 600; }
.gm-time .gm-range { font-variant-numeric: tabular-nums; }
"""
    js = r"""
var el = gm.el, api = gm.events;
if (!api || !api.dayRange) { return; }
var r = api.dayRange, box = gm.control("bottomleft", "gm-time");
function iso(d) { return new Date(d * 864e5).toISOString().slice(0, 10); }
el("div", "gm-title", "Event dates", box);
var label = el("div", "gm-range", iso(r[0]) + " \u2013 " + iso(r[1]), box);
function slider(cls, value, name) {
  var input = el("input", cls, null, box);
  input.type = "range";
  input.min = r[0];
  input.max = r[1];
  input.step = 1;
  input.value = value;
  input.setAttribute("aria-label", name);
  return input;
}
var from = slider("gm-from", r[0], "From date"), to = slider("gm-to", r[1], "To date");
var undatedCount = api.markers.filter(function (m) {
  return m.gmDay === null && !m.gmBackground;
}).length;
var undated = {checked: true};
if (undatedCount) {
  var lab = el("label", null, null, box);
  undated = el("input", "gm-undated", null, lab);
  undated.type = "checkbox";
  undated.checked = true;
  el("span", null, " include undated events (" + undatedCount + ")", lab);
  undated.addEventListener("change", update);
}
function update(ev) {
  var a = +from.value, b = +to.value;
  if (a > b) { if (ev && ev.target === from) { to.value = a; } else { from.value = b; } }
  a = +from.value;
  b = +to.value;
  label.textContent = iso(a) + " \u2013 " + iso(b);
  return api.setDateRange(a, b, undated.checked);
}
from.addEventListener("input", update);
to.addEventListener("input", update);
gm.time = {from: from, to: to, undated: undated, label: label, iso: iso, update: update};
"""
