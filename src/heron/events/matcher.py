"""Find trigger patterns in a parsed sentence.

Lookup is by lemma (a dict, compiled once per lexicon): for each verb, noun or adjective token the
candidate patterns for its lemma are tried from the most specific down, and the first whose
constraints all hold around the token in the dependency parse wins. Tokens a winning pattern used
as constraints ("sanctions" in "impose sanctions", "air" in "air strikes") cannot be triggers
themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from heron.events.lexicon import TriggerLexicon, TriggerPattern, load_lexicon
from heron.nlp.context import governing_verb

POS_KIND = {"VERB": "verb", "NOUN": "noun", "ADJ": "adj"}
MOD_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod"})
OBJ_DEPS = frozenset({"dobj", "oprd", "attr"})


def is_passive(tok: Token) -> bool:
    """A passive verb: "was attacked", or a past participle modifying a noun ("troops killed")."""
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in tok.children):
        return True
    return tok.dep_ == "acl" and tok.tag_ == "VBN"


_SAME_PREP = {"upon": "on", "towards": "toward", "amongst": "among", "onto": "on", "unto": "to"}


def preps(tok: Token, word: str) -> Iterator[Token]:
    """Preposition children of ``tok`` spelt ``word`` (including "by" agents; "upon" counts as "on")."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative", "prt") and (c.lower_ == word or _SAME_PREP.get(c.lower_) == word):
            yield c


def prep_objects(prep: Token) -> Iterator[Token]:
    """What a preposition governs: its pobj, or the object of its gerund ("with visiting X").

    A preposition left without an object is a parse slip: the noun phrase after it was made the
    subject of a following participle ("granted asylum to five officers holed up in ...": "officers"
    as the subject of "holed"). That noun phrase is taken as the object.
    """
    found = False
    for c in prep.children:
        if c.dep_ == "pobj":
            found = True
            yield c
        elif c.dep_ == "pcomp":
            found = True
            yield c
            for g in c.children:
                if g.dep_ in ("dobj", "pobj"):
                    yield g
    if not found and prep.dep_ in ("prep", "dative") and not any(c.dep_ in ("prep", "pobj") for c in prep.children):
        stray = dangling_object(prep)
        if stray is not None:
            yield stray


NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def dangling_object(prep: Token) -> Token | None:
    """The noun phrase right after an objectless preposition, when the parser hung it as the subject
    of a following clause: its head is a noun, its phrase starts next to the preposition, and it
    is a subject."""
    doc = prep.doc
    if prep.i + 1 >= len(doc):
        return None
    tok = doc[prep.i + 1]
    for _ in range(6):  # climb from the first word to the phrase's head
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in NOMINAL:
            return tok if tok.left_edge.i == prep.i + 1 else None
        if tok.head.i == tok.i or tok.head.i < prep.i or tok.dep_ not in MOD_DEPS | {"det", "quantmod", "poss", "case"}:
            return None
        tok = tok.head
    return None


def grammatical_object(tok: Token) -> Token | None:
    """The (logical) direct object of a verb: dobj, or the passive subject."""
    if is_passive(tok):
        for c in tok.children:
            if c.dep_ in ("nsubjpass", "csubjpass"):
                return c
        if tok.dep_ == "acl":
            return tok.head
        return None
    for c in tok.children:
        if c.dep_ in OBJ_DEPS:
            return c
    if tok.lemma_.lower() in load_lexicon().control_verbs:
        return _clause_subject(tok)
    return None


