"""Word lists the recogniser, resolver and sentence splitter consult: English cue words, titles,
abbreviations, organisation words, first names (from ``gender-guesser``'s name dictionary) and
word frequencies (``wordfreq``).

Everything here is plain data about English, not about particular articles.
"""

from __future__ import annotations

import pickle
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"}
# An upper-case letter in a regex class, not only A-Z: "in Østfold county", "Île-de-France".
# Latin, Greek and Cyrillic (names in other scripts are matched by the gazetteer, not by case).
UPPER = "[" + "".join(re.escape(c) for c in map(chr, range(0x530)) if c.isupper()) + "]"
# Holidays: capitalised, and namesakes of small places ("Christmas", "Easter").
HOLIDAYS = {"christmas", "easter", "ramadan", "eid", "thanksgiving", "halloween", "passover",
            "hanukkah", "diwali", "lent", "advent", "pentecost"}
# Peoples no one country is named for: "the Arab Spring", "Kurdish fighters" (Arab, Alabama is
# a town); the capitalised word after one belongs to it ("Arab League", "Tamil Tigers").
PEOPLES = {"arab", "arabs", "kurd", "kurds", "kurdish", "berber", "berbers", "tuareg",
           "fulani", "pashtun", "pashtuns", "baloch", "baluch", "tamil", "tamils", "rohingya",
           "yazidi", "yazidis", "druze", "latino", "latina", "hispanic"}
# The sides a region's provinces are named for: "North Darfur", "South Darfur"
REGION_SIDES = ("North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern",
                "Western")
_REGION_SIDE = re.compile(r"(?:" + "|".join(REGION_SIDES) + r")\s+(?P<rest>\S.*)")


def side_regions(names: Iterable[tuple[int, str, str]], fold: Callable[[str], str]) -> set[str]:
    """The name keys two or more provinces of one country share after a side word ("Darfur"
    of North, South and West Darfur), from the provinces' (id, country code, name): names no
    place is called that a text still uses as places."""
    members: dict[tuple[str, str], set[int]] = {}
    for place_id, country, name in names:
        m = _REGION_SIDE.fullmatch(name)
        # a name, not "North East", "Western Cape" or "Southern Highlands"
        if m and not any(_common_english(w.lower()) for w in m["rest"].split()):
            members.setdefault((country, fold(m["rest"])), set()).add(place_id)
    return {key for (_, key), ids in members.items() if len(ids) >= 2 and key}


def _common_english(word: str) -> bool:
    """A frequent dictionary word, or the plural of one ("highlands")."""
    words = english_words()
    return zipf(word) >= 3.5 and (word in words or word.rstrip("s") in words)


# Wire services that share a name with towns: "Xinhua reported", "Fars news agency" (Fars
# province stays a place)
NEWS_AGENCIES = {"xinhua", "tass", "interfax", "yonhap", "kyodo", "bernama", "antara", "wam",
                 "sana", "irna", "fars", "tasnim", "mehr", "isna", "anadolu", "ukrinform",
                 "armenpress", "petra", "mena", "kuna", "qna", "apa", "trend", "sputnik", "ria",
                 "dpa", "efe", "ansa", "pti", "ani", "ians", "app", "afp", "reuters"}
