"""Workbooks written part by part, so a test can damage or inflate exactly one part (test_hostile, test_fuzz).

openpyxl writes only well-formed workbooks; these are the files other generators, and hostile people, write.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"

#: Style 1 shows a number as a percentage (built-in format 10, 0.00%); style 2 as a date (14).
STYLES = (
    f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font/></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/>'
    '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)

Cell = str | int | float | None
HEADER: list[Cell] = ["indicator", "year", "value", "source"]


def cell(reference: str, value: Cell, style: int = 0) -> str:
    """One `<c>`: text inline, numbers as numbers; `style` 1 is a percentage, 2 a date."""
    styled = f' s="{style}"' if style else ""
    if value is None:
        return ""
    if isinstance(value, str):
        return f'<c r="{reference}" t="inlineStr"{styled}><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{reference}"{styled}><v>{value!r}</v></c>'


def rows_xml(rows: Sequence[Sequence[Cell]], first: int = 1) -> str:
    """`<row>` elements for `rows`, numbered from `first`."""
    out = []
    for number, values in enumerate(rows, start=first):
        cells = "".join(cell(f"{chr(65 + i)}{number}", v) for i, v in enumerate(values))
        out.append(f'<row r="{number}">{cells}</row>')
    return "".join(out)


def sheet_xml(body: str, dimension: str | None = None) -> str:
    stated = f'<dimension ref="{dimension}"/>' if dimension else ""
    start = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
    return f"{start}{stated}<sheetData>{body}</sheetData></worksheet>"


def parts(
    sheets: Sequence[tuple[str, str, str]] = (("Sheet1", "visible", ""),),
    *,
    shared: Sequence[str] | None = None,
    chartsheets: Sequence[str] = (),
) -> dict[str, str]:
    """The parts of a workbook: `sheets` as (name, state, body of <sheetData>) in order, then `chartsheets`."""
    types = [
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        f'<Override PartName="/xl/workbook.xml" ContentType="{TYPES}.sheet.main+xml"/>',
        f'<Override PartName="/xl/styles.xml" ContentType="{TYPES}.styles+xml"/>',
    ]
    relations = [f'<Relationship Id="rIdStyles" Type="{RELATIONS}/styles" Target="styles.xml"/>']
    listed, out = [], {}
    for number, (name, state, body) in enumerate(sheets, start=1):
        types.append(f'<Override PartName="/xl/worksheets/sheet{number}.xml" ContentType="{TYPES}.worksheet+xml"/>')
        relations.append(
            f'<Relationship Id="rId{number}" Type="{RELATIONS}/worksheet" Target="worksheets/sheet{number}.xml"/>'
        )
        listed.append(f'<sheet name="{escape(name)}" sheetId="{number}" state="{state}" r:id="rId{number}"/>')
        out[f"xl/worksheets/sheet{number}.xml"] = sheet_xml(body)
    for offset, name in enumerate(chartsheets, start=len(sheets) + 1):
        types.append(f'<Override PartName="/xl/chartsheets/sheet{offset}.xml" ContentType="{TYPES}.chartsheet+xml"/>')
        relations.append(
            f'<Relationship Id="rId{offset}" Type="{RELATIONS}/chartsheet" Target="chartsheets/sheet{offset}.xml"/>'
        )
        listed.append(f'<sheet name="{escape(name)}" sheetId="{offset}" r:id="rId{offset}"/>')
        out[f"xl/chartsheets/sheet{offset}.xml"] = (
            f'<chartsheet xmlns="{MAIN}"><sheetViews><sheetView/></sheetViews></chartsheet>'
        )
    if shared is not None:
        types.append(f'<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPES}.sharedStrings+xml"/>')
        relations.append(f'<Relationship Id="rIdStrings" Type="{RELATIONS}/sharedStrings" Target="sharedStrings.xml"/>')
        out["xl/sharedStrings.xml"] = (
            f'<sst xmlns="{MAIN}">' + "".join(f"<si><t>{escape(s)}</t></si>" for s in shared) + "</sst>"
        )
    out["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' + "".join(types) + "</Types>"
    )
    out["_rels/.rels"] = (
        f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" '
        f'Type="{RELATIONS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    out["xl/workbook.xml"] = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONS}"><sheets>{"".join(listed)}</sheets></workbook>'
    )
    out["xl/_rels/workbook.xml.rels"] = f'<Relationships xmlns="{PACKAGE}">{"".join(relations)}</Relationships>'
    out["xl/styles.xml"] = STYLES
    return out


def write(
    path: Path, contents: dict[str, str], streamed: dict[str, Callable[[], Iterable[bytes]]] | None = None
) -> Path:
    """A zip of `contents` at `path`; each part of `streamed` is written from its chunks (a part too big to hold)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in contents.items():
            if streamed and name in streamed:
                with archive.open(name, "w", force_zip64=True) as part:
                    for chunk in streamed[name]():
                        part.write(chunk)
            else:
                archive.writestr(name, text)
    return path


def workbook(path: Path, rows: Sequence[Sequence[Cell]], **options: object) -> Path:
    """A one-sheet workbook of `rows` (the header included)."""
    return write(path, parts((("Sheet1", "visible", rows_xml(rows)),), **options))  # type: ignore[arg-type]
