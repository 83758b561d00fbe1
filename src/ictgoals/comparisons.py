"""Pure computations beyond status: year-on-year diffs, checks of the data, and one indicator's view."""

from __future__ import annotations

from collections.abc import Sequence

from ictgoals.compute import Index, evaluate, same_value, status, targets_for
from ictgoals.model import (
    NATIONAL,
    Actual,
    ChangeUnit,
    Dataset,
    Indicator,
    Point,
    Reading,
    StatedChange,
    region_key,
)
from ictgoals.reports import DiffReport, DiffRow, Finding, IndicatorView, Severity

# ---------------------------------------------------------------- diff


def implied_previous(value: float, change: StatedChange, indicator: Indicator) -> float | None:
    """The earlier figure a stated change implies; None for a stated range."""
    if isinstance(change.value, tuple):
        return None
    if change.unit is ChangeUnit.PERCENT:
        factor = 1.0 + change.value / 100.0
        return None if factor == 0 else value / factor
    if change.unit is ChangeUnit.POINTS:
        return value - change.value
    return value - indicator.better.sign * change.value


def computed_change(before: float, after: float, unit: ChangeUnit, indicator: Indicator) -> float | None:
    """The change from `before` to `after` expressed in a stated change's unit."""
    if unit is ChangeUnit.PERCENT:
        return None if before == 0 else 100.0 * (after - before) / abs(before)
    if unit is ChangeUnit.POINTS:
        return after - before
    return indicator.better.sign * (after - before)


def _half_unit(value: float) -> float:
    from ictgoals.numbers import decimals

    return 0.5 * 10.0 ** -decimals(value)


def change_agrees(
    stated: float | tuple[float, float], before: float, after: float, unit: ChangeUnit, indicator: Indicator
) -> bool | None:
    """Whether a stated change matches two figures, allowing for how each was rounded in print."""
    computed = computed_change(before, after, unit, indicator)
    if computed is None:
        return None
    low, high = stated if isinstance(stated, tuple) else (stated, stated)
    slack = max(_half_unit(low), _half_unit(high))
    # Propagate half a unit of the last printed digit of each figure into the change.
    if unit is ChangeUnit.PERCENT:
        slack += 100.0 * (abs(after) * _half_unit(before) / before**2 + _half_unit(after) / abs(before))
    else:
        slack += _half_unit(before) + _half_unit(after)
    return low - slack - 1e-9 <= computed <= high + slack + 1e-9


def diff(dataset: Dataset, year: int, against: int, region: str = NATIONAL, index: Index | None = None) -> DiffReport:
    """Each indicator with a figure in `year` against `against`, recorded or implied by a stated change."""
    index = index or Index(dataset)
    wanted = region_key(region)
    rows = []
    for indicator_id, folded in sorted(index.keys()):
        if folded != wanted:
            continue
        series = index.series(indicator_id, region)
        after = series.readings.get(year)
        if after is None:
            continue
        indicator = dataset.indicators[indicator_id]
        stated = _stated_for(series.actuals[year], after)
        before = series.readings.get(against)
        derived = False
        if before is None and stated is not None and stated.from_year == against:
            implied = implied_previous(after.value, stated, indicator)
            if implied is not None:
                before = Reading(against, implied, after.sources, after.estimate, False)
                derived = True
        change = change_pct = improved = agrees = None
        if before is not None:
            change = after.value - before.value
            change_pct = None if before.value == 0 else 100.0 * change / abs(before.value)
            improved = indicator.better.sign * change > 0
            if stated is not None and stated.from_year == against and not derived:
                agrees = change_agrees(stated.value, before.value, after.value, stated.unit, indicator)
        rows.append(DiffRow(indicator, region, before, derived, after, change, change_pct, improved, stated, agrees))
    rows.sort(key=lambda r: (r.indicator.area, r.indicator.id))
    due = status(dataset, year, region, index)
    return DiffReport(year, against, region, tuple(rows), due.rows)


def _stated_for(actuals: Sequence[Actual], chosen: Reading) -> StatedChange | None:
    """The stated change of the chosen figure, or of another source agreeing with it."""
    changes = [a.change for a in actuals if a.change is not None and same_value(a.value, chosen.value)]
    return changes[0] if changes else None


# ---------------------------------------------------------------- validate


def validate(dataset: Dataset, index: Index | None = None) -> list[Finding]:
    """Warnings about data that loads but disagrees with itself."""
    index = index or Index(dataset)
    findings: list[Finding] = []
    findings += _conflicts(dataset, index)
    findings += _stated_change_mismatches(dataset, index)
    findings += _inconsistent_targets(dataset, index)
    findings += _printed_mismatches(dataset)
    return findings


def _fmt(value: float) -> str:
    return f"{value:.10g}"


def _conflicts(dataset: Dataset, index: Index) -> list[Finding]:
    findings = []
    for key in sorted(index.keys()):
        series = index.series(*key)
        for year in series.years():
            reading = series.readings[year]
            if not reading.conflict:
                continue
            group = series.actuals[year]
            figures = "; ".join(f"{_fmt(a.value)} from '{a.source}' ({a.location})" for a in group)
            first = group[0]
            dated = {dataset.sources[a.source].recency for a in group}
            why = "the most recent source" if len(dated) > 1 else "equally recent sources go by id"
            findings.append(
                Finding(
                    Severity.WARNING,
                    "conflict",
                    f"{first.indicator} ({first.region}, {year}): sources disagree: {figures}. "
                    f"status and diff use {_fmt(reading.value)} from '{reading.sources[0]}' ({why}).",
                    first.location.file,
                    first.location.line,
                    first.indicator,
                    year,
                )
            )
    return findings


