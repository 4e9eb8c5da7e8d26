"""Events: what happened, when, to whom and where, coded sentence by sentence as ACLED would.

Rule-based.  Each sentence is matched against a trigger lexicon per ACLED sub-event type, tried in
the codebook's priority order (docs: /work/shared/DESIGN.md "Event typing"); a sentence yields at
most one violent event (the highest-priority trigger; one per place when it lists several, below)
and one strategic development, unless ACLED codes one as part of the other (a bomb defused is
disrupted weapons use, not an explosion; arrests at a protest are its intervention).  Some
subtypes are read from the whole sentence: how a protest was policed, whether a fight had two
armed sides (crowds riot; shooting only civilians is an attack on them).  A trigger under
negation, modality or a call to stop ("could", "threatened to", "denied", "urged a halt to") is
not an event.  Statements, warnings and calls are not events (ACLED does not code rhetoric);
decisions with effect (mobilisation, suspended flights, agreements) are Strategic developments at
the acting government's country.  Sentences naming past years ("in 1994", "since 2016", "the
1990s") are background.  The place is the mention the trigger
governs: a resolved place (never a metonym, a demonym, "reporting from X" or "114 km from X") near
the trigger, preferring ones linked by a preposition or as its object ("shelled X") and finer ones
over countries.

Figures follow ACLED (numbers.py reads them): one figure for several listed places ("in A and B
districts") is divided among one event per place; a later sentence that adds deaths to the same
incident ("3 militants were also killed") adds them to its event, and the next sentence of a short
report that names no place ("5 fighters were killed.", "Police dispersed the crowd.") completes
the incident before it (its figures, its protest's subtype); a figure only one armed party
claims ("according to Taliban sources", or a document only a party's outlet published) is left
unstated, as ACLED codes such claims 0.

Use after the geoparser: ``EventExtractor(gaz).extract(Pipeline(gaz)(doc))``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from gazetteer import Gazetteer

from . import dates, numbers, sentences
from . import lexicon as lx
from .merge import merge
from .models import Actor, Document, Event, Evidence, Mention, PlaceRef
from .numbers import fold
from .resolve import place_ref

# (type, subtype, trigger) in ACLED's priority order within each group.  Some subtypes are only
# settled by the sentence around the trigger (_refine): a protest's by how it was policed, a
# one-sided attack's by who its victims were.
_V = [
    ("Battles", "Government regains territory",
     r"recaptur\w*|retook|retaken|regain\w*|liberat(?:e|es|ed|ing)\b|"
     # not the name of a group ("Oromo Liberation Army", "National Liberation Front")
     r"liberation(?! (?:army|front|movement|tigers|organi[sz]ation|party|forces?|council|"
     r"brigades?|fighters|struggle|war|day)\b)"),
    ("Battles", "Non-state actor overtakes territory",
     r"overr[au]n|overtook|overtaken|(?:captur|seiz)(?:ed|es|ing)|occupied|"
     r"(?:took|taken|take|taking) (?:over|control)"),
    ("Battles", "Armed clash",
     r"clash\w*|fight(?:ing|s)?|fought|battl\w*|firefight|gunfight|skirmish\w*|ambush\w*|"
     r"repuls\w*|repelled|exchange of fire|exchang(?:ed|ing) (?:heavy )?(?:gun)?fire|"
     r"gunbattles?|opened fire|attack(?:ed|s|ing)? (?:on )?"
     r"(?:and \w+ )?(?:[\w'-]+ ){0,3}(?:check ?points?|check ?posts?|posts?|bases?|forces|troops|"
     r"soldiers|army|military|police|convoys?|outposts?|positions?|tanks?|patrols?|barracks|"
     r"garrisons?|humvees?|apcs?|police stations?|prisons?|jails?|penitentiar(?:y|ies))|"
     r"operations?|offensive|sniper|assault|(?:came|come|comes|coming) under fire"),
    # a protest's subtype (excessive force, intervention) is read from the sentence: _refine
    ("Protests", "Peaceful protest",
     r"protest\w*|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ied|ies)|sit-ins?|marche[ds]|marchers|"
     r"marching|(?:peaceful|protest|silent) march|(?:took|take|takes|taking|taken) to the "
     r"streets|(?:staged|held|organi[sz]ed) (?:an? |the )?(?:[\w'-]+ ){0,2}(?:march(?:es)?|"
     r"strikes?)|(?:went|gone|going) on (?:a )?(?:[\w'-]+ )?strike|"
     r"(?:general|labou?r|hunger|workers'?) strikes?|strikers|picket\w*|vigils?|walkouts?|"
     r"tear ?gas|teargas|water ?cannons?|rubber bullets|dispers(?:e|ed|ing) (?:the |a )?(?:crowds?|"
     r"gatherings?|marchers|them)"),
    ("Riots", "Violent demonstration", r"riot\w*|violent (?:demonstration|protest)\w*"),
    ("Riots", "Mob violence", r"\bmob\b|lynch(?:ed|es|ing|ings)?"),  # not Lynchburg
    ("Explosions/Remote violence", "Chemical weapon",
     r"chemical (?:weapon|attack)\w*|sarin|chlorine gas"),
    ("Explosions/Remote violence", "Air/drone strike",
     r"air ?strikes?|air raids?|drone (?:strike|attack)s?|airstrikes|air-strikes?|"
     r"air ?forces?(?:['’]s?)? (?:jets |planes |aircraft )?(?:had |has |have |also |later |"
     r"then |reportedly )?(?:struck|bombed|hit|pounded|targeted|raided|strikes|bombs)|"
     r"bombed by (?:jets|aircraft)|aerial (?:bombardment|bombing|attack|strike)s?|"
     r"(?:helicopter|warplane|aircraft|jet|gunship|drone)s? (?:units? |operators? |crews? |"
     r"pilots? )?(?:later |also |then |reportedly )?"
     r"(?:strike|attack|bomb|struck|hit|pound|target|raid|fire|destroy|kill)\w*|"
     r"dropped (?:[\w'-]+ ){0,3}bombs|kamikaze drones?|shahed\w*|"
     r"(?:guided|glide|gliding|aerial|air-dropped|barrel) bombs?|"
     # a missile, rocket or artillery strike is shelling, as ACLED codes it
     r"(?<!missile )(?<!rocket )(?<!artillery )"
     r"strikes? (?:later |also |reportedly )?(?:hit|struck|pounded|targeted|destroyed|killed)|"
     r"(?<!missile )(?<!rocket )(?<!artillery )strikes? (?:on|against) |"
     # "16 people were killed in strikes near al-Qaim" (not in missile or rocket strikes)
     r"(?:killed|wounded|injured|died) in (?:(?!missile|rocket|artillery)[\w.'-]+ ){0,2}?"
     r"strikes\b|"
     r"loitering munitions?|(?:launched|fired) (?:[\w'-]+ ){0,3}?drones? (?:at|into|towards?)\b"),
    ("Explosions/Remote violence", "Suicide bomb", r"suicide (?:bomb|attack|car)\w*|svbieds?"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"shell(?:ed|ing|s)|artillery|missiles?|rockets?|mortars?|under fire|rpgs?|"
     r"pound(?:ed|ing)|bombard(?:ed|ing|ment)|mlrs|himars|howitzers?|multiple[- ]rocket|"
     r"cluster munitions?|"
     # "a shell landed on a market" (not the oil company: "Shell struck a deal")
     r"shells? (?:landed|exploded|fell|slammed|hit|struck)(?! by| an? (?:deal|agreement))"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     r"ieds?|vbieds?|pbieds?|roadside bomb|landmines?|mines?|explosive device|bombs?(?! shelter)|"
     r"bombings?(?! targets?| ranges?)|"
     r"bomb (?:blast|explo\w+)|explosion|blast|detonat\w+|bombed"),
    ("Explosions/Remote violence", "Grenade", r"grenades?"),
    # a state or force that "struck" or "bombed" a place or targets, its weapon unsaid (below
    # the weapons above: "struck the town with missiles" is shelling)
    ("Explosions/Remote violence", "Air/drone strike",
     r"struck|bombed|(?:hit|attacked|targeted) (?:[\w'-]+ ){0,6}?with (?:[\w'-]+ )?"
     r"(?:drones|jets|warplanes|aircraft)\b"),
    ("Violence against civilians", "Sexual violence",
     r"rap(?:ed|e)|sexual(?:ly)? (?:assault|violence)"),
    ("Violence against civilians", "Abduction/forced disappearance",
     r"abduct\w*|kidnap\w*|(?:taken|took|takes|taking|held|holding) (?:[\w'-]+ ){0,5}?"
     r"(?:as )?hostages?"),
    # an assault on unarmed people with no death (a killing is found by the casualty words)
    ("Violence against civilians", "Attack",
     r"(?:attack|assault|beat)(?:ed|ing|en)? (?:[\w'-]+ ){0,3}?(?:civilians|villagers|farmers|"
     r"residents|passengers|worshippers|journalists|students|shepherds|herders|women)|"
     # where civilians are, not armed men: "gunmen attacked a village, killing 12"
     r"(?:attack(?:ed|ing|s)?|storm(?:ed|ing)) (?:[\w'-]+ ){0,3}?(?:villages?|homes?|houses?|"
     r"markets?|church(?:es)?|mosques?|schools?|hospitals?|weddings?|funerals?|"
     r"(?:idp|displacement|refugee) camps?|camps? for (?:[\w'-]+ ){0,2}?(?:displaced|refugees))\b|"
     r"raid(?:ed|ing)? (?:[\w'-]+ ){0,3}?villages?"),
    # armed men attacking a place by name ("rebels attacked Oicha", "stormed the town of Djibo"):
    # after the patterns that name who or what was hit, and only with a name next (_fits)
    ("Battles", "Armed clash",
     r"(?:attack(?:ed|ing)|storm(?:ed|ing)|raid(?:ed|ing)) (?:the (?:town|city) of )?"),
]
_S = [  # strategic developments, for sentences without a violent trigger
    ("Strategic developments", "Disrupted weapons use",
     r"defus(?:ed|ing)|dismantl(?:ed|ing)|(?:detonated|exploded|went off) prematurely|"
     r"(?:seized|confiscated|recovered|captured|found|discovered|uncovered) (?:[\w'-]+ ){0,4}"
     r"(?:weapons?|arms|explosives?|ammunition|caches?|ieds?|bombs?|landmines|mines|rockets?|"
     r"grenades?|suicide vests?)|(?:cleared|removed) (?:[\w'-]+ ){0,2}(?:landmines|mines|ieds|"
     r"explosives)|while (?:planting|making|assembling|laying|handling|transporting)|foiled|"
     r"intercepted|shot down|downed (?:[\w'-]+ ){0,2}?(?:drones?|missiles?|rockets?|uavs?|"
     r"aircraft|jets?|planes?|helicopters?)"),
    ("Strategic developments", "Agreement",
     r"agreed|signed|agreement|truce|ceasefire|cease-fire|peace deal|surrender(?:ed)?"),
    ("Strategic developments", "Arrests", r"arrest\w*|detain\w*|taken into custody"),
    # who joined is checked in _fits: soldiers joining the rebels, not a state joining talks
    ("Strategic developments", "Change to group/activity",
     r"switched sides|defect(?:ed|ing|ions?)|joined|rejoined|pledged allegiance|"
     r"changed? (?:its )?leader\w*"),
    ("Strategic developments", "Headquarters or base established",
     r"(?:established|set up) (?:a |an |its )?(?:new )?(?:base|headquarters|camp|"
     r"check ?points?|check ?posts?|outposts?)"),
    ("Strategic developments", "Looting/property destruction",
     r"loot\w*|torched|set (?:on )?fire to|burn(?:ed|t) down|demolish\w*"),
    ("Strategic developments", "Non-violent transfer of territory",
     r"withdr[ae]w from|handed over|pulled out of"),
    ("Strategic developments", "Other",
     r"mobili[sz]ation|martial law|state of emergency|curfew|(?:flights?|services?)\b[^.;]{0,80}?"
     r"\b(?:suspended|cancell?ed|halted)|(?:suspended|cancell?ed|halted) (?:\w+ ){0,2}flights?|"
     r"freed|released"),
]
def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("a|(?:b|c)d" -> "a", "(?:b|c)d")."""
    parts, depth, cur = [], 0, ""
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts, cur = parts + [cur], ""
        else:
            cur += ch
    return parts + [cur]


