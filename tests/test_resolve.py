"""Resolution evidence, on sentences written for these tests: the areas a text names, country
abbreviations, provinces against same-named towns, the place stated to contain an unknown one."""

import pytest

from gazetteer import haversine_km
from geomap.models import Document, Mention
from geomap.pipeline import Pipeline
from geomap.resolve import (area_centre, area_keys, coordinate_peers, hull_centroid,
                            listed_peers, main_group, spread_centre, stated_distances,
                            text_names)
from tests.conftest import needs_corpora


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


def test_text_names_split_at_a_full_stop_whose_space_was_lost():
    names = text_names("It lies in the north of England.The census counted it.", [])
    assert "england" in names and "englandthe" not in names


def test_text_names_drop_a_possessive():
    assert "newzealand" in text_names("A town on New Zealand's South Island.", [])


def test_text_names_do_not_take_the_name_after_new_or_north():
    names = text_names("Snow fell across New England and North Carolina.", [])
    assert "newengland" in names and "northcarolina" in names
    assert "england" not in names and "carolina" not in names


def test_area_keys_drop_the_kind_word():
    assert area_keys("Greene County") == {"greenecounty", "greene"}
    assert "bulacan" in area_keys("Province of Bulacan")
    assert "papineau" in area_keys("Papineau Regional County Municipality")


def test_spread_centre_is_not_pulled_by_a_crowded_corner():
    crowded = [(10.0 + i / 1000, 10.0) for i in range(50)]  # one cell, many points
    lat, lon = spread_centre(crowded + [(12.5, 10.0)])
    assert 11.0 < lat < 11.5 and lon == pytest.approx(10.0)


def test_hull_centroid_weighs_the_area_not_the_points():
    corners = [(0.0, 0.0), (0.0, 4.0), (2.0, 0.0), (2.0, 4.0)]
    inside = [(0.1 * i, 0.1 * i) for i in range(1, 15)]  # many points crowd one corner
    assert hull_centroid(corners + inside) == pytest.approx((1.0, 2.0))
    assert hull_centroid([(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)]) is None  # a line holds no area


def test_area_centre_lies_between_where_people_live_and_the_empty_corners():
    # towns crowd the south of a 10-degree square; one outpost marks its empty north
    towns = [(40.0 + i / 10, 10.0 + j / 10) for i in range(10) for j in range(100)]
    outpost = [(48.0, 10.0), (48.0, 20.0)]
    people, _ = spread_centre(towns + outpost)
    middle, _ = area_centre(towns + outpost)
    assert people < middle < 45.0
    assert area_centre([(10.0, 179.5), (11.0, -179.5), (12.0, 179.0)]) == \
        spread_centre([(10.0, 179.5), (11.0, -179.5), (12.0, 179.0)])  # across the date line


def test_area_centre_leaves_out_places_filed_far_from_the_rest():
    towns = [(30.0 + i / 5, 110.0 + j / 5) for i in range(10) for j in range(10)]
    misfiled = [(44.0 + i / 10, 85.0) for i in range(30)]  # 2,500 km away, many of them
    lat, lon = area_centre(towns + misfiled)
    assert 30.0 < lat < 32.0 and 110.0 < lon < 112.0
    assert sorted(main_group(towns + misfiled)) == sorted(towns)


def test_main_group_keeps_a_sparse_area_whole():
    # towns a few hundred km apart in an empty province, and a chain across the date line
    sparse = [(-12.5, 131.0), (-14.5, 132.3), (-19.6, 134.2), (-23.7, 133.9)]
    assert main_group(sparse) == sparse
    chain = [(52.0, 178.0), (52.5, -176.0), (53.0, -170.0), (54.0, -165.0)]
    assert sorted(main_group(chain)) == sorted(chain)


def test_province_is_placed_inside_its_own_ground(pipeline):
    m = resolve(pipeline, "Floods swept through Hebei province this week.", "Hebei")
    assert m.place.feature_code == "ADM1" and m.place.country_code == "CN"
    assert 36.0 < m.place.lat < 42.7 and 113.4 < m.place.lon < 119.9  # Hebei's extent


def test_area_named_elsewhere_in_text_picks_the_namesake(pipeline):
    # gold-span mode: only the name is a mention, the areas are just words of the text
    text = "Springfield is a city in Greene County in the state of Missouri."
    m = resolve(pipeline, text, "Springfield", gold_span=True)
    assert m.place.country_code == "US" and m.place.admin1 == "Missouri"
    assert m.alternatives[0].features["admin"] > 0


def test_a_place_in_an_organisation_s_name_still_names_its_area(pipeline):
    """"Ohio University" is no place, but it says the story is in Ohio: Athens, Ohio."""
    text = "Officials in Athens said the fire began near the Ohio University campus."
    m = resolve(pipeline, text, "Athens")
    assert (m.place.country_code, m.place.admin1) == ("US", "Ohio")


def test_a_state_that_holds_a_town_the_text_names_beats_a_country_so_called(pipeline):
    text = "Voters in Georgia go to the polls today; in Atlanta the queues were long."
    m = resolve(pipeline, text, "Georgia")
    assert (m.place.country_code, m.place.feature_code) == ("US", "ADM1")
    assert m.alternatives[0].features["holds"] > 0
    m = resolve(pipeline, "Voters in Georgia go to the polls today; in Tbilisi the queues were "
                "long.", "Georgia")
    assert m.place.country_code == "GE"


def test_a_town_in_a_province_does_not_outweigh_the_province_s_namesake_city(pipeline):
    text = "Shells hit Kherson on Monday; two soldiers died near Nova Kakhovka."
    m = resolve(pipeline, text, "Kherson")
    assert m.place.feature_code.startswith("PPL") and "holds" not in m.alternatives[0].features


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


@pytest.mark.parametrize("said", [
    "Qarnawish is inside Chad but held by rebels.",
    "Qarnawish is still considered part of Chad by most governments.",
    "Qarnawish is internationally recognised as part of Chad.",
])
def test_an_unknown_name_said_late_in_a_story_to_lie_in_an_area_is_placed_there(pipeline,
                                                                                said):
    text = ("Fighting raged in occupied Qarnawish on Monday. " + "Talks stalled. " * 8 +
            "By night Qarnawish was calm. " * 5 + said)
    ms = [m for m in pipeline(Document(id="t", text=text)).mentions if m.text == "Qarnawish"]
    assert len(ms) == 7 and all(m.place and m.place.country_code == "TD" for m in ms)


def test_a_known_place_said_to_be_part_of_another_stays_itself(pipeline):
    m = resolve(pipeline, "Beijing says Taiwan is part of China.", "Taiwan")
    assert m.place.country_code == "TW"


def test_an_unknown_name_takes_the_area_one_of_its_mentions_names(pipeline):
    doc = pipeline(Document(id="t", text="Troops took the village of Qarnawish in Tartar "
                                         "District on Monday. By Tuesday, shells fell near "
                                         "Qarnawish again."))
    ms = [m for m in doc.mentions if m.text == "Qarnawish"]
    assert len(ms) == 2 and all(m.place for m in ms)
    assert {(m.place.name, m.precision) for m in ms} == {(ms[0].place.name, 3)}
    assert ms[0].place.feature_code == "ADM1"


@pytest.mark.parametrize("text", [
    "JNIM militants ambushed a patrol near Boni (Douentza, Mopti) on Monday.",
    "JNIM militants ambushed a patrol near Boni, Douentza on Monday.",
])
def test_a_name_only_an_alias_of_a_town_abroad_is_not_it_when_the_text_names_its_area(
        pipeline, text):
    """GeoNames lists "Boni" among Bonn's other names: with the area the text gives for Boni
    holding no Bonn, the store lacks the village, which lies in Douentza (precision 2)."""
    boni = next(m for m in pipeline(Document(id="t", text=text)).mentions if m.text == "Boni")
    assert boni.place is None or (boni.place.name, boni.precision) == ("Douentza", 2)


def test_the_stated_area_outweighs_areas_named_in_passing(pipeline):
    text = ("Boston is a market town in Lincolnshire. Many of its people sailed to "
            "Massachusetts in the United States, where they founded a larger Boston.")
    m = resolve(pipeline, text, "Boston", gold_span=True)
    assert m.place.country_code == "GB" and "stated_in" in m.alternatives[0].features


