"""Page furniture for the dashboard: the layout, tables and forms, every value escaped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

NAV = (("/", "Overview"), ("/dyad", "Dyad explorer"), ("/map", "Map"), ("/actors", "Actors"), ("/docs", "API"))


def e(value: Any) -> str:
    """Escaped text of a value ('' for None, floats to 3 significant digits)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    return escape(str(value))


def page(title: str, body: str, *, active: str = "", db: str = "") -> str:
    links = "".join(f'<a href="{href}"{" class=active" if href == active else ""}>{name}</a>' for href, name in NAV)
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{e(title)} · Heron</title>"
        '<link rel=stylesheet href="/static/app.css"><script src="/static/app.js" defer></script></head>'
        f'<body><header><span class=brand>Heron</span><nav>{links}</nav><span class=db>{e(db)}</span></header>'
        f"<main><h1>{e(title)}</h1>{body}</main></body></html>"
    )


def href(path: str, **params: Any) -> str:
    q = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return escape(f"{path}?{q}" if q else path)


def item_path(prefix: str, item_id: str) -> str:
    """A page's path for an id of any characters (an article id may hold '/', '?' or spaces)."""
    return prefix + quote(str(item_id), safe="")


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, links: dict[str, Any] | None = None,
          css: str = "", empty: str = "nothing found") -> str:
    """An HTML table; ``links[column](row)`` gives a URL for that cell."""
    if not rows:
        return f'<p class="empty">{e(empty)}</p>'
    links = links or {}
    head = "".join(f"<th>{e(c)}</th>" for c in columns)
    body = []
    for r in rows:
        cells = []
        for c in columns:
            text = e(r.get(c))
            url = links[c](r) if c in links and r.get(c) is not None else None
            if url:
                text = f'<a href="{url}">{text}</a>'
            cells.append(f"<td>{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table class="{e(css)}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def field(name: str, label: str, value: Any = "", *, placeholder: str = "", datalist: str = "", kind: str = "text") -> str:
    extra = f' list="{e(datalist)}"' if datalist else ""
    return (f'<label>{e(label)} <input type="{kind}" name="{e(name)}" id="f-{e(name)}" value="{e(value)}" '
            f'placeholder="{e(placeholder)}" autocomplete="off"{extra}></label>')


def select(name: str, label: str, value: Any, options: Iterable[str]) -> str:
    opts = "".join(f'<option value="{e(o)}"{" selected" if str(o) == str(value) else ""}>{e(o)}</option>'
                   for o in options)
    return f'<label>{e(label)} <select name="{e(name)}" id="f-{e(name)}">{opts}</select></label>'


def form(action: str, fields: Sequence[str], *, button: str = "Show", css_id: str = "") -> str:
    return (f'<form method="get" action="{e(action)}"{f" id={css_id!r}" if css_id else ""} class="filters">'
            f'{"".join(fields)}<button type="submit" id="{e(css_id or "form")}-go">{e(button)}</button></form>')


def datalist(css_id: str, options: Iterable[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{e(v)}">{e(label)}</option>' for v, label in options)
    return f'<datalist id="{e(css_id)}">{opts}</datalist>'


def error_box(message: str) -> str:
    return f'<p class="error" role="alert">{e(message)}</p>'
