"""The embedding step: a trigger that embeds another ("urged X to withdraw", "said Y attacked Z",
"refused to meet") takes the nearest match inside its complement and, through its class's code
table, replaces it, keeps it (reported speech, plans) or drops it. Deepest embeddings first.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from heron.events.attribution import Argument, Attributor
from heron.events.lexicon import EmbeddingClass, TriggerLexicon, TriggerPattern
from heron.events.matcher import Match, grammatical_object, prep_objects, preps
from heron.events.modality import clause_chain, deontic, is_negated, will_not
from heron.records import Mention

INTENT_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
REFUSAL_CLASS = "refuse"
#: wish and plan classes that become an appeal when someone else is to act ("wants Y to pay")
OTHERS_ACT = frozenset({"intend", "offer", "hope"})
APPEAL_CLASS = "appeal"
#: "hope that": an intent when the hoper is to act, an optimistic comment when someone else is
HOPE_CLASS = "hope"
#: appeals whose object may be a punishment with nobody named to carry it out
ASKING = frozenset({"appeal", "request"})
THREAT_CLASS = "threaten"
#: modals that make an agreed clause a commitment: "agreed that they should cooperate"
COMMITTING_MODALS = frozenset({"should", "will", "would", "shall", "must"})
PUNITIVE_ROOTS = frozenset({"16", "17"})
#: assault, fighting, mass violence
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


@dataclass(slots=True, eq=False)
class Node:
    """A match and what the embedding step decided about it."""

    match: Match
    depth: int
    code: str
    negated: bool
    embedded: Node | None = None  # the event under an embedding trigger
    companions: tuple[Node, ...] = ()  # other matches of the same act taken up with ``embedded``
    cls: EmbeddingClass | None = None
    mapped: bool = False  # code replaced through the class table
    recoded: bool = False  # its own code replaced (negated future -> refusal)
    consumed: bool = False  # taken up by the trigger above it
    silent: bool = False  # an embedding trigger that emits nothing itself
    deferred: bool = False  # emits its own code only if nothing under it gave an event
    nested: bool = False  # its trigger sits under another trigger
    modality: str | None = None  # forced by an embedding class
    reported_by: str | None = None
    reporter_codes: frozenset[str] = frozenset()  # actor codes of the speaker
    reporter: Mention | None = None  # the speaker's mention ("police said")
    region: frozenset[int] = frozenset()
    attributed: bool = False  # emission found a source or target (even if the dyad rule then dropped it)
    target_dropped: bool = False  # it had a source but the dyad rule dropped it for want of a target
    instrument: Node | None = None  # the attack noun a generic verb took up ("killed in a NATO air strike")
    target_from: tuple[str, ...] = ()  # overrides the class's target order (a hope about someone else)
    note: str = ""

    @property
    def pattern(self) -> TriggerPattern:
        return self.match.pattern

    @property
    def token(self) -> Token:
        return self.match.token


def make_node(m: Match) -> Node:
    tok = m.token
    negated = is_negated(tok) or (m.host is not None and is_negated(m.host))
    return Node(match=m, depth=sum(1 for _ in tok.ancestors), code=m.code, negated=negated)


def region_of(m: Match, cls: EmbeddingClass) -> frozenset[int]:
    tok = m.token
    anchors = [tok] if m.obj is None else [tok, m.obj]
    roots: list[Token] = []
    for via in cls.via:
        if via in ("xcomp", "ccomp", "advcl"):
            deps = {via, "acl"} if via != "advcl" else {via}
            roots.extend(c for a in anchors for c in a.children if c.dep_ in deps)
            if via == "xcomp":  # "called on Moscow to stop ...": a to-infinitive the parser hung as advcl
                roots.extend(c for a in anchors for c in a.children if _infinitive_advcl(c))
        elif via == "dobj":
            o = grammatical_object(tok) if m.pattern.pos == "verb" else None
            if o is not None:
                roots.append(o)
        else:
            kind, word = via.split(":")
            for a in anchors:
                for p in preps(a, word):
                    if kind == "pobj":
                        roots.extend(prep_objects(p))
                    else:
                        roots.extend(c for c in p.children if c.dep_ == "pcomp")
    region: set[int] = {t.i for r in roots for t in r.subtree}
    if cls.name == "speech" and tok.dep_ == "parataxis":  # "Y attacked Z, X said"
        region |= {t.i for t in tok.head.subtree} - {t.i for t in tok.subtree}
    return frozenset(region)


def _infinitive_advcl(tok: Token) -> bool:
    """An adverbial clause that is a bare to-infinitive (no "in order", no subordinator)."""
    return (tok.dep_ == "advcl" and tok.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ == "to" and c.i < tok.i for c in tok.children)
            and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in tok.children)
            and not any(c.lower_ == "order" for c in tok.lefts))


def mark_refusals(nodes: list[Node], lexicon: TriggerLexicon) -> None:
    """ "will not meet", "won't accept refugees": cooperation refused in so many words is a 12x
    rejection (CAMEO's refuse codes). Any other negated event stays negated and is dropped."""
    cls = lexicon.classes.get(REFUSAL_CLASS)
    if cls is None:
        return
    for node in nodes:
        if not node.negated or node.code[:2] not in INTENT_ROOTS or not will_not(node.match.anchor):
            continue
        found, repl = cls.lookup(node.code)
        if found and repl is not None:
            node.note = f"negated future: {node.code} -> {repl} ({cls.name})"
            node.code, node.negated, node.modality, node.recoded = repl, False, cls.modality, True


def embed(nodes: list[Node], attr: Attributor, lexicon: TriggerLexicon) -> None:
    classes = lexicon.classes
    for node in sorted(nodes, key=lambda n: -n.depth):
        if node.pattern.embeds is None or node.negated:
            continue
        cls = classes[node.pattern.embeds]
        node.cls = cls
        node.region = region_of(node.match, cls)
        inside = [n for n in nodes if n is not node and not n.consumed and n.token.i in node.region]
        if cls.name == "speech":
            speaker, codes = speaker_of(node, attr)
            subj, _ = attr.subject(node.token)
            found = attr.mentions_at(subj)[0] if subj is not None else []
            for n in inside:
                if n.reported_by is None:
                    n.reported_by, n.reporter_codes = speaker, codes
                    n.reporter = found[0] if found else None
        elif cls.name in OTHERS_ACT and asks_other(node):
            cls = classes[APPEAL_CLASS]  # "X wants Y to pay": not X's intent but an appeal to Y
            node.cls = cls
        # only what is coded in its own right can be embedded ("agreed that ... requires ..." is not)
        live = [n for n in inside if not n.negated and not n.silent and (n.pattern.standalone or n.mapped)]
        if cls.name == "speech" and not node.region and node.pattern.pos == "verb" and (
            node.nested or _thing_said(node, attr, lexicon)
        ):
            # "for maintaining unfair practices", "Germany is adding an airplane": nothing is said
            node.silent = True
            continue
        if cls.name == "speech" and _code_obligation(node, attr, live, classes):
            continue  # the demand is the news; other acts under it stay, reported by the speaker
        if not live:  # nothing (or only negated events: "said it did not attack") under it
            _code_empty_clause(node)
            continue
        # a light verb read as a pledge ("agreed to undertake joint exercises") yields to the act it carries
        hosts = {n.match.host.i for n in live if n.match.host is not None}
        carriers = [n for n in live if n.cls is not None and n.embedded is None and n.token.i in hosts]
        if len(carriers) < len(live):
            for n in carriers:
                n.consumed = True
            live = [n for n in live if n not in carriers]
        emb = min(live, key=lambda n: (n.depth, n.token.i))
        node.embedded = emb
        if cls.name == "speech" and _claims_own_harm(node, emb, attr, lexicon):
            continue
        found, repl = cls.lookup(emb.code)
        if cls.name == HOPE_CLASS and found and _hoped_of_other(node, emb, attr):
            # "Japan hopes that China will resume talks": not Japan's intent, an optimistic comment (013)
            found, repl = False, None
            node.target_from = ("own", "embedded_source", "embedded")
        if cls.name == "speech":  # "X said Sudan must return ...": a demand; "should": an appeal
            kind = deontic(emb.match.anchor)
            clause = _obliged_clause(emb.match.anchor)
            if kind in classes and (clause is None or _other_subject(node, clause, attr)):
                f2, r2 = classes[kind].lookup(emb.code)
                if f2 and r2 is not None:
                    cls, found, repl = classes[kind], f2, r2
                    node.cls = cls
        if (found and repl is not None and repl[:3] == "022" and cls.name in ASKING and emb.code[:2] == "05"
                and _support_for_third(node, emb, attr)):
            # "urged the EC to support the PLO": support solicited for another party is CAMEO 053
            # (rally support on behalf of), with the party to be supported as its target
            repl = SUPPORT_FOR_THIRD
            node.target_from = ("embedded",)
        if (not found and cls.name in ASKING and emb.code[:2] in OPPOSING_ROOTS
                and _support_for_third(node, emb, attr)):
            # "urged the Arab states to condemn Israel", "called on X to mobilize against Y": others
            # called on to oppose a third party is CAMEO 113 (rally opposition against), against it
            found, repl = True, OPPOSITION_AGAINST_THIRD
            node.target_from = ("embedded",)
        if not found and cls.name in ASKING and _punishment_asked(node, emb) and THREAT_CLASS in classes:
            # "called for sanctions against X": CAMEO has no appeal for punishment; its verb
            # dictionary codes the call as the matching threat (1312), verbal conflict with X
            f2, r2 = classes[THREAT_CLASS].lookup(emb.code)
            if f2 and r2 is not None:
                cls, found, repl = classes[THREAT_CLASS], f2, r2
                node.cls = cls
        table_note = f"{node.pattern.lemma!r} over {emb.pattern.lemma!r} ({emb.code})"
        if found and repl is not None:
            node.code, node.mapped, node.modality = repl, True, cls.modality
            emb.consumed = True
            # "threatened to launch an offensive in its war with Iraq": "war" is the same act told
            # twice; it goes with the offensive and lends its arguments to the target search
            node.companions = tuple(n for n in live if n is not emb and n.code[:2] == emb.code[:2])
            for n in node.companions:
                n.consumed = True
            node.note = f"{table_note} -> {repl} ({cls.name})"
            if cls.name != "speech":
                _map_conjuncts(emb, live, cls)
        elif found or cls.unmapped == "base":
            emb.consumed = True
            node.embedded = None if found else emb
            node.note = f"{table_note} is not coded under {cls.name!r}"
            if found:  # dropped by the table ("agreed that they should urge ..."): the clause still commits
                _code_empty_clause(node)
        elif cls.unmapped == "drop":
            emb.consumed = True
            node.silent = True
        else:  # keep the embedded event
            if cls.modality != "asserted":
                emb.modality = emb.modality or cls.modality
                emb.note = emb.note or f"under {node.pattern.lemma!r} ({cls.name})"
            node.deferred = not cls.emit_base


#: classes whose coordinated acts are one statement about them, not several events
ONE_CHARGE = frozenset({"accuse", "deny"})


def _conjunct_of(tok: Token, head: Token) -> bool:
    """``tok`` is a verb coordinated with ``head`` ("agreed to open its borders and grant asylum")."""
    seen = 0
    while tok.dep_ == "conj" and seen < 8:
        tok, seen = tok.head, seen + 1
        if tok.i == head.i:
            return True
    return False


def _map_conjuncts(emb: Node, live: list[Node], cls: EmbeddingClass) -> None:
    """The acts coordinated with the embedded one fall under the same trigger: "agreed to open its
    borders and grant asylum" is two intents, not an intent and a grant of asylum that happened."""
    for n in live:
        if n is emb or n.consumed or n.match.pattern.pos != "verb" or not _conjunct_of(n.token, emb.token):
            continue
        found, repl = cls.lookup(n.code)
        if not found:
            continue
        if repl is None or cls.name in ONE_CHARGE:
            n.consumed = True  # "accused X of killing and torturing": one accusation, neither act coded
            continue
        n.note = f"coordinated with {emb.pattern.lemma!r} under {cls.name!r}: {n.code} -> {repl}"
        n.code, n.modality, n.recoded = repl, cls.modality, True


def _code_empty_clause(node: Node) -> None:
    """ "agreed to set up a committee": a to-clause with no coded act under a trigger whose row
    names a ``clause_code`` still commits the subject (CAMEO 030: agreeing *to* do something is
    intent, and so is agreeing that one *should* or *will* do it; agreeing *that* something is so
    stays 019)."""
    code = node.pattern.clause_code
    if code is None or node.negated:
        return
    for c in node.match.token.children:
        if c.pos_ not in ("VERB", "AUX"):
            continue
        auxes = {k.lower_ for k in c.children if k.dep_ == "aux"}
        if (c.dep_ == "xcomp" and "to" in auxes) or (c.dep_ == "ccomp" and auxes & COMMITTING_MODALS):
            node.note = f"{node.pattern.lemma!r} over {c.lemma_!r}: {node.code} -> {code}"
            node.code, node.recoded = code, True
            return


def _thing_said(node: Node, attr: Attributor, lexicon: TriggerLexicon) -> bool:
    """A speech verb with a plain object and no clause: "adding an airplane", "recalled its envoy"."""
    if node.token.lemma_.lower() not in lexicon.thing_object_speech_verbs:
        return False
    obj = grammatical_object(node.token)
    if obj is None or obj.lemma_.lower() in lexicon.speech_object_nouns:
        return False
    return not attr.mentions_at(obj)[0]


def _claims_own_harm(node: Node, emb: Node, attr: Attributor, lexicon: TriggerLexicon) -> bool:
    """ "the rebels claimed that they had attacked the base": a claim of responsibility (015);
    the attack itself is known only from the claim, so it is not emitted."""
    if node.token.lemma_.lower() not in lexicon.claim_verbs or emb.code[:2] not in VIOLENT_ROOTS:
        return False
    speaker, _ = attr.subject(node.token)
    actor = attr.resolve(emb.match, emb.pattern.source)
    if speaker is None or actor is None:
        return False
    spoken = {a.code for m in attr.mentions_at(speaker)[0] for a in m.actors}
    if not spoken or not all(a.code in spoken for m in actor.mentions for a in m.actors):
        return False
    node.note = f"{node.pattern.lemma!r} over the speaker's own {emb.pattern.lemma!r} ({emb.code}) -> 015"
    node.code, node.recoded = "015", True
    node.embedded = None
    emb.consumed = True
    return True


#: an appeal to others to support a third party (CAMEO 053, rally support on behalf of)
SUPPORT_FOR_THIRD = "053"
#: an appeal to others to oppose a third party (CAMEO 113, rally opposition against): what they
#: are asked to do is to disapprove (11), reject (12) or mobilize (15) against it
OPPOSITION_AGAINST_THIRD = "113"
OPPOSING_ROOTS = frozenset({"11", "12", "15"})


def _codes(arg: Argument | None) -> set[str]:
    return {a.code for m in (arg.mentions if arg is not None else ()) for a in m.actors}


def _support_for_third(node: Node, emb: Node, attr: Attributor) -> bool:
    """The support asked for goes to an actor who is neither the one asking nor the one asked:
    "urged the EC to support the PLO" (not "urged Russia to back Iran" said by Iran)."""
    backed = _codes(attr.resolve(emb.match, emb.pattern.target))
    if not backed:
        return False
    subj, _ = attr.subject(node.token)
    asking = {a.code for m in (attr.mentions_at(subj)[0] if subj is not None else ()) for a in m.actors}
    asked = _codes(attr.resolve(node.match, node.pattern.target))
    return not any(b.startswith(o) or o.startswith(b) for b in backed for o in asking | asked)


#: what a statement that another actor must do something is when the act is not in the table
OBLIGATION_BASE = {"demand": "100"}


def _code_obligation(node: Node, attr: Attributor, live: list[Node], classes) -> bool:
    """ "declared that China must drop its barriers": what a speaker says *another* actor must do
    is a demand (CAMEO 100) even when the act itself has no trigger of its own, or only one the
    demand table does not map ("announced that the government must agree to changes": no
    accord of the government's). Returns True when the statement was recoded."""
    doc = node.token.doc
    for i in sorted(node.region):
        tok = doc[i]
        kind = deontic(tok) if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ccomp", "acl", "advcl") else None
        if kind not in OBLIGATION_BASE or not _other_subject(node, tok, attr):
            continue
        clause = {t.i for t in tok.subtree}
        inside = [n for n in live if n.token.i in clause]
        # a condition of the obliged act ("must agree to changes *before they demobilize*") is no
        # part of what is demanded: it neither blocks the demand nor is an event of its own; a
        # circumstance ("*as he embarked on a trip* to seek support") is the speaker's own news
        terms = {t.i for c in tok.children if _condition_clause(c) for t in c.subtree}
        aside = {t.i for c in tok.children if _condition_clause(c, CIRCUMSTANCE_MARKS) for t in c.subtree}
        table = classes.get(kind)
        if any(table is None or table.lookup(n.code)[0] for n in inside if n.token.i not in terms | aside):
            return False  # the obliged act is coded and the demand table maps it
        for n in inside:
            if n.token.i not in aside:
                n.consumed = True  # "must agree": not the government's accord, the speaker's demand
        base = OBLIGATION_BASE[kind]
        node.note = f"{node.pattern.lemma!r} over {tok.lemma_!r} with 'must': {node.code} -> {base} ({kind})"
        node.code, node.recoded = base, True
        return True
    return False


#: subordinators of a time or condition clause on an obliged act
CONDITION_MARKS = frozenset({"before", "after", "until", "till", "unless", "if", "once", "when"})
#: subordinators of a clause that tells the circumstances of the statement ("as he left for ...")
CIRCUMSTANCE_MARKS = frozenset({"as", "while", "whilst"})


def _condition_clause(tok: Token, marks: frozenset[str] = CONDITION_MARKS) -> bool:
    """An adverbial clause of time or condition ("before they demobilize", "unless it withdraws")."""
    return tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in tok.children)


