"""The real-news dev set scorer: annotations read, texts attached by checksum, matching rules, figures,
misses; the CLI on a made-up fixture; and (with ../shared) the packaged set on real articles."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from typer.testing import CliRunner

import heron.cli.commands_eval  # noqa: F401  (registers the command, as heron.cli does)
from heron.cli import app
from heron.eval.gold import detect_format
from heron.eval.gold_news import (
    NewsPredEvent,
    NewsPrediction,
    attach_texts,
    packaged_annotations,
    read_annotations,
)
from heron.eval.news_score import NEAR_CHARS, match_pair, score_news
from tests.conftest import REPO, SHARED, need_shared

FIX = REPO / "tests" / "fixtures" / "eval" / "news"
CORPUS = FIX / "corpus.jsonl"
ANN = FIX / "annotations.jsonl"
runner = CliRunner()


def _gold():
    arts, skipped = attach_texts(read_annotations(ANN), CORPUS)
    assert skipped == []
    return arts


def _pred(code, src, tgt, sentence, *, place=None, when=None, trigger=""):
    def sectors(c):
        return (c[3:6],) if c and len(c) > 3 else ()

    def country(c):  # as Heron gives it: none for "---GOV" (unknown) and for transnational codes
        return c[:3] if c and c[:3] not in ("---", "IGO", "NGO", "IMG") else None

    return NewsPredEvent(code=code, root=code[:2], source_code=src, source_country=country(src),
                         source_sectors=sectors(src), target_code=tgt, target_country=country(tgt),
                         target_sectors=sectors(tgt), sentence=sentence, span=sentence,
                         location_name=place[0] if place else None, location_country=place[1] if place else None,
                         date=when, trigger=trigger)


def test_annotations_read_and_texts_attached_by_checksum(tmp_path):
    arts = _gold()
    assert [a.id for a in arts] == ["fix:1", "fix:2"]
    first = arts[0]
    assert first.published == date(2024, 5, 10)
    assert [e.eid for e in first.events] == ["e1", "e2", "e3"]
    assert first.events[0].pair == "e2" and first.events[0].place_country == "RUS"
    assert first.text[first.events[2].trigger[0]:first.events[2].trigger[1]] == "arrested"
    assert first.counts[0].kind == "arrested" and first.counts[0].value == 12
    # a corpus whose text changed since annotation: that article is skipped, with the reason
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    changed = json.loads(lines[1])
    changed["text"] = changed["text"].replace("five", "six")
    other = tmp_path / "corpus.jsonl"
    other.write_text(lines[0] + "\n" + json.dumps(changed) + "\n", encoding="utf-8")
    kept, skipped = attach_texts(read_annotations(ANN), other)
    assert [a.id for a in kept] == ["fix:1"]
    assert skipped and "fix:2" in skipped[0] and "checksum" in skipped[0]


def test_matching_levels_near_offsets_and_null_actors():
    g = _gold()[0].events[0]  # IRNGOV 042 RUSGOV in the first sentence
    same = _pred("040", "IRNGOV", "RUSGOV", g.span)
    m = match_pair(g, same)
    assert m.at("country_root") and m.at("code_exact") and m.gap == 0
    bare = match_pair(g, _pred("040", "IRN", "RUS", g.span))
    assert bare.at("country_root") and not bare.at("code_root")  # the gold wants the GOV sector
    far = (g.span[1] + NEAR_CHARS + 5, g.span[1] + NEAR_CHARS + 50)
    assert not match_pair(g, _pred("040", "IRNGOV", "RUSGOV", far)).near
    near = (g.span[1] + 10, g.span[1] + 60)
    assert match_pair(g, _pred("040", "IRNGOV", "RUSGOV", near)).at("country_root")
    wrong_code = match_pair(g, _pred("010", "IRNGOV", "RUSGOV", g.span))
    assert not wrong_code.root and not wrong_code.at("country_root")
    unnamed = replace(g, source=None)  # an unnamed perpetrator accepts any coded source
    assert match_pair(unnamed, _pred("040", "USAGOV", "RUSGOV", g.span)).at("country_root")
    # transnational codes compare on six letters; a gold side may name alternatives
    eu = replace(g, target="EUR|IGOEUREEC")
    assert match_pair(eu, _pred("040", "IRNGOV", "IGOEUREEC", g.span)).at("code_root")
    un = replace(g, target="IGOUNO")
    assert not match_pair(un, _pred("040", "IRNGOV", "IGOEUREEC", g.span)).target_country
    assert match_pair(un, _pred("040", "IRNGOV", "IGOUNOWHO", g.span)).target_country
    # a coded actor whose country Heron left unknown counts only at the lenient level
    loose = match_pair(g, _pred("040", "---GOV", "RUSGOV", g.span))
    assert not loose.source_country and loose.source_lenient
    root_only = replace(g, code="04", alt_codes=())
    assert match_pair(root_only, _pred("043", "IRNGOV", "RUSGOV", g.span)).at("code_exact")


def test_scores_recall_precision_overcoding_place_date_counts_and_misses():
    arts = _gold()
    a1 = arts[0]
    s1, s3 = a1.events[0].span, a1.events[2].span
    preds = [
        NewsPrediction("fix:1", events=[
            _pred("040", "IRNGOV", "RUSGOV", s1, place=("Moscow", "RUS"), when=date(2024, 5, 9)),  # one direction only
            _pred("010", "IRNGOV", None, s1),  # over-coding: a statement nobody asked for
            _pred("173", "IRNCOP", "IRNEDU", s3, place=("Tehran", "IRN"), when=date(2024, 5, 7), trigger="arrested"),
            # near the meeting's sentences, but in the arrest's sentence: it may not stand in for the meeting
            _pred("040", "RUSGOV", "IRNGOV", s3),
        ], counts=[("arrested", 12)]),
        NewsPrediction("fix:2", events=[], counts=[("killed", 5)]),
    ]
    s = score_news(arts, preds)
    assert s["gold_events"] == 4 and s["predicted_events"] == 4
    assert s["recall"]["country_root"] == 0.5 and s["recall"]["code_exact"] == 0.5
    assert s["recall"]["root_only"] == 0.75  # the meeting's other direction has a coded 04 beside it
    assert s["precision_against_key_events"]["country_root"] == 0.5
    assert s["over_coding"]["overall"] == 1.0 and s["over_coding"]["max_per_article"] == pytest.approx(4 / 3, abs=1e-3)
    assert s["place"]["country_accuracy"] == 1.0 and s["place"]["name_accuracy"] == 1.0
    assert s["date"]["day_scored"] == 2 and s["date"]["day_accuracy"] == 0.5 and s["date"]["within_1_day"] == 1.0
    assert s["counts"]["recall"] == 1.0
    assert s["miss_types"] == {"direction swapped": 1, "no event coded in the article": 1}
    miss = {m["id"]: m for m in s["misses"]}
    assert miss["fix:1"]["eid"] == "e2" and miss["fix:1"]["nearest"].startswith("IRNGOV 040 RUSGOV")
    assert miss["fix:1"]["text"].startswith("MOSCOW, May 10")
    assert miss["fix:2"]["nearest"] is None and "CODREB 19" in miss["fix:2"]["gold"]
    assert s["unmatched_predicted_roots"] == {"01": 1, "04": 1}
    # the rebels coded without their country: a miss, found only at the lenient level
    a2 = arts[1]
    s2 = score_news([a2], [NewsPrediction("fix:2", events=[_pred("190", "---REB", "CODMIL", a2.events[0].span)])])
    assert s2["miss_types"] == {"source country unknown": 1}
    assert s2["recall"]["country_root"] == 0.0 and s2["recall"]["country_root_lenient"] == 1.0
    assert s["by_source"]["heron-test"]["recall"] == 0.5


def test_cli_news_format_with_annotations_json_and_tables():
    result = runner.invoke(app, ["eval", str(CORPUS), "--annotations", str(ANN), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["format"] == "news" and report["items"] == 2 and report["gold_events"] == 4
    news = report["news"]
    assert set(news["recall"]) >= {"country_root", "code_root", "country_exact", "code_exact"}
    assert news["counts"]["gold"] == 2
    assert len(news["misses"]) == 4 - news["found"].get("country_root", 0)
    shown = runner.invoke(app, ["eval", str(CORPUS), "--format", "news", "--annotations", str(ANN)])
    assert shown.exit_code == 0, shown.output
    assert "Key-event recall" in shown.output and "precision against key events" in shown.output


def test_news_needs_annotations_for_an_unknown_corpus(tmp_path):
    other = tmp_path / "mine.jsonl"
    other.write_text(CORPUS.read_text(encoding="utf-8"), encoding="utf-8")
    assert packaged_annotations(other) is None
    result = runner.invoke(app, ["eval", str(other), "--format", "news"])
    assert result.exit_code != 0 and "--annotations" in result.output


def test_packaged_dev_set_on_three_real_articles():
    corpus = need_shared(SHARED / "corpus" / "news-mixed.jsonl")
    ann = packaged_annotations(corpus)
    assert ann is not None and ann.name == "news-mixed-dev.jsonl"
    arts = read_annotations(ann)
    assert len(arts) >= 40 and sum(len(a.events) for a in arts) >= 60
    assert detect_format(corpus) == "news"
    result = runner.invoke(app, ["eval", str(corpus), "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["format"] == "news" and report["items"] == 3 and report["skipped"] == []
    news = report["news"]
    assert news["gold_events"] == sum(len(a.events) for a in arts[:3])
    assert 0.0 <= (news["recall"]["country_root"] or 0.0) <= 1.0
