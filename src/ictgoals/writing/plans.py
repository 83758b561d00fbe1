"""Plans what `record`, `import` and `target` append: checked entries, repeats skipped, conflicts refused."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ictgoals.datafiles import loader, schema
from ictgoals.datafiles.schema import Table
from ictgoals.errors import DataError
from ictgoals.i18n import decimal_marks, tr, vocabulary
from ictgoals.model import (
    NATIONAL,
    Actual,
    ChangeUnit,
    Dataset,
    Figures,
    Indicator,
    Source,
    Target,
    region_key,
    target_key,
)
from ictgoals.provinces import canonical, did_you_mean
from ictgoals.writing.inputs import Row, TomlValue, numbers_in, value_from_printed


@dataclass(frozen=True, eq=False)
class Plan:
    """What a recording will append: new sources and entries, and what it skipped."""

    entries: tuple[Row, ...] = ()
    sources: Mapping[str, Row] = field(default_factory=dict)
    skipped: int = 0
    warnings: tuple[str, ...] = ()  # implausible figures a dry run (or --force) lets through, said on stderr


class Plausibility(enum.Enum):
    """What to do with a figure far from its indicator's recent figures in the region."""

    REFUSE = "refuse"  # a write: exit 2 with both numbers and the likely reading
    WARN = "warn"  # a dry run: say it, change nothing
    ALLOW = "allow"  # --force: the person has checked it


#: A figure this many times larger or smaller than every recent figure of its indicator in the region is
#: refused: 0.458 typed for a share whose figures are 40.1 and 45.8 (docs/cli.md, "Plausible figures").
IMPLAUSIBLE_FACTOR = 20.0
#: How many figures, of the years nearest the new one, it is compared with.
RECENT = 3


#: At most this many different figures of one year are kept to compare with (a year may have many sources).
PER_YEAR = 5


class Recent:
    """An indicator's figures in one region, by year, as `implausible` compares a new figure with them.

    Kept up to date as an import plans its rows, so each row costs the same however many came before.
    """

    def __init__(self, figures: Iterable[Actual] = ()) -> None:
        self.by_year: dict[int, list[float]] = {}
        for actual in figures:
            if actual.period is None:
                self.add(actual.year, actual.value)

    def add(self, year: int, value: float) -> None:
        kept = self.by_year.setdefault(year, [])
        if len(kept) < PER_YEAR and value not in kept:
            kept.append(value)


def implausible(value: float, year: int, recent: Recent, indicator: Indicator) -> str | None:
    """Why `value` cannot be a figure of `indicator` for `year` next to its `recent` figures, or None.

    It is compared with the figures of the RECENT years nearest `year` (other than 0, and of its sign);
    only when it is IMPLAUSIBLE_FACTOR times off from every one of them is it refused, saying how far
    it is from the nearest year's figure and the power of ten that would bring it there. An indicator
    whose declared range allows negative figures (a rate of change, which may come near 0) is not
    checked.
    """
    if value == 0 or (indicator.range is not None and indicator.range[0] < 0):
        return None
    compared: list[tuple[int, float]] = []
    years = 0
    for y in sorted(recent.by_year, key=lambda y: (abs(y - year), -y)):
        alike = [(y, v) for v in recent.by_year[y] if v != 0 and (v > 0) == (value > 0)]
        compared += alike
        years += bool(alike)
        if years == RECENT:
            break
    if not compared or any(1 / IMPLAUSIBLE_FACTOR < abs(value / v) < IMPLAUSIBLE_FACTOR for _, v in compared):
        return None
    nearest = compared[0][1]  # a figure of the year nearest the new one (the later of two as near)
    # In powers of ten, so that no figure, however tiny or huge, overflows a float on the way.
    power = math.log10(abs(nearest)) - math.log10(abs(value))
    shown = ", ".join(f"{_figure(v, indicator)} ({y})" for y, v in sorted(compared, key=lambda pair: -pair[0]))
    return tr(
        "{value} is {times} times {way} than the recent figures of {indicator}: {figures}; did you mean {likely}?",
        value=_figure(value, indicator),
        times=_number(f"{10.0 ** abs(power):,.0f}") if abs(power) < MOST_DIGITS else f"10^{round(abs(power))}",
        way=tr("smaller") if power > 0 else tr("larger"),
        indicator=indicator.id,
        figures=shown,
        likely=_figure(_shifted(value, round(power)), indicator),
    )


