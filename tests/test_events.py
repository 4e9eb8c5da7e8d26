"""Event extraction: dates, numbers, typing, placing, background; the two sample articles."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.conftest import ARTICLES, needs_articles
from geomap import dates, numbers
from geomap.events import EventExtractor
from geomap.merge import merge
from geomap.models import Document
from geomap.pipeline import Pipeline

MON = dt.date(2020, 9, 28)  # a Monday


@pytest.mark.parametrize("text, expected", [
    ("Shelling began on Monday.", (MON, 1)),
    ("The town has been under fire since early Sunday.", (dt.date(2020, 9, 27), 1)),
    ("Fighting flared up earlier this year.", (MON, 3)),
    ("Troops withdrew yesterday.", (dt.date(2020, 9, 27), 1)),
    ("Two posts fell last week.", (dt.date(2020, 9, 21), 2)),
    # counted back by the unit, as precise as the unit; a vague count is no day
    ("Two days ago, gunmen killed five farmers.", (dt.date(2020, 9, 26), 1)),
    ("The day before yesterday, jets struck.", (dt.date(2020, 9, 26), 1)),
    ("A few days ago, rebels attacked the post.", (dt.date(2020, 9, 25), 2)),
    ("Three weeks ago, protesters marched.", (dt.date(2020, 9, 7), 2)),
    # last month is the month before, at its middle
    ("Late last month, fighters ambushed a convoy.", (dt.date(2020, 8, 15), 3)),
    ("Two years ago the war began.", (None, None)),
    ("The strike came on Sept. 25 at dawn.", (dt.date(2020, 9, 25), 1)),
    ("On 21 March 2020, a post was attacked.", (dt.date(2020, 3, 21), 1)),
    ("Raids took place between 10 and 14 September.", (dt.date(2020, 9, 12), 2)),
    ("Raids took place on 10-14 September.", (dt.date(2020, 9, 12), 2)),
    ("On the night of 20-21 September, a post was attacked.", (dt.date(2020, 9, 20), 1)),
    ("Nothing here names a day.", (None, None)),
    # a dotted capital I (Turkish) lower-cases to two characters: the names still read
    ("Shelling on 5 APRİL hit the town.", (dt.date(2020, 4, 5), 1)),
    ("The post fell on FRİDAY.", (dt.date(2020, 9, 25), 1)),
    # the paper's own weekday: "on Monday" is the day itself, "last Monday" a week before
    ("Gunmen struck last Monday.", (dt.date(2020, 9, 21), 1)),
    ("Gunmen struck this past Monday.", (dt.date(2020, 9, 21), 1)),
])
def test_dates_resolve_against_publication(text, expected):
    assert dates.resolve(text, MON) == expected


def test_dates_without_publication_keep_absolute_only():
    assert dates.resolve("Clashes on Monday.", None) == (None, None)
    assert dates.resolve("Clashes on 3 May 2019.", None) == (dt.date(2019, 5, 3), 1)
    text = "A truce signed in 1994 and clashes since the 1990s."
    assert dates.past_years(text, MON) == [1994, 1990]
    # a month with its year is past too, unless it is recent news
    assert dates.past_years("220 were killed since May 2019.", MON) == [2019]
    assert dates.past_years("Clashes in December 2019 killed 5.", dt.date(2020, 1, 10)) == []


@pytest.mark.parametrize("text, expected", [
    ("KHARTOUM, March 11 (Reuters) - Fighting resumed.", (31, dt.date(2020, 3, 11))),
    ("GAZA, 26 Sep (AP) — Fighting resumed.", (20, dt.date(2020, 9, 26))),
    # a month after the publication's is last year's
    ("WASHINGTON, Dec 30 (Reuters) - Talks resumed.", (31, dt.date(2019, 12, 30))),
    ("BAMAKO, Mali (AP) — Fighting resumed.", (0, None)),  # no day given
    # filed in a time zone ahead of the publication's date: still the day
    ("BEIRUT, Sep 29 - Fighting resumed.", (17, dt.date(2020, 9, 29))),
    # days later: a dateline, but no filing day
    ("BEIRUT, Oct 3 - Fighting resumed.", (16, None)),
    ("Fighting resumed in Gaza, 26 Sep - as feared.", (0, None)),  # no capitals: no dateline
])
def test_a_dateline_gives_the_day_the_story_was_filed(text, expected):
    assert dates.dateline(text, MON) == expected


@pytest.mark.parametrize("text, expected", [
    ("Jets struck the town the following day.", dt.date(2020, 9, 29)),
    ("Two days later, the rebels withdrew.", dt.date(2020, 9, 30)),
    ("The post had fallen the night before.", dt.date(2020, 9, 27)),
    ("The fort held until the day after Lee surrendered.", None),  # another event's day
    ("The rebels withdrew.", None),
])
def test_a_day_counted_from_the_day_stated_before(text, expected):
    assert dates.shifted(text, MON) == expected


def test_a_wire_story_counts_its_days_from_its_dateline(coder):
    """Filed on Monday, published on Tuesday: its "Sunday" is the day before the dateline's,
    its "the following day" the day after that; the dateline's day is no event's."""
    text = ("KHARTOUM, Sep 28 (Reuters) - Militiamen attacked the town of Tabat on Sunday, "
            "killing 9 villagers. They looted homes and shops.\n\nThe army shelled militia "
            "positions near Tabat the following day.")
    events, _ = coder(text, published=dt.date(2020, 9, 29))
    assert [(e.subtype, e.date, len(e.evidence)) for e in events] == [
        ("Attack", dt.date(2020, 9, 27), 2),  # the looting told after it is the attack's
        ("Shelling/artillery/missile attack", dt.date(2020, 9, 28), 1)]


def test_a_bombing_on_a_road_between_two_towns_is_near_the_first(coder):
    (ev,) = coder("On Monday, a bus hit a bomb on the road between Bandiagara and Bankass, "
                  "killing 11.")[0]
    assert (ev.place_name, ev.geo_precision, ev.fatalities) == ("Bandiagara", 2, 11)


def test_an_attack_at_sea_is_placed_near_the_port_named_with_it(coder):
    # Eritrea's provinces are the Northern and Southern Red Sea: the sea is no region of them
    (ev,), doc = coder("Rebels fired two missiles at a cargo ship in the Red Sea off Hodeidah "
                       "on Sunday, the navy said.")
    sea = next(m for m in doc.mentions if m.text == "Red Sea")
    assert sea.place is None
    assert ev.place.name == "Al Ḩudaydah" and ev.geo_precision == 2


@pytest.mark.parametrize("text, expected", [
    ("A photo released on March 3, 2021 shows the bridge. Talks are due on 9 April 2021.",
     dt.date(2021, 3, 3)),
    ("Filed 2021-03-05. Earlier, on 1 March 2021, the road was cut.", dt.date(2021, 3, 5)),
    ("On 1 March, the road was cut.", None),  # no year: no date to stand on
    ("The dam will be finished by 4 May 2999.", None),
    ("Nothing dated here.", None),
])
def test_latest_stated_date(text, expected):
    assert dates.latest_stated(text) == expected


def test_undated_article_is_read_against_its_latest_stated_date(coder):
    text = ("A video released on 6 October 2021 showed the damage. Militants attacked a convoy "
            "near Gao on Tuesday, killing four soldiers. On 2 October 2021, a mine killed "
            "two herders near Menaka.")
    events, doc = coder(text, published=None)
    by_place = {e.place_name: e for e in events}
    # the Tuesday before the stated Wednesday, at a week's precision: the real day may be later
    assert (by_place["Gao"].date, by_place["Gao"].time_precision) == (dt.date(2021, 10, 5), 2)
    assert (by_place["Menaka"].date, by_place["Menaka"].time_precision) == \
        (dt.date(2021, 10, 2), 1)
    assert doc.published is None
    assert any("2021-10-06" in w for w in doc.warnings)


@pytest.mark.parametrize("text, killed, wounded, toll", [
    ("Twenty-eight servicemen died in action.", 28, None, None),
    ("At least 40 people were killed.", 40, None, None),
    ("Rebels said 15 more of their fighters were killed, bringing the toll to 40.", 15, None, 40),
    ("The ministry announced a total military death toll of 32, saying 100 had been wounded.",
     None, 100, 32),
    ("Dozens were killed and several injured.", 12, 3, None),
    ("Hundreds of soldiers died.", 100, None, None),
    ("Nine guards including a commander were killed and 4 were wounded.", 9, 4, None),
    # one victim without a numeral is one (ACLED); the date is no figure
    ("Gunmen shot dead a teacher on 4 May 2020.", 1, None, None),
    ("Fighting in the town killed between 5 and 10 people.", 5, None, None),
    ("The town grew between 2010 and 2015.", None, None, None),
    # the toll's own words may run long before its figure
    ("The death toll from Sunday's attack in Gao rose to 31.", None, None, 31),
    # however long the toll's own words run
    ("The death toll from Saturday's strike on a school sheltering displaced families in Gaza "
     "City has risen to 22.", None, None, 22),
])
def test_numbers_keep_killed_wounded_and_tolls_apart(text, killed, wounded, toll):
    assert numbers.casualties(text) == numbers.Casualties(killed, wounded, toll)


@pytest.fixture(scope="module")
def coder(gaz):
    pipe, extractor = Pipeline(gaz), EventExtractor(gaz)

    def run(text: str, published: dt.date | None = MON, id: str = "t") -> list:
        doc = pipe(Document(id=id, text=text, published=published))
        return extractor.extract(doc), doc
    return run


def test_shelling_placed_where_it_happened(coder):
    events, _ = coder("Artillery shells hit the city of Ganja on Sunday, killing three civilians.")
    (ev,) = events
    assert ev.type == "Explosions/Remote violence"
    assert ev.subtype == "Shelling/artillery/missile attack"
    assert ev.place.name == "Ganja" and ev.geo_precision == 1
    assert ev.date == dt.date(2020, 9, 27) and ev.fatalities == 3 and not ev.background


def test_reporting_from_and_statements_are_not_places_or_events(coder):
    events, _ = coder("Reporting from Kabul, our correspondent said militants clashed with "
                      "police in Herat.")
    assert [e.place_name for e in events] == ["Herat"] and events[0].place.country_code == "AF"
    assert coder("Kabul warned that it would respond.")[0] == []


def test_a_dateline_is_the_place_only_when_no_other_is_named(coder):
    """The dateline says where the reporter filed from: an event there is at most near it."""
    events, _ = coder("HERAT (Reuters) - Gunmen attacked a police post in Kunduz on Monday.")
    assert [e.place_name for e in events] == ["Kunduz"]
    events, _ = coder("HERAT, Afghanistan (AP) - Gunmen attacked a police post on Monday.")
    assert [(e.place.name, e.geo_precision) for e in events] == [("Herāt", 2)]


@pytest.mark.parametrize("text", [
    "The rebels threatened to attack the police post in Herat.",
    "The army denied shelling Ganja.",
    "Leaders urged a halt to the fighting in Herat.",
    # what is yet to come, and talks with nothing agreed
    "Protests will be held in Mombasa on Friday.",
    "The truce is expected to be signed in Juba on Friday.",
    "Ceasefire talks between the army and the rebels took place in Geneva on Monday.",
    "A ceasefire proposal by the army was handed to the rebels in Juba.",
])
def test_negated_or_hypothetical_triggers_are_not_events(coder, text):
    assert coder(text)[0] == []


@pytest.mark.parametrize("text, expected", [
    # what happened "without a fight" was no fight
    ("On Monday, the rebels withdrew from Kanyabayonga without a fight.",
     ["Non-violent transfer of territory"]),
    # "without" before another word leaves the trigger after it
    ("On Monday, residents of Goma were without water after shelling hit the town.",
     ["Shelling/artillery/missile attack"]),
])
def test_a_trigger_done_without_is_none(coder, text, expected):
    assert [e.subtype for e in coder(text)[0]] == expected


@pytest.mark.parametrize("text, expected", [
    # what the strikes answer is another incident: its deaths and its attack are not theirs
    ("On Monday, jets carried out air strikes on positions in Syria in retaliation for a drone "
     "attack that killed three soldiers, officials said.", [("Air/drone strike", None)]),
    ("On Monday, troops shelled Kherson in response to an attack that killed 2 soldiers, "
     "killing 4 civilians.", [("Shelling/artillery/missile attack", 4)]),
    # the answer's own figures after the motive still count
    ("On Monday, in retaliation for the attack, troops shelled Kherson, killing 5 people.",
     [("Shelling/artillery/missile attack", 5)]),
])
def test_the_incident_an_event_answers_is_not_its_own(coder, text, expected):
    assert [(e.subtype, e.fatalities) for e in coder(text)[0]] == expected


@pytest.mark.parametrize("text, expected", [
    # the war going on around the incident is no trigger of it
    ("On Monday, rebels shelled the town of Beni, killing 7, as fighting spread north.",
     [("Shelling/artillery/missile attack", 7)]),
    # nor when it is all the sentence tells: then it is the event
    ("On Monday, civilians fled Beni, as fighting raged north of the town.",
     [("Armed clash", None)]),
])
def test_fighting_around_an_incident_does_not_code_it(coder, text, expected):
    assert [(e.subtype, e.fatalities) for e in coder(text)[0]] == expected


def test_a_clause_looking_ahead_leaves_the_reported_event(coder):
    events, _ = coder("Shelling in Kharkiv which is expected to go on killed two people.")
    assert [(e.subtype, e.fatalities) for e in events] == \
        [("Shelling/artillery/missile attack", 2)]
    events, _ = coder("The army and the rebels agreed to a ceasefire in Juba on Monday.")
    assert [e.subtype for e in events] == ["Agreement"]


def test_background_and_undated_articles(coder):
    events, _ = coder("A ceasefire was signed in 1994 after years of war.")
    assert [(e.subtype, e.background, e.date) for e in events] == [("Agreement", True, None)]
    events, doc = coder("Militants attacked a police post in Herat on Monday.", published=None)
    assert events and events[0].date is None and doc.warnings


def test_same_event_in_two_texts_merges(coder):
    a, _ = coder("Artillery shells hit Ganja on Monday.", id="a")
    b, _ = coder("On Monday the city of Ganja was shelled.", id="b")
    merged = merge(a + b)
    assert len(merged) == 1 and merged[0].sources == ["a", "b"]


def _article(name: str, doc_id: str) -> Document:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    if text.startswith(" date "):  # header line: " date 2020-09-28 Fast News"
        text = text.split("\n", 1)[1]
    return Document(id=doc_id, text=text, published=MON)


@pytest.fixture(scope="module")
def sample_events(gaz):
    pipe, extractor = Pipeline(gaz), EventExtractor(gaz)
    docs = [pipe(_article("000_e9b6116c3a3a8fcf.txt", "000")),
            pipe(_article("001_41ba484ddd364be4.txt", "001"))]
    return merge([e for d in docs for e in extractor.extract(d)])


def _find(events, subtype, name=None, **kw):
    return [e for e in events if e.subtype == subtype and (name is None or e.place_name == name)
            and all(getattr(e, k) == v for k, v in kw.items())]


@needs_articles
def test_sample_articles_events_once_each(sample_events):
    ev = sample_events
    terter = _find(ev, "Shelling/artillery/missile attack", "Terter", date=MON)
    assert len(terter) == 1 and terter[0].sources == ["000", "001"]
    assert terter[0].place.country_code == "AZ"
    assert len(_find(ev, "Government regains territory", "Talish", date=MON)) == 1
    assert len(_find(ev, "Armed clash", "Talish", date=MON)) == 1  # the battalion commander
    killed = [e for e in ev if e.fatalities == 28]
    assert len(killed) == 1 and "001" in killed[0].sources
    mobilisation = _find(ev, "Other", "Azerbaijan", date=MON)
    assert len(mobilisation) == 1 and mobilisation[0].sources == ["000", "001"]
    assert len(_find(ev, "Other", "Nakhchivan")) == 1
    # on the map: the store lacks both, the text places them in Azerbaijan
    local = [e for e in ev if e.place_name in ("Karabakh", "Talish") and not e.background]
    assert len(local) >= 4 and all(e.place and e.place.country_code == "AZ" for e in local)


@needs_articles
def test_sample_articles_background_and_no_capital_events(sample_events):
    ev = sample_events
    ceasefire = _find(ev, "Agreement")
    assert len(ceasefire) == 1 and ceasefire[0].background
    assert ceasefire[0].sources == ["000", "001"]
    assert all(e.background for e in ev if any("2016" in x.sentence for x in e.evidence))
    assert not [e for e in ev if e.place and e.place.name in ("Baku", "Yerevan", "Ankara")]


def test_killing_of_civilians_is_violence_against_civilians(coder):
    events, _ = coder("On Monday, two teachers were shot and killed by gunmen in Herat.")
    assert [(e.type, e.subtype, e.fatalities) for e in events] == [
        ("Violence against civilians", "Attack", 2)]
    events, _ = coder("On Monday, 3 soldiers were killed by militants in Herat.")
    assert [(e.type, e.subtype, e.fatalities) for e in events] == [("Battles", "Armed clash", 3)]


# --- ACLED counting rules (invented sentences) ---

@pytest.mark.parametrize("text, killed, wounded", [
    # a range is its lowest figure
    ("At least 4-6 guards were killed in the raid.", 4, None),
    # an aside in parentheses (another party's figure) is not counted
    ("Two officers (5 according to the insurgents) were killed on Friday.", 2, None),
    # every side's dead in one list add up; the wounded stay apart
    ("4 guards, 2 drivers, and 7 attackers were killed, and 9 bystanders were wounded.", 13, 9),
    ("Raiders killed 2 herders and 3 traders, and wounded 4 others near the well.", 5, 4),
    # an apposition describes the victim already counted
    ("1 farmer, a father of three, was killed by a stray shell.", 1, None),
    # the things a figure counts are no victims, though a casualty word follows
    ("Jets struck more than 85 targets in retaliation for an attack that killed three soldiers.",
     3, None),
    # but a family the verb hits counts its members
    ("An air strike in Idlib killed a family of five.", 5, None),
    ("Shelling wounded an entire family of four.", None, 4),
    # one victim without a numeral
    ("Gunmen killed a village elder near the market.", 1, None),
    ("A driver was shot dead at the checkpoint.", 1, None),
    ("A tribal leader and his driver were killed by a bomb.", 2, None),
    # the killer and the things hit are not victims
    ("A guard opened fire on his colleagues, killing 3 recruits.", 3, None),
    ("A stray shell hit a family house, killing 2 children.", 2, None),
    ("Militants attacked several posts, and 2 guards died.", 2, None),
    # company, not casualties
    ("1 driver was killed after being seized with 3 other passengers.", 1, None),
    # "killed and wounded" together is no death count; an unknown plural is 3, "tens" 10
    ("Eleven soldiers were killed and wounded in the blast.", None, None),
    ("Two guards were killed or wounded.", None, None),
    ("An unknown number of soldiers were killed.", 3, None),
    ("A number of recruits died in the ambush.", 3, None),
    ("Tens of protesters were wounded.", None, 10),
])
def test_numbers_acled_counting_rules(text, killed, wounded):
    found = numbers.casualties(text)
    assert (found.killed, found.wounded) == (killed, wounded)


def test_one_party_claim_is_not_a_death_count(coder):
    events, _ = coder("On Monday, according to Taliban sources, 12 soldiers were killed in an "
                      "attack on a police post in Herat.")
    assert [e.fatalities for e in events] == [None]  # scored as ACLED's 0
    events, _ = coder("On Monday, 3 policemen (9 according to the Taliban) were killed in an "
                      "attack on a police post in Herat.")
    assert [e.fatalities for e in events] == [3]


def test_partisan_outlet_document_is_a_claim(gaz):
    pipe, extractor = Pipeline(gaz), EventExtractor(gaz)
    text = "On Monday, militants attacked a police post in Herat, killing 6 policemen."
    alone = pipe(Document(id="v", text=text, published=MON, source="Voice of Jihad"))
    assert [e.fatalities for e in extractor.extract(alone)] == [None]
    both = pipe(Document(id="w", text=text, published=MON, source="Voice of Jihad; Reuters"))
    assert [e.fatalities for e in extractor.extract(both)] == [6]


def test_also_killed_adds_to_the_incident(coder):
    events, _ = coder("On Monday, 2 soldiers were killed when militants attacked a checkpoint "
                      "in Kandahar. 4 militants were also killed.")
    assert [(e.place_name, e.fatalities) for e in events] == [("Kandahar", 6)]
    assert len(events[0].evidence) == 2


def test_another_attack_in_the_same_district_adds_to_the_incident(coder):
    """The second sentence gives no date of its own: it reports the incident's day (4 March),
    not the publication's, and its village lies in the district named before."""
    events, _ = coder("On 4 March 2020, Taliban militants killed 4 soldiers in the Makhmal Kocha"
                      " area of Imam Sahib district, Kunduz. 3 soldiers were killed during another"
                      " attack in the Bota Kashan village of the district.",
                      published=dt.date(2020, 3, 5))
    (ev,) = events
    assert (ev.place_name, ev.fatalities, ev.date) == ("Makhmal Kocha", 7, dt.date(2020, 3, 4))
    assert ev.geo_precision == 2 and len(ev.evidence) == 2


