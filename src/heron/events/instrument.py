"""Whose weapon: the nationality of the instrument or force named in an act's own phrase.

"Seven civilians were killed in a NATO air strike", "three farmers were killed in an Israeli tank
shelling": nobody is the verb's subject or "by" agent, but the strike is NATO's and the tank
Israel's. The source is the actor that modifies the instrument noun in the verb's "in"/"by"/
"with"/"during"/"from" phrase or its subject ("an Israeli tank shelling the village"): the attack
noun the verb took up (``merge_instruments``), or a weapon word (``weapon_subjects`` in
``_frames.yaml``). An attack noun's own nationality modifier beats the subject of the clause it
hangs on ("two children died in a Russian air raid": Russia's raid). This comes before the rule that takes the
country of the place ("was arrested in Lebanon"), which is for acts nobody is named for.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from heron.events.attribution import Argument, Attributor
from heron.events.matcher import Match, is_passive, prep_objects, preps
from heron.events.places import builtin_knowledge
from heron.records import Mention

#: prepositions through which a verb names the attack or weapon that did it
INSTRUMENT_PREPS = frozenset({"in", "by", "with", "during", "from"})
#: gerunds that make their actor noun the force that did it ("killed in police firing")
FIRING_GERUNDS = frozenset({"fire", "firing", "shoot", "shell", "bomb"})
#: the firing itself as the instrument ("died in police firing", "killed in army shooting")
FIRING_NOUNS = frozenset({"firing", "shooting", "gunfire"})
#: how a nationality or an owner hangs on the instrument noun
OWNER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


#: nouns that count or group the attacks or weapons they take with "of" ("a series of airstrikes",
#: "two waves of air strikes", "a barrage of rockets"): the instrument is inside them
QUANTITY_NOUNS = frozenset({"series", "wave", "barrage", "round", "spate", "string", "volley", "salvo",
                            "hail", "burst", "flurry", "succession", "campaign"})


def _instrument_nouns(noun: Token) -> list[tuple[Token, bool]]:
    """The noun, the attacks or weapons a quantity noun holds ("a series of airstrikes"), and what
    did them ("airstrikes by Russian jets", "rockets fired by Hamas militants"), each with whether
    it is the doer named by "by" (then the doer's own mention is the source)."""
    out: list[tuple[Token, bool]] = [(noun, False)]
    if noun.lemma_.lower() in QUANTITY_NOUNS:
        out += [(o, False) for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in prep_objects(p)]
    for n, _ in list(out):
        by = [*preps(n, "by"), *(p for a in n.children if a.dep_ == "acl" and a.tag_ == "VBN"
                                  for p in a.children if p.dep_ == "agent")]
        out += [(o, True) for p in by for o in prep_objects(p)]
    return out


#: builtin actor kinds that name whose a weapon is when they modify it
OWNER_KINDS = frozenset({"demonym", "country", "igo"})


def _owner_mention(tok: Token, attr: Attributor, sentence_index: int) -> Mention | None:
    """The mention at ``tok``; else, for a nationality the mention finder left out as part of a
    place phrase ("in an Israeli tank shelling"), a country or IGO mention from the builtin tables."""
    m = attr.mention_of(tok)
    if m is not None or tok.pos_ not in ("ADJ", "PROPN"):
        return m
    kb = builtin_knowledge()
    entry = kb.resolve(tok.text)
    if entry is None or entry.kind not in OWNER_KINDS:
        return None
    if entry.kind != "igo":
        entry = kb.country(entry.country) if entry.country else None
        if entry is None:
            return None
    return Mention.over(tok.doc[tok.i:tok.i + 1], (entry.to_actor(),), sentence_index=sentence_index,
                        resolved_by="context")


def _owners(noun: Token, attr: Attributor, skip: Collection[int], sentence_index: int) -> list[Mention]:
    """Actor mentions among the noun's modifiers, and one level down its compounds ("a NATO air
    strike", "Israeli tank fire")."""
    found: list[Mention] = []
    for c in noun.children:
        if c.dep_ not in OWNER_DEPS or c.i in skip:
            continue
        m = _owner_mention(c, attr, sentence_index)
        if m is None and c.dep_ == "compound":
            m = next((x for g in c.children if g.dep_ in OWNER_DEPS and g.i not in skip
                      for x in [_owner_mention(g, attr, sentence_index)] if x is not None), None)
        if m is not None and m not in found:
            found.append(m)
    return found


def instrument_source(m: Match, attr: Attributor, *, sentence_index: int, weapon_words: frozenset[str],
                      attack: Token | None = None) -> Argument | None:
    """The owner of the instrument named in the verb's own phrase, as an indirect source."""
    if m.pattern.pos != "verb":
        return None
    skip = {p.i for p in m.parts} | {m.token.i}
    subject, _ = attr.subject(m.token)  # "an Israeli tank shelling the village": the tank
    nouns = [subject] if subject is not None else []
    nouns += [o for p in m.token.children if p.dep_ in ("prep", "agent") and p.lower_ in INSTRUMENT_PREPS
              for o in prep_objects(p)]
    for noun, doer in (x for n in nouns for x in _instrument_nouns(n)):
        own = attr.mention_of(noun) if doer else None
        if own is not None and own.actors and noun.lemma_.lower() not in weapon_words:
            return Argument([own], f"instrument: done by '{noun.text}' (fallback)", False)
        # "killed in police firing": the small parser reads "police (who were) firing"
        firing = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"
                       and c.lemma_.lower() in FIRING_GERUNDS), None)
        own = attr.mention_of(noun) if firing is not None else None
        if own is not None and own.actors:
            return Argument([own], f"instrument: '{noun.text} {firing.text}' (fallback)", False)
        words = {noun.lemma_.lower(), *(c.lemma_.lower() for c in noun.children if c.dep_ == "compound")}
        if noun.lower_ in FIRING_NOUNS:  # "perished in police firing": the firing is the police's
            words.add(noun.lower_)
        if not ((attack is not None and noun.i == attack.i) or words & (weapon_words | FIRING_NOUNS)):
            continue
        owners = [x for x in _owners(noun, attr, skip, sentence_index) if x.actors]
        if owners:
            return Argument(owners, f"instrument: '{noun.text}' (fallback)", False)
    return None


