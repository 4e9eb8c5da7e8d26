"""Events: what happened, when, to whom and where, coded sentence by sentence as ACLED would.

Rule-based.  Each sentence is matched against a trigger lexicon per ACLED sub-event type, tried in
the codebook's priority order (docs: /work/shared/DESIGN.md "Event typing"); a sentence yields at
most one violent event (the highest-priority trigger; one per place when it lists several, below)
and one strategic development.  A trigger under negation, modality or a call to stop ("could",
"threatened to", "denied", "urged a halt to") is not an event.  Statements, warnings and calls are
not events (ACLED does not code rhetoric); decisions with effect (mobilisation, suspended flights,
agreements) are Strategic developments at the acting government's country.  Sentences naming past
years ("in 1994", "since 2016", "the 1990s") are background.  The place is the mention the trigger
governs: a resolved place (never a metonym, a demonym, "reporting from X" or "114 km from X") near
the trigger, preferring ones linked by a preposition and finer ones over countries.

Figures follow ACLED (numbers.py reads them): one figure for several listed places ("in A and B
districts") is divided among one event per place; a later sentence that adds deaths to the same
incident ("3 militants were also killed") adds them to its event; a figure only one armed party
claims ("according to Taliban sources", or a document only a party's outlet published) is left
unstated, as ACLED codes such claims 0.

Use after the geoparser: ``EventExtractor(gaz).extract(Pipeline(gaz)(doc))``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer import Gazetteer

from . import dates, numbers, sentences
from .merge import merge
from .models import Actor, Document, Event, Evidence, Mention
from .numbers import fold

# (type, subtype, trigger) in ACLED's priority order within each group.
_V = [
    ("Battles", "Government regains territory",
     r"recaptur\w*|retook|retaken|regain\w*|liberat\w*"),
    ("Battles", "Non-state actor overtakes territory",
     r"overr[au]n|overtook|overtaken|(?:captur|seiz)(?:ed|es|ing)|occupied|"
     r"(?:took|taken|take|taking) (?:over|control)"),
    ("Battles", "Armed clash",
     r"clash\w*|fight(?:ing|s)?|fought|battl\w*|firefight|gunfight|skirmish\w*|ambush\w*|"
     r"repuls\w*|repelled|exchange of fire|attack(?:ed|s|ing)? (?:on )?(?:\w+ ){0,3}"
     r"(?:check ?points?|posts?|bases?|forces|troops|soldiers|police|convoy|outposts?|positions?)|"
     r"operations?|offensive|sniper|assault"),
    ("Protests", "Excessive force against protesters",
     r"(?:fired|opened fire) on (?:the )?protest\w*"),
    ("Protests", "Protest with intervention",
     r"(?:dispersed|broke up|tear gas)\b.*\bprotest\w*|protest\w*.*\b(?:dispersed|tear gas)"),
    ("Protests", "Peaceful protest",
     r"protest\w*|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ied)|sit-in"),
    ("Riots", "Violent demonstration", r"riot\w*|violent (?:demonstration|protest)\w*"),
    ("Riots", "Mob violence", r"\bmob\b|lynch\w*"),
    ("Explosions/Remote violence", "Chemical weapon",
     r"chemical (?:weapon|attack)\w*|sarin|chlorine gas"),
    ("Explosions/Remote violence", "Air/drone strike",
     r"air ?strikes?|air raids?|drone (?:strike|attack)s?|airstrikes|bombed by (?:jets|aircraft)|"
     r"(?:helicopter|warplane|aircraft|jet)s? (?:strike|attack|bomb)\w*"),
    ("Explosions/Remote violence", "Suicide bomb", r"suicide (?:bomb|attack|car)\w*"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"shell(?:ed|ing|s)|artillery|missiles?|rockets?|mortars?|under fire|rpgs?|"
     r"(?:opened|came under) fire"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     r"ieds?|roadside bomb|landmines?|mines?|explosive device|bombs?(?! shelter)|"
     r"bomb (?:blast|explo\w+)|explosion|blast|detonat\w+"),
    ("Explosions/Remote violence", "Grenade", r"grenades?"),
    ("Violence against civilians", "Sexual violence",
     r"rap(?:ed|e)|sexual(?:ly)? (?:assault|violence)"),
    ("Violence against civilians", "Abduction/forced disappearance",
     r"abduct\w*|kidnap\w*|taken hostage"),
]
_S = [  # strategic developments, for sentences without a violent trigger
    ("Strategic developments", "Disrupted weapons use",
     r"defused|detonated prematurely|(?:seized|confiscated) (?:\w+ ){0,3}(?:weapons|explosives|"
     r"ammunition)|foiled|intercepted"),
    ("Strategic developments", "Agreement",
     r"agreed|signed|agreement|truce|ceasefire|cease-fire|peace deal|surrender(?:ed)?"),
    ("Strategic developments", "Arrests", r"arrest\w*|detain\w*|taken into custody"),
    ("Strategic developments", "Change to group/activity",
     r"switched sides|defected|joined the \w+|changed? (?:its )?leader\w*"),
    ("Strategic developments", "Headquarters or base established",
     r"(?:established|set up) (?:a |an |its )?(?:new )?(?:base|headquarters|camp)"),
    ("Strategic developments", "Looting/property destruction",
     r"loot\w*|torched|set (?:on )?fire to|burn(?:ed|t) down|demolish\w*"),
    ("Strategic developments", "Non-violent transfer of territory",
     r"withdr[ae]w from|handed over|pulled out of"),
    ("Strategic developments", "Other",
     r"mobili[sz]ation|martial law|state of emergency|curfew|(?:flights?|services?)\b[^.;]{0,80}?"
     r"\b(?:suspended|cancell?ed|halted)|(?:suspended|cancell?ed|halted) (?:\w+ ){0,2}flights?|"
     r"freed|released"),
]
def _heads(pattern: str) -> tuple[str, ...] | None:
    """The literal word beginnings of a pattern's alternatives ("ieds?" -> "ied"), or None when
    some alternative has none: a sentence holding none of them cannot match the pattern."""
    parts, depth, cur = [], 0, ""
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts, cur = parts + [cur], ""
        else:
            cur += ch
    heads: list[str] = []
    for part in (p.removeprefix("\\b") for p in parts + [cur]):
        if part.startswith("(?:"):
            close = _closing(part)
            inner = _heads(part[3:close])
            if inner is None or part[close + 1:close + 2] in ("?", "*"):
                return None
            heads += inner
            continue
        head = re.match(r"[a-z'-]*", part).group()
        if part[len(head):len(head) + 1] in ("?", "*", "{"):
            head = head[:-1]  # "ieds?": the last letter is optional
        if len(head) < 2:
            return None
        heads.append(head)
    return tuple(heads)


def _closing(part: str) -> int:
    depth = 0
    for i, ch in enumerate(part):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return i
    return len(part) - 1


_COMPILED = [(t, s, re.compile(r"\b(?:" + p + r")\b"), _heads(p)) for t, s, p in _V + _S]
_HEADS = frozenset(h for *_, hs in _COMPILED for h in hs or ())
# heads by their first two letters (every head has two): the heads a word begins with
_HEADS_BY_PAIR = {pair: [h for h in _HEADS if h[:2] == pair] for pair in {h[:2] for h in _HEADS}}
# head -> the patterns (indices into _COMPILED) it begins; patterns with no heads are always run
_PATTERNS_OF = {h: {i for i, (*_, hs) in enumerate(_COMPILED) if h in (hs or ())} for h in _HEADS}
_HEADLESS = {i for i, (*_, hs) in enumerate(_COMPILED) if hs is None}
KILL_WORDS = ("killed", "killing", "died", "dead", "shot", "wounded", "injured", "martyred",
              "slain", "casualties")


def _by_first_letter(words: set[str]) -> str:
    """``words`` as one alternation grouped by first letter ("a(?:ir|bduct)|b(?:omb)"): the
    regex engine tries the one group a word's first letter selects instead of every word."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(c) + "(?:" + "|".join(rest) + ")" for c, rest in groups.items())