def test_a_river_named_like_a_city_is_not_the_event_s_town(coder):
    """"the left bank of the Dnipro near Kherson": the river, 300 km from the city of Dnipro;
    the town beside the scene is Kherson."""
    (ev,) = coder("On Monday, Ukrainian forces shelled Russian positions on the left bank of "
                  "the Dnipro near Kherson.")[0]
    assert (ev.place_name, ev.geo_precision) == ("Kherson", 2)


@pytest.mark.parametrize("text", [
    "On Monday, rebels clashed with the army near a dam east of Aleppo.",
    "On Monday, rebels clashed with the army 20 km south-west of Aleppo.",
])
def test_an_event_off_a_town_by_a_compass_point_is_near_it(coder, text):
    (ev,) = coder(text)[0]
    assert (ev.place.name, ev.geo_precision) == ("Aleppo", 2)


@pytest.mark.parametrize("text, name", [
    ("On Friday, two police officers were shot dead in Kenya's Lamu County by militants.",
     "Lamu"),
    ("On Friday, gunmen killed 3 farmers in Borno State.", "Borno"),
])
def test_an_area_s_kind_word_after_its_name_keeps_it_the_place(coder, text, name):
    """"Lamu County" is Lamu, not a word of a longer name the store lacks."""
    (ev,) = coder(text)[0]
    assert ev.place is not None and ev.place_name.startswith(name)


