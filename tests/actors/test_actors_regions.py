"""A region with no state that modifies a role ("European leaders", "European companies") codes the
region with the role's sectors (EURGOV, EURBUS), not the country of the place where they meet
(issue 10): a Brussels summit's "European leaders" are not Belgium's government. The texts were
written for this test."""

from __future__ import annotations

import pytest

from tests.actors.mention_cases import check_case

CASES = [
    ("summit-place", "European leaders met in Brussels on Thursday to discuss the budget.", "European leaders",
     "EURGOV", {}),
    ("place-first", "At a summit in Luxembourg, European ministers condemned the attack.", "European ministers",
     "EURGOV", {}),
    ("business", "European companies in Tehran were told to leave by the end of the year.", "European companies",
     "EURBUS", {}),
    ("dateline", "European officials criticised the verdict.", "European officials", "EURGOV", {"ctx": "BEL"}),
    # unchanged: a state beside the region, the EU as a body, the people of the continent
    ("with-state", "French and European officials met in Paris.", "French and European officials", "FRAGOV", {}),
    ("eu-body", "EU leaders agreed in Brussels to extend the sanctions.", "EU leaders", "IGOEUREEC", {}),
    ("people", "Europeans protested in Paris against the new law.", "Europeans", "EUR", {}),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_region_modifier_codes_the_region(tools, case):
    _, text, phrase, expected, extra = case
    check_case(tools, text, phrase, expected, extra)
