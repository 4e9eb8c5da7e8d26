"""geomap: offline geoparsing and event mapping of news text."""

__version__ = "0.1.0"


def extract(text: str, published=None, **kwargs):
    """Geoparse one text with the default gazetteer: see :func:`geomap.pipeline.extract`."""
    from .pipeline import extract as _extract  # late: loads the gazetteer on first use

    return _extract(text, published, **kwargs)
