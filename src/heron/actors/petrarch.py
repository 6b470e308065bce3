"""Read PETRARCH/TABARI actor (``*.actors.txt``) and agent (``*.agents.txt``) dictionaries.

Actor files (e.g. the Phoenix ``Phoenix.Countries.actors.txt``)::

    # comment; anything after '#' is ignored, and so are lines starting with '<!'
    AFGHANISTAN_  [AFG]          primary phrase, '_' = space (a trailing '_' is dropped)
    +AFGHAN_                      alias of the record above
    HAMID_KARZAI_  # note
        [AFGGOV 011222-041207]    code valid from 22 Dec 2001 up to (not including) 7 Dec 2004
        [AFGGOV >041207]          valid from 7 Dec 2004 on
        [AFGELI <011222]          valid before 22 Dec 2001
        [AFGELI]                  undated: the record's fallback when no dated code applies
    INDIAN_OCEAN [---]            null code: the phrase is known and is not an actor

Codes may also follow the phrase on its line, several to a line. Dates are ``YYMMDD`` (years
00-30 are 20YY, others 19YY, as in KEDS/TABARI/PETRARCH) or ``YYYYMMDD``; spaces inside the
brackets ("[X > 990816]", "[X 19950601 - 19990815]") are allowed. A bare date ("[X 20121204]")
is read as a start date. Ranges follow PETRARCH: start inclusive, end exclusive (so
``valid_to`` is the day before the written end).

Agent files (``Phoenix.agents.txt``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     substitution set
    CONGRESS!PERSON! [~LEG]                        one entry per member, no extra plural
    POLICE_OFFICER [~COP]                          regular plural made automatically
    THIEF {THIEVES} [~CRM]                         irregular plural
    POLICE {} [~COP]                               no plural
    AMERICAN_FRIENDS_SERVICE_COMMITTEE [NGO~]      code goes before the actor's code

In agent phrases a blank (as opposed to '_') lets PETRARCH skip words in between; Heron reads
both as a plain space (contiguous words).

Loading the whole Phoenix set takes a few seconds the first time; the compiled form is pickled
under ``$HERON_CACHE_DIR`` (default ``~/.cache/heron``), keyed by each file's size, mtime and
SHA-256 and by this reader's version, and later loads take a fraction of a second.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from heron.actors.knowledge import (
    REGION_CODES,
    ActorKnowledge,
    LayerBuilder,
    SectorEntry,
    _Layer,
    clean_phrase,
    load_builtin,
    pluralize,
    split_code,
)
from heron.errors import DictionaryError

log = logging.getLogger(__name__)

#: Bump when the compiled form or the parsing rules change: old cache files are then ignored.
READER_VERSION = "3"

#: Three-letter codes that are not states: PETRARCH reads any other bare three-letter primary code
#: as a country, so a dictionary's own states (PETR.Validate's "[GON]" Gondor) combine with agents.
_NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "UNO", "INT", "NON", "ISM", "ITP"})

__all__ = ["load_petrarch", "parse_actors", "parse_agents", "cache_dir", "parse_petrarch_date"]


def cache_dir() -> Path:
    """Where compiled dictionaries are kept: ``$HERON_CACHE_DIR`` or ``~/.cache/heron``."""
    env = os.environ.get("HERON_CACHE_DIR")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "heron"


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
    for lineno, line in enumerate(text.splitlines(), 1):
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


# ---------------------------------------------------------------------------------------------
# Agent files

_SUBST = re.compile(r"^(?P<name>![A-Za-z0-9_]+!)\s*=\s*(?P<items>.+)$")
_AGENT = re.compile(
    r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)(?P<close>[\]}])\s*$"
)
_AGENT_CODE = re.compile(r"^(?P<pre>~)?(?P<code>[A-Za-z0-9]+)(?P<post>~)?$")
_MARKER = re.compile(r"![A-Za-z0-9_]+!")

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


# ---------------------------------------------------------------------------------------------
# Loading with a compiled cache


def _cache_key(path: Path, data: bytes) -> str:
    st = path.stat()
    h = hashlib.sha256(data).hexdigest()
    raw = f"{READER_VERSION}|{path.name}|{st.st_size}|{st.st_mtime_ns}|{h}"
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def _compile(path: Path, text: str, strict: bool) -> _Layer:
    low = path.name.lower()
    if low.endswith(".actors.txt"):
        return parse_actors(text, path.name, strict=strict)
    if low.endswith(".agents.txt"):
        return parse_agents(text, path.name, strict=strict)
    raise DictionaryError(f"{path}: not a PETRARCH dictionary (*.actors.txt or *.agents.txt)")


def load_petrarch(path: str | Path, *, strict: bool = False, use_cache: bool = True) -> ActorKnowledge:
    """Load one PETRARCH actors/agents file, through the compiled cache when possible.

    Strict loads are never cached (they exist to find problems)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise DictionaryError(f"{p}: cannot read ({e.strerror})") from None
    t0 = time.perf_counter()
    cache_file: Path | None = None
    if use_cache and not strict:
        cache_file = cache_dir() / "dictionaries" / f"{p.name}.{_cache_key(p, data)}.pkl"
        try:
            with open(cache_file, "rb") as fh:
                layer = pickle.load(fh)
            if isinstance(layer, _Layer):
                log.debug("loaded %s from cache in %.3fs", p.name, time.perf_counter() - t0)
                return ActorKnowledge([layer])
        except FileNotFoundError:
            pass
        except Exception as e:  # a corrupt or foreign cache file: rebuild it
            log.warning("ignoring unreadable dictionary cache %s (%s)", cache_file, e)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    layer = _compile(p, text, strict)
    log.debug("compiled %s in %.3fs", p.name, time.perf_counter() - t0)
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache_file.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(layer, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache_file)
            for old in cache_file.parent.glob(f"{p.name}.*.pkl"):
                if old != cache_file:
                    old.unlink(missing_ok=True)
        except OSError as e:
            log.info("cannot write dictionary cache %s (%s); continuing without", cache_file, e)
    return ActorKnowledge([layer])


def load_phoenix(directory: str | Path, *, strict: bool = False) -> ActorKnowledge:
    """The Phoenix set in ``directory``: Countries, International and MilNonState actors plus
    the agents, merged in that order."""
    d = Path(directory)
    names = (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    )
    out = ActorKnowledge()
    for n in names:
        out = out.merged(load_petrarch(d / n, strict=strict))
    return out

