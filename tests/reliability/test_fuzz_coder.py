"""The coder and the store on arbitrary Unicode (issue 15.1), and the defects fuzzing found.

Hypothesis feeds the coder texts of control characters, right-to-left and zero-width marks,
emoji, odd digits and brackets; every coded article must be storable and its offsets must point
into its text. The huge cases (a 200 k-token article, a 60 MB single line) are cut with a warning
and parsed in bounded sentences, never held as one sentence of tens of thousands of tokens.
"""

from __future__ import annotations

import logging

import pytest
from hypothesis import given
from typer.testing import CliRunner

from heron.cli import app
from heron.counts.numbers import MAX_COUNT, parse_number
from heron.nlp.components import MAX_SENTENCE_TOKENS
from heron.records import Article, CodedArticle, Count
from heron.runner import _write_chunk
from heron.store import Store
from heron.store.integrity import check_integrity
from tests.reliability.strategies import FEW, any_text


def _storable(coded: CodedArticle) -> None:
    text = coded.article.text
    for s in coded.sentences:
        assert 0 <= s.start <= s.end <= len(text)
    for e in coded.events:
        assert 0 <= e.start <= e.end <= len(text), e
        for value in (e.sentence_text, e.trigger, e.reason, e.source_text or "", e.target_text or ""):
            value.encode("utf-8")
    for c in coded.counts:
        assert 0 <= c.value <= MAX_COUNT


@FEW
@given(text=any_text)
def test_arbitrary_unicode_is_coded_and_stored(coder, text):
    if not text.strip():
        text = "\u200b" + text + "x"
    article = Article(id="f", text=text)
    coded = list(coder.code_articles([article]))
    assert len(coded) == 1
    _storable(coded[0])
    with Store(":memory:") as store:
        store.write(coded)
        assert check_integrity(store) == []


def test_digits_that_are_not_decimal_and_numbers_beyond_any_count(coder):
    """Found by fuzzing: '\u24f6100' passed str.isdigit() and int() raised; a 30-digit count (or
    one that overflows to infinity) raised in the coder or made the store refuse the whole batch."""
    texts = [
        "Police said \u24f6100 people were killed in Kabul in \u24f6\u24ea\u24ea\u24ea.",
        "Police said \u00b2\u00b3 people were killed in Kabul.",
        "Police said " + "9" * 30 + " people were killed in Kabul on Monday.",
        "Police said 1" + "0" * 400 + " protesters were arrested in Kabul.",
        "Police said " + "9" * 30 + " million people fled Syria.",
    ]
    coded = list(coder.code_articles([Article(id=f"n{i}", text=t) for i, t in enumerate(texts)]))
    assert len(coded) == len(texts)
    for c in coded:
        _storable(c)
    with Store(":memory:") as store:
        assert store.write(coded) == len(texts)
    assert parse_number("9" * 30) is None and parse_number("1" + "0" * 400) is None
    assert parse_number("more than 240,000") == (240000, "more than")


def test_a_row_the_store_refuses_costs_only_its_article():
    good = CodedArticle(Article(id="good", text="fine"), [], [], [], [], [])
    bad = CodedArticle(Article(id="bad", text="x", origin="in.jsonl:7"), [], [], [], [],
                       [Count("bad", 0, "killed", 10**30, "exact", "x")])  # over BIGINT
    problems = []
    with Store(":memory:") as store:
        stored = _write_chunk(store, [good, bad], run_id="r", problems=problems)
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()]
    assert [c.article.id for c in stored] == ["good"] and ids == ["good"]
    assert [(p.origin, p.line, p.reason) for p in problems] == [("in.jsonl", 7, "store-error")]


@pytest.fixture(scope="module")
def small_coder(coder):
    """The session's coder, cutting articles at 20,000 characters (so the huge cases stay quick)."""
    cut = coder.with_dyad_rule(coder.settings.require_dyad)
    cut.settings = cut.settings.model_copy(update={"max_chars": 20_000})
    return cut