# One scan of the lower-cased sentence for every pattern's word beginnings: a sentence with none
# (most of an article) is skipped, and only the patterns whose beginnings occur are run.  (Which
# beginning matches does not matter: the match runs on to the end of the word.)
_HEAD_RE = re.compile(r"\b(?:" + _by_first_letter(_HEADS | set(KILL_WORDS)) + r")[\w'-]*")
_WORDS = re.compile(r"[a-z][a-z'-]*")


def _has_stem(text: str) -> bool:
    return _HEAD_RE.search(text.lower()) is not None
STRATEGIC = "Strategic developments"
# The case-blind patterns below are written in lower case and run on folded text (numbers.fold):
# the same matches as re.I, several times faster.
KILL = re.compile(r"\b(?:" + "|".join(KILL_WORDS) + r")\b")
FORCES = re.compile(r"\b(?:soldiers?|troops|forces|army|military|police\w*|commanders?|"
                    r"servicem[ae]n|"
                    r"militants?|fighters|taliban|insurgents?|guards?|security personnel|"
                    r"'?arbakis?'?|rebels?|separatists|ana|anp|nds|ansf|andsf|battalion)\b")
CIVILIANS = re.compile(r"\b(?:civilians?|teachers?|students?|scholars?|residents?|villagers?|"
                       r"children|child|women|woman|worker|merchants?|farmers?|elders?|"
                       r"journalists?|doctors?|passengers?|unknown gunm[ae]n|gunm[ae]n|girls?|"
                       r"boys?|father|mother|son|daughter|shep?h?erd|employee|people|man)\b")
