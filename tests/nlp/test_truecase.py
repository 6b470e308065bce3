"""Truecasing of lower-cased text (heron.nlp.truecase) on sentences written for these tests."""

from __future__ import annotations

import pytest

from heron.nlp.truecase import (build_lexicon, is_mostly_lower, is_mostly_upper, load_case_words,
                                lower_same_length, truecase)
from heron.records import Article

REPORT = ("ahmedabad: police opened fire on a mob in vadodara on tuesday and arrested "
          "five men, the commissioner told prime minister narendra modi. i saw it, said a shopkeeper.")
MIXED = "Police in Vadodara arrested five men on Tuesday, the commissioner told the BBC."


@pytest.fixture(scope="module")
def lexicon():
    return build_lexicon(["Ahmedabad", "Vadodara", "Narendra Modi", "Police", "New Delhi", "Turkey"])


def test_lower_report_gets_names_days_and_sentence_starts(lexicon):
    assert is_mostly_lower(REPORT)
    out = truecase(REPORT, lexicon)
    assert out.startswith("Ahmedabad: police opened fire")  # "police" is a common word: not a name
    assert "in Vadodara on Tuesday" in out
    assert "prime minister Narendra Modi. I saw it" in out


def test_offsets_unchanged(lexicon):
    text = REPORT + "  \u00e2\u20ac\u2122new delhi\u00e2\u20ac\u2122 ran a story on march 15 about a flag march."
    out = truecase(text, lexicon)
    assert len(out) == len(text)
    assert out.lower() == text.lower()
    assert [i for i, (a, b) in enumerate(zip(out, text, strict=True)) if a != b]  # something changed
    start = text.index("new delhi")
    assert out[start:start + len("new delhi")] == "New Delhi"
    assert "on March 15 about a flag march." in out  # "march" a month only next to a number


def test_mixed_case_text_is_left_alone():
    assert not is_mostly_lower(MIXED)
    assert not is_mostly_lower("The Indian Express reported that Gujarat Police detained 40 people in Surat.")


def test_lower_text_with_a_cased_header_counts_as_lower():
    text = ("This story is from March 10, 2002\n\nrajkot: the police said that the mob had gathered near "
            "the station in the evening and that the situation was now under control in the town.")
    assert is_mostly_lower(text)


def test_phrases_need_matching_separators_and_skip_common_words():
    lex = build_lexicon(["New Delhi", "Mobile", "US", "Reading"])
    assert truecase("from new delhi, a mobile unit.", lex) == "From New Delhi, a mobile unit."
    assert truecase("the new-delhi road", lex) == "The new-delhi road"
    assert truecase("let us go", lex) == "Let us go"


def test_word_lists_load():
    words = load_case_words()
    assert words.always["monday"] == "Monday"
    assert "may" in words.near_number
    assert "police" in words.common


def test_coder_truecases_before_parsing(coder):
    text = "vadodara: the police arrested twelve men in ahmedabad on sunday."
    prepared = coder.prepare_text(text)
    assert prepared == "Vadodara: the police arrested twelve men in Ahmedabad on Sunday."
    coded = coder.code_article(Article(id="t", text=text))
    assert coded.sentences[0].text == prepared.strip()
    assert any(p.name == "Ahmedabad" for p in coded.places)


# -- text set in capitals ----------------------------------------------------------------------

CAPS = ("A CAR BOMB EXPLODED OUTSIDE THE UNION BUILDING IN AHMEDABAD ON TUESDAY. "
        "POLICE SAID FIVE PEOPLE WERE KILLED.")


def test_capitals_are_detected_and_a_cased_headline_is_not_enough():
    assert is_mostly_upper(CAPS)
    assert not is_mostly_upper(MIXED)
    assert not is_mostly_upper("POLICE FIRE ON MOB\n\nPolice in Vadodara opened fire on a mob on Tuesday and "
                               "arrested five men, the commissioner told reporters in the evening.")
    assert not is_mostly_upper("UN SAYS")  # too few words to tell


def test_lowering_keeps_the_length():
    text = "İSTANBUL REPORT"  # the dotted capital I lowers to two characters: it is kept
    out = lower_same_length(text)
    assert len(out) == len(text) and out.endswith("stanbul report")


def test_coder_truecases_text_set_in_capitals(coder):
    prepared = coder.prepare_text(CAPS)
    assert len(prepared) == len(CAPS)
    assert prepared.startswith("A car bomb exploded outside the union building in Ahmedabad on Tuesday. Police said")
    coded = coder.code_article(Article(id="caps", text=CAPS))
    assert any(p.name == "Ahmedabad" for p in coded.places)
    # "CAR" is a car here, not the Central African Republic
    assert not any(a.country == "CAF" for m in coded.mentions for a in m.actors)
