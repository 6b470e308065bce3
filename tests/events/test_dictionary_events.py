"""A user's verb dictionary codes the verbs it lists, end to end: through the Coder, the store and
the CLI (the dictionaries here are small ones written for these tests)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from heron.cli import app
from heron.pipeline import Coder, code_text
from heron.settings import Settings

VERBS = """
    --- MEET  [036:036] ---
    MEET
    - * WITH +  [046]

    --- CONDEMN  [122] ---
    CONDEMN {CONDEMNED}

    --- WARN  [+++] ---
    WARN
"""


@pytest.fixture(scope="module")
def verb_file(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("verbs") / "mine.verbs.txt"
    p.write_text(textwrap.dedent(VERBS).lstrip("\n"), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def coder(verb_file) -> Coder:
    return Coder(Settings(verb_files=(verb_file,)))


def _triples(text: str, coder: Coder) -> list[tuple[str | None, str, str | None]]:
    return [(e.source_code, e.cameo_code, e.target_code) for e in code_text(text, coder=coder).events]


def test_the_dictionary_code_replaces_the_lexicon_s(coder):
    assert _triples("France condemned Russia on Monday.", coder) == [("FRA", "122", "RUS")]


def test_a_pattern_beats_the_verb_default(coder):
    events = code_text("Iran will meet with Russia in Moscow.", coder=coder).events
    assert [(e.source_code, e.cameo_code, e.target_code) for e in events] == [("IRN", "046", "RUS")]
    assert "pattern" in events[0].reason and "line" in events[0].reason


def test_paired_codes_give_both_directions(coder):
    assert sorted(_triples("Iran and Russia will meet next week.", coder)) == [("IRN", "036", "RUS"),
                                                                              ("RUS", "036", "IRN")]


def test_a_code_without_letters_or_digits_codes_nothing(coder):
    assert _triples("France warned Russia on Monday.", coder) == []


def test_verbs_it_does_not_list_keep_heron_s_lexicon(coder):
    assert ("RUS", "195", "IMGMUSISI") in _triples("Russia launched air strikes against ISIL.", coder)


def test_a_user_code_is_stored_and_exported(verb_file, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("France condemned Russia on Monday.\n", encoding="utf-8")
    db = tmp_path / "h.duckdb"
    result = CliRunner().invoke(app, ["code", str(text), "--db", str(db), "--verbs", str(verb_file),
                                      "--format", "jsonl", "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [(r["source_code"], r["cameo_code"], r["target_code"]) for r in rows] == [("FRA", "122", "RUS")]
