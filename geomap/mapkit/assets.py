"""The vendored browser assets (``geomap/assets``) and safe ways to put text inside HTML.

Everything the page needs is read from the package, never fetched: ``offline=True`` inlines the
scripts and styles, ``offline=False`` links the same versions on a CDN (with subresource integrity)
for a smaller file.  ``scripts/vendor_assets.py`` produced the files and ``manifest.json``.
"""

from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources
from typing import Any

import pydantic_core

ASSET_DIR = ("assets",)  # geomap/assets: package data, not a package (see pyproject.toml)


@cache
def asset_text(name: str) -> str:
    """One vendored file's text (cached: the same file goes into every map)."""
    return resources.files("geomap").joinpath(*ASSET_DIR, name).read_text(encoding="utf-8")


@cache
def manifest() -> dict[str, Any]:
    """Versions, CDN URLs and integrity hashes written by the vendoring script."""
    return json.loads(asset_text("manifest.json"))


def asset_tag(name: str, offline: bool) -> str:
    """A ``<script>``/``<style>`` with the file inlined, or a CDN link to the same file."""
    is_css = name.endswith(".css")
    if offline:
        text = asset_text(name)
        return f"<style>{text}</style>" if is_css else f"<script>{text}</script>"
    entry = manifest()["files"][name]
    url, sri = html.escape(entry["url"]), html.escape(entry["integrity"])
    if is_css:
        return f'<link rel="stylesheet" href="{url}" integrity="{sri}" crossorigin="anonymous">'
    return f'<script src="{url}" integrity="{sri}" crossorigin="anonymous"></script>'


# In a <script> element's raw text only "</script" and "<!--" are dangerous; escaping every "<"
# (and ">" and "&" for good measure) inside JSON strings removes both.  U+2028/2029 are escaped
# too, so the text stays valid if someone pastes it into a JavaScript string literal.  All of
# these can only occur inside JSON strings, where the \\u escapes mean the same characters.
_JSON_ESCAPES = ((b"<", b"\\u003c"), (b">", b"\\u003e"), (b"&", b"\\u0026"),
                 ("\u2028".encode(), b"\\u2028"), ("\u2029".encode(), b"\\u2029"))


def script_json_bytes(obj: Any) -> bytes:
    """Compact UTF-8 JSON, safe inside ``<script type="application/json">``.

    Encoded by pydantic-core, so pydantic models, dates and the like may sit inside ``obj``.
    """
    data = pydantic_core.to_json(obj, inf_nan_mode="null")
    for raw, escaped in _JSON_ESCAPES:  # bytes.replace: ~50 ms on 100 MB, a no-op scan if absent
        if raw in data:
            data = data.replace(raw, escaped)
    return data


def script_json(obj: Any) -> str:
    """``script_json_bytes`` as text."""
    return script_json_bytes(obj).decode("utf-8")
