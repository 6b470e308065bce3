"""The in-memory dyad index gives the same series as the SQL, on a store with varied events."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pandas as pd
import pytest

from heron.query import dyad_series
from heron.query.dyad_index import build_dyad_index
from tests.query.conftest import CODES, article, ev

# Actors as (code, country): prefixes of one another, an IGO without a country, a code whose
# country is not its prefix, a country without a code, and no actor at all.
ACTORS = [("IRN", "IRN"), ("IRNGOV", "IRN"), ("IRNMIL", "IRN"), ("RUS", "RUS"), ("RUSGOV", "RUS"),
          ("IGOUNO", None), ("IGOUNOWHO", None), ("SYRREB", "SYR"), ("USAGOV", "USA"), ("XYZ", "IRN"),
          (None, "RUS"), (None, None)]


def _varied_events(rng: random.Random, article_id: str, n: int):
    out = []
    for i in range(n):
        (s_code, s_country), (t_code, t_country) = rng.choice(ACTORS), rng.choice(ACTORS)
        when = None if rng.random() < 0.1 else date(2015, 1, 1) + timedelta(days=rng.randrange(500))
        e = ev(article_id, i, when, "IRN", "RUS", rng.choice(sorted(CODES)))
        precision = rng.choice(["day", "day", "day", "month", "year", None]) if when else "none"
        e = replace(e, source_code=s_code, source_country=s_country, target_code=t_code, target_country=t_country,
                    date_precision=precision)
        if rng.random() < 0.05:
            e = replace(e, cameo_code=None, cameo_root=None)
        if rng.random() < 0.05:
            e = replace(e, goldstein=None)
        if rng.random() < 0.05:
            e = replace(e, quad_class=None)
        out.append(e)
    return out


@pytest.fixture
def varied(store):
    rng = random.Random(7)
    articles = []
    for k in range(40):
        published = None if k % 9 == 0 else date(2015, 1, 1) + timedelta(days=rng.randrange(500))
        articles.append(article(f"v{k}", published, "Wire", _varied_events(rng, f"v{k}", 12)))
    store.write(articles)
    return store


PAIRS = [("IRN", "RUS"), ("IRNGOV", "RUS"), ("IRN", "IRNGOV"), ("IRN", "IRN"), ("IGO", "IRN"), ("IGOUNO", "RUSGOV"),
         ("RUS", "XYZ"), ("USA", "SYR"), ("CHN", "IRN")]


def _same(slow: pd.DataFrame, fast: pd.DataFrame) -> None:
    # Goldstein sums are added in another order: equal to the last bits, not bit for bit.
    pd.testing.assert_frame_equal(slow, fast, check_exact=False, rtol=1e-12, atol=1e-12)
    assert slow.attrs == fast.attrs


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_index_gives_the_sql_series_for_every_pair_and_period(varied, by):
    index = build_dyad_index(varied)
    for a, b in PAIRS:
        slow = dyad_series(varied, a, b, by=by)
        fast = dyad_series(varied, a, b, by=by, index=index)
        _same(slow, fast)
    assert any(dyad_series(varied, "IRN", "RUS", by=by).events > 0)


def test_index_gives_the_sql_series_within_dates_and_with_fewer_top_codes(varied):
    index = build_dyad_index(varied)
    for start, end in [("2015-03", "2015-09-14"), ("2016", None), (None, "2015-02-01"), ("2030", "2031")]:
        for top_codes in (1, 3, 0):
            for a, b in PAIRS[:4]:
                kw = dict(by="month", start=start, end=end, top_codes=top_codes)
                _same(dyad_series(varied, a, b, **kw), dyad_series(varied, a, b, **kw, index=index))


def test_coarse_dates_are_counted_out_alike(varied):
    index = build_dyad_index(varied)
    slow, fast = dyad_series(varied, "IRN", "RUS", by="day"), dyad_series(varied, "IRN", "RUS", by="day", index=index)
    assert slow.attrs["too_coarse"] > 0 and fast.attrs["too_coarse"] == slow.attrs["too_coarse"]


def test_deduplicated_series_read_the_store_even_with_an_index(varied):
    index = build_dyad_index(varied)
    for method in ("daily", "cluster"):
        _same(dyad_series(varied, "IRN", "RUS", dedup=method), dyad_series(varied, "IRN", "RUS", dedup=method,
                                                                             index=index))


def test_an_empty_store_gives_an_empty_series(store):
    index = build_dyad_index(store)
    assert len(index) == 0
    _same(dyad_series(store, "IRN", "RUS"), dyad_series(store, "IRN", "RUS", index=index))