def _heads(pattern: str) -> tuple[str, ...] | None:
    """The literal word beginnings of a pattern's alternatives ("ieds?" -> "ied"), or None when
    some alternative has none: a sentence holding none of them cannot match the pattern."""
    heads: list[str] = []
    for part in (p.removeprefix("\\b") for p in _alternatives(pattern)):
        while part.startswith("(?<"):  # a lookbehind ("(?<!missile )strikes?") matches no text
            part = part[_closing(part) + 1:]
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
              "slain", "casualties", "beheaded", "beheading", "executed", "murdered",
              "assassinated")


def _word_re(pattern: str) -> re.Pattern:
    """``pattern``'s alternatives as whole words, grouped by first letter when each begins with
    a plain letter ("army|ana|police" -> "a(?:rmy|na)|p(?:olice)"): the regex engine then tries
    the one group a word's first letter selects, not every alternative (the matches are the
    same: alternatives with different first letters never match at the same place)."""
    alternatives = _alternatives(pattern)
    if any(not alt[:1].isalpha() or alt[1:2] in ("", "?", "*", "+", "{") for alt in alternatives):
        return re.compile(r"\b(?:" + pattern + r")\b")
    return re.compile(r"\b(?:" + _grouped(alternatives) + r")\b")


def _by_first_letter(words: set[str]) -> str:
    """``words`` as one alternation grouped by first letter ("a(?:ir|bduct)|b(?:omb)"): the
    regex engine tries the one group a word's first letter selects instead of every word."""
    return _grouped([re.escape(w) for w in sorted(words)])


