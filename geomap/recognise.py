"""Recognise: find place-name mentions in English text, with character offsets and a kind.

Gazetteer-driven: capitalised token runs are matched longest-first against every Latin-script
name key the gazetteer holds (one dict lookup per n-gram, no regex per name).  Rules then tell
places from people, organisations, demonyms, metonyms, months and common words, and cue phrases
("the village of X", "near X", "X district") add places the gazetteer does not know.  Sentence
starts, which the capitalisation rules read, come from ``sentences``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from gazetteer import Gazetteer
from gazetteer.names import ARTICLES, fold, without_silent_h
from gazetteer.store import importance

from . import lexicon as lx
from . import sentences
from .models import Document, Mention

# a full stop between a word of four letters or more and a capitalised one ends a sentence
# whose space was lost ("England.The"); "St.Paul" stays one word
_WORD = re.compile(r"[^\W_]+(?:(?:[-'’]|\.(?!(?<=[^\W_]{4}\.)[A-Z][a-z]))[^\W_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$")
_CLAUSE_START = re.compile(r"[:\"“—–]")  # a capital after these may start a clause or title
_CONTRACTION = re.compile(r"['’](?:d|ll|re|ve|m|t)$", re.IGNORECASE)
_NAME_GAPS = (" ", "-", " - ", "'s ", "’s ")
# Abbreviated first words whose full stop stays inside a name: "St. Paul", "Mt. Vernon"
_NAME_ABBREVIATIONS = {"st", "ste", "mt", "ft", "pt"}
_DOTTED = re.compile(r"[A-Z](?:\.[A-Z])+")
_DOTTED_FULL = re.compile(r"(?:[A-Z]\.)+")
_TOKEN_START = attrgetter("start")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:capital|city|town|village|"
                         r"port|district|province|county|region|state|country|island|suburb)\b")
# What the writer says an unknown name is, right after it: "Zlorvik, a village in Kenya",
# "X is a small town north of Y"; the words between are modifiers, not "a farmer from the"
_DESCRIBED = re.compile(r"(?:,|\s+(?:is|was))\s+(?:a|an|the)\s+(?:(?!(?:of|from|in|at|to|with|"
                        r"for|and|the|a)\b)[\w-]+\s+){0,3}?(?:town|village|city|hamlet|"
                        r"settlement|district|province|county|region|island|suburb|port|"
                        r"neighbou?rhood|area|territory|enclave)\s+(?:(?:just|some|about|"
                        r"[\d.,]+\s*(?:km|kilometres|kilometers|miles))\s+)*(?:(?:north|south|"
                        r"east|west|north-?east|north-?west|south-?east|south-?west)\s+of|in|of|"
                        r"near|outside|on)\s")
_QUALIFIER_GAP = re.compile(r",[ \t]+(?:in[ \t]+)?")
_ELIDED = re.compile(r"(?:d|l|al|el|ad|an|ar|as|ash|at|az|ez|es|ed|en|er|et|ul)['’-][A-Z]")
# "the US-led coalition", "Moscow-backed separatists": the state as an actor (a metonym)
ACTOR_SUFFIXES = r"led|backed|funded|sponsored|supported|allied|aligned|controlled|armed|trained"
_ACTOR_SUFFIX = re.compile(r"-(?:" + ACTOR_SUFFIXES + r")\b", re.IGNORECASE)
_MODIFIER_SUFFIX = re.compile(r"-(?:based|born|bred|bound|headquartered|registered|flagged|"
                              r"made|area|region|wide|" + ACTOR_SUFFIXES + r")$", re.IGNORECASE)
MAX_NAME_TOKENS = 6
LOOSE_RUN_TOKENS = 3  # an unknown cued name this long may be a known one spelt otherwise
LIST_NAMESAKES = 20  # the namesakes whose countries say where a list's names may lie
LIST_STEPS = 8  # the names a list of places may hold before the one looked at
COUNTRY_IMPORTANCE = 15.0  # countries score 15-19 in the gazetteer's importance scale
# Kind words after which names a space apart are one name ("Pusht Rod district")
JOINING_KINDS = {w for w, cls in lx.FEATURE_AFTER.items() if cls in ("A", "P")} - \
    {"state", "republic"} | {"area"}
# the kind word, perhaps after another name in parentheses ("Kash Rod (Delaram) district")
_KIND_AFTER = re.compile(r"(?:\s+\([^()]{1,40}\))?\s+([A-Za-z-]+)\b")
# Below this a name's best place is a hamlet: an English word it spells ("Guide", "Zone",
# "Virgin") is far likelier meant than the hamlet.
HAMLET_IMPORTANCE = 6.0
# A word at least this common in English that names only small places through an alternate
# name ("Taliban" for a Turkish village) is the word, not the place.
ALIAS_ZIPF = 3.0
ALIAS_IMPORTANCE = 9.0  # about a city of a million: its aliases are known ("Cologne")
# Below this a word at a sentence's start that names a province is the province ("Wisconsin",
# "California" at 5.0); above it, the English word.  Kind, direction and organisation words
# ("Central", "Coast", "Capital") are words whatever their frequency.
PROVINCE_WORD_ZIPF = 5.1
# A name this frequent in English text that only a town under 100,000 is called is a famous
# person's or brand's ("Obama", "Santa"), not the town's
FAMOUS_NAME_ZIPF = 4.5
SMALL_TOWN_IMPORTANCE = 7.5
WORD_TOWN_IMPORTANCE = 7.0  # below it (a town under 30,000) a dictionary word is the word
BIG_CITY_IMPORTANCE = 8.0  # a town of 300,000 or more (the store's scale: 2.5 + log10 population)
FUNCTION_WORD_ZIPF = 5.8  # "was", "to", "be", "just": not meant as places when capitalised
# Unions of lexicon sets the rules test words against, built once rather than on every test.
_CUES_AND_DIRECTIONS = frozenset(lx.PLACE_CUES | lx.DIRECTIONS)
_DIRECTIONS_AND_TITLES = frozenset(lx.DIRECTIONS | lx.TITLES)
_DATE_WORDS = frozenset(lx.MONTHS | lx.WEEKDAYS)
# where a big city's short code stands ("in NYC", "near DC"); not "a type of SAM", "via NYT",
# "into PA Route 18", "up to ADA standards"
_BEFORE_CITY_CODES = frozenset({"in", "near", "around", "across", "outside", "inside"})
# no name the store lacks: "a Han Dynasty province" names no "Dynasty"
_NEVER_UNKNOWN = _DATE_WORDS | frozenset(lx.ORG_WORDS)
_NAME_PART_WORDS = frozenset(lx.TITLES | lx.ORG_WORDS | lx.DIRECTIONS | lx.FEATURE_AFTER.keys())
_ADJACENT_GAPS = frozenset((" ", "-", " - "))


@dataclass(slots=True, init=False)
class Token:
    start: int
    end: int
    text: str
    sentence_start: bool
    sentence: int
    gap: str  # the text between the previous token and this one
    lower: str
    capitalised: bool

    # Written out, not generated with a __post_init__: tokenize builds a Token per word, and
    # the second call per word cost about a tenth of tokenizing.
    def __init__(self, start: int, end: int, text: str, sentence_start: bool, sentence: int,
                 gap: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.sentence_start = sentence_start
        self.sentence = sentence
        self.gap = gap
        # Computed once: the recogniser asks these of every token many times.
        self.lower = text.lower()
        self.capitalised = text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Word tokens with offsets; a trailing possessive ('s) is cut off the token."""
    bounds = sentences.ends(text)
    bounds.append(len(text) + 1)  # a sentinel: no word starts past the text
    tokens: list[Token] = []
    sentence, next_bound, prev_end, prev_sentence = 0, bounds[0], 0, -1
    for m in _WORD.finditer(text):
        word = m.group()
        start, end = m.span()
        if start >= next_bound:
            while bounds[sentence] <= start:
                sentence += 1
            next_bound = bounds[sentence]
        if "." in word or text.startswith(".", end):
            word = _dotted(word, text[end:end + 1])
            end = start + len(word)
        hyphen, apostrophe = "-" in word, "'" in word or "’" in word
        if hyphen:
            cut = _MODIFIER_SUFFIX.search(word)
            if cut:  # "Lafayette-based": the place, not a name "Lafayette-based"
                word = word[:cut.start()]
                end = start + len(word)
        if apostrophe and len(word) > 2:
            cut = _POSSESSIVE.search(word)
            if cut:
                word = word[: cut.start()]
                end = start + len(word)
        token = Token(start, end, word, sentence != prev_sentence, sentence,
                      text[prev_end:start] if tokens else "")
        if (hyphen or apostrophe) and _ELIDED.match(word):
            token.capitalised = True  # "d'Ivoire", "al-Bab": the elided article of a name
        tokens.append(token)
        prev_end, prev_sentence = end, sentence
    return tokens


