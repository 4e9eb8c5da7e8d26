"""geomap: offline geoparsing and event mapping of news text."""

__version__ = "0.1.0"