def test_one_figure_for_listed_places_is_divided(coder):
    events, _ = coder("On Monday, 9 militants were killed in clashes with police in Herat and "
                      "Kandahar provinces.")
    assert sorted((e.place_name, e.fatalities) for e in events) == [("Herat", 5),
                                                                     ("Kandahar", 4)]


def test_listed_places_skip_the_province_after_a_district():
    from geomap.events import listed_places
    text = "Clashes in Zarbanuk district, Kandahar, and Tilmarez and Gurvast districts, Herat."
    assert [text[a:b] for a, b, _, _ in listed_places(text)] == [
        "Zarbanuk", "Tilmarez", "Gurvast"]
    assert len(listed_places("Clashes in the Zarbanuk area of Gurvast district, Herat.")) == 1


def test_one_word_of_a_longer_name_is_not_the_place(coder):
    # "Baba" alone names places abroad; here it is part of a local name the gazetteer lacks
    events, _ = coder("On Monday, gunmen killed 2 guards in the Zarbanuk Baba area of Kandahar "
                      "city.")
    (ev,) = events
    assert ev.place.country_code == "AF" and ev.place.name.startswith("Kandah")
    assert ev.geo_precision == 2 and ev.fatalities == 2


def test_a_named_person_killed_is_one_death():
    text = "Arman Petrosyan, a company commander, has been killed near the pass."
    assert numbers.casualties(text).killed == 1
    assert numbers.casualties("Officials said the Defence Ministry was killed off.").killed is None
    # with a figure stated, the named one may be among them: the figure stands alone
    assert numbers.casualties("Maria Lopez was killed in the blast, and 4 soldiers died."
                              ).killed == 4


@pytest.mark.parametrize("text", ["KILLED in Kabul", "Kılled", "ſhot dead", "İslamic State",
                                  "\u212aILLED", "ΟΔΟΣ: 3 SHOT", "a «Shot» in İzmir"])
def test_folded_text_matches_as_re_ignorecase_would(text):
    """The case-blind patterns run on numbers.fold(text): same matches, same offsets as re.I."""
    pattern = r"\b(?:killed|shot|islamic state|izmir)\b"
    folded = numbers.fold(text)
    assert len(folded) == len(text)
    assert [m.span() for m in re.finditer(pattern, folded)] == \
        [m.span() for m in re.finditer(pattern, text, re.I)]


# --- ACLED sub-event rules for other conflicts (invented sentences) ---

def _first(events):
    """The report's first event in text order, as the ACLED evaluation reads a note."""
    news = [e for e in events if not e.background] or events
    return min(news, key=lambda e: e.evidence[0].start, default=None)


def _coded(coder, text):
    ev = _first(coder(text)[0])
    return ev and (ev.type, ev.subtype, ev.place_name, ev.fatalities)


@pytest.mark.parametrize("text, expected", [
    # dispersal told in the next sentence: one event, the intervention, at the protest's place
    ("On Monday, hundreds of traders held a demonstration in Kano against new taxes. Police "
     "dispersed the crowd with tear gas.", ("Protests", "Protest with intervention", "Kano", None)),
    # live fire at protesters, the dead counted
    ("On Monday, soldiers fired live ammunition at protesters in Mandalay, killing 4.",
     ("Protests", "Excessive force against protesters", "Mandalay", 4)),
    ("On Monday, police opened fire on demonstrators in Lusaka, killing 2.",
     ("Protests", "Excessive force against protesters", "Lusaka", 2)),
    ("On Monday, hundreds of students marched in Kisumu. Police fired shots in the air to "
     "disperse them.", ("Protests", "Protest with intervention", "Kisumu", None)),
    # tear gas or rubber bullets fired at a crowd are an intervention, not lethal force
    ("On Monday, police fired tear gas at protesters in Eldoret.",
     ("Protests", "Protest with intervention", "Eldoret", None)),
    ("On Monday, police fired rubber bullets at demonstrators in Ibadan.",
     ("Protests", "Protest with intervention", "Ibadan", None)),
    # ... unless someone died as they met the crowd
    ("On Monday, police fired tear gas at protesters in Eldoret, and one man was killed.",
     ("Protests", "Excessive force against protesters", "Eldoret", 1)),
    # arrests in the protest's own sentence: one event, the intervention
    ("On Monday, farmers rallied in Nakuru over maize prices; police detained 12.",
     ("Protests", "Protest with intervention", "Nakuru", None)),
    # but an arrest the protest is against is its topic
    ("On Monday, lawyers rallied in Nakuru against the arrest of a judge.",
     ("Protests", "Peaceful protest", "Nakuru", None)),
])
def test_how_a_protest_was_policed_sets_its_subtype(coder, text, expected):
    assert _coded(coder, text) == expected


def test_arrests_at_a_protest_are_its_intervention_not_an_arrests_event(coder):
    events, _ = coder("On Monday, police arrested 12 demonstrators at a rally in Lusaka.")
    assert [(e.subtype, e.place_name) for e in events] == [("Protest with intervention", "Lusaka")]


@pytest.mark.parametrize("text, place", [
    ("On Monday, teachers staged a peaceful march in Nairobi demanding higher pay.", "Nairobi"),
    ("On Monday, dock workers went on strike in Mombasa over unpaid wages.", "Mombasa"),
    ("On Monday, nurses staged a sit-in outside a hospital in Lusaka.", "Lusaka"),
    ("On Monday, opposition supporters marched in Bamako to demand new elections.", "Bamako"),
])
def test_marches_sit_ins_and_strikes_are_peaceful_protests(coder, text, place):
    assert _coded(coder, text) == ("Protests", "Peaceful protest", place, None)


def test_the_month_of_march_is_no_protest(coder):
    assert coder("Talks between the parties were held in March in Nairobi.")[0] == []


@pytest.mark.parametrize("text, place", [
    # a following "No casualties" sentence must not suppress the strike
    ("On Monday, Saudi-led coalition warplanes carried out air strikes on Sanaa city. No "
     "casualties were reported.", "Sanaa"),
    ("On Monday, Israeli jets carried out airstrikes on Gaza city.", "Gaza"),
    ("On Monday, an armed drone destroyed two trucks near Kidal.", "Kidal"),
    # a junta that bombed a building: its aircraft did
    ("On Monday, the military junta bombed a monastery in Mandalay.", "Mandalay"),
])
def test_plural_air_strikes_are_placed_air_strikes(coder, text, place):
    assert _coded(coder, text) == ("Explosions/Remote violence", "Air/drone strike", place, None)


def test_attackers_nationality_does_not_hide_the_place_attacked(coder):
    events, _ = coder("On Monday, Russian forces shelled Kharkiv city, killing 2 civilians.")
    (ev,) = events
    assert ev.subtype == "Shelling/artillery/missile attack" and ev.fatalities == 2
    assert ev.place is not None and ev.place.country_code == "UA" and ev.place_name == "Kharkiv"


def test_deaths_told_in_the_next_sentence_belong_to_the_incident(coder):
    events, _ = coder("On Monday, rebels and soldiers clashed in Kandahar. 4 rebels were killed.")
    assert [(e.subtype, e.place_name, e.fatalities, len(e.evidence)) for e in events] == [
        ("Armed clash", "Kandahar", 4, 2)]


def test_an_untriggered_death_after_an_incident_is_its_toll(coder):
    """"1 person died." has a casualty word but no trigger of its own: the incident's figure."""
    events, _ = coder("On Monday, two armed groups exchanged fire in Imphal. One person died.")
    assert [(e.subtype, e.place_name, e.fatalities) for e in events] == [
        ("Armed clash", "Imphal", 1)]
    events, _ = coder("On Monday, looting was reported in Nyala. One person died.")
    assert [(e.subtype, e.fatalities) for e in events] == [("Looting/property destruction", None)]


def test_a_bare_figure_after_an_incident_is_its_toll(coder):
    """"There were 4 fatalities.": no event of its own and no place, the incident's figure."""
    events, _ = coder("On Monday, a gunfight broke out in Maiduguri. There were 4 fatalities.")
    assert [(e.place_name, e.fatalities, len(e.evidence)) for e in events] == [
        ("Maiduguri", 4, 2)]
    events, _ = coder("On Monday, rebels clashed with troops in Goma, killing 2. "
                      "There were 4 fatalities in Kinshasa last year.")
    assert [(e.place_name, e.fatalities) for e in events][:1] == [("Goma", 2)]