# "X is a ... in Y": the stated area, read with what follows it.  Each case: the text, the name,
# and what the resolved mention must be (PlaceRef fields, and precision).
STATED = {
    "a namesake elsewhere does not beat the stated county (the store lacks Cambridge, Vermont)": (
        "Cambridge is a town in Lamoille County, Vermont. Its name recalls the university in "
        "England.", "Cambridge", {"name": "Lamoille County", "precision": 2}),
    "of areas so called, the one inside what follows": (
        "Lancaster is a suburb in Dallas County, Texas, with a small airport.", "Lancaster",
        {"country_code": "US", "admin1": "Texas"}),
    "an adjective before the kind word is not the area": (
        "Richmond is a coastal city in the Canadian province of British Columbia.", "Richmond",
        {"country_code": "CA", "admin1": "British Columbia"}),
    "an unknown district falls back to its container": (
        "Orbury is a hamlet in the Tarnwick district of Lincolnshire, England.", "Orbury",
        {"name": "Lincolnshire", "country_code": "GB"}),
    "the chain is followed past an unknown, numbered link": (
        "Ostrava Creek is a hamlet in Tollan Rural Municipality No. 88, Saskatchewan, Canada.",
        "Ostrava Creek", {"name": "Saskatchewan", "precision": 3}),
    "a suburb of a big city is placed at that city": (
        "Kelmore Park is a new housing estate in Melbourne, Victoria, Australia.", "Kelmore Park",
        {"name": "Melbourne", "precision": 2}),
    "a governorate is found without its kind word": (
        "Tell Hamra is a village in the Idlib Governorate of northwestern Syria.", "Tell Hamra",
        {"country_code": "SY", "feature_code": "ADM1"}),
    "a place that lies in an area": (
        "Xorvanti is a hill that lies in Kampala, the capital of Uganda.", "Xorvanti",
        {"name": "Kampala", "precision": 2}),
    "a kind word and the name's side: suburb on the eastern side of a city": (
        "Marlow Green is a small suburb on the eastern side of Southampton, UK.", "Marlow Green",
        {"name": "Southampton", "precision": 2}),
    "an abbreviation in brackets after the kind": (
        "Pell Hollow is a census-designated place (CDP) in Worcester County, Maryland.",
        "Pell Hollow", {"name": "Worcester County", "admin1": "Maryland"}),
    "a side of the area before its name": (
        "Orrin Falls is a town in south central Outagamie County, Wisconsin.", "Orrin Falls",
        {"name": "Outagamie County", "precision": 2}),
    "one of the districts of": (
        "Molo Viejo is one of the seven districts of Iloilo City, in the Philippines.",
        "Molo Viejo", {"name": "Iloilo", "feature_code": "PPL", "precision": 2}),
    "a name joined by and": (
        "Tarbay Cove is an incorporated town in Newfoundland and Labrador, Canada.", "Tarbay Cove",
        {"feature_code": "ADM1", "country_code": "CA"}),
    "within a parish, in a county": (
        "Holm Acre is a village within the civil parish of Wexworth in the English county of "
        "Norfolk.", "Holm Acre", {"name": "Norfolk", "country_code": "GB"}),
    "the capital of a country": (
        "Port Veyra is the capital of Fiji, on the coast of Viti Levu.", "Port Veyra",
        {"country_code": "FJ"}),
    "a location in a municipal unit, province, country": (
        "Rakovo Pass is a location in the municipal unit Tharros, Achaea, Greece.",
        "Rakovo Pass", {"country_code": "GR", "feature_code": "ADM2"}),
    "two counties, then the state they are in": (
        "Tarrow Falls is a city in Washington and Dodge counties in the U.S. state of Wisconsin.",
        "Tarrow Falls", {"name": "Wisconsin", "feature_code": "ADM1"}),
    "a capitalised side of a province": (
        "Elm Bend is a community located in Eastern Ontario, north of the lake.", "Elm Bend",
        {"name": "Ontario", "feature_code": "ADM1"}),
    "a section of a city, state": (
        "Orle Beach is a section of Scituate, Massachusetts, by the sea.", "Orle Beach",
        {"admin1": "Massachusetts"}),
    "a district then its province, with a long aside in brackets": (
        "Puhal is a barrio (a neighbourhood or a district) of Kinnaur district, Himachal Pradesh.",
        "Puhal", {"admin1": "Himāchal Pradesh"}),
    "a ward in a side of a city": (
        "Orchard Vale is a ward in south east Birmingham, England.", "Orchard Vale",
        {"name": "Birmingham", "precision": 2}),
    "an unknown region within a known state": (
        "Kelbarra is a town and locality in the Karun Downs region within Queensland, Australia.",
        "Kelbarra", {"name": "Queensland", "precision": 3}),
    "commas among the words before the kind": (
        "Quarry Flat is a small, unincorporated community and census-designated place in Lander "
        "County, Nevada.", "Quarry Flat", {"name": "Lander County", "admin1": "Nevada"}),
    "a capitalised kind": (
        "Ember Gulch is a Statutory Town located in Boulder County, Colorado.", "Ember Gulch",
        {"name": "Boulder County", "admin1": "Colorado"}),
    "an unknown district, then a canton": (
        "Tarvis is a municipality in the district of Oberlund in the Swiss canton of Graubünden.",
        "Tarvis", {"country_code": "CH", "feature_code": "ADM1"}),
    "of areas so called, the one holding a namesake (the US state, not the country)": (
        "Jones County is a county located in Georgia, with its seat at Gray.", "Jones County",
        {"name": "Jones County", "country_code": "US", "admin1": "Georgia"}),
    "a lower-case particle inside the area's name": (
        "Vila Serrana is a neighbourhood in Rio Grande do Sul, Brazil.", "Vila Serrana",
        {"name": "Rio Grande do Sul", "feature_code": "ADM1"}),
    "'mid' before the area": (
        "Trelwick is a village in mid Cornwall, England.", "Trelwick",
        {"name": "Cornwall", "precision": 2}),
    "'mid-' joined to the area": (
        "Pen-y-bryn is a hamlet in mid-Wales, near the border.", "Pen-y-bryn",
        {"name": "Wales", "feature_code": "ADM1"}),
    "a province of a country, as one phrase": (
        "Makari Siding is a small settlement in the Masvingo Province of Zimbabwe.",
        "Makari Siding", {"name": "Masvingo", "country_code": "ZW", "feature_code": "ADM1"}),
    "capitalised compass words before the area": (
        "Ulver Moor is a historic district of North West England.", "Ulver Moor",
        {"name": "England", "precision": 3}),
    "a capitalised name before the kind word is the first link": (
        "Tolwar is a village in the Harda district of Madhya Pradesh, India.", "Tolwar",
        {"name": "Harda", "feature_code": "ADM2", "precision": 2}),
    "a comma and 'in' continue the chain": (
        "Gold Creek is a ghost town north of Tarn Peak, in eastern Snohomish County in western "
        "Washington.", "Gold Creek", {"name": "Snohomish County", "admin1": "Washington"}),
    "a Norwegian particle inside the name, after an unknown municipality": (
        "Vikra is a fishing village located in Ulvik Municipality in Møre og Romsdal county, "
        "Norway.", "Vikra", {"name": "Møre og Romsdal", "feature_code": "ADM1"}),
    "a neighbourhood is in the city, not the county so named": (
        "Elm Flats is a neighbourhood in Wichita, Kansas, United States.", "Elm Flats",
        {"name": "Wichita", "feature_code": "PPL", "precision": 2}),
    "an unknown region 'of' a known one; a figure among the words before it": (
        "Skerra is an island of some 2,000 hectares in the Inner Hebrides of Scotland.", "Skerra",
        {"name": "Scotland", "precision": 3}),
    "a suburb of the city in the country the text names, not of a hamlet holding a namesake": (
        "Kensington is a suburb of Oxford, in the south of England.", "Kensington",
        {"name": "Oxford", "country_code": "GB", "precision": 2}),
    "a link the store lacks does not hide the one before it": (
        "Tarnley Brook is a suburb of Bolton, Greater Manchester, in England.", "Tarnley Brook",
        {"name": "Bolton", "country_code": "GB", "precision": 2}),
    "nor does it pick one of many areas so called in the country": (
        "Tarnley Brook is a hamlet in the Town of Lincoln, in the Wexmoor Region of the United "
        "States.", "Tarnley Brook", {"name": "United States", "precision": 3}),
    "a distance after the city is no number of a ward": (
        "Orrel Bay is a western suburb of Adelaide 12 km from the city centre.", "Orrel Bay",
        {"name": "Adelaide", "precision": 2}),
    "a capitalised side of a city's section is no area of its own": (
        "Elm Hollow is a neighbourhood in the Southeast section of Portland, Oregon.",
        "Elm Hollow", {"name": "Portland", "admin1": "Oregon", "precision": 2}),
    "a link called like the place itself is no area abroad of that name": (
        "Sinnar is a market town in Sinnar taluka, in the Indian state of Maharashtra.",
        "Sinnar", {"country_code": "IN", "admin1": "Mahārāshtra"}),
    "an abbreviation with full stops among the words before 'in'": (
        "Pell Ridge is a small community and a U.S. Post Office in Adams County, Colorado.",
        "Pell Ridge", {"name": "Adams County", "admin1": "Colorado"}),
    "'rural' before the area": (
        "Tarn Gap is an unincorporated community in rural Wallowa County, Oregon.", "Tarn Gap",
        {"name": "Wallowa County", "admin1": "Oregon"}),
    "an unknown region of the U.S. state of ...": (
        "Pine Hollow is a small community in the Upper Peninsula of the U.S. state of Michigan.",
        "Pine Hollow", {"name": "Michigan", "feature_code": "ADM1"}),
    "one of several parts, counted": (
        "Elm Row is one of five historic neighbourhoods of the city of Taunton, Massachusetts.",
        "Elm Row", {"name": "Taunton", "admin1": "Massachusetts", "precision": 2}),
    "part of a neighbourhood in a city": (
        "Birch End is part of the Quarry neighbourhood in Leeds, England.", "Birch End",
        {"name": "Leeds", "country_code": "GB", "precision": 2}),
    "a province later in the sentence, inside the stated country": (
        "Tarbes Ridge is a fishing town in Mexico, the second largest in Baja California.",
        "Tarbes Ridge", {"name": "Baja California", "feature_code": "ADM1"}),
    "the 'of' inside a gulf's name is no link": (
        "Clayhatchee Bend is a village along the Gulf of Mexico in the U.S. state of Florida.",
        "Clayhatchee Bend", {"name": "Florida", "feature_code": "ADM1"}),
    "the state's country, stated before it, holds it whatever follows": (
        "Orvin is a city in the U.S. state of Georgia, in Emanuel and Johnson counties.",
        "Orvin", {"country_code": "US", "admin1": "Georgia"}),
    "a district inside the stated province, in the next sentence": (
        "Orrin Flat is a village in New South Wales, Australia. It lies within Upper Lachlan "
        "Shire.", "Orrin Flat", {"name": "Upper Lachlan", "feature_code": "ADM2"}),
    "an unknown tehsil of a known district": (
        "Gorsi Khurd is a small village in the Tarvan tehsil of the Jodhpur District, Rajasthan.",
        "Gorsi Khurd", {"name": "Jodhpur", "feature_code": "ADM2", "precision": 2}),
    "'in both' of two counties": (
        "Elm Corner is a hamlet in both Steuben County, Indiana and Branch County, Michigan.",
        "Elm Corner", {"name": "Steuben County", "admin1": "Indiana"}),
    "an area whose name starts with a capital beyond A-Z": (
        "Vessby Kvarn is a former parish in Östergötland County, Sweden.", "Vessby Kvarn",
        {"feature_code": "ADM1", "admin1": "Östergötlands län", "precision": 3}),
    "an unknown division 'within' a city": (
        "Owera Hill is a hill that lies in Lutambe Division, within Kampala, the capital.",
        "Owera Hill", {"name": "Kampala", "country_code": "UG", "precision": 2}),
    "two names of one unknown district, joined by a slash": (
        "Valmora is a hamlet in the district of Tarlin/Verno in the Swiss canton of Graubünden.",
        "Valmora", {"name": "Graubünden", "feature_code": "ADM1", "precision": 3}),
    "two places stated together": (
        "Lea Barton and Cottam Green are villages in the City of Preston, Lancashire, England.",
        "Lea Barton", {"name": "Preston", "country_code": "GB", "precision": 2}),
    "a stated country is not a city named like it (Jamaica, Queens)": (
        "Port Kessel is a fishing town in Jamaica, on the north coast.", "Port Kessel",
        {"country_code": "JM"}),
}


@pytest.mark.parametrize("text, name, expected", STATED.values(), ids=list(STATED))
def test_stated_area(pipeline, text, name, expected):
    m = resolve(pipeline, text, name, gold_span=True)
    got = m.place.model_dump() | {"precision": m.precision}
    assert {k: got[k] for k in expected} == expected


def test_a_stated_distance_supports_the_namesake_that_far_away(pipeline):
    text = "Flooding closed roads around Springfield, 290 km from Chicago, on Monday."
    m = resolve(pipeline, text, "Springfield")
    assert m.place.admin1 == "Illinois" and "distance" in m.alternatives[0].features
    far = [a for a in m.alternatives if a.place.admin1 in ("Massachusetts", "Missouri")]
    assert all("distance" not in a.features for a in far)


def test_a_distance_from_a_town_the_text_names_picks_the_namesake_that_far(pipeline):
    # gold span: Knoxville is no mention, only a name in the text
    m = resolve(pipeline, "Flooding hit Clinton, some 20 miles north of Knoxville.", "Clinton",
                gold_span=True)
    assert m.place.admin1 == "Tennessee" and "distance" in m.alternatives[0].features
    assert m.precision == 1


