"""CAMEO and PLOVER ontology tables: codes, names, scores, classes and the CAMEO->PLOVER crosswalk.

The facts live in versioned CSV files under ``heron/data/ontology`` (see the README there for what
each file holds and where its facts come from). Nothing is read at import time; the first call to
:func:`load_ontology` reads the files once and caches the result::

    from heron.ontology import load_ontology

    onto = load_ontology()
    onto.get("51").name          # "Praise or back"  ("51" is normalised to "051")
    onto.get("190").plover_type  # "ASSAULT"
    onto.root_name("1823")       # "Physical attacks"
    onto.penta_class("163")      # 3
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from heron.errors import OntologyError

__all__ = [
    "ONTOLOGY_VERSION",
    "CameoCode",
    "Ontology",
    "PloverType",
    "load_ontology",
]

#: Version of Heron's ontology tables; bump it whenever a data file changes. The same string is
#: in ``heron/data/ontology/VERSION``. "+cameo1.1b3.plover2.0d": built from CAMEO 1.1b3 and the
#: PLOVER 2.0 draft manual with the 2021-09-17 CAMEO->PLOVER table.
ONTOLOGY_VERSION = "1.0+cameo1.1b3.plover2.0d"

_FILES = ("cameo.csv", "cameo_plover.csv", "plover_types.csv", "plover_modes.csv", "plover_contexts.csv")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its classes and its PLOVER equivalent."""

    code: str  # "051", leading zeros kept; 2-digit roots are codes too ("05")
    name: str  # short name in Heron's words
    goldstein: float  # Goldstein conflict/cooperation score, -10..+10
    root: str  # 2-digit root ("05")
    level: int  # 2, 3 or 4 (number of digits)
    quad_class: int  # 1 verbal coop (01-05), 2 material coop (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)
    penta_class: int  # Phoenix/ConfliBERT: 0 statement/appeal (01-02), 1 verbal coop (03-05), 2 material coop (06-08), 3 verbal conflict (09-13, 16), 4 material conflict (14-15, 17-20)
    needs_target: bool  # whether an event of this code needs a target actor
    plover_type: str  # one of the 16 PLOVER event types ("ASSAULT")
    plover_mode: str  # PLOVER mode valid for that type, or ""
    plover_context: str  # PLOVER context(s), ";"-separated, or ""


@dataclass(frozen=True, slots=True)
class PloverType:
    """One of the 16 PLOVER event types."""

    name: str  # "ASSAULT"
    gloss: str  # one line in Heron's words
    score: float | None  # PLOVER conflict/cooperation score from the manual, -10..+10
    modes: tuple[str, ...]  # modes valid for this type, in manual order (may be empty)
    category: str = ""  # verbal_cooperation | material_cooperation | verbal_conflict | material_conflict
    requires_recipient: bool = False  # the manual's "Requires recipient"


