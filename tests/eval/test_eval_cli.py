"""``heron eval`` through typer's CliRunner on our tiny fixtures, with the real coder."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import heron.cli.commands_eval  # noqa: F401  (registers the command, as heron.cli does)
from heron.cli import app
from tests.conftest import REPO

FIX = REPO / "tests" / "fixtures" / "eval"
runner = CliRunner()


def _json(result) -> dict:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_eval_cameo_manual_json():
    report = _json(runner.invoke(app, ["eval", str(FIX / "cameo_manual.jsonl"), "--json"]))
    assert report["format"] == "cameo-manual" and report["items"] == 4
    assert report["gold_events"] == 5
    assert {"root", "code", "plover", "penta"} <= set(report["levels"])
    for row in report["levels"].values():
        assert 0.0 <= row["precision"] <= 1.0 and 0.0 <= row["recall"] <= 1.0
        assert row["tp"] + row["fn"] >= 1
    assert report["main"]["root"]["total"] == 3  # the item without a CAMEO code is not scored by root
    assert report["confusion"]["level"] == "root"
    assert report["actors"]["mentions"]["gold_actors"] == 6
    assert 0.0 <= report["actors"]["mentions"]["coverage"] <= 1.0


def test_eval_prints_readable_tables_and_honours_limit():
    result = runner.invoke(app, ["eval", str(FIX / "conflibert.tsv"), "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "heron eval conflibert" in result.stdout
    assert "2 items" in result.stdout and "Main event" in result.stdout and "PentaClass" in result.stdout


def test_eval_petrarch_records_with_their_dictionaries():
    report = _json(runner.invoke(app, ["eval", str(FIX / "petrarch"), "--json"]))
    assert report["format"] == "petrarch" and report["items"] == 3
    assert [p.rsplit("/", 1)[-1] for p in report["settings"]["actor_files"]] == [
        "fixture.actors.txt", "fixture.agents.txt"]
    assert set(report["categories"]) == {"COMPOUND", "DEMO", "ALL"}
    assert report["categories"]["ALL"]["total"] == 3
    assert "event" in report["levels"]


def test_eval_indiapolice_labels():
    report = _json(runner.invoke(app, ["eval", str(FIX / "indiapolice"), "--format", "indiapolice", "--json"]))
    assert set(report["labels"]) == {"KILL", "ARREST", "FORCE", "ANY_ACTION", "FAIL"}
    assert report["labels"]["ARREST"]["gold_sentences"] == 1
    assert report["labels"]["FAIL"]["mapped"] is False


def test_eval_bad_gold_is_a_friendly_error(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"text": "A met B.", "cameo_code": "040", "plover": []}\n{oops\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(bad)])
    assert result.exit_code == 2
    assert "E006" in result.output and f"{bad}:2" in result.output
    result = runner.invoke(app, ["eval", str(FIX / "conflibert.tsv"), "--format", "nonsense"])
    assert result.exit_code == 2 and "unknown gold format" in result.output


def test_eval_lgl_goes_to_the_geo_scorer(tmp_path):
    """`heron eval FILE.xml` runs the real LGL scorer (the same one tests/geo checks in detail)."""
    from tests.geo.test_geo_lgl import TINY

    lgl = tmp_path / "lgl-tiny.xml"
    lgl.write_text(TINY, encoding="utf-8")
    report = _json(runner.invoke(app, ["eval", str(lgl), "--limit", "1", "--json"]))
    assert report["format"] == "lgl" and report["path"] == str(lgl)
    assert report["lgl"]["articles"] == 1  # --limit reached the scorer
    assert report["lgl"]["gold_toponyms"] == 2  # article 1: Tripoli and Libya (the airport has no id)
    assert 0 < report["lgl"]["matched"] <= 2
    result = runner.invoke(app, ["eval", str(lgl)])
    assert result.exit_code == 0 and "exact_id" in result.stdout
