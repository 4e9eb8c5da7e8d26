"""The map page: one HTML document holding the libraries, the elements' code and one JSON blob.

The page is assembled by joining strings (no template engine), so a 30 MB data blob costs one copy
and article text is never interpreted.  Data goes in a ``<script type="application/json">`` (or,
when large, gzip + base64 unpacked by the browser's ``DecompressionStream``); the small core below
reads it, creates the map, runs each element's plugin in order and sets ``geomap.ready``.
"""

from __future__ import annotations

import base64
import html
import zlib
from typing import Any

from .. import __version__
from ..models import Extraction
from .assets import asset_tag, script_json_bytes
from .element import Element, RenderContext

# Above this much JSON the blob is gzipped (smaller maps stay plain, readable JSON).  Measured on
# the synthetic benchmark: 100k events shrink from 126 MB to 22 MB; at 10k the gzipped page (3.3 MB)
# is interactive sooner than the plain one (13.5 MB): 0.62 s against 0.88 s, as parsing 13 MB of
# HTML costs more than inflating it.
COMPRESS_ABOVE = 8_000_000
GZIP_LEVEL = 1  # 100k events: 0.6 s and 22 MB; level 6 takes 1.7 s for 16 MB

CORE_CSS = """
html, body { height: 100%; margin: 0; padding: 0; }
body { font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
#gm-map { position: absolute; inset: 0; background: #cfe0ea; }
.gm-box { background: rgba(255,255,255,.96); border-radius: 6px; padding: 8px 10px;
  box-shadow: 0 1px 5px rgba(0,0,0,.35); max-width: 320px; }
.gm-error { position: absolute; top: 10px; left: 60px; z-index: 2000; background: #fee;
  color: #900; padding: 8px 12px; border: 1px solid #c66; border-radius: 4px; }
.gm-muted { color: #666; }
.leaflet-control-layers-overlays label span svg, .gm-swatch svg { vertical-align: middle; }
"""

CORE_JS = r"""
(function () {
  "use strict";
  var gm = window.geomap = {ready: false, plugins: [], overlays: [], baseLayers: {}, pending: [],
                                afterFit: []};
  var listeners = {};
  gm.on = function (name, fn) { (listeners[name] = listeners[name] || []).push(fn); };
  gm.emit = function (name, arg) { (listeners[name] || []).forEach(function (fn) { fn(arg); }); };
  gm.plugin = function (name, run) { gm.plugins.push({name: name, run: run}); };
  // Every piece of data reaches the page through this: text is set as textContent, never parsed.
  gm.el = function (tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (parent) { parent.appendChild(e); }
    return e;
  };
  gm.control = function (position, cls) {
    var box = gm.el("div", "leaflet-control gm-box " + cls);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    var Control = L.Control.extend({onAdd: function () { return box; }});
    new Control({position: position}).addTo(gm.map);
    return box;
  };
  // Leaflet's layer control sets the name with innerHTML: only fixed markup, never data text.
  gm.overlay = function (name, layer, on) { gm.overlays.push({name: name, layer: layer, on: on}); };

  function readData() {
    var plain = document.getElementById("gm-data");
    if (plain) { return Promise.resolve(JSON.parse(plain.textContent)); }
    // base64 decoded in slices (a 30 MB data: URL is over some browsers' limits), then inflated
    // by the browser's own gzip stream.
    var packed = document.getElementById("gm-data-gz").textContent;
    var parts = [], step = 4 << 20;  // a multiple of 4 base64 characters
    for (var at = 0; at < packed.length; at += step) {
      var bin = atob(packed.slice(at, at + step)), bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
      parts.push(bytes);
    }
    var stream = new Blob(parts).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  // The boxes in the map's corners cover part of it: fit the points into what stays visible.
  function cornerWidth(corner) {
    var c = gm.map._controlCorners[corner];
    return c ? c.offsetWidth : 0;
  }
  function fit() {
    var b = gm.bounds.isValid() ? gm.bounds : gm.fallbackBounds;  // events, else places
    var left = Math.max(cornerWidth("topleft"), cornerWidth("bottomleft"));
    var right = Math.max(cornerWidth("topright"), cornerWidth("bottomright"));
    var size = gm.map.getSize();
    if (left + right > size.x * 0.7) { left = right = 0; }  // narrow screen: boxes overlap anyway
    if (b && b.isValid()) {
      gm.map.fitBounds(b, {paddingTopLeft: [left + 30, 40], paddingBottomRight: [right + 30, 40],
                           maxZoom: 9});
    } else {
      gm.map.setView([20, 0], 2);
    }
  }

  function addLayerControl() {
    var overlays = {};
    gm.overlays.forEach(function (o) {
      overlays[o.name] = o.layer;
      if (o.on) { o.layer.addTo(gm.map); }
    });
    gm.layerControl = L.control.layers(gm.baseLayers, overlays,
                                       {collapsed: false, position: "topright"}).addTo(gm.map);
  }

  gm.start = function () {
    gm.t0 = performance.now();
    return readData().then(function (data) {
      gm.data = data;
      gm.map = L.map("gm-map", {maxZoom: 18, minZoom: 1, zoomControl: true});
      gm.bounds = L.latLngBounds([]);
      gm.plugins.forEach(function (p) { p.run(gm, data.elements[p.name]); });
      addLayerControl();
      fit();
      gm.afterFit.forEach(function (fn) { fn(); });  // e.g. clustering, which needs the final view
      gm.emit("map", gm.map);
      return Promise.all(gm.pending);
    }).then(function () {
      gm.ready = true;
      gm.readyMs = performance.now() - gm.t0;
      document.documentElement.setAttribute("data-gm-ready", "1");
      gm.emit("ready");
    }).catch(function (err) {
      gm.el("div", "gm-error", "The map could not be drawn: " + err, document.body);
      throw err;
    });
  };
})();
"""