def _clause_subject(tok: Token) -> Token | None:
    """The subject of a permitting verb's infinitive clause: "allowed [the candidate] to run"."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
            for k in c.children:
                if k.dep_ == "nsubj":
                    return k
    return None


def object_heads(obj: Token, quantity: frozenset[str] = frozenset()) -> Iterator[Token]:
    """The object and what stands for it: "thousands of troops", "25,000 tons of aid" -> the
    thing counted (``quantity``: the measure nouns from ``_frames.yaml``); conjuncts too."""
    yield obj
    for c in obj.children:
        if c.dep_ == "conj":
            yield c
        elif c.dep_ == "prep" and c.lower_ == "of" and is_quantity(obj, quantity):
            yield from (g for g in c.children if g.dep_ == "pobj")


def is_quantity(tok: Token, quantity: frozenset[str]) -> bool:
    """A number or a measure noun that only counts what its "of" phrase names."""
    return tok.like_num or tok.lemma_.lower() in quantity or tok.lower_ in quantity


def host_of(noun: Token, quantity: frozenset[str] = frozenset(),
            carriers: frozenset[str] = frozenset(), *,
            occasions: frozenset[str] = frozenset()) -> tuple[Token | None, str]:
    """The verb that carries a nominal trigger, and how: ("held" for "held talks", "object").

    Kinds: ``object`` (the noun is its object or passive subject), ``prep`` (the noun is in a
    prepositional phrase on it: "in a meeting with", "went on strike"). A measure phrase is looked
    through: "provided 25,000 tons of aid" carries "aid"; so is a carrier noun the trigger modifies:
    "launched a mediation effort" carries "mediation"; and so is an occasion noun (``occasions``)
    whose "of" phrase it is: "spoke on the sidelines of a summit" carries "summit".
    """
    tok = noun
    for _ in range(4):
        if tok.dep_ == "conj":
            tok = tok.head
            continue
        head = tok.head
        if tok.dep_ in ("compound", "amod") and head.lemma_.lower() in carriers and head.i > tok.i:
            tok = head
            continue
        if tok.dep_ in ("dobj", "nsubjpass", "oprd") and head.pos_ in ("VERB", "AUX"):
            return head, "object"
        if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            gov = head.head
            if head.lower_ == "of" and gov.pos_ in ("NOUN", "NUM", "PROPN") and (
                is_quantity(gov, quantity) or gov.lemma_.lower() in occasions or gov.lower_ in occasions
            ):
                tok = gov
                continue
            if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "oprd") and gov.head.pos_ in ("VERB", "AUX"):
                gov = gov.head  # "X is responsible for mass killings"
            if gov.pos_ in ("VERB", "AUX"):
                return gov, "prep"
        return None, ""
    return None, ""


def compound_object(
    heads: Iterable[Token], words: frozenset[str], *, lexicon: TriggerLexicon | None = None
) -> tuple[Token | None, Token | None]:
    """A noun compound inside the object naming the thing a row asks for: "the ceasefire
    agreement", "an aid package", "peace talks". Returns (the compound word, the object's head).
    A compound that only labels people or a body names no thing: "shot the *opposition* leader"."""
    for head in heads:
        if head.pos_ not in ("NOUN", "PROPN"):
            continue
        if lexicon is not None and lexicon.is_agent_noun(head.lemma_.lower(), head.lower_):
            continue
        for c in head.children:
            if c.dep_ == "compound" and c.i < head.i and (c.lemma_.lower() in words or c.lower_ in words):
                return c, head
    return None, None


@dataclass(slots=True, eq=False)
class Match:
    """A pattern that fired on a token, with the tokens its constraints used."""

    pattern: TriggerPattern
    token: Token
    parts: list[Token] = field(default_factory=list)  # constraint tokens (trigger words besides the token)
    obj: Token | None = None  # the object a light-verb row required ("sanctions")
    host: Token | None = None  # the verb that carries a noun trigger
    host_kind: str = ""
    roles: list[tuple[str, str]] = field(default_factory=list)  # ("object", "sanctions"), for the reason
    refined_by: TriggerPattern | None = None  # the object's own, more precise, noun pattern
    obj_head: Token | None = None  # the object's head when ``obj`` is a compound in it ("agreement")

    @property
    def code(self) -> str:
        return self.refined_by.code if self.refined_by is not None else self.pattern.code

    @property
    def anchor(self) -> Token:
        """The clause's verb: the one carrying a noun trigger, else the trigger itself."""
        return self.host if self.host is not None else self.token

    @property
    def clause(self) -> Token:
        """The verb heading the trigger's clause: the anchor if it is a verb, else the nearest verb
        above it, else the sentence's root."""
        anchor = self.anchor
        return governing_verb(anchor, max_steps=len(anchor.sent)) or anchor.sent.root

    @property
    def trigger_tokens(self) -> list[Token]:
        return sorted({self.token, *self.parts}, key=lambda t: t.i)


