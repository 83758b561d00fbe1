"""The lines said on stderr about a result's rows: warnings from the computation, and `--check`'s findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ictgoals.analysis.status import StatusRow
from ictgoals.i18n import pt, tr


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
    """The lines `status --check` says: each row that fails or is noted, then the verdict if any failed."""
    lines = [
        tr(
            "check: {status}: {indicator} ({region}, {year})",
            status=pt("status", r.status.value),
            indicator=r.target.indicator,
            region=r.region,
            year=r.target.year,
        )
        for r in [*flagged, *noted]
    ]
    if flagged:
        lines.append(tr("check failed: {failed} of {total} targets need attention.", failed=len(flagged), total=total))
    return lines
