"""Toponym recall: US counties, names the words around them mark as places, the dateline's
region (issue 11.1, 11.2). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.geo.conftest import found



def test_us_counties_are_places_placed_by_the_state_in_the_article(gaz, places_in):
    assert any(e.feature == "admin2" and e.admin1 == "GA" for e in gaz.lookup("Clayton County"))
    places = places_in("School boards in Georgia met on Monday. Six Clayton County students were honored "
                   "in Atlanta, and the Clayton County school district thanked them.")
    county = found(places, "Clayton County")
    assert county and all(p.feature == "admin2" and p.country == "USA" and p.admin1 == "GA" for p in county)
    places = places_in("Iowa farmers gathered in Des Moines. Clayton County dairy herds grew last year.")
    assert [p.admin1 for p in found(places, "Clayton County")] == ["IA"]


@pytest.mark.parametrize("text, name, cue", [
    ("A Chiefland man was stabbed early Saturday during a fight.", "Chiefland", "Chiefland man"),
    ("The Corsicana Police Department asked for help on Friday.", "Corsicana", "institution"),
    ("He teaches sociology at the University of Hartford and writes books.", "Hartford", "University of"),
    ("Farmers across East Texas are waiting for rain.", "Texas", "part of a place"),
    ("Stores opened in Sioux Falls, S.D. and in other towns.", "Sioux Falls", ""),
    ("The bill was written by Rep. Torrey Westrom, R-Elbow Lake, last year.", "Elbow Lake", "party-hometown"),
    ("Mary Jones, 52, of Gun Barrel City, was charged with theft.", "Gun Barrel City", ""),
])
def test_cue_words_make_a_known_name_a_place(places_in, text, name, cue):
    places = found(places_in(text), name)
    assert places, f"{name!r} not found in {text!r}"
    assert places[0].country == "USA"
    assert cue in places[0].reason


def test_names_without_a_cue_or_common_words_stay_out(places_in):
    places = places_in("Energy officials said the Union would decide. Clinton said he was pleased.")
    assert not found(places, "Energy") and not found(places, "Union") and not found(places, "Clinton")


def test_dateline_region_is_a_place_of_its_own(places_in):
    places = places_in("CHARLESTON, W.Va. -- The mayor opened a new library on Main Street on Tuesday.")
    region = found(places, "W.Va.")
    assert region and region[0].role == "dateline" and region[0].admin1 == "WV" and region[0].feature == "admin1"
    city = found(places, "CHARLESTON")
    assert city and city[0].admin1 == "WV"
    assert places[0].text == "CHARLESTON"  # the city stays the article's dateline place


def test_same_named_towns_of_one_country_follow_the_state_of_the_article(places_in):
    georgia = places_in("Hall County deputies arrested a man on Monday. He was taken to a jail in Gainesville, "
                    "and officials in Georgia said the case would go to court in Oakwood.")
    florida = places_in("Alachua County deputies arrested a man on Monday. He was taken to a jail in Gainesville, "
                    "and officials in Florida said the case would go to court in Ocala.")
    assert [p.admin1 for p in found(georgia, "Gainesville")] == ["GA"]
    assert [p.admin1 for p in found(florida, "Gainesville")] == ["FL"]
    paris = places_in("Ministers met in Paris on Monday, and the White House said Washington would send an envoy.")
    assert [p.country for p in found(paris, "Paris")] == ["FRA"]  # not across countries
