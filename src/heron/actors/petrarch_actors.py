"""Reading a PETRARCH ``*.actors.txt`` file into a knowledge layer (format: petrarch.py)."""

from __future__ import annotations

import re

from heron.actors.knowledge import _Layer, LayerBuilder
from heron.actors.petrarch_lines import (
    _BODY_WORDS,
    _Problems,
    _codes_in,
    _display_name,
    _lines,
    _phrase,
    _split,
)

_PLACE_WORDS = frozenset(
    """city province region state island islands river sea ocean valley strip bank district
    county capital camp port airport border coast peninsula gulf mountains desert""".split()
)


def _looks_like_person(head: str) -> bool:
    words = head.lower().replace("-", " ").split()
    if not 2 <= len(words) <= 6 or any(not w.replace(".", "").replace("'", "").isalpha() for w in words):
        return False
    return not any(w in _BODY_WORDS or w in _PLACE_WORDS or w.rstrip("s") in _BODY_WORDS for w in words)


def _kind_for(code: str, head: str, country: str | None, sectors: tuple[str, ...], dated: bool,
              is_state: bool) -> str:
    """Best guess of an entry's kind; the files do not say. A record with a bare country code
    among its codes is a state ("country"); one with dated codes or a personal-looking name is a
    "person"; other country-coded records are "actor" (bodies such as "IRANIAN ARMY");
    non-country codes give "igo" (IGO...) or "group"; ``---`` gives "null"."""
    if code.strip("-") == "":
        return "null"
    if is_state:
        return "country"
    if code.startswith("IGO"):
        return "person" if dated and _looks_like_person(head) else "igo"
    person = _looks_like_person(head)
    if country is None:
        return "person" if dated and person else "group"
    return "person" if person or (dated and sectors) else "actor"



def parse_actors(text: str, fname: str, *, strict: bool = False) -> _Layer:
    """Parse the text of an actors file into a knowledge layer (see module docstring)."""
    b = LayerBuilder(f"petrarch:{fname}")
    pr = _Problems(fname, strict, b)
    # current record
    head_line = 0
    head: str | None = None
    aliases: list[str] = []
    codes: list = []
    # phrases of records without codes, waiting for the next record's codes: TABARI-era files
    # list several names, one per line, over one set of codes (IVO_JOSIPOVIC_ /
    # PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ / [HRVGOV ...])
    pending: list[tuple[int, str, list[str]]] = []

    def flush(final: bool = False) -> None:
        nonlocal head, head_line, aliases
        if head is None:
            return
        if not codes:
            if final:
                for ln, h, _ in [*pending, (head_line, head, aliases)]:
                    pr.warn(ln, f"record {h!r} has no code; skipped")
            else:
                pending.append((head_line, head, aliases))
            return
        if pending:
            head_line, first = pending[0][0], pending[0][1]
            extra = [p for _, h, al in pending for p in (h, *al)]
            aliases = [*extra[1:], head, *aliases]
            head = first
            pending.clear()
        name = _display_name(head)
        prov = f"petrarch:{fname}:{head_line}"
        dated = any(c[1] or c[2] for c in codes)
        split = [_split(c[0]) for c in codes]
        is_state = any(cty and not secs for cty, secs in split)
        for (code, vf, vt), (country, sectors) in zip(codes, split):
            kind = _kind_for(code, head, country, sectors, dated, is_state)
            for phrase in (head, *aliases):
                b.add_actor(
                    phrase,
                    name=name,
                    code=code,
                    country=country,
                    sectors=sectors,
                    kind=kind,
                    valid_from=vf,
                    valid_to=vt,
                    provenance=prov,
                )

    for lineno, line in _lines(text):
        if line.startswith("["):
            if head is None:
                raise pr.error(lineno, "code line before any actor phrase")
            codes.extend(_codes_in(line, lineno, pr))
        elif line.startswith("+"):
            if head is None:
                raise pr.error(lineno, "alias (+) before any actor phrase")
            body, _, tail = line.partition("[")
            # several aliases may share a line: "+TAIOAN_ +TAWIAN_"
            for part in re.split(r"\s\+", body[1:]):
                p = _phrase(part.lstrip("+"))
                if p:
                    aliases.append(p)
            if tail:
                codes.extend(_codes_in("[" + tail, lineno, pr))
        else:
            flush()
            body, _, tail = line.partition("[")
            head, head_line, aliases, codes = _phrase(body), lineno, [], []
            if not head:
                raise pr.error(lineno, f"no actor phrase before the code in {line!r}")
            if tail:
                codes.extend(_codes_in("[" + tail, lineno, pr))
    flush(final=True)
    return b.build()
