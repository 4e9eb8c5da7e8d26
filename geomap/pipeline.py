"""The pipeline: recognise -> resolve (-> events, as they arrive), over one Document at a time.

Each stage is an object with one method taking and returning a ``Document``; replace any of them
without touching the others (``Pipeline(stages=[...])``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from gazetteer import Gazetteer

from .models import Document
from .recognise import Recogniser
from .resolve import Resolver

Stage = Callable[[Document], Document]


class Pipeline:
    """Recognise and resolve places in documents, with one gazetteer opened once."""

    def __init__(self, gazetteer: Gazetteer | None = None, stages: Sequence[Stage] | None = None):
        self.gazetteer = gazetteer or Gazetteer.open()
        self.stages: list[Stage] = list(stages) if stages is not None else [
            Recogniser(self.gazetteer).recognise, Resolver(self.gazetteer).resolve]

    def __call__(self, doc: Document) -> Document:
        if doc.status == "error":
            return doc
        if not doc.text.strip():
            doc.status = "empty"
            return doc
        for stage in self.stages:
            doc = stage(doc)
        return doc


_default: Pipeline | None = None


def extract(text: str, published: dt.date | str | None = None, *, id: str = "text",
            pipeline: Pipeline | None = None) -> Document:
    """Geoparse one text: its place mentions, resolved against the default gazetteer.

    >>> doc = extract("Shelling hit Terter on Monday.", published="2020-09-28")
    >>> doc.mentions[0].place.name
    'Tartar'
    """
    global _default
    if pipeline is None:
        _default = _default or Pipeline()
        pipeline = _default
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return pipeline(Document(id=id, text=text, published=published))