# "X lies 58 km north of Y", "X is a village near Y": the town a place is measured from.  Each
# case: the text, the name (a given span), what the resolved mention must be (PlaceRef fields
# and precision) and a part of its note, if any.
MEASURED = {
    "an unknown place is put along the bearing from the town": (
        "Makari Siding is a small settlement in the Masvingo Province of Zimbabwe. It lies about "
        "58 km north of Masvingo on the railway line.", "Makari Siding",
        {"name": "Masvingo", "feature_code": "PPL", "precision": 2},
        "placed 58 km north of Masvingo"),
    "the town is read with the province the text names": (
        "Kara is an old township by the river, 69 km west of the city of Allahabad in Uttar "
        "Pradesh.", "Kara", {"name": "Prayagraj", "admin1": "Uttar Pradesh", "precision": 2},
        None),
    "an island of a country, and a town": (
        "Kellstone is a village in the South Island of New Zealand located 30 km south of "
        "Westport.", "Kellstone", {"name": "Westport", "country_code": "NZ", "precision": 2},
        None),
    "a district capital": (
        "Kolvi is a town situated 21 km (13 mi) southwest of the district capital of "
        "Surendranagar, Gujarat, India.", "Kolvi", {"name": "Surendranagar", "precision": 2},
        None),
    "a town with no namesake needs no named area": (
        "Alvara was a village in the Safad Subdistrict. It was located 10 km north of Safad.",
        "Alvara", {"name": "Safed", "precision": 2}, None),
    "the town must lie in the stated area (the store lacks Ukiah, Oregon)": (
        "Dale is an unincorporated community in Grant County, Oregon. It is located about "
        "17 miles south of Ukiah.", "Dale", {"name": "Grant County", "admin1": "Oregon"}, None),
    "a distance spelt out": (
        "Dellow Spring was a cattle station some twelve miles (19 km) north of Kingsville, Texas.",
        "Dellow Spring", {"name": "Kingsville", "admin1": "Texas", "precision": 2}, None),
    "a namesake in the stated area too far from the town (Milton, a Brisbane suburb)": (
        "Milton is a small town in Queensland, Australia. Milton is 60 kilometres south of "
        "Longreach, on the highway.", "Milton", {"name": "Longreach", "precision": 2},
        "placed 60 km south of Longreach"),
    "an unknown village near a town": (
        "Kelvale is a small village near Longreach, in Queensland.", "Kelvale",
        {"name": "Longreach", "precision": 2}, None),
    "a bearing of three compass words": (
        "Tallow Creek is a farm about 17 km north-north-west of Crookwell.", "Tallow Creek",
        {"name": "Crookwell", "precision": 2}, None),
    "the capital named after a comma": (
        "Shelling hit Kharvan, 30 km north of the provincial capital, Kandahar, on Monday.",
        "Kharvan", {"name": "Kandahār", "precision": 2}, "placed 30 km north of Kandahār"),
    "the next sentence starting 'Located'": (
        "Kesh Wells is a village in Tigray, Ethiopia. Located 35 km north of the town of Adwa, "
        "it has a market.", "Kesh Wells", {"name": "Adwa", "precision": 2},
        "placed 35 km north of Adwa"),
    "a distance by road": (
        "Dastak Kalay is a town, 25 km by road from Quetta city in Pakistan.", "Dastak Kalay",
        {"name": "Quetta", "country_code": "PK", "precision": 2}, "placed near Quetta"),
    "a capital called by its country's demonym": (
        "Harib Wells is a village about 40 km north of the Yemeni capital of Sanaa.",
        "Harib Wells", {"name": "Sanaa", "precision": 2}, "placed 40 km north of Sanaa"),
    "a city in the stated area is not checked against a smaller namesake of the town": (
        "Ensenada is a port city in Mexico. Lying 125 kilometres south of San Diego, it draws "
        "many visitors.", "Ensenada", {"name": "Ensenada", "country_code": "MX", "precision": 1},
        None),
}


@pytest.mark.parametrize("text, name, expected, note", MEASURED.values(), ids=list(MEASURED))
def test_measured_from_a_town(pipeline, text, name, expected, note):
    m = resolve(pipeline, text, name, gold_span=True)
    got = m.place.model_dump() | {"precision": m.precision}
    assert {k: got[k] for k in expected} == expected
    assert note is None or note in m.note


def test_near_a_city_the_text_names_is_no_namesake_far_away(pipeline):
    m = resolve(pipeline, "Rockets hit Hempstead, near Gillingham, on Monday.", "Hempstead")
    assert (m.place.name, m.place.country_code, m.precision) == ("Gillingham", "GB", 2)
    assert "placed near Gillingham" in m.note


def test_a_capitalised_side_at_the_start_of_the_stated_area(pipeline):
    m = resolve(pipeline, "Kelby Downs is a cattle town in Far North Queensland, Australia.",
                "Kelby Downs", gold_span=True)
    middle = resolve(pipeline, "Kelby Downs is a cattle town in Queensland, Australia.",
                     "Kelby Downs", gold_span=True)
    assert m.place.name == middle.place.name == "Queensland"
    assert m.place.lat > middle.place.lat + 2  # its north, not its middle


def test_a_distance_and_a_bearing_from_a_town_place_the_mention_along_it(pipeline):
    town = resolve(pipeline, "Snow fell on Winnipeg.", "Winnipeg").place
    m = resolve(pipeline, "Tarven Lake is a hamlet about 110 kilometres north of Winnipeg.",
                "Tarven Lake", gold_span=True)
    assert (m.place.name, m.precision) == ("Winnipeg", 2)
    assert 105 < haversine_km(m.place.lat, m.place.lon, town.lat, town.lon) < 115
    assert m.place.lat > town.lat + 0.9 and abs(m.place.lon - town.lon) < 0.01
    assert "placed 110 km north of Winnipeg" in m.note


def test_a_bearing_in_the_next_sentence_of_three_compass_words(pipeline):
    town = resolve(pipeline, "Snow fell on Winnipeg.", "Winnipeg").place
    m = resolve(pipeline, "Orlan Mills is a village in Manitoba. It lies 40 km north-north-west "
                "of Winnipeg.", "Orlan Mills", gold_span=True)
    north = haversine_km(m.place.lat, town.lon, town.lat, town.lon)
    west = haversine_km(town.lat, m.place.lon, town.lat, town.lon)
    assert m.place.lon < town.lon and 30 < north < 40 and 10 < west < 20


def test_a_town_measured_from_lies_in_the_one_country_the_text_names(pipeline):
    text = "Kerma Wells is a place in modern Sudan, about 15 km north of Sanam."
    start = text.index("Kerma Wells")
    doc = pipeline(Document(id="t", text=text, only_spans=[(start, start + 11)]))
    m = doc.mentions[0]
    assert m.place is None or m.place.country_code == "SD"  # no Sanom in Thailand


def test_a_distance_in_a_country_does_not_move_the_country(pipeline):
    m = resolve(pipeline, "Police in Sweden found the boat 40 km from Stockholm.", "Sweden")
    assert m.place.feature_code == "PCLI"


def test_stated_distances_link_a_name_to_the_place_it_is_measured_from():
    text = "Terzan lies 2 miles (3 km) north-east of the town of Orvik. Ulm, 40 km from Bax."
    mentions = [Mention(text=w, start=text.index(w), end=text.index(w) + len(w))
                for w in ("Terzan", "Orvik", "Ulm", "Bax")]
    assert stated_distances(text, mentions) == [("terzan", "orvik", 2 * 1.609),
                                                ("ulm", "bax", 40.0)]


def test_located_in_speaks_of_the_name_it_follows_only(pipeline):
    text = "Ducks were sampled in Talbot County in Maryland and in Crawford County located in " \
           "Pennsylvania."
    m = resolve(pipeline, text, "Talbot County", gold_span=True)
    assert m.place.admin1 == "Maryland"


def test_a_distance_not_set_off_after_a_name_belongs_to_the_sentence_subject():
    text = "Kora stands near Sirat on the Ganga and lies 69 km west of Allahabad."
    mentions = [Mention(text=w, start=text.index(w), end=text.index(w) + len(w))
                for w in ("Kora", "Sirat", "Ganga", "Allahabad")]
    assert stated_distances(text, mentions) == [("kora", "allahabad", 69.0)]


def test_the_stated_area_is_read_after_any_early_occurrence_of_the_name(pipeline):
    text = ("Orvell is a town in St. Lawrence County, New York. Farming and tourism keep it "
            "going. The Town of Orvell has a small museum.")
    late = text.rindex("Orvell")
    doc = pipeline(Document(id="t", text=text, only_spans=[(late, late + 6)]))
    assert doc.mentions[0].place.name == "St. Lawrence County"


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
    # the store has no "NSW": the province whose initials spell it
    assert (nsw.place.name, nsw.place.country_code) == ("New South Wales", "AU")


def test_a_country_is_not_another_country_spelled_alike(pipeline):
    text = "Cocoa farmers in Ghana, inside Ghana's western region, met buyers."
    assert resolve(pipeline, text, "Ghana").place.country_code == "GH"


def test_a_country_name_without_its_article_is_the_same_country(pipeline):
    text = "Aid reached the Democratic Republic of Congo after the floods."
    assert resolve(pipeline, text, "Democratic Republic of Congo").place.country_code == "CD"


def test_a_requested_span_is_resolved_among_the_other_places_of_the_text(pipeline):
    text = "Lancaster lies on the road between Preston and Kendal."
    doc = pipeline(Document(id="t", text=text, only_spans=[(0, 9)]))
    assert [(m.start, m.end) for m in doc.mentions] == [(0, 9)]  # the others are only context
    assert doc.mentions[0].place.country_code == "GB"
    assert "near" in doc.mentions[0].alternatives[0].features


def test_what_the_text_says_the_place_is_picks_its_kind(pipeline):
    m = resolve(pipeline, "Norfolk is a rural county. It borders Lincolnshire and Cambridgeshire.",
                "Norfolk", gold_span=True)
    assert (m.place.country_code, m.place.feature_code) == ("GB", "ADM2")
    assert m.alternatives[0].features["qualifier"] > 0
    m = resolve(pipeline, "Gray is the county seat of Jones County.", "Gray", gold_span=True)
    assert "qualifier" not in m.alternatives[0].features  # a county seat is no county


def test_listed_peers_are_the_other_names_of_a_list():
    text = "Cases in Ohio, Utah and Idaho; Paris, Texas; Lyon and Nice."
    mentions = [Mention(text=w, start=text.index(w), end=text.index(w) + len(w))
                for w in ("Ohio", "Utah", "Idaho", "Paris", "Texas", "Lyon", "Nice")]
    peers = listed_peers(text, mentions)
    assert peers["ohio"] == {"utah", "idaho"} and peers["lyon"] == {"nice"}
    assert "paris" not in peers  # "Paris, Texas" is a place and its state, not a list


def test_a_tally_of_places_is_a_list():
    text = "Cases: fifteen in Ontario, 12 in Alberta and one more in Quebec; two in Paris."
    mentions = [Mention(text=w, start=text.index(w), end=text.index(w) + len(w))
                for w in ("Ontario", "Alberta", "Quebec", "Paris")]
    assert listed_peers(text, mentions)["quebec"] == {"ontario", "alberta"}


def test_the_last_of_a_tally_of_provinces_is_a_province(pipeline):
    text = ("Cases by province: fifteen in British Columbia, twelve in Ontario, eight in "
            "Alberta and one in Quebec.")
    assert resolve(pipeline, text, "Quebec").place.feature_code == "ADM1"


def test_coordinate_peers_are_the_names_only_a_joined_list_gives():
    text = ("Smog over Leeds, York, Hull and Wakefield; Derby, Ohio, Kent. "
            "Hull is on the estuary.")
    words = [("Leeds", 10), ("York", 17), ("Hull", 23), ("Wakefield", 32), ("Derby", 43),
             ("Ohio", 50), ("Kent", 56), ("Hull", 62)]
    mentions = [Mention(text=w, start=at, end=at + len(w)) for w, at in words]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    peers = coordinate_peers(text, mentions)
    # Hull is also named on its own, so it may still be the others' area
    assert peers["leeds"] == {"york", "wakefield"}
    assert "derby" not in peers  # a run of commas may be a chain of areas: "X, Ohio"
    text = "Cases: 12 in Ontario, 3 in Alberta, one in Quebec."
    mentions = [Mention(text=w, start=text.index(w), end=text.index(w) + len(w))
                for w in ("Ontario", "Alberta", "Quebec")]
    assert coordinate_peers(text, mentions) == {}  # a tally without "and" is joined by commas


def test_a_list_peer_is_not_the_area_of_the_others(pipeline):
    # Boston, New York and Philadelphia, New York are villages; the writer lists four cities
    text = "Pollution from Boston, Hartford, New York and Philadelphia drifted north."
    assert resolve(pipeline, text, "Boston").place.admin1 == "Massachusetts"
    assert resolve(pipeline, text, "Philadelphia").place.admin1 == "Pennsylvania"
    # a chain of areas is no list: each holds the name before it
    text = "The town took its name from Stamford, Lincolnshire, England."
    m = resolve(pipeline, text, "Lincolnshire")
    assert (m.place.country_code, m.place.feature_code) == ("GB", "ADM2")