def _dotted(word: str, after: str) -> str:
    """ "U.S." keeps its final dot (the word pattern stops before it); other words lose theirs."""
    if after == "." and _DOTTED.fullmatch(word):
        return word + "."
    return word if _DOTTED_FULL.fullmatch(word) else word.rstrip(".")


class Recogniser:
    """Finds mentions; one instance per process (it loads the gazetteer's name index)."""

    def __init__(self, gazetteer: Gazetteer, feature_words: bool = False):
        # feature_words: report "Baltic Sea", "Fort Hood" whole (the corpora's spans). Off by
        # default: resolve looks up the mention text, and these full forms miss the gazetteer.
        self.feature_words = feature_words
        self.gazetteer = gazetteer
        self.names = gazetteer.name_index()
        # "Darfur": no place is so called, but North, South and West Darfur are provinces
        region = (importance("A", "ADM1", 0), 1)
        for key in lx.side_regions(gazetteer.area_names("ADM1"), fold):
            self.names.setdefault(key, region)
            self.names.setdefault(key + "s", region)  # "the Carolinas", "the Dakotas"
        self.demonyms = lx.demonym_countries(gazetteer.countries())
        # name -> whether it is only an alternate name of its places.  The gazetteer lookup
        # behind it is the dearest test per word; the store does not change under a recogniser
        # (its name index is read once, above), and only common English words are asked about.
        self._only_alias: dict[str, bool] = {}
        self._province: dict[str, frozenset[str]] = {}  # name -> countries of provinces so called
        self._loose_names: dict[str, float | None] = {}  # "Ras al-Ain" -> its best score
        self._silent_h: dict[str, bool] = {}  # "Hodeidah" -> whether the store knows it so

    def recognise(self, doc: Document) -> Document:
        """Fill ``doc.mentions`` (offsets into ``doc.text``, kinds; places come from resolve)."""
        if doc.only_spans is not None:
            doc.mentions = [Mention(text=doc.text[s:e], start=s, end=e)
                            for s, e in doc.only_spans]
            return doc
        tokens = tokenize(doc.text)
        # Only capitalised words start names: the rules walk these, not every word.
        capitals = [k for k, t in enumerate(tokens) if t.capitalised]
        mentions = self._gazetteer_matches(tokens, capitals, doc.text)
        unknown = self._cued_unknowns(tokens, capitals, mentions, doc.text)
        mentions += unknown + self._repeated_unknowns(tokens, capitals, mentions + unknown,
                                                      unknown, doc.text)
        mentions = self._joined_before_kind(mentions, doc.text)
        mentions = _with_state_abbreviations(tokens, capitals, mentions, doc.text)
        mentions = _leftmost_longest(self._drop_people(tokens, capitals, mentions))
        _mark_metonyms(tokens, mentions, self.names, doc.text)
        doc.mentions = mentions
        return doc

    def _joined_before_kind(self, mentions: list[Mention], text: str) -> list[Mention]:
        """Names a single space apart before a kind word are one name the store lacks:
        "Pusht Rod district" is not Poshot, Iran and a Rod elsewhere, "Marki Khel area" not
        Marki and Hel, Poland (the gazetteer matches the longest known name first, so the
        whole is none), and so are rare capitalised words before them ("the Makhmal Kocha
        area" is no Chinese town called Kocha).  Not where a part is a country ("Syria Idlib
        province")."""
        mentions = sorted(mentions, key=lambda m: m.start)
        out: list[Mention] = []
        k = 0
        while k < len(mentions):
            j = k
            while j + 1 < len(mentions) and text[mentions[j].end:mentions[j + 1].start] == " " \
                    and all(m.kind == "place" for m in (mentions[j], mentions[j + 1])):
                j += 1
            kind = _KIND_AFTER.match(text, mentions[j].end)
            joins = kind is not None and kind.group(1).lower() in JOINING_KINDS and \
                mentions[k].kind == "place"
            start = _rare_words_before(text, mentions[k].start, out[-1].end if out else 0) \
                if joins else mentions[k].start
            if joins and (j > k or start < mentions[k].start) and not any(
                    self.names.get(_key(m.text), (0.0, 0))[0] >= COUNTRY_IMPORTANCE
                    for m in mentions[k:j + 1]):
                end = mentions[j].end
                out.append(Mention(text=text[start:end], start=start, end=end))
            else:
                out.extend(mentions[k:j + 1])
            k = j + 1
        return out

    def _gazetteer_matches(self, tokens: list[Token], capitals: list[int], text: str
                           ) -> list[Mention]:
        """Longest gazetteer names left to right, each kept, relabelled or dropped by context."""
        lowered = {t.lower for t in tokens if not t.capitalised}
        mentions: list[Mention] = []
        doubted = []  # matches dropped as a word only because they start a sentence
        after = 0  # matches do not overlap: the next one starts at or after the last one's end
        for i in capitals:
            if i < after:
                continue
            group = lx.NAMED_ARMED_GROUP.match(text, tokens[i].start)
            if group is not None:  # "Boko Haram": no towns in Congo and Norway
                after = bisect_left(tokens, group.end(), key=_TOKEN_START)
                continue
            found = self._match_at(tokens, i, text)
            if found is None:
                # no word of an unknown "Ahrar al-Sham" is a place of its own ("al-Sham")
                after = _compound_end(tokens, i, _name_run_end(tokens, i)) or after
                continue
            i, after, importance, demonym = found
            mention = self._classify(tokens, i, after, importance, demonym, lowered, text)
            if mention is not None:
                if mentions and mentions[-1].end > mention.start:
                    mentions.pop()  # "Fort" matched alone, then taken into "Fort Hood"
                mentions.append(mention)
            elif demonym is None and after == i + 1 and tokens[i].sentence_start:
                doubted.append((i, importance))
        if not doubted:
            return mentions
        vouched = [self._classify(tokens, i, i + 1, importance, None, lowered, text, vouched=True)
                   for i, importance in doubted if _vouched_for(tokens, i, mentions, text)]
        return sorted(mentions + [m for m in vouched if m is not None], key=_TOKEN_START)

    def _match_at(self, tokens: list[Token], i: int, text: str
                  ) -> tuple[int, int, float, str | None] | None:
        """The longest gazetteer name (or demonym) starting at capitalised token i: (start and end
        index, the name's importance, the demonym's country code or None); a feature word before
        it may move the start back."""
        first = tokens[i]
        j, importance = self._longest_name(tokens, i, text)
        if j is not None and first.lower in lx.DIRECTIONS and j < len(tokens) and \
                all(t.lower in lx.DIRECTIONS for t in tokens[i:j]) and tokens[j].capitalised \
                and _adjacent(tokens, j - 1, j + 1) and tokens[j].lower not in lx.english_words():
            # "South West England": a side of the area named next, not Cameroon's South-West
            # (not "Central Bank", "East Coast": words, not names, follow)
            k, area = self._longest_name(tokens, j, text)
            if k is not None:
                j, importance = k, area
        if first.lower in self.demonyms and (j is None or j == i + 1):
            return i, i + 1, 0.0, self.demonyms[first.lower]
        if j is None and _abbreviation([first]):
            return i, i + 1, 0.0, None
        if j is None:
            return None
        if self.feature_words:
            i, j = _with_feature_words(tokens, i, j)
        return i, j, importance, None

    def _longest_name(self, tokens: list[Token], i: int, text: str
                      ) -> tuple[int, float] | tuple[None, None]:
        """The end index and importance of the longest gazetteer name starting at token i."""
        first = tokens[i]
        limit = _name_run_end(tokens, i)
        j, importance = self._exact_name(tokens, i, limit, text)
        if (j is None or j == i + 1) and first.lower in ARTICLES and i + 1 < limit:
            # "Al Gezira", "El Gezira": the article and a name the store has without it
            k, bare = self._exact_name(tokens, i + 1, limit, text)
            if k is not None and _article_before_name(tokens, i, k) and self.gazetteer.lookup(
                    text[first.start:tokens[k - 1].end], limit=1, loose_match=False,
                    names=False):  # the store's own rule: in a country that writes it
                return k, bare
        if j is None and first.lower.endswith("ah"):
            return self._silent_h_name(first, i)
        compound = _compound_end(tokens, i, limit)
        if compound is None or j is not None and j >= compound:
            return j, importance
        # "Maarat al-Numan" is no exact key ("Ma'arrat an Nu'man"), and "Bab" of "Bab
        # al-Tabbaneh" is no place: the whole name, by its looser spelling, or nothing
        return self._loose_name(text[first.start:tokens[compound - 1].end], compound)

    def _silent_h_name(self, first: Token, i: int) -> tuple[int, float] | tuple[None, None]:
        """"Hodeidah", "Saadah": a word no place is called that the store knows without its
        final silent "h", among places in the Arab countries (the store's own rule), not a
        given name ("Sarah", "Hannah")."""
        bare = without_silent_h(_key(first.text))
        found = self.names.get(bare) if bare else None
        if found is None or first.lower in lx.first_names() or lx.zipf(first.lower) >= 3.0:
            return None, None
        if first.text not in self._silent_h:
            self._silent_h[first.text] = bool(
                self.gazetteer.lookup(first.text, limit=1, loose_match=False, names=False))
        return (i + 1, found[0]) if self._silent_h[first.text] else (None, None)

    def _loose_name(self, name: str, end: int) -> tuple[int, float] | tuple[None, None]:
        """``end`` and the best score of a place the gazetteer knows ``name`` by, loosely."""
        if name not in self._loose_names:
            found = self.gazetteer.lookup(name, limit=1, names=False)
            self._loose_names[name] = found[0].score if found else None
        score = self._loose_names[name]
        return (None, None) if score is None else (end, score)

    def _exact_name(self, tokens: list[Token], i: int, limit: int, text: str
                    ) -> tuple[int, float] | tuple[None, None]:
        """The longest exact name key from token i, ending by token ``limit``."""
        first = tokens[i]
        for j in range(limit, i, -1):
            if not tokens[j - 1].capitalised:
                continue
            found = self.names.get(_key(text[first.start:tokens[j - 1].end]))
            if found is None:
                continue
            if j - i > 1 and (first.sentence_start or _CLAUSE_START.search(first.gap)) \
                    and lx.zipf(first.lower) >= 6.5 and found[0] < 10:
                continue  # "A New ..." / "The Ark": a capitalised function word, not a name
            if tokens[j - 1].text == "I" or _CONTRACTION.search(tokens[j - 1].text):
                continue  # "Do I", "I'd": the pronoun
            return j, found[0]
        return None, None

    def _classify(self, tokens: list[Token], i: int, j: int, importance: float,
                  demonym: str | None, lowered: set[str], text: str, vouched: bool = False
                  ) -> Mention | None:
        """Keep (as a mention), relabel or drop the gazetteer match of tokens i..j-1 by its
        context (``vouched``: the rest of the text shows a word starting a sentence to be the
        place).  The mention is only built once kept: many matches are dropped, and building
        one costs more than the tests that drop it."""
        start, end = tokens[i].start, tokens[j - 1].end
        if demonym is not None:
            return Mention(text=text[start:end], start=start, end=end, kind="demonym",
                           country_code=demonym)
        words = [t.lower for t in tokens[i:j]]
        prev = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tokens[i].sentence else None
        nxt = tokens[j] if j < len(tokens) and tokens[j].sentence == tokens[i].sentence else None
        if _not_a_name(tokens, i, j, words, nxt, importance, text):
            return None
        if _abbreviation(tokens[i:j]):  # "UK": never the English word or a person
            return Mention(text=text[start:end], start=start, end=end)
        if self._common_word(tokens, i, words, prev, importance, lowered, vouched) and \
                not lx.dateline(text, start, end):  # "SPRINGFIELD -" names where it was filed
            return None
        if nxt is not None and nxt.lower in lx.LEADER_BODIES and importance < COUNTRY_IMPORTANCE:
            # "the Obama administration" is a leader's, not a Japanese town's; "the Kabul
            # administration" is the capital standing for its government
            kind = "metonym" if importance >= ALIAS_IMPORTANCE else "organisation_part"
            return Mention(text=text[start:end], start=start, end=end, kind=kind)
        if _org_follows(tokens, i, backwards=True) or _org_follows(tokens, j) and \
                (importance < COUNTRY_IMPORTANCE or " ".join(words) in lx.CONTINENTS) and \
                not self._state_word(tokens, i, j, text):
            # a country before "Army" still names the country
            return Mention(text=text[start:end], start=start, end=end, kind="organisation_part")
        if self._person_like(tokens, i, j, prev, nxt, importance) or \
                _titled(tokens, i, j, prev, nxt, importance):
            return None
        if j - i == 1 and self._alias_of_a_minor_place(text[start:end], importance):
            return None
        if j - i == 1 and words[0] in lx.TOPONYM_HEADS and nxt is not None and \
                nxt.capitalised and _adjacent(tokens, i, j + 1) and lx.zipf(nxt.lower) < 4.0:
            # "Ras Lanuf", "Ras Isa": the start of a name the store lacks, not Rasht ("Marsa
            # Creek" is Marsa's)
            return None
        if j - i == 1 and _unknown_word_before(tokens, i, prev, nxt, self.names) or \
                _starts_a_longer_name(tokens, i, j, prev, nxt):
            # "Nahri Saraj district": not Saraj, North Macedonia; "the Great Plains", "Little
            # Saigon": a name the store lacks, not the town of Plains or Ho Chi Minh City
            return Mention(text=text[prev.start:end], start=prev.start, end=end)
        return _with_direction(tokens, i, Mention(text=text[start:end], start=start, end=end), text)

    def _names_a_province(self, word: str) -> bool:
        """Whether a province is so called (asked only of words starting a sentence or
        before "said")."""
        return bool(self._province_countries(word))

    def _province_countries(self, name: str) -> frozenset[str]:
        """The countries that have a province so called."""
        if name not in self._province:
            found = self.gazetteer.lookup(name, limit=10, loose_match=False, names=False)
            self._province[name] = frozenset(c.place.country_code for c in found
                                             if c.place.feature_code == "ADM1")
        return self._province[name]

    def _state_word(self, tokens: list[Token], i: int, j: int, text: str) -> bool:
        """A capitalised "State" ending a province's name is part of it: "Rakhine State",
        "Mon State" (an organisation's word otherwise: "Islamic State", "Geneva State Park";
        and after a US state's name a university: "Ohio State", "Florida State")."""
        if j >= len(tokens) or tokens[j].text != "State" or not _adjacent(tokens, i, j + 1) or \
                j + 1 < len(tokens) and tokens[j + 1].capitalised and _adjacent(tokens, i, j + 2):
            return False
        countries = self._province_countries(text[tokens[i].start:tokens[j - 1].end])
        return bool(countries) and "US" not in countries

    def _alias_of_a_minor_place(self, name: str, importance: float) -> bool:
        """"Taliban", "Hamas": words English uses that are only alternate names of small places
        (a Turkish village, Hamm), or of any place but a country when they are dictionary words
        ("Dam"); a place's own name, or a big place's other alias, is kept, and so is a
        province's ("Tibet" for Xizang: provinces carry no population, so their importance
        alone says they are small)."""
        word = name.lower()
        # a big place's alias too when it is an English word of three letters or more ("Lock
        # and Dam" is no Damascus, "heart and Soul" no Seoul; "La" may still be Los Angeles);
        # a country's stays ("Holland" is no such word)
        english = importance < COUNTRY_IMPORTANCE and len(word) >= 3 and \
            word in lx.english_words()
        if importance >= ALIAS_IMPORTANCE and not english or lx.zipf(word) < ALIAS_ZIPF:
            return False
        if name not in self._only_alias:
            key = _key(name)
            # "Bronx" is The Bronx's own name, its article dropped ("in the Bronx")
            self._only_alias[name] = not any(
                key in (_key(c.place.name), _key(c.place.ascii_name),
                        _key(c.place.name.removeprefix("The "))) or
                c.place.feature_code == "ADM1" or c.place.feature_code.startswith("PCL")
                for c in self.gazetteer.lookup(name, limit=10, loose_match=False, names=False))
        return self._only_alias[name]

    def _drop_people(self, tokens: list[Token], capitals: list[int], mentions: list[Mention]
                     ) -> list[Mention]:
        """One sense per document: a surname the text gives in full ("Dr Bruce Ivins") is a
        person wherever it stands alone later ("Ivins said"), unless a preposition cues a place."""
        people = _person_words(tokens, capitals, self.names)
        if not people:
            return mentions
        kept = []
        alone = None
        for m in mentions:
            k = _token_at(tokens, m.start)
            single = k is not None and tokens[k].end == m.end
            cued = k is not None and k > 0 and tokens[k - 1].lower in lx.STRONG_CUES
            if single and m.kind == "place" and tokens[k].lower in people and not cued and \
                    self.names.get(_key(m.text), (0.0, 0))[0] < COUNTRY_IMPORTANCE:
                continue
            if single and m.kind == "place" and k + 1 < len(tokens) and \
                    tokens[k + 1].lower in people and _surname_after(tokens, k, self.names):
                # "Jordan Henderson ... Henderson said": news names a person in full once,
                # then by the surname alone
                alone = _speaking_alone(tokens, capitals) if alone is None else alone
                if tokens[k + 1].lower in alone:
                    continue
            kept.append(m)
        return kept

    def _person_like(self, tokens: list[Token], i: int, j: int, prev: Token | None,
                     nxt: Token | None, importance: float) -> bool:
        """The match is (part of) a person's name, by a title, a reporting verb or a given name."""
        if prev is not None and prev.lower in lx.HONORIFICS:
            return True
        if j - i == 1 and _opens_a_full_name(tokens, i, prev, self.names):
            return True  # "Defence Minister Israel Katz", "Jordan Henderson said": even a country
        if importance >= COUNTRY_IMPORTANCE:
            return False
        if prev is not None and prev.lower in lx.TITLES:
            return True
        if nxt is not None and nxt.lower in lx.SAID and j - i == 1 and importance < 10 and \
                (prev is None or prev.lower not in lx.PLACE_CUES) and \
                (tokens[i].lower in lx.first_names() or not self._names_a_province(tokens[i].text)):
            # '"...," Hartl said': towns and villages do not speak, but states do ("Texas said
            # it would sue"; "Springfield, Illinois said"), unless a given name ("Victoria said")
            return True
        if prev is not None and prev.capitalised and _adjacent(tokens, i - 1, j) and \
                prev.lower in lx.first_names() and prev.lower not in _CUES_AND_DIRECTIONS:
            return True  # "Hulusi Akar": a given name, then a surname that is also a village
        if prev is not None and j - i == 1 and prev.capitalised and \
                _adjacent(tokens, i - 1, j) and _key(prev.text) not in self.names and \
                prev.lower not in _DIRECTIONS_AND_TITLES and _speaker(tokens, i - 1, j):
            return True  # "said Babakura Kolo": a name no list holds, then a Polish town's
        # "Andrew Hopkins", "Jordan Smith": a given name that is also a place, then a surname;
        # a capital's name too ("Victoria Beckham", "Santiago Bernabeu") when the word after it
        # is rare and names no town ("London Bridge", "Paris Agreement" stay the city's)
        return nxt is not None and nxt.capitalised and _adjacent(tokens, i, j + 1) and \
            j - i == 1 and tokens[i].lower in lx.first_names() and \
            nxt.lower not in lx.FEATURE_AFTER and nxt.lower not in lx.ORG_WORDS and \
            (importance < 12 or importance < COUNTRY_IMPORTANCE and nxt.text.isalpha() and
             nxt.text[1:].islower() and lx.zipf(nxt.lower) < 4.0
             and self.names.get(_key(nxt.text), (0.0, 0))[0] < HAMLET_IMPORTANCE)

    def _common_word(self, tokens: list[Token], i: int, words: list[str], prev: Token | None,
                     importance: float, lowered: set[str], vouched: bool = False) -> bool:
        """A single word that is more likely the ordinary English word than the place."""
        if len(words) > 1:
            return False
        word, first = words[0], tokens[i]
        if word in lowered and importance < COUNTRY_IMPORTANCE:
            return True  # the text itself uses it as an ordinary word ("reading", "mobile")
        commonness = lx.zipf(word)
        cued = vouched or prev is not None and prev.lower in lx.PLACE_CUES
        if (first.sentence_start or _CLAUSE_START.search(first.gap)) and not cued:
            return commonness >= 3.5 and importance < 12 and \
                not self._known_at_sentence_start(word, commonness, importance)
        # Mid-sentence capitals on a common word mean a title or name ("Food and Drug
        # Administration"); a lone capitalised word there is a proper noun ("in England")
        # unless it is among the most frequent English words (headline case: "Over the").
        return not cued and importance < 10 and (
            commonness >= 5.5 or commonness >= 5.0 and _in_capital_run(tokens, i)
            or importance < HAMLET_IMPORTANCE and commonness >= 4.0
            or importance < WORD_TOWN_IMPORTANCE and _listless_word(tokens, i, prev, word)
            or commonness >= FAMOUS_NAME_ZIPF and importance < SMALL_TOWN_IMPORTANCE and
            self._famous_name(word))

    def _famous_name(self, word: str) -> bool:
        """A name English text uses as often as "Obama" or "Santa" that only a small town is
        called: the person's or brand's, unless it is an English word ("Pacific"), a country's
        short name or abbreviation ("America", "Usa") or a province's ("Texas")."""
        return word not in lx.english_words() and word not in lx.COUNTRY_ALIASES and \
            word not in lx.PLACE_ABBREVIATIONS and not self._names_a_province(word)

    def _known_at_sentence_start(self, word: str, commonness: float, importance: float) -> bool:
        """A frequent word starting a sentence that is still a place: a big city's name that is
        no English word ("Houston has", not "Reading has"), or a province's ("Wisconsin has
        seen...": its importance, with no population in the store, understates it; "Central",
        "Northern" stay words)."""
        if importance >= BIG_CITY_IMPORTANCE and word not in lx.english_words():
            return True
        return commonness < PROVINCE_WORD_ZIPF and word not in lx.PLACE_CUES and \
            word not in _NAME_PART_WORDS and word[:-1] not in _NAME_PART_WORDS and \
            self._names_a_province(word)

    def _loosely_known_run(self, tokens: list[Token], i: int, text: str) -> int | None:
        """The end of the run of two or three capitalised words from token i that the store
        knows by a looser spelling ("Middle Shabelle" for Shabeellaha Dhexe, "Lower
        Shabeelle"), or None: no title, date, organisation or common word among them."""
        end = i + 1
        while end < len(tokens) and end - i < LOOSE_RUN_TOKENS and tokens[end].capitalised \
                and tokens[end].gap == " " and tokens[end].sentence == tokens[i].sentence:
            end += 1
        run = tokens[i:end]
        if len(run) < 2 or end < len(tokens) and tokens[end].capitalised or any(
                t.lower in _DATE_WORDS or t.lower in lx.TITLES or t.lower in lx.ORG_WORDS or
                t.text.isupper() for t in run) or lx.zipf(run[-1].lower) >= 4.0:
            return None
        return self._loose_name(text[run[0].start:run[-1].end], end)[0]

    def _listed_after_place(self, tokens: list[Token], i: int,
                            ends: dict[int, Mention]) -> bool:
        """Token i is a name joined by "and"/"or" to a place the text marks as one, which the
        store knows by a looser spelling in a country of that place: "in Hiiraan and Galgaduud"
        (Galguduud; not "in Kabul and Ahmad", whose Al Ahmadi is Kuwait's)."""
        tok = tokens[i]
        if i < 2 or tokens[i - 1].lower not in ("and", "or") or tokens[i - 2].end not in ends \
                or i + 1 < len(tokens) and tokens[i + 1].capitalised and \
                tokens[i + 1].gap in _ADJACENT_GAPS or tok.text.isupper() or \
                lx.zipf(tok.lower) >= 4.0 or tok.lower in self.demonyms or \
                tok.lower in _DATE_WORDS:
            return False
        listed = ends[tokens[i - 2].end]
        if not _cued(tokens, bisect_left(tokens, listed.start, key=_TOKEN_START)):
            return False
        return bool(self._countries_of(tok.text) &
                    self._countries_of(listed.text, loose_match=False))

    def _countries_of(self, name: str, loose_match: bool = True) -> set[str]:
        """The countries of the places the store knows by ``name`` (loosely, or only exactly;
        the store's own cache keeps the lookups)."""
        return {c.place.country_code for c in self.gazetteer.lookup(
            name, limit=LIST_NAMESAKES, loose_match=loose_match, names=False)}

    def _cued_unknowns(self, tokens: list[Token], capitals: list[int], found: list[Mention],
                       text: str) -> list[Mention]:
        """Capitalised names the text marks as places ("village of X", "X district")."""
        taken = {(m.start, m.end) for m in found}
        starts = [m.start for m in found]
        # areas that may follow a village in parentheses: not a country or a state
        # abbreviation, which say whose a person is ("Alexis Mourre (France)", "Sen. Wyden (Ore.)")
        areas_at = {m.start for m in found if text[max(0, m.start - 2):m.start] == " (" and
                    m.kind == "place" and
                    self.names.get(_key(m.text), (0.0, 0))[0] < COUNTRY_IMPORTANCE and
                    not lx.state_abbreviation(m.text) and not text.startswith(".", m.end)}
        extra: list[Mention] = []
        after = 0  # the end of the last compound name taken whole
        # the places found, by where they end: "in Hiiraan" of "in Hiiraan and"
        ends = {m.end: m for m in found if m.kind == "place"}
        for i in capitals:
            tok = tokens[i]
            if tok.sentence_start and i + 1 >= len(tokens):
                continue
            if _inside(tok.start, starts, found) or tok.start < after:
                continue
            compound = _compound_end(tokens, i, _name_run_end(tokens, i))
            if compound is not None:  # "in Bab al-Tabbaneh", "Ras al-Ain district": whole
                if _cued(tokens, i) or _cued(tokens, compound - 1):
                    extra.append(Mention(text=text[tok.start:tokens[compound - 1].end],
                                         start=tok.start, end=tokens[compound - 1].end))
                after = tokens[compound - 1].end
                continue
            if self._listed_after_place(tokens, i, ends) or _later_of_kind_list(tokens, i):
                extra.append(Mention(text=tok.text, start=tok.start, end=tok.end))
                continue
            if not _cued(tokens, i) and not _DESCRIBED.match(text, tok.end):
                if text.startswith(" (", tok.end) and tok.end + 2 in areas_at:
                    first = _before_its_area(tokens, i, starts, found)
                    if first is not None:
                        extra.append(Mention(text=text[tokens[first].start:tok.end],
                                             start=tokens[first].start, end=tok.end))
                continue
            followed = i + 1 < len(tokens) and tokens[i + 1].capitalised and \
                _adjacent(tokens, i, i + 2) and tokens[i + 1].lower not in lx.FEATURE_AFTER
            if followed and _cued(tokens, i):
                end = self._loosely_known_run(tokens, i, text)
                if end is None and (not _inside(tokens[i + 1].start, starts, found) or
                                    tokens[i + 1].lower in lx.TOWN_ENDINGS):
                    # not across a name found already ("the district of Gmina Jednorożec", "the
                    # towns of Slovenian Istria"), save a town's ending: "the city of Qorvan
                    # Springs" is no Springs, South Africa (_leftmost_longest drops that match)
                    end = _headed_name_end(tokens, i)
                if end is not None:  # "in Lower Shabelle": the store's "Lower Shabeelle"
                    extra.append(Mention(text=text[tok.start:tokens[end - 1].end],
                                         start=tok.start, end=tokens[end - 1].end))
                    after = tokens[end - 1].end
                continue
            if not followed and tok.lower not in _NEVER_UNKNOWN and \
                    (tok.start, tok.end) not in taken and not tok.text.isupper() and \
                    lx.zipf(tok.lower) < 4.0 and tok.lower not in self.demonyms:
                end = _with_feature_words(tokens, i, i + 1)[1]  # "Tarvokai Island" whole
                extra.append(_with_direction(tokens, i, Mention(
                    text=text[tok.start:tokens[end - 1].end], start=tok.start,
                    end=tokens[end - 1].end), text))
        return extra

    def _repeated_unknowns(self, tokens: list[Token], capitals: list[int],
                           found: list[Mention], unknown: list[Mention], text: str
                           ) -> list[Mention]:
        """One sense per document: a name the store lacks that the text has marked as a place
        ("in occupied Karabakh") is a place where it stands again uncued ("Karabakh is inside
        Azerbaijan"), unless its context there says otherwise (a person, an organisation)."""
        spelt = {tuple(t.text for t in tokens[span[0]:span[1]]) for m in unknown
                 if m.kind == "place" and _key(m.text) not in self.names and
                 (span := _token_span(tokens, m)) and _marked_a_place(tokens, *span)}
        if not spelt:
            return []
        lengths = sorted({len(s) for s in spelt}, reverse=True)
        taken = sorted(found, key=lambda m: m.start)
        starts = [m.start for m in taken]
        lowered = {t.lower for t in tokens if not t.capitalised}
        extra: list[Mention] = []
        for i in capitals:
            if _inside(tokens[i].start, starts, taken) or \
                    i > 0 and tokens[i - 1].capitalised and _adjacent(tokens, i - 1, i + 1) \
                    and tokens[i - 1].sentence == tokens[i].sentence:
                continue  # inside a mention, or the end of a longer name ("Mount Talish")
            n = next((n for n in lengths if i + n <= len(tokens) and
                      tuple(t.text for t in tokens[i:i + n]) in spelt and
                      _adjacent(tokens, i, i + n)), None)
            if n is None or i + n < len(tokens) and tokens[i + n].capitalised and \
                    _adjacent(tokens, i, i + n + 1):
                continue
            mention = self._classify(tokens, i, i + n, 0.0, None, lowered, text, vouched=True)
            if mention is not None and not any(
                    m.start < mention.end and mention.start < m.end for m in extra):
                extra.append(mention)
        return extra


