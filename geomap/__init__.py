"""geomap: offline geoparsing and event mapping of news text.

>>> import geomap
>>> doc = geomap.extract("Shelling hit Terter on Monday.", published="2020-09-28")
>>> result = geomap.run(["articles/"], jobs=2)   # files, folders, globs, texts or Documents
"""

__version__ = "0.1.0"

# Bound after the submodules are imported, so that the names are the functions, not the modules.
from .pipeline import extract  # noqa: E402
from .run import Result, run  # noqa: E402

__all__ = ["Result", "extract", "run"]
