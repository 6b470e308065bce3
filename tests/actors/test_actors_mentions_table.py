"""A table of mention -> code cases: the mention found at a phrase of a sentence and its code.

Each case is (text, phrase, expected, extra). ``phrase`` is located in ``text`` (``"Tehran#2"``
is its second occurrence) and the mention whose span covers it is checked: ``expected`` is the
code, a tuple of codes for a compound mention ("Iran and Russia"), or None when no mention may
cover the phrase. ``extra`` may check name, country, sectors, role, title, resolved_by (``by``),
and take the article's publication date (``on``) or a dateline country (``ctx``). The people
named are invented unless the case is about the built-in persons table, so the code must come
from the phrase.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

D15 = date(2015, 10, 22)

CASES: list[tuple[str, str, object, dict]] = [
    # -- titles, adjectives and names in one noun phrase ---------------------------------------
    ("Iranian Defense Minister Brigadier General Hossein Farzadi inspected the new missiles.",
     "Hossein Farzadi", "IRNGOVMIL",
     {"name": "Hossein Farzadi", "country": "IRN", "sectors": ("GOV", "MIL"), "role": "defense minister",
      "title": "brigadier general"}),
    ("Iranian Defense Minister Brigadier General Hossein Farzadi inspected the new missiles.",
     "Iranian Defense Minister", "IRNGOVMIL", {"name": "Hossein Farzadi"}),
    ("Turkish Foreign Minister Kemal Ozdemir met the delegation in Ankara.", "Kemal Ozdemir", "TURGOV",
     {"role": "foreign minister"}),
    ("Russian Energy Minister Pavel Sorokin said output would rise.", "Pavel Sorokin", "RUSGOV",
     {"role": "energy minister"}),
    ("Iraqi Prime Minister Saad al-Rubaie visited the front line.", "Saad al-Rubaie", "IRQGOV", {}),
    ("Egyptian President Tarek Mansour received the envoy.", "Tarek Mansour", "EGYGOV", {"role": "president"}),
    ("Pakistani army chief General Tariq Bajwan warned India.", "Tariq Bajwan", "PAKMIL", {"title": "general"}),
    ("Israeli Defence Minister Avi Shalev ordered the strike.", "Avi Shalev", "ISRGOVMIL", {}),
    ("Saudi Foreign Minister Prince Faisal al-Harbi called for restraint.", "Faisal al-Harbi", "SAUGOV", {}),
    ("Syrian Interior Minister Fares Haddad blamed the rebels.", "Fares Haddad", "SYRGOVCOP", {}),
    ("French Justice Minister Claire Dubois announced the inquiry.", "Claire Dubois", "FRAGOVJUD", {}),
    ("Chinese Defense Ministry spokesman Zhou Wenbin denied the claim.", "Zhou Wenbin", "CHNGOVMIL", {}),
    ("Kremlin spokesman Dmitry Volkov declined to comment.", "Dmitry Volkov", "RUSGOV", {}),
    ("Iranian Deputy Foreign Minister Farhad Rostami-Kazemi arrived in Moscow.", "Farhad Rostami-Kazemi",
     "IRNGOV", {"name": "Farhad Rostami-Kazemi"}),
    ("Afghan opposition leader Rahim Sadat rejected the results.", "Rahim Sadat", "AFGOPP", {}),
    ("Nigerian police spokesman Musa Ibrahim confirmed the arrests.", "Musa Ibrahim", "NGACOP", {}),
    ("Lebanese Army commander General Joseph Aoun toured the border.", "Joseph Aoun", "LBNMIL", {}),
    ("Venezuelan opposition lawmaker Carlos Mendez was detained.", "Carlos Mendez", "VENOPPLEG", {}),
    ("U.S. Secretary of State Thomas Bell arrived in Riyadh.", "Thomas Bell", "USAGOV", {}),
    ("Ukrainian Foreign Minister Andriy Melnyk spoke to reporters.", "Andriy Melnyk", "UKRGOV", {}),
    # -- apposition --------------------------------------------------------------------------
    ("Alexei Morozov, Russia's energy minister, said the deal was close.", "Alexei Morozov", "RUSGOV",
     {"name": "Alexei Morozov", "role": "energy minister"}),
    ("Alexei Morozov, Russia's energy minister, said the deal was close.", "Russia's energy minister",
     "RUSGOV", {"name": "Alexei Morozov"}),
    ("Hamid Rezaei, Iran's deputy oil minister, told reporters exports would rise.", "Hamid Rezaei",
     "IRNGOV", {}),
    ("Amina Yusuf, a Kenyan lawmaker, criticised the bill.", "Amina Yusuf", "KENLEG", {}),
    ("General Amir Nasseri, the Iranian army chief, warned Israel.", "Amir Nasseri", "IRNMIL",
     {"name": "Amir Nasseri", "title": "general"}),
    ("Omar Khalil, spokesman for the Egyptian foreign ministry, said talks went well.", "Omar Khalil",
     "EGYGOV", {}),
    # -- possessives and "of" phrases -----------------------------------------------------------
    ("Iran's defense minister said the drills would continue.", "Iran's defense minister", "IRNGOVMIL",
     {"role": "defense minister"}),
    ("Russia's foreign ministry summoned the ambassador.", "Russia's foreign ministry", "RUSGOV", {}),
    ("The minister of Iran said talks would resume.", "The minister of Iran", "IRNGOV", {}),
    ("The foreign minister of Qatar flew to Kabul.", "foreign minister of Qatar", "QATGOV", {}),
    ("Moscow's decision angered Kiev.", "Moscow", "RUS", {"by": "metonym"}),
    ("Turkey's parliament approved the deployment.", "Turkey's parliament", "TURLEG", {}),
    ("Syria's army retook the town.", "Syria's army", "SYRMIL", {}),
    ("Brazil's supreme court ordered his release.", "Brazil's supreme court", "BRAJUD", {}),
    ("The president of Colombia signed the accord.", "president of Colombia", "COLGOV", {}),
    # -- countries and demonyms ---------------------------------------------------------------
    ("Iran and Russia signed an energy deal.", "Iran and Russia", ("IRN", "RUS"), {}),
    ("The US, Britain and France condemned the attack.", "The US, Britain and France", ("USA", "GBR", "FRA"),
     {}),
    ("Germany urged calm.", "Germany", "DEU", {}),
    # a plural demonym names people: civilians of the country (CAMEO manual: "Nigerians" NGA CVL)
    ("Iranians voted on Friday.", "Iranians", "IRNCVL", {"sectors": ("CVL",)}),
    ("Americans are divided over the war.", "Americans", "USACVL", {}),
    ("An Iranian was arrested at the airport.", "Iranian", "IRN", {}),
    ("The Netherlands recalled its envoy.", "The Netherlands", "NLD", {}),
    ("Washington imposed new sanctions on Pyongyang.", "Washington", "USA", {"by": "metonym"}),
    ("Washington imposed new sanctions on Pyongyang.", "Pyongyang", "PRK", {}),
    ("Beijing rejected the accusation.", "Beijing", "CHN", {}),
    ("Tehran said it would respond.", "Tehran", "IRN", {"by": "metonym"}),
    ("North Korea fired a missile.", "North Korea", "PRK", {}),
    ("South Korea and Japan held talks.", "South Korea and Japan", ("KOR", "JPN"), {}),
    ("Turkey and Iran discussed trade.", "Turkey and Iran", ("TUR", "IRN"), {}),
    ("Ivory Coast closed its border.", "Ivory Coast", "CIV", {}),
    ("The United Arab Emirates restored ties with Qatar.", "United Arab Emirates", "ARE", {}),
    ("Britain summoned the Russian ambassador.", "Britain", "GBR", {}),
    ("Iran-Russia ties have deepened.", "Iran-Russia", ("IRN", "RUS"), {}),
    # -- seats of government -------------------------------------------------------------------
    ("The Kremlin denied the report.", "The Kremlin", "RUSGOV", {"by": "metonym"}),
    ("The White House said the talks were useful.", "The White House", "USAGOV", {}),
    ("The Pentagon announced new deployments.", "The Pentagon", "USAMIL", {}),
    ("Downing Street declined to comment.", "Downing Street", "GBRGOV", {}),
    ("Pentagon officials said the drone was shot down.", "Pentagon officials", "USAMIL", {}),
    ("A Kremlin spokesman rejected the claim.", "Kremlin spokesman", "RUSGOV", {}),
    ("White House officials met the delegation.", "White House officials", "USAGOV", {}),
    # -- places, not actors ---------------------------------------------------------------------
    ("Officials met in Tehran on Sunday.", "Tehran", None, {}),
    ("A bomb exploded in Baghdad.", "Baghdad", None, {}),
    ("Talks were held in Geneva.", "Geneva", None, {}),
    ("Protests spread across Iran.", "Iran", None, {}),
    ("The delegation stayed at Kabul airport.", "Kabul", None, {}),
    ("Fighting continued near Aleppo.", "Aleppo", None, {}),
    ("Militants fired rockets from Gaza.", "Gaza", None, {}),
    ("He arrived in Moscow on Monday.", "Moscow", None, {}),
    ("Fighting raged inside Syria.", "Syria", None, {}),
    ("The ministers gathered in Brussels.", "Brussels", None, {}),
    # -- regions and territories -----------------------------------------------------------------
    ("Gaza accused Israel of aggression.", "Gaza", "PSE", {}),
    ("The West Bank is tense.", "West Bank", "PSE", {}),
    ("Crimea voted in a referendum.", "Crimea", "UKR", {}),
    ("Kurdistan will hold a vote.", "Kurdistan", "IRQ", {}),
    ("Palestinian protesters threw stones.", "Palestinian protesters", "PSEOPP", {}),
    ("Taiwan protested the incursion.", "Taiwan", "TWN", {}),
    # -- IGOs -------------------------------------------------------------------------------
    ("The United Nations called for a ceasefire.", "United Nations", "IGOUNO", {}),
    ("The UN Security Council met on Friday.", "UN Security Council", "IGOUNO", {}),
    ("UN peacekeepers were attacked near the border.", "UN peacekeepers", "IGOUNOMIL", {}),
    ("NATO condemned the incursion.", "NATO", "IGOWSTNAT", {}),
    ("The EU extended sanctions on Moscow.", "EU", "IGOEUREEC", {}),
    ("The IAEA said Iran was complying.", "IAEA", "IGOUNOIAE", {}),
    ("The African Union suspended Mali.", "African Union", "IGOAFRAFU", {}),
    ("The Arab League held an emergency meeting.", "Arab League", "IGOMEAARL", {}),
    ("The World Health Organization warned of an outbreak.", "World Health Organization", "IGOUNOHLHWHO", {}),
    ("The WHO declared an emergency.", "WHO", "IGOUNOHLHWHO", {}),
    ("UNHCR said thousands had fled.", "UNHCR", "IGOUNOREFHCR", {}),
    ("NATO troops withdrew from the base.", "NATO troops", "IGOWSTNAT", {}),
    ("EU officials met the delegation.", "EU officials", "IGOEUREEC", {}),
    ("The International Criminal Court issued a warrant.", "International Criminal Court", "IGOJUDICC", {}),
    ("OPEC agreed to cut output.", "OPEC", "IGOBUSOPC", {}),
    # -- armed and political groups ---------------------------------------------------------------
    ("ISIL fighters seized the town.", "ISIL fighters", "IMGMUSISI", {"country": None}),
    ("Daesh claimed the attack.", "Daesh", "IMGMUSISI", {"country": None}),
    ("ISIS militants beheaded the hostage.", "ISIS militants", "IMGMUSISI", {}),
    ("The Islamic State group claimed responsibility.", "Islamic State", "IMGMUSISI", {}),
    ("The Taliban attacked a checkpoint.", "The Taliban", "AFGINS", {"on": D15}),
    ("The Taliban took Kabul.", "The Taliban", "AFGGOV", {"on": date(2022, 3, 1)}),
    ("Taliban fighters ambushed a convoy.", "Taliban fighters", "AFGINS", {"on": D15}),
    ("Hezbollah fighters crossed the border.", "Hezbollah fighters", "LBNREB", {}),
    ("Hezbollah denied involvement.", "Hezbollah", "LBNREB", {}),
    ("The Houthis fired a missile at Riyadh.", "The Houthis", "YEMREB", {}),
    ("Hamas fired rockets into Israel.", "Hamas", "PSEREBHMS", {}),
    ("Hamas militants crossed the fence.", "Hamas militants", "PSEREBHMS", {}),
    ("Boko Haram abducted dozens of girls.", "Boko Haram", "NGAREB", {}),
    ("Al-Shabaab attacked a hotel in Mogadishu.", "Al-Shabaab", "SOMREB", {}),
    ("Al-Qaeda released a video.", "Al-Qaeda", "IMGMUSALQ", {"country": None}),
    ("Pakistani Taliban claimed the bombing.", "Pakistani Taliban", "PAKINS", {}),
    ("The PKK ambushed a patrol.", "PKK", "TURREB", {}),
    ("The Muslim Brotherhood called for protests.", "Muslim Brotherhood", "EGYOPP", {}),
    ("FARC rebels laid down their arms.", "FARC rebels", "COLREB", {}),
    ("Wagner mercenaries arrived in Mali.", "Wagner", "RUSUAF", {}),
    # -- institutions ---------------------------------------------------------------------------
    ("The Syrian army shelled the village.", "The Syrian army", "SYRMIL", {}),
    ("The Russian parliament approved the bill.", "The Russian parliament", "RUSLEG", {}),
    ("The IRGC seized a tanker.", "IRGC", "IRNMIL", {}),
    ("The Knesset passed the law.", "Knesset", "ISRLEG", {}),
    ("The IDF said it struck a tunnel.", "IDF", "ISRMIL", {}),
    ("The State Department issued a travel warning.", "State Department", "USAGOV", {}),
    ("Israeli forces raided the camp.", "Israeli forces", "ISRMIL", {}),
    ("Revolutionary Guards commanders vowed revenge.", "Revolutionary Guards commanders", "IRNMIL", {}),
    ("The Bundestag debated the mission.", "Bundestag", "DEULEG", {}),
    # -- sector nouns with a country -----------------------------------------------------------
    ("Iraqi police arrested five men.", "Iraqi police", "IRQCOP", {"sectors": ("COP",)}),
    ("Turkish troops entered the town.", "Turkish troops", "TURMIL", {}),
    ("Kenyan students protested the fees.", "Kenyan students", "KENEDU", {}),
    ("Egyptian protesters clashed with police.", "Egyptian protesters", "EGYOPP", {}),
    ("Russian officials denied the report.", "Russian officials", "RUSGOV", {}),
    ("Syrian rebels shelled the city.", "Syrian rebels", "SYRREB", {}),
    ("The Iranian government rejected the charge.", "Iranian government", "IRNGOV", {}),
    ("The Nigerian military freed the hostages.", "Nigerian military", "NGAMIL", {}),
    ("Chinese state media reported the launch.", "Chinese state media", "CHNGOVMED", {}),
    ("Afghan soldiers repelled the attack.", "Afghan soldiers", "AFGMIL", {}),
    ("Indian farmers blocked the highway.", "Indian farmers", "INDAGR", {}),
    ("Ukrainian forces shelled the bridge.", "Ukrainian forces", "UKRMIL", {}),
    ("The Pakistani foreign ministry summoned the envoy.", "Pakistani foreign ministry", "PAKGOV", {}),
    ("Iranian and Russian officials met in Vienna.", "Iranian and Russian officials", ("IRNGOV", "RUSGOV"), {}),
    ("British and French warplanes struck the depot.", "British and French warplanes", ("GBRMIL", "FRAMIL"),
     {}),
    ("The Egyptian interior ministry announced the arrests.", "Egyptian interior ministry", "EGYGOVCOP", {}),
    ("A Lebanese judge ordered the release.", "Lebanese judge", "LBNJUD", {}),
    ("Israeli settlers attacked the village.", "Israeli", "ISRCVL", {}),
    ("Mexican drug cartels fought over the town.", "Mexican drug cartels", "MEXCRM", {}),
    ("Sudanese refugees crossed into Chad.", "Sudanese refugees", "SDNREF", {}),
    ("U.S. officials said the talks had stalled.", "U.S. officials", "USAGOV", {}),
    ("US troops left the base.", "US troops", "USAMIL", {}),
    # -- compounds ------------------------------------------------------------------------------
    ("A military court sentenced the journalist.", "military court", "---MILJUD", {"sectors": ("MIL", "JUD")}),
    ("An Egyptian military court sentenced 20 men.", "Egyptian military court", "EGYMILJUD", {}),
    ("The defense minister resigned.", "defense minister", "---GOVMIL", {"sectors": ("GOV", "MIL")}),
    # -- bare sector nouns with a dateline country ---------------------------------------------
    ("Police arrested three suspects.", "Police", "KENCOP", {"ctx": "KEN"}),
    ("The army said the rebels had retreated.", "army", "NGAMIL", {"ctx": "NGA"}),
    ("Police arrested three suspects.", "Police", "---COP", {}),
    # -- lower-case words and unknown names: not coded ---------------------------------------------
    ("Let us go home, he told them.", "us", None, {}),
    ("The chad was left hanging on the ballot.", "chad", None, {}),
    ("They ate turkey on Thursday.", "turkey", None, {}),
    ("Who will pay for it?", "Who", None, {}),
    ("Hossein Shariatmadari criticized the United States.", "Hossein Shariatmadari", None, {}),
    ("Hossein Shariatmadari criticized the United States.", "United States", "USA", {}),
    ("Maria Lopez said she would appeal.", "Maria Lopez", None, {}),
    ("Reporters asked about the china cabinet.", "china", None, {}),
    # -- built-in persons, bounded by date --------------------------------------------------------
    ("Putin met Obama in Paris.", "Putin", "RUSGOV", {"on": D15, "role": "president"}),
    ("Putin met Obama in Paris.", "Obama", "USAGOV", {"on": D15}),
    ("Putin spoke to reporters.", "Putin", "RUSGOV", {"on": date(2010, 5, 1), "role": "prime minister"}),
    ("Hassan Rouhani addressed the nation.", "Hassan Rouhani", "IRNGOV", {"on": D15, "role": "president"}),
    ("Hassan Rouhani addressed the nation.", "Hassan Rouhani", "IRN", {"on": date(2005, 3, 1), "role": None}),
    ("Obama spoke in Chicago.", "Obama", "USA", {"on": date(2005, 6, 1)}),
    ("Sergei Lavrov met John Kerry.", "John Kerry", "USAGOV", {"on": D15, "role": "secretary of state"}),
    ("Kerry flew to Vienna.", "Kerry", "USAGOV", {"on": D15}),
    ("Zarif said the deal would hold.", "Zarif", "IRNGOV", {"on": D15, "role": "foreign minister"}),
    ("Mohammed bin Salman met the envoy.", "Mohammed bin Salman", "SAUGOVMIL", {"on": date(2016, 1, 5)}),
    ("Mohammed bin Salman met the envoy.", "Mohammed bin Salman", "SAUGOV", {"on": date(2019, 1, 5)}),
    ("Erdogan accused the West of hypocrisy.", "Erdogan", "TURGOV",
     {"on": date(2012, 1, 1), "role": "prime minister"}),
    ("Iranian Defense Minister Hossein Dehqan met Russian officials.", "Hossein Dehqan", "IRNGOVMIL",
     {"on": D15, "title": None}),
    ("Ban Ki-moon urged restraint.", "Ban Ki-moon", "IGOUNO", {"on": D15, "country": None}),
    ("Angela Merkel met Francois Hollande.", "Angela Merkel", "DEUGOV", {"on": D15}),
    # -- names split by the dictionary, the tagger or an apposition ------------------------------
    ("Chinese President Xi Jinping met the delegation.", "Chinese President Xi Jinping", "CHNGOV",
     {"on": D15, "name": "Xi Jinping"}),
    ("A senior Hamas official, Khaled Nasser, said the group would not disarm.", "Khaled Nasser", "PSEREBHMS",
     {"name": "Khaled Nasser", "role": "official"}),
    ("The UN envoy for Syria met opposition leaders.", "UN envoy", "IGOUNO", {"role": "envoy"}),
    ("The UN envoy for Syria met opposition leaders.", "Syria", "SYR", {}),
    ("Mr. Hakimi, a former Afghan intelligence chief, was killed.", "Hakimi", "AFGSPY", {}),
    ("Russian warplanes bombed the depot.", "Russian warplanes", "RUSMIL", {}),
    ("The leader of Hezbollah warned Israel.", "The leader of Hezbollah", "LBNREB", {"role": "leader"}),
    # -- coreference ------------------------------------------------------------------------------
    ("Iranian Defense Minister Hossein Farzadi met Russian Energy Minister Pavel Sorokin. "
     "Farzadi said the visit was useful.", "Farzadi#2", "IRNGOVMIL", {"by": "coref:surname"}),
    ("Iranian Defense Minister Hossein Farzadi met Russian Energy Minister Pavel Sorokin. "
     "The Russian minister said he hoped to visit Tehran.", "The Russian minister", "RUSGOV",
     {"by": "coref:title", "name": "Pavel Sorokin"}),
    ("Iranian Defense Minister Hossein Farzadi met Russian Energy Minister Pavel Sorokin. "
     "The Russian minister said he hoped to visit Tehran.", "he", "RUSGOV",
     {"by": "coref:pronoun", "name": "Pavel Sorokin"}),
    ("Iranian Defense Minister Hossein Farzadi met Russian Energy Minister Pavel Sorokin. "
     "The Iranian minister said the drills were defensive.", "The Iranian minister", "IRNGOVMIL",
     {"by": "coref:title", "name": "Hossein Farzadi"}),
    ("General Amir Nasseri, the Iranian army chief, warned Israel. The general said his forces were ready.",
     "The general", "IRNMIL", {"by": "coref:title", "name": "Amir Nasseri"}),
    ("General Amir Nasseri, the Iranian army chief, warned Israel. The general said his forces were ready.",
     "his", "IRNMIL", {"by": "coref:pronoun"}),
    ("General Amir Nasseri, the Iranian army chief, warned Israel. The general said his forces were ready.",
     "his forces", "IRNMIL", {}),
    ("Iran and Russia held talks on Monday. The two sides agreed to expand trade.", "The two sides",
     ("IRN", "RUS"), {"by": "coref:pair"}),
    ("Iran and Russia held talks on Monday. Both countries signed a memorandum.", "Both countries",
     ("IRN", "RUS"), {"by": "coref:pair"}),
    ("Iran and Russia held talks on Monday. They will meet again in May.", "They", ("IRN", "RUS"),
     {"by": "coref:pair"}),
    ("Egyptian President Tarek Mansour met Sudanese leader Idris Babiker. Both sides called for calm.",
     "Both sides", ("EGYGOV", "SDNGOV"), {"by": "coref:pair"}),
    ("Turkish Foreign Minister Kemal Ozdemir met his Iraqi counterpart.", "his", "TURGOV",
     {"by": "coref:pronoun"}),
    ("Turkish Foreign Minister Kemal Ozdemir met his Iraqi counterpart.", "Iraqi counterpart", "IRQGOV",
     {"role": "foreign minister"}),
    ("Tehran said it would respond to the sanctions.", "it", "IRN", {"by": "coref:pronoun"}),
    ("The Syrian army said its troops had retaken the town.", "its troops", "SYRMIL", {}),
    ("Colonel Ahmed Saleh of the Yemeni army said he was ready. Saleh added that talks had failed.",
     "Saleh#2", "YEMMIL", {"by": "coref:surname"}),
    ("Nigerian President Musa Danjuma met the governors. President Danjuma said security would improve.",
     "President Danjuma", "NGAGOV", {"by": "coref:surname"}),
    ("Iranian Foreign Minister Mahmoud Karimi met Ali Farhadi. The minister praised the accord.",
     "The minister", "IRNGOV", {"by": "coref:title", "name": "Mahmoud Karimi"}),
    ("Chancellor Merkel met Putin in Berlin. She urged him to respect the ceasefire.", "She", "DEUGOV",
     {"on": D15, "by": "coref:pronoun"}),
    ("Chancellor Merkel met Putin in Berlin. She urged him to respect the ceasefire.", "him", "RUSGOV",
     {"on": D15, "by": "coref:pronoun"}),
    # non-governmental organisations (ngos.csv)
    ("Amnesty International urged Peru to free the jailed reporters.", "Amnesty International", "NGOHRIAMN", {}),
    ("Red Cross officials delivered water to the flooded villages near Dhaka.", "Red Cross officials", "NGOHLHIRC", {}),
    ("Doctors Without Borders said its clinic in Kunduz was shelled.", "Doctors Without Borders", "NGOHLHMSF", {}),
    # gender from titles; "the two countries' leaders" as one actor per country
    ("Ms. Lucia Ferrer, Uruguay's trade minister, met Bolivian Trade Minister Pablo Quispe. He praised the deal.",
     "He", "BOLGOVBUS", {"by": "coref:pronoun"}),
    ("Ghana and Togo signed a border accord backed by the two countries' leaders.", "leaders",
     ("GHAGOV", "TGOGOV"), {"by": "coref:pair"}),
]


@pytest.fixture(scope="module")
def tools(nlp):
    from heron.actors.knowledge import load_builtin
    from heron.actors.mentions import MentionFinder

    return nlp, MentionFinder(nlp, load_builtin())


def _locate(text: str, phrase: str) -> tuple[int, int]:
    """Character span of the phrase as whole words ("he" is not the end of "The")."""
    word, _, nth = phrase.partition("#")
    hits = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))
    return hits[int(nth or 1) - 1].span()


def _codes(mention) -> object:
    codes = tuple(a.code for a in mention.actors)
    return codes[0] if len(codes) == 1 else codes


@pytest.mark.parametrize(("text", "phrase", "expected", "extra"), CASES,
                         ids=[f"{i:03d}-{c[1]}" for i, c in enumerate(CASES)])
def test_mention_code(tools, text, phrase, expected, extra):
    from heron.actors.coref import resolve

    nlp, finder = tools
    doc = nlp(text)
    mentions = resolve(doc, finder.find(doc, published=extra.get("on"), context_country=extra.get("ctx")))
    start, end = _locate(text, phrase)
    if expected is None:
        hits = [m for m in mentions if m.start < end and start < m.end]
        assert not hits, f"{phrase!r} should not be a mention: {hits}"
        return
    covering = [m for m in mentions if m.start <= start and end <= m.end]
    assert covering, f"no mention covers {phrase!r}; found {[(m.text, _codes(m)) for m in mentions]}"
    m = min(covering, key=lambda x: x.end - x.start)
    assert _codes(m) == expected, (m.text, m.actors)
    actor = m.actors[0]
    for key in ("name", "country", "sectors", "role", "title"):
        if key in extra:
            assert getattr(actor, key) == extra[key], (key, actor)
    if "by" in extra:
        assert m.resolved_by == extra["by"], m


def test_table_is_large_and_varied():
    assert len(CASES) >= 150
    assert len({(c[0], c[1], c[3].get("on"), c[3].get("ctx")) for c in CASES}) == len(CASES)