def _grouped(alternatives: list[str]) -> str:
    """Regex alternatives that each begin with a plain letter, grouped by that letter."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(c + "(?:" + "|".join(rest) + ")" for c, rest in groups.items())


# One scan of the lower-cased sentence for every pattern's word beginnings: a sentence with none
# (most of an article) is skipped, and only the patterns whose beginnings occur are run.  (Which
# beginning matches does not matter: the match runs on to the end of the word.)
_HEAD_RE = re.compile(r"\b(?:" + _by_first_letter(_HEADS | set(KILL_WORDS)) + r")[\w'-]*")
_WORDS = re.compile(r"[a-z][a-z'-]*")


def _has_stem(text: str) -> bool:
    return _HEAD_RE.search(text.lower()) is not None
STRATEGIC = "Strategic developments"
# Strategic developments that a government or group decides: placed where the subject governs
# ("Azerbaijan declared..."); the others (arrests, looting, intercepted missiles) happen at a
# place, found as a violent event's is
DECISIONS = {"Agreement", "Other", "Change to group/activity"}
# The case-blind patterns below are written in lower case and run on folded text (numbers.fold):
# the same matches as re.I, several times faster.
KILL = _word_re("|".join(KILL_WORDS))
FOUND_DEAD = re.compile(r"\b(?:bodies|body of)\b[^.;]{0,80}?\b(?:found|discovered|recovered|"
                        r"dumped)\b|\b(?:found|discovered|recovered)\b[^.;]{0,40}?"
                        r"\b(?:bodies|body of)\b|\bfound dead\b")
FORCES = _word_re(r"soldiers?|troops|forces|army|military|police\w*|commanders?|"
                  r"servicem[ae]n|militia\w*|bodyguards?|"
                  r"militants?|fighters|taliban|insurgents?|guards?|security personnel|"
                  r"arbakis?|rebels?|separatists|ana|anp|nds|ansf|andsf|battalion")
# "former", "off-duty": a soldier so named is a civilian (OFF_DUTY), and the sentence is tested
CIVILIANS = _word_re(r"civilians?|teachers?|students?|scholars?|residents?|villagers?|"
                     r"children|child|women|woman|workers?|merchants?|farmers?|elders?|"
                     r"journalists?|doctors?|nurses?|passengers?|unknown gunm[ae]n|gunm[ae]n|"
                     r"girls?|boys?|father|mother|son|daughter|wife|husband|brother|sister|"
                     r"relatives?|family|shep?h?erds?|herders?|cooks?|traders?|shopkeepers?|"
                     r"drivers?|clerics?|imams?|pilgrims|worshippers|activists?|officials?|miners?|"
                     r"labou?rers?|fishermen|vendors?|"
                     r"employees?|people|man|men|chiefs?|leaders?|politicians?|candidates?|"
                     r"councill?ors?|mayors?|judges?|lawyers?|businessm[ae]n|priests?|"
                     r"pastors?|monks?|protesters?|demonstrators?|"
                     r"former|ex-|retired|off-duty|demobili[sz]ed")
# the killers ("by Afghan forces", "Taliban militants shot"): cut out, what is left names victims
AGENTS = re.compile(r"\bby (?:an? |the )?(?:[\w'-]+ ){0,3}(?:forces|militants?|taliban|gunm[ae]n|"
                    r"soldiers?|police|fighters?|troops|rebels?|militia\w*|bandits)(?: fire)?\b|"
                    r"\b(?:[\w'-]+ ){0,2}(?:militants?|taliban|soldiers|forces|fighters?|troops|"
                    r"gunm[ae]n|rebels?|bandits|police\w*|army|militia\w*|insurgents?|"
                    r"separatists|jihadists?|assailants|attackers)"
                    # "soldiers and allied volunteers killed 40 civilians": one side
                    r"(?: and (?:[\w'-]+ ){0,2}?(?:volunteers|militia\w*|allies|fighters|troops|"
                    r"police|soldiers))?"
                    # "separatists from the Baloch Liberation Army attacked", "insurgents
                    # linked to Islamic State beheaded"
                    r"(?: (?:from|of|linked to|loyal to|allied (?:to|with)|affiliated with|"
                    r"tied to) (?:the )?(?:[\w'-]+ ){0,3}?[\w'-]+)? (?:shot|killed|"
                    r"ambushed|attacked|opened fire|fired on|fired at|abducted|kidnapped|raided|"
                    r"stormed|entered|targeted|executed|beheaded|burned|torched|looted)\b")
# Armed men who are not fighting: ACLED counts a former or off-duty soldier as a civilian; a
# "military base" is a place, not a combatant; "the militants' girlfriend" names nobody present.
OFF_DUTY = re.compile(r"\b(?:former|ex-|retired|off-duty|demobili[sz]ed) ?(?:[\w'-]+ ){0,2}?"
                      r"(?:soldiers?|police\w*|servicem[ae]n|officers?|fighters?|militants?|"
                      r"commanders?|guards?)\b|"
                      r"\b(?:[\w'-]+ )?(?:soldiers?|police\w*|officers?) \(off-duty\)")
_OFF_DUTY_WORDS = ("former", "ex-", "retired", "off-duty", "demobili")  # one is in every OFF_DUTY
# Armed men named as a place or as the report's source: "a police post", "police said"
NOT_PEOPLE = re.compile(r"\b(?:military|army|police|security) (?:bases?|posts?|check ?points?|"
                        r"stations?|vehicles?|convoys?|camps?|compounds?|headquarters|barracks|"
                        r"hospitals?)\b|\b[\w-]+s' |"
                        r"\b(?:police|army|military|security) (?:officials? |sources? |"
                        r"spokesm[ae]n )?(?:[\w'-]+ ){0,3}?(?:said|says|told|reported|confirmed|"
                        r"added)\b|"
                        r"\baccording to (?:the )?(?:[\w'-]+ )?(?:police|army|military)\b")
# Armed groups by name (the lexicon's, and the jihadist ones the Afghan reports name), then
# the words for armed men that are no state's: the patterns below take what each needs
GROUP_NAMES = (r"taliban|islamic state|isis|isil|daesh|al-qaeda|" + lx.ARMED_GROUP_NAMES +
               r"|jihadists?|bandits|cartels?|armed gangs?|gangs|gang members|gangsters")
_IRREGULARS = r"militants?|insurgents?|rebels?|separatists|gunm[ae]n|"
# a pro-government militia is one of the state's affiliates (ACLED); others are armed men of none
NON_STATE = _word_re(_IRREGULARS + r"(?<!pro-government )militia\w*|is-k|iskp|" + GROUP_NAMES)
# an abduction that ends in a killing is coded as the killing (ACLED)
LETHAL = re.compile(r"\b(?:killed|killing|beheaded|beheading|executed|murdered|assassinated|"
                    r"shot dead|slain|found dead|bodies|body)\b")
# "seized a weapons cache": what was seized is no ground
ARMS_AFTER = re.compile(r" (?:[\w'-]+ ){0,4}(?:weapons?|arms|explosives?|ammunition|caches?|"
                        r"ieds?|bombs?|mines|landmines|rockets?|grenades?|rifles|guns|drugs|"
                        r"vehicles?|motorcycles?)\b")
# who can change sides: "soldiers joined the rebels", not "the minister joined the talks"
COMBATANTS = _word_re(r"soldiers?|troops|police\w*|servicem[ae]n|militants?|fighters?|"
                      r"rebels?|insurgents?|militia\w*|personnel|commanders?|arbakis?|recruits|"
                      r"gunm[ae]n")

# Riots and protests: who gathered, and what they (or the police) did.  Against a crowd, state
# forces are the police of a protest; an armed group in the sentence makes it a battle instead.
CROWD = _word_re(r"protest\w*|demonstrat\w*|marche[drs]\w*|rall(?:y|ies|ied)|rioters|"
                 r"mobs?|crowds?|supporters|youths|students|activists|party members")
_CROWD_WORDS = ("protest", "demonstrat", "marche", "rall", "rioters", "mob", "crowd",
                "supporters", "youths", "students", "activists", "party members")  # in each CROWD
# a crowd's own fighting, not an operation or ambush a crowd happens to be named in
_FIGHTING = ("clash", "fight", "fought", "battl", "skirmish", "attack", "opened fire")
PROTEST_WORDS = _word_re(r"protest\w*|demonstrat\w*|marche[drs]\w*|rall(?:y|ies|ied)")
ARMED_GROUP = _word_re(_IRREGULARS + r"fighters?|militia\w*|" + GROUP_NAMES)
TROOPS = _word_re(r"troops|soldiers|army|military|tanks")  # troops marching are no protesters
# words before "march" that make it the month ("held in March")
_MONTH_CUES = {"on", "in", "of", "since", "until", "early", "late", "mid", "last", "this", "next",
               "by", "from", "to", "and"}
RIOTING = re.compile(r"\b(?:threw (?:[\w'-]+ ){0,2}(?:stones|rocks|bricks|petrol bombs|"
                     r"molotov\w*|bottles)|pelted|hurled|stone-pelting|torched|"
                     r"set (?:[\w'-]+ ){0,4}(?:on )?fire|burn(?:ed|t|ing) (?:[\w'-]+ ){0,2}"
                     r"(?:tyres|tires|cars|vehicles|buildings|offices)|vandali[sz]\w*|looted|"
                     r"ransacked|clashed with|attacked (?:the )?(?:police|security|officers|"
                     r"shops|offices|buildings|vehicles))\b")
# (not tear gas, rubber bullets or water fired at a crowd: an intervention)
LETHAL_FORCE = re.compile(r"\b(?:live (?:ammunition|rounds|bullets|fire)|"
                          r"(?:opened fire|fired|firing|shooting|shot) "
                          r"(?!(?:[\w'-]+ ){0,2}(?:tear ?gas|teargas|rubber|water|pepper|stun|"
                          r"smoke|warning|plastic|blank)\b)(?:[\w'-]+ ){0,3}"
                          r"(?:at|on|into) (?:[\w'-]+ ){0,2}"
                          r"(?:protest|demonstrat|crowd|marcher)\w*|"
                          r"(?:protest|demonstrat|marcher)\w* (?:were|was) (?:[\w'-]+ ){0,2}"
                          r"(?:shot|killed)|(?:killing|killed|shot dead|shooting dead|wounding|"
                          r"injuring) (?!of )(?:[\w'-]+ ){0,3}(?:protest|demonstrat|marcher)\w*)")
_SOMEONE_DIED = re.compile(r"\b(?:was|were) (?:[\w'-]+ ){0,2}(?:killed|shot dead)\b|\bdied\b")
# (not a crowd that dispersed itself: "chanting slogans before dispersing quickly")
INTERVENTION = re.compile(r"\b(?:(?<!before )(?<!then )(?<!and )(?<!later )dispers\w*"
                          r"(?! (?:peacefully|quietly|quickly|calmly|without|on their own))|"
                          r"tear ?gas|teargas|water ?cannons?|rubber bullets|"
                          r"pepper spray|stun grenades|baton\w*|lathi\w*|broke up|break up|"
                          r"intervened|cracked down|crackdown|(?:arrested|detained|beat|beaten|"
                          r"arresting|detaining) (?:[\w'-]+ ){0,3}(?:protest\w*|demonstrat\w*|"
                          r"marchers|participants)|(?:protest|demonstrat|marcher)\w* (?:were|was)"
                          r" (?:[\w'-]+ ){0,2}(?:arrested|detained|beaten))\b")
# Words within the five before a trigger that make it no event: negation, modality, future,
# calls to stop ("urged a halt to the fighting"), time references ("since the start of").
BLOCK_WORDS = {"could", "would", "might", "will", "plan", "plans", "planned", "planning", "deny",
               "denied", "denies", "stop", "avoid", "prevent", "end", "if", "whether",
               "previously", "rejecting", "no", "not", "never", "must", "should", "halt",
               "expected", "scheduled"}
BLOCK_STEMS = ("threaten", "warn", "urg", "demand", "ask", "want", "halt")
BLOCK_PHRASES = ("call for", "calls for", "called for", "calling for", "restoration of",
                 "resumption of", "since the start of", "concern over", "risk of", "spectre of",
                 "time to", "ready to", "may be", "may have")
# a stem at the start of a word, or a phrase, in the words joined by spaces: one search for both
_BLOCK_TEXT = re.compile(r"(?:^| )(?:" + "|".join(map(re.escape, BLOCK_STEMS)) + r")|"
                         + "|".join(map(re.escape, BLOCK_PHRASES)))
NAMED_ACTORS = _word_re(r"is-k|iskp|haqqani network|unknown gunm[ae]n|gunm[ae]n|separatists|" +
                        GROUP_NAMES)
# armed men no name, force or demonym tells apart, as the ones who acted (not "3 militants were
# killed"): an actor only when the sentence names none
_UNNAMED_ARMED = re.compile(r"\b(militants|insurgents|rebels|bandits|assailants|attackers) "
                            r"(?:have |had |also |reportedly |then )?(?:shot|killed|ambushed|"
                            r"attacked|opened fire|fired|abducted|kidnapped|raided|stormed|"
                            r"seized|captured|overran|burned|torched|looted|targeted|bombed|"
                            r"shelled)\b")
# (within the demonym's phrase: "four Afghans, police said" names no Afghan police)
FORCE_NOUN = re.compile(r"^[\s'’-]*(?:\w+[\s'’-]+){0,2}?(forces|troops|soldiers|military|army|"
                        r"separatists|servicemen|fighters|militants|police|security forces|rebels|"
                        r"air force|navy|air defen[cs]es?)\b")
# a state as the subject of a strike: "Israel struck", "Russia has launched"
_STATE_ACTS = re.compile(r" (?:has |have |had |also |then )?(?:struck|bombed|shelled|attacked|"
                         r"hit|pounded|launched|fired)\b")
# "Ukraine's air force": a country's own forces, named by its possessive
_OWN_FORCE = re.compile(r"['’]s\s+(?:armed forces|army|military|air force|navy|air defen[cs]es?|"
                        r"troops|forces|police)\b|"
                        # "U.S. forces", "the United States military" (not "the war in Sudan
                        # forces millions to flee")
                        r"\s+(?:armed forces|army|military|air force|navy|troops|"
                        r"forces(?!\s+(?:[\w-]+\s+){0,2}to\b))\b")
# a state's own forces named by a pronoun, the state named before as who spoke or acted
_ITS_FORCE = re.compile(r"\bits (troops|forces|army|military|air defen[cs]es?|air force|navy|"
                        r"units|soldiers)\b")
# the second of two states sharing a force noun or weapon: "U.S. and British warplanes"
_AND_ANOTHER = re.compile(r"\s+(?:and|or)\s+[\w.-]+(?=\s)")
# a country's name before its aircraft or strikes ("U.S. warplanes"; "Israeli jets" is a
# demonym's): whose they are, not where they struck ("killed in U.S. strikes on Hodeidah")
_STATE_AIRCRAFT = re.compile(r"\s+(?:warplanes?|(?:fighter )?jets?|drones?|aircraft|helicopters?|"
                             r"gunships?|bombers?|missiles?|air ?strikes?|strikes)\b")
# a state's weapons that name its military ("a Russian missile"; not tanks or warships, targets
# as often, nor "German rocket scientists" or "the Russian missile industry")
STATE_WEAPON = re.compile(r"\W+(?:[\w-]+\s+)?(?:missiles?|drones?|air ?strikes?|air-strikes?|"
                          r"strikes?|shelling|artillery|warplanes?|jets?|aircraft|helicopters?|"
                          r"rockets?|shells?|bombs?|bombardment|gunships?)\b"
                          r"(?!\s+(?:scientists|engineers|industry|industries|makers?|companies|"
                          r"company|factory|factories|exports?|imports?|sales|deals?|"
                          r"enthusiasts)\b)")
NEAR = re.compile(r"\b(?:near|around|outside|close to|vicinity of|outskirts of|area of|"
                  r"heights around|(?:(?:north|south)-?(?:east|west)?|east|west) of)\s+(?:the\s+)?"
                  r"(?:\w+\s+of\s+)?$")
# every NEAR match holds one of these ("heights around", "east of" too): a quick test before
# the regex
_NEAR_WORDS = ("near", "around", "outside", "close to", "vicinity of", "outskirts of", "area of",
               "th of", "st of")
CUE = re.compile(r"\b(?:in|at|near|around|on|outside|into|across|inside|of|towards?)\s+"
                 r"(?:the\s+)?(?:\w+\s+){0,2}$")
NOT_THERE = re.compile(r"\bby\s+$|\b(?:reporting from|reports? from|km from|kilometres from|"
                       r"miles from|(?:tele)?phone from|speaking from|"
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
_CLAIM_WORDS = ("according to", " said", " says", " claim", " reported")  # one in every claim
OTHER_SOURCE = re.compile(r"\b(?:officials?|authorities|ministry|police|spokesm[ae]n|times|news|"
                          r"agency|sources|residents)\b (?:said|says|reported|confirmed)")
# Outlets owned by a party to a conflict: a document that only they report is one party's claim.
PARTY_OUTLETS = re.compile(r"voice of jihad|al-?emarah|amaq|al-?naba", re.I)
# Right after a trigger, within its clause: what is yet to come is no event
_AHEAD = re.compile(r"(?:\s+(?!(?:which|that|who)\b)[\w'-]+){0,4}?\s+(?:will|is|are)\s+"
                    r"(?:(?:also|now|still)\s+)?(?:expected|due|scheduled|set\s+to|planned|"
                    r"likely|(?:to\s+)?be\s+held|(?:to\s+)?take\s+place)\b", re.I)
_WITHOUT = re.compile(r"\bwithout (?:a |any |firing (?:a )?)?$", re.I)
_PACT_WORDS = {"truce", "ceasefire", "cease-fire", "peace deal", "agreement"}
_TALKS = re.compile(r"\s+(?:talks|negotiations|proposals?|plans?|calls?|efforts?|bids?|"
                    r"offers?|framework|draft|deadline)\b", re.I)
_ASIDE = re.compile(r"\s*\([^)]*\)")
_CREDIT = re.compile(r"\s*(?:read more|source|related|photo)\s*:")
_FRONT = re.compile(r"\s+(?:areas?|zones?|fronts?|lines?)\b")
_LANDMINE = re.compile(r"land|mine (?:blast|explo)", re.I)
# "in northern Burkina Faso": a side of the country is still in it; "rockets fired at
# northern Israel", "drones flew into Russia": the target
_IN_COUNTRY = re.compile(r"\b(?:in|inside|across|throughout|at|into)\s+(?:the\s+)?"
                         r"(?:(?:far\s+)?(?:(?:north|south)-?(?:east|west)?|east|west)ern\s+|"
                         r"central\s+)?$")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:\w+\s+and\s+(?:the\s+)?)?$")
# "on the road between Bandiagara and Bankass": somewhere along a route, near its first town
_ROUTE_BETWEEN = re.compile(r"\b(?:road|roads|highway|route|axis|stretch|section|track|"
                            r"corridor|railway|rail line)\s+between\s+(?:the\s+)?"
                            r"(?:town\s+of\s+)?$")
_SPEAKER = re.compile(r"['’]s\s+(?:\w+\s+)?(?:ministry|president|government|army|military|"
                      r"forces|defen[cs]e|foreign|prime|press|self-declared)")
# A sentence that adds casualties to the incident just reported ("3 militants were also killed",
# "in another attack at the same place"): ACLED codes one event per place, day and type, so its
# figures add to that event's instead of standing alone (or being taken as a lower estimate).
ADDITIVE = re.compile(r"\b(?:also|as well|in addition|another attack)\b")
# "in Kot, Khogyani and Dih Bala districts": one figure for several places.  ACLED codes one event
# per place and divides the figure evenly, the remainder going to the first-named places.
# "in Kot, Khogyani and Dih Bala districts", "the villages of Mitope and Naquitengue", "in the
# Port-au-Prince suburbs of Gressier and Carrefour"
_PARTS = r"(?:suburbs|neighbou?rhoods|districts|villages|towns|communes|quarters)"
_PARTS_OF = _PARTS + " of "
# the names a violent verb hits are scenes too ("shelled Nikopol and Kherson city")
_HIT = r"(?:struck|shelled|hit|bombed|pounded|targeted|attacked|stormed|raided|captured|" \
    r"seized|recaptured|retook|overran|took control of|(?:raids?|strikes|attacks|assault|" \
    r"offensive|operations?|incursions?) (?:on|into|against))"  # "a raid on Jenin and Tulkarm"
# "shelled the city of Nikopol and the town of Marhanets": each scene's kind before its name
_KIND_OF = r"(?:(?:the )?(?:city|town|village|port city) of )"
_LIST_START = re.compile(r"\b(?:(?:in|across) (?:the )?(?:limits of |outskirts of |[A-Z][\w'-]* " +
                         _PARTS_OF + r")?|" + _PARTS_OF + r"|" + _HIT + r" )(?=[A-Z]|" +
                         _KIND_OF + r"[A-Z])")
_ITEM = re.compile(_KIND_OF + r"?(?P<name>[A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|"
                   r"(?!in |of |on |at |to |by )[a-z]{1,2}(?= [A-Z])))*)"
                   r"(?: \([^)]*\))?(?: (?P<noun>districts?|provinces?|areas?|villages?|towns?|"
                   r"city|cities))?(?: \([^)]*\))?")
# "Nikopol overnight and Kherson": when each was hit may stand between two scenes
_SEP = re.compile(r"(?: overnight| early| later| again)?(?:, and |, | and )")
_ITEM_END = re.compile(r"\s*(?:[.,;]|$)|\s+(?:on|in|of|during|after|following|when|near|"
                       r"overnight|yesterday|today|tonight|last|this|early|late|at|since|amid|"
                       r"while|with|by)\b")
# capitalised words next to a name that are not part of it ("In Herat", "Herat City")
NAME_NEIGHBOURS = {"In", "On", "At", "Near", "From", "The", "To", "By", "Of", "And", "As", "Also",
                   "According", "Reported", "City", "District", "Province", "Area", "Village",
                   "Valley", "River", "Region", "Mountains", "Airport",
                   # the kind of area a name is ("Kenya's Lamu County", "Borno State")
                   "County", "State", "Oblast", "Governorate", "Prefecture", "Department",
                   "Municipality", "Territory", "Zone", "Woreda", "Commune", "Tehsil", "Raion",
                   "Rayon", "Subdistrict", "Chiefdom", "Island", "Islands"}
# (not a possessive: "Zamfara's Maru" is Maru, of Zamfara)
_CAP_BEFORE = re.compile(r"\b([A-Z][\w'-]*)(?<!'s)(?<!’s) $")
_CAP_AFTER = re.compile(r" ([A-Z][\w'-]*)")
# A works named after its town lies in it: "the Kharkiv Tractor Plant", "the Zaporizhzhia
# Nuclear Power Plant" (not a university or school, often named after a wider area)
_FACILITY_AFTER = re.compile(r"(?: [A-Z][\w'-]*){0,3} (?:Plant|Factory|Works|Steelworks|"
                             r"Refinery|Mine|Dam|Bridge|Port|Station|Airbase|Air Base|Depot|"
                             r"Market|Prison)\b")
_LOCATED_AFTER = re.compile(r",? (?:in|near|at|outside) (?:the )?[A-Z]")  # "... Plant in Enerhodar"


@dataclass
class Trigger:
    type: str
    subtype: str
    start: int  # offset in the sentence
    end: int


# "X shelled A, while Y struck B": two incidents one sentence tells, each with its own
# trigger and place (not "killed 3 in A, while 2 soldiers were wounded": one incident)
# (", and" or "and" too, before a force of its own: "Israeli jets struck Beirut overnight and
# Israeli troops clashed with Hezbollah fighters near Odaisseh")
_CLAUSE_BREAK = re.compile(r",\s+while\s+|;\s+(?:while\s+|meanwhile,?\s+)?|"
                           r",?\s+and\s+(?=(?:the\s+)?[A-Z][\w'’-]*\s+(?:[\w'’-]+\s+)?"
                           r"(?:forces|troops|soldiers|warplanes|jets|drones|militants|fighters|"
                           r"rebels|police|army|military)\s)")


def _clauses(doc: Document, spans: list[tuple[int, int]]
             ) -> Iterator[tuple[int, int, tuple[int, int]]]:
    """Each sentence, or each of its clauses that tells an incident of its own (a violent
    trigger and a place), with the whole sentence's span."""
    for start, end in spans:
        cuts = [start]
        for m in _CLAUSE_BREAK.finditer(doc.text, start, end):
            if _own_incident(doc, cuts[-1], m.start()) and _own_incident(doc, m.end(), end):
                cuts += [m.start(), m.end()]
        cuts.append(end)
        for a, b in zip(cuts[::2], cuts[1::2]):
            yield a, b, (start, end)


