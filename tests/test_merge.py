"""Merging event reports across sentences and documents (no gazetteer needed)."""

from __future__ import annotations

import datetime as dt

from geomap.merge import merge
from geomap.models import Actor, Event, Evidence, PlaceRef

TOWN = PlaceRef(id=1, name="Oakvale", lat=40.0, lon=47.0, country_code="AZ", feature_code="PPL")
OTHER = PlaceRef(id=2, name="Elmford", lat=41.0, lon=46.0, country_code="AZ", feature_code="PPL")


def report(doc: str, start: int = 0, place: PlaceRef | None = TOWN, day: int = 28,
           subtype: str = "Shelling/artillery/missile attack", actors=("Northland forces",),
           fatalities: int | None = None, place_name: str | None = None) -> Event:
    return Event(id=f"{doc}-{start}", type="Explosions/Remote violence", subtype=subtype,
                 date=dt.date(2020, 9, day), time_precision=1, place=place,
                 place_name=place_name or (place.name if place else None),
                 geo_precision=1 if place else None,
                 actors=[Actor(name=a) for a in actors], fatalities=fatalities,
                 evidence=[Evidence(document_id=doc, sentence="s", start=start, end=start + 1)],
                 sources=[doc])


def test_same_event_in_two_articles_merges_with_both_sources():
    merged = merge([report("b", 5, fatalities=4), report("a", 9, fatalities=3)])
    assert len(merged) == 1
    ev = merged[0]
    assert ev.sources == ["a", "b"]
    assert [(e.document_id, e.start) for e in ev.evidence] == [("a", 9), ("b", 5)]
    assert ev.fatalities == 3  # ACLED: the lowest reported figure


def test_one_state_s_forces_named_two_ways_are_one_actor():
    a, b = report("a", 1), report("b", 2)
    a.actors = [Actor(name="Northland forces", country_code="NL"), Actor(name="River Front")]
    b.actors = [Actor(name="Northland military", country_code="NL"),
                Actor(name="Southland troops", country_code="SL"), Actor(name="Hill Militia")]
    (ev,) = merge([a, b])
    assert [x.name for x in ev.actors] == ["Northland forces", "River Front", "Southland troops",
                                           "Hill Militia"]


def test_different_events_at_one_place_and_day_stay_apart():
    merged = merge([report("a"), report("a", 50, subtype="Air/drone strike"),
                    report("b", actors=("Southland militia",))])
    assert len(merged) == 3


def test_other_place_or_distant_day_stays_apart():
    assert len(merge([report("a"), report("b", place=OTHER)])) == 2
    assert len(merge([report("a"), report("b", day=25)])) == 2
    assert len(merge([report("a"), report("b", day=27)])) == 1  # a day apart: one event


def test_a_place_put_at_a_distance_from_a_town_is_not_the_town():
    north = TOWN.model_copy(update={"lat": 41.0})  # "a hamlet 110 km north of Oakvale"
    assert len(merge([report("a"), report("b", place=north)])) == 2


def test_unplaced_reports_merge_by_name_and_placeless_by_figure():
    a = report("a", place=None, place_name="Hillside")
    b = report("b", place=None, place_name="hillside")
    c = report("c", place=None, place_name=None)
    assert len(merge([a, b, c])) == 2
    a28, c28 = report("a", fatalities=28), report("c", place=None, fatalities=28)
    merged = merge([a28, c28])
    assert len(merged) == 1 and merged[0].place == TOWN


def test_placeless_reports_without_a_figure_stay_apart():
    """Nothing but the type ties two reports that say neither where nor how many."""
    a, b = report("a", place=None), report("b", place=None)
    assert len(merge([a, b])) == 2
    a30, b30 = report("a", place=None, fatalities=30), report("b", place=None, fatalities=30)
    assert len(merge([a30, b30])) == 1


def test_placeless_background_merges_by_the_year_it_names():
    def history(doc: str, sentence: str) -> Event:
        return Event(id=doc, type="Strategic developments", subtype="Agreement",
                     background=True, evidence=[Evidence(document_id=doc, sentence=sentence,
                                                         start=0, end=len(sentence))],
                     sources=[doc])
    truce = [history("a", "A truce was signed in 1921."), history("b", "The 1921 truce held.")]
    assert len(merge(truce)) == 1
    assert len(merge([truce[0], history("c", "A truce was signed in 1957.")])) == 2


def test_order_and_ids_do_not_depend_on_input_order():
    events = [report("a"), report("b", 3), report("c", place=OTHER), report("a", 7, day=26)]
    one, two = merge(events), merge(list(reversed(events)))
    assert [e.id for e in one] == [e.id for e in two]
    assert [e.model_dump() for e in one] == [e.model_dump() for e in two]


def test_merged_toll_is_the_latest_count():
    from geomap.merge import merge
    from geomap.models import Event, Evidence

    def report(doc, toll):
        return Event(id=doc, type="Battles", subtype="Armed clash", toll=toll, fatalities=3,
                     place_name="Varn", evidence=[Evidence(document_id=doc, sentence="s",
                                                           start=0, end=1)], sources=[doc])
    [merged] = merge([report("a", 32), report("b", 59)])
    assert merged.toll == 59 and merged.fatalities == 3 and merged.sources == ["a", "b"]


def test_a_report_placed_under_a_name_merges_with_one_that_left_the_name_unplaced():
    """One article says where the region lies and is placed there; the other only names it."""
    placed = report("a", place=TOWN, place_name="Hillside")
    named = report("b", place=None, place_name="Hillside")
    merged = merge([named, placed])
    assert len(merged) == 1 and merged[0].place == TOWN and merged[0].sources == ["a", "b"]
    assert len(merge([report("c", place=None, place_name="Dale"), placed])) == 2


def test_two_names_the_store_lacks_placed_at_one_area_stay_apart():
    """"killed near Talish" and "clashes in Karabakh": both stand at Azerbaijan's point (the
    area the text puts them in, precision 3), but they are two places, not one."""
    area = PlaceRef(id=3, name="Northland", lat=40.0, lon=47.0, country_code="AZ",
                    feature_code="PCLI")
    a, b = (report(d, place=area, place_name=n) for d, n in (("a", "Talish"), ("b", "Karabakh")))
    a.geo_precision = b.geo_precision = 3
    assert len(merge([a, b])) == 2
    c = report("c", place=area, place_name="talish")
    c.geo_precision = 3
    assert len(merge([a, c])) == 1  # one name: one place
    d = report("d", place=area, place_name="Northland")
    d.geo_precision = 3
    assert len(merge([a, d])) == 1  # the area itself may be where the other report happened


def test_a_small_figure_ties_a_placeless_report_only_within_its_document():
    """"3 soldiers were killed" with no place joins the placed report of its own story, not a
    clash with as many dead that another story of the same day places elsewhere."""
    placed = report("a", fatalities=3)
    same_story = report("a", 40, place=None, fatalities=3)
    other_story = report("b", place=None, fatalities=3)
    assert len(merge([placed, same_story])) == 1
    assert len(merge([placed, other_story])) == 2
    assert len(merge([report("a", fatalities=28), report("b", place=None, fatalities=28)])) == 1
