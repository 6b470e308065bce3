"""PETRARCH/TABARI verb dictionaries: reading (petrarch_verbs.py) and matching on spaCy parses
(petrarch_verb_match.py). The dictionaries here are small ones written for these tests."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from heron.errors import DictionaryError
from heron.events.petrarch_verbs import VerbDictionary, VerbHit, read_verb_dictionary
from tests.conftest import SHARED, need_shared
from tests.events.helpers import parse


def load(tmp_path: Path, text: str, name: str = "test.verbs.txt") -> VerbDictionary:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return read_verb_dictionary(p)


def hits(d: VerbDictionary, text: str) -> list[VerbHit]:
    return [h for sent in parse(text).sents for h in d.match(sent)]


def codes(d: VerbDictionary, text: str) -> list[tuple[str, str]]:
    return [(h.verb.text, h.code) for h in hits(d, text)]


BASIC = """
    <!-- a test dictionary -->
    &MONEY_             # a synset; the trailing '_' is dropped from its name
    +DOLLAR
    +SWISS FRANCS
    +&RELIEF            # a nested synset, defined further down

    --- ARREST  [173] ---
    ARREST              # the block code is the default
    DETAIN
    - * + IN CUSTODY  [173A]

    --- SEND  [---] ---
    SEND {SENT}
    - * AID  [070]
    - * &MONEY  [071]
    - * MILITARY AID  [0742]
    - * TROOPS_TO  [150:150]

    &RELIEF
    +FOOD
    +MEDICINE

    --- FREE  [066] ---
    FREE
    - + * FROM $  [066B]
    ; - * NOTHING [999]   a legacy TABARI comment line
    # - * HOSTAGES [999]  a commented-out pattern
