"""Top lists on a small hand-built store with known answers."""

from __future__ import annotations

from datetime import date

import pytest

from heron.errors import InputError
from heron.query import top

D1, D2 = date(2015, 10, 22), date(2016, 3, 1)


@pytest.fixture
def filled(store, build):
    build("a1", D1, "Tasnim", [
        (D1, "IRNGOV", "RUSGOV", "036"),
        (D1, "RUSGOV", "IRNGOV", "036"),
        (D1, "RUSMIL", "SYRREB", "190"),
    ])
    build("a2", D1, "Reuters", [
        (D1, "IRNGOV", "RUSGOV", "036"),  # same event as a1's first
        (D1, "IGOUNO", "SYR", "112"),
    ])
    build("a3", D2, "TASS", [
        (D2, "RUSMIL", "SYRREB", "190"),
        (D2, "SYRGOV", "SYRREB", "193"),
    ])
    return store


def table(df, key):
    return {r[key]: r for r in df.to_dict("records")}


def test_top_actors(filled):
    df = top(filled, what="actors")
    assert df["rank"].tolist() == list(range(1, len(df) + 1))
    t = table(df, "actor")
    assert (t["RUSGOV"]["events"], t["RUSGOV"]["as_source"], t["RUSGOV"]["as_target"]) == (3, 1, 2)
    assert (t["SYRREB"]["events"], t["SYRREB"]["as_target"], t["SYRREB"]["conflict_share"]) == (3, 3, 1.0)
    assert df.actor.tolist()[:4] == ["IRNGOV", "RUSGOV", "SYRREB", "RUSMIL"]
    assert t["IGOUNO"]["goldstein_mean"] == -2.0


def test_top_countries_counts_an_event_once_per_country(filled):
    t = table(top(filled, what="countries"), "country")
    assert t["SYR"]["events"] == 4  # the SYRGOV -> SYRREB fight counts once
    assert (t["SYR"]["as_source"], t["SYR"]["as_target"]) == (1, 4)
    assert t["RUS"]["events"] == 5 and t["IRN"]["events"] == 3
    assert "IGO" not in t  # IGOs have no country


def test_top_dyads_directed_by_country_else_code(filled):
    df = top(filled, what="dyads")
    pairs = {(r["source"], r["target"]): r["events"] for r in df.to_dict("records")}
    assert pairs == {("IRN", "RUS"): 2, ("RUS", "SYR"): 2, ("RUS", "IRN"): 1, ("IGOUNO", "SYR"): 1,
                     ("SYR", "SYR"): 1}
    assert df.iloc[0][["source", "target"]].tolist() == ["IRN", "RUS"]


def test_top_codes(filled):
    t = table(top(filled, what="codes"), "cameo_code")
    assert {c: r["events"] for c, r in t.items()} == {"036": 3, "190": 2, "112": 1, "193": 1}
    assert t["190"]["cameo_name"] == "use conventional military force" and t["190"]["quad_class"] == 4


def test_top_dedup_and_mentions(filled):
    t = table(top(filled, what="codes", dedup=True), "cameo_code")
    assert (t["036"]["events"], t["036"]["mentions"]) == (2, 3)
    assert t["190"]["events"] == 2  # months apart: two events


def test_top_n_and_dates(filled):
    assert len(top(filled, what="actors", n=2)) == 2
    df = top(filled, what="codes", start="2016", end="2016")
    assert sorted(df.cameo_code) == ["190", "193"]
    assert top(filled, what="codes", end="2015-10-21").empty


def test_top_bad_arguments(filled):
    with pytest.raises(InputError, match="Fix"):
        top(filled, what="people")
    with pytest.raises(InputError):
        top(filled, n=0)