# Nationality and language adjectives the country list lacks (it gives "British", "Saudi
# Arabian"): code of the country they point to.
EXTRA_DEMONYMS = {"english": "GB", "scottish": "GB", "scots": "GB", "welsh": "GB",
                  "saudi": "SA", "saudis": "SA", "emirati": "AE", "emiratis": "AE",
                  "kiwi": "NZ", "aussie": "AU", "yankee": "US", "philippine": "PH",
                  "argentine": "AR", "argentines": "AR"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Lowercase words allowed inside a multi-word place name ("Isle of Man", "Rio de Janeiro").
CONNECTORS = {"of", "de", "del", "della", "di", "da", "do", "dos", "das", "la", "le", "les", "el",
              "al", "and", "upon", "on", "the", "y", "an", "am", "im", "sur", "en"}
# forms of address: only a person is so called, even one named like a country ("Mr. Jordan")
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."}
TITLES = HONORIFICS | {"prof", "professor", "president", "minister",
          "premier", "chancellor", "general", "gen", "lt", "col", "colonel", "major", "maj",
          "captain", "capt", "sgt", "sergeant", "admiral", "commander", "secretary", "senator",
          "sen", "rep", "representative", "governor", "gov", "mayor", "king", "queen", "prince",
          "princess", "sir", "lord", "lady", "pope", "sheikh", "ambassador", "spokesman",
          "spokeswoman", "spokesperson", "chief", "judge", "justice", "bishop", "archbishop",
          "rev", "father", "saint-", "coach", "striker", "midfielder", "defender", "goalkeeper",
          "dame", "emir", "sultan", "ayatollah", "imam", "rabbi", "mullah", "marshal", "envoy",
          "actor", "actress", "singer", "author", "writer", "director", "ceo", "chairman",
          "chairwoman", "leader", "said", "told", "virgin", "apostle", "prophet"}
ORG_WORDS = {
    "ministry", "council", "group", "organization", "organisation", "university", "college",
    "elementary", "academy", "school", "party", "bank", "company", "corporation", "corp", "inc",
    "ltd", "agency", "committee", "commission", "office", "department", "court", "parliament",
    "assembly",
    "airlines", "airways", "air", "news", "times", "post", "herald", "tribune", "journal",
    "television", "tv", "radio", "institute", "foundation", "association", "federation", "club",
    "fc", "team", "hospital", "clinic", "centre", "center", "museum", "church", "mosque",
    "cathedral", "stadium", "airport", "station", "police", "army", "navy", "force", "forces",
    "guard", "brigade", "battalion", "regiment", "corps", "command", "service", "services",
    "authority", "board", "bureau", "union", "league", "alliance", "front", "movement", "network",
    "press", "daily", "gazette", "observer", "telegraph", "guardian", "mail", "express",
    "magazine", "world", "international", "global", "media", "broadcasting", "senate",
    "congress", "cabinet", "embassy", "consulate", "mission", "summit", "conference", "games",
    "cup", "championship", "open", "festival", "award", "prize", "treaty", "accord", "agreement",
    "declaration", "protocol", "house", "palace", "kremlin", "street", "avenue", "road", "square",
    "hotel", "mall", "market", "exchange", "fund", "trust", "project", "program", "programme",
    "initiative", "society", "red", "crescent", "cross", "watch", "unit", "directorate",
    "secretariat", "tribunal", "prosecutor", "state", "states", "co", "group's", "energy",
    "oil", "gas", "petroleum", "pipeline", "motors", "holdings", "partners", "capital", "labs",
    "lab", "systems", "administration",
    "technologies", "pharmaceuticals", "health", "medical", "research", "cartel",
    "dynasty",  # "the Han Dynasty": an era, not Hanoi
}
# Organisation words written in lower case too: "the Sinaloa cartel" is no place
LOWER_ORG_WORDS = {"cartel", "dynasty"}  # and "the Eastern Jin dynasty"
# Continents name organisations before an organisation word ("U.S. Africa Command", "the Asia
# Society"), as provinces do; a country there still names the country ("Ukraine Army")
CONTINENTS = {"africa", "europe", "asia", "oceania", "antarctica", "americas"}
# Lower-case nouns after a leader's name that make it no place ("the Bush administration").
LEADER_BODIES = {"administration", "campaign", "presidency", "regime"}
# A place-name word that these follow is a place whatever else: "in Terter", "near Talish".
PLACE_CUES = {"in", "near", "at", "from", "to", "into", "outside", "around", "across", "toward",
              "towards", "via", "through", "between", "throughout", "within", "inside", "along",
              "northern", "southern", "eastern", "western", "central", "of"}
# Feature words that, after a name, say what kind of place it is ("Terter district").
FEATURE_AFTER = {
    "district": "A", "region": "A", "province": "A", "oblast": "A", "governorate": "A",
    "county": "A", "prefecture": "A", "state": "A", "municipality": "A", "rayon": "A",
    "department": "A", "territory": "A", "republic": "A", "village": "P", "town": "P", "city": "P",
    "settlement": "P", "neighbourhood": "P", "neighborhood": "P", "suburb": "P",
    "river": "H", "lake": "H", "sea": "H", "mountains": "T", "mountain": "T",
    "valley": "T", "hills": "T", "heights": "T", "pass": "T", "island": "T", "islands": "T",
    "peninsula": "T", "airport": "S", "base": "S", "delta": "H", "bay": "H", "canal": "H",
    "ocean": "H", "gulf": "H", "strait": "H", "desert": "T", "plateau": "T", "coast": "T",
    # the units conflict reports name below the province: Ethiopia's zones and woredas,
    # Nigeria's LGAs, Mali's cercles and communes, Pakistan's tehsils, Uganda's sub-counties
    "zone": "A", "woreda": "A", "lga": "A", "cercle": "A", "commune": "A", "tehsil": "A",
    "raion": "A", "subdistrict": "A", "sub-district": "A", "sub-county": "A", "chiefdom": "A",
    "camp": "S",
}
# Words after a name that make it a building's or a spot's inside a town ("Lido beach",
# "Bakara market", "Shifa hospital"): what lies "in" the place after them
FACILITY_WORDS = {"beach", "market", "hospital", "hotel", "mosque", "church", "school",
                  "university", "stadium", "bridge", "checkpoint", "prison", "square", "road",
                  "street", "avenue", "neighbourhood", "neighborhood", "suburb", "quarter"}
# Units always below a province: a province or country is never what they name ("the Amaro
# woreda" of Ethiopia is no Amara region).  Not "district", "zone" or "county", which are a
# province's own name in some countries (Lisbon District, Kenya's counties).
LOCAL_UNITS = {"woreda", "lga", "cercle", "commune", "tehsil", "raion", "rayon", "subdistrict",
               "sub-district", "sub-county", "chiefdom"}
# How the gazetteer writes a kind of area in the country's own language, for the areas it
# holds under no English or bare name ("Yesilyurt district" is Turkey's Yeşilyurt İlçesi,
# "Pa Daet district" Thailand's Amphoe Pa Daet, Iran's counties Shahrestān-e X)
LOCAL_KIND_FORMS = {
    "district": ("{} İlçesi", "Amphoe {}", "Huyện {}", "Shahrestān-e {}", "{} Raion",
                 "{} Rayon"),
    "county": ("Shahrestān-e {}",), "raion": ("{} Raion",), "rayon": ("{} Rayon",),
    "province": ("Provincia de {}",), "department": ("Departamento de {}",),
    "municipality": ("Municipio de {}",),
}
# Feature words for a country's part ("the state of Georgia" is the US state, not the country;
# both are areas, feature class A): every area word but those a country may be called by.  The
# resolver decides when a "state" is a country's own title.
SUBDIVISION_WORDS = {w for w, cls in FEATURE_AFTER.items() if cls == "A"} - {"territory",
                                                                              "republic"}
# Feature words that end a name but are not written as part of it ("Texas state", "Kabul city").
FEATURE_NOT_IN_NAME = {"state", "city", "town", "village", "settlement", "base", "airport",
                       "republic", "department", "territory", "municipality"}
# Capitalised words that begin a longer name around a place's name, when the gazetteer lacks
# the whole: "the Great Plains", "Little Saigon", "Big Bone Lick", "Los Padres National Forest".
# Arabic words that begin place names, a cape, well, valley, hill, spring, monastery, village,
# house, mother, palace, harbour, saint: "Ras Lanuf", "Bir Hakeim", "Wadi Fira", "Tell Rifaat"
TOPONYM_HEADS = {"ras", "bir", "wadi", "jebel", "jabal", "tell", "tal", "ain", "deir", "dayr",
                 "kafr", "kfar", "beit", "bayt", "umm", "qasr", "marsa", "sidi", "hassi"}
NAME_STARTERS = {"great", "little", "big", "national"} | TOPONYM_HEADS
# Right before a name, words that make it a river's or a sea's: "the left bank of the Dnipro"
# is the river, not the city
WATER_BEFORE = re.compile(r"\b(?:banks?|shores?|mouth|estuary)\s+of\s+the\s+$")
# Common words that end town names ("Colorado Springs", "Niagara Falls"): after a kind word
# and "of" a rare word and one of these are one name ("the city of Qorvan Springs")
TOWN_ENDINGS = {"springs", "falls", "creek", "wells", "junction", "crossing", "beach", "point",
                "grove", "ridge", "harbour", "harbor", "bridge", "park", "city"}
# Capitalised words that begin a natural-feature or fort name: "Lake Erie", "Mount Kenya".
FEATURE_PREFIXES = {"lake", "mount", "mt", "fort", "ft", "cape", "gulf", "bay", "isle", "port"}
FEATURE_BEFORE = {"village": "P", "town": "P", "city": "P", "settlement": "P", "hamlet": "P",
                  "district": "A", "region": "A", "province": "A", "county": "A",
                  "capital": "P", "port": "P", "suburb": "P", "outskirts": "P",
                  "barangay": "P", "commune": "A", "neighbourhood": "P", "neighborhood": "P",
                  "state": "A", "governorate": "A", "prefecture": "A",
                  "lake": "H", "gulf": "H", "bay": "H",  # "Lake Chad", "the Gulf of Aden"
                  # "the villages of Mitope and Naquitengue": each is a village
                  "villages": "P", "towns": "P", "cities": "P", "settlements": "P",
                  "suburbs": "P", "neighbourhoods": "P", "neighborhoods": "P"}
PLURAL_KINDS_BEFORE = frozenset(k for k in FEATURE_BEFORE if k.endswith("s") and
                                k[:-1] in FEATURE_BEFORE or k == "cities")
# a place's possessive before the name of a place inside it: "Kaduna State's Kuriga town"
OWNER_GAP = re.compile(r"['’]s\s+")
# Prepositions after which an unknown capitalised word is taken for a place ("in Karabakh").
STRONG_CUES = {"in", "near", "outside", "into", "across", "around", "towards", "toward"}
PLACE_ADJECTIVES = {"occupied", "disputed", "northern", "southern", "eastern", "western",
                    "central", "rebel-held", "war-torn", "neighbouring", "neighboring", "nearby",
                    "downtown", "rural", "coastal", "mountainous", "breakaway"}
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "central", "upper", "lower", "greater", "north-east", "north-west", "south-east",
              "south-west", "northeast", "northwest", "southeast", "southwest", "inner", "outer",
              "metro", "metropolitan"}