def _obliged_clause(tok: Token) -> Token | None:
    """The verb that carries the modal (the trigger itself, or a verb it hangs on)."""
    for t in clause_chain(tok):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return t
    return None


def _other_subject(node: Node, clause: Token, attr: Attributor) -> bool:
    """The clause's subject names an actor other than the speaker ("Russia said *it* must ..." is no demand)."""
    speaker, _ = attr.subject(node.token)
    own = {a.code for m in (attr.mentions_at(speaker)[0] if speaker is not None else ()) for a in m.actors}
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    found = attr.mentions_at(subj)[0] if subj is not None else []
    return bool(found) and any(a.code not in own for m in found for a in m.actors)


def _hoped_of_other(node: Node, emb: Node, attr: Attributor) -> bool:
    """The hoped-for act sits in a finite clause whose subject is not the hoper: a noun phrase
    ("hoped that the Saudi king would help", "hopes more countries will make commitments") that is
    not the speaker's own actor. A pronoun subject ("hopes it will join") stays the hoper's intent."""
    clause = next((t for t in [emb.match.anchor, *emb.match.anchor.ancestors]
                   if t.dep_ == "ccomp" and t.head.i == node.token.i), None) if node.pattern.pos != "noun" else None
    if clause is None and node.pattern.pos == "noun":
        clause = next((t for t in [emb.match.anchor, *emb.match.anchor.ancestors]
                       if t.dep_ in ("ccomp", "acl") and t.head.i == node.token.i), None)
    if clause is None:
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON":
        return False
    found = attr.mentions_at(subj)[0]
    if not found:
        return True
    speaker, _ = attr.subject(node.token)
    own = {a.code for m in (attr.mentions_at(speaker)[0] if speaker is not None else ()) for a in m.actors}
    return any(a.code not in own for m in found for a in m.actors)