def word_forms(tok: Token) -> tuple[str, ...]:
    """The token's lemma and spelling, plus plain de-inflections of a verb: the small model's
    lemmatizer slips now and then ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    forms = [lemma] if lemma == low else [lemma, low]
    if tok.pos_ in ("VERB", "AUX"):
        if low.endswith("ed"):
            forms += [low[:-1], low[:-2]]
        elif low.endswith("ing"):
            forms += [low[:-3], low[:-3] + "e"]
        elif low.endswith("ies"):
            forms.append(low[:-3] + "y")
        elif low.endswith("s"):
            forms.append(low[:-1])
    return tuple(dict.fromkeys(forms))


#: where a gerund stands as a noun phrase: "died in police firing", "the firing left two dead"
GERUND_NOUN_DEPS = frozenset({"pobj", "nsubj", "nsubjpass", "dobj"})
#: children that show a gerund still acts as a verb ("after meeting the president")
GERUND_VERB_DEPS = frozenset({"dobj", "ccomp", "xcomp", "nsubj", "nsubjpass", "dative", "aux", "auxpass"})


def nominal_gerund(tok: Token) -> bool:
    """A gerund (VBG) in a noun's place with no object or clause of its own: "in police firing"."""
    return (tok.tag_ == "VBG" and tok.dep_ in GERUND_NOUN_DEPS
            and not any(c.dep_ in GERUND_VERB_DEPS for c in tok.children))


def _hyphen_prefix(tok: Token, words: frozenset[str]) -> Token | None:
    """The first part of a hyphenated verb the tokenizer split ("lathi-charged": "lathi", "-",
    "charged"), when it is one of ``words``."""
    if tok.i < 2:
        return None
    hyph, first = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    if hyph.text != "-" or hyph.whitespace_ or first.whitespace_:
        return None
    return first if first.lower_ in words or first.lemma_.lower() in words else None


