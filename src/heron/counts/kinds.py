"""Which kind of people a number counts (killed, injured, arrested, ...), read off the parse.

The number (or the noun it counts) must be the subject of "died" or of a passive "were killed",
the object of "killing", the "of" phrase of "the deaths of", the figure a death toll rose to, or
itself a casualty noun ("40 deaths"); negated, hypothetical and aimed-at clauses do not count.
The word lists are in ``heron/data/counts`` (see lexicon.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from heron.nlp.context import governing_verb
from heron.counts.lexicon import count_lexicon as _lex
from heron.counts.number_phrases import NumberPhrase

_HAVE = frozenset({"have", "has", "had", "'ve"})
# Kinds a single person ("a journalist was killed") is counted for.
def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _of_object(tok: Token) -> Token | None:
    """The people in "tens of thousands of people", "one of the leaders"."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN", "ADJ"):
                    return obj
    return None


def person_like(tok: Token) -> bool:
    lemma = _lemma(tok)
    return (
        lemma in _lex().person_nouns
        or tok.lower_ in _lex().person_nouns
        or tok.ent_type_ in ("NORP", "PERSON")
        or tok.tag_ == "NNPS"
        or (len(lemma) > 5 and lemma.endswith(_lex().person_suffixes))
    )


# ---------------------------------------------------------------- what the number is tied to


