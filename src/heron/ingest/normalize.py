"""Text normalisation shared by every reader.

Character offsets everywhere downstream refer to ``Article.text`` exactly as these functions
leave it, so the rules are few and fixed:

* newlines are unified: ``\\r\\n``, ``\\r``, U+2028 and U+2029 become ``\\n``;
* NUL characters are removed;
* lone UTF-16 surrogates (a JSON ``"\\ud800"`` escape with no partner) become U+FFFD, so that
  the text can always be written out as UTF-8;
* the text is put in Unicode NFC form;
* a leading byte-order mark and the whitespace around the whole text are removed.

A text that is only whitespace and invisible marks (zero-width, right-to-left, BOM) counts as
empty (:func:`has_visible_text`); the readers reject it as ``empty-text``.

Nothing else changes: no whitespace collapsing, no quote or dash folding, no mojibake repair.
"""

from __future__ import annotations

import re
import unicodedata

_NEWLINES = re.compile("\r\n?|[\u2028\u2029]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def normalise_text(text: str) -> str:
    """Return ``text`` with unified newlines, no NULs, in NFC, stripped at both ends."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = _NEWLINES.sub("\n", text)
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    return text.strip()


# Unicode categories that show nothing: separators, controls, format marks (zero-width space and
# joiners, right-to-left and embedding marks, soft hyphen, word joiner, byte-order mark).
_INVISIBLE = frozenset(("Zs", "Zl", "Zp", "Cc", "Cf"))


def has_visible_text(text: str) -> bool:
    """Whether ``text`` shows anything: a text of only spaces and invisible marks is empty."""
    return any(unicodedata.category(ch) not in _INVISIBLE for ch in text)
