"""Metric arithmetic on hand-made gold and predictions with known answers (no coder involved)."""

from __future__ import annotations

import io
import json

import pytest

from heron.eval.actors import actor_accuracy
from heron.eval.gold import GoldActor, GoldEvent, GoldItem, GoldSet
from heron.eval.labels import label_scores, predicted_labels
from heron.eval.metrics import (
    confusion,
    main_accuracy,
    miss_severity,
    no_event_rate,
    pass_rates,
    per_class,
    record_passes,
    score_levels,
    worst_misses,
)
from heron.eval.predict import PredEvent, PredMention, Prediction
from heron.cli.eval_render import render
from heron.eval.report import build_report

PENTA = {"01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3, "11": 3,
         "12": 3, "13": 3, "14": 4, "15": 4, "16": 3, "17": 4, "18": 4, "19": 4, "20": 4}


def pe(code: str, src: str | None = None, tgt: str | None = None, conf: float = 0.5, **kw) -> PredEvent:
    root = code[:2]
    return PredEvent(code=code, root=root, penta=PENTA[root], quad=1, source_code=src, target_code=tgt,
                     source_country=src[:3] if src else None, target_country=tgt[:3] if tgt else None,
                     confidence=conf, name=f"name {code}", **kw)


def ge(code: str | None = None, src: str | None = None, tgt: str | None = None, penta: int | None = None,
       plover: str | None = None, known: bool = True) -> GoldEvent:
    return GoldEvent(code=code, root=code[:2] if code else None,
                     penta=PENTA[code[:2]] if code and penta is None else penta, plover_type=plover,
                     source_code=src, target_code=tgt, source_country=src[:3] if src else None,
                     target_country=tgt[:3] if tgt else None, actors_known=known, codes_known=known)


def item(i: int, *events: GoldEvent, text: str = "", group: str | None = None) -> GoldItem:
    return GoldItem(id=f"g{i}", text=text or f"sentence {i}", events=list(events), group=group)


def pred(i: int, *events: PredEvent, counts=()) -> Prediction:
    return Prediction(item_id=f"g{i}", events=list(events), counts=list(counts))


def test_prf_counts_multisets_per_item():
    items = [item(1, ge("042", "ARN", "GON"), ge("042", "GON", "ARN")),
             item(2, ge("111", "ARN", "GON")),
             item(3)]  # expects no event
    preds = [pred(1, pe("042", "ARN", "GON"), pe("043", "GON", "ARN")),  # 1 exact + 1 same root
             pred(2, pe("112", "ARN", "GON"), pe("111", "GON", "ARN")),
             pred(3, pe("010", "ARN"))]  # a false positive on the empty item
    levels = score_levels(items, preds)
    root = levels["root"]
    # root: item1 gold {04,04} pred {04,04} -> tp 2; item2 gold {11} pred {11,11} -> tp 1 fp 1; item3 fp 1
    assert (root.tp, root.fp, root.fn, root.items) == (3, 2, 0, 3)
    assert root.precision == pytest.approx(3 / 5) and root.recall == 1.0
    assert root.f1 == pytest.approx(2 * 0.6 / 1.6)
    code = levels["code"]  # item1: 042 matches once; item2: 111 matches; item3 fp
    assert (code.tp, code.fp, code.fn) == (2, 3, 1)
    event = levels["event"]  # exact triples: (ARN,GON,042) and (GON,ARN,111)? no: gold is (ARN,GON,111)
    assert (event.tp, event.fp, event.fn) == (1, 4, 2)
    dyad = levels["dyad_root"]  # (ARN,GON,04),(GON,ARN,04) both; (ARN,GON,11) matched by 112
    assert (dyad.tp, dyad.fp, dyad.fn) == (3, 2, 0)
    dyad_codes = levels["dyad_codes"]  # who did what to whom, whatever the code
    assert (dyad_codes.tp, dyad_codes.fp, dyad_codes.fn) == (3, 2, 0)
    assert "plover" not in levels  # no gold event says its PLOVER type


