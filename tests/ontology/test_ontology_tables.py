"""The ontology tables (CAMEO, PLOVER, crosswalk) and their loader."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from heron.errors import HeronError, OntologyError
from heron.ontology import ONTOLOGY_VERSION, CameoCode, Ontology, PloverType, load_ontology

REPO = Path(__file__).resolve().parents[2]
SHARED_ONTOLOGY = REPO.parent / "shared" / "ontology"
SOURCE_CSV = SHARED_ONTOLOGY / "cameo-codes.csv"
CROSSWALK_2021 = SHARED_ONTOLOGY / "CAMEO2PLOVER-2021.txt"
GOLD = REPO.parent / "shared" / "gold" / "cameo-manual-examples.jsonl"

PLOVER_TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST "
    "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT"
).split()
ROOTS = [f"{i:02d}" for i in range(1, 21)]


def _data(name: str) -> list[dict[str, str]]:
    text = resources.files("heron").joinpath("data").joinpath("ontology").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"reference data {path} is absent (it lives in ../shared beside the repo)")
    return path


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


@pytest.fixture(scope="module")
def source_rows() -> dict[str, dict[str, str]]:
    with _need(SOURCE_CSV).open(encoding="utf-8") as f:
        return {r["code"]: r for r in csv.DictReader(f)}


# ---- the CAMEO table -----------------------------------------------------------------------


def test_every_source_code_present_with_same_goldstein(onto, source_rows):
    assert len(source_rows) == 312
    for code, row in source_rows.items():
        assert code in onto.cameo, f"CAMEO {code} missing"
        assert onto.cameo[code].goldstein == pytest.approx(float(row["goldstein"])), code
        assert onto.cameo[code].root == row["root_code"], code


def test_only_documented_extension_codes_beyond_the_source(onto, source_rows):
    extra = set(onto.cameo) - set(source_rows)
    assert extra == {"1214", "1951", "1952"}
    origin = {r["code"]: r["origin"] for r in _data("cameo.csv")}
    for code in extra:
        assert origin[code].startswith("extension"), code
    for code in source_rows:
        assert origin[code] == "cameo-1.1b3", code


def test_no_duplicate_codes():
    codes = [r["code"] for r in _data("cameo.csv")]
    assert len(codes) == len(set(codes))
    xw = [r["code"] for r in _data("cameo_plover.csv")]
    assert len(xw) == len(set(xw))


def test_codes_are_well_formed_and_in_order(onto):
    for code, entry in onto.cameo.items():
        assert code == entry.code
        assert code.isdigit() and 2 <= len(code) <= 4, code
        assert entry.level == len(code)
        assert entry.root == code[:2]
    assert list(onto.cameo)[:3] == ["01", "010", "011"]
    assert "051" in onto.cameo and "51" not in onto.cameo  # leading zeros kept


def test_all_twenty_roots_and_every_codes_root_and_parent_exist(onto):
    roots = [c for c in onto.cameo if len(c) == 2]
    assert roots == ROOTS
    for code, entry in onto.cameo.items():
        assert entry.root in onto.cameo, code
        if len(code) == 4:
            assert code[:3] in onto.cameo, f"{code} has no 3-digit parent"
    levels = {e.level for e in onto}
    assert levels == {2, 3, 4}


def test_quad_and_penta_class_follow_root_ranges(onto):
    for entry in onto:
        r = int(entry.root)
        quad = 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4
        penta = 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if (r <= 13 or r == 16) else 4
        assert entry.quad_class == quad, entry.code
        assert entry.penta_class == penta, entry.code
        assert onto.penta_class(entry.code) == penta
        assert onto.quad_class(entry.code) == quad


def test_penta_class_agrees_with_conflibert_labels():
    _need(GOLD)
    onto = load_ontology()
    checked = 0
    with GOLD.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            code, label = rec.get("cameo_code"), rec.get("pentaclass_conflibert")
            if code and label is not None and code in onto:
                assert onto.penta_class(code) == label, (code, label)
                checked += 1
    assert checked > 50


def test_goldstein_in_range_and_names_short(onto):
    for entry in onto:
        assert -10.0 <= entry.goldstein <= 10.0, entry.code
        assert entry.name and entry.name == entry.name.strip(), entry.code
        assert len(entry.name.split()) <= 8, entry.name
        assert len(entry.name) <= 60, entry.name


def test_names_are_our_own_words(onto, source_rows):
    """Names are paraphrased, not copied from the codebook (case-insensitive comparison)."""
    copied = [
        code for code, row in source_rows.items()
        if onto.cameo[code].name.strip().lower() == row["name"].strip().lower()
    ]
    assert len(copied) <= len(source_rows) // 10, f"names copied verbatim: {copied}"
    # and no description text slipped in
    descriptions = {row["description"].strip().lower() for row in source_rows.values() if row["description"] != "NA"}
    assert not any(e.name.lower() in descriptions for e in onto)


def test_needs_target_choices(onto):
    for code in ["010", "014", "015", "016", "141", "145", "1451", "150", "154", "0813", "1723",
                 "0211", "036", "1031", "124", "138"]:  # appeals, intents, demands, rejections, threats
        assert onto.get(code).needs_target is False, code
    for code in ["018", "042", "051", "061", "073", "1121", "112", "163", "173", "190", "1823", "202"]:
        assert onto.get(code).needs_target is True, code
    # meeting, diplomatic and material cooperation, aid, disapproval and cutting ties are all
    # directed at someone: every code under those roots needs its target
    for e in onto:
        if e.root in ("04", "05", "06", "07", "11", "16") and e.level > 2:
            assert e.needs_target, e.code
    assert onto.get("14").needs_target is False and onto.get("19").needs_target is True


# ---- PLOVER --------------------------------------------------------------------------------


def test_sixteen_plover_types(onto):
    assert list(onto.plover) == PLOVER_TYPES
    for name, ptype in onto.plover.items():
        assert isinstance(ptype, PloverType) and ptype.name == name
        assert ptype.gloss
        assert ptype.score is not None and -10 <= ptype.score <= 10
        assert ptype.category in {"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}


def test_plover_scores_and_categories_from_the_manual(onto):
    assert onto.plover["AID"].score == 10
    assert onto.plover["ASSAULT"].score == -9
    assert onto.plover["ACCUSE"].score == -3  # printed unsigned in the manual; see README
    assert onto.plover_score("CONSULT", "visit") == 4
    assert onto.plover_score("ASSAULT", "unconventional") == -10
    assert onto.plover_score("PROTEST", "vandalize") == onto.plover["PROTEST"].score  # no mode score
    assert onto.plover_score("agree") == 2.5
    assert onto.plover["SANCTION"].category == "verbal_conflict"
    assert onto.plover["COOPERATE"].requires_recipient and not onto.plover["ASSAULT"].requires_recipient
    with pytest.raises(OntologyError):
        onto.plover_score("CRIME")
    with pytest.raises(OntologyError, match="not a mode"):
        onto.plover_score("AGREE", "visit")


def test_modes_table(onto):
    rows = _data("plover_modes.csv")
    pairs = [(r["type"], r["mode"]) for r in rows]
    assert len(pairs) == len(set(pairs))
    assert {t for t, _ in pairs} <= set(PLOVER_TYPES)
    assert all(r["gloss"] for r in rows)
    assert onto.plover["REQUEST"].modes == onto.plover["REJECT"].modes == ("assist", "change", "yield", "meet")
    for name in ["AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID"]:
        assert onto.plover[name].modes == ()
    assert "drone" in onto.plover["ASSAULT"].modes and "visit" in onto.plover["CONSULT"].modes


# ---- the crosswalk -------------------------------------------------------------------------


def test_crosswalk_is_total_and_valid(onto):
    xw = {r["code"]: r for r in _data("cameo_plover.csv")}
    assert set(xw) == set(onto.cameo)
    for entry in onto:
        assert entry.plover_type in onto.plover, entry.code
        if entry.plover_mode:
            assert entry.plover_mode in onto.plover[entry.plover_type].modes, (entry.code, entry.plover_mode)
        for ctx in filter(None, entry.plover_context.split(";")):
            assert ctx in onto.plover_contexts, (entry.code, ctx)
        derived = xw[entry.code]["derived_from"]
        assert derived == onto.plover_derivation(entry.code)
        if derived.startswith(("parent:", "analogue:", "root:")):
            assert derived.split(":", 1)[1] in onto.cameo
        else:
            assert derived in ("", "heron"), derived
        if derived:
            assert xw[entry.code]["note"], entry.code


def test_crosswalk_follows_the_2021_table(onto):
    """Every code the 2021 table lists keeps its PLOVER type there."""
    path = _need(CROSSWALK_2021)
    seen = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        head, sep, rest = line.partition(":")
        if not sep or not head.isdigit() or len(head) < 3:
            continue
        ptype = rest.split("#", 1)[0].split(",")[0].strip()
        assert onto.get(head).plover_type == ptype, head
        assert onto.plover_derivation(head) in ("", "heron"), head  # "heron": a documented override (195 aerial)
        seen += 1
    assert seen > 250


def test_crosswalk_derivations(onto):
    # codes the table lacks take their parent's mapping
    assert onto.plover_derivation("1951") == "parent:195"
    assert onto.get("1952").plover_type == "ASSAULT" and onto.get("1952").plover_mode == "drone"
    # appeals (02) map like the matching demand (10)
    for code in [c for c in onto.cameo if c.startswith("02") and len(c) > 2]:
        twin = onto.get("10" + code[2:])
        assert onto.plover_derivation(code) == "analogue:" + twin.code
        assert (onto.get(code).plover_type, onto.get(code).plover_mode) == (twin.plover_type, twin.plover_mode)
    # statements (01) are Heron's choice, flagged
    assert {onto.plover_derivation(c) for c in onto.cameo if c.startswith("01") and len(c) > 2} == {"heron"}
    assert onto.get("016").plover_type == "REJECT"
    # YIELD is split between CONCEDE and RETREAT; roots take their heading
    assert onto.get("083").plover_type == "CONCEDE" and onto.get("0841").plover_type == "RETREAT"
    assert onto.get("08").plover_type == "CONCEDE"
    assert onto.get("09").plover_type == "ACCUSE" and onto.get("09").plover_mode == "investigate"
    assert [onto.get(r).plover_type for r in ("18", "19", "20")] == ["ASSAULT"] * 3
    # fixed names from the table
    assert onto.get("186").plover_mode == "targeted"
    assert onto.get("175").plover_mode == "" and "pro_autocracy" in onto.get("175").plover_context
    assert onto.get("082").plover_context == "pro_democracy"


# ---- the loader ----------------------------------------------------------------------------


def test_lookup_normalisation(onto):
    assert onto.get("51").code == "051"
    assert onto.get(51).code == "051"
    assert onto.get(" 0211 ").code == "0211"
    assert onto.get("211").code == "0211"
    assert onto.get("1").code == "01"
    assert onto.get("10").code == "10"  # an exact code wins over adding a zero
    assert onto.get("190").code == "190"
    assert "51" in onto and "999" not in onto and None not in onto
    assert onto.normalize(42) == "042"


@pytest.mark.parametrize("bad", ["999", "0519", "21x", "", "  ", "2105", "-1", "05.1", "١٢"])
def test_unknown_codes_raise_ontology_error_with_a_fix(onto, bad):
    with pytest.raises(OntologyError) as info:
        onto.get(bad)
    err = info.value
    assert isinstance(err, HeronError) and err.code == "E005"
    assert "Fix:" in str(err) and "[E005]" in str(err)


def test_error_suggests_the_nearest_code(onto):
    with pytest.raises(OntologyError, match=r"nearest known code is '051'"):
        onto.get("0519")
    with pytest.raises(OntologyError, match=r"nearest known code is '121'"):
        onto.get("1215")


def test_root_name(onto):
    assert onto.root_name("1823") == onto.cameo["18"].name
    assert onto.root_name("51") == onto.cameo["05"].name
    assert onto.root_name("05") == onto.cameo["05"].name
    with pytest.raises(OntologyError):
        onto.root_name("77")


def test_records_are_frozen_and_mappings_read_only(onto):
    entry = onto.get("190")
    assert isinstance(entry, CameoCode)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        onto.cameo["999"] = entry  # type: ignore[index]
    with pytest.raises(TypeError):
        onto.plover["X"] = onto.plover["AID"]  # type: ignore[index]
    assert not hasattr(entry, "__dict__")  # slots
    assert [f.name for f in dataclasses.fields(CameoCode)] == [
        "code", "name", "goldstein", "root", "level", "quad_class", "penta_class",
        "needs_target", "plover_type", "plover_mode", "plover_context",
    ]


def test_loader_is_cached(onto):
    assert load_ontology() is load_ontology() is onto
    assert len(onto) == len(onto.cameo)


def test_version_matches_data_file(onto):
    text = resources.files("heron").joinpath("data").joinpath("ontology").joinpath("VERSION").read_text(encoding="utf-8")
    assert text.strip() == ONTOLOGY_VERSION == onto.version
    readme = resources.files("heron").joinpath("data").joinpath("ontology").joinpath("README.md").read_text(encoding="utf-8")
    assert ONTOLOGY_VERSION in readme


def test_import_does_no_io():
    """Importing heron.ontology reads no data file; load_ontology() does, once."""
    code = (
        "import builtins, io, pathlib\n"
        "opened = []\n"
        "orig_open, orig_read = io.open, pathlib.Path.read_text\n"
        "def spy_read(self, *a, **k):\n"
        "    opened.append(str(self)); return orig_read(self, *a, **k)\n"
        "pathlib.Path.read_text = spy_read\n"
        "import heron.ontology as o\n"
        "assert not [p for p in opened if 'ontology' in p], opened\n"
        "assert o.load_ontology.cache_info().currsize == 0\n"
        "o.load_ontology(); o.load_ontology()\n"
        "assert [p for p in opened if p.endswith('cameo.csv')], opened\n"
        "assert o.load_ontology.cache_info().misses == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
