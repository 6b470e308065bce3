"""A report-ready picture of a dyad series: cooperation vs conflict per direction, with Goldstein."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from heron.errors import InputError

COLORS = {
    "verbal_coop": "#9ecae1", "material_coop": "#2171b5",
    "verbal_conflict": "#fdae6b", "material_conflict": "#d94801",
    "goldstein": "#252525",
}
LABELS = {
    "verbal_coop": "verbal cooperation", "material_coop": "material cooperation",
    "verbal_conflict": "verbal conflict", "material_conflict": "material conflict",
}
_WIDTH_DAYS = {"day": 0.8, "week": 5.5, "month": 24, "year": 300}
_BY_WORD = {"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly"}


def plot_dyad(series: pd.DataFrame, path: str | Path, *, by: str = "month", title: str | None = None,
              dedup: bool | str = False) -> Path:
    """Draw :func:`heron.query.dyad_series` output to a PNG (or any format matplotlib knows).

    One panel per direction: cooperation events stacked above the axis (verbal, material),
    conflict events below it, and the mean Goldstein score of each period on the right axis
    (-10 most conflictual .. +10 most cooperative).
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.dates as mdates
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise InputError("plotting needs matplotlib. Fix: pip install 'heron-events[plot]'.") from exc
    if series.empty:
        raise InputError("nothing to plot: no events between these actors in this period. "
                         "Fix: widen --from/--to or check the actor codes.")
    path = Path(path)
    directions = list(dict.fromkeys(series["direction"]))
    fig, axes = plt.subplots(len(directions), 1, figsize=(10, 3.4 * len(directions) + 0.8), sharex=True,
                             squeeze=False)
    width = _WIDTH_DAYS.get(by, 24)
    kind = "deduplicated events" if dedup else "event mentions"
    top = max(1, int((series["verbal_coop"] + series["material_coop"]).max()))
    bottom = max(1, int((series["verbal_conflict"] + series["material_conflict"]).max()))
    lim = max(top, bottom) * 1.15
    for ax, direction in zip(axes[:, 0], directions):
        d = series[series["direction"] == direction].sort_values("period")
        x = pd.to_datetime(d["period"]) + pd.Timedelta(days=width / 2 if by != "day" else 0)
        ax.bar(x, d["verbal_coop"], width=width, color=COLORS["verbal_coop"], label=LABELS["verbal_coop"])
        ax.bar(x, d["material_coop"], width=width, bottom=d["verbal_coop"], color=COLORS["material_coop"],
               label=LABELS["material_coop"])
        ax.bar(x, -d["verbal_conflict"], width=width, color=COLORS["verbal_conflict"],
               label=LABELS["verbal_conflict"])
        ax.bar(x, -d["material_conflict"], width=width, bottom=-d["verbal_conflict"],
               color=COLORS["material_conflict"], label=LABELS["material_conflict"])
        ax.axhline(0, color="#636363", linewidth=0.8)
        ax.set_ylim(-lim, lim)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True, symmetric=True))
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{abs(v):g}"))
        ax.set_ylabel(f"\u2193 conflict     cooperation \u2191\n({kind})", fontsize=9)
        total = int(d["events"].sum())
        arrow = direction.replace("->", " \u2192 ")
        ax.set_title(f"{arrow}   ({total} {kind})", loc="left", fontsize=11,
                     fontweight="bold")
        ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top",):
            ax.spines[side].set_visible(False)

        g = ax.twinx()
        # NaN (no events) breaks the line instead of bridging the gap.
        g.plot(x, d["goldstein_mean"].astype(float), color=COLORS["goldstein"], marker="o", markersize=3.5,
               linewidth=1.4, label="mean Goldstein score")
        g.set_ylim(-10.5, 10.5)
        g.set_yticks([-10, -5, 0, 5, 10])
        g.set_ylabel("mean Goldstein (-10 .. +10)", fontsize=9)
        g.spines["top"].set_visible(False)

    handles, labels = axes[0, 0].get_legend_handles_labels()
    gh, gl = fig.axes[-1].get_legend_handles_labels()
    fig.legend(handles + gh, labels + gl, loc="lower center", bbox_to_anchor=(0.5, 0.02), ncol=5, frameon=False,
               fontsize=9)
    last = axes[-1, 0]
    last.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=12))
    last.xaxis.set_major_formatter(mdates.ConciseDateFormatter(last.xaxis.get_major_locator()))
    a, b = series["source"].iloc[0], series["target"].iloc[0]
    fmt = {"month": "%b %Y", "year": "%Y"}.get(by, "%d %b %Y")
    periods = pd.to_datetime(series["period"])
    span = f"{periods.min():{fmt}} \u2013 {periods.max():{fmt}}"
    fig.suptitle(title or f"{a} and {b}: {_BY_WORD.get(by, by)} {kind}, {span}", fontsize=13)
    fig.text(0.01, 0.005, "Source: Heron event data. Bars: CAMEO QuadClass counts; line: mean Goldstein score.",
             ha="left", va="bottom", fontsize=7, color="#737373")
    fig.tight_layout(rect=(0, 0.07, 1, 0.97))
    path.parent.mkdir(parents=True, exist_ok=True)
    from heron.outfile import temp_beside

    with temp_beside(path) as tmp:  # renamed onto path: a symlink there is replaced, not followed
        fig.savefig(tmp, dpi=150, format=path.suffix.lstrip(".").lower() or "png")
    plt.close(fig)
    return path
