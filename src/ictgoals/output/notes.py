"""The lines said on stderr about a result's rows: warnings from the computation, and `--check`'s findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ictgoals.analysis.status import StatusRow
from ictgoals.i18n import tr
from ictgoals.localize import date_text
from ictgoals.output.text import region_name, short_name, status_word
from ictgoals.provinces import MERGED_ON, Region, catalogue


def region_lines(entries: Sequence[Region], *, commands: bool = False) -> list[str]:
    """What a reader must know about a province itself: that it became part of another, took in others
    (its figures before and after are of different territories), or changed its name; with `commands`,
    how to see the others' figures (`--region`)."""
    lines = []
    for region in entries:
        if region.became:
            lines.append(
                tr(
                    "{name} became the centrally-run city of {successor} on {date}, on the same territory: "
                    "the figures of both names are one series.",
                    name=region.name,
                    successor=region.became,
                    date=date_text(region.since or ""),
                )
            )
        elif not region.current and region.merged_into and region.since and region.merged_into != region.name:
            line = tr(
                "{name} became part of {successor} on {date}; the figures here are those of {name} before.",
                name=region.name,
                successor=region.merged_into,
                date=date_text(region.since),
            )
            if commands:
                line += " " + tr('{successor}\'s own figures: --region "{successor}".', successor=region.merged_into)
            lines.append(line)
        elif region.current and region.formed_from:
            line = tr(
                "{name} took in {parts} on {date}: figures up to 2024 are of {name} as it was, from 2025 of {name} "
                "as it is; a comparison across the change is marked as a series break.",
                name=region.name,
                date=date_text(MERGED_ON),
                parts=", ".join(region.formed_from),
            )
            if commands:
                line += " " + tr(
                    "Their own figures: {options}.", options=", ".join(f'--region "{p}"' for p in region.formed_from)
                )
            lines.append(line)
        elif region.current:
            lines += [
                tr(
                    "{name} was {former} until {date}, on the same territory: "
                    "the figures of both names are one series.",
                    name=region.name,
                    former=earlier.name,
                    date=date_text(earlier.valid_until or ""),
                )
                for earlier in catalogue()
                if earlier.became == region.name
            ]
    return lines


def warning_lines(rows: Iterable[StatusRow]) -> list[str]:
    """What a computation wants a person to know about its rows, one line each, each said once (a province's own
    target and the nation's, judged on the same figures, would say the same)."""
    return list(
        dict.fromkeys(
            tr(
                "warning: {indicator} ({region}, {year}): {warning}.",
                indicator=short_name(row.indicator),
                region=region_name(row.region),
                year=row.target.year,
                warning=warning,
            )
            for row in rows
            for warning in row.warnings
        )
    )


def check_lines(flagged: Sequence[StatusRow], noted: Sequence[StatusRow], total: int) -> list[str]:
    """The lines `status --check` says: one per row it counts as failing, then the verdict; the no-trend
    rows it does not count follow as notes, so the lines headed "check:" are exactly the failures."""
    lines = [
        tr(
            "check: {status}: {indicator} ({region}, {year})",
            status=status_word(r.status),
            indicator=short_name(r.indicator),
            region=region_name(r.region),
            year=r.target.year,
        )
        for r in flagged
    ]
    if flagged:
        lines.append(tr("check failed: {failed} of {total} targets need attention.", failed=len(flagged), total=total))
    else:
        lines.append(tr("check passed: none of the {total} targets counted needs attention.", total=total))
    lines += [
        tr(
            "note: {status}, not counted (--strict counts it): {indicator} ({region}, {year})",
            status=status_word(r.status),
            indicator=short_name(r.indicator),
            region=region_name(r.region),
            year=r.target.year,
        )
        for r in noted
    ]
    return lines


def nothing_of_its_own(region: str, year: int) -> str:
    """Why `--check` refuses a province with no targets of its own due: it would pass having judged nothing."""
    return tr(
        "--check has nothing to check: {region} has no targets of its own due in {year}; the national targets "
        "shown are measured on its figures and are checked with --region VN.",
        region=region_name(region),
        year=year,
    )


def no_targets_line(year: int, years: Sequence[int]) -> str:
    """What to say when no target is due in `year`: the years that have targets."""
    if not years:
        return tr("no target is due in {year}: the data declares no targets.", year=year)
    return tr(
        "no target is due in {year}; targets are due in {years}.",
        year=year,
        years=", ".join(str(y) for y in years),
    )
