"""The in-memory events index gives the DuckDB path's pages, page after page, on varied events."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from heron.serve import convert
from heron.serve.access import ReadView
from heron.serve.event_index import build_event_index
from heron.serve.events import EVENT_FIELDS, EventFilter, list_events
from heron.store import Store
from tests.query.conftest import CODES, article, ev

ACTORS = [("IRN", "IRN"), ("IRNGOV", "IRN"), ("RUS", "RUS"), ("RUSMIL", "RUS"), ("IGOUNO", None), ("XYZ", "IRN"),
          (None, "SYR"), (None, None)]


@pytest.fixture(scope="module")
def varied(tmp_path_factory):
    """Mentions on few days (ties of date broken by event_id), some dated only by their article, some
    not at all; actors, codes, places and PLOVER types missing now and then."""
    rng = random.Random(3)
    db = tmp_path_factory.mktemp("event-index") / "varied.duckdb"
    articles = []
    for k in range(30):
        published = None if k % 7 == 0 else date(2016, 1, 1) + timedelta(days=rng.randrange(20))
        events = []
        for i in range(10):
            when = None if rng.random() < 0.2 else date(2016, 1, 1) + timedelta(days=rng.randrange(20))
            e = ev(f"x{k:02d}", i, when, "IRN", "RUS", rng.choice(sorted(CODES)),
                   loc=rng.choice(["IRN", "SYR", None]))
            (sc, sn), (tc, tn) = rng.choice(ACTORS), rng.choice(ACTORS)
            e = replace(e, source_code=sc, source_country=sn, target_code=tc, target_country=tn,
                        plover_type=rng.choice(["CONSULT", "ASSAULT", None]),
                        event_id=f"{rng.choice('abc')}{k:02d}-{i}")
            if rng.random() < 0.1:
                e = replace(e, cameo_root=None)
            events.append(e)
        articles.append(article(f"x{k:02d}", published, rng.choice(["Wire", None]), events))
    with Store(db) as store:
        store.write(articles)
    store = Store(db, read_only=True)
    yield store
    store.close()


FILTERS = [
    EventFilter(), EventFilter(actor="IRN"), EventFilter(actor="irngov"), EventFilter(source="IGO"),
    EventFilter(target="RUS", cameo="04"), EventFilter(country="SYR"), EventFilter(between=("IRN", "RUS")),
    EventFilter(root="19"), EventFilter(root="03", quad=1), EventFilter(plover="assault"), EventFilter(place="IRN"),
    EventFilter(start="2016-01-05", end="2016-01-12"), EventFilter(start="2016-01-15"), EventFilter(end="2016-01-03"),
    EventFilter(actor="XYZ", start="2016"), EventFilter(actor="CHN"), EventFilter(text="sentence 3"),
]


def _pages(view, f: EventFilter, limit: int) -> list:
    out, cursor = [], None
    while True:
        page = list_events(view, f, limit=limit, cursor=cursor)
        out.append((convert.json_with_rows({}, "events", page.rows), convert.to_csv(page.rows), page.next_cursor))
        cursor = page.next_cursor
        if cursor is None or len(out) > 100:
            return out


def test_every_page_is_the_duckdb_one(varied):
    """head 0: every row from DuckDB by row id; 9: pages across the in-memory head's end; 20000: all in it."""
    slow = ReadView(con=varied.con.cursor(), path="x")
    expected = {(f, limit): _pages(slow, f, limit) for f in FILTERS for limit in (7, 50)}
    assert len(expected[(EventFilter(), 7)]) > 10
    for head in (0, 9, 20_000):
        index = build_event_index(varied.con.cursor(), EVENT_FIELDS, head=head)
        assert len(index) == 300
        fast = ReadView(con=varied.con.cursor(), path="x", event_index=index)
        for (f, limit), pages in expected.items():
            assert _pages(fast, f, limit) == pages, (head, f, limit)


def test_a_cursor_of_the_duckdb_path_pages_on_in_the_index(varied):
    index = build_event_index(varied.con.cursor(), EVENT_FIELDS)
    slow = ReadView(con=varied.con.cursor(), path="x")
    fast = ReadView(con=varied.con.cursor(), path="x", event_index=index)
    cursor = list_events(slow, EventFilter(actor="IRN"), limit=5).next_cursor
    a = list_events(fast, EventFilter(actor="IRN"), limit=5, cursor=cursor)
    b = list_events(slow, EventFilter(actor="IRN"), limit=5, cursor=cursor)
    assert convert.to_csv(a.rows) == convert.to_csv(b.rows) and a.next_cursor == b.next_cursor


def test_bad_values_get_the_same_messages_with_the_index(varied):
    from heron.errors import InputError

    index = build_event_index(varied.con.cursor(), EVENT_FIELDS)
    fast = ReadView(con=varied.con.cursor(), path="x", event_index=index)
    for bad in (EventFilter(actor="IRN'--"), EventFilter(cameo="4a"), EventFilter(quad=7), EventFilter(start="x")):
        with pytest.raises(InputError, match="Fix:"):
            list_events(fast, bad)
    with pytest.raises(InputError, match="cursor"):
        list_events(fast, EventFilter(), cursor="!!!")


def test_an_empty_store_has_an_empty_index(tmp_path):
    with Store(tmp_path / "empty.duckdb") as store:
        index = build_event_index(store.con.cursor(), EVENT_FIELDS)
        fast = ReadView(con=store.con.cursor(), path="x", event_index=index)
        page = list_events(fast, EventFilter(actor="IRN", start="2015"))
        assert len(index) == 0 and page.rows.empty and page.next_cursor is None
