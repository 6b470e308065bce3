"""SQL metacharacters through every CLI option that reaches a query, on a real store (issue 15.5).

Options that reach SQL (from src/heron/cli): ``code`` --source (stored), INPUT names (origins);
``show`` ARTICLE_ID; ``export`` --table, --format, --dedup, --out; ``dyad`` A, B, --by, --from,
--to, --method, --window, --plot; ``top`` --what, --from, --to, --n, --dedup; ``actors`` --load (a
CSV whose cells are stored), --export. Each gets hostile values: a clean result or a clear
one-line error (exit 1 or 2, no traceback), and every table intact afterwards. ``--out`` style
paths are written at the path asked for; a symlink planted there is replaced, not followed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from heron.cli import app
from heron.store import TABLES, Store

runner = CliRunner()

HOSTILE = (
    "x'; DROP TABLE events; --",
    "IRN' OR '1'='1",
    "IRN\"; DELETE FROM articles; --",
    "1); DROP TABLE runs; --",
    "\u2019; DROP TABLE events; --",  # a typographic quote
    "\uff07 OR 1=1 --",  # a fullwidth apostrophe
    "IRN/* */UNION SELECT * FROM runs",
    "%' ESCAPE '",
    "\\'; SELECT 1; --",
    "",
)

ARTICLE = (
    "Iran's foreign minister met Russia's foreign minister in Moscow on Tuesday and the two sides signed "
    "an agreement on energy cooperation.\nRussian police arrested 12 protesters in Moscow on Monday.\n"
)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("inject")
    src = tmp / "it's; DROP TABLE events; --.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = tmp / "h.duckdb"
    result = runner.invoke(app, ["code", str(src), "--db", str(db), "--format", "none", "--quiet", "--workers", "1",
                                 "--published", "2021-03-10", "--source", HOSTILE[0]])
    assert result.exit_code == 0, result.output
    return db


def _counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return {t: store.count(t) for t in TABLES}


def _clean(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert "error:" in result.output or "Invalid value" in result.output or "Usage" in result.output


def test_the_hostile_source_and_file_name_are_stored_as_text(store_path):
    with Store(store_path, read_only=True) as store:
        source, origin = store.con.execute("SELECT source, origin FROM articles").fetchone()
        assert store.count("events") > 0
    assert source == HOSTILE[0]
    assert origin.endswith("it's; DROP TABLE events; --.txt")


@pytest.mark.parametrize("value", HOSTILE)
def test_query_options(store_path, value, tmp_path):
    before = _counts(store_path)
    db = ["--db", str(store_path)]
    calls = [
        ["show", value, *db],
        ["export", *db, "--table", value],
        ["export", *db, "--format", value],
        ["export", *db, "--dedup", value],
        ["dyad", value, "RUS", *db],
        ["dyad", "IRN", value, *db],
        ["dyad", "IRN", "RUS", *db, "--by", value],
        ["dyad", "IRN", "RUS", *db, "--from", value],
        ["dyad", "IRN", "RUS", *db, "--to", value],
        ["dyad", "IRN", "RUS", *db, "--dedup", "--method", value],
        ["dyad", "IRN", "RUS", *db, "--format", value],
        ["top", *db, "--what", value],
        ["top", *db, "--from", value],
        ["top", *db, "--to", value],
        ["top", *db, "--n", value],
    ]
    for args in calls:
        result = runner.invoke(app, args)
        _clean(result)
        if value:  # none of these values is a valid code, date, table or choice
            assert result.exit_code != 0, (args, result.output)
    assert _counts(store_path) == before


@pytest.mark.parametrize("value", HOSTILE[:5])
def test_out_paths_with_sql_in_their_names(store_path, value, tmp_path):
    before = _counts(store_path)
    name = (value or "empty").replace("/", "_")
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"{name}.{fmt}"
        result = runner.invoke(app, ["export", "--db", str(store_path), "--format", fmt, "--out", str(out)])
        _clean(result)
        assert result.exit_code == 0, result.output
        assert out.is_file() and out.stat().st_size > 0
    plot = tmp_path / f"{name}.png"
    result = runner.invoke(app, ["dyad", "IRN", "RUS", "--db", str(store_path), "--plot", str(plot)])
    _clean(result)
    assert _counts(store_path) == before
    assert not [p for p in tmp_path.iterdir() if ".tmp" in p.name]  # no temporary files left


def test_actors_load_with_sql_in_every_cell(store_path, tmp_path):
    db = tmp_path / "copy.duckdb"
    db.write_bytes(store_path.read_bytes())
    edited = tmp_path / "people.csv"
    rows = ["name,code,country,sectors,role,first_seen,last_seen,source_article,n_articles"]
    for value in HOSTILE[:6]:
        cell = '"' + value.replace('"', '""') + '"'
        rows.append(f"{cell} person,{cell},{cell},{cell},{cell},,,{cell},1")
    edited.write_text("\n".join(rows) + "\n", encoding="utf-8")
    before = _counts(db)
    result = runner.invoke(app, ["actors", "--db", str(db), "--load", str(edited), "--format", "jsonl"])
    _clean(result)
    assert result.exit_code == 0, result.output
    after = _counts(db)
    assert after["learned_actors"] == before["learned_actors"] + 6
    assert {k: v for k, v in after.items() if k != "learned_actors"} == {
        k: v for k, v in before.items() if k != "learned_actors"}
    with Store(db, read_only=True) as store:
        names = {r[0] for r in store.con.execute("SELECT name FROM learned_actors").fetchall()}
    assert f"{HOSTILE[0]} person" in names


def test_a_symlink_planted_at_the_out_path_is_replaced_not_followed(store_path, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    cases = [
        (["export", "--db", str(store_path), "--format", "jsonl", "--out"], "events.jsonl"),
        (["export", "--db", str(store_path), "--format", "parquet", "--out"], "events.parquet"),
        (["export", "--db", str(store_path), "--dedup", "daily", "--format", "csv", "--out"], "dedup.csv"),
        (["actors", "--db", str(store_path), "--export"], "people.csv"),
        (["dyad", "IRN", "RUS", "--db", str(store_path), "--plot"], "plot.png"),
    ]
    for args, name in cases:
        out = tmp_path / name
        os.symlink(victim, out)
        result = runner.invoke(app, [*args, str(out)])
        _clean(result)
        assert result.exit_code == 0, (args, result.output)
        assert victim.read_text(encoding="utf-8") == "keep me\n", name
        assert not out.is_symlink() and out.is_file(), name
    first = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert json.loads(first)["event_id"]


def test_an_out_path_that_is_a_folder_or_in_a_missing_folder_is_refused(store_path, tmp_path):
    for out in (tmp_path, tmp_path / "missing" / "x.jsonl"):
        result = runner.invoke(app, ["export", "--db", str(store_path), "--out", str(out)])
        _clean(result)
        assert result.exit_code == 2 and "Fix:" in result.output, result.output


def test_python_api_table_names_come_from_a_fixed_list(store_path):
    from heron.errors import StoreError
    from heron.export import rows

    with Store(store_path, read_only=True) as store:
        for value in HOSTILE:
            with pytest.raises(StoreError):
                store.count(value)
            with pytest.raises(Exception, match="unknown table"):
                rows(store, value)
        assert store.count("events") > 0
