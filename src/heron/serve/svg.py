"""Small charts drawn as inline SVG on the server: no chart library, no script, nothing fetched.

Every label is escaped; numbers are formatted here. A chart with one period draws its points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Line:
    name: str
    values: Sequence[float | None]
    css: str  # a class in app.css that sets the colour


def _nice_range(values: list[float]) -> tuple[float, float]:
    lo, hi = min(values + [0.0]), max(values + [0.0])
    if lo == hi:
        hi = lo + 1.0
    return lo, hi


def line_chart(labels: Sequence[str], lines: Sequence[Line], *, title: str, width: int = 760, height: int = 240,
               css_id: str = "") -> str:
    """A line chart with one x label per period; ``None`` values leave a gap."""
    left, right, top, bottom = 48, 36, 26, 42
    w, h = width - left - right, height - top - bottom
    lines = [Line(line.name, [None if v is None or v != v else v for v in line.values], line.css)
             for line in lines]  # NaN is a gap too
    numbers = [float(v) for line in lines for v in line.values if v is not None]
    lo, hi = _nice_range(numbers)
    n = len(labels)

    def x(i: int) -> float:
        return left + (w / 2 if n == 1 else i * w / (n - 1))

    def y(v: float) -> float:
        return top + h - (v - lo) / (hi - lo) * h

    parts = [f'<svg class="chart" {f"id={escape(css_id)!r} " if css_id else ""}viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">',
             f'<text class="chart-title" x="{left}" y="16">{escape(title)}</text>']
    for v in (lo, (lo + hi) / 2, hi):
        parts.append(f'<line class="grid" x1="{left}" x2="{left + w}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>'
                     f'<text class="tick" x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.3g}</text>')
    if lo < 0 < hi:
        parts.append(f'<line class="zero" x1="{left}" x2="{left + w}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>')
    step = max(1, -(-n // 8))
    for i, label in enumerate(labels):
        if i % step == 0 or (i == n - 1 and (n - 1) % step > step // 2):
            parts.append(f'<text class="tick" x="{x(i):.1f}" y="{top + h + 16}" text-anchor="middle">{escape(label)}</text>')
    for k, line in enumerate(lines):
        runs, run = [], []
        for i, v in enumerate(line.values):
            if v is None:
                if run:
                    runs.append(run)
                run = []
            else:
                run.append((x(i), y(float(v)), labels[i], v))
        if run:
            runs.append(run)
        for r in runs:
            if len(r) > 1:
                pts = " ".join(f"{px:.1f},{py:.1f}" for px, py, _, _ in r)
                parts.append(f'<polyline class="series {escape(line.css)}" data-name="{escape(line.name)}" points="{pts}"/>')
            for px, py, label, v in r:
                parts.append(f'<circle class="dot {escape(line.css)}" cx="{px:.1f}" cy="{py:.1f}" r="3.5">'
                             f'<title>{escape(line.name)} {escape(label)}: {float(v):.3g}</title></circle>')
        lx = left + k * 170
        parts.append(f'<rect class="{escape(line.css)} key" x="{lx}" y="{height - 14}" width="10" height="10"/>'
                     f'<text class="tick" x="{lx + 14}" y="{height - 5}">{escape(line.name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Dot:
    lat: float
    lon: float
    value: float
    label: str
    css: str = "country"


def world_map(dots: Sequence[Dot], *, title: str, land: Sequence[tuple[float, float]] = (), cell: float = 2.0,
              labels: int = 15, width: int = 900, height: int = 450) -> str:
    """An equirectangular world: graticule, land as small squares (``cell``-degree cells holding
    ``land`` positions, south-west corners), and dots sized by value (area proportional); the
    ``labels`` biggest country dots are labelled."""
    def x(lon: float) -> float:
        return (lon + 180.0) / 360.0 * width

    def y(lat: float) -> float:
        return (90.0 - lat) / 180.0 * height

    parts = [f'<svg class="map" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(title)}"><rect class="sea" x="0" y="0" width="{width}" height="{height}"/>']
    for lon in range(-180, 181, 30):
        parts.append(f'<line class="graticule" x1="{x(lon):.1f}" x2="{x(lon):.1f}" y1="0" y2="{height}"/>')
    for lat in range(-60, 61, 30):
        parts.append(f'<line class="graticule{" equator" if lat == 0 else ""}" x1="0" x2="{width}" '
                     f'y1="{y(lat):.1f}" y2="{y(lat):.1f}"/>')
    if land:
        side = cell / 360.0 * width * 0.8
        squares = "".join(f"M{x(lon):.1f} {y(lat + cell):.1f}h{side:.1f}v{side:.1f}h-{side:.1f}z" for lat, lon in land)
        parts.append(f'<path class="land" d="{squares}"/>')
    top_value = max((d.value for d in dots), default=1.0) or 1.0
    for d in sorted(dots, key=lambda d: -d.value):
        r = 3.0 + 22.0 * (d.value / top_value) ** 0.5
        parts.append(f'<circle class="{escape(d.css)}" cx="{x(d.lon):.1f}" cy="{y(d.lat):.1f}" r="{r:.1f}">'
                     f'<title>{escape(d.label)}</title></circle>')
    countries = sorted((d for d in dots if d.css == "country"), key=lambda d: -d.value)[:labels]
    for d in countries:
        parts.append(f'<text class="map-label" x="{x(d.lon) + 4:.1f}" y="{y(d.lat) - 4:.1f}">'
                     f'{escape(d.label.split(":")[0])}</text>')
    parts.append("</svg>")
    return "".join(parts)