@pytest.mark.parametrize("text, expected", [
    ("On Monday, soldiers opened fire on unarmed villagers in Mandalay, killing 6 civilians.",
     ("Violence against civilians", "Attack", "Mandalay", 6)),
    ("On Monday, a former soldier was killed by militants in Herat.",
     ("Violence against civilians", "Attack", "Herat", 1)),
    ("On Monday, militants killed a tribal elder in Kandahar.",
     ("Violence against civilians", "Attack", "Kandahar", 1)),
    ("On Monday, soldiers raided a village near Mandalay and killed 5 villagers.",
     ("Violence against civilians", "Attack", "Mandalay", 5)),
    # armed men on both sides: a battle
    ("On Monday, gunmen opened fire on a police patrol in Herat, killing 2 policemen.",
     ("Battles", "Armed clash", "Herat", 2)),
    # the insurgents are the killers, not victims; a beheading is a killing
    ("On Monday, insurgents beheaded 4 villagers near Macomia.",
     ("Violence against civilians", "Attack", "Macomia", 4)),
    # looting during the killing is part of one attack (ACLED), not an event of its own
    ("On Monday, militiamen looted shops in Nyala and shot dead 3 traders.",
     ("Violence against civilians", "Attack", "Nyala", 3)),
    ("On Monday, separatists killed a gendarme in Kumba.", ("Battles", "Armed clash", "Kumba", 1)),
    ("On Monday, gunmen assassinated a former rebel commander in Daraa.",
     ("Violence against civilians", "Attack", "Daraa", 1)),
    # two armed forces joined by "and" kill together: one side, and civilians the victims
    ("On Monday, soldiers and allied volunteers shot dead 9 herders near Djibo.",
     ("Violence against civilians", "Attack", "Djibo", 9)),
])
def test_one_sided_killing_of_civilians_is_an_attack(coder, text, expected):
    assert _coded(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the victims go unnamed: the place attacked says they were civilians
    ("On Monday, gunmen attacked a village near Jos, killing 12.",
     ("Violence against civilians", "Attack", "Jos", 12)),
    ("On Monday, armed men stormed a mosque in Kano.",
     ("Violence against civilians", "Attack", "Kano", None)),
    ("On Monday, militants attacked a camp for displaced families outside Goma.",
     ("Violence against civilians", "Attack", "Goma", None)),
    # a post or a base is no place of civilians
    ("On Monday, gunmen attacked a police post near Jos, killing 2.",
     ("Battles", "Armed clash", "Jos", 2)),
    # the killers may be said to be linked to a group: still the killers, not the victims
    ("On Monday, insurgents linked to Islamic State beheaded four villagers near Pemba.",
     ("Violence against civilians", "Attack", "Pemba", 4)),
])
def test_attacks_on_villages_homes_and_places_of_worship_are_attacks_on_civilians(
        coder, text, expected):
    assert _coded(coder, text) == expected


def test_a_mine_that_is_dug_is_no_landmine(coder):
    assert coder("On Monday, a company reopened the old copper mine near Herat.")[0] == []
    assert _coded(coder, "On Monday, a truck hit a mine near Herat, killing 2 soldiers.") == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED", "Herat", 2)


def test_a_drone_launched_at_a_target_is_a_drone_strike(coder):
    assert _coded(coder, "On Monday, rebels launched a drone at an oil depot in Aden.") == (
        "Explosions/Remote violence", "Air/drone strike", "Aden", None)


@pytest.mark.parametrize("text, expected", [
    ("On Monday, 2 aid workers were kidnapped and later killed by militants near Maiduguri.",
     ("Violence against civilians", "Attack", "Maiduguri", 2)),
    ("On Monday, militants abducted 2 soldiers near Maiduguri and killed them.",
     ("Battles", "Armed clash", "Maiduguri", 2)),
    ("On Monday, militants took 30 civilians hostage in Kandahar.",
     ("Violence against civilians", "Abduction/forced disappearance", "Kandahar", None)),
])
def test_abductions_that_end_in_killing_are_coded_as_the_killing(coder, text, expected):
    assert _coded(coder, text) == expected


@pytest.mark.parametrize("text, place, killed", [
    ("On Monday, police defused a roadside bomb near Peshawar.", "Peshawar", None),
    ("On Monday, an IED detonated prematurely near Kandahar, killing 2 militants.", "Kandahar", 2),
    ("On Monday, soldiers seized a weapons cache in Herat.", "Herat", None),
    ("On Monday, soldiers shot down a drone near Herat.", "Herat", None),
])
def test_bombs_that_never_hit_are_disrupted_weapons_use(coder, text, place, killed):
    events, _ = coder(text)
    assert [(e.subtype, e.place_name, e.fatalities) for e in events] == [
        ("Disrupted weapons use", place, killed)]


@pytest.mark.parametrize("text, place", [
    ("On Monday, militants attacked an army tank in Herat, injuring 3 soldiers.", "Herat"),
    ("On Monday, insurgents attacked and destroyed a police check point in Kandahar. No "
     "casualties were reported.", "Kandahar"),
])
def test_attacks_on_military_targets_without_deaths_are_armed_clashes(coder, text, place):
    assert _coded(coder, text) == ("Battles", "Armed clash", place, None)


@pytest.mark.parametrize("text, place", [
    ("On Monday, 20 soldiers defected to the rebels in Bamako.", "Bamako"),
    ("On Monday, 12 policemen joined Taliban militants in Herat.", "Herat"),
])
def test_fighters_joining_another_side_change_group(coder, text, place):
    assert _coded(coder, text) == ("Strategic developments", "Change to group/activity", place,
                                   None)


def test_joining_talks_is_no_change_of_group(coder):
    assert coder("On Monday, the minister joined the talks in Doha.")[0] == []


@pytest.mark.parametrize("text, expected", [
    ("On Monday, supporters of rival parties fought with sticks and stones in Kumasi.",
     ("Riots", "Mob violence", "Kumasi", None)),
    ("On Monday, protesters clashed with police in Nairobi.",
     ("Riots", "Violent demonstration", "Nairobi", None)),
])
def test_crowds_fighting_without_armed_groups_riot(coder, text, expected):
    assert _coded(coder, text) == expected


@pytest.mark.parametrize("text, killed", [
    # the figure abducted is not the figure killed
    ("Bandits kidnapped 20 villagers and killed 3 of them.", 3),
    ("Soldiers shot dead 2 herders at a checkpoint.", 2),
])
def test_numbers_later_verbs_and_shot_dead(text, killed):
    assert numbers.casualties(text).killed == killed


@pytest.mark.parametrize("text, killed", [
    ("Shelling killed 2 separatists.", 2),  # not "2 Sep"
    ("The ambush killed 3 marines.", 3),  # not "3 Mar"
    ("The raid left 5 Mayi-Mayi militiamen dead.", 5),  # not "5 May"
    ("An IED killed 4 PMF fighters.", 4),  # not "4 pm"
    ("At 5 p.m. a bomb killed 3 people on 2 Sept. 2020.", 3),
    ("He was killed 3 years ago.", None),
    ("An airstrike hit a house, killing a woman and her two children.", 3),
    # a hedge between the verb and its figure: ACLED codes the figure
    ("The blast killed at least 8 people.", 8),
    ("The raid killed more than 20 fighters and wounded about 30.", 20),
    ("A child died after being hit by a stray bullet.", 1),
    ("The bodies of 3 men were found in a ditch.", 3),
    ("Gunmen shot his two brothers dead and killed his two sons.", 4),
])
def test_a_figure_before_a_word_that_begins_like_a_month_or_unit_counts(text, killed):
    assert numbers.casualties(text).killed == killed


def test_a_camp_in_a_province_is_the_place_and_a_listed_area_holds_nothing(coder):
    """"the Jenin refugee camp in the occupied West Bank" happened at Jenin; an unknown name
    listed with an area ("the X Heights and southern Lebanon") does not lie in it."""
    (ev,) = coder("On Monday, Israeli troops raided the Jenin refugee camp in the occupied "
                  "West Bank, killing 3.")[0]
    assert (ev.place_name, ev.geo_precision) == ("Jenin", 1)
    (ev,) = coder("On Monday, jets struck positions in the Qarnawish Heights and southern "
                  "Lebanon.")[0]
    assert ev.place is None
    # "near X and in Y": two scenes side by side, not X inside Y
    (ev,) = coder("On Monday, fighting erupted near Bir Zulvan and in Wadi Fira.")[0]
    assert ev.place_name == "Bir Zulvan" and ev.place is None


def test_a_toll_given_place_by_place_is_one_event_per_place(coder):
    """ACLED codes an event per location: "including nine in Jabalia and five in Nuseirat" is
    two strikes with their own tolls, and the deaths of the total no place accounts for are
    one more, unplaced, never added to a listed place."""
    events, _ = coder("On Monday, Israeli strikes killed 20 people, including nine in Jabalia "
                      "and five in Nuseirat, medics said.")
    got = sorted((e.place_name or "", e.place.country_code if e.place else None, e.fatalities)
                 for e in events)
    assert got == [("", None, 6), ("Jabalia", "PS", 9), ("Nuseirat", "PS", 5)]
    events, _ = coder("On Monday, Russian shelling killed two people in Kharkiv and one in Sumy.")
    assert sorted((e.place_name, e.fatalities) for e in events) == [("Kharkiv", 2), ("Sumy", 1)]
    events, _ = coder("On Monday, shelling killed 3 people in Kharkiv, officials in Kyiv said.")
    assert [(e.place_name, e.fatalities) for e in events] == [("Kharkiv", 3)]


@pytest.mark.parametrize("text, figures", [
    ("Airstrikes killed 20: 12 people were killed in Khan Younis, five in Rafah and three in "
     "Deir al-Balah.", [("Khan Younis", 12), ("Rafah", 5), ("Deir al-Balah", 3)]),
    ("Two were killed in Kharkiv and one in Sumy.", [("Kharkiv", 2), ("Sumy", 1)]),
    ("He lived 10 years in London and 5 in Paris.", []),  # no people: no figures of the dead
    ("Officials said 3 soldiers were killed in Herat on Monday.", []),  # one place: no list
])
def test_figures_given_place_by_place(text, figures):
    assert [(text[a:b], n) for _, a, b, n in numbers.counts_by_place(text)] == figures


@pytest.mark.parametrize("text, name, area", [
    ("On Monday, militants attacked Mbau (Beni, Nord-Kivu), killing 4 civilians.", "Mbau",
     "Beni"),
    ("On Monday, gunmen killed 3 people in Guji zone (Oromia).", "Guji", "Oromia"),
    # placed at its country: still the event's place, though a country needs "in" before it
    ("On Monday, shelling killed a farmer near the border village of Qarnawish, Lebanon's "
     "news agency said.", "Qarnawish", "Lebanon"),
    # placed at the country the story later says holds it, though "in occupied X" is no "in"
    # before a country
    ("On Monday, heavy shelling hit villages in occupied Qarnawish. Qarnawish is inside Chad "
     "but held by rebels.", "Qarnawish", "Chad"),
])
def test_an_unknown_village_is_placed_in_the_area_after_it_not_at_that_area(coder, text, name,
                                                                          area):
    """ACLED's "Village (District, Province)": the district is where to fall back to, with
    geo_precision 2 or 3, never the event's own place at precision 1."""
    (ev,) = coder(text)[0]
    assert (ev.place_name, ev.place.name) == (name, area) and ev.geo_precision >= 2


