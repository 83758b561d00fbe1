"""The reviewed `extract` drafts `import` reads: their figures, targets and sources as import rows."""

from __future__ import annotations

import tomllib

from ictgoals.errors import DataError
from ictgoals.i18n import tr
from ictgoals.writing.inputs import Row, typed


def read_draft(text: str, name: str) -> tuple[list[tuple[str, Row]], list[tuple[str, Row]], dict[str, Row]]:
    """The [[actuals]] and [[targets]] entries of a TOML draft (what `ictgoals extract --format toml` writes,
    once a person has reviewed it), each labelled with its table and number for error messages, and the
    [sources.ID] tables it declares."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise DataError(
            name, tr("is not valid TOML: {error}.", error=e), tr("Fix the draft and import it again.")
        ) from e
    unknown = sorted(set(document) - {"actuals", "targets", "sources", "schema"})
    if unknown:
        raise DataError(
            name,
            tr("holds tables an import does not take: {tables}.", tables=", ".join(unknown)),
            tr("Declare indicators in targets.toml; import takes [sources.ID], [[actuals]] and [[targets]]."),
        )
    found: dict[str, list[tuple[str, Row]]] = {"actuals": [], "targets": []}
    for table, rows in found.items():
        entries = document.get(table, [])
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            raise DataError(name, tr("[[{table}]] must be a list of tables.", table=table))
        for number, entry in enumerate(entries, start=1):
            where = tr("{file} {table} entry #{number}", file=name, table=table, number=number)
            rows.append((where, typed(entry, where)))
    sources = document.get("sources", {})
    if not isinstance(sources, dict) or not all(isinstance(table, dict) for table in sources.values()):
        raise DataError(name, tr("[sources] must hold one table per source: [sources.ID]."))
    declared = {str(key): typed(table, f"{name} [sources.{key}]") for key, table in sources.items()}
    return found["actuals"], found["targets"], declared
