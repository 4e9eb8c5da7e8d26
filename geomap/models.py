"""The data that passes between geomap's stages (and the public JSON contract).

``Document`` flows through recognise -> resolve -> events; ``Extraction`` holds a batch's documents
and merged events.  ``Extraction.model_dump(mode="json")`` is exactly what ``geomap extract
--format json`` prints; its JSON Schema is published in ``schema/extraction.schema.json``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

MentionKind = Literal["place", "demonym", "metonym", "organisation_part"]
Status = Literal["ok", "empty", "error"]


class PlaceRef(BaseModel):
    """A gazetteer place as the pipeline reports it."""

    id: int
    name: str
    lat: float
    lon: float
    country_code: str
    feature_code: str
    admin1: str | None = Field(None, description="first-level administrative area name")
    population: int = 0


class Alternative(BaseModel):
    """A candidate place the resolver weighed, with the evidence that scored it."""

    place: PlaceRef
    score: float
    features: dict[str, float] = Field(default_factory=dict,
                                       description="evidence name -> contribution to the score")


class Mention(BaseModel):
    """A place name in a document's text: ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int
    kind: MentionKind = "place"
    place: PlaceRef | None = None
    precision: Literal[1, 2, 3] | None = Field(
        None, description="ACLED-style: 1 the named place, 2 near it or part of a region, "
                          "3 a larger containing area; null when unresolved")
    confidence: float = 0.0
    alternatives: list[Alternative] = Field(default_factory=list)
    note: str | None = Field(None, description="why the place (or no place) was chosen")
    country_code: str | None = Field(None, description="the country a demonym or metonym names")


class Document(BaseModel):
    """One input article and what the pipeline found in it."""

    model_config = ConfigDict(validate_assignment=False)

    id: str
    path: str | None = None
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    status: Status = "ok"
    error: str | None = None
    warnings: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    text: str = Field("", exclude=True, description="the article text (not in the JSON output)")
    only_spans: list[tuple[int, int]] | None = Field(
        None, exclude=True, description="resolve only these spans (gold-span mode)")


class Evidence(BaseModel):
    """Where an event is stated: a sentence of a document."""

    document_id: str
    sentence: str
    start: int
    end: int


class Actor(BaseModel):
    name: str
    country_code: str | None = None


class Event(BaseModel):
    """Something that happened, when, to whom and where (ACLED's taxonomy)."""

    id: str
    type: str
    subtype: str
    date: dt.date | None = None
    time_precision: Literal[1, 2, 3] | None = None
    place: PlaceRef | None = None
    place_name: str | None = Field(None, description="the name as written, also when unresolved")
    geo_precision: Literal[1, 2, 3] | None = None
    actors: list[Actor] = Field(default_factory=list)
    fatalities: int | None = None
    fatalities_cumulative: bool = Field(
        False, description="true when the only figure stated is a cumulative toll")
    toll: int | None = Field(None, description="a cumulative death toll stated with the event "
                                               "(all deaths so far, not only this event's)")
    wounded: int | None = None
    background: bool = False
    evidence: list[Evidence] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list, description="ids of documents reporting it")


class Extraction(BaseModel):
    """A batch: every document (whatever its status) and the merged events."""

    documents: list[Document] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