def speaker_of(node: Node, attr: Attributor) -> tuple[str | None, frozenset[str]]:
    subj, _ = attr.subject(node.token)
    if subj is None:
        return None, frozenset()
    found, _ = attr.mentions_at(subj)
    if found and found[0].actors:
        return " and ".join(a.name for a in found[0].actors), frozenset(a.code for a in found[0].actors)
    return " ".join(t.text for t in subj.subtree), frozenset()


def asks_other(node: Node) -> bool:
    """An infinitive with a subject of its own under a wish verb: "wants Germany to pay",
    "would like Iran to join" (the wisher asks someone else to act)."""
    tok = node.token
    if node.pattern.pos != "verb":
        return False
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
            kids = list(c.children)
            if any(k.dep_ == "aux" and k.lower_ == "to" for k in kids) and any(
                k.dep_ == "nsubj" and k.i < c.i for k in kids
            ):
                return True
    return False


def _punishment_asked(node: Node, emb: Node) -> bool:
    """A sanction or coercive act asked for as a bare noun ("urged sanctions on X", "called for an
    embargo against X"), with no addressee who would impose it ("urged the UN to impose ...")."""
    if emb.code[:2] not in PUNITIVE_ROOTS or emb.pattern.pos != "noun":
        return False
    obj = grammatical_object(node.token) if node.pattern.pos == "verb" else None
    return obj is None or obj.i == emb.token.i or obj.i in {t.i for t in emb.token.subtree}