@pytest.mark.parametrize("text, expected", [
    ("On Monday, Russian forces fired MLRS at Vuhledar.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Vuhledar", None)),
    ("On Monday, aircraft dropped guided aerial bombs on Kupiansk, killing 1 civilian.",
     ("Explosions/Remote violence", "Air/drone strike", "Kupiansk", 1)),
    ("On Monday, Ukrainian forces hit a depot in Nova Kakhovka with HIMARS.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Nova Kakhovka", None)),
])
def test_weapons_named_without_a_verb_of_their_own_set_the_subtype(coder, text, expected):
    assert _coded(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a missile or rocket strike is shelling, as ACLED codes it; a strike of no weapon an air one
    ("On Monday, a missile strike hit a school in Sumy, killing 4.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Sumy", 4)),
    ("On Monday, strikes hit a school in Sumy, killing 4.",
     ("Explosions/Remote violence", "Air/drone strike", "Sumy", 4)),
    ("On Monday, an airstrike destroyed a mosque in Sumy.",
     ("Explosions/Remote violence", "Air/drone strike", "Sumy", None)),
    ("On Monday, a shell landed on a bus stop in Sumy, killing 3.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Sumy", 3)),
    # a bombing of no other kind is an explosive's; a bombing target is none
    ("On Monday, a bombing at a bus station in Quetta killed 6.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Quetta", 6)),
    ("Quetta ranked high as a bombing target in 1971.", None),
    # a patrol that came under fire was ambushed, unless heavy weapons fired
    ("On Monday, 2 soldiers died when their patrol came under fire near Gao.",
     ("Battles", "Armed clash", "Gao", 2)),
    ("On Monday, Gao came under fire from artillery, killing 2.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Gao", 2)),
    # a captive's release told with the abduction is part of it
    ("On Monday, gunmen kidnapped a priest in Enugu; he was released on Friday.",
     ("Violence against civilians", "Abduction/forced disappearance", "Enugu", None)),
])
def test_strikes_shells_bombings_and_releases_are_coded_as_acled_does(coder, text, expected):
    assert _coded(coder, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On Monday, settlers attacked shepherds near Hebron, injuring 2.",
     ("Violence against civilians", "Attack", "Hebron", None)),
    ("On Monday, soldiers beat residents of Kisumu.",
     ("Violence against civilians", "Attack", "Kisumu", None)),
    ("On Monday, troops occupied the airport of Kidal.",
     ("Battles", "Government regains territory", "Kidal", None)),
    ("On Monday, protesters occupied the town hall in Kisumu.",
     ("Protests", "Peaceful protest", "Kisumu", None)),
    ("Occupied since May, Kidal was shelled on Monday.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Kidal", None)),
])
def test_assaults_on_civilians_and_occupation_by_forces(coder, text, expected):
    assert _coded(coder, text) == expected


@pytest.mark.parametrize("text, actor, code", [
    # a state's weapon names its military, and a country's possessive its own forces
    ("On Monday, a Russian missile hit a school in Sumy, killing 4.", "Russian military", "RU"),
    ("On Monday, an Israeli strike on a house in Tyre killed 3.", "Israeli military", "IL"),
    ("On Monday, Ukraine's air force downed 9 drones over Odesa.", "Ukraine's air force", "UA"),
    # a state that strikes is its own actor
    ("On Monday, Israel struck targets near Damascus.", "Israel", "IL"),
    ("On Monday, Russia launched 40 drones at Kyiv.", "Russia", "RU"),
])
def test_a_state_named_by_its_weapons_or_forces_is_an_actor(coder, text, actor, code):
    (ev,) = coder(text)[0]
    assert (actor, code) in [(a.name, a.country_code) for a in ev.actors]


@pytest.mark.parametrize("text, actor", [
    ("On Monday, U.S. forces killed 3 militants in an air strike near Jilib.", "U.S. forces"),
    ("On Monday, the United States military carried out an air strike near Jilib, killing 3 "
     "fighters.", "United States military"),
])
def test_a_country_s_forces_without_a_possessive_are_an_actor(coder, text, actor):
    (ev,) = coder(text)[0]
    assert (actor, "US") in [(a.name, a.country_code) for a in ev.actors]
    text = "On Monday, the war in Sudan forces thousands to flee Omdurman, killing 5."
    assert all(a.country_code != "SD" for e in coder(text)[0] for a in e.actors)


@pytest.mark.parametrize("text, actors", [
    # a country's name before its aircraft names its military, as a demonym's does
    ("On Monday, U.S. warplanes struck Houthi targets near Sanaa.",
     [("U.S. military", "US"), ("Houthi", None)]),
    # two states sharing one force noun or weapon are two actors
    ("On Monday, U.S. and British warplanes struck Houthi targets near Sanaa.",
     [("U.S. military", "US"), ("British military", "GB"), ("Houthi", None)]),
    ("On Monday, American and Iraqi troops clashed with Islamic State fighters near Mosul.",
     [("American troops", "US"), ("Iraqi troops", "IQ"), ("Islamic State", None)]),
])
def test_states_sharing_a_force_or_named_before_aircraft_are_actors(coder, text, actors):
    (ev,) = coder(text)[0]
    assert [(a.name, a.country_code) for a in ev.actors] == actors


def test_a_country_s_strikes_say_whose_they_were_not_where(coder):
    (ev,) = coder("On Monday, 12 people were killed in U.S. strikes near Hodeidah, Yemen.")[0]
    assert (ev.subtype, ev.place_name, [(a.name, a.country_code) for a in ev.actors]) == \
        ("Air/drone strike", "Hodeidah", [("U.S. military", "US")])


@pytest.mark.parametrize("text, actors", [
    # "its troops": the forces of the state that spoke before
    ("On Monday, Russia's defence ministry said its troops repelled attacks near Korenevo.",
     [("Russia's troops", "RU")]),
    ("On Monday, the Russian defence ministry said its air defences shot down 30 Ukrainian "
     "drones over Belgorod.", [("Russian air defences", "RU"), ("Ukrainian military", "UA")]),
])
def test_a_state_s_forces_named_by_its_pronoun_are_an_actor(coder, text, actors):
    (ev,) = coder(text)[0]
    assert [(a.name, a.country_code) for a in ev.actors] == actors


def test_a_demonym_across_a_comma_from_a_force_is_no_actor(coder):
    # the dead "four Afghans, police said": not an actor called "Afghans, police"
    (ev,) = coder("On Monday, a suicide bomber killed four Afghans, police said.")[0]
    assert ev.actors == []


def test_a_weapon_maker_is_no_actor(coder):
    events, _ = coder("On Monday, Russian missile makers fired 40 workers in Sumy.")
    assert all(a.name != "Russian military" for e in events for a in e.actors)


def test_a_foreign_state_taking_ground_is_coded_as_a_non_state_actor(coder):
    """ACLED codes a foreign state's capture as "Non-state actor overtakes territory"; the
    country's own forces retaking ground regain it."""
    (ev,) = coder("On Monday, Russian forces captured the village of Pisky in Ukraine.")[0]
    assert ev.subtype == "Non-state actor overtakes territory"
    (ev,) = coder("On Monday, Ukrainian forces recaptured the village of Pisky in Ukraine.")[0]
    assert ev.subtype == "Government regains territory"


@pytest.mark.parametrize("text", ["On Monday, the bodies of 3 men were found in Culiacan.",
                                  "On Monday, police found 3 bodies in a well in Culiacan."])
def test_bodies_found_are_an_attack_with_their_deaths(coder, text):
    assert _coded(coder, text) == ("Violence against civilians", "Attack", "Culiacan", 3)
    assert coder("On Monday, body armour was found in Culiacan.")[0] == []


def test_police_as_the_source_are_not_among_the_victims(coder):
    text = "On Monday, police said gunmen attacked a bus near Mandera, killing 10 passengers."
    assert _coded(coder, text) == ("Violence against civilians", "Attack", "Mandera", 10)


def test_an_intercepted_missile_is_placed_where_it_was_aimed_not_at_the_launchers(coder):
    text = ("On Monday, Yemen's Houthi rebels fired a missile at the Saudi city of Jizan, and "
            "air defences intercepted it.")
    (ev,) = coder(text)[0]
    assert (ev.subtype, ev.place_name) == ("Disrupted weapons use", "Jizan")


def test_an_event_in_listed_places_is_one_event_per_place(coder):
    events, _ = coder("On Monday, jets later struck rebel positions in Hodeidah and Sanaa.")
    assert [(e.subtype, e.place_name) for e in events] == \
        [("Air/drone strike", "Hodeidah"), ("Air/drone strike", "Sanaa")]
    events, _ = coder("Air strikes killed at least 30 people in Khan Younis and Rafah overnight.")
    assert [(e.place_name, e.fatalities) for e in events] == [("Khan Younis", 15), ("Rafah", 15)]


def test_armed_men_attacking_a_prison_or_police_station_is_a_clash(coder):
    events, _ = coder("On Monday, gangs attacked the main prison in Port-au-Prince, freeing "
                      "hundreds of inmates.")
    assert [(e.subtype, e.place_name) for e in events] == [("Armed clash", "Port-au-Prince")]


@pytest.mark.parametrize("text, actors", [
    # actors in the sentence's order: who acted is named first, whatever kind of actor
    ("On Monday, M23 rebels seized Sake after fighting with Congolese troops.",
     ["M23", "Congolese troops"]),
    ("On Monday, Afghan forces repelled a Taliban attack in Kunduz.",
     ["Afghan forces", "Taliban"]),
])
def test_actors_come_in_the_order_the_sentence_names_them(coder, text, actors):
    (ev,) = coder(text)[0]
    assert [a.name for a in ev.actors] == actors


@pytest.mark.parametrize("text, subtype", [
    # a place taken as the other side withdrew changed hands once, without a battle
    ("On Monday, Malian troops took control of Kidal after the rebels withdrew from the town.",
     "Non-violent transfer of territory"),
    ("On Monday, Malian troops took control of Kidal after heavy fighting, and the rebels "
     "withdrew from the town.", "Government regains territory"),
])
def test_a_withdrawal_with_the_place_taken_is_one_event(coder, text, subtype):
    assert [e.subtype for e in coder(text)[0]] == [subtype]


def test_places_listed_after_a_verb_of_capture_are_one_event_each(coder):
    events, _ = coder("On Monday, Fano militiamen captured Lalibela and Gondar.")
    assert [(e.subtype, e.place_name) for e in events] == \
        [("Non-state actor overtakes territory", "Lalibela"),
         ("Non-state actor overtakes territory", "Gondar")]