AGENTS = re.compile(r"\bby (?:an? |the )?(?:[\w'-]+ ){0,3}?(?:forces|militants?|taliban|gunm[ae]n|"
                    r"soldiers?|police|fighters?)(?: fire)?\b|\b(?:[\w'-]+ ){0,2}(?:militants?|"
                    r"taliban|soldiers|forces|fighter) (?:shot|killed|ambushed|attacked)\b")
NON_STATE = re.compile(r"\b(?:taliban|militants?|insurgents?|rebels?|separatists|islamic state|"
                       r"isis|isil|is-k|iskp|daesh|al-qaeda|gunm[ae]n)\b")
# Words within the five before a trigger that make it no event: negation, modality, future,
# calls to stop ("urged a halt to the fighting"), time references ("since the start of").
BLOCK_WORDS = {"could", "would", "might", "will", "plan", "plans", "planned", "planning", "deny",
               "denied", "denies", "stop", "avoid", "prevent", "end", "if", "whether",
               "previously", "rejecting", "no", "not", "never", "must", "should", "halt"}
BLOCK_STEMS = ("threaten", "warn", "urg", "demand", "ask", "want", "halt")
BLOCK_PHRASES = ("call for", "calls for", "called for", "calling for", "restoration of",
                 "resumption of", "since the start of", "concern over", "risk of", "spectre of",
                 "time to", "ready to", "may be", "may have")
# a stem at the start of a word, or a phrase, in the words joined by spaces: one search for both
_BLOCK_TEXT = re.compile(r"(?:^| )(?:" + "|".join(map(re.escape, BLOCK_STEMS)) + r")|"
                         + "|".join(map(re.escape, BLOCK_PHRASES)))
NAMED_ACTORS = re.compile(r"\b(?:taliban|islamic state|isis|isil|is-k|iskp|daesh|al-qaeda|"
                          r"haqqani network|unknown gunm[ae]n|gunm[ae]n|separatists)\b")
FORCE_NOUN = re.compile(r"^\W*(?:\w+\W+){0,2}?(forces|troops|soldiers|military|army|separatists|"
                        r"servicemen|fighters|militants|police|security forces|rebels)\b")
NEAR = re.compile(r"\b(?:near|around|outside|close to|vicinity of|outskirts of|area of|"
                  r"heights around)\s+(?:the\s+)?(?:\w+\s+of\s+)?$")
# every NEAR match holds one of these ("heights around" too): a quick test before the regex
_NEAR_WORDS = ("near", "around", "outside", "close to", "vicinity of", "outskirts of", "area of")
CUE = re.compile(r"\b(?:in|at|near|around|on|outside|into|across|inside|of|towards?)\s+"
                 r"(?:the\s+)?(?:\w+\s+){0,2}$")
NOT_THERE = re.compile(r"\bby\s+$|\b(?:reporting from|reports? from|km from|kilometres from|"
                       r"miles from|"
                       r"correspondent in|envoy to|ambassador to)\s+(?:\w+\W+){0,3}$")
# every NOT_THERE match holds one of these: most text is ruled out faster than by the regex
_NOT_THERE_WORDS = ("by", "from", "correspondent in", "envoy to", "ambassador to")
# A figure one armed party gives for its enemy's losses is propaganda, not a report: ACLED codes
# such claims (the Taliban's Voice of Jihad is its Afghan case) as 0 fatalities unless another
# source gives a figure.  geomap leaves the figure unstated (null, which ACLED scores as 0), so that
# a credible figure for the same event, in another sentence or article, is not lowered to 0 when
# reports merge.  Asides in parentheses are left out first ("3 policemen (5 according to the
# Taliban)" reports 3 from the main source), and a sentence that also cites another source
# ("..., while officials reported 2 deaths") keeps its figures.
PARTY_CLAIM = re.compile(r"\baccording to (?:the )?(?:taliban|voj|voice of jihad|militants?|"
                         r"insurgents?|rebels?|islamic state)\b|\b(?:taliban|voj|militants?|"
                         r"insurgents?|rebels?)(?: sources| spokesm[ae]n)? (?:said|says|claimed|"
                         r"claims|reported)\b")
