"""Counts of people affected (killed, injured, arrested, ...) in a parsed sentence.

A number only counts when the dependency parse ties it to a casualty word: the number modifies
the people ("240,000 people") who are the subject of "died" or of a passive "were killed", the
object of "killing", the "of" phrase of "the deaths of", the figure a death toll rose to; or the
counted noun is itself the casualty ("40 deaths", "2 million refugees", "12 dead"). Money,
percentages, times, ages, years and ordinals are never counts, and neither are numbers of
things that are not people ("destroyed 3,000 homes", "deployed 5,000 troops").

A single named or singular person in the same roles ("a journalist was killed", "killed the
deputy chief") counts as 1 for killed, injured, arrested, kidnapped and missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from heron.counts.lexicon import (
    ABROAD_WORDS,
    ADJ_KINDS,
    ARREST_VERBS,
    EVICT_VERBS,
    HOLD_PARTICLES,
    HOME_WORDS,
    IRREALIS_HEADS,
    LIFE_VERBS,
    MODALS,
    NATURAL_DEATH_WORDS,
    NOMINAL_KINDS,
    NOT_PEOPLE,
    NOUN_KINDS,
    PASSIVE_ONLY_KINDS,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    POPULATION_NOUNS,
    PROTEST_HOST_VERBS,
    PROTEST_NOUNS,
    SECURITY_NOUNS,
    SUBJECT_KINDS,
    TOLL_VERBS,
    TOTAL_NOUNS,
    VERB_KINDS,
)
from heron.counts.candidates import sentence_candidates
from heron.counts.numbers import QUALIFIERS, SCALES, SUFFIX_QUALIFIERS, VAGUE_FEW, VAGUE_PLURALS, parse_number
from heron.records import Count

_NOT_COUNT_ENTS = frozenset({"MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
# spaCy sometimes calls a plain count a DATE ("Between 20 and 30 people"): a DATE or TIME entity
# only rules the number out when it holds more than the number ("20 days", "March 20").
_TIME_ENTS = frozenset({"DATE", "TIME"})
_AFTER_NOT_COUNT = frozenset({"percent", "%", "per", "pc", "year", "years", "o'clock", "a.m.", "p.m.", "am", "pm"})
_HAVE = frozenset({"have", "has", "had", "'ve"})
# Kinds a single person ("a journalist was killed") is counted for.
_SINGULAR_KINDS = frozenset({"killed", "injured", "arrested", "kidnapped", "missing"})
_MAX_QUALIFIER_TOKENS = 4


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _is_number_word(tok: Token) -> bool:
    low = tok.lower_
    return (tok.like_num and tok.ent_type_ != "ORDINAL") or low in SCALES or low in VAGUE_PLURALS or low == "half"


@dataclass(slots=True)
class _Number:
    first: int  # token index where the phrase (qualifier included) starts
    start: int  # first token of the number itself
    end: int  # one past its last token (suffix qualifier included)
    value: int
    qualifier: str
    top: Token  # the number's syntactic head


def _numbers(sent: Span, ents: Sequence[Span], candidates: list[int]) -> list[_Number]:
    doc, out = sent.doc, []
    by_token = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    i = sent.start
    for cand in candidates:  # the token loop, visiting only tokens that can start a number
        if cand < i:
            continue
        i = cand
        if not _is_number_word(doc[i]):
            i += 1
            continue
        j = _number_end(sent, i)
        start = i
        # "a dozen", "half a million", "several hundred"
        if start > sent.start and doc[start - 1].lower_ in ("a", "an") and doc[start].lower_ in SCALES:
            start -= 1
        for few in VAGUE_FEW:
            n = len(few.split())
            if start - n >= sent.start and doc[start - n : start].text.lower() == few:
                start -= n
                break
        end = j
        for suffix in SUFFIX_QUALIFIERS:
            n = len(suffix.split())
            if doc[end : end + n].text.lower() == suffix:
                end += n
                break
        first = _qualifier_start(sent, start)
        i = j
        if _not_a_count(sent, first, start, end, by_token):
            continue
        parsed = parse_number(doc[first:end].text)
        if parsed is None:
            continue
        out.append(_Number(first, start, end, parsed[0], parsed[1], _top(doc[start:end])))
    return out


def _joins(doc: Doc, j: int, stop: int, i: int) -> int:
    """How many tokens from ``j`` join the number begun at ``i`` to more of it (0: none)."""
    word, prev = doc[j].lower_, doc[j - 1].lower_
    nxt = doc[j + 1] if j + 1 < stop else None
    if nxt is None:
        return 0
    if word in ("a", "an") and (nxt.lower_ == "half" or prev == "half"):  # "one and a half million", "half a million"
        return 1
    if word == "and" and doc[j + 1 : j + 3].text.lower() == "a half":
        return 1
    if not _is_number_word(nxt):
        return 0
    before = doc[i - 1].lower_ if i > 0 else ""
    if word == "-":
        return 1
    if word == "and":  # "one hundred and twenty", "between 20 and 30"; not "12 and 30 were wounded"
        return 1 if prev in SCALES or before == "between" else 0
    if word in ("to", "or"):  # "20 to 30", "two or three"; not "rose from 12 to 40"
        return 0 if before == "from" else 1
    if word == "of":  # "tens of thousands"
        return 1 if nxt.lower_ in VAGUE_PLURALS or nxt.lower_ in SCALES else 0
    return 0


def _number_end(sent: Span, i: int) -> int:
    doc, stop = sent.doc, sent.end
    j = i + 1
    while j < stop:
        if _is_number_word(doc[j]):
            j += 1
        elif (n := _joins(doc, j, stop, i)) and j + n < stop:
            j += n
        else:
            break
    return j


def _qualifier_start(sent: Span, start: int) -> int:
    doc = sent.doc
    for n in range(_MAX_QUALIFIER_TOKENS, 0, -1):
        if start - n < sent.start:
            continue
        words = doc[start - n : start].text.lower()
        if words in QUALIFIERS or words == "between":
            return start - n
    return start


def _not_a_count(sent: Span, first: int, start: int, end: int, ents: dict[int, Span]) -> bool:
    doc = sent.doc
    span = doc[start:end]
    for t in span:
        ent = ents.get(t.i)
        if ent is not None and (
            ent.label_ in _NOT_COUNT_ENTS or (ent.label_ in _TIME_ENTS and (ent.start < first or ent.end > end))
        ):
            return True
    before = doc[start - 1] if start > sent.start else None
    after = doc[end] if end < sent.end else None
    if before is not None and (before.is_currency or before.lower_ in ("no", "no.", "number", "#")):
        return True
    if after is not None and (after.lower_ in _AFTER_NOT_COUNT or after.is_currency):
        return True
    if (
        after is not None
        and after.text == "-"
        and end + 1 < sent.end
        and doc[end + 1].lower_ in ("year", "hour", "day")
    ):
        return True
    # a bare year ("in 2011") that spaCy did not label
    return len(span) == 1 and span[0].text.isdigit() and len(span[0].text) == 4 and 1800 <= int(span[0].text) <= 2100


def _top(span: Span) -> Token:
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head is t]
    return outside[-1] if outside else span.root


def _of_object(tok: Token) -> Token | None:
    """The people in "tens of thousands of people", "one of the leaders"."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN", "ADJ"):
                    return obj
    return None


