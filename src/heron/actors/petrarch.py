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

Modules: petrarch_lines.py (the shared line and code grammar), petrarch_actors.py and
petrarch_agents.py (one reader each); this one holds the compiled cache and the loaders.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
import time
from pathlib import Path

from heron.actors.knowledge import ActorKnowledge, _Layer
from heron.actors.petrarch_actors import parse_actors
from heron.actors.petrarch_agents import parse_agents
from heron.actors.petrarch_lines import compound_codes, parse_petrarch_date
from heron.errors import DictionaryError

log = logging.getLogger(__name__)

#: Bump when the compiled form or the parsing rules change: old cache files are then ignored.
READER_VERSION = "4"  # 4: norm_key folds ø ł ı ß (letter_folds.csv)



__all__ = [
    "load_petrarch",
    "load_phoenix",
    "parse_actors",
    "parse_agents",
    "cache_dir",
    "compound_codes",
    "parse_petrarch_date",
]


def cache_dir() -> Path:
    """Where compiled dictionaries are kept: ``$HERON_CACHE_DIR`` or ``~/.cache/heron``."""
    env = os.environ.get("HERON_CACHE_DIR")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "heron"



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
