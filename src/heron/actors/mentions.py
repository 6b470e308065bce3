"""Find actor mentions in a parsed article and code them (country + sectors, people, IGOs, groups).

How a mention is built: dictionary phrases (countries, demonyms, capitals, IGOs, groups, people)
and sector phrases ("defense minister", "parliament", "police") are matched with spaCy
PhraseMatchers; each match is then attached to the head of the noun phrase it modifies
(compounds, adjectives, possessives, "the minister of Iran", appositions), so that
"Iranian Defense Minister Brigadier General Hossein Dehqan" becomes ONE mention of Hossein Dehqan,
IRN, sectors GOV+MIL. Coordinated heads ("Iran and Russia") become one mention with two actors.
Coreference (pronouns, surnames, "the minister", "the two sides") is done afterwards by
:mod:`heron.actors.coref`.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from heron.actors.knowledge import ActorEntry, ActorKnowledge, SectorEntry
from heron.records import Actor, Mention

log = logging.getLogger(__name__)

PLACE_KINDS = frozenset({"country", "capital", "region"})
COUNTRY_KINDS = frozenset({"country", "capital", "region", "demonym"})
NAMED_KINDS = frozenset({"person", "igo", "group"})
NP_DEPS = frozenset({"compound", "amod", "nmod", "flat", "poss", "appos", "nummod"})


@lru_cache(maxsize=1)
def mention_words() -> dict[str, frozenset[str]]:
    text = resources.files("heron.data").joinpath("mention_words.yaml").read_text(encoding="utf-8")
    return {key: frozenset(str(w).lower() for w in words) for key, words in yaml.safe_load(text).items()}


@dataclass
class _Group:
    """Evidence gathered for one noun-phrase head."""

    head: Token
    tokens: set[int] = field(default_factory=set)
    entries: list[tuple[Span, list[ActorEntry]]] = field(default_factory=list)
    sectors: list[tuple[Span, SectorEntry]] = field(default_factory=list)


class MentionFinder:
    """Compiled matchers over one knowledge base; build once, reuse for every article."""

    def __init__(self, nlp, knowledge: ActorKnowledge, *, use_context_country: bool = True) -> None:
        self.knowledge = knowledge
        self.use_context_country = use_context_country
        self.actor_matcher = _phrase_matcher(nlp, knowledge.phrases(), "ACTOR")
        # names that are also common words ("US"/"us", "WHO"/"who", "Chad"): matched by exact case
        self.cased_matcher = _phrase_matcher(nlp, knowledge.cased_phrases(), "ACTOR", attr="ORTH")
        self.sector_matcher = _phrase_matcher(nlp, knowledge.sector_phrases(), "SECTOR")
        self.words = mention_words()

    # -- public -----------------------------------------------------------------------------
    def find(self, doc: Doc, *, published: date | None = None, context_country: str | None = None,
             skip: tuple[int, int] | None = None) -> list[Mention]:
        """Mentions in document order; coreference is left to :func:`heron.actors.coref.resolve`.

        ``skip`` is a character span to ignore (the dateline: "TEHRAN (Tasnim) -" names a place).
        """
        sent_index = {s.start: i for i, s in enumerate(doc.sents)}
        sent_of = _token_sentence_index(doc, sent_index)
        groups = self._groups(doc, published)
        mentions: list[Mention] = []
        for group in sorted(groups.values(), key=lambda g: min(g.tokens)):
            if skip and skip[0] <= group.head.idx < skip[1]:
                continue
            actors = self._hyphen_pair(group) or self._code(group, context_country)
            if not actors:
                continue
            mentions.append(_make_mention(doc, group, actors, sent_of[group.head.i]))
        return _merge_coordination(mentions, doc)

    # -- grouping ---------------------------------------------------------------------------
    def _groups(self, doc: Doc, published: date | None) -> dict[int, _Group]:
        actor_spans = []
        for _, start, end in [*self.actor_matcher(doc), *self.cased_matcher(doc)]:
            span = doc[start:end]
            if not any(ch.isupper() for ch in span.text):  # "us", "chad" in lower case: not names
                continue
            entries = self.knowledge.lookup(span.text, on=published)
            if entries:
                actor_spans.append(span)
        actor_spans = filter_spans(actor_spans)
        sector_spans = filter_spans([doc[s:e] for _, s, e in self.sector_matcher(doc)])
        taken = {t.i for sp in actor_spans for t in sp}
        sector_spans = [sp for sp in sector_spans if not any(t.i in taken for t in sp)]

        groups: dict[int, _Group] = {}

        def group_for(span: Span) -> _Group:
            head = self._np_head(span.root, doc)
            g = groups.setdefault(head.i, _Group(head=head))
            g.tokens.update(t.i for t in span)
            g.tokens.add(head.i)
            return g

        self._actorish = {t.i for sp in (*actor_spans, *sector_spans) for t in sp}
        self._actorish.update(t.i for ent in doc.ents if ent.label_ == "PERSON" for t in ent)
        for span in actor_spans:
            group_for(span).entries.append((span, self.knowledge.lookup(span.text, on=published)))
        for span in sector_spans:
            entry = self.knowledge.sector(span.text) or self.knowledge.sector(span.lemma_)
            if entry is not None:
                group_for(span).sectors.append((span, entry))
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                g = group_for(ent)
                g.tokens.update(t.i for t in ent)
        return groups

    def _np_head(self, tok: Token, doc: Doc) -> Token:
        """Climb from a matched word to the head of the actor noun phrase it belongs to."""
        seen = 0
        while seen < 8:
            seen += 1
            parent = tok.head
            if parent.i == tok.i:
                break
            if tok.dep_ in NP_DEPS and parent.i in self._actorish:
                tok = parent
                continue
            # "the minister of Iran": pobj of "of" attached to an actor noun
            if tok.dep_ == "pobj" and parent.lower_ == "of" and parent.head.i in self._actorish:
                tok = parent.head
                continue
            break
        return tok

    # -- coding -----------------------------------------------------------------------------
    def _hyphen_pair(self, g: _Group) -> tuple[Actor, ...] | None:
        """"Tehran-Moscow relations", "Iran-Russia ties": both countries, as one pair mention."""
        if g.sectors or len(g.entries) != 2:
            return None
        (a, ea), (b, eb) = sorted(g.entries, key=lambda p: p[0].start)
        between = g.head.doc[a.end:b.start]
        if len(between) != 1 or between[0].text not in "-–":
            return None
        pa, pb = _first([ea], COUNTRY_KINDS), _first([eb], COUNTRY_KINDS)
        if pa is None or pb is None or pa.country == pb.country:
            return None
        return tuple(Actor(name=_country_name(self.knowledge, p), code=p.code, country=p.country, kind="country",
                           provenance=p.provenance) for p in (pa, pb))

    def _code(self, g: _Group, context_country: str | None) -> tuple[Actor, ...]:
        head = g.head
        head_entries = [es for sp, es in g.entries if head.i in range(sp.start, sp.end)]
        mod_entries = [es for sp, es in g.entries if head.i not in range(sp.start, sp.end)]
        named = _first(head_entries, NAMED_KINDS)
        place_at_head = _first(head_entries, PLACE_KINDS | {"demonym"})
        if place_at_head and not g.sectors and self._is_locative(head):
            return ()  # "in Tehran": a place, not an actor (the geo stage takes it)

        country = None
        for entries in mod_entries:
            hit = _first([entries], COUNTRY_KINDS) or _first([entries], NAMED_KINDS)
            if hit and hit.country:
                country = hit.country
                break
        sectors: list[str] = []
        role = title = None
        title = _rank(g, self.words["ranks"])
        for span, sector in sorted(g.sectors, key=lambda p: p[0].start):
            phrase = span.text.lower()
            if phrase in self.words["ranks"]:
                pass
            elif sector.person and role is None:
                role = sector.role or phrase
            for s in sector.sectors:
                if s not in sectors:
                    sectors.append(s)
        name = _person_name(head, self.words["ranks"])

        if named is not None:
            base_country = named.country
            if named.kind == "person":
                sectors = list(dict.fromkeys([*named.sectors, *sectors]))
                country = named.country or country
                code = (country or "") + "".join(s for s in sectors if s not in (country or ""))
                return _one(name=named.name, code=code or named.code, country=country, sectors=tuple(sectors),
                             kind="person", role=role, title=title, provenance=named.provenance)
            return _one(name=named.name, code=named.code, country=base_country, sectors=tuple(named.sectors),
                         kind=named.kind, role=role, title=title, provenance=named.provenance)
        if place_at_head is not None and not sectors:
            return _one(name=_country_name(self.knowledge, place_at_head), code=place_at_head.code,
                         country=place_at_head.country, kind="country", provenance=place_at_head.provenance)
        if place_at_head is not None and country is None:
            country = place_at_head.country
        if not sectors and country is None:
            return ()  # a bare, unknown name: not coded (learned actors may supply it later)
        provenance = "builtin:mention"
        if country is None and sectors and self.use_context_country and context_country and name is None:
            country, provenance = context_country, "context:dateline"
        code = (country or "---") + "".join(sectors)
        display = name or (" ".join(t.text for t in head.subtree if t.i in g.tokens) or head.text)
        return _one(name=display, code=code, country=country, sectors=tuple(sectors),
                     kind="person" if name else "sector", role=role, title=title, provenance=provenance)

    def _is_locative(self, head: Token) -> bool:
        return head.dep_ == "pobj" and head.head.lower_ in self.words["locative_prepositions"]


def _one(**fields) -> tuple[Actor]:
    return (Actor(**fields),)


def _rank(g: _Group, ranks: frozenset[str]) -> str | None:
    """The longest run of rank words in the phrase: "Brigadier General", "Grand Ayatollah"."""
    doc = g.head.doc
    words = [doc[i] for i in sorted(g.tokens) if doc[i].lower_.rstrip(".") in ranks or doc[i].lower_ in ranks]
    if not words:
        return None
    run = [words[0]]
    for tok in words[1:]:
        run = [*run, tok] if tok.i == run[-1].i + 1 else run
    return " ".join(t.lower_ for t in run)


def _phrase_matcher(nlp, phrases, label: str, *, attr: str = "LOWER") -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    unique = sorted({p for p in phrases if p})
    for i in range(0, len(unique), 5000):
        matcher.add(label, list(nlp.tokenizer.pipe(unique[i : i + 5000])))
    return matcher


def _first(entry_lists, kinds) -> ActorEntry | None:
    for entries in entry_lists:
        for e in entries:
            if e.kind in kinds:
                return e
    return None


def _country_name(knowledge: ActorKnowledge, entry: ActorEntry) -> str:
    canonical = knowledge.country(entry.country) if entry.country else None
    return canonical.name if canonical else entry.name


def _person_name(head: Token, ranks: frozenset[str]) -> str | None:
    if head.ent_type_ != "PERSON":
        return None
    ent = next(e for e in head.doc.ents if e.start <= head.i < e.end)
    words = [t.text for t in ent if t.lower_.rstrip(".") not in ranks and t.lower_ not in ranks]
    return " ".join(words) or None


def _token_sentence_index(doc: Doc, sent_index: dict[int, int]) -> list[int]:
    out, current = [], 0
    for tok in doc:
        current = sent_index.get(tok.i, current)
        out.append(current)
    return out


def _make_mention(doc: Doc, g: _Group, actors: tuple[Actor, ...], sentence_index: int) -> Mention:
    lo, hi = min(g.tokens), max(g.tokens) + 1
    # extend leftwards over a determiner so "the Russian minister" reads whole
    if lo > 0 and doc[lo - 1].dep_ == "det" and doc[lo - 1].head.i == g.head.i:
        lo -= 1
    span = doc[lo:hi]
    return Mention(sentence_index=sentence_index, start=span.start_char, end=span.end_char, tok_start=lo,
                   tok_end=hi, head=g.head.i, text=span.text, actors=actors)


def _merge_coordination(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """"Iran and Russia" -> one mention with two actors (the first conjunct's head)."""
    by_head = {m.head: m for m in mentions}
    absorbed: set[int] = set()
    children: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        for conj in doc[m.head].conjuncts:
            if conj.i > m.head and conj.i in by_head and doc[m.head].dep_ != "conj":
                children[m.head].append(by_head[conj.i])
                absorbed.add(conj.i)
    out = []
    for m in mentions:
        if m.head in absorbed:
            continue
        extra = children.get(m.head)
        if extra:
            last = max(extra, key=lambda x: x.end)
            actors = tuple(a for x in (m, *extra) for a in x.actors)
            m = Mention(sentence_index=m.sentence_index, start=m.start, end=last.end, tok_start=m.tok_start,
                        tok_end=last.tok_end, head=m.head, text=doc.text[m.start:last.end], actors=actors,
                        resolved_by=m.resolved_by)
        out.append(m)
    return out