def person_like(tok: Token) -> bool:
    lemma = _lemma(tok)
    return (
        lemma in PERSON_NOUNS
        or tok.lower_ in PERSON_NOUNS
        or tok.ent_type_ in ("NORP", "PERSON")
        or tok.tag_ == "NNPS"
        or (len(lemma) > 5 and lemma.endswith(PERSON_SUFFIXES))
    )


# ---------------------------------------------------------------- what the number is tied to


def _child(tok: Token, deps: tuple[str, ...], lemmas: frozenset[str] | dict[str, str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps and (_lemma(c) in lemmas or c.lower_ in lemmas):
            return c
    return None


def _prep_object(verb: Token, preps: tuple[str, ...], lemmas: frozenset[str]) -> Token | None:
    for prep in verb.children:
        if prep.dep_ in ("prep", "prt", "advmod") and prep.lower_ in preps:
            for obj in prep.subtree:
                if obj.dep_ == "pobj" and _lemma(obj) in lemmas:
                    return obj
    return None


def _state_kind(verb: Token) -> str | None:
    """A state named next to the verb: "were found dead", "remain missing", "are now refugees",
    "shot dead", "beaten to death"."""
    if _prep_object(verb, ("to",), frozenset({"death"})):
        return "killed"
    for c in verb.children:
        if c.dep_ in ("acomp", "oprd", "attr", "xcomp", "advmod", "ccomp", "dobj", "npadvmod"):
            kind = ADJ_KINDS.get(c.lower_) or (NOUN_KINDS.get(_lemma(c)) if c.dep_ == "attr" else None)
            if kind is not None:
                return kind
    return None


def _is_death_toll(tok: Token) -> bool:
    """ "the toll", "the death toll"; not "the injury toll"."""
    return _lemma(tok) == "toll" and all(_lemma(m) == "death" for m in tok.children if m.dep_ in ("compound", "amod"))


def _has_toll_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and _is_death_toll(c) for c in verb.children)


_HOSTAGE = frozenset({"hostage", "captive"})
_RANSOM = frozenset({"ransom"})


def _phrasal_kind(verb: Token) -> str | None:
    """Verb phrases: "taken hostage", "taken into custody", "rounded up", "forced from their homes"."""
    lemma = _lemma(verb)
    if lemma in ("take", "hold") and _child(
        verb, ("oprd", "dobj", "attr", "npadvmod", "advmod", "xcomp", "ccomp"), _HOSTAGE
    ):
        return "kidnapped"
    if lemma in ("take", "hold") and _prep_object(verb, ("for",), _RANSOM):
        return "kidnapped"  # "were held for ransom"
    if lemma == "take" and _prep_object(verb, ("into",), frozenset({"custody"})):
        return "arrested"
    if lemma in ("round", "pick") and _child(verb, ("prt",), frozenset({"up"})):
        return "arrested"
    if lemma in EVICT_VERBS and _prep_object(verb, ("from", "out"), HOME_WORDS):
        return "displaced"
    return None


def _idiomatic_hold(verb: Token) -> bool:
    """ "held out a threat", "held up in their houses", "held at (to) ransom" (a figure of speech)."""
    if _lemma(verb) != "hold":
        return False
    if any(c.dep_ == "prt" and c.lower_ in HOLD_PARTICLES for c in verb.children):
        return True
    return _prep_object(verb, ("at", "to"), _RANSOM) is not None


def _passive_kind(verb: Token) -> str | None:
    lemma = _lemma(verb)
    if _idiomatic_hold(verb):
        return None
    return _phrasal_kind(verb) or VERB_KINDS.get(lemma) or PASSIVE_ONLY_KINDS.get(lemma) or _state_kind(verb)


def _active_kind(verb: Token, counted: Token | None) -> str | None:
    lemma = _lemma(verb)
    if counted is not None and _lemma(counted) == "life" and lemma in LIFE_VERBS:
        return "killed"
    if lemma in TOLL_VERBS and _has_toll_subject(verb):
        return "killed"
    return _phrasal_kind(verb) or VERB_KINDS.get(lemma) or _state_kind(verb)


def _subject_kind(verb: Token, counted: Token | None) -> str | None:
    lemma = _lemma(verb)
    if lemma == "flee":
        return _flight_kind(verb, counted)
    if lemma == "lose" and _child(verb, ("dobj",), frozenset({"life"})):
        return "killed"
    if lemma == "die" and _prep_object(verb, ("of", "from", "after"), NATURAL_DEATH_WORDS):
        return None
    if lemma in PROTEST_HOST_VERBS and (
        _child(verb, ("dobj",), PROTEST_NOUNS) or _prep_object(verb, ("on", "in"), PROTEST_NOUNS)
    ):
        return "protesters"
    if lemma == "take" and _prep_object(verb, ("to",), frozenset({"street"})):
        return "protesters"
    if lemma in ("gather", "assemble", "converge", "flock", "turn") and (
        _child(verb, ("xcomp", "advcl"), frozenset({"protest", "demand", "demonstrate", "denounce", "condemn"}))
        or _prep_object(verb, ("for", "in"), PROTEST_NOUNS)
    ):
        return "protesters"
    return SUBJECT_KINDS.get(lemma) or _state_kind(verb)


def _flight_kind(verb: Token, counted: Token | None) -> str | None:
    """ "fled the country" -> refugees, "fled their homes" -> displaced; bare flight needs a population."""
    if _child(verb, ("dobj", "advmod"), ABROAD_WORDS) or _prep_object(verb, ("across", "over"), ABROAD_WORDS):
        return "refugees"
    if _child(verb, ("dobj",), HOME_WORDS) or _prep_object(verb, ("from",), HOME_WORDS):
        return "displaced"
    if counted is not None and _lemma(counted) not in POPULATION_NOUNS and counted.ent_type_ != "NORP":
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in verb.children):
        return "refugees"
    return "displaced"


