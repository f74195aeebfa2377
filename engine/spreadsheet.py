"""Tables people open in Excel or LibreOffice Calc: CSV and .xlsx.

CSV is UTF-8 with a byte-order mark, without which Excel reads Vietnamese as
Windows-1252 mojibake. An .xlsx sheet gets a formatted header row that stays in
view when scrolling, a filter on every column and widths that fit the text.

Text from a draft never becomes a formula: in CSV a cell that a spreadsheet would
read as one ("=...", "+...", "-...", "@...") is prefixed with an apostrophe, as
OWASP advises against CSV injection; in .xlsx such a cell is stored as text.
openpyxl is imported only here, and only when a workbook is written.
"""

from __future__ import annotations

import csv
import io
import pickle
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .display import escape_controls

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = "1F4E78"  # dark blue, white bold text
# row highlights, Excel's own "bad" and "neutral" cell colours
RED_FILL, YELLOW_FILL = "FFC7CE", "FFEB9C"
MIN_WIDTH, MAX_WIDTH = 6, 60


def _clean(value: object) -> object:
    """Numbers stay numbers; text has its control characters spelled out (an .xlsx
    cannot hold them, and they have no business in a cell)."""
    if value is None or isinstance(value, int | float):
        return value
    return escape_controls(str(value))


def csv_cell(value: object) -> object:
    """A cell for CSV: text that would start a formula gets a leading apostrophe."""
    value = _clean(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV table, UTF-8 with a byte-order mark and Excel's CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return (BOM + out.getvalue()).encode("utf-8")


def new_workbook() -> Workbook:
    """An empty workbook (openpyxl's default sheet removed)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def table_sheet(
    workbook: Workbook,
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    wrap: Sequence[int] = (),
) -> Worksheet:
    """A sheet holding a table: the header formatted and frozen, a filter on every
    column, widths from the content. ``wrap`` are the 1-based columns of long text,
    which wrap within the widest width instead."""
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet = workbook.create_sheet(title[:31])  # Excel's limit on a sheet name
    sheet.append([_clean(h) for h in header])
    for row in rows:
        sheet.append([_clean(v) for v in row])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # text from a draft that starts with "="
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _fit_widths(sheet, wrap)
    return sheet


def _fit_widths(sheet: Worksheet, wrap: Sequence[int]) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(sheet.iter_cols(), start=1):
        longest = max((len(str(c.value)) for c in column if c.value is not None), default=0)
        width = max(MIN_WIDTH, min(longest + 2, MAX_WIDTH))
        sheet.column_dimensions[get_column_letter(index)].width = width
        if index in wrap:
            for cell in column[1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def fill_row(sheet: Worksheet, row: int, colour: str) -> None:
    """Give every cell of ``row`` (1-based) a solid background ``colour`` (RRGGBB)."""
    from openpyxl.styles import PatternFill

    for cell in sheet[row]:
        cell.fill = PatternFill("solid", fgColor=colour)


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


class SpooledTable:
    """A :func:`table_sheet` for a workbook of any size: rows are held in an unnamed
    temporary file as they come, with the longest text of each column, then written
    in openpyxl's write-only mode (which needs the widths before the first row), so
    memory does not grow with the table. ``fill`` colours a whole row, as
    :func:`fill_row` does."""

    def __init__(self, title: str, header: Sequence[str], wrap: Sequence[int] = ()):
        from .report_stream import spool

        self.title, self.wrap = title[:31], set(wrap)  # 31: Excel's limit on a sheet name
        self.header = [_clean(h) for h in header]
        self.longest = [len(str(h)) if h is not None else 0 for h in self.header]
        self.rows = spool()
        self.count = 0

    def add(self, row: Sequence[object], fill: str | None = None) -> None:
        """Hold one row (and the colour of its background, if any)."""
        values = [_clean(v) for v in row]
        for n, value in enumerate(values):
            if value is not None:
                self.longest[n] = max(self.longest[n], len(str(value)))
        pickle.dump((values, fill), self.rows, pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def _held(self) -> Iterable[tuple[list, str | None]]:
        with self.rows:
            self.rows.seek(0)
            for _ in range(self.count):
                yield pickle.load(self.rows)

    def write(self, workbook) -> object:
        """Add the sheet to ``workbook`` (made with ``write_only=True``) and write the
        held rows into it, formatted as :func:`table_sheet` formats them."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        sheet = workbook.create_sheet(self.title)
        for n, longest in enumerate(self.longest, start=1):
            width = max(MIN_WIDTH, min(longest + 2, MAX_WIDTH))
            sheet.column_dimensions[get_column_letter(n)].width = width
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.header))}{self.count + 1}"
        head = []
        for value in self.header:
            cell = WriteOnlyCell(sheet, value)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            head.append(cell)
        sheet.append(head)
        wrapped = Alignment(wrap_text=True, vertical="top")
        for values, fill in self._held():
            cells = []
            for n, value in enumerate(values, start=1):
                if value is None and fill is None and n not in self.wrap:
                    cells.append(None)
                    continue
                cell = WriteOnlyCell(sheet, value)
                if cell.data_type == "f":  # text from a draft that starts with "="
                    cell.data_type = "s"
                if n in self.wrap:
                    cell.alignment = wrapped
                if fill is not None:
                    cell.fill = PatternFill("solid", fgColor=fill)
                cells.append(cell)
            sheet.append(cells)
        return sheet