def _marked_a_place(tokens: list[Token], i: int, j: int) -> bool:
    """The words around the name of tokens i..j-1 say it is a place, not only that something
    is in or at it ("in Jaqueline's death", "at the Cacophony Society"): "the village of X",
    "X district", "in occupied X", "near X"."""
    if j - i == 1 and _ADJECTIVE_ENDING.search(tokens[i].lower) or _in_longer_name(tokens, i):
        return False  # "Acadian settlement", "Uttara Kannada district", "Sierra del Molar"
    before = [t.lower for t in tokens[max(0, i - 2):i]]
    if j < len(tokens) and tokens[j].lower in lx.FEATURE_AFTER and tokens[j].gap == " ":
        return True
    return before[-1:] == ["near"] or _place_words_before(before)


# a people's or an era's adjective before a kind word ("Acadian settlement", "Hellenistic
# city", "Karamanid state") is no name of its own (not "-ish" or "-an": Talish, Hamadan)
_ADJECTIVE_ENDING = re.compile(r"(?:[ie]an|ic|ese|id)$")
_NAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "do", "dos", "das", "la", "le",
                             "les", "el", "al", "y", "sur", "am", "im", "en"})


def _in_longer_name(tokens: list[Token], i: int) -> bool:
    """Token i goes on a name begun before it: "Kannada" of "Uttara Kannada", "Molar" of
    "Sierra del Molar"."""
    k = i - 1
    if k >= 0 and tokens[k].lower in _NAME_PARTICLES and _adjacent(tokens, k, i + 1):
        k -= 1
    return k >= 0 and tokens[k].capitalised and _adjacent(tokens, k, i + 1) and \
        tokens[k].sentence == tokens[i].sentence and not tokens[i].sentence_start