def test_a_200k_token_article_is_cut_with_a_warning_into_bounded_sentences(small_coder, caplog):
    text = " ".join(["police", "arrested", "protesters", "in", "Kabul"] * 40_000)  # 200,000 tokens, no stop
    with caplog.at_level(logging.WARNING, logger="heron.pipeline"):
        coded = small_coder.code_article(Article(id="long", text=text, origin="long.txt"))
    assert any("long.txt" in r.getMessage() and "only its first 20000" in r.getMessage() for r in caplog.records)
    assert coded.sentences and coded.sentences[-1].end <= 20_000
    doc = small_coder.nlp(text[:5_000])
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    with Store(":memory:") as store:
        store.write([coded])
        assert check_integrity(store) == []


def test_a_60_mb_single_line_through_the_python_api_is_cut_not_parsed_whole(small_coder, caplog):
    text = "Iran" + "x" * (60 * 1024 * 1024)
    with caplog.at_level(logging.WARNING, logger="heron.pipeline"):
        coded = small_coder.code_article(Article(id="huge", text=text))
    assert any("62914564 characters" in r.getMessage() for r in caplog.records)
    assert all(s.end <= 20_000 for s in coded.sentences)


def test_news_sentences_are_not_split_by_the_cap(coder):
    doc = coder.nlp("Iran's defence minister met Russia's energy minister in Tehran on Wednesday, "
                    "and the two sides pledged closer cooperation. Russia welcomed it.")
    assert len(list(doc.sents)) == 2


def test_a_bad_user_dictionary_stops_heron_code_once_with_file_and_line(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Iran's president met France's president in Paris on Monday.\n", encoding="utf-8")
    cases = {
        "bad.yaml": 'actors:\n  - {name: Somebody, code: "U S"}\n',
        "deep.yaml": "[" * 5000,  # found by fuzzing: a RecursionError
        "wide.csv": 'name,code\n"' + "x" * 200_000 + '",USA\n',  # found by fuzzing: csv.Error
        "bad.actors.txt": "[USA]\n",
    }
    for name, body in cases.items():
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        db = tmp_path / f"{name}.duckdb"
        result = CliRunner().invoke(app, ["code", str(src), "--db", str(db), "--actors", str(path), "--quiet",
                                          "--workers", "2", "--format", "none"])
        assert result.exit_code == 2, (name, result.output)
        assert "Traceback" not in result.output and name in result.output, result.output
        assert result.output.count("error:") == 1, result.output
        assert not db.exists()  # stopped before the store was touched
    verbs = tmp_path / "bad.verbs.txt"
    verbs.write_text("--- GO [010] ---\n- * FOO\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(src), "--db", str(tmp_path / "v.duckdb"), "--verbs", str(verbs),
                                      "--quiet", "--format", "none"])
    assert result.exit_code == 2 and f"{verbs}:2" in result.output, result.output


def test_two_records_with_the_same_id_in_one_task_do_not_stop_the_job(tmp_path):
    """Found by fuzz.py: two JSONL records with the same id in one shard made the store refuse the
    whole task (a primary key violation) and stopped `heron code`; now the later one is kept."""
    from heron.shards import run_job

    src = tmp_path / "dup.jsonl"
    src.write_text('{"id": 1180591620717411303424, "text": "Police met protesters in Kabul."}\n'
                   '{"id": "1180591620717411303424", "text": "Iran met Russia in Tehran."}\n'
                   '{"id": "other", "text": "France met Germany in Paris."}\n', encoding="utf-8")
    with Store(tmp_path / "dup.duckdb") as store:
        summary = run_job([src], store=store, workers=1)
        rows = dict(store.con.execute("SELECT id, text FROM articles").fetchall())
        assert check_integrity(store) == []
    assert rows == {"1180591620717411303424": "Iran met Russia in Tehran.", "other": "France met Germany in Paris."}
    assert not [p for p in summary.problems if p.reason in ("coding-error", "store-error")]
