"""The pipeline: recognise -> resolve (-> events, as they arrive), over one Document at a time.

Each stage is an object with one method taking and returning a ``Document``; replace any of them
without touching the others (``Pipeline(stages=[...])``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from gazetteer import Gazetteer

from .models import Document, Mention
from .recognise import Recogniser
from .resolve import Resolver

Stage = Callable[[Document], Document]


class Pipeline:
    """Recognise and resolve places in documents, with one gazetteer opened once.

    The first stage finds the mentions, the others work on them.  A document that asks for
    given spans only (``only_spans``) gets exactly those, resolved in the context of the whole
    text: the other places the first stage finds there are resolved alongside (they are the
    geography a reader uses) and then left out.
    """

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
        if doc.only_spans is not None and len(self.stages) > 1:
            return self._spans_in_context(doc)
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def _spans_in_context(self, doc: Document) -> Document:
        find, *rest = self.stages
        wanted = set(map(tuple, doc.only_spans or []))
        found = find(doc.model_copy(update={"only_spans": None, "mentions": []})).mentions
        doc = find(doc)
        taken = [(m.start, m.end) for m in doc.mentions]
        doc.mentions = sorted(doc.mentions + [m for m in found if not _overlaps(m, taken)],
                              key=lambda m: m.start)
        for stage in rest:
            doc = stage(doc)
        doc.mentions = [m for m in doc.mentions if (m.start, m.end) in wanted]
        return doc


def _overlaps(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(m.start < end and start < m.end for start, end in spans)


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
