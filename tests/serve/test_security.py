"""Hostile requests: SQL metacharacters in every filter, path traversal, oversized pages, edits
without the token. Each gets a 4xx with a message, and the store is unchanged afterwards."""

from __future__ import annotations

import httpx
import pytest

from heron.serve.access import QueryTimeout, StoreAccess
from heron.store import Store
from tests.serve.conftest import EDIT_TOKEN, SEED_ARTICLE, TEST_PERSON

NASTY = ["IRN' OR '1'='1", "1; DROP TABLE events; --", "RUS\"); DELETE FROM events; --", "%' UNION SELECT * FROM articles --",
         "04' OR 1=1 --", "ASSAULT'--", "2015-10-22' OR '1'='1"]
FILTERS = ("actor", "source", "target", "country", "cameo", "root", "quad", "plover", "from", "to", "place",
           "dedup", "format", "cursor", "limit")


def _fingerprint(db) -> tuple:
    with Store(db, read_only=True) as store:
        return tuple(store.count(t) for t in ("articles", "events", "sentences", "mentions", "counts", "places",
                                               "learned_actors"))


def _clear_4xx(r: httpx.Response) -> str:
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
    message = r.json()["error"]
    assert "Fix:" in message or "fix" in message.lower(), message
    return message


@pytest.mark.parametrize("name", FILTERS)
def test_sql_metacharacters_in_every_event_filter(client, seed_db, name):
    before = _fingerprint(seed_db)
    for value in NASTY:
        _clear_4xx(client.get("/api/v1/events", params={name: value}))
    assert _fingerprint(seed_db) == before


def test_sql_metacharacters_in_text_search_are_only_text(client, seed_db):
    """The text filter is a substring search: metacharacters are searched for, and found nowhere."""
    before = _fingerprint(seed_db)
    for value in NASTY:
        r = client.get("/api/v1/events", params={"text": value})
        assert r.status_code == 200 and r.json()["events"] == []
    assert client.get("/api/v1/events", params={"text": "%"}).json()["events"] == []
    assert _fingerprint(seed_db) == before


def test_sql_metacharacters_in_other_routes(client, seed_db):
    before = _fingerprint(seed_db)
    for value in NASTY:
        _clear_4xx(client.get(f"/api/v1/dyad/{value}/RUS"))
        _clear_4xx(client.get("/api/v1/dyad/IRN/RUS", params={"by": value}))
        _clear_4xx(client.get("/api/v1/dyad/IRN/RUS", params={"from": value}))
        _clear_4xx(client.get("/api/v1/top", params={"what": value}))
        _clear_4xx(client.get("/api/v1/top", params={"to": value}))
        _clear_4xx(client.get("/api/v1/codes", params={"root": value}))
        r = client.get(f"/api/v1/articles/{value}")
        assert r.status_code == 404 and "no article" in r.json()["error"]
        assert client.get("/api/v1/actors", params={"q": value}).json()["actors"] == []
        for page in ("/", "/dyad", "/map"):
            params = {"from": value} if page != "/dyad" else {"a": value, "b": "RUS"}
            r = client.get(page, params=params)
            assert r.status_code in (400, 422) and 'class="error"' in r.text
        assert client.get("/map", params={"cameo": value}).status_code in (400, 422)
    assert _fingerprint(seed_db) == before


TRAVERSALS = ["../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/pyproject.toml",
              "....//....//etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd"]


def test_path_traversal_reaches_no_file(client):
    for t in TRAVERSALS:
        for prefix in ("/api/v1/articles/", "/static/", "/article/", "/event/", "/api/v1/dyad/IRN/"):
            r = client.get(prefix + t)
            assert 400 <= r.status_code < 500, (prefix + t, r.status_code)
            assert "root:x:" not in r.text and "[project]" not in r.text and "build-system" not in r.text
    assert client.get("/static/app.css").status_code == 200


@pytest.mark.parametrize("limit", ["501", "100000", "0", "-1", "1e9", "lots"])
def test_oversized_or_bad_page_sizes(client, limit):
    message = _clear_4xx(client.get("/api/v1/events", params={"limit": limit}))
    assert "limit" in message


