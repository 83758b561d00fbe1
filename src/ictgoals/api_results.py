"""The results of `diff`, `show` and `validate` as the Python API returns them: each gives `to_records()`.

Kept out of `api.py` so that `status` does not pay to define them (a class costs start-up).
`to_records()` gives exactly the rows of the command's JSON output, ready for `pandas.DataFrame`.
"""

from __future__ import annotations

from typing import Any

from ictgoals.analysis.results import DiffReport, Finding, IndicatorView

Record = dict[str, Any]


class DiffResult(DiffReport):
    """A `DiffReport` that gives its rows as records."""

    def to_records(self) -> list[Record]:
        """The JSON's "rows": one per indicator with a figure in the year."""
        from ictgoals.output import rows

        return [rows.diff_row(r) for r in self.rows]

    def target_records(self) -> list[Record]:
        """The JSON's "targets": the targets due in the year, as `status` rows."""
        from ictgoals.output import rows

        return [rows.status_row(r) for r in self.targets]


class ShowResult(IndicatorView):
    """An `IndicatorView` that gives its history as records."""

    def to_records(self) -> list[Record]:
        """The JSON's "history": every figure, derived value and merged-in figure, in order."""
        from ictgoals.output import rows

        history: list[Record] = rows.view_document(self)["history"]
        return history

    def target_records(self) -> list[Record]:
        """The JSON's "targets", as `status` rows."""
        from ictgoals.output import rows

        return [rows.status_row(r) for r in self.targets]


class Findings(list[Finding]):
    """What `validate` found, as a list, that also gives its items as records."""

    def to_records(self) -> list[Record]:
        """One record per finding, with its severity: the JSON's errors then warnings, as in the CSV."""
        from ictgoals.output import rows

        return [{"severity": f.severity.value, **rows.finding(f)} for f in self]
