"""The run report: what happened to every input document, so that none is silently lost.

``build_report`` summarises a batch (documents plus the events extracted from them);
``write_report`` saves it atomically as JSON.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel, Field

from .atomic import write_json_atomic
from .models import Document, Event, Status

__all__ = ["DocumentStatus", "RunReport", "build_report", "write_report"]


class DocumentStatus(BaseModel):
    """One input document's outcome."""

    id: str
    path: str | None = None
    status: Status
    error: str | None = None
    warnings: list[str] = Field(default_factory=list)
    mentions: int = Field(0, description="place mentions found in the document")
    events: int = Field(0, description="events that cite the document as a source or evidence")


class RunReport(BaseModel):
    """A batch's outcome: every document, the counts by status and the run's timing."""

    documents: list[DocumentStatus] = Field(default_factory=list)
    read: int = Field(0, description="documents read (every status)")
    ok: int = 0
    empty: int = 0
    failed: int = Field(0, description="documents with status 'error'")
    started: dt.datetime
    finished: dt.datetime
    seconds: float = Field(0.0, description="finished - started, in seconds")


def build_report(documents: Iterable[Document], events: Iterable[Event] | None = None, *,
                 started: dt.datetime | None = None,
                 finished: dt.datetime | None = None) -> RunReport:
    """Summarise ``documents`` (and the ``events`` citing them).

    ``finished`` defaults to now (UTC) and ``started`` to ``finished``, so a caller that did not
    time the run still gets a valid report.
    """
    finished = finished or dt.datetime.now(dt.timezone.utc)
    started = started or finished
    per_document = _events_per_document(events or ())
    statuses = [DocumentStatus(id=d.id, path=d.path, status=d.status, error=d.error,
                               warnings=list(d.warnings), mentions=len(d.mentions),
                               events=per_document[d.id]) for d in documents]
    counts = Counter(s.status for s in statuses)
    return RunReport(documents=statuses, read=len(statuses), ok=counts["ok"],
                     empty=counts["empty"], failed=counts["error"], started=started,
                     finished=finished, seconds=round((finished - started).total_seconds(), 3))


def write_report(path: str | os.PathLike[str], report: RunReport) -> None:
    """Save ``report`` as indented JSON, atomically."""
    write_json_atomic(path, report.model_dump_json(indent=2))


def _events_per_document(events: Iterable[Event]) -> Counter[str]:
    """Count each event once per document it names (as a source or in its evidence)."""
    counts: Counter[str] = Counter()
    for event in events:
        counts.update(set(event.sources) | {e.document_id for e in event.evidence})
    return counts
