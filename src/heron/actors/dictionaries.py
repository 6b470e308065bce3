"""Where actor knowledge comes from: Heron's own tables and dictionary files, composed.

:mod:`heron.actors.knowledge` holds the knowledge and knows nothing of files; each loader builds
knowledge from one kind of source (:mod:`heron.actors.builtin` Heron's tables,
:mod:`heron.actors.petrarch` PETRARCH/TABARI dictionaries, :mod:`heron.actors.userdict` a user's
YAML/CSV file). This module chooses the loader for a file; callers merge the results
(``load_builtin().merged(load_dictionary(a), load_dictionary(b))``, as the pipeline does).
"""

from __future__ import annotations

from pathlib import Path

from heron.actors.builtin import load_builtin
from heron.actors.knowledge import ActorKnowledge
from heron.actors.petrarch import load_petrarch
from heron.actors.userdict import load_user_dictionary
from heron.errors import DictionaryError

__all__ = ["load_builtin", "load_dictionary", "DICTIONARY_SUFFIXES"]

#: file names a folder of dictionaries is read for
DICTIONARY_SUFFIXES = (".actors.txt", ".agents.txt", ".yaml", ".yml", ".csv")


def load_dictionary(path: str | Path, *, strict: bool = False) -> ActorKnowledge:
    """Read one dictionary file, choosing the reader by its name.

    ``*.actors.txt`` and ``*.agents.txt``: PETRARCH/TABARI actor and agent dictionaries
    (compiled once and cached, see :mod:`heron.actors.petrarch`); ``.yaml``/``.yml`` and
    ``.csv``: Heron's user format (see ``heron/data/actors/README.md``). A directory loads every
    dictionary file in it, in name order. Problems that make a line unreadable raise
    :class:`heron.errors.DictionaryError` naming the file and line; with ``strict=True`` the
    oddities tolerated in the Phoenix files (listed in ``.warnings``) raise as well.
    """
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.iterdir() if f.name.lower().endswith(DICTIONARY_SUFFIXES))
        if not files:
            raise DictionaryError(f"{p}: no dictionary files (*.actors.txt, *.agents.txt, .yaml, .csv)")
        out = ActorKnowledge()
        for f in files:
            out = out.merged(load_dictionary(f, strict=strict))
        return out
    if not p.exists():
        raise DictionaryError(f"{p}: no such file")
    low = p.name.lower()
    if low.endswith((".actors.txt", ".agents.txt")):
        return load_petrarch(p, strict=strict)
    if low.endswith((".yaml", ".yml", ".csv")):
        return load_user_dictionary(p)
    raise DictionaryError(
        f"{p}: unknown dictionary type; name it *.actors.txt or *.agents.txt (PETRARCH), "
        f"or .yaml/.yml/.csv (Heron user format)"
    )
