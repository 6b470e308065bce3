"""The cheap first pass (heron.nlp.gate): which sentences can carry an event and get parsed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heron.events.lexicon_model import TriggerPattern
from heron.nlp.gate import TriggerIndex, inflected_forms
from heron.nlp.headlines import _LINE, _lines
from heron.nlp.partial import PartialParser, _kept_runs


@pytest.fixture(scope="module")
def lemmatizer(nlp):
    return nlp.get_pipe("lemmatizer")


def test_forms_of_a_verb_come_from_the_lemmatizer_tables(lemmatizer):
    forms = inflected_forms("attack", "verb", lemmatizer)
    assert {"attack", "attacks", "attacked", "attacking"} <= forms
    assert "met" in inflected_forms("meet", "verb", lemmatizer)  # an exception, not a rule
    assert {"agreed", "agrees"} <= inflected_forms("agree", "verb", lemmatizer)
    assert {"stopped", "stopping"} <= inflected_forms("stop", "verb", lemmatizer)  # doubled consonant
    assert "talks" in inflected_forms("talk", "noun", lemmatizer)
    # a noun is not given the adjective's comparative: "report" -> "reporter" would be a slip
    assert "reporter" not in inflected_forms("report", "noun", lemmatizer)


class _Lexicon:
    """What TriggerIndex reads of a TriggerLexicon: its (pos, lemma) -> patterns index."""

    def __init__(self, patterns):
        self.index = {}
        for p in patterns:
            self.index[(p.pos, p.lemma)] = (*self.index.get((p.pos, p.lemma), ()), p)


def _ids(nlp, text):
    return {nlp.vocab.strings.add(t.lower_) for t in nlp.make_doc(text)}


def test_a_constrained_pattern_needs_its_words_in_the_sentence(nlp, lemmatizer):
    hold_talks = TriggerPattern(id="t1", code="040", pos="verb", lemma="hold", source=(), target=(),
                                obj=frozenset({"talk", "meeting"}))
    bare_attack = TriggerPattern(id="t2", code="190", pos="verb", lemma="attack", source=(), target=())
    index = TriggerIndex(_Lexicon([hold_talks, bare_attack]), lemmatizer, nlp.vocab)
    held = nlp.vocab.strings.add("held")
    assert not index.possible([held], _ids(nlp, "They held a party in the park."))
    assert index.possible([held], _ids(nlp, "They held talks in the park."))
    assert index.possible([held], _ids(nlp, "The ministers held meetings."))
    attacked = nlp.vocab.strings.add("attacked")
    assert index.possible([attacked], _ids(nlp, "Rebels attacked."))  # a bare pattern needs nothing


@pytest.fixture(scope="module")
def fast(coder):
    """A ``fast`` coder sharing the session coder's loaded model and dictionaries."""
    from heron.pipeline import Coder
    from heron.settings import Settings

    fresh = Coder(Settings(fast=True))
    for name in ("nlp", "knowledge", "ontology", "gazetteer", "mention_finder"):
        vars(fresh)[name] = getattr(coder, name)
    return fresh


def _decide(coder, text):
    partial = coder.partial_parser
    assert partial is not None
    doc, decision = next(partial.pipe([text]))
    return doc, decision


def test_the_gate_is_off_by_default(coder):
    assert coder.partial_parser is None


def test_the_gate_keeps_event_sentences_and_drops_the_rest(fast):
    coder = fast
    text = ("The weather in the valley was mild and the harvest was early this year. "
            "Iran condemned the sanctions imposed by the United States. "
            "Tea prices rose a little over the summer months. "
            "At least 12 died when the bridge fell.")
    doc, decision = _decide(coder, text)
    sents = list(doc.sents)
    assert len(sents) == 4 == len(decision.keep)
    assert decision.keep.tolist() == [False, True, False, True]
    assert decision.reasons[1] == "actor+trigger" and decision.reasons[3] == "count"
    dropped, kept = sents[0], sents[1]
    # a dropped sentence keeps its tokens and its boundaries, but has no annotation
    assert all(t.pos_ == "" and t.ent_type_ == "" for t in dropped)
    assert all(t.head.i == dropped.start for t in dropped)
    # a kept one is tagged, parsed and has its entities
    assert {t.pos_ for t in kept} >= {"PROPN", "VERB"}
    assert "United States" in [e.text.replace("the ", "") for e in doc.ents]
    assert [t.text for t in kept if t.dep_ == "ROOT"] == ["condemned"]


