"""Loader for OpenDocument text (.odt) drafts, as LibreOffice Writer saves them.

Blocks come out in document order like the .docx loader's: paragraphs and headings,
list items with their automatic numbers rendered into the text ("1.", "a)", "II."),
and the paragraphs of every table cell. Tracked changes are read as if accepted
(insertions are inline; deletions live in a separate region that is skipped), and
comments, footnotes and drawings are left out. Fonts of legacy Vietnamese encodings
(TCVN3 ``.VnTime``, ``VNI-Times``) are converted to Unicode as in .docx.

The package and its XML are opened with the guards of :mod:`nghiquyet.plugins.office_package`.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from nghiquyet.engine import hookimpl
from nghiquyet.engine.model import Block, Document, DocumentFormat
from nghiquyet.engine.text import nfc
from nghiquyet.engine.text_limits import TextBudget, TextLimits

from .office import RunCollector, StyleProps, format_number, office_document
from .office_package import (
    Limits,
    PackageKind,
    file_error,
    open_package,
    read_part,
    read_part_bytes,
)
from .office_values import (
    MAX_LIST_START,
    MAX_STYLE_DEPTH,
    ODF_LEVELS,
    lenient_int,
    lenient_number,
)

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEXT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ODT_PACKAGE = PackageKind("not_odt", "gói OpenDocument", "OpenDocument package")

# Inline elements whose content is not part of the paragraph's text.
_SKIPPED_INLINE = {
    TEXT + "note",  # footnotes and endnotes
    OFFICE + "annotation",  # comments
    TEXT + "tracked-changes",
    TEXT + "ruby-text",
}
# Containers in the body whose blocks are read as if they were in the body.
_CONTAINERS = {TEXT + "section", TEXT + "index-body"}
# ODF list number formats, in the names format_number knows.
_NUM_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman"}
_NUM_FORMATS["I"] = "upperRoman"


@dataclass
class _Style:
    props: StyleProps = field(default_factory=StyleProps)
    parent: str | None = None
    display_name: str = ""
    list_style: str | None = None
    outline_level: int | None = None


def _points(value: str | None) -> float | None:
    """A font size in points from ODF lengths ("13pt", "0.5cm"); None for percentages."""
    found = lenient_number(value, 0, 10_000)
    factor = {"pt": 1, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72, "pc": 12, "px": 0.75}
    if found is None or found[1] not in factor:
        return None  # a percentage, or not a length at all ("1.2.3pt", "NaNpt")
    return round(found[0] * factor[found[1]], 1)


def _millimetres(value: str | None) -> int | None:
    points = _points(value)
    return None if points is None else round(points * 25.4 / 72)


def _page_size(root: etree._Element) -> tuple[int, int] | None:
    """Width and height in mm of the body pages: the layout of the "Standard" master
    page (the first one otherwise)."""
    masters = list(root.iter(STYLE + "master-page"))
    if not masters:
        return None
    master = next((m for m in masters if m.get(STYLE + "name") == "Standard"), masters[0])
    wanted = master.get(STYLE + "page-layout-name")
    for layout in root.iter(STYLE + "page-layout"):
        if layout.get(STYLE + "name") == wanted:
            props = layout.find(STYLE + "page-layout-properties")
            if props is None:
                return None
            width = _millimetres(props.get(FO + "page-width"))
            height = _millimetres(props.get(FO + "page-height"))
            return (width, height) if width and height else None
    return None


def _props_of(style: etree._Element, fonts: dict[str, str]) -> StyleProps:
    text = style.find(STYLE + "text-properties")
    para = style.find(STYLE + "paragraph-properties")
    bold = italic = underline = font = size = align = None
    if text is not None:
        weight = text.get(FO + "font-weight")
        if weight:
            bold = weight == "bold" or (lenient_int(weight, 0, 0, 1000) or 0) >= 600
        slant = text.get(FO + "font-style")
        if slant:
            italic = slant in ("italic", "oblique")
        line = text.get(STYLE + "text-underline-style")
        if line:
            underline = line != "none"
        name = text.get(STYLE + "font-name")
        font = fonts.get(name, name) if name else text.get(FO + "font-family")
        if font:
            font = font.strip().strip("'\"")
        size = _points(text.get(FO + "font-size"))
    if para is not None:
        align = para.get(FO + "text-align")
    return StyleProps(bold, italic, underline, font, size, align)


class _Styles:
    """Paragraph and text styles of both style parts, resolved through their parents."""

    def __init__(self, roots: list[etree._Element]):
        self.fonts: dict[str, str] = {}
        self.styles: dict[tuple[str, str], _Style] = {}
        self.defaults: dict[str, StyleProps] = {}
        self.list_styles: dict[str, etree._Element] = {}
        self.outline: etree._Element | None = None
        self.page_mm: tuple[int, int] | None = None
        for root in roots:
            for face in root.iter(STYLE + "font-face"):
                family = face.get(SVG + "font-family") or face.get(STYLE + "name") or ""
                self.fonts[face.get(STYLE + "name", "")] = family.strip().strip("'\"")
        for root in roots:
            for el in root.iter(STYLE + "default-style"):
                self.defaults[el.get(STYLE + "family", "")] = _props_of(el, self.fonts)
            for el in root.iter(STYLE + "style"):
                level = el.get(STYLE + "default-outline-level")
                self.styles[(el.get(STYLE + "family", ""), el.get(STYLE + "name", ""))] = _Style(
                    props=_props_of(el, self.fonts),
                    parent=el.get(STYLE + "parent-style-name"),
                    display_name=el.get(STYLE + "display-name") or el.get(STYLE + "name", ""),
                    list_style=el.get(STYLE + "list-style-name"),
                    outline_level=lenient_int(level, None, 0, ODF_LEVELS),
                )
            for el in root.iter(TEXT + "list-style"):
                self.list_styles[el.get(STYLE + "name", "")] = el
            for el in root.iter(TEXT + "outline-style"):
                self.outline = el
            if self.page_mm is None:
                self.page_mm = _page_size(root)
        self._resolved: dict[tuple[str, str | None], StyleProps] = {}

    def props(self, family: str, name: str | None) -> StyleProps:
        """The properties of a style with everything it inherits (without the default)."""
        key = (family, name)
        if key not in self._resolved:
            props, seen = StyleProps(), set()
            while (
                name
                and (family, name) in self.styles
                and name not in seen
                and len(seen) < MAX_STYLE_DEPTH
            ):
                seen.add(name)
                style = self.styles[(family, name)]
                props = props.over(style.props)  # the child's own values win
                name = style.parent
            self._resolved[key] = props
        return self._resolved[key]

    def inherited(self, family: str, name: str | None, attribute: str):
        """The first value of ``attribute`` up the parent chain of a style."""
        seen = set()
        while (
            name
            and (family, name) in self.styles
            and name not in seen
            and len(seen) < MAX_STYLE_DEPTH
        ):
            seen.add(name)
            style = self.styles[(family, name)]
            value = getattr(style, attribute)
            if value:
                return value
            name = style.parent
        return None


@dataclass
class _ListLevel:
    numbered: bool
    num_format: str = "decimal"
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    display_levels: int = 1


def _levels(list_style: etree._Element | None) -> dict[int, _ListLevel]:
    levels: dict[int, _ListLevel] = {}
    if list_style is None:
        return levels
    for el in list_style:
        level = lenient_int(el.get(TEXT + "level"), None, 1, ODF_LEVELS)
        if level is None:
            continue
        if el.tag in (TEXT + "list-level-style-number", TEXT + "outline-level-style"):
            fmt = el.get(STYLE + "num-format", "")
            levels[level - 1] = _ListLevel(
                numbered=fmt in _NUM_FORMATS,
                num_format=_NUM_FORMATS.get(fmt, "decimal"),
                prefix=el.get(STYLE + "num-prefix", ""),
                suffix=el.get(STYLE + "num-suffix", ""),
                start=lenient_int(el.get(TEXT + "start-value"), 1, 0, MAX_LIST_START),
                display_levels=lenient_int(el.get(TEXT + "display-levels"), 1, 1, ODF_LEVELS),
            )
        else:  # a bullet or an image
            levels[level - 1] = _ListLevel(numbered=False)
    return levels


class _Counters:
    """Running numbers of one list style (or of the heading outline), level by level."""

    def __init__(self, levels: dict[int, _ListLevel]):
        self.levels = levels
        self.values: dict[int, int] = {}

    def next_label(self, level: int, start_value: int | None = None) -> tuple[str, bool]:
        """The label of the next item at ``level`` and whether it is a bullet."""
        spec = self.levels.get(level)
        if spec is None or not spec.numbered:
            return "", True
        for deeper in [lvl for lvl in self.values if lvl > level]:
            del self.values[deeper]  # a new parent item restarts its children
        if start_value is not None:
            self.values[level] = start_value
        else:
            self.values[level] = self.values.get(level, spec.start - 1) + 1
        numbers = []
        for lvl in range(level - spec.display_levels + 1, level + 1):
            parent = self.levels.get(lvl)
            if lvl < 0 or parent is None:
                continue
            value = self.values.get(lvl, parent.start)
            numbers.append(format_number(value, parent.num_format))
        return f"{spec.prefix}{'.'.join(numbers)}{spec.suffix}", False


class _OdtReader:
    """Walks the body of content.xml into Blocks."""

    def __init__(self, styles: _Styles, budget: TextBudget):
        self.styles = styles
        self.budget = budget  # refuses a draft past a text limit as soon as it is passed
        self.blocks: list[Block] = []
        self.tables = 0
        self.fonts: Counter[str] = Counter()
        self.legacy_runs: Counter[str] = Counter()
        self.lists: dict[str, _Counters] = {}
        self.list_ids: dict[str, str] = {}  # xml:id of a list -> its list style
        self.outline = _Counters(_levels(styles.outline))
        self.defaults = styles.defaults.get("paragraph", StyleProps()).over(
            styles.defaults.get("text", StyleProps())
        )

    # -- the body ----------------------------------------------------------------

    def body(self, parent: etree._Element, cell: tuple[int, int, int] | None = None) -> None:
        for child in parent:
            tag = child.tag
            if tag in (TEXT + "p", TEXT + "h"):
                self.paragraph(child, cell)
            elif tag == TEXT + "list":
                self.list(child, cell, level=0, style=None)
            elif tag == TABLE + "table":
                self.table(child)
            elif tag in _CONTAINERS:
                self.body(child, cell)
            elif tag.startswith(TEXT) and tag.endswith(("table-of-content", "index")):
                body = child.find(TEXT + "index-body")
                if body is not None:
                    self.body(body, cell)

    def list(self, el, cell, level: int, style: str | None) -> None:
        style = el.get(TEXT + "style-name") or style
        if level == 0:
            continued = el.get(TEXT + "continue-list")
            if continued in self.list_ids and not el.get(TEXT + "style-name"):
                style = self.list_ids[continued]
            if el.get(XML_ID):
                self.list_ids[el.get(XML_ID)] = style or ""
            restart = not (el.get(TEXT + "continue-numbering") == "true" or continued)
            if style is not None and (restart or style not in self.lists):
                self.lists[style] = _Counters(_levels(self.styles.list_styles.get(style)))
        for item in el:
            if item.tag not in (TEXT + "list-item", TEXT + "list-header"):
                continue
            start = lenient_int(item.get(TEXT + "start-value"), None, 0, MAX_LIST_START)
            numbered = item.tag == TEXT + "list-item"
            for child in item:
                if child.tag in (TEXT + "p", TEXT + "h"):
                    label = ""
                    if numbered and style is not None and style in self.lists:
                        label, _bullet = self.lists[style].next_label(level, start)
                        numbered = False  # only an item's first paragraph is numbered
                    self.paragraph(child, cell, label=label, listed=True)
                elif child.tag == TEXT + "list":
                    self.list(child, cell, level + 1, style)
                elif child.tag == TABLE + "table":
                    self.table(child)

    def table(self, tbl: etree._Element) -> None:
        self.tables += 1
        number = self.tables
        for r, row in enumerate(self._rows(tbl)):
            c = 0
            for cell in row:
                if cell.tag == TABLE + "table-cell":
                    self.budget.cell()
                    self.body(cell, (number, r, c))
                if cell.tag in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                    c += lenient_int(cell.get(TABLE + "number-columns-repeated"), 1, 1, 1024)

    def _rows(self, el: etree._Element):
        for child in el:
            if child.tag == TABLE + "table-row":
                yield child
            elif child.tag in (
                TABLE + "table-header-rows",
                TABLE + "table-rows",
                TABLE + "table-row-group",
            ):
                yield from self._rows(child)

    # -- one paragraph ----------------------------------------------------------------

    def paragraph(self, p, cell, label: str = "", listed: bool = False) -> None:
        style_name = p.get(TEXT + "style-name")
        pprops = self.styles.props("paragraph", style_name).over(self.defaults)
        runs = RunCollector()
        self._inline(p, pprops, runs)
        text = nfc(runs.text())
        self.legacy_runs.update(runs.legacy_runs)
        if not text:
            return
        level = None
        if p.tag == TEXT + "h":
            level = lenient_int(p.get(TEXT + "outline-level"), 1, 1, ODF_LEVELS)
            if not label and not listed:
                label, _ = self.outline.next_label(level - 1)
        else:
            level = self.styles.inherited("paragraph", style_name, "outline_level")
            name = (self.styles.inherited("paragraph", style_name, "display_name") or "").lower()
            if level is None and name == "title":
                level = 1
        if label:
            text = f"{label} {text}"
        self.budget.block(len(text))
        self.fonts.update(runs.fonts)
        kind = (
            "table_cell" if cell else "heading" if level else "list_item" if listed else "paragraph"
        )
        self.blocks.append(runs.block(len(self.blocks) + 1, text, kind, level, pprops.align, cell))

    def _inline(self, el: etree._Element, props: StyleProps, runs: RunCollector) -> None:
        """The text of ``el`` and its inline children, in order, each with its style."""

        def add(text: str | None, style: StyleProps) -> None:
            if text:
                runs.add(text, style.font, style.bold, style.italic, style.underline, style.size)

        add(el.text, props)
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED_INLINE or not tag.startswith(TEXT):
                pass  # comments, notes, drawings, frames: not the paragraph's text
            elif tag == TEXT + "s":
                add(" " * lenient_int(child.get(TEXT + "c"), 1, 0, 100), props)
            elif tag == TEXT + "tab":
                add("\t", props)
            elif tag == TEXT + "line-break":
                add(" ", props)
            elif tag == TEXT + "span":
                span = self.styles.props("text", child.get(TEXT + "style-name"))
                self._inline(child, span.over(props), runs)
            else:  # links, fields, bookmarks, change marks: their text, if any
                self._inline(child, props, runs)
            add(child.tail, props)


def _check_mimetype(path: Path, package: zipfile.ZipFile, limits: Limits) -> None:
    raw = read_part_bytes(package, "mimetype", path, limits)
    if raw is not None and raw.strip() not in (TEXT_MIMETYPE, TEXT_MIMETYPE + b"-template"):
        kind = raw.strip().decode("ascii", "replace")[:80]
        raise file_error(
            path,
            "not_odt",
            f"không phải văn bản OpenDocument (.odt) mà là «{kind}»",
            f"not an OpenDocument text (.odt) but «{kind}»",
        )


def _check_not_encrypted(path: Path, package: zipfile.ZipFile, limits: Limits) -> None:
    manifest = read_part(package, "META-INF/manifest.xml", path, limits)
    if manifest is None:
        return
    for entry in manifest.iter("{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}file-entry"):
        if (
            entry.find("{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}encryption-data")
            is not None
        ):
            raise file_error(
                path,
                "encrypted",
                "tệp được đặt mật khẩu; hãy mở bằng LibreOffice và Lưu thành "
                "một bản không có mật khẩu rồi kiểm tra lại",
                "the file is password-protected; open it in LibreOffice, save a copy "
                "without the password and retry",
            )


def read_odt(
    path: Path, data: bytes, limits: Limits | None = None, text_limits: TextLimits | None = None
) -> Document:
    """Read an .odt from its bytes into a Document, within ``limits`` (the package)
    and ``text_limits`` (the text it holds)."""
    limits = limits or Limits()
    package = open_package(path, data, ODT_PACKAGE, limits)
    with package:
        _check_mimetype(path, package, limits)
        _check_not_encrypted(path, package, limits)
        content = read_part(package, "content.xml", path, limits)
        if content is None:
            raise file_error(
                path,
                "not_odt",
                "gói không có content.xml",
                "no content.xml in the package",
            )
        style_part = read_part(package, "styles.xml", path, limits)
        roots = [root for root in (style_part, content) if root is not None]
        reader = _OdtReader(_Styles(roots), TextBudget(path, text_limits or TextLimits()))
        body = content.find(f"{OFFICE}body/{OFFICE}text")
        if body is None:
            raise file_error(
                path,
                "not_odt",
                "tài liệu không có phần văn bản (có thể là bảng tính hoặc trình chiếu)",
                "the document has no text body (a spreadsheet or a presentation?)",
            )
        reader.body(body)
    return office_document(
        path, "odt", reader.blocks, reader.fonts, reader.legacy_runs, reader.styles.page_mm
    )


# .ott is a Writer template: a draft started from a province's form may still be one
OPENDOCUMENT = DocumentFormat("OpenDocument text", (".odt", ".ott"))


@hookimpl
def document_formats():
    """OpenDocument text, as LibreOffice Writer saves it."""
    return [OPENDOCUMENT]


@hookimpl
def load_document(path, config):
    """Load OpenDocument text files (.odt, and .ott templates) saved by LibreOffice
    Writer or another office suite."""
    if path.suffix.lower() not in OPENDOCUMENT.suffixes:
        return None
    return read_odt(
        path, path.read_bytes(), Limits.from_config(config), TextLimits.from_config(config)
    )
