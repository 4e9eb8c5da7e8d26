"""Name keys: how place names are folded so that spellings of one name meet.

Two keys per name:

* ``fold`` (the exact key): case, diacritics and scripts folded to ASCII with ``anyascii``;
  apostrophes and punctuation dropped; hyphens and spaces ignored; "St."/"Ste."/"Mt."/"Ft."
  expanded.  ``Tərtər`` and ``Terter`` share a key; ``Степанакерт`` meets ``Stepanakert``.
* ``loose`` (a consonant skeleton): also merges each run of vowels into one mark and common
  transliteration pairs (kh/x/h, sh/s, ch/c/tch, dzh/dj/j), so ``Tartar`` meets ``Terter``.  It
  over-matches on purpose: only a fallback tier, kept for Latin-script names of some length.
  A query ending in "a" also looks up its ``loose_twin`` (the same with a final "h": Shabwa meets
  Shabwah).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_TOKEN = re.compile(r"[a-z0-9]+")
_APOSTROPHES = re.compile(r"['`´ʹʻʼʽʾʿ’‘]")
_LOOSE_PAIRS = [
    ("dzh", "j"), ("tch", "c"), ("sch", "s"), ("kh", "h"), ("sh", "s"), ("ch", "c"), ("zh", "j"),
    ("dj", "j"), ("gh", "g"), ("ph", "f"), ("ts", "c"), ("tz", "c"), ("x", "h"), ("q", "k"),
    ("w", "v"),
]
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")

#: A loose key is only kept for names at least this long; shorter skeletons collide too often.
LOOSE_MIN_LENGTH = 5


def tokens(name: str) -> list[str]:
    """The folded ASCII tokens of a name, abbreviations expanded."""
    text = unicodedata.normalize("NFKC", name)
    text = _APOSTROPHES.sub("", text)
    text = anyascii(text).lower()
    text = _APOSTROPHES.sub("", text)  # anyascii may produce apostrophes of its own
    return [_ABBREVIATIONS.get(t, t) for t in _TOKEN.findall(text)]


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """The exact lookup key of a name ('' when nothing alphanumeric is left)."""
    return "".join(tokens(name))


@lru_cache(maxsize=100_000)  # every lookup that finds fewer namesakes than asked needs it
def loose(key: str) -> str:
    """The loose key (consonant skeleton) of an exact key; '' when too short to be useful."""
    if len(key) < LOOSE_MIN_LENGTH:
        return ""
    text = key
    for pair, repl in _LOOSE_PAIRS:
        text = text.replace(pair, repl)
    skeleton = _VOWELS.sub("*", _REPEATS.sub(r"\1", text))
    return skeleton if len(skeleton) >= 4 else ""


def with_silent_h(key: str) -> str:
    """An exact key ending in "a" with an "h" added ('' for other keys): a final "-ah"
    transliterates a silent letter that spellings keep or drop (Shabwa for Shabwah, Hodeida for
    Hodeidah).  GeoNames mostly keeps the "h" and news drops it; the other way round, see
    ``without_silent_h``."""
    return key + "h" if key.endswith("a") else ""


def without_silent_h(key: str) -> str:
    """An exact key ending in "ah" less its "h" ('' for other keys): "Hodeidah" for a place
    the store calls Hodeida.  Only for places in ARABIC_NAMED countries, where the final "h"
    writes a silent letter (elsewhere it may be sounded: "Connah" is no "Conna")."""
    return key[:-1] if key.endswith("ah") and len(key) > 4 else ""


def loose_twin(key: str) -> str:
    """The loose key of ``with_silent_h(key)`` ('' when there is none), for a lookup that also
    finds the spelling with the "h".  Computed at lookup time, so stores need no rebuild."""
    skeleton = loose(key) if with_silent_h(key) else ""
    return skeleton + "h" if skeleton.endswith("*") else ""


#: The Arabic article as English news writes it apart before a name ("Al Gezira", "El Fasher");
#: GeoNames has some names with it and some without ("Gezira", "Al Jazirah").
ARTICLES = ("al", "el")
_ARTICLE = re.compile(r"(?:" + "|".join(ARTICLES) + r")[ -](?=\w)", re.IGNORECASE)
#: Where a name's article may be dropped: the Arab League's members, Western Sahara and Chad.
#: Elsewhere "El" is part of the name ("El Estero" in Peru is no Estero).
ARABIC_NAMED = frozenset({"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR",
                          "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH",
                          "TD"})


def without_article(name: str) -> str:
    """The name less a leading Arabic article ("Al Gezira" -> "Gezira"), or '' if it has none;
    only places in ARABIC_NAMED countries may be called so."""
    m = _ARTICLE.match(name)
    return name[m.end():] if m else ""


def is_latin(name: str) -> bool:
    """True when the name's letters are all Latin script (used to pick names for English text)."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True
