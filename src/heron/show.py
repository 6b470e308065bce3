"""An article as an analyst checks it: each sentence with its actors, events, places and counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from heron.errors import InputError
from heron.store import Store


@dataclass
class SentenceView:
    index: int
    text: str
    mentions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    counts: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ArticleView:
    article: dict[str, Any]
    sentences: list[SentenceView]


def _fetch(store: Store, sql: str, article_id: str) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, [article_id])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def article_view(store: Store, article_id: str) -> ArticleView:
    """Everything stored for one article, grouped by sentence."""
    found = _fetch(store, "SELECT * EXCLUDE (text) FROM articles WHERE id = ?", article_id)
    if not found:
        hint = store.con.execute("SELECT id FROM articles WHERE id ILIKE ? LIMIT 5", [f"%{article_id}%"]).fetchall()
        near = f" Did you mean: {', '.join(r[0] for r in hint)}?" if hint else ""
        raise InputError(f"no article {article_id!r} in {store.path}.{near} Fix: `heron export --table articles`.")
    sentences = {
        r["sentence_index"]: SentenceView(r["sentence_index"], r["text"])
        for r in _fetch(store, "SELECT * FROM sentences WHERE article_id = ? ORDER BY sentence_index", article_id)
    }
    for table, attr, order in (
        ("mentions", "mentions", "mention_index, member"),
        ("events", "events", "start"),
        ("places", "places", "start"),
        ("counts", "counts", "start"),
    ):
        for r in _fetch(store, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}", article_id):
            view = sentences.get(r["sentence_index"])
            if view is not None:
                getattr(view, attr).append(r)
    return ArticleView(article=found[0], sentences=[sentences[k] for k in sorted(sentences)])
