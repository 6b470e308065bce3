"""Heron's built-in actor tables, the knowledge API and the user dictionary formats."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from heron.actors.knowledge import (
    ActorEntry,
    ActorKnowledge,
    BUILTIN_FILES,
    clean_phrase,
    is_case_sensitive,
    norm_key,
    pluralize,
    split_code,
    tokenize,
)
from heron.actors.dictionaries import load_builtin, load_dictionary
from heron.errors import DictionaryError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "actors"

#: CAMEO sector codes a built-in table may use (agentnames.txt's codes plus CAMEO's role codes).
SECTOR_CODES = {
    "GOV", "MIL", "LEG", "JUD", "COP", "OPP", "REB", "INS", "PTY", "BUS", "MED", "NGO", "REF",
    "REL", "EDU", "LAB", "CVL", "ELI", "SPY", "CRM", "HLH", "AGR", "ENV", "DEV", "HRI", "UAF",
    "RAD", "MNC", "IGO", "IMG", "MUS",
}
# CAMEO religion codes (agentnames.txt), used after the role's sectors ("Shiites": CVL, MOSSHI)
RELIGION_CODES = {"MOS", "MOSSUN", "MOSSHI", "MOSALE", "MOSDRZ", "MOSSFI", "CHR", "CHRCTH", "CHRPRO", "CHRCPT",
                  "CHRMRN", "JEW", "HIN", "BUD", "SIK"}


def table(name: str) -> list[dict[str, str]]:
    text = resources.files("heron.data.actors").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


@pytest.fixture(scope="module")
def kb() -> ActorKnowledge:
    return load_builtin()


# -- the tables ----------------------------------------------------------------------------------


def test_tables_load(kb):
    for name in BUILTIN_FILES:
        assert table(name), name
    assert len(kb) > 2000
    assert kb.sources == ("builtin",)
    assert not kb.warnings


def test_no_duplicate_phrase_code_rows(kb):
    counts = Counter(
        (norm_key(e.phrase), e.code, e.valid_from, e.valid_to) for e in kb.entries()
    )
    dups = [k for k, n in counts.items() if n > 1]
    assert not dups, dups[:10]
    # and, inside each table, no row repeats a (phrase, code) pair at the same dates
    for name in ("regions.csv", "igos.csv", "groups.csv", "institutions.csv", "persons.csv"):
        seen = Counter()
        for r in table(name):
            for p in [r["name"], *[a for a in r["aliases"].split(";") if a]]:
                seen[(clean_phrase(p), r.get("code") or r.get("country"), r.get("valid_from"), r.get("valid_to"))] += 1
        assert not [k for k, n in seen.items() if n > 1], name
    pairs = Counter((r["iso3"], clean_phrase(r["phrase"])) for r in table("country_names.csv"))
    assert not [k for k, n in pairs.items() if n > 1]


def test_every_pycountry_country_has_a_row(kb):
    pycountry = pytest.importorskip("pycountry")
    rows = {r["iso3"]: r for r in table("countries.csv")}
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in rows]
    assert not missing
    for c in pycountry.countries:
        assert kb.country(c.alpha_3) is not None, c.alpha_3
    # CAMEO deviations are recorded
    assert rows["TLS"]["cameo"] == "TMP"
    assert rows["XKX"]["cameo"] == "KSV"
    assert kb.country("KSV").name == "Kosovo"
    assert kb.country("TLS").code == "TMP"
    assert kb.country("irn").name == "Iran"


def test_country_names_kinds(kb):
    kinds = Counter(r["kind"] for r in table("country_names.csv"))
    assert set(kinds) <= {"name", "short", "demonym", "demonym_plural", "adjective", "capital", "seat"}
    assert kinds["demonym"] > 150 and kinds["capital"] > 150 and kinds["demonym_plural"] > 100


@pytest.mark.parametrize(
    "phrase, code, kind",
    [
        ("Iranians", "IRN", "demonym"),
        ("Iranian", "IRN", "demonym"),
        ("Russians", "RUS", "demonym"),
        ("Britons", "GBR", "demonym"),
        ("British", "GBR", "demonym"),
        ("French", "FRA", "demonym"),
        ("Filipinos", "PHL", "demonym"),
        ("Tehran", "IRN", "capital"),
        ("Moscow", "RUS", "capital"),
        ("Washington", "USA", "capital"),
        ("Beijing", "CHN", "capital"),
        ("the Kremlin", "RUSGOV", "capital"),
        ("Kremlin", "RUSGOV", "capital"),
        ("the White House", "USAGOV", "capital"),
        ("Downing Street", "GBRGOV", "capital"),
        ("the Pentagon", "USAMIL", "capital"),
        ("U.S.", "USA", "country"),
        ("US", "USA", "country"),
        ("America", "USA", "country"),
        ("UK", "GBR", "country"),
        ("Britain", "GBR", "country"),
        ("Burma", "MMR", "country"),
        ("East Timor", "TMP", "country"),
    ],
)
def test_country_phrases(kb, phrase, code, kind):
    hits = kb.lookup(phrase)
    assert hits, phrase
    assert hits[0].code == code and hits[0].kind == kind


@pytest.mark.parametrize(
    "phrase, code, country",
    [
        ("Gaza", "PSE", "PSE"),
        ("Gaza Strip", "PSE", "PSE"),
        ("West Bank", "PSE", "PSE"),
        ("Iraqi Kurdistan", "IRQ", "IRQ"),
        ("Kurdistan", "IRQ", "IRQ"),
        ("Crimea", "UKR", "UKR"),
        ("Kashmir", "IND", "IND"),
        ("Azad Kashmir", "PAK", "PAK"),
        ("Xinjiang", "CHN", "CHN"),
        ("Hong Kong", "HKG", "HKG"),
        ("Taiwan", "TWN", "TWN"),
        ("Kosovo", "KSV", "XKX"),
        ("Chechnya", "RUS", "RUS"),
        ("Darfur", "SDN", "SDN"),
        ("Donbas", "UKR", "UKR"),
        ("Luhansk", "UKR", "UKR"),
    ],
)
def test_regions(kb, phrase, code, country):
    e = kb.resolve(phrase)
    assert e is not None and e.code == code and e.country == country


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("UN", "IGOUNO"),
        ("United Nations", "IGOUNO"),
        ("UN Security Council", "IGOUNOGOV"),
        ("UNHCR", "IGOUNOREFHCR"),
        ("IAEA", "IGOUNOIAE"),
        ("NATO", "IGOWSTNAT"),
        ("EU", "IGOEUREEC"),
        ("African Union", "IGOAFRAFU"),
        ("Arab League", "IGOMEAARL"),
        ("OPEC", "IGOBUSOPC"),
        ("ICC", "IGOJUDICC"),
        ("World Bank", "IGOUNODEVWBK"),
        ("ECOWAS", "IGOWAFWAS"),
    ],
)
def test_igos(kb, phrase, code):
    e = kb.resolve(phrase)
    assert e.code == code and e.kind == "igo" and e.country is None


def test_groups(kb):
    isil = kb.resolve("ISIL")
    assert isil.code == "IMGMUSISI" and isil.country is None and isil.kind == "group"
    for alias in ("ISIS", "Daesh", "Islamic State", "the Islamic State", "IS"):
        assert kb.resolve(alias).code == "IMGMUSISI", alias
    assert kb.resolve("al-Qaeda").code == "IMGMUSALQ"
    assert kb.resolve("al Qaida").code == "IMGMUSALQ"
    assert kb.resolve("AQAP").country == "YEM"
    assert kb.resolve("Hezbollah").country == "LBN"
    assert kb.resolve("Hamas").code == "PSEREBHMS"
    assert kb.resolve("Houthis").country == "YEM"
    assert kb.resolve("Ansar Allah").country == "YEM"
    assert kb.resolve("Boko Haram").code == "NGAREB"
    assert kb.resolve("PKK").country == "TUR"
    assert kb.resolve("YPG").country == "SYR"
    assert kb.resolve("FARC", on=date(2010, 1, 1)).code == "COLREB"
    assert kb.resolve("Wagner Group").country == "RUS"
    # the Taliban: out of power, insurgents, in power again
    assert kb.resolve("Taliban", on=date(1999, 1, 1)).code == "AFGGOV"
    assert kb.resolve("the Taliban", on=date(2015, 10, 22)).code == "AFGINS"
    assert kb.resolve("Taliban", on=date(2022, 1, 1)).code == "AFGGOV"
    for r in table("groups.csv"):
        assert set(filter(None, r["sectors"].split(";"))) <= SECTOR_CODES, r["name"]


def test_institutions(kb):
    assert kb.resolve("IRGC").code == "IRNMIL"
    assert kb.resolve("Revolutionary Guards").code == "IRNMIL"
    assert kb.resolve("Knesset").code == "ISRLEG"
    assert kb.resolve("Russian parliament").code == "RUSLEG"


def test_labels_with_qualifiers_are_not_phrases(kb):
    assert not kb.lookup("National Liberation Army (Colombia)")
    assert kb.resolve("ELN").code == "COLREB"
    assert not [p for p in kb.phrases() if p.endswith(")")]


# -- persons and dates -----------------------------------------------------------------------------


def test_persons_table():
    rows = table("persons.csv")
    assert len(rows) >= 100
    for r in rows:
        assert r["valid_from"], r["name"]
        assert set(filter(None, r["sectors"].split(";"))) <= SECTOR_CODES, r["name"]
    names = {r["name"] for r in rows}
    assert {"Vladimir Putin", "Hossein Dehqan", "Alexander Novak"} <= names


def test_lookup_by_date(kb):
    # Hossein Dehqan: Iran's defence minister 2013-2017
    on = kb.lookup("Hossein Dehqan", on=date(2015, 10, 22))
    assert [e.code for e in on] == ["IRNGOVMIL"]
    assert on[0].kind == "person" and on[0].role == "defense minister"
    assert kb.lookup("Hossein Dehqan", on=date(2005, 1, 1)) == []
    assert kb.lookup("Dehghan", on=date(2016, 1, 1))[0].name == "Hossein Dehqan"
    # no date: every role, current and open-ended first
    putin = kb.lookup("Putin")
    assert len(putin) == 3 and putin[0].valid_to is None
    assert kb.resolve("Putin", on=date(2010, 1, 1)).role == "prime minister"
    assert kb.resolve("Putin", on=date(2015, 10, 22)).role == "president"
    assert kb.resolve("Alexander Novak", on=date(2015, 10, 22)).code == "RUSGOV"


def test_shariatmadari_unknown_without_phoenix(kb):
    assert kb.lookup("Hossein Shariatmadari") == []
    assert kb.resolve("Shariatmadari") is None


# -- sectors ---------------------------------------------------------------------------------------


def test_sector_table():
    rows = table("sectors.csv")
    assert len(rows) >= 300
    for r in rows:
        assert set(r["sectors"].split(";")) <= SECTOR_CODES | RELIGION_CODES, r["phrase"]
        assert r["person"] in {"0", "1"}, r["phrase"]


@pytest.mark.parametrize(
    "phrase, sectors, person",
    [
        ("minister", ("GOV",), True),
        ("ministers", ("GOV",), True),
        ("defense minister", ("GOV", "MIL"), True),
        ("Defence Ministers", ("GOV", "MIL"), True),
        ("foreign minister", ("GOV",), True),
        ("energy minister", ("GOV",), True),
        ("interior ministry", ("GOV", "COP"), False),
        ("military court", ("MIL", "JUD"), False),
        ("security forces", ("COP",), False),
        ("brigadier general", ("MIL",), True),
        ("general", ("MIL",), True),
        ("army", ("MIL",), False),
        ("armies", ("MIL",), False),
        ("troops", ("MIL",), True),
        ("parliament", ("LEG",), False),
        ("lawmakers", ("LEG",), True),
        ("police", ("COP",), False),
        ("policemen", ("COP",), True),
        ("rebels", ("REB",), True),
        ("insurgents", ("INS",), True),
        ("protesters", ("OPP",), True),
        ("businessmen", ("BUS",), True),
        ("journalists", ("MED",), True),
        ("aid workers", ("NGO",), True),
        ("refugees", ("REF",), True),
        ("clerics", ("REL",), True),
        ("students", ("EDU",), True),
        ("doctors", ("HLH",), True),
        ("air force", ("MIL",), False),
    ],
)
def test_sector_lookup(kb, phrase, sectors, person):
    e = kb.sector(phrase)
    assert e is not None, phrase
    assert e.sectors == sectors and e.person is person


def test_sector_phrases(kb):
    phrases = set(kb.sector_phrases())
    assert {"minister", "ministers", "defense minister", "troops"} <= phrases
    assert kb.sector("nonsense word") is None


# -- normalisation, case, tokens ---------------------------------------------------------------


def test_lookup_normalisation(kb):
    assert kb.resolve("al - Qaeda").code == "IMGMUSALQ"
    assert kb.resolve("AL-QAEDA").code == "IMGMUSALQ"
    assert kb.resolve("Côte d’Ivoire").code == "CIV"
    assert kb.resolve("cote d'ivoire").code == "CIV"
    assert kb.resolve("U.S .").code == "USA"
    assert kb.resolve("  the   Taliban ", on=date(2015, 1, 1)).code == "AFGINS"
    assert kb.lookup("") == []
    assert "Iran" in kb and "Narnia" not in kb


def test_case_sensitive_phrases(kb):
    assert is_case_sensitive("US") and is_case_sensitive("who") and not is_case_sensitive("Iran")
    phrases = set(kb.phrases())
    assert {"Iran", "U.S.", "al-Qaeda", "Iranians", "the Kremlin"} <= phrases
    lower = {p.lower() for p in phrases}
    for word in ("us", "is", "who", "turkey", "un"):
        assert word not in lower, word
    cased = set(kb.cased_phrases())
    assert {"US", "IS", "WHO", "Turkey", "TURKEY", "UN"} <= cased
    assert kb.resolve("US").case_sensitive
    assert all(p == p.strip() and "  " not in p for p in phrases)
    assert all(e.phrase == e.phrase.lower() for e in kb.entries())


def test_tokens():
    assert tokenize("al-qaeda") == ("al", "-", "qaeda")
    assert tokenize("u.s.") == ("u.s.",)
    assert tokenize("the u.s. army") == ("the", "u.s.", "army")
    assert tokenize("côte d'ivoire") == ("côte", "d'ivoire")
    assert tokenize("hezbollah's") == ("hezbollah", "'s")
    assert tokenize("ban ki-moon") == ("ban", "ki", "-", "moon")
    assert tokenize("(ltte)") == ("(", "ltte", ")")
    assert tokenize("G-20") == ("G-20",)
    e = ActorEntry("al-qaeda", "al-Qaeda", "IMGMUSALQ", None, ("IMG", "MUS", "ALQ"), "group")
    assert e.tokens == ("al", "-", "qaeda")
    assert kb_tokens("U.S.") == ("u.s.",)


def kb_tokens(phrase):
    return load_builtin().resolve(phrase).tokens


def test_tokens_match_spacy_for_builtin_phrases(kb):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    phrases = sorted(kb.phrases())
    mismatch = [p for p in phrases if tokenize(p) != tuple(t.text for t in nlp.make_doc(p))]
    assert len(mismatch) <= len(phrases) // 100, mismatch[:20]
    # the surface form is what makes "U.S." one token
    assert [t.text for t in nlp.make_doc("U.S.")] == ["U.S."]


def test_split_code_and_pluralize():
    assert split_code("IRNGOVMIL") == ("IRN", ("GOV", "MIL"))
    assert split_code("IMGMUSISI") == (None, ("IMG", "MUS", "ISI"))
    assert split_code("KSVGOV") == ("KSV", ("GOV",))
    assert split_code("---") == (None, ())
    assert pluralize("army") == "armies"
    assert pluralize("defense minister") == "defense ministers"
    assert pluralize("congressman") == "congressmen"
    assert pluralize("police") == ""
    assert pluralize("attorney") == "attorneys"


def test_to_actor(kb):
    a = kb.resolve("the Kremlin").to_actor()
    assert a.code == "RUSGOV" and a.country == "RUS" and a.kind == "country"
    assert a.provenance == "builtin:country_names.csv"


# -- merging and user dictionaries -----------------------------------------------------------------


def test_user_yaml(kb):
    user = load_dictionary(FIXTURES / "user.yaml")
    e = user.resolve("President Merren", on=date(2020, 1, 1))
    assert e.code == "RVLGOV" and e.kind == "person" and e.role == "president"
    assert e.provenance == "user:user.yaml:3"
    assert user.resolve("Merren", on=date(2018, 1, 1)) is None
    st = user.resolve("Stonehillers")
    assert st.code == "STH" and st.country == "STH" and st.sectors == ()
    assert user.sector("bridge wardens").sectors == ("GOV", "DEV")
    assert user.sector("river guards") is None  # plural: "" = none
    assert user.sector("river guard").sectors == ("MIL",)


def test_user_csv():
    user = load_dictionary(FIXTURES / "user.csv")
    e = user.resolve("Minister Task", on=date(2011, 6, 1))
    assert e.code == "RVLGOVMIL" and e.sectors == ("GOV", "MIL") and e.country == "RVL"
    assert e.valid_from == date(2010, 3, 1) and e.valid_to == date(2012, 12, 31)
    assert user.resolve("GL").kind == "igo"
    assert user.sector("ferry captains").person is True


def test_merged_later_source_wins(kb):
    user = load_dictionary(FIXTURES / "user.yaml")
    both = kb.merged(user)
    assert both.sources == ("builtin", "user:user.yaml")
    assert both.resolve("Tehran").code == "IRNGOV"  # the user's entry overrides the builtin
    assert kb.resolve("Tehran").code == "IRN"  # the original is unchanged
    assert both.resolve("Iran").code == "IRN"  # phrases the user did not define stay
    assert both.resolve("President Merren", on=date(2020, 1, 1)).code == "RVLGOV"
    # a later source with nothing valid on the date lets the earlier one answer
    early = load_dictionary(FIXTURES / "user.csv")
    dated = kb.merged(early)
    assert dated.resolve("Task", on=date(2011, 1, 1)).code == "RVLGOVMIL"
    assert dated.resolve("Task", on=date(2020, 1, 1)) is None


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "name, text, where, words",
    [
        ("a.yaml", "actors:\n  - name: X\n    code: IRNGOV\n  - aliases: [Y]\n    code: IRN\n", "a.yaml:4", "without a name"),
        ("b.yaml", "actors:\n  - name: X\n    code: IRN\n    from: 2015-13-40\n", "b.yaml:2", "from"),
        ("c.yaml", "actors:\n  - name: X\n    kind: wizard\n    code: IRN\n", "c.yaml:2", "kind"),
        ("d.yaml", "actors:\n  - name: X\n", "d.yaml:2", "needs a code"),
        ("e.yaml", "actors: [1, 2]\n", "e.yaml:1", "not a mapping"),
        ("f.yaml", "actors:\n  - name: X\n    code: IRN\n    colour: red\n", "f.yaml:2", "unknown field"),
        ("g.yaml", "sectors:\n  - phrase: guard\n", "g.yaml:2", "needs sectors"),
        ("h.yaml", "actors:\n  - name: [unclosed\n", "h.yaml", "not valid YAML"),
        ("i.csv", "name,code\nX,IRN,extra\n", "i.csv:2", "fields"),
        ("j.csv", "name,code,from,to\nX,IRN,2015,2010\n", "j.csv:2", "before"),
        ("k.csv", "code\nIRN\n", "k.csv:1", "name"),
        ("l.txt", "whatever\n", "l.txt", "unknown dictionary type"),
    ],
)
def test_user_dictionary_errors(tmp_path, name, text, where, words):
    p = _write(tmp_path, name, text)
    with pytest.raises(DictionaryError) as ei:
        load_dictionary(p)
    msg = str(ei.value)
    assert where in msg and words in msg, msg
    assert msg.startswith("[E002]")


def test_missing_file(tmp_path):
    with pytest.raises(DictionaryError, match="no such file"):
        load_dictionary(tmp_path / "nope.yaml")


def test_load_directory(tmp_path):
    _write(tmp_path, "a.yaml", "- name: Alpha Land\n  code: IRN\n")
    _write(tmp_path, "b.csv", "name,code\nAlpha Land,IRQ\n")
    k = load_dictionary(tmp_path)
    assert k.resolve("Alpha Land").code == "IRQ"  # b.csv comes after a.yaml


def test_faith_table_uses_religion_codes():
    rows = table("faiths.csv")
    kinds = {r["kind"] for r in rows}
    assert kinds == {"religion", "ethnic"}
    for r in rows:
        assert (r["code"] in RELIGION_CODES) if r["kind"] == "religion" else r["code"] == "", r["word"]


def test_media_table_codes(kb):
    rows = table("media.csv")
    assert len(rows) >= 30
    for r in rows:
        assert r["code"] == r["country"] + "".join(r["sectors"].split(";")), r["name"]
        assert r["sectors"] in {"MED", "GOV;MED"}, r["name"]
    assert kb.resolve("Reuters").code == "GBRMED"
    assert kb.resolve("Islamic Republic News Agency").code == "IRNGOVMED"


def test_a_national_ngo_carries_its_country_from_its_code():
    kb = load_builtin()
    national = kb.resolve("B'Tselem")
    assert national is not None and national.country == "ISR" and "NGO" in national.sectors
    international = kb.resolve("Amnesty International")
    assert international is not None and international.country is None