# Armed groups news names in today's conflicts (lower case, a regular expression's
# alternatives): no place, though "Boko" and "Haram" are towns; actors of events.
ARMED_GROUP_NAMES = (r"houthis?|al-shabaab|al shabaab|shabaab|boko haram|iswap|jnim|adf|m23|rsf|"
                     r"rapid support forces|hts|hayat tahrir al-sham|sdf|ypg|pkk|hamas|"
                     r"hezbollah|hizbollah|mayi-mayi|mai-mai|codeco|anti-balaka|al-nusra|"
                     r"nusra front|fdlr|arakan army|new people's army|npa|abu sayyaf|ttp|"
                     r"wagner group|eln|farc|clan del golfo|gulf clan|tplf|"
                     r"oromo liberation army|kachin independence army|ansar allah|aqap|aqim|"
                     # Fano, Italy stays a town: the Amhara militia is named with its men
                     r"fano(?= (?:militia\w*|fighters|forces|militants|insurgents|rebels)\b)")
NAMED_ARMED_GROUP = re.compile(r"(?:" + ARMED_GROUP_NAMES + r")\b", re.IGNORECASE)
# The country each group fights in, for the names no other body shares ("Hamas", not "ADF",
# which is also Australia's defence force, nor "RSF", also Reporters Without Borders): a story
# naming one is likely set there, as one naming "Afghan" is.
GROUP_COUNTRIES = {
    "houthi": "YE", "houthis": "YE", "al-shabaab": "SO", "al shabaab": "SO", "shabaab": "SO",
    "boko haram": "NG", "iswap": "NG", "jnim": "ML", "m23": "CD", "rapid support forces": "SD",
    "hayat tahrir al-sham": "SY", "ypg": "SY", "pkk": "TR", "hamas": "PS", "hezbollah": "LB",
    "hizbollah": "LB", "mayi-mayi": "CD", "mai-mai": "CD", "codeco": "CD", "anti-balaka": "CF",
    "al-nusra": "SY", "nusra front": "SY", "fdlr": "CD", "arakan army": "MM",
    "new people's army": "PH", "abu sayyaf": "PH", "taliban": "AF", "eln": "CO", "farc": "CO",
    "clan del golfo": "CO", "gulf clan": "CO", "tplf": "ET", "oromo liberation army": "ET",
    "kachin independence army": "MM", "ansar allah": "YE", "aqap": "YE"}
