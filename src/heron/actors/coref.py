"""Within-article coreference for actor mentions.

Rules, in the order a reader applies them:
- a surname or short name ("Dehqan", "General Dehqan", "President Danjuma") refers to the person
  last named in full whose name contains it;
- a definite role description with no name ("the minister", "the Russian minister", "the
  general") refers to the most recent person whose role or rank (and country, if given) fits;
  failing that, a definite body or office with no country ("the spokesman", "the court", "the
  ministry") takes the country of the nearest state actor with such a sector ("Iran's foreign
  ministry ... The spokesman condemned": IRNGOV);
- "he"/"she"/"his" refer to the nearest preceding person, preferring the subject of the nearest
  sentence, but an object pronoun never to the subject of its own verb ("She urged him");
- "it"/"its" refer to the nearest country, organisation or body ("Tehran said it would...");
- "the two sides", "both countries", "they" refer to the pair last named together (a coordinated
  mention such as "Iran and Russia", or the last two actors of different countries); "they" may
  also be the nearest plural body ("Iraqi police ... they");
- "his forces", "its troops" take the country of the resolved possessor; "his Iraqi counterpart"
  takes the role and sectors of the person it is the counterpart of.
Each resolved mention keeps ``resolved_by`` and ``antecedent`` (an index into the returned list)
so that ``heron show`` can explain it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from heron.actors.mention_parts import mention_words
from heron.records import Actor, Mention

WINDOW = 2  # sentences a pronoun or title may reach back
PAIR_WINDOW = 3
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "pobj"})
DEFINITE = ("the ", "this ", "that ")


def resolve(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Return mentions plus pronoun / pair / surname mentions, with short names and titles resolved."""
    words = mention_words()
    sent_of = {t.i: i for i, s in enumerate(doc.sents) for t in s}
    # "the two ministers": the pair named before, not a bare role the sentence's place gave a country
    mentions = [m for m in mentions if not _bare_pair_phrase(doc, m, words)]
    extra = _candidates(doc, mentions, words, sent_of)
    ordered = sorted([*mentions, *extra], key=lambda m: (m.tok_start, m.tok_end))
    out: list[Mention] = []
    for m in ordered:
        how = m.resolved_by
        if how == "pending:pronoun":
            m = _resolve_pronoun(m, out, doc, person=True)
        elif how == "pending:thing":
            m = _resolve_pronoun(m, out, doc, person=False)
        elif how == "pending:pair":
            m = _resolve_pair(m, out, doc)
        elif how == "pending:surname":
            m = _resolve_surname(m, out)
        else:
            m = _resolve_possessor(_resolve_institution(_resolve_name(m, out), out, doc), out, doc)
        if m is not None:
            out.append(m)
    return out


# -- candidates ---------------------------------------------------------------------------------
def _candidates(doc: Doc, mentions: list[Mention], words, sent_of) -> list[Mention]:
    covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    out = []
    for tok in doc:
        if tok.i in covered:
            continue
        low = tok.lower_
        if tok.pos_ == "PRON" and low in words["person_pronouns"]:
            out.append(_pending(tok, tok, sent_of, "pending:pronoun"))
        elif tok.pos_ == "PRON" and low in words["thing_pronouns"]:
            out.append(_pending(tok, tok, sent_of, "pending:thing"))
        elif tok.pos_ == "PRON" and low in words["plural_pronouns"]:
            out.append(_pending(tok, tok, sent_of, "pending:pair"))
        elif tok.tag_ in ("NNS", "NNPS") and low in words["pair_nouns"] and _is_pair_phrase(tok):
            first = min([tok, *[c for c in tok.children if c.dep_ in ("det", "nummod", "predet")]], key=lambda t: t.i)
            out.append(_pending(first, tok, sent_of, "pending:pair"))
        elif tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ in ("", "PERSON", "ORG", "GPE", "NORP"):
            # a bare surname the tagger did not mark ("Farzadi said ..."): kept only if it matches
            out.append(_pending(tok, tok, sent_of, "pending:surname"))
    return out


