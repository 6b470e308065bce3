"""Heron's errors. Each has a code and says how to fix the problem."""

from __future__ import annotations


class HeronError(Exception):
    """Base class: ``code`` is a stable identifier such as ``E001``."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class ModelNotFound(HeronError):
    code = "E001"


class DictionaryError(HeronError):
    code = "E002"


class StoreError(HeronError):
    code = "E003"


class InputError(HeronError):
    code = "E004"


class OntologyError(HeronError):
    code = "E005"


class GoldFormatError(HeronError):
    code = "E006"


def file_lines(text: str) -> list[str]:
    """A data file's lines as an editor numbers them: split at ``\\n``, ``\\r\\n`` and ``\\r`` only.

    ``str.splitlines`` also splits at form feeds, ``\\x1c``-``\\x1e``, ``\\x85`` and U+2028, which
    would make the line number in a :class:`DictionaryError` point past the line the user sees."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