def test_a_name_introduced_next_to_an_actor_word_makes_later_sentences_candidates(fast):
    coder = fast
    text = ("Foreign Minister Ardelio Kwesani arrived on Monday. "
            "Kwesani later condemned the decision.")
    _, decision = _decide(coder, text)
    assert decision.keep.tolist() == [True, True]


def test_gated_and_full_parses_code_the_same_events(coder, fast):
    from heron.records import Article

    text = ("Turkey and Greece agreed on Tuesday to resume talks on maritime borders. "
            "The island has long beaches and a small harbour. "
            "The Greek foreign minister said Athens wanted a lasting deal. "
            "Fishing boats left the harbour at dawn as usual. "
            "Turkish jets later violated Greek airspace, the ministry said.")
    article = Article(id="t", text=text)

    def key(coded):
        return sorted((e.sentence_index, e.source_code, e.cameo_code, e.target_code) for e in coded.events)

    gated, whole = fast.code_article(article), coder.code_article(article)
    assert key(gated) == key(whole) and key(gated)
    assert [s.text for s in gated.sentences] == [s.text for s in whole.sentences]


def test_no_gate_with_user_verb_dictionaries_or_without_a_senter(tmp_path):
    import spacy

    from heron.pipeline import Coder
    from heron.settings import Settings

    verbs = tmp_path / "v.txt"
    verbs.write_text("", encoding="utf-8")
    assert Coder(Settings(verb_files=(verbs,), fast=True)).partial_parser is None
    with pytest.raises(ValueError, match="senter"):
        PartialParser(spacy.blank("en"), gate=None)


def test_kept_runs_join_neighbouring_sentences():
    import numpy

    starts = [0, 5, 9, 14]
    assert _kept_runs(starts, numpy.array([True, True, False, True]), 20) == [(0, 9), (14, 20)]
    assert _kept_runs(starts, numpy.array([False, False, False, False]), 20) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\r.", max_size=120), st.integers(min_value=0, max_value=130))
def test_headline_lines_match_finditer(text, end):
    """The linear line scanner gives exactly the matches of ``finditer`` (which is quadratic on
    text without line breaks)."""
    end = min(end, len(text))
    assert [(m.start(), m.end()) for m in _lines(text, end)] == \
        [(m.start(), m.end()) for m in _LINE.finditer(text, 0, end)]


def test_the_seed_codes_the_same_events_with_the_gate(coder, fast):
    from datetime import date

    from heron.records import Article
    from tests.conftest import SEED, need_shared

    article = Article(id="seed", text=need_shared(SEED).read_text(encoding="utf-8"), published=date(2015, 10, 22))

    def key(coded):
        return [(e.sentence_index, e.source_code, e.cameo_code, e.target_code, e.date, e.location_name)
                for e in coded.events]

    gated, whole = fast.code_article(article), coder.code_article(article)
    assert key(gated) == key(whole) and len(whole.events) >= 10
    assert [(c.kind, c.value) for c in gated.counts] == [(c.kind, c.value) for c in whole.counts]


def test_cli_fast_flag(tmp_path):
    from typer.testing import CliRunner

    from heron.cli import app

    src = tmp_path / "a.txt"
    src.write_text("Egypt and Sudan signed a water agreement on Monday. The river was high that week.",
                   encoding="utf-8")
    runs = {}
    for flag in ([], ["--fast"]):
        result = CliRunner().invoke(app, ["code", str(src), "--db", str(tmp_path / f"s{len(flag)}.duckdb"),
                                          "--format", "jsonl", "--quiet", *flag])
        assert result.exit_code == 0, result.output
        runs[bool(flag)] = sorted(line for line in result.output.splitlines() if line.startswith("{"))
    assert runs[True] and len(runs[True]) == len(runs[False])
