"""Religious and ethnic adjectives on actor nouns, news media as actors, and acronyms an article
defines. Cases are (text, phrase, expected code or None, extra) as in the mention table; ``ctx``
is a dateline country; ``text`` checks the mention's words."""

from __future__ import annotations


import pytest

from tests.actors.mention_cases import check_case

CASES: list[tuple[str, str, object, dict]] = [
    # religion adjectives join the mention and add the CAMEO religion code after the role
    ("Moslem militants attacked a police post in the south.", "militants", "---REBMOS",
     {"text": "Moslem militants"}),
    ("Shiite militias in Iraq shelled the village.", "militias", "IRQUAFMOSSHI", {"text": "Shiite militias"}),
    ("Iraqi Shiite militias fired rockets at the base.", "militias", "IRQUAFMOSSHI", {}),
    ("Christian leaders in Lebanon condemned the attack.", "leaders", "LBNRELCHR", {}),
    ("Sunni and Shiite clerics met in Baghdad to call for calm.", "clerics", "IRQRELMOSSUNMOSSHI",
     {"text": "Sunni and Shiite clerics"}),
    ("Jewish settlers stoned cars near the village.", "settlers", "---CVLJEW", {}),
    ("Hindu pilgrims were attacked on the road to the shrine.", "pilgrims", None, {}),
    ("Muslims in Burma fled across the border.", "Muslims", "MMRCVLMOS", {}),
    # ethnic adjectives join the mention but give no code and no country
    ("Kurdish fighters seized the town from the militants.", "fighters", "---REB", {"text": "Kurdish fighters"}),
    ("Tamil civilian refugees crossed to India by boat.", "refugees", "---CVLREF", {}),
    # names with a religious word stay names
    ("The Islamic Salvation Front called a strike.", "Islamic Salvation Front", "DZAREB", {}),
    ("The Islamic Liberation Front called a strike.", "Islamic Liberation Front", "---REB", {}),
    ("Islamic State claimed the bombing.", "Islamic State", "IMGMUSISI", {}),
    # news agencies and broadcasters, with their countries
    ("Reuters reported that the talks had collapsed.", "Reuters", "GBRMED", {}),
    ("A senior official told Reuters that the deal was close.", "Reuters", "GBRMED", {}),
    ("North Korea's KCNA said the launch was a success.", "KCNA", "PRKGOVMED", {}),
    ("Al Jazeera reported heavy fighting near the airport.", "Al Jazeera", "QATMED", {}),
    ("The BBC and Xinhua also reported the clashes.", "Xinhua", ("GBRMED", "CHNGOVMED"), {}),
    ("The Tasnim news agency quoted a commander as saying the drills would continue.", "Tasnim", "IRNMED", {}),
    ("LONDON (Reuters) - Oil prices rose on Monday.", "Reuters", None, {}),
    ("Pinochet loses immunity (AP) Chile's court ruled on Tuesday.", "AP", None, {}),
    ("Dawn raids were carried out by the police.", "Dawn", None, {}),
    ("He stayed at a spa in the hills.", "spa", None, {}),
    # state media take the dateline's country
    ("State media said the president had called for calm.", "State media", "IRNGOVMED", {"ctx": "IRN"}),
    ("The official news agency said the talks would resume.", "news agency", "EGYGOVMED", {"ctx": "EGY"}),
    ("Syrian state television said the army had retaken the town.", "state television", "SYRGOVMED", {}),
    ("Reporters said the streets were quiet.", "Reporters", "---MED", {"ctx": "IRN"}),
    # acronyms defined in the article are coded like their expansion
    ("The Movement for Democratic Renewal (MDR) said the vote was rigged. The MDR will boycott the runoff.",
     "MDR#2", "---OPP", {"by": "coref:acronym"}),
    ("The National Union for the Total Independence of Angola (UNITA) accused the army. "
     "UNITA said its troops would stay.", "UNITA#2", "AGOPTY", {}),
    ("The National Union for the Total Independence of Ruritania (UNITR) accused the army. "
     "UNITR said its troops would stay.", "UNITR#2", "---PTY", {"by": "coref:acronym"}),
    ("The Kenya Landowners Association (KLA) sued the ministry. The KLA lost the case.", "KLA#2", "KENNGO",
     {"by": "coref:acronym"}),
    ("The NPFP said its fighters would stay in the capital.", "NPFP", None, {}),
    ("The NPFL said its fighters would stay in the capital.", "NPFL", "LBRREB", {}),
]


@pytest.mark.parametrize(("text", "phrase", "expected", "extra"), CASES,
                         ids=[f"{i:02d}-{c[1]}" for i, c in enumerate(CASES)])
def test_faith_media_case(tools, text, phrase, expected, extra):
    check_case(tools, text, phrase, expected, extra)


def test_acronym_points_back_to_its_definition(tools):
    from heron.actors.coref import resolve

    nlp, finder = tools
    text = "The Movement for Democratic Renewal (MDR) said the vote was rigged. The MDR will boycott the runoff."
    doc = nlp(text)
    mentions = resolve(doc, finder.find(doc))
    later = next(m for m in mentions if m.resolved_by == "coref:acronym")
    assert later.antecedent is not None
    assert mentions[later.antecedent].text.startswith("The Movement for Democratic Renewal")
