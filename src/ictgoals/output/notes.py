"""The lines said on stderr about a result's rows: warnings from the computation, and `--check`'s findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ictgoals.analysis.status import StatusRow
from ictgoals.i18n import tr
from ictgoals.output.text import status_word


def warning_lines(rows: Iterable[StatusRow]) -> list[str]:
    """What a computation wants a person to know about its rows, one line each."""
    return [
        tr(
            "warning: {indicator} ({region}, {year}): {warning}.",
            indicator=row.target.indicator,
            region=row.region,
            year=row.target.year,
            warning=warning,
        )
        for row in rows
        for warning in row.warnings
    ]


def check_lines(flagged: Sequence[StatusRow], noted: Sequence[StatusRow], total: int) -> list[str]:
    """The lines `status --check` says: one per row it counts as failing, then the verdict; the no-trend
    rows it does not count follow as notes, so the lines headed "check:" are exactly the failures."""
    lines = [
        tr(
            "check: {status}: {indicator} ({region}, {year})",
            status=status_word(r.status),
            indicator=r.target.indicator,
            region=r.region,
            year=r.target.year,
        )
        for r in flagged
    ]
    if flagged:
        lines.append(tr("check failed: {failed} of {total} targets need attention.", failed=len(flagged), total=total))
    lines += [
        tr(
            "note: {status}, not counted (--strict counts it): {indicator} ({region}, {year})",
            status=status_word(r.status),
            indicator=r.target.indicator,
            region=r.region,
            year=r.target.year,
        )
        for r in noted
    ]
    return lines


def no_targets_line(year: int, years: Sequence[int]) -> str:
    """What to say when no target is due in `year`: the years that have targets."""
    if not years:
        return tr("no target is due in {year}: the data declares no targets.", year=year)
    return tr(
        "no target is due in {year}; targets are due in {years}.",
        year=year,
        years=", ".join(str(y) for y in years),
    )
