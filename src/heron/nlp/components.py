"""spaCy components Heron adds to the pipeline, registered by name."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("heron_dateline", assigns=["token.is_sent_start"])
def dateline_boundary(doc: Doc) -> Doc:
    """End the dateline ("TEHRAN (Tasnim) –") as a sentence of its own, before the parser runs.

    Otherwise the parser glues the dateline to the first sentence and often makes the city the
    subject ("NAIROBI ... met"), which hides the real actor.
    """
    from heron.geo.dateline import dateline_of

    text = doc.text
    dateline = dateline_of(doc, text=text)
    if dateline is None:
        return doc
    span = doc.char_span(dateline.end, len(text), alignment_mode="expand")
    if span is None or len(span) == 0:
        return doc
    first = span[0]
    while first.i < len(doc) - 1 and first.is_space:
        first = doc[first.i + 1]
    if first.i > 0:
        first.is_sent_start = True
        for tok in doc[1 : first.i]:
            tok.is_sent_start = False
    return doc
