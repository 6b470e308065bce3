"""Casualty and displacement counts: how many people were killed, injured, arrested, ...

``find_counts(sent, article_id=..., sentence_index=...)`` reads them from a parsed sentence;
``parse_number(text)`` reads one number phrase. Conventions: numbers.py and find.py docstrings.
"""

from heron.counts.find import find_counts
from heron.counts.numbers import parse_number

__all__ = ["find_counts", "parse_number"]