def _token_span(tokens: list[Token], m: Mention) -> tuple[int, int] | None:
    """The indices (first, one past the last) of the tokens a mention spans; None if it does
    not start at a token."""
    k = _token_at(tokens, m.start)
    if k is None:
        return None
    j = k
    while j < len(tokens) and tokens[j].end <= m.end:
        j += 1
    return k, j


def _headed_name_end(tokens: list[Token], i: int) -> int | None:
    """The end of an unknown name of two words: an Arabic head word and a rare capitalised word
    after it ("near Ras Lanuf", "in Bir Hakeim"), or two rare words after a kind word and "of"
    ("the village of Wad Ashib"), the second perhaps a town's ending ("Qorvan Springs")."""
    before = [t.lower for t in tokens[max(0, i - 2):i]]
    # (only a kind word: "in northern Wollo Ethiopia", "west of Casement Aerodrome" are not one)
    kind_of = before[-1:] == ["of"] and before[0] in lx.FEATURE_BEFORE and \
        lx.zipf(tokens[i].lower) < 4.0
    if tokens[i].lower not in lx.TOPONYM_HEADS and not kind_of:
        return None
    nxt = tokens[i + 1]
    if lx.zipf(nxt.lower) >= 4.0 and not (kind_of and nxt.lower in lx.TOWN_ENDINGS) or \
            nxt.text.isupper() or \
            i + 2 < len(tokens) and tokens[i + 2].capitalised and _adjacent(tokens, i, i + 3):
        return None
    return i + 2


