"""Numbers: casualty figures in a sentence, with new deaths, wounded and cumulative tolls apart.

ACLED's rules: the most conservative (lowest) reported figure, so a range "5-7" (or "between 5
and 7") is 5; "tens" = 10, "dozens" = 12, "hundreds" = 100; a plural of unknown size ("several",
"a number of", "an unknown number of") is 3, the conservative default geomap has always used.
"7 soldiers were killed and wounded" gives no death count: how many of the 7 died is not stated.  Figures of every side in one
sentence add up ("3 soldiers and 2 militants were killed" is 5); a figure in parentheses is an
aside, usually another party's claim ("3 policemen (5 according to the rebels)"), and is not
counted.  A single victim without a numeral counts as one ("killed a teacher", "a guard was shot
dead", "and his driver were killed"), but only where the casualty word governs it, not in "a local
policeman opened fire, killing 4"; nor is a figure that the subject's next verb leaves behind
("abducted 20 villagers and killed 3 of them": 3).  A toll ("bringing the death toll to 59", "a
total of 40") counts every death so far, not the day's, so it is kept apart from the new deaths
the sentence reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import first_names

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
UNKNOWN = 3  # deaths of a plural reported without a number
VAGUE = {"several": UNKNOWN, "a few": UNKNOWN, "few": UNKNOWN, "a number of": UNKNOWN,
         "an unknown number of": UNKNOWN, "tens": 10, "dozens": 12, "a dozen": 12, "dozen": 12,
         "scores": 20, "hundreds": 100, "a hundred": 100, "thousands": 1000}
PERSON = ("civilian|soldier|man|woman|child|boy|girl|policeman|police officer|member|commander|"
          "militant|fighter|person|resident|student|teacher|officer|guard|serviceman|worker|"
          "elder|cleric|scholar|insurgent|recruit|driver|farmer|journalist|official|personnel|"
          "bodyguard|director|bomber|shep?h?erd|chief|leader|governor|son|brother|wife|husband|"
          "father|mother|daughter|cook|employee|commando|militiaman|shopkeeper|trader|doctor|"
          "gendarme|villager|passenger|activist|priest|imam|nurse|herder|pilgrim|worshipper|"
          "councill?or|mayor|judge|lawyer|politician|candidate|lawmaker|legislator|"
          "prosecutor|engineer|businessman|vendor|fisherman|miner|pastor|monk|volunteer|"
          "paramedic|medic|peacekeeper|youth|motorist|pedestrian|refugee|detainee|prisoner|"
          "hostage|protester|demonstrator")
# a person noun in the singular or plural (the lookaheads below only try article figures that
# one can follow: scanning every "a" of a sentence in Python was most of this module's time)
_PLURAL_PERSON = r"(?:" + PERSON + r")s?|policemen|servicemen|militiamen|men|women|children" \
    r"|businessmen|fishermen" \
    r"|'?arbakis?'?"
_WORDNUM = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
# "a", "an", "the", "his" stand for one person when a person noun follows within a few words
# (_person_follows; "the", "his" only after "killed", "killing" or "and", where they can name a
# victim: the pattern only looks for a "d" or "g" before them, _article_ok for the word);
# whether the casualty word governs them is decided in _kind and _article_kind.  Matched against
# folded text (see fold), as is HINT.
ARTICLES = ("a", "an", "the", "his", "her")
# the letters a figure can begin with: a lookahead for them spares trying every alternative at
# every word of the sentence
_STARTS = "".join(sorted({w[0] for w in (*UNITS, *TENS, *VAGUE, *ARTICLES)}))
NUMBER = re.compile(
    r"\b(?=[\d" + _STARTS + r"])(?P<num>(?<=between )\d+ and \d+|\d{1,3}(?:,\d{3})+"
    r"|\d+(?:\s?[-\u2013]\s?\d+|\s+to\s+\d+)?"
    r"|(?:" + _WORDNUM + r")(?:[- ](?:" + _WORDNUM + r"))?"
    r"|a dozen|a few|a hundred|dozens|several|scores|hundreds|thousands|tens"
    r"|(?:a|an unknown) number of"
    r"|(?:a|an)(?! (?:unknown |large |small |)(?:number|group|couple|lot|total)\b)"
    r"(?= (?:[\w'-]+ ){0,4}(?:" + _PLURAL_PERSON + r")\b)"
    r"|(?<=[dg] )(?:the|his|her)(?= (?:[\w'-]+ ){0,4}(?:" + PERSON + r")\b))"
    # an age is no figure: "a 72-year-old man was killed" is one dead
    r"(?![- ](?:years?|months?|weeks?|days?)[- ]old)\b")
KILLED = re.compile(r"^(?:killed|killing|dead|died|die|deaths?|fatalities|fatality|lives|bodies|"
                    r"lost|perished|slain|massacred|executed|beheaded|shot dead|murdered|"
                    r"assassinated|martyred|casualties)$", re.I)
WOUNDED = re.compile(r"^(?:wounded|wounding|injured|injuring|injuries|hurt|wounds)$", re.I)
TOLL = re.compile(r"\b(?:toll|total|tally|combined|overall|altogether|in all)\b", re.I)
ACTIVE = {"killing": "killed", "killed": "killed", "kill": "killed", "executed": "killed",
          "executing": "killed", "beheaded": "killed", "beheading": "killed",
          "murdered": "killed", "murdering": "killed", "massacred": "killed",
          "massacring": "killed", "slaughtered": "killed", "lynched": "killed",
          "assassinated": "killed", "wounding": "wounded", "wounded": "wounded",
          "injuring": "wounded", "injured": "wounded"}
SUBSET = {"including", "among", "incl"}
POSSESSIVES = {"his", "her", "their", "its"}
# words that hedge a figure; ACLED codes the figure itself ("at least 8" is 8)
HEDGES = [h.split() for h in ("at least", "more than", "no fewer than", "fewer than", "less than",
                              "up to", "as many as", "an estimated", "a reported", "over",
                              "nearly", "almost", "about", "around", "some", "approximately",
                              "roughly", "reportedly", "another", "a further")]
AUX = {"was", "were", "is", "are", "has", "have", "had"}
SPEECH = {"said", "says", "say", "told", "tells"}
HINT = re.compile(r"kill|dead|died|death|fatal|wound|injur|toll|total|casualt|lives|lost|slain|"
                  r"martyr|execut|behead|shot|perish|massacr|hurt|bod(?:y|ies)|murder|assassin|"
                  r"lynch|slaughter")
# "the death toll from Tuesday's bombing in Quetta rose to 25": the toll's own words may run long
# ("the death toll from Saturday's strike on a school sheltering families in Gaza City has risen
# to 22"; a total's or a tally's less: "a total of 12 ... spread to 3 districts")
_TOLL_BEFORE = re.compile(r"(?:toll(?: [\w'’]+){0,15}|(?:total|tally)(?: [\w'’]+){0,6}) "
                          r"(?:to|of|at|reached|stands at|"
                          r"rose to|is|was|hit|climbed to)\s*"
                          r"(?:at least |more than |over |nearly |about )?$")
# whole words only: "2 separatists", "3 marines", "5 Mayi-Mayi", "4 PMF fighters" are people
_DATE_AFTER = re.compile(r"\s*(?:st|nd|rd|th)?\s*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
                         r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
                         r"nov(?:ember)?|dec(?:ember)?)\b|\s*(?:km|kilomet[a-z]*|miles?|[ap]\.?m|"
                         r"percent|years?|days?|hours?|minutes?)\b|\s*%")
_DIGITS = re.compile(r"\d+")
_SPAN = re.compile(r"(\d+)\s?(?:[-\u2013]|to|and)\s?(\d+)")  # "5-7", "5 to 7", "between 5 and 7"
_PARTS = re.compile(r"[- ]")
# Python's case-insensitive matching is several times slower than matching lower-cased text, so
# hot patterns are written in lower case and run on a folded copy of the sentence.  Besides the
# case pairs str.lower knows, re.I matches "ı" and "İ" to "i" and "ſ" to "s": mapped first, so a
# search of the folded text finds exactly what re.I finds in the original, at the same offsets.
_FOLD_CHARS = "ıİſ"
_FOLD = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})
_WORD = re.compile(r"\d+[-\u2013]\d+|[\w'-]+|[;:,()]")
_ONE_PERSON = re.compile(PERSON)
_PERSON = re.compile(_PLURAL_PERSON)
# One person named as the subject of a death, with an optional role set off by commas: ACLED
# counts the named dead.  A given name (gender-guesser's list) and a surname are required, so
# "the Defence Ministry was killed off" names nobody.
NAMED_VICTIM = re.compile(r"\b(?P<given>[A-Z][a-z]+) [A-Z][a-z]+(?:, [^,]{3,90},)? "
                          r"(?:has been|had been|was) (?:killed|shot dead|assassinated)\b")
_AGED_VICTIM = re.compile(r"\b(?:killed|killing|shot dead)\s+(?:an?\s+)?\d{1,3}[-\s]"
                          r"(?:years?|months?|weeks?|days?)[-\s]old\b")
_VICTIM_VERBS = ("killed", "shot dead", "assassinated")  # one is in every NAMED_VICTIM: quick test
# words that end the noun phrase of a listed figure: "and 3 policemen in X", "... during"
LINK_END = {"in", "on", "at", "near", "during", "following", "when", "after", "while", "by"}


def fold(text: str) -> str:
    """``text`` lower-cased for matching as re.I would: same length, same offsets."""
    if not text.isascii() and any(c in text for c in _FOLD_CHARS):
        text = text.translate(_FOLD)  # slow: only for the rare text that needs it
    return text.lower()


@dataclass
class Casualties:
    killed: int | None = None
    wounded: int | None = None
    toll: int | None = None  # a cumulative death toll


def value(word: str) -> int | None:
    """'Twenty-eight' -> 28, '1,200' -> 1200, 'dozens' -> 12, '5-7' -> 5; None if not a number."""
    w = word.lower().replace(",", "")
    if w in VAGUE:
        return VAGUE[w]
    if w in ARTICLES:
        return 1
    if _DIGITS.fullmatch(w):
        return int(w)
    span = _SPAN.fullmatch(w)
    if span:  # "5-7 soldiers": ACLED takes the lowest figure reported
        return min(int(span[1]), int(span[2]))
    parts = _PARTS.split(w)
    if all(p in UNITS or p in TENS for p in parts):
        return sum(UNITS.get(p, 0) + TENS.get(p, 0) for p in parts)
    return None


# "nine in Jabalia", "five people were killed in Nuseirat": a figure and the place it was in
_COUNT_AT = re.compile(
    r"\b(?i:(?P<n>\d{1,4}|" + _WORDNUM + r")(?:-(?:" + _WORDNUM + r"))?"
    r"(?:\s+(?:(?:more\s+)?(?:people|" + _PLURAL_PERSON + r")|of them|others))?"
    r"(?:\s+(?:were\s+|had\s+been\s+)?(?:killed|dead|died))?\s+(?:in|at)\s+(?:the\s+)?)"
    r"(?P<name>[A-Z][\w'’-]*(?:\s(?:al-|el-)?[A-Z][\w'’-]*){0,3})")
_COUNT_GAP = re.compile(r"\s*(?:,|;)?\s*(?:and\s+|while\s+)?")


def counts_by_place(sentence: str) -> list[tuple[int, int, int, int]]:
    """The figures a sentence gives place by place, as a list ("including nine in Jabalia and
    five in Nuseirat"): (figure start, name start, name end, figure) for each, or [] unless
    two or more."""
    if sentence.count(" in ") + sentence.count(" at ") < 2:
        return []  # most sentences: two places need two of these, and the pattern is slow
    found: list[tuple[int, int, int, int]] = []
    last_end = None
    for m in _COUNT_AT.finditer(sentence):
        if last_end is not None and not _COUNT_GAP.fullmatch(sentence, last_end, m.start()):
            if len(found) >= 2:
                break
            found = []
        found.append((m.start(), m.start("name"), m.end("name"),
                      value(m["n"].split("-")[0]) or 0))
        last_end = m.end()
    return found if len(found) >= 2 else []


def casualties(sentence: str) -> Casualties:
    """Killed, wounded and cumulative toll figures stated in one sentence.

    >>> casualties("Twenty-eight soldiers were killed, bringing the death toll to 59.")
    Casualties(killed=28, wounded=None, toll=59)
    """
    out = Casualties()
    low = fold(sentence)
    if not HINT.search(low):
        return out  # no casualty word: skip the (costly) number scan
    last = None  # the kind of the figure before: "killing 2 soldiers and 3 policemen"
    for m in NUMBER.finditer(low):
        num = sentence[m.start():m.end()]  # as written: value() reads it as before folding
        if _is_year_or_date(sentence, m.end(), num) or _age_set_off(sentence, m.start(), m.end()):
            continue
        n, word = value(num), num.lower()
        if n is None or (word in VAGUE and not _counts_people(sentence[m.end():])) or \
                (word in ARTICLES and not _article_ok(sentence, m.start(), m.end(), word)):
            continue
        # six words back (a toll's own words further) and two dozen ahead are all _kind reads:
        # no need to split the rest
        kind = _kind(sentence[max(0, m.start() - 150):m.start()], sentence[m.end():m.end() + 300],
                     word, last)
        if kind == "toll":
            out.toll = n if out.toll is None else min(out.toll, n)  # ACLED: the lowest figure
        elif kind in ("killed", "wounded"):
            setattr(out, kind, (getattr(out, kind) or 0) + n)
        last = kind
    named = NAMED_VICTIM.search(sentence) if out.killed is None and \
        any(v in sentence for v in _VICTIM_VERBS) else None
    if named and named["given"].lower() in first_names():
        out.killed = 1  # "Lernik Babayan, commander of the battalion, has been killed"
    elif out.killed is None and _AGED_VICTIM.search(sentence):
        out.killed = 1  # "killing 18-month-old Ali Dawabsha": the age says one person
    return out


def _article_ok(sentence: str, start: int, end: int, word: str) -> bool:
    if word in ("the", "his", "her") and \
            not sentence[max(0, start - 8):start].lower().endswith(("killed ", "killing ", "and ")):
        return False
    return _person_follows(sentence[end:end + 80], word)


def _person_follows(after: str, article: str) -> bool:
    """"a (local) policeman", "his driver": a person noun within five words, before any comma;
    "the"/"his" name one person only in the singular ("his guards" is no figure)."""
    noun = _PERSON if article in ("a", "an") else _ONE_PERSON
    for w in _WORD.findall(after.lower())[:5]:
        if w in (",", ";", ":", "(", ")"):
            return False
        if noun.fullmatch(w):
            return True
    return False


def _counts_people(after: str) -> bool:
    """A vague quantifier is a figure when it counts people ("several soldiers", "dozens were
    killed", "hundreds of"), not when it counts things ("several posts")."""
    nxt = _WORD.findall(after.lower())[:3]
    return not nxt or nxt[0] in ("of", "were", "was", "more", "other", "others", "people", ",",
                                 "and") or KILLED.match(nxt[0]) is not None or \
        WOUNDED.match(nxt[0]) is not None or any(_PERSON.fullmatch(w) for w in nxt)


def _age_set_off(sentence: str, start: int, end: int) -> bool:
    """"The boy, 12, was killed", "Ahmed, 12,": a figure set off by commas right after one
    person's noun or given name is an age ("In Kabul, 12, mostly civilians," is a figure)."""
    if sentence[end:end + 1] != ",":
        return False
    before = sentence[max(0, start - 40):start]
    if _ONE_BEFORE.search(before.lower()):
        return True
    name = _NAME_BEFORE.search(before)
    return name is not None and name.group(1).lower() in first_names()


_ONE_BEFORE = re.compile(r"\b(?:" + PERSON + r")\s*,\s*$")
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s*,\s*$")


def _is_year_or_date(sentence: str, end: int, num: str) -> bool:
    digits = num.replace(",", "")
    if digits.isdigit() and 1800 <= int(digits) <= 2100:
        return True
    return _DATE_AFTER.match(sentence[end:end + 12].lower()) is not None


def _kind(before: str, after: str, word: str = "", last: str | None = None) -> str | None:
    """What a number counts: 'killed', 'wounded', 'toll', or None (something else)."""
    before = before.lower()
    prev = _words_back(before, 6)
    prev = _without_hedge(prev)  # "killed at least 8": the verb before the hedge
    if prev[-1:] == ["between"] or prev[-1:] and prev[-1] in POSSESSIVES:
        prev = prev[:-1]  # "killed between 5 and 10", "a woman and her two children"
    nxt = _words_ahead(after, 24)
    if _TOLL_BEFORE.search(before) or nxt[:2] == ["in", "total"]:
        return "toll"
    if _in_subset(prev):
        return None  # "including 2 commanders": a part of a figure already counted
    if prev[-2:] in (["shot", "dead"], ["bodies", "of"], ["body", "of"]):
        return "killed"  # "shot dead 2 civilians", "shot dead a chief", "the bodies of 3 men"
    if prev[-2:] == ["family", "of"] and (verb := next((w for w in prev[-5:-2] if w in ACTIVE),
                                                       None)):
        return ACTIVE[verb]  # "killed a family of five": the family's members
    if prev[-1:] == ["of"] and not (nxt and _PERSON.fullmatch(nxt[0])):
        return None  # "a father of three": a description, not a figure
    if prev and prev[-1] in ACTIVE:  # "killing 3", "killed 3 soldiers", "wounding 5"
        return ACTIVE[prev[-1]]
    if nxt and nxt[0] in _THINGS:
        return None  # "strikes on 85 targets in retaliation for an attack that killed three"
    kind = _article_kind(nxt) if word in ARTICLES else _following_kind(nxt)
    # an article after a comma is an apposition ("1 child, a shepherd,"), not another victim
    comma_ok = word not in ARTICLES
    if kind is None and last in ("killed", "wounded") and _listed(prev, nxt, comma_ok):
        return last  # "killing 2 soldiers and 3 policemen", "1 elder in addition to 2 guards"
    return kind


# what a figure right before them counts is no one: the things hit, the weapons, the times
_THINGS = frozenset("""targets houses homes buildings vehicles cars trucks positions sites bases
posts villages towns shops rockets missiles drones shells mortars bombs strikes attacks raids
times hours days weeks months years km kilometres kilometers miles metres meters""".split())


def _without_hedge(prev: list[str]) -> list[str]:
    """The words before a figure less a hedge right before it ("at least", "more than", "some")."""
    for hedge in HEDGES:
        if prev[-len(hedge):] == hedge:
            return prev[:-len(hedge)]
    return prev


def _words_back(before: str, n: int) -> list[str]:
    """The last ``n`` words of ``before``.  A suffix that holds more than n words
    gives the same last n (only its first word can be cut short), without a scan of the rest."""
    words = _WORD.findall(before[-40:])
    if len(words) <= n and len(before) > 40:
        words = _WORD.findall(before)
    return words[-n:]


def _words_ahead(after: str, n: int) -> list[str]:
    """The first ``n`` words of ``after``, lower-cased.  A prefix that holds more than n words
    gives the same first n (only its last word can be cut short), without a scan of the rest."""
    words = _WORD.findall(after[:160].lower())
    if len(words) <= n and len(after) > 160:
        words = _WORD.findall(after.lower())
    return words[:n]


def _article_kind(nxt: list[str]) -> str | None:
    """'a guard was killed', 'a leader and his driver were killed': the person noun must be the
    subject of a passive casualty verb; 'a policeman turned on his unit, killing 4' names the
    killer, not a victim."""
    noun = next((i for i, w in enumerate(nxt[:6]) if _PERSON.fullmatch(w)), None)
    if noun is None or any(_is_figure(w) or w == "," for w in nxt[:noun]):
        return None  # "as a result 3 militants were killed": the figure is 3, not "a"
    if nxt[noun + 1:noun + 2] in (["died"], ["perished"], ["succumbed"]):
        return "killed"  # "a child died"
    aux = next((i for i, w in enumerate(nxt[noun + 1:noun + 7], noun + 1) if w in AUX), None)
    if aux is None or any(w == "," or w.endswith(("ed", "ing")) or w in ACTIVE
                          for w in nxt[noun + 1:aux]):
        return None
    for w in nxt[aux + 1:aux + 5]:
        if WOUNDED.match(w):
            return "wounded"
        if KILLED.match(w):
            return "killed"
    return None


def _listed(prev: list[str], nxt: list[str], comma_ok: bool = True) -> bool:
    """The figure continues a list ("and 3 policemen", "in addition to 2 guards") and no verb of
    its own follows it before the clause ends."""
    links = ("and", ",", "to", "with") if comma_ok else ("and", "to", "with")
    if not prev or prev[-1] not in links or \
            (prev[-1] == "to" and prev[-3:-1] != ["in", "addition"]) or \
            (prev[-1] == "with" and prev[-2:-1] not in (["along"], ["together"])):
        return False  # "abducted with 2 others" is company, not another casualty
    for w in nxt[:6]:
        if w in (",", ";", ":", ")") or w in LINK_END:
            return True
        if w in ("was", "were", "are", "is", "had", "have", "fled") or w in SPEECH or \
                w.endswith("ed"):
            return False  # "..., residents and a local leader said": the source, no victim
    return True


def _in_subset(prev: list[str]) -> bool:
    """The number follows "including"/"among" with no casualty word in between."""
    if SUBSET.isdisjoint(prev):
        return False  # the common case, decided without the scan below
    marks = [i for i, w in enumerate(prev) if w in SUBSET]
    return bool(marks) and not any(KILLED.match(w) or WOUNDED.match(w) or w == ";"
                                   for w in prev[marks[-1]:])


def _following_kind(nxt: list[str]) -> str | None:
    """The casualty word the figure's clause reaches: past a list ("3 soldiers, 2 policemen and
    1 civilian were killed"), an apposition ("1 child, a shepherd, was killed") or an aside in
    parentheses, but not into a new clause ("..., killing 4" names other victims)."""
    i = 0
    while i < len(nxt):
        w = nxt[i]
        if w == "(":
            i = nxt.index(")", i) + 1 if ")" in nxt[i:] else len(nxt)
            continue
        if w in (";", ":", ")") or w in ("killing", "wounding", "injuring") or \
                _acts_again(nxt[i:i + 3]) or \
                (w == "," and i > 3 and not _list_goes_on(nxt[i + 1:i + 3])) or \
                (w == "," and _new_clause(nxt[i + 1:i + 3])):
            return None
        if WOUNDED.match(w):
            return "wounded"
        if KILLED.match(w):
            if _and_wounded(nxt[i + 1:i + 3]):
                return None  # "7 were killed and wounded": casualties, not a death count
            return "killed" if not (w == "casualties" and "wounded" in nxt) else None
        i += 1
    return None


def _acts_again(ahead: list[str]) -> bool:
    """"(abducted 20 villagers) and killed 3 of them": the subject acts on another figure, so
    the figure before names no casualties of this verb."""
    return len(ahead) == 3 and ahead[0] == "and" and ahead[1] in ACTIVE and _is_figure(ahead[2])


def _and_wounded(ahead: list[str]) -> bool:
    return len(ahead) == 2 and ahead[0] in ("and", "or") and WOUNDED.match(ahead[1]) is not None


def _list_goes_on(ahead: list[str]) -> bool:
    """After a comma: another figure of the list, or the verb that closes an apposition."""
    first = ahead[0] if ahead else ""
    if first == "and":
        first = ahead[1] if len(ahead) > 1 else ""
    return _is_figure(first) or first in ("was", "were", "had", "have")


def _new_clause(ahead: list[str]) -> bool:
    """", and wounded 4 others": the sentence's subject acts again; the figure before the comma
    was the first verb's object, not this verb's."""
    verb = ahead[1] if ahead[:1] == ["and"] and len(ahead) > 1 else ahead[0] if ahead else ""
    return verb in ACTIVE


def _is_figure(w: str) -> bool:
    return w in ("a", "an", "his") or (NUMBER.fullmatch(w) is not None and value(w) is not None)
