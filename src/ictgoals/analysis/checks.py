"""The checks `validate` runs on data that loads: conflicts, stated changes, prints and values that disagree."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from ictgoals.analysis import records
from ictgoals.analysis.changes import change_agrees, computed_change, half_unit, implied_previous
from ictgoals.analysis.index import Index, same_value
from ictgoals.i18n import language, tr
from ictgoals.localize import change_amount, plain, signed
from ictgoals.model import Actual, Dataset, Qualifier
from ictgoals.numbers import allowed, plausible, printed_figure
from ictgoals.provinces import canonical, did_you_mean
from ictgoals.values import Value

# ---------------------------------------------------------------- the results


class Severity(enum.StrEnum):
    """Whether a finding makes the data unusable or only suspicious."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, eq=False, repr=False)
class Finding(Value):
    """A problem `validate` reports, with where it was found."""

    severity: Severity
    """An error (the data does not load) or a warning (it loads but disagrees with itself)."""
    code: str
    """What kind of problem: "conflict", "stated-change-mismatch", … (docs/cli.md lists them)."""
    message: str
    """The problem in words, in the run's language."""
    file: str | None = None
    """The file it is in."""
    line: int | None = None
    """The line."""
    indicator: str | None = None
    """The indicator it is about."""
    year: int | None = None
    """The year it is about."""

    def to_record(self) -> dict[str, Any]:
        """The finding as a row of `validate --format csv`, with its severity."""
        return records.FINDING.record(self)


#: A finding as plain values: severity, code, message, file, line, indicator, year.
PlainFinding = tuple[str, str, str, str | None, int | None, str | None, int | None]


def plain_findings(findings: Sequence[Finding]) -> list[PlainFinding]:
    """Findings as plain values, for the cache to keep (`datafiles.cache.derived`)."""
    return [(f.severity.value, f.code, f.message, f.file, f.line, f.indicator, f.year) for f in findings]


def findings_from_plain(rows: Sequence[Sequence[Any]]) -> tuple[Finding, ...]:
    """The findings `plain_findings` kept."""
    return tuple(Finding(Severity(row[0]), *row[1:]) for row in rows)


@dataclass(frozen=True, eq=False, repr=False)
class Findings(Value):
    """What `validate` found, in order: a sequence of findings."""

    items: tuple[Finding, ...] = ()
    """The findings."""

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.items)

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Finding, ...]: ...
    def __getitem__(self, index: int | slice) -> Finding | tuple[Finding, ...]:
        return self.items[index]

    def to_records(self) -> list[dict[str, Any]]:
        """One record per finding, with its severity: the rows of `validate --format csv`."""
        return records.FINDING.records(self.items)

    def to_document(self) -> records.Record:
        """`validate --format json`."""
        return records.validate_document(self)

    def sheets(self) -> list[records.Sheet]:
        return [self.csv_sheet()]

    def csv_sheet(self) -> records.Sheet:
        return ("validate", records.FINDING.columns, self.to_records())

    def __repr__(self) -> str:
        codes = ", ".join(dict.fromkeys(f.code for f in self.items))
        return f"Findings(<{len(self.items)} findings{': ' + codes if codes else ''}>)"


def validate(dataset: Dataset, index: Index | None = None) -> Findings:
    """Warnings about data that loads but disagrees with itself."""
    return Findings(findings_of(dataset, index or Index.of(dataset)))


def findings_of(dataset: Dataset, index: Index) -> tuple[Finding, ...]:
    """What `validate` finds, worked out once per dataset and language (the index keeps it): a report per
    region asks again."""
    found = index.findings.get(language())
    if found is None:
        # The checks read every figure, most of them year by year: built all at once first, a group at a time,
        # rather than a year at a time (100,000 small builds made a cold validate 40% slower).
        dataset.actuals.build_all()
        findings: list[Finding] = []
        findings += _conflicts(dataset, index)
        findings += _stated_change_mismatches(dataset, index)
        findings += _inconsistent_targets(dataset, index)
        findings += _printed_mismatches(dataset)
        findings += _implausible_figures(dataset)
        findings += _unknown_regions(dataset)
        found = index.findings[language()] = tuple(findings)
    return found


