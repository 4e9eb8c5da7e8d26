"""Resolve: pick one gazetteer place per mention, with a confidence and ranked alternatives.

Evidence, as a careful reader uses it (each candidate's ``features`` show what scored it):

* ``prior``: the gazetteer's importance (feature kind + log population), minus its penalty for a
  loose or transliteration-only match; ``area`` lifts a province (its record has no population)
  and ``own_name`` a town whose main name this is (not only an alternate name);
* ``qualifier``: words next to the name ("Terter district", "the village of Talish");
  ``contained``: a following ", Texas" that names the candidate's admin area or country;
* ``country``: the document's geographic focus: countries of the other places and demonyms;
* ``admin``: the candidate's province or district is named anywhere in the text (also outside
  the mentions, which in gold-span mode are only the names to resolve), other than as a peer in
  the same list ("Boston, Hartford, New York and Philadelphia"); ``country_named``: its
  country is (counting less in a text that names many); ``unnamed``: a namesake whose areas go
  unnamed while another's are named; ``list``: the kind (and, for areas, a country) its list
  peers are;
* ``near``: the candidate lies close to the document's other places; ``holds``: a province
  or district holds a town the text names, ``qualifies``: and is written right after it
  ("Pandi, Bulacan").

One sense per name per document: every mention of a name gets the same place.  A name the
gazetteer does not know stays unresolved, or, when the text names a containing area ("Talish in
the Tartar district", "X is a village in Y County": ``stated_area``), is placed at that area
with a coarser precision, never at a wrong town; nor is a small town abroad that nothing in
the text supports.  A province is placed at the centre of the ground its places cover, not at
its largest town (the store's point).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Callable, NamedTuple

from gazetteer import Candidate, Gazetteer, Place, haversine_km
from gazetteer.names import fold, is_latin, with_silent_h
from gazetteer.store import importance

from . import lexicon as lx
from . import numbers
from . import sentences
from .models import Alternative, Document, Mention, PlaceRef

CANDIDATES = 40  # common names (Springfield, Santa Maria) have dozens of namesakes
ALTERNATIVES = 5
SEAT_POPULATION = 20_000  # a town a province is named after is no village
AREA_TOWNS = 5  # the namesake towns whose provinces may be named after them ("the Kursk region")
_UP = lx.UPPER  # a capital letter, of "Østfold" as of "Ostfold"
_NAME_WORD = _UP + r"[\w'’.-]*"
_NAME = _NAME_WORD + r"(?: " + _NAME_WORD + r"){0,3}"  # a name of up to four words
_AREA_NAME = _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,3}"  # ... split by any white space
REF_CACHE = 20_000  # shared place records kept per process, about 10 MB
REGION_CODES = {"CONT", "PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR", "ADM1", "RGN",
                "ADM1H", "ZN", "PRSH", "OCN", "SEA"}
# Abbreviations news text uses for countries that are not the ISO code itself.
COUNTRY_ABBREVIATIONS = {"uk": "GB", "us": "US", "usa": "US", "uae": "AE", "drc": "CD",
                         "prc": "CN", "rok": "KR", "dprk": "KP", "car": "CF"}
# A province's store record has no population, so its prior is its kind's weight alone: this
# lifts it to beat the towns of its name (it lost to "California", a village in Maryland), but
# not a town of its name holding more people than all the province's towns (the Jamaican parish
# of Manchester, 62,000, is not what "Manchester" alone means).  Half the lift where the text's
# other names place the document in another country.
AREA_PRIOR = 5.0
COUNTRY_NAMED = 3.0  # the candidate's country is named in the text
# ... shared out when the text names more countries than this: a consulates page naming thirty
# says little for Miami, Queensland, because it names Australia
FEW_COUNTRIES = 3
MEMBER_CACHE = 64  # areas whose parts' points are kept (a province has thousands)
REGION_CACHE = 4096  # names whose region of sides (or lack of one) is kept
NEAR_KM = 300.0  # an anchor place this close lends support, fading with distance
STATED_IN = 4.0  # inside the area of "X is a town in Y", as strong as a named district
CITY_POPULATION = 100_000  # a city this big can be "a district of" or "a suburb in" it
METROPOLIS = 2_000_000  # "New York" is New York City more often than the state
CITY_RADIUS_KM = 40.0  # and what is in it lies this close to its point
CITY_PARTS = {"suburb", "neighborhood", "neighbourhood", "quarter", "ward", "borough", "estate",
              "section", "barrio"}
STATED_MARGIN = 1.0  # the lead a namesake inside the stated area is given when it trails
AFTER_PROVINCE = 3.0  # a town named after a province of its country, far from it
STATED_DISTANCE = 3.0  # the text's "114 km from B" fits this namesake
DISTANCE_SLACK_KM = 15.0  # road distances and rounding: at least this much, or 35 %
MILE_KM = 1.609
LIST_PEERS = 3.0  # the kind of place most other names of its list are
HOLDS = 2.0  # a province or district that holds a town the text names
QUALIFIES = 5.0  # ... and is written right after it: "Pandi, Bulacan"
SAME_PLACE = 5.0  # the namesake is the place named just before as another name of it
# A town this small is not what a story set elsewhere means by its name without a word of
# support (Piccadilly in London is not a village in Western Australia)
SMALL_TOWN = 15_000
FAMOUS_CITY = 250_000  # a namesake city this big ...
FAME_RATIO = 50  # ... and this many times bigger outweighs an area the text names elsewhere
FAMOUS_AREA = 10_000_000  # a province this populous is meant wherever the story lies
LISTED_TOGETHER = 3  # a list this long that shares a country holds no small town abroad
PLACED_HERE = frozenset({"stated_in", "contained", "near"})  # ... but not the writer's words
ABROAD_EVIDENCE = 2  # the story's other names and demonyms place it elsewhere this firmly
# A capital the story gives no tie loses its edge over a town to a namesake city in the story's
# country at least a tenth its size
CAPITAL_EDGE = importance("P", "PPLC", 0) - importance("P", "PPL", 0)
CAPITAL_RIVAL_SHARE = 0.1
SPELT_ALIKE = 0.75  # difflib's ratio of two spellings of one area's name ("Hiran", "Hiiraan")
STORY_COUNTRY = 0.5  # a country holding this share of the other names' evidence is the story's
# Features that tie a namesake to the text beyond its name and size
TIES = {"country", "near", "admin", "contained", "country_named", "stated_in", "stated_area",
        "stated_near", "distance", "list", "holds"}
LIST_KINDS = {"PCL", "ADM1", "ADM2"}
LIST_ORDER = ("PCL", "ADM1", "ADM2")  # wider first
OWN_NAME = 1.0  # the name is the place's main name: Clifton rather than a town once so called
DISTRICT_CODES = {"ADM2", "ADM3", "ADM4", "ADMD", "AREA", "PPLX"}
# Side words before an area's name, as (north, east) steps: "Northern California"
SIDES = {"north": (1, 0), "northern": (1, 0), "south": (-1, 0), "southern": (-1, 0),
         "east": (0, 1), "eastern": (0, 1), "west": (0, -1), "western": (0, -1),
         "northeast": (1, 1), "north-east": (1, 1), "northeastern": (1, 1),
         "northwest": (1, -1), "north-west": (1, -1), "northwestern": (1, -1),
         "southeast": (-1, 1), "south-east": (-1, 1), "southeastern": (-1, 1),
         "southwest": (-1, -1), "south-west": (-1, -1), "southwestern": (-1, -1),
         "central": (0, 0), "middle": (0, 0)}
# Words before a city's name for the city with its suburbs: "Greater Manchester", "Metro Manila"
AROUND = {"greater", "metro", "metropolitan"}
# GeoNames' continent codes (the country table's), by the continents' names
CONTINENT_CODES = {"Africa": "AF", "Asia": "AS", "Europe": "EU", "North America": "NA",
                   "South America": "SA", "Oceania": "OC", "Antarctica": "AN"}
NATURAL_CLASSES = {"H", "T"}  # GeoNames' water bodies and relief (seas, rivers, islands)
STATED_AREA_CODES = {"ADM1", "ADM2", "PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX"}


def place_ref(place: Place) -> PlaceRef:
    # model_construct: the fields come from a validated store record
    return PlaceRef.model_construct(
        id=place.id, name=place.name, lat=place.lat, lon=place.lon,
        country_code=place.country_code, feature_code=place.feature_code,
        admin1=place.admin1_name, population=place.population)


def _ref_at(place: Place, point: tuple[float, float]) -> PlaceRef:
    """The place's record at another point (an area's middle), to four decimals."""
    return place_ref(place).model_copy(update={"lat": round(point[0], 4),
                                               "lon": round(point[1], 4)})


def precision_of(place: Place, near: bool = False) -> int:
    """ACLED geo precision of a resolved mention: 1 town, 2 near it or a district, 3 region."""
    if place.feature_code in REGION_CODES or place.feature_class == "L":
        return 3
    if place.feature_code in DISTRICT_CODES or place.feature_class == "A" or near:
        return 2
    return 1


class Resolver:
    """Scores every candidate place of every mention against the document's evidence."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._countries: dict[str, str] | None = None
        self._area_points: dict[int, PlaceRef] = {}
        self._people: dict[int, int] = {}  # a province's or district's towns' people
        # an area's parts' points: "Western Kenya" and "Eastern Kenya" in a batch read them once
        self._members: dict[int, list[tuple[float, float]]] = {}
        # a name -> its region of sides, or None: small towns' names ask again and again
        self._regions: dict[str, tuple[PlaceRef, str] | None] = {}
        self._refs: dict[int, PlaceRef] = {}
        self._initials: dict[str, list[Place]] | None = None  # built on the first unknown "NSW"
        self._demonyms: dict[str, str] | None = None  # "indian" -> "IN", on first use

    def resolve(self, doc: Document) -> Document:
        groups: dict[str, list[Mention]] = defaultdict(list)
        for m in doc.mentions:
            if m.kind in ("place", "metonym"):
                groups[fold(m.text)].append(m)
            elif m.kind == "demonym" and m.country_code:
                self._link_country(m)
        candidates = {key: self._state(lx.state_qualifier(doc.text, ms[0].start, ms[0].end))
                      or self._candidates(ms[0].text) for key, ms in groups.items()}
        context = _Context(doc, groups)
        # a side of an area no place is called still names the area ("South West England"
        # names England; "South Sudan" does not name Sudan)
        spans = [(m.start, m.start + len(sides))
                 if not candidates.get(fold(m.text), True) and (sides := _side_words(m.text))
                 else (m.start, m.end) for m in doc.mentions if m.kind != "organisation_part"]
        context.set_text_names(text_names(doc.text, spans))
        context.country_names = self._country_keys()
        static = {key: self._static(doc, ms, candidates[key], context)
                  for key, ms in groups.items()}
        for _ in range(2):  # first pass finds anchors, the second uses them
            chosen = {key: self._rank(key, static[key], context) for key in groups}
            context.update(chosen)
        final = {}
        for key, ms in groups.items():
            area = _credible_area(static[key].stated, chosen[key], context) or \
                _qualifier_area(key, static[key].qualifiers, chosen[key], context)
            final[key] = self._with_reference(doc.text, ms[0].text,
                                              _with_stated_area(chosen[key], area), area, context)
            self._assign(doc, ms, final[key], static[key].natural, static[key].stated_side,
                         [wanted in NATURAL_CLASSES for wanted, _ in static[key].cues])
            self._other_kind(doc, ms, static[key], final[key], key, context)
        for key, ms in groups.items():
            if chosen[key] and _lone_town(chosen[key][0], static[key].written_area):
                towns = ms[0].alternatives  # "Sinai" is the peninsula, not a hamlet in Mexico
                if self._region_of_sides(ms, "the towns so called lie elsewhere"):
                    for m in ms:
                        m.alternatives = m.alternatives + towns
                elif _out_of_story(final[key][0], context.evidence_beyond(key)) or \
                        context.listed_abroad(key, final[key][0].place):
                    # "a dead swan found in Fife" of a story in the UK: not the lone town of
                    # Fife, Washington, but the council area so called in the story's country
                    # (an area called so by its own name only: a town of another spelling there,
                    # Nola for "Nora", or Hamilton County for a spokeswoman called Hamilton,
                    # would be a wrong place where none is honest)
                    home = next((a for a in final[key][1:] if _fits(a.features) and
                                 a.place.feature_class == "A" and _own_name(a.place, key)),
                                None) or self._province_spelt_otherwise(ms[0].text, key, context)
                    if home is None:
                        _unplace(ms, final[key][0])
                    else:
                        self._assign(doc, ms, _lead(home, final[key], "in_story"))
        for key, ms in groups.items():  # after the above: no unplaced town contains a name
            owned = bool(chosen[key]) and _owned_elsewhere(ms, context)
            spot = bool(chosen[key]) and _facility_elsewhere(doc.text, ms, context)
            alias = bool(chosen[key]) and _alias_unqualified(final[key][0], static[key]) and \
                not context.coordinated.get(key)
            if spot or owned or alias:
                _unplace(ms, final[key][0])  # "Lido beach in Mogadishu": not Lido, Italy
            if owned or (spot or alias or not chosen[key]) and \
                    not self._side_of_area(ms, context) and \
                    not self._around_city(ms) and not self._region_of_sides(ms):
                self._contain(doc, ms, context)
        return doc

    def _other_kind(self, doc: Document, mentions: list[Mention], static: "_Static",
                    ranked: list[Scored], key: str, context: "_Context") -> None:
        """"Idlib city ... southern Idlib province": one name for a city and the province
        named after it, told apart by the kind word after each mention.  A mention whose kind
        word asks for the other kind than the one chosen for the name takes the namesake of
        that kind holding the city (or the city inside the province), if one is ranked; where
        the province won by its kind word, a mention with no cue at all is the city the
        province is named after."""
        if len(mentions) < 2 or not ranked:
            return
        best, written = ranked[0].place, static.written
        # the province was chosen for its kind word: a mention with none is its namesake city
        # ("killed three in Kherson, the head of the Kherson region said"); not a name the
        # words before ask for, "the state of Zacatecas", "towns in Bulacan", "northwestern
        # Jilin", nor one that may qualify the name before it, "San Rafael, Veracruz", "Gul
        # Tipa, Kunduz", nor the peer of a country or province, "Veracruz and Mexico"
        city_bare = best.feature_code in ("ADM1", "ADM2") and \
            not lx.SUBDIVISION_WORDS.isdisjoint(written) and \
            not any(_area_chosen(context.chosen.get(k)) for k in context.coordinated.get(key, ()))
        bare = _without_cues(doc.text, mentions, static.cues) if city_bare else []
        for i, (m, word) in enumerate(zip(mentions, written)):
            if best.feature_class == "P" and word in lx.SUBDIVISION_WORDS:
                other = next((a for a in ranked if a.place.feature_code in ("ADM1", "ADM2") and
                              _lies_in(best, a.place)), None)
            elif best.feature_class == "A" and (word in _CITY_WORDS or
                                                (word is None and city_bare and bare[i])):
                other = next((a for a in ranked if a.place.feature_class == "P" and
                              _lies_in(a.place, best) and (word or _seat_of(a.place, key))),
                             None)
            else:
                continue
            if other is not None:
                own = Scored(other.place, other.score, dict(other.features))
                self._assign(doc, [m], _lead(own, [a for a in ranked if a is not other],
                                             "kind_written"))

    def _province_spelt_otherwise(self, name: str, key: str, context: "_Context"
                                  ) -> Scored | None:
        """"Shabwa" of a story in Yemen is the province the store spells Shabwah: a final "h"
        after "a" is a silent letter news spellings drop (gazetteer.names.with_silent_h), so a
        province in the story's countries that differs by it alone is meant.  Not other loose
        spellings: "the Amaro woreda" of Ethiopia is no Amara region; nor a town: Nola is no
        "Nora"."""
        for c in self._candidates(name):
            if c.match != "loose" or c.place.feature_code != "ADM1" or \
                    fold(c.matched_name) != with_silent_h(key):
                continue
            features = {"prior": round(c.score, 3)} | context.features(c.place, key)
            if features.get("country", 0) > 0:
                return Scored(c.place, round(sum(features.values()), 3), features)
        return None

    def _candidates(self, name: str) -> list[Candidate]:
        """The gazetteer's namesakes; a country abbreviation ("UK", "U.S.A.") puts its country
        first, since short all-capital names are rarely the village that shares the letters; a
        seat of government is in its capital ("the White House" is no Casablanca)."""
        seat = lx.SEATS_OF_GOVERNMENT.get(fold(name))
        if seat:
            capital = self.gazetteer.capital(seat)
            return [_as_candidate(capital)] if capital else []
        found = self.gazetteer.lookup(name, limit=CANDIDATES, names=False)
        capitals = name.replace(".", "").isupper()
        if capitals and len(name) <= 5:  # "NSW" is not ناساو (Nassau) with its vowels dropped
            found = [c for c in found if is_latin(c.matched_name)]
        code = COUNTRY_ABBREVIATIONS.get(fold(name)) if capitals else \
            lx.COUNTRY_ALIASES.get(fold(name))
        if code and not any(c.place.country_code == code and
                            c.place.feature_code.startswith("PCL") for c in found[:1]):
            country = self._country(code)
            found = ([country] if country else []) + found
        if capitals and not found and 2 <= len(fold(name)) <= 4:
            found = self._by_initials(fold(name))
        if all(w.lower() in SIDES for w in name.split()):
            # "the Middle East": compass words alone name a region, not a town so called
            found = [c for c in found if c.place.feature_class != "P"]
        return found

    def _state(self, name: str | None) -> list[Candidate]:
        """The state or province a "Paris, Ky." abbreviation names (its record alone)."""
        if not name:
            return []
        found = self.gazetteer.lookup(name, country=lx.STATE_COUNTRY.get(name, "US"), limit=5,
                                      loose_match=False, names=False)
        return [c for c in found if c.place.feature_code == "ADM1"][:1]

    def _areas_named_after(self, towns: list[Candidate], key: str) -> list[Candidate]:
        """"The Kursk region", "the Kaluga region": the province named after its town in a form
        the store holds under no name of the text ("Kurskaya oblast'", "Kaluzhskaya oblast'"),
        found as the province holding a town of SEAT_POPULATION or more so called by its own
        name (not "JIN", an alias of Jinja) whose name begins with the town's stem (all but its
        last two letters, at least three: an adjective's ending may change them)."""
        stem = key[:max(3, len(key) - 2)]
        found: dict[int, Place] = {}
        for c in towns[:AREA_TOWNS]:
            if c.place.feature_class == "P" and _own_name(c.place, key) and \
                    c.place.population >= SEAT_POPULATION:
                found.update((a.id, a) for a in self.gazetteer.parents(c.place.id)
                             if a.feature_code == "ADM1" and
                             (name := fold(a.name)).startswith(stem) and name != key)
        return [_as_candidate(a) for a in found.values()]

    def _areas_with_kind_word(self, text: str, mentions: list[Mention],
                              written: list[str | None]) -> list[Candidate]:
        """"Kurram district", "Franklin, Delaware and Madison counties", "the County of Pima":
        the area the store knows only with its kind word ("Kurram District", "Pima County");
        ``written``: each mention's kind word after it (_kind_word_after)."""
        for m, after in zip(mentions, written):
            word = after or _word_before_of(text[max(0, m.start - 40):m.start].split())
            if word in lx.SUBDIVISION_WORDS:
                found = {c.place.id: c for c in self._candidates(f"{m.text} {word}")
                         if c.place.feature_class == "A"}
                for form in lx.LOCAL_KIND_FORMS.get(word, ()):  # "Yeşilyurt İlçesi"
                    found.update((c.place.id, c) for c in self.gazetteer.lookup(
                        form.format(m.text), limit=CANDIDATES, loose_match=False, names=False)
                        if c.place.feature_class == "A" and c.place.id not in found)
                return list(found.values())
        return []

    def _by_initials(self, letters: str) -> list[Candidate]:
        """"NSW": the provinces whose words' initials spell an abbreviation the store lacks."""
        if self._initials is None:
            self._initials = defaultdict(list)
            for area in self.gazetteer.provinces():
                words = area.name.split()
                if len(words) > 1:
                    self._initials["".join(w[0] for w in words).lower()].append(area)
        return [_as_candidate(a) for a in self._initials.get(letters, [])]

    def _country(self, code: str) -> Candidate | None:
        """The country itself (its PCL record) for an ISO code, found by its name."""
        rows = self.gazetteer.lookup(self.gazetteer.country_name(code) or "", country=code,
                                     limit=3)
        return next((c for c in rows if c.place.feature_code.startswith("PCL")), None)

    def _country_keys(self) -> dict[str, str]:
        if self._countries is None:
            self._countries = {c["code"]: fold(c["name"]) for c in self.gazetteer.countries()}
        return self._countries

    def _link_country(self, m: Mention) -> None:
        """A demonym names a country: link it (it is not a place something happened)."""
        country = self._country(m.country_code)
        if country is not None:
            m.place, m.precision, m.confidence = place_ref(country.place), 3, 1.0
            m.note = f"demonym of {country.place.name}"

    def _static(self, doc: Document, mentions: list[Mention], cands: list[Candidate],
                context: "_Context") -> "_Static":
        """The evidence that does not depend on the other names' choices, found once."""
        key = fold(mentions[0].text)
        written = [_kind_word_after(doc.text, m) for m in mentions]  # "Terter district"
        cues = _mention_cues(doc.text, mentions, written)
        if lx.LOCAL_UNITS.intersection(written):  # "the Amaro woreda": no Amara region
            cands = [c for c in cands if c.match == "exact" or
                     not c.place.feature_code.startswith(("ADM1", "PCL"))]
        if any(wanted == SUBDIVISION for wanted, _ in cues) and not _area_at_home(cands):
            cands = cands + self._areas_named_after(cands, key) + \
                self._areas_with_kind_word(doc.text, mentions, written)
        areas = _Provinces(cands, key, self._people_within)
        stated, side = self._stated_area(doc.text, mentions[0].text, context, cands)
        if stated is None:
            stated = self._area_written_after(doc, mentions, context, cands)
        exact = frozenset(c.place.id for c in cands if c.match == "exact")
        if exact and any(wanted in (SUBDIVISION, "A") for wanted, _ in cues):
            spelt = _area_spelt_otherwise(cands, key)
            if spelt:  # "Hiran region": Hiiraan, not the Iraqi town spelt so
                cands = [c for c in cands if c.match == "exact"] + spelt
                exact = frozenset()
        qualifiers = [q for _, q in cues if q]
        found, sums = [], []
        for c in cands:
            features = {"prior": round(c.score, 3)} | areas.features(c, key)
            features.update(_kind_cue(cues, c.place))
            features.update(context.named_areas(c.place, key))
            if stated is not None and _lies_in(c.place, stated.place) and \
                    c.place.id != stated.place.id:
                features["stated_in"] = STATED_IN  # "X is a town in Y": the writer's own words
            sums.append(sum(features.values()))
            if not (exact and c.match == "loose" and _never_beside_exact(c, features, qualifiers)):
                found.append((c, features))
        if any(wanted == SUBDIVISION for wanted, _ in cues):
            found = _no_foreign_country(found)
        natural = _natural_meant(doc.text, mentions, cues)
        towns = [c for c in cands if c.place.feature_class == "P"]
        # "Kherson" the city and Kherson oblast: a town the text names in the oblast says
        # nothing for the oblast over its own namesake city
        may_hold = frozenset(c.place.id for c in cands if c.place.feature_code in
                             ("ADM1", "ADM2") and not _holds_any(c.place, towns))
        # "Pandi, Bulacan"; "Pokrovsk in the Donetsk region" with its kind word
        qualified = frozenset(
            [context.before_comma[m.start] for m in mentions if m.start in context.before_comma]
            + [context.before_in[m.start] for m, word in zip(mentions, written)
               if m.start in context.before_in and word in lx.SUBDIVISION_WORDS]) - {key}
        biggest = max((c.place.population for c in cands), default=0)
        famous = frozenset(c.place.id for c, features in found
                           if "area" in features and areas.famous(c.place))
        # ("region" may be a city's surroundings: "the Houston region" is no Houston County, and
        # "Dawlat Abad district center" is the town)
        written_area = all(word in lx.SUBDIVISION_WORDS - {"region"} and
                           not _SEAT_AFTER.match(doc.text, m.end)
                           for word, m in zip(written, mentions))
        return _Static(found, qualifiers, bool(exact), stated, exact, natural, may_hold, side,
                       qualified, max(sums, default=0.0), biggest,
                       [c.place for c in cands if _city(c.place)], famous, written_area,
                       written, cues)

    @staticmethod
    def _rank(key: str, static: "_Static", context: "_Context") -> list["Scored"]:
        scored = []
        anchored = bool(context.chosen)  # the first pass has no anchors: no context features
        # "Michigan, Oregon, New Mexico and Ohio": in a list of states each name is a state
        # (not Oregon, Wisconsin, whose state the list names), and no comma qualifies it
        peer_kind = _listed_kind(key, static, context)
        qualifiers = [] if peer_kind else static.qualifiers
        # "Pandi, Bulacan": the province holding the town before the comma; but "Brooklyn, New
        # York" is the city, which holds Brooklyn too
        qualified = static.qualified if anchored and static.qualified and not any(
            context.holds_town_of(city, static.qualified) for city in static.cities
        ) else frozenset()
        biggest = static.biggest
        for c, base in static.candidates:
            features = dict(base)
            if qualifiers and _qualified(qualifiers, c.place, context):
                features["contained"] = 4.0  # "X, Texas"; "admin" counts the area once more
            if anchored:
                features.update(context.features(c.place, key))
                if "admin" in features and c.place.population * FAME_RATIO < biggest and \
                        biggest >= FAMOUS_CITY and not features.keys() & PLACED_HERE:
                    # "the Mayor of Boston" in a story that names New York for its governor is
                    # not Boston, New York: a state named elsewhere does not make a village of
                    # 8,000 the Boston meant over a city eighty times its size
                    del features["admin"]
                if c.place.id in static.may_hold and context.holds_named_town(c.place, key):
                    features["holds"] = HOLDS
                if qualified and c.place.feature_code in ("ADM1", "ADM2") and \
                        context.holds_town_of(c.place, qualified):
                    features["qualifies"] = QUALIFIES  # the area of the town before the comma
                if "area" in features and context.elsewhere(key) and \
                        not features.keys() & AREA_TIES and c.place.id not in static.famous:
                    # "Israeli strikes hit Gaza" is not Mozambique's province, yet "sharks of New
                    # Zealand ... in Florida" is still the state, not a Cuban town of 70,000; and
                    # "diagnosed in England" of a story in Canada is not England, Arkansas
                    features["area"] = features["area"] / 2
            if c.match == "loose" and (not _supported(features, static.has_exact, c.place) or
                                       static.has_exact and c.place.feature_code.startswith("PCL")):
                continue  # a loose spelling needs the document's geography; Ghana is not Guinea
            scored.append(Scored(c.place, round(sum(features.values()), 3), features))
        if peer_kind:
            scored = [a for a in scored if context.listed_like(a.place, key)]
        if static.written_area:  # "Kabul province", "Buenos Aires province": not the capitals
            scored = _areas_over_towns(scored, static.exact_ids)
        if static.natural:  # "the Baltic Sea" is not Baltic, Connecticut; the Kabul River
            scored = [a for a in scored if _fits(a.features) or not _town_or_province(
                a.place, water=static.natural == "H")]
        if any(a.place.id in static.exact_ids and _fits(a.features) for a in scored):
            # a namesake spelt as written fits the document: no variant spelling is meant
            # (New York is not Newark, whose state the text names too)
            scored = [a for a in scored if a.place.id in static.exact_ids]
        _prefer_named(scored, static.exact_ids)
        if anchored and context.elsewhere(key):
            _capital_abroad(scored, context, key)
        scored.sort(key=lambda a: -a.score)
        qualifying = next((a for a in scored if "qualifies" in a.features), None)
        # "Pandi, Bulacan": the writer names the province of the town just before; a village
        # called Bulacan in a district named elsewhere in the story is not it
        return _lead(qualifying, scored, "qualifies") if qualifying else scored

    def _assign(self, doc: Document, mentions: list[Mention], ranked: list["Scored"],
                natural: str | None = None, side: str | None = None,
                watery: list[bool] | None = None) -> None:
        if not ranked:
            for m in mentions:
                m.note = "not in the gazetteer" + (
                    " as a lake, river, sea or landform (the towns and areas so called are not"
                    " meant)" if natural else "")
            return
        place = ranked[0].place
        confidence = round(_softmax_top([a.score for a in ranked]), 3)
        # records only for the few shown: a common name has up to CANDIDATES namesakes
        shown = [Alternative.model_construct(place=self._ref(a.place), score=a.score,
                                             features=a.features) for a in ranked[:ALTERNATIVES]]
        stated_side = side and "stated_area" in ranked[0].features and \
            place.feature_code in REGION_CODES
        at_side = self._side_point(place, SIDES[side]) if stated_side else None
        if at_side is not None:  # "a community in southwestern Ontario"
            shown[0] = shown[0].model_copy(update={"place": at_side})
        elif ranked[0].at is not None:
            shown[0] = shown[0].model_copy(update={"place": _ref_at(place, ranked[0].at)})
        elif place.feature_code == "ADM1":
            shown[0] = shown[0].model_copy(update={"place": self._area_point(place)})
        # "a suburb of <the city placed>", "58 km north of <the town placed>"
        within = "stated_area" in ranked[0].features or "stated_near" in ranked[0].features or \
            natural and place.feature_class == "P"  # the town beside the Kabul River
        for m, water in zip(mentions, watery or [False] * len(mentions)):
            near = within or water and place.feature_class == "P" or \
                doc.text[max(0, m.start - 6):m.start].lower().strip().endswith("near")
            m.place, m.confidence = shown[0].place, confidence
            m.precision = precision_of(place, near)
            m.alternatives = list(shown)
            m.note = _explain(ranked[0]) + (f", in its {side} part" if at_side else "")

    def _ref(self, place: Place) -> PlaceRef:
        """One PlaceRef per place, shared: a batch names the same places again and again."""
        ref = self._refs.get(place.id)
        if ref is None:
            if len(self._refs) >= REF_CACHE:
                self._refs.clear()
            ref = self._refs[place.id] = place_ref(place)
        return ref

    def _stated_area(self, text: str, name: str, context: "_Context",
                     namesakes: list[Candidate]) -> tuple[Candidate | None, str | None]:
        """The area in "<name> is a town in <Area>, <Container>, ..." (or, for a name the store
        lacks, "<name>, a town in <Area>") after any of the name's first occurrences (same
        sentence, within 200 characters): the first link of that chain the gazetteer knows,
        taking of several so called the one inside the next link ("Dallas County, Texas") or
        holding one of the name's ``namesakes``; and the side of it the text names, if any
        ("southwestern Ontario")."""
        # a name the store lacks may be said to lie in its area only late in the story
        known = any(c.match == "exact" for c in namesakes)
        for end in _name_ends(text, name, most=5 if known else 40):
            sentence = sentences.first(text[end:end + 200])
            stated = _PART_OF_AREA.match(sentence)
            if stated and not stated["kind"] and \
                    text[max(0, end - len(name) - 4):end - len(name)].endswith((" a ", " an ")):
                stated = None  # "a New England town in Windsor County": the name describes
            if not stated and not _STATED_HINT.search(sentence):
                continue  # the patterns below are slow; most sentences have none of these words
            # set off by commas, only for a name the store lacks: a known one has better
            # evidence than "Cleveland, a suburb of Redland City" (a Redland in Bristol)
            stated = stated or _STATED_IN.search(sentence) or _LOCATED_IN.match(sentence) or \
                _TOGETHER_IN.match(sentence) or \
                (None if known else _APPOSED_IN.match(sentence) or
                 _PART_OF_NAMED.match(sentence))
            if stated:
                # "a neighbourhood in Wichita": the city, not Wichita County
                city_part = (stated.groupdict().get("kind") or "").lower() in CITY_PARTS
                area = self._chain_area(sentence, stated, context, namesakes, name, city_part)
                rest = sentence[stated.end():]
                after = text[end + len(sentence):end + len(sentence) + 200].lstrip(".!? ")
                if after.startswith(("It ", name + " ")):  # "It is in the X Shire."
                    rest += " " + sentences.first(after)
                finer = self._finer_area(rest, area, context, namesakes)
                if _holds_area(namesakes, finer or area):
                    return None, None  # "Nigeria, ... it Ota is the capital of the Ado-Odo/Ota
                    # LGA": what lies in the place it names is said of something else
                return finer or area, None if finer else _side_of_link(sentence, stated, area)
        return None, None

    def _area_written_after(self, doc: Document, mentions: list[Mention], context: "_Context",
                            namesakes: list[Candidate]) -> Candidate | None:
        """The area right after the name's first mention, "X in Y", where a kind word says Y is
        an area ("near X in Deir ez-Zor province", "in Somalia's Hiiraan region": the
        possessive names its country) or Y is a country and a kind word says X is a town ("the
        town of X in Syria"; "the town of X in Gaza" may be Mozambique's province).  Later
        mentions may be others: "named for the city of Medina in Saudi Arabia".  Said of a
        town only, and of a district only against towns outside its province: GeoNames' own
        districts of a town are often missing or other ("Farnham in the Waverley district")."""
        first = mentions[0]
        gap = _IN_GAP.match(doc.text, first.end)
        if gap is None:
            return None
        area, owner = _place_at(doc.mentions, gap.end()), None
        possessive = area and lx.OWNER_GAP.match(doc.text, area.end)
        owned = possessive and _place_at(doc.mentions, possessive.end())
        if owned:
            area, owner = owned, area.text
        exact = [c.place for c in namesakes if c.match == "exact"]
        if area is None or any(p.feature_class != "P" for p in exact):
            return None  # "the U.S. state of Georgia, in Emanuel County": a town's area only
        found = self._best_area(area.text, owner, context, namesakes)
        if found is None or found.place.feature_class != "A" or \
                found.place.feature_code == "ADM2" and any(
                    (p.country_code, p.admin1_code) == (found.place.country_code,
                                                        found.place.admin1_code) for p in exact):
            return None  # a town in the district's province: its district may be unknown
        if found.place.feature_code == "ADM2" and not (
                context.names_country_of(found.place) or
                _support(context, found.place, fold(area.text)) > 0):
            return None  # "Farnham in the Waverley district of Surrey" is no Waverley in NSW
        if _kind_word_after(doc.text, area) in lx.SUBDIVISION_WORDS or \
                found.place.feature_code.startswith("PCL") and \
                _TOWN_OF.search(doc.text, max(0, first.start - 20), first.start):
            return found
        return None

    def _finer_area(self, rest: str, area: Candidate | None, context: "_Context",
                    namesakes: list[Candidate]) -> Candidate | None:
        """A province or district inside the stated area that the rest of the sentence (or the
        next, when it starts "It" or the name) puts the place in: "a town in Mexico, the second
        largest in Baja California"."""
        if area is None or area.place.feature_class != "A" or area.place.feature_code == "ADM2":
            return None
        # a finer area must not move a namesake spelt as written out of the area stated first:
        # "Kozan is a city in Adana Province ... of the Çukurova plain" is no Çukurova district
        exact = [c for c in namesakes if c.match == "exact"]
        confirmed = _holds_any(area.place, exact)
        owned = _OWNED_AREA.match(rest)  # "in Borno state's Konduga local government area"
        for named in ([owned] if owned else []) + list(_IN_AREA.finditer(rest)):
            inner = self._best_area(named["area"], None, context, namesakes)
            if inner is not None and inner.place.feature_class == "A" and \
                    inner.place.id != area.place.id and _lies_in(inner.place, area.place) and \
                    (not confirmed or _holds_any(inner.place, exact)):
                return inner
        return None

    def _with_reference(self, text: str, name: str, ranked: list["Scored"],
                        area: Candidate | None, context: "_Context") -> list["Scored"]:
        """The text says how far the place lies from a town ("about 58 km north of Masvingo"):
        a namesake that far from the town wins; with none, the gazetteer lacks the place, so
        it is placed near the town (precision 2), closer than its province's middle.  Only a
        town inside the stated area counts: the store may lack the one meant (Ukiah, Oregon)
        and hold a namesake far away (Ukiah, California)."""
        named = [a for a in ranked if "stated_area" not in a.features]
        # the writer said which area it is in, and a namesake lies there: the distance only
        # checks it (Toowoomba, once called Tambo, is no town 101 km from Blackall; "Louisville,
        # Kentucky, about 35 miles south of Austin" is no Louisville in Ohio)
        stated_in = bool(ranked) and bool(ranked[0].features.keys() & {"stated_in", "contained"})
        country = bool(named) and named[0].place.feature_code.startswith(("PCL", "CONT"))
        for ref_name, km, bearing in _references(text, name, country):
            found = self.gazetteer.lookup(ref_name, limit=CANDIDATES, loose_match=False,
                                          names=False)
            towns = [c for c in found if c.place.feature_class == "P" and
                     (area is None or _lies_in(c.place, area.place))]
            if area is None and context.sole_country():
                # "a place in modern Sudan ... 15 km north of Sanam": no Sanom in Thailand
                towns = [c for c in towns if context.names_country_of(c.place)]
            if not towns:
                continue

            # a city the text also mentions is the one placed for it ("Hempstead, near
            # Gillingham": the English city); a village may have been placed on its prior alone
            placed = (r := context.chosen.get(fold(ref_name))) and _city(r[0].place) and \
                r[0].place.id

            def rank(t: Candidate) -> tuple:
                return (t.place.id == placed, _support(context, t.place, fold(ref_name)) > 0,
                        any(_within(a.place, t.place, km) for a in named), t.score)
            town = max(towns, key=rank)
            if stated_in and (_within(ranked[0].place, town.place, km) or area is None or
                              "own_name" in ranked[0].features and
                              ranked[0].place.population > town.place.population):
                return ranked  # Ensenada is not checked against a hamlet called San Diego
            if named and named[0].place.feature_code in REGION_CODES and \
                    _lies_in(town.place, named[0].place):
                return ranked  # "Sweden ... 40 km from Stockholm" measures something in Sweden
            fits = [a for a in named if _within(a.place, town.place, km)]
            if fits:
                return _lead(fits[0], ranked, "distance")
            if area is None and len(towns) > 1 and town.place.id != placed and \
                    not _support(context, town.place, fold(ref_name)):
                continue  # which of the towns so called is meant, nothing in the text says
            top = ranked[0].score if ranked else town.score
            # "110 km north of Winnipeg": that far along the bearing, not at Winnipeg
            at = _destination(town.place.lat, town.place.lon, km, bearing) if bearing else None
            return [Scored(town.place, top, {"prior": round(town.score, 3),
                                             "stated_near": round(top - town.score, 3)},
                           at, f"{round(km)} km {bearing}" if at else "")] + ranked
        return ranked

    def _chain_area(self, sentence: str, stated: re.Match, context: "_Context",
                    namesakes: list[Candidate], own: str, city_part: bool = False
                    ) -> Candidate | None:
        """The first link of the stated chain the gazetteer knows (see _stated_area); a link
        called like the place itself (its district) only in a country the text names."""
        links, pos = [stated["area"]], stated.end("area")
        before = (stated["before"] or "").strip()  # "the Harda district of": Harda is a link
        owner = self._country_called(before)  # "the Indian state of Punjab": India holds it
        # each link, and whether a number follows it
        chain: list[tuple[str, bool]] = [(before, False)] if before[:1].isupper() and \
            not owner else []
        owned = not owner and _OWNED_LINK.fullmatch(links[0])
        kind = owned and _WORD_AFTER.match(sentence, pos)
        country = kind and kind[1].lower() in lx.SUBDIVISION_WORDS and \
            self._country_called(owned["owner"])
        if country:
            # "a village in Niger's Tillaberi region": Tillaberi, in Niger, which closes the
            # chain as a demonym's country does (not "in Cox's Bazar district": "Cox" is no
            # country; nor "France's Caribbean overseas department of Martinique")
            links[0], owner = owned["owned"], country
        # "Trujillo city", "the city of Northampton"
        city_part = city_part or bool(_CITY_AFTER.match(sentence, pos) or stated["city"])
        while True:
            # "the Masvingo Province of Zimbabwe" is two links, the second holding the first
            *outer, last = _KIND_OF.split(links[-1])[1:-1] or [links[-1]]
            chain += [(name, False) for name in outer]
            chain.append((last, bool(_NUMBERED.match(sentence, pos))))  # "Ward 5" is not Ward
            link = _CHAIN_LINK.match(sentence, pos)
            if link is None or len(chain) >= 4:
                break
            links.append(link.group(1))
            pos = link.end(1)
        # "the Argentine capital, Buenos Aires": a demonym is no area, but says whose it is
        called = {name: self._country_called(name) for name, _ in chain}
        owners = [c for name, c in called.items() if c and fold(c) != fold(name)]
        chain = [link for link in chain if called[link[0]] not in owners]
        chain += [(c, False) for c in dict.fromkeys(owners + ([owner] if owner else []))]
        for i, (name, numbered) in enumerate(chain):
            inside = chain[i + 1][0] if i + 1 < len(chain) else None
            if i == 0 and owner:
                inside = owner  # "the U.S. state of Georgia, in Emanuel County": the US state
            best = None if numbered else self._best_area(name, inside, context, namesakes,
                                                         city_part and i == 0)
            if best is not None and (fold(own) not in area_keys(best.place.name) or
                                     context.names_country_of(best.place) or
                                     not context.names_any_country() and
                                     _support(context, best.place, fold(own)) > 0):
                # "Sinnar taluka ... India" is no Sudanese state called Sennar; "the civil
                # parish of Churchill and Sarsden ... Oxfordshire" no Churchill County, Nevada
                return best
        return None

    def _known(self, name: str) -> bool:
        return bool(self.gazetteer.lookup(name, limit=1, loose_match=False, names=False))

    def _country_called(self, words: str) -> str | None:
        """The country a word names as its name, abbreviation or demonym ("Indian", "U.S.")."""
        key = fold(words)
        if not key:
            return None
        if key in self._country_keys().values():
            return words
        if self._demonyms is None:
            self._demonyms = lx.demonym_countries(self.gazetteer.countries())
        code = COUNTRY_ABBREVIATIONS.get(key) or self._demonyms.get(words.strip().lower())
        return self.gazetteer.country_name(code) if code else None

    def _best_area(self, name: str, inside: str | None, context: "_Context",
                   namesakes: list[Candidate], city_first: bool = False) -> Candidate | None:
        """Of the areas called ``name`` (or a city: "a suburb of Melbourne"), within ``inside``,
        the one holding one of the ``namesakes`` ("a county in Georgia": the state that has a
        county so called, not the country), then the one whose province or country the text
        names, then the most important."""
        forms = []
        # "Newfoundland and Labrador" is one name; "Texas and Ohio" is not
        for part in dict.fromkeys([name, name.split(" and ")[0]]):
            forms += [(form, False) for form in [part, *sorted(area_keys(part))]]  # "X County"
            rest = _without_sides(part)
            if rest != part:
                forms.append((rest, True))  # "Central London": part of London
        if " of " in name:  # "the Inner Hebrides of Scotland", unknown: at least Scotland
            forms.append((name.rsplit(" of ", 1)[1], False))
        areas: list[Candidate] = []
        for form, city_only in dict.fromkeys(forms):
            found = self.gazetteer.lookup(form, limit=CANDIDATES, loose_match=False, names=False)
            inner = [c for c in found if inside is None or context.names_area_of(inside, c.place)]
            if not inner and inside and not self._known(inside):
                # "a district of Stockport, Greater Manchester": a link the store lacks says
                # nothing against the one before it, called so by its own name, in a province
                # the text names or the one country it names ("the Town of Lincoln, in the
                # Niagara Region" of a text naming Canada and the United States is no Lincoln
                # County, Arkansas)
                inner = [c for c in found if fold(form) in area_keys(c.place.name) | {
                    fold(c.place.name)} and (context.named_areas(c.place, fold(form)).get(
                        "admin") or context.sole_country() == c.place.country_code)]
                if any(not _lies_in(c.place, inner[0].place) and not _lies_in(
                        inner[0].place, c.place) for c in inner[1:]):
                    inner = []  # a Lincoln County in each state: which, nothing says
            # "the United States territory of Guam": GeoNames makes a territory a country
            inner = inner or [c for c in found if c.place.feature_code.startswith("PCL")]
            # an administrative area first: "in Jamaica" is the country, not Jamaica, Queens;
            # "Eastern Ontario" is in Ontario, but "North Atlantic" is not Atlantic County
            admin = [c for c in inner if c.place.feature_class == "A" and
                     (not city_only or fold(c.place.name) == fold(form))]
            cities = [c for c in inner if _city(c.place)]
            # the text says it is a city ("the city of Northampton"): of any size
            named_city = [c for c in inner if c.place.feature_class == "P" and
                          fold(c.place.name) == fold(form)]
            areas = (named_city or admin or cities) if city_first else (admin or cities)
            if areas:
                break
        stated = fold(name)  # "in New York": New York County's province being New York is no cue

        def rank(c: Candidate) -> tuple[bool, float, float]:
            return (_holds_any(c.place, namesakes),
                    _support(context, c.place, stated), c.score)

        def city_rank(c: Candidate) -> tuple[float, bool, float]:
            # "a suburb of York ... in the north of England": a hamlet called York in
            # Arizona holds a Clifton, yet the text names the English city's country
            return (_support(context, c.place, stated), _holds_any(c.place, namesakes),
                    c.score)
        cities_only = areas and all(c.place.feature_class == "P" for c in areas)
        return max(areas, key=city_rank if cities_only else rank) if areas else None

    def _side_point(self, area: Place, side: tuple[int, int]) -> PlaceRef | None:
        """The area's record at the middle of its parts on one side (SIDES), or None when it
        has no parts."""
        points = self._member_points(area)
        return _ref_at(area, area_centre(_on_side(points, side))) if points else None

    def _people_within(self, area: Place) -> int:
        if area.id not in self._people:
            self._people[area.id] = self.gazetteer.population_within(area)
        return self._people[area.id]

    def _area_point(self, area: Place) -> PlaceRef:
        """A province's point as the middle of the ground its places cover, not its largest
        town (the store's point): readers and gold standards put a region at its middle."""
        if area.id not in self._area_points:
            members = self.gazetteer.child_points(area.id)
            self._area_points[area.id] = _ref_at(
                area, area_centre(members) if members else (area.lat, area.lon))
        return self._area_points[area.id]

    def _side_of_area(self, mentions: list[Mention], context: "_Context") -> bool:
        """"Northern California", "Eastern Ukraine", "West Africa": no place is so called, but
        the area is known; the mention is placed at the middle of the area's places on that
        side (precision 3).  Whether it found one."""
        sides = _side_words(mentions[0].text)
        rest = mentions[0].text[len(sides):]
        # "South West England": the two sides as one; "Middle East" is no side of an "East"
        side_key = sides.replace(" ", "").lower()
        side = SIDES.get(side_key) if sides and rest.lower() not in SIDES else None
        area = self._area_called(rest, context) if side else None
        ref = self._side_point(area, side) if area else None
        if ref is None:
            return False
        _place_unnamed(mentions, ref, 3,
                       f"no place so called; placed in the {side_key} part of {area.name}")
        return True

    def _region_of_sides(self, mentions: list[Mention], why: str = "no place so called") -> bool:
        """"Darfur", "Kordofan", "Waziristan": no place is so called, but two or more provinces
        or districts of one country are its sides ("North Darfur", "South Darfur"); the mention
        is placed at the middle of their places, in the province or country holding them all
        (precision 3).  Whether it found one.  Not water: "the Red Sea" is no region of
        Eritrea's Northern and Southern Red Sea."""
        name = mentions[0].text
        if _side_words(name) or not name[:1].isupper() or \
                lx.FEATURE_AFTER.get(name.rsplit(" ", 1)[-1].lower()) == "H":
            return False
        key = fold(name)
        if key not in self._regions:
            if len(self._regions) >= REGION_CACHE:
                self._regions.clear()
            self._regions[key] = self._region_called(name)
        if self._regions[key] is None:
            return False
        ref, names = self._regions[key]
        _place_unnamed(mentions, ref, 3, f"{why}; placed at the middle of {names}")
        return True

    def _region_called(self, name: str) -> tuple[PlaceRef, str] | None:
        """The point of the region whose sides' provinces are called "<side> <name>", and their
        names; None when fewer than two provinces of one country are."""
        parts = self._sides_called(name)
        if len(parts) < 2 and name.endswith("s"):
            parts = self._sides_called(name[:-1])  # "the Carolinas", "the Kivus"
        if len(parts) < 2:
            return None
        points = [pt for area in parts.values() for pt in self.gazetteer.child_points(area.id)]
        holder = self._holder(list(parts.values()))
        if holder is None or not points:
            return None
        names = ", ".join(sorted(a.name for a in parts.values()))
        return _ref_at(holder, area_centre(points)), names

    def _sides_called(self, name: str) -> dict[int, Place]:
        """The provinces of one country called "<side> <name>" (the country with most)."""
        by_country: defaultdict[str, dict[int, Place]] = defaultdict(dict)
        sided = (f"{side} {name}" for side in lx.REGION_SIDES)
        for area in self.gazetteer.areas_called(sided):
            by_country[area.country_code][area.id] = area
        return max(by_country.values(), key=len, default={})

    def _holder(self, areas: list[Place]) -> Place | None:
        """The province all these districts lie in, or else their country."""
        if all(a.feature_code == "ADM2" for a in areas) and \
                len({a.admin1_code for a in areas}) == 1:
            province = next((p for p in self.gazetteer.parents(areas[0].id)
                             if p.feature_code == "ADM1"), None)
            if province is not None:
                return province
        country = self._country(areas[0].country_code)
        return country.place if country else None

    def _around_city(self, mentions: list[Mention]) -> bool:
        """"Greater Manchester", "Metro Manila": no place is so called, but the city is known;
        the mention is placed at the city, precision 2 (its area).  Whether it found one."""
        words = mentions[0].text.split(maxsplit=1)
        if len(words) < 2 or words[0].lower() not in AROUND:
            return False
        found = self.gazetteer.lookup(words[1], limit=10, loose_match=False, names=False)
        city = next((c.place for c in found if _city(c.place)), None)
        if city is None:
            return False
        _place_unnamed(mentions, place_ref(city), 2,
                       f"no place so called; placed at {city.name}, the city it surrounds")
        return True

    def _area_called(self, name: str, context: "_Context") -> Place | None:
        """The country, continent or province a name most likely means; a province only in a
        country the document is in, when its other names place it anywhere ("the West
        Midlands" of a story in England is not Zimbabwe's Midlands province)."""
        found = self.gazetteer.lookup(name, limit=10, loose_match=False, names=False)
        return next((c.place for c in found if c.place.feature_code == "CONT" or
                     c.place.feature_code in STATED_AREA_CODES and
                     (c.place.feature_code.startswith("PCL") or not context.total or
                      context.countries[c.place.country_code])), None)

    def _member_points(self, area: Place) -> list[tuple[float, float]]:
        """The points of an area's parts: a continent's countries, a country's provinces, a
        province's districts and towns."""
        if area.id in self._members:
            return self._members[area.id]
        if len(self._members) >= MEMBER_CACHE:
            self._members.clear()
        if area.feature_code == "CONT":
            code = CONTINENT_CODES.get(area.name)
            places = [self.gazetteer.get(c["place_id"]) for c in self.gazetteer.countries()
                      if c["continent"] == code and c["place_id"]]
            points = [(p.lat, p.lon) for p in places if p is not None]
        else:
            points = self.gazetteer.child_points(area.id, limit=100_000)
        self._members[area.id] = [p for p in points if p[0] or p[1]]
        return self._members[area.id]

    def _contain(self, doc: Document, mentions: list[Mention], context: "_Context") -> None:
        """Place an unknown name at a containing area the text names right after it; its
        other mentions, with no area after them, at the same area (one sense per document:
        "near the village of Talish in occupied Karabakh ... killed near Talish")."""
        areas = [None if m.place else context.containing_area(m) for m in mentions]
        named = next((a for a in areas if a is not None), None)  # stated areas come first
        for m, area in zip(mentions, areas):
            area = area or (named if m.place is None else None)
            if area is None:
                continue
            m.place = area.place
            m.precision = 3 if area.place.feature_code in REGION_CODES else 2
            m.alternatives = area.alternatives[:1]
            m.confidence = round(min(area.confidence, 0.5), 3)
            m.note = (f"not in the gazetteer; placed at the containing area named in the text:"
                      f" {area.place.name}")


