"""Read a user's actor dictionary in Heron's YAML or CSV format.

YAML: either a list of actors, or a mapping with ``actors:`` and ``sectors:`` lists::

    actors:
      - name: Hossein Dehqan              # required; also matched as a phrase
        aliases: [Hossein Dehghan, Dehqan]
        code: IRNGOVMIL                   # or give country + sectors and the code is built
        country: IRN                      # optional when the code starts with a country
        sectors: [GOV, MIL]               # optional when the code carries them
        kind: person                      # country|demonym|capital|region|igo|group|institution|person|actor
        role: defense minister            # optional
        from: 2013-08-15                  # optional: YYYY, YYYY-MM or YYYY-MM-DD (inclusive)
        to: 2017-08-20
    sectors:
      - phrase: defence chief
        plural: defence chiefs            # optional: default regular plural; "" or "-" = none
        sectors: [MIL]
        person: true

CSV: one row per actor or sector, header
``name,aliases,code,country,sectors,kind,role,from,to,person,plural``; lists (aliases, sectors)
are separated by ``;`` or ``|``; rows with ``kind`` = ``sector`` are sector phrases (``name`` is
the phrase, ``person`` 1/0). Lines starting with ``#`` are comments.

Any problem raises :class:`heron.errors.DictionaryError` naming the file and line.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path

from heron.actors.knowledge import (
    ActorKnowledge,
    LayerBuilder,
    SectorEntry,
    clean_phrase,
    parse_date,
    pluralize,
    split_code,
)
from heron.errors import DictionaryError

__all__ = ["load_user_dictionary", "ACTOR_KINDS"]

ACTOR_KINDS = frozenset(
    {"country", "demonym", "capital", "region", "igo", "group", "institution", "person", "actor"}
)
_TRUE = {"1", "true", "yes", "y", "t"}
_FALSE = {"0", "false", "no", "n", "f", ""}


class _Ctx:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.b = LayerBuilder(f"user:{path.name}")

    def err(self, line: int | None, msg: str) -> DictionaryError:
        where = f"{self.path}:{line}" if line else str(self.path)
        return DictionaryError(f"{where}: {msg}")


def _as_list(v, field: str, ctx: _Ctx, line: int | None) -> list[str]:
    if v is None or v == "":
        return []
    if isinstance(v, str):
        return [p.strip() for p in re.split(r"[;|]", v) if p.strip()]
    if isinstance(v, (list, tuple)):
        out = []
        for x in v:
            if not isinstance(x, (str, int, float)) or isinstance(x, bool):
                raise ctx.err(line, f"{field}: list items must be text, got {type(x).__name__}")
            out.append(str(x).strip())
        return [x for x in out if x]
    raise ctx.err(line, f"{field}: want a list or a ';'-separated string, got {type(v).__name__}")


def _as_date(v, field: str, ctx: _Ctx, line: int | None, *, end: bool) -> date | None:
    if v is None or v == "":
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    try:
        return parse_date(str(v), end=end)
    except ValueError as e:
        raise ctx.err(line, f"{field}: {e}") from None


def _as_bool(v, field: str, ctx: _Ctx, line: int | None, default: bool) -> bool:
    if v is None:
        return default
    if isinstance(v, bool):
        return v
    s = str(v).strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return default if s == "" else False
    raise ctx.err(line, f"{field}: want true/false, got {v!r}")


def _add_actor(rec: dict, ctx: _Ctx, line: int | None) -> None:
    unknown = set(rec) - {
        "name", "aliases", "code", "country", "sectors", "kind", "role", "from", "to",
        "valid_from", "valid_to", "case_sensitive", "person", "plural", "note",
    }
    if unknown:
        raise ctx.err(line, f"unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    name = str(rec.get("name") or "").strip()
    if not name:
        raise ctx.err(line, "actor without a name")
    sectors = tuple(s.upper() for s in _as_list(rec.get("sectors"), "sectors", ctx, line))
    for s in sectors:
        if not re.fullmatch(r"[A-Z0-9]{3}", s):
            raise ctx.err(line, f"sectors: {s!r} is not a 3-letter sector code")
    country = str(rec.get("country") or "").strip().upper() or None
    code = str(rec.get("code") or "").strip().upper()
    if code and not re.fullmatch(r"[A-Z0-9]+|-{3}", code):
        raise ctx.err(line, f"code: {code!r} is not a CAMEO code (letters and digits)")
    if not code:
        if not country:
            raise ctx.err(line, f"actor {name!r} needs a code, or a country to build one from")
        code = country + "".join(sectors)
    c2, s2 = split_code(code)
    if country is None:
        country = c2
    if not sectors:
        if country and c2 is None and code.startswith(country):
            rest = code[len(country):]
            sectors = tuple(rest[i : i + 3] for i in range(0, len(rest), 3))
        else:
            sectors = s2
    kind = str(rec.get("kind") or "").strip().lower()
    if not kind:
        if code == "---":
            kind = "null"
        elif rec.get("role"):
            kind = "person"
        elif code.startswith("IGO"):
            kind = "igo"
        elif c2 and not s2:
            kind = "country"
        elif c2:
            kind = "actor"
        else:
            kind = "group"
    elif kind not in ACTOR_KINDS:
        raise ctx.err(line, f"kind: {kind!r} is not one of {', '.join(sorted(ACTOR_KINDS))}")
    vf = _as_date(rec.get("from", rec.get("valid_from")), "from", ctx, line, end=False)
    vt = _as_date(rec.get("to", rec.get("valid_to")), "to", ctx, line, end=True)
    if vf and vt and vt < vf:
        raise ctx.err(line, f"'to' ({vt}) is before 'from' ({vf})")
    cs = rec.get("case_sensitive")
    cs = None if cs is None or cs == "" else _as_bool(cs, "case_sensitive", ctx, line, False)
    role = str(rec.get("role") or "").strip() or None
    prov = f"user:{ctx.path.name}" + (f":{line}" if line else "")
    for phrase in [name, *_as_list(rec.get("aliases"), "aliases", ctx, line)]:
        ctx.b.add_actor(
            phrase,
            name=name,
            code=code,
            country=country,
            sectors=sectors,
            kind=kind,
            valid_from=vf,
            valid_to=vt,
            provenance=prov,
            role=role,
            case_sensitive=cs,
        )


def _add_sector(rec: dict, ctx: _Ctx, line: int | None, phrase_field: str = "phrase") -> None:
    phrase = clean_phrase(str(rec.get(phrase_field) or ""))
    if not phrase:
        raise ctx.err(line, f"sector entry without a {phrase_field}")
    sectors = tuple(s.upper() for s in _as_list(rec.get("sectors"), "sectors", ctx, line))
    if not sectors:
        raise ctx.err(line, f"sector entry {phrase!r} needs sectors")
    for s in sectors:
        if not re.fullmatch(r"[A-Z0-9]{3}", s):
            raise ctx.err(line, f"sectors: {s!r} is not a 3-letter sector code")
    person = _as_bool(rec.get("person"), "person", ctx, line, False)
    prov = f"user:{ctx.path.name}" + (f":{line}" if line else "")
    forms = [phrase]
    plural = rec.get("plural")
    if plural is None:
        pl = pluralize(phrase)
        if pl:
            forms.append(pl)
    elif str(plural).strip() not in ("", "-"):
        forms.extend(clean_phrase(p) for p in _as_list(plural, "plural", ctx, line))
    for f in forms:
        ctx.b.add_sector(SectorEntry(f, sectors, phrase, person, prov))


def _loader():
    """A safe YAML loader that leaves dates as text (Heron parses and checks them itself)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return _Loader


