"""Year-on-year change of every figure in a region, recorded or implied by a stated change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ictgoals.analysis import records
from ictgoals.analysis.changes import change_agrees, implied_previous, stated_for
from ictgoals.analysis.index import Index, Reading
from ictgoals.analysis.status import StatusRow, status
from ictgoals.model import NATIONAL, Better, Dataset, Indicator, StatedChange
from ictgoals.values import Value


@dataclass(frozen=True, eq=False, repr=False)
class DiffRow(Value):
    """One indicator's figure in a year against an earlier year."""

    indicator: Indicator
    """The indicator."""
    region: str
    """The region."""
    before: Reading | None
    """The figure of the earlier year, reported or derived; None when there is neither."""
    before_derived: bool
    """Whether `before` is implied by the year's stated change rather than reported."""
    after: Reading
    """The figure of the year."""
    change: float | None
    """after − before, in the indicator's unit."""
    change_pct: float | None
    """The change in % of before (None when before is 0)."""
    improved: bool | None
    """Whether the change goes the good way; None for a neutral indicator or without `before`."""
    stated: StatedChange | None
    """The change on the earlier year as the source states it."""
    stated_agrees: bool | None
    """Whether the stated change agrees with the two figures."""
    series_break: bool = False
    """`before` and `after` are of a province before and after its territory changed: not one series."""

    def __repr__(self) -> str:
        before = None if self.before is None else self.before.value
        return (
            f"DiffRow(indicator={self.indicator.id!r}, region={self.region!r}, before={before}, "
            f"after={self.after.value}, change={self.change}, improved={self.improved})"
        )

    def to_record(self) -> dict[str, Any]:
        """The row as `diff --format json` writes it."""
        return records.DIFF.record(self)


@dataclass(frozen=True, eq=False, repr=False)
class DiffReport(Value):
    """What changed between two years, and the targets due in the later one."""

    year: int
    """The year compared."""
    against: int
    """The earlier year it is compared with."""
    region: str
    """The region asked for: "VN", a province, or "all"."""
    rows: tuple[DiffRow, ...]
    """One row per indicator with a figure in `year`."""
    targets: tuple[StatusRow, ...]
    """The targets due in `year`, as `status` evaluates them."""

    def to_records(self) -> list[dict[str, Any]]:
        """The JSON's "rows": one per indicator with a figure in the year."""
        return records.DIFF.records(self.rows)

    def target_records(self) -> list[dict[str, Any]]:
        """The JSON's "targets": the targets due in the year, as `status` rows."""
        return records.STATUS.records(self.targets)

    def to_document(self) -> records.Record:
        """`diff --format json`."""
        return records.diff_document(self)

    def sheets(self) -> list[records.Sheet]:
        return [
            ("diff", records.DIFF.columns, self.to_records()),
            ("targets", records.STATUS.columns, self.target_records()),
        ]

    def csv_sheet(self) -> records.Sheet:
        """Both kinds of row in one table, told apart by "kind"."""
        both = [{"kind": "change", **r} for r in self.to_records()]
        both += [{"kind": "target", **r} for r in self.target_records()]
        return ("diff", records.DIFF_CSV_COLUMNS, both)

    def __repr__(self) -> str:
        return (
            f"DiffReport(year={self.year}, against={self.against}, region={self.region!r}, "
            f"rows=<{len(self.rows)} rows>, targets=<{len(self.targets)} rows>)"
        )


def _row(
    indicator: Indicator,
    region: str,
    before: Reading | None,
    derived: bool,
    after: Reading,
    stated: StatedChange | None,
    against: int,
) -> DiffRow:
    """One indicator's change; across a series break (a province's territory changed between the two figures)
    the change is flagged and never called improved or worse."""
    change = change_pct = improved = agrees = None
    broken = before is not None and None not in (before.territory, after.territory)
    broken = broken and before is not None and before.territory != after.territory
    if before is not None:
        change = after.value - before.value
        change_pct = None if before.value == 0 else 100.0 * change / abs(before.value)
        improved = None if indicator.better is Better.NEUTRAL or broken else indicator.better.sign * change > 0
        if stated is not None and stated.from_year == against and not derived:
            agrees = change_agrees(stated.value, before.value, after.value, stated.unit, indicator)
    return DiffRow(indicator, region, before, derived, after, change, change_pct, improved, stated, agrees, broken)


def diff(dataset: Dataset, year: int, against: int, region: str = NATIONAL, index: Index | None = None) -> DiffReport:
    """Each indicator with a figure in `year` against `against`, recorded or implied by a stated change."""
    index = index or Index.of(dataset)
    rows = []
    for indicator_id, _ in sorted(index.keys_in(region)):
        series = index.series(indicator_id, region)
        after = series.readings.get(year)
        if after is None:
            continue
        indicator = dataset.indicators[indicator_id]
        stated = stated_for(series.actuals[year], after)
        before = series.readings.get(against)
        derived = False
        if before is None and stated is not None and stated.from_year == against:
            implied = implied_previous(after.value, stated, indicator)
            if implied is not None:
                before = Reading(against, implied, after.sources, after.estimate, False, territory=after.territory)
                derived = True
        rows.append(_row(indicator, region, before, derived, after, stated, against))
    rows.sort(key=lambda r: (r.indicator.area, r.indicator.id))
    due = status(dataset, year, region, index)
    return DiffReport(year, against, region, tuple(rows), due.rows)