def test_a_name_listed_with_states_is_no_province_abroad(pipeline):
    # the Bahamas' Long Island district is the only province so called
    m = resolve(pipeline, "Storms struck Ohio, Indiana, Long Island and Michigan overnight.",
                "Long Island")
    assert m.place.country_code == "US"


def test_naming_many_countries_says_little_for_each(pipeline):
    # Miami, Queensland has 7,000 people; the list names Australia among ten countries
    text = ("The firm has offices in France, Germany, Italy, Spain, Portugal, Australia, Japan, "
            "Brazil, Chile and Mexico. Its newest branch opened in Miami last week.")
    m = resolve(pipeline, text, "Miami")
    assert m.place.admin1 == "Florida"
    assert m.alternatives[0].features.get("country_named", 0) == 0
    # the one country a text names still counts in full
    text = "Lifeguards in Australia closed the beach at Miami after a shark sighting."
    m = resolve(pipeline, text, "Miami")
    assert (m.place.admin1, m.alternatives[0].features["country_named"]) == ("Queensland", 3.0)


def test_names_listed_with_states_are_states(pipeline):
    doc = pipeline(Document(id="t", text="Cases were reported in Washington, Pennsylvania and "
                                         "California this week."))
    assert [m.place.feature_code for m in doc.mentions] == ["ADM1"] * 3
    assert all("list" in m.alternatives[0].features for m in doc.mentions)


def test_an_area_found_for_a_bare_word_does_not_beat_a_namesake_the_text_places(pipeline):
    # "Hempstead" is also Hempstead County, Arkansas; the text places Garden City in New York
    m = resolve(pipeline, "Garden City, New York, is a village in the town of Hempstead.",
                "Garden City", gold_span=True)
    assert (m.place.admin1, m.precision) == ("New York", 1)


@pytest.mark.parametrize("text", ["Insurgents raided Palma (Cabo Delgado) at dawn.",
                                  "Insurgents raided Palma, Cabo Delgado, at dawn.",
                                  "Insurgents raided Palma district (Cabo Delgado) at dawn."])
def test_a_town_missing_from_the_store_is_placed_in_the_area_its_qualifier_names(pipeline, text):
    """The default store has no Palma in Mozambique: Mallorca's would be a wrong town."""
    m = resolve(pipeline, text, "Palma")
    assert (m.place.name, m.place.country_code, m.place.feature_code) == \
        ("Cabo Delgado", "MZ", "ADM1")
    assert m.precision == 3 and "area the text states" in m.note


def test_a_place_listed_with_countries_is_not_placed_in_the_next_one(pipeline):
    m = resolve(pipeline, "Flights from Moscow, Ukraine and Belarus were cancelled.", "Moscow")
    assert (m.place.country_code, m.precision) == ("RU", 1)


def test_a_parenthesised_area_picks_the_namesake_inside_it(pipeline):
    m = resolve(pipeline, "Farmers marched in Hyderabad (Sindh) on Friday.", "Hyderabad")
    assert m.place.country_code == "PK" and "contained" in m.alternatives[0].features


@pytest.mark.parametrize("text, town, state, country", [
    ("The fair opened in Paris, Ky., on Saturday.", "Paris", "Kentucky", "US"),
    ("He moved to Portland, Ore., last year.", "Portland", "Oregon", "US"),
    ("Police in Winnipeg, Man., said so.", "Winnipeg", "Manitoba", "CA"),
    ("Roads near Fresno, CA were closed.", "Fresno", "California", "US"),
])
def test_a_state_abbreviation_names_the_state_and_qualifies_the_town(pipeline, text, town,
                                                                      state, country):
    m = resolve(pipeline, text, town)
    assert (m.place.country_code, m.place.admin1) == (country, state)
    assert "contained" in m.alternatives[0].features
    abbreviation = text[m.end + 2:].split()[0].rstrip(",")
    s = resolve(pipeline, text, abbreviation)
    assert (s.place.name, s.place.feature_code) == (state, "ADM1")


def test_a_town_spelt_like_a_state_abbreviation_stays_the_town(pipeline):
    m = resolve(pipeline, "Traders from Akure, Ore and Ondo met on Monday.", "Ore")
    assert (m.place.country_code, m.place.feature_code) == ("NG", "PPL")


def test_a_spelling_variant_does_not_beat_a_namesake_spelt_as_written_that_fits(pipeline):
    """Newark's state is named too, but New York itself fits the text."""
    m = resolve(pipeline, "She planned concerts in New Jersey and New York for the winter.",
                "New York")
    assert m.place.name != "Newark" and m.place.admin1 == "New York"


def test_a_spelling_variant_wins_where_no_namesake_spelt_as_written_fits(pipeline):
    """Żary (Poland) and Zari (China) are called Zhari exactly; the text is in Kandahar."""
    m = resolve(pipeline, "Fighting was reported in Zhari district of Kandahar province.", "Zhari")
    assert (m.place.country_code, m.place.feature_code) == ("AF", "ADM2")


def test_a_sea_is_not_a_faraway_town_of_its_name(pipeline):
    """The default store has no seas; Baltic, Connecticut is not the Baltic Sea."""
    m = resolve_any(pipeline, "Ships crossed the Baltic Sea near Sweden.", "Baltic")
    assert m.place is None and m.note.startswith("not in the gazetteer as a lake, river, sea")


def test_a_sea_is_no_province_named_after_it(pipeline):
    """Egypt's and Sudan's Red Sea provinces are not the sea; with its kind word, Sudan's is."""
    m = resolve_any(pipeline, "The Houthis attacked a tanker in the Red Sea on Tuesday.",
                    "Red Sea")
    assert m.place is None or not m.place.feature_code.startswith("ADM")
    m = resolve_any(pipeline, "Floods hit Port Sudan, the capital of Sudan's Red Sea state.",
                    "Red Sea")
    assert (m.place.country_code, m.place.feature_code) == ("SD", "ADM1")


def test_a_lake_is_no_faraway_province_or_town_of_its_name(pipeline):
    """Lake Victoria is neither the Australian state nor Victoria, Hong Kong."""
    m = resolve_any(pipeline, "Fishermen on Lake Victoria were robbed at night.", "Victoria")
    assert m.place is None and "lake, river, sea" in m.note


def test_water_named_after_a_country_stays_with_the_country(pipeline):
    m = resolve_any(pipeline, "Oil spilled into the Gulf of Mexico on Friday.", "Mexico")
    assert (m.place.country_code, m.place.feature_code, m.precision) == ("MX", "PCLI", 3)


def test_a_gulf_named_after_a_town_of_the_text_is_placed_near_it(pipeline):
    m = resolve_any(pipeline, "Pirates seized a tanker in the Gulf of Aden off Yemen.", "Aden")
    assert (m.place.name, m.precision) == ("Aden", 2)


def test_a_town_a_gulf_is_named_after_is_the_town_where_named_alone(pipeline):
    """One sense per name is not one place per name: the gulf lies beside the city its other
    mentions name, with nothing else in the story to tie either to the region."""
    doc = pipeline(Document(id="t", text="Warships sailed into the Gulf of Riga. Officials in "
                                         "Riga said the drills would last a week."))
    gulf, city = (m for m in doc.mentions if m.text == "Riga")
    assert (gulf.place.name, gulf.precision) == ("Riga", 2)
    assert (city.place.name, city.precision) == ("Riga", 1)


def test_a_river_named_after_a_town_of_the_text_is_placed_near_it(pipeline):
    m = resolve(pipeline, "Clashes went on along the Kabul River in Afghanistan.", "Kabul")
    assert (m.place.country_code, m.precision) == ("AF", 2)


def resolve_any(pipeline, text, name):
    doc = pipeline(Document(id="t", text=text))
    return next(m for m in doc.mentions if m.text == name)


@pytest.mark.parametrize("text, name, country, admin1", [
    # the country before "state of" holds the state: Punjab is in India, not Pakistan
    ("Kotla is a village in the Indian state of Punjab.", "Kotla", "IN", "Punjab"),
    # a territory is a country of its own in GeoNames, yet "of the United States"
    ("Agat is a village on the west coast of the United States territory of Guam.", "Agat",
     "GU", None),
    # a barrio is part of the city, not of the province of the same name
    ("Belgrano is a barrio (district) in Buenos Aires, Argentina.", "Belgrano", "AR",
     "Ciudad Autónoma de Buenos Aires"),
    # "Trujillo city": the Peruvian city, not Venezuela's Trujillo state
    ("Moche is a town on the south side of Trujillo city, in La Libertad, Peru.", "Moche",
     "PE", "La Libertad"),
    # a demonym is no area ("Argentine", a town in Kansas) but names the country holding it
    ("Recoleta is a barrio of the Argentine capital, Buenos Aires.", "Recoleta", "AR",
     "Ciudad Autónoma de Buenos Aires"),
    # "the city of Northampton ... Massachusetts": the small city, not a county or England's
    ("Leeds is a village in the west of the city of Northampton, near Easthampton in the "
     "U.S. state of Massachusetts.", "Leeds", "US", "Massachusetts"),
    # "the French Prairie area of Marion County": the county is the next link
    ("Fargo is a hamlet in the French Prairie area of Marion County, Oregon, United States.",
     "Fargo", "US", "Oregon"),
    # "inner southeast Portland": Portland, Oregon
    ("Sellwood is a neighborhood located in inner southeast Portland, Oregon.", "Sellwood",
     "US", "Oregon"),
    # the mountains are not Pyrenees Shire in Australia when the text names France
    ("Tarbes is a town lying in the foothills of the Pyrenees. It is part of the "
     "Hautes-Pyrénées department in south-western France.", "Tarbes", "FR", None),
])
def test_the_stated_area_is_read_as_a_careful_reader_would(pipeline, text, name, country,
                                                           admin1):
    m = resolve(pipeline, text, name, gold_span=True)
    assert m.place.country_code == country
    assert admin1 is None or m.place.admin1 == admin1


@pytest.mark.parametrize("text", ["Israeli strikes hit Gaza overnight, officials said.",
                                  "Aid trucks entered Gaza from Egypt on Sunday."])
def test_a_province_in_a_country_the_text_never_suggests_loses_its_area_prior(pipeline, text):
    m = resolve(pipeline, text, "Gaza")
    assert m.place.country_code == "PS"


def test_a_large_province_still_beats_foreign_towns_when_the_text_is_elsewhere(pipeline):
    m = resolve(pipeline, "Sharks bite in New Zealand, and one was seen in Florida.", "Florida")
    assert (m.place.country_code, m.place.feature_code) == ("US", "ADM1")


def test_a_province_alone_in_its_text_keeps_the_area_prior(pipeline):
    """Not California, a village in Maryland."""
    m = resolve(pipeline, "Heavy rain fell on California this week.", "California")
    assert (m.place.country_code, m.place.feature_code) == ("US", "ADM1")


@pytest.mark.parametrize("text, name, country", [
    ("Rescued dogs at the Manchester shelter need homes.", "Manchester", "GB"),
    ("Another quake hit Christchurch tonight.", "Christchurch", "NZ"),
    ("Heavy rain fell on Gaza this week.", "Gaza", "PS"),
])
def test_a_city_bigger_than_a_province_of_its_name_is_what_the_name_means(pipeline, text,
                                                                           name, country):
    """Jamaica's Manchester parish, Barbados' Christ Church and Mozambique's Gaza province hold
    fewer people in their towns than the city of the name: alone, the name is the city."""
    m = resolve(pipeline, text, name)
    assert (m.place.country_code, m.place.feature_code[:3]) == (country, "PPL")


