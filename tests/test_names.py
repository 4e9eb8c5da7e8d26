from hypothesis import given, strategies as st

from gazetteer.names import fold, is_latin, loose, loose_twin, without_article, \
    without_silent_h


def test_case_diacritics_and_scripts_fold_to_one_key():
    assert fold("Tərtər") == fold("Terter") == fold("TERTER") == fold("terter")
    assert fold("Степанакерт") == fold("Stepanakert")
    assert fold("Naxçıvan") == fold("Naxcivan")


def test_punctuation_hyphens_and_spaces_vary_freely():
    assert fold("Nagorno-Karabakh") == fold("Nagorno Karabakh") == fold("NagornoKarabakh")
    assert fold("Arts'akh") == fold("Arts‘akh") == fold("Artsakh")
    assert fold("Côte d’Ivoire") == fold("Cote d'Ivoire") == fold("Cote dIvoire")


def test_saint_abbreviations_expand():
    assert fold("St. Petersburg") == fold("Saint Petersburg") == fold("St Petersburg")
    assert fold("Mt. Ararat") == fold("Mount Ararat")
    assert fold("Stanley") != fold("Saintanley")  # only whole tokens expand


def test_loose_key_merges_vowels_and_transliteration_pairs():
    assert loose(fold("Tartar")) == loose(fold("Terter")) == loose(fold("Tərtər"))
    assert loose(fold("Khankendi")) == loose(fold("Xankendi"))
    assert loose(fold("Talish")) != loose(fold("Dallas"))
    assert loose(fold("Baku")) == ""  # too short to be safe


def test_a_final_a_also_meets_the_spelling_with_a_silent_h():
    assert loose_twin(fold("Shabwa")) == loose(fold("Shabwah"))
    assert loose_twin(fold("Hodeida")) == loose(fold("Hodeidah"))
    # only that way, and only after "a": "Connah" is no "Conna", "Willie" no "Villah"
    assert loose_twin(fold("Connah")) == "" and loose_twin(fold("Willie")) == ""
    assert loose_twin(fold("Goa")) == ""  # too short for a loose key


def test_a_final_ah_loses_its_h_for_an_exact_lookup():
    assert without_silent_h(fold("Hodeidah")) == "hodeida"
    assert without_silent_h(fold("Hodeida")) == "" and without_silent_h(fold("Bah")) == ""


def test_the_arabic_article_written_apart_comes_off():
    assert without_article("Al Gezira") == "Gezira" and without_article("el-Fasher") == "Fasher"
    assert without_article("Algiers") == "" and without_article("Elgin") == ""


def test_is_latin():
    assert is_latin("Tərtər") and is_latin("São Paulo")
    assert not is_latin("Степанакерт") and not is_latin("漢肯德")


@given(st.text())
def test_any_text_folds_to_lowercase_ascii_alphanumerics(name):
    key = fold(name)
    assert key == "" or (key.isascii() and key.isalnum() and key == key.lower())
    assert loose(key) == "" or len(loose(key)) >= 4