def test_items_lacking_a_level_are_not_scored_at_it():
    items = [item(1, ge("040", known=False)), item(2, ge(None, penta=4, known=False))]
    preds = [pred(1, pe("040", "A", "B")), pred(2, pe("190", "A", "B"))]
    levels = score_levels(items, preds)
    assert levels["code"].items == 1 and levels["penta"].items == 2
    assert (levels["penta"].tp, levels["penta"].fp, levels["penta"].fn) == (2, 0, 0)
    assert "dyad_root" not in levels and "event" not in levels


def test_main_event_is_the_most_confident_and_none_is_a_miss():
    items = [item(1, ge("111")), item(2, ge("190")), item(3, ge("042")), item(4, ge(None, penta=2, known=False))]
    preds = [pred(1, pe("010", conf=0.4), pe("111", conf=0.9)),
             pred(2, pe("193", conf=0.8), pe("190", conf=0.3)),
             pred(3),
             pred(4, pe("061", conf=0.7))]
    assert preds[0].main().code == "111"
    acc = main_accuracy(items, preds)
    assert (acc["code"].correct, acc["code"].total) == (1, 3)
    assert (acc["root"].correct, acc["root"].total) == (2, 3)
    assert (acc["penta"].correct, acc["penta"].total) == (3, 4)
    assert (acc["root_any"].correct, acc["root_any"].total) == (2, 3)
    assert no_event_rate(items, preds).correct == 1
    table = confusion(items, preds, "root")
    assert table == {"04": {"none": 1}, "11": {"11": 1}, "19": {"19": 1}}
    rows = {r["gold"]: r for r in per_class(table)}
    assert rows["04"]["recall"] == 0.0 and rows["04"]["top_confusion"] == "none (1)"
    assert rows["11"]["precision"] == 1.0


def test_miss_severity_ranks_polarity_flips_first():
    gold = ge("042")
    assert miss_severity(gold, pe("042")) is None
    assert miss_severity(gold, pe("043"))[1] == "right root, wrong code"
    assert miss_severity(gold, pe("051"))[1] == "wrong root"
    assert miss_severity(gold, pe("190"))[1] == "cooperation/conflict flipped"
    assert miss_severity(gold, None)[1] == "no event coded"
    assert miss_severity(ge(None, penta=3, known=False), pe("111")) is None
    items = [item(1, ge("042")), item(2, ge("042")), item(3, ge("042"))]
    preds = [pred(1, pe("043")), pred(2), pred(3, pe("190"))]
    worst = worst_misses(items, preds, n=2)
    assert [w["id"] for w in worst] == ["g3", "g2"]
    assert worst[0]["predicted"].startswith("190 name 190")


def test_petrarch_records_pass_only_on_exact_triples():
    items = [item(1, ge("042", "ARN", "GON"), group="DEMO"), item(2, group="DEMO"),
             item(3, ge("111", "ARNGOV", "GON"), group="AGENT")]
    preds = [pred(1, pe("042", "ARN", "GON")), pred(2, pe("010", "ARN")), pred(3, pe("111", "ARN", "GON"))]
    assert record_passes(items[0], preds[0]) and not record_passes(items[1], preds[1])
    rates = pass_rates(items, preds)
    assert list(rates) == ["AGENT", "DEMO", "ALL"]
    assert (rates["DEMO"].correct, rates["DEMO"].total) == (1, 2)
    assert (rates["AGENT"].correct, rates["ALL"].correct, rates["ALL"].total) == (0, 1, 3)


