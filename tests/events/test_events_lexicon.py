"""The trigger lexicon: size, coverage, ids, codes, and validation errors that name file and line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from heron.errors import DictionaryError
from heron.events import EventCoder, load_lexicon
from heron.ontology import load_ontology

from ..conftest import SHARED, need_shared
from .helpers import actor, make_mention, nlp, parse


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_size_and_roots(lex) -> None:
    assert len(lex) > 1000
    assert lex.roots() == {f"{i:02d}" for i in range(1, 21)}


def test_ids_unique_and_stable(lex) -> None:
    ids = [p.id for p in lex.patterns]
    assert len(ids) == len(set(ids))
    assert all(p.id == f"{p.id.split('/')[0]}/{p.lemma}" for p in lex.patterns)
    assert lex.by_id("consult.meet/meet").code == "040"


def test_every_code_is_in_the_ontology(lex) -> None:
    onto = load_ontology()
    for p in lex.patterns:
        assert onto.get(p.code).code == p.code, p.where
    for cls in lex.classes.values():
        for key, value in cls.table.items():
            onto.get(key)
            if value is not None:
                onto.get(value)


def test_codes_match_the_cameo_source_table(lex) -> None:
    path = need_shared(SHARED / "ontology" / "cameo-codes.csv")
    with path.open(encoding="utf-8") as fh:
        known = {row["code"] for row in csv.DictReader(fh)}
    assert {p.code for p in lex.patterns} <= known


def test_most_three_digit_codes_are_reachable(lex) -> None:
    """Directly by a pattern, or through an embedding table ("refused to meet" -> 125)."""
    onto = load_ontology()
    reachable = {p.code[:3] for p in lex.patterns} | {
        v[:3] for cls in lex.classes.values() for v in cls.table.values() if v
    }
    three = {c for c in onto.cameo if len(c) == 3}
    missing = three - reachable
    assert len(missing) <= len(three) // 20, sorted(missing)


def test_index_tries_specific_patterns_first(lex) -> None:
    for patterns in lex.index.values():
        spec = [p.specificity for p in patterns]
        assert spec == sorted(spec, reverse=True)


def test_builtin_is_cached() -> None:
    assert load_lexicon() is load_lexicon()


BAD_ROWS = [
    ('{id: x.one, code: "190", verb: [frobnicate], colour: red}', "unknown key"),
    ('{id: x.one, code: 190, verb: [frobnicate]}', "must be quoted"),
    ('{id: x.one, code: "999", verb: [frobnicate]}', "not a CAMEO event code"),
    ('{id: x.one, code: "0999", verb: [frobnicate]}', "not in the CAMEO ontology"),
    ('{id: x.one, code: "190", verb: [Frobnicate]}', "lower-case"),
    ('{id: x.one, code: "190", verb: [frobnicate], noun: [frob]}', "exactly one"),
    ('{id: x.one, code: "190", verb: [frobnicate], target: [elsewhere]}', "unknown slot"),
    ('{id: x.one, code: "190", verb: [frobnicate], embeds: wishful}', "not a class"),
    ('{id: x.one, code: "190", verb: [frobnicate], prt: [off]}', "lower-case words"),
    ('{id: consult.meet, code: "040", verb: [meet]}', "already used"),
    ('{code: "040", verb: [meet]}', "needs an 'id'"),
]


@pytest.mark.parametrize(("row", "message"), BAD_ROWS, ids=[m for _, m in BAD_ROWS])
def test_bad_rows_name_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(f"# my triggers\nroot: '19'\npatterns:\n- {{id: x.ok, code: '190', verb: [frobnicate-ok]}}\n- {row}\n")
    with pytest.raises(DictionaryError) as err:
        load_lexicon([path])
    assert f"{path}:5" in str(err.value) and message in str(err.value)
    assert str(err.value).startswith("[E002]")


def test_bad_yaml_and_json(tmp_path: Path) -> None:
    y = tmp_path / "broken.yaml"
    y.write_text("patterns:\n- {id: x, code: '190'\n")
    with pytest.raises(DictionaryError, match="broken.yaml:"):
        load_lexicon([y])
    j = tmp_path / "broken.jsonl"
    j.write_text('{"id": "x.a", "code": "190", "verb": ["zap"]}\n{not json}\n')
    with pytest.raises(DictionaryError, match=r"broken.jsonl:2: invalid JSON"):
        load_lexicon([j])
    with pytest.raises(DictionaryError, match="cannot read"):
        load_lexicon([tmp_path / "absent.yaml"])


def test_extra_jsonl_rows_are_used(tmp_path: Path) -> None:
    path = tmp_path / "hugs.jsonl"
    rows = [{"id": "mine.hug", "code": "051", "verb": ["hug", "embrace"], "target": ["dobj"]}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    lexicon = load_lexicon([path])
    assert len(lexicon) == len(load_lexicon()) + 2
    coder = EventCoder(nlp().vocab, lexicon=lexicon)
    doc = parse("France hugged Germany warmly.")
    mentions = [make_mention(doc, "France", actor("FRA")), make_mention(doc, "Germany", actor("DEU"))]
    (ev,) = coder.code_sentence(next(iter(doc.sents)), mentions, sentence_index=0)
    assert (ev.cameo_code, ev.source.code, ev.target.code, ev.pattern_id) == ("051", "FRA", "DEU", "mine.hug/hug")
