"""The PETRARCH/TABARI dictionary reader: each entry form, errors, the compiled cache, and the
real Phoenix set when ../shared is present."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from heron.actors import petrarch
from heron.actors.dictionaries import load_builtin, load_dictionary
from heron.actors.petrarch import load_petrarch, load_phoenix, parse_petrarch_date
from heron.errors import DictionaryError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "actors"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PHOENIX = SHARED / "dictionaries" / "petrarch2"
VALIDATE = SHARED / "gold" / "petrarch2-unittest"


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("HERON_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "heron-cache"))


@pytest.fixture(scope="module")
def mini():
    return load_petrarch(FIXTURES / "mini.actors.txt", use_cache=False)


@pytest.fixture(scope="module")
def agents():
    return load_petrarch(FIXTURES / "mini.agents.txt", use_cache=False)


def codes(k, phrase, on=None):
    return sorted(e.code for e in k.lookup(phrase, on=on))


# -- actors: entry forms ---------------------------------------------------------------------------


def test_primary_and_aliases(mini):
    for p in ("Riverland", "riverlander", "Riverlanders", "River Kingdom", "Fort Ashby"):
        e = mini.resolve(p)
        assert e.code == "RVL" and e.name == "Riverland", p
        assert e.provenance == "petrarch:mini.actors.txt:5"


def test_code_on_next_line(mini):
    assert codes(mini, "Stonehill troops") == ["STHMIL"]


def test_dated_codes_and_fallback(mini):
    # [RVLGOV 100101-150601]: 1 Jan 2010 up to, not including, 1 Jun 2015
    assert codes(mini, "Alda Merren", date(2012, 5, 5)) == ["RVLGOV"]
    assert codes(mini, "Alda Merren", date(2010, 1, 1)) == ["RVLGOV"]
    assert codes(mini, "Alda Merren", date(2015, 5, 31)) == ["RVLGOV"]
    # [RVLGOV >180301]
    assert codes(mini, "President Merren", date(2020, 1, 1)) == ["RVLGOV"]
    # [RVLOPP < 100101] (space after '<' allowed)
    assert codes(mini, "Alda Merren", date(2009, 12, 31)) == ["RVLOPP"]
    # between the dated codes: the undated [RVLELI] is the fallback
    assert codes(mini, "Alda Merren", date(2016, 1, 1)) == ["RVLELI"]
    assert codes(mini, "Alda Merren", date(2015, 6, 1)) == ["RVLELI"]
    # no date: everything
    assert codes(mini, "Alda Merren") == ["RVLELI", "RVLGOV", "RVLGOV", "RVLOPP"]
    e = mini.lookup("Alda Merren", on=date(2012, 1, 1))[0]
    assert e.valid_from == date(2010, 1, 1) and e.valid_to == date(2015, 5, 31)
    assert e.kind == "person" and e.name == "Alda Merren"


def test_codes_on_primary_line_with_8_digit_dates(mini):
    assert codes(mini, "Borin Task", date(2006, 1, 1)) == ["RVLGOV"]
    assert codes(mini, "Borin Task", date(2009, 1, 1)) == ["RVLELI"]


def test_bare_date_is_a_start(mini):
    assert codes(mini, "Cassa Vey", date(2013, 1, 1)) == ["STHGOV"]
    assert codes(mini, "Cassa Vey", date(2011, 1, 1)) == []


def test_null_code(mini):
    e = mini.lookup("Old Harbour Bay")[0]
    assert e.code == "---" and e.kind == "null"
    assert mini.resolve("Old Harbour Bay") is None
    assert "OLD HARBOUR BAY" in set(mini.phrases())


def test_lowercase_code_and_uncoded_heads_joined(mini):
    assert codes(mini, "Isle of Riverland") == ["RVL"]
    for p in ("Dorin Ash", "Premier Dorin Ash"):
        e = mini.resolve(p, on=date(2000, 1, 1))
        assert e.code == "STHGOV" and e.name == "Dorin Ash", p
        assert e.provenance == "petrarch:mini.actors.txt:28"


def test_country_sectors_kind_derivation(mini):
    e = mini.resolve("Fjord Council")
    assert e.country == "NOR" and e.sectors == ("GOV", "LEG") and e.kind == "actor"
    g = mini.resolve("Grey League")
    assert g.country is None and g.kind == "igo"
    w = mini.resolve("Wild Band")
    assert w.country is None and w.sectors == ("IMG", "REB", "WLD") and w.kind == "group"


def test_tolerated_oddities_are_warnings(mini):
    assert mini.resolve("Trade House").code == "MNCRVL"
    assert codes(mini, "Lost Date", date(2001, 6, 1)) == ["RVLELI"]
    w = "\n".join(mini.warnings)
    assert "mini.actors.txt:36: text after the codes ignored" in w
    assert "mini.actors.txt:37: date '0101011' has 7 digits" in w
    with pytest.raises(DictionaryError, match=r"mini.actors.txt:36: .*strict"):
        load_dictionary(FIXTURES / "mini.actors.txt", strict=True)


def test_dates():
    assert parse_petrarch_date("140608") == date(2014, 6, 8)
    assert parse_petrarch_date("300101") == date(2030, 1, 1)
    assert parse_petrarch_date("310101") == date(1931, 1, 1)
    assert parse_petrarch_date("19950601") == date(1995, 6, 1)
    with pytest.raises(ValueError):
        parse_petrarch_date("2004017")


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("+ALIAS_FIRST\nX_ [IRN]\n", 1, "alias (+) before any actor phrase"),
        ("\t[IRN]\n", 1, "code line before any actor phrase"),
        ("X_ [IRN\n", 1, "unclosed '['"),
        ("X_\n\t[IRNGOV 9901-ab]\n", 2, "bad date restriction"),
        ("X_\n\t[IRN GOV 990101]\n", 2, "bad date restriction"),
        ("X_ []\n", 1, "empty code"),
        ("X_ [IRN$]\n", 1, "bad characters"),
        ("# c\n[IRN] X\n", 2, "code line before any actor phrase"),
    ],
)
def test_actor_errors(tmp_path, text, line, words):
    p = tmp_path / "bad.actors.txt"
    p.write_text(text)
    with pytest.raises(DictionaryError) as ei:
        load_dictionary(p)
    assert f"bad.actors.txt:{line}: {words}" in str(ei.value)


# -- agents ----------------------------------------------------------------------------------------


def test_agents(agents):
    hm = agents.sector("harbour masters")
    assert hm.sectors == ("GOV",) and hm.role == "harbour master" and hm.person
    assert hm.provenance == "petrarch:mini.agents.txt:5"
    for p in ("ferryman", "ferrymen", "ferrywoman", "ferrywomen"):
        assert agents.sector(p).sectors == ("BUS",), p
    assert agents.sector("ferrymans") is None  # substitution: no extra plural
    for p in ("minister of bridges", "ministers of bridges", "ministry of bridges"):
        assert agents.sector(p).sectors == ("GOV", "DEV"), p
    assert agents.sector("watch commanders").sectors == ("MIL", "COP")
    assert agents.sector("lighthouse keeper").sectors == ("CVL",)
    assert agents.sector("lighthouse keepers") is None  # {} = no plural
    assert agents.sector("river patrol").person is False
    ngo = agents.sector("friends of the river")
    assert ngo.sectors == ("NGO",) and ngo.prefix and not ngo.person
    assert agents.sector("city armies").sectors == ("MIL",)
    assert agents.sector("drifter") is None
    w = "\n".join(agents.warnings)
    assert "mini.agents.txt:12: code closed with '}'" in w
    assert "mini.agents.txt:13: agent 'DRIFTER' has no code" in w
    assert list(agents.phrases()) == []


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("POLICE [~COP\n", 1, "cannot read agent line"),
        ("POLICE [~CO P]\n", 1, "bad agent code"),
        ("!X!_MAN [~GOV]\n", 1, "unknown substitution marker !X!"),
        ("POLICE {} [~~COP~]\n", 1, "bad agent code"),
    ],
)
def test_agent_errors(tmp_path, text, line, words):
    p = tmp_path / "bad.agents.txt"
    p.write_text(text)
    with pytest.raises(DictionaryError) as ei:
        load_dictionary(p)
    assert f"bad.agents.txt:{line}: {words}" in str(ei.value)


# -- cache -----------------------------------------------------------------------------------------


def test_compiled_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HERON_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "mini.actors.txt"
    src.write_text((FIXTURES / "mini.actors.txt").read_text())
    first = load_dictionary(src)
    cached = list((tmp_path / "cache" / "dictionaries").glob("mini.actors.txt.*.pkl"))
    assert len(cached) == 1

    def boom(*a, **k):
        raise AssertionError("parsed again although the cache is fresh")

    monkeypatch.setattr(petrarch, "parse_actors", boom)
    again = load_dictionary(src)
    assert again.resolve("Riverland").code == first.resolve("Riverland").code == "RVL"
    assert again.warnings == first.warnings
    # a changed file is compiled again and replaces the old cache file
    monkeypatch.undo()
    monkeypatch.setenv("HERON_CACHE_DIR", str(tmp_path / "cache"))
    src.write_text(src.read_text() + "NEW_PLACE_ [RVL]\n")
    changed = load_dictionary(src)
    assert changed.resolve("New Place").code == "RVL"
    assert len(list((tmp_path / "cache" / "dictionaries").glob("mini.actors.txt.*.pkl"))) == 1


def test_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("HERON_CACHE_DIR", str(tmp_path / "cache"))
    load_dictionary(FIXTURES / "mini.agents.txt")
    (pkl,) = (tmp_path / "cache" / "dictionaries").glob("*.pkl")
    pkl.write_bytes(b"not a pickle")
    assert load_dictionary(FIXTURES / "mini.agents.txt").sector("ferrymen") is not None


def test_unwritable_cache_dir(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("HERON_CACHE_DIR", str(blocker / "sub"))
    assert load_dictionary(FIXTURES / "mini.actors.txt").resolve("Riverland").code == "RVL"


def test_merged_with_builtin(mini):
    both = load_builtin().merged(mini)
    assert both.resolve("Riverland").code == "RVL"
    assert both.resolve("Iran").code == "IRN"


# -- the real dictionaries (need ../shared) --------------------------------------------------------

needs_phoenix = pytest.mark.skipif(
    not (PHOENIX / "Phoenix.Countries.actors.txt").exists(),
    reason="../shared/dictionaries/petrarch2 (the Phoenix dictionaries) is not present",
)


@needs_phoenix
def test_phoenix_set(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HERON_CACHE_DIR", str(tmp_path / "cache"))
    t0 = time.perf_counter()
    cold_kb = load_phoenix(PHOENIX)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    kb = load_phoenix(PHOENIX)
    warm = time.perf_counter() - t0
    with capsys.disabled():
        print(f"\nPhoenix set (4 files): cold load {cold:.2f}s, warm (cached) load {warm:.2f}s, "
              f"{len(kb)} actor entries, {len(list(kb.sector_entries()))} sector entries")
    assert cold < 30 and warm < 5
    assert len(kb) == len(cold_kb) > 40000

    # the file codes him as an Iranian elite, undated
    sh = kb.lookup("Hossein Shariatmadari", on=date(2015, 10, 22))
    assert [e.code for e in sh] == ["IRNELI"]
    assert sh[0].country == "IRN" and sh[0].sectors == ("ELI",)
    assert sh[0].provenance.startswith("petrarch:Phoenix.Countries.actors.txt:")
    assert kb.resolve("Vladimir Putin", on=date(2015, 10, 22)).code == "RUSGOV"
    assert kb.resolve("ISIL", on=date(2015, 1, 1)).code == "IMGMUSISI"
    assert kb.resolve("al-Qaeda").code == "IMGMUSALQ"
    assert kb.resolve("Barack Obama", on=date(2015, 1, 1)).code == "USAGOV"
    assert kb.lookup("Indian Ocean")[0].code == "---"
    assert kb.sector("soldiers").sectors == ("MIL",)
    assert kb.sector("foreign ministers").sectors == ("GOV",)
    assert kb.sector("congresswomen").sectors == ("LEG",)
    # only the known oddities of the files are tolerated
    assert len(kb.warnings) < 40
    # builtin + Phoenix: Phoenix wins where it knows the phrase, builtin fills the rest
    both = load_builtin().merged(kb)
    assert both.resolve("Hossein Shariatmadari").code == "IRNELI"
    assert both.resolve("Hossein Dehqan", on=date(2015, 10, 22)).code == "IRNGOVMIL"


@needs_phoenix
def test_phoenix_strict_mode_reports_first_oddity():
    with pytest.raises(DictionaryError, match=r"Phoenix.Countries.actors.txt:\d+: .*strict"):
        load_petrarch(PHOENIX / "Phoenix.Countries.actors.txt", strict=True)


@pytest.mark.skipif(
    not (VALIDATE / "PETR.Validate.actors.txt").exists(),
    reason="../shared/gold/petrarch2-unittest is not present",
)
def test_validate_dictionaries():
    actors = load_petrarch(VALIDATE / "PETR.Validate.actors.txt", use_cache=False)
    agents = load_petrarch(VALIDATE / "PETR.Validate.agents.txt", use_cache=False)
    assert actors.resolve("Gollum", on=date(1990, 1, 1)).code == "HOB"
    assert actors.resolve("Smeagol", on=date(1997, 1, 1)).code == "HOBGOV"
    assert actors.resolve("Slinker", on=date(2001, 1, 1)).code == "HOBREB"
    assert actors.resolve("Interpol").code == "IGOCOPITP"
    assert actors.resolve("Palestinian").code == "PSE"
    assert agents.sector("congresswomen").sectors == ("LEG",)
    assert agents.sector("ministers of silly walks").sectors == ("GOV",)
    assert agents.sector("attorneys general").sectors == ("GOV",)
    assert agents.sector("golden geese").sectors == ("GGS",)


# -- a dictionary's own states combine with agents --------------------------------------------------

def test_own_state_code_combines_with_agents(tmp_path, nlp):
    """A bare three-letter code of a dictionary ("[QRV]", an invented state) is a country, so
    "Qarvanian police" codes QRVCOP the way "Iraqi police" codes IRQCOP."""
    from heron.actors.mentions import MentionFinder

    (tmp_path / "toy.actors.txt").write_text(
        "QARVANIA [QRV]\n+QARVANIAN\nSOUTH_PACT [IGO]\n", encoding="utf-8")
    (tmp_path / "toy.agents.txt").write_text("POLICE [~COP]\nCLERIC [~REL]\n", encoding="utf-8")
    kb = load_builtin().merged(load_petrarch(tmp_path / "toy.actors.txt", use_cache=False),
                               load_petrarch(tmp_path / "toy.agents.txt", use_cache=False))
    entry = kb.lookup("Qarvania")[0]
    assert (entry.kind, entry.country, entry.sectors) == ("country", "QRV", ())
    assert kb.lookup("South Pact")[0].country is None
    finder = MentionFinder(nlp, kb)
    doc = nlp("Qarvanian police arrested a Qarvania cleric.")
    assert [tuple(a.code for a in m.actors) for m in finder.find(doc)] == [("QRVCOP",), ("QRVREL",)]


# -- compound codes: one phrase, several actors ------------------------------------------------------

def test_compound_code_names_each_actor(tmp_path, nlp):
    """PETRARCH's "[A/B/C]" marks a phrase that stands for several actors at once: the mention
    carries one actor per code, as a coordinated "A and B" does, so events are coded for each."""
    from heron.actors.mentions import MentionFinder

    (tmp_path / "toy.actors.txt").write_text(
        "THE_MARSHLANDS  [QRV/ZLT/MEA]\nQARVANIA [QRV]\nBRAVONIA [BRV]\n", encoding="utf-8")
    kb = load_builtin().merged(load_petrarch(tmp_path / "toy.actors.txt", use_cache=False))
    assert petrarch.compound_codes("QRV/ZLT/MEA") == (("QRV", "QRV", ()), ("ZLT", "ZLT", ()), ("MEA", None, ("MEA",)))
    assert petrarch.compound_codes("IRNGOV") == (("IRNGOV", "IRN", ("GOV",)),)
    finder = MentionFinder(nlp, kb)
    doc = nlp("The Marshlands welcomed the accord with Bravonia.")
    first = finder.find(doc)[0]
    assert [a.code for a in first.actors] == ["QRV", "ZLT", "MEA"]
    assert [a.country for a in first.actors] == ["QRV", "ZLT", None]