def test_indiapolice_label_mapping():
    police = dict(source_sectors=("COP",))
    assert predicted_labels(pred(1, pe("173", "INDCOP", "IND", **police))) == {"ARREST", "ANY_ACTION"}
    assert predicted_labels(pred(1, pe("1823", "IND", "IND", **police))) == {"KILL", "FORCE", "ANY_ACTION"}
    shot = pred(1, pe("190", "IND", "IND", source_text="the police"), counts=[("killed", 2)])
    assert predicted_labels(shot) == {"KILL", "FORCE", "ANY_ACTION"}
    assert predicted_labels(pred(1, pe("190", "IND", "IND", **police))) == {"FORCE", "ANY_ACTION"}
    assert predicted_labels(pred(1, pe("040", "IND", "IND", **police))) == {"ANY_ACTION"}
    assert predicted_labels(pred(1, pe("1823", "INDREB", "IND"))) == set()  # not the police
    assert predicted_labels(pred(1, pe("173", None, "IND"))) == {"ARREST", "ANY_ACTION"}  # agentless arrest
    assert predicted_labels(pred(1, pe("173", "INDREB", "IND"))) == set()  # rebels detaining someone
    assert predicted_labels(pred(1, counts=[("arrested", 5)])) == {"ARREST", "ANY_ACTION"}
    items = [GoldItem(id="a", text="", labels=("ANY_ACTION", "ARREST"), group="1"),
             GoldItem(id="b", text="", labels=(), group="1"),
             GoldItem(id="c", text="", labels=("ANY_ACTION", "FAIL"), group="2")]
    preds = [pred(1, pe("173", "INDCOP", "IND", **police)), pred(2, pe("040", "INDCOP", "IND", **police)), pred(3)]
    scores = label_scores(items, preds)
    arrest, anya, fail = scores["ARREST"], scores["ANY_ACTION"], scores["FAIL"]
    assert (arrest["sentence"]["tp"], arrest["sentence"]["fp"], arrest["sentence"]["fn"]) == (1, 0, 0)
    assert (anya["sentence"]["tp"], anya["sentence"]["fp"], anya["sentence"]["fn"]) == (1, 1, 1)
    assert (anya["document"]["tp"], anya["document"]["fp"], anya["document"]["fn"]) == (1, 0, 1)
    assert fail["sentence"]["recall"] == 0.0 and not fail["mapped"]


def test_actor_accuracy_by_mentions_and_event_roles():
    text = "Turkey's foreign minister met Greek officials and Chile."
    gold = GoldItem(id="a", text=text, actors=[
        GoldActor("Turkey's foreign minister", "TUR", ("GOV",), "TUR", "source"),
        GoldActor("Greek officials", "GRC", ("GOV",), "GRC", "target"),
        GoldActor("Chile", "CHL", (), "CHL", "target"),
        GoldActor("Peru", "PER", (), "PER", "target")])
    p = Prediction(item_id="a", mentions=[
        PredMention(0, 25, "Turkey's foreign minister", "TUR", ("GOV",), "TURGOV"),
        PredMention(30, 45, "Greek officials", "CYP", ("GOV",), "CYPGOV"),
        PredMention(50, 55, "Chile", "CHL", ("GOV",), "CHLGOV")],
        events=[pe("040", "TURGOV", "CYPGOV", source_text="Turkey's foreign minister",
                   target_text="Greek officials", source_sectors=("GOV",), target_sectors=("GOV",))])
    out = actor_accuracy([gold], [p])
    m = out["mentions"]
    assert (m["gold_actors"], m["covered"], m["country_scored"]) == (4, 3, 3)
    assert m["country_accuracy"] == pytest.approx(2 / 3, abs=1e-4)  # Greek officials coded CYP
    assert m["sector_accuracy"] == pytest.approx(2 / 3, abs=1e-4)  # Chile has no gold sector but GOV here
    assert m["country_errors"] == [{"gold": "GRC", "ours": "CYP", "n": 1}]
    e = out["events"]
    assert (e["covered"], e["gold_actors"]) == (2, 4)
    assert e["country_accuracy"] == 0.5 and e["sector_accuracy"] == 1.0


def test_report_builds_json_and_renders_tables():
    gold = GoldSet(format="cameo-manual", path=__import__("pathlib").Path("x.jsonl"), single_label=True,
                   items=[item(1, ge("042", "ARN", "GON"), text="Arnor visited Gondor."), item(2, ge("190"))])
    preds = [pred(1, pe("042", "ARN", "GON", conf=0.9)), pred(2)]
    report = build_report(gold, preds, seconds=2.0)
    json.dumps(report)
    assert report["main"]["root"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert report["levels"]["root"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["worst"][0]["why"] == "no event coded"
    assert report["items_per_second"] == 1.0
    from rich.console import Console

    buf = io.StringIO()
    render(report, Console(file=buf, width=160))
    out = buf.getvalue()
    assert "Main event" in out and "CAMEO root" in out and "Worst misses" in out and "no event coded" in out
