"""The side panel: title, run summary, and everything that is not a marker.

Unresolved mentions, background (historical) events, events without a place and documents that
failed are listed here, so nothing the run found is hidden.  Long lists grow on demand ("show
more") instead of putting 100k rows in the DOM at once.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..models import Extraction
from .element import Element, RenderContext


def panel_data(extraction: Extraction) -> dict[str, Any]:
    """Summary counts and the lists of unmapped findings, in one pass over events and mentions.

    (One pass each, not one per figure: at 100k events every extra pass costs ~0.1 s.)
    """
    by_type: Counter[str] = Counter()
    dates: list = []
    background, unplaced = [], []
    for e in extraction.events:
        by_type[e.type] += 1
        if e.background:  # background dates would stretch the range over decades
            background.append(e.id)
            continue
        if e.date is not None:
            dates.append(e.date)
        if e.place is None:
            unplaced.append(e.id)
    status: Counter[str] = Counter()
    mentions, unresolved, problems = 0, [], []
    for d in extraction.documents:
        status[d.status] += 1
        if d.status != "ok":
            problems.append(d.id)
        mentions += len(d.mentions)
        unresolved += [{"text": m.text, "kind": m.kind, "document_id": d.id, "note": m.note,
                        "country_code": m.country_code} for m in d.mentions if m.place is None]
    n_current = len(extraction.events) - len(background)
    return {"summary": {
                "documents": len(extraction.documents), "by_status": dict(status),
                "events": len(extraction.events), "by_type": by_type.most_common(),
                "first": min(dates).isoformat() if dates else None,
                "last": max(dates).isoformat() if dates else None,
                "undated": n_current - len(dates), "background": len(background),
                "mentions": mentions, "resolved": mentions - len(unresolved),
                "unresolved": len(unresolved)},
            "unresolved": unresolved, "background": background, "unplaced": unplaced,
            "problems": problems}


class Panel(Element):
    """Top-left box: title, summary, live "shown" count, and the lists of unmapped findings."""

    name = "panel"
    css = """
.gm-panel { width: 300px; max-height: calc(100vh - 240px); overflow-y: auto; font-size: 12.5px; }
.gm-panel h1 { font-size: 16px; margin: 0 24px 4px 0; word-wrap: break-word; }
.gm-panel .gm-collapse { position: absolute; top: 6px; right: 8px; border: none; background: none;
  font-size: 16px; cursor: pointer; }
