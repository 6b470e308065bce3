"""Small hand-built stores for the query tests: every event is written through Store.write."""

from __future__ import annotations

from datetime import date

import pytest

from heron.records import Article, CodedArticle, Event
from heron.store import Store

# code -> (name, goldstein, quad_class, penta_class): the few facts these tests need.
CODES = {
    "036": ("express intent to meet", 4.0, 1, 1),
    "040": ("consult", 1.0, 1, 1),
    "042": ("make a visit", 1.9, 1, 1),
    "043": ("host a visit", 2.8, 1, 1),
    "057": ("sign formal agreement", 8.0, 1, 1),
    "061": ("cooperate economically", 6.4, 2, 2),
    "111": ("criticize or denounce", -2.0, 3, 3),
    "112": ("accuse", -2.0, 3, 3),
    "1121": ("accuse of crime, corruption", -2.0, 3, 3),
    "190": ("use conventional military force", -10.0, 4, 4),
    "193": ("fight with small arms", -10.0, 4, 4),
}


def actor(code: str | None):
    """'IRNGOV' -> (code, country, name); codes of 3 letters or more starting with an ISO3 country."""
    if code is None:
        return None, None, None
    country = code[:3] if code[:3] not in ("IGO", "IMG", "NGO") else None
    return code, country, code


def ev(article_id: str, i: int, when: date | None, src: str | None, tgt: str | None, code: str, *,
       loc: str | None = None, src_country: str | None = "auto", tgt_country: str | None = "auto") -> Event:
    name, gold, quad, penta = CODES[code]
    s_code, s_country, s_name = actor(src)
    t_code, t_country, t_name = actor(tgt)
    return Event(
        event_id=f"{article_id}:{i}", article_id=article_id, sentence_index=i, sentence_text=f"sentence {i}",
        start=10 * i, end=10 * i + 5, cameo_code=code, cameo_root=code[:2], cameo_name=name, goldstein=gold,
        quad_class=quad, penta_class=penta, plover_type="CONSULT", plover_mode="",
        source_code=s_code, source_country=s_country if src_country == "auto" else src_country, source_name=s_name,
        target_code=t_code, target_country=t_country if tgt_country == "auto" else tgt_country, target_name=t_name,
        date=when, date_precision="day" if when else "none", location_country=loc,
        location_name={"IRN": "Tehran", "SYR": "Damascus", "RUS": "Moscow"}.get(loc),
    )


def article(article_id: str, published: date | None, source: str | None, events: list[Event]) -> CodedArticle:
    a = Article(id=article_id, text="text", title=article_id, published=published, source=source)
    return CodedArticle(article=a, sentences=[], mentions=[], events=events, places=[], counts=[])


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def write(store: Store, article_id: str, published: date | None, source: str | None, specs) -> list[str]:
    """Write one article with events given as (date, src, tgt, code[, {ev keywords}]) tuples."""
    events = []
    for i, spec in enumerate(specs):
        when, src, tgt, code, *rest = spec
        events.append(ev(article_id, i, when, src, tgt, code, **(rest[0] if rest else {})))
    store.write([article(article_id, published, source, events)])
    return [e.event_id for e in events]


@pytest.fixture
def writer():
    """The ``write`` helper, for tests that build their own (file) store."""
    return write


@pytest.fixture
def build(store):
    """build(article_id, published, source, [(date, src, tgt, code, {kw}), ...]) -> list of event ids."""

    def _build(article_id: str, published: date | None, source: str | None, specs) -> list[str]:
        return write(store, article_id, published, source, specs)

    return _build
