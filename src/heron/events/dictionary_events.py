"""Events from a user's PETRARCH/TABARI verb dictionary (``--verbs``).

A verb the dictionary knows is coded by the dictionary, not by Heron's own lexicon: the user's
patterns decide the code (kept verbatim, so a dictionary with its own codes, such as PETRARCH's
validation suite, is scored on its own terms). Source: the token at the pattern's ``$``, else the
verb's subject; target: the token at ``+``, else the verb's object, else the first actor after the
verb in its clause. A code written ``X:Y`` (TABARI's paired codes) gives source->target X and
target->source Y; among the members of a compound subject with no target ("Gondor and Arnor
agreed"), each pair. A code with no letter or digit ("+++", "---") gives no event. Negated verbs
are not coded. When some verb of the sentence has a target, the target-less ones are dropped
("..., a senior official said"). The reason names the line and pattern.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from heron.events import ranking
from heron.events.attribution import Argument, Attributor
from heron.events.modality import is_negated
from heron.events.ontology_bridge import known_code, needs_target
from heron.records import EventCandidate, Mention


def dictionary_hits(dictionaries: Sequence, sent: Span) -> dict[int, object]:
    """Verb token id -> the hit of the last dictionary that codes it (later files win)."""
    hits: dict[int, object] = {}
    for d in dictionaries:
        for hit in d.match(sent):
            hits[hit.verb.i] = hit
    return hits


def dictionary_events(hits: dict[int, object], attr: Attributor, *, sentence_index: int,
                      require_dyad: bool) -> list[EventCandidate]:
    out: list[EventCandidate] = []
    for hit in hits.values():
        verb: Token = hit.verb
        if is_negated(verb):
            continue
        source, s_how = _argument(attr, hit.source, "$"), "pattern $"
        if source is None:
            subj, how = attr.subject(verb)
            source, s_how = _at(attr, subj, f"subject ({how})"), f"subject ({how})"
        exclude = source.mentions if source else ()
        target, t_how = _argument(attr, hit.target, "+", exclude), "pattern +"
        if target is None:
            target, t_how = _at(attr, attr.object(verb), "object", exclude), "object"
        if target is None:
            after = [m for m in attr.clause_mentions(verb, exclude=exclude) if m.tok_start > verb.i]
            target, t_how = (Argument(after[:1], "clause", False), "first actor after the verb") if after else (None, "")
        if not any(ch.isalnum() for ch in hit.code):
            continue
        forward, _, backward = hit.code.partition(":")
        reason = (f"verb {verb.lemma_!r} at line {hit.line} of the verb dictionary, pattern {hit.pattern!r} "
                  f"-> {hit.code}; source from {s_how if source else 'nothing'}; "
                  f"target from {t_how if target else 'nothing'}")
        pairs = ranking.dyads(source, target, bool(backward))
        for (s_m, s_a), (t_m, t_a) in pairs:
            # paired codes: the forward code one way, the backward code the other
            code = forward
            if backward and target is not None and any(s_m is x for x in target.mentions):
                code = backward
            wants_target = needs_target(code) if known_code(code) else True
            if require_dyad and (s_a is None or (t_a is None and wants_target)):
                continue
            out.append(EventCandidate(
                sentence_index=sentence_index, cameo_code=code, trigger=verb.text,
                trigger_start=verb.idx, trigger_end=verb.idx + len(verb), pattern_id=f"verbs:{hit.line}",
                source=s_a, target=t_a, source_text=s_m.text if s_m else "", target_text=t_m.text if t_m else "",
                confidence=0.8 if (s_a and t_a) else 0.5, negated=False, modality="asserted",
                reported_by=None, reason=reason, start=verb.idx, end=verb.idx + len(verb)))
    if any(e.target is not None for e in out):  # "..., a senior official said": the dyad is the news
        out = [e for e in out if e.target is not None]
    return out


def _argument(attr: Attributor, tok: Token | None, how: str,
              exclude: Sequence[Mention] = ()) -> Argument | None:
    return _at(attr, tok, f"pattern {how}", exclude) if tok is not None else None


def _at(attr: Attributor, tok: Token | None, slot: str, exclude: Sequence[Mention] = ()) -> Argument | None:
    if tok is None:
        return None
    found, direct = attr.mentions_at(tok)
    found = [m for m in found if all(m is not x for x in exclude)]
    return Argument(found, slot, direct) if found else None