def test_a_strike_on_a_building_is_an_air_strike(coder):
    # one strike, as the plural ("strikes on"): a target follows, not a walkout's day
    (ev,) = coder("On Saturday, an Israeli strike on a school in Gaza City killed 22 people.")[0]
    assert (ev.subtype, ev.place_name, ev.fatalities) == ("Air/drone strike", "Gaza City", 22)
    assert [e.subtype for e in coder("Workers began a strike on Monday over pay.")[0]] == []


def test_a_list_of_places_after_a_named_target_is_still_a_list(coder):
    # "struck RSF positions in A and B": the list starts after "in", not at the target's name
    events, _ = coder("On Monday, army drones struck RSF positions in Omdurman and Kassala.")
    assert [(e.subtype, e.place_name) for e in events] == \
        [("Air/drone strike", "Omdurman"), ("Air/drone strike", "Kassala")]


@pytest.mark.parametrize("text, actors", [
    # a force no demonym names that acts is the force of the country where it acted
    ("On Monday, army drones struck RSF positions in Omdurman.", [("army", "SD"), ("RSF", None)]),
    ("On Monday, government troops shelled villages near Kassala.", [("troops", "SD")]),
    # ... or that the fighting is between
    ("On Monday, clashes between the army and the RSF near Kassala killed 6 soldiers.",
     [("army", "SD"), ("RSF", None)]),
    # not the dead, nor a force the sentence gives a state
    ("On Monday, two soldiers were killed when a bomb hit their truck in Kassala.", []),
    ("On Monday, Chadian troops shelled villages near Kassala.", [("Chadian troops", "TD")]),
])
def test_a_force_with_no_state_named_is_the_home_country_s(coder, text, actors):
    (ev,) = coder(text)[0]
    assert [(a.name, a.country_code) for a in ev.actors] == actors


def test_an_event_in_a_side_of_a_country_is_placed_in_the_country(coder):
    """"A village in northern Mali": no finer place is named, so the country, precision 3."""
    (ev,) = coder("On Sunday, gunmen killed 9 people in a village in northern Mali.")[0]
    assert (ev.place_name, ev.place.feature_code[:3], ev.geo_precision) == ("Mali", "PCL", 3)


@pytest.mark.parametrize("text, place", [
    ("A suicide bomber killed 12 worshippers at a mosque in Quetta, Balochistan, on Friday.",
     "Quetta"),
    ("Police shot dead 4 protesters in Mombasa, Kenya, on Tuesday.", "Mombasa"),
])
def test_the_province_or_country_after_a_town_is_no_second_scene(coder, text, place):
    """A town's province or country after a comma says where the one scene lies: the toll is
    not split between the town and the area."""
    (ev,) = coder(text)[0]
    assert (ev.place_name, ev.fatalities) == (place, 12 if "12" in text else 4)
    # two towns, though, are two scenes
    events, _ = coder(text.replace(", Balochistan,", " and Turbat").replace(
        ", Kenya,", " and Nairobi"))
    assert len(events) == 2


@pytest.mark.parametrize("text, actor", [
    ("On Monday, Houthi forces captured the town of Al Hazm.", "Houthi"),
    ("On Monday, RSF fighters seized the town of Nyala.", "RSF"),
    # militiamen are no state's forces, unless the text makes them its allies
    ("On Monday, militiamen took control of the town of Dessie after fighting the army.", None),
])
def test_named_armed_groups_taking_ground_are_non_state_actors(coder, text, actor):
    (ev,) = coder(text)[0]
    assert ev.subtype == "Non-state actor overtakes territory"
    assert actor is None or actor in [a.name for a in ev.actors]
    (ev,) = coder(text.replace("militiamen", "pro-government militiamen"))[0]
    assert ev.subtype == ("Government regains territory" if actor is None else
                          "Non-state actor overtakes territory")


def test_a_town_inside_the_province_a_sentence_names_is_the_finer_place(coder):
    text = ("On Monday, in the occupied West Bank, troops raided the Jenin refugee camp, "
            "killing 3 gunmen.")
    (ev,) = coder(text)[0]
    assert ev.place_name == "Jenin" and ev.geo_precision == 1


def test_a_protest_s_topic_and_a_riot_s_damage_are_no_events_of_their_own(coder):
    events, _ = coder("On Monday, lawyers protested in Multan against the arrest of a judge.")
    assert [e.subtype for e in events] == ["Peaceful protest"]
    events, _ = coder("On Monday, youths rioted and torched a police post in Bunia.")
    assert [e.subtype for e in events] == ["Violent demonstration"]


@pytest.mark.parametrize("text", [
    "On Monday, 9 people died of cholera in Kisumu, health officials said.",
    "The flu virus has killed 12 children in Kano this winter.",
    "Lightning strikes hit farms near Tamale on Monday, killing 2 herders.",
    "A bus crash near Tamale killed 12 passengers on Monday.",
    "A 40-year-old farmer from Tamale died on Monday.",
    "On Monday, the bodies of 2 students swept away by floods were recovered near Tamale.",
    "A quake near Kisumu on Monday killed 3 people and damaged dozens of homes.",
    "Aftershocks killed two more people in Kisumu on Monday.",
    "On Monday, wildfires killed 4 firefighters near Kisumu.",
])
def test_deaths_from_disease_mishap_or_no_stated_cause_are_no_events(coder, text):
    assert [e for e in coder(text)[0] if not e.background] == []


@pytest.mark.parametrize("text, expected", [
    ("On Monday, the mayor of Kisumu lost his fight against cancer.", None),
    ("On Monday, Kisumu began new efforts to fight mosquitoes.", None),
    ("On Monday, heavy fighting was reported in Kismayo.", ("Armed clash", "Kismayo")),
    ("Fighting near Kismayo on Monday as both sides claim gains.", ("Armed clash", "Kismayo")),
    ("On Monday, rival clans fought in Kismayo, leaving 3 dead.", ("Armed clash", "Kismayo")),
])
def test_fighting_needs_someone_who_fights(coder, text, expected):
    coded = _coded(coder, text)
    assert (coded and coded[1:3]) == expected


def test_goods_seized_are_no_ground_taken(coder):
    text = "On Monday, police in Kisumu arrested two vendors and seized 3 tonnes of rotten meat."
    assert [e.subtype for e in coder(text)[0]] == ["Arrests"]


@pytest.mark.parametrize("text", [
    "On Monday, the minister came under fire from critics in Kisumu over the budget.",
    "On Monday, a factory near Lynchburg recalled its peanut butter.",
    "On Monday, a former spy who had defected to Britain died in London.",
    "On Monday, a driver was released on bail in Kisumu.",
    "On Monday, health ministers agreed in Kisumu to share vaccine stocks.",
    "On Monday, experts in social mobilization arrived in Kisumu.",
    "On Monday, Kisumu declared a state of emergency over the cholera outbreak.",
])
def test_words_that_name_conflict_only_in_a_conflict_are_no_events_elsewhere(coder, text):
    assert [e.subtype for e in coder(text)[0] if not e.background] == []


@pytest.mark.parametrize("text, subtype", [
    ("On Monday, rebels seized Kidal after heavy fighting.", "Non-state actor overtakes territory"),
    ("On Monday, troops seized control of the airport in Kidal.", "Government regains territory"),
    ("On Monday, a convoy came under fire from militants near Kidal.", "Armed clash"),
    ("On Monday, 3 hostages were released in Kidal.", "Other"),
    ("On Monday, the army and the rebels signed an agreement in Kidal.", "Agreement"),
])
def test_the_same_words_in_a_conflict_still_are(coder, text, subtype):
    assert _coded(coder, text)[1] == subtype


@pytest.mark.parametrize("text, subtype", [
    # the first armed men before the verb took the ground, not those named after it
    ("On Monday, troops backed by local militias captured Kidal after the rebels withdrew.",
     "Government regains territory"),
    ("On Monday, rebels captured Kidal from government troops.",
     "Non-state actor overtakes territory"),
    # the army reporting it took nothing
    ("On Monday, the army said rebels had captured Kidal.", "Non-state actor overtakes territory"),
])
def test_who_took_the_ground_is_the_subject_of_the_verb(coder, text, subtype):
    assert _coded(coder, text)[1] == subtype


def test_a_liberation_army_by_name_liberates_nothing(coder):
    text = ("On Monday, the Oromo Liberation Army ambushed a convoy near Nekemte, killing 8 "
            "police officers.")
    assert _coded(coder, text) == ("Battles", "Armed clash", "Nekemte", 8)
    text = "On Monday, the army announced the liberation of Nekemte."
    assert _coded(coder, text)[1] == "Government regains territory"
    text = "Troops landed there in 1944, during the Liberation of Guam."
    assert coder(text)[0] == []


def test_a_person_who_reports_the_deaths_is_not_one_of_them(coder):
    text = ("On Monday, gunmen killed 23 farmers near Konduga, residents and a local leader "
            "said.")
    assert _coded(coder, text)[3] == 23


def test_where_a_witness_spoke_from_is_not_where_it_happened(coder):
    text = ("On Monday, a car bomb exploded at the gate of an army base, killing 3 soldiers, an "
            "elder told reporters by phone from Beledweyne.")
    assert _coded(coder, text) == ("Explosions/Remote violence", "Remote explosive/landmine/IED",
                                   None, 3)


def test_another_kind_of_attack_told_with_also_is_another_event(coder):
    text = ("On Monday, warplanes struck the town of Ariha, killing 9 civilians. Troops also "
            "shelled Ariha, killing 3 people.")
    coded = sorted((e.subtype, e.fatalities) for e in coder(text)[0])
    assert coded == [("Air/drone strike", 9), ("Shelling/artillery/missile attack", 3)]


@pytest.mark.parametrize("text, subtype, precision", [
    ("On Monday, gang members attacked the town of Mirebalais, killing 10 people. Residents "
     "fled. Police and soldiers later retook the town.", "Government regains territory", 1),
    ("On Monday, rebels shelled Kadugli, killing 4 people. The army responded with air strikes "
     "on rebel positions east of the city.", "Air/drone strike", 2),
])
def test_the_town_a_later_sentence_speaks_of_is_the_incident_s(coder, text, subtype,
                                                                 precision):
    (ev,) = [e for e in coder(text)[0] if e.subtype == subtype]
    assert (ev.place_name, ev.geo_precision) == (
        "Mirebalais" if precision == 1 else "Kadugli", precision)


def test_miners_killed_by_separatists_are_civilians_whoever_reports_it(coder):
    text = ("On Monday, separatists from the Baloch Liberation Army attacked a coal mine in "
            "Duki, killing 20 miners, police official Hamayun Khan told reporters.")
    assert _coded(coder, text) == ("Violence against civilians", "Attack", "Duki", 20)
    # miners killed by a mining disaster are no political violence
    assert coder("On Monday, a fire in a mine shaft killed 30 miners near Duki.")[0] == []


