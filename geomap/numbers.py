"""Numbers: casualty figures in a sentence, with new deaths, wounded and cumulative tolls apart.

ACLED's rules: the lowest reported figure; "several" = 3, "dozens" = 12, "hundreds" = 100.
A toll ("bringing the death toll to 59", "a total of 40") counts every death so far, not the day's,
so it is kept apart from the new deaths the sentence reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
VAGUE = {"several": 3, "a few": 3, "few": 3, "dozens": 12, "a dozen": 12, "dozen": 12,
         "scores": 20, "hundreds": 100, "a hundred": 100, "thousands": 1000}
PERSON = ("civilian|soldier|man|woman|child|boy|girl|policeman|police officer|member|commander|"
          "militant|fighter|person|resident|student|teacher|officer|guard|serviceman|worker|"
          "elder|cleric|scholar|insurgent|recruit|driver|farmer|journalist|official|personnel")
_WORDNUM = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
NUMBER = re.compile(
    r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+|(?:" + _WORDNUM + r")(?:[- ](?:" + _WORDNUM + r"))?"
    r"|a dozen|a few|a hundred|dozens|several|scores|hundreds|thousands"
    r"|(?:a|an)(?= (?:\w+ )?(?:" + PERSON + r")s?\b))\b", re.I)
KILLED = re.compile(r"^(?:killed|killing|dead|died|die|deaths?|fatalities|fatality|lives|"
                    r"lost|perished|slain|massacred|executed|beheaded|shot dead|"
                    r"martyred|casualties)$", re.I)
WOUNDED = re.compile(r"^(?:wounded|wounding|injured|injuring|injuries|hurt|wounds)$", re.I)
TOLL = re.compile(r"\b(?:toll|total|tally|combined|overall|altogether|in all)\b", re.I)
ACTIVE = {"killing": "killed", "killed": "killed", "kill": "killed", "killing": "killed",
          "executed": "killed", "wounding": "wounded", "wounded": "wounded",
          "injuring": "wounded", "injured": "wounded"}
SUBSET = {"including", "among", "incl"}
HINT = re.compile(r"kill|dead|died|death|fatal|wound|injur|toll|total|casualt|lives|lost|slain|"
                  r"martyr|execut|behead|shot|perish|massacr|hurt", re.I)
_WORD = re.compile(r"[\w'-]+|[;:,()]")


@dataclass
class Casualties:
    killed: int | None = None
    wounded: int | None = None
    toll: int | None = None  # a cumulative death toll


def value(word: str) -> int | None:
    """'Twenty-eight' -> 28, '1,200' -> 1200, 'dozens' -> 12; None if not a number."""
    w = word.lower().replace(",", "")
    if w in VAGUE:
        return VAGUE[w]
    if w in ("a", "an"):
        return 1
    if re.fullmatch(r"\d+", w):
        return int(w)
    parts = re.split(r"[- ]", w)
    if all(p in UNITS or p in TENS for p in parts):
        return sum(UNITS.get(p, 0) + TENS.get(p, 0) for p in parts)
    return None


def casualties(sentence: str) -> Casualties:
    """Killed, wounded and cumulative toll figures stated in one sentence.

    >>> casualties("Twenty-eight soldiers were killed, bringing the death toll to 59.")
    Casualties(killed=28, wounded=None, toll=59)
    """
    out = Casualties()
    if not HINT.search(sentence):
        return out  # no casualty word: skip the (costly) number scan
    for m in NUMBER.finditer(sentence):
        if _is_year_or_date(sentence, m):
            continue
        n = value(m["num"])
        if n is None:
            continue
        kind = _kind(sentence[:m.start()], sentence[m.end():])
        if kind == "toll":
            out.toll = n if out.toll is None else min(out.toll, n)  # ACLED: the lowest figure
        elif kind in ("killed", "wounded"):
            setattr(out, kind, (getattr(out, kind) or 0) + n)
    return out


def _is_year_or_date(sentence: str, m: re.Match) -> bool:
    digits = m["num"].replace(",", "")
    after = sentence[m.end():m.end() + 12].lower()
    if digits.isdigit() and 1800 <= int(digits) <= 2100:
        return True
    return bool(re.match(r"\s*(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
                         r"dec)[a-z]*\b|\s*(?:km|kilomet|mile|am|pm|percent|%|years?|days?|"
                         r"hours?|minutes?)", after))


def _kind(before: str, after: str) -> str | None:
    """What a number counts: 'killed', 'wounded', 'toll', or None (something else)."""
    prev = _WORD.findall(before.lower())[-6:]
    nxt = _WORD.findall(after.lower())[:9]
    if re.search(r"(?:toll|total|tally)(?: \w+){0,3} (?:to|of|at|reached|stands at|rose to|"
                 r"is|was|hit|climbed to)\s*(?:at least |more than |over |nearly |about )?$",
                 before.lower()) or (nxt[:2] == ["in", "total"]):
        return "toll"
    if _in_subset(prev):
        return None  # "including 2 commanders": a part of a figure already counted
    if prev and prev[-1] in ACTIVE:  # "killing 3", "killed 3 soldiers", "wounding 5"
        return ACTIVE[prev[-1]]
    return _following_kind(nxt)


def _in_subset(prev: list[str]) -> bool:
    """The number follows "including"/"among" with no casualty word in between."""
    marks = [i for i, w in enumerate(prev) if w in SUBSET]
    return bool(marks) and not any(KILLED.match(w) or WOUNDED.match(w) or w == ";"
                                   for w in prev[marks[-1]:])


def _following_kind(nxt: list[str]) -> str | None:
    for i, w in enumerate(nxt):
        if w in (";", ":", "(", ")") or (w == "," and i > 3):
            return None
        if NUMBER.fullmatch(w) and value(w) is not None and w not in ("a", "an"):
            continue  # "3 soldiers and 2 policemen were killed": each counts
        if WOUNDED.match(w):
            return "wounded"
        if KILLED.match(w):
            return "killed" if not (w == "casualties" and "wounded" in nxt) else None
    return None