def _yaml_lines(text: str) -> tuple[dict[int, int], dict[int, int]]:
    """Line numbers of the items of the actors and sectors lists (index -> 1-based line)."""
    import yaml

    actors: dict[int, int] = {}
    sectors: dict[int, int] = {}
    try:
        node = yaml.compose(text, Loader=_loader())
    except (yaml.YAMLError, RecursionError):
        return actors, sectors
    if isinstance(node, yaml.SequenceNode):
        actors = {i: n.start_mark.line + 1 for i, n in enumerate(node.value)}
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(v, yaml.SequenceNode) and getattr(k, "value", None) in ("actors", "sectors"):
                target = actors if k.value == "actors" else sectors
                target.update({i: n.start_mark.line + 1 for i, n in enumerate(v.value)})
    return actors, sectors


def _load_yaml(path: Path, text: str) -> ActorKnowledge:
    import yaml

    ctx = _Ctx(path)
    try:
        data = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ctx.err(mark.line + 1 if mark else None, f"not valid YAML ({getattr(e, 'problem', e)})") from None
    except RecursionError:
        raise ctx.err(None, "not valid YAML for a dictionary (lists or mappings nested too deeply)") from None
    if data is None:
        return ActorKnowledge([ctx.b.build()])
    a_lines, s_lines = _yaml_lines(text)
    if isinstance(data, list):
        actors, sectors = data, []
    elif isinstance(data, dict):
        extra = set(data) - {"actors", "sectors"}
        if extra:
            raise ctx.err(1, f"unknown top-level key(s) {', '.join(sorted(map(str, extra)))} (want actors, sectors)")
        actors, sectors = data.get("actors") or [], data.get("sectors") or []
        if not isinstance(actors, list) or not isinstance(sectors, list):
            raise ctx.err(1, "'actors' and 'sectors' must be lists")
    else:
        raise ctx.err(1, "want a list of actors, or a mapping with 'actors' and 'sectors' lists")
    for i, rec in enumerate(actors):
        line = a_lines.get(i)
        if not isinstance(rec, dict):
            raise ctx.err(line, f"actor #{i + 1} is not a mapping (name: ..., code: ...)")
        _add_actor(rec, ctx, line)
    for i, rec in enumerate(sectors):
        line = s_lines.get(i)
        if not isinstance(rec, dict):
            raise ctx.err(line, f"sector #{i + 1} is not a mapping (phrase: ..., sectors: ...)")
        _add_sector(rec, ctx, line)
    return ActorKnowledge([ctx.b.build()])


