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
   source, and a target when its code needs one (ontology ``needs_target``).
6. **Discipline**: one event per (source code, target code, CAMEO code) in a sentence, the most
   confident kept; a bare statement (010) is dropped when its source has a better event in the
   same sentence.

Confidence (0-1, for ranking) starts from the pattern's specificity and rises with clear
arguments (a direct dependency rather than an inherited subject or a mention found inside a noun
phrase); non-asserted modality, reported speech and nominal triggers without a light verb lower it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import permutations

import spacy.vocab
from spacy.tokens import Span, Token

from heron.events.attribution import Argument, Attributor
from heron.events.lexicon import EmbeddingClass, TriggerLexicon, TriggerPattern, load_lexicon
from heron.events.matcher import Match, TriggerMatcher, grammatical_object, prep_objects, preps
from heron.events.modality import clause_modality, deontic, is_historical, is_negated, noun_modality, will_not
from heron.events.ontology_bridge import needs_target
from heron.records import Actor, EventCandidate, Mention

STATEMENT = "010"
COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
INTENT_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
REFUSAL_CLASS = "refuse"
ONE_SIDED_ROOTS = frozenset({"02", "10", "12", "13"})
#: conflictual roots whose announced future is a threat (the threat table says which code)
HARM_ROOTS = frozenset({"12", "14", "16", "17", "18", "19", "20"})
#: wish and plan classes that become an appeal when someone else is to act ("wants Y to pay")
OTHERS_ACT = frozenset({"intend", "hope"})
APPEAL_CLASS = "appeal"


@dataclass(slots=True, eq=False)
class _Node:
    """A match and what the embedding step decided about it."""

    match: Match
    depth: int
    code: str
    negated: bool
    embedded: _Node | None = None  # the event under an embedding trigger
    cls: EmbeddingClass | None = None
    mapped: bool = False  # code replaced through the class table
    recoded: bool = False  # its own code replaced (negated future -> refusal)
    consumed: bool = False  # taken up by the trigger above it
    silent: bool = False  # an embedding trigger that emits nothing itself
    deferred: bool = False  # emits its own code only if nothing under it gave an event
    nested: bool = False  # its trigger sits under another trigger
    modality: str | None = None  # forced by an embedding class
    reported_by: str | None = None
    reporter_codes: frozenset[str] = frozenset()  # actor codes of the speaker
    region: frozenset[int] = frozenset()
    attributed: bool = False  # emission found a source or target (even if the dyad rule then dropped it)
    note: str = ""

    @property
    def pattern(self) -> TriggerPattern:
        return self.match.pattern

    @property
    def token(self) -> Token:
        return self.match.token


