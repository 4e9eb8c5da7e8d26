"""Dates: resolve the date expressions of a sentence against the article's publication date.

Returns ACLED-style ``(date, time_precision)``: 1 a day, 2 a week or span (its middle), 3 a month.
News reports speak relative to their own day ("on Monday", "yesterday"), so every relative
expression is counted back from the publication date, never forward: news is about the past.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)? " + _MON +
                        r"(?:,? (?P<year>\d{4}))?\b", re.I)
_MONTH_DAY = re.compile(r"\b" + _MON +
                        r" (?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,? (?P<year>\d{4}))?", re.I)
_SPAN = re.compile(r"\bbetween (?P<d1>\d{1,2}) and (?P<day>\d{1,2}) " + _MON +
                   r"(?:,? (?P<year>\d{4}))?", re.I)
_WEEKDAY = re.compile(r"\b(?P<wd>" + "|".join(WEEKDAYS) + r")\b", re.I)
_RELATIVE = [  # (pattern, days back, precision)
    (re.compile(r"\b(?:yesterday|last night)\b", re.I), 1, 1),
    (re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight)\b", re.I), 0, 1),
    (re.compile(r"\b(?:last|past|previous) week\b", re.I), 7, 2),
    (re.compile(r"\b(?:earlier )?this week\b", re.I), 0, 2),
    (re.compile(r"\b(?:earlier )?this (?:month|year)\b|\blast month\b", re.I), 0, 3),
]

_DIGIT = re.compile(r"\d")
Resolved = tuple[dt.date | None, int | None]


def resolve(sentence: str, published: dt.date | None) -> Resolved:
    """The date a sentence's event happened, or (None, None) when it names none.

    >>> resolve("Shelling began early Sunday.", dt.date(2020, 9, 28))
    (datetime.date(2020, 9, 27), 1)
    """
    digits = _DIGIT.search(sentence) is not None
    for finder in ((_span, _absolute) if digits else ()) + (_weekday, _relative):
        found = finder(sentence, published)
        if found[0] is not None:
            return found
    return None, None


def _year_for(month: int, year: str | None, published: dt.date | None) -> int | None:
    if year:
        return int(year)
    if published is None:
        return None
    # "on December 30" in a January article is last year's December
    return published.year - 1 if month > published.month + 1 else published.year


def _make(year: int | None, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if year else None
    except ValueError:
        return None


def _span(sentence: str, published: dt.date | None) -> Resolved:
    m = _SPAN.search(sentence)
    if not m:
        return None, None
    month = MONTHS[m["mon"].lower()]
    year = _year_for(month, m["year"], published)
    first, last = _make(year, month, int(m["d1"])), _make(year, month, int(m["day"]))
    if first is None or last is None:
        return None, None
    return first + (last - first) / 2, 2  # ACLED codes a span at its middle


def _absolute(sentence: str, published: dt.date | None) -> Resolved:
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        m = pattern.search(sentence)
        if m:
            month = MONTHS[m["mon"].lower()]
            day = _make(_year_for(month, m["year"], published), month, int(m["day"]))
            if day is not None:
                return day, 1
    return None, None


def _weekday(sentence: str, published: dt.date | None) -> Resolved:
    m = _WEEKDAY.search(sentence)
    if not m or published is None:
        return None, None
    back = (published.weekday() - WEEKDAYS.index(m["wd"].lower())) % 7
    return published - dt.timedelta(days=back), 1


def _relative(sentence: str, published: dt.date | None) -> Resolved:
    if published is None:
        return None, None
    for pattern, back, precision in _RELATIVE:
        if pattern.search(sentence):
            return published - dt.timedelta(days=back), precision
    return None, None


_YEAR = re.compile(r"\b(?:in|since|of|during|after|before|until) (?:the )?(?:early |late |mid-)?"
                   r"(?P<year>1[89]\d\d|20\d\d)(?P<s>s)?\b|\b(?P<y2>1[89]\d\d|20\d\d)s\b", re.I)


def past_years(sentence: str, published: dt.date | None) -> list[int]:
    """Years (or decades) named in the sentence that lie before the publication year.

    >>> past_years("A ceasefire was agreed in 1994.", dt.date(2020, 9, 28))
    [1994]
    """
    this_year = published.year if published else dt.date.today().year
    years = [int(m["year"] or m["y2"]) for m in _YEAR.finditer(sentence)]
    return [y for y in years if y < this_year]
