"""Typed records that flow through Heron's pipeline and into the store.

Every stage takes and returns these plain dataclasses (picklable, so worker processes can send
them back to the single writer). Field names of the flattened rows are a public contract: see
README "Output fields".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class Article:
    """One news item as read from the input, before any NLP."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    origin: str = ""  # where it was read from: "path/to/file.jsonl:12", "<stdin>"


@dataclass(slots=True, frozen=True)
class ReadProblem:
    """A record that could not be read; the batch goes on without it."""

    origin: str  # file path (or "<stdin>")
    line: int | None  # 1-based line number where it applies
    reason: str  # short machine-friendly reason, e.g. "invalid-json", "empty-text"
    detail: str = ""  # human explanation

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


@dataclass(slots=True, frozen=True)
class Actor:
    """A resolved actor: who it is and how it is coded.

    ``code`` is a CAMEO actor code: ISO3 country (or IGO / group code) followed by sector codes,
    e.g. ``IRNGOVMIL``, ``RUSGOV``, ``IMGMUSISI`` (ISIL), ``IGOUNO``.
    """

    name: str  # canonical name ("Hossein Dehqan", "Iran", "Islamic State")
    code: str
    country: str | None = None  # ISO 3166-1 alpha-3, None for IGOs and stateless groups
    sectors: tuple[str, ...] = ()  # CAMEO sector codes: GOV, MIL, LEG, JUD, REB, ...
    kind: str = "country"  # country | person | igo | group | sector | region
    role: str | None = None  # "defense minister"
    title: str | None = None  # "brigadier general"
    provenance: str = ""  # "builtin:countries", "petrarch:Phoenix.Countries.actors.txt", "learned:<article>"


@dataclass(slots=True)
class Mention:
    """A stretch of text that refers to one or more actors (several for "Iran and Russia")."""

    sentence_index: int
    start: int  # character offsets in the article text
    end: int
    tok_start: int  # token offsets in the spaCy Doc
    tok_end: int
    head: int  # token index of the syntactic head
    text: str
    actors: tuple[Actor, ...]
    resolved_by: str = "dictionary"  # dictionary | coref:surname | coref:title | coref:pronoun | coref:pair | coref:acronym | metonym | context
    antecedent: int | None = None  # index (in the article's mention list) of the mention it refers back to

    @classmethod
    def over(cls, span: Any, actors: tuple[Actor, ...], *, sentence_index: int, head: int | None = None,
             resolved_by: str = "dictionary") -> "Mention":
        """A mention covering a spaCy ``Span`` (its root is the head unless ``head`` says otherwise)."""
        return cls(sentence_index=sentence_index, start=span.start_char, end=span.end_char, tok_start=span.start,
                   tok_end=span.end, head=span.root.i if head is None else head, text=span.text,
                   actors=tuple(actors), resolved_by=resolved_by)


@dataclass(slots=True)
class EventCandidate:
    """What the event coder finds in one sentence, before places, dates and ontology lookups."""

    sentence_index: int
    cameo_code: str
    trigger: str  # the words that fired
    trigger_start: int  # character offsets of the trigger in the article text
    trigger_end: int
    pattern_id: str
    source: Actor | None
    target: Actor | None
    source_text: str = ""
    target_text: str = ""
    confidence: float = 0.5
    negated: bool = False
    modality: str = "asserted"  # asserted | intended | hypothetical | historical | future | refused
    reported_by: str | None = None  # who said it, for reported speech
    reason: str = ""  # why this code: the rule, in words
    start: int = 0  # character span of the whole event (trigger plus arguments)
    end: int = 0


@dataclass(slots=True)
class Place:
    """A resolved place mention (or the dateline)."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    name: str
    geonameid: int | None
    country: str | None  # ISO3
    admin1: str | None
    latitude: float | None
    longitude: float | None
    reason: str  # how it was resolved, e.g. "dateline", "country-name", "population", "same-country-as-dateline"
    feature: str = ""  # country | admin1 | city | region
    role: str = "location"  # location | actor (metonymy) | dateline


@dataclass(slots=True)
class Count:
    """A number of people affected: killed, injured, arrested, displaced, ..."""

    article_id: str
    sentence_index: int
    kind: str  # killed|injured|arrested|displaced|refugees|missing|kidnapped|protesters
    value: int
    qualifier: str  # exact | more than | at least | around | up to | fewer than | dozens | hundreds ...
    text: str
    start: int = 0
    end: int = 0
    location_country: str | None = None
    date: date | None = None
    event_id: str | None = None


@dataclass(slots=True)
class DateRef:
    """A resolved time expression."""

    text: str
    start: int
    end: int
    value: date | None
    precision: str  # day | month | year | none
    historical: bool = False
    reason: str = ""
    # a deadline or a date after publication ("double trade by 2030"): when an act is meant to be
    # done, not when it was reported to happen, so it never becomes the event's date
    target: bool = False


@dataclass(slots=True)
class Event:
    """A fully coded event, ready to store and export."""

    event_id: str
    article_id: str
    sentence_index: int
    sentence_text: str
    start: int
    end: int
    cameo_code: str
    cameo_root: str
    cameo_name: str
    goldstein: float
    quad_class: int  # classic QuadClass 1..4
    penta_class: int  # Phoenix/ConfliBERT 0..4
    plover_type: str
    plover_mode: str
    source_text: str = ""
    source_name: str | None = None
    source_code: str | None = None
    source_country: str | None = None
    source_sectors: list[str] = field(default_factory=list)
    target_text: str = ""
    target_name: str | None = None
    target_code: str | None = None
    target_country: str | None = None
    target_sectors: list[str] = field(default_factory=list)
    date: date | None = None
    date_precision: str = "none"
    date_reason: str = ""
    location_name: str | None = None
    location_country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    location_reason: str = ""
    trigger: str = ""
    pattern_id: str = ""
    reason: str = ""
    confidence: float = 0.5
    negated: bool = False
    modality: str = "asserted"
    reported_by: str | None = None
    coder_version: str = ""

    def to_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class CodedArticle:
    """Everything the pipeline produced for one article: what the writer stores."""

    article: Article
    sentences: list[Sentence]
    mentions: list[Mention]
    events: list[Event]
    places: list[Place]
    counts: list[Count]
    dates: list[DateRef] = field(default_factory=list)
