"""The CLI through its real runner, on articles we write here and on the shipped examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from heron.cli import app
from heron.store import Store
from tests.conftest import REPO, SEED, SHARED, need_shared

runner = CliRunner()

ARTICLE = (
    "ANKARA (Wire) - Turkey's foreign minister met his Greek counterpart in Ankara on Tuesday and "
    "the two sides signed an agreement on maritime trade.\n"
    "Turkish police arrested 14 protesters in Istanbul on Monday, officials said.\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_code_prints_jsonl_events_with_the_field_contract(tmp_path):
    src = _write(tmp_path, "turkey.txt", ARTICLE)
    db = tmp_path / "h.duckdb"
    result = runner.invoke(app, ["code", str(src), "--db", str(db), "--format", "jsonl", "--published",
                                 "2021-03-10", "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert events, result.output
    for field in ("event_id", "article_id", "sentence_index", "sentence_text", "start", "end", "date",
                  "date_precision", "source_code", "source_country", "source_sectors", "target_code",
                  "cameo_code", "cameo_root", "cameo_name", "goldstein", "quad_class", "plover_type",
                  "plover_mode", "location_name", "trigger", "confidence", "coder_version"):
        assert field in events[0]
    codes = {(e["source_country"], e["cameo_root"]) for e in events}
    assert ("TUR", "17") in codes or any(e["cameo_code"].startswith("173") for e in events), events


def test_code_is_idempotent_in_the_store(tmp_path):
    src = _write(tmp_path, "turkey.txt", ARTICLE)
    db = tmp_path / "h.duckdb"
    args = ["code", str(src), "--db", str(db), "--format", "none", "--quiet", "--workers", "1"]
    assert runner.invoke(app, args).exit_code == 0
    with Store(db) as store:
        first = store.count("events"), store.count("articles")
    assert runner.invoke(app, args).exit_code == 0
    with Store(db) as store:
        assert (store.count("events"), store.count("articles")) == first
        assert store.count("runs") == 2


def test_mixed_folder_codes_good_files_and_lists_bad_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "good.txt", ARTICLE)
    _write(folder, "news.jsonl", json.dumps({"id": "j1", "text": "Iran condemned the attack."}) + "\n{broken\n")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    _write(folder, "empty.txt", "   \n")
    db = tmp_path / "h.duckdb"
    result = runner.invoke(app, ["code", str(folder), "--db", str(db), "--format", "none", "--workers", "1"])
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "news.jsonl:2" in err and "invalid-json" in err
    assert "blob.txt" in err and "binary" in err
    assert "empty.txt" in err
    with Store(db) as store:
        ids = {r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()}
    assert "j1" in ids and len(ids) == 2


def test_nothing_readable_exits_non_zero(tmp_path):
    bad = _write(tmp_path, "bad.jsonl", "{nope\n")
    result = runner.invoke(app, ["code", str(bad), "--db", str(tmp_path / "h.duckdb"), "--quiet"])
    assert result.exit_code != 0


def test_export_formats_and_show(tmp_path):
    src = _write(tmp_path, "turkey.txt", ARTICLE)
    db = tmp_path / "h.duckdb"
    assert runner.invoke(app, ["code", str(src), "--db", str(db), "--format", "none", "--quiet",
                               "--published", "2021-03-10", "--workers", "1"]).exit_code == 0
    for fmt in ("jsonl", "csv", "plover", "phoenix"):
        result = runner.invoke(app, ["export", "--db", str(db), "--table", "events", "--format", fmt])
        assert result.exit_code == 0, result.output
        assert result.stdout.strip()
    plover = [json.loads(line) for line in runner.invoke(
        app, ["export", "--db", str(db), "--format", "plover"]).stdout.splitlines()]
    assert plover and all(p["id"] and p["event"] and p["actor"] and p["text"] for p in plover)
    assert all(isinstance(p["event"], list) and p["actor"][0]["code"] for p in plover)
    out = tmp_path / "places.parquet"
    assert runner.invoke(app, ["export", "--db", str(db), "--table", "places", "--format", "parquet",
                               "--out", str(out)]).exit_code == 0
    assert out.stat().st_size > 0
    with Store(db) as store:
        article_id = store.con.execute("SELECT id FROM articles").fetchone()[0]
    shown = runner.invoke(app, ["show", article_id, "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "event" in shown.stdout and "trigger" in shown.stdout and "actor" in shown.stdout


def test_export_rejects_plover_for_other_tables(tmp_path):
    db = tmp_path / "h.duckdb"
    Store(db).close()
    result = runner.invoke(app, ["export", "--db", str(db), "--table", "places", "--format", "plover"])
    assert result.exit_code == 2
    assert "events only" in result.stderr


def test_show_unknown_article_says_how_to_fix(tmp_path):
    db = tmp_path / "h.duckdb"
    Store(db).close()
    result = runner.invoke(app, ["show", "nope", "--db", str(db)])
    assert result.exit_code == 2 and "E004" in result.stderr


def test_shipped_examples_code_end_to_end(tmp_path):
    db = tmp_path / "h.duckdb"
    result = runner.invoke(app, ["code", str(REPO / "examples" / "articles"), "--db", str(db), "--format",
                                 "jsonl", "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.count("articles") >= 5
        assert store.count("events") >= 5
        assert store.con.execute("SELECT count(DISTINCT cameo_root) FROM events").fetchone()[0] >= 4


def test_seed_twice_keeps_the_same_events(tmp_path):
    need_shared(SEED)
    db = tmp_path / "h.duckdb"
    args = ["code", str(SEED), "--published", "2015-10-22", "--format", "jsonl", "--db", str(db), "--quiet"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    with Store(db) as store:
        n = store.count("events")
    assert n > 0
    assert runner.invoke(app, args).exit_code == 0
    with Store(db) as store:
        assert store.count("events") == n


def test_stdin_input(tmp_path):
    db = tmp_path / "h.duckdb"
    result = runner.invoke(app, ["code", "-", "--db", str(db), "--format", "none", "--quiet",
                                 "--published", "2021-03-10"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.count("articles") == 1


def test_export_deduplicated_events(tmp_path):
    src = _write(tmp_path, "turkey.txt", ARTICLE)
    copy = _write(tmp_path, "copy.jsonl", json.dumps({"id": "copy", "text": ARTICLE, "source": "Other Wire"}) + "\n")
    db = tmp_path / "h.duckdb"
    assert runner.invoke(app, ["code", str(src), str(copy), "--db", str(db), "--format", "none", "--quiet",
                               "--published", "2021-03-10", "--workers", "1"]).exit_code == 0
    raw = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"]).stdout.splitlines()
    dedup = [json.loads(x) for x in runner.invoke(
        app, ["export", "--db", str(db), "--format", "jsonl", "--dedup", "daily"]).stdout.splitlines()]
    assert raw and len(dedup) * 2 == len(raw)
    assert all(d["n_articles"] == 2 for d in dedup)


def test_phoenix_dictionaries_code_a_person_the_builtin_tables_do_not_know(tmp_path):
    phoenix = need_shared(SHARED / "dictionaries" / "petrarch2" / "Phoenix.Countries.actors.txt")
    src = _write(tmp_path, "s.txt", "Hossein Shariatmadari criticized the United States on Monday.\n")
    base = ["code", str(src), "--db", ":memory:", "--format", "jsonl", "--quiet", "--published", "2010-05-05"]
    with_dict = runner.invoke(app, [*base, "--actors", str(phoenix)])
    assert with_dict.exit_code == 0, with_dict.output
    events = [json.loads(x) for x in with_dict.stdout.splitlines()]
    assert any(e["source_code"] == "IRNELI" and e["target_country"] == "USA" for e in events), events
    without = runner.invoke(app, base)
    events = [json.loads(x) for x in without.stdout.splitlines() if x.startswith("{")]
    assert not any(e["source_country"] == "IRN" for e in events)
