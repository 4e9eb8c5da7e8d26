"""Popup contents for events and places, built as DOM nodes with ``textContent`` only.

Article text (evidence sentences, titles, names, actors, URLs) never passes through ``innerHTML``:
quotes, backticks, ``<script>`` and ``"><img onerror=...>`` stay inert text.  Links are made only
from ``http(s)`` URLs, by assigning ``href`` (so ``javascript:`` URLs show as plain text).
"""

from __future__ import annotations

from typing import Any

from .element import Element, RenderContext


def documents_table(ctx: RenderContext) -> dict[str, dict[str, Any]]:
    """Per document id what a reader needs to find the source again."""
    return {d.id: {"title": d.title, "path": d.path, "url": d.url, "source": d.source,
                   "published": d.published.isoformat() if d.published else None,
                   "status": d.status, "error": d.error}
            for d in ctx.extraction.documents}


class Popups(Element):
    """Defines ``geomap.eventPopup(feature)`` and ``geomap.placePopup(feature)``."""

    name = "popup"
    css = """
.gm-popup { font-size: 12.5px; max-height: 60vh; overflow-y: auto; }
.gm-popup .gm-head { font-weight: 600; font-size: 14px; margin-bottom: 4px; }
.gm-popup .gm-head svg { vertical-align: -4px; margin-right: 4px; }
.gm-popup table { border-collapse: collapse; margin: 4px 0; }
.gm-popup th { text-align: left; vertical-align: top; color: #555; font-weight: 500;
  padding: 1px 8px 1px 0; }
.gm-popup td { padding: 1px 0; }
.gm-popup .gm-sec { margin-top: 8px; font-weight: 600; color: #333; border-top: 1px solid #ddd;
  padding-top: 4px; }
.gm-popup blockquote { margin: 4px 0; padding: 2px 8px; border-left: 3px solid #bbb;
  background: #fafafa; }
.gm-popup mark { background: #ffe58a; padding: 0 1px; }
.gm-popup ul, .gm-popup ol { margin: 2px 0; padding-left: 18px; }
.gm-popup .gm-chosen { font-weight: 600; }
.gm-badge { display: inline-block; background: #666; color: #fff; border-radius: 3px;
  padding: 0 5px; font-size: 11px; }
.gm-path { word-break: break-all; }
"""

    def data(self, ctx: RenderContext) -> dict[str, Any]:
        return {"documents": documents_table(ctx)}

    js = r"""
var el = gm.el;
var TIME = {1: "exact day", 2: "within about a week", 3: "month only"};
var GEO = {1: "the named place", 2: "near it, or part of a region",
           3: "a larger area containing it"};
gm.documents = data.documents;

gm.uncertaintyKm = function (p, table) {
  if (!p.place || !(p.geo_precision > 1)) { return 0; }
  if (p.geo_precision === 2) { return table["2"]; }
  var code = p.place.feature_code || "", t = table["3"];
  return t[code] || (code.indexOf("PCL") === 0 ? t.PCLI : t["default"]);
};
function escapeRe(s) { return s.replace(/[\\^$.*+?()[\]{}|\/]/g, "\\$&"); }
// Appends text to parent with every occurrence of the terms wrapped in <mark> (as text nodes).
gm.highlight = function (parent, text, terms) {
  var list = terms.filter(function (t) { return t && String(t).trim(); }).map(String)
    .sort(function (a, b) { return b.length - a.length; });
  var last = 0, m, re = list.length ? new RegExp(list.map(escapeRe).join("|"), "giu") : null;
  while (re && (m = re.exec(text)) !== null) {
    parent.appendChild(document.createTextNode(text.slice(last, m.index)));
    el("mark", null, m[0], parent);
    last = m.index + m[0].length;
  }
  parent.appendChild(document.createTextNode(text.slice(last)));
  return parent;
};
gm.docItem = function (parent, id) {
  var d = gm.documents[id], li = el("li", "gm-doc", null, parent);
  if (!d) { el("span", null, id, li); return li; }
  el("span", "gm-doc-title", d.title || d.path || id, li);
  var meta = [d.source, d.published].filter(Boolean).join(", ");
  if (meta) { el("span", "gm-muted", " (" + meta + ")", li); }
  if (d.path && d.title) { el("div", "gm-muted gm-path", "file: " + d.path, li); }
  if (d.url && /^https?:\/\//i.test(d.url)) {
    var a = el("a", "gm-path", d.url, el("div", null, null, li));
    a.href = d.url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
  } else if (d.url) {
    el("div", "gm-muted gm-path", d.url, li);
  }
  return li;
};
function fact(table, label, value, note) {
  var tr = el("tr", null, null, table);
  el("th", null, label, tr);
  var td = el("td", null, value, tr);
  if (note) { el("span", "gm-muted", " (" + note + ")", td); }
  return td;
}
function placeText(place) {
  return [place.name, place.admin1, place.country_code].filter(Boolean).join(", ");
}
function why(root, p) {
  var r = p.resolution;
  el("div", "gm-sec", "Why this place", root);
  if (!r) {
    el("div", "gm-muted", "No resolver record for this place (taken from the event itself).", root);
    return;
  }
  var line = el("div", null, "\u201c" + r.text + "\u201d \u2192 " + placeText(p.place) +
                ", confidence " + Number(r.confidence).toFixed(2), root);
  if (r.note) { el("div", "gm-muted", r.note, root); }
  if (!r.alternatives.length) { return line; }
  el("div", "gm-muted", "Top candidates:", root);
  var ol = el("ol", null, null, root);
  r.alternatives.forEach(function (a) {
    var li = el("li", a.id === p.place.id ? "gm-chosen" : null,
                placeText(a) + " (" + a.feature_code + ") score " + Number(a.score).toFixed(2), ol);
    if (a.id === p.place.id) { el("span", null, " \u2714 chosen", li); }
  });
}
gm.eventPopup = function (f) {
  var p = f.properties, root = el("div", "gm-popup");
  var head = el("div", "gm-head", null, root), style = gm.events && gm.events.styleOf(p.type);
  if (style) {  // static SVG from validated colours, no data
    el("span", "gm-swatch", null, head).innerHTML = gm.iconSvg(style, false);
  }
  el("span", "gm-type", p.type, head);
  if (p.subtype) { el("span", "gm-muted", " \u00b7 " + p.subtype, head); }
  if (p.background) { el("span", "gm-badge", "background (historical)", root); }
  var t = el("table", null, null, root);
  fact(t, "Date", p.date || "undated", p.date ? TIME[p.time_precision] : null);
  if (p.place) {
    var td = fact(t, "Place", placeText(p.place), GEO[p.geo_precision]);
    var written = p.place_name && p.place_name !== p.place.name ?
      "written \u201c" + p.place_name + "\u201d \u00b7 " : "";
    el("div", "gm-muted", written + p.place.feature_code + " \u00b7 " +
       p.place.lat.toFixed(3) + ", " + p.place.lon.toFixed(3), td);
  } else {
    fact(t, "Place", p.place_name || "unknown", "not resolved");
  }
  if (p.actors.length) {
    fact(t, "Actors", p.actors.map(function (a) {
      return a.country_code ? a.name + " (" + a.country_code + ")" : a.name;
    }).join("; "));
  }
  if (p.fatalities !== null && p.fatalities !== undefined) {
    fact(t, "Fatalities", String(p.fatalities), p.fatalities_cumulative ?
         "cumulative total reported, not new deaths" : "new in this report");
  }
  if (p.wounded !== null && p.wounded !== undefined) { fact(t, "Wounded", String(p.wounded)); }
  var terms = [p.place_name, p.place && p.place.name, p.resolution && p.resolution.text];
  if (p.evidence.length) { el("div", "gm-sec", "Evidence", root); }
  p.evidence.forEach(function (ev) {
    gm.highlight(el("blockquote", "gm-evidence", null, root), ev.sentence, terms);
  });
  el("div", "gm-sec", "Sources (" + p.sources.length + ")", root);
  var ul = el("ul", null, null, root);
  p.sources.forEach(function (id) { gm.docItem(ul, id); });
  if (p.place) { why(root, p); }
  return root;
};
gm.placePopup = function (f) {
  var p = f.properties, place = p.place, root = el("div", "gm-popup");
  el("div", "gm-head", placeText(place), root);
  var t = el("table", null, null, root);
  fact(t, "Kind", place.feature_code,
       place.population ? "population " + place.population.toLocaleString("en") : null);
  fact(t, "Mentions", String(p.mentions),
       "in " + p.documents.length + " document" + (p.documents.length === 1 ? "" : "s"));
  fact(t, "Written as", p.names.join("; "));
  fact(t, "Events here", String(p.events));
  fact(t, "Point", place.lat.toFixed(3) + ", " + place.lon.toFixed(3));
  el("div", "gm-sec", "Documents", root);
  var ul = el("ul", null, null, root);
  p.documents.slice(0, 20).forEach(function (id) { gm.docItem(ul, id); });
  if (p.documents.length > 20) {
    el("li", "gm-muted", "\u2026 and " + (p.documents.length - 20) + " more", ul);
  }
  return root;
};
"""