#: Beyond this many digits a factor is written as a power of ten.
MOST_DIGITS = 15


def _shifted(value: float, places: int) -> float:
    """`value` × 10^`places`, moved in its decimal digits (0.458 → 45.8 exactly, 1e-320 → 1e-318)."""
    mantissa, exponent = f"{value:.15e}".split("e")
    return float(f"{mantissa}e{int(exponent) + places}")


def _figure(value: float, indicator: Indicator) -> str:
    number = _number(f"{value:,.10g}")
    return f"{number}%" if indicator.unit == "%" else f"{number} {vocabulary('unit', indicator.unit)}"


def _number(english: str) -> str:
    """A number written the English way (`1,086.5`) in the run's language (`1.086,5` in Vietnamese)."""
    decimal, thousands = decimal_marks()
    return english if decimal == "." else english.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def _plausible(
    value: object, year: object, recent: Recent, indicator: Indicator | None, where: str, mode: Plausibility
) -> tuple[str, ...]:
    """A warning (WARN) or a refusal (REFUSE) for a figure `implausible` finds; nothing to say otherwise."""
    values = value if isinstance(value, list) else [value]
    if mode is Plausibility.ALLOW or indicator is None or not isinstance(year, int):
        return ()
    found = [
        problem
        for number in values
        if isinstance(number, int | float) and not isinstance(number, bool) and math.isfinite(number)
        if (problem := implausible(float(number), year, recent, indicator)) is not None
    ]
    if found and mode is Plausibility.REFUSE:
        raise DataError(
            where,
            found[0],
            tr("Check the figure and its unit; if it is right, pass --force to record it anyway."),
        )
    return tuple(f"{where}: {problem}" for problem in found)


def _key(a: Actual) -> tuple[str, str, int, str]:
    """What makes two figures the same report: indicator, region (folded), year and source."""
    return (a.indicator, region_key(a.region), a.year, a.source)


def ordered(row: Mapping[str, TomlValue], table: Table) -> Row:
    """A row's fields in the order the schema declares them; unknown ones last, to be reported by the loader."""
    rank = {name: i for i, name in enumerate(table.order)}
    return dict(sorted(row.items(), key=lambda item: rank.get(item[0], len(rank))))


def region_in(row: Row, where: str, dataset: Dataset, used: Callable[[], Mapping[str, str]] | None = None) -> Row:
    """`row` with its region in the catalogue's spelling ("tra vinh" is stored as "Trà Vinh").

    A region the catalogue does not know is accepted only when the data files already use it
    (a bloc, a ministry, "EU"); anything else is refused with the closest catalogue names, so
    that a typo never starts a new region. `used` gives the data's regions by folded name (many
    rows share one, made once).
    """
    given = row.get("region")
    if not isinstance(given, str):
        return row
    name = canonical(given)
    if name is None:
        name = (used or functools.partial(regions_used, dataset))().get(region_key(given))
    if name is None:
        hint = f"{did_you_mean(given)} ".lstrip()
        raise DataError(
            where,
            tr("field '{key}': ", key="region")
            + tr(
                "unknown region {region!r}: it is not one of Vietnam's provinces (before or after 1 July 2025) and "
                "the data files do not use it.",
                region=given,
            ),
            hint + tr("`ictgoals regions` lists them; a region of your own is added by writing it once in the file."),
        )
    if name == NATIONAL:
        return {k: v for k, v in row.items() if k != "region"}
    return {**row, "region": name}


def regions_used(dataset: Dataset) -> dict[str, str]:
    """The regions the data names, by folded name (of several spellings, the last in `Dataset.regions` order)."""
    return {region_key(name): name for name in dataset.regions()}