OTHER_SOURCE = re.compile(r"\b(?:officials?|authorities|ministry|police|spokesm[ae]n|times|news|"
                          r"agency|sources|residents)\b (?:said|says|reported|confirmed)")
# Outlets owned by a party to a conflict: a document that only they report is one party's claim.
PARTY_OUTLETS = re.compile(r"voice of jihad|al-?emarah|amaq|al-?naba", re.I)
_ASIDE = re.compile(r"\s*\([^)]*\)")
_CREDIT = re.compile(r"\s*(?:read more|source|related|photo)\s*:")
_FRONT = re.compile(r"\s+(?:areas?|zones?|fronts?|lines?)\b")
_LANDMINE = re.compile(r"land|mine (?:blast|explo)", re.I)
_IN_COUNTRY = re.compile(r"\b(?:in|inside|across|throughout)\s+(?:the\s+)?$")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:\w+\s+and\s+(?:the\s+)?)?$")
_SPEAKER = re.compile(r"['’]s\s+(?:\w+\s+)?(?:ministry|president|government|army|military|"
                      r"forces|defen[cs]e|foreign|prime|press|self-declared)")
# A sentence that adds casualties to the incident just reported ("3 militants were also killed",
# "in another attack at the same place"): ACLED codes one event per place, day and type, so its
# figures add to that event's instead of standing alone (or being taken as a lower estimate).
ADDITIVE = re.compile(r"\b(?:also|as well|in addition|another attack)\b")
# "in Kot, Khogyani and Dih Bala districts": one figure for several places.  ACLED codes one event
# per place and divides the figure evenly, the remainder going to the first-named places.
_LIST_START = re.compile(r"\b(?:in|across) (?:the )?(?:limits of |outskirts of )?(?=[A-Z])")
_ITEM = re.compile(r"(?P<name>[A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|(?!in |of |on |at |to |by )"
                   r"[a-z]{1,2}(?= [A-Z])))*)"
                   r"(?: \([^)]*\))?(?: (?P<noun>districts?|provinces?|areas?|villages?|towns?|"
                   r"city|cities))?(?: \([^)]*\))?")
_SEP = re.compile(r", and |, | and ")
_ITEM_END = re.compile(r"\s*(?:[.,;]|$)|\s+(?:on|in|of|during|after|following|when|near)\b")
# capitalised words next to a name that are not part of it ("In Herat", "Herat City")
NAME_NEIGHBOURS = {"In", "On", "At", "Near", "From", "The", "To", "By", "Of", "And", "As", "Also",
                   "According", "Reported", "City", "District", "Province", "Area", "Village",
                   "Valley", "River", "Region", "Mountains", "Airport"}
_CAP_BEFORE = re.compile(r"\b([A-Z][\w'-]*) $")
_CAP_AFTER = re.compile(r" ([A-Z][\w'-]*)")


@dataclass
class Trigger:
    type: str
    subtype: str
    start: int  # offset in the sentence
    end: int


class EventExtractor:
    """Codes a geoparsed document's events; one instance serves many documents."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer

    def extract(self, doc: Document) -> list[Event]:
        """Events of one document (after ``Pipeline``), merged within it, in text order."""
        if doc.published is None and doc.text.strip():
            doc.warnings.append("no publication date: events are undated")
        found: list[Event] = []
        fragments = {id(m) for m in doc.mentions if _fragment(doc.text, m)}
        allowed = _countries([m for m in doc.mentions if id(m) not in fragments])
        lead: Event | None = None  # the incident the latest sentences report
        for start, end in sentences.spans(doc.text):
            if _has_stem(doc.text[start:end]):
                events = self._sentence_events(doc, start, end, allowed, fragments)
                events, lead = fold_additions(events, lead, doc.text[start:end])
                found += events
        if partisan(doc.source):  # the whole document is one party's claim
            for ev in found:
                ev.fatalities, ev.fatalities_cumulative = None, False
        return merge(found)

    def _sentence_events(self, doc: Document, start: int, end: int, allowed: set[str],
                         fragments: set[int]) -> list[Event]:
        """``fragments``: the ids of the document's mentions that are fragments (_fragment)."""
        text = doc.text[start:end]
        if _CREDIT.match(fold(text)):
            return []  # links to other articles and credits report nothing here
        found = triggers(text)
        if not found:
            return []
        mentions = [m for m in doc.mentions if start <= m.start and m.end <= end
                    and (m.place is None or m.place.country_code in allowed)]
        mentions = [_unplaced(m) if id(m) in fragments else m
                    for m in _inside_named_provinces(mentions)]
        facts = _facts(doc, start, end, mentions)  # the same for every trigger of the sentence
        events = [_event(doc, start, end, mentions, t, facts) for t in found]
        if any(_has_figures(e) for e in events):  # only a figure is divided among places
            places = listed_places(text)
            events = [part for e in events
                      for part in (split_by_place(e, places, doc.text, start, mentions)
                                   if len(places) > 1 and _has_figures(e) else [e])]
        return [e for e in events if _specific(e)]


