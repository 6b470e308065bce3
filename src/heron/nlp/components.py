"""spaCy components Heron adds to the pipeline, registered by name."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("heron_dateline", assigns=["token.is_sent_start"])
def dateline_boundary(doc: Doc) -> Doc:
    """End the dateline ("TEHRAN (Tasnim) –") as a sentence of its own, before the parser runs;
    a headline before it (or before a blank line) is a sentence of its own too.

    Otherwise the parser glues the dateline to the first sentence and often makes the city the
    subject ("NAIROBI ... met"), which hides the real actor.
    """
    from heron.nlp.dateline import dateline_of
    from heron.nlp.headlines import sentence_breaks

    text = doc.text
    dateline = dateline_of(doc, text=text)
    # a headline line ("Iran, Russia agree ...\n\n") is a sentence of its own, as is the dateline
    for char in sentence_breaks(text, dateline):
        tok = _first_word_at(doc, char)
        if tok is not None and tok.i > 0:
            tok.is_sent_start = True
    if dateline is None:
        return doc
    first = _first_word_at(doc, dateline.end)
    if first is not None and first.i > 0:
        start = _first_word_at(doc, dateline.start)
        lo = start.i + 1 if start is not None and start.i < first.i else 1
        first.is_sent_start = True
        for tok in doc[lo : first.i]:
            tok.is_sent_start = False
    return doc


# Longest run of tokens without a sentence end that is parsed as one sentence. News sentences stay
# far below it; scraped text without punctuation (a table dump, a 60 MB line) would otherwise make
# one sentence of thousands of tokens, and the coder's per-sentence work grows with its square.
MAX_SENTENCE_TOKENS = 200
_ENDS = frozenset((".", "!", "?", ";", "\u2026", "\u3002"))


@Language.component("heron_sentence_cap", assigns=["token.is_sent_start"])
def sentence_cap(doc: Doc) -> Doc:
    """Start a new sentence after ``MAX_SENTENCE_TOKENS`` tokens with no sentence end (. ! ? ; or
    a line break), before the parser runs, so no sentence is longer than that."""
    since = 0
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_sent_start or prev.text in _ENDS or (prev.is_space and "\n" in prev.text):
            since = 0
            continue
        since += 1
        if since >= MAX_SENTENCE_TOKENS:
            tok.is_sent_start = True
            since = 0
    return doc


def _first_word_at(doc: Doc, char: int):
    """The first non-space token at or after character ``char`` (None past the end)."""
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # len(doc.text), without joining it
    span = doc.char_span(char, size, alignment_mode="expand") if char < size else None
    if span is None or len(span) == 0:
        return None
    first = span[0]
    while first.i < len(doc) - 1 and first.is_space:
        first = doc[first.i + 1]
    return first
