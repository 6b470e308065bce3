"""People learned from one article code a later article that names them without context."""

from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from heron.cli import app
from heron.store import Store

runner = CliRunner()

FIRST = {"id": "k1", "published": "2019-04-02", "text": (
    "NAIROBI (Wire) - Kenyan Interior Minister Joseph Kamau Otieno met Ugandan officials on Monday "
    "to discuss border security.")}
LATER = {"id": "k2", "published": "2019-06-11", "text": (
    "Joseph Kamau Otieno criticized Somalia on Tuesday over the detention of traders.")}


def _code(tmp_path, record, db):
    path = tmp_path / f"{record['id']}.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--db", str(db), "--format", "jsonl", "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_learned_person_codes_a_later_bare_mention(tmp_path):
    db = tmp_path / "h.duckdb"
    # without the first article, the bare name is not coded as Kenyan
    alone = tmp_path / "alone.duckdb"
    events = _code(tmp_path, LATER, alone)
    assert not any(e["source_country"] == "KEN" for e in events)

    _code(tmp_path, FIRST, db)
    with Store(db) as store:
        learned = store.query("SELECT name, code, country, role, source_article FROM learned_actors")
    row = learned[learned["name"] == "Joseph Kamau Otieno"].iloc[0]
    assert row["code"].startswith("KENGOV") and (row["country"], row["source_article"]) == ("KEN", "k1")
    learned_code = row["code"]

    events = _code(tmp_path, LATER, db)
    with Store(db) as store:
        mention = store.query("SELECT code, provenance FROM mentions WHERE article_id = 'k2' AND name = ?",
                              ["Joseph Kamau Otieno"])
    assert mention.iloc[0]["code"] == learned_code
    assert mention.iloc[0]["provenance"] == "learned:k1"
    assert any(e["source_code"] == learned_code and e["target_country"] == "SOM" for e in events), events


def test_reviewed_edits_are_kept(tmp_path):
    db = tmp_path / "h.duckdb"
    _code(tmp_path, FIRST, db)
    exported = tmp_path / "actors.csv"
    assert runner.invoke(app, ["actors", "--db", str(db), "--export", str(exported)]).exit_code == 0
    rows = list(csv.DictReader(exported.open(encoding="utf-8")))
    for r in rows:
        if r["name"] == "Joseph Kamau Otieno":
            r["code"], r["sectors"] = "KENGOVCOP", "GOV;COP"
    with exported.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert runner.invoke(app, ["actors", "--db", str(db), "--load", str(exported)]).exit_code == 0
    _code(tmp_path, FIRST, db)  # re-coding does not overwrite a reviewed row
    listed = runner.invoke(app, ["actors", "--db", str(db), "--format", "jsonl"])
    people = {json.loads(x)["name"]: json.loads(x) for x in listed.stdout.splitlines()}
    assert people["Joseph Kamau Otieno"]["code"] == "KENGOVCOP"
    assert people["Joseph Kamau Otieno"]["reviewed"] is True