_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*) $")


def _rare_words_before(text: str, start: int, floor: int) -> int:
    """Where a name starting at ``start`` begins once the rare capitalised words right before
    it (a space apart, after ``floor``) are taken in: "Makhmal" of "Makhmal Kocha"."""
    while True:
        word = _WORD_BEFORE.search(text, max(floor, start - 40), start)
        if word is None or lx.zipf(word.group(1).lower()) >= 4.0:
            return start
        start = word.start()


def _with_state_abbreviations(tokens: list[Token], capitals: list[int],
                              mentions: list[Mention], text: str) -> list[Mention]:
    """"Paris, Ky.", "Fresno, CA": the state after a town is a mention of the state, in place
    of whatever town the letters also spell (Kano for "Kan.", Meaux for "Mo."), and the
    capitalised words before it name a town even where nothing else said so ("Newtown, Conn.")."""
    by_end = {m.end for m in mentions}
    found = []
    for k in capitals:
        t = tokens[k]
        if k == 0 or not tokens[k - 1].capitalised or t.gap.strip() != "," or \
                k + 1 < len(tokens) and tokens[k + 1].capitalised and _adjacent(tokens, k, k + 2):
            continue  # "Lambaréné, La Lopé": the start of the next name
        # the abbreviation's own full stop ("Calif."), not one ending a sentence after "NJ"
        end = t.end + (text.startswith(".", t.end) and not t.text.endswith(".") and
                       not t.text.isupper())
        if not lx.state_qualifier(text, t.start, end):
            continue
        found.append(Mention(text=text[t.start:end], start=t.start, end=end))
        if tokens[k - 1].end not in by_end:
            first = tokens[_town_start(tokens, k - 1)]
            found.append(Mention(text=text[first.start:tokens[k - 1].end], start=first.start,
                                 end=tokens[k - 1].end))
    if not found:
        return mentions
    taken = [(m.start, m.end) for m in found]
    return [m for m in mentions if not any(s < m.end and m.start < e for s, e in taken)] + found


