"""``run``: a whole batch, end to end: read, geoparse, extract events, merge, report.

With ``jobs > 1`` documents are spread over worker processes; each worker opens the gazetteer
once (by path: nothing large is copied per document) and builds its own pipeline.  Results come
back in input order, so the output is the same whatever ``jobs`` is.

Memory: a batch's documents are held until the outputs are written, and a full ``Document``
(article text, every alternative place with its per-feature scores) costs about 80 KB of Python
objects for a news article.  ``compact=True`` keeps only what the map, GeoJSON, CSV and report
read (``compact_document``), and the main process holds each distinct place record once
(``_Shared``): the 5,725-document benchmark then needs a fraction of the memory.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel
from tqdm import tqdm

from gazetteer import Gazetteer

from .export import TOP_ALTERNATIVES
from .inputs import read_inputs
from .models import Alternative, Document, Event, Extraction, Mention, PlaceRef
from .report import RunReport, build_report

CHUNK = 32
GC_THRESHOLDS = (20_000, 50, 50)  # Python's default is (700, 10, 10)
_SCORE = attrgetter("score")
Model = TypeVar("Model", bound=BaseModel)


class Result(BaseModel):
    """What a run found: every document (with its status), the merged events, the report."""

    documents: list[Document]
    events: list[Event]
    report: RunReport

    @property
    def extraction(self) -> Extraction:
        return Extraction(documents=self.documents, events=self.events)

    def to_map(self, path: str | Path | None = None, *, title: str = "geomap",
               offline: bool = True) -> str:
        """The interactive map as HTML (written atomically to ``path`` when given)."""
        from .render import render_map
        return render_map(self.extraction, Path(path) if path else None, title=title,
                          offline=offline)

    def to_geojson(self, path: str | Path | None = None) -> dict:
        """RFC 7946 FeatureCollection: one Feature per event and per resolved place."""
        from .export import write_geojson
        return write_geojson(self.extraction, Path(path) if path else None)

    def to_csv(self, path: str | Path | None = None) -> str:
        """Events as CSV with ACLED's column names where they exist."""
        from .export import to_csv
        return to_csv(self.extraction, Path(path) if path else None)


@cache
def _every_field(model: type[BaseModel]) -> set[str]:
    """One fields-set per model type for all compact records (a set of 8-10 names is 728 bytes,
    more than the record's values).  It names every field, so assigning one later adds nothing
    to the shared set."""
    return set(model.model_fields)


def _compact(model: type[Model], **values) -> Model:
    # model_construct: the values come from a validated record of the same type
    return model.model_construct(_fields_set=_every_field(model), **values)


def compact_document(doc: Document) -> Document:
    """``doc`` with only what the map, GeoJSON, CSV and run report read.

    No article text; each mention keeps the alternatives the map shows (the best
    ``TOP_ALTERNATIVES``, in the same stable order) without their per-feature scores.  The
    outputs are the same as from the full document; ``doc`` itself is not changed.
    """
    made: dict[int, Alternative] = {}  # the resolver gives a name's mentions the same ones
    mentions = [_compact(Mention, **{**m.__dict__, "alternatives": _top(m.alternatives, made)})
                for m in doc.mentions]
    return _compact(Document, **{**doc.__dict__, "text": "", "only_spans": None,
                                 "mentions": mentions})


def _top(alternatives: list[Alternative], made: dict[int, Alternative]) -> list[Alternative]:
    if len(alternatives) > 1:  # as export.resolution picks them: stable for equal scores
        alternatives = sorted(alternatives, key=_SCORE, reverse=True)[:TOP_ALTERNATIVES]
    top = []
    for a in alternatives:
        if id(a) not in made:
            made[id(a)] = _compact(Alternative, place=a.place, score=a.score, features={})
        top.append(made[id(a)])
    return top


class _Shared:
    """Equal place records and notes held once in the main process.

    Workers share them too, but each chunk of results is pickled on its own, so the main
    process would otherwise hold one copy of "Kabul" per chunk that names it.
    """

    def __init__(self) -> None:
        self._places: dict[tuple, PlaceRef] = {}
        self._notes: dict[str, str] = {}

    def place(self, ref: PlaceRef | None) -> PlaceRef | None:
        if ref is None:
            return None
        key = tuple(ref.__dict__.items())  # every field: an area's centre shares its id
        found = self._places.get(key)
        if found is None:
            found = self._places[key] = _compact(PlaceRef, **ref.__dict__)
        return found

    def document(self, doc: Document) -> Document:
        """``doc`` (a compact document, changed in place) holding the shared records."""
        for m in doc.mentions:
            m.place = self.place(m.place)
            m.note = self._notes.setdefault(m.note, m.note) if m.note else m.note
            for a in m.alternatives:
                a.place = self.place(a.place)
        return doc

    def events(self, events: list[Event]) -> list[Event]:
        for e in events:
            e.place = self.place(e.place)
        return events