@pytest.mark.parametrize("text, country", [
    ("He was arrested in Goma, eastern Congo.", "CD"),
    ("Brazzaville is the capital of Congo.", "CG"),
])
def test_congo_is_whichever_congo_the_text_is_about(pipeline, text, country):
    """Both countries are called Congo; the store names only the smaller one so."""
    assert resolve(pipeline, text, "Congo").place.country_code == country


def test_korea_alone_is_south_korea(pipeline):
    """Not Koréa, a village in Ivory Coast."""
    m = resolve(pipeline, "Exports from Korea rose in May.", "Korea")
    assert (m.place.country_code, m.place.feature_code) == ("KR", "PCLI")


def test_america_alone_is_the_united_states(pipeline):
    """Not América, a town in Buenos Aires province; "South America" stays the continent."""
    assert resolve(pipeline, "Storms swept across America this week.", "America"
                   ).place.country_code == "US"
    south = resolve(pipeline, "Flights to South America resumed.", "South America")
    assert south.place.feature_code == "CONT"


@pytest.mark.parametrize("text, name, area, axis, sign", [
    ("Fires burned across Northern California.", "Northern California", "California", 0, 1),
    ("Shelling went on in Eastern Ukraine.", "Eastern Ukraine", "Ukraine", 1, 1),
    ("Rains failed in West Africa.", "West Africa", "Africa", 1, -1),
])
def test_a_side_of_a_known_area_is_placed_on_that_side_of_it(pipeline, gaz, text, name, area,
                                                               axis, sign):
    m = resolve(pipeline, text, name)
    whole = next(c.place for c in gaz.lookup(area, limit=10) if c.place.feature_class == "A"
                 or c.place.feature_code == "CONT")
    assert (m.place.name, m.precision) == (whole.name, 3) and "part of" in m.note
    here, there = (m.place.lat, m.place.lon), (whole.lat, whole.lon)
    assert sign * (here[axis] - there[axis]) > 0


@pytest.mark.parametrize("text, name", [
    ("Cases were found in Oklahoma, Pennsylvania and Texas.", "Oklahoma"),
    ("Cases rose in Michigan, Oregon, New Mexico, Ohio and Wisconsin.", "Oregon"),
])
def test_in_a_list_of_states_each_name_is_a_state(pipeline, text, name):
    """Not Oklahoma, Pennsylvania nor Oregon, Wisconsin: the list names those states too."""
    m = resolve(pipeline, text, name)
    assert (m.place.name, m.place.feature_code) == (name, "ADM1")


def test_a_town_qualified_inside_a_list_keeps_its_qualifier(pipeline):
    text = "Cases were found in Springfield, Illinois and Springfield, Missouri."
    m = resolve(pipeline, text, "Springfield")  # one sense per name: either, qualified
    assert m.place.admin1 in ("Illinois", "Missouri") and m.place.feature_code == "PPL"
    assert "contained" in m.alternatives[0].features


@pytest.mark.parametrize("text, name, city", [
    ("Storms flooded roads across Greater Manchester.", "Greater Manchester", "Manchester"),
    ("Typhoon rains flooded Metro Manila overnight.", "Metro Manila", "Manila"),
])
def test_greater_or_metro_before_a_city_is_placed_at_that_city_as_its_area(pipeline, text, name,
                                                                          city):
    """No place is so called in the store, but the city is: precision 2, not unresolved."""
    m = resolve(pipeline, text, name)
    assert (m.place.name, m.precision) == (city, 2)


def test_a_province_s_city_called_after_it_does_not_take_its_bare_name(pipeline):
    """"Oklahoma" is the state; Oklahoma City is called "Oklahoma" only as a short name."""
    m = resolve(pipeline, "Storms swept across Oklahoma overnight.", "Oklahoma")
    assert (m.place.feature_code, m.place.country_code) == ("ADM1", "US")


def test_towns_with_their_states_are_no_list_of_states(pipeline):
    """"Tulsa, Oklahoma and Wichita, Kansas": Tulsa's only province namesake is a spelling
    variant abroad, so the states around it do not make it one."""
    m = resolve(pipeline, "Floods hit Tulsa, Oklahoma and Wichita, Kansas.", "Tulsa")
    assert (m.place.name, m.place.feature_code, m.precision) == ("Tulsa", "PPL", 1)


def test_the_state_of_x_is_the_state_not_its_capital_city(pipeline):
    m = resolve(pipeline, "Gunmen killed nine people in the Mexican state of Guanajuato.",
                "Guanajuato")
    assert (m.place.feature_code, m.place.country_code) == ("ADM1", "MX")


def test_a_side_of_a_province_abroad_is_no_side_of_it(pipeline):
    """The store's only Midlands is Zimbabwe's province: a story set in England that speaks of
    "the West Midlands" does not mean its western part."""
    text = "Four nurses in England fell ill, and two died in the West Midlands last week."
    m = resolve_any(pipeline, text, "West Midlands")
    assert m.place is None or m.place.country_code == "GB"
    text = "Villages in Eastern Kasai, in Congo, were attacked."  # the country agrees
    assert resolve(pipeline, text, "Eastern Kasai").place.country_code == "CD"


def test_two_compass_words_before_an_area_are_a_side_of_that_area(pipeline):
    """"South West England" is no Cameroonian province "South-West", and it still names
    England for the other places of the text."""
    doc = pipeline(Document(id="t", text="Floods hit Cornwall in South West England."))
    got = {m.text: m for m in doc.mentions}
    assert (got["South West England"].place.name, got["South West England"].precision) == \
        ("England", 3)
    assert got["Cornwall"].place.country_code == "GB"
    assert [m.text for m in pipeline(Document(id="t", text="The Central Bank met.")).mentions
            if m.kind == "place"] == []


def test_compass_words_alone_are_no_town_so_called(pipeline):
    """"the Middle East" is a region the store lacks, not a hamlet in Maryland."""
    doc = pipeline(Document(id="t", text="Tensions rose across the Middle East."))
    (m,) = [m for m in doc.mentions if m.text == "Middle East"]
    assert m.place is None


def test_a_name_in_parentheses_after_a_place_is_its_area(pipeline):
    """"Seytenga (Seno)": Burkina Faso's province Séno, not the Lao town also called Seno;
    "Mandalay (Mandalay)" stays the city, one sense per name."""
    m = resolve(pipeline, "Armed men killed 12 villagers in an attack on Seytenga (Seno).",
                "Seno")
    assert (m.place.country_code, m.place.feature_code) == ("BF", "ADM2")
    m = resolve(pipeline, "Police fired at protesters in Mandalay (Mandalay).", "Mandalay")
    assert m.place.feature_code == "PPL"


def test_an_unknown_name_set_off_as_a_village_of_an_area_is_placed_at_that_area(pipeline):
    m = resolve(pipeline, "Troops entered Zlorvik, a village in Kenya, at dawn.", "Zlorvik")
    assert (m.place.name, m.precision) == ("Kenya", 3)
    assert "placed at that area" in m.note


def test_a_known_name_is_not_moved_by_an_apposition_it_fits_without(pipeline):
    """Only a name the store lacks takes the area of ", a suburb of X" on its word alone."""
    m = resolve(pipeline, "Kibera, a suburb of Nairobi City, saw clashes.", "Kibera")
    assert m.place.country_code == "KE"


def test_an_armed_group_named_in_the_story_counts_for_its_country(pipeline):
    """Beside Hamas, Gaza is Palestinian by the story's country, not by size alone."""
    m = resolve(pipeline, "Hamas said the talks on Gaza had stalled again.", "Gaza")
    assert m.place.country_code == "PS"
    assert "country" in m.alternatives[0].features


def test_group_names_other_bodies_share_give_no_country():
    from geomap import lexicon
    assert lexicon.group_countries("The ADF, the RSF and the SDF issued statements.") == {}
    assert lexicon.group_countries("Hezbollah and Hamas; Hamas again.") == {"LB": 1, "PS": 2}


def test_a_region_whose_sides_are_provinces_is_placed_at_their_middle(pipeline):
    """No place is called Darfur; North, South, West, Central and East Darfur are provinces."""
    m = resolve(pipeline, "Militias burned villages across Darfur last week.", "Darfur")
    assert (m.place.country_code, m.precision) == ("SD", 3)
    assert 11 < m.place.lat < 15 and 22 < m.place.lon < 27  # western Sudan, not its middle
    assert "North Darfur" in m.note and "South Darfur" in m.note


def test_a_region_of_districts_is_placed_in_their_province(pipeline):
    m = resolve(pipeline, "Drone strikes were reported in Waziristan on Monday.", "Waziristan")
    assert (m.place.country_code, m.place.feature_code, m.precision) == ("PK", "ADM1", 3)


def test_a_region_of_sides_beats_a_small_faraway_town_of_its_name(pipeline):
    """A hamlet in Mexico is called Sinai; North and South Sinai are Egypt's."""
    m = resolve(pipeline, "Militants attacked a checkpoint in Sinai on Monday.", "Sinai")
    assert (m.place.country_code, m.precision) == ("EG", 3)
    assert any(a.place.country_code != "EG" for a in m.alternatives[1:])  # the town is kept
    # a town the text places stays: no region is meant
    m = resolve(pipeline, "Heavy rain flooded streets in Sinai, Mexico, on Monday.", "Sinai")
    assert (m.place.country_code, m.precision) == ("MX", 1)


def mentions_by_text(pipeline, text):
    return {m.text: m for m in pipeline(Document(id="t", text=text)).mentions}


def test_a_small_town_abroad_with_nothing_for_it_is_left_unresolved(pipeline):
    """Piccadilly in London is not the Western Australian village of that name; the village
    stays among the alternatives, and with no story around it the village is still meant."""
    got = mentions_by_text(pipeline, "Police met an informant at a cafe in Piccadilly, near the"
                                     " theatres of London, England.")
    m = got["Piccadilly"]
    assert m.place is None and m.precision is None and "no support in the text" in m.note
    assert [a.place.country_code for a in m.alternatives] == ["AU"]
    assert got["London"].place.country_code == "GB"
    alone = resolve(pipeline, "He grew up in Piccadilly.", "Piccadilly")
    assert alone.place.country_code == "AU"


def test_a_name_the_text_calls_a_province_is_no_town_abroad(pipeline):
    """Kenya's former Nyanza province is not in the store; Rwanda's town Nyanza is not it."""
    text = "Doctors ran camps in Nyanza province. Kisumu and Siaya, in western Kenya, saw cases."
    got = mentions_by_text(pipeline, text)
    assert got["Nyanza"].place is None
    assert got["Kisumu"].place.country_code == "KE"


def test_a_kind_word_counts_against_namesakes_of_another_kind(pipeline):
    district = resolve(pipeline, "Troops clashed with militants in Shopian district.", "Shopian")
    assert (district.place.feature_code, district.precision) == ("ADM2", 2)
    town = resolve(pipeline, "Troops clashed with militants in Shopian.", "Shopian")
    assert town.place.feature_code.startswith("PPL") and town.precision == 1


def test_a_town_left_unresolved_contains_no_unknown_name(pipeline):
    """"Zorvat of Pusht Rod district": the Iranian village called Pusht is no container."""
    got = mentions_by_text(pipeline, "Gunmen shot 2 farmers in Zorvat of Pusht Rod district,"
                                     " Farah province.")
    assert got["Zorvat"].place is None
    assert all(m.place is None or m.place.country_code == "AF" for m in got.values())


def test_an_area_of_the_district_lies_in_the_district_named_before(pipeline):
    """ACLED's "in the X area of Y district" and, for a second incident, "in the Z village of
    the district": both unknown names are placed in that district, precision 2."""
    text = ("Militants attacked the Makhmal Kocha area of Imam Sahib district, Kunduz. Later 3"
            " soldiers died in the Bota Kashan village of the district.")
    got = mentions_by_text(pipeline, text)
    district = got["Imam Sahib"].place
    for name in ("Makhmal Kocha", "Bota Kashan"):
        assert (got[name].place.id, got[name].precision) == (district.id, 2)
        assert "containing area" in got[name].note


