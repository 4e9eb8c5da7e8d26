"""``LocalGeocoder``: the local store behind geopy's ``Geocoder`` interface.

Code written against geopy (``geocoder.geocode("Terter")``, ``geocoder.reverse((40.3, 46.9))``)
works offline by swapping in this class; no request leaves the machine.
"""

from __future__ import annotations

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from .database import Gazetteer
from .models import Place


class LocalGeocoder(Geocoder):
    """A geopy geocoder answering from a :class:`Gazetteer` store."""

    def __init__(self, gazetteer: Gazetteer | None = None, path: str | None = None):
        super().__init__(user_agent="geomap-local")
        self.gazetteer = gazetteer or Gazetteer.open(path)

    def _location(self, place: Place) -> Location:
        parts = [place.name, place.admin2_name, place.admin1_name,
                 self.gazetteer.country_name(place.country_code) if place.country_code else None]
        address = ", ".join(dict.fromkeys(p for p in parts if p))
        return Location(address, Point(place.lat, place.lon), place.model_dump())

    def geocode(self, query: str, *, exactly_one: bool = True, limit: int | None = None,
                country_codes: str | None = None, **_ignored) -> Location | list[Location] | None:
        """Places named ``query``, best first (geopy's ``geocode`` contract).

        ``country_codes`` restricts to one ISO alpha-2 code, as in geopy's Nominatim.
        """
        if not isinstance(query, str) or not query.strip():
            return None if exactly_one else []
        found = self.gazetteer.lookup(query, country=country_codes,
                                      limit=1 if exactly_one else (limit or 10))
        locations = [self._location(c.place) for c in found]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def reverse(self, query, *, exactly_one: bool = True, radius_km: float = 50.0,
                limit: int | None = None, **_ignored) -> Location | list[Location] | None:
        """The nearest populated places to a point ("lat, lon" string, tuple or geopy Point)."""
        point = Point(query)
        found = self.gazetteer.near(point.latitude, point.longitude, radius_km=radius_km,
                                    limit=1 if exactly_one else (limit or 10), feature_class="P")
        locations = [self._location(place) for place, _ in found]
        if exactly_one:
            return locations[0] if locations else None
        return locations