_GROUP_COUNTRY = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, GROUP_COUNTRIES),
                                                      key=len, reverse=True)) + r")\b", re.I)


def group_countries(text: str) -> Counter:
    """The countries of the armed groups a text names, once per naming."""
    return Counter(GROUP_COUNTRIES[m.group().lower()] for m in _GROUP_COUNTRY.finditer(text))


# Short names English news gives a country that its records lack ("across America").
COUNTRY_ALIASES = {"america": "US", "korea": "KR", "congo": "CD"}
# Seats of government news names for the government (folded name -> country): they lie in the
# capital, whatever else GeoNames calls so ("White House" is also Casablanca's English name).
SEATS_OF_GOVERNMENT = {"whitehouse": "US", "pentagon": "US", "kremlin": "RU",
                       "downingstreet": "GB", "bluehouse": "KR", "zhongnanhai": "CN"}
# Abbreviations that name a country or major state in English news ("the UK", "in NSW").
PLACE_ABBREVIATIONS = {"uk", "u.k", "us", "u.s", "usa", "u.s.a", "uae", "drc", "prc", "nsw",
                       "dprk", "rok"}
# Nouns a place name modifies when it names a disease, not a place ("Marburg virus").
DISEASE_WORDS = {"virus", "viruses", "fever", "disease", "flu", "influenza", "strain",
                 "encephalitis", "hemorrhagic", "haemorrhagic", "ebolavirus"}
