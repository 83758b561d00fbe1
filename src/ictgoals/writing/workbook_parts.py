"""The parts of an .xlsx workbook, checked before anything parses them: what unpacking them would cost.

A workbook is a zip of XML parts, and openpyxl reads some of them whole (shared strings, styles,
the workbook) before the first row, in Python, at about 10 µs an element: a small file can hold a
part that takes minutes and gigabytes. Each part is streamed here, its elements and bytes counted
at C speed without parsing, and the workbook refused past the limits, or for a DTD (whose entities
can expand without end), before openpyxl sees it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ictgoals.datafiles.located import MAX_FILE_BYTES
from ictgoals.errors import DataError
from ictgoals.i18n import tr

#: How much an .xlsx may hold once unzipped: a workbook is a zip file, and a small one can unpack to gigabytes.
MAX_UNZIPPED_BYTES = 4 * MAX_FILE_BYTES

#: The most XML elements in one part read whole before the first row (shared strings, styles, the workbook),
#: and in all of them together: openpyxl takes 10 to 20 µs an element (styles the most), so they are read in
#: seconds. 250,000 elements hold 125,000 distinct texts, or styles for far more than any sheet uses.
MAX_PART_ELEMENTS = 250_000
MAX_WHOLE_ELEMENTS = 500_000

#: ... and the most bytes: a single text of a gigabyte is no figure either.
MAX_PART_BYTES = 64 * 2**20

#: The most XML elements in one row of a sheet (a sheet has at most 16,384 columns), and the most bytes.
MAX_ROW_ELEMENTS = 100_000
MAX_ROW_BYTES = 16 * 2**20

#: The most XML elements in a sheet (1,048,576 rows of a dozen cells, at about 2 µs each), and the most empty
#: elements (`<c r="B2"/>`): a sheet of figures has few, while a small file can hold millions that cost as
#: much to parse as cells with figures.
MAX_SHEET_ELEMENTS = 25_000_000
MAX_EMPTY_ELEMENTS = 2_000_000

_WORKSHEET = "spreadsheetml.worksheet+xml"
_CONTENT_TYPES = "[Content_Types].xml"
#: Markup a workbook never needs and a hostile one uses: a DTD, whose entities can expand to gigabytes.
_DECLARATIONS = tuple(
    word.encode(encoding) for word in ("<!DOCTYPE", "<!ENTITY") for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")


def unreadable(path: Path, error: BaseException | str) -> DataError:
    """The error for a file that is not a workbook ictgoals can read; `error` is what went wrong, briefly."""
    reason = error if isinstance(error, str) else type(error).__name__
    return DataError(
        path,
        tr("is not a readable .xlsx workbook ({error}).", error=reason),
        tr("Save it from Excel or LibreOffice as .xlsx, or export CSV."),
    )


def inspect(path: Path) -> None:
    """Refuse, before openpyxl unpacks anything, a workbook that would cost more than a workbook of figures
    can: parts that unpack to more than MAX_UNZIPPED_BYTES in all, a DTD (entities expand), a part read whole
    of more than MAX_PART_ELEMENTS elements (a shared-strings bomb), a row of more than MAX_ROW_ELEMENTS.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise unreadable(path, e) from e
    with archive:
        infos = archive.infolist()
        unpacked = sum(item.file_size for item in infos)
        if unpacked > MAX_UNZIPPED_BYTES:
            raise DataError(
                path,
                tr(
                    "would unpack to {size} MB, more than the {limit} MB ictgoals reads from a workbook.",
                    size=f"{unpacked // 2**20:,}",
                    limit=MAX_UNZIPPED_BYTES // 2**20,
                ),
                tr("Save the sheet as CSV, or split the workbook."),
            )
        worksheets = _declared_parts(archive, path)
        whole = 0  # the elements of the parts read whole, together
        for item in infos:
            if item.is_dir() or item.filename == _CONTENT_TYPES:  # that one is scanned, then read, above
                continue
            # Every part, whatever its name: a relationship can lead openpyxl to a sheet called sheet1.dat.
            try:
                whole += _scan(archive, item, item.filename in worksheets)
                if whole > MAX_WHOLE_ELEMENTS:
                    raise _TooBigError(
                        tr(
                            "its parts read whole hold more than {count} XML elements together, more than ictgoals "
                            "reads from a workbook.",
                            count=f"{MAX_WHOLE_ELEMENTS:,}",
                        )
                    )
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as e:
                raise unreadable(path, e) from e  # a damaged part, a wrong checksum, an unknown compression
            except _TooBigError as e:
                raise DataError(path, e.problem, tr("Save the sheet as CSV, or copy it into a new workbook.")) from e
            except _DeclaresError as e:
                raise unreadable(path, str(e)) from e


