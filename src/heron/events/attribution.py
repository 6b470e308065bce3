"""Who did it to whom: argument slots over the dependency parse, mapped to actor mentions.

Slots (named by trigger rows, see the triggers README):

``subj``     the logical subject: nsubj; the "by" agent of a passive; inherited across xcomp
             ("Iran refused to meet": Iran), object control ("urged Iran to meet": Iran), conj,
             participial advcl, relative clauses ("Russia, which bombed ...") and acl/pcomp
``dobj``     the logical object: dobj/oprd/attr; the passive subject ("ISIL was bombed")
``dative``   "gave Iran aid", "said to X"
``pobj:P``   the object of preposition P on the trigger, on its light-verb object, or (nouns) on
             the verb that carries it ("held talks with X")
``poss``     "Russia's attack"; ``mod`` an actor among a noun's modifiers ("Russian air strikes")
``host``     the subject of the light verb that carries a noun ("Russia carried out strikes"), or of
             the clause a noun's prepositional phrase hangs on ("He spoke in a meeting with X")
``party``    the subject of the clause a noun hangs on through a ``party_preps`` preposition, the
             temporal ones included: "said after talks with X", "made the remarks following a
             meeting with X" (meeting, call, visit and negotiation nouns; indirect)
``between``  "talks between X and Y" (all of them: reciprocal events pair them up)
``xsubj``    the subject of the trigger's clausal complement ("urged that Israel withdraw")
``opobj:P``  object of preposition P on the verb's object ("endorsed an agreement with the EU"); indirect

A slot token that is not itself a mention is searched two levels down its noun phrase (possessor,
modifiers, appositive, "of" phrase: "the government of Syria", "welcomed the Russian involvement"); such an
argument counts as indirect and lowers the confidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from heron.events.matcher import NOMINAL, Match, grammatical_object, is_passive, prep_objects, preps, word_forms
from heron.records import Mention

RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
#: Verbs whose object is the subject of their infinitive: "urged Iran to talk".
OBJECT_CONTROL = frozenset(
    {
        "urge", "ask", "call", "persuade", "force", "order", "tell", "invite", "encourage", "allow",
        "pressure", "press", "push", "advise", "request", "require", "warn", "implore", "exhort",
        "authorize", "authorise", "permit", "instruct", "direct", "compel", "oblige", "enable",
        "beg", "appeal", "convince", "help", "challenge", "dare", "empower", "pressurize", "lobby",
    }
)
INNER_DEPS = ("poss", "compound", "amod", "nmod", "appos")
NEAR_PREPS = ("in", "near", "around", "outside", "inside")
#: how many noun-phrase levels a slot token is searched for a mention
INNER_DEPTH = 2
SUBJECT_DEPS = ("nsubj", "csubj")
#: noun-modifier slots, where a bare sector adjective ("military") is a weak actor
MODIFIER_SLOTS = frozenset({"mod", "poss"})


#: Prepositions whose object is a plausible target of almost any event ("to", "against", ...).
FALLBACK_PREPS = ("against", "to", "on", "with", "toward", "at", "from", "over", "into", "upon")
#: prepositions that make a noun event the topic of its clause, not its act: "voiced alarm *over*
#: the fighting", "protested *against* the attack" (the clause's subject is no author of it)
TOPIC_PREPS = frozenset({"over", "about", "against", "after", "before", "despite", "amid", "amidst",
                         "following", "concerning", "regarding", "toward", "towards", "at", "during", "since"})
FALLBACK_TARGET = ("dobj", "dative", *(f"pobj:{p}" for p in FALLBACK_PREPS), "poss", "mod")


def purpose_clauses(verb: Token) -> list[Token]:
    """Infinitive clauses on a verb: "used tear gas to disperse ...", "sent troops to guard ..."."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
    ]


