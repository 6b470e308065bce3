"""The embedded DuckDB event store: one writer, migrations, idempotent article writes.

Each batch of articles is written in one transaction: a crash loses at most the batch in flight,
never what was already committed. Re-coding an article with the same id first deletes its rows,
so there are never duplicates.
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from heron.errors import StoreError
from heron.records import CodedArticle, ReadProblem
from heron.store import learned, opening
from heron.store.migrations import ARTICLE_TABLES, MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

DEFAULT_DB = "heron.duckdb"
# Every table a Heron store holds: the only names that are ever put into SQL text.
TABLES = ("runs", "articles", *ARTICLE_TABLES, "learned_actors", "schema_migrations", "schema_version")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """A Heron database. ``Store(":memory:")`` for a throwaway one."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}. Fix: run `heron code ... --db {self.path}` first.")
        self.con = opening.connect(self.path, read_only=read_only)
        if read_only:
            self._check_read_only_schema()
        else:
            self.migrate()

    # -- schema -----------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the migrations this database lacks, in order; return their names.

        Refuses (StoreError) a database written by a newer Heron: one that records a schema step
        this Heron does not know, or a higher schema version.
        """
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        done = set(self.applied_migrations())
        self._refuse_newer(done, self._recorded_version())
        applied = []
        for number, (name, sql) in enumerate(MIGRATIONS, start=1):
            if name in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [name, _now()])
                self._record_version(number)
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed on {self.path}: {exc}. Fix: restore a backup of "
                                 f"this file, or re-code your inputs into a new --db file.") from exc
            applied.append(name)
            log.info("applied migration %s to %s", name, self.path)
        if self._recorded_version() != SCHEMA_VERSION:  # a store from before versions were recorded
            self._record_version(SCHEMA_VERSION)
        return applied

    def schema_version(self) -> int:
        """The schema version this database records (0 when it records none)."""
        return self._recorded_version()

    def _recorded_version(self) -> int:
        try:
            row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.CatalogException:
            return 0
        return row[0] or 0

    def _record_version(self, version: int) -> None:
        self.con.execute("DELETE FROM schema_version")
        self.con.execute("INSERT INTO schema_version VALUES (?)", [version])

    def _refuse_newer(self, done: set[str], version: int) -> None:
        known = {name for name, _ in MIGRATIONS}
        unknown = sorted(done - known)
        if unknown or version > SCHEMA_VERSION:
            what = f"schema steps {', '.join(unknown)}" if unknown else f"schema version {version}"
            raise StoreError(
                f"{self.path} was written by a newer Heron ({what}; this Heron knows schema version "
                f"{SCHEMA_VERSION}) and might be misread. Fix: upgrade Heron (pip install --upgrade "
                f"heron-events) to read it, or use another --db file."
            )

    def _check_read_only_schema(self) -> None:
        """A read-only open: refuse a newer store; upgrade an older one first (briefly writing)."""
        if self.path == ":memory:":
            return
        try:
            done = set(self.applied_migrations())
        except duckdb.CatalogException:
            return  # not a Heron store; its queries will say what is missing
        self._refuse_newer(done, self._recorded_version())
        if done >= {name for name, _ in MIGRATIONS} and self._recorded_version() == SCHEMA_VERSION:
            return
        self.con.close()
        with Store(self.path):  # migrates
            pass
        self.con = opening.connect(self.path, read_only=True)

    def applied_migrations(self) -> list[str]:
        """The names of the migrations applied to this database, in name order."""
        return [r[0] for r in self.con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]

    # -- runs -------------------------------------------------------------------------------
    def begin_run(self, *, coder_version: str, model: str, settings: dict[str, Any]) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, coder_version, model, settings) VALUES (?, ?, ?, ?, ?)",
            [run_id, _now(), coder_version, model, json.dumps(settings, default=str)],
        )
        return run_id

    def finish_run(self, run_id: str, *, n_read: int, n_coded: int, problems: Sequence[ReadProblem]) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, n_read = ?, n_coded = ?, n_skipped = ?, problems = ? WHERE run_id = ?",
            [_now(), n_read, n_coded, len(problems), json.dumps([asdict(p) for p in problems]), run_id],
        )

    # -- writing ----------------------------------------------------------------------------
    def write(self, batch: Iterable[CodedArticle], *, run_id: str | None = None, learn_people: bool = True) -> int:
        """Store a batch of coded articles in one transaction, replacing earlier codings."""
        batch = list(batch)
        if not batch:
            return 0
        rows = _flatten(batch, run_id=run_id)
        ids = [c.article.id for c in batch]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("CREATE OR REPLACE TEMP TABLE _ids AS SELECT unnest(?::VARCHAR[]) AS id", [ids])
            for table in (*ARTICLE_TABLES, "articles"):
                key = "id" if table == "articles" else "article_id"
                self.con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT id FROM _ids)")
            for table, table_rows in rows.items():
                if table_rows:
                    self._insert(table, table_rows)
            if learn_people:
                learned.learn(self.con, batch)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(batch)

    def write_tables(self, tables: Mapping[str, pa.Table], *, replace: Iterable[str],
                     people: Sequence[dict[str, Any]] = (), then: Callable[[Any], None] | None = None) -> None:
        """Store rows already flattened by :func:`flatten_tables` (what shard workers send back),
        in one transaction: the rows of the articles in ``replace`` go first, then the tables are
        inserted, the ``people`` learned, and ``then(con)`` runs (a shard manifest's update)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("CREATE OR REPLACE TEMP TABLE _ids AS SELECT unnest(?::VARCHAR[]) AS id",
                             [sorted(set(replace))])
            for table in (*ARTICLE_TABLES, "articles"):
                key = "id" if table == "articles" else "article_id"
                self.con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT id FROM _ids)")
            for table in ("articles", *ARTICLE_TABLES):
                if table in tables and tables[table].num_rows:
                    self._insert_arrow(table, tables[table])
            learned.upsert_people(self.con, list(people))
            if then is not None:
                then(self.con)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _insert_arrow(self, table: str, arrow: pa.Table) -> None:
        columns = [c[0] for c in self.con.execute(f"DESCRIBE {table}").fetchall()]
        present = set(arrow.column_names)
        self.con.register("_incoming", arrow)
        try:
            quoted = ", ".join(f'"{c}"' for c in columns if c in present)
            self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _incoming")
        finally:
            with contextlib.suppress(duckdb.Error):  # in an aborted transaction: keep the first error
                self.con.unregister("_incoming")

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        columns = [c[0] for c in self.con.execute(f"DESCRIBE {table}").fetchall()]
        arrow = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows])
        self.con.register("_incoming", arrow)
        try:
            quoted = ", ".join(f'"{c}"' for c in columns)
            self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    # -- reading ----------------------------------------------------------------------------
    def count(self, table: str) -> int:
        """Rows in one of Heron's tables (a name from the fixed list ``TABLES``, never pasted SQL)."""
        if table not in TABLES:
            raise StoreError(f"unknown table {table!r}. Fix: choose one of {', '.join(TABLES)}.")
        return self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]

    def query(self, sql: str, params: Sequence[Any] = ()):
        """Run SQL and return a pandas DataFrame."""
        return self.con.execute(sql, list(params)).df()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def flatten_tables(batch: Sequence[CodedArticle], *, run_id: str | None) -> dict[str, pa.Table]:
    """A batch's rows as one Arrow table per store table (for :meth:`Store.write_tables`)."""
    return {table: pa.Table.from_pylist(rows) for table, rows in _flatten(batch, run_id=run_id).items() if rows}


