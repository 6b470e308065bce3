"""Text normalisation and content ids."""

from __future__ import annotations

import json

from heron.ingest import content_id, normalise_text


def test_newlines_nul_nfc_bom_and_strip() -> None:
    raw = "\ufeff  a\r\nb\rc\u2028d\u2029e\x00f Cafe\u0301  \n"
    assert normalise_text(raw) == "a\nb\nc\nd\nef Caf\u00e9"


def test_verbatim_otherwise() -> None:
    text = (
        "Tabs\tand  double  spaces,\n\n\nblank lines, \u201cquotes\u201d, \u2014 dashes, "
        "mojibake \u00e2\u20ac\u2122."
    )
    assert normalise_text(text) == text


def test_lone_surrogates_are_replaced() -> None:
    text = json.loads('"a\\ud800b \\ud83d\\ude00"')
    assert normalise_text(text) == "a\ufffdb \U0001f600"
    assert content_id(text).startswith("h")  # hashable as UTF-8


def test_content_id() -> None:
    assert content_id("Mali and Niger") == content_id("  Mali\r\nand   Niger \n")
    assert content_id("Mali and Niger") != content_id("Mali and Chad")
    assert content_id("x") == "h11f6ad8ec52a2984"  # fixed forever: ids must not drift