def _listless_word(tokens: list[Token], i: int, prev: Token | None, word: str) -> bool:
    """An English dictionary word (that only a small town is called: the caller's test) is
    the word ("Tornado", "Flood", "Grill"), outside a list, where the other names vouch for it
    ("Parkes, Berry and Wyong"), and before no kind word, which makes it a name ("the Swat
    Valley")."""
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return "," not in tokens[i].gap and (prev is None or prev.lower not in ("and", "or")) and \
        nxt not in lx.FEATURE_AFTER and word in lx.english_words()


_AREA_BEFORE_COMMA = {"district", "districts", "province", "area", "village", "city", "town"}


def _cued(tokens: list[Token], i: int) -> bool:
    """The words around token i mark a place: "village of X", "south of X", "X district",
    "in X", "in occupied X", "district, X"."""
    before = [t.lower for t in tokens[max(0, i - 2):i]]
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is not None and after.lower in lx.FEATURE_AFTER and \
            after.lower not in ("state", "republic") and after.sentence == tokens[i].sentence:
        return True
    if before[-1:] and before[-1] in lx.STRONG_CUES:
        return True
    if before[-1:] and before[-1] in _AREA_BEFORE_COMMA and tokens[i].gap.strip() == ",":
        return True  # "in Delaram district, Nimruz": the province that holds the district
    return _place_words_before(before)


def _place_words_before(before: list[str]) -> bool:
    """The two words before a name say it is a place: "the village of X", "south of X", "in
    occupied X"."""
    return len(before) == 2 and (
        before[1] == "of" and (before[0] in lx.FEATURE_BEFORE or before[0] in lx.DIRECTIONS)
        or before[0] in lx.STRONG_CUES and before[1] in lx.PLACE_ADJECTIVES)


def _later_of_kind_list(tokens: list[Token], i: int) -> bool:
    """Token i is a rare word that goes on a list of names opened by a plural kind word: "the
    villages of Mitope, Awasse and Naquitengue" (each a village, known or not)."""
    tok = tokens[i]
    if tok.text.isupper() or lx.zipf(tok.lower) >= 4.0 or \
            i + 1 < len(tokens) and tokens[i + 1].capitalised and tokens[i + 1].gap == " ":
        return False
    k = i
    for _ in range(LIST_STEPS):
        if tokens[k].gap == ", " and k >= 1 and tokens[k - 1].capitalised:
            k -= 1  # "..., Awasse"
        elif k >= 2 and tokens[k - 1].lower in ("and", "or") and tokens[k - 1].gap in (" ", ", ") \
                and tokens[k].gap == " " and tokens[k - 2].capitalised:
            k -= 2  # "... and Naquitengue"
        else:
            return False
        if k >= 2 and tokens[k].gap == " " and tokens[k - 1].lower == "of" and \
                tokens[k - 2].lower in lx.PLURAL_KINDS_BEFORE:
            return True
    return False


def _before_its_area(tokens: list[Token], i: int, starts: list[int], found: list[Mention]
                     ) -> int | None:
    """The first token of the unknown name ending at token i, which an area in parentheses
    follows ("Mbau (Beni, Nord-Kivu)", "Deir Ballut (Salfit)"), or None if the words are not a
    name's: found already, an acronym, ordinary or organisation words, a person's title before."""
    first = _town_start(tokens, i)
    if _inside(tokens[first].start, starts, found) or tokens[i].text.isupper() or \
            first > 0 and tokens[first - 1].lower in lx.TITLES:
        return None
    if any(t.lower in _NAME_PART_WORDS or t.lower in _DATE_WORDS or lx.zipf(t.lower) >= 4.5
           for t in tokens[first:i + 1]):
        return None
    return first


def _vouched_for(tokens: list[Token], i: int, mentions: list[Mention], text: str) -> bool:
    """Token i, starting a sentence, is the place when a place qualifies it ("Austin, in Scott
    County", "Buffalo, New York"), the writer says what it is ("Jackson, the state capital,")
    or the text puts it after "in", "near"... elsewhere (one sense per document; a name kept
    elsewhere for weaker reasons may be a surname)."""
    if _APPOSITION.match(text, tokens[i].end):
        return True  # "Jackson, the state capital,": the writer says what it is
    qualified = _QUALIFIER_GAP.match(text, tokens[i].end)
    for m in mentions:
        if m.kind != "place":
            continue
        if qualified and m.start == qualified.end():
            return True
        k = _token_at(tokens, m.start) if m.text == tokens[i].text else None
        if k and tokens[k - 1].lower in lx.STRONG_CUES and \
                tokens[k - 1].sentence == tokens[k].sentence:
            return True
    return False


def _town_start(tokens: list[Token], j: int) -> int:
    """The first word of the capitalised run ending at token j ("Kansas City"), without a
    sentence's first function word or a cue before it ("The", "In")."""
    i = j
    while i > j - 3 and i > 0 and tokens[i - 1].capitalised and \
            tokens[i].gap in _ADJACENT_GAPS and tokens[i - 1].sentence == tokens[j].sentence and \
            tokens[i - 1].lower not in _CUES_AND_DIRECTIONS and \
            lx.zipf(tokens[i - 1].lower) < FUNCTION_WORD_ZIPF:
        i -= 1
    return i


def _titled(tokens: list[Token], i: int, j: int, prev: Token | None, nxt: Token | None,
            importance: float) -> bool:
    """A name inside a title that begins with a capital "The": mid-sentence ("the band The
    Ramones", "- The Atlantic"), or followed by more capitalised words ("The Copenhagen
    Wheel").  A sentence's own "The" before a name and a lower-case word is the place's ("The
    Vatican is", "The Orkney earthquake")."""
    if prev is None or prev.text != "The" or importance >= COUNTRY_IMPORTANCE or \
            not _adjacent(tokens, i - 1, j):
        return False
    if not (prev.sentence_start or _CLAUSE_START.search(prev.gap)):
        return True
    return nxt is not None and nxt.capitalised and _adjacent(tokens, j - 1, j + 1) and \
        nxt.lower not in lx.ORG_WORDS


def _leftmost_longest(mentions: list[Mention]) -> list[Mention]:
    """The mentions by start, none overlapping: of two that do, the one starting first (or the
    longer) stays.  The rules add names the store lacks after the gazetteer's own, and a
    feature word may join one across the start of a found name: "the Millstone River Valley"
    is "Millstone River", not also the "River Valley" that loosely spells River Vale, Oregon."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def _inside(offset: int, starts: list[int], mentions: list[Mention]) -> bool:
    """The offset falls inside one of the mentions (sorted by start, as found; ``starts`` are
    their starts)."""
    k = bisect_right(starts, offset) - 1
    return k >= 0 and offset < mentions[k].end


_LOCATED = frozenset({"in", "at", "from", "near", "inside", "outside"})


def _mark_metonyms(tokens: list[Token], mentions: list[Mention], names, text: str) -> None:
    """A country or capital that speaks or is spoken to stands for its government."""
    for m in mentions:
        k = _token_at(tokens, m.start) if m.kind == "place" else None
        if k is None:
            continue
        if not _state_named(names, m.text):
            continue
        end = next((x for x in range(k, len(tokens)) if tokens[x].end >= m.end), k)
        after = [t.lower for t in tokens[end + 1:end + 4] if t.sentence == tokens[k].sentence]
        before = [t.lower for t in tokens[max(0, k - 2):k] if t.sentence == tokens[k].sentence]
        possessive = text[m.end:m.end + 2] in ("'s", "’s")
        # "officials in Paris said": the speakers are somewhere, the place does not speak
        located = before[-1:] and before[-1] in _LOCATED
        speaks = not located and any(w in lx.SPEECH_VERBS for w in after[:3]) and \
            (not after or after[0] in lx.SPEECH_VERBS or after[0] in lx.AUXILIARIES)
        spoken_to = len(before) == 2 and before[-1] == "to" and before[0] in lx.OBJECT_CUES or \
            (before[-1:] and before[-1] in lx.OBJECT_VERBS)
        government = after[:1] and after[0] in lx.GOVERNMENT_NOUNS
        # "the US embassy", "the Kabul government": the state that owns it, not a place
        owner = government and not possessive and tokens[end + 1].gap == " " and \
            tokens[end + 1].text.islower()
        if speaks or spoken_to or (government and possessive) or owner or \
                _ACTOR_SUFFIX.match(text, m.end):
            m.kind = "metonym"
            _list_acts_too(mentions, m, names, text, forward=bool(spoken_to and not speaks))


def _state_named(names, name: str) -> bool:
    """The name is a country's or a capital's (importance 10 or more), or a seat of government:
    one that may stand for its government."""
    key = _key(name)
    return names.get(key, (0, 0))[0] >= 10 or key in lx.SEATS_OF_GOVERNMENT


_LOCATED_LIST = re.compile(r"\b(?:" + "|".join(_LOCATED) + r")\s+(?:both\s+)?(?:the\s+)?$", re.I)
_LIST_JOIN = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _list_acts_too(mentions: list[Mention], m: Mention, names, text: str, forward: bool) -> None:
    """"Estonia, Latvia and Lithuania expelled diplomats", "urged Kyiv and Moscow to talk":
    the other countries and capitals of the list the metonym ends (or, spoken to, begins) act
    with it."""
    step = 1 if forward else -1
    # by identity: list.index compares pydantic models field by field, the slower the longer
    k = next(i for i, other in enumerate(mentions) if other is m) + step
    listed = []
    while 0 <= k < len(mentions):
        a, b = (mentions[k - 1], mentions[k]) if forward else (mentions[k], mentions[k + 1])
        if mentions[k].kind != "place" or not _LIST_JOIN.fullmatch(text, a.end, b.start) or \
                not _state_named(names, mentions[k].text):
            break
        listed.append(mentions[k])
        k += step
    first = listed[-1] if listed and not forward else m
    if _LOCATED_LIST.search(text, max(0, first.start - 20), first.start):
        if listed and not forward:  # "officials in both the US and Norway have confirmed":
            m.kind = "place"  # the speakers are there, as for one place (_LOCATED)
        return
    for other in listed:
        other.kind = "metonym"


def _token_at(tokens: list[Token], offset: int) -> int | None:
    """The index of the token starting at ``offset``, if one does (tokens are in text order)."""
    k = bisect_left(tokens, offset, key=_TOKEN_START)
    return k if k < len(tokens) and tokens[k].start == offset else None


@lru_cache(maxsize=100_000)
def _key(name: str) -> str:
    """The gazetteer's name key, cached: the same words recur across a document and a batch."""
    return fold(name)