# Abbreviated titles whose full stop does not end the sentence ("Dr. Ivins", "Gen. Lee").
TITLE_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt",
                       "rev", "sen", "rep", "gov", "st", "mt", "ft", "jr", "sr", "messrs", "hon"}
# Month abbreviations news style uses ("Sept. 28"); June and July are written out, and "Jun."
# at a sentence end is more likely a name.
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec"}
# Abbreviations that do not end a sentence only before a number ("No. 10", but "said no. Then").
NUMBER_ABBREVIATIONS = {"no", "nos"}
# Reporting verbs right after a one-word name make it a person's ("Hartl said").
SAID = {"said", "says", "told", "added", "explained", "wrote", "noted", "recalled"}
PRESS_WORDS = {"press", "spokesman", "spokeswoman", "spokesperson", "correspondent", "reporter"}
SPEECH_VERBS = {
    "said", "says", "say", "issued", "issues", "warned", "warns", "accused", "accuses", "denied",
    "denies", "called", "calls", "urged", "urges", "demanded", "demands", "announced", "announces",
    "claimed", "claims", "rejected", "rejects", "supports", "supported", "backed", "backs",
    "condemned", "condemns", "blamed", "blames", "threatened", "threatens", "insisted",
    "insists", "stated", "states", "responded", "responds", "signed", "agreed", "agrees",
    "declared", "declares", "recognised", "recognized", "recognises", "recognizes", "summoned",
    "expelled", "sanctioned", "imposed", "welcomed", "welcomes", "praised", "criticised",
    "criticized", "offered", "offers", "pledged", "pledges", "vowed", "vows", "sent", "asked",
    "told", "reiterated", "expressed", "hopes", "wants", "wanted", "refused", "refuses",
    "proposed", "proposes", "confirmed", "confirms", "reported", "reports", "support",
}
AUXILIARIES = {"has", "have", "had", "also", "today", "again", "will", "would", "could", "can",
               "must", "should", "may", "might", "did", "does", "is", "was", "then", "later", "earlier", "quickly", "repeatedly", "officially", "reportedly"}
# Verbs whose object, when a country or capital, is its government ("accused Yerevan").
OBJECT_VERBS = {"accused", "urged", "warned", "told", "against", "support", "supports",
                "supported", "backed", "backs", "condemned", "blamed", "sanctioned", "asked",
                "called"}