def _load_csv(path: Path, text: str) -> ActorKnowledge:
    ctx = _Ctx(path)
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    for rec in _csv_records(reader, ctx):
        line = reader.line_num
        if not rec or rec[0].lstrip().startswith("#") or all(not c.strip() for c in rec):
            continue
        if header is None:
            header = [h.strip().lower() for h in rec]
            if "name" not in header:
                raise ctx.err(line, "the header must have a 'name' column")
            continue
        if len(rec) > len(header):
            raise ctx.err(line, f"{len(rec)} fields but the header has {len(header)} (quote fields with commas)")
        row = {h: v.strip() for h, v in zip(header, rec) if v.strip() != ""}
        if row.get("kind", "").lower() == "sector":
            row.pop("kind")
            _add_sector({**row, "plural": row.get("plural")}, ctx, line, phrase_field="name")
        else:
            row.pop("person", None)
            row.pop("plural", None)
            _add_actor(row, ctx, line)
    return ActorKnowledge([ctx.b.build()])


def _csv_records(reader, ctx: _Ctx):
    """The reader's records; a CSV error (an unclosed quote, a field over the csv module's size
    limit, a NUL) raises a DictionaryError with the line."""
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raise ctx.err(reader.line_num or None, f"not valid CSV ({e})") from None
        yield rec


def load_user_dictionary(path: str | Path) -> ActorKnowledge:
    """Load a Heron user dictionary (.yaml, .yml or .csv)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise DictionaryError(f"{p}: cannot read ({e.strerror})") from None
    except UnicodeDecodeError:
        raise DictionaryError(f"{p}: not UTF-8 text") from None
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _load_yaml(p, text)
    if suffix == ".csv":
        return _load_csv(p, text)
    raise DictionaryError(f"{p}: user dictionaries are .yaml, .yml or .csv")
