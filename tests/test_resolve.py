"""Resolution evidence, on sentences written for these tests: the areas a text names, country
abbreviations, provinces against same-named towns, the place stated to contain an unknown one."""

import pytest

from gazetteer import haversine_km
from geomap.models import Document
from geomap.pipeline import Pipeline
from geomap.resolve import area_keys, spread_centre, text_names


@pytest.fixture(scope="module")
def pipeline(gaz):
    return Pipeline(gaz)


def resolve(pipeline, text, name, gold_span=False):
    start = text.index(name)
    spans = [(start, start + len(name))] if gold_span else None
    doc = pipeline(Document(id="t", text=text, only_spans=spans))
    mention = next(m for m in doc.mentions if m.text == name)
    assert mention.alternatives[0].place.id == mention.place.id
    assert 0 < mention.confidence <= 1
    return mention


def test_text_names_skip_the_mentions_themselves():
    text = "Rain fell on New York and on Santa Barbara County."
    names = text_names(text, [(13, 21)])
    assert "santabarbaracounty" in names and "santabarbara" in names
    assert "york" not in names and "newyork" not in names


def test_text_names_do_not_take_the_name_after_new_or_north():
    names = text_names("Snow fell across New England and North Carolina.", [])
    assert "newengland" in names and "northcarolina" in names
    assert "england" not in names and "carolina" not in names


def test_area_keys_drop_the_kind_word():
    assert area_keys("Greene County") == {"greenecounty", "greene"}
    assert "bulacan" in area_keys("Province of Bulacan")


def test_spread_centre_is_not_pulled_by_a_crowded_corner():
    crowded = [(10.0 + i / 1000, 10.0) for i in range(50)]  # one cell, many points
    lat, lon = spread_centre(crowded + [(12.5, 10.0)])
    assert 11.0 < lat < 11.5 and lon == pytest.approx(10.0)


def test_area_named_elsewhere_in_text_picks_the_namesake(pipeline):
    # gold-span mode: only the name is a mention, the areas are just words of the text
    text = "Springfield is a city in Greene County in the state of Missouri."
    m = resolve(pipeline, text, "Springfield", gold_span=True)
    assert m.place.country_code == "US" and m.place.admin1 == "Missouri"
    assert m.alternatives[0].features["admin"] > 0


def test_country_abbreviation(pipeline):
    m = resolve(pipeline, "Flights from the UK were cancelled on Monday.", "UK")
    assert m.place.country_code == "GB" and m.place.feature_code == "PCLI"


def test_province_beats_small_town_namesake_and_sits_at_its_centre(pipeline):
    m = resolve(pipeline, "Heavy rain hit Queensland and farms were flooded.", "Queensland")
    assert m.place.feature_code == "ADM1" and m.place.country_code == "AU"
    assert m.precision == 3 and "area" in m.alternatives[0].features
    brisbane = (-27.47, 153.03)  # the most populous place: the store's own point
    assert haversine_km(m.place.lat, m.place.lon, *brisbane) > 300


def test_unknown_namesake_is_placed_at_the_stated_area(pipeline):
    text = "Kingston is a small town in Lincoln County in the state of Maine."
    m = resolve(pipeline, text, "Kingston", gold_span=True)
    assert m.place.feature_code == "ADM2" and m.place.admin1 == "Maine"
    assert m.precision == 2 and "stated_area" in m.alternatives[0].features


def test_the_stated_area_outweighs_areas_named_in_passing(pipeline):
    text = ("Boston is a market town in Lincolnshire. Many of its people sailed to "
            "Massachusetts in the United States, where they founded a larger Boston.")
    m = resolve(pipeline, text, "Boston", gold_span=True)
    assert m.place.country_code == "GB" and "stated_in" in m.alternatives[0].features


def test_an_unknown_town_goes_to_its_stated_county_despite_a_namesake_elsewhere(pipeline):
    """The store lacks Cambridge, Vermont: its county, not the English Cambridge the text
    mentions later."""
    text = ("Cambridge is a town in Lamoille County, Vermont. Its name recalls the university "
            "in England.")
    m = resolve(pipeline, text, "Cambridge", gold_span=True)
    assert m.place.name == "Lamoille County" and m.precision == 2


def test_the_stated_area_is_the_one_inside_the_area_named_after_it(pipeline):
    text = "Lancaster is a suburb in Dallas County, Texas, with a small airport."
    m = resolve(pipeline, text, "Lancaster", gold_span=True)
    assert m.place.country_code == "US" and m.place.admin1 == "Texas"


def test_an_adjective_before_the_area_kind_is_not_the_area(pipeline):
    text = "Richmond is a coastal city in the Canadian province of British Columbia."
    m = resolve(pipeline, text, "Richmond", gold_span=True)
    assert m.place.country_code == "CA" and m.place.admin1 == "British Columbia"


def test_an_unknown_stated_district_falls_back_to_its_container(pipeline):
    text = "Orbury is a hamlet in the Tarnwick district of Lincolnshire, England."
    m = resolve(pipeline, text, "Orbury", gold_span=True)
    assert m.place.name == "Lincolnshire" and m.place.country_code == "GB"


