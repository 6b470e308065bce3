"""The compiled trigger lexicon's types: expanded patterns, embedding classes and the lexicon.

:mod:`heron.events.lexicon_rows` builds them from the data files; :mod:`heron.events.lexicon`
compiles and caches them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TriggerPattern:
    """One trigger lemma with its constraints and argument frame (one expanded row)."""

    id: str
    code: str
    pos: str  # verb | noun | adj
    lemma: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    prt: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    pobj: tuple[tuple[str, frozenset[str]], ...] = ()
    xcomp: frozenset[str] = frozenset()
    mod: frozenset[str] = frozenset()
    host: frozenset[str] = frozenset()
    reciprocal: bool = False
    embeds: str | None = None
    standalone: bool = True
    patient_poss: bool = False
    clause_code: str | None = None  # code when its to-clause holds no coded act ("agreed to set up")
    file: str = ""
    line: int = 0

    @property
    def specificity(self) -> int:
        """How many constraints the pattern adds to its bare lemma (more wins).

        A ``pobj`` constraint counts twice: it names the preposition and its object (several
        prepositions in one row are alternatives).
        """
        return (2 if self.pobj else 0) + sum(
            1 for part in (self.prt, self.prep, self.obj, self.xcomp, self.mod, self.host) if part
        )

    def rank(self) -> tuple[int, bool, bool]:
        """Sort key, most specific first; on a tie a row naming the object beats one naming only a
        preposition or particle ("withdraw inspectors from" is 1662, not the bare "withdraw from"),
        and a noun's own modifier beats its host verb ("launched *air* strikes" is 195, not a
        labour strike that one may also launch)."""
        return -self.specificity, not self.obj, not self.mod

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class EmbeddingClass:
    """What an embedding trigger ("urge", "threaten", "refuse", "say") does to the event under it.

    ``table`` maps an embedded code (tried as the full code, then its 3-digit parent, then its root)
    to the code that replaces it; a ``None`` value drops the embedded event. ``unmapped`` says what
    happens when no entry applies: ``keep`` the embedded event (with ``modality``), emit the
    embedding trigger's ``base`` code instead, or ``drop`` both.
    """

    name: str
    via: tuple[str, ...]
    table: Mapping[str, str | None]
    unmapped: str
    modality: str
    target_from: tuple[str, ...]  # order to pick the target: "own" slots, "embedded" target, "embedded_source"
    emit_base: bool = False  # with unmapped "keep": emit the embedding row's own code as well

    def lookup(self, code: str) -> tuple[bool, str | None]:
        """(found, replacement) for an embedded code."""
        for key in (code, code[:3], code[:2]):
            if key in self.table:
                return True, self.table[key]
        return False, None


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    patterns: tuple[TriggerPattern, ...]
    classes: Mapping[str, EmbeddingClass]
    light_verbs: frozenset[str]
    future_class: str | None  # embedding class applied to events told in the future tense
    optimism: frozenset[str]
    pessimism: frozenset[str]
    sources: tuple[str, ...]  # files it was read from
    version: str
    future_conflict_class: str | None = None  # class applied to conflict its own source announces
    quantity_nouns: frozenset[str] = frozenset()  # "tons" in "tons of aid": the object is "aid"
    agent_nouns: frozenset[str] = frozenset()  # "workers" in "aid workers": the trigger is a label
    agent_suffix_exceptions: frozenset[str] = frozenset()  # "-er" nouns that are not people ("border")
    control_verbs: frozenset[str] = frozenset()  # "allowed [the candidate to run]": object = clause subject
    reform_topics: tuple[tuple[str, frozenset[str]], ...] = ()  # ("1", {"resign", "step down", ...}), in order
    reform_families: frozenset[str] = frozenset()  # three-digit codes refined by reform_topics
    weapon_subjects: tuple[tuple[str, frozenset[str]], ...] = ()  # ("195", {"warplanes", ...})
    money_nouns: frozenset[str] = frozenset()  # "dollars" in "gave 5 million dollars of aid": economic aid
    peacekeeping_words: frozenset[str] = frozenset()  # troops sent as peacekeepers: 074
    carrier_nouns: frozenset[str] = frozenset()
    thing_object_speech_verbs: frozenset[str] = frozenset()  # "adding an airplane" says nothing
    speech_object_nouns: frozenset[str] = frozenset()  # "noted the importance": still a statement
    claim_verbs: frozenset[str] = frozenset()  # "claimed they had attacked": 015 over one's own attack  # "effort" in "launched a mediation effort": the act is "mediation"
    sending_verbs: frozenset[str] = frozenset()  # "deployed troops to protect X": the purpose is the act
    party_preps: frozenset[str] = frozenset()  # "said after talks with X": the subject was at the talks
    occasion_nouns: frozenset[str] = frozenset()  # "on the sidelines of a summit": the verb carries the summit
    topic_object_verbs: frozenset[str] = frozenset()  # "discussed the crisis": still both sides' act
    mutual_nouns: frozenset[str] = frozenset()  # "X and Y pledged closer cooperation": with each other
    index: Mapping[tuple[str, str], tuple[TriggerPattern, ...]] = field(repr=False, default_factory=dict)

    def __len__(self) -> int:
        return len(self.patterns)

    def is_agent_noun(self, lemma: str, text: str) -> bool:
        """A noun for people or a body ("workers", "agency", "negotiators"): a trigger noun that
        only modifies one is a label, not an event ("aid workers")."""
        if lemma in self.agent_nouns or text in self.agent_nouns:
            return True
        if lemma in self.agent_suffix_exceptions or text in self.agent_suffix_exceptions:
            return False
        return len(lemma) >= 6 and lemma.endswith(("er", "or", "ist", "ers", "ors", "ists"))

    def lookup(self, pos: str, lemma: str) -> tuple[TriggerPattern, ...]:
        return self.index.get((pos, lemma), ())

    def by_id(self, pattern_id: str) -> TriggerPattern:
        for p in self.patterns:
            if p.id == pattern_id:
                return p
        raise KeyError(pattern_id)

    def roots(self) -> set[str]:
        return {p.code[:2] for p in self.patterns}
