"""Read PETRARCH/TABARI verb dictionaries (``PETR.Validate.verbs.txt``, ``CAMEO.2.0.txt``).

The format, line by line ('#' or ';' to the end of a line, and lines starting with '<!', are
comments; a '#' inside [brackets] is part of a code)::

    &CURRENCY_                 a synset (a trailing '_' on the name is dropped) ...
    +DOLLARS                   ... and its members: words or phrases of consecutive words
    +SWISS_FRANCS              ('_' or blank), or another synset: +&HYPERCURR
    --- GRANT  [070] ---       a verb block; the code is the default for its verbs ([---] = none)
    GRANT                      the block's verbs; {..} lists irregular forms, [..] its own code
    GIVE {GAVE GIVEN}
    +BREAK_DOWN {+BROKE_DOWN}  a multi-word verb: '+' marks the word that is the verb
    WIRE_+TAP [172]            ("KLM_NOP_+RST"); without '+' the first word is the verb
    - * &CURRENCY [903]        a pattern: '*' the verb, '+' the target, '$' the source,
    - + WAS_ * TO ^ [174]      '%' a compound actor, '^' a skipped noun phrase, '&X' a synset;
                               '_' joins adjacent words, a blank allows a gap

A synset may be used before its definition; a pattern naming an undefined synset is skipped
with a warning, as PETRARCH does. ``(..)`` and ``{..}`` groups in patterns (PETRARCH 2's
prepositional and noun phrases) are read as plain words. Codes are kept as written
("075A", "030:030", "abc"). How patterns are matched: petrarch_verb_match.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.tokens import Span

from heron.actors.petrarch_lines import _lines, _read_text
from heron.errors import DictionaryError
from heron.events.petrarch_verb_match import (
    Elem,
    VerbEntry,
    VerbHit,
    VerbPattern,
    match_sentence,
    phrase_alternatives,
    word_alternatives,
)

__all__ = ["VerbDictionary", "VerbHit", "read_verb_dictionary"]

NULL_CODE = "---"

_BRACKETED = re.compile(r"\[[^\]\n]*\]")
_CODE = re.compile(r"\[([^\[\]]*)\]")
_VERB_LINE = re.compile(
    r"^(?P<phrase>[^{}\[\]]+?)\s*(?:\{(?P<forms>[^{}\[\]]*)\})?\s*(?:\[(?P<code>[^\[\]]*)\])?$"
)
_SYNSET_NAME = re.compile(r"^&[A-Za-z0-9][\w\-']*$")


class VerbBlock:
    __slots__ = ("name", "code", "line", "patterns")

    def __init__(self, name: str, code: str | None, line: int) -> None:
        self.name, self.code, self.line = name, code, line
        self.patterns: list[VerbPattern] = []


class VerbDictionary:
    """A parsed verb dictionary; :meth:`match` codes the verbs of one sentence."""

    def __init__(self, path: Path, blocks: list[VerbBlock], entries: list[VerbEntry],
                 synsets: dict[str, tuple[tuple[str, ...], ...]], warnings: list[str]) -> None:
        self.path = path
        self.blocks = blocks
        self.entries = entries
        self.synsets = synsets
        self.warnings = tuple(warnings)
        self.verbs = len(entries)
        self.patterns = sum(len(b.patterns) for b in blocks)
        self._index: dict[str, list[VerbEntry]] = {}
        for e in entries:
            for f in e.forms:
                self._index.setdefault(f, []).append(e)

    def __repr__(self) -> str:
        return f"VerbDictionary({self.path.name!r}, verbs={self.verbs}, patterns={self.patterns})"

    def match(self, sent: Span) -> list[VerbHit]:
        """One hit per dictionary verb in ``sent`` that codes, in sentence order.

        A token is a candidate when its lower-cased text or lemma is a form of a dictionary
        verb. The longest matching pattern of its blocks wins (most literal words, then slots,
        then '_' joins, then fewer skipped tokens, then the earlier line); with none, a VERB/AUX
        token takes its verb's default code. A null code ([---]) gives no hit."""
        return match_sentence(sent, self._index, self.blocks)


def read_verb_dictionary(path: str | Path) -> VerbDictionary:
    """Read a PETRARCH verbs file; :class:`DictionaryError` names ``file:line`` of a bad line."""
    p = Path(path)
    try:
        text = _read_text(p)
    except OSError as e:
        raise DictionaryError(f"{p}: cannot read ({e.strerror})") from None
    return _Reader(p).read(text)


