"""The line grammar shared by PETRARCH actor and agent files: comments, continuation lines,
bracketed codes with date restrictions, and phrases (see petrarch.py for the format).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from heron.actors.knowledge import REGION_CODES, LayerBuilder, split_code
from heron.errors import DictionaryError, file_lines

#: Three-letter codes that are not states: PETRARCH reads any other bare three-letter primary code
#: as a country, so a dictionary's own states (PETR.Validate's "[GON]" Gondor) combine with agents.
_NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "UNO", "INT", "NON", "ISM", "ITP"})



# ---------------------------------------------------------------------------------------------
# Lines and comments


class _Problems:
    def __init__(self, fname: str, strict: bool, builder: LayerBuilder) -> None:
        self.fname, self.strict, self.b = fname, strict, builder

    def error(self, lineno: int, msg: str) -> DictionaryError:
        return DictionaryError(f"{self.fname}:{lineno}: {msg}")

    def warn(self, lineno: int, msg: str) -> None:
        if self.strict:
            raise self.error(lineno, msg + " (strict mode)")
        self.b.warn(f"{self.fname}:{lineno}: {msg}")


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _lines(text: str):
    """(lineno, content) with comments removed and blank lines skipped.

    '#' starts a comment; a line starting with '<!' is a comment line; an inline
    ``<!-- ... -->`` is removed, and one left open runs to the line holding ``-->``.
    """
    in_block = False
    for lineno, line in enumerate(file_lines(text), 1):
        if in_block:
            end = line.find("-->")
            if end < 0:
                continue
            line = line[end + 3 :]
            in_block = False
        if line.lstrip().startswith("<!"):
            continue
        while "<!--" in line:
            pre, _, post = line.partition("<!--")
            end = post.find("-->")
            if end < 0:
                line, in_block = pre, True
                break
            line = pre + post[end + 3 :]
        if "#" in line:
            line = line[: line.index("#")]
        line = line.strip()
        if line:
            yield lineno, line


# ---------------------------------------------------------------------------------------------
# Actor files

_CODE_CHARS = re.compile(r"^[A-Za-z0-9~!+/\-]+$")
_RESTRICTION = re.compile(r"^(?:(?P<op>[<>])(?P<d1>\d+)|(?P<a>\d+)(?:-(?P<b>\d+))?)$")


def parse_petrarch_date(s: str) -> date:
    """'140608' -> 2014-06-08, '950601' -> 1995-06-01, '19950601' -> 1995-06-01.

    ValueError for other lengths or impossible dates."""
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return date(year, int(s[2:4]), int(s[4:6]))
    if len(s) == 8:
        return date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    raise ValueError(f"date {s!r} has {len(s)} digits (want YYMMDD or YYYYMMDD)")


def _parse_code(body: str, lineno: int, pr: _Problems):
    """'AFGGOV 011222-041207' -> (code, valid_from, valid_to) or None if dropped."""
    parts = body.split(None, 1)
    if not parts:
        raise pr.error(lineno, "empty code brackets []")
    code = parts[0]
    if not _CODE_CHARS.match(code):
        raise pr.error(lineno, f"bad characters in code {code!r}")
    code = code.upper()
    if len(parts) == 1:
        return code, None, None
    restr = re.sub(r"\s+", "", parts[1])
    m = _RESTRICTION.match(restr)
    if not m:
        raise pr.error(
            lineno, f"bad date restriction {parts[1]!r} in [{body}] (want <YYMMDD, >YYMMDD, YYMMDD-YYMMDD)"
        )
    try:
        if m.group("op") == "<":
            return code, None, parse_petrarch_date(m.group("d1")) - timedelta(days=1)
        if m.group("op") == ">":
            return code, parse_petrarch_date(m.group("d1")), None
        start = parse_petrarch_date(m.group("a"))
        if m.group("b") is None:  # bare date: read as a start date
            return code, start, None
        end = parse_petrarch_date(m.group("b")) - timedelta(days=1)
    except ValueError as e:
        pr.warn(lineno, f"{e} in [{body}]; code dropped")
        return None
    if end < start and m.group("a") == m.group("b"):  # "A-A": a single day
        end = start
    if end < start:
        pr.warn(lineno, f"range ends before it starts in [{body}]; code dropped")
        return None
    return code, start, end


def _codes_in(text: str, lineno: int, pr: _Problems) -> list:
    """All [..] groups in ``text`` (which must contain nothing else)."""
    out = []
    rest = text.strip()
    while rest:
        if not rest.startswith("["):
            if out:  # PETRARCH ignores what follows the codes (e.g. tab-separated notes)
                pr.warn(lineno, f"text after the codes ignored: {rest!r}")
                break
            raise pr.error(lineno, f"unexpected text {rest!r} (codes go in [brackets])")
        end = rest.find("]")
        alt = rest.find("}")
        if end < 0 or (0 <= alt < end):
            if alt < 0 or rest.find("[", 1) != -1 and rest.find("[", 1) < alt:
                raise pr.error(lineno, f"unclosed '[' in {rest!r}")
            pr.warn(lineno, f"code closed with '}}' instead of ']' in {rest!r}")
            end = alt
        code = _parse_code(rest[1:end].strip(), lineno, pr)
        if code is not None:
            out.append(code)
        rest = rest[end + 1 :].strip()
    return out


def _display_name(phrase: str) -> str:
    words = phrase.split()
    out = []
    for w in words:
        if w.isupper() or w.islower():
            w = "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))
            if w.lower() in {"al", "el", "of", "the", "and", "de", "bin", "ibn", "for", "in"} and out:
                w = w.lower()
        out.append(w)
    return " ".join(out)


def _phrase(raw: str) -> str:
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip()



def _split(code: str) -> tuple[str | None, tuple[str, ...]]:
    """:func:`split_code`, plus a dictionary's own states: a bare three-letter code that is no
    region and no known non-state prefix is a country code ("GON" -> country GON)."""
    if "/" in code:
        return None, ()  # a compound actor: see compound_codes
    country, sectors = split_code(code)
    bare = code.strip().upper()
    if (country is None and len(bare) == 3 and bare.isalpha() and bare not in REGION_CODES
            and bare not in _NON_STATE_CODES):
        return bare, ()
    return country, sectors


def compound_codes(code: str) -> tuple[tuple[str, str | None, tuple[str, ...]], ...]:
    """The actors a compound code names, as (code, country, sectors).

    PETRARCH writes a phrase that stands for several actors at once as codes joined by "/"
    ("THE_SHIRE [FRO/BIL/SAM]", "LORIEN [ELR/GAL]"): the phrase is each of them, and an event
    with it as source or target is coded once per actor, as for a coordinated "A and B". A plain
    code gives itself alone."""
    parts = [p.strip() for p in code.split("/") if p.strip()] or [code]
    return tuple((p, *_split(p)) for p in parts)



# heads that name bodies, not people (for the person flag of agents the builtin table lacks)
_BODY_WORDS = frozenset(
    """government parliament ministry ministries army police force forces court committee council
    party military judiciary department office agency movement media union organization
    organisation group company corporation firm bank navy coalition front association authority
    administration cabinet assembly congress senate commission bureau service services network
    station radio television newspaper press school university church mosque regime opposition
    faction militia junta embassy consulate legislature prison jail board institute federation
    alliance league body unit brigade battalion regiment command corps squad patrol cartel gang
    syndicate guard guards industry sector community population public clergy establishment
    leadership security intelligence secretariat directorate tribunal chamber house""".split()
)
