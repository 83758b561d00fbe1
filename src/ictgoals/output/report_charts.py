"""A chart per target, written as SVG: figures by year, baseline, target line or band, target year, projection.

The charts are simple (a few points, a line, a band), so they are written here, not drawn by a plotting
library: a chart takes well under a millisecond, a report of every region of a large dataset is not
held up by its charts, and `report` needs nothing beyond ictgoals itself. Text stays text, so a
reader can select and copy the numbers; every text is escaped, so nothing from the data becomes
markup; no element has an id, so charts inlined in one HTML page never clash; and the output is the
same on every run. The fonts named first (DejaVu Sans, Noto Sans, Arial) all have every Vietnamese
letter, and any system sans-serif stands in.

Axes: years across, at whole-year ticks (at most 6); the indicator's unit up the side, at "nice"
ticks (1, 2, 2.5 or 5 times a power of ten, at most 6 steps; whole numbers only for ranks), 5% of the
range spare above and below. A rank's axis is turned over, so that up is better on every chart.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from ictgoals.i18n import tr
from ictgoals.localize import plain
from ictgoals.model import Op, Qualifier
from ictgoals.output import text
from ictgoals.output.safe import printable
from ictgoals.values import Value

if TYPE_CHECKING:
    from ictgoals.analysis.report import TargetSection

BLUE, RED, GREY, ORANGE, INK = "#1f5fa8", "#b03a2e", "#555555", "#c66a12", "#333333"
FONT = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif"
WIDTH, HEIGHT = 640, 240
TOP, BOTTOM, RIGHT = 14, 212, 628  # the plot's edges; its left edge makes room for the longest tick label
TICK_FONT, LABEL_FONT = 12, 10
#: Up to this many figures, each is labelled with its value; beyond, labels would crowd, and the table
#: under the chart gives every value.
LABEL_ALL_UP_TO = 6


def has_figures(section: TargetSection) -> bool:
    """Whether a section gets a chart: a line needs two points; one figure is said in words instead."""
    return section.points >= 2


# ---------------------------------------------------------------- scales and ticks


@dataclass(frozen=True, eq=False, repr=False)
class _Scale(Value):
    """Values from `low` to `high` onto pixels from `start` to `end` (`end` < `start` for an axis that goes up)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)


def nice_step(span: float, most: int, *, whole: bool = False) -> float:
    """The smallest of 1, 2, 2.5 and 5 times a power of ten that cuts `span` into at most `most` steps;
    with `whole`, a whole number (1, 2, 5, 10, …)."""
    raw = span / most if span > 0 else 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    for multiple in (1.0, 2.0, 2.5, 5.0, 10.0):
        step = multiple * power
        if whole and (step < 1 or multiple == 2.5):
            continue
        if step >= raw * (1 - 1e-9):
            return step
    return 10.0 * power if not whole else max(1.0, 10.0 * power)


def ticks(low: float, high: float, step: float) -> list[float]:
    """The multiples of `step` from `low` to `high`, free of binary noise (0.3, not 0.30000000000000004)."""
    first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
    return [round(k * step, 10) for k in range(first, last + 1)]


def value_range(values: Iterable[float], *, whole: bool) -> tuple[float, float]:
    """What the vertical axis spans: the values with 5% of their range spare either side (a single value:
    5% of itself, or 1)."""
    found = list(values)
    low, high = min(found), max(found)
    if math.isclose(low, high, rel_tol=1e-9, abs_tol=1e-12):  # closer than a float can draw apart
        spare = abs(low) * 0.05 or 1.0
        if whole:
            spare = max(spare, 1.0)
        return low - spare, high + spare
    spare = (high - low) * 0.05
    return low - spare, high + spare


def year_ticks(first: int, last: int) -> list[int]:
    """Whole years from `first` to `last`, every one, or every 2nd, 5th, 10th… so that at most 6 are shown."""
    step = int(nice_step(last - first, 5, whole=True)) if last > first else 1
    return [int(y) for y in ticks(first, last, step)]


# ---------------------------------------------------------------- drawing


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if math.isfinite(value) else "0"


def _text(x: float, y: float, words: str, *, size: int, anchor: str = "middle", color: str = INK) -> str:
    shown = escape(printable(words.replace(text.NBSP, " ")))
    return (
        f'<text x="{_number(x)}" y="{_number(y)}" font-size="{size}" text-anchor="{anchor}" fill="{color}">'
        f"{shown}</text>"
    )


