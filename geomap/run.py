"""``run``: a whole batch, end to end: read, geoparse, extract events, merge, report.

With ``jobs > 1`` documents are spread over worker processes; each worker opens the gazetteer
once (by path: nothing large is copied per document) and builds its own pipeline.  Results come
back in input order, so the output is the same whatever ``jobs`` is.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel
from tqdm import tqdm

from gazetteer import Gazetteer

from .inputs import read_inputs
from .models import Document, Event, Extraction
from .report import RunReport, build_report

CHUNK = 32


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


class _Worker:
    """The per-process pipeline: gazetteer, geoparser and event extractor, built once."""

    def __init__(self, store: str):
        from .events import EventExtractor
        from .pipeline import Pipeline
        gaz = Gazetteer.open(store, build=False)
        self.pipeline = Pipeline(gaz)
        self.events = EventExtractor(gaz)

    def __call__(self, doc: Document) -> tuple[Document, list[Event]]:
        doc = self.pipeline(doc)
        if doc.status != "ok":
            return doc, []
        return doc, self.events.extract(doc)  # warns in doc.warnings when there is no date


_worker: _Worker | None = None


def _init_worker(store: str) -> None:
    global _worker
    _worker = _Worker(store)


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
        jobs: int | None = None, progress: bool | None = False) -> Result:
    """Run the whole pipeline over files, folders, globs, texts or Documents.

    ``jobs`` defaults to every core; ``jobs=1`` runs in this process.  Every input appears in
    ``result.report`` with its status; a bad file never stops the batch.
    """
    started = dt.datetime.now(dt.timezone.utc)
    if isinstance(paths_or_texts, (str, Path)):
        paths_or_texts = [paths_or_texts]
    with Gazetteer.open(gazetteer, progress=progress) as gaz:  # build or check once, here
        store = str(gaz.path)
    docs = list(_documents(paths_or_texts, published))
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(docs) // CHUNK + 1))
    bar = tqdm(total=len(docs), unit="doc", disable=progress is False, leave=False)
    found = []
    for item in _map(docs, store, jobs):
        found.append(item)
        bar.update()
    bar.close()
    from .merge import merge
    documents = [d for d, _ in found]
    events = merge([e for _, evs in found for e in evs])
    report = build_report(documents, events, started=started,
                          finished=dt.datetime.now(dt.timezone.utc))
    return Result(documents=documents, events=events, report=report)


def _map(docs: list[Document], store: str, jobs: int) -> Iterator[tuple[Document, list[Event]]]:
    if jobs == 1:
        worker = _Worker(store)
        yield from (worker(d) for d in docs)
        return
    ctx = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(store,)) as pool:
        yield from pool.imap(_work, docs, chunksize=CHUNK)
