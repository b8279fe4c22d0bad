"""The scale report's log-log plot, written as SVG by hand (no plotting library is installed).

One small panel per cost: the cost at each archive size N, both axes logarithmic (a straight line of slope 1
is linear growth, slope 0 a constant), the issue's target at 100k as a dashed line where there is one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

W, H = 300, 200  # one panel
LEFT, RIGHT, TOP, BOTTOM = 52, 14, 26, 34
COLUMNS = 3


@dataclass(frozen=True)
class Series:
    title: str  # "fresh ingest (s)"
    points: tuple[tuple[int, float], ...]  # (N, cost), costs > 0 only
    target: float | None = None
    hollow: frozenset[int] = frozenset()  # the sizes drawn as hollow points (measured with the stand-in embedding)


def _decades(lo: float, hi: float) -> tuple[int, int]:
    """Whole powers of ten around [lo, hi], at least one decade apart."""
    a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    return (a, b) if b > a else (a, a + 1)


def _label(v: float) -> str:
    """Three significant digits, thousands as k from 10k up: 0.123, 6.08, 3072, 10k, 1.5M."""
    if v >= 1e6:
        return f"{v / 1e6:.3g}M"
    if v >= 1e4:
        return f"{v / 1e3:.3g}k"
    return f"{v:.0f}" if v >= 100 else f"{v:.3g}"


def _panel(s: Series, x0: float, y0: float) -> list[str]:
    """The SVG elements of one panel whose top-left corner is (x0, y0)."""
    out = [f'<text x="{x0 + W / 2:.1f}" y="{y0 + 16}" text-anchor="middle" font-weight="bold">{escape(s.title)}</text>']
    ns = [n for n, _ in s.points]
    vs = [v for _, v in s.points] + ([s.target] if s.target else [])
    if not s.points:
        return out + [f'<text x="{x0 + W / 2:.1f}" y="{y0 + H / 2:.1f}" text-anchor="middle">no data</text>']
    xa, xb = _decades(min(ns), max(ns))
    ya, yb = _decades(min(vs) / 1.5, max(vs) * 1.5)  # room around the extremes (labels, a target line)
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM

    def px(n: float) -> float:
        return x0 + LEFT + (math.log10(n) - xa) / (xb - xa) * pw

    def py(v: float) -> float:
        return y0 + TOP + ph - (math.log10(v) - ya) / (yb - ya) * ph

    out.append(f'<rect x="{x0 + LEFT}" y="{y0 + TOP}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>')
    for d in range(xa, xb + 1):  # one grid line and label per decade
        x = px(10 ** d)
        out.append(f'<line x1="{x:.1f}" y1="{y0 + TOP}" x2="{x:.1f}" y2="{y0 + TOP + ph}" stroke="#eee"/>')
        out.append(f'<text x="{x:.1f}" y="{y0 + TOP + ph + 14}" text-anchor="middle">{_label(10 ** d)}</text>')
    for d in range(ya, yb + 1):
        y = py(10 ** d)
        out.append(f'<line x1="{x0 + LEFT}" y1="{y:.1f}" x2="{x0 + LEFT + pw}" y2="{y:.1f}" stroke="#eee"/>')
        out.append(f'<text x="{x0 + LEFT - 4}" y="{y + 4:.1f}" text-anchor="end">{_label(10 ** d)}</text>')
    out.append(f'<text x="{x0 + LEFT + pw / 2:.1f}" y="{y0 + H - 4}" text-anchor="middle" fill="#555">articles</text>')
    if s.target:
        y = py(s.target)
        out.append(f'<line x1="{x0 + LEFT}" y1="{y:.1f}" x2="{x0 + LEFT + pw}" y2="{y:.1f}" stroke="#c33" '
                   f'stroke-dasharray="5,4"/>')
        out.append(f'<text x="{x0 + LEFT + 4}" y="{y - 3:.1f}" fill="#c33">target {_label(s.target)}</text>')
    pts = " ".join(f"{px(n):.1f},{py(v):.1f}" for n, v in s.points)
    out.append(f'<polyline points="{pts}" fill="none" stroke="#2662c4" stroke-width="2"/>')
    for n, v in s.points:
        x, y = px(n), py(v)
        fill = "white" if n in s.hollow else "#2662c4"
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{fill}" stroke="#2662c4" stroke-width="1.5"/>')
        # Labels right of their point, but left of it near the right edge (where they would be cut off).
        right = x > x0 + LEFT + 0.75 * pw
        tx, anchor = (x - 6, "end") if right else (x + 6, "start")
        out.append(f'<text x="{tx:.1f}" y="{y - 6:.1f}" text-anchor="{anchor}">{_label(v)}</text>')
    return out


def render_svg(series: list[Series], title: str) -> str:
    """An SVG document: the panels in rows of COLUMNS, under a title (which should say what hollow points are)."""
    rows = max(1, math.ceil(len(series) / COLUMNS))
    width, height = COLUMNS * W, rows * H + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">{escape(title)}</text>']
    for i, s in enumerate(series):
        parts += _panel(s, (i % COLUMNS) * W, 30 + (i // COLUMNS) * H)
    return "\n".join(parts + ["</svg>"]) + "\n"
