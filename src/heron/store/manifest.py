"""The shard manifest: which parts of which inputs a store has coded, and from what content.

One row per shard (a file, or a range of lines or rows of a big file; see ``heron.shards``).
``state`` is ``pending`` from the moment a run plans to code the shard and ``done`` once its
articles are committed; the rows of a shard and its ``done`` mark are written in the same
transaction (``Store.write_tables(..., then=...)``), so a shard is never half stored. A shard is
skipped by a later run only while its ``content_hash`` (the bytes it covers) and ``settings_hash``
(how it was coded) are unchanged; ``article_ids`` lets a re-coding remove the articles an edited
shard no longer holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

PENDING = "pending"
DONE = "done"

COLUMNS = ("shard_id", "path", "part", "kind", "first_line", "n_lines", "content_hash", "settings_hash",
           "state", "n_read", "n_articles", "article_ids", "run_id", "updated_at")


@dataclass(frozen=True, slots=True)
class ManifestRow:
    shard_id: str
    content_hash: str
    settings_hash: str
    state: str
    article_ids: tuple[str, ...]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def rows_for(con, shard_ids: Sequence[str]) -> dict[str, ManifestRow]:
    """The manifest rows of these shards (those it has), by shard id."""
    if not shard_ids:
        return {}
    cur = con.execute(
        "SELECT shard_id, content_hash, settings_hash, state, article_ids FROM shard_manifest "
        "WHERE shard_id IN (SELECT unnest(?::VARCHAR[]))", [list(shard_ids)])
    return {r[0]: ManifestRow(r[0], r[1], r[2], r[3], tuple(r[4] or ())) for r in cur.fetchall()}


def mark_pending(con, shards: Iterable, *, settings_hash: str, run_id: str) -> None:
    """Record that ``run_id`` is about to code these shards (one transaction).

    A shard already listed keeps its ``article_ids`` (what the store holds from its last coding),
    so the re-coding can replace them.
    """
    rows = [(s.shard_id, s.path, s.part, s.kind, s.first_line, s.n_lines, s.content_hash, settings_hash,
             PENDING, run_id, _now()) for s in shards]
    if not rows:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        for row in rows:
            updated = con.execute(
                "UPDATE shard_manifest SET path = ?, part = ?, kind = ?, first_line = ?, n_lines = ?, "
                "content_hash = ?, settings_hash = ?, state = ?, run_id = ?, updated_at = ? WHERE shard_id = ? "
                "RETURNING shard_id", [*row[1:], row[0]]).fetchall()
            if not updated:
                con.execute("INSERT INTO shard_manifest (shard_id, path, part, kind, first_line, n_lines, "
                            "content_hash, settings_hash, state, run_id, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", list(row))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def mark_done(con, shard_id: str, *, n_read: int, article_ids: Sequence[str], run_id: str) -> None:
    """Mark one shard coded (inside the caller's transaction, the one that wrote its rows)."""
    con.execute(
        "UPDATE shard_manifest SET state = ?, n_read = ?, n_articles = ?, article_ids = ?, run_id = ?, "
        "updated_at = ? WHERE shard_id = ?",
        [DONE, n_read, len(article_ids), list(article_ids), run_id, _now(), shard_id])


def stale_rows(con, paths: Sequence[str], live: Sequence[str]) -> dict[str, ManifestRow]:
    """Rows for parts of these files that the files no longer have (a file that shrank)."""
    if not paths:
        return {}
    cur = con.execute(
        "SELECT shard_id, content_hash, settings_hash, state, article_ids FROM shard_manifest "
        "WHERE path IN (SELECT unnest(?::VARCHAR[])) AND shard_id NOT IN (SELECT unnest(?::VARCHAR[]))",
        [list(paths), list(live)])
    return {r[0]: ManifestRow(r[0], r[1], r[2], r[3], tuple(r[4] or ())) for r in cur.fetchall()}


def forget(con, shard_ids: Sequence[str]) -> None:
    """Drop these shards' rows (inside the caller's transaction)."""
    con.execute("DELETE FROM shard_manifest WHERE shard_id IN (SELECT unnest(?::VARCHAR[]))", [list(shard_ids)])


def articles_of(con, shard_ids: Sequence[str]) -> set[str]:
    """Every article id the manifest records for these shards."""
    if not shard_ids:
        return set()
    cur = con.execute("SELECT DISTINCT unnest(article_ids) FROM shard_manifest "
                      "WHERE shard_id IN (SELECT unnest(?::VARCHAR[]))", [list(shard_ids)])
    return {r[0] for r in cur.fetchall()}


def summary(con) -> dict[str, int]:
    """Shards by state, for a progress report."""
    return dict(con.execute("SELECT state, count(*) FROM shard_manifest GROUP BY state").fetchall())