def area_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of an area from its places: halfway between the mean of the cells they
    occupy (spread_centre), which leans towards where people live, and the centroid of their
    convex hull, which leans towards empty corners.  Gold standards take one or the other
    (Wikipedia's Ontario lies in its empty north, GeoNames' nearer its towns); the two err
    apart, and their midpoint is within 161 km of more gold provinces than either (GeoVirus
    .80 -> .88; TUD-Loc2013 and GeoCorpora unchanged).  Places far from all the others are
    left out first (see main_group)."""
    points = main_group(points)
    lat, lon = spread_centre(points)
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # a hull across the date line would span the globe
        return lat, lon
    hull = hull_centroid(points)
    return ((lat + hull[0]) / 2, (lon + hull[1]) / 2) if hull else (lat, lon)


GROUP_GAP_DEG = 8  # about 900 km: farther than towns lie apart in the emptiest provinces


def main_group(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The largest group of points each within GROUP_GAP_DEG (degrees of latitude, and of
    longitude shrunk by latitude) of another in it.  GeoNames files some places under a
    province thousands of km away (Xinjiang's towns under Heilongjiang, Baotou's under
    Xinjiang); a far island (Easter Island in Valparaíso) is as far from where readers put the
    province.  A gap of a few hundred km within a sparse province (the Northern Territory's
    towns, the Aleutians) is kept."""
    if not points:
        return points
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    shrink = math.cos(math.radians(max(abs(min(lats)), abs(max(lats)))))
    if max(lats) - min(lats) <= GROUP_GAP_DEG and \
            (max(lons) - min(lons)) * shrink <= GROUP_GAP_DEG:
        return points  # no wider than the gap: one group (most areas)
    cells: defaultdict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for lat, lon in points:
        cells[(math.floor(lat), math.floor(lon))].append((lat, lon))
    seen: set[tuple[int, int]] = set()
    best: list[tuple[float, float]] = []
    for start in cells:
        if start in seen:
            continue
        seen.add(start)
        stack, group = [start], []
        while stack:
            cell = stack.pop()
            group.extend(cells[cell])
            stack.extend(n for n in _cells_near(cell) if n in cells and n not in seen)
            seen.update(stack)
        best = group if len(group) > len(best) else best
    return best