def _stated_change_mismatches(dataset: Dataset, index: Index) -> list[Finding]:
    findings = []
    for actual in dataset.actuals:
        change = actual.change
        if change is None or isinstance(change.value, tuple):
            continue
        earlier = index.series(actual.indicator, actual.region).readings.get(change.from_year)
        if earlier is None:
            continue
        indicator = dataset.indicators[actual.indicator]
        if change_agrees(change.value, earlier.value, actual.value, change.unit, indicator) is not False:
            continue
        computed = computed_change(earlier.value, actual.value, change.unit, indicator)
        assert computed is not None
        implied = implied_previous(actual.value, change, indicator)
        findings.append(
            Finding(
                Severity.WARNING,
                "stated-change-mismatch",
                f"{actual.indicator} ({actual.region}, {actual.year}): '{actual.source}' states a change of "
                f"{_fmt(change.value)} {change.unit.value} on {change.from_year}, but {_fmt(actual.value)} against "
                f"the recorded {change.from_year} figure {_fmt(earlier.value)} (from '{earlier.sources[0]}') is "
                f"{computed:+.2f} {change.unit.value}; the stated change implies {change.from_year} was "
                f"{'?' if implied is None else f'{implied:.4g}'}.",
                actual.location.file,
                actual.location.line,
                actual.indicator,
                actual.year,
            )
        )
    return findings


def _inconsistent_targets(dataset: Dataset, index: Index) -> list[Finding]:
    findings = []
    for target in dataset.targets:
        change = target.change
        if change is None or not isinstance(target.value, float):
            continue
        indicator = dataset.indicators[target.indicator]
        if target.from_value is not None:
            base, whose = target.from_value, "its own stated base"
        else:
            reading = index.series(target.indicator, target.region).readings.get(change.from_year)
            if reading is None:
                continue
            base, whose = reading.value, f"the recorded {change.from_year} figure"
        if change_agrees(change.value, base, target.value, change.unit, indicator) is not False:
            continue
        computed = computed_change(base, target.value, change.unit, indicator)
        stated = change.value if isinstance(change.value, float) else f"{_fmt(change.value[0])}–{_fmt(change.value[1])}"
        findings.append(
            Finding(
                Severity.WARNING,
                "inconsistent-target",
                f"{target.indicator} ({target.region}, {target.year}): the target {_fmt(target.value)} is stated as "
                f"a change of {stated if isinstance(stated, str) else _fmt(stated)} {change.unit.value} on "
                f"{change.from_year}, but against {whose} {_fmt(base)} it is "
                f"{'?' if computed is None else f'{computed:+.2f}'} {change.unit.value}.",
                target.location.file,
                target.location.line,
                target.indicator,
                target.year,
            )
        )
    return findings


def _printed_mismatches(dataset: Dataset) -> list[Finding]:
    from ictgoals.numbers import printed_value

    findings = []
    for actual in dataset.actuals:
        if not actual.printed:
            continue
        unit = dataset.indicators[actual.indicator].unit
        try:
            read = printed_value(actual.printed, unit)
        except ValueError:
            read = None
        if isinstance(read, float) and _close_to_print(read, actual.value):
            continue
        shown = "no number" if read is None else _fmt(read) if isinstance(read, float) else "a range"
        findings.append(
            Finding(
                Severity.WARNING,
                "printed-mismatch",
                f'{actual.indicator} ({actual.region}, {actual.year}): printed "{actual.printed}" reads as '
                f"{shown}, but value is {_fmt(actual.value)}.",
                actual.location.file,
                actual.location.line,
                actual.indicator,
                actual.year,
            )
        )
    return findings


def _close_to_print(read: float, value: float) -> bool:
    """A value matches its print if it is the printed figure, rounded as the value is written."""
    return same_value(read, value) or abs(read - value) <= _half_unit(value) + 1e-9


# ---------------------------------------------------------------- one indicator


def show(dataset: Dataset, indicator_id: str, region: str = NATIONAL, index: Index | None = None) -> IndicatorView:
    """An indicator's figures in a region, the earlier values its stated changes imply, and its targets."""
    index = index or Index(dataset)
    indicator = dataset.indicators[indicator_id]
    series = index.series(indicator_id, region)
    actuals = tuple(a for year in series.years() for a in series.actuals[year])
    derived: dict[int, Point] = {}
    for year in series.years():
        stated = _stated_for(series.actuals[year], series.readings[year])
        if stated is None or stated.from_year in series.readings or stated.from_year in derived:
            continue
        implied = implied_previous(series.readings[year].value, stated, indicator)
        if implied is not None:
            derived[stated.from_year] = Point(stated.from_year, implied)
    rows = tuple(
        sorted(
            (
                evaluate(t, indicator, series, region)
                for t in targets_for(dataset, region)
                if t.indicator == indicator_id
            ),
            key=lambda r: (r.target.year, r.target.op.value),
        )
    )
    readings = tuple(series.readings[y] for y in series.years())
    return IndicatorView(indicator, region, actuals, readings, tuple(derived[y] for y in sorted(derived)), rows)
