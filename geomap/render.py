"""The interactive event map: one self-contained HTML file from an ``Extraction``.

``render_map`` assembles the default elements of ``geomap.mapkit`` (offline basemap with online
tiles on top, clustered events with a layer per type, resolved places, legend, date filter and the
summary panel) and writes the page atomically (``geomap.atomic``), so a viewer never opens a
half-written map.
"""

from __future__ import annotations

from pathlib import Path

from .atomic import write_text_atomic
from .export import gc_paused
from .mapkit import Basemap, EventMap, EventsLayer, Legend, Panel, PlacesLayer, Popups, TimeFilter
from .models import Extraction


def build_map(title: str = "geomap", *, offline: bool = True) -> EventMap:
    """The default map: every element, in the order their scripts must run."""
    page = EventMap(title, offline=offline)
    for element in (Basemap(), Popups(), EventsLayer(), PlacesLayer(), Legend(), TimeFilter(),
                    Panel()):
        page.add(element)
    return page


def render_map(extraction: Extraction, path: Path | None = None, *, title: str = "geomap",
               offline: bool = True) -> str:
    """Render the map as HTML; also write it to ``path`` when one is given.

    ``offline=True`` inlines Leaflet, markercluster and their CSS (opens with no network);
    ``offline=False`` links the same versions on unpkg with subresource integrity (smaller file).
    """
    with gc_paused():
        html = build_map(title, offline=offline).render(extraction)
    if path is not None:
        write_text_atomic(Path(path), html)  # the folder must exist (a typo should not create one)
    return html