def _facts(doc: Document, start: int, end: int, mentions: list[Mention]) -> dict:
    """The fields of a sentence's events that do not depend on the trigger: date, actors,
    figures, background."""
    text = doc.text[start:end]
    background = bool(dates.past_years(text, doc.published))
    when, precision = dates.resolve(text, doc.published)
    if background:
        when, precision = None, None  # "in 1994": a year, finer than nothing ACLED codes
    elif when is None and doc.published is not None:
        when, precision = doc.published, 1  # undated news: the day it was reported
    toll = numbers.casualties(text)
    fatalities, cumulative = toll.killed, False
    if fatalities is None and toll.toll is not None:
        fatalities, cumulative = toll.toll, True
    if fatalities and party_claim(text):
        fatalities, cumulative = None, False  # one side's claim about the other's losses
    return dict(date=when, time_precision=precision, actors=actors(text, mentions, start),
                fatalities=fatalities, fatalities_cumulative=cumulative, wounded=toll.wounded,
                toll=toll.toll, background=background)


def _event(doc: Document, start: int, end: int, mentions: list[Mention], trig: Trigger,
           facts: dict) -> Event:
    """The trigger's event; its id is given by merge, once its evidence is complete."""
    spot = choose_place(doc.text, mentions, start, start + trig.start, trig.type == STRATEGIC)
    ev = Event(id="", type=trig.type, subtype=trig.subtype, **facts,  # validation copies lists
               evidence=[Evidence(document_id=doc.id, sentence=doc.text[start:end], start=start,
                                  end=end)],
               sources=[doc.id])
    _place(ev, doc.text, spot, mentions)
    return ev


def party_claim(sentence: str) -> bool:
    """The sentence's figures come only from one armed party ("according to Taliban sources")."""
    text = fold(sentence)
    text = _ASIDE.sub("", text) if "(" in text else text
    hit = PARTY_CLAIM.search(text)
    return hit is not None and not OTHER_SOURCE.search(PARTY_CLAIM.sub("", text))


def partisan(source: str | None) -> bool:
    """Every outlet a document names (";"-separated) belongs to a party to the conflict."""
    outlets = [x for x in (source or "").split(";") if x.strip()]
    return bool(outlets) and all(PARTY_OUTLETS.search(x) for x in outlets)


def fold_additions(events: list[Event], lead: Event | None, sentence: str
                   ) -> tuple[list[Event], Event | None]:
    """Add an "also"/"another attack" sentence's deaths to the incident before it when it names
    no other place; returns the events left standing and the incident now leading."""
    if lead is not None and any(e.fatalities is not None for e in events) and \
            ADDITIVE.search(fold(sentence)):
        for ev in [e for e in events if _adds_to(lead, e)]:
            lead.fatalities = (lead.fatalities or 0) + ev.fatalities
            if ev.wounded is not None:
                lead.wounded = (lead.wounded or 0) + ev.wounded
            lead.evidence.append(ev.evidence[0])
            events.remove(ev)
    first = next((e for e in events if e.type != STRATEGIC and not e.background), None)
    return events, first or lead


def _adds_to(lead: Event, ev: Event) -> bool:
    if ev.type == STRATEGIC or ev.background or ev.fatalities is None or \
            ev.fatalities_cumulative or lead.fatalities_cumulative or ev.date != lead.date:
        return False
    if ev.place is None and not ev.place_name:
        return True  # nothing says it happened elsewhere
    return ev.place is not None and lead.place is not None and ev.place.id == lead.place.id


def listed_places(sentence: str) -> list[tuple[int, int, int, str | None]]:
    """(start, name end, end, kind noun) of the places a sentence lists as the scene of its one
    figure ("in Kot, Khogyani and Dih Bala districts, Nangarhar": three districts; the province
    after them contains them)."""
    m = _LIST_START.search(sentence)
    items, pos = [], m.end() if m else len(sentence)
    while m is not None:
        item = _ITEM.match(sentence, pos)
        if item is None or not _ITEM_END.match(sentence, item.end()) and \
                not _SEP.match(sentence, item.end()):
            break
        sep = _SEP.match(sentence, item.end())
        span = (item.start(), item.end("name"), item.end())
        items.append((span, item["noun"], sep.group() if sep else ""))
        if sep is None:
            break
        pos = sep.end()
    kept = [(span, noun) for i, (span, noun, sep) in enumerate(items)
            if not (i and _contains(items[i - 1], noun, sep))]
    # "Kot, Khogyani and Dih Bala districts": the plural noun names what each bare item is
    return [(*span, noun or next((n for _, n in kept[i + 1:] if n), None))
            for i, (span, noun) in enumerate(kept)]


