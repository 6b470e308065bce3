"""Round 9: the lexicon split (frames words read from _frames.yaml), "agree to" as intent, permitting
verbs whose object the parser hangs on their infinitive, and dismissed remarks as 016. Sentences
written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from heron.errors import DictionaryError
from heron.events import EventCoder, load_lexicon
from heron.events.matcher import grammatical_object

from .helpers import nlp, parse
from .test_events_round3 import _check
from .test_events_sentences import Case, _code, _show


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(nlp().vocab)


# --- the split lexicon module ----------------------------------------------------------------------


def test_pre_split_names_stay_importable() -> None:
    from heron.events.lexicon import (  # noqa: F401 - the import is the test
        CLASS_KEYS,
        DEFAULT_SOURCE,
        DEFAULT_TARGET,
        ROW_KEYS,
        EmbeddingClass,
        TriggerLexicon,
        TriggerPattern,
    )

    assert "clause_code" in ROW_KEYS and DEFAULT_SOURCE["verb"] == ("subj",)
    assert TriggerLexicon.__module__ == "heron.events.lexicon_model"


def test_frame_word_lists_come_from_the_data_file() -> None:
    lex = load_lexicon()
    assert {"send", "deploy", "dispatch"} <= lex.sending_verbs
    assert {"allow", "permit", "let"} <= lex.control_verbs
    assert "agree" not in lex.sending_verbs | lex.control_verbs


def test_extra_frames_file_adds_sending_verbs(tmp_path: Path) -> None:
    path = tmp_path / "_more.yaml"
    path.write_text("# my frames\nsending_verbs: [airlift]\n")
    lex = load_lexicon([path])
    assert "airlift" in lex.sending_verbs and "send" in lex.sending_verbs
    assert "airlift" not in load_lexicon().sending_verbs


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('{id: x.one, code: "019", verb: [frobnicate], embeds: intend, clause_code: "0999"}', "clause_code"),
        ('{id: x.one, code: "019", verb: [frobnicate], clause_code: "030"}', "needs 'embeds'"),
    ],
    ids=["unknown-code", "without-embeds"],
)
def test_bad_clause_code_names_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(f"# my triggers\npatterns:\n- {row}\n")
    with pytest.raises(DictionaryError) as err:
        load_lexicon([path])
    assert f"{path}:3" in str(err.value) and message in str(err.value)


# --- "agree to" is intent; "agree that" stays accord ---------------------------------------------

AGREE = [
    Case("Iran agreed to set up a joint committee with Iraq.", {"Iran": "IRN", "Iraq": "IRQ"},
         [("030", "IRN", "IRQ")], absent=["019"]),
    Case("Peru and Chile agreed that their navies should cooperate more closely.",
         {"Peru": "PER", "Chile": "CHL"}, [("030", "PER", "CHL"), ("030", "CHL", "PER")], absent=["019"]),
    # the clause's only act ("encourage", an appeal) is dropped under "agreed": still a commitment
    Case("Ghana and Togo agreed that they would encourage farmers to grow more cassava.",
         {"Ghana": "GHA", "Togo": "TGO"}, [("030", "GHA", "TGO")], absent=["019", "02"]),
    # nothing committed to: a shared view is 019
    Case("Peru and Chile agreed that the border dispute was a serious problem.",
         {"Peru": "PER", "Chile": "CHL"}, [("019", "PER", "CHL")], absent=["030"]),
    Case("Ghana agreed with Togo on the need for calm.", {"Ghana": "GHA", "Togo": "TGO"},
         [("019", "GHA", "TGO")], absent=["03"]),
    # an act coded in its own right under "agreed to" keeps its own 03x code
    Case("Japan and South Korea agreed to share military intelligence.",
         {"Japan": "JPN", "South Korea": "KOR"}, [("0314", "JPN", None)], absent=["019", "030"]),
]


@pytest.mark.parametrize("case", AGREE, ids=[c.text[:50] for c in AGREE])
def test_agree_to_is_intent(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


def test_agree_refused_is_not_intent(coder: EventCoder) -> None:
    events = _code(Case("Iran did not agree to set up a joint committee with Iraq.",
                        {"Iran": "IRN", "Iraq": "IRQ"}), coder)
    assert not [e for e in events if e.cameo_code.startswith(("03", "019"))], _show(events)


# --- permitting verbs: the object is the infinitive's parsed subject -------------------------------


def test_clause_subject_is_the_object_of_allow() -> None:
    doc = parse("The Egyptian court allowed the opposition candidate to run in the election.")
    allowed = next(t for t in doc if t.lower_ == "allowed")
    obj = grammatical_object(allowed)
    assert obj is not None and obj.text == "candidate"
    said = next(t for t in parse("Egypt said the candidate will run in the election.") if t.lower_ == "said")
    assert grammatical_object(said) is None  # not a permitting verb: its clause subject is no object


PERMIT = [
    Case("The Egyptian court allowed the opposition candidate to run in the presidential election.",
         {"The Egyptian court": "EGYJUD", "the opposition candidate": "EGYOPP"}, [("0812", "EGYJUD", "EGYOPP")]),
    Case("Kenya allowed opposition leader Peter Otieno to hold a rally.",
         {"Kenya": "KEN", "opposition leader Peter Otieno": "KENOPP"}, [("0812", "KEN", "KENOPP")]),
    Case("Syria let the UN inspectors visit the site.", {"Syria": "SYR", "the UN inspectors": "IGOUNO"},
         [("0862", "SYR", "IGOUNO")]),
    Case("Sudan permitted the African Union peacekeepers to enter Darfur.",
         {"Sudan": "SDN", "the African Union peacekeepers": "IGOAFU"}, [("0861", "SDN", None)]),
]


@pytest.mark.parametrize("case", PERMIT, ids=[c.text[:50] for c in PERMIT])
def test_permitting_verbs_find_their_object(case: Case, coder: EventCoder) -> None:
    _check(case, coder)


# --- discarding remarks and charges is 016 ----------------------------------------------------------

DENY = [
    Case("Kenya dismissed the comments of the Somali president.", {"Kenya": "KEN", "the Somali president": "SOMGOV"},
         [("016", "KEN", "SOMGOV")],
         absent=["011", "12"]),
    Case("Egypt rejected Ethiopia's remarks on the dam.", {"Egypt": "EGY", "Ethiopia": "ETH"},
         [("016", "EGY", "ETH")], absent=["011", "12"]),
    Case("Hungary brushed aside the criticism from Brussels.", {"Hungary": "HUN", "Brussels": "IGOEU"},
         [("016", "HUN", None)], absent=["12"]),
    # rejecting a proposal is still a 12x rejection
    Case("Egypt rejected the Ethiopian proposal on the dam.", {"Egypt": "EGY", "Ethiopian": "ETH"},
         [("12", "EGY", None)], absent=["016"]),
]


@pytest.mark.parametrize("case", DENY, ids=[c.text[:50] for c in DENY])
def test_discarded_remarks_are_denials(case: Case, coder: EventCoder) -> None:
    _check(case, coder)
