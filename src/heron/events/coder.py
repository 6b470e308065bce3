"""The event coder: a parsed sentence and its actor mentions in, EventCandidate records out.

Steps for one sentence:

1. **Match** trigger patterns (:mod:`heron.events.matcher`).
2. **Embed**: a trigger row with ``embeds: CLASS`` ("urge", "threaten", "refuse", "say", "plan")
   takes the nearest match inside its complement (xcomp, ccomp, object, "for"/"of" phrase) and,
   through the class's code table, either replaces it ("threatened to impose sanctions" -> 1312,
   "refused to meet" -> 125, "urged Israel to withdraw" -> 0256), keeps it (reported speech, plans,
   "condemned the attack") or drops it. Deepest embeddings are settled first, so "X said Y
   threatened to attack Z" gives Y->Z 138 reported by X.
3. **Attribute** source and target from the row's slots (:mod:`heron.events.attribution`).
4. **Negation and modality** (:mod:`heron.events.modality`). A negated trigger is never emitted
   under its own code: it is dropped. ("refused to meet" is not a negation: it is coded 125 with
   modality "refused".) ``negated`` therefore stays False on every emitted event.
5. **Dyads**: one event per source actor x target actor (compound mentions give several);
   reciprocal rows (meet, negotiate, sign, clash, ...) give both directions, and pair up the
   members of "X and Y met" or "talks between X and Y". With ``require_dyad`` an event needs a
   source, and a target when its code needs one (ontology ``needs_target``; endorsements, aid
   given and relations cut, roots 05, 07 and 16, are kept with their source alone).
6. **Discipline**: one event per (source code, target code, CAMEO code) in a sentence, the most
   confident kept; a bare statement (010) is dropped when its source has a better event in the
   same sentence.

Confidence (0-1, for ranking) starts from the pattern's specificity and rises with clear
arguments (a direct dependency rather than an inherited subject or a mention found inside a noun
phrase); non-asserted modality, reported speech and nominal triggers without a light verb lower it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import spacy.vocab
from spacy.tokens import Span

from heron.events.attribution import Argument, Attributor
from heron.events.dictionary_events import dictionary_events, dictionary_hits
from heron.events.embedding import Node, embed, make_node, mark_refusals, merge_instruments
from heron.events.topics import mark_topics
from heron.events.lexicon import TriggerLexicon, load_lexicon
from heron.events.matcher import Match, TriggerMatcher, grammatical_object, is_passive
from heron.events.modality import clause_chain, clause_modality, is_historical, noun_modality
from heron.events.ontology_bridge import needs_target
from heron.events.places import (
    HOST_PLACE_CODES,
    PLACE_SOURCE_ROOTS,
    PLACE_TARGET_CODES,
    PLACE_TARGET_ROOTS,
    event_place_target,
    host_place,
)
from heron.events.instrument import blamed_source, instrument_source, noun_owner, participation
from heron.events.police_acts import (according_to_mention, conduct_charged, fired_at_nobody, holds_someone,
                                      is_police, legal_agent, uncounted_victims, unlisted_detainee)
from heron.events.refine import refine_code
from heron.events.retaliation import RETALIATION_ROWS
from heron.events.claims import (CLAIM_ROWS, OWN_PEOPLE_CODES, PLACE_SOURCE_NOTE, PLACE_TARGET_NOTE, link_claims,
                                 own_country_target)
from heron.events.unconventional import unconventional_code
from heron.events.assassination import assassination_code
from heron.events.unnamed import unnamed_kept, unnamed_note
from heron.events.verdicts import mark_grounds, mark_verdicts
from heron.events import ranking
from heron.events.ranking import related, same_actor
from heron.records import EventCandidate, Mention, Place

COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
ONE_SIDED_ROOTS = frozenset({"02", "10", "12", "13"})
#: conflictual roots whose announced future is a threat (the threat table says which code)
#: (not 12: "will reject any proposal" is already the rejection, CAMEO 12x, not a threat)
HARM_ROOTS = frozenset({"14", "16", "17", "18", "19", "20"})
#: one-sided acts that are news with their source alone when they name what was given, endorsed or
#: cut: aid given ("Germany paid $662 million in aid"), support expressed ("voiced support for the
#: plan"), relations or aid cut ("the US reduced military
#: aid by $30 million", "ended mediation efforts"): kept under the dyad rule when nobody is named
#: as the recipient (issue 10)
SOURCE_ONLY_ROOTS = frozenset({"05", "07", "16"})
#: acts whose agentless report by the police is the police's own act (arrest, detention)
OWN_REPORT_CODES = ("173",)


class EventCoder:
    """Codes sentences. Build once (it compiles the lexicon index) and reuse for every document."""

    def __init__(
        self,
        vocab: spacy.vocab.Vocab,
        *,
        lexicon: TriggerLexicon | None = None,
        require_dyad: bool = True,
        verb_dictionaries: Sequence = (),
        unnamed_perpetrator: bool = True,
    ) -> None:
        self.vocab = vocab
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.require_dyad = require_dyad
        self.unnamed_perpetrator = unnamed_perpetrator  # unnamed.py: "ten men were shot dead" is kept
        self.verb_dictionaries = tuple(verb_dictionaries)  # user PETRARCH verb files (dictionary_events)
        self.matcher = TriggerMatcher(self.lexicon)
        self._weapon_words = frozenset(w for _, ws in self.lexicon.weapon_subjects for w in ws)

    # ------------------------------------------------------------------------------------

    def code_sentence(
        self,
        sent: Span,
        mentions: Sequence[Mention],
        *,
        sentence_index: int,
        published: date | None = None,
        places: Sequence[Place] = (),
    ) -> list[EventCandidate]:
        """Events in one sentence. ``published`` (optional) lets explicit past years count as
        historical; ``places`` (the sentence's resolved places) give a target of last resort to
        material acts done in a named place ("air strikes hit Eastern Ghouta")."""
        matches = [m for m in self.matcher.find(sent) if not participation(m)]  # "were engaged in"
        hits = dictionary_hits(self.verb_dictionaries, sent) if self.verb_dictionaries else {}
        if hits:  # a verb the user's dictionary knows is coded by that dictionary alone
            matches = [m for m in matches if m.anchor.i not in hits and m.token.i not in hits]
        if not matches and not hits:
            return []
        attr = Attributor(sent.doc, mentions, self.lexicon.light_verbs, party_preps=self.lexicon.party_preps)
        if hits:
            user = dictionary_events(hits, attr, sentence_index=sentence_index, require_dyad=self.require_dyad)
            if not matches:
                return ranking.discipline(user)
        else:
            user = []
        nodes = [make_node(m) for m in matches]
        triggers = {n.token.i for n in nodes}
        for n in nodes:
            n.nested = any(a.i in triggers for a in n.token.ancestors)
        mark_refusals(nodes, self.lexicon)
        merge_instruments(nodes, self.lexicon.weapon_subjects)
        embed(nodes, attr, self.lexicon)
        mark_verdicts(nodes)  # "said X was in breach of": an accusation of X (verdicts.py)
        mark_grounds(nodes)  # "criticized X for sending ships": the criticism alone
        mark_topics(nodes)  # "negotiations on a troop pullback": the talks alone (topics.py)
        year = published.year if published else None
        events: list[EventCandidate] = []
        produced: set[int] = set()  # token ids of triggers that gave at least one event
        deferred: list[Node] = []
        for node in nodes:
            if node.consumed or node.silent or node.negated:
                continue
            if not node.pattern.standalone and not node.mapped:
                continue
            if node.deferred:
                deferred.append(node)
                continue
            found = self._emit(node, attr, sentence_index, year, places)
            # a real event under "said", dropped or not, outranks the saying -- unless the speaker's
            # own act lacked only a target: "officials said they agree" is still their statement
            if found or (node.attributed and not node.target_dropped):
                produced.add(node.token.i)
                events.extend(found)
        for node in deferred:  # "X said ...": the statement only when nothing under it was coded
            if produced & node.region:
                continue
            node.embedded = None
            events.extend(self._emit(node, attr, sentence_index, year, places))
        return ranking.discipline(link_claims(events) + user)

    # --- emission ----------------------------------------------------------------------

    def _emit(self, node: Node, attr: Attributor, sentence_index: int, year: int | None,
              places: Sequence[Place] = ()) -> list[EventCandidate]:
        m, pat = node.match, node.pattern
        emb = node.embedded
        if node.code.startswith(OWN_REPORT_CODES) and not holds_someone(m):
            return []  # "the activity will pick up", "he apprehended that ...": nobody is held
        source = attr.resolve(m, pat.source)
        if source is None and node.mapped and emb is not None and node.code.startswith("03"):
            # an intent belongs to whoever would act: "the situation requires that X and Y cooperate"
            source = attr.resolve(emb.match, emb.pattern.source)
        if node.code[:2] in PLACE_SOURCE_ROOTS and (source is None or source.slot == "host"):
            # "died in a Russian air raid": the raid's owner, not the subject of "died"
            source = noun_owner(m, attr, sentence_index=sentence_index) or source
        if source is None and node.code[:2] in PLACE_SOURCE_ROOTS:
            # "killed in a NATO air strike": the instrument's owner, before the place's country
            source = instrument_source(m, attr, sentence_index=sentence_index, weapon_words=self._weapon_words,
                                       attack=node.instrument.token if node.instrument else None)
        if source is None and node.code[:2] in PLACE_SOURCE_ROOTS:
            # "killed in a tank attack officials blamed on a militia group": who it is blamed on
            source = blamed_source(m, attr, attack=node.instrument.token if node.instrument else None)
        if source is None and node.code.startswith(OWN_REPORT_CODES) and _agentless(m):
            # "three men were arrested, police said", "according to police sources, arrests were
            # made": the police report their own arrests
            reporter = node.reporter if is_police(node.reporter) else according_to_mention(m, attr)
            if is_police(reporter):
                source = Argument([reporter], "reporter (the police report their own arrests)", False)
        if source is None and places and node.code[:2] in PLACE_SOURCE_ROOTS and _agentless(m):
            # "was arrested in Lebanon", "killed in a bombing near Samarra": nobody is named as the
            # agent; the act is the place's (its authorities', its armed men's)
            place = event_place_target(m, places, sentence_index=sentence_index, actor_tokens=attr.by_token)
            if place is not None:
                source = Argument([place], f"{PLACE_SOURCE_NOTE} (fallback)", False)
        exclude = source.mentions if source else ()
        code = node.code
        if emb is not None and node.cls is not None:
            target = self._embedded_target(node, attr, exclude)
        else:
            target = attr.resolve(m, pat.target, exclude=exclude)
        if target is not None and source is not None and _only_itself(source, target):
            target = None  # "Iran threatened to launch an offensive in its war": "its" is Iran again
        if node.cls is not None and node.cls.name == "speech" and emb is None and not node.recoded:
            code = self._statement_code(node)
        if target is None and (code[:2] in ("01", "10") or node.recoded) and node.region and emb is None:
            target = self._statement_target(node, attr, source)
        own_reciprocal = pat.reciprocal and not _thing_object(m, attr, self.lexicon.topic_object_verbs)
        if (own_reciprocal and source is None and target is not None
                and sum(len(x.actors) for x in target.mentions) > 1
                and not any(attr.slot_tokens(m, s)[0] for s in pat.source)):
            # "an agreement between X and Y was signed", "talks were held with X and Y": nobody else
            # is named as a party, so the parties named are each other's partners (not when the
            # subject is there but no actor: "Erdogan will meet Tusk and Juncker")
            source, target = Argument(target.mentions, target.slot, target.direct), None
            exclude = source.mentions
        if (not own_reciprocal and target is None and source is not None and m.obj is not None
                and code[:2] in COOPERATIVE_ROOTS | {"03"} and sum(len(x.actors) for x in source.mentions) > 1
                and m.obj.lemma_.lower() in self.lexicon.mutual_nouns):
            # "Iran and Russia pledged closer cooperation": with each other (mutual_nouns, _frames.yaml)
            own_reciprocal = True
            why = f"mutual object {m.obj.text!r}: both ways"
            node.note = f"{node.note}; {why}" if node.note else why
        pairs_up = own_reciprocal and source is not None and sum(len(x.actors) for x in source.mentions) > 1
        if target is None and not code.startswith("01") and not pairs_up and not pat.id.startswith(RETALIATION_ROWS):
            # look further for a target even where the code may go without one ("threatened to
            # crush X"): an event with its target is worth more than one without
            also = [emb.match, *(c.match for c in node.companions)] if emb is not None else []
            target = attr.fallback_target(m, exclude=exclude, also=also)
        if target is None and code in HOST_PLACE_CODES:  # "arrived in Zimbabwe": the host country
            own = [a.country for x in exclude for a in x.actors if a.country]
            place = host_place(m, sentence_index=sentence_index, exclude_countries=own)
            if place is not None:
                target = Argument([place], "place (host country)", False)
        claimed_place = pat.id.startswith(CLAIM_ROWS)  # "claimed responsibility for the attack in Spain"
        if (target is None and places and ((code[:2] in PLACE_TARGET_ROOTS or code in PLACE_TARGET_CODES) and needs_target(code)
                                           or claimed_place)
                and not pairs_up and not (own_reciprocal and source is not None and source.slot == "between")
                and not pat.id.startswith(RETALIATION_ROWS)):  # against the attackers, not the place
            # "clashes between X and Y in Bihar": X and Y are each other's targets, the place is no party
            # "air strikes hit the rebel-held enclave of Eastern Ghouta": the country of the place
            place = event_place_target(m, places, sentence_index=sentence_index, actor_tokens=attr.by_token)
            if place is not None and claimed_place and source is not None and any(
                    a.code == b.code for x in source.mentions for a in x.actors for b in place.actors):
                place = None  # a claimant known only by its country claims no act on its own country
            if place is not None:
                target = Argument([place], PLACE_TARGET_NOTE, False)
        if target is None and source is not None and code in OWN_PEOPLE_CODES:
            # "the government declared a state of emergency": over its own country (own_country_target)
            target = own_country_target(source, m.token.doc, sentence_index=sentence_index)
        if node.mapped and emb is not None:  # "agreed to compensate X" is as one-sided as compensating
            reciprocal = emb.pattern.reciprocal
        else:
            reciprocal = own_reciprocal
        if code[:2] in ONE_SIDED_ROOTS:  # refusing, asking, demanding, threatening: one side's act
            reciprocal = False
        if code.startswith("173") and conduct_charged(m) and not legal_agent(source):
            # "charged the government with inciting tension": conduct blamed, not a legal charge
            code = "112"
            why = "charged with conduct by no police or court: an accusation (173 -> 112)"
            node.note = f"{node.note}; {why}" if node.note else why
        code, why = refine_code(code, m, self.lexicon, attr.by_token)  # refine.py: 1411, 074, 071, 201
        if why:
            node.note = f"{node.note}; {why}" if node.note else why
        modality = self._modality(node, year)
        node.attributed = source is not None or target is not None
        if modality == "hypothetical" and node.reported_by is not None and _said_would(m.anchor):
            modality = "future"  # "they said they would blockade Paris": the future of reported speech
        # "may halt its mediation if cooperation founders": harm held out on a condition is a
        # threat, whoever tells of it (the condition is the threatener's own)
        conditional = modality in ("hypothetical", "future") and code[:2] in HARM_ROOTS and _on_condition(m.anchor)
        if conditional:
            modality = "future"
        if modality == "future" and not node.mapped and code[:2] in COOPERATIVE_ROOTS:
            code = self._future_intent(node, code)
        elif (modality in ("future", "intended") and not node.mapped and code[:2] in HARM_ROOTS
              and (conditional or self._own_word(node, source))):
            # "will blockade", "is prepared to impose martial law", "plans to impose restrictions"
            code = self._future_threat(node, code)
        reported_by = node.reported_by or ranking.according_to(m, attr)
        conf = ranking.confidence(node, source, target, modality, reported_by)
        trig = m.trigger_tokens
        if node.mapped and node.embedded is not None:
            trig = sorted({*trig, *node.embedded.match.trigger_tokens}, key=lambda t: t.i)
        reason = ranking.reason(node, source, target, modality)
        out: list[EventCandidate] = []
        # dropped for want of a target only, and its source is the speaker ("officials said they agree")
        node.target_dropped = (
            self.require_dyad and source is not None and target is None and needs_target(code)
            and node.reported_by is not None and self._own_word(node, source)
        )
        freed_named = pat.pos == "verb" and (bool(pat.obj) or (target is not None and target.direct))  # unnamed.py
        for (s_m, s_a), (t_m, t_a) in ranking.dyads(source, target, reciprocal):
            # "the fighting": nobody's side
            unnamed = unnamed_kept(code, s_a, t_a, freed_named=freed_named) and not reciprocal
            # unconventional.py: "gunmen killed five villagers" is an assault (18x), not war (19x)
            named = source is not None and not source.slot.startswith("place")
            d_code, d_why = (code, "") if reciprocal else unconventional_code(
                code, t_a, m.clause, source=s_a, source_named=named)
            if not reciprocal:  # assassination.py: "militants shot dead a local politician" is 186
                d_code, a_why = assassination_code(d_code, t_a, m.token, source=s_a, source_named=named,
                                                   target_span=(t_m.tok_start, t_m.tok_end) if t_m else None)
                d_why = "; ".join(w for w in (d_why, a_why) if w)
            # "police arrested a housewife", "the arrests were made by the police": whoever was held,
            # the arrest by a named agent is the news (the detained need not be in the actor tables)
            detainee = (t_a is None and s_a is not None and named and self.unnamed_perpetrator
                        and code.startswith(OWN_REPORT_CODES) and unlisted_detainee(m))
            # "police opened fire in the air", "fired 1,031 rounds", "burst tear-gas shells": force
            # named by what was fired is the news, at whomever it was aimed
            fired = t_a is None and s_a is not None and named and self.unnamed_perpetrator and (
                fired_at_nobody(d_code, m) or (d_code[:2] in ("18", "19") and uncounted_victims(m, pat.target, attr)))
            # a retaliation with no target waits for the attackers of the sentence before (retaliation.py)
            waits = t_a is None and pat.id.startswith(RETALIATION_ROWS) and d_code[:2] == "19"
            if self.require_dyad and (s_a is None or (t_a is None and _wants_target(code, m) and not waits)) and not (
                    unnamed and self.unnamed_perpetrator) and not detainee and not fired:
                continue
            spans = [t.idx for t in trig] + [t.idx + len(t) for t in trig]
            for men in (s_m, t_m):
                if men is not None:
                    doc = m.token.doc
                    spans += [doc[men.tok_start].idx, doc[men.tok_end - 1].idx + len(doc[men.tok_end - 1])]
            out.append(
                EventCandidate(
                    sentence_index=sentence_index,
                    cameo_code=d_code,
                    trigger=" ".join(t.text for t in trig),
                    trigger_start=trig[0].idx,
                    trigger_end=trig[-1].idx + len(trig[-1]),
                    pattern_id=pat.id,
                    source=s_a,
                    target=t_a,
                    source_text=s_m.text if s_m else "",
                    target_text=t_m.text if t_m else "",
                    confidence=conf,
                    negated=False,
                    modality=modality,
                    reported_by=reported_by,
                    reason=(f"{reason}; {unnamed_note(code)}" if unnamed else reason) + (f"; {d_why}" if d_why else ""),
                    start=min(spans),
                    end=max(spans),
                )
            )
        return out

    def _embedded_target(self, node: Node, attr: Attributor, exclude: Sequence[Mention]) -> Argument | None:
        emb = node.embedded
        assert emb is not None and node.cls is not None
        for where in node.target_from or node.cls.target_from:
            if where == "own":
                arg = attr.resolve(node.match, node.pattern.target, exclude=exclude)
            elif where == "embedded":
                arg = attr.resolve(emb.match, emb.pattern.target, exclude=exclude)
            else:
                arg = attr.resolve(emb.match, emb.pattern.source, exclude=exclude)
            if arg is not None:
                return arg
        return None

    def _future_intent(self, node: Node, code: str) -> str:
        """Cooperation told in the future tense is an expression of intent (CAMEO 03x)."""
        return self._remap(node, code, self.lexicon.future_class, "future tense")

    def _future_threat(self, node: Node, code: str) -> str:
        """Harm its author announces for the future is a threat (CAMEO 13x)."""
        return self._remap(node, code, self.lexicon.future_conflict_class, "announced future harm")

    def _remap(self, node: Node, code: str, class_name: str | None, why: str) -> str:
        cls = self.lexicon.classes.get(class_name or "")
        if cls is None:
            return code
        found, repl = cls.lookup(code)
        if found and repl is not None:
            node.note = f"{why}: {code} -> {repl} ({cls.name})"
            return repl
        return code

    @staticmethod
    def _own_word(node: Node, source: Argument | None) -> bool:
        """The future act is told by its own author (or by nobody named): "X said it will ..."."""
        if node.reported_by is None:
            return True
        if source is None or not node.reporter_codes:
            return False
        return any(related(a.code, c) for m in source.mentions for a in m.actors for c in node.reporter_codes)

    def _statement_target(self, node: Node, attr: Attributor, source: Argument | None) -> Argument | None:
        """A statement's target: the first actor in what was said who is not the speaker."""
        src_codes = {a.code for m in (source.mentions if source else ()) for a in m.actors}
        doc = node.token.doc
        for i in sorted(node.region):
            men = attr.mention_of(doc[i])
            if men is None or (source and any(men is x for x in source.mentions)):
                continue
            others = tuple(a for a in men.actors if not any(related(a.code, c) for c in src_codes))
            if others:  # "Tehran-Moscow relations" said by a Russian: Iran
                return Argument([replace(men, actors=others) if others != men.actors else men], "statement content", False)
        return None

    def _statement_code(self, node: Node) -> str:
        """010, or 012/013 when what was said carries a pessimistic/optimistic cue word."""
        doc = node.token.doc
        lemmas = {doc[i].lemma_.lower() for i in node.region}
        pess = bool(lemmas & self.lexicon.pessimism)
        opt = bool(lemmas & self.lexicon.optimism)
        if pess != opt:
            node.note = "pessimistic cue word in what was said" if pess else "optimistic cue word in what was said"
            return "012" if pess else "013"
        return node.code

    def _modality(self, node: Node, year: int | None) -> str:
        m = node.match
        anchor = m.anchor
        clause = clause_modality(anchor)
        if clause == "asserted" and m.pattern.pos == "noun":
            clause = noun_modality(m.token)
        if node.modality and clause != "hypothetical":
            return node.modality  # set by an embedding class or a refusal
        if clause != "asserted":
            return clause
        if is_historical(anchor, year):
            return "historical"
        return "asserted"


def _thing_object(m: Match, attr: Attributor, topic_verbs: frozenset[str] = frozenset()) -> bool:
    """A reciprocal verb used transitively on a thing, not a party: "Brazil and Argentina pooled
    resources to fight the epidemic" is nobody fighting each other. Not a verb whose object is
    the topic (``topic_verbs``): "Iran and Russia discussed the crisis" is both sides' act."""
    if m.pattern.pos != "verb" or m.token.lemma_.lower() in topic_verbs:
        return False
    obj = grammatical_object(m.token)
    if obj is None or obj in m.parts or obj.pos_ not in ("NOUN", "PROPN"):
        return False
    found, _ = attr.mentions_at(obj)
    return not found


def _only_itself(source: Argument, target: Argument) -> bool:
    """Every actor of the target is one of the source's (a possessive pointing back at the actor)."""
    src = [a for m in source.mentions for a in m.actors]
    return all(any(same_actor(a, b) for b in src) for m in target.mentions for a in m.actors)


def _on_condition(tok) -> bool:
    """The trigger's clause has an "if" / "unless" clause of its own: the act is held out as what
    will happen should the condition hold (CAMEO 13: a warning of harm with its condition)."""
    return any(c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in c.children)
               for t in clause_chain(tok) for c in t.children)


def _said_would(tok) -> bool:
    """ "would" (or "'d") on the trigger's own clause."""
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for t in clause_chain(tok) for c in t.children)


def _wants_target(code: str, m: Match) -> bool:
    """The dyad rule's need for a target: the ontology's, except for :data:`SOURCE_ONLY_ROOTS`
    when the trigger itself names what was given, endorsed or cut (a noun trigger, or a row's
    object: "provided aid", "suspended aid", "expressed support"; not a bare "to help settle the
    crisis" nor "approved the proposal", whose object no row names)."""
    if not needs_target(code):
        return False
    return code[:2] not in SOURCE_ONLY_ROOTS or (m.pattern.pos != "noun" and m.obj is None)


def _agentless(m: Match) -> bool:
    """A passive verb with no "by" phrase ("was arrested"), or a noun trigger ("a bombing")."""
    if m.pattern.pos == "noun":
        return True
    tok = m.token
    return is_passive(tok) and not any(c.dep_ == "agent" for c in tok.children)