def _bare_pair_phrase(doc: Doc, m: Mention, words) -> bool:
    """A mention that is only a role word in a pair phrase ("the two ministers", "both
    governments"), known by no name: coreference resolves it to the pair instead."""
    head = doc[m.head] if m.head is not None else doc[m.tok_end - 1]
    if head.tag_ not in ("NNS", "NNPS") or head.lower_ not in words["pair_nouns"] or not _is_pair_phrase(head):
        return False
    if any(doc[i].pos_ == "PROPN" or doc[i].dep_ in ("amod", "compound", "poss") for i in range(m.tok_start, m.tok_end)):
        return False  # "the two Russian ministers" names its country
    # "both parties" may be two political parties (PTY): only a role without a country of its own
    return all(a.kind == "sector" and (m.resolved_by == "context" or (not a.country and "PTY" not in a.sectors))
               for a in m.actors)


def _is_pair_phrase(tok: Token) -> bool:
    mods = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet", "amod")}
    return bool(mods & {"two", "both"})


def _pending(first: Token, head: Token, sent_of, how: str) -> Mention:
    doc = head.doc
    last = head.i + 1
    # include a possessive marker ("the two countries'") in the span
    if last < len(doc) and doc[last].tag_ == "POS":
        last += 1
    return Mention.over(doc[first.i:last], (), sentence_index=sent_of[head.i], head=head.i, resolved_by=how)


# -- names and titles ---------------------------------------------------------------------------
def _is_person(a: Actor) -> bool:
    return a.kind == "person" or (a.kind == "sector" and a.role is not None)


def _full_person(prev: Mention) -> Actor | None:
    if len(prev.actors) == 1 and prev.actors[0].kind == "person" and prev.actors[0].code.strip("-"):
        return prev.actors[0]
    return None


def _resolve_surname(m: Mention, previous: list[Mention]) -> Mention | None:
    word = m.text.lower()
    for i in range(len(previous) - 1, -1, -1):
        known = _full_person(previous[i])
        if known is not None and len(known.name.split()) > 1 and word in known.name.lower().split():
            return replace(m, actors=(known,), resolved_by="coref:surname", antecedent=i)
    return None


def _resolve_name(m: Mention, previous: list[Mention]) -> Mention:
    if len(m.actors) != 1:
        return m
    actor = m.actors[0]
    if actor.kind == "person" and actor.country is None:
        # "Dehqan" after "Hossein Dehqan": the same person, with what we know of him
        short = actor.name.lower().split()
        for i in range(len(previous) - 1, -1, -1):
            known = _full_person(previous[i])
            if known is None or known.country is None:
                continue
            names = known.name.lower().split()
            if short and (short[-1] in names or actor.name.lower() == known.name.lower()):
                merged = replace(known, title=actor.title or known.title)
                return replace(m, actors=(merged,), resolved_by="coref:surname", antecedent=i)
        return m
    if actor.kind == "sector" and (actor.role or actor.title) and m.text.lower().startswith(DEFINITE):
        # "the Russian minister", "the general": the last person with that role or rank (and country)
        word = (actor.role or actor.title or "").split()[-1]
        for i in range(len(previous) - 1, -1, -1):
            prev = previous[i]
            if m.sentence_index - prev.sentence_index > WINDOW + 1:
                break
            if len(prev.actors) != 1 or prev.actors[0].kind != "person":
                continue
            cand = prev.actors[0]
            if actor.country and cand.country and actor.country != cand.country:
                continue
            described = f"{cand.role or ''} {cand.title or ''}".split()
            if word in described:
                return replace(m, actors=(cand,), resolved_by="coref:title", antecedent=i)
    return m


def _resolve_institution(m: Mention, previous: list[Mention], doc: Doc) -> Mention:
    """A definite body or office with no country ("the spokesman", "the court"): the country of
    the nearest earlier subject (within the window) that is a state actor with such a sector
    ("Iran's foreign ministry summoned the British envoy. The spokesman condemned ...": IRNGOV)."""
    if len(m.actors) != 1 or m.resolved_by != "dictionary":
        return m
    actor = m.actors[0]
    if actor.kind != "sector" or actor.country is not None or not actor.sectors:
        return m
    if not m.text.lower().startswith(DEFINITE):
        return m
    wanted = set(actor.sectors)
    for i in range(len(previous) - 1, -1, -1):
        prev = previous[i]
        if m.sentence_index - prev.sentence_index > WINDOW:
            break
        if prev.sentence_index == m.sentence_index or len(prev.actors) != 1:
            continue
        cand = prev.actors[0]
        if cand.country and wanted & set(cand.sectors) and doc[prev.head].dep_ in ("nsubj", "nsubjpass"):
            new = replace(actor, code=cand.country + "".join(actor.sectors), country=cand.country)
            return replace(m, actors=(new,), resolved_by="coref:institution", antecedent=i)
    return m