class Ontology:
    """Read-only view of the ontology tables. Get one with :func:`load_ontology`."""

    __slots__ = ("_cameo", "_plover", "_mode_scores", "_contexts", "_derived_from")

    def __init__(
        self,
        cameo: Mapping[str, CameoCode],
        plover: Mapping[str, PloverType],
        mode_scores: Mapping[tuple[str, str], float | None],
        contexts: frozenset[str],
        derived_from: Mapping[str, str],
    ) -> None:
        self._cameo = MappingProxyType(dict(cameo))
        self._plover = MappingProxyType(dict(plover))
        self._mode_scores = MappingProxyType(dict(mode_scores))
        self._contexts = contexts
        self._derived_from = MappingProxyType(dict(derived_from))

    # -- tables -----------------------------------------------------------------------------
    @property
    def version(self) -> str:
        return ONTOLOGY_VERSION

    @property
    def cameo(self) -> Mapping[str, CameoCode]:
        """All CAMEO codes, keyed by canonical code ("01", "051", "0211"), in code order."""
        return self._cameo

    @property
    def plover(self) -> Mapping[str, PloverType]:
        """The 16 PLOVER event types, keyed by name ("AGREE" ... "ASSAULT")."""
        return self._plover

    @property
    def plover_contexts(self) -> frozenset[str]:
        """The PLOVER context names ("military", "economic", ...)."""
        return self._contexts

    # -- lookups ----------------------------------------------------------------------------
    def normalize(self, code: str | int) -> str:
        """Canonical form of a CAMEO code: "51" and 51 -> "051", " 190 " -> "190", "1" -> "01".

        Raises :class:`heron.errors.OntologyError` if it is not a known code.
        """
        raw = str(code).strip() if code is not None else ""
        if raw in self._cameo:
            return raw
        if raw.isascii() and raw.isdigit() and 1 <= len(raw) <= 3 and "0" + raw in self._cameo:
            return "0" + raw
        raise OntologyError(self._unknown_message(code, raw))

    def get(self, code: str | int) -> CameoCode:
        """The entry for a CAMEO code; accepts codes that lost their leading zero ("51" -> "051")."""
        return self._cameo[self.normalize(code)]

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, (str, int)):
            return False
        try:
            self.normalize(code)
        except OntologyError:
            return False
        return True

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._cameo.values())

    def __len__(self) -> int:
        return len(self._cameo)

    def root_name(self, code: str | int) -> str:
        """Name of the 2-digit root a code belongs to: root_name("1823") -> "Physical attacks"."""
        return self._cameo[self.get(code).root].name

    def penta_class(self, code: str | int) -> int:
        """Phoenix/ConfliBERT 5-way class (0..4) of a code."""
        return self.get(code).penta_class

    def quad_class(self, code: str | int) -> int:
        """Classic 4-way QuadClass (1..4) of a code."""
        return self.get(code).quad_class

    def plover_score(self, plover_type: str, mode: str = "") -> float | None:
        """PLOVER score of a type, or of a type+mode where the manual scores the mode."""
        ptype = self._plover.get(plover_type.strip().upper())
        if ptype is None:
            raise OntologyError(
                f"unknown PLOVER event type {plover_type!r}. "
                f"Fix: use one of {', '.join(self._plover)}."
            )
        mode = mode.strip().lower()
        if mode:
            if mode not in ptype.modes:
                raise OntologyError(
                    f"{mode!r} is not a mode of PLOVER {ptype.name}. Fix: use one of "
                    f"{', '.join(ptype.modes) or '(none: this type has no modes)'}, or no mode."
                )
            score = self._mode_scores.get((ptype.name, mode))
            if score is not None:
                return score
        return ptype.score

    def plover_derivation(self, code: str | int) -> str:
        """How the PLOVER mapping of a code was obtained: "" (straight from the 2021 CAMEO->PLOVER
        table), "parent:195" (from its parent code), "analogue:101" (an appeal mapped like the
        matching demand), "root:010" (a 2-digit root mapped like its residual code), or "heron"
        (CAMEO 01 statements, which PLOVER drops; Heron's nearest type)."""
        return self._derived_from[self.normalize(code)]

    # -- errors -----------------------------------------------------------------------------
    def _unknown_message(self, code: object, raw: str) -> str:
        hint = ""
        digits = raw if raw.isascii() and raw.isdigit() else ""
        # Nearest known ancestor ("0519" -> "051"), also for codes that lost their leading zero
        # ("519" -> "051"); a bare root is only offered for the code as given.
        candidates = [(digits, 2)] + ([("0" + digits, 3)] if digits and len(digits) <= 3 else [])
        for cand, shortest in candidates:
            for cut in range(len(cand) - 1, shortest - 1, -1):
                if cand[:cut] in self._cameo:
                    entry = self._cameo[cand[:cut]]
                    hint = f" The nearest known code is {entry.code!r} ({entry.name})."
                    break
            if hint:
                break
        return (
            f"unknown CAMEO event code {code!r}.{hint} Fix: use a CAMEO 1.1b3 code of 2-4 digits "
            f"with its leading zero (e.g. '051', '0211', '190'); the full list is "
            f"heron.ontology.load_ontology().cameo (ontology {ONTOLOGY_VERSION})."
        )