def stray_agent(verb: Token) -> Token | None:
    """The "by" agent of a passive verb that the parser hung elsewhere in its clause: on a noun
    after the verb ("was attacked on Tuesday by rebels") or on a coordinated passive verb ("was
    arrested and charged by police")."""
    doc = verb.doc
    coordinated = {t.i for t in verb.conjuncts}
    for t in doc[verb.i + 1 : verb.sent.end]:
        if t.lower_ != "by" or t.dep_ not in ("agent", "prep"):
            continue
        gov = t.head
        if gov.i in coordinated:  # "arrested and charged by": a participle without its own subject
            if gov.tag_ != "VBN" or any(c.dep_ in SUBJECT_DEPS for c in gov.children):
                continue
        elif gov.pos_ in NOMINAL:
            clause = next((a for a in gov.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if clause is not verb:
                continue
        else:
            continue
        for o in prep_objects(t):
            if o.pos_ in NOMINAL and o.dep_ == "pobj":
                return o
    return None


@dataclass(slots=True)
class Argument:
    """The mentions found for one role, and how."""

    mentions: list[Mention]
    slot: str
    direct: bool  # the slot token (or its conjuncts) is itself a mention


#: verbs whose subject is what their predicate noun names (a noun row's ``subj`` slot)
COPULAS = frozenset({"be", "remain", "become"})

#: Verbs that only tell that an event happened: "a gun battle *took place / broke out between* X and
#: Y" — the parties' phrase hangs on the verb, not on the event noun that is its subject.
OCCURRENCE_VERBS = frozenset({"take", "break", "erupt", "ensue", "occur", "happen", "rage", "continue",
                              "resume", "start", "begin", "flare", "last", "follow"})
OCCURRENCE_PARTICLES = {"take": "place", "break": "out", "flare": "up"}


def occurrence_verb(tok: Token) -> Token | None:
    """The verb that only tells ``tok`` (an event noun, its subject) happened, or None."""
    if tok.dep_ != "nsubj" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = tok.head
    if verb.lemma_ not in OCCURRENCE_VERBS:
        return None
    need = OCCURRENCE_PARTICLES.get(verb.lemma_)
    if need is not None and not any(c.lower_ == need and c.dep_ in ("dobj", "prt", "advmod", "compound") for c in verb.children):
        return None
    return verb

#: the slot of a meeting or visit noun's clause subject through a temporal phrase ("said after talks with X")
PARTY_SLOT = "party"

#: pronouns that, as subject of what someone said, stand for the speaker
SPEAKER_PRONOUNS = frozenset({"they", "he", "she", "it", "we"})


class Attributor:
    """Maps slot tokens to the sentence's actor mentions. One per sentence."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], light_verbs: frozenset[str], *,
                 party_preps: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.light_verbs = light_verbs
        self.party_preps = party_preps  # the ``party`` slot's prepositions (_frames.yaml)
        self.by_token: dict[int, Mention] = {}
        # shorter mentions first win a shared token: "Iran" inside a longer "Iran and Russia" keeps both
        for m in sorted(mentions, key=lambda m: m.tok_end - m.tok_start):
            if not m.actors:
                continue
            for i in range(m.tok_start, m.tok_end):
                self.by_token.setdefault(i, m)

    # --- mentions -------------------------------------------------------------------------

    def mention_of(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def mentions_at(self, tok: Token, *, skip: Iterable[int] = ()) -> tuple[list[Mention], bool]:
        """Mentions standing for ``tok`` and its conjuncts; (mentions, direct)."""
        skip = set(skip)
        found: list[Mention] = []
        direct = True
        for t in (tok, *tok.conjuncts, *listed_before(tok)):
            m = self.by_token.get(t.i) if t.i not in skip else None  # a trigger word is no actor ...
            if m is not None:
                if m not in found:
                    found.append(m)
                continue
            inner = self._inner(t, skip)
            if inner is not None and inner not in found:
                found.append(inner)
                direct = False
                # "the foreign ministers of Iran and Russia": every conjunct of the inner mention
                found.extend(x for x in self._conjunct_mentions(inner, skip) if x not in found)
        return found, direct

    def _conjunct_mentions(self, m: Mention, skip: set[int]) -> list[Mention]:
        """Mentions coordinated with ``m`` ("Iran and Russia" as two mentions)."""
        root = next((self.doc[i] for i in range(m.tok_start, m.tok_end)
                     if not m.tok_start <= self.doc[i].head.i < m.tok_end or self.doc[i].head.i == i), None)
        if root is None:
            return []
        out = [self.by_token[c.i] for c in root.conjuncts if c.i in self.by_token and c.i not in skip]
        return [x for x in out if x is not m]

    def _inner(self, tok: Token, skip: set[int], depth: int = INNER_DEPTH) -> Mention | None:
        """A mention inside a noun phrase: modifier, possessor, appositive, "of X"; then one level
        further down the same noun phrase ("the deputy chief of Israel's militia", "U.N. mediator
        Diego Cordovez", "US Predator attacks")."""
        for c in tok.children:
            if c.dep_ in INNER_DEPS and c.i not in skip and c.i in self.by_token:
                return self.by_token[c.i]
        for words in (("of", "by"), NEAR_PREPS):  # "the government of Syria", "targets near Damascus"
            for c in tok.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in words:
                    for o in prep_objects(c):
                        if o.i in self.by_token and o.i not in skip:
                            return self.by_token[o.i]
        if depth <= 1:
            return None
        inside = [c for c in tok.children if c.dep_ in INNER_DEPS and c.i not in skip]
        inside += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in prep_objects(c)]
        for c in inside:
            if c.pos_ in ("NOUN", "PROPN"):
                found = self._inner(c, skip, depth - 1)
                if found is not None:
                    return found
        return None

    # --- syntax ---------------------------------------------------------------------------

    def subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, str]:
        """The logical subject of a verb (or adjective) and how it was found."""
        if depth > 5:
            return None, ""
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # two subjects (a headline glued to the lead, or a name the parser split: "Prime
            # Minister Fayez al-Sarraj"): the one nearest before the verb that names an actor, else
            # the nearest before the verb
            before = [s for s in subjects if s.i < verb.i]
            named = [s for s in before if s.i in self.by_token or self._inner(s, set()) is not None]
            c = max(named or before, key=lambda s: s.i, default=subjects[0])
            if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head, "relative clause"
            if c.lower_ in SPEAKER_PRONOUNS and c.i not in self.by_token:
                # "the workers said they will not ...": the pronoun is the speaker
                clause = verb
                while clause.dep_ == "conj" and clause.head.i != clause.i:
                    clause = clause.head
                if clause.dep_ == "ccomp" and clause.head.pos_ == "VERB":
                    tok, _ = self.subject(clause.head, depth + 1)
                    if tok is not None:
                        return tok, "inherited (speaker's pronoun)"
            return c, "subject"
        if is_passive(verb):
            for c in verb.children:
                if c.dep_ == "agent":
                    for o in prep_objects(c):
                        return o, "passive agent"
            stray = stray_agent(verb)
            return (stray, "passive agent (attached elsewhere)") if stray is not None else (None, "")
        head, dep = verb.head, verb.dep_
        if head is verb:
            return None, ""
        if dep == "acomp" or (dep == "xcomp" and verb.pos_ == "ADJ"):
            tok, how = self.subject(head, depth + 1)
            return tok, how
        if dep == "xcomp":
            if is_passive(head):  # "Iran was asked to meet", "is expected to attack"
                for c in head.children:
                    if c.dep_ in ("nsubjpass", "nsubj"):
                        return c, "inherited (passive controller)"
            if head.lemma_.lower() in OBJECT_CONTROL:
                ctrl = self._controller(head)
                if ctrl is not None:
                    return ctrl, "inherited (object control)"
            tok, _ = self.subject(head, depth + 1)
            return tok, "inherited (xcomp)"
        if dep == "conj" and (head.pos_ in ("VERB", "AUX") or any(c.dep_ in SUBJECT_DEPS for c in head.children)):
            # (a head verb the tagger took for a noun, "rejects and condemns", still has its subject)
            tok, _ = self.subject(head, depth + 1)
            return tok, "inherited (coordination)"
        if dep == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
            tok, _ = self.subject(head, depth + 1)
            return tok, "inherited (participle)"
        if dep == "relcl":
            return head, "relative clause"
        if dep == "acl" and verb.tag_ == "VBG":
            # "a declaration demanding ...": the document speaks for whoever issued it
            if head.i not in self.by_token and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
                if self._inner(head, set()) is None:
                    tok, _ = self.subject(head.head, depth + 1)
                    if tok is not None:
                        return tok, "inherited (author of the document)"
            return head, "participle modifier"
        if dep == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
            tok, _ = self.subject(head.head, depth + 1)
            return tok, "inherited (gerund)"
        if dep == "pcomp" and head.head.pos_ == "ADJ" and head.head.dep_ in ("acomp", "xcomp", "amod", "ROOT"):
            # "X is guilty of violating", "responsible for killing", "hackers capable of launching"
            adj = head.head
            if adj.dep_ == "amod":
                return adj.head, "inherited (adjective's noun)"
            tok, _ = self.subject(adj, depth + 1)
            return tok, "inherited (adjective's gerund)"
        return None, ""

    @staticmethod
    def _controller(verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj"):
                return c
        for word in ("on", "upon"):  # "called on Iran to"
            for p in preps(verb, word):
                for o in prep_objects(p):
                    return o
        return None

    def object(self, verb: Token) -> Token | None:
        obj = grammatical_object(verb)
        if obj is not None and obj.lower_ in RELATIVE and verb.dep_ == "relcl":
            return verb.head  # "the base that the rebels attacked"
        return obj

    def slot_tokens(self, match: Match, slot: str) -> tuple[list[Token], bool]:
        """The tokens a slot points at, and whether the dependency is direct (not inherited)."""
        tok = match.token
        pos = match.pattern.pos
        if slot == "subj":
            if pos == "noun":
                pred = tok
                if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one":
                    pred = tok.head.head  # "X is one of the largest donors"
                if pred.dep_ == "attr" and pred.head.lemma_ in COPULAS:  # "X is the largest donor of aid"
                    s, _ = self.subject(pred.head)
                    return ([s] if s is not None else []), False
                return [], False
            s, how = self.subject(tok)
            return ([s] if s is not None else []), how in ("subject", "passive agent")
        if slot == "dobj":
            o = self.object(tok) if pos == "verb" else None
            if pos == "noun" and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
                o = self.object(tok.head)  # "a roadside bombing killed one U.S. soldier"
                return ([o] if o is not None else []), False
            return ([o] if o is not None else []), True
        if slot == "dative":
            out = []
            for c in tok.children:
                if c.dep_ in ("dative", "iobj"):
                    out.extend(prep_objects(c) if c.pos_ == "ADP" else [c])
            return out, True
        if slot.startswith("pobj:"):
            word = slot[5:]
            anchors = [tok]
            if match.obj is not None:
                anchors.append(match.obj)
            if match.obj_head is not None:
                anchors.append(match.obj_head)
            if pos == "verb" and match.obj is None and match.pattern.reciprocal:
                # "negotiated a fishing accord with Peru": the partner's phrase hangs on the topic
                o = self.object(tok)
                if o is not None and o.pos_ in ("NOUN", "PROPN") and o.i not in self.by_token:
                    anchors.append(o)
            if pos == "noun" and match.host is not None:  # "held talks with X", "engaged in attacks against X"
                anchors.append(match.host)
                if tok.dep_ in ("compound", "amod") and tok.head.i != match.host.i:
                    anchors.append(tok.head)  # "a mediation effort between X and Y"
            # a noun a constraint named carries its own phrases: "walked out of the talks with X"
            anchors.extend(p for p in match.parts if p.pos_ in ("NOUN", "PROPN") and p not in anchors)
            if pos == "noun" and word == "between" and (occ := occurrence_verb(tok)) is not None:
                anchors.append(occ)  # "a gun battle broke out between X and Y"
            return [o for a in anchors for p in preps(a, word) for o in prep_objects(p)], True
        if slot in ("poss", "mod"):
            # a verb row's light object carries them: "rejected the Indian proposal", "froze Iran's assets"
            owner = match.obj_head or match.obj if (pos == "verb" and match.obj is not None) else tok
            deps = ("poss",) if slot == "poss" else ("amod", "compound", "nmod")
            parts = {p.i for p in match.parts}
            return [c for c in owner.children if c.dep_ in deps and c.i not in parts], True
        if slot.startswith("opobj:"):  # "endorsed an agreement with the EU": a phrase of the object
            o = self.object(tok) if pos == "verb" else None
            return ([x for p in preps(o, slot[6:]) for x in prep_objects(p)] if o is not None else []), False
        if slot == "between":
            anchors = [tok]
            if pos == "noun" and (occ := occurrence_verb(tok)) is not None:
                anchors.append(occ)  # "clashes took place between X and Y"
            return [o for a in anchors for w in ("between", "among", "amongst") for p in preps(a, w) for o in prep_objects(p)], True
        if slot == "host":
            host = match.host
            if host is None:
                return [], False
            if match.host_kind == "object" and not (self.light_verbs.intersection(word_forms(host)) or match.pattern.host):
                return [], False
            if match.host_kind == "prep" and _host_prep(match.token, host) in TOPIC_PREPS:
                return [], False  # "voiced alarm over the fighting": the speaker did not fight
            s, _ = self.subject(host)
            if s is None and match.host_kind == "prep":  # "Serb forces were engaged in ethnic cleansing"
                s = next((c for c in host.children if c.dep_ == "nsubjpass"), None)
            return ([s] if s is not None else []), False
        if slot == PARTY_SLOT:  # "said after talks with X": the clause's subject was at the talks
            host = match.host
            if host is None or match.host_kind != "prep" or _host_prep(tok, host) not in self.party_preps:
                return [], False
            s, _ = self.subject(host)
            return ([s] if s is not None else []), False
        if slot == "xsubj":
            return [g for c in tok.children if c.dep_ in ("xcomp", "ccomp") for g in c.children if g.dep_ == "nsubj"], True
        return [], False

    def resolve(self, match: Match, slots: Sequence[str], *, exclude: Sequence[Mention] = ()) -> Argument | None:
        """The first slot, in order, that yields actor mentions (other than ``exclude``)."""
        skip = {p.i for p in match.parts} | {match.token.i}
        weak: Argument | None = None
        for slot in slots:
            tokens, clear = self.slot_tokens(match, slot)
            # the people a coercion row names as its object are whom it coerces, the target its dobj
            # slot asks for: "dispersed the crowd", "booked 62 people" (a release keeps its rule:
            # the freed are a target only as a mention of their own, unnamed.py)
            coerced = slot == "dobj" and match.obj is not None and match.pattern.code.startswith("17")
            here = skip - {match.obj.i} if coerced else skip
            for tok in tokens:
                found, direct = self.mentions_at(tok, skip=here)
                found = [m for m in found if all(m is not x for x in exclude)]
                if not found:
                    continue
                arg = Argument(found, _slot_label(match, slot), direct and clear)
                if slot not in MODIFIER_SLOTS or not all(_bare_sector(m) for m in found):
                    return arg
                # a bare sector word among the modifiers ("joint military exercises") yields to an
                # actor a later slot names ("Jordan and the US began joint military exercises")
                weak = weak or arg
        return weak

    def fallback_target(self, match: Match, *, exclude: Sequence[Mention] = (), also: Sequence[Match] = ()) -> Argument | None:
        """A target for an event whose code needs one when the row's own slots found none.

        Tries the generic slots (object, indirect object, the usual prepositions, the object's
        possessor or modifier) on the trigger, then on ``also`` (the embedded event), then on a
        purpose clause ("used tear gas to disperse the protesters"). Always *indirect*.
        """
        # the source's own actor again ("offered to hand over its nationals") is no target
        own = {a.code for x in exclude for a in x.actors}
        exclude = [*exclude, *(x for x in self.by_token.values() if x.actors and all(a.code in own for a in x.actors))]
        for m in (match, *also):
            arg = self.resolve(m, FALLBACK_TARGET, exclude=exclude)
            if arg is not None and not (arg.slot in MODIFIER_SLOTS and all(_bare_sector(x) for x in arg.mentions)):
                return Argument(arg.mentions, f"{arg.slot} (fallback)", False)
        skip = {p.i for p in match.parts} | {match.token.i}
        for clause in purpose_clauses(match.anchor):
            obj = self.object(clause)
            heads = [clause] if obj is None else [clause, obj]  # "to deliver a blow to Israel"
            for tok in (obj, *(o for h in heads for w in FALLBACK_PREPS for p in preps(h, w) for o in prep_objects(p))):
                if tok is None:
                    continue
                found, _ = self.mentions_at(tok, skip=skip)
                found = [m for m in found if all(m is not x for x in exclude)]
                if found:
                    return Argument(found, "purpose clause (fallback)", False)
        return None

    def clause_mentions(self, root: Token, *, exclude: Sequence[Mention] = ()) -> list[Mention]:
        """Actor mentions anywhere under ``root`` (for a statement's target), in text order."""
        out: list[Mention] = []
        for t in root.subtree:
            m = self.by_token.get(t.i)
            if m is not None and m not in out and all(m is not x for x in exclude):
                out.append(m)
        return out


def _slot_label(match: Match, slot: str) -> str:
    """How the reason names a slot; ``party`` says which clause and preposition gave it."""
    if slot != PARTY_SLOT or match.host is None:
        return slot
    return f"{PARTY_SLOT} (subject of {match.host.text!r}, {_host_prep(match.token, match.host)!r} the {match.token.text!r})"


def listed_before(tok: Token) -> list[Token]:
    """Subjects listed before a subject with commas only, as headlines write them: "Iran, Russia
    sign deal" (the parser takes "Iran" as a modifier of the verb). Only nominal siblings of the
    subject that end right before a comma that ends right before the subject's phrase, and are
    bare noun phrases (no clause inside: "Palestinian youths threw stones ..., officials said")."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.i == tok.i:
        return []
    doc, out = tok.doc, []
    start = tok.left_edge.i
    siblings = [c for c in tok.head.children if c.i < start and c.dep_ in ("npadvmod", "dep", "nsubj", "appos")]
    while start >= 2 and doc[start - 1].text == ",":
        prev = next((c for c in siblings if c.right_edge.i == start - 2 and c.pos_ in ("PROPN", "NOUN")), None)
        if prev is None or any(t.pos_ in ("VERB", "AUX") for t in prev.subtree):
            break
        out.append(prev)
        start = prev.left_edge.i
    return out


def _bare_sector(m: Mention) -> bool:
    """A mention that names only a sector, no country, group or person: "military", "police"."""
    return all(a.code.startswith("---") and a.kind == "sector" for a in m.actors)


def _host_prep(noun: Token, host: Token) -> str:
    """The preposition through which ``noun`` hangs on ``host`` ("" when none)."""
    t = noun
    for _ in range(6):
        if t.head.i == host.i:
            return t.lower_ if t.dep_ == "prep" else ""
        if t.head.i == t.i:
            break
        t = t.head
    return ""
