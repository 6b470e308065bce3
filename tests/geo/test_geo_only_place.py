"""An undatelined article that names one place only puts the events no sentence placed there
(geo.locate rule 3, "the article's only place"). Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(coded):
    return coded


def test_events_told_without_a_place_take_the_articles_one_place(code):
    coded = code("Gunmen killed four farmers on Sunday. Police said the attackers fled. "
                 "The farmers had gathered for a meeting in the centre of Multan.")
    killed = [e for e in coded.events if e.cameo_root in ("18", "19") and e.sentence_index == 0]
    assert killed, [(e.sentence_index, e.cameo_code) for e in coded.events]
    assert all(e.location_name == "Multan" and e.location_country == "PAK" for e in killed)
    assert all(e.location_reason.startswith("the article's only place") for e in killed)


def test_two_places_give_no_article_place(code):
    coded = code("Gunmen killed four farmers on Sunday. The farmers came from Multan and had "
                 "travelled to Lahore for a meeting.")
    killed = [e for e in coded.events if e.cameo_root in ("18", "19") and e.sentence_index == 0]
    assert killed and all(e.location_name is None for e in killed)
