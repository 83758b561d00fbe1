"""Figures and targets read from a press report, as candidates for a person to review and import."""

from __future__ import annotations

import datetime
import re

from ictgoals.api.regions import resolve_region
from ictgoals.errors import UsageError
from ictgoals.extraction.candidates import Candidate
from ictgoals.extraction.candidates import extract as read
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, Dataset

__all__ = ["extract", "report_date"]


def extract(dataset: Dataset, text: str, *, date: str | None = None, region: str = NATIONAL) -> list[Candidate]:
    """Candidate figures and targets in a report's text (plain or HTML), for a person to review.

    `date` is checked here, before anything is read: any other ValueError out of the reading is a bug (exit 3),
    never the user's input."""
    return read(text, dataset, date=report_date(date), region=resolve_region(dataset, region))


#: A report's date: YYYY, YYYY-MM or YYYY-MM-DD, from 1900 to 2099, in ASCII digits.
_DATE = re.compile(r"((?:19|20)[0-9]{2})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def report_date(date: str | None) -> str | None:
    """`date` as given, once it is known to be a day, a month or a year of the calendar; else a UsageError."""
    if date is None:
        return None
    match = _DATE.fullmatch(date)
    if match is None:
        shaped = re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", date) is not None
        why = tr("the year is outside 1900–2099") if shaped else tr("give it as YYYY-MM-DD, YYYY-MM or YYYY")
        raise UsageError(tr("--date {date}: {why}.", date=repr(date), why=why))
    try:
        datetime.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:  # month 13, 30 February
        raise UsageError(tr("--date {date}: {why}.", date=repr(date), why=tr("the calendar has no such day"))) from None
    return date
