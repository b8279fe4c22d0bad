"""The scale benchmark's results: one SizeResult per archive size, as JSON, a Markdown table and plot series.

The targets are issue 13's, for 100,000 articles on this 2-core machine; a figure measured at 100k or more is
marked met (✓) or not (✗) against them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from eval.scale_plot import Series

# The JSON keys, in order: `--json FILE` writes exactly these per size.
KEYS = ("embedding", "ingest_s", "add10_s", "delete10_s", "reingest_s", "disk_mb", "rss_ingest_mb", "rss_ask_mb",
        "cold_ask_s", "ask_p50_ms", "ask_p95_ms", "needle_hit1", "needle_contains")
TARGET_SIZE = 100_000
GB3 = 3 * 1024


@dataclass(frozen=True)
class SizeResult:
    size: int
    store: str  # "embedded" (Chroma under NEWSBOT_HOME) or "server" (`chroma run`, NEWSBOT_CHROMA_URL)
    embedding: str
    ingest_s: float
    add10_s: float
    delete10_s: float
    reingest_s: float
    disk_mb: float
    rss_ingest_mb: float
    rss_ask_mb: float
    cold_ask_s: float
    ask_p50_ms: float
    ask_p95_ms: float
    needle_hit1: float
    needle_contains: float
    server_rss_mb: float = 0.0  # the `chroma run` server's peak RSS (it holds the vectors), for the server run
    ingest_cpu_s: float = 0.0  # the fresh ingest's CPU time (user + system): wall time is noisy on a shared machine
    chunks: int = 0  # chunks embedded by the fresh ingest
    vectors: int = 0  # chunks + sentences embedded by it
    needle_answers: tuple[str, ...] = ()  # the needles' answers, to compare sizes (not in the JSON)
    asks_only: bool = False  # eval.scale --reuse: only the asks (and the disk) measured, on a kept index

    @property
    def key(self) -> str:
        """Its key in the JSON: the size, "10000-server" for the run against a Chroma server."""
        return str(self.size) if self.store == "embedded" else f"{self.size}-server"

    @property
    def articles_per_s(self) -> float:
        return self.size / self.ingest_s if self.ingest_s else 0.0

    def to_json(self) -> dict:
        return {k: getattr(self, k) for k in KEYS}


@dataclass(frozen=True)
class Row:
    """One line of the table. ``cell`` and ``met`` get a result and its base: the smallest size measured with the
    same embedding and store (the one a comparison across sizes is fair against)."""

    label: str
    cell: Callable[[SizeResult, SizeResult], str]  # (result, base) -> the figure as shown
    target: str = ""
    met: Callable[[SizeResult, SizeResult], bool] | None = None  # (result, base) -> target met?
    plot: str | None = None  # the SizeResult field plotted against N
    limit: float | None = None  # the target drawn in the plot
    needs_base: bool = False  # compares with the base: not judged when the result is its own base
    asked: bool = False  # measured by the asks (and so by eval.scale --reuse too)


def base_of(r: SizeResult, results: list[SizeResult]) -> SizeResult:
    """The smallest size measured with r's embedding and store: what r's size-dependent figures compare with."""
    return min((x for x in results if x.embedding == r.embedding and x.store == r.store), key=lambda x: x.size)


def _same_answers(r: SizeResult, base: SizeResult) -> bool:
    return r.needle_answers == base.needle_answers


def _alike(r: SizeResult, base: SizeResult) -> str:
    """How many needle answers are word for word those of ``base`` (the smallest size with this embedding)."""
    if base is r:
        return "(the base)"
    same = sum(a == b for a, b in zip(r.needle_answers, base.needle_answers))
    return f"{same}/{len(r.needle_answers)} as at {base.size:,}"


ROWS = (
    Row("embedding", lambda r, _: r.embedding, asked=True),
    Row("fresh ingest", lambda r, _: f"{r.ingest_s:.1f} s ({r.articles_per_s:.1f} articles/s; "
        f"{r.ingest_cpu_s:.0f} s CPU)", "real model: articles/s >= 2x today's", plot="ingest_s"),
    Row("chunks + sentences embedded", lambda r, _: f"{r.chunks:,} + {r.vectors - r.chunks:,}"),
    Row("add 10 articles", lambda r, _: f"{r.add10_s:.2f} s", "<= 10 s", lambda r, b: r.add10_s <= 10, "add10_s", 10),
    Row("delete 10 articles", lambda r, _: f"{r.delete10_s:.2f} s", "<= 10 s", lambda r, b: r.delete10_s <= 10,
        "delete10_s", 10),
    Row("re-ingest unchanged", lambda r, _: f"{r.reingest_s:.1f} s", "<= 60 s", lambda r, b: r.reingest_s <= 60,
        "reingest_s", 60),
    Row("disk, NEWSBOT_HOME + server data", lambda r, _: f"{r.disk_mb:,.0f} MB", plot="disk_mb", asked=True),
    Row("peak RSS, ingest", lambda r, _: f"{r.rss_ingest_mb:,.0f} MB", "<= 3 GB", lambda r, b: r.rss_ingest_mb <= GB3,
        "rss_ingest_mb", GB3),
    Row("peak RSS, answering", lambda r, _: f"{r.rss_ask_mb:,.0f} MB" + (
        f" (+ {r.server_rss_mb:,.0f} MB the Chroma server)" if r.server_rss_mb else ""), "<= 3 GB",
        lambda r, b: r.rss_ask_mb + r.server_rss_mb <= GB3, "rss_ask_mb", GB3, asked=True),
    Row("cold `newsbot ask`", lambda r, _: f"{r.cold_ask_s:.2f} s", "<= 1.5x its time at the smallest size",
        lambda r, b: r.cold_ask_s <= 1.5 * b.cold_ask_s, "cold_ask_s", needs_base=True, asked=True),
    Row("warm ask p50", lambda r, _: f"{r.ask_p50_ms:.0f} ms", "<= 100 ms", lambda r, b: r.ask_p50_ms <= 100,
        "ask_p50_ms", 100, asked=True),
    Row("warm ask p95", lambda r, _: f"{r.ask_p95_ms:.0f} ms", "<= 250 ms", lambda r, b: r.ask_p95_ms <= 250,
        "ask_p95_ms", 250, asked=True),
    Row("needle hit@1", lambda r, _: f"{r.needle_hit1:.2f}", asked=True),
    Row("needle answer contains gold", lambda r, _: f"{r.needle_contains:.2f}", asked=True),
    Row("needle answers word for word", _alike, "identical to those at the smallest size", _same_answers,
        needs_base=True, asked=True),
)


def _header(r: SizeResult) -> str:
    return f"{r.size:,}" + (" (Chroma server)" if r.store == "server" else "")


def markdown_table(results: list[SizeResult]) -> str:
    """Rows = costs, columns = sizes, then the target at 100k; figures at >= 100k marked met or not (those that
    compare sizes only against a smaller size measured with the same embedding)."""
    lines = ["| | " + " | ".join(_header(r) for r in results) + f" | target at {TARGET_SIZE:,} |",
             "|---|" + "---:|" * len(results) + "---|"]
    for row in ROWS:
        cells = []
        for r in results:
            base, mark = base_of(r, results), ""
            if row.met is not None and r.size >= TARGET_SIZE and not (row.needs_base and base is r):
                mark = " ✓" if row.met(r, base) else " ✗"
            cells.append("-" if r.asks_only and not row.asked else row.cell(r, base) + mark)
        lines.append(f"| {row.label} | " + " | ".join(cells) + f" | {row.target} |")
    return "\n".join(lines)


def plot_series(results: list[SizeResult]) -> list:
    """One Series per plotted cost, over the embedded-store runs (the server run is a different setting)."""
    runs = sorted((r for r in results if r.store == "embedded"), key=lambda r: r.size)
    out = []
    for row in ROWS:
        if row.plot is None:
            continue
        limit = row.limit
        if row.plot == "cold_ask_s" and runs:
            limit = 1.5 * runs[0].cold_ask_s  # the smallest size's (its embedding may differ: see the table)
        points = tuple((r.size, getattr(r, row.plot)) for r in runs if getattr(r, row.plot) > 0)
        unit = row.plot.rsplit("_", 1)[-1].replace("mb", "MB")
        hollow = frozenset(r.size for r in runs if "stand-in" in r.embedding)
        out.append(Series(f"{row.label} ({unit})", points, limit, hollow))
    return out
