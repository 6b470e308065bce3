"""The pieces :mod:`heron.actors.mentions` builds mentions from: word lists, the evidence gathered
for one noun phrase, and small helpers that code or display it (split out to keep modules small)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from heron.actors.knowledge import ActorEntry, ActorKnowledge, SectorEntry
from heron.records import Actor, Mention

PLACE_KINDS = frozenset({"country", "capital", "region"})
COUNTRY_KINDS = frozenset({"country", "capital", "region", "demonym"})
NAMED_KINDS = frozenset({"person", "igo", "group", "institution", "actor"})
ORG_KINDS = frozenset({"igo", "group", "institution", "actor"})
# Sectors of the state: only these take the dateline's country when nothing closer says whose
# ("police" in a Lagos dateline story are Nigerian police; "refugees" or "militants" are not Nigerian).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
NP_DEPS = frozenset({"compound", "amod", "nmod", "flat", "poss", "appos", "nummod"})


@lru_cache(maxsize=1)
def mention_words() -> dict[str, frozenset[str]]:
    text = resources.files("heron.data").joinpath("mention_words.yaml").read_text(encoding="utf-8")
    return {key: frozenset(str(w).lower() for w in words) for key, words in yaml.safe_load(text).items()}


@lru_cache(maxsize=1)
def faith_words() -> dict[str, str]:
    """Religious and ethnic adjectives of actor phrases (data/actors/faiths.csv): word -> religion
    code, or "" for an ethnic word that only joins the mention ("Kurdish fighters")."""
    from heron.actors.codes import _read_table

    return {r["word"].strip().lower(): (r.get("code") or "").strip() if r.get("kind") == "religion" else ""
            for _, r in _read_table("faiths.csv")}


@dataclass
class _Group:
    """Evidence gathered for one noun-phrase head."""

    head: Token
    tokens: set[int] = field(default_factory=set)
    entries: list[tuple[Span, list[ActorEntry]]] = field(default_factory=list)
    sectors: list[tuple[Span, SectorEntry]] = field(default_factory=list)
    counterpart: bool = False
    faiths: list[str] = field(default_factory=list)  # religion codes of adjectives ("Shiite militias": MOSSHI)


@dataclass
class _Roles:
    """What the role words of a phrase add: sectors, the role and the rank title."""

    sectors: list[str]
    role: str | None
    title: str | None
    person: bool  # a word naming a person ("minister", "general") is among them



def _the_country_of(head: Token) -> bool:
    """Is the phrase possessed by "the country" / "the nation" ("the country's air force")?"""
    return any(c.dep_ == "poss" and c.tag_ == "NN" and c.lower_ in ("country", "nation")
               and any(d.lower_ in ("the", "this") for d in c.children) for c in head.children)


def _one(**fields) -> tuple[Actor]:
    return (Actor(**fields),)


def _extend(org: ActorEntry, sectors: list[str], *, head: bool = False) -> str:
    """An organisation's code plus what the phrase adds ("NATO troops" -> NATO + MIL); GOV adds
    nothing to a body ("EU officials" are the EU), nor a sector the code already has; a group's
    members are the group ("ISIL fighters", "Hamas militants"). ``head``: the role is the body's
    executive head ("Arab League Secretary-General"): an IGO keeps GOV (CAMEO manual: IGO GOV)."""
    if org.kind == "group":
        return org.code
    have = {org.code[i : i + 3] for i in range(0, len(org.code), 3)} | set(org.sectors)
    keep_gov = head and org.code.startswith("IGO")
    return org.code + "".join(s for s in sectors if (keep_gov or s != "GOV") and s not in have)


def _extended_sectors(org: ActorEntry, code: str) -> tuple[str, ...]:
    """The org's sectors plus those :func:`_extend` appended to its code."""
    added = code[len(org.code):]
    return (*org.sectors, *(added[i : i + 3] for i in range(0, len(added), 3)))


def _distinct(entries: list[ActorEntry]) -> list[ActorEntry]:
    out: dict[str, ActorEntry] = {}
    for e in entries:
        out.setdefault(e.country or e.code, e)
    return [e for e in out.values() if e.country]


def _with_qualifier(span: Span, qualifiers: frozenset[str], role: str) -> str:
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return f"{prev.lower_} {role}" if prev is not None and prev.lower_ in qualifiers else role


def _rank(g: _Group, ranks: frozenset[str]) -> str | None:
    """The longest run of rank words in the phrase: "Brigadier General", "Grand Ayatollah"."""
    doc = g.head.doc
    words = [doc[i] for i in sorted(g.tokens) if doc[i].lower_.rstrip(".") in ranks or doc[i].lower_ in ranks]
    if not words:
        return None
    run = [words[0]]
    for tok in words[1:]:
        run = [*run, tok] if tok.i == run[-1].i + 1 else run
    return " ".join(t.lower_ for t in run)


def _display(g: _Group) -> str:
    """The phrase as written, without a leading article: "Russia's energy minister"."""
    doc = g.head.doc
    lo, hi = min(g.tokens), max(g.tokens) + 1
    while lo < hi - 1 and (doc[lo].dep_ == "det" or doc[lo].is_punct):
        lo += 1
    return doc[lo:hi].text