def _last_per_id(batch: Sequence[CodedArticle]) -> list[CodedArticle]:
    """One coding per article id: when a batch holds the same id twice (two records of the inputs
    give it), the later one wins, as a re-coding would, and the first is named in a warning."""
    kept: dict[str, CodedArticle] = {}
    for coded in batch:
        earlier = kept.get(coded.article.id)
        if earlier is not None:
            log.warning("%s has the id %r of %s, read before it: the later one is kept", coded.article.origin,
                        coded.article.id, earlier.article.origin)
        kept[coded.article.id] = coded
    return list(kept.values())


def _flatten(batch: Sequence[CodedArticle], *, run_id: str | None) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in ("articles", *ARTICLE_TABLES)}
    now = _now()
    for coded in _last_per_id(batch):
        a = coded.article
        out["articles"].append(
            {
                "id": a.id, "title": a.title, "published": a.published, "source": a.source, "url": a.url,
                "language": a.language, "origin": a.origin, "text": a.text, "status": "coded",
                "n_sentences": len(coded.sentences), "n_events": len(coded.events), "run_id": run_id,
                "coded_at": now,
            }
        )
        out["sentences"].extend(
            {"article_id": s.article_id, "sentence_index": s.index, "start": s.start, "end": s.end, "text": s.text}
            for s in coded.sentences
        )
        for i, m in enumerate(coded.mentions):
            for member, actor in enumerate(m.actors):
                out["mentions"].append(
                    {
                        "article_id": a.id, "mention_index": i, "sentence_index": m.sentence_index,
                        "start": m.start, "end": m.end, "text": m.text, "member": member,
                        "name": actor.name, "code": actor.code, "country": actor.country,
                        "sectors": list(actor.sectors), "kind": actor.kind, "role": actor.role,
                        "title": actor.title, "provenance": actor.provenance,
                        "resolved_by": m.resolved_by, "antecedent": m.antecedent,
                    }
                )
        out["events"].extend(e.to_row() for e in coded.events)
        out["counts"].extend(asdict(c) for c in coded.counts)
        out["places"].extend(asdict(p) for p in coded.places)
    return out