def _own_incident(doc: Document, start: int, end: int) -> bool:
    return any(t.type != STRATEGIC for t in triggers(doc.text[start:end])) and \
        any(start <= m.start and m.end <= end and m.kind == "place" for m in doc.mentions)


class EventExtractor:
    """Codes a geoparsed document's events; one instance serves many documents."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer
        self._capitals: dict[str, PlaceRef | None] = {}  # country code -> the capital found

    def extract(self, doc: Document) -> list[Event]:
        """Events of one document (after ``Pipeline``), merged within it, in text order.

        A document with no publication date is read against the latest date its text states
        (a caption's "September 28, 2020"), with a warning; the dates so found are coded a
        week's precision (2) unless the event's own sentence gives the day."""
        if doc.published is not None or not doc.text.strip():
            return self._extract(doc)
        stated = dates.latest_stated(doc.text)
        if stated is None:
            doc.warnings.append("no publication date: events are undated")
            return self._extract(doc)
        doc.warnings.append(f"no publication date: events are dated against {stated}, the "
                            "latest date the text states")
        events = self._extract(doc.model_copy(update={"published": stated}))
        for ev in events:
            said = " ".join(e.sentence for e in ev.evidence)
            if ev.date is not None and dates.resolve(said, None)[0] is None:
                ev.time_precision = max(ev.time_precision or 2, 2)
        return events

    def _extract(self, doc: Document) -> list[Event]:
        found: list[Event] = []
        fragments = {id(m) for m in doc.mentions if _fragment(doc.text, m)}
        kept = [m for m in doc.mentions if id(m) not in fragments]
        if fragments:
            kept = [m for m in kept if not _placed_at_fragment(m, doc.mentions, fragments)]
        allowed = _countries(doc.text, kept)
        # "KHARTOUM, March 11 (Reuters) -": the story's "on Sunday" counts back from the day it
        # was filed, and that day is no event's
        dated_from, filed = dates.dateline(doc.text, doc.published)
        if filed is not None:
            doc = doc.model_copy(update={"published": filed})
        lead: Event | None = None  # the incident the latest sentences report
        told: dates.Resolved = (None, None)  # the day the text last stated
        for start, end, whole in _clauses(doc, sentences.spans(doc.text)):
            follows = lead is not None and not doc.text[lead.evidence[-1].end:start].strip()
            when, told = dates.in_sequence(doc.text[max(start, dated_from):end], doc.published,
                                           told)
            if when[0] is None and whole != (start, end):  # "on Sunday, while ...": both
                when = dates.resolve(doc.text[max(whole[0], dated_from):whole[1]],
                                     doc.published)
            if _has_stem(doc.text[start:end]):
                # a clause's incident is as old as its sentence says ("In May 1902, ... a clash
                # between rebels and American troops")
                past = whole != (start, end) and \
                    bool(dates.past_years(doc.text[whole[0]:whole[1]], doc.published))
                events = self._sentence_events(doc, start, end, allowed, fragments, when,
                                               dated_from, past)
                if follows and not events:  # "1 person was killed.": no trigger of its own
                    _complete_toll(doc, start, end, lead)
                if follows:
                    events = fold_details(events, lead, doc.published)
                for ev in events:
                    _at_referent(ev, lead, doc.text[start:end])
                events = [e for e in events if _specific(e)]
                events, lead = fold_additions(events, lead, doc.text[start:end])
                found += events
            elif follows:  # "There were 4 fatalities.": no event, the incident's figure
                _complete_toll(doc, start, end, lead)
        if partisan(doc.source):  # the whole document is one party's claim
            for ev in found:
                ev.fatalities, ev.fatalities_cumulative = None, False
        return merge(found)

    def _sentence_events(self, doc: Document, start: int, end: int, allowed: set[str],
                         fragments: set[int], when: dates.Resolved, dated_from: int = 0,
                         past: bool = False) -> list[Event]:
        """``fragments``: the ids of the document's mentions that are fragments (_fragment);
        ``dated_from``: where the text's dateline ends (its day is no figure: "BAMAKO, Feb 3
        (Wire) - ... killed 30"); ``past``: the events are background whatever the text."""
        text = doc.text[start:end]
        if _CREDIT.match(fold(text)):
            return []  # links to other articles and credits report nothing here
        told = _without_motive(text)
        # the incident this one came after is told elsewhere, unless it is all the sentence has
        # (most sentences have no such clause, nor any trigger: read them once)
        later = _without_earlier(told)
        main = _without_fighting_elsewhere(later)
        found = main != later and triggers(main) or triggers(later) or \
            (triggers(told) if later != told else [])
        if not found:
            return []
        mentions = [m for m in doc.mentions if start <= m.start and m.end <= end
                    and (m.place is None or m.place.country_code in allowed)]
        mentions = [_unplaced(m) if id(m) in fragments else m
                    for m in _inside_named_provinces(mentions)]
        figures_from = max(start, dated_from)
        facts = _facts(doc, figures_from, end, [m for m in mentions if m.start >= figures_from],
                       when, past)
        events = [_event(doc, start, end, mentions, t, facts) for t in found]
        for ev in events:
            if ev.place is None and ev.place_name is None:
                self._at_named_capital(ev, doc.text, mentions)
        listing = " and " in text or ", " in text  # most sentences list nothing
        counted = numbers.counts_by_place(text) if listing else []
        if counted:  # "including nine in Jabalia and five in Nuseirat": each place its own
            return [part for e in events for part in (
                split_by_count(e, counted, doc.text, start, mentions)
                if e.type != STRATEGIC else [e])]
        places = listed_places(text) if listing else []
        places = _without_areas(places, doc.text, start, mentions)
        if len(places) > 1:  # ACLED codes one event per place, the figures divided
            names = {text[a:name_end] for a, name_end, _, _ in places}
            events = [part for e in events
                      for part in (split_by_place(e, places, doc.text, start, mentions)
                                   if _has_figures(e) or e.type != STRATEGIC and
                                   e.place_name in names else [e])]
        return events

    def _at_named_capital(self, ev: Event, text: str, mentions: list[Mention]) -> None:
        """"A car bomb exploded in the Iraqi capital": no place is named, but the capital is."""
        for m in mentions:
            said = _CAPITAL_AFTER.match(text, m.end) if m.kind == "demonym" else None
            capital = self._capital(m.country_code) if said and m.country_code else None
            if capital is not None:
                ev.place, ev.place_name, ev.geo_precision = capital, text[m.start:said.end()], 1
                return

    def _capital(self, code: str) -> PlaceRef | None:
        if self.gazetteer is None:
            return None
        if code not in self._capitals:
            best = self.gazetteer.capital(code)
            self._capitals[code] = place_ref(best) if best is not None else None
        return self._capitals[code]


_CAPITAL_AFTER = re.compile(r"\s+capital\b")


# "in retaliation for a drone attack that killed three soldiers": the other incident's
# figures, up to the clause's end
_MOTIVE = re.compile(r"\b(?:in (?:retaliation|response|revenge|reprisal) (?:for|to)|to avenge)"
                     r"\b[^,;]*", re.IGNORECASE)


# "agreed to lay down their weapons, a day after Azerbaijan's offensive began": an incident
# before the one told, up to the clause's end
_EARLIER = re.compile(r"\b(?:(?:a|one|two|three|several|\d+) (?:days?|hours?|weeks?)|the day|"
                      r"hours|days|weeks) after\b[^,;]*", re.IGNORECASE)


def _without_earlier(sentence: str) -> str:
    """The sentence with the incident it follows blanked out, offsets kept."""
    if " after " not in sentence:
        return sentence
    return _EARLIER.sub(lambda m: " " * len(m.group()), sentence)


# "..., as fighting also flared in the Kordofan region": the war around the incident
_FIGHTING_ELSEWHERE = re.compile(r", as (?:[\w'-]+ ){0,3}?(?:fighting|clashes|battles)\b[^;]*")


def _without_fighting_elsewhere(sentence: str) -> str:
    """The sentence with a trailing "as fighting ..." clause blanked out, offsets kept: the
    main clause's incident ("the RSF shelled El Fasher, killing 18, as fighting flared in
    Kordofan") is coded by its own trigger when it has one."""
    if ", as " not in sentence:
        return sentence
    return _FIGHTING_ELSEWHERE.sub(lambda m: " " * len(m.group()), sentence)


def _without_motive(sentence: str) -> str:
    """The sentence with the incident it answers blanked out, offsets kept."""
    if "retaliat" not in sentence and "respon" not in sentence and \
            "reveng" not in sentence and "reprisal" not in sentence and "aveng" not in sentence:
        return sentence  # most sentences: spares the search
    # (an epidemic or a flood answered stays: it says the measure is no political event)
    return _MOTIVE.sub(lambda m: m.group() if _MISHAP.search(fold(m.group())) else
                       " " * len(m.group()), sentence)


def _facts(doc: Document, start: int, end: int, mentions: list[Mention],
           stated: dates.Resolved, past: bool = False) -> dict:
    """The fields of a sentence's events that do not depend on the trigger: date (``stated``:
    dates.in_sequence's), actors, figures, background (also when ``past``)."""
    text = doc.text[start:end]
    background = past or bool(dates.past_years(text, doc.published))
    when, precision = stated
    if background:
        when, precision = None, None  # "in 1994": a year, finer than nothing ACLED codes
    elif when is None and doc.published is not None:
        when, precision = doc.published, 1  # undated news: the day it was reported
    toll = numbers.casualties(_without_motive(text))
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
    spot = choose_place(doc.text, mentions, start, start + trig.start,
                        trig.subtype in DECISIONS, start + trig.end)
    ev = Event(id="", type=trig.type, subtype=trig.subtype, **facts,  # validation copies lists
               evidence=[Evidence(document_id=doc.id, sentence=doc.text[start:end], start=start,
                                  end=end)],
               sources=[doc.id])
    _place(ev, doc.text, spot, mentions)
    _home_force(ev, doc.text[start:end], trig.start)
    if ev.subtype == "Government regains territory" and _foreign_force(ev):
        # ACLED: a foreign state's forces taking ground are coded as a non-state actor's gain
        ev.subtype = "Non-state actor overtakes territory"
    return ev


# a state's force no demonym names, as the subject of the trigger's verb ("Army drones struck",
# "the military shelled"): not a victim ("soldiers were killed when"), nor a noun's modifier
# ("military mobilisation")
_HOME_FORCE = re.compile(r"\b(?:(?:the|government|state|security)\s+)?(army|military|troops|"
                         r"government forces|security forces|air force|warplanes)"
                         r"(?:\s+(?:drones?|jets?|aircraft|artillery|helicopters?))?\s+"
                         r"(?:also\s+|then\s+|reportedly\s+|have\s+|has\s+)?"
                         r"(?:\w+ed|struck|hit|shot|fought|overran|took|retook)\b", re.IGNORECASE)


# ... or a party the fighting is "between" ("clashes between the army and the SPLM-N")
_HOME_PARTY = re.compile(r"\b(?:clash\w*|fighting|battles?) between (?:the )?(army|military|"
                         r"government forces|security forces|troops)\b", re.IGNORECASE)


def _home_force(ev: Event, sentence: str, trigger: int) -> None:
    """The force of the country where the event happened, as the first actor, when the
    trigger's subject or party is a force the sentence gives no state: "Army drones struck RSF
    positions in Omdurman" is the Sudanese army's strike, not the RSF's."""
    if ev.type == STRATEGIC or ev.place is None or any(a.country_code for a in ev.actors):
        return
    force = next((f for pattern in (_HOME_FORCE, _HOME_PARTY) for f in pattern.finditer(sentence)
                  if f.start() <= trigger < f.end()), None)
    if force is not None:
        ev.actors.insert(0, Actor(name=force.group(1), country_code=ev.place.country_code))


def _foreign_force(ev: Event) -> bool:
    """The first actor whose country the text states ("Russian forces") is not of the country
    where the event happened."""
    first = next((a.country_code for a in ev.actors if a.country_code), None)
    return ev.place is not None and first is not None and first != ev.place.country_code


def party_claim(sentence: str) -> bool:
    """The sentence's figures come only from one armed party ("according to Taliban sources")."""
    text = fold(sentence)
    if not any(w in text for w in _CLAIM_WORDS):
        return False  # the common case, decided without the regexes
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
        # a sentence that gives no date of its own ("3 more died in another attack") reports
        # the incident's day, not the day of publication its events were given
        undated = dates.resolve(sentence, lead.date)[0] is None
        for ev in [e for e in events if _adds_to(lead, e, undated)]:
            lead.fatalities = (lead.fatalities or 0) + ev.fatalities
            if ev.wounded is not None:
                lead.wounded = (lead.wounded or 0) + ev.wounded
            lead.evidence.append(ev.evidence[0])
            events.remove(ev)
    first = next((e for e in events if e.type != STRATEGIC and not e.background), None)
    return events, first or lead


# How a protest went, least to most severe: a later sentence can only raise it.
PROTEST_RANK = {"Peaceful protest": 0, "Protest with intervention": 1,
                "Excessive force against protesters": 2, "Violent demonstration": 3}
_INTERVENTION = ("Protests", "Protest with intervention")  # what arrests at a protest make it


def _at_least(protest: Event | Trigger, kind: tuple[str, str]) -> None:
    """Raise a protest's coding to ``kind`` when that is the more severe (PROTEST_RANK): arrests
    or dispersal told with it make it one with intervention; nothing lowers it."""
    if PROTEST_RANK.get(kind[1], -1) > PROTEST_RANK.get(protest.subtype, 3):
        protest.type, protest.subtype = kind


def fold_details(events: list[Event], lead: Event, published: dt.date | None) -> list[Event]:
    """A sentence right after an incident's that names no place and only tells how it went
    ("5 fighters were killed.", "Police dispersed the protesters.") is the same incident: ACLED
    codes one event, with the figures stated and the protest's most severe subtype."""
    for ev in [e for e in events if _details(lead, e, published)]:
        if lead.fatalities is None and lead.wounded is None and not ev.fatalities_cumulative:
            lead.fatalities, lead.wounded = ev.fatalities, ev.wounded
        if ev.place is not None:  # the spot inside the area the incident was placed at
            lead.place, lead.place_name, lead.geo_precision = \
                ev.place, ev.place_name, ev.geo_precision
        _at_least(lead, _INTERVENTION if ev.subtype == "Arrests" else (ev.type, ev.subtype))
        lead.evidence.append(ev.evidence[0])
        events.remove(ev)
    return events


def _at_referent(ev: Event, lead: Event | None, sentence: str) -> None:
    """"Police later retook the town", "air strikes on positions east of the city": a sentence
    that names no place but "the town" happened where the incident before it did, when that
    was a town (nearby, precision 2, for "east of", "near", "outside")."""
    if ev.place_name or lead is None or lead.place is None or ev.background or \
            lead.background or not lead.place.feature_code.startswith("PPL"):
        return  # (what follows a battle of 1861 is history too, whatever its own words)
    said = _THE_TOWN.search(fold(sentence))
    if said is not None:
        ev.place, ev.place_name = lead.place, lead.place_name
        ev.geo_precision = max(lead.geo_precision or 1, 2 if said["near"] else 1)
        if dates.resolve(sentence, lead.date)[0] is None:
            ev.date = lead.date  # a sentence that gives no day of its own tells the same day


# (the place itself, not "the town of X" or "the city charter")
_THE_TOWN = re.compile(r"(?P<near>\b(?:near|outside|around|(?:north|south|east|west)\w* of|"
                       r"outskirts of)\s+)?\bthe (?:town|city|village|camp)(?=\s*(?:[.,;:]|$)|"
                       r"\s+(?:on|in|at|after|before|and|but|when|while|where|from|overnight|"
                       r"late|early)\b)")


def _complete_toll(doc: Document, start: int, end: int, lead: Event) -> None:
    """A sentence right after an incident's that only gives figures and names no place
    ("There were 4 fatalities."): the incident's, when its own sentence gave none."""
    text = doc.text[start:end]
    if lead.background or lead.type == STRATEGIC or not _untold_toll(lead) or \
            not numbers.HINT.search(fold(text)) or \
            any(start <= m.start < end and m.kind == "place" for m in doc.mentions):
        return
    toll = numbers.casualties(text)
    if toll.killed is None and toll.wounded is None or party_claim(text):
        return
    lead.fatalities, lead.wounded = toll.killed, toll.wounded
    lead.evidence.append(Evidence(document_id=doc.id, sentence=text, start=start, end=end))


def _details(lead: Event, ev: Event, published: dt.date | None) -> bool:
    if ev.background or lead.background or ev.date not in (lead.date, published):
        return False
    if ev.place is not None or ev.place_name:
        return _names_the_spot(lead, ev)
    if lead.subtype in PROTEST_RANK and (ev.subtype in PROTEST_RANK or ev.subtype == "Arrests"):
        return True  # "Police dispersed the protesters with tear gas.", "... arrested 10."
    if ev.subtype == "Looting/property destruction" and lead.type in _HARMFUL:
        return True  # "... They looted homes and shops.": the attack's looting (ACLED)
    if ev.type == STRATEGIC:
        return False
    if ev.subtype == lead.subtype and not _has_figures(ev) and \
            not _SEPARATE.search(fold(ev.evidence[0].sentence)):
        return True  # "The gunmen arrived on motorbikes and opened fire on traders.": how it went
    return _untold_toll(lead) and _has_figures(ev) and ev.subtype in ("Armed clash", "Attack")


def _names_the_spot(lead: Event, ev: Event) -> bool:
    """"Air strikes on a village in Sagaing region ... The strikes hit Let Pan village": the
    next sentence, of the same sub-type and no other incident, names the spot inside the area
    the incident was placed at (a province or country)."""
    area, spot = lead.place, ev.place
    if area is None or spot is None or ev.subtype != lead.subtype or \
            _SEPARATE.search(fold(ev.evidence[0].sentence)):
        return False
    if area.feature_code == "ADM1":
        return spot.feature_code != "ADM1" and spot.country_code == area.country_code and \
            spot.admin1 == area.admin1
    return area.feature_code.startswith("PCL") and not spot.feature_code.startswith("PCL") \
        and spot.country_code == area.country_code


# words that open another incident, not more of the one just told
_SEPARATE = re.compile(r"\b(?:separately|separate|another|again|elsewhere|meanwhile|earlier|"
                       r"later)\b")


def _untold_toll(lead: Event) -> bool:
    """The incident's own sentence gave no casualties, so a bare report after it ("5 fighters
    were killed.") is its figure.  When that sentence speaks of casualties without a number
    ("caused a heavy toll"), a figure after it may count only one side's, and stands alone."""
    return lead.fatalities is None and lead.wounded is None and \
        not numbers.HINT.search(fold(lead.evidence[0].sentence))


def _adds_to(lead: Event, ev: Event, undated: bool = False) -> bool:
    if ev.type == STRATEGIC or ev.background or ev.fatalities is None or \
            ev.fatalities_cumulative or lead.fatalities_cumulative or \
            ev.date != lead.date and not undated or ev.subtype != lead.subtype:
        return False  # "troops also shelled villages" after an air strike is another event
    if ev.place is None and not ev.place_name:
        return True  # nothing says it happened elsewhere
    return ev.place is not None and lead.place is not None and ev.place.id == lead.place.id


def listed_places(sentence: str) -> list[tuple[int, int, int, str | None]]:
    """(start, name end, end, kind noun) of the places a sentence lists as the scene of its one
    figure ("in Kot, Khogyani and Dih Bala districts, Nangarhar": three districts; the province
    after them contains them)."""
    # the first start that opens a list: "struck RSF positions in A and B" is listed after
    # "in", not after the verb
    items = next((found for m in _LIST_START.finditer(sentence)
                  if (found := _list_items(sentence, m.end()))), [])
    kept = [(span, noun) for i, (span, noun, sep) in enumerate(items)
            if not (i and _contains(items[i - 1], noun, sep))]
    # "Kot, Khogyani and Dih Bala districts": the plural noun names what each bare item is
    return [(*span, noun or next((n for _, n in kept[i + 1:] if n), None))
            for i, (span, noun) in enumerate(kept)]


def _list_items(sentence: str, pos: int) -> list[tuple[tuple[int, int, int], str | None, str]]:
    """((start, name end, end), kind noun, separator after) of each name listed from pos."""
    items = []
    while True:
        item = _ITEM.match(sentence, pos)
        if item is None or not _ITEM_END.match(sentence, item.end()) and \
                not _SEP.match(sentence, item.end()):
            return items
        sep = _SEP.match(sentence, item.end())
        span = (item.start("name"), item.end("name"), item.end())
        items.append((span, item["noun"], sep.group() if sep else ""))
        if sep is None:
            return items
        # "Gaza and the West Bank" (after a comma, "the" starts an aside: "Colorado, the Battle")
        pos = sep.end() + 4 * (sep.group().endswith("and ") and
                               sentence.startswith("the ", sep.end()))


def _contains(before: tuple, noun: str | None, sep: str) -> bool:
    """"X district, Laghman," and "... districts, Helmand.": a bare name after a named area,
    set off by commas, is the province around it, not another scene."""
    return noun is None and before[1] is not None and before[2] == ", " and sep != " and "


def _without_areas(places: list[tuple[int, int, int, str | None]], text: str, start: int,
                   mentions: list[Mention]) -> list[tuple[int, int, int, str | None]]:
    """The listed places less those that only say where the one before lies: "in Peshawar,
    Khyber Pakhtunkhwa" and "in Goma, North Kivu" are one scene each, not two, since the
    province (or country) after the comma holds the town the geoparser placed before it."""
    kept: list[tuple[int, int, int, str | None]] = []
    for item in places:
        before = kept[-1] if kept else None
        if before is None or text[start + before[2]:start + item[0]] != ", " or \
                not _holds(_resolved_in(mentions, start + item[0], start + item[2], text),
                           _resolved_in(mentions, start + before[0], start + before[2], text)):
            kept.append(item)
    return kept


def _holds(area: Mention | None, town: Mention | None) -> bool:
    """The area's place is the country or province the town's place lies in (or the area an
    unknown town was placed at)."""
    if area is None or town is None:
        return False
    a, t = area.place, town.place
    return a.id == t.id or a.country_code == t.country_code and (
        a.feature_code.startswith("PCL") and not t.feature_code.startswith("PCL") or
        a.feature_code == "ADM1" and t.admin1 == a.admin1 and t.feature_code != "ADM1")


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
        part = _part(ev, fatalities=_share(ev.fatalities, k, i),
                     wounded=_share(ev.wounded, k, i), place_name=text[start + a:start + name_end])
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


def split_by_count(ev: Event, counted: list[tuple[int, int, int, int]], text: str,
                   start: int, mentions: list[Mention]) -> list[Event]:
    """One event per place the sentence gives a figure for, with that figure; the deaths of
    the total stated before the list that no listed place accounts for are one more event,
    unplaced ("killed 20, including nine in Jabalia and five in Nuseirat": six died
    elsewhere)."""
    parts = []
    for i, (_, a, b, killed) in enumerate(counted):
        part = _part(ev, fatalities=killed, fatalities_cumulative=False,
                     wounded=_share(ev.wounded, len(counted), i),
                     place_name=text[start + a:start + b])
        spot = _resolved_in(mentions, start + a, start + b, text)
        if spot is not None:
            _place(part, text, spot, mentions)
        parts.append(part)
    total = numbers.casualties(text[start:start + counted[0][0]]).killed
    rest = (total or 0) - sum(killed for *_, killed in counted)
    if rest > 0 and not ev.fatalities_cumulative:
        parts.append(_part(ev, fatalities=rest, wounded=None))
    return parts


def _part(ev: Event, **update) -> Event:
    """A copy of ``ev`` for one of its places, unplaced until the caller places it, with lists
    of its own (one part's evidence or actors must not change as another's grow)."""
    return ev.model_copy(update={
        "place": None, "place_name": None, "geo_precision": None,
        "evidence": list(ev.evidence), "sources": list(ev.sources), "actors": list(ev.actors),
        **update})


def _resolved_in(mentions: list[Mention], a: int, b: int, text: str) -> Mention | None:
    return next((m for m in mentions if a <= m.start < b and m.place is not None
                 and m.kind == "place" and _placeable(text, m, False)), None)


def _where(ev: Event) -> object:
    return ev.place.id if ev.place is not None else ev.place_name


def _plus(a: int | None, b: int | None) -> int | None:
    return None if a is None and b is None else (a or 0) + (b or 0)


def _share(total: int | None, k: int, i: int) -> int | None:
    return None if total is None else total // k + (i < total % k)


def _countries(text: str, mentions: list[Mention]) -> set[str]:
    """Countries an event in this document may lie in: those it names (countries, demonyms) and
    the one most of its places resolve to.  A town resolved into any other country (Afghan
    "Deh" read as Decorah, Iowa) is a resolver slip, not where the event happened."""
    named = {m.place.country_code for m in mentions if m.place is not None and
             (m.kind == "demonym" or m.place.feature_code.startswith("PCL"))}
    votes: dict[str, float] = {}
    # provinces and countries say more about the focus than a small town; a demonym names who
    # acted ("Russian forces shelled Kharkiv"), not where, so it does not vote; nor does a
    # state standing for its government ("the US embassy in Baghdad"); a country counts as a
    # province does where something is in it ("in Yemen"), and less than a town where it says
    # whose something is ("a US drone strike ... in Marib")
    for m in mentions:
        if m.place is not None and m.kind not in ("demonym", "metonym") and \
                not NAMED_ACTORS.fullmatch(fold(m.text)):
            code = m.place.feature_code
            if code.startswith("PCL"):
                located = _IN_COUNTRY.search(fold(text[max(0, m.start - 20):m.start]))
                vote = 3.0 if located else 0.5
            else:
                vote = 3.0 if code.startswith(("ADM1", "PPLC")) else 1.0
            votes[m.place.country_code] = votes.get(m.place.country_code, 0.0) + vote
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
    works = _FACILITY_AFTER.match(text, m.end) if after is not None else None
    if works is not None and not _LOCATED_AFTER.match(text, works.end()):
        return False  # the works is in the town it is named after, unless the text says where
    return any(w is not None and w[1] not in NAME_NEIGHBOURS
               and not NAMED_ACTORS.fullmatch(fold(w[1])) for w in (before, after))


def _placed_at_fragment(m: Mention, mentions: list[Mention], fragments: set[int]) -> bool:
    """An unknown name placed at the area named after it ("Regi of Deh Rahwod") when that area
    is a fragment's namesake guess (Deh read as a town in Iowa): as much a slip as the fragment."""
    if m.place is None or fold(m.place.name).startswith(fold(m.text)):
        return False
    return any(id(f) in fragments and f.place.id == m.place.id for f in mentions)


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
    low = fold(sentence)
    # the pattern beginnings present: every head that begins a word found
    found = {h for w in _HEAD_RE.findall(low) for h in _HEADS_BY_PAIR.get(w[:2], ())
             if w.startswith(h)}
    for i in sorted(_HEADLESS.union(*(_PATTERNS_OF[h] for h in found))):  # in priority order
        etype, subtype, pattern, _ = _COMPILED[i]
        group = "s" if etype == STRATEGIC else "v"
        if group in best:
            continue
        for m in pattern.finditer(low):
            if _fits(etype, subtype, low, m, sentence) and not _blocked(sentence, m):
                best[group] = Trigger(etype, subtype, m.start(), m.end())
                break
    if "v" not in best:
        fallback = _casualty_only(sentence, low)
        if fallback:
            best["v"] = fallback
    else:
        best["v"] = _refine(best["v"], low)
    if len(best) == 2:
        best = _one_coding(best, low)
    return sorted(best.values(), key=lambda t: t.start)


_CAPTIVES = _word_re(r"hostages?|captives?|prisoners?|detainees?|abducted|kidnapped|abductees|"
                     r"soldiers?|fighters?|militants?|civilians|aid workers?|journalists?")
_HEAVY_FIRE = re.compile(r"\b(?:artillery|mortars?|shell\w*|rockets?|missiles?|tanks?|"
                         r"howitzers?|bombard\w*|mlrs)\b")
_CRITICS = re.compile(r" (?:from|for|over) (?:[\w'-]+ ){0,2}(?:officials?|critics?|lawmakers?|"
                      r"politicians?|activists?|opposition|media|press|public|residents|groups?|"
                      r"parents|experts?|doctors?|the government)\b|"
                      r" (?:for|over) (?!a |an |the |\d)")
_PARTIES = _word_re(r"ceasefire|cease-fire|truce|peace|prisoners?|hostages?|rebels?|militants?|"
                    r"taliban|forces|troops|army|militia\w*|insurgents?|armed|warring|fighters|"
                    r"separatists|surrender\w*|" + GROUP_NAMES)
_TERRITORY = re.compile(r"(?:[\w'-]+ ){0,3}(?:control|towns?|villages?|cit(?:y|ies)|areas?|"
                        r"districts?|provinces?|regions?|territory|bases?|posts?|outposts?|"
                        r"check ?points?|positions?|hills?|heights|airports?|bridges?|roads?|"
                        r"highways?|garrisons?|headquarters|compounds?|settlements?|island)\b")
# "fighting near Kherson", "fighting broke out": the fighting itself, placed or happening (not
# "fighting cancer", whose object follows)
_FIGHTING_WHERE = (" near ", " in ", " around ", " between ", " at ", " on ", " along ", " across ",
                   " outside ", " inside ", " for ", " continued", " raged", " intensified",
                   " flared", " resumed", " erupted", " broke out", " has ", " have ", " had ",
                   " was ", " is ", " left ", " killed")
_FIERCE = ("heavy ", "fierce ", "intense ", "renewed ", "street ")
# people who fight without being armed forces: crowds' supporters, rival groups, clans
_FIGHTERS = _word_re(r"supporters|rivals?|clans?|tribes?|tribal|communities|sides|"
                     r"villagers|herders|farmers|youths|gangs?|factions?|groups")
_HARMFUL = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Riots")
_PROTEST_TOPIC = re.compile(r"\b(?:against|over|condemning|denouncing|protesting|demanding)\s+"
                            r"(?:[\w'-]+\s+){0,3}$")


_TAKEN = ("Government regains territory", "Non-state actor overtakes territory")


def _one_coding(best: dict[str, Trigger], low: str) -> dict[str, Trigger]:
    """Drop the trigger ACLED folds into the other: a bomb defused or gone off prematurely is
    the disrupted weapons use, not an explosion; arrests at a protest are its intervention;
    looting in an attack or a riot is part of it; what a protest is against is no event."""
    v, s = best["v"], best["s"]
    if s.subtype == "Disrupted weapons use" and v.type == "Explosions/Remote violence":
        return {"s": s}
    if s.subtype == "Looting/property destruction" and v.type in _HARMFUL:
        return {"v": v}  # looting during an attack or a riot is part of it (ACLED)
    if v.type in ("Protests", "Riots") and s.start > v.start and \
            _PROTEST_TOPIC.search(low, v.end, s.start):
        return {"v": v}  # "protested against the arrest of a colleague": what they protested
    if v.subtype == "Abduction/forced disappearance" and \
            low[s.start:s.end] in ("released", "freed"):
        return {"v": v}  # "kidnapped a priest ...; he was released": the abduction, told whole
    if s.subtype == "Non-violent transfer of territory" and v.subtype in _TAKEN:
        # "took control of Kidal after the rebels withdrew": one change of hands, a battle only
        # where the sentence tells of fighting
        return {"v": v} if any(w in low for w in _FIGHTING) else {"s": s}
    if s.subtype == "Arrests" and v.type == "Protests":
        _at_least(v, _INTERVENTION)  # "protesters marched ...; police detained 30"
        return {"v": v}
    return best


def _blocked(sentence: str, m: re.Match) -> bool:
    words = _WORDS.findall(sentence[max(0, m.start() - 60):m.start()].lower())[-5:]
    if not BLOCK_WORDS.isdisjoint(words) or _BLOCK_TEXT.search(" ".join(words)):
        return True
    if _AHEAD.match(sentence, m.end(), m.end() + 80):
        return True  # "Protests will be held on Friday", "the truce is expected to be signed"
    if _WITHOUT.search(sentence, max(0, m.start() - 20), m.start()):
        return True  # "withdrew without a fight", "without firing a shot"
    word = m.group().lower()
    if word in _PACT_WORDS and _TALKS.match(sentence, m.end()):
        return True  # "ceasefire talks", "a truce proposal": nothing agreed yet
    if word.startswith("fight") and _FRONT.match(sentence, m.end(), m.end() + 20):
        return True
    return word == "mines" and not _LANDMINE.search(sentence)


# what strikes from the air are "on": a target, not a day or a company's routes
_STRIKE_TARGETS = re.compile(r"(?:[\w'-]+ ){0,3}?(?:positions?|targets?|sites?|bases?|camps?|"
                             r"depots?|facilities|infrastructure|areas?|villages?|towns?|"
                             r"schools?|hospitals?|homes?|houses?|buildings?|shelters?|"
                             r"monaster(?:y|ies)|churche?s?|mosques?|temples?|markets?|"
                             r"cit(?:y|ies)|neighbou?rhoods?|hideouts?|strongholds?|convoys?|"
                             r"militants|rebels|fighters|insurgents)\b")


_DAY_NAME = re.compile(r"(?:" + "|".join(dates.WEEKDAYS + list(dates.MONTHS)) + r")\b")


# the clause a protest's topic runs to ("protested against the silence over the fighting")
_PROTESTED_AGAINST = re.compile(r"\b(?:against|over|condemning|denouncing|protesting|"
                                r"demanding)\b[^,;]*$")


def _name_follows(sentence: str, low: str, end: int) -> bool:
    """A capitalised word that is no day or month follows ``end``."""
    return sentence[end:end + 1].isupper() and not _DAY_NAME.match(low, end)


def _struck_target(sentence: str, low: str, end: int) -> bool:
    """"Israeli strikes on Gaza", "strikes against militant hideouts" (not "strikes on Monday",
    a walkout): a name, a target word or a death follows."""
    return _name_follows(sentence, low, end) or _STRIKE_TARGETS.match(low, end) is not None \
        or LETHAL.search(low) is not None


_STRIKERS = _word_re(r"jets|warplanes|aircraft|planes|drones|helicopters|gunships|junta")


def _state_struck(sentence: str, low: str, m: re.Match) -> bool:
    """"Israel struck targets near Damascus", "the army bombed Rafah": a state, a force or its
    aircraft (a name or such a word right before the verb) hit a place or a target (not "a car
    struck a pedestrian", "Shell struck a deal", "an earthquake struck Malatya")."""
    subject = sentence[max(0, m.start() - 30):m.start()].split()[-1:]
    if not subject or _MISHAP.search(low):
        return False
    word = subject[0].lower()
    by_state = subject[0][:1].isupper() or FORCES.fullmatch(word) or _STRIKERS.fullmatch(word)
    return bool(by_state) and (_name_follows(sentence, low, m.end() + 1) or
                               _STRIKE_TARGETS.match(low, m.end() + 1) is not None)


def _attacked_place(sentence: str, low: str, m: re.Match) -> bool:
    """"ADF rebels attacked Oicha": a name follows (not a day or a month) and armed men, named
    before the verb, did it (not "fans stormed Wembley"); a raid by state forces is a search
    ("police raided Hamas offices"), not a fight."""
    before = low[:m.start()]
    return _name_follows(sentence, low, m.end()) and bool(
        ARMED_GROUP.search(before) or not m.group().startswith("raid") and FORCES.search(before))


def _fits(etype: str, subtype: str, low: str, m: re.Match, sentence: str) -> bool:
    """Context checks a bare keyword cannot make (kept out of the patterns so that each pattern
    starts with a rare word the prefilter can look for).  ``low``: the folded ``sentence``
    (same offsets)."""
    before = low[max(0, m.start() - 12):m.start()]
    word = m.group()
    if subtype == "Government regains territory":
        # "the Liberation of Guam" names a campaign of history, as "Liberation Day" a holiday
        named = word == "liberation" and m.start() > 0 and sentence[m.start()].isupper()
        return not named and bool(FORCES.search(low))
    if word == "occupied":  # "had occupied heights", "troops occupied", not "occupied Karabakh"
        words = before.split()
        return before.endswith(("has ", "had ", "have ")) or \
            bool(words) and FORCES.fullmatch(words[-1]) is not None
    if word.startswith(("fight", "fought")):
        # "fighting between the army and rebels", "rival supporters fought", not "his brave
        # fight" with an illness or "efforts to fight mosquitoes", nor what a protest was
        # against ("students protested against the silence over the fighting")
        if _PROTESTED_AGAINST.search(low, 0, m.start()) and PROTEST_WORDS.search(low, 0, m.start()):
            return False
        return bool(FORCES.search(low) or ARMED_GROUP.search(low) or CROWD.search(low) or
                    _FIGHTERS.search(low) or before.endswith(_FIERCE) or
                    word == "fighting" and low.startswith(_FIGHTING_WHERE, m.end()))
    if word.startswith("strike") and word.endswith((" on ", " against ")):
        return _struck_target(sentence, low, m.end())
    if word.endswith(" "):
        return _attacked_place(sentence, low, m)
    if word.startswith("strike"):  # "Israeli strikes hit Tyre", not lightning or a walkout
        return not before.endswith(("lightning ", "general ", "hunger ", "labour ", "labor ",
                                    "workers ", "workers' "))
    if word == "bombed" and subtype == "Remote explosive/landmine/IED":
        return ARMED_GROUP.search(low, 0, m.start()) is not None  # "militants bombed a bus"
    if word in ("struck", "bombed"):
        return _state_struck(sentence, low, m)
    if word.startswith("operation"):
        return before.endswith(("clearing ", "military ", "security "))
    if word in ("freed", "released"):  # hostages and prisoners, not a driver out on bail
        return before.endswith(("were ", "was ")) and _CAPTIVES.search(low) is not None
    if word.startswith(("seiz", "captur")) and etype != STRATEGIC:
        # "seized a weapons cache" disrupts weapons use, "seized 3 tonnes of meat" nothing:
        # ground changed hands only where ground follows ("seized Kidal", "the town of")
        return ARMS_AFTER.match(low, m.end()) is None and _ground_after(sentence, low, m.end())
    if word.endswith("joined") or word.startswith("defect"):
        return COMBATANTS.search(low) is not None  # soldiers joining the rebels, not a spy
    if word in ("mine", "mines"):  # a landmine, not the gold mine a town grew around
        return _MINING.search(low) is None
    if word.endswith("under fire"):  # "came under fire from critics" is no shelling
        # a patrol that "came under fire" was ambushed, unless heavy weapons fired
        return _CRITICS.match(low, m.end()) is None and \
            (subtype != "Armed clash" or _HEAVY_FIRE.search(low) is None)
    if subtype == "Agreement" and word in ("agreed", "signed", "agreement"):
        return _PARTIES.search(low) is not None  # between armed sides, not ministers on a virus
    if word.startswith("mobili"):
        return not before.endswith("social ")
    if subtype == "Other" and _MISHAP.search(low):
        return False  # a state of emergency over an epidemic or a flood
    if etype == "Protests":
        return _protest_fits(word, low, m.end())
    return not (word == "assault" and before.endswith("sexual "))


_MINING = re.compile(r"\b(?:mining|mined|miners?|gold|coal|silver|copper|zinc|iron|nickel|uranium|"
                     r"pyrite|asbestos|salt|diamonds?|mineral\w*|ore|shafts?|quarr\w+|collier\w+|"
                     r"smelt\w+|opened|closed|reopened|acquired|operat\w+|workings|deposits?|"
                     r"tons|tonnes)\b")
_BEFORE_GROUND = frozenset({"the", "a", "an", "its", "their", "his", "back", "full", "of", "over",
                            "most", "key"})


def _ground_after(sentence: str, low: str, end: int) -> bool:
    """Ground follows a verb of capture: a place's name ("seized Kidal") or a word for ground
    ("the town of", "control of", "army positions")."""
    after = sentence[end:end + 60].split()
    first = next((w for w in after if w.lower() not in _BEFORE_GROUND), "")
    return first[:1].isupper() or _TERRITORY.match(low, end + 1) is not None


def _protest_fits(word: str, low: str, end: int) -> bool:
    """A march or strike that is no protest: troops marching on a town, "staged air strikes",
    the month ("held on 3 March", "held in March 2020")."""
    if word.startswith("march"):
        return not ARMED_GROUP.search(low) and not TROOPS.search(low)
    if word.endswith(("strike", "strikes")):
        return not any(w in word for w in ("air", "drone", "missile", "rocket", "military"))
    if word.endswith("march"):
        prev = word[:-6].rsplit(" ", 1)[-1]
        return not (prev.isdigit() or prev in _MONTH_CUES or low[end:end + 2].strip()[:1].isdigit())
    return True


def _refine(trig: Trigger, low: str) -> Trigger:
    """Subtypes the trigger word alone cannot settle: capture by state forces is Government
    regains territory; a protest's subtype is how it was policed; fighting between crowds is a
    riot; a one-sided attack or an abduction that kills civilians is an attack on civilians."""
    if trig.subtype == "Non-state actor overtakes territory" and not _non_state_took(low,
                                                                                      trig.start):
        trig.subtype = "Government regains territory"
    elif trig.subtype == "Armed clash":
        trig.type, trig.subtype = _clash_kind(low, low[trig.start:trig.end])
    elif trig.type == "Protests":
        trig.type, trig.subtype = _protest_kind(low)
    elif trig.subtype == "Abduction/forced disappearance" and LETHAL.search(low):
        # the killing is coded: a battle when the captives were soldiers (ACLED)
        trig.type, trig.subtype = ("Battles", "Armed clash") if _victim_side(low) == "forces" \
            else ("Violence against civilians", "Attack")
    return trig


def _non_state_took(low: str, verb: int) -> bool:
    """Whether non-state armed men took the ground: the first armed men named before the verb
    are its subject ("troops backed by militias captured the town after the militants
    withdrew"), except those who only report it ("the army said"); with none (a passive: "was
    captured by rebels"), any named in the sentence."""
    taker = _first_armed(FORCES, low, verb)
    rebel = _first_armed(NON_STATE, low, verb)
    if taker is None and rebel is None:
        return NON_STATE.search(low) is not None
    return rebel is not None and (taker is None or rebel <= taker)


def _first_armed(pattern: re.Pattern, low: str, end: int) -> int | None:
    """Where the first of ``pattern``'s armed men before ``end`` begins, skipping sources."""
    return next((m.start() for m in pattern.finditer(low, 0, end)
                 if not _REPORTS.match(low, m.end())), None)


_REPORTS = re.compile(r" (?:officials? |sources? |spokesm[ae]n |spokesperson )?(?:said|says|"
                      r"told|reported|confirmed|claimed|announced|stated)\b")


def _clash_kind(low: str, word: str) -> tuple[str, str]:
    """A crowd with no armed group is a riot, or a protest met with gunfire; shooting or an
    ambush that only hits civilians is an attack on them (ACLED: no two armed sides)."""
    if word.startswith(_FIGHTING) and not ARMED_GROUP.search(low) and \
            any(w in low for w in _CROWD_WORDS) and CROWD.search(low):
        if PROTEST_WORDS.search(low) is None:
            return "Riots", "Mob violence"
        if word == "opened fire":
            return "Protests", "Excessive force against protesters"
        return "Riots", "Violent demonstration"
    # a place attacked by name is an attack on civilians only when they are the dead
    # ("..., residents said" names no victim)
    named_place = word.endswith(" ") and any(w in low for w in KILL_WORDS)
    if (word in ("opened fire", "sniper") or word.startswith("ambush") or named_place) and \
            _civilians_fell(low):
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"


def _protest_kind(low: str) -> tuple[str, str]:
    """ACLED: demonstrators who turn violent riot; lethal force against protesters, then any
    intervention (tear gas, arrests, dispersal), outrank a peaceful protest."""
    if RIOTING.search(low):
        return "Riots", "Violent demonstration"
    if LETHAL_FORCE.search(low):
        return "Protests", "Excessive force against protesters"
    if INTERVENTION.search(low):
        # "fired tear gas at protesters, and one man was killed": the force met them
        if _SOMEONE_DIED.search(low):
            return "Protests", "Excessive force against protesters"
        return "Protests", "Protest with intervention"
    return "Protests", "Peaceful protest"


def _civilians_fell(low: str) -> bool:
    """Civilians, and no armed men, were the victims."""
    # a sentence naming no civilian (most) is decided without cutting out the killers
    if CIVILIANS.search(low) is None:
        return False
    return _victim_side(low) == "civilians"


def _victim_side(low: str) -> str | None:
    """"forces" when an armed man is among the victims, else "civilians" when a civilian is:
    the killers are cut out first ("by Afghan forces", "Taliban militants shot"), and former
    or off-duty soldiers count as civilians (ACLED)."""
    victims = AGENTS.sub(" ", low)
    if FORCES.search(victims):
        victims = NOT_PEOPLE.sub(" ", victims)
        if any(w in low for w in _OFF_DUTY_WORDS):
            victims = OFF_DUTY.sub(" civilian ", victims)
        if FORCES.search(victims):
            return "forces"
    return "civilians" if CIVILIANS.search(victims) else None


_MISHAP = re.compile(r"\b(?:lightning|floods?|flooding|flash flood|storms?|cyclones?|hurricanes?|"
                     r"typhoons?|tsunamis?|(?:earth)?quakes?|tremors?|aftershocks?|landslides?|"
                     r"mudslides?|avalanches?|wildfires?|bushfires?|forest fires?|volcan\w*|"
                     r"blizzards?|"
                     r"drown\w*|heatwaves?|accidents?|crash(?:ed|es)?|collapsed?|stampedes?|"
                     r"outbreaks?|epidemics?|pandemics?|virus\w*|flu|influenza|h\dn\d|ebola|"
                     r"cholera|malaria|measles|diseases?|illness\w*|infect\w*|pneumonia|fever|"
                     # a mining disaster: "a fire in a mine shaft killed 259 miners"
                     r"(?:fire|explosion|blast) in (?:a|the) (?:[\w-]+ )?mine|methane|firedamp|"
                     r"cave-ins?)\b")
# what makes a bare death ("a boy died") violence: a weapon, an attacker or a fight named
_VIOLENT_DEATH = re.compile(r"\b(?:shot|shooting|gun\w*|bullets?|stabb\w*|attack\w*|violence|"
                            r"clash\w*|fighting|bomb\w*|blast|explosion|shell\w*|strikes?|"
                            r"beaten|tortur\w*|mob|lynch\w*|killed|killing|murder\w*)\b")


def _casualty_only(sentence: str, low: str) -> Trigger | None:
    """A killing with no other trigger: violence against civilians when the victims are
    civilians (whoever the killers), else a battle when armed men fell."""
    # a substring test is faster than the regex, which most sentences fail
    m = KILL.search(low) if any(w in low for w in KILL_WORDS) else None
    if m is not None and low.startswith(" down", m.end()):
        m = KILL.search(low, m.end())  # "shot down a drone" hurt nobody
    if m is None and ("bod" in low or "found dead" in low) and not _MISHAP.search(low):
        found = FOUND_DEAD.search(low)  # ACLED codes bodies found as an attack
        return found and Trigger("Violence against civilians", "Attack", found.start(),
                                 found.end())
    if m is None or _blocked(sentence, m) or _MISHAP.search(low):
        return None  # deaths in a storm, a crash or an epidemic are no political violence
    if m.group() in ("died", "dead") and not (_VIOLENT_DEATH.search(low) or FORCES.search(low)
                                               or ARMED_GROUP.search(low)):
        return None  # "a boy died last week": of what, the sentence does not say
    if _civilians_fell(low):
        return Trigger("Violence against civilians", "Attack", m.start(), m.end())
    if FORCES.search(low):
        return Trigger("Battles", "Armed clash", m.start(), m.end())
    return None


def actors(sentence: str, mentions: list[Mention], offset: int) -> list[Actor]:
    """Demonym + force noun ("Armenian forces") and named armed groups, as written."""
    # by name in lower case: the first written, and where (the sentence's order is the actors':
    # "M23 rebels seized Sake after fighting with Congolese troops" is M23's gain)
    found: dict[str, tuple[str, str | None, int]] = {}
    low = fold(sentence)
    for m in mentions:
        start, end = m.start - offset, m.end - offset
        state = m.kind in ("place", "metonym") and m.place is not None and \
            m.place.feature_code.startswith("PCL")
        if not state and m.kind != "demonym":
            continue
        # "U.S. and British warplanes", "American and Iraqi troops": both states' forces
        shared = _AND_ANOTHER.match(low, end)
        after = shared.end() if shared else end
        if state:
            name, code = _state_force(sentence, low, start, end, after), m.place.country_code
        else:
            name, code = _demonym_force(sentence, low, start, end, after), m.country_code
        if name:
            found.setdefault(name.lower(), (name, code, start))
    for m in NAMED_ACTORS.finditer(low):
        name = sentence[m.start():m.end()]
        found.setdefault(name.lower(), (name, None, m.start()))
    own = _its_force(sentence, low, mentions, offset) if "its " in low else None
    if own and own[1] not in {code for _, code, _ in found.values()}:
        found[own[0].lower()] = own
    # (beside states' forces only: "Militants ambushed ..., the Indian Air Force said"; a
    # group's name is the same men's: "Taliban militants attacked")
    unnamed = None if any(code is None for _, code, _ in found.values()) else \
        _UNNAMED_ARMED.search(low)
    if unnamed:  # "suspected militants attacked": ACLED's unidentified armed group
        found[unnamed.group(1)] = (sentence[unnamed.start():unnamed.end(1)], None,
                                     unnamed.start())
    return [Actor(name=name, country_code=code)
            for name, code, _ in sorted(found.values(), key=lambda f: f[2])]


def _state_force(sentence: str, low: str, start: int, end: int, after: int) -> str | None:
    """The actor a country's name (sentence[start:end]) makes: its own forces ("U.S. forces";
    ``after``: where its force noun may begin, past a second state sharing it), the state
    that struck ("Israel struck targets"), or its military by its aircraft ("U.S. warplanes")."""
    own = _OWN_FORCE.match(low, after)
    if own:
        return sentence[start:end] + sentence[own.start():own.end()]
    if after == end and _STATE_ACTS.match(low, end):
        return sentence[start:end]
    if _STATE_AIRCRAFT.match(low, after):
        return sentence[start:end] + " military"
    return None


def _demonym_force(sentence: str, low: str, start: int, end: int, after: int) -> str | None:
    """The actor a demonym (sentence[start:end]) makes: with its force noun ("Armenian forces";
    "American troops" of "American and Iraqi troops"), or its state's military by a weapon
    ("a Russian missile", "Israeli strikes")."""
    tail = FORCE_NOUN.match(low[after:after + 40])
    if tail and after == end:
        return sentence[start:end] + sentence[end:end + tail.end()]
    if tail:
        return sentence[start:end] + " " + sentence[after + tail.start(1):after + tail.end()]
    if STATE_WEAPON.match(low, after):
        return sentence[start:end] + " military"
    return None


def _its_force(sentence: str, low: str, mentions: list[Mention], offset: int
               ) -> tuple[str, str, int] | None:
    """"Russia's defence ministry said its troops repelled attacks": the forces of the state
    named first before the pronoun, as (name, country code, where)."""
    own = _ITS_FORCE.search(low)
    speaker = own and next((m for m in mentions if m.end - offset <= own.start() and (
        m.kind == "demonym" and m.country_code or m.kind in ("place", "metonym") and
        m.place is not None and m.place.feature_code.startswith("PCL"))), None)
    if not speaker:
        return None
    demonym = speaker.kind == "demonym"
    name = sentence[speaker.start - offset:speaker.end - offset] + \
        (" " if demonym else "'s ") + own.group(1)
    return name, speaker.country_code if demonym else speaker.place.country_code, own.start()


def choose_place(text: str, mentions: list[Mention], sentence: int, trigger: int,
                 strategic: bool, trigger_end: int | None = None) -> Mention | None:
    """The mention the trigger governs (lowest score), or None."""
    areas = _qualifiers(text, mentions)
    scored = [(_strategic_score(m, sentence, trigger) if strategic else
               _violent_score(text, m, mentions, trigger, trigger_end), m.start, m)
              for m in mentions if id(m) not in areas and _placeable(text, m, strategic)]
    scored = [x for x in scored if x[0] != float("inf")]
    if not scored:
        return None
    best = min(scored, key=lambda x: x[:2])
    # "In the occupied West Bank, troops raided the Jenin camp, killing 3": the town inside
    # the province the sentence also names is the finer place
    inside = [x for x in scored if _inside_area(x[2], best[2]) and x[0] < best[0] + AREA_SLACK]
    return min(inside, key=lambda x: x[:2])[2] if inside else best[2]


_LIES_IN = re.compile(r"(?: (?:village|town|city|(?:refugee )?camp|area|neighbou?rhood))?,? "
                      r"in (?:the )?(?:(?:occupied|northern|southern|eastern|western|central) )?")
# (plural: "the Pol-e-Malan village of Guzara district" is the village of that district)
_PARTS_OF_IT = re.compile(r"\s+" + _PARTS + r"\s+of\s+")
AREA_SLACK = 60  # how much farther from the trigger a town inside the chosen province may be


def _inside_area(town: Mention, area: Mention) -> bool:
    a, t = area.place, town.place
    return a is not None and t is not None and a.feature_code == "ADM1" and \
        not t.feature_code.startswith(("ADM", "PCL")) and t.country_code == a.country_code and \
        t.admin1 is not None and t.admin1 == a.admin1 and fold(town.text) != fold(area.text)


def _qualifiers(text: str, mentions: list[Mention]) -> set[int]:
    """The ids of mentions in parentheses after a place, or after "in" ("Talish village in
    Tartar district"), naming the area it lies in ("Mbau (Beni, Nord-Kivu)"): the event is at
    the place, or in that area if the place is unknown (_place), never at the area's namesake
    town."""
    found = set()
    for m in mentions:
        close = text.find(")", m.end, m.end + 60) if text.startswith(" (", m.end) else -1
        found.update(id(q) for q in mentions if m.end < q.start < close)
        # "Talish village in Tartar district was shelled": Tartar says where Talish lies
        if m.kind == "place":
            found.update(id(q) for q in mentions if m.end < q.start <= m.end + 40 and
                         _LIES_IN.fullmatch(text, m.end, q.start))
            # "the Port-au-Prince suburbs of Gressier and Carrefour": the suburbs are where;
            # "Kaduna State's Kuriga town": Kuriga is
            parts = _PARTS_OF_IT.match(text, m.end) or lx.OWNER_GAP.match(text, m.end)
            if parts is not None and any(q.start == parts.end() for q in mentions):
                found.add(id(m))
    return found


def _placed_at_area(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """An unknown name the resolver placed at the area named after it ("the border village of
    Odaisseh, Lebanon's") or that the text says holds it ("Karabakh is inside Azerbaijan"): a
    place finer than that area, though its point is the area's."""
    if m.place is not None and m.alternatives and "stated_area" in m.alternatives[0].features:
        return True
    return m.place is not None and any(
        a.kind == "place" and a.place is not None and a.place.id == m.place.id and
        _AREA_AFTER.fullmatch(text, m.end, a.start) is not None and fold(a.text) != fold(m.text)
        for a in mentions if 0 < a.start - m.end < 12)


_AREA_AFTER = re.compile(r"\s*(?:,|\(|\bin\b)\s*(?:the\s+)?")


def _violent_score(text: str, m: Mention, mentions: list[Mention], trigger: int,
                   trigger_end: int | None = None) -> float:
    score = abs(m.start - trigger) + (0 if m.start > trigger else 15)
    if CUE.search(fold(text[max(0, m.start - 30):m.start])):
        score -= 40  # "in X", "the city of X": linked to the verb by a preposition
    elif trigger_end is not None and trigger_end < m.start <= trigger_end + 5 and \
            text[trigger_end:m.start].strip() in ("", "the"):
        score -= 40  # "shelled Kharkiv city": the verb's object, as linked as "in X"
    if m.place is not None and m.place.feature_code.startswith("PCL") and \
            not _placed_at_area(text, m, mentions):
        if not _IN_COUNTRY.search(fold(text[max(0, m.start - 20):m.start])):
            return float("inf")  # "draw in regional powers Russia": a country needs "in"
        score += 400  # a country is the place only when nothing finer is named
    elif lx.dateline(text, m.start, m.end):
        score += 300  # where the story was filed from: the place only when no other is named
    elif lx.WATER_BEFORE.search(text, max(0, m.start - 30), m.start):
        score += 200  # "on the left bank of the Dnipro near Kherson": the river, and a town by it
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
    if "between" in before and _BETWEEN.search(before) and not _along_route(before, m):
        return False  # "fighting between Armenia and Azerbaijan": the parties, not the place
    if NAMED_ACTORS.fullmatch(fold(m.text)):
        return False  # "Taliban" is a group, even when a town shares the name
    after = fold(text[m.end:m.end + 30])
    if not strategic and _SPEAKER.match(after):
        return False  # "Azerbaijan's Defence Ministry" names who spoke, not where
    if m.place is not None and m.place.feature_code.startswith("PCL") and \
            _STATE_AIRCRAFT.match(after):
        return False  # "killed in U.S. strikes": whose the strikes were
    return True


def _along_route(before: str, m: Mention) -> bool:
    """Somewhere between two towns, the mention the first or second: "on the road between
    Bandiagara and Bankass", "a roadside bomb between Dori and Gorom-Gorom" (towns are no
    parties; a capital may be: "talks between Kabul and the Taliban")."""
    if "between" not in before:
        return False
    town = m.place is not None and m.place.feature_code.startswith("PPL") and \
        m.place.feature_code != "PPLC"
    return _ROUTE_BETWEEN.search(before) is not None or \
        town and _BETWEEN.search(before) is not None


def _place(ev: Event, text: str, m: Mention | None, mentions: list[Mention]) -> None:
    """Fill place, place_name and geo_precision; an unknown name falls back to a containing
    area named after it ("Talish in Tartar district"), never to an invented point."""
    if m is None:
        return
    works = _FACILITY_AFTER.match(text, m.end) if m.place is None else None
    # "the Zaporizhzhia Nuclear Power Plant in Enerhodar": the site is the plant, not the oblast
    ev.place_name = text[m.start:works.end()] if works is not None else m.text
    before = fold(text[max(0, m.start - 40):m.start])
    near = any(w in before for w in _NEAR_WORDS) and NEAR.search(before) is not None or \
        _along_route(before, m)
    if m.place is not None:
        ev.place = m.place
        # a dateline says where the reporter was: the event happened there or nearby
        ev.geo_precision = max(m.precision or 1, 2 if near or lx.dateline(text, m.start, m.end)
                               else 1)
        return
    area = next((a for a in mentions if a.start > m.end and a.place is not None
                 and a.kind == "place" and a.start - m.end < 60 and
                 not _PEER_GAP.fullmatch(text, m.end, a.start)), None) or \
        next((a for a in mentions if a.start < m.start and _framing_area(text, a)), None)
    if area is not None:
        ev.place = area.place
        ev.geo_precision = 3 if area.place.feature_code.startswith(("PCL", "ADM1")) else 2


# "the Golan Heights and southern Lebanon", "near Bir Hakeim and in Wadi Fira": a peer in a
# list, not the area holding the name ("Mitope and Naquitengue in Mocímboa" share one)
_PEER_GAP = re.compile(r"(?:(?!\bin\b).)*\b(?:and|or)\b(?:(?!\bin\b).)*|"
                       r",?\s+(?:and|or)\s+(?:in|near|at|around|outside)\s+(?:the\s+)?"
                       r"(?:[a-z]+\s+)?", re.DOTALL)
# "In El Gezira state, RSF fighters stormed the village of Wad al-Noura" ("On Monday, in El
# Gezira state, ..."): the area a sentence opens with holds what it tells
_FRAME_END = re.compile(r"(?:\s+(?:state|province|region|district|county|governorate))?,")


def _framing_area(text: str, a: Mention) -> bool:
    return a.place is not None and a.kind == "place" and \
        a.place.feature_code.startswith(("ADM", "PCL")) and \
        text[max(0, a.start - 9):a.start].endswith(("In ", "In the ", ", in ", ", in the ")) and \
        _FRAME_END.match(text, a.end) is not None

