"""Recognise and resolve on texts written for these tests, and on the user's sample articles."""

import pytest

from geomap.models import Document
from geomap.pipeline import Pipeline
from tests.conftest import ARTICLES, needs_articles


@pytest.fixture(scope="module")
def pipeline(gaz):
    return Pipeline(gaz)


def parse(pipeline, text):
    doc = pipeline(Document(id="t", text=text))
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
    return doc


def kinds(doc):
    return {(m.text, m.kind) for m in doc.mentions}


def test_places_people_organisations_months(pipeline):
    doc = parse(pipeline, "In May, Maria Lopez flew from Lisbon to Nairobi. The OSCE Minsk Group "
                          "met in Vienna on Friday, and the University of Tartu sent observers.")
    found = kinds(doc)
    assert {("Lisbon", "place"), ("Nairobi", "place"), ("Vienna", "place")} <= found
    assert ("Minsk", "organisation_part") in found
    texts = {m.text for m in doc.mentions}
    assert not texts & {"May", "Maria", "Lopez", "Friday"}
    assert "Tartu" not in {m.text for m in doc.mentions if m.kind == "place"}


def test_spelling_variants_resolve_to_one_place(pipeline):
    for spelling in ("Terter", "Tərtər", "Tartar"):
        doc = parse(pipeline, f"Artillery fire hit {spelling} and villages near Barda.")
        m = next(m for m in doc.mentions if m.text == spelling)
        assert m.place.name == "Tartar" and m.place.country_code == "AZ", spelling


def test_demonyms_and_metonyms(pipeline):
    doc = parse(pipeline, "Kyiv accused Moscow of shelling. Ukrainian troops held Kharkiv, "
                          "a Russian official said.")
    found = kinds(doc)
    assert ("Kyiv", "metonym") in found and ("Moscow", "metonym") in found
    assert ("Ukrainian", "demonym") in found and ("Russian", "demonym") in found
    assert ("Kharkiv", "place") in found
    ukrainian = next(m for m in doc.mentions if m.text == "Ukrainian")
    assert ukrainian.country_code == "UA" and ukrainian.place.feature_code == "PCLI"


def test_document_focus_picks_the_nearby_namesake(pipeline):
    texts = {"US": "Floods reached Paris, Texas, and Dallas on Sunday.",
             "FR": "Floods reached Paris and Lyon on Sunday."}
    for country, text in texts.items():
        paris = next(m for m in parse(pipeline, text).mentions if m.text == "Paris")
        assert paris.place.country_code == country
        assert paris.alternatives[0].place.id == paris.place.id
        assert 0 < paris.confidence <= 1


def test_one_sense_per_name_per_document(pipeline):
    doc = parse(pipeline, "Springfield, Illinois, was quiet. Later Springfield saw protests.")
    places = {m.place.id for m in doc.mentions if m.text == "Springfield"}
    assert len(places) == 1 and next(m.place.admin1 for m in doc.mentions
                                     if m.text == "Springfield") == "Illinois"


def test_unknown_cued_place_is_reported_unresolved(pipeline):
    doc = parse(pipeline, "Troops entered the village of Qwertabad overnight.")
    m = next(m for m in doc.mentions if m.text == "Qwertabad")
    assert m.kind == "place" and m.place is None and m.precision is None
    assert "not in the gazetteer" in m.note


def test_unknown_place_falls_back_to_named_containing_area(pipeline):
    doc = parse(pipeline, "Shells fell on the village of Qwertabad in the Tartar District.")
    m = next(m for m in doc.mentions if m.text == "Qwertabad")
    assert m.place is not None and m.place.feature_code == "ADM1" and m.precision == 3
    assert "containing area" in m.note


def test_gold_span_mode_resolves_only_given_spans(pipeline):
    text = "Berlin and Rome signed a deal."
    doc = pipeline(Document(id="g", text=text, only_spans=[(11, 15)]))
    assert [(m.text, m.place.country_code) for m in doc.mentions] == [("Rome", "IT")]


def read_article(name):
    return next(ARTICLES.glob(f"{name}*.txt")).read_text(encoding="utf-8")


@needs_articles
def test_sample_articles(pipeline):
    docs = [parse(pipeline, read_article(n)) for n in ("000", "001")]
    mentions = [m for d in docs for m in d.mentions]
    places = {m.text for m in mentions if m.kind in ("place", "metonym")}
    assert {"Terter", "Stepanakert", "Talish", "Karabakh", "South Caucasus", "Baku", "Yerevan",
            "Ankara", "Nakhchivan", "Azerbaijan", "Armenia", "Russia", "Turkey", "France",
            "US"} <= places
    by_text = {m.text: m for m in mentions if m.kind in ("place", "metonym")}
    assert by_text["Terter"].place.name == "Tartar"
    assert by_text["Stepanakert"].place.name == "Khankendi"
    # a village the embedded default lacks: never a town of that name elsewhere, but the area
    # the text puts it in ("near the village of Talish in occupied Karabakh"), at every mention
    talish = [m for m in docs[1].mentions if m.text == "Talish"]
    assert len(talish) >= 3 and all(
        m.place.feature_code == "PCLI" and m.place.country_code == "AZ" and m.precision == 3 and
        "not in the gazetteer" in m.note for m in talish)
    # Karabakh is in no GeoNames dump as a place: the second article says where it lies
    # ("... is inside Azerbaijan"), late in the story, and every mention is placed there
    karabakh = [m for m in docs[1].mentions if m.text == "Karabakh"]
    assert len(karabakh) >= 10 and {m.place.country_code for m in karabakh} == {"AZ"}
    assert by_text["Nakhchivan"].place.country_code == "AZ" and by_text["Nakhchivan"].note
    demonyms = {m.text for m in mentions if m.kind == "demonym"}
    assert {"Azerbaijani", "Armenian"} <= demonyms
    people = {"Trump", "Akar", "Hulusi", "Babayan", "Lernik", "Hopkins", "Andrew"}
    assert not people & {m.text for m in mentions if m.kind in ("place", "metonym")}
    metonyms = {(m.text, m.kind) for m in docs[1].mentions}
    assert ("Baku", "metonym") in metonyms and ("Yerevan", "metonym") in metonyms