# -- possessors and counterparts ----------------------------------------------------------------
def _resolve_possessor(m: Mention, previous: list[Mention], doc: Doc) -> Mention:
    """"his forces" -> the forces of his country; "his Iraqi counterpart" -> his role, Iraq's."""
    if len(m.actors) != 1:
        return m
    actor = m.actors[0]
    poss = next((c for c in doc[m.head].children if c.dep_ == "poss"), None)
    owner_i = next((i for i, p in enumerate(previous) if poss is not None and p.head == poss.i and p.actors), None)
    if (owner_i is not None and len(previous[owner_i].actors) > 1 and actor.kind == "sector"
            and (not actor.country or m.resolved_by == "context")):
        # "the two countries' leaders": the leaders of each
        owners = previous[owner_i].actors
        actors = tuple(replace(actor, code=o.country + "".join(actor.sectors), country=o.country)
                       for o in owners if o.country)
        return _widen(replace(m, actors=actors or m.actors, antecedent=owner_i, resolved_by="coref:pair"),
                      previous[owner_i], doc)
    if actor.role == "counterpart":
        ref_i = owner_i if owner_i is not None else _nearest(previous, m, lambda a: _is_person(a) and a.country)
        if ref_i is None:
            return m
        ref = previous[ref_i].actors[0]
        sectors = tuple(s for s in ref.sectors)
        code = (actor.country or "---") + "".join(sectors)
        return replace(m, actors=(replace(actor, code=code, sectors=sectors, role=ref.role),), antecedent=ref_i)
    if actor.kind != "sector" or actor.country is not None or owner_i is None:
        return m
    owner = previous[owner_i].actors[0]
    if owner.country:
        new = replace(actor, code=owner.country + "".join(actor.sectors), country=owner.country)
    elif owner.kind in ("igo", "group"):
        new = replace(actor, code=owner.code, sectors=owner.sectors)  # "its fighters" of ISIL: ISIL
    else:
        new = actor
    return _widen(replace(m, actors=(new,), antecedent=owner_i), previous[owner_i], doc)


def _widen(m: Mention, owner: Mention, doc: Doc) -> Mention:
    """Let the mention's span take in its possessor ("his forces")."""
    start = min(m.start, owner.start)
    return replace(m, tok_start=min(m.tok_start, owner.tok_start), start=start, text=doc.text[start:m.end])


def _identified(a: Actor) -> bool:
    """Known by country or as an organisation, not only by a role ("leaders", "---GOV")."""
    return bool(a.country) or a.kind in ("igo", "group", "institution")


def _nearest(previous: list[Mention], m: Mention, fits) -> int | None:
    for i in range(len(previous) - 1, -1, -1):
        prev = previous[i]
        if m.sentence_index - prev.sentence_index > WINDOW:
            return None
        if len(prev.actors) == 1 and fits(prev.actors[0]):
            return i
    return None


# -- pronouns -----------------------------------------------------------------------------------
def _clause_subject_actor(tok: Token, previous: list[Mention]) -> Actor | None:
    """The actor already found for the subject of ``tok``'s verb (binding: "She urged him")."""
    if tok.dep_ not in OBJECT_DEPS:
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    for prev in previous:
        if prev.head == subj.i and len(prev.actors) == 1:
            return prev.actors[0]
    return None


def _clause_subject(tok: Token, previous: list[Mention]) -> int | None:
    """The mention that is the subject of the clause a possessive pronoun sits in ("Novak, for
    his part, said"; "Iran and Russia ... develop their cooperation"): a possessive refers to it first."""
    if tok.dep_ != "poss":
        return None
    verb = tok.head
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
    if subj is None:
        return None
    return next((i for i in range(len(previous) - 1, -1, -1) if previous[i].head == subj.i), None)


def _gender(m: Mention, doc: Doc, words, previous: list[Mention]) -> str | None:
    """"f" / "m" from a title or role word of the mention ("Mrs", "Queen", "spokeswoman"), or from
    a pronoun already resolved to the same person ("She said he ...": he is not her)."""
    a = m.actors[0]
    for prev in reversed(previous):
        if prev.resolved_by == "coref:pronoun" and prev.actors == m.actors and doc[prev.head].pos_ == "PRON":
            low = doc[prev.head].lower_
            if low in words["person_pronouns"]:
                return "f" if low in words["female_pronouns"] else "m"
    said = {w.rstrip(".") for w in f"{a.title or ''} {a.role or ''}".split()}
    said.update(t.lower_.rstrip(".") for t in doc[max(m.tok_start - 1, 0):m.tok_end])  # "Mrs." before the name
    if said & words["female_words"]:
        return "f"
    if said & words["male_words"]:
        return "m"
    return None