def _phrase_matcher(nlp, phrases, label: str, *, attr: str = "LOWER") -> PhraseMatcher:
    """A phrase matcher over the phrases as spaCy tokenizes them; a phrase with a title
    abbreviation ("gov.", "sen.") keeps it as one token, as spaCy does in capitalised text
    ("Gov. Phil Murphy"), where it splits the lower-cased table phrase into "gov" and "."."""
    from heron.actors.codes import TITLE_ABBREVIATIONS, tokenize

    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    unique = sorted({p for p in phrases if p})
    abbreviated = {p for p in unique if any(w in TITLE_ABBREVIATIONS for w in p.split())}
    plain = [p for p in unique if p not in abbreviated]
    for i in range(0, len(plain), 5000):
        matcher.add(label, list(nlp.tokenizer.pipe(plain[i : i + 5000])))
    if abbreviated:
        matcher.add(label, [Doc(nlp.vocab, words=list(tokenize(p))) for p in sorted(abbreviated)])
    return matcher


def _first(entry_lists, kinds) -> ActorEntry | None:
    for entries in entry_lists:
        for e in entries:
            if e.kind in kinds:
                return e
    return None


def _country_name(knowledge: ActorKnowledge, entry: ActorEntry) -> str:
    canonical = knowledge.country(entry.country) if entry.country else None
    return canonical.name if canonical else entry.name


def _token_sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token, from one walk over the sentences."""
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        out[sent.start : sent.end] = [n] * (sent.end - sent.start)
    return out


def _make_mention(doc: Doc, g: _Group, actors: tuple[Actor, ...], sentence_index: int, how: str) -> Mention:
    lo, hi = min(g.tokens), max(g.tokens) + 1
    # extend leftwards over a determiner so "the Russian minister" reads whole
    if lo > 0 and doc[lo - 1].dep_ == "det" and doc[lo - 1].head.i in g.tokens:
        lo -= 1
    while hi - 1 > lo and doc[hi - 1].is_punct:
        hi -= 1
    return Mention.over(doc[lo:hi], actors, sentence_index=sentence_index, head=g.head.i, resolved_by=how)


def _merge_coordination(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """"Iran and Russia" -> one mention with two actors (the first conjunct's head)."""
    by_head = {m.head: m for m in mentions}
    text = None  # Doc.text joins every token on each call: built once, when needed
    absorbed: set[int] = set()
    children: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        for conj in doc[m.head].conjuncts:
            if conj.i > m.head and conj.i in by_head and doc[m.head].dep_ != "conj":
                children[m.head].append(by_head[conj.i])
                absorbed.add(conj.i)
    out = []
    for m in mentions:
        if m.head in absorbed:
            continue
        extra = children.get(m.head)
        if extra:
            last = max(extra, key=lambda x: x.end)
            text = doc.text if text is None else text
            actors = tuple(a for x in (m, *extra) for a in x.actors)
            m = Mention(sentence_index=m.sentence_index, start=m.start, end=last.end, tok_start=m.tok_start,
                        tok_end=last.tok_end, head=m.head, text=text[m.start:last.end], actors=actors,
                        resolved_by=m.resolved_by)
        out.append(m)
    return out


def _adjective_rank(span: Span, ranks: frozenset[str], sector_tokens: set[int]) -> bool:
    """"general" of "general strike", "major" of "major powers": a rank word used as an adjective
    of a common noun that names no role."""
    if len(span) != 1:
        return False
    tok = span[0]
    return (tok.lower_ in ranks and tok.dep_ == "amod" and tok.head.pos_ == "NOUN"
            and tok.head.i not in sector_tokens and not tok.is_title)


# federal unions of the past whose office holders the text may name by their republic instead
UNION_STATES = frozenset({"YUG", "SCG", "FRY", "USR", "SUN", "CSK"})
_STATE_WORDS = frozenset({"demonym", "country"})


def _person_actor(named: ActorEntry, countries: list[ActorEntry], roles: _Roles) -> tuple[Actor]:
    """A person of the built-in table (or a dictionary): their code on the date, plus the phrase's roles."""
    country = named.country or (countries[0].country if countries else None)
    sectors = tuple(named.sectors or roles.sectors)  # the table's sectors on the date win
    if list(roles.sectors) == ["ELI"] and named.sectors:
        # "former president Carlos Menem": the text puts the office in the past (Phoenix FORMER_* ~ELI)
        tail = "".join(named.sectors)
        named = replace(named, code=(named.code[: -len(tail)] if named.code.endswith(tail) else named.code) + "ELI",
                        sectors=("ELI",))
        sectors = ("ELI",)
    said = next((c.country for c in countries if c.kind in _STATE_WORDS and c.country), None)
    if named.country in UNION_STATES and said and said != named.country:
        # "Serbian President Kostunica" (the table: Yugoslavia's president): the text names the republic
        return _one(name=named.name, code=said + "".join(sectors), country=said, sectors=sectors, kind="person",
                    role=named.role or roles.role, title=roles.title, provenance=named.provenance)
    if named.country and named.code.startswith(named.country):
        code = named.country + "".join(sectors)
    else:
        code = named.code
    return _one(name=named.name, code=code, country=country, sectors=sectors, kind="person",
                role=named.role or roles.role, title=roles.title, provenance=named.provenance)


def _compound_actors(named: ActorEntry) -> tuple[Actor, ...]:
    """A dictionary phrase that names several actors at once ("[FRO/BIL/SAM]"): one actor each."""
    from heron.actors.petrarch import compound_codes

    return tuple(Actor(name=named.name, code=code, country=country, sectors=sectors, kind=named.kind,
                       provenance=named.provenance) for code, country, sectors in compound_codes(named.code))