def _article_before_name(tokens: list[Token], i: int, k: int) -> bool:
    """Token i is the article of the name ending at k: "El" always; "Al" is a given name too
    ("Al Gore visited"), so only after a place cue other than "of" or before a kind word
    ("fighting spread to Al Gezira", "Al Gezira state")."""
    if tokens[i].lower == "el":
        return True
    prev = tokens[i - 1].lower if i > 0 and tokens[i - 1].sentence == tokens[i].sentence else ""
    return prev in lx.PLACE_CUES and prev != "of" or \
        k < len(tokens) and tokens[k].lower in lx.FEATURE_AFTER


def _compound_end(tokens: list[Token], i: int, limit: int) -> int | None:
    """The end of a name that an Arabic article joins to token i ("Bab al-Tabbaneh", "Ras
    al-Ain", "Deir ez-Zor"), within the run that ends at ``limit``; None if there is none."""
    end = None
    for k in range(i + 1, limit):
        if not tokens[k].capitalised or tokens[k].gap != " ":
            break  # "Deir ez-Zor and Ras al-Ain" is two names
        if _ELIDED.match(tokens[k].text):
            end = k + 1
    return end


def _name_run_end(tokens: list[Token], i: int) -> int:
    """The end of the longest stretch from token i that could be one name: the same sentence,
    at most MAX_NAME_TOKENS words, capitalised or connector words, only spaces, hyphens or a
    possessive between them ("People's Republic of China", "Hawke's Bay")."""
    j = i + 1
    while j < len(tokens) and j - i < MAX_NAME_TOKENS and tokens[j].sentence == tokens[i].sentence \
            and (tokens[j].capitalised or tokens[j].lower in lx.CONNECTORS) \
            and (tokens[j].gap in _NAME_GAPS or tokens[j].gap == ". " and
                 tokens[j - 1].lower in _NAME_ABBREVIATIONS):
        j += 1
    return j


def _person_words(tokens: list[Token], capitals: list[int], names: dict) -> set[str]:
    """Words of full personal names in the text: a run of capitalised words opened by a title
    ("Dr. Ivins") or by a given name ("Bruce Edwards Ivins"), its later words not big places."""
    people: set[str] = set()
    given = lx.first_names()
    for k in capitals:
        t = tokens[k]
        if k + 1 == len(tokens) or not (t.lower in lx.TITLES or t.lower in given) or \
                t.lower in _CUES_AND_DIRECTIONS or lx.zipf(t.lower) >= 5.5:
            continue
        run = k + 1
        while run < len(tokens) and run - k <= 3 and tokens[run].capitalised and \
                _adjacent(tokens, k, run + 1) and tokens[run].lower not in lx.ORG_WORDS:
            run += 1
        if run - k < 2 or run - k > 3:
            continue  # a lone word or a long title ("Democratic Republic of ...")
        for w in tokens[k + 1:run]:
            if names.get(_key(w.text), (0.0, 0))[0] < 10 and w.lower not in lx.FEATURE_AFTER:
                people.add(w.lower)
    return people


def _surname_after(tokens: list[Token], i: int, names: dict) -> bool:
    """Token i is a given name and the word right after it is shaped like a surname: one
    capitalised word of letters, no big town's name, nor an organisation's, feature's or date's
    word, and no organisation's word after it ("Israel Defense Forces")."""
    k = i + 1
    if k >= len(tokens) or tokens[i].lower not in lx.first_names() or \
            not _adjacent(tokens, i, k + 1):
        return False
    word = tokens[k]
    if not (word.text.isalpha() and word.text[0].isupper() and word.text[1:].islower()) or \
            word.lower in lx.ORG_WORDS or word.lower in lx.FEATURE_AFTER or \
            word.lower in lx.TITLES or word.lower in lx.MONTHS or word.lower in lx.WEEKDAYS or \
            names.get(_key(word.text), (0.0, 0))[0] >= BIG_CITY_IMPORTANCE:
        return False
    run = k + 1
    while run < len(tokens) and run - k < 3 and tokens[run].capitalised and \
            _adjacent(tokens, run - 1, run + 1):
        if tokens[run].lower in lx.ORG_WORDS or tokens[run].lower in lx.FEATURE_AFTER:
            return False
        run += 1
    return True


def _opens_a_full_name(tokens: list[Token], i: int, prev: Token | None, names: dict) -> bool:
    """Token i is the given name of a person named in full: a surname follows, and a title
    stands before ("Defence Minister Israel Katz") or a person's words after ("Jordan Henderson
    said", "Chad Smith, 52,", "Chad Smith, a drummer")."""
    if not _surname_after(tokens, i, names):
        return False
    if prev is not None and prev.lower in ROLES and _adjacent(tokens, i - 1, i + 1):
        return True
    return _person_after(tokens, i + 2) or _acts_after(tokens, i, prev, names)


# past tenses without "-ed" that follow a person's name in news ("Jordan Peele made")
_IRREGULAR_PAST = {"met", "spoke", "made", "took", "gave", "won", "led", "left", "held", "sent",
                   "went", "came", "became", "began", "saw", "paid", "flew", "ran", "brought",
                   "thought", "lost", "fought", "got", "kept", "sought", "beat", "knew", "wore"}


def _acts_after(tokens: list[Token], i: int, prev: Token | None, names: dict) -> bool:
    """A verb in the past follows a given name and a rare surname no place is called: "Georgia
    Meloni met", "Chad Kouame scored" (not "the Chad Basin shrank": an article before)."""
    k = i + 2
    if k >= len(tokens) or tokens[k].capitalised or tokens[k].gap != " " or \
            prev is not None and prev.lower == "the":
        return False
    surname = tokens[i + 1]
    verb = tokens[k].lower
    return _key(surname.text) not in names and lx.zipf(surname.lower) < 4.0 and \
        (verb.endswith("ed") and len(verb) > 4 or verb in _IRREGULAR_PAST or verb in lx.SAID)


def _person_after(tokens: list[Token], k: int) -> bool:
    """Token k follows a person's name: a reporting verb, an age or a role set off."""
    if k >= len(tokens):
        return False
    if tokens[k].lower in lx.SAID and tokens[k].gap.strip() == "":
        return True
    age = tokens[k].gap.strip() == "," and tokens[k].text.isdigit() and \
        k + 1 < len(tokens) and tokens[k + 1].gap.strip().startswith(",")
    return age or _role_after(tokens, k)


def _speaking_alone(tokens: list[Token], capitals: list[int]) -> set[str]:
    """Capitalised words that speak alone, as news cites a person by the surname ("Katz
    added", "Henderson, 34, said"): no capitalised word or "the" right before them."""
    alone = set()
    for k in capitals:
        before = tokens[k - 1] if k > 0 else None
        if (before is None or before.lower != "the" and not (
                before.capitalised and _adjacent(tokens, k - 1, k + 1))) and \
                _person_after(tokens, k + 1):
            alone.add(tokens[k].lower)
    return alone


