"""Restore capitals in text that arrives (almost) all lower case, or all in capitals, before parsing.

Text set in capitals ("SEVEN PEOPLE WERE KILLED IN AYACUCHO") is lower-cased letter by letter
first and then truecased the same way: the small model's tagger and NER read every capitalised
word as a name otherwise ("A CAR PARKED OUTSIDE": the Central African Republic).

Dictionary-driven and spaCy-free: sentence starts, the always-cased words of
``data/truecase/always_cased.txt`` (I, days, months, a few acronyms) and the phrases a caller
knows (actor tables, country names, gazetteer places) get their capitals back. Only the case of
letters changes and only where that keeps the length, so every character offset into the
returned text is an offset into the input (provenance stays valid).

The PyPI ``truecase`` package was considered and not used: unmaintained since 2021 and it needs
NLTK tokenizer data at run time.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from heron.errors import DictionaryError

log = logging.getLogger(__name__)

_WORD_RE = re.compile(r"[^\W\d_]+")
_SPACE_RE = re.compile(r"\s+")
# a sentence starts at the text's start, after . ! ? (and closing quotes/brackets) plus space, or
# after a blank line; opening quotes and brackets before the first letter are skipped
_START_RE = re.compile(r"(?:\A|[.!?][\"'\u2019\u201d)\]]*\s+|\n\s*\n)[\"'\u2018\u201c(\[]*(?=[^\W\d_])")
_NUMBER_NEAR = re.compile(r"\d")
# UTF-8 quotes and dashes read as cp1252 ("â€™", "â€œ", "Â"): separators, not letters of a word
_MOJIBAKE_RE = re.compile("\u00e2\u20ac.|\u00c2")
MAX_PHRASE_TOKENS = 6


@dataclass(frozen=True)
class CaseWords:
    """The word lists of ``data/truecase`` (see its README)."""

    always: dict[str, str] = field(default_factory=dict)  # lower -> cased form
    near_number: frozenset[str] = frozenset()  # lower forms cased only next to a number
    common: frozenset[str] = frozenset()  # never capitalised from the name tables


@dataclass(frozen=True)
class CaseLexicon:
    """Lower-cased, space-normalised phrase -> its cased form, plus the word lists."""

    phrases: dict[str, str]
    words: CaseWords
    max_tokens: int = MAX_PHRASE_TOKENS
    #: first word of a phrase -> the word counts of the phrases it starts, longest first: only
    #: those spans are looked up (instead of every span of up to ``max_tokens`` words)
    first: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.phrases and not self.first:
            counts: dict[str, set[int]] = {}
            for cased in self.phrases.values():
                toks = _WORD_RE.findall(cased)
                if toks:
                    counts.setdefault(toks[0].lower(), set()).add(len(toks))
            object.__setattr__(self, "first", {w: tuple(sorted(c, reverse=True)) for w, c in counts.items()})


def _data_lines(name: str) -> Iterable[tuple[int, str]]:
    text = resources.files("heron").joinpath("data", "truecase", name).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield n, line


@lru_cache(maxsize=1)
def load_case_words() -> CaseWords:
    """Read ``data/truecase/always_cased.txt`` and ``common_words.txt`` (cached)."""
    always: dict[str, str] = {}
    near: set[str] = set()
    for n, line in _data_lines("always_cased.txt"):
        word, _, flag = line.partition(" ")
        if flag and flag.strip() != "@number" or not _WORD_RE.fullmatch(word):
            raise DictionaryError(f"heron/data/truecase/always_cased.txt:{n}: {line!r} is not 'Word' or "
                                  "'Word @number'. Fix: one word (letters only), optionally followed by ' @number'.")
        always[word.lower()] = word
        if flag:
            near.add(word.lower())
    common = set()
    for n, line in _data_lines("common_words.txt"):
        if not line.islower() or " " in line:
            raise DictionaryError(f"heron/data/truecase/common_words.txt:{n}: {line!r} is not one lower-case "
                                  "word. Fix: write the word in lower case, one per line.")
        common.add(line)
    return CaseWords(always=always, near_number=frozenset(near), common=frozenset(common))


def _key(s: str) -> str:
    return _SPACE_RE.sub(" ", s.strip()).lower()


def build_lexicon(names: Iterable[str], *, words: CaseWords | None = None) -> CaseLexicon:
    """A lexicon of the cased ``names`` (actor phrases, place names, ...).

    Kept: names with at least one capital and at most ``MAX_PHRASE_TOKENS`` words; a one-word
    name that is a common word (``common_words.txt``) or shorter than 3 letters is dropped.
    The first spelling seen of a phrase wins.
    """
    words = words or load_case_words()
    phrases: dict[str, str] = {}
    for name in names:
        if not name or name.islower() or name.isupper() and len(name) <= 3 and len(name.split()) == 1:
            # lower-case names carry no case; 2-3 letter acronyms ("us", "is") collide with words
            continue
        tokens = _WORD_RE.findall(name)
        if not tokens or len(tokens) > MAX_PHRASE_TOKENS:
            continue
        if len(tokens) == 1 and (tokens[0].lower() in words.common or len(tokens[0]) < 3):
            continue
        if all(t.lower() in words.common for t in tokens):
            continue
        phrases.setdefault(_key(name), _SPACE_RE.sub(" ", name.strip()))
    return CaseLexicon(phrases=phrases, words=words)


def gazetteer_names(gazetteer, *, min_population: int = 100_000,
                    local: dict[str, int] | None = None) -> Iterator[str]:
    """Names of a :class:`heron.geo.Gazetteer`'s countries, divisions, regions, and places of at
    least ``min_population`` people (``local``: lower thresholds per ISO3 country; default India
    from 15,000, for South Asian police news)."""
    local = {"IND": 15_000} if local is None else local
    for e in gazetteer.entries():
        if e.feature != "city" or e.population >= local.get(e.country, min_population):
            yield e.name


def is_mostly_lower(text: str, *, max_capital_share: float = 0.12) -> bool:
    """True when at most ``max_capital_share`` of the words (3+ letters) that do not start a
    sentence start with a capital.

    Ordinary news copy has 20-40 % such capitalised words; a lower-cased feed with a cased
    header ("This story is from March 10, 2002") stays near 10 %. Texts with fewer than 4 such
    words count as lower only when they have no capital at all.
    """
    starts = {m.end() for m in _START_RE.finditer(text)}
    toks = [m.group() for m in _WORD_RE.finditer(text) if len(m.group()) >= 3 and m.start() not in starts]
    if not toks:
        return not any(c.isupper() for c in text) and any(c.isalpha() for c in text)
    capitals = sum(1 for t in toks if t[0].isupper())
    if len(toks) < 4:
        return capitals == 0
    return capitals / len(toks) <= max_capital_share


def is_mostly_upper(text: str, *, min_upper_share: float = 0.8, min_words: int = 4) -> bool:
    """True when the text is set in capitals (old wire copy, radio transcripts): at least
    ``min_upper_share`` of its words of 3+ letters are all upper case, and there are ``min_words``
    such words. A capitalised headline over a mixed-case body stays well below the share."""
    toks = [m.group() for m in _WORD_RE.finditer(text) if len(m.group()) >= 3]
    if len(toks) < min_words:
        return False
    return sum(1 for t in toks if t.isupper()) / len(toks) >= min_upper_share


def lower_same_length(text: str) -> str:
    """``text`` in lower case, letter by letter where that keeps the length ("İ" stays), so
    offsets into the result are offsets into ``text``."""
    return "".join(lo if len(lo := c.lower()) == 1 else c for c in text)


def _recase(chars: list[str], start: int, cased: str) -> None:
    """Copy the case of ``cased`` onto ``chars[start:...]`` letter by letter, where lengths agree."""
    for k, c in enumerate(cased):
        i = start + k
        if i >= len(chars):
            return
        if c != chars[i] and c.lower() == chars[i].lower() and len(c) == 1:
            chars[i] = c


def _capitalise_at(chars: list[str], i: int) -> None:
    up = chars[i].upper()
    if len(up) == 1:
        chars[i] = up


def truecase(text: str, lexicon: CaseLexicon) -> str:
    """``text`` with capitals restored (same length; only letter case changes).

    Known phrases are matched longest first over word tokens; separators between the words must
    agree with the phrase's (spaces of any kind count as one). Apply it to text for which
    :func:`is_mostly_lower` holds: mixed-case text should be left as it is.
    """
    chars = list(text)
    text = _MOJIBAKE_RE.sub(lambda m: " " * len(m.group()), text)  # same length: offsets hold
    toks = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    words = lexicon.words
    i = 0
    while i < len(toks):
        matched = 0
        left = min(lexicon.max_tokens, len(toks) - i)
        for n in lexicon.first.get(text[toks[i][0]:toks[i][1]].lower(), ()):
            if n > left:
                continue
            start, end = toks[i][0], toks[i + n - 1][1]
            cased = lexicon.phrases.get(_key(text[start:end]))
            if cased is not None and len(cased) == end - start:
                _recase(chars, start, cased)
                matched = n
                break
        if matched:
            i += matched
            continue
        start, end = toks[i]
        low = text[start:end].lower()
        form = words.always.get(low)
        if form is not None and len(form) == end - start:
            if low not in words.near_number or _NUMBER_NEAR.search(text[max(0, start - 3):end + 3]):
                _recase(chars, start, form)
        i += 1
    for m in _START_RE.finditer(text):
        _capitalise_at(chars, m.end())
    return "".join(chars)
