"""Actors the tables do not list: organisations coded from their names, misspelt country names.

An organisation spaCy tags ORG ("the Awami League", "the Kosovo Liberation Army") is coded from
the head noun of its name (``data/actors/org_words.csv``): League -> PTY, Front -> OPP,
Brigades -> REB; a keyword in the name overrides ("Liberation" -> REB, "Labour" -> LAB) unless
the head is a party. Its country comes the usual way (a demonym or place in the name, the
sentence's place), so only the sector word is added here.

A place name spaCy tags GPE that no table knows and that is one typing slip (a dropped, added,
changed or swapped letter) from exactly one country name of six letters or more ("Ethopia") is
read as that country; an untagged proper noun needs seven letters (a person "Roland" is one slip
from Poland). Shorter names are left alone: Iran/Iraq, Mali/Bali are one slip apart.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from heron.actors.knowledge import ActorEntry, ActorKnowledge, SectorEntry

PROVENANCE = "builtin:org_words"
MIN_SLIP_LENGTH = 6


@dataclass(frozen=True)
class OrgWords:
    heads: dict[str, tuple[str, ...]]  # head noun -> sectors
    strong: frozenset[str]  # heads a keyword does not override ("party")
    keywords: dict[str, tuple[str, ...]]  # word anywhere in the name -> sectors


@lru_cache(maxsize=1)
def org_words() -> OrgWords:
    text = resources.files("heron.data").joinpath("actors/org_words.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    heads, keywords, strong = {}, {}, set()
    for row in rows:
        word, kind, sectors = row["word"].lower(), row["kind"], tuple(row["sectors"].split(";"))
        if kind == "keyword":
            keywords[word] = sectors
        else:
            heads[word] = sectors
            if kind == "strong":
                strong.add(word)
    return OrgWords(heads=heads, strong=frozenset(strong), keywords=keywords)


def org_sector(ent: Span, words: OrgWords | None = None) -> tuple[SectorEntry, bool] | None:
    """The sector entry an ORG entity's name gives its head, and whether a keyword chose it."""
    words = words or org_words()
    root = ent.root
    low = root.lower_
    sectors = words.heads.get(low)
    if sectors is None or not root.text[:1].isupper():
        return None
    by_keyword = False
    if low not in words.strong:
        found = next((words.keywords[t.lower_] for t in ent if t.lower_ in words.keywords), None)
        if found is not None:
            sectors, by_keyword = found, True
    return SectorEntry(phrase=low, sectors=sectors, role=low, person=False, provenance=PROVENANCE), by_keyword


def org_sectors(ents: Iterable[Span], *, taken: set[int],
                sector_tokens: set[int]) -> dict[int, tuple[SectorEntry | None, Span]]:
    """Head token -> (sector entry, name) for the ORG entities no actor table names. A head a
    sector phrase already covers ("Army", "Party") keeps that phrase's entry (None here) unless a
    keyword says otherwise ("Liberation Army")."""
    words = org_words()
    out: dict[int, tuple[SectorEntry | None, Span]] = {}
    for ent in ents:
        if ent.label_ != "ORG" or ent.root.i in taken:
            continue
        found = org_sector(ent, words)
        if found is None:
            continue
        name = ent[1:] if ent[0].dep_ == "det" else ent
        keep = ent.root.i in sector_tokens and not found[1]
        out[ent.root.i] = (None if keep else found[0], name)
    return out


def shadowed_institutions(ents: Iterable[Span], found: dict[tuple[int, int], list[ActorEntry]],
                          country_kinds: frozenset[str]) -> set[tuple[int, int]]:
    """Institution matches at the head of an ORG name that names another country: the "Congress"
    of "the Nigerian Labour Congress" is not the US Congress."""
    if not found:
        return set()
    out = set()
    # "Pakistan's Foreign Office": an institution another country possesses is that country's
    # body of the same kind (left to the sector word), not the listed country's
    owners: dict[int, set[str]] = {}  # token after a country name -> the countries ("North Korea", "Korea")
    for k, es in found.items():
        if es[0].kind in country_kinds and es[0].country:
            owners.setdefault(k[1], set()).add(es[0].country)
    doc = ents[0].doc if len(ents) else None
    for k, es in found.items():
        e = es[0]
        if doc is None or e.kind != "institution" or not e.country or k[0] < 2:
            continue
        if doc[k[0] - 1].text in ("'s", "\u2019s") and owners.get(k[0] - 1) and e.country not in owners[k[0] - 1]:
            out.add(k)
    for ent in ents:
        if ent.label_ != "ORG" or len(ent) < 2:
            continue
        inside = [(k, es) for k, es in found.items() if ent.start <= k[0] and k[1] <= ent.end]
        if len(inside) < 2:
            continue
        root = ent.root.i
        countries = {es[0].country for k, es in inside
                     if not k[0] <= root < k[1] and es[0].kind in country_kinds and es[0].country}
        for k, es in inside:
            e = es[0]
            if (k[0] <= root < k[1] and e.kind == "institution" and e.country and countries
                    and e.country not in countries):
                out.add(k)
    return out


class CountrySlips:
    """Country names one typing slip away, built on first use from a knowledge base."""

    def __init__(self, knowledge: ActorKnowledge) -> None:
        self.knowledge = knowledge
        self._names: dict[int, list[str]] | None = None

    def _by_length(self) -> dict[int, list[str]]:
        if self._names is None:
            names: dict[int, set[str]] = {}
            for e in self.knowledge.entries():
                if e.kind == "country" and len(e.name) >= MIN_SLIP_LENGTH and e.name.isalpha():
                    names.setdefault(len(e.name), set()).add(e.name.lower())
            self._names = {n: sorted(v) for n, v in names.items()}
        return self._names

    def match(self, text: str, *, min_length: int = MIN_SLIP_LENGTH) -> str | None:
        """The one country name ``text`` is a slip of, or None."""
        low = text.lower()
        if len(low) < max(min_length, MIN_SLIP_LENGTH) or not low.isalpha():
            return None
        by_length = self._by_length()
        if low in by_length.get(len(low), ()):
            return None  # a country's own name
        hits = {name for n in (len(low) - 1, len(low), len(low) + 1)
                for name in by_length.get(n, ()) if one_slip(low, name)}
        return hits.pop() if len(hits) == 1 else None


def one_slip(a: str, b: str) -> bool:
    """Are two different words one deletion, insertion, substitution or swap apart?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or (i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
                                      and a[i + 2:] == b[i + 2:])


def slipped_countries(doc: Doc, found: dict[tuple[int, int], list[ActorEntry]], slips: CountrySlips,
                      published: date | None) -> dict[tuple[int, int], list[ActorEntry]]:
    """One-token proper nouns no table matched that are a slip of one country name: "Ethopia".
    Untagged or ORG tokens need seven letters, GPE six; a token inside a longer entity is skipped."""
    matched = {i for s, e in found for i in range(s, e)}
    out = {}
    for tok in doc:
        if tok.i in matched or tok.pos_ != "PROPN" or not tok.is_title or len(tok) < MIN_SLIP_LENGTH:
            continue
        if tok.ent_type_ not in ("GPE", "ORG", "") or (tok.ent_iob_ == "B" and tok.i + 1 < len(doc)
                                                       and tok.nbor(1).ent_iob_ == "I"):
            continue
        name = slips.match(tok.text, min_length=6 if tok.ent_type_ == "GPE" else 7)
        entries = slips.knowledge.lookup(name, on=published) if name else None
        if entries:
            out[(tok.i, tok.i + 1)] = [e for e in entries if e.kind == "country"][:1] or entries
    return out
