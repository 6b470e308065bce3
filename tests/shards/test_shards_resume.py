"""The manifest: a re-run skips done shards, re-codes pending and changed ones, codes new files only."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from heron.cli import app
from heron.settings import Settings
from heron.shards import run_job
from heron.shards.job import settings_hash
from heron.store import Store, manifest
from tests.shards.conftest import TEXTS, dump, jsonl

LINES = 3


def _run(db, inputs, **kw):
    with Store(db) as store:
        return run_job(inputs, store=store, lines=LINES, workers=1, **kw)


def _manifest(db):
    with Store(db, read_only=True) as store:
        return store.con.execute("SELECT path, first_line, state, article_ids FROM shard_manifest "
                                 "ORDER BY path, part").fetchall()


def _stored_ids(db):
    with Store(db, read_only=True) as store:
        return {r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()}


def test_a_rerun_skips_every_done_shard_and_changes_nothing(tmp_path, corpus):
    db = tmp_path / "h.duckdb"
    first = _run(db, [corpus])
    assert first.n_coded == 20 and first.n_shards == 10 and first.n_shards_skipped == 0
    rows = _manifest(db)
    assert {r[2] for r in rows} == {"done"}
    assert set().union(*(r[3] for r in rows)) == _stored_ids(db)
    before = dump(db)
    again = _run(db, [corpus])
    assert (again.n_read, again.n_coded, again.n_shards_skipped) == (0, 0, 10)
    assert dump(db) == before


def test_new_files_and_new_lines_are_all_a_rerun_codes(tmp_path, corpus):
    db = tmp_path / "h.duckdb"
    first_items = [(f"s{i:02d}", t) for i, t in enumerate(TEXTS)]
    jsonl(corpus / "big.jsonl", first_items[:10])  # two lines arrive later
    (corpus / "t3.txt").unlink()  # one file arrives later
    _run(db, [corpus])
    jsonl(corpus / "big.jsonl", first_items[:12])
    (corpus / "t3.txt").write_text(TEXTS[19] + "\n", encoding="utf-8")
    later = _run(db, [corpus])
    # big.jsonl's last part (line 10) grew to lines 10-12; t3.txt is new; nothing else is coded again
    assert later.n_shards_skipped == later.n_shards - 2
    assert len(later.article_ids) == 4 and {"s09", "s10", "s11"} < set(later.article_ids)  # + t3.txt's
    clean = tmp_path / "clean.duckdb"
    _run(clean, [corpus])
    assert dump(db) == dump(clean)


def test_an_edited_file_replaces_the_articles_it_no_longer_holds(tmp_path, corpus):
    db = tmp_path / "h.duckdb"
    _run(db, [corpus])
    jsonl(corpus / "small.jsonl", [("n1", TEXTS[0]), ("n2", TEXTS[1])])
    again = _run(db, [corpus])
    assert sorted(again.article_ids) == ["n1", "n2"]
    ids = _stored_ids(db)
    assert {"n1", "n2"} <= ids and not {"s12", "s13", "s14", "s15"} & ids
    clean = tmp_path / "clean.duckdb"
    _run(clean, [corpus])
    assert dump(db) == dump(clean)


def test_a_run_that_fails_mid_way_leaves_whole_shards_and_the_next_run_finishes_it(tmp_path, corpus,
                                                                                   monkeypatch):
    db = tmp_path / "h.duckdb"
    real = manifest.mark_done
    calls = []

    def failing(con, shard_id, **kw):  # the third shard's commit fails after its rows were inserted
        calls.append(shard_id)
        if len(calls) == 3:
            raise RuntimeError("simulated crash inside the transaction")
        real(con, shard_id, **kw)

    monkeypatch.setattr(manifest, "mark_done", failing)
    with pytest.raises(RuntimeError):
        _run(db, [corpus])
    monkeypatch.setattr(manifest, "mark_done", real)
    rows = _manifest(db)
    assert [r[2] for r in rows].count("done") == 2 and [r[2] for r in rows].count("pending") == 8
    assert _stored_ids(db) == set().union(*(r[3] for r in rows if r[2] == "done"))  # nothing half stored
    resumed = _run(db, [corpus])
    assert resumed.n_shards_skipped == 2
    clean = tmp_path / "clean.duckdb"
    _run(clean, [corpus])
    assert dump(db) == dump(clean)


def test_other_settings_or_recode_code_the_shards_again(tmp_path, corpus):
    db = tmp_path / "h.duckdb"
    _run(db, [corpus])
    loose = _run(db, [corpus], settings=Settings(require_dyad=False))
    assert loose.n_shards_skipped == 0 and loose.n_coded == 20
    assert _run(db, [corpus], settings=Settings(require_dyad=False)).n_shards_skipped == 10
    base = settings_hash(Settings(), published=None, source=None)
    assert settings_hash(Settings(batch_size=7), published=None, source=None) == base  # no effect on codes
    for other in (settings_hash(Settings(), published=date(2020, 1, 1), source=None),
                  settings_hash(Settings(), published=None, source="wire"),
                  settings_hash(Settings(actor_files=(corpus / "t1.txt",)), published=None, source=None)):
        assert other != base


def test_cli_second_run_on_a_folder_says_it_was_already_coded(tmp_path, corpus):
    db = tmp_path / "h.duckdb"
    runner = CliRunner()
    args = ["code", str(corpus), "--db", str(db), "--format", "jsonl", "--workers", "1", "--shard-lines", "3"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    events = [json.loads(line) for line in first.stdout.splitlines() if line.startswith("{")]
    assert len(events) >= 20
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert not [line for line in second.stdout.splitlines() if line.startswith("{")]
    assert "10 of 10 shards were already coded" in second.stderr
    third = runner.invoke(app, [*args, "--recode"])
    assert third.exit_code == 0 and len([ln for ln in third.stdout.splitlines() if ln.startswith("{")]) == len(events)


def test_cli_ray_engine_refuses_stdin_and_local_refuses_an_address(tmp_path, corpus):
    runner = CliRunner()
    db = str(tmp_path / "h.duckdb")
    out = runner.invoke(app, ["code", "-", "--db", db, "--engine", "ray"], input="Iran condemned Israel.\n")
    assert out.exit_code == 2 and "standard input" in out.stderr
    out = runner.invoke(app, ["code", str(corpus), "--db", db, "--address", "ray://x:10001"])
    assert out.exit_code == 2 and "--engine ray" in out.stderr
