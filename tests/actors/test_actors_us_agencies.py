"""US federal agencies named on their own (issue 10, material cooperation): "ICE" is Immigration and
Customs Enforcement in capitals only (the word ice is no actor), CBP and DHS by their acronyms, the
Fish and Wildlife Service by its name. The texts were written for this test."""

from __future__ import annotations

import pytest

from tests.actors.mention_cases import check_case

CASES = [
    ("ice-acronym", "ICE agents detained two men in Texas on Monday.", "ICE", "USACOP", {}),
    ("ice-full", "Immigration and Customs Enforcement handed two bronze statues to Cambodia.",
     "Immigration and Customs Enforcement", "USACOP", {}),
    ("cbp", "CBP seized a shipment of counterfeit watches at the port.", "CBP", "USACOP", {}),
    ("dhs", "DHS announced new rules for airport screening.", "DHS", "USAGOV", {}),
    ("usaid", "USAID sent tents to the flooded villages.", "USAID", "USAGOV", {}),
    ("fws", "The U.S. Fish and Wildlife Service seized forty parrots at the border.",
     "U.S. Fish and Wildlife Service", "USAGOVENV", {}),
    # the word ice is not the agency
    ("ice-word", "The ship was stuck in thick ice off the coast of Norway.", "ice", None, {}),
    ("ice-title", "Ice covered the roads in Ohio for two days.", "Ice", None, {}),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_us_agency_mentions(tools, case):
    _, text, phrase, expected, extra = case
    check_case(tools, text, phrase, expected, extra)
