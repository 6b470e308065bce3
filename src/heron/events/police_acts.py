"""Acts of the police and courts that the dyad rule would lose, and the senses that are not
arrests (issue 10, IndiaPoliceEvents): whom an arrest holds, firing told by what was fired,
victims counted only by a number, conduct "charged" by someone who brings no legal charge, and
the police named by an "according to" phrase. Predicates over one match, used by
:class:`heron.events.coder.EventCoder`."""

from __future__ import annotations

from collections.abc import Sequence

from heron.events import ranking
from heron.events.attribution import Argument, Attributor
from heron.events.matcher import Match, grammatical_object, is_passive
from heron.records import Mention


#: objects that name nobody held ("arrested it", "the one that was detained")
_NO_DETAINEE = frozenset({"it", "that", "which", "what", "this"})


def unlisted_detainee(m: Match) -> bool:
    """An arrest whose detained are named, if not as actors: the verb's object (or passive subject)
    is a name, pronoun or number ("Siddiqui was picked up", "detained those who ..."); a noun
    trigger ("arrests were made") names the act itself."""
    if m.pattern.pos == "noun":
        return True
    obj = grammatical_object(m.token)
    if obj is None or obj.lower_ in _NO_DETAINEE:
        return False
    # a name, a pronoun or a number; a common noun only when the row named it ("booked 62 people"):
    # "booked a flight" holds nobody
    if obj.pos_ in ("PROPN", "PRON", "NUM") or obj.ent_type_ == "PERSON" or obj.is_title:
        return True  # a name the tagger took for a common noun still has its capital ("Siddiqui")
    return m.obj is not None and m.obj.i == obj.i


def holds_someone(m: Match) -> bool:
    """An arrest verb holds someone: its object, a passive's patient, or a row's named object. Used
    without one it is another sense ("the activity will pick up", "apprehended that ...")."""
    if m.pattern.pos != "verb" or m.obj is not None:
        return True
    tok = m.token
    # a passive has its patient even where the parser lost it ("were stopped and arrested")
    return grammatical_object(tok) is not None or is_passive(tok)


def uncounted_victims(m: Match, slots: Sequence[str], attr: Attributor) -> bool:
    """Violence whose victims are only a number ("97 died in police firing", "police killed two"):
    people, though no actor names them (a pronoun waits for coreference: "killed them")."""
    return any(t.pos_ == "NUM" for slot in slots if slot in ("dobj", "subj") for t in attr.slot_tokens(m, slot)[0])


#: what is fired: a use of force whose row names it as the verb's object needs no target
AMMUNITION = frozenset({"fire", "round", "rounds", "shot", "shots", "bullet", "bullets", "shell", "shells",
                        "teargas", "tear-gas", "gas", "canister", "canisters", "pellet", "pellets"})
#: prepositions that name what a firing was aimed at
AIMED_PREPS = frozenset({"on", "at", "upon", "into", "toward", "towards", "against"})
#: the codes of such firing: violent repression (tear gas, baton charges) and small arms
FIRED_CODES = ("175", "193")


def fired_at_nobody(code: str, m: Match) -> bool:
    """A shooting or a repression told by what was fired, aimed at nobody named ("opened fire in the
    air", "fired 50 rounds", "lobbed tear-gas shells"): the row's object is ammunition."""
    if not code.startswith(FIRED_CODES) or m.pattern.pos != "verb" or m.obj is None:
        return False
    if any(p.dep_ == "prep" and p.lower_ in AIMED_PREPS for p in m.token.children):
        return False  # aimed at something the tables do not know ("opened fire on a clinic"): the dyad rule
    words = {m.obj.lemma_.lower(), m.obj.lower_}
    if m.obj_head is not None:
        words |= {m.obj_head.lemma_.lower(), m.obj_head.lower_}
    return bool(words & AMMUNITION)


def conduct_charged(m: Match) -> bool:
    """ "charged X with V-ing ...": the with-phrase is a gerund (conduct), not an offence noun
    ("with murder")."""
    if m.pattern.pos != "verb":
        return False
    return any(g.dep_ == "pcomp" and g.tag_ == "VBG" for p in m.token.children
               if p.dep_ == "prep" and p.lower_ == "with" for g in p.children)


def legal_agent(source: Argument | None) -> bool:
    """Police, prosecutors or courts: those who bring legal charges."""
    return source is not None and any(of_sector(x, ("COP", "JUD")) for x in source.mentions)


def according_to_mention(m: Match, attr: Attributor) -> Mention | None:
    """The mention an "according to" phrase of the act's clause names ("according to police")."""
    for o in ranking.according_objects(m):
        found, _ = attr.mentions_at(o)
        found = found or attr.clause_mentions(o)  # "city police control room sources"
        if found:
            return found[0]
    return None


def of_sector(men: Mention, sectors: tuple[str, ...]) -> bool:
    """An actor of the mention has one of ``sectors``, listed or as its code's first sector."""
    return any(set(a.sectors) & set(sectors) or a.code[3:6] in sectors for a in men.actors)


def is_police(men: Mention | None) -> bool:
    return men is not None and of_sector(men, ("COP",))