GOVERNMENT_NOUNS = {"president", "government", "ministry", "foreign", "defence", "defense",
                    "leader", "leadership", "prime", "parliament", "authorities", "officials",
                    "embassy", "envoy", "ambassador", "administration", "regime", "cabinet"}
OBJECT_CUES = {"warning", "warnings", "ultimatum", "message", "appeal", "call", "demand",
               "accused", "urged", "told", "warned", "asked", "against"}


def demonym_countries(countries: Iterable[dict]) -> dict[str, str]:
    """Lower-cased demonyms and their plurals -> ISO code, from the gazetteer's countries
    (``Gazetteer.countries()``) and EXTRA_DEMONYMS; a demonym several countries share is the
    most populous one's ("Indian": India, not the British Indian Ocean Territory)."""
    found: dict[str, tuple[int, str]] = {}
    for c in countries:
        for word in (c["demonym"] or "").split(","):
            word = word.strip()
            for form in (word, word + "s"):
                if word and found.get(form.lower(), (-1, ""))[0] < (c["population"] or 0):
                    found[form.lower()] = (c["population"] or 0, c["code"])
    return {k: code for k, (_, code) in found.items()} | EXTRA_DEMONYMS


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lowercased given names from gender-guesser's dictionary (about 40,000, many countries),
    less the 100 commonest English words it also lists ("the", "will"): "The Vatican" at a
    sentence's start is no given name and surname."""
    text = resources.files("gender_guesser").joinpath("data", "nam_dict.txt").read_text(
        encoding="utf-8", errors="replace")
    names = set()
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) >= 2:
            for variant in (parts[1].replace("+", ""), parts[1].replace("+", "-")):
                names.add(variant.lower())
    from wordfreq import top_n_list
    return frozenset(names - set(top_n_list("en", 100)))


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Ordinary English words among the 30,000 commonest: those Webster's Second (english-words'
    web2 list) spells in lower case.  "reading", "mobile" and "nice" are; "chicago" and
    "ferguson" are not, though wordfreq counts them as often, as names.  Kept to the common
    words (the only ones asked about) so that a worker holds 16,000 words, not 236,000."""
    from wordfreq import top_n_list
    # the package's own pickle (a set of 236,000 words), read directly: its loader's filtering
    # took 0.36 s at first use, this 0.07 s (the version is pinned for this file)
    with resources.files("english_words").joinpath("data", "web2.pickle").open("rb") as fh:
        web2 = pickle.load(fh)
    return frozenset(w for w in top_n_list("en", 30_000) if w in web2)


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common an English word is (wordfreq's Zipf scale: 7 = "the", 3 = rare, 0 = unknown)."""
    from wordfreq import zipf_frequency
    return zipf_frequency(word, "en")

