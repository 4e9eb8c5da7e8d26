"""Sentence boundaries: the one splitter the recogniser, events and resolver share."""

import pytest

from geomap import sentences


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences.spans(text)]


@pytest.mark.parametrize("text, expected", [
    # titles, initials and dotted abbreviations do not end a sentence
    ("Dr. Ames met Gen. Ruiz in the capital. Talks went on.",
     ["Dr. Ames met Gen. Ruiz in the capital.", "Talks went on."]),
    ("The report by R. T. Okafor came out. It was long.",
     ["The report by R. T. Okafor came out.", "It was long."]),
    ("Two U.S. troops and a U.N. envoy arrived. More followed.",
     ["Two U.S. troops and a U.N. envoy arrived.", "More followed."]),
    ("The U.S. Army left St. Denis on Monday.", ["The U.S. Army left St. Denis on Monday."]),
    # a month abbreviation before its day, "No." before a number
    ("Shelling resumed on Oct. 14 near the dam. Then 3 died.",
     ["Shelling resumed on Oct. 14 near the dam.", "Then 3 died."]),
    ("He lives at No. 9 Elm Row.", ["He lives at No. 9 Elm Row."]),
    ("Asked twice, he said no. Then he left.", ["Asked twice, he said no.", "Then he left."]),
    # a decimal point is no full stop; a number can open the next sentence
    ("Inflation hit 2.5 per cent. 40 firms closed.",
     ["Inflation hit 2.5 per cent.", "40 firms closed."]),
    # only a capital (or digit) after the full stop starts a sentence
    ("Bring tools, e.g. a spade. Then dig.", ["Bring tools, e.g. a spade.", "Then dig."]),
    # closing quotes and brackets stay with their sentence; an opening quote starts the next,
    # a lower-case word does not
    ('"We are leaving." She waved. (It was late.) "Go!" they cried.',
     ['"We are leaving."', "She waved.", "(It was late.)", '"Go!" they cried.']),
    ("Is it over? Nobody knows!  Wait.", ["Is it over?", "Nobody knows!", "Wait."]),
    # a line break ends a sentence: headlines have no full stop
    ("Floods hit the valley\nRain fell for days.\n\n  Roads closed",
     ["Floods hit the valley", "Rain fell for days.", "Roads closed"]),
    ("", []),
    ("   \n  ", []),
])
def test_spans(text, expected):
    assert split(text) == expected


def test_acronym_in_capitals_ends_a_sentence():
    # only one capital letter is an initial: "UK." and "NATO." end their sentences
    assert split("Troops came from the UK. Others stayed.") == [
        "Troops came from the UK.", "Others stayed."]


def test_abbreviation_must_be_a_whole_word():
    # "1st." is not "St.": a date ending a sentence
    assert split("The vote is on May 1st. Polls open early.") == [
        "The vote is on May 1st.", "Polls open early."]


def test_end_and_start_of_the_sentence_holding_an_offset():
    text = "Rain fell in Dr. Lee's town. It flooded.  Roads shut"
    first = text.index("It")
    assert sentences.end(text) == first - 1
    assert text[:sentences.end(text)] == "Rain fell in Dr. Lee's town."
    assert sentences.end(text, first) == text.index("  Roads")
    assert sentences.end(text, text.index("Roads")) == len(text)
    assert sentences.start(text, text.index("flooded")) == first
    assert sentences.start(text, 5) == 0
    assert sentences.start(text, len(text)) == text.index("Roads")


def test_ends_match_spans():
    text = "One. Two.\nThree"
    assert sentences.ends(text) == [4, 9]
    assert sentences.spans(text) == [(0, 4), (5, 9), (10, 15)]


def test_first_sentence_without_its_full_stop():
    assert sentences.first(" is a village in St. Marys County. It lies 5 km away.") == \
        " is a village in St. Marys County"
    assert sentences.first(' said "we left." Then') == ' said "we left'
    assert sentences.first(" is near the U.S. border") == " is near the U.S. border"
    assert sentences.first(". Next one.") == ""
    assert sentences.first("\n\nA new paragraph.") == ""  # the name ended its line
