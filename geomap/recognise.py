"""Recognise: find place-name mentions in English text, with character offsets and a kind.

Gazetteer-driven: capitalised token runs are matched longest-first against every Latin-script
name key the gazetteer holds (one dict lookup per n-gram, no regex per name).  Rules then tell
places from people, organisations, demonyms, metonyms, months and common words, and cue phrases
("the village of X", "near X", "X district") add places the gazetteer does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer import Gazetteer
from gazetteer.names import fold

from . import lexicon as lx
from .models import Document, Mention

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*\n|\n(?=\s*[A-Z\"“])")
MAX_NAME_TOKENS = 6
COUNTRY_IMPORTANCE = 15.0  # countries score 15-19 in the gazetteer's importance scale


@dataclass
class Token:
    start: int
    end: int
    text: str
    sentence_start: bool
    sentence: int
    gap: str  # the text between the previous token and this one

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Word tokens with offsets; a trailing possessive ('s) is cut off the token."""
    bounds = [m.end() for m in _SENTENCE_END.finditer(text)]
    tokens, sentence, b = [], 0, 0
    for m in _WORD.finditer(text):
        while b < len(bounds) and bounds[b] <= m.start():
            sentence, b = sentence + 1, b + 1
        word, start = m.group(), m.start()
        word = word.rstrip(".") if not re.fullmatch(r"(?:[A-Z]\.)+", word) else word
        cut = _POSSESSIVE.search(word)
        if cut and len(word) > 2:
            word = word[: cut.start()]
        first = not tokens or tokens[-1].sentence != sentence
        gap = text[tokens[-1].end:start] if tokens else ""
        tokens.append(Token(start, start + len(word), word, first, sentence, gap))
    return tokens


