"""The DuckDB store: migrations, idempotent writes, crash safety, one transaction per batch."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from heron.records import Actor, Article, CodedArticle, Count, Event, Mention, Place, Sentence
from heron.store import Store
from heron.store.migrations import MIGRATIONS


def _coded(article_id: str, *, n_events: int = 2) -> CodedArticle:
    art = Article(id=article_id, text="Iran condemned Israel. Police arrested 12 protesters in Tehran.",
                  published=date(2020, 5, 1), source="Wire")
    events = [
        Event(event_id=f"{article_id}-{i}", article_id=article_id, sentence_index=i, sentence_text="s",
              start=0, end=5, cameo_code="111", cameo_root="11", cameo_name="Criticize", goldstein=-2.0,
              quad_class=3, penta_class=3, plover_type="DISAPPROVE", plover_mode="",
              source_code="IRN", source_country="IRN", target_code="ISR", target_country="ISR",
              source_sectors=["GOV"], date=date(2020, 5, 1))
        for i in range(n_events)
    ]
    actor = Actor(name="Iran", code="IRN", country="IRN")
    return CodedArticle(
        article=art,
        sentences=[Sentence(article_id, 0, 0, 22, "Iran condemned Israel.")],
        mentions=[Mention(0, 0, 4, 0, 1, 0, "Iran", (actor,))],
        events=events,
        places=[Place(article_id, 1, 52, 58, "Tehran", "Tehran", 112931, "IRN", "26", 35.69, 51.42, "capital")],
        counts=[Count(article_id, 1, "arrested", 12, "exact", "arrested 12 protesters")],
    )


def test_migrations_apply_once_and_in_order(tmp_path):
    path = tmp_path / "h.duckdb"
    with Store(path) as store:
        assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)
    with Store(path) as store:  # reopening applies nothing new
        assert store.migrate() == []


def test_migration_adds_missing_step_to_old_database(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    name, sql = MIGRATIONS[0]
    con.execute(sql)
    con.execute("INSERT INTO schema_migrations VALUES (?, now())", [name])
    con.close()
    with Store(path) as store:
        assert name in store.applied_migrations()
        assert len(store.applied_migrations()) == len(MIGRATIONS)
        assert store.count("learned_actors") == 0


def test_recoding_an_article_replaces_its_rows(tmp_path):
    with Store(tmp_path / "h.duckdb") as store:
        store.write([_coded("a1", n_events=2), _coded("a2", n_events=1)])
        store.write([_coded("a1", n_events=3)])
        assert store.count("articles") == 2
        assert store.count("events") == 4
        assert store.count("places") == 2
        assert store.count("counts") == 2
        assert store.count("mentions") == 2


def test_failed_batch_rolls_back_and_keeps_committed_rows(tmp_path):
    path = tmp_path / "h.duckdb"
    with Store(path) as store:
        store.write([_coded("good")])
        bad = _coded("bad")
        bad.events[0].goldstein = "not a number"  # type: ignore[assignment]  # DuckDB refuses the batch
        with pytest.raises(Exception):
            store.write([_coded("also-in-batch"), bad])
        assert store.count("articles") == 1
    with Store(path) as store:  # reopened: the committed article survived
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()]
        assert ids == ["good"]
        assert store.count("events") == 2


def test_runs_record_settings_and_problems(tmp_path):
    from heron.records import ReadProblem

    with Store(tmp_path / "h.duckdb") as store:
        run = store.begin_run(coder_version="heron-test", model="m", settings={"require_dyad": True})
        store.finish_run(run, n_read=3, n_coded=2, problems=[ReadProblem("x.jsonl", 2, "invalid-json")])
        row = store.con.execute("SELECT n_read, n_coded, n_skipped, problems FROM runs").fetchone()
        assert row[:3] == (3, 2, 1)
        assert "invalid-json" in row[3]


def test_read_only_store_requires_existing_file(tmp_path):
    from heron.errors import StoreError

    with pytest.raises(StoreError, match="E003"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_memory_store():
    with Store(":memory:") as store:
        store.write([_coded("m")])
        assert store.count("events") == 2
