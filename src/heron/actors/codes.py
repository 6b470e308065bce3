"""CAMEO codes, phrase normalisation and the small text helpers every actor loader shares.

Split out of :mod:`heron.actors.knowledge` (which re-exports these names). Nothing is read at
import: the country-code set and Heron's tables are read on first use.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from datetime import date
from importlib import resources

from heron.errors import DictionaryError

# ---------------------------------------------------------------------------------------------
# Codes

#: CAMEO country codes that are not ISO 3166-1 alpha-3 (current or historical states).
CAMEO_EXTRA_COUNTRIES = frozenset(
    {"KSV", "XKX", "TMP", "DDR", "USR", "SUN", "YUG", "SCG", "CSK", "FRY", "SRP", "ZAR", "ROM"}
)
#: CAMEO/Phoenix regional codes: not a country, so ``country`` stays None.
REGION_CODES = frozenset(
    {
        "AFR", "ASA", "BLK", "BAL", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
        "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST", "NAM",
    }
)


@functools.lru_cache(maxsize=1)
def _iso3_codes() -> frozenset[str]:
    try:
        import pycountry

        codes = {c.alpha_3 for c in pycountry.countries}
    except Exception:  # pragma: no cover - pycountry is a dependency; stay usable without it
        codes = set()
    codes.update(_builtin_country_codes())
    return frozenset(codes)


class _CountryCodes:
    """Lazy set-like view: ISO3 codes (pycountry + Heron's table) plus CAMEO extras."""

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and (code in CAMEO_EXTRA_COUNTRIES or code in _iso3_codes())


COUNTRY_CODES = _CountryCodes()


def split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    """Split a CAMEO actor code into (country, sectors).

    The country is the first three letters when they are an ISO3/CAMEO country code; the
    sectors are the following 3-letter chunks. Codes that start with something else (IGO, IMG,
    NGO, MNC, a region such as MEA) have no country, and all their chunks are returned as
    sectors: ``IMGMUSISI`` -> (None, ("IMG", "MUS", "ISI")). A tail that is not a multiple of
    three letters stays one chunk. The null code ``---`` gives (None, ()).
    """
    code = code.strip().upper()
    if not code or code.strip("-+") == "":
        return None, ()
    body = code
    country: str | None = None
    if len(code) >= 3 and code[:3] in COUNTRY_CODES:
        country, body = code[:3], code[3:]
    chunks = [body[i : i + 3] for i in range(0, len(body), 3)]
    if len(chunks) > 1 and len(chunks[-1]) < 3:
        tail = chunks.pop()
        chunks[-1] += tail
    return country, tuple(c for c in chunks if c)


# ---------------------------------------------------------------------------------------------
# Text normalisation

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "_": " ",
    }
)
_SPACE_AROUND = re.compile(r"\s*([-'/])\s*")
_SPACE_BEFORE_DOT = re.compile(r"\s+\.")
_WS = re.compile(r"\s+")