def test_a_bare_death_with_a_weapon_named_is_still_an_event(coder):
    text = "On Monday, a farmer died in Tamale after gunmen opened fire on his house."
    assert _coded(coder, text)[2:] == ("Tamale", 1)


def test_strikes_that_hit_a_place_are_air_strikes(coder):
    text = "On Monday, Israeli strikes hit the port city of Tyre, killing at least 12 people."
    assert _coded(coder, text) == ("Explosions/Remote violence", "Air/drone strike", "Tyre", 12)
    assert _coded(coder, "On Monday, a general strike hit Lagos.")[1] == "Peaceful protest"


def test_a_checkpoint_set_up_is_a_base_established(coder):
    text = "On Monday, the Taliban set up a checkpoint on the highway in Ghazni."
    assert _coded(coder, text) == ("Strategic developments", "Headquarters or base established",
                                   "Ghazni", None)


def test_a_country_named_as_whose_weapon_does_not_outvote_the_place(coder):
    (ev,) = coder("On Monday, a suspected US drone strike killed a commander in Marib city.")[0]
    assert (ev.place.country_code, ev.fatalities) == ("YE", 1)


def test_a_state_named_as_an_owner_does_not_pull_the_event_abroad(coder):
    """"the US embassy in Baghdad": the US owns the embassy; the rocket fell in Iraq."""
    (ev,) = coder("On Monday, a rocket landed near the US embassy in the Green Zone (Baghdad).")[0]
    assert (ev.subtype, ev.place.name) == ("Shelling/artillery/missile attack", "Baghdad")


def test_an_event_in_a_named_country_s_capital_is_at_that_capital(coder):
    (ev,) = coder("On Monday, a car bomb exploded in the Iraqi capital, killing 5 people.")[0]
    assert (ev.place_name, ev.place.name, ev.geo_precision, ev.fatalities) == \
        ("Iraqi capital", "Baghdad", 1, 5)


def test_a_works_named_after_its_town_is_placed_in_it(coder):
    events, _ = coder("Drones struck the Kharkiv Tractor Plant on Monday.")
    assert [(e.subtype, e.place.name) for e in events] == [("Air/drone strike", "Kharkiv")]
    # unless the text says where it is: the plant named after a province lies in another town
    events, _ = coder("Troops shelled the Zaporizhzhia Nuclear Power Plant in Enerhodar.")
    assert [e.place.name for e in events] == ["Enerhodar"]
    events, _ = coder("Russian forces occupied the Zaporizhzhia Nuclear Power Plant in Enerhodar.")
    assert [(e.place_name, e.place.name) for e in events] == \
        [("Zaporizhzhia Nuclear Power Plant", "Enerhodar")]  # the site, in the town it lies in


def test_the_area_a_place_lies_in_is_not_where_the_event_is(coder):
    """The passive voice puts the area nearer the verb; the shelled place is the village."""
    events, _ = coder("Talish village in Tartar district was shelled on Sunday.")
    assert [(e.place_name, e.place.name, e.geo_precision) for e in events] == \
        [("Talish", "Tartar", 2)]


# --- reports from Gaza, Ukraine, Ethiopia, Colombia and Mexico (invented sentences) ---

@pytest.mark.parametrize("text, expected", [
    # strikes "on" a named place or a target are strikes from the air
    ("On Monday, Israeli strikes on Rafah killed 9 people.",
     ("Explosions/Remote violence", "Air/drone strike", "Rafah", 9)),
    # a place whose name begins like a month's is no date ("Mayadin", "Marib")
    ("On Monday, Israeli strikes on Marib continued.",
     ("Explosions/Remote violence", "Air/drone strike", "Marib", None)),
    ("On Monday, strikes against militant hideouts near Jilib killed 12 fighters.",
     ("Explosions/Remote violence", "Air/drone strike", "Jilib", 12)),
    # and workers' strikes are protests, "staged strikes" too
    ("On Monday, teachers staged strikes against low pay in Kisumu.",
     ("Protests", "Peaceful protest", "Kisumu", None)),
    # a drone unit's or crew's strike is a drone strike
    ("On Monday, the army's drone units hit a fuel depot near Horlivka.",
     ("Explosions/Remote violence", "Air/drone strike", "Horlivka", None)),
    # a target country with no finer place is where the rockets fell, precision 3
    ("On Monday, Hezbollah fired dozens of rockets at northern Israel.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Israel", None)),
    ("On Monday, Ukraine launched drones into Russia.",
     ("Explosions/Remote violence", "Air/drone strike", "Russia", None)),
    # one person named by role is one dead
    ("On Monday, gunmen killed a local councillor in Fresnillo.",
     ("Violence against civilians", "Attack", "Fresnillo", 1)),
])
def test_strikes_drones_and_single_victims_in_other_conflicts(coder, text, expected):
    assert _coded(coder, text) == expected


def test_workers_strikes_on_a_day_are_no_air_strikes(coder):
    events, _ = coder("Rail workers announced strikes on Monday in Lyon.")
    assert all(e.subtype != "Air/drone strike" for e in events)


@pytest.mark.parametrize("text, actor, place", [
    ("On Monday, Fano militiamen clashed with federal forces near Debre Markos.", "Fano",
     "Debre Markos"),
    ("On Monday, soldiers clashed with ELN guerrillas in Arauca, killing 2.", "ELN", "Arauca"),
    ("On Monday, TPLF fighters shelled the town of Alamata.", "TPLF", "Alamata"),
])
def test_armed_groups_of_ethiopia_and_colombia_are_actors_not_places(coder, text, actor, place):
    (ev,) = coder(text)[0]
    assert actor in [a.name for a in ev.actors] and ev.place_name == place


def test_fano_the_italian_town_stays_a_place(coder):
    _, doc = coder("On Monday, a festival in Fano drew large crowds.")
    assert [(m.text, m.place.country_code) for m in doc.mentions] == [("Fano", "IT")]


@pytest.mark.parametrize("text, expected", [
    # a raid on villages that beheads people is an attack on civilians
    ("On Monday, insurgents raided the village of Mitope in Macomia district, beheading two "
     "men.", [("Violence against civilians", "Attack", "Mitope", 2)]),
    # taking to the streets is a protest
    ("On Monday, hundreds of people took to the streets of Cap-Haitien.",
     [("Protests", "Peaceful protest", "Cap-Haitien", None)]),
    # the suburbs of a city are the scenes, one event each, the dead divided
    ("On Monday, gangs attacked police stations in the Port-au-Prince suburbs of Gressier and "
     "Carrefour, killing 4 officers.", [("Battles", "Armed clash", "Gressier", 2),
                                       ("Battles", "Armed clash", "Carrefour", 2)]),
])
def test_raids_street_protests_and_suburbs(coder, text, expected):
    events, _ = coder(text)
    assert [(e.type, e.subtype, e.place_name, e.fatalities) for e in events] == expected


def test_gangs_are_an_armed_group(coder):
    (ev,) = coder("On Monday, armed gangs attacked a police station in Gressier.")[0]
    assert ev.subtype == "Armed clash" and [a.name for a in ev.actors] == ["armed gangs"]


@pytest.mark.parametrize("text, place", [
    # an area's possessive says where the next name lies: the event is at that name
    ("On Monday, gunmen killed 12 villagers in Zamfara's Maru area.", "Maru"),
    ("On Monday, gunmen abducted 20 pupils in Kaduna State's Kuriga town.", "Kuriga"),
    ("On Monday, troops clashed with rebels in Kachin State's Myitkyina township.",
     "Myitkyina"),
])
def test_an_event_in_an_area_s_named_place_is_at_that_place(coder, text, place):
    (ev,) = coder(text)[0]
    assert ev.place_name == place and ev.place is not None


@pytest.mark.parametrize("text, expected", [
    # armed men attacking a town by name: a battle for it, unless civilians were the dead
    ("On Monday, ADF rebels attacked Oicha, residents said.",
     [("Battles", "Armed clash", "Oicha", None)]),
    ("On Monday, jihadists stormed the town of Djibo, killing 12 civilians.",
     [("Violence against civilians", "Attack", "Djibo", 12)]),
    # not armed men, or a search by state forces, or no place after the verb
    ("On Monday, fans stormed Wembley after the final whistle.", []),
    ("On Monday, police raided Hamas offices in Ramallah.", []),
    ("On Monday, critics attacked Biden over the withdrawal from Kabul.", []),
])
def test_armed_men_attacking_a_named_town(coder, text, expected):
    events, _ = coder(text)
    assert [(e.type, e.subtype, e.place_name, e.fatalities) for e in events] == expected


@pytest.mark.parametrize("text, names", [
    # armed men nothing names are the actor when they acted and nobody else is named
    ("On Monday, suspected militants attacked the town of Mocimboa da Praia.", ["militants"]),
    ("On Monday, Taliban militants attacked a checkpoint in Herat.", ["Taliban"]),
    # the dead are no actor
    ("On Monday, 3 militants were killed in a clash with police in Herat.", []),
    # beside a state's forces they are still the actor, where the sentence names them
    ("On Monday, militants ambushed an army convoy in Poonch, the Indian Army said.",
     ["militants", "Indian Army"]),
])
def test_unnamed_armed_men_who_acted_are_the_actor(coder, text, names):
    (ev,) = coder(text)[0]
    assert [a.name for a in ev.actors] == names


@pytest.mark.parametrize("text, expected", [
    # the towns a violent verb hits are one scene each, the figure divided
    ("On Monday, Russian forces shelled Nikopol overnight and Kherson city.",
     [("Nikopol", None), ("Kherson", None)]),
    ("On Monday, Israeli strikes hit Gaza and the West Bank, killing 6.",
     [("Gaza", 3), ("West Bank", 3)]),
    ("On Monday, rebels attacked Beni and Oicha, killing 10 civilians.",
     [("Beni", 5), ("Oicha", 5)]),
    # each with its kind before it
    ("On Monday, Russian forces shelled the city of Nikopol and the town of Marhanets, killing "
     "2 people.", [("Nikopol", 1), ("Marhanets", 1)]),
    # an aside after a comma is no second scene
    ("On Monday, rockets hit Kharkiv, the second city, killing 2.", [("Kharkiv", 2)]),
    # so are the towns of a raid, strikes or an offensive on them
    ("On Monday, Israeli forces launched a raid on Jenin and Tulkarm, killing 10 Palestinians.",
     [("Jenin", 5), ("Tulkarm", 5)]),
])
def test_the_towns_a_verb_hits_are_one_scene_each(coder, text, expected):
    events, _ = coder(text)
    assert [(e.place_name, e.fatalities) for e in events] == expected


