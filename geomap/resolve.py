"""Resolve: pick one gazetteer place per mention, with a confidence and ranked alternatives.

Evidence, as a careful reader uses it (each candidate's ``features`` show what scored it):

* ``prior``: the gazetteer's importance (feature kind + log population), minus its penalty for a
  loose or transliteration-only match;
* ``qualifier``: words next to the name ("Terter district", "the village of Talish") and a
  following ", Texas" that names the candidate's admin area or country;
* ``country``: the document's geographic focus: countries of the other places and demonyms;
* ``admin``: the candidate's province or district is itself named in the document;
* ``near``: the candidate lies close to the document's other places.

One sense per name per document: every mention of a name gets the same place.  A name the
gazetteer does not know stays unresolved, or, when the text names a containing area ("Talish in
the Tartar district"), is placed at that area with a coarser precision, never at a wrong town.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from gazetteer import Candidate, Gazetteer, Place, haversine_km
from gazetteer.names import fold

from . import lexicon as lx
from .models import Alternative, Document, Mention, PlaceRef

CANDIDATES = 15
ALTERNATIVES = 5
REGION_CODES = {"CONT", "PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR", "ADM1", "RGN",
                "ADM1H", "ZN", "PRSH", "OCN", "SEA"}
DISTRICT_CODES = {"ADM2", "ADM3", "ADM4", "ADMD", "AREA", "PPLX"}


def place_ref(place: Place) -> PlaceRef:
    return PlaceRef(id=place.id, name=place.name, lat=place.lat, lon=place.lon,
                    country_code=place.country_code, feature_code=place.feature_code,
                    admin1=place.admin1_name, population=place.population)


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
        self._capitals: dict[str, Place] | None = None

    def resolve(self, doc: Document) -> Document:
        groups: dict[str, list[Mention]] = defaultdict(list)
        for m in doc.mentions:
            if m.kind in ("place", "metonym"):
                groups[fold(m.text)].append(m)
            elif m.kind == "demonym" and m.country_code:
                self._link_country(m)
        candidates = {key: self.gazetteer.lookup(ms[0].text, limit=CANDIDATES)
                      for key, ms in groups.items()}
        context = _Context(doc, groups, candidates)
        for _ in range(2):  # first pass finds anchors, the second uses them
            chosen = {key: self._rank(doc, ms, candidates[key], context)
                      for key, ms in groups.items()}
            context.update(chosen)
        for key, ms in groups.items():
            self._assign(doc, ms, chosen[key])
        for key, ms in groups.items():
            if not chosen[key]:
                self._contain(doc, ms, context)
        return doc

    def _link_country(self, m: Mention) -> None:
        """A demonym names a country: link it (it is not a place something happened)."""
        rows = self.gazetteer.lookup(self.gazetteer.country_name(m.country_code) or "",
                                     country=m.country_code, limit=3)
        country = next((c.place for c in rows if c.place.feature_code.startswith("PCL")), None)
        if country is not None:
            m.place, m.precision, m.confidence = place_ref(country), 3, 1.0
            m.note = f"demonym of {country.name}"

    def _rank(self, doc: Document, mentions: list[Mention], cands: list[Candidate],
              context: "_Context") -> list[Alternative]:
        scored = []
        for c in cands:
            features = {"prior": round(c.score, 3)}
            features.update(_qualifier(doc.text, mentions, c.place, context))
            features.update(context.features(c.place, fold(mentions[0].text)))
            if c.match == "loose" and not _supported(features):
                continue  # a loose spelling match needs the document's geography behind it
            total = sum(features.values())
            scored.append(Alternative(place=place_ref(c.place), score=round(total, 3),
                                      features=features))
        scored.sort(key=lambda a: -a.score)
        return scored

    def _assign(self, doc: Document, mentions: list[Mention], ranked: list[Alternative]) -> None:
        if not ranked:
            for m in mentions:
                m.note = "not in the gazetteer"
            return
        best = ranked[0]
        confidence = _softmax_top([a.score for a in ranked])
        place = self.gazetteer.get(best.place.id)
        for m in mentions:
            near = doc.text[max(0, m.start - 6):m.start].lower().strip().endswith("near")
            m.place, m.confidence = best.place, round(confidence, 3)
            m.precision = precision_of(place, near) if place else 1
            m.alternatives = ranked[:ALTERNATIVES]
            m.note = _explain(best)

    def _contain(self, doc: Document, mentions: list[Mention], context: "_Context") -> None:
        """Place an unknown name at a containing area the text names right after it."""
        for m in mentions:
            area = context.containing_area(m)
            if area is None:
                continue
            m.place = area.place
            m.precision = 3 if area.place.feature_code in REGION_CODES else 2
            m.alternatives = area.alternatives[:1]
            m.confidence = round(min(area.confidence, 0.5), 3)
            m.note = (f"not in the gazetteer; placed at the containing area named in the text:"
                      f" {area.place.name}")


def _supported(features: dict[str, float]) -> bool:
    return features.get("near", 0) >= 1.0 or "admin" in features or "contained" in features


def _softmax_top(scores: list[float]) -> float:
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    return weights[0] / sum(weights)


def _explain(best: Alternative) -> str:
    reasons = [k for k, v in sorted(best.features.items(), key=lambda kv: -kv[1])
               if k != "prior" and v > 0]
    return "best by " + (", ".join(["prior"] + reasons))


_COMMA_QUALIFIER = re.compile(r"\s*,\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})")


def _qualifier(text: str, mentions: list[Mention], place: Place, context: "_Context"
               ) -> dict[str, float]:
    """Evidence from the words around the mentions: kind words and ", Admin-area"."""
    score, contained = 0.0, 0.0
    for m in mentions:
        after = text[m.end:m.end + 40]
        word_after = after.split()[0].lower().strip(".,;:") if after.split() else ""
        words_before = text[max(0, m.start - 30):m.start].lower().split()
        wanted = lx.FEATURE_AFTER.get(word_after) or \
            (lx.FEATURE_BEFORE.get(words_before[-2]) if len(words_before) >= 2 and
             words_before[-1] == "of" else None) or \
            (lx.FEATURE_BEFORE.get(words_before[-1]) if words_before else None)
        if wanted:
            score = max(score, 3.0 if place.feature_class == wanted else -1.0)
        comma = _COMMA_QUALIFIER.match(after)
        if comma and context.names_area_of(comma.group(1), place):
            contained = 6.0
    features = {}
    if score:
        features["qualifier"] = score
    if contained:
        features["contained"] = contained
    return features


class _Context:
    """What the document says about where it is: its countries, areas and anchor points."""

    def __init__(self, doc: Document, groups: dict, candidates: dict):
        self.doc = doc
        self.keys = {key: len(ms) for key, ms in groups.items()}
        self.demonym_countries = Counter(m.country_code for m in doc.mentions
                                         if m.kind == "demonym" and m.country_code)
        self.countries: Counter = Counter()
        self.points: dict[str, tuple[float, float, float]] = {}
        self.chosen: dict[str, list[Alternative]] = {}
        self.admin_names: set[str] = set()

    def update(self, chosen: dict[str, list[Alternative]]) -> None:
        self.chosen = chosen
        self.countries = Counter(self.demonym_countries)
        self.points = {}
        for key, ranked in chosen.items():
            if not ranked:
                continue
            best = ranked[0].place
            weight = self.keys[key] * (2 if best.feature_code.startswith("PCL") else 1)
            self.countries[best.country_code] += weight
            if best.feature_code not in REGION_CODES:
                self.points[key] = (best.lat, best.lon, self.keys[key])
        self.admin_names = set(self.keys)

    def features(self, place: Place, key: str) -> dict[str, float]:
        out: dict[str, float] = {}
        total = sum(self.countries.values())
        if total and place.country_code:
            # share of the document's other evidence in this country (minus this name's own)
            own = self.keys.get(key, 0) if self.chosen.get(key) and \
                self.chosen[key][0].place.country_code == place.country_code else 0
            share = (self.countries[place.country_code] - own) / max(1, total - own)
            if share > 0:
                out["country"] = round(4.0 * share, 3)
        admin_keys = {fold(n) for n in (place.admin1_name, place.admin2_name) if n}
        if admin_keys & (self.admin_names - {key}):
            out["admin"] = 3.0
        near = self._nearest_km(place, key)
        if near is not None and near < 300:
            out["near"] = round(3.0 * (1 - near / 300), 3)
        return out

    def _nearest_km(self, place: Place, key: str) -> float | None:
        dists = [haversine_km(place.lat, place.lon, lat, lon)
                 for k, (lat, lon, _) in self.points.items() if k != key]
        return min(dists) if dists else None

    def names_area_of(self, qualifier: str, place: Place) -> bool:
        """The qualifier ("Texas", "Azerbaijan") is the candidate's admin area or country."""
        q = fold(qualifier)
        names = [place.admin1_name, place.admin2_name]
        return q in {fold(n) for n in names if n} or q == place.country_code.lower() or \
            any(q == fold(alt.place.name) and alt.place.country_code == place.country_code
                and alt.place.feature_code.startswith("PCL")
                for ranked in self.chosen.values() for alt in ranked[:1])

    def containing_area(self, m: Mention) -> Mention | None:
        """The resolved place named right after an unknown name: "X, Y", "X in (occupied) Y",
        "X district of Y"."""
        for other in self.doc.mentions:
            if other.start < m.end or other.start - m.end > 40:
                continue
            if other.place is None or other.kind != "place":
                continue
            if _CONTAINER_GAP.fullmatch(self.doc.text[m.end:other.start]):
                return other
        return None


_CONTAINER_GAP = re.compile(
    r"\s*(?:,|in|of|(?:village|town|district|region|province)(?:\s+(?:of|in))?)?\s*"
    r"(?:the\s+)?(?:occupied\s+|disputed\s+)?", re.IGNORECASE)
