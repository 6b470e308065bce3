"""The REST API through the real HTTP stack (uvicorn on loopback, httpx) over the seed's store."""

from __future__ import annotations

import csv as csv_module
import io

import pyarrow.parquet as pq

from heron.query import dyad_series, top
from heron.store import Store
from tests.serve.conftest import SEED_ARTICLE


def test_events_first_page_and_cursor_walk_every_event_once(client, seed_db):
    with Store(seed_db, read_only=True) as store:
        total = store.count("events")
    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        r = client.get("/api/v1/events", params=params)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["count"] <= 3
        seen += [e["event_id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == total == len(set(seen))


def test_events_filters(client):
    def ids(**params):
        r = client.get("/api/v1/events", params={"limit": 500, **params})
        assert r.status_code == 200, r.text
        return r.json()["events"]

    iran = ids(actor="IRN")
    assert iran and all("IRN" in (e["source_country"], e["target_country"]) or
                        (e["source_code"] or "").startswith("IRN") or (e["target_code"] or "").startswith("IRN")
                        for e in iran)
    assert {e["cameo_code"] for e in ids(source="RUS", target="IMGMUSISI")} == {"195"}
    assert all(e["cameo_code"].startswith("04") for e in ids(cameo="04"))
    assert ids(root="19") and all(e["cameo_code"].startswith("19") for e in ids(root="19"))
    assert all(e["quad_class"] == 4 for e in ids(quad=4))
    assert {e["plover_type"] for e in ids(plover="assault")} == {"ASSAULT"}
    assert {e["location_country"] for e in ids(place="SYR")} == {"SYR"}
    welcomed = ids(text="WELCOMED")
    assert welcomed and all("welcomed" in e["sentence_text"].lower() for e in welcomed)
    day = ids(**{"from": "2015-10-21", "to": "2015-10-21", "actor": "IRN"})
    assert day and {e["date"] for e in day} == {"2015-10-21"}
    assert ids(country="IRN")


def test_events_dedup_and_formats(client):
    raw = client.get("/api/v1/events", params={"actor": "IRN", "limit": 500}).json()
    daily = client.get("/api/v1/events", params={"actor": "IRN", "dedup": "daily", "limit": 500}).json()
    cluster = client.get("/api/v1/events", params={"actor": "IRN", "dedup": "cluster", "limit": 500}).json()
    assert daily["dedup"] == "daily" and cluster["dedup"] == "cluster"
    assert 0 < len(cluster["events"]) <= len(daily["events"]) <= len(raw["events"])
    assert all(e["n_mentions"] >= 1 for e in cluster["events"])

    csv = client.get("/api/v1/events", params={"actor": "IRN", "format": "csv", "limit": 500})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("event_id,article_id")
    assert len(list(csv_module.DictReader(io.StringIO(csv.text)))) == len(raw["events"])
    parquet = client.get("/api/v1/events", params={"actor": "IRN", "format": "parquet", "limit": 500})
    assert parquet.status_code == 200
    assert pq.read_table(io.BytesIO(parquet.content)).num_rows == len(raw["events"])


def test_dyad_is_heron_dyad(client, seed_db):
    r = client.get("/api/v1/dyad/irn/RUS", params={"by": "day"})
    assert r.status_code == 200, r.text
    body = r.json()
    with Store(seed_db, read_only=True) as store:
        expected = dyad_series(store, "IRN", "RUS", by="day")
    assert [s["events"] for s in body["series"]] == expected["events"].tolist()
    assert {s["direction"] for s in body["series"]} == {"IRN->RUS", "RUS->IRN"}
    assert sum(s["events"] for s in body["series"]) >= 8
    dedup = client.get("/api/v1/dyad/IRN/RUS", params={"by": "month", "dedup": "cluster"}).json()
    assert sum(s["events"] for s in dedup["series"]) <= sum(s["events"] for s in body["series"])


def test_top_is_heron_top(client, seed_db):
    body = client.get("/api/v1/top", params={"what": "dyads", "n": 5}).json()
    with Store(seed_db, read_only=True) as store:
        expected = top(store, what="dyads", n=5)
    assert [(r["source"], r["target"], r["events"]) for r in body["rows"]] == list(
        zip(expected["source"], expected["target"], expected["events"]))
    assert client.get("/api/v1/top", params={"what": "codes"}).json()["rows"]


def test_article_explain_data_highlights_the_trigger(client):
    r = client.get(f"/api/v1/articles/{SEED_ARTICLE}")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["article"]["id"] == SEED_ARTICLE and body["n_events"] >= 10
    welcome = next(e for s in body["sentences"] for e in s["events"] if e["cameo_code"] == "051")
    sentence = next(s for s in body["sentences"] if welcome in s["events"])
    marks = {h["role"]: sentence["text"][h["start"]:h["end"]] for h in welcome["highlights"]}
    assert marks["trigger"].lower().startswith("welcom")
    assert marks["source"] == welcome["source_text"]
    counts = [c["kind"] for s in body["sentences"] for c in s["counts"]]
    assert "killed" in counts
    missing = client.get("/api/v1/articles/no-such-article")
    assert missing.status_code == 404 and "no article" in missing.json()["error"]


def test_codes_and_actors(client):
    codes = client.get("/api/v1/codes").json()
    by_code = {c["code"]: c for c in codes["cameo"]}
    assert by_code["190"]["plover_type"] == "ASSAULT" and by_code["051"]["quad_class"] == 1
    assert len(codes["plover"]) == 16
    assert client.get("/api/v1/codes", params={"root": "19"}).json()["cameo"][0]["root"] == "19"
    actors = client.get("/api/v1/actors").json()
    assert actors["count"] == len(actors["actors"])


def test_openapi_and_docs_are_local(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/v1/events", "/api/v1/dyad/{a}/{b}", "/api/v1/top", "/api/v1/articles/{article_id}",
                 "/api/v1/codes", "/api/v1/actors"):
        assert path in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/v1/events" in docs.text
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text


def test_pages_fetch_nothing_from_outside(client):
    for path in ("/", "/dyad?a=IRN&b=RUS", "/map", "/actors", f"/article/{SEED_ARTICLE}"):
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        assert "http://" not in r.text and "https://" not in r.text.replace("https://www.tasnimnews.com", "")
        assert "default-src 'self'" in r.headers["content-security-policy"]


def test_repeated_get_is_answered_from_the_cache(client):
    url = "/api/v1/dyad/IRN/RUS?by=week&from=2015"
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert "x-heron-cache" not in first.headers and second.headers["x-heron-cache"] == "hit"
    assert first.json() == second.json()
    assert second.headers["content-type"].startswith("application/json")


def test_every_stored_article_is_reachable_by_its_quoted_id(client, seed_db):
    from urllib.parse import quote

    with Store(seed_db, read_only=True) as store:
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()]
    assert len(ids) >= 2
    for article_id in ids:
        r = client.get("/api/v1/articles/" + quote(article_id, safe=""))
        assert r.status_code == 200 and r.json()["article"]["id"] == article_id
        assert client.get("/article/" + quote(article_id, safe="")).status_code == 200