def _contains(before: tuple, noun: str | None, sep: str) -> bool:
    """"X district, Laghman," and "... districts, Helmand.": a bare name after a named area,
    set off by commas, is the province around it, not another scene."""
    return noun is None and before[1] is not None and before[2] == ", " and sep != " and "


def split_by_place(ev: Event, places: list[tuple[int, int, int, str | None]], text: str,
                   start: int, mentions: list[Mention]) -> list[Event]:
    """One event per listed place, the figures divided evenly (remainder to the first).  A
    place the geoparser could not resolve falls back to the area named after it ("Alishing
    district, Laghman") or after the whole list, never to a sibling.  Areas and villages that
    fall back to one district are one ACLED location there; districts or towns that fall back
    to one province stay apart, the later ones unplaced (ACLED would not code them together)."""
    k, out = len(places), []
    ends = [start + p[0] for p in places[1:]] + [start + places[-1][2] + 60]
    for i, (a, name_end, b, noun) in enumerate(places):
        part = ev.model_copy(update={
            "fatalities": _share(ev.fatalities, k, i), "wounded": _share(ev.wounded, k, i),
            "place": None, "place_name": text[start + a:start + name_end],
            "geo_precision": None, "evidence": list(ev.evidence), "sources": list(ev.sources),
            "actors": list(ev.actors)})
        spot = _resolved_in(mentions, start + a, start + b, text)
        if spot is not None:
            _place(part, text, spot, mentions)
        else:
            area = _resolved_in(mentions, start + b, ends[i], text) or \
                _resolved_in(mentions, start + places[-1][2], ends[-1], text)
            if area is not None and area.place is not None:
                part.place = area.place
                part.geo_precision = 3 if area.place.feature_code.startswith(("PCL", "ADM1")) \
                    else 2
        same = next((o for o in out if _where(o) == _where(part)), None)
        if same is not None and spot is None and not (noun or "").startswith(("area", "vill")):
            part.place, part.geo_precision, same = None, None, None
        if same is None:
            out.append(part)
        else:  # "the X and Y areas of Z district", both only known as Z: one event at Z
            same.fatalities = _plus(same.fatalities, part.fatalities)
            same.wounded = _plus(same.wounded, part.wounded)
    return out


def _resolved_in(mentions: list[Mention], a: int, b: int, text: str) -> Mention | None:
    return next((m for m in mentions if a <= m.start < b and m.place is not None
                 and m.kind == "place" and _placeable(text, m, False)), None)


def _where(ev: Event) -> object:
    return ev.place.id if ev.place is not None else ev.place_name


def _plus(a: int | None, b: int | None) -> int | None:
    return None if a is None and b is None else (a or 0) + (b or 0)


def _share(total: int | None, k: int, i: int) -> int | None:
    return None if total is None else total // k + (i < total % k)


def _countries(mentions: list[Mention]) -> set[str]:
    """Countries an event in this document may lie in: those it names (countries, demonyms) and
    the one most of its places resolve to.  A town resolved into any other country (Afghan
    "Deh" read as Decorah, Iowa) is a resolver slip, not where the event happened."""
    named = {m.place.country_code for m in mentions if m.place is not None and
             (m.kind == "demonym" or m.place.feature_code.startswith("PCL"))}
    votes: dict[str, int] = {}
    for m in mentions:  # provinces and countries say more about the focus than a small town
        if m.place is not None and not NAMED_ACTORS.fullmatch(fold(m.text)):
            big = m.place.feature_code.startswith(("PCL", "ADM1", "PPLC"))
            votes[m.place.country_code] = votes.get(m.place.country_code, 0) + (3 if big else 1)
    return named | ({max(votes, key=votes.get)} if votes else set())  # ties: the first named


def _fragment(text: str, m: Mention) -> bool:
    """A resolved mention that is one word of a longer proper name ("Baba" in "the Khowajak Baba
    area", "Yak" in "Yak Lingah"): it was matched on a word, not on the place's name, and what it
    resolved to is a namesake guess (often abroad)."""
    if m.place is None or m.kind != "place":
        return False
    # _CAP_BEFORE ends in " $" (a space, perhaps then a newline): no use searching otherwise
    before = _CAP_BEFORE.search(text, max(0, m.start - 30), m.start) \
        if text[m.start - 1:m.start] in (" ", "\n") else None
    after = _CAP_AFTER.match(text, m.end)
    return any(w is not None and w[1] not in NAME_NEIGHBOURS
               and not NAMED_ACTORS.fullmatch(fold(w[1])) for w in (before, after))