def _unknown_regions(dataset: Dataset) -> list[Finding]:
    """A region that is not one of Vietnam's provinces: fine for a bloc of the user's own, but it may be a typo."""
    findings = []
    for region in dataset.regions():
        if canonical(region) is not None:
            continue
        hint = f" {did_you_mean(region)}".rstrip()
        findings.append(
            Finding(
                Severity.WARNING,
                "unknown-region",
                tr(
                    "region {region!r} is not one of Vietnam's provinces (before or after 1 July 2025); it is kept "
                    "as a region of your own.",
                    region=region,
                )
                + hint,
            )
        )
    return findings


def _fmt(value: float) -> str:
    """A figure in a message, as the run's language writes it (every digit the data holds, up to 9 places)."""
    return plain(value, 9)


def _conflicts(dataset: Dataset, index: Index) -> list[Finding]:
    findings = []
    for key in sorted(index.keys()):
        series = index.series(*key)
        # A year with one figure, or with figures all exactly equal, has nothing to disagree with.
        for year in sorted(year for year, group in series.actuals.items() if len(group) > 1 and _differ(group)):
            reading = series.readings[year]
            if not reading.conflict:
                continue
            group = series.actuals[year]
            figures = "; ".join(
                tr("{value} from '{source}' ({where})", value=_fmt(a.value), source=a.source, where=a.location)
                for a in group
            )
            first = group[0]
            dated = {dataset.sources[a.source].recency for a in group}
            why = tr("the most recent source") if len(dated) > 1 else tr("equally recent sources go by id")
            findings.append(
                Finding(
                    Severity.WARNING,
                    "conflict",
                    tr(
                        "{indicator} ({region}, {year}): sources disagree: {figures}. status and diff use {value} "
                        "from '{source}' ({why}).",
                        indicator=first.indicator,
                        region=first.region,
                        year=year,
                        figures=figures,
                        value=_fmt(reading.value),
                        source=reading.sources[0],
                        why=why,
                    ),
                    first.location.file,
                    first.location.line,
                    first.indicator,
                    year,
                )
            )
    return findings


def _differ(group: tuple[Actual, ...]) -> bool:
    """Whether figures for one year are not all exactly the same value."""
    first = group[0].value
    return any(a.value != first for a in group)


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
                tr(
                    "{indicator} ({region}, {year}): '{source}' states a change of {change} on {base_year}, "
                    "but {value} against the recorded {base_year} figure {base} (from '{base_source}') is "
                    "{computed}; the stated change implies {base_year} was {implied}.",
                    indicator=actual.indicator,
                    region=actual.region,
                    year=actual.year,
                    source=actual.source,
                    change=change_amount(_fmt(change.value), change.unit.value),
                    base_year=change.from_year,
                    value=_fmt(actual.value),
                    base=_fmt(earlier.value),
                    base_source=earlier.sources[0],
                    computed=change_amount(signed(computed, 2), change.unit.value),
                    implied="?" if implied is None else plain(implied, 2),
                ),
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
            base, whose = target.from_value, tr("its own stated base")
        else:
            reading = index.series(target.indicator, target.region).readings.get(change.from_year)
            if reading is None:
                continue
            base, whose = reading.value, tr("the recorded {year} figure", year=change.from_year)
        if change_agrees(change.value, base, target.value, change.unit, indicator) is not False:
            continue
        computed = computed_change(base, target.value, change.unit, indicator)
        stated = change.value if isinstance(change.value, float) else f"{_fmt(change.value[0])}–{_fmt(change.value[1])}"
        findings.append(
            Finding(
                Severity.WARNING,
                "inconsistent-target",
                tr(
                    "{indicator} ({region}, {year}): the target {value} is stated as a change of {change} "
                    "on {base_year}, but against {whose} {base} it is {computed}.",
                    indicator=target.indicator,
                    region=target.region,
                    year=target.year,
                    value=_fmt(target.value),
                    change=change_amount(stated if isinstance(stated, str) else _fmt(stated), change.unit.value),
                    base_year=change.from_year,
                    whose=whose,
                    base=_fmt(base),
                    computed="?" if computed is None else change_amount(signed(computed, 2), change.unit.value),
                ),
                target.location.file,
                target.location.line,
                target.indicator,
                target.year,
            )
        )
    return findings