def _line(points: Sequence[tuple[float, float]], color: str, width: float, dash: str = "") -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    coordinates = " ".join(f"{_number(x)},{_number(y)}" for x, y in points)
    return (
        f'<polyline points="{coordinates}" fill="none" stroke="{color}" stroke-width="{width}"'
        f' stroke-linejoin="round"{dashes}/>'
    )


def _circle(x: float, y: float, radius: float, fill: str, stroke: str = "none", width: float = 0) -> str:
    outline = f' stroke="{stroke}" stroke-width="{width}"' if stroke != "none" else ""
    return f'<circle cx="{_number(x)}" cy="{_number(y)}" r="{radius}" fill="{fill}"{outline}/>'


def _square(x: float, y: float) -> str:  # the baseline: hollow, so the figure of its year shows through
    return (
        f'<rect x="{_number(x - 7)}" y="{_number(y - 7)}" width="14" height="14" fill="none" stroke="{GREY}"'
        ' stroke-width="2"/>'
    )


def _diamond(x: float, y: float) -> str:  # a derived value
    return f'<path d="M{_number(x)},{_number(y - 5)}l5,5l-5,5l-5,-5z" fill="{ORANGE}"/>'


def _band(left: float, right: float, top: float, bottom: float) -> str:
    low, high = sorted((top, bottom))
    return (
        f'<rect x="{_number(left)}" y="{_number(low)}" width="{_number(right - left)}" height="{_number(high - low)}"'
        f' fill="{RED}" fill-opacity="0.12"/>'
    )


def _svg(width: int, height: int, body: Iterable[str], *, inline: bool) -> str:
    """The document around the marks: HTML needs neither the XML prologue nor the namespace; a file does."""
    head = "" if inline else '<?xml version="1.0" encoding="utf-8"?>\n'
    namespace = "" if inline else ' xmlns="http://www.w3.org/2000/svg"'
    return (
        f'{head}<svg{namespace} width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' font-family="{FONT}" role="img">\n<rect width="{width}" height="{height}" fill="#ffffff"/>\n'
        + "\n".join(body)
        + "\n</svg>\n"
    )


FIGURE_WIDTH = 2.5
TARGET_DASH, YEAR_DASH, PROJECTION_DASH = "6 3", "1.5 3", "2 3"


def chart(section: TargetSection, *, inline: bool) -> str | None:
    """The SVG of one target's chart, or None when it has under two points to draw.

    `inline` leaves out the XML prologue and the namespace, which HTML does not need. What the marks
    mean is drawn once per report by `key`.
    """
    if not has_figures(section):
        return None
    row, view = section.row, section.view
    indicator, target = view.indicator, row.target
    readings = list(view.readings)
    years, values = [r.year for r in readings], [r.value for r in readings]
    goal = target.value[1] if isinstance(target.value, tuple) else target.value
    if goal is None and target.op is Op.MAINTAIN and row.baseline is not None:
        goal = row.baseline.value
    projection = row.projected is not None and bool(years) and target.year > years[-1]
    heights = [*values, *(p.value for p in view.derived)]
    heights += [row.baseline.value] if row.baseline is not None else []
    heights += list(target.value) if isinstance(target.value, tuple) else [goal] if goal is not None else []
    heights += [row.projected] if projection and row.projected is not None else []
    shown_years = [*years, *(p.year for p in view.derived), target.year]
    shown_years += [row.baseline.year] if row.baseline is not None else []

    whole = indicator.is_rank
    low, high = value_range(heights, whole=whole)
    labels = [(tick, plain(tick, 6)) for tick in ticks(low, high, nice_step(high - low, 6, whole=whole))]
    left = max(40, round(max((len(label) for _, label in labels), default=1) * TICK_FONT * 0.62) + 12)
    up = _Scale(low, high, TOP, BOTTOM) if whole else _Scale(low, high, BOTTOM, TOP)  # rank 1 at the top
    across = _Scale(min(shown_years) - 0.5, max(shown_years) + 0.5, left, RIGHT)

    marks: list[str] = []
    if isinstance(target.value, tuple):
        marks.append(_band(left, RIGHT, up(target.value[0]), up(target.value[1])))
    elif goal is not None:
        marks.append(_line([(left, up(goal)), (RIGHT, up(goal))], RED, 1.6, TARGET_DASH))
    marks.append(_line([(across(target.year), TOP), (across(target.year), BOTTOM)], RED, 1.1, YEAR_DASH))
    if row.baseline is not None:
        marks.append(_square(across(row.baseline.year), up(row.baseline.value)))
    points = [(across(year), up(value)) for year, value in zip(years, values, strict=True)]
    if points:
        marks.append(_line(points, BLUE, FIGURE_WIDTH))
        marks += [_circle(x, y, 3.5, BLUE) for x, y in points]
    marks += [_circle(across(r.year), up(r.value), 5, "#ffffff", BLUE, 2.5) for r in readings if r.estimate]
    marks += [_diamond(across(p.year), up(p.value)) for p in view.derived]
    if projection and row.projected is not None:
        end = (across(target.year), up(row.projected))
        marks.append(_line([points[-1], end], BLUE, 2, PROJECTION_DASH))
    if goal is not None:  # the target's own words at the end of its line
        marks.append(
            _text(
                RIGHT - 2, up(goal) - 5, text.show_target(target, indicator), size=LABEL_FONT, anchor="end", color=RED
            )
        )
    base = row.baseline.year if row.baseline is not None else None
    words = [_value_words(r.value, r.qualifier) for r in readings]
    shown = [*_labelled(list(zip(years, values, words, strict=True)), base)]
    shown += [(p.year, p.value, plain(p.value)) for p in view.derived]
    for year, value, label in shown:
        above = 12 if year == base else 8  # clear of the baseline's square
        marks.append(_text(across(year), max(up(value) - above, TOP - 2), label, size=LABEL_FONT))
    return _svg(WIDTH, HEIGHT, [*_axes(left, labels, up, across, shown_years), *marks], inline=inline)