"""


def test_counts_and_codes_kept_verbatim(tmp_path):
    d = load(tmp_path, BASIC)
    assert (d.verbs, d.patterns) == (4, 6)
    assert [b.name for b in d.blocks] == ["ARREST", "SEND", "FREE"]
    assert [p.code for p in d.blocks[1].patterns] == ["070", "071", "0742", "150:150"]
    assert d.blocks[1].code is None  # [---]
    assert d.path.name == "test.verbs.txt" and not d.warnings


def test_block_default_code(tmp_path):
    d = load(tmp_path, BASIC)
    [h] = hits(d, "Police arrested three journalists on Monday.")
    assert (h.verb.text, h.code, h.target, h.source) == ("arrested", "173", None, None)
    assert h.pattern == "ARREST" and h.line == 8
    assert codes(d, "Soldiers detained the mayor.") == [("detained", "173")]


def test_null_block_code_gives_no_hit_without_a_pattern(tmp_path):
    d = load(tmp_path, BASIC)
    assert hits(d, "She sent a letter to her brother.") == []


def test_pattern_word_after_verb_with_gap(tmp_path):
    d = load(tmp_path, BASIC)
    [h] = hits(d, "Japan sent emergency aid to Haiti.")
    assert (h.code, h.pattern, h.line) == ("070", "- * AID [070]", 14)


def test_gap_is_limited(tmp_path):
    d = load(tmp_path, BASIC)
    far = "Japan sent a very large and long awaited shipment of aid to Haiti."
    assert hits(d, far) == []


def test_longest_pattern_wins(tmp_path):
    d = load(tmp_path, BASIC)
    assert codes(d, "Washington sent military aid to Kiev.") == [("sent", "0742")]


def test_synset_with_plural_by_lemma_and_phrase(tmp_path):
    d = load(tmp_path, BASIC)
    assert codes(d, "The bank sent ten million dollars.") == [("sent", "071")]
    assert codes(d, "Geneva sent two million Swiss francs.") == [("sent", "071")]


def test_nested_synset_defined_after_use(tmp_path):
    d = load(tmp_path, BASIC)
    assert set(d.synsets["&MONEY"]) >= {("dollar",), ("swiss", "francs"), ("food",), ("medicine",)}
    assert codes(d, "The agency sent food to the camps.") == [("sent", "071")]


def test_connected_words_must_touch(tmp_path):
    d = load(tmp_path, BASIC)
    assert codes(d, "Russia sent troops to the border.") == [("sent", "150:150")]
    assert codes(d, "Russia sent troops quickly to the border.") == []


def test_target_after_verb(tmp_path):
    d = load(tmp_path, BASIC)
    [h] = hits(d, "Police arrested the opposition leader in custody yesterday.")
    assert h.code == "173A" and h.target is not None and h.target.text == "leader"


def test_target_before_and_source_after(tmp_path):
    d = load(tmp_path, BASIC)
    [h] = hits(d, "The hostages were freed from their kidnappers.")
    assert h.code == "066B"
    assert (h.target.text, h.source.text) == ("hostages", "kidnappers")


def test_comments_are_ignored(tmp_path):
    d = load(tmp_path, BASIC)
    assert all("999" not in (p.code or "") for b in d.blocks for p in b.patterns)
    assert codes(d, "Rebels freed nothing and freed hostages.") == [("freed", "066"), ("freed", "066")]


VERBS = """
    --- DISCUSS  [---]  # a comment cuts the closing dashes
    DISCUSS
    - * TALKS  [031]
    - * PEACE TALKS  [046]
    - * PEACE_TALKS  [046C]
    - NOT *  [112]
    - DID_N'T *  [112B]

    --- BREAK  [1717]  [ignored] ---
    BREAK {BROKE BROKEN}
    +BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}  [195]
    WIRE_+TAP  [1711]
    RULE OUT  [111]
    - * DEADLOCK  [102]

    --- GREET  [041] ---
    GREET {SALUTED}
    DOWNPLAY  [014]
    - * WARMLY  [042]  # a '#' inside a code is kept
    - * COLDLY  [##1]

    --- ATTACK  [190] ---
    ATTACK
    - AIR *  [195]
    - PEACE-KEEPING *  [---]
"""


def test_connected_beats_gapped_when_both_match(tmp_path):
    d = load(tmp_path, VERBS)
    assert codes(d, "They discussed peace talks.") == [("discussed", "046C")]
    assert codes(d, "They discussed peace and then talks.") == [("discussed", "046")]
    assert codes(d, "They discussed the talks.") == [("discussed", "031")]


def test_words_before_the_verb(tmp_path):
    d = load(tmp_path, VERBS)
    assert codes(d, "The envoys did not discuss it.") == [("discuss", "112")]
    assert codes(d, "The envoys didn't discuss it.") == [("discuss", "112B")]


def test_irregular_forms_and_own_codes(tmp_path):
    d = load(tmp_path, VERBS)
    greet = next(e for e in d.entries if e.head == "greet")
    assert greet.forms == {"greet", "saluted"}
    # "saluted" has the lemma "salute": only the listed form makes it a GREET verb
    assert codes(d, "The president saluted the crowd.") == [("saluted", "041")]
    assert codes(d, "The minister downplayed the crisis.") == [("downplayed", "014")]
    assert codes(d, "They greeted him coldly.") == [("greeted", "##1")]


def test_multi_word_verbs(tmp_path):
    d = load(tmp_path, VERBS)
    assert codes(d, "The negotiations broke down on Friday.") == [("broke", "195")]
    assert codes(d, "The ice broke on Friday.") == [("broke", "1717")]
    assert codes(d, "The agency wire tapped his phone.") == [("tapped", "1711")]
    assert codes(d, "The minister ruled it out.") == [("ruled", "111")]
    assert codes(d, "They broke down the deadlock.") == [("broke", "102")]


def test_null_pattern_code_suppresses_default(tmp_path):
    d = load(tmp_path, VERBS)
    assert codes(d, "Rebels attacked the base.") == [("attacked", "190")]
    assert codes(d, "Peace-keeping troops attacked the base.") == []


def test_nouns_code_only_through_patterns(tmp_path):
    d = load(tmp_path, VERBS)
    assert codes(d, "The air attack killed ten people.") == [("attack", "195")]
    assert codes(d, "The attack killed ten people.") == []


def test_one_hit_per_verb_in_sentence_order(tmp_path):
    d = load(tmp_path, VERBS + BASIC.replace("<!-- a test dictionary -->", ""))
    got = codes(d, "Police arrested the rebels who attacked the base and broke the deadlock.")
    assert got == [("arrested", "173"), ("attacked", "190"), ("broke", "102")]


def test_undefined_synset_skips_the_pattern_with_a_warning(tmp_path):
    d = load(tmp_path, """
        --- SEND [---] ---
        SEND
        - * &NOWHERE [070]
        - * AID [071]
    """)
    assert d.patterns == 1
    assert any("&NOWHERE" in w and ":3:" in w for w in d.warnings)


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("--- SEND [070] ---\nSEND\n- SAID AID [071]\n", 3, "one '\\*'"),
        ("--- SEND [070] ---\nSEND\n- * AID\n", 3, "CODE"),
        ("SEND\n--- SEND [070] ---\n", 1, "block header"),
        ("--- SEND [070] ---\nSEND\n- * AID [07 1]\n", 3, "bad code"),
        ("&A\n+&B\n&B\n+&A\n--- SEND [070] ---\nSEND\n", 4, "contains itself"),
        ("--- SEND [070] ---\nSEND {SENT\n", 2, "bad verb line"),
        ("--- [070] ---\nSEND\n", 1, "block header"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path, text, line, words):
    p = tmp_path / "bad.verbs.txt"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=rf"{re.escape(str(p))}:{line}: .*{words}"):
        read_verb_dictionary(p)


def test_missing_file_is_a_dictionary_error(tmp_path):
    with pytest.raises(DictionaryError, match="cannot read"):
        read_verb_dictionary(tmp_path / "absent.verbs.txt")


def test_real_validate_file_loads():
    path = need_shared(SHARED / "gold" / "petrarch2-unittest" / "PETR.Validate.verbs.txt")
    d = read_verb_dictionary(path)
    assert d.verbs > 100 and d.patterns > 300 and len(d.synsets) > 10
    assert all("transformation" not in w and "undefined" not in w for w in d.warnings)
    assert all(h.code for h in hits(d, "The rebels broke down the talks."))


def test_real_cameo_file_loads():
    path = need_shared(SHARED / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt")
    d = read_verb_dictionary(path)
    assert d.verbs > 1000 and d.patterns > 4000
    assert codes(d, "Police arrested two suspects.")
