"""The run: workers give the same events as one process; one article's failure spares the rest."""

from __future__ import annotations

import json

import pytest

from heron.pipeline import Coder
from heron.runner import code_inputs
from heron.settings import Settings
from heron.store import Store

TEXTS = [
    "Turkish police arrested 14 protesters in Istanbul on Monday.",
    "Iran condemned the United States on Tuesday for new sanctions.",
    "The Egyptian foreign minister met his Jordanian counterpart in Cairo.",
    "Israeli aircraft struck Hamas positions in Gaza, killing three people.",
    "China urged Japan to return to talks over the disputed islands.",
    "Kenyan troops clashed with al-Shabaab fighters near the Somali border.",
    "The European Union imposed sanctions on Belarus over the crackdown.",
    "Pakistan accused India of violating the ceasefire in Kashmir.",
    "Brazil and Argentina signed a trade agreement in Buenos Aires.",
]


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "published": "2020-02-05"}) + "\n"
                            for i, t in enumerate(TEXTS)), encoding="utf-8")
    return path


def _events(db):
    with Store(db) as store:
        return sorted(store.con.execute(
            "SELECT article_id, sentence_index, source_code, cameo_code, target_code FROM events").fetchall())


def test_two_workers_code_like_one(tmp_path, corpus):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    with Store(one) as store:
        s1 = code_inputs([corpus], store=store, workers=1)
    with Store(two) as store:
        s2 = code_inputs([corpus], store=store, workers=2)
    assert s1.n_coded == s2.n_coded == len(TEXTS)
    assert _events(one) == _events(two)
    assert len(_events(one)) >= len(TEXTS) // 2


def test_a_failing_article_is_reported_and_the_rest_stored(tmp_path, corpus, monkeypatch):
    original = Coder.code_doc

    def flaky(self, doc, article):
        if article.id == "a3":
            raise RuntimeError("simulated failure")
        return original(self, doc, article)

    monkeypatch.setattr(Coder, "code_doc", flaky)
    db = tmp_path / "h.duckdb"
    with Store(db) as store:
        summary = code_inputs([corpus], store=store, workers=1, settings=Settings())
        stored = {r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()}
        problems = store.con.execute("SELECT problems FROM runs").fetchone()[0]
    assert "a3" not in stored and len(stored) == len(TEXTS) - 1
    assert [p.reason for p in summary.problems] == ["coding-error"]
    problem = summary.problems[0]
    assert problem.origin == str(corpus) and problem.line == 4 and "a3" in problem.detail
    assert "coding-error" in problems