@pytest.mark.parametrize("text, expected", [
    # two incidents in one sentence, each with its trigger, place and actor; the day the
    # sentence states dates both
    ("On Sunday, Armenian forces shelled Tartar, killing two civilians, while Azerbaijani "
     "drones struck Khankendi.",
     [("Shelling/artillery/missile attack", "Tartar", 2, ["Armenian forces"], 27),
      ("Air/drone strike", "Khankendi", None, ["Azerbaijani military"], 27)]),
    ("Rebels shelled Goma on Sunday; meanwhile, government jets bombed Rutshuru.",
     [("Shelling/artillery/missile attack", "Goma", None, ["Rebels"], 27),
      ("Air/drone strike", "Rutshuru", None, [], 27)]),
    # "and" before a force of its own opens a clause too
    ("On Sunday, Israeli jets struck Tyre and Israeli troops clashed with Hezbollah fighters "
     "near Nabatieh.",
     [("Air/drone strike", "Tyre", None, ["Israeli military"], 27),
      ("Armed clash", "Nabatieh", None, ["Israeli troops", "Hezbollah"], 27)]),
    # a clause with no place of its own tells the same incident
    ("On Sunday, rebels shelled Goma, killing 3 civilians, while 2 soldiers were wounded.",
     [("Shelling/artillery/missile attack", "Goma", 3, ["rebels"], 27)]),
    ("On Sunday, Israeli troops and Hezbollah fighters clashed near Nabatieh.",
     [("Armed clash", "Nabatieh", None, ["Israeli troops", "Hezbollah"], 27)]),
])
def test_each_clause_of_a_sentence_may_tell_an_incident(coder, text, expected):
    events, _ = coder(text)
    assert [(e.subtype, e.place_name, e.fatalities, [a.name for a in e.actors], e.date.day)
            for e in events] == expected


def test_the_clauses_of_a_sentence_about_the_past_are_background(coder):
    events, _ = coder("In May 1902, rebels shelled Jolo and American troops attacked Zamboanga.")
    assert len(events) == 2 and all(e.background and e.date is None for e in events)


@pytest.mark.parametrize("text, subtypes", [
    # the incident an event came after is told elsewhere ...
    ("On Wednesday, the rebels in Tartar agreed to lay down their weapons, a day after the "
     "army's offensive began.", ["Agreement"]),
    # ... unless it is all the sentence tells
    ("On Wednesday, Tartar was quiet, a day after heavy fighting in the town.", ["Armed clash"]),
])
def test_the_incident_an_event_came_after_is_not_its_own(coder, text, subtypes):
    assert [e.subtype for e in coder(text)[0]] == subtypes


def test_a_dateline_s_day_is_no_figure(coder):
    # "Sept 27 (Wire) - ... killed at least 30": the 27 is the day, not more dead
    (ev,) = coder("BAMAKO, Sept 27 (Wire) - Gunmen killed at least 30 civilians in a market in "
                  "Mali's Mopti region.")[0]
    assert ev.fatalities == 30 and ev.date == dt.date(2020, 9, 27)
    # nor when the dateline is later than the day of publication
    (ev,) = coder("BEIRUT, Oct 22 - A drone strike in the southern town of Nabatieh killed two "
                  "fighters.")[0]
    assert ev.fatalities == 2


@pytest.mark.parametrize("text, expected", [
    # an air force that strikes makes an air strike
    ("On Monday, the air force struck militant positions near Djibo, killing 12 fighters.",
     [("Air/drone strike", "Djibo", 2)]),
    ("On Monday, the Nigerian Air Force bombed a rebel camp in Zamfara.",
     [("Air/drone strike", "Zamfara", 3)]),
    ("On Monday, the air force chief visited troops in Maiduguri.", []),
    # people killed "in strikes" were killed from the air, unless missiles or rockets struck
    ("On Monday, 16 people were killed in strikes near al-Qaim.",
     [("Air/drone strike", "al-Qaim", 2)]),
    ("On Monday, 5 people were killed in missile strikes on Kharkiv.",
     [("Shelling/artillery/missile attack", "Kharkiv", 1)]),
    # a hostage-taking may name many captives
    ("On Monday, gunmen took more than 130 prison guards hostage in Guayaquil.",
     [("Abduction/forced disappearance", "Guayaquil", 1)]),
    # a state or force that struck or bombed a place or targets, its weapon unsaid
    ("On Monday, Israel struck targets near Damascus.", [("Air/drone strike", "Damascus", 2)]),
    ("On Monday, the army bombed rebel hideouts near Djibo.",
     [("Air/drone strike", "Djibo", 2)]),
    ("On Monday, Ukraine hit an airfield near Saky with drones.",
     [("Air/drone strike", "Saky", 2)]),
    # armed men who bombed something planted a bomb
    ("On Monday, militants bombed a bus in Quetta.",
     [("Remote explosive/landmine/IED", "Quetta", 1)]),
    # a weapon named says what it was; deals, cars and quakes strike no one
    ("On Monday, Russia struck Kharkiv with missiles.",
     [("Shelling/artillery/missile attack", "Kharkiv", 1)]),
    ("On Monday, Shell struck a deal with Nigeria in Abuja.", []),
    ("On Monday, a car struck a pedestrian in Lagos.", []),
    ("On Monday, an earthquake struck Malatya.", []),
    # bombs guided or dropped from the air make an air strike; a bomb alone is an IED
    ("On Monday, Russian forces attacked Kharkiv with guided bombs.",
     [("Air/drone strike", "Kharkiv", 1)]),
    ("On Monday, helicopters dropped barrel bombs on Daraya.", [("Air/drone strike", "Daraya", 1)]),
    ("On Monday, a bomb exploded in a market in Kharkiv.",
     [("Remote explosive/landmine/IED", "Kharkiv", 1)]),
    # towns are no parties: a bomb between two is near the first
    ("On Monday, two soldiers were killed when their vehicle hit a roadside bomb between Dori "
     "and Gorom-Gorom.", [("Remote explosive/landmine/IED", "Dori", 2)]),
    ("On Monday, fighting between Armenia and Azerbaijan resumed in Terter.",
     [("Armed clash", "Terter", 1)]),
])
def test_air_forces_and_bombs_between_towns(coder, text, expected):
    events, _ = coder(text)
    assert [(e.subtype, e.place_name, e.geo_precision) for e in events] == expected


@pytest.mark.parametrize("text, expected", [
    # how the attack went, told next with no place or figure of its own: the same incident
    ("On Monday, gunmen killed 30 civilians at a market in Bankass. The gunmen arrived on "
     "motorbikes and opened fire on traders.", [("Attack", "Bankass", 30, 2)]),
    # another incident, or one "again", stands apart even with no place of its own
    ("On Monday, gunmen killed 30 civilians at a market in Bankass. Separately, gunmen opened "
     "fire on traders.", [("Attack", "Bankass", 30, 1), ("Attack", None, None, 1)]),
])
def test_how_an_attack_went_is_the_same_incident(coder, text, expected):
    events, _ = coder(text)
    assert [(e.subtype, e.place_name, e.fatalities, len(e.evidence)) for e in events] == \
        expected


@pytest.mark.parametrize("text, expected", [
    # an unknown village in the area the sentence opens with is placed in that area
    ("On Monday, in El Gezira state, RSF fighters stormed the village of Wad al-Noura, killing "
     "100 people.", ("Wad al-Noura", "Gezira", 3)),
    ("In Kenya, gunmen attacked the village of Kotulo on Monday, killing 3.",
     ("Kotulo", "Kenya", 3)),
])
def test_an_unknown_village_lies_in_the_area_its_sentence_opens_with(coder, text, expected):
    (ev,) = coder(text)[0]
    assert (ev.place_name, ev.place and ev.place.name, ev.geo_precision) == expected


@pytest.mark.parametrize("text, expected", [
    # the fighting a protest is against is no fight of the protesters
    ("On Monday, students protested in Kinshasa against the silence over the fighting.",
     ("Protests", "Peaceful protest")),
    ("On Monday, protesters in Goma clashed with police over the fighting.",
     ("Riots", "Violent demonstration")),
])
def test_the_fighting_a_protest_is_against_is_no_fight(coder, text, expected):
    (ev,) = coder(text)[0]
    assert (ev.type, ev.subtype) == expected


@pytest.mark.parametrize("text, killed, wounded", [
    # an age is no figure
    ("A 72-year-old man was killed when a shell hit his home.", 1, None),
    ("A 72-year-old man was killed and a woman died.", 2, None),
    ("Two 19-year-old soldiers were killed.", 2, None),
    ("A five-year-old girl was wounded.", None, 1),
    # a victim named after an age is one dead
    ("Settlers firebombed two homes, killing 18-month-old Ali Dawabsha.", 1, None),
    # an age set off by commas after one person or a given name; not after a place
    ("A farmer, 45, and his son, 12, were shot dead.", None, None),
    ("The boy, 12, was wounded when the shell hit his house.", None, None),
    ("Ahmed, 12, was killed in the blast.", None, None),
    ("In Kabul, 12, mostly civilians, were killed.", 12, None),
])
def test_ages_are_no_figures(text, killed, wounded):
    toll = numbers.casualties(text)
    assert (toll.killed, toll.wounded) == (killed, wounded)


@pytest.mark.parametrize("text, subtype", [
    # a crowd that dispersed itself met no intervention
    ("On Monday, protesters in Mandalay staged a flash strike, chanting slogans before "
     "dispersing quickly.", "Peaceful protest"),
    ("On Monday, protesters marched in Mandalay and dispersed peacefully.", "Peaceful protest"),
    ("On Monday, police dispersed protesters in Mandalay.", "Protest with intervention"),
])
def test_a_crowd_dispersing_itself_is_no_intervention(coder, text, subtype):
    (ev,) = coder(text)[0]
    assert ev.subtype == subtype


@pytest.mark.parametrize("text, expected", [
    # the next sentence names the spot inside the province the incident was placed in
    ("On Monday, government air strikes hit a village in Sagaing region, killing 17 people. "
     "The strikes hit Kanbalu.", [("Kanbalu", 1, 17, 2)]),
    ("On Monday, government air strikes hit a village in Sagaing region, killing 17 people. "
     "Separately, air strikes hit Kanbalu.", [("Sagaing", 3, 17, 1), ("Kanbalu", 1, None, 1)]),
])
def test_the_next_sentence_may_name_the_spot_inside_the_area(coder, text, expected):
    events, _ = coder(text)
    assert [(e.place_name, e.geo_precision, e.fatalities, len(e.evidence)) for e in events] == \
        expected
