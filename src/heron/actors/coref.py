"""Within-article coreference for actor mentions.

Rules, in the order a reader applies them:
- a surname or short name ("Dehqan", "General Dehqan") refers to the person last named in full;
- a definite role description with no name ("the minister", "the Russian minister") refers to the
  most recent person whose role (and country, if given) fits;
- "he"/"she"/"his" refer to the nearest preceding person, preferring a subject;
- "the two sides", "both countries", "they" refer to the pair last named together (a coordinated
  mention such as "Iran and Russia", or the last two people of different countries).
Each resolved mention keeps ``resolved_by`` and ``antecedent`` so that ``heron show`` can explain it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from heron.actors.mentions import mention_words
from heron.records import Actor, Mention


def resolve(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Return mentions plus pronoun / pair mentions, with short names and titles resolved."""
    words = mention_words()
    sent_of = {t.i: i for i, s in enumerate(doc.sents) for t in s}
    extra = _pronoun_and_pair_mentions(doc, mentions, words, sent_of)
    ordered = sorted([*mentions, *extra], key=lambda m: m.tok_start)
    out: list[Mention] = []
    for m in ordered:
        if m.resolved_by == "pending:pronoun":
            m = _resolve_pronoun(m, out, doc)
        elif m.resolved_by == "pending:pair":
            m = _resolve_pair(m, out)
        else:
            m = _resolve_name(m, out)
        if m is not None:
            out.append(m)
    return out


# -- candidates ---------------------------------------------------------------------------------
def _pronoun_and_pair_mentions(doc: Doc, mentions: list[Mention], words, sent_of) -> list[Mention]:
    covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    out = []
    for tok in doc:
        if tok.i in covered:
            continue
        low = tok.lower_
        if tok.pos_ == "PRON" and low in words["person_pronouns"]:
            out.append(_pending(tok, tok, sent_of, "pending:pronoun"))
        elif tok.pos_ == "PRON" and low in words["plural_pronouns"]:
            out.append(_pending(tok, tok, sent_of, "pending:pair"))
        elif tok.tag_ in ("NNS", "NNPS") and low in words["pair_nouns"] and _is_pair_phrase(tok):
            first = min([tok, *[c for c in tok.children if c.dep_ in ("det", "nummod", "predet")]], key=lambda t: t.i)
            out.append(_pending(first, tok, sent_of, "pending:pair"))
    return out


def _is_pair_phrase(tok: Token) -> bool:
    mods = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet", "amod")}
    return bool(mods & {"two", "both"})


def _pending(first: Token, head: Token, sent_of, how: str) -> Mention:
    doc = head.doc
    last = head.i + 1
    # include a possessive marker ("the two countries'") in the span
    if last < len(doc) and doc[last].tag_ == "POS":
        last += 1
    span = doc[first.i:last]
    return Mention(sentence_index=sent_of[head.i], start=span.start_char, end=span.end_char, tok_start=first.i,
                   tok_end=last, head=head.i, text=span.text, actors=(), resolved_by=how)


# -- resolution ---------------------------------------------------------------------------------
def _resolve_name(m: Mention, previous: list[Mention]) -> Mention:
    if len(m.actors) != 1:
        return m
    actor = m.actors[0]
    if actor.kind == "person" and actor.country is None:
        # "Dehqan" after "Hossein Dehqan": the same person, with what we know of him
        last = actor.name.split()[-1].lower()
        for i in range(len(previous) - 1, -1, -1):
            prev = previous[i]
            if len(prev.actors) == 1 and prev.actors[0].kind == "person" and prev.actors[0].country:
                names = prev.actors[0].name.lower().split()
                if last in names or actor.name.lower() == prev.actors[0].name.lower():
                    merged = _merge_person(prev.actors[0], actor)
                    return replace(m, actors=(merged,), resolved_by="coref:surname", antecedent=i)
        return m
    if actor.kind == "sector" and actor.role and m.text.lower().startswith(("the ", "this ")):
        # "the Russian minister": the last person with that role (and country)
        role_word = actor.role.split()[-1]
        for i in range(len(previous) - 1, -1, -1):
            prev = previous[i]
            if len(prev.actors) != 1 or prev.actors[0].kind != "person":
                continue
            cand = prev.actors[0]
            if actor.country and cand.country and actor.country != cand.country:
                continue
            if cand.role and role_word in cand.role.split():
                return replace(m, actors=(cand,), resolved_by="coref:title", antecedent=i)
    return m


def _merge_person(known: Actor, short: Actor) -> Actor:
    title = short.title or known.title
    return replace(known, title=title)


def _resolve_pronoun(m: Mention, previous: list[Mention], doc: Doc) -> Mention | None:
    best = None
    for i in range(len(previous) - 1, -1, -1):
        prev = previous[i]
        if m.sentence_index - prev.sentence_index > 2:
            break
        if len(prev.actors) == 1 and prev.actors[0].kind == "person":
            score = (prev.sentence_index, doc[prev.head].dep_ in ("nsubj", "nsubjpass"))
            if best is None or score > best[0]:
                best = (score, i, prev)
            if prev.sentence_index < m.sentence_index and best is not None and best[2].sentence_index == prev.sentence_index and best[0][1]:
                break
    if best is None:
        return None
    _, i, prev = best
    return replace(m, actors=prev.actors, resolved_by="coref:pronoun", antecedent=i)


def _resolve_pair(m: Mention, previous: list[Mention]) -> Mention | None:
    for i in range(len(previous) - 1, -1, -1):
        prev = previous[i]
        if m.sentence_index - prev.sentence_index > 3:
            break
        if len(prev.actors) >= 2 and len({a.country or a.code for a in prev.actors}) >= 2:
            return replace(m, actors=prev.actors, resolved_by="coref:pair", antecedent=i)
    # else: the last two people (or countries) of different countries
    found: list[tuple[int, Actor]] = []
    for i in range(len(previous) - 1, -1, -1):
        prev = previous[i]
        if m.sentence_index - prev.sentence_index > 3:
            break
        if len(prev.actors) == 1 and prev.actors[0].country:
            a = prev.actors[0]
            if all(a.country != b.country for _, b in found):
                found.append((i, a))
            if len(found) == 2:
                pair = tuple(a for _, a in sorted(found))
                return replace(m, actors=pair, resolved_by="coref:pair", antecedent=found[-1][0])
    return None