def test_a_stated_chain_matches_areas_written_with_their_kind_word(pipeline):
    """"Attock District, Punjab Province": the district lies in Punjab as stored, so the
    district (the chain's finest known link) is where the unknown village is placed."""
    text = ("Zorbala is a village of Jand Tehsil, Attock District, Punjab Province, Pakistan."
            " Zorbala has a school.")
    m = resolve(pipeline, text, "Zorbala", gold_span=True)
    assert (m.place.name, m.place.feature_code, m.precision) == ("Attock District", "ADM2", 2)
    # an area's own name is not one of its areas: West Grey lies in Grey County, Ontario, not
    # in Manitoba's district called Grey
    text = "Durmel is a community in the municipality of West Grey, Grey County, Ontario."
    m = resolve(pipeline, text, "Durmel", gold_span=True)
    assert m.place.admin1 == "Ontario"


def test_an_unknown_place_in_a_side_of_its_stated_area_is_placed_on_that_side(pipeline):
    whole = resolve(pipeline, "Korvel is a small town in Ontario, Canada.", "Korvel",
                    gold_span=True)
    side = resolve(pipeline, "Korvel is a small town in southwestern Ontario, Canada.", "Korvel",
                   gold_span=True)
    assert side.place.name == whole.place.name and side.precision == 3
    assert side.place.lat < whole.place.lat - 1  # the south of the province's places
    assert "southwestern part" in side.note


def test_a_town_before_a_chain_of_its_areas_is_placed_in_them_not_abroad(pipeline):
    """"Stroud, Ontario, Canada": the store lacks the Ontario village, and the English town
    of the name is not it; a province and its country after a town are no list."""
    text = "The driver was arrested on Highway 11 in Stroud, Ontario, Canada, on Monday."
    m = resolve(pipeline, text, "Stroud")
    assert (m.place.name, m.place.country_code, m.precision) == ("Ontario", "CA", 3)
    listed = resolve(pipeline, "Flights from Moscow, Ukraine and Belarus were cut.", "Moscow")
    assert listed.place.country_code == "RU"  # a list of countries qualifies nothing


def test_a_name_after_a_town_and_a_comma_is_the_area_holding_that_town(pipeline):
    """"Pandi, Bulacan": Bulacan province, which holds Pandi, not the town of Bulacan; but
    "Queens, New York" is the city, which holds Queens too, and "Odesa (Odesa, Odesa)" does
    not make the city its own province."""
    got = mentions_by_text(pipeline, "About 6,000 pigs at Pandi, Bulacan and Talavera farms had"
                                     " tested positive.")
    assert (got["Bulacan"].place.feature_code, got["Bulacan"].precision) == ("ADM2", 2)
    # nor a village called Bulacan in a province the story names later
    got = mentions_by_text(pipeline, "Pigs died at Pandi, Bulacan on Monday. Far to the south, "
                                     "farms near Santa Maria, Davao del Sur, reported no cases.")
    bulacan = got["Bulacan"].place
    assert (bulacan.feature_code, bulacan.admin1) == ("ADM2", "Central Luzon")
    got = mentions_by_text(pipeline, "Students at a school in Queens, New York fell ill.")
    assert got["New York"].place.feature_code.startswith("PPL")
    text = "SBU officers detained a man in Odesa (Odesa, Odesa) on Monday."
    assert resolve(pipeline, text, "Odesa").place.feature_code.startswith("PPL")


_ONE_DOC = """
import json, sys
from geomap.evaluate import load_corpus
from geomap.pipeline import Pipeline
from geomap.models import Document
text = next(d.text for d in load_corpus("WikToR") if d.text.startswith(sys.argv[1]))
doc = Pipeline()(Document(id="t", text=text))
print(json.dumps(doc.model_dump(mode="json"), sort_keys=True))
"""


@needs_corpora
def test_answers_do_not_depend_on_the_process_hash_seed(default_store):
    """Each worker of a batch hashes strings with its own seed: a tie broken by a set's order
    ("Illinois, Iowa, and Wisconsin": which kind the list's names share) changed a
    development-corpus excerpt's answers from one process to another."""
    import os
    import subprocess
    import sys
    env = dict(os.environ, GEOMAP_GAZETTEER=str(default_store))
    start = "Grant County is a county located in the U.S. state of Wisconsin"
    outs = {subprocess.run([sys.executable, "-c", _ONE_DOC, start],
                           env=dict(env, PYTHONHASHSEED=seed), capture_output=True, text=True,
                           check=True).stdout for seed in ("1", "2")}
    assert len(outs) == 1


def test_what_others_were_is_no_stated_area(pipeline):
    # "were ... the capital city of Nairobi" is said of the nurses, not of Kisumu
    text = "Nurses from the port town of Kisumu were flown to the capital city of Nairobi."
    assert resolve(pipeline, text, "Kisumu").place.name == "Kisumu"


def test_an_area_said_of_another_name_does_not_move_a_country(pipeline):
    # the sentence after "Kenya" states Molo's county: Kenya is no place inside it
    m = resolve(pipeline, "Buyers came from Kenya and Molo is a town in Nakuru County.", "Kenya")
    assert m.place.feature_code == "PCLI" and m.place.country_code == "KE"


def test_a_finer_area_does_not_move_a_town_out_of_the_stated_province(pipeline):
    # Kozan lies in Adana Province, not in its Seyhan district
    m = resolve(pipeline, "Kozan is a city in Adana Province, Turkey, near the old plain in "
                "Seyhan.", "Kozan", gold_span=True)
    assert (m.place.name, m.place.feature_code, m.precision) == ("Kozan", "PPL", 1)


def test_a_distance_does_not_overrule_the_state_written_after_the_town(pipeline):
    # some other Louisville lies 35 miles from some other Austin; the text says Kentucky
    m = resolve(pipeline, "Needle exchanges opened in Louisville, Kentucky, about 35 miles "
                "south of Austin.", "Louisville")
    assert (m.place.admin1, m.precision) == ("Kentucky", 1)


def test_a_state_named_elsewhere_does_not_make_a_village_the_famous_city(pipeline):
    # Boston, New York has 8,000 people; the story names New York for its governor only
    m = resolve(pipeline, "The mayor of Boston declared a flu emergency on Friday. In Albany, "
                "the New York governor asked for calm.", "Boston")
    assert m.place.admin1 == "Massachusetts"
    # the writer's own words still place the village: "Boston, New York"
    m = resolve(pipeline, "Snow closed schools in Boston, New York, south of Buffalo.", "Boston")
    assert m.place.admin1 == "New York"


@pytest.mark.parametrize("text, name, expected", [
    # Yuma was once "Arizona City": a variant spelling makes no town of the state's name
    ("Wildfires forced evacuations across Arizona on Sunday.", "Arizona", ("US", "ADM1")),
    ("Storms hit Oklahoma overnight.", "Oklahoma", ("US", "ADM1")),
    ("Crowds filled the streets of New York on Sunday.", "New York", ("US", "PPL")),
    # Cumberland, Maryland is called Cumbria only among its alternate names
    ("Floods closed roads across Cumbria on Tuesday.", "Cumbria", ("GB", "ADM2")),
    # ... but Chaghcharan, now Fayroz Koh, is the seat of the district named after it
    ("Police in Ghor said a bomb hit a minibus in Chaghcharan on Monday.", "Chaghcharan",
     ("AF", "PPL")),
])
def test_a_province_or_the_city_called_after_it(pipeline, text, name, expected):
    m = resolve(pipeline, text, name)
    assert (m.place.country_code, m.place.feature_code) == expected


def test_a_lone_town_abroad_yields_to_the_area_so_called_in_the_story(pipeline):
    # Fife, Washington is a town of 10,000; the story is in the UK, where Fife is a council area
    text = ("Hens at a farm in Norfolk, England were culled on Monday. An outbreak in the "
            "Netherlands in 2003 sickened 80 people. The only other case in the UK was a swan "
            "found in Fife.")
    m = resolve(pipeline, text, "Fife")
    assert (m.place.country_code, m.place.feature_code, m.precision) == ("GB", "ADM2", 2)


def test_every_name_of_a_list_after_states_of_is_such_an_area(pipeline):
    text = ("MPs in London heard that cannabis is now sold legally in the US states of Colorado "
            "and Washington.")
    m = resolve(pipeline, text, "Washington")
    assert (m.place.feature_code, m.place.admin1) == ("ADM1", "Washington")  # not the capital


@pytest.mark.parametrize("text", [
    "Peach growers in the state of Georgia lost half their crop.",
    "Officials in Georgia state said the peach harvest failed.",
    "Peach growers in the southern state of Georgia lost half their crop.",
    "The firm also sells peaches in the states of Alabama and Georgia.",
])
def test_a_name_the_text_calls_a_state_is_no_country_abroad(pipeline, text):
    """The US state, not the country in the Caucasus: a state of a country is no country."""
    m = resolve(pipeline, text, "Georgia")
    assert (m.place.feature_code, m.place.country_code) == ("ADM1", "US")


@pytest.mark.parametrize("text, name", [
    ("Ships sailed south of the sovereign state of Cuba.", "Cuba"),  # a state that is a country
    ("Hebei is a province of China on the Bohai Sea.", "China"),  # what the province lies in
    ("Its official name is the Plurinational State of Bolivia, the envoy said in Bolivia.",
     "Bolivia"),
    # the country's own part beside it: one sense per name keeps the country for every "Mexico"
    ("Toluca lies in Mexico State, in central Mexico.", "Mexico"),
])
def test_a_country_stays_one_where_no_part_of_another_country_is_meant(pipeline, text, name):
    assert resolve(pipeline, text, name).place.feature_code.startswith("PCL")


@pytest.mark.parametrize("text, name, kind", [
    # a governor governs a state or province, a mayor a town
    ("New York Governor Ann Lee ordered the schools shut.", "New York", "ADM1"),
    ("The school was named after a governor of New York.", "New York", "ADM1"),
    ("The governor of Kandahar said the road was open again.", "Kandahar", "ADM1"),
    ("The mayor of Kandahar said the road was open again.", "Kandahar", "PPL"),
])
def test_the_office_named_with_a_place_says_its_kind(pipeline, text, name, kind):
    assert resolve(pipeline, text, name).place.feature_code == kind


@pytest.mark.parametrize("text, name, kind", [
    ("The coffee fair moved to Medellín, the capital of Antioquia.", "Antioquia", "ADM1"),
    # the city that is the provincial capital, not the province
    ("The village lies 30 km north of the provincial capital of Varna.", "Varna", "PPL"),
])
def test_the_capital_of_a_place_is_held_by_it(pipeline, text, name, kind):
    assert resolve(pipeline, text, name).place.feature_code == kind


def test_a_province_spelt_another_way_is_found_in_the_story_country(pipeline):
    """ACLED's "Nimruz" and "Urozgan" are the store's Nimroz and Uruzgan: a loose spelling of a
    province in the story's country (the Afghan soldiers) needs no nearer support."""
    text = "On Monday, Taliban fighters killed 2 Afghan soldiers in Delaram district, Nimruz."
    m = resolve(pipeline, text, "Nimruz")
    assert (m.place.feature_code, m.place.country_code) == ("ADM1", "AF")


def test_an_unknown_district_is_placed_in_the_province_after_it(pipeline):
    text = ("On Monday, Taliban fighters killed 2 Afghan soldiers in Qarvosh Rod (Delaram) "
            "district, Nimruz.")
    m = resolve(pipeline, text, "Qarvosh Rod")
    assert (m.place.feature_code, m.place.country_code, m.precision) == ("ADM1", "AF", 3)