# -- loading --------------------------------------------------------------------------------
def _read_csv(name: str) -> list[dict[str, str]]:
    try:
        text = resources.files("heron").joinpath("data").joinpath("ontology").joinpath(name).read_text(
            encoding="utf-8"
        )
    except (FileNotFoundError, OSError) as exc:  # pragma: no cover - broken install
        raise OntologyError(
            f"ontology data file {name!r} is missing from the heron package ({exc}). "
            "Fix: reinstall heron (pip install --force-reinstall heron-events) so that "
            "heron/data/ontology/ is present."
        ) from exc
    return list(csv.DictReader(io.StringIO(text)))


def _bool(value: str, where: str) -> bool:
    value = value.strip().lower()
    if value in ("true", "1", "yes"):
        return True
    if value in ("false", "0", "no", ""):
        return False
    raise OntologyError(f"{where}: expected true/false, got {value!r}. Fix: correct the data file.")


def _score(value: str) -> float | None:
    value = value.strip()
    return float(value) if value else None


def _build() -> Ontology:
    types_rows = _read_csv("plover_types.csv")
    modes_rows = _read_csv("plover_modes.csv")
    contexts = frozenset(r["name"].strip() for r in _read_csv("plover_contexts.csv"))

    modes_by_type: dict[str, list[str]] = {r["name"].strip(): [] for r in types_rows}
    mode_scores: dict[tuple[str, str], float | None] = {}
    for r in modes_rows:
        ptype, mode = r["type"].strip(), r["mode"].strip()
        if ptype not in modes_by_type:
            raise OntologyError(f"plover_modes.csv: mode {mode!r} of unknown type {ptype!r}. Fix: correct the data file.")
        modes_by_type[ptype].append(mode)
        mode_scores[(ptype, mode)] = _score(r.get("score", ""))

    plover = {
        r["name"].strip(): PloverType(
            name=r["name"].strip(),
            gloss=r["gloss"].strip(),
            score=_score(r["score"]),
            modes=tuple(modes_by_type[r["name"].strip()]),
            category=r["category"].strip(),
            requires_recipient=_bool(r["requires_recipient"], f"plover_types.csv {r['name']}"),
        )
        for r in types_rows
    }

    crosswalk = {r["code"].strip(): r for r in _read_csv("cameo_plover.csv")}
    cameo: dict[str, CameoCode] = {}
    derived: dict[str, str] = {}
    for r in _read_csv("cameo.csv"):
        code = r["code"].strip()
        xw = crosswalk.get(code)
        if xw is None:
            raise OntologyError(f"cameo_plover.csv has no row for CAMEO code {code!r}. Fix: add one.")
        ptype, mode = xw["plover_type"].strip(), xw["plover_mode"].strip()
        if ptype not in plover or (mode and mode not in plover[ptype].modes):
            raise OntologyError(
                f"cameo_plover.csv: code {code!r} maps to {ptype!r}/{mode!r}, which is not a PLOVER "
                "type/mode in plover_types.csv/plover_modes.csv. Fix: correct the data file."
            )
        cameo[code] = CameoCode(
            code=code,
            name=r["name"].strip(),
            goldstein=float(r["goldstein"]),
            root=r["root"].strip(),
            level=int(r["level"]),
            quad_class=int(r["quad_class"]),
            penta_class=int(r["penta_class"]),
            needs_target=_bool(r["needs_target"], f"cameo.csv {code}"),
            plover_type=ptype,
            plover_mode=mode,
            plover_context=xw["plover_context"].strip(),
        )
        derived[code] = xw["derived_from"].strip()
    return Ontology(cameo, plover, mode_scores, contexts, derived)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The ontology tables, read from the package data on first call and cached."""
    return _build()