def noun_owner(m: Match, attr: Attributor, *, sentence_index: int) -> Argument | None:
    """The nationality or owner modifying an attack noun itself ("died in a Russian air raid"):
    it beats the subject of the clause the noun hangs on (the children did not raid)."""
    tok = m.token
    if m.pattern.pos != "noun" or not (tok.dep_ == "pobj" and tok.head.lower_ in INSTRUMENT_PREPS):
        return None  # "complained over Israeli air raids": the complaint's topic, not how anyone died
    owners = [x for x in _owners(tok, attr, {p.i for p in m.parts}, sentence_index) if x.actors]
    return Argument(owners, "mod (the attack's owner)", False) if owners else None


#: verbs that put an act on someone, and the preposition that names who: "an attack officials
#: blamed on a militia group", "the murders were blamed on the death squads", "killings attributed to X"
BLAME_VERBS = {"blame": "on", "attribute": "to", "pin": "on"}


def blamed_source(m: Match, attr: Attributor, *, attack: Token | None = None) -> Argument | None:
    """The one an act with no named agent is blamed on, as an indirect source: the act (or the
    attack that merged into it) modified by "blamed on X" (participle or relative clause), or
    the subject of a passive "was blamed on X"; for a verb, also the noun of its in/by/with phrase."""
    toks = [m.token, *([attack] if attack is not None else [])]
    if m.pattern.pos == "verb":  # "killed in an ambush attributed to X"
        toks += [o for p in m.token.children if p.dep_ in ("prep", "agent") and p.lower_ in INSTRUMENT_PREPS
                 for o in prep_objects(p)]
    for tok in toks:
        verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in BLAME_VERBS]
        if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in BLAME_VERBS:
            verbs.append(tok.head)
        for verb in verbs:
            for p in preps(verb, BLAME_VERBS[verb.lemma_.lower()]):
                for o in prep_objects(p):
                    found, _ = attr.mentions_at(o, skip={tok.i})
                    found = [x for x in found if x.actors]
                    if found:
                        return Argument(found, f"blamed on '{o.text}' ('{verb.text}', fallback)", False)
    return None


#: verbs whose passive or "in" use is taking part, not fighting: "Serb forces were engaged in
#: ethnic cleansing" is no fight with the forces (the act is the cleansing)
PARTICIPATION_VERBS = frozenset({"engage"})


def participation(m: Match) -> bool:
    """A fighting verb used for taking part ("were engaged in ethnic cleansing"): no fight."""
    tok = m.token
    if m.pattern.pos != "verb" or not m.code.startswith("19") or tok.lemma_.lower() not in PARTICIPATION_VERBS:
        return False
    return is_passive(tok) or any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children)