.gm-panel details { margin-top: 6px; border-top: 1px solid #ddd; padding-top: 4px; }
.gm-panel summary { cursor: pointer; font-weight: 600; }
.gm-panel ul { margin: 4px 0; padding-left: 16px; }
.gm-panel li { margin-bottom: 4px; }
.gm-panel .gm-shown { font-weight: 600; margin-top: 4px; }
.gm-panel button.gm-link { border: none; background: none; color: #0a58ca; cursor: pointer;
  padding: 0 2px; margin-right: 10px; }
.gm-panel .gm-detail { border-left: 2px solid #ccc; padding-left: 6px; margin-top: 3px; }
.gm-panel.gm-collapsed .gm-panel-body { display: none; }
"""

    def __init__(self, page_size: int = 100) -> None:
        self.page_size = page_size

    def data(self, ctx: RenderContext) -> dict[str, Any]:
        return {**panel_data(ctx.extraction), "pageSize": self.page_size}

    js = r"""
var el = gm.el, S = data.summary, box = gm.control("topleft", "gm-panel");
var features = {};
gm.data.geojson.features.forEach(function (f) {
  if (f.properties.kind === "event") { features[f.id] = f; }
});
el("h1", null, gm.data.title, box);
var fold = el("button", "gm-collapse", "\u2212", box);
fold.title = "Collapse";
fold.addEventListener("click", function () {
  box.classList.toggle("gm-collapsed");
  fold.textContent = box.classList.contains("gm-collapsed") ? "+" : "\u2212";
});
var body = el("div", "gm-panel-body", null, box);
function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
var statuses = Object.keys(S.by_status).filter(function (k) { return k !== "ok"; })
  .map(function (k) { return S.by_status[k] + " " + k; });
el("div", "gm-docs", plural(S.documents, "document") +
   (statuses.length ? " (" + statuses.join(", ") + ")" : ""), body);
el("div", "gm-events", plural(S.events, "event") + (S.by_type.length ? ": " +
   S.by_type.map(function (t) { return t[0] + " " + t[1]; }).join(", ") : ""), body);
if (S.first) {
  el("div", "gm-dates", "Dates: " + S.first + " \u2013 " + S.last +
     (S.undated ? " (" + S.undated + " undated)" : "") +
     (S.background ? "; " + S.background + " background" : ""), body);
}
el("div", "gm-mentions", plural(S.mentions, "place mention") + ", " + S.resolved + " resolved, " +
   S.unresolved + " unresolved", body);
var shown = el("div", "gm-shown", "", body);
// background events without a place are listed with the background ones, not counted here
var nUnplaced = data.unplaced.length;
function showCount() {
  var api = gm.events, n = api ? api.visible : 0;
  shown.textContent = "On the map: " + n + " of " + (api ? api.markers.length : 0) +
    " placed events" + (nUnplaced ? "; " + nUnplaced + " without a place (listed below)" : "");
}
showCount();
gm.on("filter", showCount);

// A <details> list that renders pageSize rows at a time.
function section(title, items, row, cls) {
  if (!items.length) { return null; }
  var d = el("details", cls, null, body);
  el("summary", null, title + " (" + items.length + ")", d);
  var ul = el("ul", null, null, d), next = 0, more = null;
  function page() {
    items.slice(next, next + data.pageSize).forEach(function (it) {
      row(el("li", null, null, ul), it);
    });
    next += data.pageSize;
    if (more) { more.remove(); more = null; }
    if (next < items.length) {
      var n = Math.min(data.pageSize, items.length - next);
      more = el("button", "gm-link", "show " + n + " more", d);
      more.addEventListener("click", page);
    }
  }
  d.addEventListener("toggle", function () { if (d.open && next === 0) { page(); } });
  return d;
}
function docTitle(id) { var doc = gm.documents[id]; return doc ? doc.title || doc.path || id : id; }
function eventRow(li, id) {
  var f = features[id], p = f.properties;
  var where = p.place_name || (p.place && p.place.name) || "no place";
  el("span", null, [p.date || "undated", p.type, where].join(" \u00b7 "), li);
  if (p.evidence.length) { el("div", "gm-muted", p.evidence[0].sentence, li); }
  var api = gm.events;
  if (f.geometry && api && api.byId[id]) {
    el("button", "gm-link", "show on map", li)
      .addEventListener("click", function () { api.show(id); });
  }
  var more = el("button", "gm-link", "details", li), open = null;
  more.addEventListener("click", function () {
    if (open) { open.remove(); open = null; return; }
    open = el("div", "gm-detail", null, li);
    open.appendChild(gm.eventPopup(f));
  });
}
section("Unresolved mentions", data.unresolved, function (li, m) {
  el("span", "gm-mention", "\u201c" + m.text + "\u201d", li);
  el("span", "gm-muted", " " + m.kind + (m.country_code ? " (" + m.country_code + ")" : "") +
     " in " + docTitle(m.document_id), li);
  if (m.note) { el("div", "gm-muted", m.note, li); }
}, "gm-unresolved");
section("Background (historical) events", data.background, eventRow, "gm-background");
section("Events without a place", data.unplaced, eventRow, "gm-unplaced");
section("Documents not processed", data.problems, function (li, id) {
  var doc = gm.documents[id] || {};
  el("span", null, docTitle(id), li);
  el("div", "gm-muted", (doc.status || "") + (doc.error ? ": " + doc.error : ""), li);
}, "gm-problems");
gm.panel = box;
"""
