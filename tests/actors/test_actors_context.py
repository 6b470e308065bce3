"""Error classes fixed in the actor stage: historic states, places that give a group its country,
ethnic demonyms, "union" as an adjective, former office holders, plural demonyms as people.
Each case: (text, phrase, expected code(s) or None, extra checks). People are invented unless the
case is about the built-in persons table."""

from __future__ import annotations


import pytest

from tests.actors.mention_cases import check_case

CASES: list[tuple[str, str, object, dict]] = [
    # historic states and blocs
    ("Soviet Union troops crossed the border.", "Soviet Union troops", "USRMIL", {}),
    ("The Soviet Union rejected the plan.", "Soviet Union", "USR", {"country": "USR"}),
    ("A Soviet official offered concessions.", "Soviet official", "USRGOV", {}),
    ("Yugoslavia and Slovenia agreed to a ceasefire.", "Yugoslavia and Slovenia", ("YUG", "SVN"), {}),
    ("Czechoslovakia upgraded its ties with Austria.", "Czechoslovakia", "CSK", {}),
    ("East German Foreign Minister Klaus Weber will visit Albania.", "Klaus Weber", "DDRGOV", {}),
    ("The West German government protested.", "West German government", "DEUGOV", {}),
    ("Romania asked the European Community for aid.", "European Community", "IGOEUREEC", {}),
    ("Denmark settled its dispute with the EEC.", "EEC", "IGOEUREEC", {}),
    ("Zairean soldiers looted the town.", "Zairean soldiers", "CODMIL", {}),
    # a place attached to a group, or the sentence's one place, gives the country
    ("Rebels in the Ivory Coast rejected the appeal.", "Rebels", "CIVREB", {}),
    ("Opposition groups in Zimbabwe demanded a recount.", "Opposition groups", "ZWEOPP", {}),
    ("Security forces in Guinea fired on the crowd.", "Security forces", "GINCOP", {}),
    ("President Tomas Obiang extended the curfew in Abidjan.", "Tomas Obiang", "CIVGOV",
     {"by": "context"}),
    ("President Tomas Obiang arrived in Paris on Monday.", "Tomas Obiang", "---GOV", {}),
    ("President Tomas Obiang said the talks in Geneva had failed.", "Tomas Obiang", "---GOV", {}),
    ("Police arrested students in Nairobi and Accra.", "Police", "---COP", {}),
    # ethnic and national groups: the head demonym decides; "ethnic" defers to the place
    ("Kosovo Serbs blocked the road.", "Kosovo Serbs", "SRBCVL", {}),
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", "Albanians", "SRBCVL", {}),
    ("Ethnic Albanian guerrillas operating in Macedonia were demobilized.", "Albanian guerrillas", "MKDREB", {}),
    ("The Albanians of southern Serbia boycotted the vote.", "Albanians", "SRBCVL", {}),
    ("Ethnic Albanians protested.", "Albanians", "ALBCVL", {}),
    ("Some 800,000 Iraqi Kurds fled to the mountains.", "Iraqi Kurds", "IRQCVL", {}),
    ("Nigerians voted on Saturday.", "Nigerians", "NGACVL", {}),
    ("Jewish settlers attacked the village.", "settlers", "---CVLJEW", {}),
    # "union" as a name or an adjective is no trade union
    ("The union home ministry said the police were alert.", "home ministry", "---GOVCOP", {}),
    ("The Union government of India approved the bill.", "government", "IND" + "GOV", {}),
    ("The Homeland Union won the election.", "Homeland Union", "---PTY", {}),  # a party, by its name (org_words.csv)
    ("The union called a strike at the port.", "union", "---LAB", {}),
    # former office holders are elites, not the government
    ("A former Afghan intelligence chief said the talks would fail.", "Afghan intelligence chief", "AFGELI", {}),
    ("Former Socialist prime minister Nikos Varvitsiotis criticised the budget.", "Nikos Varvitsiotis",
     "---ELI", {}),
    ("The former defence ministry building burned.", "defence ministry", "---GOVMIL", {}),
    # a capital described as a place is not an actor
    ("Vienna is cold in January.", "Vienna", None, {}),
    ("Vienna is ready to host the talks.", "Vienna", "AUT", {}),
    # heads of state of the 1980s-2000s
    ("President Yoweri Museveni banned the rallies.", "Yoweri Museveni", "UGAGOV", {}),
    ("President Mitterrand met the delegation.", "President Mitterrand", "FRAGOV", {}),
]


@pytest.mark.parametrize(("text", "phrase", "expected", "extra"), CASES,
                         ids=[f"{i:03d}-{c[1]}" for i, c in enumerate(CASES)])
def test_context_case(tools, text, phrase, expected, extra):
    check_case(tools, text, phrase, expected, extra)


def test_sentence_place_needs_one_country(tools):
    """Places of two countries in one sentence give none of them to an unplaced actor."""
    nlp, finder = tools
    doc = nlp("Police clashed with protesters in Nairobi while troops patrolled in Accra.")
    police = next(m for m in finder.find(doc) if m.text == "Police")
    assert police.actors[0].country is None
