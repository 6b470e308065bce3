"""Statements, accusations, sanctions, denunciations (issue 10.6), through the whole pipeline on
sentences written for these tests: the reaction is coded with its target, a verdict under "said" is
an accusation, and what a statement is about or given for is not coded as a second event."""

from __future__ import annotations

import pytest

from heron.pipeline import code_text


def events_of(coder, text: str) -> list[tuple[str | None, str, str | None]]:
    return [(e.source_country or e.source_code, e.cameo_code, e.target_country or e.target_code)
            for e in code_text(text, coder=coder).events]


@pytest.mark.parametrize("text, expected", [
    ("Cuba condemned the new American sanctions on its banks.", ("CUB", "111", "USA")),
    ("Lebanon accused Israel of violating its airspace.", ("LBN", "1123", "ISR")),
    ("Mexico blasted Washington over the tariffs.", ("MEX", "111", "USA")),
    ("Seoul denounced the Japanese decision.", ("KOR", "111", "JPN")),
    ("Canada imposed sanctions on twelve Venezuelan officials.", ("CAN", "163", "VEN")),
    ("Beijing threatened to sanction five American companies.", ("CHN", "1312", "USA")),
    ("Argentina warned Britain against drilling near the islands.", ("ARG", "130", "GBR")),
    # the tagger reads "rejects" as a plural noun; the verb joined to it still has its subject
    ("The Cuban government, again, rejects and condemns the US administration's embargo.", ("CUB", "111", "USA")),
])
def test_reactions_accusations_and_sanctions(coder, text, expected):
    assert expected in events_of(coder, text)


def test_endorsing_or_welcoming_a_deal_targets_its_parties(coder):
    assert ("MDA", "051", None) not in events_of(coder, "Moldova's parliament endorsed a trade deal with the EU.")
    assert any(c == "051" and t in ("IGOEUREEC", "EUR") for _, c, t in
               events_of(coder, "Moldova's parliament endorsed a trade deal with the EU."))
    found = events_of(coder, "Jordan welcomed the accord between Ethiopia and Eritrea.")
    assert ("JOR", "051", "ETH") in found and ("JOR", "051", "ERI") in found, found


@pytest.mark.parametrize("text, source, target", [
    ("Germany said the Syrian chemical programme was in breach of the convention.", "DEU", "SYR"),
    ("Egypt said the Ethiopian dam constitutes a violation of the 1959 treaty.", "EGY", "ETH"),
])
def test_a_verdict_under_said_is_an_accusation(coder, text, source, target):
    found = events_of(coder, text)
    assert (source, "112", target) in found, found
    assert not any(c.startswith("128") for _, c, _ in found), found  # the breach is the charge, not an event


def test_a_reproach_aimed_at_someone_targets_them(coder):
    assert ("PRK", "111", "JPN") in events_of(coder, "North Korea lashed out at Japan for the naval drills.")
    assert ("CHN", "111", "USA") in events_of(coder, "Beijing hit back at the United States on Friday.")


@pytest.mark.parametrize("text, only", [
    ("Greece criticized Turkey for sending warships near Crete.", ("GRC", "111", "TUR")),
    ("North Korea lashed out at Japan for the naval drills.", ("PRK", "111", "JPN")),
    ("Moscow rejected claims by London that it had poisoned the defector.", ("RUS", "016", "GBR")),
])
def test_the_grounds_or_content_of_a_statement_are_not_a_second_event(coder, text, only):
    assert events_of(coder, text) == [only]


def test_one_appeal_for_what_is_asked_even_when_the_parser_hangs_the_infinitive_elsewhere(coder):
    """ "and called on Moscow to stop the bombing": the parser takes "to stop" for an adverbial
    clause; it is still what is asked, coded as the appeal (0256), not an appeal plus a halt."""
    found = events_of(coder, "Italy condemned the Russian air strikes on Homs and called on Moscow to stop the bombing.")
    assert ("ITA", "0256", "RUS") in found, found
    assert not any(c.startswith("087") for _, c, _ in found), found
