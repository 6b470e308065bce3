"""`heron export --format parquet --out PATH`: the path is a file name, never SQL (issue 16)."""

from __future__ import annotations

from datetime import date

import pyarrow.parquet as pq
from typer.testing import CliRunner

from heron.cli import app
from heron.records import Article, CodedArticle
from heron.store import Store

runner = CliRunner()


def _store_with_articles(path) -> None:
    with Store(path) as store:
        store.write([CodedArticle(article=Article(id=f"a{i}", text="Iran condemned the attack.", title=f"t{i}",
                                                  published=date(2020, 1, i + 1)),
                                  sentences=[], mentions=[], events=[], places=[], counts=[])
                     for i in range(3)])


def test_parquet_path_with_quotes_and_sql_is_only_a_file_name(tmp_path):
    db = tmp_path / "h.duckdb"
    _store_with_articles(db)
    before = {p.name for p in tmp_path.iterdir()}
    name = "x.parquet' (FORMAT csv); CREATE TABLE pwned AS SELECT 1; COPY articles TO 'y.csv"
    out = tmp_path / name
    result = runner.invoke(app, ["export", "--db", str(db), "--table", "articles", "--format", "parquet",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 3 rows" in result.stderr
    assert out.is_file()
    assert pq.read_table(out).column("id").to_pylist() == ["a0", "a1", "a2"]
    after = {p.name for p in tmp_path.iterdir()}
    assert after - before == {name}
    with Store(db, read_only=True) as store:
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "pwned" not in tables


def test_parquet_path_with_a_single_quote(tmp_path):
    db = tmp_path / "h.duckdb"
    _store_with_articles(db)
    out = tmp_path / "o'brien's events.parquet"
    result = runner.invoke(app, ["export", "--db", str(db), "--table", "articles", "--format", "parquet",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 3
