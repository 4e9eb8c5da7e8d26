"""Sentences: where the sentences of English news text begin and end, one set of rules for every
stage that works sentence by sentence (the recogniser's capitalisation rules, event coding, the
resolver's "X is a town in Y" and distance readers).

A sentence ends at a line break, or at . ! ? (with any closing quotes or brackets after it) that
whitespace and a capital or a digit follow (perhaps after an opening quote).  A full stop does not
end a sentence after an initial ("J. Smith", "U.S. Army"), a title ("Dr. Ivins", "St. Louis"), a
month ("Sept. 28") or a "No." before a number; nor inside a number ("2.5"), where no space follows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from . import lexicon as lx

# Whitespace and a capital or digit must follow: "e.g. the" and "approx. five" go on.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-ÖØ-Þ])|\n")
_LAST_WORD = re.compile(r"(?<![^\W_])[^\W\d_]+$")  # a whole word: "1st." is not "St."
_LOOK_BACK = 12  # longer than any abbreviation and a space
_NUMBER_AFTER = re.compile(r"\s*\d")
_CLOSE = re.compile(r"[.!?]+[\"'”’)\]]*$")  # what closes a sentence: its full stop and quotes


def ends(text: str) -> list[int]:
    """The offsets where each sentence but the last ends, in text order: after its full stop and
    closing quotes, or at its line break."""
    return list(_ends(text))


def _ends(text: str) -> Iterator[int]:
    # lazily: the resolver asks for the first end of many short windows
    last = -1
    for m in _END.finditer(text):
        if m.group() == "\n":
            found = m.start()
        elif text[m.start()] == "." and _abbreviated(text, m.start()):
            continue
        else:
            found = m.end()
        if found != last:  # "done.\nNext": one end, not two
            yield found
            last = found


def _abbreviated(text: str, dot: int) -> bool:
    """The full stop at ``dot`` ends an initial, a title, a month or "No" before a number."""
    word = _LAST_WORD.search(text, max(0, dot - _LOOK_BACK), dot)
    if word is None:
        return False
    w = word.group()
    if len(w) == 1:
        return w.isupper()  # "J. Smith", the "S" of "U.S."
    low = w.lower()
    if low in lx.NUMBER_ABBREVIATIONS:
        return _NUMBER_AFTER.match(text, dot + 1) is not None  # "No. 10", not "said no. Then"
    return low in lx.TITLE_ABBREVIATIONS or low in lx.MONTH_ABBREVIATIONS


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without the whitespace around it; every line holds at
    least one (a headline has no full stop).  Blank stretches are no sentence."""
    out, s = [], 0
    for e in ends(text) + [len(text)]:
        piece = text[s:e]
        body = piece.rstrip()
        if body:
            out.append((s + len(body) - len(body.lstrip()), s + len(body)))
        s = e
    return out


def end(text: str, start: int = 0) -> int:
    """Where the sentence holding offset ``start`` ends: the first sentence end at or after it
    (``start`` itself when a line break or a full stop is there), else ``len(text)``."""
    return next((found for found in _ends(text) if found >= start), len(text))


def first(text: str) -> str:
    """``text`` up to the end of its first sentence, without the full stop and closing quotes
    that end it (a text that starts mid-sentence: its rest)."""
    head = text[:end(text)]
    close = _CLOSE.search(head)
    return head[:close.start()] if close else head


def start(text: str, offset: int) -> int:
    """Where the sentence holding ``offset`` starts (past the whitespace before it)."""
    found = ends(text)
    k = bisect_right(found, offset) - 1
    s = found[k] if k >= 0 else 0
    return min(offset, s + len(text[s:offset]) - len(text[s:offset].lstrip()))
