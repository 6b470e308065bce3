"""Grouping for :class:`heron.actors.mentions.MentionFinder`: dictionary and sector matches,
person names, unlisted organisations and faith adjectives gathered into one group per actor noun
phrase (keyed by the phrase's head token). Split out of :mod:`heron.actors.mentions`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from heron.actors.knowledge import ActorEntry
from heron.actors.mention_parts import COUNTRY_KINDS, NP_DEPS, _adjective_rank, _Group, faith_words
from heron.actors.unlisted import org_sectors, shadowed_institutions, slipped_countries


def _byline(span: Span, entries: list[ActorEntry]) -> bool:
    """A news agency in parentheses, "(Reuters)", "(AP)": the byline of the story, not an actor."""
    doc = span.doc
    return (all(e.provenance == "builtin:media.csv" for e in entries) and span.start > 0
            and span.end < len(doc) and doc[span.start - 1].text == "(" and doc[span.end].text == ")")



class MentionGrouping:
    """The grouping half of :class:`~heron.actors.mentions.MentionFinder` (which sets
    ``knowledge``, the matchers, ``words``, ``_slips`` and ``_confusables``)."""

    # -- grouping ---------------------------------------------------------------------------
    def _entries(self, span: Span, published: date | None) -> list[ActorEntry]:
        entries = self.knowledge.lookup(span.text, on=published)
        if entries or published is None:
            return entries
        # a known person out of office on that date: still of their country, but no role
        return [replace(e, code=e.country, sectors=(), role=None, valid_from=None, valid_to=None)
                for e in self.knowledge.lookup(span.text) if e.kind == "person" and e.country][:1]

    def _groups(self, doc: Doc, published: date | None) -> dict[int, _Group]:
        ents = doc.ents  # built once: every access makes new Span objects
        found: dict[tuple[int, int], list[ActorEntry]] = {}
        for _, start, end in [*self.actor_matcher(doc), *self.cased_matcher(doc)]:
            span = doc[start:end]
            if not any(ch.isupper() for ch in span.text):  # "us", "chad" in lower case: not names
                continue
            entries = self._entries(span, published)
            if entries and not _byline(span, entries):
                found[(start, end)] = entries
        for key in shadowed_institutions(ents, found, COUNTRY_KINDS):
            del found[key]
        found.update(slipped_countries(doc, found, self._slips, published))
        self._confusables.resolve(doc, found)  # "New Mexico" is not Mexico; "Georgia" by its context
        actor_spans = filter_spans([doc[s:e] for s, e in found])
        taken = {t.i for sp in actor_spans for t in sp}
        ranks = self.words["ranks"]
        sector_spans = [sp for sp in filter_spans([doc[s:e] for _, s, e in self.sector_matcher(doc)])
                        if not any(t.i in taken for t in sp) and not self._is_name_part(sp)]
        sector_tokens = {t.i for sp in sector_spans for t in sp}
        sector_spans = [sp for sp in sector_spans if not self._is_name_role(sp, sector_tokens)
                        and not _adjective_rank(sp, ranks, sector_tokens) and not self._idiom(sp)]
        org_heads = org_sectors(ents, taken=taken, sector_tokens={t.i for sp in sector_spans for t in sp})
        if org_heads:
            have = {t.i for sp in sector_spans for t in sp}
            sector_spans += [doc[i : i + 1] for i in org_heads if i not in have]
        persons = [ent for ent in ents if ent.label_ == "PERSON" and not all(t.i in taken for t in ent)]
        self._person_ent = {i: (ent.start, ent.end) for ent in persons for i in range(ent.start, ent.end)}
        counterpart_words, generic_words = self.words["counterpart_nouns"], self.words["generic_roles"]
        counterparts, generic = [], []
        for t in doc:  # the one pass over the tokens
            low = t.lower_
            if low in counterpart_words:
                counterparts.append(t)
            elif low in generic_words and t.pos_ in ("NOUN", "PROPN"):
                generic.append(t.i)

        self._actorish = {t.i for sp in (*actor_spans, *sector_spans, *persons) for t in sp}
        # words naming a person ("Minister", "spokesman", "General"): a proper noun they modify is a name
        self._person_words = {t.i for sp in sector_spans for t in sp
                              if (e := self.knowledge.sector(sp.text)) is not None and e.person}
        self._body_words = {t.i for sp in sector_spans for t in sp} - self._person_words
        self._actorish.update(t.i for t in counterparts)
        # "chief" of "Pakistani army chief" (the matched "Pakistani army" took the sector phrase)
        self._actorish.update(generic)
        # the words of an unlisted organisation's name: "Kenya" of "the Kenya Landowners Association"
        self._actorish.update(t.i for _, name in org_heads.values() for t in name)
        groups: dict[int, _Group] = {}

        def group_for(span: Span) -> _Group:
            path = self._np_path(span.root)
            g = groups.setdefault(path[-1].i, _Group(head=path[-1]))
            g.tokens.update(t.i for t in span)
            g.tokens.update(t.i for t in path)
            return g

        for span in actor_spans:
            entries = found[(span.start, span.end)]
            if all(e.code.strip("-") == "" for e in entries):
                continue  # a "known, not an actor" phrase: it only blocks shorter matches
            if len(span) > 1 and span[0].dep_ == "det":
                span = span[1:]  # "the UN" of "the UN envoy": the article belongs to the whole phrase
            group_for(span).entries.append((span, entries))
        for span in sector_spans:
            entry = (next((org_heads[t.i][0] for t in span if t.i in org_heads), None) if org_heads else None) or \
                self.knowledge.sector(span.text) or self.knowledge.sector(span.lemma_)
            if entry is not None:
                group_for(span).sectors.append((span, entry))
        for _, name in org_heads.values():
            group_for(name)  # the whole name reads as the mention: "the Awami League"
        for ent in persons:
            group_for(ent)
        for tok in counterparts:
            group_for(doc[tok.i : tok.i + 1]).counterpart = True
        self._attach_faiths(doc, groups, taken)
        return groups

    def _attach_faiths(self, doc: Doc, groups: dict[int, _Group], taken: set[int]) -> None:
        """A religious or ethnic adjective before an actor noun joins its mention ("Moslem militants",
        "Kurdish fighters"); a religious one adds its CAMEO religion code ("Shiite militias": MOSSHI)."""
        faiths = faith_words()
        tok_group = {i: g for g in groups.values() for i in g.tokens}
        for t in doc:
            code = faiths.get(t.lower_.replace("\u2019", "'"))
            if code is None or t.i in tok_group or t.i in taken or t.ent_type_ in ("ORG", "PERSON", "FAC"):
                continue
            anchor = t.head if t.dep_ in ("amod", "compound", "nmod") else None
            if anchor is None and t.dep_ == "conj" and t.head.dep_ in ("amod", "compound"):
                anchor = t.head.head  # "Sunni and Shiite leaders"
            g = tok_group.get(anchor.i) if anchor is not None else None
            if g is None or t.i > g.head.i:
                continue
            g.tokens.add(t.i)
            if code and code not in g.faiths:
                g.faiths.append(code)

    def _idiom(self, span: Span) -> bool:
        """A bare singular person noun after "in" or "per" is an idiom, not people: "attend in
        person", "ten rupees per person" (while "one person was killed" names someone)."""
        tok = span.root
        if len(span) != 1 or tok.tag_ != "NN" or tok.n_lefts or tok.n_rights:
            return False
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "per"):
            return False
        entry = self.knowledge.sector(tok.text)
        return entry is not None and entry.person

    def _is_name_role(self, span: Span, sector_tokens: set[int]) -> bool:
        """"Union" of "Homeland Union" or India's "Union government", "union" of "union home
        ministry": part of a name or an adjective, not a trade union."""
        if len(span) != 1 or span[0].lower_ not in self.words["name_roles"]:
            return False
        tok = span[0]
        if tok.is_title and not tok.is_sent_start:
            return True
        return tok.dep_ in ("compound", "amod", "nmod") and tok.head.i in sector_tokens

    def _is_name_part(self, span: Span) -> bool:
        """"Amir" in "Amir Nasseri" is a given name, not the role amir."""
        if span.text.lower() not in self.words["name_like_roles"] or span.end >= len(span.doc):
            return False
        nxt = span.doc[span.end]
        return span[0].ent_type_ == "PERSON" and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "I"

    def _np_path(self, tok: Token) -> list[Token]:
        """Climb from a matched word to the head of the actor noun phrase it belongs to (the last
        token of the path)."""
        path = [tok]
        for _ in range(8):
            tok = path[-1]
            parent = tok.head
            if parent.i == tok.i:
                break
            if tok.dep_ in NP_DEPS and (parent.i in self._actorish or
                                        (parent.pos_ == "PROPN" and tok.i in self._person_words)):
                path.append(parent)
                continue
            # "US-led forces", "Iranian-backed militias": the country of the prefix modifies the noun
            if (parent.lower_ in self.words["hyphen_participles"] and tok.i + 2 == parent.i
                    and tok.nbor(1).text == "-" and parent.dep_ == "amod" and parent.head.i in self._actorish):
                path += [parent, parent.head]
                continue
            # "Iranian and Russian officials": a conjoined modifier joins its first conjunct's head ("US and British forces")
            if tok.dep_ == "conj" and parent.dep_ in ("amod", "compound", "nmod") and parent.i in self._actorish:
                path.append(parent)
                continue
            # "the minister of Iran"; "spokesman for the foreign ministry" (but not "envoy for Syria")
            if (tok.dep_ == "pobj" and parent.head.i in self._actorish and tok.i in self._actorish and
                    (parent.lower_ == "of" or (parent.lower_ == "for" and tok.i in self._body_words))):
                path.append(parent.head)
                continue
            break
        return path