def _child(tok: Token, deps: tuple[str, ...], lemmas: frozenset[str] | dict[str, str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps and (_lemma(c) in lemmas or c.lower_ in lemmas):
            return c
    return None


def _prep_object(verb: Token, preps: tuple[str, ...], lemmas: frozenset[str]) -> Token | None:
    for prep in verb.children:
        if prep.dep_ in ("prep", "prt", "advmod") and prep.lower_ in preps:
            for obj in prep.subtree:
                if obj.dep_ == "pobj" and _lemma(obj) in lemmas:
                    return obj
    return None


def _state_kind(verb: Token) -> str | None:
    """A state named next to the verb: "were found dead", "remain missing", "are now refugees",
    "shot dead", "beaten to death"."""
    if _prep_object(verb, ("to",), frozenset({"death"})):
        return "killed"
    for c in verb.children:
        if c.dep_ in ("acomp", "oprd", "attr", "xcomp", "advmod", "ccomp", "dobj", "npadvmod"):
            kind = _lex().adj_kinds.get(c.lower_) or (_lex().noun_kinds.get(_lemma(c)) if c.dep_ == "attr" else None)
            if kind is not None:
                return kind
    return None


def _is_death_toll(tok: Token) -> bool:
    """ "the toll", "the death toll"; not "the injury toll"."""
    return _lemma(tok) == "toll" and all(_lemma(m) == "death" for m in tok.children if m.dep_ in ("compound", "amod"))


def _has_toll_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and _is_death_toll(c) for c in verb.children)


_HOSTAGE = frozenset({"hostage", "captive"})
_RANSOM = frozenset({"ransom"})


def _phrasal_kind(verb: Token) -> str | None:
    """Verb phrases: "taken hostage", "taken into custody", "rounded up", "forced from their homes"."""
    lemma = _lemma(verb)
    if lemma in ("take", "hold") and _child(
        verb, ("oprd", "dobj", "attr", "npadvmod", "advmod", "xcomp", "ccomp"), _HOSTAGE
    ):
        return "kidnapped"
    if lemma in ("take", "hold") and _prep_object(verb, ("for",), _RANSOM):
        return "kidnapped"  # "were held for ransom"
    if lemma == "take" and _prep_object(verb, ("into",), frozenset({"custody"})):
        return "arrested"
    if lemma in ("round", "pick") and _child(verb, ("prt",), frozenset({"up"})):
        return "arrested"
    if lemma in _lex().evict_verbs and _prep_object(verb, ("from", "out"), _lex().home_words):
        return "displaced"
    return None


def _idiomatic_hold(verb: Token) -> bool:
    """ "held out a threat", "held up in their houses", "held at (to) ransom" (a figure of speech)."""
    if _lemma(verb) != "hold":
        return False
    if any(c.dep_ == "prt" and c.lower_ in _lex().hold_particles for c in verb.children):
        return True
    return _prep_object(verb, ("at", "to"), _RANSOM) is not None


def _passive_kind(verb: Token) -> str | None:
    lemma = _lemma(verb)
    if _idiomatic_hold(verb):
        return None
    lex = _lex()
    return _phrasal_kind(verb) or lex.verb_kinds.get(lemma) or lex.passive_only_kinds.get(lemma) or _state_kind(verb)


def _active_kind(verb: Token, counted: Token | None) -> str | None:
    lemma = _lemma(verb)
    if counted is not None and _lemma(counted) == "life" and lemma in _lex().life_verbs:
        return "killed"
    if lemma in _lex().toll_verbs and _has_toll_subject(verb):
        return "killed"
    return _phrasal_kind(verb) or _lex().verb_kinds.get(lemma) or _state_kind(verb)


def _subject_kind(verb: Token, counted: Token | None) -> str | None:
    lemma = _lemma(verb)
    if lemma == "flee":
        return _flight_kind(verb, counted)
    if lemma == "lose" and _child(verb, ("dobj",), frozenset({"life"})):
        return "killed"
    if lemma == "die" and _prep_object(verb, ("of", "from", "after"), _lex().natural_death_words):
        return None
    if lemma in _lex().protest_host_verbs and (
        _child(verb, ("dobj",), _lex().protest_nouns) or _prep_object(verb, ("on", "in"), _lex().protest_nouns)
    ):
        return "protesters"
    if lemma == "take" and _prep_object(verb, ("to",), frozenset({"street"})):
        return "protesters"
    if lemma in ("gather", "assemble", "converge", "flock", "turn") and (
        _child(verb, ("xcomp", "advcl"), frozenset({"protest", "demand", "demonstrate", "denounce", "condemn"}))
        or _prep_object(verb, ("for", "in"), _lex().protest_nouns)
    ):
        return "protesters"
    return _lex().subject_kinds.get(lemma) or _state_kind(verb)


def _flight_kind(verb: Token, counted: Token | None) -> str | None:
    """ "fled the country" -> refugees, "fled their homes" -> displaced; bare flight needs a population."""
    abroad = _lex().abroad_words
    if _child(verb, ("dobj", "advmod"), abroad) or _prep_object(verb, ("across", "over"), abroad):
        return "refugees"
    if _child(verb, ("dobj",), _lex().home_words) or _prep_object(verb, ("from",), _lex().home_words):
        return "displaced"
    if counted is not None and _lemma(counted) not in _lex().population_nouns and counted.ent_type_ != "NORP":
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in verb.children):
        return "refugees"
    return "displaced"


def _is_passive(tok: Token, verb: Token) -> bool:
    if tok.dep_ == "nsubjpass":
        return True
    # "12 people were killed and 30 wounded": spaCy makes "30" the subject of a bare participle
    # (which takes no object: "14 MPs held out a threat" is active, mistagged VBN)
    return tok.dep_ == "nsubj" and verb.tag_ == "VBN" and not any(
        c.lower_ in _HAVE or c.dep_ == "dobj" for c in verb.children
    )