def _is_passive(tok: Token, verb: Token) -> bool:
    if tok.dep_ == "nsubjpass":
        return True
    # "12 people were killed and 30 wounded": spaCy makes "30" the subject of a bare participle
    # (which takes no object: "14 MPs held out a threat" is active, mistagged VBN)
    return tok.dep_ == "nsubj" and verb.tag_ == "VBN" and not any(
        c.lower_ in _HAVE or c.dep_ == "dobj" for c in verb.children
    )


def _blocked(verb: Token) -> bool:
    """Negated, hypothetical or aimed-at: "were not killed", "could kill", "threatened to kill"."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return True
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxes & MODALS and not auxes & _HAVE:
        return True
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "acl") and _lemma(verb.head) in IRREALIS_HEADS:
        return True
    # "assassinating the president would be a leap": the clause is the subject of a hypothetical
    if verb.dep_ == "csubj" and verb.head is not verb and _blocked(verb.head):
        return True
    # "killing or wounding 50": which is which cannot be told
    coordinated = [*children, *(verb.head.children if verb.dep_ == "conj" else ())]
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in coordinated)


def _role_kind(role: Token, counted: Token | None, qualifier: range = range(0)) -> tuple[str | None, Token | None]:
    """The kind the parse gives ``role`` (the counted noun, or the number standing alone).

    ``qualifier`` holds the token indexes of the number's qualifier: spaCy sometimes hangs the
    number on it ("kidnapped up to 16 advisers": "advisers" under "to" under "up"), and then the
    number is the object of the verb above the qualifier.
    """
    while role.dep_ in ("conj", "appos") and role.head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
        role = role.head
    if role.dep_ == "pobj" and role.head.lower_ == "of" and _lemma(role.head.head) in TOTAL_NOUNS:
        role = role.head.head  # "a total of 47 miscreants were arrested"
    head, dep = role.head, role.dep_
    if dep == "pobj" and head.i in qualifier:
        while head.i in qualifier and head.head is not head:
            head = head.head
        dep = "dobj" if head.pos_ == "VERB" else dep
    if dep in ("nsubj", "nsubjpass"):
        passive = _is_passive(role, head)
        kind = (_passive_kind(head) if passive else _subject_kind(head, counted)) or _shared_conj_kind(
            head, counted, passive=passive
        )
        return kind, head
    if dep in ("dobj", "attr", "oprd"):
        return _active_kind(head, counted), head
    if dep == "pobj":
        prep, noun = head, head.head
        if prep.lower_ == "of" and _lemma(noun) in NOMINAL_KINDS:
            if _lemma(noun) == "toll" and not _is_death_toll(noun):
                return None, None
            return NOMINAL_KINDS[_lemma(noun)], _governing_verb(noun)
        if prep.lower_ in ("to", "at", "above", "past") and _lemma(noun) in TOLL_VERBS and _has_toll_subject(noun):
            return "killed", noun
    return None, None


def _shared_conj_kind(verb: Token, counted: Token | None, *, passive: bool) -> str | None:
    """ "12 people were shot and killed": the kind verb is a conjunct sharing the subject."""
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_.startswith("nsubj") for g in c.children):
            kind = _passive_kind(c) if passive else _subject_kind(c, counted)
            if kind is not None:
                return kind
    return None


def _governing_verb(tok: Token) -> Token | None:
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _kind_of(num: _Number) -> tuple[str, Token | None] | None:
    """(kind, counted noun) for a number, or None when it is not a count of people affected."""
    top = num.top
    if top.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and not (num.start <= top.head.i < num.end):
        counted = top.head
        while counted.dep_ == "compound" and counted.head.i > counted.i and counted.head.pos_ in ("NOUN", "PROPN"):
            counted = counted.head  # "two dozen bjp activists": the number hangs on "bjp"
        role = counted
    else:
        counted, role = _of_object(top), top
    kind, verb = _role_kind(role, counted, range(num.first, num.start))
    if verb is not None and _blocked(verb):
        return None
    if kind is not None:
        if counted is not None and _lemma(counted) not in NOUN_KINDS and _lemma(counted) != "life":
            if not person_like(counted) and not _arrested_anyone(kind, verb, counted):
                return None
            if kind == "protesters" and _lemma(counted) in SECURITY_NOUNS:
                return None
        return kind, counted
    for tok in (counted, role):
        if tok is not None and (noun_kind := NOUN_KINDS.get(_lemma(tok)) or NOUN_KINDS.get(tok.lower_)):
            return noun_kind, counted
    return None


def _arrested_anyone(kind: str, verb: Token | None, counted: Token) -> bool:
    """ "47 ram sevaks were arrested": only people are arrested, whatever the noun (not "held")."""
    return (
        kind == "arrested" and verb is not None and _lemma(verb) in ARREST_VERBS
        and _lemma(counted) not in NOT_PEOPLE and counted.pos_ in ("NOUN", "PROPN")
    )


# ---------------------------------------------------------------- the stage


def find_counts(sent: Span, *, article_id: str, sentence_index: int,
                ents: Sequence[Span] | None = None) -> list[Count]:
    """Counts of people killed, injured, arrested, displaced, ... in ``sent``, in text order.

    Offsets are character offsets in the Doc's text; ``text`` runs from the qualifier to the
    counted noun ("more than 240,000 people"). ``ents``: the sentence's entities, where the
    caller has them (else ``sent.ents``).
    """
    number_at, person_at = sentence_candidates(sent)
    if not number_at and not person_at:
        return []
    doc = sent.doc
    counts: list[Count] = []
    used: set[int] = set()
    numbers = _numbers(sent, sent.ents if ents is None else ents, number_at) if number_at else []
    for num in numbers:
        found = _kind_of(num)
        if found is None:
            continue
        kind, counted = found
        last = num.end - 1
        if counted is not None and num.end <= counted.i <= num.end + 6:
            last = counted.i
            used.add(counted.i)
        used.update(range(num.start, num.end))
        counts.append(_count(doc[num.first : last + 1], kind, num.value, num.qualifier, article_id, sentence_index))
    counts.extend(_singular_counts(sent, used, article_id, sentence_index, person_at))
    counts.sort(key=lambda c: c.start)
    return counts


def _count(span: Span, kind: str, value: int, qualifier: str, article_id: str, sentence_index: int) -> Count:
    return Count(
        article_id=article_id,
        sentence_index=sentence_index,
        kind=kind,
        value=value,
        qualifier=qualifier,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
    )


def _single_person(tok: Token, used: set[int]) -> bool:
    if tok.i in used or tok.tag_ not in ("NN", "NNP") or any(c.dep_ == "nummod" for c in tok.children):
        return False
    if tok.pos_ == "PROPN":
        return tok.ent_type_ == "PERSON"
    if _lemma(tok) in ("other", "one", "each", "police", "staff", "crew", "family", "militia"):
        return False
    determined = any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that")) or c.dep_ == "poss" for c in tok.children
    )
    return determined and person_like(tok)


def _phrase_start(tok: Token) -> int:
    """Where the noun phrase of ``tok`` starts, leaving out prepositional phrases before it."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in ("det", "poss", "compound", "amod", "nmod", "nummod", "quantmod", "predet"):
            start = min(start, c.left_edge.i)
    return start


def _singular_counts(sent: Span, used: set[int], article_id: str, sentence_index: int,
                     candidates: list[int]) -> list[Count]:
    out = []
    doc = sent.doc
    for tok in (doc[i] for i in candidates):
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj") or not _single_person(tok, used):
            continue
        kind, verb = _role_kind(tok, tok)
        if kind not in _SINGULAR_KINDS or verb is None or _blocked(verb):
            continue
        people = [tok, *(c for c in tok.conjuncts if _single_person(c, used))]
        span = sent.doc[_phrase_start(tok) : people[-1].i + 1]
        out.append(_count(span, kind, len(people), "exact", article_id, sentence_index))
    return out