def test_oversized_top_and_cursor(client):
    assert "n" in _clear_4xx(client.get("/api/v1/top", params={"n": 5000}))
    _clear_4xx(client.get("/api/v1/events", params={"cursor": "x" * 500}))
    _clear_4xx(client.get("/api/v1/events", params={"cursor": "eyJrIjoiZGFpbHkiLCJvIjotNX0"}))  # {"k":"daily","o":-5}


def _person(db) -> tuple:
    with Store(db, read_only=True) as store:
        return store.con.execute("SELECT code, reviewed FROM learned_actors WHERE name = ?",
                                 [TEST_PERSON["name"]]).fetchone()


def test_edits_refused_without_the_token(edit_server, edit_db, server, seed_db):
    url = "/api/v1/actors/review"
    body = {"name": TEST_PERSON["name"], "decision": "accept"}
    before, before_fp = _person(edit_db), _fingerprint(edit_db)
    with httpx.Client(base_url=edit_server.url, timeout=30) as c:
        assert "no edit token" in _clear_4xx(c.post(url, json=body))
        assert "wrong edit token" in _clear_4xx(c.post(url, json=body, headers={"X-Heron-Token": "guess"}))
        assert _clear_4xx(c.post(url, json={**body, "name": "x' OR '1'='1"}, headers={"X-Heron-Token": EDIT_TOKEN}))
        assert _clear_4xx(c.post(url, json={**body, "decision": "drop table"}, headers={"X-Heron-Token": EDIT_TOKEN}))
        assert c.get(url).status_code == 405
    assert _person(edit_db) == before and _fingerprint(edit_db) == before_fp
    with httpx.Client(base_url=server.url, timeout=30) as c:  # a server started without --allow-edits
        seed_before = _fingerprint(seed_db)
        message = _clear_4xx(c.post(url, json=body, headers={"X-Heron-Token": EDIT_TOKEN}))
        assert "read-only" in message
        assert _fingerprint(seed_db) == seed_before


def test_edits_with_the_token_write_and_reads_go_on(edit_server, edit_db):
    url = "/api/v1/actors/review"
    with httpx.Client(base_url=edit_server.url, timeout=30) as c:
        r = c.post(url, json={"name": TEST_PERSON["name"], "decision": "accept"}, headers={"X-Heron-Token": EDIT_TOKEN})
        assert r.status_code == 200, r.text
        assert r.json()["actor"]["reviewed"] is True and r.json()["actor"]["code"] == TEST_PERSON["code"]
        listed = {a["name"]: a for a in c.get("/api/v1/actors").json()["actors"]}
        assert listed[TEST_PERSON["name"]]["reviewed"] is True
        r = c.post(url, json={"name": TEST_PERSON["name"], "decision": "reject"}, headers={"X-Heron-Token": EDIT_TOKEN})
        assert r.status_code == 200 and r.json()["actor"]["code"] is None
        assert c.get("/api/v1/events", params={"limit": 1}).status_code == 200
        assert c.get(f"/api/v1/articles/{SEED_ARTICLE}").status_code == 200
    assert _person(edit_db) == (None, True)


def test_a_long_query_is_stopped(seed_db):
    access = StoreAccess(str(seed_db), query_timeout=0.3)
    try:
        with pytest.raises(QueryTimeout, match="longer than 0.3 s"):
            with access.reading() as view:
                view.con.execute("SELECT count(*) FROM range(1000000000000) a(i) WHERE hash(i) % 7 = 3").fetchone()
    finally:
        access.close()


def test_deduplication_over_too_many_mentions_is_refused(client, monkeypatch):
    """The clustering runs in Python, out of the query time bound's reach: it has a size bound."""
    import heron.serve.events as events

    monkeypatch.setattr(events, "MAX_DEDUP_MENTIONS", 1)
    for url in ("/api/v1/events?dedup=cluster&limit=7", "/api/v1/top?dedup=daily&n=7",
                "/api/v1/dyad/IRN/RUS?dedup=cluster&by=year"):
        message = _clear_4xx(client.get(url))
        assert "more than this server does" in message
    assert client.get("/api/v1/events?dedup=raw&limit=7").status_code == 200