def test_the_next_village_of_a_list_holds_none_of_the_others(pipeline):
    text = "The town's villages are Zarqosh Village, Longtan Village and Heping Village."
    assert resolve_any(pipeline, text, "Zarqosh").place is None


@pytest.mark.parametrize("text, name, country, admin1, precision", [
    # the store has no Overberg in South Africa, only a Dutch village so called
    ("Sheep farmers in the Overberg region of South Africa lost half their flocks.", "Overberg",
     "ZA", None, 3),
    # Craven County, North Carolina is no district of North Yorkshire
    ("Walkers were rescued on the fells of the Craven district of North Yorkshire, England.",
     "Craven", "GB", "England", 2),
    # the Adhamiyah district the store holds lies in Dahuk, not Baghdad
    ("Gunmen attacked a checkpoint in the Adhamiyah district of Baghdad on Monday.", "Adhamiyah",
     "IQ", "Baghdād", 3),
])
def test_the_area_a_name_is_said_to_be_part_of_holds_it(pipeline, text, name, country, admin1,
                                                        precision):
    m = resolve(pipeline, text, name)
    assert (m.place.country_code, m.place.admin1, m.precision) == (country, admin1, precision)
    assert "stated_area" in m.alternatives[0].features


def test_a_district_said_to_lie_in_its_province_keeps_its_own_place(pipeline):
    m = resolve(pipeline, "Fighting spread to the Sangin district of Helmand province.", "Sangin")
    assert (m.place.feature_code, m.place.admin1, m.precision) == ("ADM2", "Helmand", 2)
    assert "stated_in" in m.alternatives[0].features


def test_a_province_of_tens_of_millions_keeps_its_weight_in_a_story_elsewhere(pipeline):
    # England, Arkansas has 2,800 people and lies in the story's country; England does not
    text = ("The herd came from a farm in Alberta, Canada. A second sick cow turned up in Texas "
            "and a third was diagnosed in England.")
    m = resolve(pipeline, text, "England")
    assert (m.place.country_code, m.place.feature_code) == ("GB", "ADM1")
    assert m.alternatives[0].features["area"] == 5.0


def test_a_small_town_abroad_is_no_member_of_a_list_placed_in_one_country(pipeline):
    # "Suba" is also an alternate name of Suva, Fiji (77,000); the store has no Kenyan Suba
    text = "Cholera cases rose in Suba, Migori, Homa Bay, Kisumu and Siaya last week."
    m = resolve_any(pipeline, text, "Suba")
    assert m.place is None and m.alternatives[0].place.country_code == "FJ"
    assert "no support in the text" in m.note
    # a city abroad may still end such a list
    text = "Flights resumed from Nairobi, Mombasa, Kisumu and London on Monday."
    assert resolve(pipeline, text, "London").place.country_code == "GB"


def test_an_area_called_like_the_place_needs_support_in_the_text(pipeline):
    # the parish's name holds "Churchill"; the only area so called is Churchill County, Nevada,
    # which nothing in the text names: the distance from Chipping Norton places the village
    text = ("Churchill is a hamlet in the parish of Churchill and Sarsden, 5 km southwest of "
            "Chipping Norton in Oxfordshire.")
    m = resolve(pipeline, text, "Churchill")
    assert (m.place.country_code, m.precision) == ("GB", 2)
    assert "stated_near" in m.alternatives[0].features


def test_a_region_named_after_its_town_is_the_province_the_store_calls_otherwise(pipeline):
    """"The Kursk region" is the province GeoNames calls Kurskaya oblast', which holds the town
    of Kursk; "Kursk" alone stays the city."""
    region = resolve(pipeline, "Drones hit the Kursk region overnight.", "Kursk")
    assert region.place.feature_code == "ADM1" and region.place.country_code == "RU"
    assert region.place.name.lower().startswith("kursk")
    city = resolve(pipeline, "Drones hit Kursk overnight.", "Kursk")
    assert city.place.feature_code.startswith("PPL")
    # the oblast's name is an adjective whose ending changes the town's: Kaluzhskaya
    region = resolve(pipeline, "Drones hit the Kaluga region overnight.", "Kaluga")
    assert (region.place.feature_code, region.place.country_code) == ("ADM1", "RU")


def test_a_list_of_counties_is_counties(pipeline):
    text = "Storms hit Franklin, Delaware and Madison counties in Ohio."
    for name in ("Franklin", "Delaware", "Madison"):
        m = resolve(pipeline, text, name)
        assert (m.place.feature_code, m.place.admin1) == ("ADM2", "Ohio")


def test_a_plural_kind_word_after_a_list_makes_each_name_that_kind(pipeline):
    """"The Herat and Kandahar provinces": both provinces, not their capitals; but one name
    before a plural is the area the others lie in ("Liberia counties": the country)."""
    text = "Heavy rain hit Herat and Kandahar provinces on Monday."
    for name in ("Herat", "Kandahar"):
        assert resolve(pipeline, text, name).place.feature_code == "ADM1"
    alone = resolve(pipeline, "Schools reopened in most Liberia counties.", "Liberia")
    assert alone.place.feature_code.startswith("PCL")


@pytest.mark.parametrize("text, name, expected", [
    # the states of a region or a union are countries
    ("The Sahel states of Mali, Burkina Faso and Niger left the bloc.", "Niger", ("PCLI", "NE")),
    ("The Sahel states of Mali, Burkina Faso and Niger left the bloc.", "Mali", ("PCLI", "ML")),
    # a country's states are its parts
    ("Floods hit the Nigerian states of Borno and Niger.", "Niger", ("ADM1", "NG")),
])
def test_the_states_of_a_region_are_countries(pipeline, text, name, expected):
    m = resolve(pipeline, text, name)
    assert (m.place.feature_code, m.place.country_code) == expected


def test_a_district_the_store_knows_only_with_its_kind_word(pipeline):
    """GeoNames calls it "Kurram District": "Kurram district" is that district, though no place
    is called plain "Kurram"."""
    m = resolve(pipeline, "Gunmen attacked a convoy in Kurram district on Monday.", "Kurram")
    assert (m.place.feature_code, m.place.country_code) == ("ADM2", "PK")


@pytest.mark.parametrize("text, name, province", [
    # the store writes these districts in the country's language only: "Yeşilyurt İlçesi",
    # "Amphoe Pa Daet"; the province named picks the one of two Yeşilyurt districts
    ("An earthquake struck Malatya province on Monday. It was centred in the Yesilyurt "
     "district.", "Yesilyurt", "Malatya"),
    ("Police raided a house in Karkamis district, Gaziantep, on Monday.", "Karkamis",
     "Gaziantep"),
    ("Floods hit the Pa Daet district of Chiang Rai on Monday.", "Pa Daet", "Chiang Rai"),
])
def test_a_district_the_store_names_in_its_country_s_language(pipeline, text, name, province):
    m = resolve(pipeline, text, name)
    assert (m.place.feature_code, m.place.admin1) == ("ADM2", province)


@pytest.mark.parametrize("text, name, code", [
    # the kind word written after every mention outweighs a capital's fame
    ("Clashes spread across Kabul province on Monday.", "Kabul", "ADM1"),
    ("Floods hit Galveston county, Texas, on Monday.", "Galveston", "ADM2"),
    # but "region" may be a city's surroundings, and a district center is a town
    ("Mosquitoes spread in the Houston region.", "Houston", "PPL"),
    ("A patrol was ambushed at the Dawlat Abad district center, Balkh.", "Dawlat Abad", "PPL"),
])
def test_a_province_or_district_so_called_is_no_town(pipeline, text, name, code):
    assert resolve(pipeline, text, name).place.feature_code == code


@pytest.mark.parametrize("text, name, country", [
    # a city in the story's country outweighs a capital the text ties nothing to
    ("Protesters gathered in Austin, Texas, and in San Jose on Saturday.", "San Jose", "US"),
    ("The Lebanese army said an Israeli drone struck a car near Tripoli.", "Tripoli", "LB"),
    # a namesake too small to be meant unsupported leaves the capital its fame
    ("The Ohio company opened an office in Paris.", "Paris", "FR"),
    # and the capital's own country in the story keeps it
    ("Libyan officials said a drone struck a car near Tripoli.", "Tripoli", "LY"),
])
def test_a_capital_abroad_yields_to_a_city_in_the_story(pipeline, text, name, country):
    assert resolve(pipeline, text, name).place.country_code == country


def test_a_capital_keeps_its_fame_against_a_city_of_a_minor_country_of_the_story(pipeline):
    """One Filipino name among many Spanish and Cuban ones does not make "San Juan" Manila's."""
    text = ("Remedios is a town in Cuba. Its founders came from Seville in Spain, from Havana and "
            "from Manila. Families later moved to San Juan.")
    assert resolve(pipeline, text, "San Juan").place.country_code == "PR"


def test_a_province_spelt_otherwise_after_a_cue_is_the_province(pipeline):
    m = resolve(pipeline, "A roadside bomb hit a convoy near Afgoye in Lower Shabelle.",
                "Lower Shabelle")
    assert (m.place.feature_code, m.place.country_code) == ("ADM1", "SO")


def test_a_list_of_unknown_villages_lies_in_the_area_after_it(pipeline):
    text = "Insurgents raided the villages of Mitope and Naquitengue in Macomia district."
    for name in ("Mitope", "Naquitengue"):
        m = resolve(pipeline, text, name)
        assert (m.place.name, m.precision) == ("Macomia", 2)


def test_a_list_after_a_plural_kind_word_names_no_container_by_its_commas(pipeline):
    """"the villages of Bollingen, Busskirch, Wagen": Busskirch does not lie in Wagen."""
    text = "The town comprises the villages of Bollingen, Busskirch, Curtiberg and Wurmsbach."
    assert resolve_any(pipeline, text, "Busskirch").place is None


@pytest.mark.parametrize("text, name, expected", [
    # no namesake spelt as written is an area: the area spelt nearly alike is meant
    ("Al-Shabaab fighters seized a town in Hiran region.", "Hiran", ("ADM1", "SO")),
    ("Taliban attacked a checkpoint in Saydabad district, Wardak province.", "Saydabad",
     ("ADM2", "AF")),
    # but not an area spelt otherwise ("Chiba" for Chubu): the country stands
    ("Sado is a city in the Chūbu region of Japan.", "Chūbu", ("PCLI", "JP")),
])
def test_an_area_the_text_names_by_another_spelling(pipeline, text, name, expected):
    m = resolve(pipeline, text, name)
    assert (m.place.feature_code, m.place.country_code) == expected


def test_a_namesake_outside_the_place_whose_it_is_said_to_be_is_not_meant(pipeline):
    """"Kharkiv's Kyivskyi district" is a district of the city, not a village 120 km away."""
    doc = pipeline(Document(id="t", text="A glide bomb hit a building in Kharkiv's Kyivskyi "
                                         "district, the governor said."))
    (m,) = [m for m in doc.mentions if m.text == "Kyivskyi"]
    assert (m.place.name, m.precision) == ("Kharkiv", 2)
    # inside it, the namesake stays: "Ukraine's Kharkiv"
    m = resolve_any(pipeline, "Shelling hit Ukraine's Kharkiv on Monday.", "Kharkiv")
    assert (m.place.name, m.precision) == ("Kharkiv", 1)


def test_an_unknown_name_after_an_area_s_possessive_lies_in_that_area(pipeline):
    m = resolve_any(pipeline, "Gunmen abducted 20 pupils in Kaduna State's Kuriga town.",
                    "Kuriga")
    assert (m.place.feature_code, m.place.admin1, m.precision) == ("ADM1", "Kaduna", 3)


