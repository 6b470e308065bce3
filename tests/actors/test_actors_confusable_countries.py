"""Country names that contain another's, or that name more than one place (issue 10, class 3).

Each case is a full sentence (or two) coded by the whole pipeline: the mention covering ``phrase``
must carry ``code``, and an event must run from ``source`` to ``target`` (countries). Every
confusable pair is here both ways: North Korea / South Korea (with "the North", "the South",
"DPRK", "Pyongyang"), South Sudan / Sudan, Niger / Nigeria, the two Congos, Guinea /
Guinea-Bissau / Equatorial Guinea / Papua New Guinea, Georgia the country / the US state,
Dominica / the Dominican Republic, Ireland / Northern Ireland, Samoa / American Samoa, and the
US states named after a country (New Mexico, New Jersey). The texts were written for this test.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.actors.mention_cases import codes, locate

ON = date(2020, 5, 12)

# (id, text, phrase, code of the mention covering the phrase, (source country, target country))
CASES: list[tuple[str, str, str, object, tuple[str, str]]] = [
    # -- the Koreas ------------------------------------------------------------------------------
    ("prk-kor", "North Korea accused South Korea of flying spy drones over the border.",
     "North Korea", "PRK", ("PRK", "KOR")),
    ("kor-prk", "South Korea accused North Korea of flying spy drones over the border.",
     "North Korea", "PRK", ("KOR", "PRK")),
    ("dprk", "The DPRK condemned South Korea for the joint naval drills.", "DPRK", "PRK", ("PRK", "KOR")),
    ("pyongyang-seoul", "Pyongyang criticized Seoul over the leaflet campaign.", "Pyongyang", "PRK",
     ("PRK", "KOR")),
    ("seoul-pyongyang", "Seoul criticized Pyongyang over the missile test.", "Seoul", "KOR", ("KOR", "PRK")),
    ("prk-adjective", "North Korean soldiers fired on South Korean guards near the truce village.",
     "North Korean soldiers", "PRKMIL", ("PRK", "KOR")),
    ("kor-adjective", "South Korean guards fired on North Korean soldiers near the truce village.",
     "North Korean soldiers", "PRKMIL", ("KOR", "PRK")),
    ("the-north", "Seoul accused the North of firing artillery shells across the sea border.",
     "North", "PRK", ("KOR", "PRK")),
    ("the-north-subject", "South Korea's military said the North criticized Seoul for the drills.",
     "North", "PRK", ("PRK", "KOR")),
    ("the-south", "North Korea's foreign ministry warned the South against new provocations.",
     "South", "KOR", ("PRK", "KOR")),
    ("prk-possessive", "North Korea's leader threatened South Korea's president.", "North Korea's leader",
     "PRKGOV", ("PRK", "KOR")),
    # -- Sudan and South Sudan -------------------------------------------------------------------
    ("ssd-sdn", "South Sudan accused Sudan of bombing oil fields near the border.", "South Sudan", "SSD",
     ("SSD", "SDN")),
    ("sdn-ssd", "Sudan accused South Sudan of sheltering rebel fighters.", "Sudan", "SDN", ("SDN", "SSD")),
    ("ssd-adjective", "South Sudanese troops attacked Sudanese soldiers near Heglig.",
     "South Sudanese troops", "SSDMIL", ("SSD", "SDN")),
    ("sdn-adjective", "Sudanese soldiers attacked South Sudanese troops near Heglig.",
     "Sudanese soldiers", "SDNMIL", ("SDN", "SSD")),
    ("juba-khartoum", "Juba accused Khartoum of arming the militias.", "Juba", "SSD", ("SSD", "SDN")),
    ("khartoum-juba", "Khartoum accused Juba of arming the rebels.", "Khartoum", "SDN", ("SDN", "SSD")),
    # -- Niger and Nigeria -----------------------------------------------------------------------
    ("ner-nga", "Niger accused Nigeria of closing the border without warning.", "Niger", "NER",
     ("NER", "NGA")),
    ("nga-ner", "Nigeria accused Niger of closing the border without warning.", "Nigeria", "NGA",
     ("NGA", "NER")),
    ("nigerien", "Nigerien soldiers arrested Nigerian smugglers near the border.", "Nigerien soldiers",
     "NERMIL", ("NER", "NGA")),
    ("nigerian", "Nigerian soldiers arrested Nigerien smugglers near the border.", "Nigerian soldiers",
     "NGAMIL", ("NGA", "NER")),
    ("niger-state", "The governor of Niger State criticized the French government.", "Niger State", "NGAGOV",
     ("NGA", "FRA")),
    # -- the two Congos --------------------------------------------------------------------------
    ("cod-cog", "The Democratic Republic of Congo accused the Republic of Congo of sheltering rebels.",
     "Democratic Republic of Congo", "COD", ("COD", "COG")),
    ("cog-cod", "The Republic of Congo accused the Democratic Republic of Congo of sheltering rebels.",
     "Republic of Congo", "COG", ("COG", "COD")),
    ("kinshasa-brazzaville", "Kinshasa criticized Brazzaville over the river crossing.", "Kinshasa", "COD",
     ("COD", "COG")),
    ("brazzaville-kinshasa", "Brazzaville criticized Kinshasa over the river crossing.", "Brazzaville",
     "COG", ("COG", "COD")),
    ("drc-short", "DR Congo thanked Congo-Brazzaville for the refugee aid.", "Congo-Brazzaville", "COG",
     ("COD", "COG")),
    ("congo-in-brazzaville", "Talks opened in Brazzaville on Monday. Congo accused Gabon of sheltering the "
     "coup plotters.", "Congo", "COG", ("COG", "GAB")),
    ("congo-in-kinshasa", "Fighting spread near Goma on Monday. Congo accused Rwanda of backing the "
     "rebels.", "Congo", "COD", ("COD", "RWA")),
    ("congolese-brazzaville", "Congolese police in Brazzaville arrested two Cameroonian traders.",
     "Congolese police", "COGCOP", ("COG", "CMR")),
    ("congolese-goma", "Congolese troops clashed with Rwandan soldiers near Goma.", "Congolese troops",
     "CODMIL", ("COD", "RWA")),
    # -- the Guineas -----------------------------------------------------------------------------
    ("gin-gnb", "Guinea accused Guinea-Bissau of harbouring the mutineers.", "Guinea", "GIN", ("GIN", "GNB")),
    ("gnb-gin", "Guinea-Bissau accused Guinea of harbouring the mutineers.", "Guinea-Bissau", "GNB",
     ("GNB", "GIN")),
    ("gnq-gin", "Equatorial Guinea criticized Guinea over the fishing dispute.", "Equatorial Guinea", "GNQ",
     ("GNQ", "GIN")),
    ("gin-gnq", "Guinea criticized Equatorial Guinea over the fishing dispute.", "Equatorial Guinea", "GNQ",
     ("GIN", "GNQ")),
    ("png-gin", "Papua New Guinea thanked Guinea for the vaccine donation.", "Papua New Guinea", "PNG",
     ("PNG", "GIN")),
    ("guinean", "Guinean police arrested Bissau-Guinean traders in Conakry.", "Guinean police", "GINCOP",
     ("GIN", "GNB")),
    ("bissau-guinean", "Bissau-Guinean police arrested Guinean traders in Bissau.", "Bissau-Guinean police",
     "GNBCOP", ("GNB", "GIN")),
    # -- Georgia: the country and the US state ---------------------------------------------------
    ("geo-rus", "Georgia accused Russia of moving the boundary fences.", "Georgia", "GEO", ("GEO", "RUS")),
    ("tbilisi", "Tbilisi accused Moscow of provocations in South Ossetia.", "Tbilisi", "GEO", ("GEO", "RUS")),
    ("georgian-gov", "The Georgian government condemned Russia for the border arrests.",
     "Georgian government", "GEOGOV", ("GEO", "RUS")),
    ("georgia-governor", "Georgia's governor criticized the Mexican government over the trade rules.",
     "Georgia's governor", "USAGOV", ("USA", "MEX")),
    ("atlanta-georgia", "Georgia police arrested two Mexican nationals in Atlanta on Friday.",
     "Georgia police", "USACOP", ("USA", "MEX")),
    ("tbilisi-georgia", "Georgia police arrested two Russian nationals in Tbilisi on Friday.",
     "Georgia police", "GEOCOP", ("GEO", "RUS")),
    ("georgia-state-context", "The Atlanta Braves won again. Georgia sued Mexico over the pipeline "
     "contract.", "Georgia", "USA", ("USA", "MEX")),
    # -- Dominica and the Dominican Republic -----------------------------------------------------
    ("dma-dom", "Dominica thanked the Dominican Republic for the hurricane aid.", "Dominica", "DMA",
     ("DMA", "DOM")),
    ("dom-dma", "The Dominican Republic thanked Dominica for the hurricane aid.", "Dominican Republic",
     "DOM", ("DOM", "DMA")),
    ("dominican-default", "The Dominican government deported Haitian migrants.", "Dominican government",
     "DOMGOV", ("DOM", "HTI")),
    ("dominican-roseau", "In Roseau, the Dominican government thanked Venezuela for the fuel.",
     "Dominican government", "DMAGOV", ("DMA", "VEN")),
    # -- Ireland and Northern Ireland --------------------------------------------------------------
    ("irl-nir", "Ireland criticized Northern Ireland's police over the border checks.",
     "Northern Ireland's police", "GBRCOP", ("IRL", "GBR")),
    ("nir-irl", "Northern Irish police arrested two Irish citizens.", "Northern Irish police", "GBRCOP",
     ("GBR", "IRL")),
    # -- Samoa and American Samoa ------------------------------------------------------------------
    ("wsm-asm", "Samoa thanked American Samoa for the medical team.", "Samoa", "WSM", ("WSM", "ASM")),
    ("asm-wsm", "American Samoa thanked Samoa for the medical team.", "American Samoa", "ASM",
     ("ASM", "WSM")),
    # -- US states named after a country -----------------------------------------------------------
    ("new-mexico", "The governor of New Mexico criticized Mexico over the water treaty.",
     "governor of New Mexico", "USAGOV", ("USA", "MEX")),
    ("mexico-new-mexico", "Mexico criticized New Mexico over the water treaty.", "New Mexico", "USA",
     ("MEX", "USA")),
    ("new-jersey", "New Jersey police arrested two French citizens.", "New Jersey police", "USACOP",
     ("USA", "FRA")),
]

IDS = [c[0] for c in CASES]


@pytest.fixture(scope="module")
def coded(coder):
    from heron.records import Article

    cache: dict[str, object] = {}

    def code(text: str):
        if text not in cache:
            cache[text] = coder.code_article(Article(id="confusable", text=text, published=ON))
        return cache[text]

    return code


@pytest.mark.parametrize(("case_id", "text", "phrase", "code", "dyad"), CASES, ids=IDS)
def test_mention_code(coded, case_id, text, phrase, code, dyad):
    result = coded(text)
    start, end = locate(text, phrase)
    covering = [m for m in result.mentions if m.start <= start and end <= m.end]
    assert covering, f"no mention covers {phrase!r}: {[(m.text, codes(m)) for m in result.mentions]}"
    m = min(covering, key=lambda x: x.end - x.start)
    assert codes(m) == code, (m.text, m.actors)


@pytest.mark.parametrize(("case_id", "text", "phrase", "code", "dyad"), CASES, ids=IDS)
def test_event_countries(coded, case_id, text, phrase, code, dyad):
    result = coded(text)
    found = [(e.source_country, e.target_country) for e in result.events]
    assert dyad in found, f"{dyad} not among {[(e.source_code, e.cameo_code, e.target_code) for e in result.events]}"


# (id, text, a country no mention of the text may carry)
NOT_THERE: list[tuple[str, str, str]] = [
    ("north-nigeria", "Gunmen in the North attacked Nigerian soldiers on Sunday.", "PRK"),
    ("south-us", "Storms in the South delayed flights, the US weather service said.", "KOR"),
    ("north-sea", "Norway criticized Britain over fishing in the North Sea.", "PRK"),
    ("gulf-of-guinea", "Nigerian pirates attacked a Greek tanker in the Gulf of Guinea.", "GIN"),
    ("congo-river", "Congo River traders accused Angolan police of extortion.", "COD"),
    ("new-guinea", "Tribes in the New Guinea highlands attacked Indonesian troops.", "GIN"),
    ("new-south-wales", "New South Wales police arrested two Chinese nationals.", "GBR"),
    ("jersey-city", "Jersey City police arrested a Mexican man.", "JEY"),
    ("georgia-us-state", "Georgia's governor in Atlanta met Mexican trade officials.", "GEO"),
    ("georgia-country", "Georgia's president in Tbilisi met Russian officials.", "USA"),
    ("georgia-football", "Georgia's quarterback threw three touchdowns against Kentucky on Saturday.", "GEO"),
]


@pytest.mark.parametrize(("case_id", "text", "country"), NOT_THERE, ids=[c[0] for c in NOT_THERE])
def test_no_confused_country(coded, case_id, text, country):
    result = coded(text)
    wrong = [(m.text, codes(m)) for m in result.mentions if any(a.country == country for a in m.actors)]
    assert not wrong, wrong


def test_table_codes_are_known_countries():
    from heron.actors.confusables import confusable_names
    from heron.actors.dictionaries import load_builtin

    kb = load_builtin()
    for name in confusable_names().values():
        for reading in name.readings:
            assert reading.null or kb.country(reading.code) is not None, (name.phrase, reading.code)
            for code in reading.countries:
                assert kb.country(code) is not None, (name.phrase, code)


@pytest.mark.parametrize("text, source", [
    ("Pakistan's Foreign Office condemned India on Monday.", "PAKGOV"),
    ("Britain's Foreign Office condemned Iran on Monday.", "GBRGOV"),
    ("The Foreign Office condemned Iran on Monday.", "GBRGOV"),
])
def test_an_institution_another_country_possesses_is_that_countrys(text, source):
    from heron.pipeline import code_text

    events = code_text(text).events
    assert events and events[0].source_code == source
