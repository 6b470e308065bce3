"""People learned from articles: a reviewable actor table that later articles can use.

A person is learned when an article names them in full together with enough context to code them
("Iranian Defense Minister Hossein Dehqan": a country and a role), not from a dictionary. Later
articles that name the person without that context get the learned code, with provenance
``learned:<article id>``. Analysts review the table with ``heron actors`` and can edit it (export,
change, load back); reviewed rows are never overwritten by what the coder learns later.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import pyarrow as pa

from heron.records import CodedArticle

COLUMNS = ("name", "code", "country", "sectors", "role", "first_seen", "last_seen", "source_article",
           "n_articles", "reviewed")


def people_to_learn(batch: Iterable[CodedArticle]) -> list[dict[str, Any]]:
    """Fully named people coded from their own context in these articles."""
    found: dict[str, dict[str, Any]] = {}
    for coded in batch:
        seen = coded.article.published
        for m in coded.mentions:
            if m.resolved_by != "dictionary" or len(m.actors) != 1:
                continue
            a = m.actors[0]
            if a.kind != "person" or not a.country or len(a.name.split()) < 2:
                continue
            if not a.provenance.startswith("builtin:mention"):
                continue  # already known from a dictionary or learned earlier
            found.setdefault(a.name, {
                "name": a.name, "code": a.code, "country": a.country, "sectors": list(a.sectors),
                "role": a.role, "first_seen": seen, "last_seen": seen, "source_article": coded.article.id,
                "n_articles": 1, "reviewed": False,
            })
    return list(found.values())


def learn(con, batch: Iterable[CodedArticle]) -> int:
    """Upsert the people found in ``batch`` (inside the caller's transaction)."""
    return upsert_people(con, people_to_learn(batch))


def upsert_people(con, rows: list[dict[str, Any]]) -> int:
    """Upsert rows found by :func:`people_to_learn` (a worker finds them, the writer stores them)."""
    if not rows:
        return 0
    con.register("_learned", pa.Table.from_pylist(rows))
    try:
        con.execute(
            """
            INSERT INTO learned_actors SELECT * FROM _learned
            ON CONFLICT (name) DO UPDATE SET
                code = CASE WHEN learned_actors.reviewed THEN learned_actors.code ELSE excluded.code END,
                country = CASE WHEN learned_actors.reviewed THEN learned_actors.country ELSE excluded.country END,
                sectors = CASE WHEN learned_actors.reviewed THEN learned_actors.sectors ELSE excluded.sectors END,
                role = CASE WHEN learned_actors.reviewed THEN learned_actors.role ELSE excluded.role END,
                first_seen = least(learned_actors.first_seen, excluded.first_seen),
                last_seen = greatest(learned_actors.last_seen, excluded.last_seen),
                n_articles = learned_actors.n_articles + 1
            """
        )
    finally:
        con.unregister("_learned")
    return len(rows)


def learned_rows(con) -> list[dict[str, Any]]:
    cur = con.execute(f"SELECT {', '.join(COLUMNS)} FROM learned_actors ORDER BY name")
    return [dict(zip(COLUMNS, r)) for r in cur.fetchall()]


def load_reviewed(con, rows: Iterable[dict[str, Any]]) -> int:
    """Replace rows with the analyst's edited versions, marked reviewed."""
    n = 0
    for r in rows:
        sectors = r.get("sectors") or []
        if isinstance(sectors, str):
            sectors = [s for s in sectors.replace(",", ";").split(";") if s]
        con.execute("DELETE FROM learned_actors WHERE name = ?", [r["name"]])
        con.execute(
            "INSERT INTO learned_actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)",
            [r["name"], r.get("code"), r.get("country") or None, sectors, r.get("role") or None,
             _date(r.get("first_seen")), _date(r.get("last_seen")), r.get("source_article") or None,
             int(r.get("n_articles") or 1)],
        )
        n += 1
    return n


def _date(v: Any) -> date | None:
    if v in (None, ""):
        return None
    return v if isinstance(v, date) else date.fromisoformat(str(v))
