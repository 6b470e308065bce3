"""An integrity check of a Heron store: what must hold after any crash, kill or concurrent misuse.

``check_integrity(store)`` returns the problems found (an empty list for a sound store):

* no row of ``sentences``, ``mentions``, ``events``, ``counts`` or ``places`` belongs to an article
  that is not in ``articles`` (a half-written article);
* no duplicate ids: ``articles.id``, ``events.event_id``, a sentence's (article, index), a
  mention member's (article, mention, member);
* an article's ``n_sentences`` and ``n_events`` match the rows stored for it;
* the runs table is consistent: every article names a run that exists; a finished run has its
  figures (read, coded, skipped) and did not finish before it started;
* where a shard manifest exists (``heron code`` on files), every article of a ``done`` shard is
  stored.

A run that was killed stays in ``runs`` without ``finished_at``: that is a record of the
interruption, not a fault.
"""

from __future__ import annotations

from heron.store.migrations import ARTICLE_TABLES

_UNIQUE = (
    ("articles", ("id",)),
    ("events", ("event_id",)),
    ("sentences", ("article_id", "sentence_index")),
    ("mentions", ("article_id", "mention_index", "member")),
)


def check_integrity(store) -> list[str]:
    """The integrity problems of ``store`` (a :class:`heron.store.Store`), in words; [] when sound."""
    con = store.con
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    problems: list[str] = []

    def scalar(sql: str) -> int:
        return con.execute(sql).fetchone()[0]

    for table in ARTICLE_TABLES:
        n = scalar(f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                   f"(SELECT 1 FROM articles a WHERE a.id = t.article_id)")
        if n:
            problems.append(f"{n} rows of {table} belong to no stored article")
    for table, key in _UNIQUE:
        cols = ", ".join(key)
        n = scalar(f"SELECT count(*) FROM (SELECT {cols} FROM {table} GROUP BY {cols} HAVING count(*) > 1)")
        if n:
            problems.append(f"{n} duplicate ({cols}) in {table}")
    for column, table in (("n_sentences", "sentences"), ("n_events", "events")):
        n = scalar(f"""SELECT count(*) FROM articles a WHERE a.{column} IS DISTINCT FROM
                       (SELECT count(*) FROM {table} t WHERE t.article_id = a.id)""")
        if n:
            problems.append(f"{n} articles whose {column} differs from their rows in {table}")
    n = scalar("SELECT count(*) FROM articles a WHERE a.run_id IS NOT NULL AND NOT EXISTS "
               "(SELECT 1 FROM runs r WHERE r.run_id = a.run_id)")
    if n:
        problems.append(f"{n} articles name a run that is not in runs")
    n = scalar("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL AND (n_read IS NULL OR n_coded IS NULL "
               "OR n_skipped IS NULL OR finished_at < started_at)")
    if n:
        problems.append(f"{n} finished runs without their figures or finished before they started")
    if "shard_manifest" in tables:
        n = scalar("""SELECT count(*) FROM (SELECT unnest(article_ids) AS id FROM shard_manifest
                      WHERE state = 'done') d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.id)""")
        if n:
            problems.append(f"{n} articles of done shards are not stored")
    return problems
