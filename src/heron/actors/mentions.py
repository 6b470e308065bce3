"""Find actor mentions in a parsed article and code them (country + sectors, people, IGOs, groups).

How a mention is built: dictionary phrases (countries, demonyms, capitals, IGOs, groups, people)
and sector phrases ("defense minister", "parliament", "police") are matched with spaCy
PhraseMatchers; each match is then attached to the head of the noun phrase it modifies
(compounds, adjectives, possessives, "the minister of Iran", appositions, a proper-noun name
after a title), so that "Iranian Defense Minister Brigadier General Hossein Dehqan" becomes ONE
mention of Hossein Dehqan, IRN, sectors GOV+MIL. Coordinated heads ("Iran and Russia") and
coordinated adjectives ("Iranian and Russian officials") give one mention with several actors.
Coreference (pronouns, surnames, "the minister", "the two sides") is done afterwards by
:mod:`heron.actors.coref`.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from heron.actors.acronyms import defined_acronyms
from heron.actors.confusables import ConfusableNames
from heron.actors.context import attached_place, places_of, residence, sentence_places
from heron.actors.folding import FoldingMatcher
from heron.actors.knowledge import ActorEntry, ActorKnowledge
from heron.actors.mention_groups import MentionGrouping
from heron.actors.mention_parts import (  # noqa: F401 - mention_words is public here too
    COUNTRY_KINDS,
    NAMED_KINDS,
    ORG_KINDS,
    STATE_SECTORS,
    NP_DEPS,
    mention_words,
    faith_words,
    _Group,
    _Roles,
    _the_country_of,
    _one,
    _extend,
    _extended_sectors,
    _distinct,
    _with_qualifier,
    _rank,
    _display,
    _phrase_matcher,
    _first,
    _country_name,
    _token_sentence_index,
    _make_mention,
    _merge_coordination,
    _adjective_rank,
    _compound_actors,
    _person_actor,
)
from heron.actors.unlisted import CountrySlips
from heron.records import Actor, Mention

log = logging.getLogger(__name__)


def _with_faiths(actor: Actor, faiths: list[str]) -> Actor:
    """Religion codes go after the role's sectors ("Moslem militants": UAF, MOS), on people and
    sector actors only (a named group or a state keeps its own code)."""
    new = [f for f in faiths if f not in actor.sectors]
    if actor.kind not in ("sector", "person") or not new:
        return actor
    sectors, code = actor.sectors, actor.code
    if sectors == ("GOV",) and (actor.role or "").rstrip("s") == "leader" and actor.kind == "sector":
        sectors, code = ("REL",), code[:-3] + "REL"  # "Christian leaders" lead a faith, not a state
    return replace(actor, code=code + "".join(new), sectors=(*sectors, *new))


def _stateless_region(mod_entries: list[list[ActorEntry]]) -> ActorEntry | None:
    """A region modifier with a code but no state ("European" of "European leaders": EUR)."""
    return next((e for es in mod_entries for e in es[:1] if e.kind in COUNTRY_KINDS and not e.country
                 and e.code and e.code != "---"), None)


class MentionFinder(MentionGrouping):
    """Compiled matchers over one knowledge base; build once, reuse for every article."""

    def __init__(self, nlp, knowledge: ActorKnowledge, *, use_context_country: bool = True) -> None:
        self.knowledge = knowledge
        self.use_context_country = use_context_country
        # accent-insensitive: "Erdoğan" finds "Erdogan", "Sao Paulo" finds "São Paulo"
        demonyms = knowledge.demonym_phrases()  # never reached by folding: "Thaís" is no Thai
        self.actor_matcher = FoldingMatcher(nlp, knowledge.phrases(), "ACTOR", build=_phrase_matcher,
                                            exact_only=demonyms)
        # names that are also common words ("US"/"us", "WHO"/"who", "Chad"): matched by exact case
        self.cased_matcher = FoldingMatcher(nlp, knowledge.cased_phrases(), "ACTOR", attr="ORTH",
                                            build=_phrase_matcher, exact_only=demonyms)
        self.sector_matcher = _phrase_matcher(nlp, knowledge.sector_phrases(), "SECTOR")
        self.words = mention_words()
        self._slips = CountrySlips(knowledge)
        self._confusables = ConfusableNames(nlp, knowledge)

    # -- public -----------------------------------------------------------------------------
    def find(self, doc: Doc, *, published: date | None = None, context_country: str | None = None,
             skip: tuple[int, int] | None = None) -> list[Mention]:
        """Mentions in document order; coreference is left to :func:`heron.actors.coref.resolve`.

        ``skip`` is a character span to ignore (the dateline: "TEHRAN (Tasnim) -" names a place).
        """
        sent_of = _token_sentence_index(doc)
        groups = self._groups(doc, published)
        ordered = sorted(groups.values(), key=lambda g: min(g.tokens))
        if skip:
            ordered = [g for g in ordered if not skip[0] <= g.head.idx < skip[1]]
        self._places = places_of(self, ordered)
        self._sentence_place = sentence_places(self._places, doc, sent_of, self.words)
        self._sent_of = sent_of
        mentions: list[Mention] = []
        last_country: str | None = None
        for group in ordered:
            pair = self._hyphen_pair(group)
            if pair:
                actors, how = pair, "dictionary"
            elif last_country and _the_country_of(group.head):
                # "the country's air force": the country last named
                actors, how = self._code(group, last_country, anaphoric=True)
            else:
                actors, how = self._code(group, context_country)
            if actors and group.faiths:
                actors = tuple(_with_faiths(a, group.faiths) for a in actors)
            if actors:
                mentions.append(_make_mention(doc, group, actors, sent_of[group.head.i], how))
                if len(actors) == 1 and actors[0].kind == "country" and actors[0].country:
                    last_country = actors[0].country
        return defined_acronyms(doc, _merge_coordination(mentions, doc), sent_of)

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
        g.tokens = set(range(a.start, b.end))
        return tuple(Actor(name=_country_name(self.knowledge, p), code=p.code, country=p.country, kind="country",
                           provenance=p.provenance) for p in (pa, pb))

    def _roles(self, g: _Group, seat_sectors: tuple[str, ...]) -> _Roles:
        """Sectors by strength: a body or specific role ("police", "defense minister") over a
        generic role ("spokesman", "leader") over a rank ("general", "prince")."""
        words = self.words
        main, generic, rank = list(seat_sectors), [], []
        role = None
        person = False
        for span, sector in sorted(g.sectors, key=lambda p: p[0].start):
            phrase = span.text.lower()
            nxt = span.doc[span.end] if span.end < len(span.doc) else None
            if phrase in words["qualifiers"] and nxt is not None and nxt.i in g.tokens and nxt.i in self._actorish:
                continue  # "deputy" of "deputy oil minister"
            person = person or sector.person
            if phrase in words["ranks"] or phrase.rstrip(".") in words["ranks"]:
                rank.extend(sector.sectors)
                continue
            if sector.person and role is None:
                role = _with_qualifier(span, words["qualifiers"], sector.role or phrase)
            (generic if phrase in words["generic_roles"] else main).extend(sector.sectors)
        sectors = list(dict.fromkeys(main or generic or rank))
        if sectors and g.head.i not in self._body_words and self._former(g):
            sectors = ["ELI"]  # "former President X": an elite, no longer of the government
        return _Roles(sectors=sectors, role=role, title=_rank(g, words["ranks"]), person=person)

    def _ethnic(self, g: _Group) -> bool:
        """"ethnic Albanians", "ethnic Turks": the demonym names an ethnicity, not a citizenship."""
        doc, words = g.head.doc, self.words["ethnic_modifiers"]
        return any(c.lower_ in words for i in g.tokens | {g.head.i} for c in doc[i].children)

    def _former(self, g: _Group) -> bool:
        """Is the role in the past ("former prime minister", "ex-president", "ousted leader")?"""
        doc, former = g.head.doc, self.words["former_words"]
        for i in g.tokens | {g.head.i}:
            for c in doc[i].children:
                if c.lower_ in former and c.i < g.head.i and c.dep_ in ("amod", "advmod", "compound", "nmod"):
                    return True
        lo = min(g.tokens)
        # "ex-president": "ex" "-" before the phrase
        return lo >= 2 and doc[lo - 1].text == "-" and doc[lo - 2].lower_ in former

    def _code(self, g: _Group, context_country: str | None, *,
              anaphoric: bool = False) -> tuple[tuple[Actor, ...], str]:
        head = g.head
        lo, hi = self._person_ent.get(head.i, (head.i, head.i + 1))  # "President Xi" of "President Xi Jinping"
        at_head = [(sp, es) for sp, es in g.entries
                   if sp.start <= head.i < sp.end or (sp.start < hi and lo < sp.end and es[0].kind == "person")]
        head_entries = [es for _, es in at_head]
        mod_entries = [es for sp, es in sorted(g.entries, key=lambda p: p[0].start) if (sp, es) not in at_head]
        named = _first(head_entries, NAMED_KINDS)
        place = _first(head_entries, COUNTRY_KINDS)
        if place and named is None and not g.sectors and (self._is_place(head) or self._described(head, place)):
            return (), ""  # "in Tehran", "Vienna is cold": a place, not an actor (the geo stage takes it)

        countries = _distinct([e for es in mod_entries for e in es[:1] if e.kind in COUNTRY_KINDS or
                               (e.kind == "person" and e.country)])
        org = next((es[0] for es in mod_entries if es[0].kind in ORG_KINDS), None)
        if countries and all(e.kind == "demonym" for e in countries) and self._ethnic(g):
            # "ethnic Albanian guerrillas operating in Macedonia": an ethnicity; the place gives the state
            home = residence(self, g) or self._sentence_place.get(self._sent_of[head.i])
            countries = [home] if home is not None else countries
        seat = tuple(s for e in countries for s in e.sectors if e.kind == "capital")
        roles = self._roles(g, seat)
        name = self._person_name(g, roles)

        if named is not None and named.kind == "person":
            return _person_actor(named, countries, roles), "dictionary"
        if named is not None and "/" in named.code:
            return _compound_actors(named), "dictionary"
        heads_org = roles.role in self.words["executive_roles"]
        if named is not None:
            code = _extend(named, roles.sectors, head=heads_org)
            return _one(name=named.name, code=code, country=named.country,
                        sectors=_extended_sectors(named, code), kind=named.kind, role=roles.role, title=roles.title,
                        provenance=named.provenance), "dictionary"
        if (place is not None and place.kind == "demonym" and not g.sectors and not g.counterpart and name is None
                and head.tag_ in ("NNS", "NNPS")):
            # "Nigerians", "Albanians of southern Serbia": people, of the state they live in when it is said
            home = (residence(self, g) or attached_place(g) or (self._ethnic(g) and self._sentence_place.get(
                self._sent_of[head.i])) or place)
            return _one(name=_display(g), code=home.code[:3] + "CVL", country=home.country, sectors=("CVL",),
                        kind="sector", provenance=home.provenance), "dictionary"
        if place is not None and not g.sectors and not g.counterpart and name is None:
            how = "metonym" if place.kind == "capital" else "dictionary"
            return _one(name=_country_name(self.knowledge, place), code=place.code, country=place.country,
                        sectors=tuple(place.sectors), kind="country", provenance=place.provenance), how
        display = name or _display(g)
        kind = "person" if name else "sector"
        if org is not None:
            code = _extend(org, roles.sectors, head=heads_org)
            return _one(name=name or org.name, code=code, country=org.country,
                        sectors=_extended_sectors(org, code), kind=kind if name else org.kind, role=roles.role,
                        title=roles.title, provenance=org.provenance), "dictionary"
        if place is not None:
            countries = [place, *countries]
        if g.counterpart:
            return tuple(Actor(name=display, code=c.country or "---", country=c.country, kind="sector",
                               role="counterpart", provenance="builtin:mention") for c in countries[:1]), "dictionary"
        if not roles.sectors and not countries:
            return (), ""  # a bare, unknown name: not coded (learned actors may supply it later)
        how, provenance = "dictionary", "builtin:mention"
        region = _stateless_region(mod_entries) if not countries else None
        if region is not None and roles.sectors:
            # "European leaders" at a summit in Brussels: the phrase says whose (EUR), not the place
            return _one(name=display, code=region.code + "".join(roles.sectors), country=None,
                        sectors=tuple(roles.sectors), kind=kind, role=roles.role, title=roles.title,
                        provenance=region.provenance), how
        if not countries:
            country = None
            home = residence(self, g)
            sentence_place = self._sentence_place.get(self._sent_of[head.i])
            sentence_country = sentence_place.country if sentence_place else None
            if home is not None:
                country, provenance = home.country, home.provenance  # "rebels in the Ivory Coast"
            elif anaphoric:
                country, how, provenance = context_country, "context", "context:the country last named"
            elif sentence_country and (name is not None or roles.sectors):
                # "President X extended the curfew in Abidjan": the sentence's one place
                country, how, provenance = sentence_country, "context", "context:the sentence's place"
            elif (self.use_context_country and context_country and name is None
                  and (set(roles.sectors) <= STATE_SECTORS or set(roles.sectors) == {"GOV", "MED"})):
                # "police", "the army", "state media": the dateline's state, when nothing closer says whose
                country, how, provenance = context_country, "context", "context:dateline"
            return _one(name=display, code=(country or "---") + "".join(roles.sectors), country=country,
                        sectors=tuple(roles.sectors), kind=kind, role=roles.role, title=roles.title,
                        provenance=provenance), how
        return tuple(Actor(name=display, code=c.country + "".join(roles.sectors), country=c.country,
                           sectors=tuple(roles.sectors), kind=kind, role=roles.role, title=roles.title,
                           provenance=provenance) for c in countries), how

    def _person_name(self, g: _Group, roles: _Roles) -> str | None:
        """The person a phrase names: a PERSON entity at the head, or a proper-noun head after a
        role word or rank ("Defence Minister Avi Shalev" where the tagger saw no PERSON)."""
        head, doc = g.head, g.head.doc
        if head.pos_ != "PROPN" and head.ent_type_ != "PERSON":
            # "a senior Hamas official, Khaled Nasser,": the name in apposition
            head = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
            if head is None:
                return None
        if head.ent_type_ != "PERSON" and not (roles.person or roles.title):
            return None
        used = {t.i for sp, _ in g.entries for t in sp} | {t.i for sp, _ in g.sectors for t in sp}
        if head.i in used:
            return None  # "Kiev" tagged PERSON is still the capital
        ranks, particles = self.words["ranks"], self.words["name_particles"]
        words = [head]
        i = head.i - 1
        while i >= 0 and i not in used:
            tok = doc[i]
            low = tok.lower_
            if low in ranks or low.rstrip(".") in ranks:
                break
            if not (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON" or low in particles or
                    (tok.text in "-'" and not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_)):
                break
            words.insert(0, tok)
            i -= 1
        while words and words[0].text in "-'":
            words.pop(0)
        g.tokens.update(t.i for t in words)
        return "".join(t.text_with_ws for t in words).strip() or None

    def _described(self, head: Token, place: ActorEntry) -> bool:
        """A capital described as a place: "Vienna is cold", "Kabul was quiet"."""
        verb = head.head
        return (place.kind == "capital" and head.dep_ == "nsubj" and verb.lemma_ == "be" and
                any(c.dep_ == "acomp" and c.lower_ in self.words["place_adjectives"] for c in verb.children))

    def _is_place(self, head: Token) -> bool:
        """A locative prepositional object ("in Tehran", "at Kabul airport", "rockets from Gaza")."""
        tok = head
        # "in Nairobi and Accra": a conjunct is where its first conjunct is
        while tok.dep_ in ("compound", "amod", "nmod", "conj") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ == "at" and prep.head.lemma_.lower() in self.words.get("at_target_heads", ()):
            return False  # "lashed out at Japan": whom the reproach is aimed at
        if prep.lower_ in self.words["locative_prepositions"]:
            return True
        return prep.lower_ == "from" and prep.head.lemma_.lower() in self.words["from_place_heads"]
