"""Main events (issue 10.7): one act per sentence, or per directed dyad, for PETRARCH-style output;
``main_events`` on hand-built records, the ``main_only`` setting, and ``heron code --main-only``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from heron.cli import app
from heron.events.ranking import main_events
from heron.records import Event
from heron.store import Store


def ev(code: str, src: str | None, tgt: str | None, conf: float, *, sent: int = 0, trigger: str = "t",
       start: int = 0, article: str = "a") -> Event:
    return Event(event_id=f"{article}{sent}{code}{src}{tgt}{start}", article_id=article, sentence_index=sent,
                 sentence_text="", start=start, end=start + 1, cameo_code=code, cameo_root=code[:2],
                 cameo_name="", goldstein=0.0, quad_class=1, penta_class=1, plover_type="", plover_mode="",
                 source_code=src, target_code=tgt, trigger=trigger, confidence=conf)


def codes(events: list[Event]) -> list[tuple[str | None, str, str | None]]:
    return [(e.source_code, e.cameo_code, e.target_code) for e in events]


def test_one_main_event_per_sentence_keeps_both_directions_of_a_symmetric_act():
    events = [ev("010", "TUR", None, 0.9, start=0, trigger="said"),
              ev("040", "TUR", "GRC", 0.8, start=5, trigger="met"),
              ev("040", "GRC", "TUR", 0.8, start=5, trigger="met"),
              ev("020", "TUR", "GRC", 0.6, start=9, trigger="urged"),
              ev("190", "ISR", "PSE", 0.7, sent=1, trigger="shelled")]
    assert codes(main_events(events)) == [("TUR", "040", "GRC"), ("GRC", "040", "TUR"), ("ISR", "190", "PSE")]


def test_a_bare_statement_is_main_only_when_nothing_else_was_coded():
    assert codes(main_events([ev("010", "IRN", None, 0.9)])) == [("IRN", "010", None)]
    assert codes(main_events([ev("010", "IRN", None, 0.9), ev("051", "IRN", "RUS", 0.4)])) == [("IRN", "051", "RUS")]


def test_ties_go_to_the_more_precise_code_then_the_earlier_one():
    assert codes(main_events([ev("020", "A", "B", 0.7, start=1), ev("0256", "A", "B", 0.7, start=5)])) == [("A", "0256", "B")]
    assert codes(main_events([ev("111", "A", "B", 0.7, start=5), ev("112", "A", "B", 0.7, start=1)])) == [("A", "112", "B")]


def test_per_dyad_keeps_the_best_event_of_each_directed_pair():
    events = [ev("040", "TUR", "GRC", 0.8, trigger="met"), ev("040", "GRC", "TUR", 0.8, trigger="met"),
              ev("0256", "TUR", "GRC", 0.7, trigger="urged"), ev("111", "TUR", "CYP", 0.6, trigger="condemned")]
    assert codes(main_events(events, per="dyad")) == [("TUR", "040", "GRC"), ("GRC", "040", "TUR"), ("TUR", "111", "CYP")]


def test_articles_are_kept_apart_and_order_is_kept():
    events = [ev("040", "A", "B", 0.5, article="x"), ev("190", "C", "D", 0.9, article="y"), ev("111", "A", "B", 0.6, article="x")]
    assert [e.article_id + e.cameo_code for e in main_events(events)] == ["y190", "x111"]


def test_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="sentence, dyad"):
        main_events([], per="article")


ARTICLE = (
    "ANKARA (Wire) - Turkey's foreign minister met his Greek counterpart in Ankara on Tuesday and "
    "urged Greece to withdraw its troops from the islands.\n"
    "Germany condemned the Russian air strikes on Aleppo and called on Moscow to stop the bombing.\n"
)


def _run(tmp_path: Path, *extra: str) -> tuple[list[dict], int]:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / f"h{len(extra)}.duckdb"
    result = CliRunner().invoke(app, ["code", str(src), "--db", str(db), "--format", "jsonl", "--published",
                                      "2021-03-10", "--quiet", "--workers", "1", *extra])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        stored = store.count("events")
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")], stored


def test_cli_main_only_prints_and_stores_one_act_per_sentence(tmp_path):
    every, _ = _run(tmp_path)
    main, stored = _run(tmp_path, "--main-only")
    assert stored == len(main)
    assert {e["event_id"] for e in main} < {e["event_id"] for e in every}
    by_sentence: dict[int, set[tuple[str, str]]] = {}
    for e in main:
        by_sentence.setdefault(e["sentence_index"], set()).add((e["cameo_code"], e["trigger"]))
    assert all(len(acts) == 1 for acts in by_sentence.values()), by_sentence
    meeting = {(e["source_country"], e["target_country"]) for e in main if e["cameo_root"] == "04"}
    assert meeting == {("TUR", "GRC"), ("GRC", "TUR")}, main  # both directions of the meeting
    per_dyad, stored = _run(tmp_path, "--main-only", "--main-per", "dyad")
    assert stored == len(per_dyad) >= len(main)
    dyads = [(e["sentence_index"], e["source_code"], e["target_code"]) for e in per_dyad]
    assert len(dyads) == len(set(dyads))


def test_cli_main_per_refuses_an_unknown_unit(tmp_path):
    result = CliRunner().invoke(app, ["code", "-", "--db", ":memory:", "--main-only", "--main-per", "article"],
                                input="Iran met Russia.")
    assert result.exit_code != 0
    assert "--main-per" in result.output


def test_the_act_a_statement_is_about_ranks_below_the_statement(coder):
    """ "claimed responsibility for attacks on X": the attacks hang on the claiming verb, but they
    are what the claim is about; the claim (015) is the sentence's main event."""
    from heron.pipeline import code_text

    events = code_text("Al-Shabaab claimed responsibility on Sunday for attacks on Kenyan troops from Somalia.",
                       coder=coder).events
    assert [e.cameo_code for e in main_events(events)] == ["015"], [(e.cameo_code, e.confidence) for e in events]