def _cells_near(cell: tuple[int, int]) -> list[tuple[int, int]]:
    """The one-degree cells within GROUP_GAP_DEG of a cell, across the date line too."""
    shrink = max(math.cos(math.radians(cell[0] + 0.5)), 0.05)
    wide = math.ceil(GROUP_GAP_DEG / shrink)
    return [(cell[0] + dy, (cell[1] + dx + 180) % 360 - 180)
            for dy in range(-GROUP_GAP_DEG, GROUP_GAP_DEG + 1) for dx in range(-wide, wide + 1)]


def hull_centroid(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Centroid (lat, lon) of the convex hull of the points, in plain degrees; None when they
    enclose no area.  Written here rather than taken from shapely: importing it (and numpy) in
    every worker cost 13 MB and a fifth of a run's speed, for one polygon per province."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return None

    def chain(seq: list[tuple[float, float]]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []  # Andrew's monotone chain, one half of the hull
        for p in seq:
            while len(out) >= 2 and ((out[-1][0] - out[-2][0]) * (p[1] - out[-2][1]) -
                                     (out[-1][1] - out[-2][1]) * (p[0] - out[-2][0])) <= 0:
                out.pop()
            out.append(p)
        return out[:-1]
    ring = chain(pts) + chain(pts[::-1])
    area2 = cy = cx = 0.0
    for (y0, x0), (y1, x1) in zip(ring, ring[1:] + ring[:1]):
        cross = y0 * x1 - y1 * x0
        area2 += cross
        cy, cx = cy + (y0 + y1) * cross, cx + (x0 + x1) * cross
    return (cy / (3 * area2), cx / (3 * area2)) if area2 else None


def _on_side(points: list[tuple[float, float]], side: tuple[int, int]
             ) -> list[tuple[float, float]]:
    """The points on one side of the area's median latitude and longitude ((0, 0): the middle
    half both ways), or all of them when that leaves none."""
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    n = len(points)
    if side == (0, 0):
        lo_lat, hi_lat, lo_lon, hi_lon = lats[n // 4], lats[(3 * n) // 4], lons[n // 4], \
            lons[(3 * n) // 4]
        part = [p for p in points if lo_lat <= p[0] <= hi_lat and lo_lon <= p[1] <= hi_lon]
    else:
        mid_lat, mid_lon = lats[n // 2], lons[n // 2]
        part = [p for p in points if side[0] * (p[0] - mid_lat) >= 0 and
                side[1] * (p[1] - mid_lon) >= 0]
    return part or points


def spread_centre(points: list[tuple[float, float]], cell_deg: float = 1.0
                  ) -> tuple[float, float]:
    """Mean point of the one-degree cells the points occupy (on the sphere): an area's centre
    by the ground its places cover, so a crowded corner does not pull it off-centre."""
    cells = {(math.floor(lat / cell_deg), math.floor(lon / cell_deg)): (lat, lon)
             for lat, lon in points}
    x = y = z = 0.0
    for lat, lon in cells.values():
        la, lo = math.radians(lat), math.radians(lon)
        x, y, z = x + math.cos(la) * math.cos(lo), y + math.cos(la) * math.sin(lo), z + math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


NAMED = ("admin", "country_named", "contained", "stated_in")
UNNAMED = 5.0  # about a capital's lead over a small town: a named area outweighs fame


@dataclass(slots=True)
class Scored:
    """A namesake with its score while ranking; only the top few become Alternatives."""
    place: Place
    score: float
    features: dict[str, float]
    # where the text puts the mention relative to this town ("12 km north of it"), if it does
    at: tuple[float, float] | None = None
    measured: str = ""  # how the text puts it there: "110 km north"


def _credible_area(area: Candidate | None, ranked: list[Scored], context: "_Context"
                   ) -> Candidate | None:
    """The stated area, unless the text names the best namesake's province or country more than
    the area's: "a village in the town of Hempstead ..., New York" is not in Hempstead County,
    Arkansas (a county found for the word "Hempstead" that the text gives no other sign of)."""
    if area is None or not ranked:
        return area
    if any("country_named" in a.features for a in ranked) and \
            not context.names_country_of(area.place):
        return None  # "in the Pyrenees ... in France" is not Pyrenees Shire, Australia
    if fold(area.place.name) in context.names:
        return area  # the text gives the area's own name ("Lamoille County")
    namesake = max(sum(a.features.get(k, 0) for k in ("admin", "country_named", "contained"))
                   for a in ranked)
    return None if namesake > _support(context, area.place, fold(area.place.name)) else area


def _qualifier_area(key: str, qualifiers: list[str], ranked: list[Scored],
                    context: "_Context") -> Candidate | None:
    """"Palma, Cabo Delgado": the province or country a town's qualifier names when no
    namesake lies there (the store lacks the town), so that it is placed in that area rather
    than at Palma de Mallorca.  Only for towns outside lists: "Moscow, Ukraine and Belarus"
    (but "Stroud, Ontario, Canada" is a chain of areas, each holding the one before)."""
    if not ranked or ranked[0].place.feature_class != "P" or \
            key in context.peers and not _chain_of_areas(context.peers[key], context) or \
            any("contained" in a.features for a in ranked):
        return None
    for q in qualifiers:
        named = context.chosen.get(fold(q))
        area = named[0].place if named else None
        if area is not None and area.feature_code in STATED_AREA_CODES and \
                not _lies_in(ranked[0].place, area):
            return Candidate.model_construct(place=area, matched_name=q, match="exact",
                                             score=named[0].features.get("prior", 0.0))
    return None


def _chain_of_areas(peers: set[str], context: "_Context") -> bool:
    """The names after a town ("Ontario", "Canada") are areas of one country, each of another
    level: a province and its country, not a list of provinces or countries."""
    places = [r[0].place for k in peers if (r := context.chosen.get(k))]
    kinds = [_kind_of(p) for p in places]
    return len(places) == len(peers) and all(p.feature_code in STATED_AREA_CODES for p in places) \
        and len(set(kinds)) == len(kinds) and len({p.country_code for p in places}) == 1


_LAST_WORD_BEFORE = re.compile(r"([A-Za-z-]+)\s+$")


def _side_of_link(sentence: str, stated: re.Match, area: Candidate | None) -> str | None:
    """The compass word right before the stated chain's first link ("southwestern" of "in
    southwestern Ontario") or at its start ("Far North Queensland"), when that link is the
    area found."""
    word = _LAST_WORD_BEFORE.search(sentence, max(0, stated.start("area") - 20),
                                    stated.start("area"))
    side = word.group(1).lower().replace("-", "") if word else ""
    link = stated["area"]
    if side not in SIDES:  # or inside the link: "in Far North Queensland", "Eastern Ontario"
        words = link.split(maxsplit=1)
        written = words[1] if len(words) > 1 and words[0].lower() in ("far", "mid") else link
        side = "".join(_side_words(written).lower().split()).replace("-", "")
        link = _without_sides(link)
    if side not in SIDES or area is None or not area_keys(link) & area_keys(area.place.name):
        return None
    return side


def _with_stated_area(ranked: list[Scored], area: Candidate | None) -> list[Scored]:
    """No namesake lies in a province or district the text names, yet the text says where
    the place is ("X is a village in Y County"): the gazetteer lacks it, so place it at Y,
    not at a namesake elsewhere (whatever else the text names); a namesake inside Y stays."""
    if ranked and "stated_in" in ranked[0].features:
        return ranked
    inside = next((a for a in ranked if "stated_in" in a.features), None)
    if inside is not None:  # the writer's own words outweigh any other evidence
        return _lead(inside, ranked, "stated_in")
    if area is None or ranked and _lies_in(ranked[0].place, area.place):
        return ranked
    top = ranked[0].score if ranked else area.score
    alt = Scored(area.place, top, {"prior": round(area.score, 3),
                                   "stated_area": round(top - area.score, 3)})
    return [alt] + ranked


def _lead(chosen: Scored, ranked: list[Scored], feature: str) -> list[Scored]:
    """``chosen`` put first, its ``feature`` raised to give it a lead of STATED_MARGIN."""
    if chosen is ranked[0]:
        return ranked
    lead = round(ranked[0].score - chosen.score + STATED_MARGIN, 3)
    chosen.features[feature] = round(chosen.features.get(feature, 0) + lead, 3)
    chosen.score = round(chosen.score + lead, 3)
    return [chosen] + [a for a in ranked if a is not chosen]


def _prefer_named(scored: list[Scored], exact_ids: frozenset[int]) -> None:
    """When the text names the area of some namesakes, the others (a famous capital
    elsewhere) lose ground: the writer told us which one.  Not for a spelling variant's area:
    "concerts in New Jersey and New York" do not name Newark's state for New York."""
    if not any(a.features.get("admin", 0) >= 4.0 or "contained" in a.features or
               "stated_in" in a.features for a in scored if a.place.id in exact_ids):
        return
    support = [sum(a.features.get(k, 0) for k in NAMED) for a in scored]
    for alt, s in zip(scored, support):
        if s == 0 and alt.place.feature_code not in REGION_CODES:  # regions have no named parent
            alt.features["unnamed"] = -UNNAMED
            alt.score = round(alt.score - UNNAMED, 3)


def _capital_abroad(scored: list[Scored], context: "_Context", key: str) -> None:
    """A capital the text ties nothing to yields its edge to a namesake city in the story's
    country: "San Jose" beside "Austin, Texas" is California's, "Tripoli" in a report of the
    Lebanese army Lebanon's; "Paris" in a story set in Texas is still France's, Paris, Texas
    being too small to be meant without a word of support."""
    untied = [a for a in scored if a.place.feature_code == "PPLC" and
              not a.features.keys() & AREA_TIES and "near" not in a.features]
    if not untied:  # most names: no capital among the namesakes, no rival to look for
        return
    rivals = [a.place.population for a in scored if _city(a.place) and
              context.others_share(a.place.country_code, key) >= STORY_COUNTRY]
    for alt in untied:
        if any(pop >= CAPITAL_RIVAL_SHARE * alt.place.population for pop in rivals):
            alt.features["capital_abroad"] = -CAPITAL_EDGE
            alt.score = round(alt.score - CAPITAL_EDGE, 3)


# Any tie of a province to the document (its country's share, its or its country's name, a
# qualifier, the stated area): with none, and the document placed elsewhere, its prior halves
AREA_TIES = frozenset({"country", "admin", "contained", "country_named", "stated_in"})


def _town_or_province(place: Place, water: bool) -> bool:
    """What a river, lake or sea (``water``) or a landform is no more than named after unless
    it fits the document: a town, and for water a province too (Lake Victoria is not the
    Australian state; the Cuyahoga River beside Cleveland is near Cuyahoga County).  A country
    stays: Lake Chad, the Niger River and the Gulf of Mexico lie in or along theirs."""
    return place.feature_class == "P" or water and place.feature_class == "A" and \
        not place.feature_code.startswith("PCL")


def _lone_town(best: "Scored", written_area: bool = False) -> bool:
    """The best namesake is a town too small to be what a bare name means by its size alone,
    or any town where the text writes an area's kind word after every mention ("Al Rashid
    district" of a story in Baghdad is no Rosetta, Egypt, of 300,000; "Lome woreda" of one
    in Ethiopia no Lomé; "the Green Zone (Baghdad)" still names the capital), and nothing in
    the text places the story near it."""
    small = best.place.population < CITY_POPULATION or written_area
    return best.place.feature_class == "P" and small and not _fits(best.features) and \
        "near" not in best.features


def _out_of_story(best: "Scored", beyond: int) -> bool:
    """A lone town the story's other places put elsewhere, with nothing in the text for it,
    that is too small to be meant by its name alone or that the text calls a kind of place it
    is not ("Nyanza province" of a story in Kenya is no Rwandan town)."""
    if beyond < ABROAD_EVIDENCE or best.features.keys() & TIES or best.place.feature_class != "P":
        return False
    return best.place.population < SMALL_TOWN or best.features.get("qualifier", 0) < 0


def _alias_unqualified(best: "Scored", static: "_Static") -> bool:
    """The text names the area a place lies in ("Boni (Douentza, Mopti)", "Boni, Douentza"),
    the best namesake is called so only by an alternate name (Bonn, Germany, once "Boni") and
    nothing ties it to the text: the store lacks the place meant.  (The caller leaves out
    names in a list, whose comma is no qualifier: "Peabody, Elbing, Whitewater".)"""
    return bool(static.qualifiers) and "own_name" not in best.features and \
        not best.features.keys() & TIES and best.place.feature_class == "P"


def _facility_elsewhere(text: str, mentions: list[Mention], context: "_Context") -> bool:
    """Every mention names a building or spot ("Lido beach", "Bakara market") in a town the
    text places right after it, and the name's place lies far from that town: the name is the
    spot's, not the far town's."""
    if not all(next(iter(text[m.end:m.end + 20].split()), "") in lx.FACILITY_WORDS
               for m in mentions):
        return False
    town = context.containing_area(mentions[0])  # a placed mention, or None
    best = mentions[0].place
    return town is not None and best is not None and \
        haversine_km(best.lat, best.lon, town.place.lat, town.place.lon) > CITY_RADIUS_KM


def _owned_elsewhere(mentions: list[Mention], context: "_Context") -> bool:
    """Every mention follows a placed name's possessive and the place chosen lies outside
    that owner: "Kharkiv's Kyivskyi district" is a part of Kharkiv the store lacks, not the
    village of Kyivskyi 120 km away (_contain then places it in Kharkiv)."""
    best = mentions[0].place
    if best is None:
        return False
    for m in mentions:
        owner = context.owner_of(m)
        if owner is None or _lies_within(best, owner.place):
            return False
    return True


def _lies_within(place: PlaceRef, owner: PlaceRef) -> bool:
    if owner.feature_code.startswith("PCL"):
        return place.country_code == owner.country_code
    if owner.feature_code.startswith("ADM"):
        return (place.country_code, place.admin1) == (owner.country_code, owner.admin1)
    return haversine_km(place.lat, place.lon, owner.lat, owner.lon) <= CITY_RADIUS_KM


def _unplace(mentions: list[Mention], best: "Scored") -> None:
    """Leave mentions unresolved, their namesakes kept as alternatives for the reader."""
    for m in mentions:
        m.place, m.precision, m.confidence = None, None, 0.0
        m.note = (f"not in the gazetteer near the story's places; the places so called"
                  f" ({best.place.name}, {best.place.country_code}) have no support in the text")


def _fits(features: dict[str, float]) -> bool:
    """The namesake lies in the document's countries, or in an area the text names."""
    return features.get("country", 0) > 0 or features.get("admin", 0) >= 4.0 or \
        "contained" in features


def _area_spelt_otherwise(cands: list[Candidate], key: str) -> list[Candidate]:
    """The areas a name the text calls an area may be spelt otherwise, when no namesake
    spelt as written is an area: loose matches that are areas spelt nearly alike ("Hiran"
    Hiiraan, "Saydabad" Sayyidabad; not "Yinhai" Anhui, "Chubu" Chiba)."""
    if any(c.place.feature_class == "A" for c in cands if c.match == "exact"):
        return []
    return [c for c in cands if c.match == "loose" and c.place.feature_class == "A" and
            SequenceMatcher(None, fold(c.place.name), key).ratio() >= SPELT_ALIKE]


def _supported(features: dict[str, float], has_exact: bool = False,
               place: Place | None = None) -> bool:
    """A loose match needs the document's geography; beside an exact namesake, its
    admin area or a ", Area" qualifier (Hunan is not Huainan).  With none, a province in the
    document's countries is enough: provinces are few, and their names are spelt many ways
    ("Nimruz" is Nimroz, "Urozgan" Uruzgan)."""
    if has_exact:
        return features.get("admin", 0) >= 4.0 or "contained" in features
    return features.get("near", 0) >= 1.0 or "admin" in features or "contained" in features \
        or place is not None and place.feature_code == "ADM1" and features.get("country", 0) > 0


def _natural_meant(text: str, mentions: list[Mention], cues: list[tuple[str | None, str | None]]
                   ) -> str | None:
    """The natural class ("H", "T") the text calls a name, unless the water is named after a
    town the text also names alone: "the Gulf of Riga ... officials in Riga" mean the city,
    and the gulf is placed beside it (_assign); "the Zambezi River ... the Zambezi" is a river."""
    naturals = [(m, wanted) for m, (wanted, _) in zip(mentions, cues) if wanted in NATURAL_CLASSES]
    if not naturals:
        return None
    if len(naturals) < len(mentions) and all(
            _WATER_NAMED_AFTER.search(text, max(0, m.start - 12), m.start) for m, _ in naturals):
        return None
    return naturals[0][1]


_WATER_NAMED_AFTER = re.compile(r"\b(?:Gulf|Bay|Sea|Straits?|Bight|Firth) of $")


def _never_beside_exact(c: Candidate, features: dict[str, float], qualifiers: list[str]
                        ) -> bool:
    """A loose namesake that ``_rank`` drops in every pass when an exact one exists: a country,
    or a place whose area the text does not name in full and no ", Area" can qualify (context
    features never add "admin").  Left out once here: they are a third of all namesakes."""
    return c.place.feature_code.startswith("PCL") or (
        not qualifiers and not _supported(features, has_exact=True))


def _softmax_top(scores: list[float]) -> float:
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    return weights[0] / sum(weights)


def _explain(best: Scored) -> str:
    if "stated_area" in best.features:
        return f"no namesake in the area the text states; placed at that area: {best.place.name}"
    if "stated_near" in best.features and best.at is not None:
        return f"no namesake where the text puts it; placed {best.measured} of " \
            f"{best.place.name}, as the text measures it"
    if "stated_near" in best.features:
        return f"no namesake where the text puts it; placed near {best.place.name}, the town " \
            "the text measures it from or puts it near"
    reasons = [k for k, v in sorted(best.features.items(), key=lambda kv: -kv[1])
               if k != "prior" and v > 0]
    return "best by " + (", ".join(["prior"] + reasons))


# "Paris, Texas"; "Amritsar (Punjab)", the form conflict reports use (also "Andar (Shalgar)",
# another name, which names no area and so counts for nothing)
# a kind word may come between ("Guji zone (Oromia)", "Kukum Daji village (Kaura, Kaduna)")
_QUALIFIER = re.compile(r"(?:\s+(?:" + "|".join(sorted(lx.FEATURE_AFTER)) + r"))?"
                        r"\s*(?:,\s*|\(\s*(?=[^()]{1,60}\)))"
                        r"(" + _NAME + ")")


SUBDIVISION = "subdivision"  # the kind a cue asks for: an area that is no country


def _mention_cues(text: str, mentions: list[Mention], written: list[str | None]
                  ) -> list[tuple[str | None, str | None]]:
    """For each mention, the feature class its neighbouring words ask for ("Terter district",
    "the village of X") and a following ", Qualifier"; the same for every candidate.
    ``written``: each mention's kind word after it (_kind_word_after)."""
    cues = []
    for m, kind_after in zip(mentions, written):
        after = text[m.end:m.end + 40]
        comma = _QUALIFIER.match(after)
        wanted = _kind_word(text, m, after, kind_after) or _said_to_be(text, m.end) or \
            _area_in_parentheses(text, m) or _listed_area(text, m) or \
            ("P" if lx.dateline(text, m.start, m.end) else None) or \
            ("H" if _WATER_NAME.search(m.text) or
             lx.WATER_BEFORE.search(text, max(0, m.start - 30), m.start) else None)
        cues.append((wanted, comma.group(1) if comma else None))
    return cues


# "the Red Sea": no state is meant ("the left bank of the Dnipro": lx.WATER_BEFORE)
_WATER_NAME = re.compile(r"\s(?:Sea|Ocean)$")


def _kind_word(text: str, m: Mention, after: str, written: str | None) -> str | None:
    """The kind the word beside the name asks for ("Terter district", "the state of Georgia");
    a capitalised "State of" is a country's own title ("the Plurinational State of Bolivia").
    Before the name only some kind words ask for a country's part (_PART_BEFORE).
    ``written``: the kind word written after the name or its list (_kind_word_after)."""
    words = after.split()
    word_after = words[0].lower().strip(".,;:") if words else ""
    if written:
        return _cue_kind(written)
    before = text[max(0, m.start - 40):m.start].split()
    office = word_after if word_after in _OFFICES else _word_before_of(before)
    if office in _OFFICES:  # "New York Governor Andrew Cuomo", "the Mayor of Kabul"
        return _OFFICES[office]
    if len(before) >= 3 and before[-1] == "of" and before[-2].lower() == "capital" and \
            before[-3].lower() in ("the", "a"):
        return "A"  # "the capital of Bulacan" holds it; "the provincial capital of Varna" is it
    if len(before) >= 2 and before[-1] == "of" and before[-2].lower() in lx.FEATURE_BEFORE:
        word, lead = before[-2], before[-3].lower() if len(before) >= 3 else ""
    elif before and before[-1].lower() in lx.FEATURE_BEFORE:
        word, lead = before[-1], ""
    else:
        return None
    kind = _cue_kind(word.lower())
    if kind == SUBDIVISION and not (word.islower() and word in _PART_BEFORE and
                                    (lead in _PART_LEADS or lead in lx.DIRECTIONS)):
        return "A"  # "a province of China", "the Andean region of Bolivia", "the sovereign
        # state of Cuba": what it lies in, or a state that is a country
    return kind


_SEAT_AFTER = re.compile(r"\s+\w+\s+(?:center|centre|headquarters|seat|capital)\b", re.I)
# what places a town where the text says: the area after its comma, the area stated to hold it
QUALIFIED_HERE = {"contained", "stated_in", "qualifies"}
# the kind words a list of names may end in, plural: "the Odesa and Mykolaiv regions"
_PLURAL_KINDS = {"provinces": "province", "districts": "district", "regions": "region",
                 "oblasts": "oblast", "counties": "county", "states": "state",
                 "governorates": "governorate", "prefectures": "prefecture"}
_KINDS_AFTER = re.compile(r"\s+(?P<kind>" + "|".join(_PLURAL_KINDS) +
                         r")\b(?!\s+(?:that|the|an?|its)\b)")  # not the verb: "X states that"
_LISTED_KIND = re.compile(r"(?:(?:,\s*|,?\s+and\s+)" + _NAME + r")+" + _KINDS_AFTER.pattern)
_LIST_BEFORE = re.compile(_NAME + r"(?:,\s*|,?\s+and\s+)$")
_IN_THE = re.compile(r"\s+in\s+(?:the\s+)?")
_AFTER_NAME_COMMA = re.compile(_UP + r"[\w'’-]*,\s+$")  # "Gul Tipa, " before "Kunduz"
# words before a name that make it an area: "towns in Bulacan", "northwestern Jilin"
_AREA_BEFORE = re.compile(r"\b(?:(?:towns|villages|cities|parts|divisions|districts|areas|"
                          r"regions|municipalities|settlements|communities|counties|provinces|"
                          r"localities)\s+(?:in|of|across|throughout)\s+(?:the\s+)?|"
                          r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)ern\s+|"
                          r"central\s+)$", re.IGNORECASE)


def _word_before_of(words: list[str]) -> str:
    """The word before a closing "of" ("the County of", "the Mayor of"), lower-cased, or ''."""
    return words[-2].lower() if len(words) >= 2 and words[-1] == "of" else ""


def _kind_word_after(text: str, m: Mention) -> str | None:
    """The kind word written after the name ("Terter district"), or after the list it ends or
    begins, made singular ("Herat and Kandahar provinces": each name of the list is a province;
    but "Liberia counties" are the counties of Liberia)."""
    words = text[m.end:m.end + 40].split()
    if [w.lower().strip(".,;:") for w in words[:3]] == ["local", "government", "area"]:
        return "lga"  # Nigeria's district: "Konduga local government area"
    if len(words) > 1 and words[0].lower() in _KIND_ADJECTIVES:
        words = words[1:]  # "Al Rashid administrative district", "the Amaro special woreda"
    # "(Moa River)", "Kaduna state's Chikun LGA"
    word = words[0].lower().strip(".,;:").rstrip(")").removesuffix("'s").removesuffix("’s") \
        if words else ""
    if word in lx.FEATURE_AFTER:
        return word
    listed = _LISTED_KIND.match(text, m.end, m.end + 120) or \
        _LIST_BEFORE.search(text, max(0, m.start - 60), m.start) and _KINDS_AFTER.match(text, m.end)
    return _PLURAL_KINDS[listed["kind"]] if listed else None


def _place_at(mentions: list[Mention], start: int) -> Mention | None:
    return next((q for q in mentions if q.start == start and q.kind == "place"), None)


_CITY_WORDS = {"city", "town"}
_KIND_ADJECTIVES = {"administrative", "special", "rural", "urban", "municipal", "local"}
# "the state of Georgia", "the U.S. state of Georgia", "the southern province of Balkh": the
# part itself follows "of" (directions count as leads too)
_PART_BEFORE = {"state", "province", "county", "governorate", "prefecture", "oblast"}
_PART_LEADS = {"the", "u.s.", "us", "american"}
# the offices that govern a kind of place: a governor a state or province, a mayor a town
_OFFICES = {"governor": SUBDIVISION, "governors": SUBDIVISION, "gov": SUBDIVISION,
            "mayor": "P", "mayors": "P"}


def _listed_area(text: str, m: Mention) -> str | None:
    """"the states of Texas and Georgia": each name of the list is a country's part; but a lone
    name after the plural is what they lie in ("the provinces and regions of China")."""
    listed = _AREAS_LISTED.search(text, max(0, m.start - 120), m.start)
    if listed is None or _SOVEREIGN.search(text, max(0, listed.start() - 20), listed.start()):
        return None
    alone = listed.group().rstrip().endswith(" of") and not _LIST_GOES_ON.match(text, m.end)
    return "A" if alone else SUBDIVISION


# "the US states of Colorado and Washington", "the provinces of Nyanza, Rift Valley and
# Western": every name of the list is such an area (not Washington, Tyne and Wear)
_AREAS_LISTED = re.compile(r"\b(?:states|provinces|counties|districts|regions|governorates)\s+"
                           r"of\s+(?:" + _AREA_NAME + r"(?:,\s*(?:and\s+)?|\s+and\s+))*$")
# between a place's name and another name of it: "Bakhmut, which Russia calls Artemovsk",
# "Stepanakert, known to Azerbaijanis as Khankendi", "Khankendi (Stepanakert)", "Kyiv, or Kiev"
_ALIAS_GAP = re.compile(r",?\s+(?:which|what)\s+(?:[\w'’-]+\s+){1,3}?(?:calls?|called|names?)\s+|"
                        r",?\s+(?:also\s+|formerly\s+|once\s+|previously\s+)?(?:known|called|"
                        r"named|spelt|spelled)\s+(?:(?:to|by)\s+(?:[\w'’-]+\s+){1,2})?"
                        r"(?:as\s+)?|,\s+(?:formerly|once|or)\s+|\s+\((?:or\s+|formerly\s+)?",
                        re.IGNORECASE)
# "the Sahel states of Mali, Burkina Faso and Niger", "the Baltic states of": countries
_SOVEREIGN = re.compile(r"\b(?:sahel|gulf|baltic|balkan|nordic|arab|african|european|asian|"
                        r"caribbean|pacific|american|member|sovereign|independent|"
                        r"neighbou?ring)\s+$", re.I)
_LIST_GOES_ON = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)" + _UP)


# "Seytenga (Seno)", "Mbau (Beni, Nord-Kivu)": the names in parentheses after a place
_PAREN_OPEN = re.compile(r"(?P<town>" + _UP + r"[\w'’-]*(?: " + _UP + r"[\w'’-]*){0,3}) "
                         r"\((?:[^()]{1,40}, )?$")
_PAREN_CLOSE = re.compile(r"(?:,[^()]{1,40})?\)")


def _area_in_parentheses(text: str, m: Mention) -> str | None:
    """"A" for a name in parentheses after another place, the form conflict reports give the
    district and province in (Seno is Burkina Faso's province, not a Lao town also so called);
    not for a town qualified by its own name ("Mandalay (Mandalay)"), one sense per name."""
    if "(" not in text[max(0, m.start - 60):m.start]:
        return None  # most names: no parenthesis before them
    before = _PAREN_OPEN.search(text, max(0, m.start - 60), m.start)
    if before is None or not _PAREN_CLOSE.match(text, m.end) or \
            fold(before["town"]) == fold(m.text):
        return None
    return "A"


# "X is a small town in", "X (pronounced ...) is a county", "X, a village": what the writer
# says the place is (not "a county seat", a town, nor "a municipality", a town or an area)
_SAID_KIND = re.compile(
    r"\s*(?:\([^()]{0,120}\)\s*)?(?:,\s*|\s+(?:is|was)\s+)(?:a|an|the)\s+"
    r"(?:[\w-]+,?\s+){0,3}?(?P<kind>" + "|".join(sorted(set(lx.FEATURE_AFTER) |
                                                         set(lx.FEATURE_BEFORE))) + r")(?![\w-])"
    r"(?!\s+(?:seat|town|capital|council|centre|center|headquarters|road|line)\b)")


def _said_to_be(text: str, end: int) -> str | None:
    said = _SAID_KIND.match(text, end, end + 200)
    return _cue_kind(said["kind"].lower()) if said else None


def _cue_kind(word: str) -> str | None:
    """The feature class a kind word asks for, or SUBDIVISION for a country's part ("the state
    of Georgia" is no country, though both are areas)."""
    if word in lx.SUBDIVISION_WORDS:
        return SUBDIVISION
    return lx.FEATURE_AFTER.get(word) or lx.FEATURE_BEFORE.get(word)


def _areas_over_towns(scored: list["Scored"], exact_ids: frozenset[int]) -> list["Scored"]:
    """The namesakes less the towns of a country that has an area spelt as written, unless the
    text's qualifiers place the town ("Dawlat Abad district, Balkh" keeps Balkh's Dowlatabad
    beside a district of that name in Faryab)."""
    areas = {a.place.country_code for a in scored
             if a.place.feature_class == "A" and a.place.id in exact_ids}
    return [a for a in scored if a.place.feature_class != "P" or
            a.place.country_code not in areas or a.features.keys() & QUALIFIED_HERE]


def _as_candidate(place: Place) -> Candidate:
    """A place the text's words point to, offered as a namesake called by its own name."""
    return Candidate.model_construct(
        place=place, matched_name=place.name, match="exact",
        score=importance(place.feature_class, place.feature_code, place.population))


def _area_at_home(cands: list[Candidate]) -> bool:
    """Some namesake is an area in the country of the foremost namesake town (Bulgaria's
    "Obshtina Ivanovo" is no answer to "Ivanovo Oblast" while the Russian city leads)."""
    town = max((c for c in cands if c.place.feature_class == "P"), key=lambda c: c.score,
               default=None)
    return any(c.place.feature_class == "A" and
               (town is None or c.place.country_code == town.place.country_code) for c in cands)


def _city(place: Place) -> bool:
    """A city big enough to hold districts and suburbs."""
    return place.feature_class == "P" and place.population >= CITY_POPULATION


def _without_cues(text: str, mentions: list[Mention],
                  cues: list[tuple[str | None, str | None]]) -> list[bool]:
    """Each mention has no cue to its kind at all: no kind word about it (``cues``:
    _mention_cues'), no word before it that makes it an area, no name and comma before it that
    it may qualify."""
    return [wanted is None and not _AFTER_NAME_COMMA.search(text, max(0, m.start - 40), m.start)
            and not _AREA_BEFORE.search(text, max(0, m.start - 40), m.start)
            for m, (wanted, _) in zip(mentions, cues)]


def _area_chosen(ranked: list["Scored"] | None) -> bool:
    """A name was resolved to a country or a province."""
    return bool(ranked) and ranked[0].place.feature_code.startswith(("PCL", "ADM1"))


def _seat_of(place: Place, key: str) -> bool:
    """A town called so by its own name and big enough to have a province named after it."""
    return place.population >= SEAT_POPULATION and _own_name(place, key)


class _Provinces:
    """Namesakes that are provinces against namesakes that are towns.  A province named like
    its own town (Terter) is usually the town in the news; a town named after a province
    elsewhere in its country (California, Maryland) is not what "California" means."""

    def __init__(self, cands: list[Candidate], key: str, people: Callable[[Place], int]):
        self.people = people
        # the towns called so by their own name (not only an alternate name), and the most
        # people one of them holds
        self.own_named = {c.place.id for c in cands if c.place.feature_class == "P" and
                          _own_name(c.place, key)}
        self.town_people = max((c.place.population for c in cands
                                if c.place.id in self.own_named), default=0)
        self.towns = [c.place for c in cands if c.place.feature_class == "P"]
        # "Oklahoma City", "Iowa City", "Cebu City" are the province's cities, not the towns
        # "Oklahoma" names: the bare name is the province, unless the city is among the world's
        # largest (New York); a variant spelling is no seat (Yuma, once "Arizona City")
        self.seats = {(c.place.country_code, c.place.admin1_code) for c in cands
                      if c.place.feature_class == "P" and c.match == "exact" and not (
                          c.place.ascii_name.endswith(" City") and
                          fold(c.place.ascii_name) == key + "city" and
                          c.place.population < METROPOLIS)}
        self.provinces = {(c.place.country_code, c.place.admin1_code) for c in cands
                          if c.place.feature_code == "ADM1" and c.match == "exact"}

    def famous(self, province: Place) -> bool:
        """A province whose towns hold more than FAMOUS_AREA people."""
        return province.feature_code == "ADM1" and self.people(province) >= FAMOUS_AREA

    def features(self, c: Candidate, key: str) -> dict[str, float]:
        place, out = c.place, {}
        where = (place.country_code, place.admin1_code)
        if place.feature_code == "ADM1" and c.match == "exact" and where not in self.seats:
            if not self.town_people or self.people(place) >= self.town_people:
                out["area"] = AREA_PRIOR
        elif place.feature_code == "ADM2" and not self.own_named and _own_name(place, key) and \
                not any(_lies_in(town, place) for town in self.towns):
            # "Cumbria" is the county so called, not Cumberland, Maryland, which GeoNames
            # also calls Cumbria: no town is called so by its own name, and none in the
            # district by another (Chaghcharan, the seat now called Fayroz Koh, stays the town)
            out["area"] = AREA_PRIOR / 2
        if place.id in self.own_named:
            out["own_name"] = OWN_NAME  # not only one of its alternate names
        elif place.feature_code == "PPLC" and \
                self.town_people >= CAPITAL_RIVAL_SHARE * place.population:
            # "the mayor of Philadelphia" is not Amman, which GeoNames also calls so: a capital
            # known by the name only as an alternate loses its edge to a town so called
            out["alias"] = -CAPITAL_EDGE
        if place.feature_class == "P" and place.feature_code != "PPLC" and \
                place.population < CITY_POPULATION and where not in self.provinces and \
                any(cc == place.country_code for cc, _ in self.provinces):
            out["named_after_province"] = -AFTER_PROVINCE
        return out


def _name_ends(text: str, name: str, most: int = 5) -> list[int]:
    """Where the first few occurrences of the name (as a whole word) end."""
    ends, at = [], text.find(name)
    while at >= 0 and len(ends) < most:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and \
                (end == len(text) or not text[end].isalnum()):
            ends.append(end)
        at = text.find(name, at + 1)
    return ends


_SIDE_WORDS = frozenset(lx.DIRECTIONS | {"mid", "far"})  # "Far North Queensland"


def _without_sides(name: str) -> str:
    """"North West England" -> "England": the compass words before an area's name dropped."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in _SIDE_WORDS:
        words.pop(0)
    return " ".join(words)


def _support(context: "_Context", place: Place, key: str) -> float:
    """How much the text names the place's areas (its country, province, district) other than
    by its own name ``key`` (Rome's province is Roma)."""
    return sum(context.named_areas(place, key).get(k, 0) for k in NAMED)


def _within(place: Place, town: Place, km: float) -> bool:
    """The place lies about ``km`` from the town, or closer (road distances, rounding)."""
    return haversine_km(place.lat, place.lon, town.lat, town.lon) <= \
        km + max(DISTANCE_SLACK_KM, 0.35 * km)


def _own_name(place: Place, key: str) -> bool:
    """The place is called ``key`` by its own name, not only by an alternate one."""
    return key in (fold(place.name), fold(place.ascii_name))


def _holds_area(namesakes: list[Candidate], area: Candidate | None) -> bool:
    """Whether a namesake spelt as written is an area holding ``area``: a country is no place
    in one of its districts."""
    return area is not None and any(
        c.match == "exact" and c.place.feature_class == "A" and c.place.id != area.place.id and
        _lies_in(area.place, c.place) for c in namesakes)


def _holds_any(area: Place, namesakes: list[Candidate]) -> bool:
    return any(c.place.id != area.id and _lies_in(c.place, area) for c in namesakes)


def _place_unnamed(mentions: list[Mention], ref: PlaceRef, precision: int, note: str) -> None:
    """Place mentions of a name no place is called at a point found for it (a side of an area,
    a region of sides, the city inside "Greater X"), with half confidence and that point as the
    only alternative."""
    for m in mentions:
        m.place, m.precision, m.confidence = ref, precision, 0.5
        m.alternatives = [Alternative.model_construct(place=ref, score=0.0, features={})]
        m.note = note


def _area_codes(area: Place) -> tuple[str, str, str]:
    """The codes the places inside a province (with no district code) or a district share."""
    return (area.country_code, area.admin1_code,
            area.admin2_code if area.feature_code == "ADM2" else "")


def _lies_in(place: Place, area: Place) -> bool:
    """The place is inside the area, by the administrative codes they carry (within
    CITY_RADIUS_KM of a city)."""
    if place.country_code != area.country_code:
        return False
    if area.feature_class == "P":
        return haversine_km(place.lat, place.lon, area.lat, area.lon) <= CITY_RADIUS_KM
    if area.feature_code.startswith("PCL"):
        return True
    if area.feature_code == "ADM1":
        return place.admin1_code == area.admin1_code
    return (place.admin1_code, place.admin2_code) == (area.admin1_code, area.admin2_code) and \
        area.feature_code == "ADM2"


def _kind_cue(cues: list[tuple[str | None, str | None]], place: Place) -> dict[str, float]:
    """The kind of place the words around the mentions ask for ("Terter district")."""
    # one mention that asks for its kind is enough; a mismatch counts against it
    scores = [3.0 if place.feature_class == ("A" if wanted == SUBDIVISION else wanted) else -1.0
              for wanted, _ in cues if wanted]
    return {"qualifier": max(scores)} if scores else {}


def _no_foreign_country(found: list[tuple[Candidate, dict]]) -> list[tuple[Candidate, dict]]:
    """For a name the text calls a country's part ("the state of Georgia"): the namesakes
    without the countries so called that lie in another country than an exact such part.  The
    State of Qatar, with no such part, stays the country; so does Mexico beside "Mexico State",
    its own part, which one sense per name would otherwise take for every "Mexico"."""
    parts = {c.place.country_code for c, _ in found if c.match == "exact" and
             c.place.feature_class == "A" and not c.place.feature_code.startswith("PCL")}
    return [(c, f) for c, f in found if not (
        c.place.feature_code.startswith("PCL") and parts - {c.place.country_code})]


def _listed_kind(key: str, static: "_Static", context: "_Context") -> str | None:
    """The kind of area the other names of the name's list are, when it has a namesake of that
    kind: the comma after it separates peers, it does not qualify ("Springfield, Illinois and
    Springfield, Missouri" still does: no Springfield is a state)."""
    kind = context.peer_kind.get(key)
    if kind not in LIST_KINDS:
        return None
    # a namesake of that kind spelt as written and near the best, as each peer's must be
    # (_common_kind): "Tulsa, Oklahoma and Wichita, Kansas" are no list of states for Tulsa
    if any(context.listed_like(c.place, key) and c.place.id in static.exact_ids and
           sum(f.values()) >= static.best - LIST_PEERS for c, f in static.candidates):
        return kind
    return None


def _qualified(qualifiers: list[str], place: Place, context: "_Context") -> bool:
    """A following ", Area" names the candidate's province or country ("Paris, Texas")."""
    return any(context.names_area_of(q, place) for q in qualifiers)


class _Static(NamedTuple):
    candidates: list[tuple[Candidate, dict[str, float]]]
    qualifiers: list[str]  # the ", Area" after each mention that has one
    has_exact: bool
    stated: Candidate | None  # the area of "<name> is a town in <area>"
    exact_ids: frozenset[int]  # the namesakes called so exactly, not by a spelling variant
    natural: str | None  # "H" or "T": the text calls it a sea, river, range...: not a town
    may_hold: frozenset[int]  # the provinces and districts no namesake town lies in
    stated_side: str | None  # "southwestern" of "a community in southwestern Ontario"
    qualified: frozenset[str]  # the names it follows as their area ("Pandi, Bulacan")
    # of every namesake, also those left out of ``candidates``:
    best: float  # the highest score of this evidence
    biggest: int  # the most people one holds
    cities: list[Place]  # those big enough to hold districts and suburbs
    famous: frozenset[int]  # the provinces so populous that any story may mean them
    written_area: bool  # every mention is followed by a province's or district's kind word
    written: list[str | None]  # each mention's kind word after it ("Terter district")
    cues: list[tuple[str | None, str | None]]  # each mention's _mention_cues


class _Context:
    """What the document says about where it is: its countries, areas and anchor points."""

    def __init__(self, doc: Document, groups: dict):
        self.doc = doc
        self.keys = {key: len(ms) for key, ms in groups.items()}
        self.demonym_countries = Counter(m.country_code for m in doc.mentions
                                         if m.kind == "demonym" and m.country_code)
        self.group_countries = lx.group_countries(doc.text)  # "Hamas": Gaza is Palestinian
        self.countries: Counter = Counter()
        self.weights: dict[str, int] = {}  # what each name's choice adds to self.countries
        self.total = 0  # of the countries' counts
        self.chosen_countries: set[tuple[str, str]] = set()
        self.points: dict[str, tuple[float, float, float]] = {}
        self.by_lat: list[tuple[float, float, str]] = []  # the points by latitude, and their
        self.lats: list[float] = []  # latitudes alone, for bisect
        self.chosen: dict[str, list[Scored]] = {}
        # the names a text gives, where a candidate's district, province or country may be
        # named: its other mentions and the capitalised runs outside them
        self.names: set[str] = set(self.keys)
        self.country_names: dict[str, str] = {}
        self._named_countries: list[str] | None = None
        self._named_keys: Counter = Counter()  # their names' keys, with named_countries
        mentions = [m for ms in groups.values() for m in ms]
        self.distances = stated_distances(doc.text, mentions)
        self.peers = listed_peers(doc.text, mentions)
        self.coordinated = coordinate_peers(doc.text, mentions)
        self.peer_kind: dict[str, str] = {}  # the kind most of a name's list peers are
        self.peer_countries: dict[str, set[str]] = {}  # the countries they were placed in
        self.held: defaultdict[tuple[str, str, str], set[str]] = defaultdict(set)
        # a mention's start -> the name right before it and a comma ("Pandi, Bulacan")
        ordered = sorted(mentions, key=lambda m: m.start)
        self.before_comma = {m.start: fold(p.text) for p, m in zip(ordered, ordered[1:])
                             if doc.text[p.end:m.start] == ", "}
        # ... and right before it and "in (the)" ("Pokrovsk in the Donetsk region")
        self.before_in = {m.start: fold(p.text) for p, m in zip(ordered, ordered[1:])
                          if _IN_THE.fullmatch(doc.text, p.end, m.start)}
        # "Bakhmut, which Russia calls Artemovsk": a name -> the one it is another name of
        # (the name of who calls it so may stand between: look two names back)
        self.alias_of = {fold(m.text): fold(p.text) for i, m in enumerate(ordered)
                         for p in ordered[max(0, i - 2):i]
                         if _ALIAS_GAP.fullmatch(doc.text, p.end, m.start)}

    def update(self, chosen: dict[str, list[Scored]]) -> None:
        self.chosen = chosen
        self.countries = self.demonym_countries + self.group_countries
        self.weights = {}
        self.points = {}
        for key, ranked in chosen.items():
            if not ranked:
                continue
            best = ranked[0].place
            weight = self.keys[key] * (2 if best.feature_code.startswith("PCL") else 1)
            self.countries[best.country_code] += weight
            self.weights[key] = weight
            if best.feature_code not in REGION_CODES:
                self.points[key] = (best.lat, best.lon, self.keys[key])
        self.total = sum(self.countries.values())
        # countries some name was resolved to, by that name: "X, Georgia" once Georgia is one
        self.chosen_countries = {(fold(r[0].place.name), r[0].place.country_code)
                                 for r in chosen.values()
                                 if r and r[0].place.feature_code.startswith("PCL")}
        self.peer_kind = {key: kind for key, peers in self.peers.items()
                          if (kind := _common_kind(peers, chosen))}
        self.peer_countries = {key: {chosen[k][0].place.country_code for k in self.peers[key]
                                     if chosen.get(k)} for key in self.peer_kind}
        # the provinces and districts the chosen towns lie in, by name: an area that holds a
        # town the text names is the area meant ("Georgia" beside Atlanta is the state)
        self.held = defaultdict(set)
        for key, ranked in chosen.items():
            if ranked and ranked[0].place.feature_class == "P":
                town = ranked[0].place
                self.held[(town.country_code, town.admin1_code, "")].add(key)
                self.held[(town.country_code, town.admin1_code, town.admin2_code)].add(key)
        self.by_lat = sorted((lat, lon, key) for key, (lat, lon, _) in self.points.items())
        self.lats = [a[0] for a in self.by_lat]

    def set_text_names(self, names: set[str]) -> None:
        self.names = set(self.keys) | names
        self._named_countries = None

    def features(self, place: Place, key: str) -> dict[str, float]:
        out: dict[str, float] = {}
        total = self.total
        if total and place.country_code:
            # share of the document's other evidence in this country (minus this name's own)
            own = self.weights.get(key, 0) if self.chosen.get(key) and \
                self.chosen[key][0].place.country_code == place.country_code else 0
            share = (self.countries[place.country_code] - own) / max(1, total - own)
            if share > 0:
                out["country"] = round(4.0 * share, 3)
        near = self._nearest_km(place, key)
        if near is not None and near < NEAR_KM:
            out["near"] = round(3.0 * (1 - near / NEAR_KM), 3)
        if self._distance_fits(place, key):
            out["distance"] = STATED_DISTANCE
        if self.listed_like(place, key):
            out["list"] = LIST_PEERS  # "Michigan, Oregon, Ohio and California": all states
        named = self.chosen.get(self.alias_of.get(key, ""))
        if named and named[0].place.id == place.id:
            out["same_place"] = SAME_PLACE  # the writer says it is the place just named
        return out

    def others_share(self, code: str, key: str) -> float:
        """The share of the other names' evidence (not this name's own vote) in a country."""
        own = self.weights.get(key, 0)
        mine = own if self.chosen.get(key) and \
            self.chosen[key][0].place.country_code == code else 0
        return (self.countries[code] - mine) / max(1, self.total - own)

    def listed_like(self, place: Place, key: str) -> bool:
        """The place is of the kind the name's list peers are, and for states and districts in
        a country of theirs ("New York, Long Island, Pennsylvania": not the Bahamas' province
        of Long Island)."""
        kind = _kind_of(place)
        return kind == self.peer_kind.get(key) and (
            kind == "PCL" or place.country_code in self.peer_countries[key])

    def listed_abroad(self, key: str, place: Place) -> bool:
        """The name is one of a list of LISTED_TOGETHER or more whose other names were nearly
        all placed in one country, and this place lies in another ("Suba, Migori, Homa Bay,
        Kisumu ..." is no Suva in Fiji)."""
        countries = Counter(r[0].place.country_code for k in self.peers.get(key, ())
                            if (r := self.chosen.get(k)))
        if not countries or sum(countries.values()) < LISTED_TOGETHER:
            return False
        code, n = countries.most_common(1)[0]
        return code != place.country_code and n >= 0.8 * sum(countries.values())

    def named_countries(self) -> list[str]:
        """The codes of the countries the text names by name (found once: the text's names
        are set before any name is resolved)."""
        if self._named_countries is None:
            self._named_countries = [code for code, key in self.country_names.items()
                                     if key in self.names]
            self._named_keys = Counter(self.country_names[c] for c in self._named_countries)
        return self._named_countries

    def country_named_weight(self, key: str) -> float:
        """What naming a candidate's country counts for: less in a text that names many (other
        than ``key`` itself, which may be the state of Georgia rather than the country)."""
        others = len(self.named_countries()) - self._named_keys[key]
        return round(COUNTRY_NAMED * min(1.0, FEW_COUNTRIES / max(1, others)), 3)

    def sole_country(self) -> str | None:
        """The code of the one country the text names, if it names exactly one."""
        codes = self.named_countries()
        return codes[0] if len(codes) == 1 else None

    def holds_town_of(self, area: Place, towns: frozenset[str]) -> bool:
        """The area (or city) holds a town placed for one of these names."""
        return any((r := self.chosen.get(k)) and r[0].place.feature_class == "P" and
                   r[0].place.id != area.id and _lies_in(r[0].place, area) for k in towns)

    def holds_named_town(self, area: Place, key: str) -> bool:
        """Another name of the text was resolved to a town inside this province or district."""
        return bool(self.held[_area_codes(area)] - {key})

    def _distance_fits(self, place: Place, key: str) -> bool:
        """The text gives this name's distance from another ("Terter, 114 km from Talish") and
        this candidate lies about that far from the other's chosen place."""
        for a, b, km in self.distances:
            other = b if a == key else a if b == key else None
            ranked = self.chosen.get(other) if other else None
            if ranked:
                there = ranked[0].place
                found = haversine_km(place.lat, place.lon, there.lat, there.lon)
                if abs(found - km) <= max(DISTANCE_SLACK_KM, 0.35 * km):
                    return True
        return False

    def named_areas(self, place: Place, key: str) -> dict[str, float]:
        """The candidate's district, province or country is named anywhere in the text
        ("X is a town in Y County, Z"): the strongest cue a writer gives for a namesake."""
        # a list's names are its peers, not its areas: "Boston, Hartford, New York and
        # Philadelphia" does not put Boston in New York State (but "Leeds, West Yorkshire,
        # England" is a chain)
        peers = self.coordinated.get(key)
        areas_named = self.names - peers if peers else self.names
        score = 0.0
        country = self.country_names.get(place.country_code)
        for area in (place.admin2_name, place.admin1_name):
            if not area or fold(area) in (key, country) or area == place.name:
                continue  # not its own district, nor the State of México when Mexico is named
            if fold(area) in areas_named:
                score += 4.0
            elif (area_keys(area) - {key}) & areas_named:
                score += 2.0  # "Washington" may name Washington County, or much else
        out: dict[str, float] = {"admin": score} if score else {}
        if country and country != key and country in self.names \
                and not place.feature_code.startswith("PCL"):
            out["country_named"] = self.country_named_weight(key)
        return out

    def evidence_beyond(self, key: str) -> int:
        """How much of the document's country evidence comes from other names than this."""
        return self.total - self.weights.get(key, 0)

    def elsewhere(self, key: str) -> bool:
        """The document's other names place it in some country (not only this name)."""
        return self.total > self.keys.get(key, 0)

    def names_any_country(self) -> bool:
        return bool(self.named_countries() or self.demonym_countries)

    def names_country_of(self, place: Place) -> bool:
        """The text names the place's country, as a name or a demonym, or the place is one."""
        return place.feature_code.startswith("PCL") or \
            self.country_names.get(place.country_code) in self.names or \
            place.country_code in self.demonym_countries

    def _nearest_km(self, place: Place, key: str) -> float | None:
        """Distance to the nearest other anchor within NEAR_KM, else None."""
        # a degree of latitude is 111 km: only anchors in the band around the place can be near
        band = NEAR_KM / 111.0
        lo = bisect_left(self.lats, place.lat - band)
        hi = bisect_right(self.lats, place.lat + band, lo)
        dists = [haversine_km(place.lat, place.lon, lat, lon)
                 for lat, lon, k in self.by_lat[lo:hi] if k != key]
        return min(dists) if dists else None

    def names_area_of(self, qualifier: str, place: Place) -> bool:
        """The qualifier ("Texas", "Azerbaijan", "Ky.") is the candidate's admin area or
        country."""
        state = lx.state_abbreviation(qualifier)
        if state:  # "Paris, Ky."; "Fresno, CA" is California rather than Canada
            return fold(state) == fold(place.admin1_name or "") and \
                place.country_code == lx.STATE_COUNTRY.get(state, "US")
        q = fold(qualifier)
        names = [place.admin1_name, place.admin2_name]
        # "Punjab Province" is Punjab, "Attock District" Attock District (both as stored); an
        # area's own name is none of its areas ("Grey County" does not hold Manitoba's Grey)
        if q in {fold(n) for n in names if n} or any(
                n and n != place.name and area_keys(qualifier) & area_keys(n) for n in names):
            return True
        return q == place.country_code.lower() or \
            q == self.country_names.get(place.country_code) or \
            COUNTRY_ABBREVIATIONS.get(q) == place.country_code or \
            (q, place.country_code) in self.chosen_countries

    def containing_area(self, m: Mention) -> Mention | None:
        """The resolved place named right after an unknown name: "X, Y", "X in (occupied) Y",
        "X district of Y"; or, for "X village of the district", the district named last
        before it."""
        back = _OF_THE_AREA.match(self.doc.text, m.end)
        if back is not None:
            return self._area_before(m, back.group(1).lower())
        end = self._list_end(m)  # "Mitope and Naquitengue in Mocímboa da Praia district"
        # "the cities of Arintha, Bisignano and Cosenza": a comma goes on with the list
        listed = _IN_KIND_LIST.search(self.doc.text, max(0, m.start - 200), m.start)
        for other in self.doc.mentions:
            if other.start < end or other.start - end > 40:
                continue
            if (listed or end > m.end) and "," in self.doc.text[end:other.start]:
                break  # "in the Middle East, North Africa, the UK": a list, no container
            if other.place is None or other.kind != "place":
                continue
            gap = _CONTAINER_GAP.fullmatch(self.doc.text[end:other.start])
            if gap and not _peer_of_kind(gap.group(), self.doc.text, other.end):
                return other
        # "Kaduna State's Kuriga town": the area whose the name is; a town's when a kind word
        # says the name is a place ("Sylhet's Osmani airport", not "Kyiv's Zelensky")
        owner = self.owner_of(m)
        return owner if owner is not None and (
            owner.place.feature_code.startswith(("ADM", "PCL")) or
            _kind_word_after(self.doc.text, m) in lx.FEATURE_AFTER) else None

    def owner_of(self, m: Mention) -> Mention | None:
        """The placed name whose possessive stands right before ``m`` ("Kharkiv's Kyivskyi")."""
        if "s" not in self.doc.text[max(0, m.start - 4):m.start]:
            return None  # (the common case, decided without a look at the other mentions)
        return next((o for o in self.doc.mentions if o.place is not None and o.kind == "place"
                     and m.start - 4 <= o.end < m.start and
                     lx.OWNER_GAP.fullmatch(self.doc.text, o.end, m.start)), None)

    def _list_end(self, m: Mention) -> int:
        """The end of the list of names the store lacks that ``m`` begins ("Mitope and
        Naquitengue"): the area after the last of them holds them all."""
        end = m.end
        for other in self.doc.mentions:
            if other.start < end:
                continue
            if other.place is not None or other.kind != "place" or \
                    not _LIST_GAP.fullmatch(self.doc.text, end, other.start):
                break
            end = other.end
        return end

    def _area_before(self, m: Mention, kind: str) -> Mention | None:
        """The last placed name before ``m`` that the text calls a ``kind`` ("Imam Sahib
        district")."""
        text = self.doc.text
        named = [o for o in self.doc.mentions
                 if o.end <= m.start and o.place is not None and o.kind == "place" and
                 text[o.end:o.end + 40].lower().lstrip(" '’").startswith(kind)]
        return named[-1] if named else None


_COMPASS_WORD = (r"(?:north|south|east|west|central|northern|southern|eastern|western|"
                 r"(?:north|south)-?(?:east|west)(?:ern)?)")
_SIDE = (r"(?:(?:" + _COMPASS_WORD + r"|mid|inner|outer|downtown|rural|extreme|far|both)"
         r"(?:\s+|-(?=[a-zA-Z]))){0,2}")
# ("in mid-Wales", "in inner southeast Portland", "in rural Wallowa County")
# "the [English] county of", "the civil parish of", "the municipal unit": the kind before a name
_KIND_BEFORE = (r"(?:(?P<before>(?:[A-Za-z][\w.-]*\s+){0,2}?)(?:province|state|county|region|"
                r"district|department|governorate|prefecture|municipality|island|parish|unit|"
                r"territory|(?P<city>city|town))"
                r"\s+(?:of\s+)?)?")  # "the city of Northampton": the city, not the county
# lower-case particles inside names: "Rio Grande do Sul", "Møre og Romsdal", "Frankfurt am Main"
_PARTICLE = r"(?:do|da|dos|das|de|del|della|di|du|des|og|och|y|e|et|am|an|der|sur)"
# "the northwestern portion of", "the Northeast section of": a part of the area named next
_PART_OF = (r"(?:(?:(?i:" + _COMPASS_WORD + r")\s+)?(?:part|portion|section|sector|quarter|"
            r"corner|end|edge|outskirts|suburbs|zone)\s+of\s+(?:the\s+)?)?")
# "(the) [Canadian] province of" before the area's name, then the name itself
_AREA_NAMED = (r"(?:the\s+)?" + _SIDE + _PART_OF + _SIDE + _KIND_BEFORE + _SIDE
               + r"(?P<area>" + _UP + r"[\w'’./-]*(?:\s+(?:of\s+(?:the\s+)?|and\s+|" + _PARTICLE
               + r"\s+)?" + _UP + r"[\w'’./-]*){0,6})")  # "Prättigau/Davos": one unknown link
_WATER_OF = r"(?:Gulf|Bay|Sea|Strait|Straits|Sound|Lake|Isthmus|Cape)\s+of\s+"
_OWNED_LINK = re.compile(r"(?P<owner>.+?)['’]s\s+(?P<owned>" + _UP + r".*)")
_WORD_AFTER = re.compile(r"\s+(\w+)")
_STATED_KIND = (
    r"(?P<kind>(?i:town|village|city|hamlet|settlement|municipality|community|suburb|locality|"
    r"place|commune|parish|township|borough|census-designated place|neighbou?rhood|district|"
    r"quarter|estate|area|port|resort|department|province|state|county|region|governorate|"
    r"prefecture|island|woreda|location|barrio|capital|unit|council|section|ward{}))s?")
_STATED_IN = re.compile(
    r"\b(?:is|was)\s+(?:(?:a|an|the)\s+|(?:one|part)\s+of\s+(?:the\s+)?)(?:[\w-]+,?\s+){0,4}?" +
    _STATED_KIND.format("") +
    r"(?:\s*\([^)]{0,60}\))?,?\s+"
    # "... and a U.S. Post Office in"; not the "of" inside a water's name: "along the Gulf of
    # Mexico" (but "on the Island of Montreal" is in Montreal)
    r"(?:" + _WATER_OF + _UP + r"[\w.-]*,?\s+|(?!" + _WATER_OF + r")[\w.-]+(?:,\d+)*,?\s+)"
    r"{0,8}?(?:in|of|within)\s+" + _AREA_NAMED)
# "Lea and Cottam are villages in": the name and another, right after it
_TOGETHER_IN = re.compile(r"(?:\s*\([^)]{0,60}\))?\s+and\s+" + _AREA_NAME +
                          r"\s+(?:are|were)\s+(?:[\w-]+\s+){0,2}?" +
                          _STATED_KIND.format("") + r"\s+(?:in|of|within)\s+" + _AREA_NAMED)
_IN_AREA = re.compile(r"\b(?:in|within)\s+" + _AREA_NAMED)
_OWNED_AREA = re.compile(r"\s*(?i:state|province|region|county)?['’]s\s+" + _AREA_NAMED)
# Set off right after the name, the area straight after the kind: "Zlorvik, a village in
# Kenya" (not "Rippey, Iowa, a small town an hour outside of Des Moines", which is Rippey's);
# a territory only here, for names the store lacks ("Guam is a territory of" the US is Guam)
_APPOSED_IN = re.compile(r",\s+(?:a|an|the)\s+(?:(?!(?:of|in|from|with)\b)[\w-]+\s+){0,3}?" +
                         _STATED_KIND.format("|territory|enclave") + r"\s+(?:in|of|within)\s+" +
                         _AREA_NAMED)
# Right after the name: "X, located in Y", "X is situated in Y", "X is a hill that lies in Y"
# (matched at the name, so "... and in Z located in Y" says nothing of X)
_LOCATED_IN = re.compile(r"[\s,]*(?:(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:that|which)"
                         r"\s+)?(?:(?:which|that)\s+)?(?:(?:is|was)\s+)?(?:located|situated|lies|"
                         r"lying)\s+(?:[\w-]+\s+){0,2}?in\s+" + _AREA_NAMED)
# Said of a name the store lacks, right after it: "X is inside Y", "X is still considered part
# of Y" (not of a known one: "Beijing says Taiwan is part of China" is a claim, not a place)
_PART_OF_NAMED = re.compile(
    r"\s+(?:is|was|remains|lies)\s+(?:still\s+|also\s+|legally\s+)?(?:(?:(?:internationally|"
    r"widely)\s+)?(?:considered|recogni[sz]ed|regarded|seen)\s+(?:as\s+)?)?(?:(?:a|an)\s+)?"
    r"(?:(?:integral|legal)\s+)?(?:part\s+of|inside|within)\s+" + _AREA_NAMED)
# The next link of "in A, B, C": "Dallas County, Texas", "the X district of Lincolnshire",
# "Governorate of southwest Syria", "Rural Municipality No. 127, Saskatchewan", "the Argentine
# capital, X", "... of the U.S. state of Michigan", "in Nakawa Division, within Kampala" (but
# "London, within the London Borough of Lewisham" names a second area for the place, not one
# that holds London).
_CHAIN_LINK = re.compile(
    r"(?:\.?\s*\d+)?(?:\s+(?:county|counties|district|districts|province|provinces|region|"
    r"tehsil|taluka?|block|subdistrict|division|zone|woreda|municipality|parish|township))?"
    r"\s*(?:,(?:\s+in|\s+within(?!\s+the\b))?|\s(?:district|county|region|province|"
    r"municipality|department|borough|area|state|canton|oblast|governorate|prefecture)\s+of|"
    r"\s+of|\s+in|\s+within|\s+capital,?)"
    r"\s*(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?"
    r"(?:(?:" + _UP + r"[\w.]*\s+)?(?:county|province|state|region|canton|department)"
    r"\s+of\s+)?"
    r"(" + _UP + r"[\w.'’-]*(?: (?:" + _PARTICLE + r" )?" + _UP + r"[\w.'’-]*){0,3})")
_KIND_OF = re.compile(r"^(.+\s(?:Province|Region|District|County|Governorate|Department|"
                      r"Prefecture|Municipality|Oblast|Island|Territory))\s+of\s+(?:the\s+)?(.+)$")
_CITY_AFTER = re.compile(r"\s+city\b")
_STATED_HINT = re.compile(r"\b(?:is|was|are|were|located|situated|lies|lying)\b|^,")
# Right after the name, its kind and what holds it: "the Overberg region of South Africa", "the
# Adhamiyah district of Baghdad" (lower-case: "Masvingo Province of Zimbabwe" is one name), "Let
# Pan village in Kanbalu township"
_PART_OF_AREA = re.compile(r"\s+(?:(?P<kind>district|region|province|county|governorate|"
                           r"prefecture|oblast|municipality|neighbou?rhood|suburb|quarter)"
                           r"\s+of|(?:village|town|hamlet|settlement)\s+in)\s+" + _AREA_NAMED)
# "near X in the Y region", "the town of X in Y" (_area_written_after)
_IN_GAP = re.compile(r",?\s+in\s+(?:the\s+)?(?:" + _COMPASS_WORD + r"\s+)?")
_TOWN_OF = re.compile(r"\b(?i:town|village|city|hamlet|settlement)\s+of\s+$")
# "Ward 5" is a numbered link; "a suburb of Adelaide 14 km from the CBD" is Adelaide
_NUMBERED = re.compile(r"\.?\s*(?:No\.?\s*)?\d(?![\d.,]*\s*(?:km|kilomet|mi(?:les?)?\b))")


# "the 'Tajkano' area of the district": the district the text named last
_OF_THE_AREA = re.compile(r"['’]?(?:\s+[a-z]+)?\s+of\s+the\s+(?:same\s+)?(district|province)\b",
                          re.IGNORECASE)
# a name on a list opened by a plural kind word: "the villages of Bollingen, Busskirch, "
_IN_KIND_LIST = re.compile(r"\b(?i:" + "|".join(sorted(lx.PLURAL_KINDS_BEFORE)) + r")\s+of\s+"
                           r"(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}(?: \([^()]{1,40}\))?"
                           r"(?:,\s*(?:and\s+)?|\s+and\s+))*$")
_GAP_KINDS = {"village", "town", "district", "region", "province", "area", "airport", "camp",
              "township"} | lx.FACILITY_WORDS
_GAP_KIND = "(?:" + "|".join(sorted(_GAP_KINDS)) + ")"
_CONTAINER_GAP = re.compile(
    # "Kash Rod (Delaram) district, Nimruz" (not "Erbushan (二步山), Luzitang", a list)
    r"\s*(?:\([^()]{1,40}\)\s*(?=" + _GAP_KIND + r"\b))?"
    r"(?:,|in|of|" + _GAP_KIND + r"(?:\s*,)?(?:\s+(?:of|in))?)?\s*"
    r"(?:the\s+)?(?:occupied\s+|disputed\s+)?", re.IGNORECASE)


def _peer_of_kind(gap: str, text: str, end: int) -> bool:
    """"Erbushan Village, Jinhua Village": the name after the kind word and comma is of the
    same kind, the next of a list, not the area that holds the first ("Naychin village,
    Urozgan")."""
    kind = gap.split()[0].lower().rstrip(",") if gap.split() else ""
    return kind in _GAP_KINDS and text[end:end + 30].lower().lstrip().startswith(kind)


# "two miles (3 km) southwest of Sandia": a figure may be spelt out; "30 km by road from X"
_NUMBER_WORD = "|".join(sorted([*numbers.UNITS, *numbers.TENS], key=len, reverse=True))
_DISTANCE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|\b(?:" + _NUMBER_WORD + r")(?:[- ](?:" + _NUMBER_WORD + r"))?)"
    r"\s*(?P<unit>km|kilomet(?:re|er)s?|mi(?:les?)?)\b(?:\s+by\s+(?:road|air|rail))?"
    r"(?:\s*\([^)]{0,20}\))?"
    r"\s+(?:(?P<bearing>(?:north|south|east|west)(?:[- ]?(?:north|south|east|west)){0,2})"
    r"(?:ern)?\s+)?"  # "the state capital, X", "the Yemeni capital of X"
    r"(?:of|from)\s+(?:the\s+(?:(?-i:" + _UP + r"\w+)\s+)?(?:(?:district|provincial|state|"
    r"regional|county)\s+)?(?:city|town|village|capital|headquarters|seat)(?:\s+of|,)\s+)?",
    re.I)


_REFERENCE = re.compile(
    _DISTANCE.pattern + r"(?-i:(?P<name>" + _NAME + "))", re.I)
# right after the name: "Hempstead, near Gillingham", "X is a small village near Y"
_NEAR_AFTER = re.compile(
    r"(?:,\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?)?|\s+(?:is|was|lies|lay)\s+(?:(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?|(?:located|situated)\s+)?)(?:(?:very|just|close)\s+)?near\s+(?:the\s+"
    r"(?:town|city|village)\s+of\s+)?(?P<name>" + _NAME + ")")
NEAR_TOWN_KM = 25.0  # "near" a town: closer than this, give or take the slack of a distance
_IT = re.compile(r"\s*(?:(?:It|The (?:village|town|city|settlement|hamlet|community|place))\s|"
                 r"(?:Located|Situated|Lying)\b)")  # "Located 35 km north of the town of X"
NEAR_REFERENCE_KM = 100.0  # farther than this from a town is not "near" it
BEARING_REFERENCE_KM = 250.0  # with a bearing, a place this far is still placed from the town


def _references(text: str, name: str, country: bool = False) -> list[tuple[str, float, str]]:
    """The towns the text measures the name's place from, with the km and the bearing ("" if
    none): "X is 58 km north of Y", "X is a village ... . It lies 14 miles (22 km) north-east of
    Y", after the name's first occurrences; only those closer than NEAR_REFERENCE_KM, or
    BEARING_REFERENCE_KM when a bearing is given.  A ``country`` ending its sentence is not
    what the next one measures: "... of north Ghana. The town is 166 km south of X"."""
    found: list[tuple[str, float, str]] = []
    near, far = " near " in text, "km" in text or "mile" in text or "kilomet" in text
    if not near and not far:
        return found
    ends = _name_ends(text, name)
    if near:
        found += [(m["name"], NEAR_TOWN_KM, "") for end in ends
                  if (m := _NEAR_AFTER.match(text, end))]
    for end in ends if far else ():
        sentence = sentences.first(text[end:end + 300])
        after = text[end + len(sentence):end + len(sentence) + 300].lstrip(".!?\"'”’)] ")
        if _IT.match(after) and not (country and not sentence.strip(".!?\"'”’)] ")):
            sentence += "; " + sentences.first(after)  # not one name: "Winnipeg. It"
        for d in _REFERENCE.finditer(sentence):
            km, bearing = _km(d), (d["bearing"] or "").lower()
            if km <= (BEARING_REFERENCE_KM if bearing else NEAR_REFERENCE_KM):
                found.append((d["name"], km, bearing))
    return list(dict.fromkeys(found))


_COMPASS = {"north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0}


def _degrees(bearing: str) -> float:
    """"north-north-west" -> 337.5: each word halves the way from the next to it."""
    words = re.findall(r"north|south|east|west", bearing)
    angle = _COMPASS[words[-1]]
    for word in reversed(words[:-1]):
        target = _COMPASS[word]
        turn = (angle - target + 180) % 360 - 180  # the short way round
        angle = (target + turn / 2) % 360
    return angle


def _destination(lat: float, lon: float, km: float, bearing: str) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along a compass bearing ("north-east"), on a sphere."""
    d, theta = km / 6371.0, math.radians(_degrees(bearing))
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(theta))
    l2 = l1 + math.atan2(math.sin(theta) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


# a tally's counts too: "fifteen in British Columbia, twelve in Ontario and one in Quebec"
_TALLY = r"(?:(?:\d[\d,]*|" + _NUMBER_WORD + r")\s+(?:more\s+)?in\s+)?"
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)" + _TALLY)


def _list_runs(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """The mentions in runs of names separated by commas, "and" or "or"."""
    ordered = sorted(mentions, key=lambda m: m.start)
    runs: list[list[Mention]] = []
    for prev, m in zip([None] + ordered, ordered):
        gap = text[prev.end:m.start] if prev is not None else None
        if gap is not None and _LIST_GAP.fullmatch(gap):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _joined(text: str, run: list[Mention]) -> bool:
    """The run's last name is joined by "and"/"or", not a comma (not "Paris, Texas")."""
    return len(run) >= 2 and bool(_CONJUNCTION.search(text[run[-2].end:run[-1].start]))


_CONJUNCTION = re.compile(r"\b(?:and|or)\b")


def listed_peers(text: str, mentions: list[Mention]) -> dict[str, set[str]]:
    """For each name in a list of places ("Michigan, Oregon and Ohio"; three or more, or two
    joined by "and"/"or": "Paris, Texas" is no list), the keys of the other names in it."""
    peers: dict[str, set[str]] = defaultdict(set)
    for run in _list_runs(text, mentions):
        if len(run) >= 3 or _joined(text, run):
            keys = {fold(m.text) for m in run}
            for key in keys:
                peers[key] |= keys - {key}
    return dict(peers)


def coordinate_peers(text: str, mentions: list[Mention]) -> dict[str, set[str]]:
    """For each name in a list whose last name is joined by "and"/"or" ("Boston, Hartford, New
    York and Philadelphia"; not the chain "Stamford, Lincolnshire, England"), the other names
    in it that the text gives nowhere else: such a name is the list's peer, not its area."""
    lists, elsewhere = [], set()
    for run in _list_runs(text, mentions):
        if _joined(text, run):
            lists.append(run)
        else:
            elsewhere |= {fold(m.text) for m in run}
    peers: dict[str, set[str]] = defaultdict(set)
    for run in lists:
        keys = {fold(m.text) for m in run}
        for key in keys:
            peers[key] |= keys - {key} - elsewhere
    return dict(peers)


def _kind_of(place: Place) -> str:
    return "PCL" if place.feature_code.startswith("PCL") else place.feature_code


def _common_kind(peers: set[str], chosen: dict[str, list["Scored"]]) -> str | None:
    """The kind (country, province, district) at least two thirds of the peers are, or could
    be: a peer counts for a kind among its namesakes within LIST_PEERS of its best (in
    "Washington, Pennsylvania and California" each would become a state with the others)."""
    kinds: Counter = Counter()
    for k in peers:
        ranked = chosen.get(k) or []
        kinds.update({_kind_of(a.place) for a in ranked[:ALTERNATIVES]
                      if a.score >= ranked[0].score - LIST_PEERS})
    # ties go to the wider kind, whatever order the peers came in (a set's order changes from
    # process to process, and with it the answer)
    count, _, kind = max(((n, -LIST_ORDER.index(k), k) for k, n in kinds.items()
                          if k in LIST_KINDS), default=(0, 0, None))
    return kind if count >= max(2, 2 * len(peers) / 3) else None


def _km(distance: re.Match) -> float:
    """The kilometres of a _DISTANCE match ("14 miles", "22 km")."""
    unit = MILE_KM if distance["unit"].lower().startswith("mi") else 1.0
    num = distance["num"]
    return (float(num) if num[0].isdigit() else numbers.value(num) or 0) * unit


def stated_distances(text: str, mentions: list[Mention]) -> list[tuple[str, str, float]]:
    """(name key, other name key, km) for "A, 114 km from B" and "A lies near C, 29 km
    north-west of the city of B" (A: the mention just before the comma, else the sentence's
    first, else the text's first)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    found = []
    for d in _DISTANCE.finditer(text):
        anchor = next((m for m in ordered if m.start == d.end()), None)
        if anchor is None:
            continue
        sentence_start = sentences.start(text, d.start())
        before = [m for m in ordered if sentence_start <= m.start and m.end <= d.start()]
        if before and text[before[-1].end:d.start()].strip() == ",":
            subject = before[-1]
        else:
            subject = before[0] if before else ordered[0]
        km = _km(d)
        if subject is not anchor:
            found.append((fold(subject.text), fold(anchor.text), km))
    return found


# Words that make a new name of the words after them: "New England" is not England.
NAME_PREFIXES = lx.DIRECTIONS | lx.FEATURE_PREFIXES | {
    "new", "old", "great", "little", "saint", "st", "san", "santa", "sao", "são"}
# a full stop between a word of four letters or more and a capitalised one ends a sentence
# whose space was lost ("of England.The 2011 census"); "St. Paul", "U.S." and "St.Paul" stay
_RUN_WORD = _UP + r"(?:[\w'’-]|\.(?!(?<=[^\W_]{4}\.)[A-Z][a-z]))*"
_CAPITALISED_RUN = re.compile(_RUN_WORD + r"(?:\s+(?:of\s+|de\s+|del\s+)?" + _RUN_WORD + ")*")
_AREA_WORDS = re.compile(
    r"^(?:province|state|region|county|district|department|governorate|prefecture|"
    r"municipality|oblast|parish|city|town|township|sheng|shi|powiat|of|the)\s+|"
    r"\s+(?:regional county municipality|regional municipality|regional district|"
    r"metropolitan borough|local government area|rural district|urban district|"
    r"province|state|region|county|district|subdistrict|division|department|governorate|"
    r"prefecture|municipality|oblast|parish|city|sheng|shi|borough|census area|municipio)$",
    re.IGNORECASE)


@lru_cache(maxsize=100_000)
def area_keys(name: str) -> frozenset[str]:
    """Name keys an area goes by in prose: "Bulacan Province" is also "Bulacan"."""
    keys, short = {fold(name)}, name
    for _ in range(2):
        short = _AREA_WORDS.sub("", short).strip()
        if short:
            keys.add(fold(short))
    return frozenset(keys - {""})


def _side_words(name: str) -> str:
    """The compass words before an area's name, as written ("South West " of "South West
    England"), or ""; the last word is the area's."""
    prefix = ""
    for word in _WORD_AND_SPACE.finditer(name):
        if word.group().strip().lower() not in SIDES:
            break
        prefix = name[:word.end()]
    return prefix


_WORD_AND_SPACE = re.compile(r"\S+\s+")  # a word not the last, with the space after it


_POSSESSIVE_END = re.compile(r"['’]s$")


def text_names(text: str, spans: list[tuple[int, int]]) -> set[str]:
    """Keys of the capitalised word runs in the text and their sub-runs (up to 4 words): the
    places a text names, also those outside the mentions being resolved (gold spans).  The
    mentions themselves are blanked first, so "New York" does not name York."""
    for start, end in spans:
        text = text[:start] + "_" * (end - start) + text[end:]
    keys: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(text):
        # "New Zealand's South Island" names New Zealand
        words = [_POSSESSIVE_END.sub("", w.strip(".,")) for w in run.group().split()]
        for i in range(len(words)):
            if i and words[i - 1].lower() in NAME_PREFIXES:
                continue  # "New England" does not name England, nor "North Carolina" Carolina
            for j in range(i + 1, min(len(words), i + 4) + 1):
                keys.add(fold(" ".join(words[i:j])))
    return keys - {""}


