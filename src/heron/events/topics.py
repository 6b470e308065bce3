"""Topics of talks: an act named in the "on"/"over"/"about" phrase of a consultation ("renewed
negotiations on a troop pullback", "talks over a ceasefire") is what is being discussed, not an
event that happened; it is not emitted on its own. The talks (04x) are the event."""

from __future__ import annotations

from heron.events.embedding import Node

#: roots whose "on"/"over" phrase names a topic: consult (04), mediate/negotiate rows live in 04 too
TOPIC_ROOTS = frozenset({"04"})
#: prepositions that introduce what talks are about
TOPIC_PREPS = frozenset({"on", "over", "about", "regarding", "concerning"})


def mark_topics(nodes: list[Node]) -> None:
    for node in nodes:
        if node.code[:2] not in TOPIC_ROOTS or node.negated or node.consumed:
            continue
        heads = {node.token.i}
        if node.match.host is not None:
            heads.add(node.match.host.i)  # "held talks on": the phrase may hang on the light verb
        inside = {t.i for h in heads for p in node.token.doc[h].children
                  if p.dep_ == "prep" and p.lower_ in TOPIC_PREPS for t in p.subtree}
        if not inside:
            continue
        for n in nodes:
            if n is not node and n.token.i in inside and n.embedded is None and n.code[:2] not in TOPIC_ROOTS:
                n.consumed = True
                n.note = n.note or f"topic of {node.pattern.lemma!r}: not an event of its own"
