"""What a statement says about another's act, coded as the statement alone.

* Verdicts under reported speech: "France said the missile programme was in breach of the
  resolution" is France accusing (CAMEO 112) whoever the programme belongs to, not a reported
  violation (128).
* Grounds of a reaction: "criticized China for sending ships" is the criticism (111); the sending
  is the reason given, not a second event.

Word lists in ``data/ranking/verdicts.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from heron.events.embedding import Node
from heron.events.ranking_tables import load_ranking_table

SPEECH_CLASS = "speech"


@dataclass(frozen=True, slots=True)
class VerdictWords:
    code: str
    nouns: frozenset[str]
    verbs: frozenset[str]
    grounds_roots: frozenset[str]
    grounds_preps: frozenset[str]


@lru_cache(maxsize=1)
def verdict_words() -> VerdictWords:
    return load_ranking_table("verdicts.yaml", VerdictWords)


def verdict_copula(node: Node, words: VerdictWords) -> Token | None:
    """The copula of a verdict clause in what ``node`` (a speech trigger) reports, if any."""
    doc = node.token.doc
    for i in sorted(node.region):
        tok = doc[i]
        if tok.lemma_.lower() not in words.nouns or tok.pos_ != "NOUN":
            continue
        head = tok.head
        if head.dep_ == "prep" and head.lower_ in ("in", "to"):  # "was in breach of", "amounts to a breach"
            head = head.head
        if head.i in node.region and head.lemma_.lower() in words.verbs and tok.dep_ in ("attr", "dobj", "pobj", "oprd"):
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                return head
    return None


def mark_verdicts(nodes: list[Node]) -> None:
    """Recode a speech trigger whose reported clause is a verdict to the accusation code; the
    events named inside that clause are the charge and are not emitted."""
    words = verdict_words()
    for node in nodes:
        if node.cls is None or node.cls.name != SPEECH_CLASS or node.negated or node.consumed:
            continue
        cop = verdict_copula(node, words)
        if cop is None:
            continue
        inside = {t.i for t in cop.subtree}
        for n in nodes:
            if n is not node and n.token.i in inside:
                n.consumed = True
        node.note = f"{node.pattern.lemma!r} over the verdict {cop.lemma_!r} ... -> {words.code}"
        node.code, node.recoded, node.embedded, node.deferred, node.silent = words.code, True, None, False, False
        node.region = frozenset(t.i for c in cop.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)


def mark_grounds(nodes: list[Node]) -> None:
    """Events named in the "for" phrase of a reaction ("criticized X for sending ships") are the
    reaction's grounds: not emitted on their own."""
    words = verdict_words()
    for node in nodes:
        if node.code[:2] not in words.grounds_roots or node.negated or node.consumed or node.pattern.pos != "verb":
            continue
        inside = {t.i for p in node.token.children if p.dep_ == "prep" and p.lower_ in words.grounds_preps
                  for t in p.subtree}
        if not inside:
            continue
        for n in nodes:
            if n is not node and n.token.i in inside and n.embedded is None:
                n.consumed = True
