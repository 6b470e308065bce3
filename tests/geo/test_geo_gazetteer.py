from __future__ import annotations

import os
import pickle

from heron.geo.gazetteer import GazEntry, load_gazetteer, name_key


def test_lookup_is_case_and_accent_insensitive(gaz):
    a = gaz.lookup("Kunduz")
    assert a and a == gaz.lookup("KUNDUZ") == gaz.lookup("kunduz")
    assert gaz.lookup("Sao Paulo")[0].name == gaz.lookup("São Paulo")[0].name


def test_provinces_have_coordinates_and_ids(gaz):
    for name, code in (("Kunduz", "24"), ("Nangarhar", "18"), ("Paktia", "36")):
        adm = [e for e in gaz.lookup(name) if e.feature == "admin1"]
        assert adm, name
        e = adm[0]
        assert isinstance(e, GazEntry)
        assert e.country == "AFG" and e.admin1 == code
        assert 29 < e.latitude < 39 and 60 < e.longitude < 75
        assert e.geonameid > 0


def test_alternate_names(gaz):
    # an alternate spelling reaches the city
    tehran = [e for e in gaz.lookup("Teheran") if e.feature == "city"]
    assert tehran and tehran[0].country == "IRN" and tehran[0].population > 5_000_000
    # country short forms and US state abbreviations
    assert gaz.lookup("U.S.")[0].country == "USA" and gaz.lookup("U.S.")[0].feature == "country"
    assert gaz.lookup("Britain")[0].country == "GBR"
    wv = gaz.lookup("W.Va.")[0]
    assert wv.feature == "admin1" and wv.admin1 == "WV"


def test_division_word_limits_to_divisions(gaz):
    hits = gaz.lookup("Kunduz Province")
    assert hits and all(e.feature == "admin1" for e in hits)
    assert gaz.lookup("Lviv Oblast")[0].country == "UKR"


def test_order_countries_then_divisions_then_places(gaz):
    feats = [e.feature for e in gaz.lookup("Georgia")]
    assert feats[:2] == ["country", "admin1"]
    paris = [e for e in gaz.lookup("Paris") if e.feature == "city"]
    assert paris[0].country == "FRA"
    assert any(e.country == "USA" and e.admin1 == "TX" for e in paris)


def test_cities_carry_population_admin1_and_feature(gaz):
    tripoli = [e for e in gaz.lookup("Tripoli") if e.feature == "city"]
    countries = {e.country for e in tripoli}
    assert {"LBY", "LBN"} <= countries
    lby = next(e for e in tripoli if e.country == "LBY")
    assert lby.population > 1_000_000 and lby.admin1


def test_by_id_country_and_admin1(gaz):
    us = gaz.country("USA")
    assert us is not None and gaz.by_id(us.geonameid) == us
    tx = gaz.admin1("USA", "TX")
    assert tx is not None and tx.name == "Texas"


def test_unknown_name(gaz):
    assert gaz.lookup("Xyzzyville Qqq") == []
    assert "Xyzzyville Qqq" not in gaz


def test_name_key():
    assert name_key("St. Louis") == name_key("st louis")
    assert name_key("Port-au-Prince") == "port au prince"
    assert name_key("the Netherlands") == "netherlands"


def test_cache_written_and_reused(gaz, monkeypatch, tmp_path):
    from heron.geo import gazetteer_cache as gz

    cache = gz.cache_dir()
    files = list(cache.glob("gazetteer-*.pickle"))
    assert len(files) == 1  # the session fixture built into its private cache dir
    with open(files[0], "rb") as f:
        cols, index, stats = pickle.load(f)
    assert len(cols["ids"]) == len(gaz)
    # a fresh process-level load reads the pickle
    monkeypatch.setattr(gz, "_loaded", None)
    again = load_gazetteer()
    assert again.stats["source"] == "cache"
    assert again.lookup("Kunduz") == gaz.lookup("Kunduz")
    assert os.environ["HERON_CACHE_DIR"] in str(files[0])
