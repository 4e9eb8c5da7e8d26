"""Dates: resolve the date expressions of a sentence against the article's publication date.

Returns ACLED-style ``(date, time_precision)``: 1 a day, 2 a week or span (its middle), 3 a month.
News reports speak relative to their own day ("on Monday", "yesterday"), so every relative
expression is counted back from the publication date, never forward: news is about the past.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from .numbers import VAGUE, fold, value

MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_STEMS = tuple(sorted({name[:3] for name in MONTHS}))
# a search for any stem: plain literals, so the regex engine skips ahead as str.find does
_MONTH_STEM = re.compile("|".join(_MONTH_STEMS))
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# The patterns run on the folded sentence (numbers.fold: re.I's matches, faster); the month and
# weekday names they capture are read there too, folded like the tables' keys.
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)? " + _MON +
                        r"(?:,? (?P<year>\d{4}))?\b")
_MONTH_DAY = re.compile(r"\b" + _MON +
                        r" (?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,? (?P<year>\d{4}))?")
_SPAN = re.compile(r"(?:\bbetween (?P<d1>\d{1,2}) and |\b(?P<d0>\d{1,2}) ?[-–] ?)"
                   r"(?P<day>\d{1,2}) " + _MON + r"(?:,? (?P<year>\d{4}))?")
_WEEKDAY = re.compile(r"\b(?P<wd>" + "|".join(WEEKDAYS) + r")\b")
_RELATIVE = [  # (pattern, days back, precision)
    (re.compile(r"\bthe day before yesterday\b"), 2, 1),
    (re.compile(r"\b(?:yesterday|last night)\b"), 1, 1),
    (re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight)\b"), 0, 1),
    (re.compile(r"\b(?:last|past|previous) week\b"), 7, 2),
    (re.compile(r"\b(?:earlier )?this week\b"), 0, 2),
    (re.compile(r"\b(?:earlier )?this (?:month|year)\b"), 0, 3),
]
# "two days ago", "three weeks ago", "a month ago": counted back by the unit, as precise as it
_AGO = re.compile(r"\b(?P<n>\d{1,2}|a|an|a few|several|[a-z]+(?:-[a-z]+)?) "
                  r"(?P<unit>day|week|month)s? ago\b")
_UNIT_DAYS = {"day": (1, 1), "week": (7, 2), "month": (30, 3)}
# the month before the publication's, at its middle: "late last month" is no day of this one
_LAST_MONTH = re.compile(r"\b(?:last|past|previous) month\b")
# Every match of _RELATIVE holds one of these, every weekday "day": most sentences name no time,
# and a substring test rules them out faster than the patterns do.
_RELATIVE_WORDS = ("yesterday", "last night", "today", "this morning", "this afternoon",
                   "this evening", "tonight", "week", "this month", "this year", "month", " ago")

_DIGIT = re.compile(r"\d")
Resolved = tuple[dt.date | None, int | None]
# A wire story's dateline with its day: "KHARTOUM, March 11 (Reuters) -", "GAZA, 5 Jan (AP) —"
_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’ -]{1,40}(?:,[^\S\n]*[A-Z][\w.'’ -]{1,40}?)?,[^\S\n]*"
                       r"(?P<when>[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})"
                       r"(?:,? \d{4})?[^\S\n]*(?:\([^)\n]{1,40}\)[^\S\n]*)?[-—–]+[^\S\n]")
# Days told from the day the sentence before stated: "the following day", "a day earlier"
# ("the day after" only alone: "the day after Lee surrendered" counts from Lee's surrender)
_DAY_SHIFT = re.compile(r"\b(?:(?P<after>the (?:following|next) (?:day|morning|night)|"
                        r"(?:a|one|two|three) days? later|the day after(?=[.,;]))|"
                        r"(?P<before>the (?:previous|preceding) (?:day|night)|the (?:day|night) "
                        r"before(?=[.,;])|(?:a|one|two|three) days? earlier))\b")
_DAY_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3}


def dateline(text: str, published: dt.date | None) -> tuple[int, dt.date | None]:
    """Where a wire story's dated dateline ends and the day it gives (the day the story was
    filed, which its "on Sunday" counts back from), or (0, None).  A day later than the
    publication's by more than one (a time zone's worth) is no filing day, but still the
    dateline's: its digits are no figure.

    >>> dateline("KHARTOUM, March 11 (Reuters) - Fighting ...", dt.date(2024, 3, 12))
    (31, datetime.date(2024, 3, 11))
    """
    m = _DATELINE.match(text) if published is not None else None
    if m is None:
        return 0, None
    day, _ = _absolute(fold(m["when"]), published)
    if day is None or day > published + dt.timedelta(days=1):
        return m.end(), None
    return m.end(), day


def shifted(sentence: str, before: dt.date) -> dt.date | None:
    """The day a sentence dates by the one the text stated before ("the following day"), or
    None when it does not."""
    m = _DAY_SHIFT.search(fold(sentence)) if "day" in sentence or "night" in sentence or \
        "morning" in sentence else None
    if m is None:
        return None
    words = (m["after"] or m["before"]).split()
    days = _DAY_COUNT.get(words[0], 1)
    return before + dt.timedelta(days=days if m["after"] else -days)


def in_sequence(sentence: str, published: dt.date | None, told: Resolved
                ) -> tuple[Resolved, Resolved]:
    """The day of a sentence in a text read in order, and the day the text has stated last,
    from the day stated before (``told``): its own date or a day counted from that one ("the
    following day"); none when it names neither (the day of publication stands in: a day
    stated in passing before, "since the fighting began on Sunday", need not be this one's)."""
    when = resolve(sentence, published)
    if when[0] is None and told[0] is not None:
        day = shifted(sentence, told[0])
        if day is not None:
            when = (day, told[1])
    return when, (when if when[0] is not None else told)


def resolve(sentence: str, published: dt.date | None) -> Resolved:
    """The date a sentence's event happened, or (None, None) when it names none.

    >>> resolve("Shelling began early Sunday.", dt.date(2020, 9, 28))
    (datetime.date(2020, 9, 27), 1)
    """
    low = fold(sentence)
    # a day of a month needs a digit and a month's name (each begins with one of _MONTH_STEMS)
    dated = _DIGIT.search(sentence) is not None and _MONTH_STEM.search(low) is not None
    for finder in ((_span, _absolute) if dated else ()) + (_weekday, _relative):
        found = finder(low, published)
        if found[0] is not None:
            return found
    return None, None


def written_date(value: str) -> dt.date | None:
    """A publication date as feeds and pages write it: ISO ("2020-09-28"; a datetime keeps its
    own, the publisher's, date), RFC 2822 ("Mon, 28 Sep 2020 10:00:00 GMT") or a month's name
    with the day and year ("September 28, 2020", "28 Sep 2020"); None for anything else,
    "09/10/2020" too, whose order of day and month no rule tells.

    >>> written_date("Mon, 28 Sep 2020 10:00:00 GMT")
    datetime.date(2020, 9, 28)
    """
    text = value.strip()
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else \
            dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    low = _WEEKDAY_FIRST.sub("", fold(text), count=1)
    m = _DAY_MONTH.fullmatch(low) or _MONTH_DAY.fullmatch(low)
    return _make(int(m["year"]), MONTHS[m["mon"]], int(m["day"])) if m and m["year"] else None


_WEEKDAY_FIRST = re.compile(r"^(?:" + "|".join(WEEKDAYS) + r"|mon|tue|wed|thu|fri|sat|sun),? ")


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


def _span(low: str, published: dt.date | None) -> Resolved:
    # the quick test spares most searches
    m = _SPAN.search(low) if "between" in low or "-" in low or "–" in low else None
    if not m:
        return None, None
    month = MONTHS[m["mon"]]
    year = _year_for(month, m["year"], published)
    first = _make(year, month, int(m["d1"] or m["d0"]))
    last = _make(year, month, int(m["day"]))
    if first is None or last is None or last < first:
        return None, None
    if (last - first).days <= 1:
        return first, 1  # "the night of 2-3 March": the day it began
    return first + (last - first) / 2, 2  # ACLED codes a span at its middle


def _absolute(low: str, published: dt.date | None) -> Resolved:
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        m = pattern.search(low)
        if m:
            month = MONTHS[m["mon"]]
            day = _make(_year_for(month, m["year"], published), month, int(m["day"]))
            if day is not None:
                return day, 1
    return None, None


def _weekday(low: str, published: dt.date | None) -> Resolved:
    m = _WEEKDAY.search(low) if "day" in low else None
    if not m or published is None:
        return None, None
    back = (published.weekday() - WEEKDAYS.index(m["wd"])) % 7
    if back == 0 and low.endswith(("last ", "past ", "previous "), 0, m.start()):
        back = 7  # "last Friday" in a Friday's paper is a week ago ("on Friday" is today)
    return published - dt.timedelta(days=back), 1


def _relative(low: str, published: dt.date | None) -> Resolved:
    if published is None or not any(w in low for w in _RELATIVE_WORDS):
        return None, None
    ago = _AGO.search(low)
    count = ago and value(ago["n"])
    if count:
        days, precision = _UNIT_DAYS[ago["unit"]]
        # "a few days ago" is no day in particular
        return published - dt.timedelta(days=days * count), \
            max(precision, 2) if count == VAGUE.get(ago["n"]) else precision
    if _LAST_MONTH.search(low):
        before = published.replace(day=1) - dt.timedelta(days=1)
        return before.replace(day=15), 3
    for pattern, back, precision in _RELATIVE:
        if pattern.search(low):
            return published - dt.timedelta(days=back), precision
    return None, None


RECENT_DAYS = 92  # a month named with its year this close before publication is news, not past
# every year _YEAR can find (and some digit runs that are none: the test below only skips)
_YEARISH = re.compile(r"(?:1[89]|20)\d\d")
_YEAR = re.compile(r"\b(?:in|since|of|during|after|before|until) (?:the )?(?:early |late |mid-)?"
                   r"(?:" + _MON + r",? )?"  # "since May 2023"
                   r"(?P<year>1[89]\d\d|20\d\d)(?P<s>s)?\b|\b(?P<y2>1[89]\d\d|20\d\d)s\b")


def past_years(sentence: str, published: dt.date | None) -> list[int]:
    """Years (or decades) named in the sentence that lie before the publication year.

    >>> past_years("A ceasefire was agreed in 1994.", dt.date(2020, 9, 28))
    [1994]
    """
    if not _DIGIT.search(sentence):
        return []  # no year: spares the search
    this_year = published.year if published else dt.date.today().year
    if all(int(y) >= this_year for y in _YEARISH.findall(sentence)):
        return []  # no year before this one ("On 3 May 2020" in 2020 news): spares the search
    found = [(int(m["year"] or m["y2"]), m["mon"]) for m in _YEAR.finditer(fold(sentence))]
    # a month of last year may be recent news: "clashes in December 2023" of a January story
    recent = (published or dt.date.today()) - dt.timedelta(days=RECENT_DAYS)
    return [y for y, mon in found if y < this_year and
            (mon is None or dt.date(y, MONTHS[mon], 1) < recent)]


_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")
# "talks are due on 3 November 2020": a date ahead of the report says nothing of its day
_AHEAD = re.compile(r"\b(?:will|would|due|scheduled|set for|expected|planned|plans?|until|"
                    r"deadline|next)\b[^.;:]{0,40}$")


def latest_stated(text: str, today: dt.date | None = None) -> dt.date | None:
    """The latest full date (day, month and year) a text states outside a look ahead: the
    earliest its report can have been written, a stand-in for a missing publication date.

    >>> latest_stated("Photo taken on September 28, 2020. Talks are due on 3 November 2020.")
    datetime.date(2020, 9, 28)
    """
    if not _DIGIT.search(text):
        return None
    low, latest = fold(text), None
    today = today or dt.date.today()
    for pattern in (_DAY_MONTH, _MONTH_DAY, _ISO_DATE):
        for m in pattern.finditer(low):
            if not m["year"] or _AHEAD.search(low, max(0, m.start() - 60), m.start()):
                continue
            month = int(m["mon"]) if pattern is _ISO_DATE else MONTHS[m["mon"]]
            day = _make(int(m["year"]), month, int(m["day"]))
            if day is not None and day <= today and (latest is None or day > latest):
                latest = day
    return latest
