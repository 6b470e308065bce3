"""`heron dyad` and `heron top` through typer's CliRunner, and the --plot picture."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

import heron.cli.commands_query  # noqa: F401 - registers the commands (also imported by heron.cli)
from heron.cli import app
from heron.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path, writer):
    path = tmp_path / "events.duckdb"
    oct22, dec3 = date(2015, 10, 22), date(2015, 12, 3)
    with Store(path) as s:
        writer(s, "t1", oct22, "Tasnim", [(oct22, "IRNGOV", "RUSGOV", "036"), (oct22, "RUSGOV", "IRNGOV", "057")])
        writer(s, "t2", oct22, "Reuters", [(oct22, "IRNGOV", "RUSGOV", "036")])
        writer(s, "t3", dec3, "TASS", [(dec3, "RUSMIL", "IRNMIL", "190")])
    return str(path)


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_dyad_jsonl(db):
    res = invoke("dyad", "IRN", "RUS", "--db", db, "--format", "jsonl")
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(rows) == 6  # Oct, Nov, Dec x 2 directions
    assert rows[0] == {
        "period": "2015-10-01", "direction": "IRN->RUS", "source": "IRN", "target": "RUS", "events": 2,
        "mentions": 2, "goldstein_sum": 8.0, "goldstein_mean": 4.0, "verbal_coop": 2, "material_coop": 0,
        "verbal_conflict": 0, "material_conflict": 0, "top_codes": "036 (2)",
    }
    assert rows[2]["goldstein_mean"] is None  # November: nothing happened


def test_dyad_dedup_csv_and_dates(db):
    res = invoke("dyad", "irn", "rus", "--db", db, "--dedup", "--from", "2015-10", "--to", "2015-10", "-f", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["period"], r["direction"], r["events"], r["mentions"]) for r in rows] == [
        ("2015-10-01", "IRN->RUS", "1", "2"), ("2015-10-01", "RUS->IRN", "1", "1")]
    res = invoke("dyad", "IRN", "RUS", "--db", db, "--dedup", "--method", "daily", "-f", "csv", "--by", "year")
    assert res.exit_code == 0, res.output
    assert list(csv.DictReader(io.StringIO(res.stdout)))[0]["events"] == "1"


def test_dyad_table(db):
    res = invoke("dyad", "IRN", "RUS", "--db", db, "--by", "month")
    assert res.exit_code == 0, res.output
    assert "2015-10" in res.stdout and "IRN->RUS" in res.stdout and "036 (2)" in res.stdout


def test_dyad_plot_writes_a_png(db, tmp_path):
    png = tmp_path / "out" / "irn-rus.png"
    res = invoke("dyad", "IRN", "RUS", "--db", db, "--plot", str(png), "-f", "csv")
    assert res.exit_code == 0, res.output
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_dyad_no_events_is_not_an_error(db):
    res = invoke("dyad", "USA", "CHN", "--db", db, "-f", "csv")
    assert res.exit_code == 0
    assert "no events between USA and CHN" in res.output


@pytest.mark.parametrize("args, message", [
    (("dyad", "IRN", "RUS", "--format", "xml"), "unknown format"),
    (("dyad", "IRN", "RUS", "--by", "fortnight"), "unknown period"),
    (("dyad", "IRN", "RUS", "--from", "yesterday"), "cannot read the date"),
    (("dyad", "I-R", "RUS"), "not a country or actor code"),
    (("top", "--what", "people"), "unknown list"),
])
def test_bad_input_is_a_one_line_error(db, args, message):
    res = invoke(*args, "--db", db)
    assert res.exit_code == 2
    assert message in res.output and "Traceback" not in res.output


def test_missing_database(tmp_path):
    res = invoke("top", "--db", str(tmp_path / "nope.duckdb"))
    assert res.exit_code == 2 and "no database" in res.output


def test_a_database_that_is_not_heron_s(tmp_path):
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    res = invoke("dyad", "IRN", "RUS", "--db", str(other))
    assert res.exit_code == 2 and "holds no Heron events" in res.output


def test_top_formats(db):
    res = invoke("top", "--db", db, "--what", "dyads", "--n", "2", "-f", "jsonl")
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["rank"], r["source"], r["target"], r["events"]) for r in rows] == [
        (1, "IRN", "RUS", 2), (2, "RUS", "IRN", 2)]
    res = invoke("top", "--db", db, "--what", "codes", "--dedup", "--from", "2015-12")
    assert res.exit_code == 0, res.output
    assert "190" in res.stdout and "036" not in res.stdout
    res = invoke("top", "--db", db, "--what", "actors", "-f", "csv")
    assert res.stdout.splitlines()[0].startswith("rank,actor,name,events,mentions")