def _fits(a: Actor, *, person: bool) -> bool:
    if person:
        return _is_person(a)
    return (not _is_person(a) and a.kind != "sector") or (a.kind == "sector" and a.role is None
                                                           and bool(a.code.strip("-")))


def _resolve_pronoun(m: Mention, previous: list[Mention], doc: Doc, *, person: bool) -> Mention | None:
    tok = doc[m.head]
    words = mention_words()
    own = _clause_subject(tok, previous)
    if own is not None and len(previous[own].actors) == 1 and _fits(previous[own].actors[0], person=person):
        if not person or _gender(previous[own], doc, words, previous) in (None, _pronoun_gender(tok, words)):
            return replace(m, actors=previous[own].actors, resolved_by="coref:pronoun", antecedent=own)
    excluded = _clause_subject_actor(tok, previous)
    wanted = _pronoun_gender(tok, words) if person else None
    window = WINDOW if person else 1  # "it"/"its": the nearest thing across one sentence
    best = None
    for i in range(len(previous) - 1, -1, -1):
        prev = previous[i]
        if m.sentence_index - prev.sentence_index > window:
            break
        if len(prev.actors) != 1 or prev.actors[0] == excluded:
            continue
        if not _fits(prev.actors[0], person=person):
            continue
        if wanted and _gender(prev, doc, words, previous) not in (None, wanted):
            continue  # "Mrs Okafor ... he": not her
        score = (prev.sentence_index, doc[prev.head].dep_ in ("nsubj", "nsubjpass"), prev.tok_start)
        if best is None or score > best[0]:
            best = (score, i, prev)
    if best is None:
        return None
    _, i, prev = best
    return replace(m, actors=prev.actors, resolved_by="coref:pronoun", antecedent=i)


def _pronoun_gender(tok: Token, words) -> str:
    return "f" if tok.lower_ in words["female_pronouns"] else "m"


def _resolve_pair(m: Mention, previous: list[Mention], doc: Doc) -> Mention | None:
    own = _clause_subject(doc[m.head], previous)
    if own is not None and (len(previous[own].actors) > 1 or doc[previous[own].head].tag_ in ("NNS", "NNPS")):
        # "Iran and Russia ... develop their cooperation": the clause's plural subject
        how = "coref:pair" if len(previous[own].actors) > 1 else "coref:pronoun"
        return replace(m, actors=previous[own].actors, resolved_by=how, antecedent=own)
    pair_i = None
    for i in range(len(previous) - 1, -1, -1):
        prev = previous[i]
        if m.sentence_index - prev.sentence_index > PAIR_WINDOW:
            break
        if len(prev.actors) >= 2 and len({a.country or a.code for a in prev.actors}) >= 2:
            pair_i = i
            break
    if doc[m.head].pos_ == "PRON":
        # "they" may be the nearest plural body named after the last pair ("Iraqi police ... they")
        for i in range(len(previous) - 1, -1 if pair_i is None else pair_i, -1):
            prev = previous[i]
            if m.sentence_index - prev.sentence_index > 1:
                break
            if len(prev.actors) == 1 and doc[prev.head].tag_ in ("NNS", "NNPS") and _identified(prev.actors[0]):
                return replace(m, actors=prev.actors, resolved_by="coref:pronoun", antecedent=i)
    if pair_i is not None:
        return replace(m, actors=previous[pair_i].actors, resolved_by="coref:pair", antecedent=pair_i)
    # else: the last two actors of different countries
    found: list[tuple[int, Actor]] = []
    for i in range(len(previous) - 1, -1, -1):
        prev = previous[i]
        if m.sentence_index - prev.sentence_index > PAIR_WINDOW:
            break
        if len(prev.actors) == 1 and prev.actors[0].country:
            a = prev.actors[0]
            if all(a.country != b.country for _, b in found):
                found.append((i, a))
            if len(found) == 2:
                pair = tuple(a for _, a in sorted(found))
                return replace(m, actors=pair, resolved_by="coref:pair", antecedent=found[-1][0])
    return None