#: prepositions through which a generic act names the weapon or attack that did it
INSTRUMENT_PREPS = frozenset({"in", "by", "with", "during"})


#: generic violent verbs a more specific weapon or attack can refine (use force, assault, beat/wound)
GENERIC_FORCE = frozenset({"190", "180", "182"})
#: CAMEO 1823 is a killing "without the use of weaponry"; "murdered" and "slain" say nothing of the
#: means, so an attack named in their in/by phrase ("murdered in an attack on a patrol") codes them,
#: even the generic one (190)
UNARMED_KILLING = "1823"
UNSPECIFIC_KILL_VERBS = frozenset({"murder", "slay"})


def merge_instruments(nodes: list[Node], weapon_subjects: tuple[tuple[str, frozenset[str]], ...] = ()) -> None:
    """ "was killed in a car bomb explosion": a generic use of force (190) whose "in"/"by"/"with"
    phrase names a more specific violent act (1832 car bombing) is coded as that act; the noun is
    taken up by the verb, which keeps its own source and target. A weapon as the verb's subject
    does the same ("helicopter gunships killed 46 civilians": 195), and so does the attack itself
    ("a suicide bombing killed 12 soldiers": 1831)."""
    for verb in nodes:
        if verb.pattern.pos not in ("verb", "noun") or verb.consumed or verb.negated:
            continue
        unarmed = verb.code == UNARMED_KILLING and verb.token.lemma_.lower() in UNSPECIFIC_KILL_VERBS
        if verb.code not in GENERIC_FORCE and not unarmed:
            continue
        as_noun = verb.pattern.pos == "noun"  # "the killing of seven policemen in an IED explosion"
        subj = None if as_noun else next((c for c in verb.token.children if c.dep_ == "nsubj"), None)
        if subj is not None and verb.code == "190":
            heads = [subj, *(c for c in subj.children if c.dep_ in ("appos", "prep"))]
            words = {t.lemma_.lower() for h in heads for t in h.subtree if t.pos_ in ("NOUN", "PROPN")}
            code = next((c for c, ws in weapon_subjects if words & ws), None)
            if code is not None:
                verb.note = f"{verb.pattern.lemma!r} by {sorted(words & dict(weapon_subjects)[code])[0]!r}: 190 -> {code}"
                verb.code, verb.recoded = code, True
                continue
        for noun in nodes:
            if noun is verb or noun.consumed or noun.pattern.pos != "noun" or (noun.code == "190" and not unarmed):
                continue
            # "killed in a car bomb explosion", or the attack as the verb's subject ("a roadside bombing killed")
            by_subject = subj is not None and noun.token.i == subj.i
            if noun.code[:2] not in VIOLENT_ROOTS or not (by_subject or _through_instrument(noun.token, verb.token, of_object=as_noun)):
                continue
            if by_subject:
                # the attack noun keeps its own arguments ("air strikes on Aleppo"); the verb is its effect
                verb.consumed = True
                noun.note = noun.note or f"{noun.pattern.lemma!r} {verb.pattern.lemma!r}: the verb is the attack's effect"
                break
            verb.note = f"{verb.pattern.lemma!r} by {noun.pattern.lemma!r}: {verb.code} -> {noun.code}"
            verb.code, verb.recoded = noun.code, True
            verb.instrument = noun
            noun.consumed = True
            break


def _through_instrument(noun: Token, verb: Token, *, of_object: bool = False) -> bool:
    """``noun`` hangs in an instrument phrase of ``verb``; with ``of_object`` (a noun trigger) the
    phrase may hang on the trigger's "of" object ("the killing of [seven policemen in an IED blast]")."""
    t = noun
    for _ in range(4):
        head = t.head
        if head.i == t.i:
            return False
        if head.i == verb.i:
            return False
        if head.dep_ in ("prep", "agent") and head.lower_ in INSTRUMENT_PREPS:
            owner = head.head
            if owner.i == verb.i:
                return True
            if (of_object and owner.dep_ == "pobj" and owner.head.lower_ == "of" and owner.head.head.i == verb.i
                    and noun.pos_ == "NOUN"):
                return True
        t = head
    return False