def plan_actuals(
    dataset: Dataset,
    rows: Sequence[tuple[str, Row]],
    *,
    allow_conflict: bool,
    new_sources: Mapping[str, Row],
    plausibility: Plausibility = Plausibility.REFUSE,
    medium: str = "toml",
) -> Plan:
    """Check every row before anything is written; one bad row rejects them all.

    A row equal to a recorded figure (same indicator, region, year, source and value) is skipped.
    A row with the same key but another value is a conflict, refused unless `allow_conflict`. A figure
    far from its indicator's recent figures in the region (`implausible`) is refused, warned about or
    let through, as `plausibility` says.
    """
    for source_id in new_sources:  # checked here, under the write lock, against the file as it is now
        if source_id in dataset.sources:
            raise DataError(
                "--source-title",
                tr("source '{id}' is already declared.", id=source_id),
                tr("Drop --source-title to use it."),
            )
    known = dict(dataset.sources)
    known.update({source_id: Source(source_id) for source_id in new_sources})
    catalogue = Dataset(known, dataset.indicators, (), Figures())
    # The figures already recorded, by key, read group by group as rows need them: each group
    # once, so an import stays linear, and a record reads one group of a large file, not all.
    recorded: dict[tuple[str, str, int, str], list[Actual]] = {}
    groups: dict[tuple[str, str], Recent] = {}

    def earlier_of(actual: Actual) -> list[Actual]:
        group = (actual.indicator, region_key(actual.region))
        if group not in groups:
            existing = dataset.actuals.group(group)
            groups[group] = Recent(existing)
            for figure in existing:
                recorded.setdefault(_key(figure), []).append(figure)
        return recorded.setdefault(_key(actual), [])

    entries: list[Row] = []
    warnings: list[str] = []
    skipped = 0
    check = loader.actual_checker(catalogue)
    used = functools.cache(functools.partial(regions_used, dataset))  # once, when a row names one of its own
    for where, given in rows:
        indicator = dataset.indicators.get(str(given.get("indicator")))
        row = value_from_printed(numbers_in(given, where, indicator), where, indicator)
        row = region_in(row, where, dataset, used)
        try:
            actual = check(row, where)
        except DataError as e:
            raise in_medium(e, medium) from e
        _change_fits(actual, dataset.indicators[actual.indicator], where)
        earlier = earlier_of(actual)
        if any(math.isclose(a.value, actual.value, rel_tol=1e-12, abs_tol=0) for a in earlier):
            skipped += 1
            continue
        if earlier and not allow_conflict:
            other = earlier[0]
            raise DataError(
                where,
                tr(
                    "conflicts with {place}: {indicator} ({region}, {year}) from '{source}' is already recorded as "
                    "{recorded}, not {value}.",
                    place=other.location,
                    indicator=actual.indicator,
                    region=actual.region,
                    year=actual.year,
                    source=actual.source,
                    recorded=f"{other.value:g}",
                    value=f"{actual.value:g}",
                ),
                tr("Correct the figure, or pass --allow-conflict to keep both (status then uses the newest source)."),
            )
        group = groups[(actual.indicator, region_key(actual.region))]
        indicator = dataset.indicators[actual.indicator]
        warnings += _plausible(actual.value, actual.year, group, indicator, where, plausibility)
        earlier.append(actual)
        if actual.period is None:
            group.add(actual.year, actual.value)
        entries.append(ordered(row, schema.ACTUALS))
    return Plan(tuple(entries), dict(new_sources) if entries else {}, skipped, tuple(warnings))


#: The medium of `record` and `target`: the command's arguments and options.
COMMAND_LINE = "command line"


def _change_fits(actual: Actual, indicator: Indicator, where: str) -> None:
    """Refuse a stated change in a unit the indicator's figures cannot change by: percentage points are for
    shares, places for ranks and groups; a relative change (%) fits any figure."""
    change = actual.change
    if change is None or change.unit is ChangeUnit.PERCENT:
        return
    fits = indicator.is_percent if change.unit is ChangeUnit.POINTS else indicator.unit in ("rank", "group")
    if not fits:
        raise DataError(
            where,
            tr(
                "a change in {unit} does not fit {indicator}, whose figures are in {figures}.",
                unit=change.unit.value,
                indicator=indicator.id,
                figures=indicator.unit,
            ),
            tr('Give the change in % (relative), or in "pp" for a share and "places" for a rank.'),
        )


def in_medium(error: DataError, medium: str, table: schema.Table = schema.ACTUALS) -> DataError:
    """`error` with its hint in the words of the medium the entry came in: a cell or column of a CSV file or
    sheet, a key of a JSON object, an argument or option of the command line (a data file's `year = 2025`
    hint is for TOML)."""
    if medium == COMMAND_LINE:
        fix = _on_the_command_line(error)
        return error if fix is None else DataError(error.where, error.problem, fix)
    for declared in table.fields:
        if not (declared.required or declared.required_unless):
            continue
        if error.problem != tr("missing required field '{name}'.", name=declared.name):
            continue
        if medium in ("csv", "xlsx"):
            return DataError(
                error.where,
                error.problem,
                tr("Fill in its {name} cell, or add a column named {name}.", name=declared.name),
            )
        if medium == "json":
            return DataError(error.where, error.problem, tr('Add "{name}": … to each object.', name=declared.name))
    return error