def test_the_stated_chain_is_followed_past_an_unknown_link(pipeline):
    text = "Ostrava Creek is a hamlet in Tollan Rural Municipality No. 88, Saskatchewan, Canada."
    m = resolve(pipeline, text, "Ostrava Creek", gold_span=True)
    assert m.place.name == "Saskatchewan" and m.precision == 3


def test_a_suburb_of_a_big_city_is_placed_at_that_city(pipeline):
    text = "Kelmore Park is a new housing estate in Melbourne, Victoria, Australia."
    m = resolve(pipeline, text, "Kelmore Park", gold_span=True)
    assert m.place.name == "Melbourne" and m.precision == 2


def test_a_governorate_is_found_without_its_kind_word(pipeline):
    text = "Tell Hamra is a village in the Idlib Governorate of northwestern Syria."
    m = resolve(pipeline, text, "Tell Hamra", gold_span=True)
    assert m.place.country_code == "SY" and m.place.feature_code == "ADM1"


def test_a_stated_country_is_not_a_city_named_like_it(pipeline):
    text = "Port Kessel is a fishing town in Jamaica, on the north coast."
    m = resolve(pipeline, text, "Port Kessel", gold_span=True)
    assert m.place.country_code == "JM"  # not Jamaica, Queens


def test_a_numbered_ward_is_not_an_area_of_that_name(pipeline):
    text = "Orlen Heights is a neighborhood in Ward 5, in the east of the city."
    m = next(x for x in pipeline(Document(id="t", text=text, only_spans=[(0, 13)])).mentions)
    assert m.place is None or "County" not in m.place.name


def test_a_state_is_not_a_town_named_after_it_in_another_state(pipeline):
    """California, Maryland is a town; with Maryland named too, "California" is still the state."""
    text = "Wildfires spread across California while storms hit Maryland and Missouri."
    m = resolve(pipeline, text, "California")
    assert m.place.feature_code == "ADM1" and m.place.country_code == "US"
    assert "named_after_province" in next(a.features for a in m.alternatives
                                          if a.place.feature_code == "PPL")


def test_a_stated_state_is_the_state_not_a_county_in_it_so_named(pipeline):
    text = "Wayne County is a county located in the U.S. state of Utah."
    m = resolve(pipeline, text, "Wayne County", gold_span=True)
    assert m.place.feature_code == "ADM2" and m.place.admin1 == "Utah"


def test_a_direction_word_does_not_make_a_sea_a_county(pipeline):
    text = "Ireland is an island in the North Atlantic, west of Great Britain."
    m = resolve(pipeline, text, "Ireland", gold_span=True)
    assert m.place.country_code == "IE" and "stated_area" not in m.alternatives[0].features


def test_a_country_named_is_not_its_namesake_province_named(pipeline):
    """Naming Mexico does not name the State of México, home of several San Franciscos."""
    text = "Tourists from Mexico and Canada crowded San Francisco this summer."
    m = resolve(pipeline, text, "San Francisco")
    mexican = [a for a in m.alternatives if a.place.admin1 == "México"]
    assert mexican and all("admin" not in a.features for a in mexican)


def test_a_namesake_inside_the_stated_area_stays(pipeline):
    m = resolve(pipeline, "Pella is a town in Greece, near the river.", "Pella", gold_span=True)
    assert m.place.country_code == "GR" and m.place.feature_code.startswith("PPL")


def test_a_stated_country_is_the_country_not_a_district_so_named(pipeline):
    """"in El Salvador" is the country, not a Mexican municipality called El Salvador (whose own
    name must not count as its district being named)."""
    m = resolve(pipeline, "Santa Ana is a city in El Salvador.", "Santa Ana", gold_span=True)
    assert m.place.country_code == "SV"


def test_an_unknown_village_goes_to_its_stated_country_not_a_namesake_abroad(pipeline):
    text = "Karin is a village in Syria, east of Homs."
    m = resolve(pipeline, text, "Karin", gold_span=True)  # namesakes in Iran and Somalia
    assert m.place.country_code == "SY" and m.precision == 3
    assert "area the text states" in m.note


def test_named_country_outweighs_a_famous_capital(pipeline):
    text = "San Jose is a municipality in the province of Dinagat Islands, Philippines."
    m = resolve(pipeline, text, "San Jose", gold_span=True)
    assert m.place.country_code == "PH"


def test_a_capital_abbreviation_does_not_match_a_vowelless_transliteration(pipeline):
    """A short capitalised abbreviation that the store knows only through a non-Latin name
    (Arabic spelling drops vowels) is not that place."""
    doc = pipeline(Document(id="t", text="Bushfires burned across NSW on Tuesday."))
    nsw = next(m for m in doc.mentions if m.text == "NSW")
    assert nsw.place is None or nsw.place.country_code == "AU"


def test_a_country_is_not_another_country_spelled_alike(pipeline):
    text = "Cocoa farmers in Ghana, inside Ghana's western region, met buyers."
    assert resolve(pipeline, text, "Ghana").place.country_code == "GH"


def test_a_country_name_without_its_article_is_the_same_country(pipeline):
    text = "Aid reached the Democratic Republic of Congo after the floods."
    assert resolve(pipeline, text, "Democratic Republic of Congo").place.country_code == "CD"
