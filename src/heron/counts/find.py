"""Counts of people affected (killed, injured, arrested, ...) in a parsed sentence.

A number only counts when the dependency parse ties it to a casualty word: the number modifies
the people ("240,000 people") who are the subject of "died" or of a passive "were killed", the
object of "killing", the "of" phrase of "the deaths of", the figure a death toll rose to; or the
counted noun is itself the casualty ("40 deaths", "2 million refugees", "12 dead"). Money,
percentages, times, ages, years and ordinals are never counts, and neither are numbers of
things that are not people ("destroyed 3,000 homes", "deployed 5,000 troops").

A single named or singular person in the same roles ("a journalist was killed", "killed the
deputy chief") counts as 1 for killed, injured, arrested, kidnapped and missing.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from heron.counts.candidates import sentence_candidates
from heron.counts.kinds import blocked, kind_of, person_like, role_kind
from heron.counts.number_phrases import number_phrases
from heron.records import Count

__all__ = ["find_counts", "person_like"]


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


# Kinds a single person ("a journalist was killed") is counted for.
_SINGULAR_KINDS = frozenset({"killed", "injured", "arrested", "kidnapped", "missing"})

# ---------------------------------------------------------------- the stage


def find_counts(sent: Span, *, article_id: str, sentence_index: int,
                ents: Sequence[Span] | None = None) -> list[Count]:
    """Counts of people killed, injured, arrested, displaced, ... in ``sent``, in text order.

    Offsets are character offsets in the Doc's text; ``text`` runs from the qualifier to the
    counted noun ("more than 240,000 people"). ``ents``: the sentence's entities, where the
    caller has them (else ``sent.ents``).
    """
    number_at, person_at = sentence_candidates(sent)
    if not number_at and not person_at:
        return []
    doc = sent.doc
    counts: list[Count] = []
    used: set[int] = set()
    numbers = number_phrases(sent, sent.ents if ents is None else ents, number_at) if number_at else []
    for num in numbers:
        found = kind_of(num)
        if found is None:
            continue
        kind, counted = found
        last = num.end - 1
        if counted is not None and num.end <= counted.i <= num.end + 6:
            last = counted.i
            used.add(counted.i)
        used.update(range(num.start, num.end))
        counts.append(_count(doc[num.first : last + 1], kind, num.value, num.qualifier, article_id, sentence_index))
    counts.extend(_singular_counts(sent, used, article_id, sentence_index, person_at))
    counts.sort(key=lambda c: c.start)
    return counts


def _count(span: Span, kind: str, value: int, qualifier: str, article_id: str, sentence_index: int) -> Count:
    return Count(
        article_id=article_id,
        sentence_index=sentence_index,
        kind=kind,
        value=value,
        qualifier=qualifier,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
    )


def _single_person(tok: Token, used: set[int]) -> bool:
    if tok.i in used or tok.tag_ not in ("NN", "NNP") or any(c.dep_ == "nummod" for c in tok.children):
        return False
    if tok.pos_ == "PROPN":
        return tok.ent_type_ == "PERSON"
    if _lemma(tok) in ("other", "one", "each", "police", "staff", "crew", "family", "militia"):
        return False
    determined = any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that")) or c.dep_ == "poss" for c in tok.children
    )
    return determined and person_like(tok)


def _phrase_start(tok: Token) -> int:
    """Where the noun phrase of ``tok`` starts, leaving out prepositional phrases before it."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in ("det", "poss", "compound", "amod", "nmod", "nummod", "quantmod", "predet"):
            start = min(start, c.left_edge.i)
    return start


def _singular_counts(sent: Span, used: set[int], article_id: str, sentence_index: int,
                     candidates: list[int]) -> list[Count]:
    out = []
    doc = sent.doc
    for tok in (doc[i] for i in candidates):
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj") or not _single_person(tok, used):
            continue
        kind, verb = role_kind(tok, tok)
        if kind not in _SINGULAR_KINDS or verb is None or blocked(verb):
            continue
        people = [tok, *(c for c in tok.conjuncts if _single_person(c, used))]
        span = sent.doc[_phrase_start(tok) : people[-1].i + 1]
        out.append(_count(span, kind, len(people), "exact", article_id, sentence_index))
    return out