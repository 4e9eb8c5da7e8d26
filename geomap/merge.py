"""Merge: one event per real-world event, however many sentences and articles report it.

Two reports are the same event when they have the same type and sub-event type, the same place (the
same gazetteer place, or the same name where one is unplaced), dates at most a day apart, the same
background flag, and actors that overlap (a report naming no actor contradicts none).  A report
with no place at all joins another only when both give the same death figure ("Twenty-eight
servicemen died" beside "28 ... killed in clashes in X"; from two documents, a figure of 10 or
more: "3 soldiers were killed" is too common to tie two stories) or, two placeless pieces of
background without figures, name the same past year ("a ceasefire agreed in 1994").  Two names
the store lacks, placed at one area that holds both, are two places.  Merged events keep
every source and piece of evidence; figures follow ACLED: the lowest reported.  Output order and
ids depend only on the events' content, not on the order they came in.
"""

from __future__ import annotations

import hashlib
import re

from gazetteer.names import fold

from .models import Actor, Event


# A death figure this high, shared by two reports of a day (one without a place), ties them
# together; lower ones are too common in a day's news ("3 soldiers were killed") to tie
# reports from two documents, though within one they are the same incident told twice.
DISTINCT_FIGURE = 10


def merge(events: list[Event]) -> list[Event]:
    """Merge duplicate reports (within and across documents); deterministic order and ids."""
    clusters: list[Event] = []
    for ev in sorted(events, key=_order):
        home = next((c for c in clusters if same_event(c, ev)), None)
        if home is None:
            clusters.append(ev.model_copy(update={  # lists copied: absorbing must not alter ev
                "evidence": list(ev.evidence), "actors": list(ev.actors),
                "sources": list(ev.sources)}))
        else:
            _absorb(home, ev)
    for c in clusters:
        c.evidence.sort(key=lambda e: (e.document_id, e.start))
        c.sources = sorted(set(c.sources))
        c.id = event_id(c)
    return sorted(clusters, key=_order)


def event_id(ev: Event) -> str:
    """Stable: the same coding of the same first evidence gives the same id."""
    first = ev.evidence[0] if ev.evidence else None
    key = (f"{ev.type}|{ev.subtype}|{ev.date}|{ev.place.id if ev.place else ev.place_name}|"
           f"{first and first.document_id}|{first and first.start}")
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _order(ev: Event) -> tuple:
    first = min(((e.document_id, e.start) for e in ev.evidence), default=("", 0))
    return (ev.date.isoformat() if ev.date else "9999", first, ev.type, ev.subtype)


def same_event(a: Event, b: Event) -> bool:
    if (a.type, a.subtype, a.background) != (b.type, b.subtype, b.background):
        return False
    # An undated report (its article has no date) may be the same as a dated one; the event
    # then takes the known date.  Background events are undated by design and compared as such.
    if a.date and b.date and abs((a.date - b.date).days) > 1:
        return False
    return _same_place(a, b) and _actors_overlap(a.actors, b.actors)


def _same_place(a: Event, b: Event) -> bool:
    if a.place is not None and b.place is not None:
        # one id at two points: a place the store lacks put "110 km north of" the town
        return a.place.id == b.place.id and \
            (a.place.lat, a.place.lon) == (b.place.lat, b.place.lon) and not _apart_in_area(a, b)
    nameless = [e for e in (a, b) if e.place is None and not e.place_name]
    if nameless:
        # nothing says where: only an identical death figure ties it to the other, or two
        # placeless pieces of background the past year both name ("a ceasefire agreed in
        # 1994"); with neither, "five people were injured" in two histories share nothing
        # but their type
        if a.fatalities is not None or b.fatalities is not None:
            return a.fatalities == b.fatalities and (
                a.fatalities >= DISTINCT_FIGURE or bool(set(a.sources) & set(b.sources)))
        return len(nameless) == 2 and a.background and bool(_years(a) & _years(b))
    # both under one name: unresolved in one report and placed from the other's own text in
    # the other ("Karabakh, a territory of Azerbaijan")
    return (a.place_name or "").casefold() == (b.place_name or "").casefold()


def _apart_in_area(a: Event, b: Event) -> bool:
    """Two names the store lacks, each placed at the area holding it: "near Talish" and "in
    Karabakh" both stand at Azerbaijan's point, but they are two places inside it, not one."""
    names = {fold(e.place_name or "") for e in (a, b)}
    coarse = any((e.geo_precision or 1) > 1 for e in (a, b))
    return coarse and len(names) == 2 and "" not in names and \
        a.place is not None and fold(a.place.name) not in names


_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def _years(ev: Event) -> set[str]:
    return {y for e in ev.evidence for y in _YEAR.findall(e.sentence)}


def _actors_overlap(a: list[Actor], b: list[Actor]) -> bool:
    if not a or not b:
        return True
    keys = lambda xs: {x.country_code or x.name.casefold() for x in xs}  # noqa: E731
    return bool(keys(a) & keys(b))


def _absorb(into: Event, ev: Event) -> None:
    """Fold report ``ev`` into ``into``: union of evidence, sources, actors; lowest figures."""
    if into.place is None and ev.place is not None or into.place_name is None:
        into.place, into.place_name, into.geo_precision = ev.place, ev.place_name, ev.geo_precision
    elif ev.geo_precision and into.geo_precision and ev.place == into.place:
        into.geo_precision = min(into.geo_precision, ev.geo_precision)
    if ev.time_precision and (into.time_precision or 9) > ev.time_precision:
        into.date, into.time_precision = ev.date, ev.time_precision
    into.fatalities, into.fatalities_cumulative = _lowest_deaths(into, ev)
    into.wounded = min((w for w in (into.wounded, ev.wounded) if w is not None), default=None)
    # A cumulative toll only grows: reports that differ were written at different times, and the
    # higher one is the later count (ACLED's lowest-figure rule is for one event's own deaths).
    into.toll = max((t for t in (into.toll, ev.toll) if t is not None), default=None)
    names = {x.name.casefold() for x in into.actors}
    # only a state's forces carry its code: "Russian forces" in one report and "Russian
    # military" in another are one actor
    states = {x.country_code for x in into.actors if x.country_code}
    into.actors += [x for x in ev.actors
                    if x.name.casefold() not in names and x.country_code not in states]
    seen = {(e.document_id, e.start) for e in into.evidence}
    into.evidence += [e for e in ev.evidence if (e.document_id, e.start) not in seen]
    into.sources = sorted(set(into.sources) | set(ev.sources))


def _lowest_deaths(a: Event, b: Event) -> tuple[int | None, bool]:
    """New-death figures beat cumulative tolls; among equals, ACLED's lowest figure."""
    figures = [(e.fatalities_cumulative, e.fatalities) for e in (a, b) if e.fatalities is not None]
    if not figures:
        return None, False
    cumulative, value = min(figures)
    return value, cumulative
