"""Where an event happened (issue 11.3): the place its clause names, else the article's
established place of the action, and the dateline only when the article names no other place.
A visit happened at the host's place. Each event's location_reason says which rule fired.

Texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def code(coded):
    return coded


def _events(coded, code_root: str | None = None, sentence: int | None = None):
    return [e for e in coded.events
            if (code_root is None or e.cameo_root == code_root) and (sentence is None or e.sentence_index == sentence)]


def test_visit_under_another_dateline_happened_at_the_host(code):
    coded = code("SEOUL (Yonhap) -- South Korea's unification minister visited Pyongyang on Monday. "
                 "He held talks with North Korean officials for three hours.")
    visits = _events(coded, "04", 1)
    assert visits, [(e.sentence_index, e.cameo_code, e.source_code, e.target_code) for e in coded.events]
    assert all(e.location_name == "Pyongyang" for e in visits)
    assert all(e.location_reason.startswith("visit host") for e in visits if e.cameo_code == "042")
    # the next sentence names no place: the article's place of the action, not the dateline
    talks = _events(coded, "04", 2)
    assert talks and all(e.location_name == "Pyongyang" for e in talks)
    assert all(e.location_reason.startswith("article's place of the action") for e in talks)


def test_visit_destination_beats_a_stopover_in_the_same_sentence(code):
    coded = code("The Iranian foreign minister visited Damascus after a brief stop in Beirut.")
    visit = next(e for e in coded.events if e.cameo_code == "042")
    assert visit.location_name == "Damascus"
    assert visit.location_reason.startswith("visit host")


def test_clause_place_beats_the_dateline(code):
    coded = code("DAMASCUS (Wire) -- Syrian government helicopters attacked rebel positions in Aleppo "
                 "on Sunday, the opposition said.")
    attacks = [e for e in coded.events if e.cameo_root in ("18", "19")]
    assert attacks and all(e.location_name == "Aleppo" for e in attacks)
    assert all(e.location_reason.startswith("clause") for e in attacks)


def test_a_place_naming_whose_the_weapon_is_is_not_where(code):
    coded = code("A US drone strike killed three militants in Kandahar on Sunday.")
    strikes = [e for e in coded.events if e.cameo_root in ("18", "19")]
    assert strikes and all(e.source_country == "USA" for e in strikes)
    assert all(e.location_country == "AFG" for e in strikes), [(e.location_name, e.location_reason) for e in strikes]


def test_dateline_only_when_the_article_names_no_other_place(code):
    coded = code("NAIROBI (Wire) -- Kenya's president met the Ugandan foreign minister on Tuesday. "
                 "The two discussed trade and security.")
    met = _events(coded, "04")
    assert met and all(e.location_name == "Nairobi" for e in met)
    assert all(e.location_reason == "dateline (the article places the action nowhere else)" for e in met)


def test_no_place_at_all(code):
    coded = code("Kenya's president met the Ugandan foreign minister on Tuesday.")
    met = _events(coded, "04")
    assert met and all(e.location_name is None and e.location_reason == "none" for e in met)


def test_seed_meeting_stays_in_tehran(coder):
    from tests.conftest import SEED, need_shared

    from heron.ingest.text import text_article

    article = text_article(need_shared(SEED).read_text(encoding="utf-8"), origin="seed")  # as `heron code` reads it
    article.published = date(2015, 10, 22)
    coded = coder.code_article(article)
    places = {(e.sentence_index, e.cameo_code): e.location_name for e in coded.events}
    assert places[(3, "040")] == "Tehran"
    assert places[(2, "032")] == "Tehran" and places[(10, "051")] == "Tehran"
    assert places[(9, "195")] == "Syria"
