"""Bytes to text: UTF-8 (a byte-order mark is tolerated), and telling binary files apart.

Files are expected in UTF-8. A UTF-16 file that starts with its byte-order mark (what some
Windows editors save as "Unicode") is read too. Anything else that is not valid UTF-8 is refused
with the line and column of the first bad byte, so the user can find and fix it.
"""

from __future__ import annotations

import codecs

SNIFF_BYTES = 8192

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# Signatures of common binary formats that may sit in a folder of articles.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel/ODF document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
)

# C0 control bytes that plain text does not contain (tab, newlines, form feed and escape do;
# NUL is counted on its own).
_CONTROL = frozenset(range(1, 0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}


def binary_reason(sample: bytes) -> str | None:
    """Why these first bytes of a file look binary, or None when they look like text."""
    if sample.startswith(_UTF16_BOMS):
        return None
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            return f"looks like {what}, not text"
    nuls = sample.count(b"\x00")
    if nuls >= 3 and nuls * 100 > len(sample):  # a stray NUL or two in a text is removed later
        return "contains NUL bytes: a binary file, or text in an encoding other than UTF-8"
    if sample:
        controls = sum(1 for byte in sample if byte in _CONTROL)
        if controls * 10 > len(sample):
            return "mostly control characters, not text"
    return None


class Undecodable(Exception):
    """Bytes that are not UTF-8: where the first bad one is (1-based line and byte column)."""

    def __init__(self, line: int, column: int, byte: int) -> None:
        super().__init__(line, column, byte)
        self.line = line
        self.column = column
        self.byte = byte

    def detail(self) -> str:
        return (
            f"byte 0x{self.byte:02x} at line {self.line}, column {self.column} is not UTF-8; "
            "save the file as UTF-8"
        )


def decode_bytes(data: bytes, *, first_line: int = 1) -> str:
    """Decode a whole file (or one line of one); raise ``Undecodable`` with where it fails.

    ``first_line`` is the line number of the first byte of ``data`` in its file.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise _where(data, err.start, first_line) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        # utf-8-sig reports positions in the data after the BOM it dropped.
        skipped = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        raise _where(data, err.start + skipped, first_line) from None


def _where(data: bytes, pos: int, first_line: int) -> Undecodable:
    pos = max(0, min(pos, len(data) - 1))
    line_start = data.rfind(b"\n", 0, pos) + 1
    return Undecodable(
        line=first_line + data.count(b"\n", 0, pos),
        column=pos - line_start + 1,
        byte=data[pos],
    )
