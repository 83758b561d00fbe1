"""A chart per target, drawn by matplotlib as SVG: figures by year, baseline, target line or band, projection.

matplotlib is the `report` extra (`pip install 'ictgoals[report]'`); only `report` imports this module.
Text is drawn as glyph outlines (DejaVu Sans, shipped with matplotlib, has every Vietnamese letter), so
a chart looks the same on any machine, offline and in print, and no text from the data reaches the SVG
as markup. The output is the same on every run (`svg.hashsalt`, no date in the metadata).
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import Op

if TYPE_CHECKING:
    from ictgoals.analysis.report import TargetSection

INSTALL = "pip install 'ictgoals[report]'"
_PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.S)  # the XML declaration and the DOCTYPE, which names a URL
_NAMESPACES = re.compile(r'\s+xmlns(:\w+)?="[^"]*"')
BLUE, RED, GREY, ORANGE = "#1f5fa8", "#b03a2e", "#555555", "#c66a12"


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as e:
        raise UsageError(
            tr(
                "report draws its charts with matplotlib, which is not installed. Install it with: {command}",
                command=INSTALL,
            )
        ) from e
    matplotlib.rcParams.update(
        {
            "svg.fonttype": "path",
            "svg.hashsalt": "ictgoals",
            "font.family": "DejaVu Sans",
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return matplotlib


def available() -> None:
    """Raise UsageError with the install command when matplotlib is missing."""
    _matplotlib()


def has_figures(section: TargetSection) -> bool:
    return bool(section.view.readings or section.view.derived)


def chart(section: TargetSection, *, inline: bool) -> str | None:
    """The SVG of one target's chart, or None when the indicator has no figures in the region.

    `inline` leaves out the XML prologue and namespace declarations, which HTML does not need.
    """
    if not has_figures(section):
        return None
    _matplotlib()
    from matplotlib.figure import Figure

    row, view = section.row, section.view
    indicator, target = view.indicator, row.target
    figure = Figure(figsize=(6.4, 2.8), dpi=100)
    figure.subplots_adjust(left=0.11, right=0.98, top=0.95, bottom=0.30)
    axes = figure.add_subplot()
    if row.baseline is not None:  # drawn first and hollow, so the figure of the same year shows through
        axes.plot(
            [row.baseline.year],
            [row.baseline.value],
            "s",
            markersize=11,
            markerfacecolor="none",
            markeredgecolor=GREY,
            markeredgewidth=1.5,
            label=tr("Baseline"),
        )
    years = [r.year for r in view.readings]
    values = [r.value for r in view.readings]
    if years:
        axes.plot(years, values, color=BLUE, linewidth=2, marker="o", markersize=5, label=tr("Figures"))
    estimates = [r for r in view.readings if r.estimate]
    if estimates:
        axes.plot(
            [r.year for r in estimates],
            [r.value for r in estimates],
            "o",
            markersize=8,
            markerfacecolor="white",
            markeredgecolor=BLUE,
            markeredgewidth=2,
            label=tr("estimate"),
        )
    if view.derived:
        axes.plot(
            [p.year for p in view.derived],
            [p.value for p in view.derived],
            "D",
            markersize=6,
            color=ORANGE,
            label=tr("derived"),
        )
    if isinstance(target.value, tuple):
        low, high = target.value
        axes.axhspan(low, high, color=RED, alpha=0.12, linewidth=0, label=tr("Target"))
    elif target.value is not None:
        axes.axhline(target.value, color=RED, linestyle="--", linewidth=1.2, label=tr("Target"))
    elif target.op is Op.MAINTAIN and row.baseline is not None:
        axes.axhline(row.baseline.value, color=RED, linestyle="--", linewidth=1.2, label=tr("Target"))
    axes.axvline(target.year, color=RED, linestyle=":", linewidth=0.8)
    if row.projected is not None and years and target.year > years[-1]:
        axes.plot(
            [years[-1], target.year],
            [values[-1], row.projected],
            linestyle=":",
            linewidth=1.5,
            color=BLUE,
            label=tr("Projection"),
        )
    from matplotlib.ticker import MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    shown_years = [*years, *(p.year for p in view.derived), target.year]
    if row.baseline is not None:
        shown_years.append(row.baseline.year)
    axes.set_xlim(min(shown_years) - 0.5, max(shown_years) + 0.5)
    if indicator.is_rank:
        axes.invert_yaxis()  # rank 1 is best: better is up, as on every other chart
    axes.set_ylabel(_axis_label(indicator.unit, indicator.is_percent, indicator.is_rank))
    axes.legend(fontsize=7.5, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=6)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Format": None, "Type": None, "Creator": None, "Date": None})
    svg = buffer.getvalue()
    if inline:
        svg = _NAMESPACES.sub("", _PROLOGUE.sub("", svg, count=1)).replace("xlink:href=", "href=")
    return svg.strip() + "\n"


def _axis_label(unit: str, percent: bool, rank: bool) -> str:
    from ictgoals.i18n import vocabulary

    if rank:
        return tr("rank (1 is best)")
    return "%" if percent else vocabulary("unit", unit)