class _DeclaresError(Exception):
    """A part of the workbook declares a DTD."""


class _TooBigError(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _declared_parts(archive: zipfile.ZipFile, path: Path) -> set[str]:
    """The parts [Content_Types].xml declares worksheets; it is checked like any part before it is parsed here."""
    import xml.etree.ElementTree as ElementTree

    try:
        item = archive.getinfo(_CONTENT_TYPES)
    except KeyError as e:
        raise unreadable(path, tr("no [Content_Types].xml")) from e
    try:
        _scan(archive, item, worksheet=False)
        root = ElementTree.fromstring(archive.read(item))
    except _TooBigError as e:
        raise DataError(path, e.problem) from e
    except (_DeclaresError, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise unreadable(path, str(e) if isinstance(e, _DeclaresError) else e) from e
    except NotImplementedError as e:  # a compression zipfile does not know
        raise unreadable(path, e) from e
    named = {str(node.get("PartName", "")).lstrip("/"): str(node.get("ContentType", "")) for node in root.iter()}
    return {name for name, kind in named.items() if kind.endswith(_WORKSHEET)}


def _scan(archive: zipfile.ZipFile, item: zipfile.ZipInfo, worksheet: bool) -> int:
    """Stream one part, counting its elements (a `<` that opens no end tag) and bytes without parsing it; returns
    the elements of a part read whole (0 for a sheet, read row by row). Raises _TooBigError past the limits, or
    _DeclaresError for a DTD."""
    elements = size = empty = 0
    row = [0, 0]  # the elements and bytes of the row still open at the end of the chunk before
    tail = b""
    with archive.open(item) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            if any(word in data for word in _DECLARATIONS):
                raise _DeclaresError(tr("{part} declares a DTD, which a workbook never needs", part=item.filename))
            if worksheet:
                _rows(data, len(tail), row, item.filename)
                elements += chunk.count(b"<") - chunk.count(b"</")
                empty += chunk.count(b"/>")
                if elements > MAX_SHEET_ELEMENTS or empty > MAX_EMPTY_ELEMENTS:
                    raise _TooBigError(
                        tr(
                            "{part} holds more than {count} XML elements, or {empty} empty ones, more than a sheet "
                            "of figures needs.",
                            part=item.filename,
                            count=f"{MAX_SHEET_ELEMENTS:,}",
                            empty=f"{MAX_EMPTY_ELEMENTS:,}",
                        )
                    )
            else:
                elements += chunk.count(b"<") - chunk.count(b"</")
                size += len(chunk)
                if elements > MAX_PART_ELEMENTS or size > MAX_PART_BYTES:
                    raise _TooBigError(
                        tr(
                            "{part} holds more than {count} XML elements or {size} MB, more than ictgoals reads "
                            "from a workbook.",
                            part=item.filename,
                            count=f"{MAX_PART_ELEMENTS:,}",
                            size=MAX_PART_BYTES // 2**20,
                        )
                    )
            tail = data[-16:]
    return 0 if worksheet else elements


def _rows(data: bytes, skip: int, row: list[int], part: str) -> None:
    """Add the rows in `data` (after its first `skip` bytes, seen before) to `row`, the elements and bytes of
    the row still open; raises _TooBigError for a row of more than MAX_ROW_ELEMENTS or MAX_ROW_BYTES."""
    start = skip
    for match in _ROW.finditer(data, max(0, skip - 15)):
        if match.end() <= skip:
            continue  # wholly in the chunk before, and counted there
        _grow(row, data, start, max(start, match.start()), part)
        row[:] = [0, 0]
        start = match.start()
    _grow(row, data, start, len(data), part)


def _grow(row: list[int], data: bytes, start: int, end: int, part: str) -> None:
    row[0] += data.count(b"<", start, end) - data.count(b"</", start, end)
    row[1] += end - start
    if row[0] > MAX_ROW_ELEMENTS or row[1] > MAX_ROW_BYTES:
        raise _TooBigError(
            tr(
                "{part} has a row of more than {count} XML elements or {size} MB; a sheet has at most 16,384 "
                "columns of at most 32,767 characters.",
                part=part,
                count=f"{MAX_ROW_ELEMENTS:,}",
                size=MAX_ROW_BYTES // 2**20,
            )
        )