def _printed_mismatches(dataset: Dataset) -> list[Finding]:
    """Actuals whose `printed` text, read by the reader `record` uses, is not their value or not their bound."""
    findings = []
    for actual in dataset.actuals:
        if not actual.printed:
            continue
        indicator = dataset.indicators[actual.indicator]
        try:
            figure = printed_figure(actual.printed, indicator.unit, indicator.range)
        except ValueError:
            figure = None
        read = None if figure is None else figure.value
        if isinstance(read, float) and _close_to_print(read, actual.value):
            if figure is not None and actual.qualifier not in (None, figure.qualifier):  # absent: the print's
                findings.append(_finding(actual, _bound_problem(actual, figure.qualifier)))
            continue
        shown = tr("no number") if read is None else _fmt(read) if isinstance(read, float) else tr("a range")
        problem = tr(
            '{indicator} ({region}, {year}): printed "{printed}" reads as {shown}, but value is {value}.',
            indicator=actual.indicator,
            region=actual.region,
            year=actual.year,
            printed=actual.printed,
            shown=shown,
            value=_fmt(actual.value),
        )
        findings.append(_finding(actual, problem))
    return findings


def _implausible_figures(dataset: Dataset) -> list[Finding]:
    """Figures and targets a data file holds that `record`, `import` and `target` would refuse: a share
    over 100, a rank of 0 or 17.5, outside the indicator's declared range. A data file written by hand
    loads them (the loader checks types, not meanings), and a share of 108.5 would count as met."""
    findings = []
    for entry in (*dataset.actuals, *dataset.targets):
        indicator = dataset.indicators[entry.indicator]
        if entry.value is None:
            continue
        values = entry.value if isinstance(entry.value, tuple) else (entry.value,)
        if all(plausible(value, indicator.unit, indicator.range) for value in values):
            continue
        fields = {
            "indicator": entry.indicator,
            "region": entry.region,
            "year": entry.year,
            "value": "–".join(_fmt(value) for value in values),
            "allowed": allowed(indicator.unit, indicator.range),
        }
        text = (
            tr(
                "{indicator} ({region}, {year}): the figure {value} is not possible here: {allowed}. "
                "Correct it, or declare the indicator's range if such figures are right.",
                **fields,
            )
            if isinstance(entry, Actual)
            else tr(
                "{indicator} ({region}, {year}): the target value {value} is not possible here: {allowed}. "
                "Correct it, or declare the indicator's range if such values are right.",
                **fields,
            )
        )
        findings.append(
            Finding(
                Severity.WARNING,
                "implausible-figure",
                text,
                entry.location.file,
                entry.location.line,
                entry.indicator,
                entry.year,
            )
        )
    return findings


def _bound_problem(actual: Actual, said: Qualifier | None) -> str:
    assert actual.qualifier is not None  # a figure without one is read by its print's
    return tr(
        '{indicator} ({region}, {year}): printed "{printed}" states the bound {said}, but qualifier is {given}. '
        "Set qualifier to what the print says (or remove it for a plain figure).",
        indicator=actual.indicator,
        region=actual.region,
        year=actual.year,
        printed=actual.printed,
        said=tr("none") if said is None else f'"{said.value}"',
        given=f'"{actual.qualifier.value}"',
    )


def _finding(actual: Actual, problem: str) -> Finding:
    return Finding(
        Severity.WARNING,
        "printed-mismatch",
        problem,
        actual.location.file,
        actual.location.line,
        actual.indicator,
        actual.year,
    )


def _close_to_print(read: float, value: float) -> bool:
    """A value matches its print if it is the printed figure, rounded as the value is written."""
    return same_value(read, value) or abs(read - value) <= half_unit(value) + 1e-9
