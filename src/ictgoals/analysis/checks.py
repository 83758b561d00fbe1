"""The checks `validate` runs on data that loads: conflicts, stated changes and printed figures that disagree."""

from __future__ import annotations

from ictgoals.analysis.changes import change_agrees, computed_change, half_unit, implied_previous
from ictgoals.analysis.index import Index, same_value
from ictgoals.analysis.results import Finding, Severity
from ictgoals.model import Dataset


def validate(dataset: Dataset, index: Index | None = None) -> list[Finding]:
    """Warnings about data that loads but disagrees with itself."""
    index = index or Index(dataset)
    findings: list[Finding] = []
    findings += _conflicts(dataset, index)
    findings += _stated_change_mismatches(dataset, index)
    findings += _inconsistent_targets(dataset, index)
    findings += _printed_mismatches(dataset)
    findings += _unknown_regions(dataset)
    return findings


def _unknown_regions(dataset: Dataset) -> list[Finding]:
    """A region that is not one of Vietnam's provinces: fine for a bloc of the user's own, but it may be a typo."""
    from ictgoals.regions import canonical, did_you_mean

    findings = []
    for region in dataset.regions():
        if canonical(region) is not None:
            continue
        hint = f" {did_you_mean(region)}".rstrip()
        findings.append(
            Finding(
                Severity.WARNING,
                "unknown-region",
                f"region {region!r} is not one of Vietnam's provinces (before or after 1 July 2025); it is kept as "
                f"a region of your own.{hint}",
            )
        )
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
    return same_value(read, value) or abs(read - value) <= half_unit(value) + 1e-9