# State and province abbreviations news writes after a town ("Paris, Ky.", "Fresno, CA"):
# AP style, then postal codes, keyed without dots and lower-cased.
_AP_STATES = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "cal": "California", "colo": "Colorado", "conn": "Connecticut", "del": "Delaware",
    "fla": "Florida", "ga": "Georgia", "ill": "Illinois", "ind": "Indiana", "kan": "Kansas",
    "kans": "Kansas", "ky": "Kentucky", "la": "Louisiana", "md": "Maryland",
    "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi",
    "mo": "Missouri", "mont": "Montana", "neb": "Nebraska", "nebr": "Nebraska", "nev": "Nevada",
    "nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico", "ny": "New York",
    "nc": "North Carolina", "nd": "North Dakota", "okla": "Oklahoma", "ore": "Oregon",
    "pa": "Pennsylvania", "penn": "Pennsylvania", "ri": "Rhode Island", "sc": "South Carolina",
    "sd": "South Dakota", "tenn": "Tennessee", "tex": "Texas", "va": "Virginia",
    "vt": "Vermont", "wash": "Washington", "wva": "West Virginia", "wis": "Wisconsin",
    "wisc": "Wisconsin", "wyo": "Wyoming", "dc": "District of Columbia",
    "alta": "Alberta", "bc": "British Columbia", "man": "Manitoba", "nb": "New Brunswick",
    "nfld": "Newfoundland and Labrador", "ns": "Nova Scotia", "ont": "Ontario",
    "pei": "Prince Edward Island", "que": "Quebec", "sask": "Saskatchewan",
}
_POSTAL_STATES = {
    "al": "Alabama", "ak": "Alaska", "az": "Arizona", "ar": "Arkansas", "ca": "California",
    "co": "Colorado", "ct": "Connecticut", "de": "Delaware", "fl": "Florida", "ga": "Georgia",
    "hi": "Hawaii", "id": "Idaho", "il": "Illinois", "in": "Indiana", "ia": "Iowa",
    "ks": "Kansas", "ky": "Kentucky", "la": "Louisiana", "me": "Maine", "md": "Maryland",
    "ma": "Massachusetts", "mi": "Michigan", "mn": "Minnesota", "ms": "Mississippi",
    "mo": "Missouri", "mt": "Montana", "ne": "Nebraska", "nv": "Nevada", "nh": "New Hampshire",
    "nj": "New Jersey", "nm": "New Mexico", "ny": "New York", "nc": "North Carolina",
    "nd": "North Dakota", "oh": "Ohio", "ok": "Oklahoma", "or": "Oregon", "pa": "Pennsylvania",
    "ri": "Rhode Island", "sc": "South Carolina", "sd": "South Dakota", "tn": "Tennessee",
    "tx": "Texas", "ut": "Utah", "vt": "Vermont", "va": "Virginia", "wa": "Washington",
    "wv": "West Virginia", "wi": "Wisconsin", "wy": "Wyoming", "dc": "District of Columbia",
    "ab": "Alberta", "bc": "British Columbia", "mb": "Manitoba", "nl": "Newfoundland and Labrador",
    "ns": "Nova Scotia", "on": "Ontario", "pe": "Prince Edward Island", "qc": "Quebec",
    "sk": "Saskatchewan",
}
STATE_COUNTRY = {"Alberta": "CA", "British Columbia": "CA", "Manitoba": "CA",
                 "New Brunswick": "CA", "Newfoundland and Labrador": "CA", "Nova Scotia": "CA",
                 "Ontario": "CA", "Prince Edward Island": "CA", "Quebec": "CA",
                 "Saskatchewan": "CA"}


@lru_cache(maxsize=4096)  # asked for every namesake a ", Qualifier" is tested against
def state_abbreviation(word: str) -> str | None:
    """The state or province an abbreviation as written names: "Calif." or "N.Y." (a capital
    then small letters, or dotted capitals) or a postal code in capitals ("CA"); else None.
    Only the writer's casing tells "Ore." and "OR" from the Nigerian town and the word."""
    bare = word.replace(".", "")
    key = bare.lower()
    if len(bare) == 2 and bare.isupper() and "." not in word:
        return _POSTAL_STATES.get(key)
    if bare[:1].isupper() and (bare[1:].islower() or "." in word):
        return _AP_STATES.get(key)
    return None


_STATE_ENDS = frozenset((".", ",", ";", ":", ")", "\n", ""))  # what may follow "Calif"


def state_qualifier(text: str, start: int, end: int) -> str | None:
    """The state ``text[start:end]`` abbreviates where it qualifies the place before it
    ("Paris, Ky."): right after a comma, and a word without its full stop only at the end of
    a phrase ("Berkeley, Calif, ..."; "Akure, Ore and Ondo" is the Nigerian town)."""
    word = text[start:end]
    if not text[max(0, start - 20):start].rstrip().endswith(",") or \
            not word.isupper() and not word.endswith(".") and text[end:end + 1] not in _STATE_ENDS:
        return None
    return state_abbreviation(word)


_DATELINE_END = re.compile(r"[^\S\n]*(?:,|\(|[-—–][^\S\n])")


def dateline(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a wire story's dateline, the place it was filed from, in capitals
    at a line's start: "KABUL (Reuters) -", "MOSUL, Iraq —"."""
    return (start == 0 or text[start - 1] == "\n") and text[start:end].isupper() and \
        _DATELINE_END.match(text, end) is not None