def blocked(verb: Token) -> bool:
    """Negated, hypothetical or aimed-at: "were not killed", "could kill", "threatened to kill"."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return True
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxes & _lex().modals and not auxes & _HAVE:
        return True
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "acl") and _lemma(verb.head) in _lex().irrealis_heads:
        return True
    # "assassinating the president would be a leap": the clause is the subject of a hypothetical
    if verb.dep_ == "csubj" and verb.head.i != verb.i and blocked(verb.head):
        return True
    # "killing or wounding 50": which is which cannot be told
    coordinated = [*children, *(verb.head.children if verb.dep_ == "conj" else ())]
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in coordinated)


def role_kind(role: Token, counted: Token | None, qualifier: range = range(0)) -> tuple[str | None, Token | None]:
    """The kind the parse gives ``role`` (the counted noun, or the number standing alone).

    ``qualifier`` holds the token indexes of the number's qualifier: spaCy sometimes hangs the
    number on it ("kidnapped up to 16 advisers": "advisers" under "to" under "up"), and then the
    number is the object of the verb above the qualifier.
    """
    while role.dep_ in ("conj", "appos") and role.head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
        role = role.head
    if role.dep_ == "pobj" and role.head.lower_ == "of" and _lemma(role.head.head) in _lex().total_nouns:
        role = role.head.head  # "a total of 47 miscreants were arrested"
    head, dep = role.head, role.dep_
    if dep == "pobj" and head.i in qualifier:
        while head.i in qualifier and head.head.i != head.i:
            head = head.head
        dep = "dobj" if head.pos_ == "VERB" else dep
    if dep in ("nsubj", "nsubjpass"):
        passive = _is_passive(role, head)
        kind = (_passive_kind(head) if passive else _subject_kind(head, counted)) or _shared_conj_kind(
            head, counted, passive=passive
        )
        return kind, head
    if dep in ("dobj", "attr", "oprd"):
        return _active_kind(head, counted), head
    if dep == "pobj":
        prep, noun = head, head.head
        if prep.lower_ == "of" and _lemma(noun) in _lex().nominal_kinds:
            if _lemma(noun) == "toll" and not _is_death_toll(noun):
                return None, None
            return _lex().nominal_kinds[_lemma(noun)], _governing_verb(noun)
        toll_verbs = _lex().toll_verbs
        if prep.lower_ in ("to", "at", "above", "past") and _lemma(noun) in toll_verbs and _has_toll_subject(noun):
            return "killed", noun
    return None, None


def _shared_conj_kind(verb: Token, counted: Token | None, *, passive: bool) -> str | None:
    """ "12 people were shot and killed": the kind verb is a conjunct sharing the subject."""
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_.startswith("nsubj") for g in c.children):
            kind = _passive_kind(c) if passive else _subject_kind(c, counted)
            if kind is not None:
                return kind
    return None


def _governing_verb(tok: Token) -> Token | None:
    return governing_verb(tok, max_steps=4)


def kind_of(num: NumberPhrase) -> tuple[str, Token | None] | None:
    """(kind, counted noun) for a number, or None when it is not a count of people affected."""
    top = num.top
    if top.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and not (num.start <= top.head.i < num.end):
        counted = top.head
        while counted.dep_ == "compound" and counted.head.i > counted.i and counted.head.pos_ in ("NOUN", "PROPN"):
            counted = counted.head  # "two dozen bjp activists": the number hangs on "bjp"
        role = counted
    else:
        counted, role = _of_object(top), top
    kind, verb = role_kind(role, counted, range(num.first, num.start))
    if verb is not None and blocked(verb):
        return None
    if kind is not None:
        if counted is not None and _lemma(counted) not in _lex().noun_kinds and _lemma(counted) != "life":
            if not person_like(counted) and not _arrested_anyone(kind, verb, counted):
                return None
            if kind == "protesters" and _lemma(counted) in _lex().security_nouns:
                return None
        return kind, counted
    for tok in (counted, role):
        if tok is not None and (noun_kind := _lex().noun_kinds.get(_lemma(tok)) or _lex().noun_kinds.get(tok.lower_)):
            return noun_kind, counted
    return None


def _arrested_anyone(kind: str, verb: Token | None, counted: Token) -> bool:
    """ "47 ram sevaks were arrested": only people are arrested, whatever the noun (not "held")."""
    return (
        kind == "arrested" and verb is not None and _lemma(verb) in _lex().arrest_verbs
        and _lemma(counted) not in _lex().not_people and counted.pos_ in ("NOUN", "PROPN")
    )
