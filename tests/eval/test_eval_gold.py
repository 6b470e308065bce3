"""Gold readers on our own tiny fixtures, one per format, plus format detection and bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from heron.errors import GoldFormatError
from heron.eval.gold import country_key, detect_format, load_gold, split_sectors
from tests.conftest import REPO

FIX = REPO / "tests" / "fixtures" / "eval"


def test_cameo_manual_merges_code_and_plover_record():
    gold = load_gold(FIX / "cameo_manual.jsonl")
    assert gold.format == "cameo-manual" and gold.single_label
    assert len(gold.items) == 4
    first = gold.items[0]
    (ev,) = first.events
    assert (ev.code, ev.root, ev.penta, ev.quad) == ("040", "04", 1, 1)
    assert (ev.plover_type, ev.plover_mode) == ("CONSULT", "visit")
    assert (ev.source_country, ev.source_sectors, ev.target_country, ev.target_sectors) == ("TUR", ("GOV",), "GRC", ("GOV",))
    assert ev.actors_known
    assert [(a.text, a.country, a.role) for a in first.actors] == [
        ("Turkey's foreign minister", "TUR", "source"), ("his Greek counterpart", "GRC", "target")]


def test_cameo_manual_code_only_and_plover_only_items():
    items = load_gold(FIX / "cameo_manual.jsonl").items
    (chile,) = items[1].events
    assert chile.code == "111" and chile.penta == 3 and chile.plover_type is None
    assert not chile.actors_known  # no PLOVER record: the gold does not say who
    clash = items[2].events
    assert len(clash) == 2  # compound source: one gold event per member
    assert {e.source_sectors for e in clash} == {("REB",), ("MIL",)}
    assert all(e.code is None and e.plover_type == "FIGHT" and e.penta == 4 for e in clash)
    assert not any(e.actors_known for e in clash)  # "***" countries are unknown


def test_conflibert_tsv():
    gold = load_gold(FIX / "conflibert.tsv")
    assert gold.format == "conflibert"
    assert [i.events[0].penta for i in gold.items] == [2, 0, 4]
    assert gold.items[0].text.startswith("Kenya and Tanzania")
    assert gold.items[0].events[0].root is None


@pytest.mark.parametrize("name", ["fixture.jsonl", "fixture.records.xml"])
def test_petrarch_jsonl_and_xml_agree(name):
    gold = load_gold(FIX / "petrarch" / name)
    assert gold.format == "petrarch"
    assert [i.id for i in gold.items] == ["FIX-01", "FIX-02", "FIX-03"]
    assert [i.group for i in gold.items] == ["DEMO", "COMPOUND", "DEMO"]
    one = gold.items[0]
    assert one.text == "Qarth's leader travelled to Zenith on Friday."  # whitespace folded
    assert one.published == date(2001, 2, 3)
    (ev,) = one.events
    assert (ev.source_code, ev.target_code, ev.code, ev.root) == ("QAR", "ZEN", "042", "04")
    two = gold.items[1].events
    assert [(e.source_country, e.source_sectors, e.target_code) for e in two] == [
        ("QAR", ("GOV",), "ZEN"), ("QAR", ("GOV",), "YLA")]
    assert gold.items[2].events == []
    assert [p.name for p in gold.actor_files] == ["fixture.actors.txt", "fixture.agents.txt"]
    assert gold.items[0].require_dyad is True


def test_petrarch_folder_prefers_jsonl():
    gold = load_gold(FIX / "petrarch")
    assert gold.path.name == "fixture.jsonl" and gold.items[2].require_dyad is False


def test_indiapolice_labels_and_dates():
    gold = load_gold(FIX / "indiapolice")
    assert gold.format == "indiapolice" and len(gold.items) == 4
    assert gold.items[1].labels == ("ANY_ACTION", "ARREST")
    assert gold.items[1].published == date(2002, 3, 1)
    assert gold.items[3].group == "4" and gold.items[3].labels == ("FAIL",)
    assert all(not i.events for i in gold.items)


def test_detect_format_and_limit(tmp_path):
    assert detect_format(FIX / "cameo_manual.jsonl") == "cameo-manual"
    assert detect_format(FIX / "conflibert.tsv") == "conflibert"
    assert detect_format(FIX / "petrarch") == "petrarch"
    assert detect_format(FIX / "petrarch" / "fixture.records.xml") == "petrarch"
    assert detect_format(FIX / "indiapolice") == "indiapolice"
    assert detect_format(FIX / "indiapolice" / "sents.jsonl") == "indiapolice"
    lgl = tmp_path / "news.xml"
    lgl.write_text("<?xml version='1.0'?>\n<articles><article docid='1'><toponyms/></article></articles>")
    assert detect_format(lgl) == "lgl"
    assert len(load_gold(FIX / "conflibert.tsv", limit=2).items) == 2
    # --format overrides detection: a TSV read as cameo-manual JSONL fails on line 1
    with pytest.raises(GoldFormatError, match=r"conflibert\.tsv:1"):
        load_gold(FIX / "conflibert.tsv", "cameo-manual")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


GOOD_CM = '{"text": "A met B.", "cameo_code": "040", "pentaclass_conflibert": null, "plover": []}\n'


@pytest.mark.parametrize("fmt,name,text,line,why", [
    ("cameo-manual", "cm.jsonl", GOOD_CM + "{not json\n", 2, "invalid JSON"),
    ("cameo-manual", "cm.jsonl", GOOD_CM + GOOD_CM.replace('"040"', '"4x"'), 2, "not a 2-4 digit"),
    ("cameo-manual", "cm.jsonl", GOOD_CM + '{"cameo_code": "040", "plover": []}\n', 2, "missing 'text'"),
    ("cameo-manual", "cm.jsonl", '{"text": "x", "cameo_code": null, "plover": []}\n', 1, "neither"),
    ("cameo-manual", "cm.jsonl", '{"text": "x", "cameo_code": null, "plover": [{"event": "AID", "source": 3}]}\n',
     1, "must be a list"),
    ("conflibert", "c.tsv", "Fine sentence.\t1\nNo class here\n", 2, "found 1 field"),
    ("conflibert", "c.tsv", "Fine sentence.\t1\nBad class.\t7\n", 2, "not a PentaClass"),
    ("petrarch", "p.jsonl", '{"id": "X", "text": "t", "events": [{"source": "A", "target": "B", "code": "zz"}]}\n',
     1, "not a CAMEO code"),
    ("petrarch", "p.jsonl", '{"id": "X", "events": []}\n', 1, "missing 'text'"),
    ("indiapolice", "sents.jsonl", '{"doc_id": 1, "sent_id": 0, "sent_text": "x", "sent_labels": ["HUG"]}\n', 1,
     "sent_labels"),
])
def test_malformed_lines_name_file_and_line(tmp_path, fmt, name, text, line, why):
    path = _write(tmp_path, name, text)
    with pytest.raises(GoldFormatError) as err:
        load_gold(path, fmt)
    msg = str(err.value)
    assert f"{path}:{line}" in msg and why in msg and msg.startswith("[E006]")


def test_bad_xml_and_unknown_inputs(tmp_path):
    bad = _write(tmp_path, "bad.records.xml", "<Validation><Sentence id='A'><Text>t</Text></Validation>")
    with pytest.raises(GoldFormatError, match="bad.records.xml"):
        load_gold(bad, "petrarch")
    with pytest.raises(GoldFormatError, match="no such file"):
        load_gold(tmp_path / "missing.jsonl")
    odd = _write(tmp_path, "odd.txt", "hello\n")
    with pytest.raises(GoldFormatError, match="--format"):
        load_gold(odd)
    with pytest.raises(GoldFormatError, match="unknown gold format"):
        load_gold(FIX / "conflibert.tsv", "csv")


def test_code_helpers():
    assert country_key("jap") == "JPN" and country_key(None, "ITLGOV") == "ITA"
    assert country_key(None, "IGOUNO") == "IGO" and country_key(None, "---GOV") is None
    assert split_sectors("GOVMOS") == ("GOV", "MOS") and split_sectors("CVLalb") == ("CVL",)
    assert split_sectors("***") == () and split_sectors(None) == ()
