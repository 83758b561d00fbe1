"""The data format is declared once: the docs, the loader's keys and the write order all follow the declaration."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from ictgoals.datafiles import schema
from ictgoals.datafiles.schema import Kind, Table
from ictgoals.model import ChangeUnit, Op
from ictgoals.writing.inputs import Row
from ictgoals.writing.plans import ordered

DATA_FORMAT = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
TABLES = [schema.SOURCES, schema.INDICATORS, schema.TARGETS, schema.ACTUALS]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_the_field_tables_in_the_docs_are_the_declaration(table: Table) -> None:
    found = re.search(rf"<!-- fields:{table.name} [^\n]*-->\n(.*?)<!-- /fields -->", DATA_FORMAT, re.S)
    assert found, f"docs/data-format.md has no field table for {table.name}"
    assert found.group(1) == schema.markdown(table), "regenerate it with schema.markdown(schema.<TABLE>)"


def test_the_docs_table_lists_every_op_the_loader_accepts() -> None:
    row = next(line for line in DATA_FORMAT.splitlines() if line.startswith("| `op` |"))
    assert re.findall(r'`"([^"]+)"`', row) == [op.value for op in Op]


def test_every_field_in_the_docs_examples_is_declared() -> None:
    """The commented TOML examples name only declared keys, and every declared key appears in one."""
    examples = re.findall(r"```toml\n(.*?)```", DATA_FORMAT, re.S)
    keys = {m for block in examples for m in re.findall(r"^([a-z_]+) = ", block, re.M)} - {"schema"}
    declared = {f.name for table in TABLES for f in table.fields} - {"url"}
    assert keys == declared


def test_the_write_order_is_the_declared_order() -> None:
    row: Row = {
        "note": "n",
        "source": "s",
        "value": 1,
        "year": 2025,
        "indicator": "x",
        "printed": "1",
        "estimate": True,
    }
    assert list(ordered(row, schema.ACTUALS)) == ["indicator", "year", "value", "source", "printed", "estimate", "note"]
    target: Row = {"source": "s", "op": ">=", "value": 80, "indicator": "x", "year": 2025, "baseline_year": 2020}
    assert list(ordered(target, schema.TARGETS)) == ["indicator", "year", "op", "value", "baseline_year", "source"]


def test_the_bundled_entries_are_written_in_the_declared_order() -> None:
    """New entries look like the hand-written ones in the bundled data: the same order of fields."""
    for path, table in [(REPO / "targets.toml", schema.TARGETS), (REPO / "actuals.toml", schema.ACTUALS)]:
        for entry in path.read_text(encoding="utf-8").split(f"[[{table.name}]]\n")[1:]:
            keys = re.findall(r"^([a-z_]+) = ", entry.split("\n\n")[0], re.M)
            assert keys == [k for k in table.order if k in keys], (path, keys)


def test_choices_come_from_the_model_enums() -> None:
    assert schema.TARGETS["op"].choices is Op
    assert schema.ACTUALS["change_unit"].choices is ChangeUnit
    assert schema.TARGETS["op"].kind is Kind.CHOICE
    assert {f.name for f in schema.TARGETS.fields if f.required} == {"indicator", "op", "source"}
    assert {f.name for f in schema.ACTUALS.fields if f.required} == {"indicator", "value", "source"}
    assert schema.TARGETS["year"].required_unless == "years"
    assert schema.ACTUALS["year"].required_unless == "period"
