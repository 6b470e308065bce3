"""Local news: the article's own state and nearby names decide between same-named places, the
words around a name tell a town from a country or a person, and a name used as a place is a
place where it comes again (issue 11). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.geo.conftest import found



# --- context: the local paper's state and the names near a place


def test_town_beside_its_county_beats_a_larger_namesake_abroad(places_in):
    places = places_in("Paris and Henry County have a long history of quilting. Quilters from across "
                   "Henry County will show their work in Paris on Saturday.")
    assert {(p.country, p.admin1) for p in found(places, "Paris")} == {("USA", "TN")}
    assert {p.admin1 for p in found(places, "Henry County")} == {"TN"}


def test_the_state_named_again_and_again_decides_between_towns(places_in):
    places = places_in("Storms hit Manhattan on Monday. Kansas officials said hail fell across Kansas, "
                   "and the Kansas highway patrol closed two roads near Manhattan.")
    assert {p.admin1 for p in found(places, "Manhattan")} == {"KS"}


def test_a_world_city_stays_itself_in_an_international_story(places_in):
    places = places_in("The US and Russia will meet in Geneva next week, the State Department said. "
                   "Washington wants a ceasefire in Syria, and Moscow said it would send its envoy to Paris first.")
    assert {p.country for p in found(places, "Paris")} == {"FRA"}
    assert {(p.country, p.admin1) for p in found(places, "Washington")} == {("USA", "DC")}


def test_the_capital_is_the_largest_place_of_that_name(gaz, places_in):
    from heron.geo.place_scoring import capital_flags

    cands = gaz.matched_by_name("Washington")
    flags = capital_flags(cands)
    capitals = [e for (e, _), f in zip(cands, flags) if f]
    assert [(e.country, e.admin1) for e in capitals] == [("USA", "DC")]  # not Washington, Illinois


def test_a_name_listed_with_countries_is_a_country(places_in):
    places = places_in("Most victims came from Mexico's Central American neighbours, Guatemala, Honduras "
                   "and El Salvador, the report said. Gangs in Jalisco recruit them.")
    assert [p.feature for p in found(places, "El Salvador")] == ["country"]


def test_a_dateline_names_a_city_not_a_division(places_in):
    places = places_in("NEW YORK (Reuters) - Stocks rose on Monday as oil prices fell.")
    assert (places[0].text, places[0].feature) == ("NEW YORK", "city")


# --- what the words around a name say


def test_a_resident_noun_makes_a_name_a_town_not_a_country(places_in):
    places = places_in("A Jordan man was hurt when his motorcycle left the road near Belle Plaine. Scott County "
                   "deputies took him to a hospital in Shakopee.")
    jordan = found(places, "Jordan")
    assert jordan and jordan[0].country == "USA" and jordan[0].admin1 == "MN"


def test_a_division_word_makes_the_name_the_division(places_in):
    places = places_in("Cooke County deputies were called to a ranch outside Gainesville, Texas, on Friday.")
    assert not found(places, "Cooke")
    county = found(places, "Cooke County")
    assert county and county[0].feature == "admin2" and county[0].admin1 == "TX"


def test_no_town_from_inside_a_longer_name(places_in):
    places = places_in("A Meadow Grove man was charged on Tuesday. The crash happened in Sand Creek Township.")
    assert not found(places, "Grove") and not found(places, "Creek")


def test_a_prefixed_name_is_taken_whole(places_in):
    places = places_in("She grew up in West Virginia and worked for years in North Platte.")
    wv = found(places, "West Virginia")
    assert wv and wv[0].admin1 == "WV"
    assert not found(places, "Virginia")
    platte = found(places, "North Platte")
    assert platte and platte[0].admin1 == "NE"


@pytest.mark.parametrize("text, name, admin1", [
    ("The delegation was led by Rep. Charles Rangel, D-N.Y., on Tuesday.", "N.Y.", "NY"),
    ("Senate Tax Chairman Tom Bakk, DFL-Cook, said the plan was fair.", "Cook", "MN"),
    ("State Rep. Jay Roberts (R-Ocilla), chairman of the committee, spoke first.", "Ocilla", "GA"),
])
def test_party_hometowns(places_in, text, name, admin1):
    hits = found(places_in(text), name)
    assert hits and hits[0].admin1 == admin1 and "party-hometown" in hits[0].reason


def test_saint_mount_fort_written_short(gaz, places_in):
    assert any(own and e.admin1 == "MN" for e, own in gaz.matched_by_name("St. Paul"))
    assert any(own and e.admin1 == "OH" for e, own in gaz.matched_by_name("St. Paris"))
    places = places_in("ST. PAUL -- A man was charged on Monday with threatening a tax worker.")
    assert (places[0].text, places[0].name, places[0].admin1) == ("ST. PAUL", "Saint Paul", "MN")


# --- one sense per article


def test_a_name_used_as_a_place_is_a_place_where_it_comes_again(places_in):
    places = places_in("Police in Chiefland arrested two men on Saturday. Chiefland's mayor thanked the "
                   "officers, and Chiefland will hold a meeting on Monday.")
    assert len(found(places, "Chiefland")) == 3
    assert any("elsewhere in the article" in p.reason for p in found(places, "Chiefland"))


def test_a_name_the_article_gives_a_person_is_no_place(places_in):
    places = places_in("Dan Jones, 40, was arrested on Friday. According to Jones, the car was stolen.")
    assert not found(places, "Jones")


def test_a_border_belongs_to_a_state_or_country_not_a_city(places_in):
    places = places_in("Tolls were dropped between Exit 1 near the New York border and Exit 6 in Chicopee.")
    ny = found(places, "New York")
    assert ny and ny[0].feature == "admin1" and ny[0].admin1 == "NY"


def test_sprawling_divisions_sit_in_their_middle_not_among_their_towns(gaz):
    ontario = next(e for e in gaz.lookup("Ontario") if e.feature == "admin1")
    alaska = next(e for e in gaz.lookup("Alaska") if e.feature == "admin1")
    assert ontario.latitude > 48 and alaska.latitude > 62  # not Toronto's, not Anchorage's latitude


def test_names_listed_before_counties_are_counties(places_in):
    places = places_in("The combined population of Douglas, Sarpy and Lancaster counties grew again, the "
                   "Nebraska census office said. Small Hitchcock and Hayes counties lost people.")
    for name in ("Douglas", "Sarpy", "Lancaster", "Hitchcock", "Hayes"):
        hits = found(places, name)
        assert hits and hits[0].feature == "admin2" and hits[0].admin1 == "NE", name