def _axes(
    left: float,
    labels: Sequence[tuple[float, str]],
    up: Callable[[float], float],
    across: Callable[[float], float],
    shown_years: Sequence[int],
) -> list[str]:
    """The left and bottom edges, their ticks and the tick labels."""
    parts = [_line([(left, TOP), (left, BOTTOM), (RIGHT, BOTTOM)], INK, 1)]
    for tick, label in labels:
        y = up(tick)
        parts.append(_line([(left - 4, y), (left, y)], INK, 1))
        parts.append(_text(left - 7, y + 4, label, size=TICK_FONT, anchor="end"))
    for year in year_ticks(min(shown_years), max(shown_years)):
        x = across(year)
        parts.append(_line([(x, BOTTOM), (x, BOTTOM + 4)], INK, 1))
        parts.append(_text(x, BOTTOM + 18, str(year), size=TICK_FONT))
    return parts


def _value_words(value: float, qualifier: Qualifier | None) -> str:
    """A point's label: its value, with the bound its print states ("> 148")."""
    return plain(value) if qualifier is None else f"{qualifier.symbol} {plain(value)}"


def _labelled(points: list[tuple[int, float, str]], baseline: int | None) -> list[tuple[int, float, str]]:
    """The figures whose value is written beside the point: every one, or on a long series the first, the
    baseline's and the latest."""
    if len(points) <= LABEL_ALL_UP_TO:
        return points
    last = len(points) - 1
    return [point for number, point in enumerate(points) if number in (0, last) or point[0] == baseline]


def key(*, inline: bool) -> str:
    """What the marks of every chart mean, drawn once: figures, estimate, derived, baseline, target, target year,
    target range, projection; four to a row."""
    samples: list[tuple[str, Callable[[float, float], list[str]]]] = [
        (tr("Figures"), lambda x, y: [_line([(x, y), (x + 28, y)], BLUE, FIGURE_WIDTH), _circle(x + 14, y, 3.5, BLUE)]),
        (tr("estimate"), lambda x, y: [_circle(x + 14, y, 5, "#ffffff", BLUE, 2.5)]),
        (tr("derived"), lambda x, y: [_diamond(x + 14, y)]),
        (tr("Baseline"), lambda x, y: [_square(x + 14, y)]),
        (tr("Target"), lambda x, y: [_line([(x, y), (x + 28, y)], RED, 1.6, TARGET_DASH)]),
        (tr("Target year"), lambda x, y: [_line([(x + 14, y - 8), (x + 14, y + 8)], RED, 1.1, YEAR_DASH)]),
        (tr("Target range"), lambda x, y: [_band(x, x + 28, y - 6, y + 6)]),
        (tr("Projection"), lambda x, y: [_line([(x, y), (x + 28, y)], BLUE, 2, PROJECTION_DASH)]),
    ]
    marks: list[str] = []
    for number, (label, sample) in enumerate(samples):
        x, y = 12 + (number % 4) * 158, 18 + (number // 4) * 26
        marks += sample(x, y)
        marks.append(_text(x + 36, y + 4, label, size=11, anchor="start"))
    return _svg(WIDTH, 62, marks, inline=inline)


def draw_all(sections: Sequence[TargetSection], *, inline: bool) -> list[str | None]:
    """Every section's chart, in order (None for a section with under two points)."""
    return [chart(section, inline=inline) for section in sections]
