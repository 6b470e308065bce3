"""Acceptance: a syndicated copy of the seed article doubles raw counts but not deduplicated ones.

Codes /work/shared/seed/tasnim-2015-10-22.txt (needs ../shared and the full coder) once into one
store, and twice (under two article ids and two publishers) into another.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from heron.query import dedup_events, dyad_series
from heron.records import Article
from heron.store import Store
from tests.conftest import SEED, need_shared


def _seed_articles() -> tuple[Article, Article]:
    need_shared(SEED)
    meta = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
    text = SEED.read_text(encoding="utf-8")
    published = date.fromisoformat(meta["published"])
    original = Article(id=meta["id"], text=text, title=meta["title"], published=published, source=meta["source"],
                       url=meta["url"])
    copy = Article(id=f"{meta['id']}-syndicated", text=text, title=meta["title"], published=published,
                   source="Syndicated Wire", url=None)
    return original, copy


def _october(store, dedup):
    df = dyad_series(store, "IRN", "RUS", by="month", dedup=dedup, start="2015-10", end="2015-10")
    cols = ["direction", "events", "goldstein_sum", "verbal_coop", "material_coop", "verbal_conflict",
            "material_conflict"]
    return {r["direction"]: {c: r[c] for c in cols[1:]} for r in df[cols].to_dict("records")}


@pytest.fixture(scope="module")
def stores(coder):
    original, copy = _seed_articles()
    coded = coder.code_article(original)
    copied = coder.code_article(copy)
    once, twice = Store(":memory:"), Store(":memory:")
    once.write([coded])
    twice.write([coded])
    twice.write([copied])
    yield once, twice
    once.close()
    twice.close()


def test_seed_has_iran_russia_events_in_october_2015(stores):
    once, _ = stores
    raw = _october(once, False)
    assert raw["IRN->RUS"]["events"] + raw["RUS->IRN"]["events"] > 0, "the coder found no IRN-RUS event"


def test_syndicated_copy_doubles_raw_counts(stores):
    once, twice = stores
    one, two = _october(once, False), _october(twice, False)
    for direction in one:
        for col, value in one[direction].items():
            assert two[direction][col] == pytest.approx(2 * value), (direction, col)


@pytest.mark.parametrize("method", ["cluster", "daily"])
def test_dedup_counts_equal_coding_once(stores, method):
    once, twice = stores
    assert _october(twice, method) == _october(once, method)
    # ... and every deduplicated event of the pair is backed by both articles
    events = dedup_events(twice, method=method, start="2015-10", end="2015-10",
                          where="e.source_country IN ('IRN', 'RUS') AND e.target_country IN ('IRN', 'RUS')")
    assert not events.empty
    assert (events.n_articles == 2).all() and (events.n_sources == 2).all()