class EventMap:
    """A page of map elements, rendered from one ``Extraction`` into one HTML string."""

    base_assets = ("leaflet.css", "leaflet.js")

    def __init__(self, title: str = "geomap", *, offline: bool = True,
                 compress_above: int | None = COMPRESS_ABOVE) -> None:
        self.title = title
        self.offline = offline
        self.compress_above = compress_above
        self.elements: list[Element] = []

    def add(self, element: Element) -> EventMap:
        """Append an element; scripts run in the order elements were added."""
        self.elements.append(element)
        return self

    def render(self, extraction: Extraction) -> str:
        """The whole HTML document."""
        ctx = RenderContext(extraction, title=self.title)
        elements = {e.name: e.data(ctx) for e in self.elements}
        data = {"title": self.title, "elements": elements, "geojson": ctx.geojson}
        return "".join([self._head(ctx), '<body>\n<div id="gm-map"></div>\n',
                        "<noscript>This map needs JavaScript.</noscript>\n",
                        self._data_script(data), self._scripts(), "</body>\n</html>\n"])

    def _asset_names(self) -> list[str]:
        names = list(self.base_assets)
        for element in self.elements:
            names += [a for a in element.assets if a not in names]
        return names

    def _head(self, ctx: RenderContext) -> str:
        names = self._asset_names()
        css = [asset_tag(n, self.offline) for n in names if n.endswith(".css")]
        js = [asset_tag(n, self.offline) for n in names if n.endswith(".js")]
        styles = CORE_CSS + "".join(e.style(ctx) for e in self.elements)
        return "".join([
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{html.escape(self.title)}</title>\n",
            f'<meta name="generator" content="geomap {__version__}">\n',
            "\n".join(css), f"\n<style>{styles}</style>\n", "\n".join(js), "\n</head>\n"])

    def _data_script(self, data: dict[str, Any]) -> str:
        blob = script_json_bytes(data)
        if self.compress_above is None or len(blob) <= self.compress_above:
            return f'<script type="application/json" id="gm-data">{blob.decode("utf-8")}</script>\n'
        packed = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)  # wbits 31: gzip container
        gz = packed.compress(blob) + packed.flush()
        return (f'<script type="application/octet-stream" id="gm-data-gz">'
                f"{base64.b64encode(gz).decode('ascii')}</script>\n")

    def _scripts(self) -> str:
        plugins = [f'geomap.plugin("{e.name}", function (gm, data) {{\n'
                   f'"use strict";\n{e.js}\n}});\n' for e in self.elements]
        return "<script>\n" + CORE_JS + "".join(plugins) + "geomap.start();\n</script>\n"
