"""Negation, modality and time reference of a trigger's clause.

Rules (the coder applies them; see README in data/triggers):

* negated: the trigger, the verb carrying a noun trigger, or a verb above it through xcomp/conj
  has a ``neg`` child ("did not attack", "never met", "won't sign"); a noun trigger has the
  determiner "no" ("no talks"); the clause sits under "without" ("without meeting X").
* future: will/shall/'ll, "be going to".
* hypothetical: would/could/might/may/should/must/can, a conditional clause ("if", "unless"),
  or a modifier such as "possible", "potential".
* intended: noun modifiers such as "planned", "proposed", "upcoming"; embedding classes (plan to,
  agree to, ...) set it too.
* historical: "years ago", "in the past", or an explicit year before the article's year when the
  publication date is known ("in 1998" in a 2015 article).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can", "ought", "'d", "ca"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
INTENDED_MODS = frozenset(
    {"planned", "proposed", "upcoming", "scheduled", "expected", "prospective", "impending", "intended", "future"}
)
HYPOTHETICAL_MODS = frozenset({"possible", "potential", "hypothetical", "eventual", "likely", "imminent", "looming"})
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")


def clause_chain(tok: Token) -> Iterator[Token]:
    """The token, then the verbs it hangs on through xcomp/conj/acomp ("would like to meet")."""
    seen = 0
    while True:
        yield tok
        seen += 1
        if seen > 5 or tok.head.i == tok.i or tok.dep_ not in ("xcomp", "conj", "acomp"):
            return
        tok = tok.head


#: subjects that say nobody did it
NOBODY = frozenset({"nobody", "none", "neither", "noone"})


def _nobody(subj: Token) -> bool:
    """A subject that names nobody: "no group", "no one", "none (of the groups)", "nobody"."""
    return subj.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def is_negated(tok: Token) -> bool:
    own_subject = False  # only the subject of the trigger's own clause: "no officer wants X, so police encourage Y"
    for t in clause_chain(tok):
        for c in t.children:
            if c.dep_ == "neg":
                return True
            if c.dep_ == "det" and c.lower_ == "no" and t.pos_ == "NOUN":
                return True
            if c.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("VERB", "AUX") and not own_subject:
                if _nobody(c):
                    return True  # "no group has claimed responsibility", "none of them attacked"
        own_subject = own_subject or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "without":
            return True
    return False


def clause_modality(tok: Token) -> str:
    """future | hypothetical | asserted, from auxiliaries and conditional marks."""
    for t in clause_chain(tok):
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
                return "future"
            if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX:
                return "hypothetical"
            if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                return "hypothetical"
        if t.dep_ == "xcomp" and t.head.lemma_ == "go" and t.head.tag_ == "VBG":
            return "future"
    return "asserted"


def deontic(tok: Token) -> str | None:
    """"demand" for must / have to, "appeal" for should / ought to / need to, on the trigger's clause."""
    for t in clause_chain(tok):
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ == "must":
                return "demand"
            if c.dep_ == "aux" and c.lower_ in ("should", "ought"):
                return "appeal"
        if t.dep_ == "xcomp" and t.head.lemma_ == "have" and t.head.pos_ in ("VERB", "AUX"):
            return "demand"  # "Sudan has to return"
        if t.dep_ == "xcomp" and t.head.lemma_ == "need" and t.head.pos_ in ("VERB", "AUX"):
            return "appeal"  # "Japan needs to enact reforms": what it should do
        if t.lemma_ == "need" and t.pos_ in ("VERB", "AUX") and any(c.dep_ == "xcomp" for c in t.children):
            return "appeal"  # the same, told from "need" itself
    return None


def will_not(tok: Token) -> bool:
    """A negated future or volitional clause: "will not", "won't", "would not", "cannot"."""
    for t in clause_chain(tok):
        auxes = {c.lower_ for c in t.children if c.dep_ == "aux"}
        if auxes & {"will", "wo", "would", "ca", "can", "shall"} and any(c.dep_ == "neg" for c in t.children):
            return True
    return False


def noun_modality(noun: Token) -> str:
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in INTENDED_MODS:
            return "intended"
        if c.dep_ in ("amod", "compound") and c.lower_ in HYPOTHETICAL_MODS:
            return "hypothetical"
    return "asserted"


def is_historical(tok: Token, published_year: int | None = None) -> bool:
    """An explicit reference to the past on the trigger's clause."""
    for t in clause_chain(tok):
        for c in t.children:
            if c.dep_ not in ("prep", "npadvmod", "advmod", "advcl"):
                continue
            words = [w.lower_ for w in c.subtree]
            if "ago" in words and any(w in ("years", "decades", "centuries", "year", "decade") for w in words):
                return True
            if c.lower_ == "in" and words[1:] == ["the", "past"]:
                return True
            if published_year is not None and c.lower_ in ("in", "during"):
                for w in words:
                    if _YEAR.match(w) and int(w[:4]) < published_year:
                        return True
    return False
