"""Acronyms an article defines: "the National Union for the Total Independence of Angola (UNITA)".

News defines an organisation's acronym once, in parentheses after its full name, and then uses the
acronym alone. The tables cannot list every acronym, but the full name is usually coded (from the
tables or from its head noun, :mod:`heron.actors.unlisted`), so a later bare "UNITA" is coded like
the mention that defined it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from heron.records import Mention

# "(UNITA)", "(MDC)", "( SPLM/A )": capitals with at most a few lower-case letters or joiners
_DEFINITION = re.compile(r"\s*\(\s*([A-Z][A-Za-z&/.-]{1,11})\s*\)")
_INSIDE = re.compile(r"\(\s*([A-Z][A-Za-z&/.-]{1,11})\s*\)?\s*$")


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2)


def defined_acronyms(doc: Doc, mentions: list[Mention], sent_of: dict[int, int]) -> list[Mention]:
    """``mentions`` (document order) plus a mention for each later bare use of an acronym that a
    one-actor mention defined in parentheses; the new ones point back to the definition."""
    text = doc.text
    defs: dict[str, Mention] = {}
    for m in mentions:
        if len(m.actors) != 1:
            continue
        found = _DEFINITION.match(text, m.end) or _INSIDE.search(m.text)
        if found and _acronym(found.group(1)) and found.group(1) not in defs:
            defs[found.group(1)] = m
    if not defs:
        return mentions
    covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    extra: list[Mention] = []
    for t in doc:
        m = defs.get(t.text)
        if m is None or t.i in covered or t.idx < m.end or (t.i > 0 and doc[t.i - 1].text == "("):
            continue
        extra.append(Mention.over(doc[t.i:t.i + 1], m.actors[:1], sentence_index=sent_of[t.i],
                                  resolved_by="coref:acronym"))
    if not extra:
        return mentions
    out = sorted([*mentions, *extra], key=lambda x: (x.start, x.end))
    index = {id(m): i for i, m in enumerate(out)}
    for i, m in enumerate(out):
        if m.resolved_by == "coref:acronym" and m.antecedent is None:
            m.antecedent = index[id(defs[m.text])]
    return out