class EventCoder:
    """Codes sentences. Build once (it compiles the lexicon index) and reuse for every document."""

    def __init__(
        self,
        vocab: spacy.vocab.Vocab,
        *,
        lexicon: TriggerLexicon | None = None,
        require_dyad: bool = True,
    ) -> None:
        self.vocab = vocab
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.require_dyad = require_dyad
        self.matcher = TriggerMatcher(self.lexicon)

    # ------------------------------------------------------------------------------------

    def code_sentence(
        self,
        sent: Span,
        mentions: Sequence[Mention],
        *,
        sentence_index: int,
        published: date | None = None,
    ) -> list[EventCandidate]:
        """Events in one sentence. ``published`` (optional) lets explicit past years count as historical."""
        matches = self.matcher.find(sent)
        if not matches:
            return []
        attr = Attributor(sent.doc, mentions, self.lexicon.light_verbs)
        nodes = [self._node(m) for m in matches]
        triggers = {n.token.i for n in nodes}
        for n in nodes:
            n.nested = any(a.i in triggers for a in n.token.ancestors)
        self._refusals(nodes)
        self._embed(nodes, attr)
        year = published.year if published else None
        events: list[EventCandidate] = []
        produced: set[int] = set()  # token ids of triggers that gave at least one event
        deferred: list[_Node] = []
        for node in nodes:
            if node.consumed or node.silent or node.negated:
                continue
            if not node.pattern.standalone and not node.mapped:
                continue
            if node.deferred:
                deferred.append(node)
                continue
            found = self._emit(node, attr, sentence_index, year)
            if found or node.attributed:  # a real event under "said", dropped or not, outranks the saying
                produced.add(node.token.i)
                events.extend(found)
        for node in deferred:  # "X said ...": the statement only when nothing under it was coded
            if produced & node.region:
                continue
            node.embedded = None
            events.extend(self._emit(node, attr, sentence_index, year))
        return self._discipline(events)

    # --- embedding ---------------------------------------------------------------------

    def _node(self, m: Match) -> _Node:
        tok = m.token
        negated = is_negated(tok) or (m.host is not None and is_negated(m.host))
        return _Node(match=m, depth=sum(1 for _ in tok.ancestors), code=m.code, negated=negated)

    def _region(self, m: Match, cls: EmbeddingClass) -> frozenset[int]:
        tok = m.token
        anchors = [tok] if m.obj is None else [tok, m.obj]
        roots: list[Token] = []
        for via in cls.via:
            if via in ("xcomp", "ccomp", "advcl"):
                deps = {via, "acl"} if via != "advcl" else {via}
                roots.extend(c for a in anchors for c in a.children if c.dep_ in deps)
            elif via == "dobj":
                o = grammatical_object(tok) if m.pattern.pos == "verb" else None
                if o is not None:
                    roots.append(o)
            else:
                kind, word = via.split(":")
                for a in anchors:
                    for p in preps(a, word):
                        if kind == "pobj":
                            roots.extend(prep_objects(p))
                        else:
                            roots.extend(c for c in p.children if c.dep_ == "pcomp")
        region: set[int] = {t.i for r in roots for t in r.subtree}
        if cls.name == "speech" and tok.dep_ == "parataxis":  # "Y attacked Z, X said"
            region |= {t.i for t in tok.head.subtree} - {t.i for t in tok.subtree}
        return frozenset(region)

    def _refusals(self, nodes: list[_Node]) -> None:
        """ "will not meet", "won't accept refugees": cooperation refused in so many words is a 12x
        rejection (CAMEO's refuse codes). Any other negated event stays negated and is dropped."""
        cls = self.lexicon.classes.get(REFUSAL_CLASS)
        if cls is None:
            return
        for node in nodes:
            if not node.negated or node.code[:2] not in INTENT_ROOTS or not will_not(node.match.anchor):
                continue
            found, repl = cls.lookup(node.code)
            if found and repl is not None:
                node.note = f"negated future: {node.code} -> {repl} ({cls.name})"
                node.code, node.negated, node.modality, node.recoded = repl, False, cls.modality, True

    def _embed(self, nodes: list[_Node], attr: Attributor) -> None:
        classes = self.lexicon.classes
        for node in sorted(nodes, key=lambda n: -n.depth):
            if node.pattern.embeds is None or node.negated:
                continue
            cls = classes[node.pattern.embeds]
            node.cls = cls
            node.region = self._region(node.match, cls)
            inside = [n for n in nodes if n is not node and not n.consumed and n.token.i in node.region]
            if cls.name == "speech":
                speaker, codes = self._speaker(node, attr)
                for n in inside:
                    if n.reported_by is None:
                        n.reported_by, n.reporter_codes = speaker, codes
            elif cls.name in OTHERS_ACT and self._asks_other(node):
                cls = classes[APPEAL_CLASS]  # "X wants Y to pay": not X's intent but an appeal to Y
                node.cls = cls
            # only what is coded in its own right can be embedded ("agreed that ... requires ..." is not)
            live = [n for n in inside if not n.negated and (n.pattern.standalone or n.mapped)]
            if not live:  # nothing (or only negated events: "said it did not attack") under it
                continue
            emb = min(live, key=lambda n: (n.depth, n.token.i))
            node.embedded = emb
            found, repl = cls.lookup(emb.code)
            if cls.name == "speech":  # "X said Sudan must return ...": a demand; "should": an appeal
                kind = deontic(emb.match.anchor)
                if kind in classes:
                    f2, r2 = classes[kind].lookup(emb.code)
                    if f2 and r2 is not None:
                        cls, found, repl = classes[kind], f2, r2
                        node.cls = cls
            table_note = f"{node.pattern.lemma!r} over {emb.pattern.lemma!r} ({emb.code})"
            if found and repl is not None:
                node.code, node.mapped, node.modality = repl, True, cls.modality
                emb.consumed = True
                node.note = f"{table_note} -> {repl} ({cls.name})"
            elif found or cls.unmapped == "base":
                emb.consumed = True
                node.embedded = None if found else emb
                node.note = f"{table_note} is not coded under {cls.name!r}"
            elif cls.unmapped == "drop":
                emb.consumed = True
                node.silent = True
            else:  # keep the embedded event
                if cls.modality != "asserted":
                    emb.modality = emb.modality or cls.modality
                    emb.note = emb.note or f"under {node.pattern.lemma!r} ({cls.name})"
                node.deferred = not cls.emit_base

    def _speaker(self, node: _Node, attr: Attributor) -> tuple[str | None, frozenset[str]]:
        subj, _ = attr.subject(node.token)
        if subj is None:
            return None, frozenset()
        found, _ = attr.mentions_at(subj)
        if found and found[0].actors:
            return " and ".join(a.name for a in found[0].actors), frozenset(a.code for a in found[0].actors)
        return " ".join(t.text for t in subj.subtree), frozenset()

    @staticmethod
    def _asks_other(node: _Node) -> bool:
        """An infinitive with a subject of its own under a wish verb: "wants Germany to pay",
        "would like Iran to join" (the wisher asks someone else to act)."""
        tok = node.token
        if node.pattern.pos != "verb":
            return False
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
                kids = list(c.children)
                if any(k.dep_ == "aux" and k.lower_ == "to" for k in kids) and any(
                    k.dep_ == "nsubj" and k.i < c.i for k in kids
                ):
                    return True
        return False

    # --- emission ----------------------------------------------------------------------

    def _emit(self, node: _Node, attr: Attributor, sentence_index: int, year: int | None) -> list[EventCandidate]:
        m, pat = node.match, node.pattern
        emb = node.embedded
        source = attr.resolve(m, pat.source)
        if source is None and node.mapped and emb is not None and node.code.startswith("03"):
            # an intent belongs to whoever would act: "the situation requires that X and Y cooperate"
            source = attr.resolve(emb.match, emb.pattern.source)
        exclude = source.mentions if source else ()
        code = node.code
        if emb is not None and node.cls is not None:
            target = self._embedded_target(node, attr, exclude)
        else:
            target = attr.resolve(m, pat.target, exclude=exclude)
        if node.cls is not None and node.cls.name == "speech" and emb is None:
            code = self._statement_code(node)
        if target is None and code.startswith("01") and node.region:
            target = self._statement_target(node, attr, source)
        if target is None and not code.startswith("01"):
            # look further for a target even where the code may go without one ("threatened to
            # crush X"): an event with its target is worth more than one without
            also = [emb.match] if emb is not None else []
            target = attr.fallback_target(m, exclude=exclude, also=also)
        reciprocal = pat.reciprocal or (node.mapped and emb is not None and emb.pattern.reciprocal)
        if code[:2] in ONE_SIDED_ROOTS:  # refusing, asking, demanding, threatening: one side's act
            reciprocal = False
        modality = self._modality(node, year)
        node.attributed = source is not None or target is not None
        if modality == "future" and not node.mapped and code[:2] in COOPERATIVE_ROOTS:
            code = self._future_intent(node, code)
        elif modality == "future" and not node.mapped and code[:2] in HARM_ROOTS and self._own_word(node, source):
            code = self._future_threat(node, code)
        reported_by = node.reported_by or self._according_to(m, attr)
        conf = self._confidence(node, source, target, modality, reported_by)
        trig = m.trigger_tokens
        if node.mapped and node.embedded is not None:
            trig = sorted({*trig, *node.embedded.match.trigger_tokens}, key=lambda t: t.i)
        reason = self._reason(node, source, target, modality)
        out: list[EventCandidate] = []
        for (s_m, s_a), (t_m, t_a) in self._dyads(source, target, reciprocal):
            if self.require_dyad and (s_a is None or (t_a is None and needs_target(code))):
                continue
            spans = [t.idx for t in trig] + [t.idx + len(t) for t in trig]
            for men in (s_m, t_m):
                if men is not None:
                    doc = m.token.doc
                    spans += [doc[men.tok_start].idx, doc[men.tok_end - 1].idx + len(doc[men.tok_end - 1])]
            out.append(
                EventCandidate(
                    sentence_index=sentence_index,
                    cameo_code=code,
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
                    reason=reason,
                    start=min(spans),
                    end=max(spans),
                )
            )
        return out

    def _embedded_target(self, node: _Node, attr: Attributor, exclude: Sequence[Mention]) -> Argument | None:
        emb = node.embedded
        assert emb is not None and node.cls is not None
        for where in node.cls.target_from:
            if where == "own":
                arg = attr.resolve(node.match, node.pattern.target, exclude=exclude)
            elif where == "embedded":
                arg = attr.resolve(emb.match, emb.pattern.target, exclude=exclude)
            else:
                arg = attr.resolve(emb.match, emb.pattern.source, exclude=exclude)
            if arg is not None:
                return arg
        return None

    def _future_intent(self, node: _Node, code: str) -> str:
        """Cooperation told in the future tense is an expression of intent (CAMEO 03x)."""
        cls = self.lexicon.classes.get(self.lexicon.future_class or "")
        if cls is None:
            return code
        found, repl = cls.lookup(code)
        if found and repl is not None:
            node.note = f"future tense: {code} -> {repl} ({cls.name})"
            return repl
        return code

    def _future_threat(self, node: _Node, code: str) -> str:
        """Harm its author announces for the future is a threat (CAMEO 13x)."""
        cls = self.lexicon.classes.get(self.lexicon.future_conflict_class or "")
        if cls is None:
            return code
        found, repl = cls.lookup(code)
        if found and repl is not None:
            node.note = f"announced future harm: {code} -> {repl} ({cls.name})"
            return repl
        return code

    @staticmethod
    def _own_word(node: _Node, source: Argument | None) -> bool:
        """The future act is told by its own author (or by nobody named): "X said it will ..."."""
        if node.reported_by is None:
            return True
        if source is None or not node.reporter_codes:
            return False
        return any(_related(a.code, c) for m in source.mentions for a in m.actors for c in node.reporter_codes)

    def _statement_target(self, node: _Node, attr: Attributor, source: Argument | None) -> Argument | None:
        """A statement's target: the first actor in what was said who is not the speaker."""
        src_codes = {a.code for m in (source.mentions if source else ()) for a in m.actors}
        doc = node.token.doc
        for i in sorted(node.region):
            men = attr.mention_of(doc[i])
            if men is None or (source and any(men is x for x in source.mentions)):
                continue
            others = tuple(a for a in men.actors if not any(_related(a.code, c) for c in src_codes))
            if others:  # "Tehran-Moscow relations" said by a Russian: Iran
                return Argument([replace(men, actors=others) if others != men.actors else men], "statement content", False)
        return None

    def _statement_code(self, node: _Node) -> str:
        """010, or 012/013 when what was said carries a pessimistic/optimistic cue word."""
        doc = node.token.doc
        lemmas = {doc[i].lemma_.lower() for i in node.region}
        pess = bool(lemmas & self.lexicon.pessimism)
        opt = bool(lemmas & self.lexicon.optimism)
        if pess != opt:
            node.note = "pessimistic cue word in what was said" if pess else "optimistic cue word in what was said"
            return "012" if pess else "013"
        return node.code

    def _modality(self, node: _Node, year: int | None) -> str:
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

    @staticmethod
    def _according_to(m: Match, attr: Attributor) -> str | None:
        tok = m.anchor
        for t in (tok, tok.sent.root):
            for p in preps(t, "according"):
                for to in preps(p, "to"):
                    for o in prep_objects(to):
                        found, _ = attr.mentions_at(o)
                        if found:
                            return " and ".join(a.name for a in found[0].actors)
                        return " ".join(w.text for w in o.subtree)
        return None

    @staticmethod
    def _confidence(
        node: _Node, source: Argument | None, target: Argument | None, modality: str, reported_by: str | None
    ) -> float:
        pat = node.pattern
        c = 0.42 + 0.07 * min(pat.specificity, 3)
        if source is not None:
            c += 0.2 if source.direct else 0.1
        if target is not None:
            c += 0.15 if target.direct else 0.07
        if node.mapped or node.recoded:
            c += 0.04
        if modality != "asserted":
            c -= 0.1
        if reported_by:
            c -= 0.04
        if node.cls is not None and node.cls.name == "speech" and node.embedded is None and not node.mapped:
            c -= 0.15  # the bare saying ranks below any substantive event in the sentence
        if pat.pos == "noun" and not (node.match.host is not None and node.match.host_kind == "object"):
            c -= 0.05
        if pat.pos == "adj":
            c -= 0.05
        anchor = node.match.anchor
        if anchor.dep_ == "ROOT" or (anchor.dep_ == "conj" and anchor.head.dep_ == "ROOT"):
            c += 0.05  # the main clause's event, not one mentioned inside another
        elif node.nested:
            c -= 0.05  # an event named inside another event's arguments ("condemned the attack")
        return round(max(0.05, min(0.98, c)), 3)

    @staticmethod
    def _reason(node: _Node, source: Argument | None, target: Argument | None, modality: str) -> str:
        pat = node.pattern
        bits = [f"{pat.pos} {pat.lemma!r}"] + [f"{role} {word!r}" for role, word in node.match.roles]
        text = " + ".join(bits) + f" -> {pat.code} [{pat.id}]"
        if node.note:
            text += f"; {node.note}"
        text += f"; source from {source.slot}" + ("" if source.direct else " (indirect)") if source else "; no source"
        text += f"; target from {target.slot}" + ("" if target.direct else " (indirect)") if target else "; no target"
        if pat.reciprocal:
            text += "; reciprocal"
        if modality != "asserted":
            text += f"; modality {modality}"
        return text

    @staticmethod
    def _dyads(source: Argument | None, target: Argument | None, reciprocal: bool):  # noqa: ANN205
        def members(arg: Argument | None) -> list[tuple[Mention | None, Actor | None]]:
            if arg is None:
                return []
            return [(m, a) for m in arg.mentions for a in m.actors]

        src, tgt = members(source), members(target)
        pairs: list[tuple[tuple[Mention | None, Actor | None], tuple[Mention | None, Actor | None]]] = []
        none = (None, None)
        if src and tgt:
            pairs = [(s, t) for s in src for t in tgt]
            if reciprocal:
                pairs += [(t, s) for s in src for t in tgt]
        elif src:
            pairs = list(permutations(src, 2)) if reciprocal and len(src) > 1 else [(s, none) for s in src]
        elif tgt:
            pairs = [(none, t) for t in tgt]
        else:
            pairs = [(none, none)]
        seen: set[tuple[str | None, str | None]] = set()
        out = []
        for s, t in pairs:
            if s[1] is not None and t[1] is not None and _same_actor(s[1], t[1]):
                continue
            key = (s[1].code if s[1] else None, t[1].code if t[1] else None)
            if key not in seen:
                seen.add(key)
                out.append((s, t))
        return out

    @staticmethod
    def _discipline(events: list[EventCandidate]) -> list[EventCandidate]:
        best: dict[tuple[str | None, str | None, str], EventCandidate] = {}
        for ev in events:
            key = (ev.source.code if ev.source else None, ev.target.code if ev.target else None, ev.cameo_code)
            if key not in best or ev.confidence > best[key].confidence:
                best[key] = ev
        kept = list(best.values())
        busy = {ev.source.code for ev in kept if ev.source and ev.cameo_code != STATEMENT}
        kept = [ev for ev in kept if not (ev.cameo_code == STATEMENT and ev.source and ev.source.code in busy)]
        return sorted(kept, key=lambda e: (e.trigger_start, e.cameo_code))


def _same_actor(a: Actor, b: Actor) -> bool:
    """One actor on both sides: same code (for codes with an unknown country, same name too)."""
    if a.code != b.code:
        return False
    return not a.code.startswith("-") or a.name == b.name


def _related(a: str, b: str) -> bool:
    """Same actor family: "IRN" and "IRNGOVMIL"."""
    return a.startswith(b) or b.startswith(a)
