"""Event dates: time expressions resolved against the article's publication date.

``find_dates(sent, published=...)`` finds and resolves the time expressions of a parsed
sentence; ``resolve_date(text, published=...)`` resolves one. Both return
:class:`heron.records.DateRef`. Cheap regular-expression rules come first (rules.py); dateparser
only sees date-like leftovers (fallback.py). The conventions are in rules.py's docstring.
"""

from heron.dates.find import clause_tense, find_dates
from heron.dates.resolve import resolve_date

__all__ = ["clause_tense", "find_dates", "resolve_date"]