def _unplaced(m: Mention) -> Mention:
    """The mention as an unresolved name: the event falls back to the area named after it."""
    return m.model_copy(update={"place": None, "precision": None})


def _inside_named_provinces(mentions: list[Mention]) -> list[Mention]:
    """Drop towns resolved outside the province the sentence names ("Haidarabad area of Nahri
    Saraj district, Helmand" read as a Haidarabad elsewhere): the province is the better guess."""
    provinces = [m for m in mentions if m.place is not None
                 and m.place.feature_code == "ADM1" and m.kind == "place"]
    return [m for m in mentions if not _outside(m, provinces)]


def _outside(m: Mention, provinces: list[Mention]) -> bool:
    """A town followed by a province it is not in (a containing area comes after its town)."""
    if m.place is None or m.place.admin1 is None:
        return False
    if m.place.feature_code.startswith(("ADM1", "PCL")):
        return False
    after = {p.place.name for p in provinces if p.start > m.end}
    return bool(after) and m.place.admin1 not in after


def _has_figures(ev: Event) -> bool:
    return ev.type != STRATEGIC and (ev.fatalities is not None or ev.wounded is not None)


def _specific(ev: Event) -> bool:
    """A report with no place, actor or figure ("the fighting is continuing") is a reference to
    events, not one ACLED could code; background context is kept whatever it lacks."""
    return ev.background or bool(ev.place_name or ev.actors or ev.fatalities is not None
                                 or ev.wounded is not None)


def triggers(sentence: str) -> list[Trigger]:
    """The highest-priority violent trigger and the first strategic one (not negated)."""
    best: dict[str, Trigger] = {}
    low = sentence.lower() if len(sentence.lower()) == len(sentence) else sentence
    # the pattern beginnings present: every head that begins a word found
    found = {h for w in _HEAD_RE.findall(low) for h in _HEADS_BY_PAIR.get(w[:2], ())
             if w.startswith(h)}
    for i in sorted(_HEADLESS.union(*(_PATTERNS_OF[h] for h in found))):  # in priority order
        etype, subtype, pattern, _ = _COMPILED[i]
        group = "s" if etype == STRATEGIC else "v"
        if group in best:
            continue
        for m in pattern.finditer(low):
            if _fits(etype, subtype, sentence, m) and not _blocked(sentence, m):
                best[group] = Trigger(etype, subtype, m.start(), m.end())
                break
    if "v" not in best:
        fallback = _casualty_only(sentence)
        if fallback:
            best["v"] = fallback
    else:
        best["v"] = _refine(best["v"], sentence)
    return sorted(best.values(), key=lambda t: t.start)


def _blocked(sentence: str, m: re.Match) -> bool:
    words = _WORDS.findall(sentence[max(0, m.start() - 60):m.start()].lower())[-5:]
    if not BLOCK_WORDS.isdisjoint(words) or _BLOCK_TEXT.search(" ".join(words)):
        return True
    word = m.group().lower()
    after = sentence[m.end():m.end() + 20]
    if _FRONT.match(after) and word.startswith("fight"):
        return True
    return word == "mines" and not _LANDMINE.search(sentence)


def _fits(etype: str, subtype: str, sentence: str, m: re.Match) -> bool:
    """Context checks a bare keyword cannot make (kept out of the patterns so that each pattern
    starts with a rare word the prefilter can look for)."""
    before = sentence[max(0, m.start() - 12):m.start()].lower()
    word = m.group().lower()
    if subtype == "Government regains territory":
        return bool(FORCES.search(fold(sentence)))
    if word == "occupied":  # "had occupied heights", not "occupied Karabakh"
        return before.endswith(("has ", "had ", "have "))
    if word.startswith("operation"):
        return before.endswith(("clearing ", "military ", "security "))
    if word in ("freed", "released"):
        return before.endswith(("were ", "was "))
    return True


def _refine(trig: Trigger, sentence: str) -> Trigger:
    """Capture by state forces is Government regains territory; clashes with civilians only
    as victims are Violence against civilians."""
    if trig.subtype == "Non-state actor overtakes territory" and \
            not NON_STATE.search(fold(sentence)):
        trig.subtype = "Government regains territory"
    return trig


