"""Deduplication rules on small hand-built stores: daily filter and cross-article clustering."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from heron.errors import InputError
from heron.query import cluster_id, dedup_events, dedup_mentions

D = date(2015, 10, 22)


def day(n: int) -> date:
    return D + timedelta(days=n)


def n_events(store, **kw) -> int:
    return len(dedup_events(store, **kw))


# -- daily ---------------------------------------------------------------------------------------
def test_daily_one_event_per_date_dyad_code(store, build):
    build("a1", D, "Tasnim", [(D, "IRNGOV", "RUSGOV", "036"), (D, "IRNGOV", "RUSGOV", "036")])
    build("a2", D, "PressTV", [(D, "IRNGOV", "RUSGOV", "036")])
    build("a3", D, "PressTV", [(D, "IRNGOV", "RUSGOV", "036")])
    df = dedup_events(store, method="daily")
    assert len(df) == 1
    row = df.iloc[0]
    assert (row.n_mentions, row.n_articles, row.n_sources) == (4, 3, 2)
    assert row.first_mention_id == "a1:0" and row.method == "daily"


def test_daily_splits_on_date_actor_code_and_event_code(store, build):
    build("a1", D, "X", [
        (D, "IRNGOV", "RUSGOV", "036"),
        (day(1), "IRNGOV", "RUSGOV", "036"),  # another day
        (D, "IRNMIL", "RUSGOV", "036"),  # another actor code, same country
        (D, "IRNGOV", "RUSGOV", "040"),  # another event code
        (D, "RUSGOV", "IRNGOV", "036"),  # the other direction
    ])
    assert n_events(store, method="daily") == 5


def test_daily_id_is_a_hash_of_the_key_not_of_the_members(store, build):
    build("b", D, "X", [(D, "IRNGOV", "RUSGOV", "036")])
    before = dedup_events(store, method="daily").event_id.tolist()
    build("a", D, "Y", [(D, "IRNGOV", "RUSGOV", "036")])  # an earlier-sorting copy
    after = dedup_events(store, method="daily")
    assert after.event_id.tolist() == before and after.n_mentions.tolist() == [2]


# -- cluster: window ----------------------------------------------------------------------------
@pytest.mark.parametrize("gap, expected", [(0, 1), (1, 1), (2, 1), (3, 2), (10, 2)])
def test_cluster_window_edges_default_two_days(store, build, gap, expected):
    build("a1", D, "X", [(D, "IRN", "RUS", "036")])
    build("a2", day(gap), "Y", [(day(gap), "IRN", "RUS", "036")])
    assert n_events(store) == expected


def test_cluster_window_is_counted_from_the_first_member_not_chained(store, build):
    for i, gap in enumerate((0, 2, 4, 6)):
        build(f"a{i}", day(gap), "X", [(day(gap), "IRN", "RUS", "036")])
    df = dedup_events(store)
    assert df.date.dt.date.tolist() == [D, day(4)]
    assert df.n_mentions.tolist() == [2, 2]
    assert df.last_date.dt.date.tolist() == [day(2), day(6)]


@pytest.mark.parametrize("window, expected", [(0, 3), (1, 2), (5, 1)])
def test_cluster_window_parameter(store, build, window, expected):
    for i, gap in enumerate((0, 1, 2)):
        build(f"a{i}", day(gap), "X", [(day(gap), "IRN", "RUS", "036")])
    assert n_events(store, window_days=window) == expected


def test_cluster_is_order_independent_of_writing(store, build):
    build("late", day(2), "Y", [(day(2), "IRN", "RUS", "036")])
    build("early", D, "X", [(D, "IRN", "RUS", "036")])
    df = dedup_events(store)
    assert len(df) == 1 and df.first_article_id.iloc[0] == "early"


# -- cluster: dyad and codes --------------------------------------------------------------------
def test_cluster_same_country_dyad_merges_actor_codes(store, build):
    build("a1", D, "X", [(D, "IRNGOV", "RUSGOV", "036")])
    build("a2", D, "Y", [(D, "IRNMIL", "RUS", "036")])
    build("a3", D, "Z", [(D, "RUSGOV", "IRNGOV", "036")])  # reverse direction: its own event
    df = dedup_events(store)
    assert sorted(df.n_mentions.tolist()) == [1, 2]


def test_cluster_actor_without_country_uses_its_code(store, build):
    build("a1", D, "X", [(D, "IGOUNO", "SYRGOV", "036")])
    build("a2", D, "Y", [(D, "IGOUNO", "SYR", "036")])
    build("a3", D, "Z", [(D, "IGOARL", "SYR", "036")])
    df = dedup_events(store)
    assert sorted(df.n_mentions.tolist()) == [1, 2]
    assert set(df.source_key) == {"IGOUNO", "IGOARL"}


def test_cluster_codes_compatible_by_root(store, build):
    build("a1", D, "X", [(D, "IRN", "RUS", "042"), (D, "IRN", "RUS", "036")])
    build("a2", D, "Y", [(D, "IRN", "RUS", "043")])
    df = dedup_events(store)  # 042 + 043 share root 04; 036 is root 03
    assert sorted(df.n_mentions.tolist()) == [1, 2]
    assert set(df.cameo_code) == {"042", "036"}  # the earliest member speaks for the event


@pytest.mark.parametrize("match, expected", [("root", 1), ("code3", 2), ("code", 3)])
def test_cluster_code_match_levels(store, build, match, expected):
    build("a1", D, "X", [(D, "IRN", "RUS", "112")])
    build("a2", D, "Y", [(D, "IRN", "RUS", "1121")])
    build("a3", D, "Z", [(D, "IRN", "RUS", "1121"), (D, "IRN", "RUS", "111")])
    # root: 11 for all; 3 digits: 112 (x3) and 111; exact: 112, 1121 (x2), 111
    df = dedup_events(store, match=match)
    assert len(df) == expected
    assert df.n_mentions.sum() == 4


# -- cluster: location --------------------------------------------------------------------------
def test_cluster_location_same_or_unknown_is_compatible(store, build):
    build("a1", D, "X", [(D, "IRN", "RUS", "036", {"loc": "IRN"})])
    build("a2", D, "Y", [(D, "IRN", "RUS", "036", {"loc": None})])
    build("a3", D, "Z", [(D, "IRN", "RUS", "036", {"loc": "IRN"})])
    df = dedup_events(store)
    assert len(df) == 1 and df.location_country.iloc[0] == "IRN"


def test_cluster_location_conflict_splits(store, build):
    build("a1", D, "X", [(D, "IRN", "RUS", "036", {"loc": None})])
    build("a2", D, "Y", [(D, "IRN", "RUS", "036", {"loc": "IRN"})])  # the cluster becomes IRN
    build("a3", D, "Z", [(D, "IRN", "RUS", "036", {"loc": "SYR"})])  # incompatible now: new event
    build("a4", D, "W", [(D, "IRN", "RUS", "036", {"loc": "SYR"})])  # joins the SYR one
    df = dedup_events(store).sort_values("first_article_id")
    assert df.location_country.tolist() == ["IRN", "SYR"]
    assert df.n_mentions.tolist() == [2, 2]
    assert df.first_article_id.tolist() == ["a1", "a3"]


def test_unknown_location_joins_the_earliest_open_cluster(store, build):
    build("a1", D, "X", [(D, "IRN", "RUS", "036", {"loc": "SYR"})])
    build("a2", D, "Y", [(D, "IRN", "RUS", "036", {"loc": "IRN"})])
    build("a3", D, "Z", [(D, "IRN", "RUS", "036", {"loc": None})])
    df = dedup_events(store).sort_values("first_article_id")
    assert df.n_mentions.tolist() == [2, 1]


# -- ids, counts, the mentions table -----------------------------------------------------------
def test_cluster_id_is_a_hash_of_the_earliest_member_and_stable(store, build):
    build("orig", D, "Tasnim", [(D, "IRN", "RUS", "036")])
    first = dedup_events(store)
    assert first.event_id.tolist() == [cluster_id("orig:0")]
    build("zcopy", day(1), "Reuters", [(day(1), "IRN", "RUS", "036")])  # a later syndicated copy
    second = dedup_events(store)
    assert second.event_id.tolist() == first.event_id.tolist()
    assert second.n_mentions.tolist() == [2] and second.n_sources.tolist() == [2]
    assert dedup_events(store).equals(second)  # deterministic


def test_sources_and_articles_counts(store, build):
    build("a1", D, "Tasnim", [(D, "IRN", "RUS", "036"), (D, "IRN", "RUS", "036")])
    build("a2", D, "Tasnim", [(D, "IRN", "RUS", "036")])
    build("a3", D, None, [(D, "IRN", "RUS", "036")])  # unknown publisher: a source of its own
    row = dedup_events(store).iloc[0]
    assert (row.n_mentions, row.n_articles, row.n_sources) == (4, 3, 2)


def test_dedup_mentions_links_every_mention_to_its_event(store, build):
    build("a1", D, "X", [(D, "IRN", "RUS", "036"), (D, "RUS", "IRN", "190")])
    build("a2", day(1), "Y", [(day(1), "IRN", "RUS", "040")])
    events = dedup_events(store)
    mentions = dedup_mentions(store)
    assert len(mentions) == 3
    assert set(mentions.dedup_id) == set(events.event_id)
    assert mentions.groupby("dedup_id").size().to_dict() == dict(zip(events.event_id, events.n_mentions))


def test_mentions_without_a_date_use_publication_else_stand_alone(store, build):
    build("a1", D, "X", [(None, "IRN", "RUS", "036")])  # falls back to the article's date
    build("a2", D, "Y", [(D, "IRN", "RUS", "036")])
    build("a3", None, "Z", [(None, "IRN", "RUS", "036")])  # no date at all
    build("a4", None, "W", [(None, "IRN", "RUS", "036")])
    df = dedup_events(store)
    assert sorted(df.n_mentions.tolist()) == [1, 1, 2]


def test_date_range_keeps_events_by_their_first_date(store, build):
    build("a1", date(2015, 10, 31), "X", [(date(2015, 10, 31), "IRN", "RUS", "036")])
    build("a2", date(2015, 11, 1), "Y", [(date(2015, 11, 1), "IRN", "RUS", "036")])
    build("a3", date(2015, 11, 20), "Y", [(date(2015, 11, 20), "IRN", "RUS", "036")])
    nov = dedup_events(store, start="2015-11", end="2015-11")
    # The 1 Nov mention belongs to the event that began on 31 Oct: it is not a November event.
    assert nov.date.dt.date.tolist() == [date(2015, 11, 20)]
    assert len(dedup_events(store, start="2015-10-31", end="2015-10-31")) == 1
    assert dedup_events(store, method="daily", start="2015-11", end="2015-11").n_mentions.tolist() == [1, 1]


def test_where_narrows_the_mentions(store, build):
    build("a1", D, "X", [(D, "IRN", "RUS", "036"), (D, "SYR", "RUS", "036")])
    df = dedup_events(store, where="e.source_country = ?", params=["SYR"])
    assert df.source_key.tolist() == ["SYR"]


def test_empty_store(store):
    assert dedup_events(store).empty
    assert dedup_events(store, method="daily").empty
    assert dedup_mentions(store).empty


@pytest.mark.parametrize("kw", [{"method": "weekly"}, {"match": "sector"}, {"window_days": -1}])
def test_bad_arguments_say_how_to_fix(store, kw):
    with pytest.raises(InputError, match="Fix|window_days"):
        dedup_events(store, **kw)