def clean_phrase(text: str) -> str:
    """The stored form of a phrase: lower-cased, quotes/dashes unified, single spaces."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip().lower()


@functools.lru_cache(maxsize=1)
def letter_folds() -> dict[int, str]:
    """Letters NFKD does not reduce to ASCII ("ø", "ł", "ı", "ß"), from data/actors/letter_folds.csv,
    as a ``str.translate`` table."""
    return {ord(r["letter"]): r["ascii"] for _, r in _read_table("letter_folds.csv") if len(r["letter"]) == 1}


def norm_key(text: str) -> str:
    """Lookup key: :func:`clean_phrase`, accents stripped, no spaces around ``- ' /`` or before
    a period ("Al - Qaeda" == "al-qaeda", "Côte d’Ivoire" == "cote d'ivoire", "U.S ." == "u.s.")."""
    s = clean_phrase(text)
    if not s.isascii():
        s = s.translate(letter_folds())
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = _SPACE_AROUND.sub(r"\1", s)
    s = _SPACE_BEFORE_DOT.sub(".", s)
    return s


_ABBREV = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]?\.?$")
_TITLE_ABBREV = frozenset(
    "st. mr. mrs. ms. dr. gen. col. lt. sgt. capt. gov. sen. rep. jr. sr. mt. ft. ave.".split()
)
#: abbreviated titles spaCy keeps as one token when capitalised ("Gov.", "Sen.")
TITLE_ABBREVIATIONS = _TITLE_ABBREV
_LEAD = "([{\"'"
_TRAIL = ")]}\"',;:!?."
_INFIX = re.compile(r"(?<=[^\W\d_])([-/\u2013\u2014])(?=[^\W\d_])")


@functools.lru_cache(maxsize=65536)
def tokenize(phrase: str) -> tuple[str, ...]:
    """Approximate spaCy's English tokenization of a phrase (no model needed).

    Abbreviations keep their periods ("U.S."), hyphens between letters are split off
    ("al", "-", "qaeda") but not between a letter and a digit ("g-20"), brackets, quotes and
    final punctuation are split off, a possessive "'s" is its own token. For matcher patterns
    prefer ``nlp.tokenizer``; this is for code that has no pipeline at hand. Note that spaCy
    itself splits a lower-case "u.s." into "u.s" and "."; this function does not.
    """
    out: list[str] = []
    for chunk in phrase.split():
        if _ABBREV.match(chunk) or chunk.lower() in _TITLE_ABBREV:
            out.append(chunk)
            continue
        lead: list[str] = []
        trail: list[str] = []
        while chunk and chunk[0] in _LEAD:
            lead.append(chunk[0])
            chunk = chunk[1:]
        while chunk and chunk[-1] in _TRAIL and not _ABBREV.match(chunk):
            trail.insert(0, chunk[-1])
            chunk = chunk[:-1]
        out.extend(lead)
        if chunk:
            poss = ""
            if chunk.lower().endswith(("'s", "\u2019s")) and len(chunk) > 2:
                chunk, poss = chunk[:-2], chunk[-2:]
            out.extend(p for p in _INFIX.split(chunk) if p)
            if poss:
                out.append(poss)
        out.extend(trail)
    return tuple(out)


#: Names that are also everyday English words (lower-cased). Phrases equal to one of these are
#: matched case-sensitively (see module docstring). Shared by every loader.
CASE_SENSITIVE_WORDS = frozenset(
    """
    us is it as at am an be by do go he if in me my no of on or so to up we
    and are can had has her him his its may not our out she the was way who will you let
    ai ap au car cis co pa pm raw sa se st un
    turkey guinea jersey polish pole poles china chile afghan panama bermuda
    trump bush brown rice young gates ford carter
    congress isis
    sana spa wafa
    gia jem ruf
    ice
    """.split()
)
# Acronyms equal to these words (US, IS, WHO, AU, UN, LeT) only match in capitals; so do
# country words that are also lower-case nouns (Turkey/turkey, China/china, Polish/polish)
# and surnames that are words (Trump, Bush, Rice). Names that are also first names (Chad,
# Jordan) are not here: capitals do not tell those apart.


def is_case_sensitive(phrase: str) -> bool:
    """Whether ``phrase`` must be matched with its capitals (it is also a common word)."""
    return clean_phrase(phrase) in CASE_SENSITIVE_WORDS



# ---------------------------------------------------------------------------------------------
# Heron's tables and dates

_DATA_PACKAGE = "heron.data.actors"
BUILTIN_FILES = (
    "countries.csv",
    "country_names.csv",
    "regions.csv",
    "igos.csv",
    "groups.csv",
    "ngos.csv",
    "institutions.csv",
    "media.csv",
    "persons.csv",
    "sectors.csv",
)


def _read_table(name: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of a built-in CSV with their 1-based line numbers; '#' lines are comments."""
    text = resources.files(_DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    rows: list[tuple[int, dict[str, str]]] = []
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    for rec in reader:
        lineno = reader.line_num
        if not rec or (rec[0].startswith("#")) or all(not c.strip() for c in rec):
            continue
        if header is None:
            header = [h.strip() for h in rec]
            continue
        if len(rec) > len(header):
            raise DictionaryError(
                f"builtin:{name}:{lineno}: {len(rec)} fields, header has {len(header)} "
                f"(quote fields that contain commas)"
            )
        rec = rec + [""] * (len(header) - len(rec))
        rows.append((lineno, {h: v.strip() for h, v in zip(header, rec)}))
    return rows


@functools.lru_cache(maxsize=1)
def _builtin_country_codes() -> frozenset[str]:
    try:
        rows = _read_table("countries.csv")
    except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover
        return frozenset()
    return frozenset({r["iso3"] for _, r in rows} | {r["cameo"] for _, r in rows})


def parse_date(text: str, *, end: bool = False) -> date | None:
    """'2015', '2015-10', '2015-10-22' -> date; a year or month gives its first day, or with
    ``end=True`` its last day. Empty -> None. ValueError on anything else."""
    s = str(text).strip()
    if not s:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", s)
    if not m:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {s!r}")
    y = int(m.group(1))
    if m.group(3):
        return date(y, int(m.group(2)), int(m.group(3)))
    if m.group(2):
        mo = int(m.group(2))
        if not end:
            return date(y, mo, 1)
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(y, 12, 31) if end else date(y, 1, 1)



# ---------------------------------------------------------------------------------------------
# Plurals (shared with the PETRARCH agents reader)

_NO_PLURAL_END = ("ese", "ss", "ics", "ry police", "police", "media", "people", "staff", "personnel")
_MAN_EXCEPTIONS = {"human", "german", "shaman", "ottoman", "talisman", "caiman", "roman"}


def pluralize(phrase: str) -> str:
    """Regular English plural of a phrase's last word ("defense minister" -> "defense
    ministers", "army" -> "armies", "congressman" -> "congressmen", "police" -> "")."""
    if not phrase:
        return ""
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low.endswith(("police", "media", "people", "personnel", "staff", "clergy", "military")):
        return ""
    if low.endswith("man") and low not in _MAN_EXCEPTIONS:
        new = last[:-3] + ("MEN" if last.isupper() else "men")
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        new = last[:-1] + ("IES" if last.isupper() else "ies")
    elif low.endswith(("s", "sh", "ch", "x", "z")):
        new = last + ("ES" if last.isupper() else "es")
    else:
        new = last + ("S" if last.isupper() else "s")
    return f"{head} {new}" if head else new
