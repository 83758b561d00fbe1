"""A chart per target, drawn by matplotlib as SVG: figures by year, baseline, target line or band, projection.

matplotlib is the `report` extra (`pip install 'ictgoals[report]'`); only `report` imports this module.
Text stays text (`svg.fonttype = "none"`): a reader can select and copy the numbers, a chart is about
15 KB instead of 50 KB, and it draws in a third less time; the fonts named first (DejaVu Sans, Noto
Sans, Arial) all have every Vietnamese letter, and any system sans-serif stands in. matplotlib escapes
the text it writes, so no text from the data reaches the SVG as markup. The output is the same on
every run (`svg.hashsalt`, no date in the metadata), and one figure is drawn on again and again.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.localize import plain
from ictgoals.model import Op
from ictgoals.output import text

if TYPE_CHECKING:
    from ictgoals.analysis.report import TargetSection

INSTALL = "pip install 'ictgoals[report]'"
_PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.S)  # the XML declaration and the DOCTYPE, which names a URL
_NAMESPACES = re.compile(r'\s+xmlns(:\w+)?="[^"]*"')
BLUE, RED, GREY, ORANGE = "#1f5fa8", "#b03a2e", "#555555", "#c66a12"


@functools.cache
def _matplotlib() -> Any:
    """matplotlib, set up for our charts once per process (a missing extra is a UsageError)."""
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
            "svg.fonttype": "none",
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
    """Whether a section gets a chart: a line needs two points; one figure is said in words instead."""
    return section.points >= 2


class _Canvas:
    """One figure and axes, drawn on again and again: making a new figure costs more than the chart itself.

    `clear` takes away everything a chart adds, so a chart is the same whatever was drawn before it
    (tests/test_report.py checks this).
    """

    def __init__(self) -> None:
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator

        self.figure = Figure(figsize=(6.4, 2.4), dpi=100)
        self.figure.subplots_adjust(left=0.09, right=0.98, top=0.95, bottom=0.12)
        self.axes = self.figure.add_subplot()
        self.axes.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))  # ticks cost most of a chart

    def clear(self) -> None:
        axes = self.axes
        for artist in [*axes.lines, *axes.patches, *axes.collections, *axes.texts]:
            artist.remove()
        if axes.yaxis_inverted():
            axes.invert_yaxis()
        axes.set_autoscaley_on(True)
        axes.relim()

    def svg(self) -> str:
        buffer = io.StringIO()
        self.figure.savefig(
            buffer, format="svg", metadata={"Format": None, "Type": None, "Creator": None, "Date": None}
        )
        return buffer.getvalue()


_canvas: list[_Canvas] = []


def _drawing() -> _Canvas:
    _matplotlib()
    if not _canvas:
        _canvas.append(_Canvas())
    canvas = _canvas[0]
    canvas.clear()
    return canvas


def _finish(svg: str, inline: bool) -> str:
    # matplotlib measured the text in DejaVu Sans; a reader without it gets another sans-serif, not a serif.
    svg = svg.replace("'DejaVu Sans'", "'DejaVu Sans', 'Noto Sans', Arial, sans-serif")
    if inline:
        svg = _NAMESPACES.sub("", _PROLOGUE.sub("", svg, count=1)).replace("xlink:href=", "href=")
    return svg.strip() + "\n"


#: How each mark is drawn; the charts and the key share it.
BASELINE: dict[str, Any] = {
    "marker": "s",
    "markersize": 11,
    "markerfacecolor": "none",
    "markeredgecolor": GREY,
    "markeredgewidth": 1.5,
}
FIGURES: dict[str, Any] = {"color": BLUE, "linewidth": 2, "marker": "o", "markersize": 5}
ESTIMATE: dict[str, Any] = {
    "marker": "o",
    "markersize": 8,
    "markerfacecolor": "white",
    "markeredgecolor": BLUE,
    "markeredgewidth": 2,
}
DERIVED: dict[str, Any] = {"marker": "D", "markersize": 6, "color": ORANGE}
TARGET: dict[str, Any] = {"color": RED, "linestyle": "--", "linewidth": 1.2}
BAND: dict[str, Any] = {"color": RED, "alpha": 0.12, "linewidth": 0}
TARGET_YEAR: dict[str, Any] = {"color": RED, "linestyle": ":", "linewidth": 0.8}
PROJECTION: dict[str, Any] = {"linestyle": ":", "linewidth": 1.5, "color": BLUE}


def chart(section: TargetSection, *, inline: bool) -> str | None:
    """The SVG of one target's chart, or None when the indicator has no figures in the region.

    `inline` leaves out the XML prologue and namespace declarations, which HTML does not need.
    What the marks mean is drawn once per report by `key`.
    """
    if not has_figures(section):
        return None
    canvas = _drawing()
    axes = canvas.axes
    row, view = section.row, section.view
    indicator, target = view.indicator, row.target
    if row.baseline is not None:  # drawn first and hollow, so the figure of the same year shows through
        axes.plot([row.baseline.year], [row.baseline.value], linestyle="none", **BASELINE)
    years = [r.year for r in view.readings]
    values = [r.value for r in view.readings]
    if years:
        axes.plot(years, values, **FIGURES)
    estimates = [r for r in view.readings if r.estimate]
    if estimates:
        axes.plot([r.year for r in estimates], [r.value for r in estimates], linestyle="none", **ESTIMATE)
    if view.derived:
        axes.plot([p.year for p in view.derived], [p.value for p in view.derived], linestyle="none", **DERIVED)
    if isinstance(target.value, tuple):
        axes.axhspan(*target.value, **BAND)
    elif target.value is not None:
        axes.axhline(target.value, **TARGET)
    elif target.op is Op.MAINTAIN and row.baseline is not None:
        axes.axhline(row.baseline.value, **TARGET)
    axes.axvline(target.year, **TARGET_YEAR)
    goal = target.value[1] if isinstance(target.value, tuple) else target.value
    if goal is None and target.op is Op.MAINTAIN and row.baseline is not None:
        goal = row.baseline.value
    if goal is not None:  # the target's own words at the end of its line
        axes.annotate(
            text.show_target(target, indicator),
            xy=(1.0, goal),
            xycoords=("axes fraction", "data"),
            xytext=(-2, 3),
            textcoords="offset points",
            ha="right",
            fontsize=7,
            color=RED,
        )
    for year, value in zip(years, values, strict=True):  # each figure's value beside its point
        axes.annotate(plain(value), (year, value), xytext=(0, 6), textcoords="offset points", ha="center", fontsize=7)
    if row.projected is not None and years and target.year > years[-1]:
        axes.plot([years[-1], target.year], [values[-1], row.projected], **PROJECTION)
    shown_years = [*years, *(p.year for p in view.derived), target.year]
    if row.baseline is not None:
        shown_years.append(row.baseline.year)
    axes.relim()
    axes.autoscale_view()
    axes.set_xlim(min(shown_years) - 0.5, max(shown_years) + 0.5)
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axes.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=indicator.is_rank))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: plain(value)))  # 45,8 in Vietnamese
    if indicator.is_rank:
        axes.invert_yaxis()  # rank 1 is best: better is up, as on every other chart
    return _finish(canvas.svg(), inline)


def key(*, inline: bool) -> str:
    """What the marks of every chart mean, drawn once: figures, estimate, derived, baseline, target, projection."""
    _matplotlib()
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    figure = Figure(figsize=(6.4, 0.6), dpi=100)
    handles = [
        Line2D([], [], label=tr("Figures"), **FIGURES),
        Line2D([], [], linestyle="none", label=tr("estimate"), **ESTIMATE),
        Line2D([], [], linestyle="none", label=tr("derived"), **DERIVED),
        Line2D([], [], linestyle="none", label=tr("Baseline"), **BASELINE),
        Line2D([], [], label=tr("Target"), **TARGET),
        Line2D([], [], label=tr("Target year"), **TARGET_YEAR),
        Patch(label=tr("Target range"), facecolor=RED, alpha=0.12),
        Line2D([], [], label=tr("Projection"), **PROJECTION),
    ]
    figure.legend(handles=handles, loc="center", ncol=4, frameon=False, fontsize=7.5)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Format": None, "Type": None, "Creator": None, "Date": None})
    return _finish(buffer.getvalue(), inline)


#: Below this many charts a second process costs more than it saves.
POOL_THRESHOLD = 24


def draw_all(sections: Sequence[TargetSection], *, inline: bool) -> list[str | None]:
    """Every section's chart, in order; spread over the machine's cores when there are many.

    Each worker process draws on its own figure; a chart does not depend on what was drawn before
    it, so the result is the same as drawing them one by one.
    """
    import os

    workers = min(os.cpu_count() or 1, 8)
    wanted = [s for s in sections if has_figures(s)]
    if workers < 2 or len(wanted) < POOL_THRESHOLD:
        return [chart(s, inline=inline) for s in sections]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    from ictgoals.i18n import language

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        drawn = pool.map(partial(_draw_in_worker, language(), inline), sections, chunksize=8)
        return list(drawn)


def _draw_in_worker(language: str, inline: bool, section: TargetSection) -> str | None:
    from ictgoals.i18n import use

    use(language)  # a spawned worker starts in English
    return chart(section, inline=inline)
