"""The user's example article end to end: actors, places, dates and counts (issues' acceptance)."""

from __future__ import annotations

from datetime import date

import pytest

from heron.records import Article
from tests.conftest import SEED, need_shared


@pytest.fixture(scope="module")
def coded(coder):
    text = need_shared(SEED).read_text(encoding="utf-8")
    return coder.code_article(Article(id="seed", text=text, published=date(2015, 10, 22)))


def _events(coded, root, src, tgt):
    return [e for e in coded.events if e.cameo_code.startswith(root)
            and (e.source_code or "").startswith(src) and (e.target_code or "").startswith(tgt)]


def test_first_actor_is_one_mention_of_dehqan(coded):
    first = next(m for m in coded.mentions if "Dehqan" in m.text)
    (actor,) = first.actors
    assert first.text.startswith("Iranian Defense Minister")
    assert (actor.name, actor.country, actor.code) == ("Hossein Dehqan", "IRN", "IRNGOVMIL")
    assert set(actor.sectors) == {"GOV", "MIL"}
    assert actor.role == "defense minister" and actor.title == "brigadier general"


def test_coreference_chain(coded):
    by_text = {}
    for m in coded.mentions:
        by_text.setdefault(m.text, m)
    assert by_text["General Dehqan"].actors[0].name == "Hossein Dehqan"
    assert by_text["He"].actors[0].name == "Hossein Dehqan" and by_text["He"].resolved_by.startswith("coref")
    assert by_text["The Russian minister"].actors[0].name == "Alexander Novak"
    assert by_text["Novak"].actors[0].code == "RUSGOV"
    two_sides = [m for m in coded.mentions if m.text == "the two sides"]
    assert two_sides and all({a.country for a in m.actors} == {"IRN", "RUS"} for m in two_sides)


def test_isil_is_a_stateless_group(coded):
    isil = [a for m in coded.mentions for a in m.actors if "ISIL" in m.text]
    assert isil and all(a.country is None and a.kind == "group" for a in isil)


def test_parliament_and_putin(coded):
    codes = {m.text: m.actors[0].code for m in coded.mentions if len(m.actors) == 1}
    assert codes["the Russian parliament"] == "RUSLEG"
    assert codes["President Vladimir Putin"] == "RUSGOV"


def test_two_sides_conferred_both_directions(coded):
    sentence = next(s.index for s in coded.sentences if "conferred" in s.text)
    pairs = {(e.source_country, e.target_country) for e in coded.events if e.sentence_index == sentence}
    assert {("IRN", "RUS"), ("RUS", "IRN")} <= pairs


def test_meeting_in_tehran_on_wednesday(coded):
    meeting = _events(coded, "04", "IRN", "RUS")
    assert meeting
    tehran = [e for e in meeting if e.location_name == "Tehran"]
    assert tehran and tehran[0].location_country == "IRN"
    assert abs(tehran[0].latitude - 35.69) < 0.1 and abs(tehran[0].longitude - 51.42) < 0.1
    assert all(e.date == date(2015, 10, 21) and e.date_precision == "day" for e in meeting)


def test_strikes_on_isil_in_syria(coded):
    strikes = _events(coded, "19", "RUS", "IMG")
    assert strikes and strikes[0].plover_type == "ASSAULT" and strikes[0].plover_mode == "aerial"
    assert strikes[0].location_country == "SYR"
    assert strikes[0].date.month == 9 and strikes[0].date_precision == "month"  # "since late September"


def test_welcome_is_support(coded):
    welcome = _events(coded, "051", "IRN", "RUS")
    assert welcome and welcome[0].plover_type == "SUPPORT"


def test_counts(coded):
    found = {(c.kind, c.value, c.qualifier) for c in coded.counts}
    assert ("killed", 240000, "more than") in found
    assert ("refugees", 4000000, "around") in found
    assert ("displaced", 8000000, "around") in found


def test_every_event_is_explained(coded):
    for e in coded.events:
        assert e.trigger and e.pattern_id and e.reason
        assert coded.article.text[e.start:e.end]  # offsets point into the article
        assert e.sentence_text.strip() in coded.article.text