def _child_word(tok: Token, deps: Iterable[str], words: frozenset[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps and (c.lower_ in words or c.lemma_.lower() in words):
            return c
    return None


def _labels_an_agent(tok: Token, lexicon: TriggerLexicon) -> bool:
    """A noun that only modifies a noun for people or a body: "aid workers", "relief agency".
    Also the tagger's slip on a headline-like opening, "Aid workers arrived ...", read as the verb
    "aid" with "workers" as its object."""
    head = tok.head
    if (
        tok.dep_ in ("compound", "amod", "nmod")
        and tok.i < head.i
        and head.pos_ in ("NOUN", "PROPN")
        and lexicon.is_agent_noun(head.lemma_.lower(), head.lower_)
    ):
        return True
    if tok.pos_ == "VERB" and tok.is_title and tok.is_sent_start and tok.i + 1 < len(tok.doc):
        nxt = tok.doc[tok.i + 1]
        return nxt.head.i == tok.i and nxt.pos_ == "NOUN" and lexicon.is_agent_noun(nxt.lemma_.lower(), nxt.lower_)
    return False


def _pobj_hit(
    pobj: tuple[tuple[str, frozenset[str]], ...], anchors: list[Token]
) -> tuple[str, Token, Token] | None:
    """(preposition word, preposition, object) of the first listed phrase found on an anchor."""
    for word, lemmas in pobj:
        for a in anchors:
            for p in preps(a, word):
                for o in prep_objects(p):
                    if o.lemma_.lower() in lemmas or o.lower_ in lemmas:
                        return word, p, o
    return None


class TriggerMatcher:
    """Compiled once per lexicon; ``find`` is called for every sentence."""

    def __init__(self, lexicon: TriggerLexicon) -> None:
        self.lexicon = lexicon

    def _check(self, pat: TriggerPattern, tok: Token) -> Match | None:
        parts: list[Token] = []
        roles: list[tuple[str, str]] = []

        def use(role: str, t: Token) -> None:
            parts.append(t)
            roles.append((role, t.text))

        if _labels_an_agent(tok, self.lexicon):  # also a verb the tagger slipped on: "Aid workers"
            return None
        obj_tok: Token | None = None
        obj_head: Token | None = None
        host, kind = (
            host_of(tok, self.lexicon.quantity_nouns, self.lexicon.carrier_nouns, occasions=self.lexicon.occasion_nouns)
            if pat.pos == "noun" else (None, "")
        )
        if pat.host:
            if host is None or not pat.host.intersection(word_forms(host)):
                return None
            use("host verb", host)
        if pat.prt:
            p = _child_word(tok, ("prt", "advmod"), pat.prt)
            if p is None:  # a particle the parser took for a preposition governs nothing of its own:
                # "took him in", not "took out a march in Ayodhya"
                p = next((c for c in tok.children if c.dep_ == "prep" and (c.lower_ in pat.prt or c.lemma_.lower() in pat.prt)
                          and not any(g.dep_ == "pobj" for g in c.children)), None)
            if p is None:
                return None
            if p.dep_ == "prep" and any(c.dep_ == "pobj" for c in p.children) and any(
                    c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children):
                return None  # "took place in Sochi": "in" is the place's preposition, not "take in"
            use("particle", p)
        if pat.obj:
            obj = grammatical_object(tok)
            if obj is None:
                return None
            heads = list(object_heads(obj, self.lexicon.quantity_nouns))
            for cand in heads:
                if cand.lemma_.lower() in pat.obj or cand.lower_ in pat.obj:
                    obj_tok = cand
                    break
            if obj_tok is None:  # the thing named by a compound: "signed the ceasefire agreement"
                obj_tok, obj_head = compound_object(heads, pat.obj, lexicon=self.lexicon)
            if obj_tok is None:
                return None
            use("object", obj_tok)
            if obj_head is not None:
                parts.append(obj_head)
        anchors = [tok] if obj_tok is None else [tok, obj_tok]
        if obj_head is not None:  # "signed the ceasefire agreement with X": the phrase is on the head
            anchors.append(obj_head)
        if host is not None:  # "held drills with X", "went on hunger strike for X": the phrase is on the verb
            anchors.append(host)
        if pat.pos == "verb":  # "walked out [of the talks]": the phrase hangs on the particle
            anchors.extend(c for c in tok.children if c.dep_ == "prt" or c.lower_ in ("out", "away", "back"))
        if pat.prep:
            # in text order, never the set's (hash) order: the same match in every process
            found = next((p for a in anchors for p in a.children
                          if any(p.i == q.i for w in (p.lower_, _SAME_PREP.get(p.lower_)) if w in pat.prep
                                 for q in preps(a, w))), None)
            if found is None:
                return None
            use("prep", found)
        pobj_anchors = anchors
        if pat.pobj and pat.pos == "verb" and obj_tok is None:
            # the parser often hangs the phrase on the object: "accused [the diplomat of espionage]"
            dobj = grammatical_object(tok)
            if dobj is not None and dobj.pos_ in ("NOUN", "PROPN", "PRON"):
                pobj_anchors = [*anchors, dobj]
        if pat.pobj:  # several prepositions are alternatives: "take into / in custody"
            hit = _pobj_hit(pat.pobj, pobj_anchors)
            if hit is None:
                return None
            parts.append(hit[1])
            use(f"{hit[0]}-object", hit[2])
        if pat.xcomp:
            x = _child_word(tok, ("xcomp", "ccomp"), pat.xcomp)
            if x is None and obj_tok is not None:  # "declined any comment"
                x = _child_word(obj_tok, ("acl", "xcomp"), pat.xcomp)
            if x is None:  # a purpose infinitive: "making weapons to use against X"
                x = next((c for c in tok.children if c.dep_ == "advcl" and c.lemma_.lower() in pat.xcomp
                          and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if x is None:
                return None
            use("complement", x)
        if pat.mod:
            m = _child_word(tok, MOD_DEPS, pat.mod)
            if m is None and pat.pos == "verb":
                m = _hyphen_prefix(tok, pat.mod)  # "lathi-charged the crowd": the tokenizer split the verb
            if m is None:
                return None
            use("modifier", m)
        return Match(pat, tok, parts, obj_tok, host, kind, roles, obj_head=obj_head)

    def candidates(self, tok: Token) -> tuple[TriggerPattern, ...]:
        kind = POS_KIND.get(tok.pos_)
        if kind is None:
            return ()
        found: list[TriggerPattern] = []
        forms = word_forms(tok)
        for lemma in forms[:2]:
            found.extend(self.lexicon.lookup(kind, lemma))
        if not found:  # only when the lemma finds nothing: "staged" read as "stag"
            for lemma in forms[2:]:
                found.extend(self.lexicon.lookup(kind, lemma))
        if len(found) > 1:
            found.sort(key=TriggerPattern.rank)
        return tuple(found)

    def _best(self, tok: Token) -> Match | None:
        """The first pattern that holds, most specific first. On a tie, a row whose object is the
        compound naming the event beats the row of the phrase's head when they differ in root: "signed
        the *ceasefire* agreement" is a ceasefire (0871), not any agreement (057). Within one root
        the head row stays and the object's own noun row refines it ("delivered food aid")."""
        first: Match | None = None
        for pat in self.candidates(tok):
            if first is not None and pat.rank() != first.pattern.rank():
                break
            m = self._check(pat, tok)
            if m is None:
                continue
            if first is None:
                first = m
                if not first.pattern.obj or first.obj_head is not None:
                    break
            elif m.obj_head is not None and m.pattern.code[:2] != first.pattern.code[:2]:
                return m
        if first is None and nominal_gerund(tok):
            # "killed in police firing", "the firing by the army": a gerund used as a noun is tried
            # with the noun rows of its spelling when no verb row holds
            for pat in self.lexicon.lookup("noun", tok.lower_):
                m = self._check(pat, tok)
                if m is not None:
                    return m
        return first

    def find(self, sent: Span) -> list[Match]:
        """The winning match of every trigger token in ``sent``, constraint tokens removed."""
        matches: list[Match] = []
        for tok in sent:
            m = self._best(tok)
            if m is not None:
                matches.append(m)
        if len(matches) < 2:
            return matches
        # "provide humanitarian aid": the verb row says 070, the object's own row says 073
        by_token = {m.token.i: m for m in matches}
        for m in matches:
            inner = by_token.get(m.obj.i) if m.obj is not None else None
            if (
                inner is not None
                and inner.pattern.pos == "noun"
                and inner.pattern.mod
                and inner.pattern.code[:2] == m.pattern.code[:2]
                and len(inner.pattern.code) >= len(m.pattern.code)
            ):
                m.refined_by = inner.pattern
                m.roles.append(("refined by", f"{inner.pattern.id} ({inner.pattern.code})"))
        # a token a more specific match used as a constraint is not a trigger of its own
        kept: list[Match] = []
        used: set[int] = set()
        triggers: set[int] = set()
        for m in sorted(matches, key=lambda m: (-m.pattern.specificity, m.token.i)):
            if m.token.i in used or any(p.i in triggers for p in m.parts):
                continue
            kept.append(m)
            triggers.add(m.token.i)
            used.update(p.i for p in m.parts)
        return sorted(kept, key=lambda m: m.token.i)
