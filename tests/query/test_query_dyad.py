"""Dyadic time series on a small hand-built store with known answers."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from heron.errors import InputError
from heron.query import dyad_series


@pytest.fixture
def dyads(store, build):
    """Iran and Russia in Oct and Dec 2015 (nothing in Nov), plus noise from other dyads."""
    build("t1", date(2015, 10, 22), "Tasnim", [
        (date(2015, 10, 22), "IRNGOV", "RUSGOV", "036"),  # +4.0 verbal coop
        (date(2015, 10, 22), "IRNMIL", "RUS", "057"),  # +8.0 verbal coop
        (date(2015, 10, 23), "RUSGOV", "IRNGOV", "112"),  # -2.0 verbal conflict
        (date(2015, 10, 23), "RUS", "SYR", "190"),  # another dyad
    ])
    build("t2", date(2015, 10, 22), "Reuters", [
        (date(2015, 10, 22), "IRNGOV", "RUSGOV", "036"),  # a second mention of the first event
        (date(2015, 10, 26), "IRN", "RUS", "061"),  # +6.4 material coop
    ])
    build("t3", date(2015, 12, 2), "TASS", [
        (date(2015, 12, 2), "RUSMIL", "IRNMIL", "190"),  # -10 material conflict
        (date(2015, 12, 2), "IGOUNO", "IRN", "036"),
    ])
    return store


def rows(df: pd.DataFrame) -> dict:
    return {(p.strftime("%Y-%m-%d"), d): r for p, d, r in zip(df.period, df.direction, df.to_dict("records"))}


def test_monthly_counts_both_directions_with_gaps_filled(dyads):
    df = dyad_series(dyads, "IRN", "RUS")
    assert df[["direction"]].value_counts().to_dict() == {("IRN->RUS",): 3, ("RUS->IRN",): 3}
    assert sorted({p.strftime("%Y-%m") for p in df.period}) == ["2015-10", "2015-11", "2015-12"]
    r = rows(df)
    oct_ab = r[("2015-10-01", "IRN->RUS")]
    assert oct_ab["events"] == 4 and oct_ab["mentions"] == 4
    assert oct_ab["goldstein_sum"] == pytest.approx(4 + 8 + 4 + 6.4)
    assert oct_ab["goldstein_mean"] == pytest.approx(22.4 / 4)
    assert (oct_ab["verbal_coop"], oct_ab["material_coop"], oct_ab["verbal_conflict"],
            oct_ab["material_conflict"]) == (3, 1, 0, 0)
    assert oct_ab["top_codes"] == "036 (2), 057 (1), 061 (1)"
    oct_ba = r[("2015-10-01", "RUS->IRN")]
    assert (oct_ba["events"], oct_ba["verbal_conflict"], oct_ba["goldstein_sum"]) == (1, 1, -2.0)
    nov = r[("2015-11-01", "IRN->RUS")]
    assert nov["events"] == 0 and nov["goldstein_sum"] == 0 and pd.isna(nov["goldstein_mean"])
    assert nov["top_codes"] == ""
    dec_ba = r[("2015-12-01", "RUS->IRN")]
    assert (dec_ba["events"], dec_ba["material_conflict"], dec_ba["goldstein_mean"]) == (1, 1, -10.0)
    assert list(df.columns)[:4] == ["period", "direction", "source", "target"]


def test_dedup_counts_events_not_mentions(dyads):
    raw = rows(dyad_series(dyads, "IRN", "RUS"))
    for method in (True, "cluster", "daily"):
        r = rows(dyad_series(dyads, "IRN", "RUS", dedup=method))
        oct_ab = r[("2015-10-01", "IRN->RUS")]
        assert oct_ab["events"] == raw[("2015-10-01", "IRN->RUS")]["events"] - 1, method
        assert oct_ab["mentions"] == 4, method


def test_cluster_dedup_merges_within_the_window(dyads):
    # 036 and 057 on 22 Oct are different roots; 061 on 26 Oct is outside the window: 3 events.
    r = rows(dyad_series(dyads, "IRN", "RUS", dedup=True, window_days=10, match="root"))
    assert r[("2015-10-01", "IRN->RUS")]["events"] == 3


@pytest.mark.parametrize("by, periods", [
    ("day", 42), ("week", 7), ("month", 3), ("year", 1),
])
def test_periods(dyads, by, periods):
    df = dyad_series(dyads, "IRN", "RUS", by=by)
    assert len(df) == 2 * periods
    assert df.groupby("direction").events.sum().to_dict() == {"IRN->RUS": 4, "RUS->IRN": 2}


def test_weeks_start_on_monday(dyads):
    df = dyad_series(dyads, "IRN", "RUS", by="week")
    assert {p.weekday() for p in df.period} == {0}
    r = rows(df)
    assert r[("2015-10-19", "IRN->RUS")]["events"] == 3  # Thu 22 Oct
    assert r[("2015-10-26", "IRN->RUS")]["events"] == 1  # Mon 26 Oct


def test_start_and_end_bound_and_fill_the_periods(dyads):
    df = dyad_series(dyads, "IRN", "RUS", start="2015-09", end="2015-11")
    assert sorted({p.strftime("%Y-%m") for p in df.period}) == ["2015-09", "2015-10", "2015-11"]
    assert df.events.sum() == 5
    df = dyad_series(dyads, "IRN", "RUS", by="day", start="2015-10-23", end="2015-10-23")
    assert df.events.tolist() == [0, 1]


def test_actor_code_prefixes(dyads):
    df = dyad_series(dyads, "IRNGOV", "RUS")
    assert df.groupby("direction").events.sum().to_dict() == {"IRNGOV->RUS": 2, "RUS->IRNGOV": 1}
    df = dyad_series(dyads, "igouno", "irn")  # case does not matter
    assert df.groupby("direction").events.sum().to_dict() == {"IGOUNO->IRN": 1, "IRN->IGOUNO": 0}


def test_no_events_gives_an_empty_frame_with_the_columns(dyads):
    df = dyad_series(dyads, "USA", "CHN")
    assert df.empty and "goldstein_mean" in df.columns


def test_same_actor_on_both_sides_is_one_direction(store, build):
    build("a", date(2015, 1, 5), "X", [(date(2015, 1, 5), "SYRGOV", "SYRREB", "190")])
    df = dyad_series(store, "SYR", "SYR")
    assert df.direction.tolist() == ["SYR->SYR"] and df.events.tolist() == [1]


@pytest.mark.parametrize("kw", [
    {"a": "I R", "b": "RUS"}, {"a": "IRN", "b": "RU"}, {"a": "IRN", "b": "RUS", "by": "fortnight"},
    {"a": "IRN", "b": "RUS", "start": "22/10/2015"}, {"a": "IRN", "b": "RUS", "dedup": "hourly"},
])
def test_bad_arguments_say_how_to_fix(dyads, kw):
    with pytest.raises(InputError, match="Fix"):
        dyad_series(dyads, **kw)