def _casualty_only(sentence: str) -> Trigger | None:
    """A killing with no other trigger: violence against civilians when the victims are
    civilians (whoever the killers), else a battle when armed men fell."""
    low = fold(sentence)
    # a substring test is faster than the regex, which most sentences fail
    m = KILL.search(low) if any(w in low for w in KILL_WORDS) else None
    if m is None or _blocked(sentence, m):
        return None
    if CIVILIANS.search(low):  # cutting the killers out leaves no civilian not there before
        victims = AGENTS.sub(" ", low)  # "by Afghan forces", "Taliban militants shot": killers
        if CIVILIANS.search(victims) and not FORCES.search(victims):
            return Trigger("Violence against civilians", "Attack", m.start(), m.end())
    if FORCES.search(low):
        return Trigger("Battles", "Armed clash", m.start(), m.end())
    return None


def actors(sentence: str, mentions: list[Mention], offset: int) -> list[Actor]:
    """Demonym + force noun ("Armenian forces") and named armed groups, as written."""
    found: list[Actor] = []
    low = fold(sentence)
    for m in mentions:
        if m.kind != "demonym":
            continue
        tail = FORCE_NOUN.match(low[m.end - offset:m.end - offset + 40])
        if tail:
            name = sentence[m.start - offset:m.end - offset + tail.end()]
            found.append(Actor(name=name, country_code=m.country_code))
    for m in NAMED_ACTORS.finditer(low):
        found.append(Actor(name=sentence[m.start():m.end()]))
    seen, out = set(), []
    for a in found:
        if a.name.lower() not in seen:
            seen.add(a.name.lower())
            out.append(a)
    return out


def choose_place(text: str, mentions: list[Mention], sentence: int, trigger: int,
                 strategic: bool) -> Mention | None:
    """The mention the trigger governs (lowest score), or None."""
    scored = [(_strategic_score(m, sentence, trigger) if strategic else
               _violent_score(text, m, trigger), m.start, m)
              for m in mentions if _placeable(text, m, strategic)]
    scored = [x for x in scored if x[0] != float("inf")]
    return min(scored, key=lambda x: x[:2])[2] if scored else None


def _violent_score(text: str, m: Mention, trigger: int) -> float:
    score = abs(m.start - trigger) + (0 if m.start > trigger else 15)
    if CUE.search(fold(text[max(0, m.start - 30):m.start])):
        score -= 40  # "in X", "the city of X": linked to the verb by a preposition
    if m.place is not None and m.place.feature_code.startswith("PCL"):
        if not _IN_COUNTRY.search(fold(text[max(0, m.start - 20):m.start])):
            return float("inf")  # "draw in regional powers Russia": a country needs "in"
        score += 400  # a country is the place only when nothing finer is named
    return score


def _strategic_score(m: Mention, sentence: int, trigger: int) -> float:
    """A decision happens where its subject governs: the first place before the trigger
    ("Azerbaijan's president declared ..."); after it, the nearest, finer places first."""
    if m.start < trigger:
        return m.start - sentence
    fine = m.place is not None and not m.place.feature_code.startswith("PCL")
    return 1000 + (m.start - trigger) - (100 if fine else 0)


def _placeable(text: str, m: Mention, strategic: bool) -> bool:
    if m.kind == "demonym" or m.kind == "organisation_part":
        return False
    if m.kind == "metonym" and not strategic:
        return False  # "Baku issued a warning": the government spoke, nothing happened there
    before = fold(text[max(0, m.start - 40):m.start])
    if any(w in before for w in _NOT_THERE_WORDS) and NOT_THERE.search(before):
        return False
    if "between" in before and _BETWEEN.search(before):
        return False  # "fighting between Armenia and Azerbaijan": the parties, not the place
    if NAMED_ACTORS.fullmatch(fold(m.text)):
        return False  # "Taliban" is a group, even when a town shares the name
    if not strategic and _SPEAKER.match(fold(text[m.end:m.end + 30])):
        return False  # "Azerbaijan's Defence Ministry" names who spoke, not where
    return True


def _place(ev: Event, text: str, m: Mention | None, mentions: list[Mention]) -> None:
    """Fill place, place_name and geo_precision; an unknown name falls back to a containing
    area named after it ("Talish in Tartar district"), never to an invented point."""
    if m is None:
        return
    ev.place_name = m.text
    before = fold(text[max(0, m.start - 40):m.start])
    near = any(w in before for w in _NEAR_WORDS) and NEAR.search(before) is not None
    if m.place is not None:
        ev.place = m.place
        ev.geo_precision = max(m.precision or 1, 2 if near else 1)
        return
    area = next((a for a in mentions if a.start > m.end and a.place is not None
                 and a.kind == "place" and a.start - m.end < 60), None)
    if area is not None:
        ev.place = area.place
        ev.geo_precision = 3 if area.place.feature_code.startswith(("PCL", "ADM1")) else 2

