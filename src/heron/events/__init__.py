"""Event coding: trigger lexicon (data) + dependency-based attribution -> EventCandidate records.

Public API::

    from heron.events import EventCoder, load_lexicon
    coder = EventCoder(nlp.vocab)
    events = coder.code_sentence(sent, mentions, sentence_index=i)
"""

from heron.events.coder import EventCoder
from heron.events.lexicon import EmbeddingClass, TriggerLexicon, TriggerPattern, load_lexicon

__all__ = ["EmbeddingClass", "EventCoder", "TriggerLexicon", "TriggerPattern", "load_lexicon"]
