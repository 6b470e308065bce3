"""Headlines and datelines (issue 10, class 4).

A headline is a line with no final stop that opens an article (before a blank line or the
dateline); "BEIJING, Nov. 9 (Xinhua) --" and "Moscow, 12 March (AFP):" are datelines, neither
actors nor, by themselves, the place of the act. Where the headline and the body report the
same event, one event is kept: the body's. Texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from heron.geo.dateline import find_dateline


@pytest.fixture(scope="module")
def code(coded):
    return coded


@pytest.mark.parametrize("text, place, agency", [
    ("BEIJING, Nov. 9 (Xinhua) -- China and Vietnam signed a trade pact on Monday.", "BEIJING", "Xinhua"),
    ("TEHRAN (Tasnim) \u2013 Iran summoned the Swiss envoy.", "TEHRAN", "Tasnim"),
    ("WASHINGTON (Reuters) - The United States praised Japan.", "WASHINGTON", "Reuters"),
    ("Moscow, 12 March (AFP): Russia expelled two British diplomats.", "Moscow", "AFP"),
    ("MOSCOW, 12 March (AFP) - Russia expelled two British diplomats.", "MOSCOW", "AFP"),
])
def test_datelines(text, place, agency):
    d = find_dateline(text)
    assert d is not None and d.place == place and d.agency == agency


def test_an_agency_alone_is_no_dateline_place():
    assert find_dateline("AFP - Rebels attacked a convoy near the border.") is None


def test_the_dateline_is_no_actor(code):
    coded = code("Moscow, 12 March (AFP): Britain expelled two Russian diplomats on Tuesday.")
    assert all(not (m.text.startswith("Moscow") and m.start < 10) for m in coded.mentions)
    assert all(e.source_country == "GBR" for e in coded.events if e.cameo_root == "16"), coded.events


def test_headline_line_is_a_sentence_of_its_own(code):
    coded = code("Turkey Expels Dutch Ambassador\n\nANKARA (Wire) - Turkey expelled the Dutch ambassador on "
                 "Sunday, the foreign ministry said.")
    assert coded.sentences[0].text.strip() == "Turkey Expels Dutch Ambassador"


def test_headline_and_body_report_one_event(code):
    coded = code("Turkey Expels Dutch Ambassador\n\nANKARA (Wire) - Turkey expelled the Dutch ambassador on "
                 "Sunday over a dispute about election rallies.")
    expulsions = [e for e in coded.events if e.cameo_root == "16"]
    assert len(expulsions) == 1, [(e.sentence_index, e.cameo_code, e.source_code, e.target_code) for e in coded.events]
    assert expulsions[0].sentence_index > 0  # the body's event, with its date and arguments


def test_headline_glued_to_the_body_with_a_stop(code):
    # the form of wire feeds that prefix the title to the text
    coded = code("Israel Strikes Gaza Targets. GAZA (Wire) - Israeli warplanes struck Hamas targets in "
                 "Gaza on Tuesday, the army said.")
    strikes = [e for e in coded.events if e.cameo_root in ("18", "19")]
    assert strikes and {e.sentence_index for e in strikes} == {max(e.sentence_index for e in strikes)}
    assert all(e.source_country == "ISR" for e in strikes)


def test_a_headline_event_the_body_does_not_repeat_is_kept(code):
    coded = code("Japan Praises Indian Reforms\n\nTOKYO (Wire) - Japan's prime minister met the Indian "
                 "foreign minister on Friday.")
    assert any(e.sentence_index == 0 and e.cameo_root == "05" for e in coded.events) or not any(
        e.sentence_index == 0 for e in coded.events)
    assert any(e.cameo_root == "04" for e in coded.events)


@pytest.mark.parametrize("text", [
    "THE PRESIDENT SPOKE ON RADIO TONIGHT ABOUT THE ATTACKS. THE MINISTER SAID: WE WILL NOT NEGOTIATE.",
    "ATTENTION, DEAR LISTENERS: THE ARMY HAS ANNOUNCED A CURFEW IN THE CAPITAL CITY TONIGHT.",
    "THE WORKERS UNION -- WHICH CALLED THE STRIKE -- SAID THE GOVERNMENT HAD IGNORED ITS DEMANDS.",
])
def test_speech_in_capitals_is_no_dateline(text):
    assert find_dateline(text) is None


def test_a_dateline_in_capitals():
    d = find_dateline("CARTAGENA -- TWO POLICEMEN WERE WOUNDED WHEN A BOMB EXPLODED NEAR THE PORT TODAY.")
    assert d is not None and d.place == "CARTAGENA"
