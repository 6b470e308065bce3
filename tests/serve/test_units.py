"""Pieces of heron serve that need no coded store: filters, cursors, highlights, charts, cache, CLI."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time

import httpx
import pytest

from heron.errors import InputError
from heron.serve.cache import ResponseCache
from heron.serve.events import EventFilter, decode_cursor, encode_cursor, where_clause
from heron.serve.explain import highlights
from heron.serve.svg import Dot, Line, line_chart, world_map
from heron.store import Store


def test_filter_values_only_reach_sql_as_parameters():
    sql, params = where_clause(EventFilter(actor="IRN", cameo="04", text="it's; DROP TABLE events", start="2015",
                                           end="2015-10", place="SYR", plover="assault", quad=1))
    assert "DROP" not in sql and "IRN" not in sql and "'" not in sql.replace("DATE '0001-01-01'", "")
    assert "it's; DROP TABLE events" in params and "ASSAULT" in params and "SYR" in params
    for bad in (EventFilter(actor="IRN'--"), EventFilter(cameo="4a"), EventFilter(quad=7), EventFilter(place="SY"),
                EventFilter(plover="X; --"), EventFilter(start="yesterday"), EventFilter(text="x" * 201)):
        with pytest.raises(InputError, match="Fix:"):
            where_clause(bad)


def test_cursor_round_trip_and_refusals():
    token = encode_cursor({"k": "raw", "d": "2015-10-21", "i": "abc"})
    assert decode_cursor(token, kind="raw")["i"] == "abc"
    for bad in ("!!!", "x" * 300, encode_cursor({"k": "daily", "o": 1})):
        with pytest.raises(InputError, match="cursor"):
            decode_cursor(bad, kind="raw")


def test_highlights_from_mentions_and_trigger_words():
    text = "The minister welcomed the envoy and welcomed talks."
    event = {"start": 0, "end": 50, "source_text": "The minister", "target_text": "the envoy", "trigger": "welcome"}
    mentions = [{"text": "the envoy", "start": 122, "end": 131}]  # the sentence starts at 100
    spans = {h["role"]: text[h["start"]:h["end"]] for h in highlights(text, event, mentions=mentions, offset=100)}
    assert spans == {"source": "The minister", "target": "the envoy", "trigger": "welcomed"}


def test_charts_escape_labels_and_draw_one_period():
    svg = line_chart(["2015-10-21"], [Line("<b>A->B</b>", [3.0], "ab"), Line("gap", [float("nan")], "ba")],
                     title="t & t")
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "t &amp; t" in svg
    assert svg.count("<circle") == 1  # the NaN is a gap
    m = world_map([Dot(35.0, 38.0, 5, "SYR: 5 events")], title="m", land=[(34.0, 36.0)])
    assert 'class="land"' in m and "SYR" in m


def test_cache_keeps_recent_answers_within_bounds():
    cache = ResponseCache(max_entries=2, max_bytes=10)
    cache.put(("a",), b"12345", {"content-type": "application/json"})
    cache.put(("b",), b"12345", {})
    cache.put(("c",), b"1", {})
    assert cache.get(("a",)) is None and cache.get(("c",)).body == b"1"
    cache.put(("big",), b"x" * 11, {})
    assert cache.get(("big",)) is None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_serves_an_empty_store_and_prints_the_edit_token(tmp_path):
    db = tmp_path / "empty.duckdb"
    Store(db).close()
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "heron", "serve", "--db", str(db), "--port", str(port),
                             "--allow-edits"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        deadline, answer = time.monotonic() + 60, None
        while time.monotonic() < deadline and answer is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/v1/events", timeout=5)
            except httpx.HTTPError:
                time.sleep(0.3)
        assert answer is not None and answer.status_code == 200 and answer.json()["events"] == []
        r = httpx.post(f"http://127.0.0.1:{port}/api/v1/actors/review", json={"name": "x", "decision": "accept"})
        assert r.status_code == 401
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "127.0.0.1" in err and re.search(r"edit token \(X-Heron-Token\) is: \S{20,}", err)


def test_cli_refuses_a_missing_store(tmp_path):
    r = subprocess.run([sys.executable, "-m", "heron", "serve", "--db", str(tmp_path / "none.duckdb")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "no database" in r.stderr and "Traceback" not in r.stderr
