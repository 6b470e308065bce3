"""Ranking and bookkeeping for coded events: confidence, the reason text, source x target dyads,
and the one-event-per-dyad discipline of a sentence."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import permutations

from spacy.tokens import Token

from heron.events.attribution import PARTY_SLOT, Argument, Attributor
from heron.events.calibration import calibrate
from heron.events.embedding import Node
from heron.events.lexicon import load_lexicon
from heron.events.matcher import Match, prep_objects, preps
from heron.records import Actor, Event, EventCandidate, Mention

STATEMENT = "010"


def according_objects(m: Match) -> Iterator[Token]:
    """What an "according to" phrase on the act's anchor, or on its sentence's root, names."""
    tok = m.anchor
    for t in (tok, tok.sent.root):
        for p in preps(t, "according"):
            for to in preps(p, "to"):
                yield from prep_objects(to)


def according_to(m: Match, attr: Attributor) -> str | None:
    for o in according_objects(m):
        found, _ = attr.mentions_at(o)
        if found:
            return " and ".join(a.name for a in found[0].actors)
        return " ".join(w.text for w in o.subtree)
    return None


def confidence(
    node: Node, source: Argument | None, target: Argument | None, modality: str, reported_by: str | None
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
    if node.cls is not None and node.cls.name == "speech" and node.embedded is None and not (node.mapped or node.recoded):
        c -= 0.15  # the bare saying ranks below any substantive event in the sentence
    if pat.pos == "noun" and not (node.match.host is not None and node.match.host_kind == "object"):
        c -= 0.05
    if pat.pos == "adj":
        c -= 0.05
    c += clause_rank(node)
    return calibrate(round(max(0.05, min(0.98, c)), 3))


PURPOSE_DEPS = frozenset({"advcl", "xcomp"})


def _purpose_clause_of(verb: Token) -> Token | None:
    """The verb of a "to" purpose clause under a sending verb, if any."""
    if verb.lemma_.lower() not in load_lexicon().sending_verbs:
        return None
    # "sent personnel to investigate": the small parser may hang the clause on the object (acl)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for c in [*verb.children, *(k for o in objects for k in o.children)]:
        deps = PURPOSE_DEPS if c.head.i == verb.i else {"acl"}
        if c.dep_ in deps and c.pos_ == "VERB" and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children):
            return c
    return None


def _sending_head(anchor: Token) -> Token | None:
    """The verb whose purpose clause ``anchor`` may be: its head, or the head of the object it hangs on."""
    if anchor.dep_ in PURPOSE_DEPS:
        return anchor.head
    if anchor.dep_ == "acl" and anchor.head.dep_ == "dobj":
        return anchor.head.head
    return None


#: clauses that hang off another clause: "..., whom authorities blame", "... unless they are met"
SUBORDINATE = frozenset({"advcl", "relcl", "acl"})
#: how far an event told in such a clause ranks below the main clause's ("will release the
#: peacekeepers they took", "will not lift the embargo until the army takes positions"): enough
#: that a main-clause act with weaker arguments still comes first
SUBORDINATE_PENALTY = 0.25


def clause_rank(node: Node) -> float:
    """Where the trigger sits: the main clause's verb outranks an event named in a subordinate
    clause or as a noun in a prepositional phrase of another event ("claimed responsibility for
    attacks", "negotiations on a pullback")."""
    anchor = node.match.anchor
    if anchor.dep_ == "ROOT" or (anchor.dep_ == "conj" and anchor.head.dep_ == "ROOT"):
        if _purpose_clause_of(anchor) is not None:
            return -0.25  # "sent personnel to investigate X": the sending only carries the purpose
        if not (node.nested and node.pattern.pos == "noun" and node.token.dep_ == "pobj"):
            return 0.05  # the main clause's event, not one mentioned inside another
        # "claimed responsibility for attacks": the noun hangs on the main verb, but that verb is
        # another event's trigger and the noun is what that event is about
    head = _sending_head(anchor)  # the sending verb must be the sentence's own ("is considering sending ... to help": no)
    main = head is not None and (head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT"))
    purpose = _purpose_clause_of(head) if main else None
    if purpose is not None and purpose.i == anchor.i:
        return 0.1  # the purpose of a light sending verb is the act the sentence reports
    bonus = 0.0
    if node.nested:
        bonus -= 0.05  # an event named inside another event's arguments ("condemned the attack")
        if node.pattern.pos == "noun" and node.token.dep_ == "pobj":
            bonus -= 0.1  # ... as the noun of a preposition: what the other event is about
    if any(t.dep_ in SUBORDINATE for t in (anchor, *anchor.ancestors) if t.pos_ in ("VERB", "AUX")):
        bonus -= SUBORDINATE_PENALTY
    return bonus


def reason(node: Node, source: Argument | None, target: Argument | None, modality: str) -> str:
    pat = node.pattern
    bits = [f"{pat.pos} {pat.lemma!r}"] + [f"{role} {word!r}" for role, word in node.match.roles]
    text = " + ".join(bits) + f" -> {pat.code} [{pat.id}]"
    if node.note:
        text += f"; {node.note}"
    text += f"; source from {source.slot}" + ("" if source.direct else " (indirect)") if source else "; no source"
    text += f"; target from {target.slot}" + ("" if target.direct else " (indirect)") if target else "; no target"
    emb = node.embedded if node.mapped else None
    if (emb.pattern if emb is not None else pat).reciprocal:
        text += "; reciprocal"
    if modality != "asserted":
        text += f"; modality {modality}"
    return text


def dyads(source: Argument | None, target: Argument | None, reciprocal: bool):  # noqa: ANN205
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
        if s[1] is not None and t[1] is not None and same_actor(s[1], t[1]):
            continue
        key = (s[1].code if s[1] else None, t[1].code if t[1] else None)
        if key not in seen:
            seen.add(key)
            out.append((s, t))
    return out


#: protest forms whose fourth digit says what the protest is for, as the demand codes 1041-1044 do
PROTEST_FORMS = frozenset({"141", "142", "143", "144", "145"})
#: what a protest is for, as its own demand (1041-1044; the release or return of people or
#: property, 1053, counts as rights) or as a protest that names it (1411-1414): the fourth digit
DEMAND_AIMS = {"1041": "1", "1042": "2", "1043": "3", "1044": "4", "1053": "3",
               "1411": "1", "1412": "2", "1413": "3", "1414": "4",
               "0241": "1", "0242": "2", "0243": "3", "0244": "4"}
#: demands and appeals that do not say what for: folded into the protest, which keeps its code
GENERIC_AIMS = frozenset({"020", "024", "100", "104"})
#: plain protest words after a protest form say it again: "began a hunger strike to protest ..."
PLAIN_PROTEST = frozenset({"140", "141"})


def fold_protest_aims(events: list[EventCandidate]) -> list[EventCandidate]:
    """"X began a hunger strike to demand the president's resignation" is one event: the hunger
    strike for leadership change (1421), not a hunger strike plus a demand (CAMEO codes a protest by
    what it is for). A demand or appeal after the protest, by the same source, is folded into its
    code ("demonstrated calling for independence": 1414); one that does not say what for (104)
    is folded too, leaving the protest's code as it is."""
    protests = [e for e in events if e.cameo_code[:3] in PROTEST_FORMS and e.source is not None]
    if not protests:
        return events
    folded: set[int] = set()
    out: list[EventCandidate] = []
    for ev in events:
        if ev.cameo_code[:3] in PROTEST_FORMS and ev.source is not None:
            aim = next(
                (d for d in events if d is not ev and d.source is not None
                 and d.source.code == ev.source.code and d.trigger_start > ev.trigger_start
                 and (d.cameo_code in DEMAND_AIMS or d.cameo_code in GENERIC_AIMS or (d.cameo_code in PLAIN_PROTEST and ev.cameo_code != "141"))
                 and not (d.cameo_code.startswith("141") and ev.cameo_code[:3] == "141")),
                None,
            )
            if aim is not None:
                folded.add(id(aim))
                ev = replace(
                    ev,
                    # the demand says what for; else the protest keeps its own (cue-word) aim
                    cameo_code=(ev.cameo_code[:3] + DEMAND_AIMS[aim.cameo_code]) if aim.cameo_code in DEMAND_AIMS
                    else ev.cameo_code,
                    target=ev.target or aim.target,
                    target_text=ev.target_text or aim.target_text,
                    reason=f"{ev.reason}; for what '{aim.trigger}' asks ({aim.cameo_code})",
                )
        out.append(ev)
    return [e for e in out if id(e) not in folded]


def discipline(events: list[EventCandidate]) -> list[EventCandidate]:
    events = fold_protest_aims(events)
    best: dict[tuple[str | None, str | None, str], EventCandidate] = {}
    for ev in events:
        key = (ev.source.code if ev.source else None, ev.target.code if ev.target else None, ev.cameo_code)
        if key not in best or ev.confidence > best[key].confidence:
            best[key] = ev
    kept = list(best.values())
    # a meeting or visit named only in a temporal phrase ("told X after talks with Y") is the
    # statement's circumstance, not what the sentence reports instead of it: the statement stays
    busy = {ev.source.code for ev in kept if ev.source and ev.cameo_code != STATEMENT
            and f"source from {PARTY_SLOT}" not in ev.reason}
    kept = [ev for ev in kept if not (ev.cameo_code == STATEMENT and ev.source and ev.source.code in busy)]
    return sorted(kept, key=lambda e: (e.trigger_start, e.cameo_code))


def same_actor(a: Actor, b: Actor) -> bool:
    """One actor on both sides: same code (for codes with an unknown country, same name too)."""
    if a.code != b.code:
        return False
    return not a.code.startswith("-") or a.name == b.name


def related(a: str, b: str) -> bool:
    """Same actor family: "IRN" and "IRNGOVMIL"."""
    return a.startswith(b) or b.startswith(a)


# --- main events: PETRARCH-style output, one act per sentence -----------------------------------

#: what ``main_events`` keeps one of: each sentence, or each directed dyad of a sentence
MAIN_UNITS = ("sentence", "dyad")


def main_events(events: Sequence[Event], *, per: str = "sentence") -> list[Event]:
    """The main event of each sentence (``per="sentence"``) or of each directed source x target
    pair of a sentence (``per="dyad"``), for users who want one act where the coder reports every
    reading ("X said it met Y and urged ..." -> the meeting). The main event is the one with the
    highest confidence; a bare statement (010) is main only when nothing else was coded there.
    The other direction of a symmetric act (same code and trigger, source and target swapped) is
    kept with it, so "A and B signed a deal" stays A->B and B->A (per dyad, each direction is a
    unit of its own). Order is kept."""
    if per not in MAIN_UNITS:
        raise ValueError(f"unknown unit {per!r} for main events: use one of {', '.join(MAIN_UNITS)}")
    groups: dict[tuple, list[Event]] = {}
    for ev in events:
        key: tuple = (ev.article_id, ev.sentence_index)
        if per == "dyad":
            key += (ev.source_code, ev.target_code)
        groups.setdefault(key, []).append(ev)
    keep: set[int] = set()
    for group in groups.values():
        best = min(group, key=_main_rank)
        keep.add(id(best))
        for ev in events if per == "sentence" else ():  # a dyad's other direction is its own unit
            if _mirrors(ev, best):
                keep.add(id(ev))
    return [ev for ev in events if id(ev) in keep]


def _main_rank(ev: Event) -> tuple[bool, float, int, int]:
    """Sort key, best first: not a bare statement, more confident, a more precise code, earlier."""
    return (ev.cameo_code == STATEMENT, -ev.confidence, -len(ev.cameo_code), ev.start)


def _mirrors(ev: Event, best: Event) -> bool:
    """``ev`` is the other direction of the symmetric act ``best``."""
    return (ev is not best and ev.article_id == best.article_id and ev.sentence_index == best.sentence_index
            and ev.cameo_code == best.cameo_code and ev.trigger == best.trigger
            and best.source_code is not None and best.target_code is not None
            and (ev.source_code, ev.target_code) == (best.target_code, best.source_code))
