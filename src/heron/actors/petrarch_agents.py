"""Reading a PETRARCH ``*.agents.txt`` file into a knowledge layer: substitution sets, plurals,
and the code placement (``~LEG`` after the actor's code, ``NGO~`` before it); format: petrarch.py.
"""

from __future__ import annotations

import re

from heron.actors.builtin import load_builtin
from heron.actors.knowledge import _Layer, LayerBuilder, SectorEntry, clean_phrase, pluralize
from heron.actors.petrarch_lines import _BODY_WORDS, _Problems, _lines, _phrase

# ---------------------------------------------------------------------------------------------
# Agent files

_SUBST = re.compile(r"^(?P<name>![A-Za-z0-9_]+!)\s*=\s*(?P<items>.+)$")
_AGENT = re.compile(
    r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)(?P<close>[\]}])\s*$"
)
_AGENT_CODE = re.compile(r"^(?P<pre>~)?(?P<code>[A-Za-z0-9]+)(?P<post>~)?$")
_MARKER = re.compile(r"![A-Za-z0-9_]+!")



_PERSON_SUFFIXES = (
    "er", "or", "ist", "ian", "man", "men", "woman", "women", "person", "ant", "ee", "ees",
    "ers", "ors", "ists", "ians", "ants", "ent", "ents", "iff", "ess", "esses", "arian", "ary",
)
_NOT_PERSON = frozenset({"military", "judiciary", "ministry", "committee", "secretary-general"})


def _person_guess(singular: str, builtin_sectors) -> bool:
    """Whether an agent phrase names people: the builtin table first, then the head word
    ("minister of bridges" -> "minister"), then its suffix (-er, -ist, -man...)."""
    singular = singular.split(" of ")[0].strip()
    last = singular.split()[-1] if singular else ""
    if builtin_sectors is not None:
        hit = builtin_sectors(singular) or builtin_sectors(last)
        if hit is not None:
            return hit.person
    if last in _BODY_WORDS or last in _NOT_PERSON or last.endswith(("ment", "ments", "ity", "ion")):
        return False
    if last == "secretary-general":
        return True
    return last.endswith(_PERSON_SUFFIXES)


def parse_agents(text: str, fname: str, *, strict: bool = False) -> _Layer:
    """Parse the text of an agents file into a knowledge layer (see module docstring)."""
    b = LayerBuilder(f"petrarch:{fname}")
    pr = _Problems(fname, strict, b)
    subst: dict[str, list[str]] = {}
    try:
        builtin = load_builtin().sector
    except Exception:  # pragma: no cover - builtin tables always ship
        builtin = None
    for lineno, line in _lines(text):
        m = _SUBST.match(line)
        if m:
            items = [clean_phrase(x) for x in m.group("items").split(",") if x.strip()]
            subst[m.group("name").upper()] = items
            continue
        m = _AGENT.match(line)
        if not m and "[" not in line and "]" not in line and "{" not in line:
            pr.warn(lineno, f"agent {line!r} has no code; skipped")
            continue
        if not m:
            raise pr.error(lineno, f"cannot read agent line {line!r} (want PHRASE {{plural}} [~CODE])")
        if m.group("close") == "}":
            pr.warn(lineno, f"code closed with '}}' instead of ']' in {line!r}")
        cm = _AGENT_CODE.match(m.group("code").strip())
        if not cm or (cm.group("pre") and cm.group("post")):
            raise pr.error(lineno, f"bad agent code [{m.group('code')}] (want [~CODE] or [CODE~])")
        code = cm.group("code").upper()
        prefix = bool(cm.group("post")) and not cm.group("pre")
        chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
        if len(code) % 3:
            pr.warn(lineno, f"agent code {code!r} is not made of 3-letter sector codes")
            chunks = [code]
        sectors = tuple(chunks)
        raw = m.group("phrase")
        markers = _MARKER.findall(raw)
        prov = f"petrarch:{fname}:{lineno}"
        forms: list[tuple[str, str]] = []  # (form, singular role)
        if markers:
            variants = [raw]
            for mk in markers:
                vals = subst.get(mk.upper())
                if vals is None:
                    raise pr.error(lineno, f"unknown substitution marker {mk} (define it with {mk} = A, B)")
                variants = [v.replace(mk, val.upper(), 1) for v in variants for val in vals]
            for v in variants:
                ph = clean_phrase(_phrase(v))
                forms.append((ph, ph))
            # the role is the first (singular) member of the set
            role = forms[0][0] if forms else ""
            forms = [(f, role) for f, _ in forms]
        else:
            singular = clean_phrase(_phrase(raw))
            forms.append((singular, singular))
            plural = m.group("plural")
            if plural is None:
                pl = pluralize(singular)
                if pl:
                    forms.append((pl, singular))
            else:
                for pl in plural.split(","):
                    pl = clean_phrase(_phrase(pl))
                    if pl:
                        forms.append((pl, singular))
        for form, role in forms:
            if not form:
                continue
            person = False if prefix else _person_guess(role, builtin)
            b.add_sector(SectorEntry(form, sectors, role, person, prov, prefix))
    return b.build()
