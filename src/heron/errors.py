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