#: The arguments `record` and `target` take in order, by the field they give.
_ARGUMENTS = {"indicator": "INDICATOR", "year": "YEAR", "value": "VALUE"}


def _on_the_command_line(error: DataError) -> str | None:
    """The hint of a data file's error as options and arguments: `--change-unit pp`, not `change_unit = "pp"`."""
    for name in (*_ARGUMENTS, "source", "op", "change", "change_unit"):
        if error.problem == tr("missing required field '{name}'.", name=name):
            if name in _ARGUMENTS:
                return tr("Give {argument} after the command's name.", argument=" ".join(_ARGUMENTS.values()))
            return tr("Give it with --{option}.", option=name.replace("_", "-"))
    if error.fix == tr('Add change_unit = "%" (relative), "pp" (percentage points) or "places" (ranks).'):
        return tr("Give --change-unit: % (relative), pp (percentage points) or places (ranks).")
    if error.fix == tr("Add the change as printed, e.g. change = 21."):
        return tr("Give the change as printed with --change, e.g. --change 21.")
    if error.fix == tr("Write the range, e.g. value = [30, 40]."):
        return tr("Give the range as two values after the year, e.g. 30 40.")
    return None


def plan_target(
    dataset: Dataset,
    row: Row,
    where: str,
    plausibility: Plausibility = Plausibility.REFUSE,
    medium: str = "toml",
) -> Plan:
    """Check one target; an identical one already declared is skipped, a different one refused, and a value
    far from the indicator's recent figures in the region refused, warned about or let through."""
    indicator = dataset.indicators.get(str(row.get("indicator")))
    row = value_from_printed(numbers_in(row, where, indicator, actual=False), where, indicator, actual=False)
    row = region_in(row, where, dataset)
    try:
        target = loader.target_from_row(row, where, dataset)
    except DataError as e:
        raise in_medium(e, medium, schema.TARGETS) from e
    for existing in dataset.targets:
        if target_key(existing) != target_key(target):
            continue
        if _same_target(existing, target):
            return Plan(skipped=1)
        raise DataError(
            where,
            tr(
                "{indicator} ({region}, {year}, {op}) is already declared at {place} with another value.",
                indicator=target.indicator,
                region=target.region,
                year=target.year,
                op=target.op.value,
                place=existing.location,
            ),
            tr("Edit that entry instead; a target is unique by indicator, region, year and op."),
        )
    recent = Recent(dataset.actuals.group((target.indicator, region_key(target.region))))
    value = list(target.value) if isinstance(target.value, tuple) else target.value
    indicator = dataset.indicators[target.indicator]
    warnings = _plausible(value, target.year, recent, indicator, where, plausibility)
    return Plan((ordered(row, schema.TARGETS),), warnings=warnings)


def _same_target(a: Target, b: Target) -> bool:
    return a.value == b.value and a.baseline_year == b.baseline_year


def sources_to_declare(dataset: Dataset, sources: Mapping[str, Row], where: str) -> dict[str, Row]:
    """The [sources.ID] tables a draft declares that the data does not hold yet: one declared already is
    skipped when every field the draft gives agrees with it (the draft was imported before, perhaps with
    the title filled in since, in the data); one that says otherwise is refused, naming the fields."""
    new: dict[str, Row] = {}
    for source_id, table in sources.items():
        existing = dataset.sources.get(source_id)
        if existing is None:
            new[source_id] = table
            continue
        given = [f.name for f in schema.SOURCES.fields if f.name in table]
        differ = [name for name in given if _text(table.get(name)) != getattr(existing, name, "")]
        if differ:
            raise DataError(
                where,
                tr(
                    "source '{id}' is already declared, and differs in: {fields}.",
                    id=source_id,
                    fields=", ".join(differ),
                ),
                tr(
                    "Remove its [sources.{id}] table from the draft, or make it the same as the one declared.",
                    id=source_id,
                ),
            )
    return new


def _text(value: TomlValue | None) -> str:
    """A source field as the model keeps it: dates as YYYY-MM-DD, nothing as ""."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def source_table(title: str, date: str | None) -> Row:
    """A new [sources.ID] table from the command line."""
    table: Row = {"title": title}
    if date:
        try:
            table["published"] = dt.date.fromisoformat(date)
        except ValueError as e:
            raise DataError("--source-date", tr("{date!r} is not a date such as 2025-01-15.", date=date)) from e
    return table
