"""Build Heron's own actor knowledge from the CSV tables in ``heron/data/actors`` (see the
README there). :func:`load_builtin` (also in :mod:`heron.actors.dictionaries`) caches it."""

from __future__ import annotations

import functools
import re

from heron.actors.codes import _read_table, clean_phrase, norm_key, parse_date, pluralize
from heron.actors.knowledge import ActorKnowledge, LayerBuilder, SectorEntry
from heron.errors import DictionaryError


def _split_list(s: str) -> list[str]:
    return [p.strip() for p in re.split(r"[|;]", s) if p.strip()]


_NAME_KIND = {
    "name": "country",
    "short": "country",
    "demonym": "demonym",
    "demonym_plural": "demonym",
    "adjective": "demonym",
    "capital": "capital",
    "seat": "capital",
}


def _phrases_of(row: dict[str, str]) -> list[str]:
    """The name and aliases of a table row. A name ending in a "(qualifier)", such as
    "National Liberation Army (Colombia)", is a label only: it is not matched as a phrase."""
    out = [p for p in [row["name"], *_split_list(row.get("aliases", ""))] if not p.endswith(")")]
    return out


@functools.lru_cache(maxsize=1)
def load_builtin() -> ActorKnowledge:
    """Heron's own actor and sector tables (cached; read on first call)."""
    return build_builtin()


def build_builtin() -> ActorKnowledge:
    b = LayerBuilder("builtin")

    def bad(name: str, lineno: int, msg: str) -> DictionaryError:
        return DictionaryError(f"builtin:{name}:{lineno}: {msg}")

    # countries -------------------------------------------------------------------------------
    names: dict[str, tuple[str, str]] = {}  # iso3 -> (canonical name, cameo)
    for lineno, r in _read_table("countries.csv"):
        iso3, cameo, name = r["iso3"], r["cameo"] or r["iso3"], r["name"]
        names[iso3] = (name, cameo)
        b.add_country(cameo, name, country=iso3, sectors=(), provenance="builtin:countries.csv")
    for lineno, r in _read_table("country_names.csv"):
        iso3, phrase, kind = r["iso3"], r["phrase"], r["kind"]
        if iso3 not in names:
            raise bad("country_names.csv", lineno, f"unknown iso3 {iso3!r}")
        if kind not in _NAME_KIND:
            raise bad("country_names.csv", lineno, f"unknown kind {kind!r}")
        name, cameo = names[iso3]
        sectors = tuple(_split_list(r.get("sectors", "")))
        try:  # a phrase of another state before a date: "Juba" is Sudan's until 2011-07-08
            vf = parse_date(r.get("valid_from", ""))
            vt = parse_date(r.get("valid_to", ""), end=True)
        except ValueError as e:
            raise bad("country_names.csv", lineno, str(e)) from None
        b.add_actor(
            phrase,
            name=name,
            code=cameo + "".join(sectors),
            country=iso3,
            sectors=sectors,
            kind=_NAME_KIND[kind],
            valid_from=vf,
            valid_to=vt,
            provenance="builtin:country_names.csv",
        )

    # regions, IGOs, groups, institutions ------------------------------------------------------
    def table(fname: str, kind: str) -> None:
        for lineno, r in _read_table(fname):
            code = r["code"]
            if not code:
                raise bad(fname, lineno, "empty code")
            # a table without a country (NGOs) or sectors column: the builder reads them from the code
            country = (r["country"] or None) if "country" in r else ...
            sectors = tuple(_split_list(r["sectors"])) if "sectors" in r else None
            try:
                vf = parse_date(r.get("valid_from", ""))
                vt = parse_date(r.get("valid_to", ""), end=True)
            except ValueError as e:
                raise bad(fname, lineno, str(e)) from None
            for phrase in _phrases_of(r):
                b.add_actor(
                    phrase,
                    name=r["name"],
                    code=code,
                    country=country,
                    sectors=sectors,
                    kind=kind,
                    valid_from=vf,
                    valid_to=vt,
                    provenance=f"builtin:{fname}",
                    role=r.get("role") or None,
                )

    table("regions.csv", "region")
    table("igos.csv", "igo")
    table("groups.csv", "group")
    table("ngos.csv", "igo")  # acts like an international body: "Amnesty officials" are Amnesty
    table("institutions.csv", "institution")
    table("media.csv", "institution")  # news agencies and broadcasters: "Reuters", "IRNA", "Al Jazeera"

    # persons ---------------------------------------------------------------------------------
    for lineno, r in _read_table("persons.csv"):
        country = r["country"]
        sectors = tuple(_split_list(r["sectors"]))
        code = r.get("code") or (country + "".join(sectors))
        try:
            vf = parse_date(r["valid_from"])
            vt = parse_date(r["valid_to"], end=True)
        except ValueError as e:
            raise bad("persons.csv", lineno, str(e)) from None
        for phrase in _phrases_of(r):
            b.add_actor(
                phrase,
                name=r["name"],
                code=code,
                country=country or None,
                sectors=sectors,
                kind="person",
                valid_from=vf,
                valid_to=vt,
                provenance="builtin:persons.csv",
                role=r.get("role") or None,
            )

    # sectors ---------------------------------------------------------------------------------
    for lineno, r in _read_table("sectors.csv"):
        phrase = clean_phrase(r["phrase"])
        sectors = tuple(_split_list(r["sectors"]))
        if not phrase or not sectors:
            raise bad("sectors.csv", lineno, "phrase and sectors are required")
        person = r["person"].strip().lower() in {"1", "true", "yes", "y"}
        role = r.get("role") or phrase
        plural = r.get("plural", "")
        forms = [phrase]
        if plural and plural != "-":
            forms.append(clean_phrase(plural))
        elif not plural:
            forms.append(pluralize(phrase))
        for form in forms:
            if form and b._sectors.get(norm_key(form)) is None:
                b.add_sector(SectorEntry(form, sectors, role, person, "builtin:sectors.csv"))
    return ActorKnowledge([b.build()])
