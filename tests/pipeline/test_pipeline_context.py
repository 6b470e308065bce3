"""DocContext and the stages' precomputed inputs: the same results as when each stage looks for itself."""

from __future__ import annotations

from datetime import date

import pytest

from heron.counts import find_counts
from heron.dates import find_dates
from heron.dates import resolve as date_resolve
from heron.geo import geoparse
from heron.nlp.context import DocContext, sentence_of_token

TEXT = (
    "TEHRAN (Tasnim) - Iran's foreign minister met his Russian counterpart in Moscow on Wednesday. "
    "Police said 40 people were arrested in Kunduz, Afghanistan, after clashes that killed 12. "
    "The talks, first held in Geneva in March 2014, will resume next month. "
    "Nothing else happened."
)
PUBLISHED = date(2015, 10, 22)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_context_matches_doc(doc):
    ctx = DocContext.of(doc)
    sents = list(doc.sents)
    assert ctx.text == doc.text
    assert [(s.start, s.end) for s in ctx.sents] == [(s.start, s.end) for s in sents]
    assert [(e.start, e.end, e.label_) for e in ctx.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert ctx.sent_of_token == [next(i for i, s in enumerate(sents) if s.start <= t.i < s.end) for t in doc]
    for i, s in enumerate(sents):
        assert [(e.start, e.end) for e in ctx.sentence_ents(i)] == [(e.start, e.end) for e in s.ents]
    assert len(sents) >= 4 and max(ctx.sent_of_token) == len(sents) - 1


def test_sentence_of_token_needs_boundaries(nlp):
    blank = nlp.make_doc("No parser has run on this text.")
    with pytest.raises(ValueError):
        sentence_of_token(blank)


def test_stages_given_context_agree(doc, coder):
    ctx = DocContext.of(doc)
    alone = geoparse(doc, article_id="a", gazetteer=coder.gazetteer)
    given = geoparse(doc, article_id="a", gazetteer=coder.gazetteer, ents=ctx.ents, sentence_of_token=ctx.sent_of_token)
    assert given == alone
    assert {p.text for p in alone} >= {"Moscow", "Kunduz"}
    found_dates, found_counts = [], []
    for i, sent in enumerate(ctx.sents):
        d_alone = find_dates(sent, published=PUBLISHED)
        d_given = find_dates(sent, published=PUBLISHED, ents=ctx.sentence_ents(i), doc_text=ctx.text)
        assert d_given == d_alone
        found_dates += [r.text for r in d_given]
        c_alone = find_counts(sent, article_id="a", sentence_index=i)
        assert find_counts(sent, article_id="a", sentence_index=i, ents=ctx.sentence_ents(i)) == c_alone
        found_counts += [(c.kind, c.value) for c in c_alone]
    assert "Wednesday" in found_dates and "next month" in found_dates
    assert found_counts == [("arrested", 40), ("killed", 12)]


def test_code_doc_places_and_counts(doc, coder):
    from heron.records import Article

    coded = coder.code_doc(doc, Article(id="ctx-1", text=TEXT, published=PUBLISHED))
    assert [s.text for s in coded.sentences] == [s.text for s in doc.sents]
    assert {(c.kind, c.value) for c in coded.counts} == {("arrested", 40), ("killed", 12)}
    kunduz = next(p for p in coded.places if p.text == "Kunduz")
    assert kunduz.sentence_index == 2 and kunduz.country == "AFG"
    arrested = next(c for c in coded.counts if c.kind == "arrested")
    assert arrested.location_country == "AFG"


SENTENCES = [
    "The ceasefire that began on 3 March 2015 collapsed last week.",
    "Talks resume in mid-October, officials said on Tuesday.",
    "In 1994, two years ago, and in the 1990s the region was calm.",
    "Elections held this past Sunday morning were peaceful.",
    "Protests continued through the weekend and into yesterday evening.",
    "He has lived there since 2011 and will stay until late September.",
    "No date appears in this sentence at all.",
]


def test_date_gates_only_skip_rules_that_cannot_match(monkeypatch):
    """scan with its cheap gates finds exactly what it finds with every rule tried."""
    gated = [[(h.start, h.end, h.rule.name) for h in date_resolve.scan(s)] for s in SENTENCES]
    monkeypatch.setattr(date_resolve, "_GATES", {})
    ungated = [[(h.start, h.end, h.rule.name) for h in date_resolve.scan(s)] for s in SENTENCES]
    assert gated == ungated
    assert sum(map(len, gated)) >= 10 and gated[-1] == []