class _Worker:
    """The per-process pipeline: gazetteer, geoparser and event extractor, built once."""

    def __init__(self, store: str, compact: bool = False):
        from .events import EventExtractor
        from .pipeline import Pipeline
        gaz = Gazetteer.open(store, build=False)
        self.pipeline = Pipeline(gaz)
        self.events = EventExtractor(gaz)
        self.compact = compact

    def __call__(self, doc: Document) -> tuple[Document, list[Event]]:
        doc = self.pipeline(doc)
        # warns in doc.warnings when there is no date
        events = self.events.extract(doc) if doc.status == "ok" else []
        return (compact_document(doc) if self.compact else doc), events


_worker: _Worker | None = None


def _init_worker(store: str, compact: bool) -> None:
    global _worker
    _worker = _Worker(store, compact)
    # the name index and caches just loaded live as long as the worker: out of the collector's
    # sight, a full collection no longer walks their millions of objects
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


@contextmanager
def _rare_collections() -> Iterator[None]:
    """A batch makes millions of short-lived objects, which set off the cyclic collector's
    passes over the whole (large, long-lived) heap every few hundred documents: a fifth of the
    run's time.  Rarer passes while the batch runs; the caller's setting is restored."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _work(doc: Document) -> tuple[Document, list[Event]]:
    assert _worker is not None
    return _worker(doc)


def _documents(items: Iterable[str | Path | Document], published: dt.date | None
               ) -> Iterator[Document]:
    """Documents as given, paths read from disk, other strings taken as article text."""
    paths: list[str | Path] = []
    texts = 0
    for item in items:
        if isinstance(item, Document):
            yield item
        elif isinstance(item, Path) or _looks_like_path(item):
            paths.append(item)
        else:
            texts += 1
            yield Document(id=f"text-{texts}", text=item, published=published)
    yield from read_inputs(paths, published=published) if paths else ()


def _looks_like_path(item: str) -> bool:
    return item == "-" or ("\n" not in item and (os.path.exists(item) or any(
        ch in item for ch in "*?[") or item.endswith((".txt", ".jsonl", ".html", ".htm"))))


def run(paths_or_texts: Iterable[str | Path | Document] | str, *,
        gazetteer: str | Path | None = None, published: dt.date | None = None,
        jobs: int | None = None, progress: bool | None = False,
        compact: bool = False) -> Result:
    """Run the whole pipeline over files, folders, globs, texts or Documents.

    ``jobs`` defaults to every core; ``jobs=1`` runs in this process.  Every input appears in
    ``result.report`` with its status; a bad file never stops the batch.  ``compact=True``
    (what ``geomap map`` needs) returns documents as ``compact_document`` makes them: the same
    map, GeoJSON, CSV and report in much less memory, but no article text or feature scores.
    """
    started = dt.datetime.now(dt.timezone.utc)
    if isinstance(paths_or_texts, (str, Path)):
        paths_or_texts = [paths_or_texts]
    with Gazetteer.open(gazetteer, progress=progress) as gaz:  # build or check once, here
        store = str(gaz.path)
    docs = list(_documents(paths_or_texts, published))
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(docs) // CHUNK + 1))
    bar = tqdm(total=len(docs), unit="doc", disable=progress is False, leave=False)
    found, shared = [], _Shared() if compact else None
    with _rare_collections():
        for doc, events in _map(_handed_over(docs), store, jobs, compact):
            found.append((shared.document(doc), shared.events(events)) if shared else
                         (doc, events))
            bar.update()
    bar.close()
    from .merge import merge
    documents = [d for d, _ in found]
    events = merge([e for _, evs in found for e in evs])
    report = build_report(documents, events, started=started,
                          finished=dt.datetime.now(dt.timezone.utc))
    return Result(documents=documents, events=events, report=report)


def _handed_over(docs: list[Document]) -> Iterator[Document]:
    """``docs`` in order, each let go of once handed to the pipeline: the batch's input text is
    not held beside the results (``docs`` is empty afterwards)."""
    docs.reverse()
    while docs:
        yield docs.pop()


def _map(docs: Iterator[Document], store: str, jobs: int, compact: bool
         ) -> Iterator[tuple[Document, list[Event]]]:
    if jobs == 1:
        worker = _Worker(store, compact)
        yield from (worker(d) for d in docs)
        return
    ctx = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(store, compact)) as pool:
        yield from pool.imap(_work, docs, chunksize=CHUNK)