class Recogniser:
    """Finds mentions; one instance per process (it loads the gazetteer's name index)."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.names = gazetteer.name_index()
        self.demonyms = self._demonyms(gazetteer)

    @staticmethod
    def _demonyms(gazetteer: Gazetteer) -> dict[str, str]:
        found: dict[str, tuple[int, str]] = {}
        for c in gazetteer.countries():
            for word in (c["demonym"] or "").split(","):
                word = word.strip()
                for form in (word, word + "s"):
                    if word and found.get(form.lower(), (-1, ""))[0] < (c["population"] or 0):
                        found[form.lower()] = (c["population"] or 0, c["code"])
        return {k: code for k, (_, code) in found.items()}

    def recognise(self, doc: Document) -> Document:
        """Fill ``doc.mentions`` (offsets into ``doc.text``, kinds; places come from resolve)."""
        if doc.only_spans is not None:
            doc.mentions = [Mention(text=doc.text[s:e], start=s, end=e)
                            for s, e in doc.only_spans]
            return doc
        tokens = tokenize(doc.text)
        lowered = {t.lower for t in tokens if not t.capitalised}
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            found = self._match_at(tokens, i, doc.text)
            if found is None:
                i += 1
                continue
            j, mention = found
            mention = self._classify(tokens, i, j, mention, lowered, doc.text)
            if mention is not None:
                mentions.append(mention)
            i = j
        mentions += self._cued_unknowns(tokens, mentions, doc.text)
        mentions.sort(key=lambda m: m.start)
        _mark_metonyms(tokens, mentions, self.names, doc.text)
        doc.mentions = mentions
        return doc

    def _match_at(self, tokens: list[Token], i: int, text: str) -> tuple[int, Mention] | None:
        """The longest gazetteer name (or demonym) starting at token i: (end index, mention)."""
        first = tokens[i]
        if not first.capitalised:
            return None
        for j in range(min(len(tokens), i + MAX_NAME_TOKENS), i, -1):
            last = tokens[j - 1]
            if not last.capitalised or last.sentence != first.sentence:
                continue
            if any(not t.capitalised and t.lower not in lx.CONNECTORS for t in tokens[i:j]):
                continue
            if j - i > 1 and not _adjacent(tokens, i, j):
                continue
            key = fold(" ".join(t.text for t in tokens[i:j]))
            if key in self.names:
                return j, Mention(text=text[first.start:last.end], start=first.start,
                                  end=last.end)
        if first.lower in self.demonyms:
            return i + 1, Mention(text=first.text, start=first.start, end=first.end,
                                  kind="demonym", country_code=self.demonyms[first.lower])
        return None

    def _classify(self, tokens: list[Token], i: int, j: int, mention: Mention,
                  lowered: set[str], text: str) -> Mention | None:
        """Keep, relabel or drop a gazetteer match using its context."""
        if mention.kind == "demonym":
            return mention
        words = [t.lower for t in tokens[i:j]]
        importance, places = self.names[fold(mention.text)]
        prev = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tokens[i].sentence else None
        nxt = tokens[j] if j < len(tokens) and tokens[j].sentence == tokens[i].sentence else None
        if len(words) == 1 and (words[0] in lx.MONTHS or words[0] in lx.WEEKDAYS):
            return None
        if _all_caps_acronym(tokens[i:j]) and importance < COUNTRY_IMPORTANCE:
            return None  # "UN", "OSCE": acronyms are organisations unless a country's code
        if self._common_word(tokens[i], words, prev, importance, lowered):
            return None
        if _org_follows(tokens, j) or _org_follows(tokens, i, backwards=True):
            mention.kind = "organisation_part"
            return mention
        if self._person_like(tokens, i, j, prev, nxt, importance):
            return None
        return _with_direction(tokens, i, mention, text)

    def _person_like(self, tokens, i, j, prev, nxt, importance) -> bool:
        if importance >= COUNTRY_IMPORTANCE:
            return False
        if prev is not None and prev.lower in lx.TITLES:
            return True
        if prev is not None and prev.capitalised and _adjacent(tokens, i - 1, j) and \
                prev.lower in lx.first_names() and prev.lower not in lx.PLACE_CUES | lx.DIRECTIONS:
            return True  # "Hulusi Akar": a given name, then a surname that is also a village
        if nxt is not None and nxt.capitalised and _adjacent(tokens, i, j + 1) and j - i == 1 \
                and tokens[i].lower in lx.first_names() and importance < 12 and \
                nxt.lower not in lx.FEATURE_AFTER and nxt.lower not in lx.ORG_WORDS:
            return True  # "Andrew Hopkins", "Jordan Smith"
        return False

    @staticmethod
    def _common_word(first: Token, words: list[str], prev: Token | None, importance: float,
                     lowered: set[str]) -> bool:
        if len(words) > 1:
            return False
        word = words[0]
        if word in lowered and importance < COUNTRY_IMPORTANCE:
            return True  # the text itself uses it as an ordinary word ("reading", "mobile")
        commonness = lx.zipf(word)
        cued = prev is not None and prev.lower in lx.PLACE_CUES
        if first.sentence_start and not cued:
            return commonness >= 3.5 and importance < 12
        return commonness >= 5.0 and importance < 10 and not cued

    def _cued_unknowns(self, tokens: list[Token], found: list[Mention], text: str
                       ) -> list[Mention]:
        """Capitalised names the text marks as places ("village of X", "X district")."""
        taken = {(m.start, m.end) for m in found}
        covered = [(m.start, m.end) for m in found]
        extra = []
        for i, tok in enumerate(tokens):
            if not tok.capitalised or tok.sentence_start and i + 1 >= len(tokens):
                continue
            if any(s <= tok.start < e for s, e in covered):
                continue
            before = [t.lower for t in tokens[max(0, i - 2):i]]
            after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            cue = (len(before) == 2 and before[1] == "of" and before[0] in lx.FEATURE_BEFORE) or \
                  (after in lx.FEATURE_AFTER and after not in ("state", "republic")
                   and tokens[i + 1].sentence == tok.sentence) or \
                  (before[-1:] and before[-1] in lx.STRONG_CUES) or \
                  (len(before) == 2 and before[0] in lx.STRONG_CUES and before[1] in lx.PLACE_ADJECTIVES)
            followed = i + 1 < len(tokens) and tokens[i + 1].capitalised and \
                _adjacent(tokens, i, i + 2)  # "in John Smith's": not one capitalised word
            if cue and not followed and tok.lower not in lx.MONTHS | lx.WEEKDAYS and \
                    (tok.start, tok.end) not in taken and not _all_caps_acronym([tok]) and \
                    lx.zipf(tok.lower) < 4.0 and tok.lower not in self.demonyms:
                extra.append(_with_direction(
                    tokens, i, Mention(text=tok.text, start=tok.start, end=tok.end), text))
        return extra


def _mark_metonyms(tokens: list[Token], mentions: list[Mention], names, text: str) -> None:
    """A country or capital that speaks or is spoken to stands for its government."""
    by_start = {t.start: k for k, t in enumerate(tokens)}
    for m in mentions:
        if m.kind != "place" or m.start not in by_start:
            continue
        if names.get(fold(m.text), (0, 0))[0] < 10:  # only countries and capitals
            continue
        k = by_start[m.start]
        end = next((x for x in range(k, len(tokens)) if tokens[x].end >= m.end), k)
        after = [t.lower for t in tokens[end + 1:end + 4] if t.sentence == tokens[k].sentence]
        before = [t.lower for t in tokens[max(0, k - 2):k] if t.sentence == tokens[k].sentence]
        possessive = text[m.end:m.end + 2] in ("'s", "’s")
        speaks = any(w in lx.SPEECH_VERBS for w in after[:3]) and \
            (not after or after[0] in lx.SPEECH_VERBS or after[0] in lx.AUXILIARIES)
        spoken_to = len(before) == 2 and before[-1] == "to" and before[0] in lx.OBJECT_CUES or \
            (before[-1:] and before[-1] in lx.OBJECT_VERBS)
        government = after[:1] and after[0] in lx.GOVERNMENT_NOUNS
        if speaks or spoken_to or (government and possessive):
            m.kind = "metonym"


def _adjacent(tokens: list[Token], i: int, j: int) -> bool:
    """Tokens i..j-1 are separated only by a space or a hyphen (no commas, no line breaks)."""
    return all(tokens[k].gap in (" ", "-", " - ") for k in range(max(i, 0) + 1, j))


def _all_caps_acronym(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].text.isupper() and len(tokens[0].text) <= 5


def _org_follows(tokens: list[Token], j: int, backwards: bool = False) -> bool:
    """The name is followed (or, backwards, preceded) in its capitalised run by an organisation
    word ("OSCE Minsk Group", "University of Tartu"), or by a press word ("White House press")."""
    step = -1 if backwards else 1
    k = j - 1 if backwards else j
    for _ in range(3):
        if not 0 <= k < len(tokens) or not _adjacent(tokens, min(k, k - step), max(k, k - step) + 1):
            return False
        word = tokens[k]
        if backwards and word.lower in ("of", "for"):
            k += step  # "University of Tartu", "Institute for X"
            continue
        if not word.capitalised:
            return not backwards and word.lower in lx.PRESS_WORDS
        if word.lower in lx.ORG_WORDS:
            return True
        k += step
    return False


def _with_direction(tokens: list[Token], i: int, mention: Mention, text: str) -> Mention:
    """Extend "Caucasus" to "South Caucasus", "Karabakh" to "Upper Karabakh"."""
    k = i - 1
    if k >= 0 and tokens[k].capitalised and tokens[k].lower in lx.DIRECTIONS and \
            _adjacent(tokens, k, i + 1):
        mention.start = tokens[k].start
        mention.text = text[mention.start:mention.end]
    return mention
