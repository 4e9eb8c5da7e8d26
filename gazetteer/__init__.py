"""geomap's local gazetteer: GeoNames places in one SQLite file, looked up offline.

>>> from gazetteer import Gazetteer
>>> gaz = Gazetteer.open()
>>> best = gaz.lookup("Stepanakert")[0].place
>>> best.name, round(best.lat, 2), round(best.lon, 2)
('Khankendi', 39.82, 46.75)
"""

from .database import Gazetteer, haversine_km
from .exc import DownloadError, GazetteerError, ImportFileError, StoreError
from .geocoder import LocalGeocoder
from .importer import add
from .models import Candidate, ImportProblem, ImportSummary, Place, StoreStats
from .names import fold, loose

__all__ = [
    "Candidate", "DownloadError", "Gazetteer", "GazetteerError", "ImportFileError",
    "ImportProblem", "ImportSummary", "LocalGeocoder", "Place", "StoreError", "StoreStats", "add",
    "fold", "haversine_km", "loose",
]
