"""The base of every map element: what it adds to the page, in folium's spirit.

folium's ``MacroElement`` renders Jinja macros and then parses the result again as a template, so
article text containing ``{{ ... }}`` would be evaluated; and it writes one JavaScript object per
marker.  Here an element contributes only static code (CSS, one JavaScript plugin function) and
JSON data; the browser builds the markers, so no article text is ever part of code or markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from ..export import feature_collection
from ..models import Extraction


@dataclass
class RenderContext:
    """What elements read while the page is built: the extraction and its GeoJSON (made once)."""

    extraction: Extraction
    title: str = "geomap"

    @cached_property
    def geojson(self) -> dict:
        """The FeatureCollection of ``geomap.export`` (models inside; encoded with the page)."""
        return feature_collection(self.extraction)


class Element:
    """One map element.

    ``assets`` names vendored files it needs (deduplicated across elements); ``css`` is static
    style; ``js`` is the body of ``function (gm, data) {...}``, run in page order once the map
    exists, with ``data`` the JSON this element's ``data()`` returned.
    """

    name: ClassVar[str] = "element"
    assets: ClassVar[tuple[str, ...]] = ()
    css: ClassVar[str] = ""
    js: ClassVar[str] = ""

    def data(self, ctx: RenderContext) -> Any:
        """JSON-serialisable input of the element's script (None when it needs none)."""
        return None

    def style(self, ctx: RenderContext) -> str:
        """The element's CSS; override when it depends on the data (still no article text)."""
        return self.css
