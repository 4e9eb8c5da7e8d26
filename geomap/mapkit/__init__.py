"""Small, folium-like building blocks of geomap's event map (one file per element).

``EventMap`` is the page; each element adds static code plus JSON, and the browser draws from the
one GeoJSON blob.  ``geomap.render.render_map`` puts the default set together.
"""

from .basemap import Basemap
from .element import Element, RenderContext
from .events_layer import EventsLayer
from .legend import Legend
from .page import EventMap
from .panel import Panel
from .places_layer import PlacesLayer
from .popup import Popups
from .time_filter import TimeFilter

__all__ = ["Basemap", "Element", "EventMap", "EventsLayer", "Legend", "Panel", "PlacesLayer",
           "Popups", "RenderContext", "TimeFilter"]
