"""Reading news articles: ``.txt``, ``.jsonl``, ``.json``, ``.html`` files, folders, stdin.

Public API::

    read_inputs(inputs, *, published=None, source=None, max_record_bytes=2_000_000, stdin=None)
        -> Iterator[Article | ReadProblem]
    parse_published(value) -> date        # raises heron.errors.InputError with a hint

Inputs
    A file is read by its extension (case does not matter):

    * ``.txt``: one article per file, UTF-8 (a BOM is tolerated). A short first line that does
      not end like a sentence is the title (rule in ``heron.ingest.text``). ``NAME.json`` beside
      it is its metadata sidecar (keys id, title, published, source, url, language).
    * ``.jsonl`` / ``.ndjson``: one article per line; keys id, text, title, published (or
      ``date``), source, url, language; other keys are ignored. Origin ``"path:LINE"``.
    * ``.json``: one article object (an array of them, or JSON Lines, are read too). A ``.json``
      beside a ``.txt`` / ``.html`` / ``.htm`` of the same name is a sidecar, never an article.
    * ``.html`` / ``.htm``: the main text of the page, extracted by trafilatura (no network), with
      the page's title, date, URL and site name; a sidecar works as for ``.txt``.
    * another extension: ReadProblem ``unsupported-file-type`` (``binary-file`` when it is not
      text at all).

    A folder is walked recursively: its files in sorted order, then its subfolders in sorted
    order; hidden names (``.git``, ``.DS_Store``) and sidecars are skipped. ``-`` (as a string
    or a Path) is standard input: JSON Lines when every non-blank line starts with ``{``, else
    one text article (title rule included).

Articles
    ``id`` comes from the input, else it is ``"h"`` + 16 hex digits of the SHA-1 of the text
    (whitespace runs folded), the same for the same text on every run. The text is normalised
    (newlines unified, NULs removed, NFC, stripped; see ``heron.ingest.normalize``) and otherwise
    kept verbatim: character offsets downstream refer to ``Article.text``. ``published`` and
    ``source`` given to ``read_inputs`` fill in what the input lacks; the input's own values win.

Problems
    Nothing is raised for bad input; each problem is yielded as a ``ReadProblem`` and the batch
    goes on (a bad JSONL line does not stop the next). Reasons:

    ===========================  =========================================================
    ``unreadable``               missing file, permission denied, I/O error
    ``binary-file``              NUL bytes (a stray one or two are just removed), a known
                                 binary signature (PDF, PNG, ZIP, gzip...), control characters
    ``undecodable``              not UTF-8; ``line`` is the line of the first bad byte
    ``record-too-large``         a line or file over ``max_record_bytes`` (HTML pages: 4x)
    ``invalid-json``             a JSONL line / .json file / sidecar that is not JSON
    ``not-an-object``            JSON that is not an object (an array on a JSONL line, ...)
    ``missing-text``             no ``text`` key, or it is null or not a string
    ``empty-text``               the text is empty or whitespace; no main text in a page
    ``unsupported-file-type``    an extension Heron does not read
    ``html-extractor-missing``   trafilatura cannot be imported
    ``html-extraction-failed``   trafilatura failed on the page
    ===========================  =========================================================

    An unreadable ``published`` value is not a ReadProblem: the article is kept with
    ``published=None`` (then filled by the ``published`` argument, if given) and a warning is
    logged on ``heron.ingest.dates``.

Logging only (logger ``heron.ingest.*``); nothing is printed.
"""

from __future__ import annotations

from heron.ingest.dates import parse_published
from heron.ingest.ids import content_id
from heron.ingest.inputs import empty_folders, read_inputs
from heron.ingest.normalize import normalise_text

__all__ = ["content_id", "empty_folders", "normalise_text", "parse_published", "read_inputs"]