@pytest.mark.parametrize("text", [
    # a town's possessive holds a name a kind word calls a place: near the town
    "Flights to Sylhet's Osmani airport were suspended on Monday.",
    # as does "X airport in Y"
    "Flights to Osmani airport in Sylhet were suspended on Monday.",
])
def test_an_unknown_airport_of_a_town_is_placed_near_the_town(pipeline, text):
    m = resolve_any(pipeline, text, "Osmani")
    assert (m.place.name, m.place.country_code, m.precision) == ("Sylhet", "BD", 2)


def test_a_kind_word_and_a_comma_before_the_holding_area(pipeline):
    """"Depayin township, in Sagaing region": the region holds the unknown township."""
    m = resolve_any(pipeline, "Jets bombed a village in Depayin township, in Sagaing region.",
                    "Depayin")
    assert (m.place.name, m.precision) == ("Sagaing", 3)


@pytest.mark.parametrize("text, name, country, lat", [
    # a plural of the name two provinces share after their sides is the pair of them
    ("Storms hit the Carolinas on Monday.", "Carolinas", "US", 35),
    ("Ranchers across the Dakotas lost cattle.", "Dakotas", "US", 46),
    ("Fighting spread across the Kivus.", "Kivus", "CD", -1),
])
def test_the_plural_of_a_region_s_sides_is_placed_at_their_middle(pipeline, text, name,
                                                                  country, lat):
    m = resolve_any(pipeline, text, name)
    assert (m.place.country_code, m.precision) == (country, 3)
    assert abs(m.place.lat - lat) < 1.5


@pytest.mark.parametrize("text", [
    "An airstrike hit a market in Shabwa on Monday, killing four people in southern Yemen.",
    "Houthi fighters clashed with troops in Shabwa and Marib on Monday.",
])
def test_a_province_spelt_without_its_silent_h_beats_a_village_abroad(pipeline, text):
    # Myanmar's village Sha Bwa is spelt as written, Yemen's province Shabwah with an "h"
    m = resolve(pipeline, text, "Shabwa")
    assert (m.place.name, m.place.feature_code, m.place.country_code) == ("Shabwah", "ADM1", "YE")


def test_a_unit_below_a_province_is_no_province_spelt_alike(pipeline):
    # "woreda" names a district: Amara region (a loose spelling of Amaro) is not it
    doc = pipeline(Document(id="t", text="Farmers in the Amaro woreda of southern Ethiopia lost "
                                         "their harvest to locusts."))
    amaro = next(m for m in doc.mentions if m.text == "Amaro")
    assert amaro.place is None or amaro.place.feature_code != "ADM1"
    # a province spelt as written stays among the namesakes: Ménaka cercle lies in it
    doc = pipeline(Document(id="t", text="Clashes erupted in Ménaka cercle on Monday."))
    assert doc.mentions[0].place.country_code == "ML"


@pytest.mark.parametrize("text, name", [
    # a town the text calls another kind of place, in a country the story never names, is
    # not the place whatever its size (Rosetta, Egypt, is "Rashid" to GeoNames)
    ("Militias clashed in the Al Rashid district of southern Baghdad, Iraq, on Monday.",
     "Al Rashid"),
    ("Farmers in Lome woreda of Ethiopia's Oromia region lost their crops.", "Lome"),
])
def test_a_city_abroad_the_text_calls_another_kind_of_place_is_not_it(pipeline, text, name):
    doc = pipeline(Document(id="t", text=text))
    m = next(m for m in doc.mentions if m.text == name)
    assert m.place is None or m.place.country_code in ("IQ", "ET")


def test_a_village_in_a_stated_area_is_no_namesake_elsewhere(pipeline):
    # the store's only Let Pan lies in Yangon region; the text puts this one in Sagaing
    m = resolve_any(pipeline, "The strikes hit Let Pan village in Kanbalu township, in Sagaing "
                              "region.", "Let Pan")
    assert m.place.admin1 == "Sagaing"
    # "a New England town in Windsor County": the name describes the town, it is not in it
    m = resolve_any(pipeline, "Hartford is a New England town in Windsor County, Vermont.",
                    "New England")
    assert m.place is None or m.place.name != "Windsor County"


@pytest.mark.parametrize("text, name, country, admin1", [
    # the only Mahas the store has is in Jordan; the text puts this one in Somalia's Hiiraan
    ("Fighters attacked a base in the town of Mahas in Somalia's Hiiraan region on Monday.",
     "Mahas", "SO", "Hiiraan"),
    # the Busayrah in Deir ez-Zor, not the one in Jordan
    ("A checkpoint near al-Busayrah in Deir ez-Zor province came under fire on Monday.",
     "al-Busayrah", "SY", "Dayr az Zawr"),
])
def test_the_area_written_after_a_name_holds_it(pipeline, text, name, country, admin1):
    m = resolve_any(pipeline, text, name)
    assert (m.place.country_code, m.place.admin1) == (country, admin1)


def test_an_area_after_a_town_with_no_kind_word_is_no_namesake_province_abroad(pipeline):
    # Gaza with no kind word may be Mozambique's province: only a country needs none
    m = resolve_any(pipeline, "Hundreds fled the town of Shujaiya in Gaza as Israeli tanks "
                              "advanced.", "Shujaiya")
    assert m.place is None or m.place.country_code == "PS"


@pytest.mark.parametrize("text, city_first", [
    ("Warplanes struck Idlib city on Monday. Troops shelled villages in southern Idlib "
     "province.", True),
    ("Troops shelled villages across Idlib province on Monday. Warplanes struck Idlib city.",
     False),
])
def test_a_city_and_its_province_named_alike_are_told_apart_by_their_kind_words(
        pipeline, text, city_first):
    doc = pipeline(Document(id="t", text=text))
    codes = [m.place.feature_code for m in doc.mentions if m.text == "Idlib"]
    assert codes == (["PPL", "ADM1"] if city_first else ["ADM1", "PPL"])
    province = [m for m in doc.mentions if m.text == "Idlib"][1 if city_first else 0]
    assert province.alternatives[0].place.id == province.place.id


@pytest.mark.parametrize("text, kinds", [
    # the province won the name by its kind word: the mention with none is the city
    ("A drone hit a school in Kherson, the governor of the Kherson region said.",
     ["PPL", "ADM1"]),
    ("Sirens sounded 80 kilometres east of Kherson. The Kherson region lost power.",
     ["PPL", "ADM1"]),
    # but not where the words before make it the area, nor after another name and a comma
    ("Floods reached villages in northern Kherson. The Kherson region lost power.",
     ["ADM1", "ADM1"]),
    ("Floods reached towns in Kherson. The Kherson region lost power.", ["ADM1", "ADM1"]),
    ("Floods reached Hola Prystan, Kherson. The Kherson region lost power.",
     ["ADM1", "ADM1"]),
])
def test_a_bare_name_beside_its_province_s_kind_word_is_the_city(pipeline, text, kinds):
    doc = pipeline(Document(id="t", text=text))
    assert [m.place.feature_code for m in doc.mentions if m.text == "Kherson"] == kinds


@pytest.mark.parametrize("text, kind", [
    # the seat of a government is in its capital (GeoNames also calls Casablanca "White House")
    ("The White House said on Monday it would send more aid to Morocco.", "metonym"),
    ("Protesters gathered outside the White House on Sunday.", "place"),
])
def test_a_seat_of_government_lies_in_the_capital(pipeline, text, kind):
    m = pipeline(Document(id="t", text=text)).mentions[0]
    assert (m.text, m.kind, m.place.name, m.place.country_code) == \
        ("White House", kind, "Washington", "US")


def test_a_dateline_is_a_town(pipeline):
    # a story set in the West Bank is filed from the city, not the district of its name
    doc = pipeline(Document(id="t", text="JERUSALEM, Aug 29 - Israeli forces raided Jenin in "
                                         "the occupied West Bank on Wednesday."))
    assert doc.mentions[0].place.feature_code == "PPLC"


def test_the_area_after_a_town_and_in_the_is_the_area_that_holds_it(pipeline):
    # "Pokrovsk in the Donetsk region" is Ukraine's oblast, in a story that names Russia often
    text = ("Russia said its troops took Sudzha back in the Kursk region; Moscow also said "
            "Russian forces advanced towards Pokrovsk in the Donetsk region.")
    place = resolve(pipeline, text, "Donetsk").place
    assert (place.feature_code, place.country_code) == ("ADM1", "UA")


def test_a_local_government_area_and_a_province_s_possessive_name_the_district(pipeline):
    # "local government area" is Nigeria's district (LGA): Konduga's, not the town of Konduga
    doc = pipeline(Document(id="t", text="Insurgents attacked Kwatandashi village in Borno "
                                         "state's Konduga local government area."))
    places = {m.text: (m.place.name, m.place.feature_code) for m in doc.mentions}
    assert places["Konduga"] == ("Konduga", "ADM2")
    # the village the store lacks lies in the district, finer than the state
    assert places["Kwatandashi"] == ("Konduga", "ADM2")
    doc = pipeline(Document(id="t", text="Gunmen attacked Kuriga village in Kaduna state's "
                                         "Chikun local government area."))
    assert {m.text: m.place.feature_code for m in doc.mentions}["Kaduna"] == "ADM1"


@pytest.mark.parametrize("text", [
    # the writer says the second name is the first place's: not Russia's Artëmovsk, though
    # Russia is named right there
    "Fighters were seen near Bakhmut, which Russia calls Artemovsk.",
    "Fighters were seen near Bakhmut, known to Russians as Artemovsk.",
])
def test_another_name_of_the_place_just_named_is_that_place(pipeline, text):
    assert resolve(pipeline, text, "Artemovsk").place.name == "Bakhmut"


@pytest.mark.parametrize("text, name, expected", [
    # a spot named before a facility word lies in the town after it, not in a far namesake
    ("Gunmen attacked a restaurant at Lido beach in Mogadishu.", "Lido", ("Mogadishu", 2)),
    ("A bomb exploded at Bakara market in Mogadishu.", "Bakara", ("Mogadishu", 2)),
    # the namesake in that town stays
    ("The Lido beach in Venice was closed.", "Lido", ("Lido", 1)),
])
def test_a_spot_before_a_facility_word_lies_in_the_town_after_it(pipeline, text, name,
                                                                 expected):
    m = resolve_any(pipeline, text, name)
    assert (m.place.name, m.precision) == expected


def test_a_capital_known_by_the_name_only_as_an_alternate_is_not_the_town_so_called(pipeline):
    # GeoNames gives Amman its ancient name and Roseau an old one; the towns are meant
    philadelphia = resolve(pipeline, "The mayor of Philadelphia cut bus fares on Monday.",
                           "Philadelphia").place
    assert philadelphia.country_code == "US"
    charlottetown = resolve(pipeline, "Ferries to Charlottetown were cancelled by the storm.",
                            "Charlottetown").place
    assert charlottetown.country_code == "CA"
    # the old names of capitals that no sizeable town shares still find them
    assert resolve(pipeline, "Trade fairs in Peking drew crowds.", "Peking").place.name == \
        "Beijing"


def test_a_country_ending_its_sentence_is_not_what_the_next_one_measures(pipeline):
    text = ("Zorbaga is the capital of a district in the Upper East region of north Ghana. The "
            "town is located on the border of Burkina Faso and is 150 km south of Ouagadougou.")
    ghana = resolve(pipeline, text, "Ghana")
    assert ghana.place.feature_code == "PCLI" and ghana.place.country_code == "GH"


def test_an_area_owned_by_a_country_in_a_stated_chain_is_the_finer_link(pipeline):
    kuka = resolve(pipeline, "Gunmen attacked Dabiri, a village in Niger's Tillaberi region, on "
                             "Sunday.", "Dabiri")
    assert (kuka.place.name, kuka.place.country_code, kuka.precision) == ("Tillabéri", "NE", 3)