def _not_a_name(tokens: list[Token], i: int, j: int, words: list[str], nxt: Token | None,
                importance: float, text: str) -> bool:
    """Months, weekdays, acronyms, titles, organisation and feature words, function words,
    currency prefixes ("US$5"), disease names ("Marburg virus"): not place names here."""
    if len(words) == 1 and (words[0] in lx.MONTHS or words[0] in lx.WEEKDAYS or
                            words[0] in lx.HOLIDAYS or words[0] in lx.PEOPLES):
        return True
    if i > 0 and tokens[i - 1].lower in lx.PEOPLES and tokens[i - 1].capitalised and \
            _adjacent(tokens, i - 1, j):
        return True  # "the Arab Spring", "the Arab League": not Spring, Texas
    if len(words) == 1 and words[0] in lx.NEWS_AGENCIES and nxt is not None and \
            (nxt.lower in lx.SAID or nxt.lower in ("news", "agency", "reported", "quoted")):
        return True  # "Xinhua reported", "Fars news agency"
    if text[tokens[j - 1].end:tokens[j - 1].end + 1] == "$":
        return True
    if nxt is not None and nxt.lower in lx.DISEASE_WORDS and not nxt.capitalised:
        return True
    if j - i == 1 and tokens[i].text[:2].isupper() and not tokens[i].text.isupper() and \
            "-" not in tokens[i].text and importance < COUNTRY_IMPORTANCE:
        return True  # "FAMa", "MONUSCOs": an acronym with a small letter, not Fama, Brazil
    if _all_caps_acronym(tokens[i:j]) and importance < COUNTRY_IMPORTANCE:
        # "UN", "OSCE", not "UK", a dateline ("BENI, Congo (AP) -") or a big city in capitals,
        # short ones after "in" too ("in NYC", "in LA"; not "in TRC Walters' grant")
        return not (_abbreviation(tokens[i:j]) or
                    lx.dateline(text, tokens[i].start, tokens[i].end) or
                    importance >= BIG_CITY_IMPORTANCE and
                    (len(words[0]) >= 4 or i > 0 and tokens[i - 1].lower in _BEFORE_CITY_CODES
                     and not (nxt is not None and nxt.capitalised)))
    commonest = min(map(lx.zipf, words))
    if commonest >= FUNCTION_WORD_ZIPF and (importance < 10 or commonest >= 6.5 and
                                            importance < COUNTRY_IMPORTANCE):
        return True  # "To Be", "ON A", "Was" (an abbreviation of Washington): function words
    if len(words) == 1 and words[0] in lx.FEATURE_AFTER and i > 0 and \
            tokens[i - 1].capitalised and _adjacent(tokens, i - 1, j):
        return True  # "Waiheke Island": the end of a name the gazetteer lacks, not Iceland
    # "Secretary", "Agency", "West", "Village" matched alone
    return len(words) == 1 and importance < COUNTRY_IMPORTANCE and \
        words[0] in _NAME_PART_WORDS


def _speaker(tokens: list[Token], i: int, j: int) -> bool:
    """Tokens i..j-1 name a speaker: a reporting verb before them ("said X Y") or a person's
    role set off after them ("X Y, a leader of the militia,")."""
    if i > 0 and tokens[i - 1].lower in lx.SAID and tokens[i].gap.strip() == "":
        return True
    return _role_after(tokens, j)


def _role_after(tokens: list[Token], j: int) -> bool:
    """A person's role is set off at token j: ", a leader of the militia,"."""
    if j >= len(tokens) or tokens[j].gap.strip() != "," or \
            tokens[j].lower not in ("a", "an", "the"):
        return False
    return any(t.lower in ROLES for t in tokens[j + 1:j + 4])


# what a person named in a story is: "X Y, a leader of", "X Y, the local governor"
ROLES = lx.TITLES - {"said", "told"} | lx.PRESS_WORDS | {
    "official", "resident", "witness", "elder", "activist", "chief", "head", "member",
    "farmer", "trader", "teacher", "doctor", "survivor", "father", "mother", "brother"}


def _unknown_word_before(tokens: list[Token], i: int, prev: Token | None, nxt: Token | None,
                         names: dict) -> bool:
    """A rare capitalised word the gazetteer does not know stands right before the match, and a
    feature word after it: the three are one unknown name and its kind ("Nahri Saraj district")."""
    return prev is not None and nxt is not None and nxt.lower in lx.FEATURE_AFTER and \
        prev.capitalised and _adjacent(tokens, i - 1, i + 1) and lx.zipf(prev.lower) < 4.0 and \
        _key(prev.text) not in names and prev.lower not in _DIRECTIONS_AND_TITLES


def _starts_a_longer_name(tokens: list[Token], i: int, j: int, prev: Token | None,
                          nxt: Token | None) -> bool:
    """A capitalised "Great", "Little", "Big" or "National" right before a match that ends
    the capitalised run begins a longer name (the store would have matched "Great Britain" or
    "Little Rock" whole); "the Great Alaska Earthquake" still happened in Alaska."""
    return prev is not None and prev.capitalised and prev.lower in lx.NAME_STARTERS and \
        _adjacent(tokens, i - 1, j) and \
        not (nxt is not None and nxt.capitalised and _adjacent(tokens, i, j + 1))


def _abbreviation(tokens: list[Token]) -> bool:
    """A country or state abbreviation written in capitals ("UK", "U.S.", "NSW")."""
    return len(tokens) == 1 and tokens[0].text.isupper() and \
        tokens[0].lower.rstrip(".") in lx.PLACE_ABBREVIATIONS


def _in_capital_run(tokens: list[Token], i: int) -> bool:
    """Token i has a capitalised neighbour (not a capitalised "A"/"The") in its phrase, directly
    or across "of"/"&"."""
    for k in (i - 1, i + 1, i - 2, i + 2):
        near = (k, i) if k < i else (i, k)
        if 0 <= k < len(tokens) and tokens[k].capitalised and \
                _adjacent(tokens, near[0], near[1] + 1) and lx.zipf(tokens[k].lower) < 6.0 and \
                (abs(k - i) == 1 or tokens[(k + i) // 2].lower in ("of", "&")):
            return True
    return False


def _adjacent(tokens: list[Token], i: int, j: int) -> bool:
    """Tokens i..j-1 are separated only by a space or a hyphen (no commas, no line breaks)."""
    for k in range(max(i, 0) + 1, j):
        if tokens[k].gap not in _ADJACENT_GAPS:
            return False
    return True


def _all_caps_acronym(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].text.isupper() and len(tokens[0].text) <= 5


def _org_follows(tokens: list[Token], j: int, backwards: bool = False) -> bool:
    """The name is followed (or, backwards, preceded) in its capitalised run by an organisation
    word ("OSCE Minsk Group", "University of Tartu"), or by a press word ("White House press")."""
    step = -1 if backwards else 1
    k = j - 1 if backwards else j
    link = 1 if backwards else 0  # token k joins the run by its own gap or its right neighbour's
    for _ in range(3):
        if not 0 <= k < len(tokens) or tokens[k + link].gap not in _ADJACENT_GAPS:
            return False
        word = tokens[k]
        if backwards and word.lower in ("of", "for"):
            k += step  # "University of Tartu", "Institute for X"
            continue
        if not word.capitalised:
            return not backwards and (word.lower in lx.PRESS_WORDS or
                                      word.lower in lx.LOWER_ORG_WORDS)
        if word.lower == "the":
            return False  # "could reach Africa - The Rakyat Post": a headline's source
        if word.lower in lx.ORG_WORDS:
            return True
        k += step
    return False


def _with_feature_words(tokens: list[Token], i: int, j: int) -> tuple[int, int]:
    """Take in a capitalised feature word that is part of the name: "Baltic Sea", "Lake Erie",
    "Nyanza Province", "Fort Hood" (the name alone is the gazetteer's, the whole is the text's)."""
    if j < len(tokens) and tokens[j].capitalised and tokens[j].lower in lx.FEATURE_AFTER \
            and tokens[j].lower not in lx.FEATURE_NOT_IN_NAME and _adjacent(tokens, i, j + 1) \
            and not tokens[j].text.isupper():
        j += 1
    if i > 0 and tokens[i - 1].capitalised and tokens[i - 1].lower in lx.FEATURE_PREFIXES \
            and _adjacent(tokens, i - 1, j):
        i -= 1
    return i, j


def _with_direction(tokens: list[Token], i: int, mention: Mention, text: str) -> Mention:
    """Extend "Caucasus" to "South Caucasus", "Karabakh" to "Upper Karabakh"."""
    k = i - 1
    if k >= 0 and tokens[k].capitalised and tokens[k].lower in lx.DIRECTIONS and \
            _adjacent(tokens, k, i + 1):
        mention.start = tokens[k].start
        mention.text = text[mention.start:mention.end]
    return mention
