"""Schema versions: an older store is upgraded in place by the named steps; a newer one is refused."""

from __future__ import annotations

import duckdb
import pytest

from heron.errors import StoreError
from heron.store import Store
from heron.store.migrations import MIGRATIONS, SCHEMA_VERSION


def _old_store(path, k: int, *, record_version: bool) -> None:
    """A store as a Heron with only the first ``k`` schema steps would have left it, with one article."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    for name, sql in MIGRATIONS[:k]:
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, now())", [name])
    if record_version:
        con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        con.execute("INSERT INTO schema_version VALUES (?)", [k])
    con.execute("INSERT INTO articles (id, title, text, status) VALUES ('old-1', 'Kept', 'Iran met Iraq.', 'coded')")
    con.execute("INSERT INTO events (event_id, article_id, cameo_code) VALUES ('old-1-e0', 'old-1', '036')")
    con.close()


@pytest.mark.parametrize("record_version", [False, True], ids=["unversioned", "versioned"])
@pytest.mark.parametrize("k", range(1, len(MIGRATIONS)))
@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_older_store_is_migrated_in_place_and_keeps_its_rows(tmp_path, k, record_version, read_only):
    path = tmp_path / "old.duckdb"
    _old_store(path, k, record_version=record_version)
    with Store(path, read_only=read_only) as store:
        assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)
        assert store.schema_version() == SCHEMA_VERSION
        assert store.con.execute("SELECT id, title FROM articles").fetchall() == [("old-1", "Kept")]
        assert store.con.execute("SELECT event_id FROM events").fetchall() == [("old-1-e0",)]
        assert store.count("learned_actors") == 0  # the last step's table exists
    with Store(path) as store:  # a second open finds nothing left to do
        assert store.migrate() == []


def test_new_store_records_the_current_version(tmp_path):
    with Store(tmp_path / "h.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION == len(MIGRATIONS)


@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_store_with_an_unknown_step_is_refused(tmp_path, read_only):
    path = tmp_path / "future.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations VALUES ('9001_from_the_future', now())")
    con.close()
    with pytest.raises(StoreError, match=r"newer Heron.*9001_from_the_future.*upgrade Heron"):
        Store(path, read_only=read_only)
    con = duckdb.connect(str(path), read_only=True)  # refused, not touched
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS) + 1
    con.close()


@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_store_with_a_higher_version_is_refused(tmp_path, read_only):
    path = tmp_path / "future.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match=rf"schema version {SCHEMA_VERSION + 1}.*upgrade Heron"):
        Store(path, read_only=read_only)


def test_cli_refuses_a_newer_store_without_a_traceback(tmp_path):
    from typer.testing import CliRunner

    from heron.cli import app

    path = tmp_path / "future.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION + 5])
    con.close()
    result = CliRunner().invoke(app, ["top", "--db", str(path)])
    assert result.exit_code == 2
    assert "upgrade Heron" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