def _content(text: str):
    """(lineno, line) without comments; '#' and ';' inside [...] are kept."""
    protected = _BRACKETED.sub(lambda m: m.group().replace("#", "\x00").replace(";", "\x01"), text)
    for lineno, line in _lines(protected):
        line = line.split(";", 1)[0].strip()
        if line:
            yield lineno, line.replace("\x00", "#").replace("\x01", ";")


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.blocks: list[VerbBlock] = []
        self.entries: list[VerbEntry] = []
        self.raw_syn: dict[str, list[tuple[int, str]]] = {}
        self.raw_patterns: dict[tuple[int, int], str] = {}
        self.warnings: list[str] = []

    def error(self, lineno: int, msg: str) -> DictionaryError:
        return DictionaryError(f"{self.path}:{lineno}: {msg}")

    def read(self, text: str) -> VerbDictionary:
        synset: str | None = None
        for ln, line in _content(text):
            if synset is not None and line.startswith("+"):
                self.raw_syn[synset].append((ln, line[1:].strip()))
                continue
            synset = None
            if line.startswith("---"):
                self._header(ln, line)
            elif line.startswith("&"):
                synset = self._synset_name(ln, line)
                self.raw_syn[synset] = []
            elif line.startswith("-"):
                self._pattern(ln, line)
            elif line.startswith("~"):  # a PETRARCH 2 transformation ("~ a (a b ATTACK) SAY = ...")
                self.warnings.append(f"{self.path}:{ln}: transformation not supported; skipped")
            else:
                self._verb(ln, line)
        synsets = self._resolve_synsets()
        for bi, b in enumerate(self.blocks):
            done = (self._finish(bi, i, p, synsets) for i, p in enumerate(b.patterns))
            b.patterns = [p for p in done if p is not None]
        return VerbDictionary(self.path, self.blocks, self.entries, synsets, self.warnings)

    # -- lines ----------------------------------------------------------------------------

    def _code(self, ln: int, body: str) -> str | None:
        body = body.strip()
        if not body or re.search(r"\s", body):
            raise self.error(ln, f"bad code [{body}] (want one code without blanks, e.g. [190])")
        return None if body == NULL_CODE else body

    def _header(self, ln: int, line: str) -> None:
        inner = line.strip("-").strip()
        codes = _CODE.findall(inner)
        name = _CODE.sub(" ", inner).strip().strip("-").strip()
        if not name or "[" in name or "]" in name:
            raise self.error(ln, f"bad block header {line!r} (want '--- NAME [CODE] ---')")
        code = self._code(ln, codes[0]) if codes else None
        if len(codes) > 1:
            self.warnings.append(f"{self.path}:{ln}: extra codes after [{codes[0]}] ignored")
        self.blocks.append(VerbBlock(name.rstrip("_"), code, ln))

    def _synset_name(self, ln: int, line: str) -> str:
        name = line.strip().rstrip("_").upper()
        if not _SYNSET_NAME.match(name):
            raise self.error(ln, f"bad synset name {line!r} (want '&NAME')")
        return name

    def _block(self, ln: int, what: str) -> VerbBlock:
        if not self.blocks:
            raise self.error(ln, f"{what} before any '--- VERB [CODE] ---' block header")
        return self.blocks[-1]

    def _verb(self, ln: int, line: str) -> None:
        block = self._block(ln, f"verb line {line!r}")
        m = _VERB_LINE.match(line)
        if not m:
            raise self.error(ln, f"bad verb line {line!r} (want 'VERB {{FORMS}} [CODE]')")
        code = self._code(ln, m.group("code")) if m.group("code") is not None else block.code
        before, head, head_joined, after = self._multiword(ln, m.group("phrase"))
        forms = {head}
        for form in (m.group("forms") or "").replace(",", " ").split():
            forms.add(self._multiword(ln, form)[1])
        self.entries.append(VerbEntry(head, frozenset(forms), before, head_joined, after, code,
                                      " ".join(line.split()), ln, len(self.blocks) - 1))

    def _multiword(self, ln: int, phrase: str):
        """'KLM_NOP_+RST' -> (before elems, 'rst', joined, after elems)."""
        parts: list[tuple[str, bool]] = []  # (word, joined to previous)
        for chunk in phrase.split():
            for k, w in enumerate(chunk.split("_")):
                if w:
                    parts.append((w, k > 0))
        marked = [i for i, (w, _) in enumerate(parts) if w.startswith("+")]
        if not parts or len(marked) > 1 or any(not re.match(r"^\+?[\w'\-.]+$", w) for w, _ in parts):
            raise self.error(ln, f"bad verb {phrase!r} (want words, one of them marked '+')")
        h = marked[0] if marked else 0
        words = [(w.lstrip("+"), j) for w, j in parts]
        pieces = [x for x in re.split(r"(-)", words[h][0].lower()) if x]
        if len(pieces) > 1 and pieces[-1] != "-":  # "RE-ELECT": spaCy makes "re - elect"
            head, extra = pieces[-1], [Elem("words", ((x,),), True) for x in pieces[:-1]]
        else:
            head, extra = words[h][0].lower(), []

        def elems(ws):
            return tuple(Elem("words", tuple(word_alternatives(w)), j) for w, j in ws)

        before = elems(words[:h]) + tuple(extra)
        head_joined = bool(extra) or (h > 0 and words[h][1])
        return before, head, head_joined, elems(words[h + 1:])

    def _pattern(self, ln: int, line: str) -> None:
        """Checked now; split into elements once all synset names are known (see _finish)."""
        block = self._block(ln, f"pattern {line!r}")
        body = line[1:].strip()
        codes = _CODE.findall(body)
        if len(codes) != 1 or not body.endswith("]"):
            raise self.error(ln, f"pattern {line!r} needs one [CODE] at its end")
        code = self._code(ln, codes[0])
        words = _CODE.sub(" ", body).strip()
        # "*SCEPTICAL" (a '*' stuck to a word) reads as "* SCEPTICAL"
        words = re.sub(r"\*(?=[^\s_(){}*])", "* ", re.sub(r"(?<=[^\s_(){}*])\*", " *", words))
        if len(re.findall(r"(?<![^\s_(){}])\*+(?![^\s_(){}])", words)) != 1:
            raise self.error(ln, f"pattern {line!r} needs exactly one '*' for the verb")
        block.patterns.append(VerbPattern((), False, (), code, " ".join(line.split()), ln))
        self.raw_patterns[(len(self.blocks) - 1, len(block.patterns) - 1)] = words

    def _elems(self, ln: int, words: str, synsets) -> list[Elem] | None:
        elems: list[Elem] = []
        for chunk in re.sub(r"[(){}]", " ", words).split():
            parts = chunk.split("_")
            k = 0
            while k < len(parts):
                part, joined = parts[k], k > 0
                k += 1
                if not part:
                    continue
                if part.startswith("&"):
                    # a synset name may hold '_' ("&FIGHT_OF_WORDS"): take the longest defined
                    for j in range(len(parts), k - 1, -1):
                        name = "_".join([part] + parts[k:j]).rstrip("_").upper()
                        if name in synsets:
                            elems.append(Elem("words", synsets[name], joined))
                            k = j
                            break
                    else:
                        self.warnings.append(f"{self.path}:{ln}: undefined synset {part}; pattern skipped")
                        return None
                    continue
                elems.append(self._elem(ln, part, joined))
        return elems

    def _elem(self, ln: int, part: str, joined: bool) -> Elem:
        kinds = {"+": "target", "$": "source", "%": "compound", "^": "skip"}
        if part in kinds:
            return Elem(kinds[part], joined=joined)
        if re.fullmatch(r"\*+", part):
            return Elem("verb", joined=joined)
        if any(c in part for c in "*+$%^&[]"):
            raise self.error(ln, f"bad word {part!r} in pattern")
        return Elem("words", tuple(word_alternatives(part)), joined)

    # -- synsets --------------------------------------------------------------------------

    def _resolve_synsets(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        done: dict[str, tuple[tuple[str, ...], ...]] = {}

        def resolve(name: str, stack: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
            if name in done:
                return done[name]
            out: list[tuple[str, ...]] = []
            for ln, member in self.raw_syn[name]:
                if member.startswith("&"):
                    ref = self._synset_name(ln, member)
                    if ref in stack:
                        raise self.error(ln, f"synset {ref} contains itself (through {name})")
                    if ref not in self.raw_syn:
                        raise self.error(ln, f"synset {name} names undefined synset {ref}")
                    out.extend(resolve(ref, stack + (ref,)))
                    continue
                words = [w for w in re.split(r"[_\s]+", member) if w]
                if not words or any(not re.match(r"^[\w'\-./]+$", w) for w in words):
                    raise self.error(ln, f"bad synset member {member!r} (want words or &SYNSET)")
                out.extend(phrase_alternatives(words))
            if not out:
                self.warnings.append(f"{self.path}: synset {name} has no members")
            done[name] = tuple(dict.fromkeys(out))
            return done[name]

        for name in self.raw_syn:
            resolve(name, (name,))
        return done

    def _finish(self, b: int, i: int, p: VerbPattern, synsets) -> VerbPattern | None:
        words = self.raw_patterns[(b, i)]
        if "|" in words:  # a TABARI disjunction: PETRARCH skips these too
            self.warnings.append(f"{self.path}:{p.line}: disjunction '|' not supported; pattern skipped")
            return None
        elems = self._elems(p.line, words, synsets)
        if elems is None:
            return None
        star = next(k for k, e in enumerate(elems) if e.kind == "verb")
        return VerbPattern(tuple(elems[:star]), elems[star].joined, tuple(elems[star + 1:]),
                           p.code, p.text, p.line, VerbPattern.needs_of(elems))
