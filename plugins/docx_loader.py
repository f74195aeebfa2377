"""Loader for Word .docx drafts, reading the package with zipfile and lxml.

Blocks come out in document order: body paragraphs, and the paragraphs of every table
cell (the header and the signature block of a resolution are two-column borderless
tables). Word's automatic list numbering is rendered into the text ("1.", "a)", "II.")
because drafters number their sections that way and the analysis reads it. Tracked
insertions are kept and deletions dropped, as if all changes were accepted.

lxml is used directly (about ten times faster than python-docx); the package and its
XML are opened with the guards of :mod:`nghiquyet.plugins.office_package`.

Public: :func:`read_docx` (bytes to a Document), :class:`DocxReader` and
:func:`read_docx_blocks` (the blocks with the ``w:p`` element each came from, which
``--annotate`` needs to anchor its comments), :func:`paragraph_text`, and
:func:`convert_doc` for a legacy .doc.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from nghiquyet.engine import hookimpl
from nghiquyet.engine.model import Block, Document, DocumentFormat
from nghiquyet.engine.text import nfc

from .office import RunCollector, StyleProps, format_number, office_document
from .office_package import (
    OLE_MAGIC,
    Limits,
    PackageKind,
    file_error,
    ole_streams,
    open_package,
    parse_part,
    read_part,
    read_part_bytes,
)

__all__ = [
    "DocxReader",
    "WORD",
    "WORD_97",
    "convert_doc",
    "document_formats",
    "load_document",
    "paragraph_text",
    "read_docx",
    "read_docx_blocks",
]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# LibreOffice converts a legacy .doc when it is installed; a stuck conversion is killed.
SOFFICE_TIMEOUT = 60

WORD = DocumentFormat("Word", (".docx", ".docm"))
WORD_PACKAGE = PackageKind("not_docx", "gói Word", "Word package")
# Word 97-2003: converted with LibreOffice when it is installed, otherwise explained
WORD_97 = DocumentFormat("Word 97-2003", (".doc",), legacy=True)


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


@dataclass
class _RunStyle(StyleProps):
    """Word's run properties, plus a paragraph style's outline level and name."""

    outline: int | None = None
    name: str = ""

    def merged(self, base: _RunStyle) -> _RunStyle:
        merged = self.over(base)
        merged.name = self.name or base.name
        return merged


def _run_props(rpr: etree._Element | None) -> _RunStyle:
    style = _RunStyle()
    if rpr is None:
        return style
    style.bold = _on(rpr.find(W + "b"))
    style.italic = _on(rpr.find(W + "i"))
    u = rpr.find(W + "u")
    if u is not None:
        style.underline = u.get(W + "val", "single") != "none"
    fonts = rpr.find(W + "rFonts")
    if fonts is not None:
        style.font = fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or fonts.get(W + "cs")
    sz = rpr.find(W + "sz")
    if sz is not None and (sz.get(W + "val") or "").isdigit():
        style.size = int(sz.get(W + "val")) / 2
    return style


class _Styles:
    """Paragraph styles with basedOn inheritance resolved, plus document defaults."""

    def __init__(self, root: etree._Element | None):
        self.raw: dict[str, tuple[_RunStyle, str | None]] = {}
        self.default = _RunStyle()
        self.default_paragraph: str | None = None
        self._cache: dict[str, _RunStyle] = {}
        self.numbering: dict[str, tuple[str, int]] = {}
        if root is None:
            return
        rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default = _run_props(rpr)
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if not sid:
                continue
            props = _run_props(st.find(W + "rPr"))
            name = st.find(W + "name")
            props.name = (name.get(W + "val") if name is not None else sid) or sid
            ppr = st.find(W + "pPr")
            if ppr is not None:
                jc = ppr.find(W + "jc")
                props.align = jc.get(W + "val") if jc is not None else None
                ol = ppr.find(W + "outlineLvl")
                if ol is not None and (ol.get(W + "val") or "").isdigit():
                    props.outline = int(ol.get(W + "val"))
                num = ppr.find(W + "numPr")
                if num is not None:
                    # "List Number"/"List Bullet" number through the style, not the paragraph
                    num_id, ilvl = num.find(W + "numId"), num.find(W + "ilvl")
                    self.numbering[sid] = (
                        num_id.get(W + "val", "0") if num_id is not None else "0",
                        int((ilvl.get(W + "val") if ilvl is not None else "0") or 0),
                    )
            based = st.find(W + "basedOn")
            self.raw[sid] = (props, based.get(W + "val") if based is not None else None)
            if st.get(W + "default") in ("1", "true") and st.get(W + "type") == "paragraph":
                self.default_paragraph = sid

    def numbering_of(self, sid: str | None, depth: int = 0) -> tuple[str, int] | None:
        """(numId, level) a paragraph style numbers with, following basedOn."""
        if not sid or depth > 20 or sid not in self.raw:
            return None
        return self.numbering.get(sid) or self.numbering_of(self.raw[sid][1], depth + 1)

    def get(self, sid: str | None) -> _RunStyle:
        sid = sid or self.default_paragraph
        if not sid or sid not in self.raw:
            return self.default
        if sid not in self._cache:
            self._cache[sid] = self.default  # guards against basedOn cycles
            props, based = self.raw[sid]
            self._cache[sid] = props.merged(self.get(based) if based else self.default)
        return self._cache[sid]


class _Numbering:
    """Renders Word's automatic list numbers ("1.", "a)", "II.") as the user sees them."""

    def __init__(self, root: etree._Element | None):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.num_to_abstract: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl", "0") or 0)
                start = lvl.find(W + "start")
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                levels[ilvl] = (
                    int(start.get(W + "val", "1")) if start is not None else 1,
                    fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(W + "val", "") if text is not None else "",
                )
            self.levels[abstract.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            aid = num.find(W + "abstractNumId")
            if aid is not None:
                self.num_to_abstract[num.get(W + "numId", "")] = aid.get(W + "val", "")

    def label(self, num_id: str, ilvl: int) -> tuple[str, bool]:
        """Return (label, is_bullet) for the next item of list ``num_id`` at ``ilvl``."""
        levels = self.levels.get(self.num_to_abstract.get(num_id, ""), {})
        if ilvl not in levels:
            return "", False
        start, fmt, text = levels[ilvl]
        if fmt == "bullet" or fmt == "none":
            return "", fmt == "bullet"
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]
        label = text
        for lvl in range(ilvl, -1, -1):
            if f"%{lvl + 1}" in label:
                lstart, lfmt, _ = levels.get(lvl, (1, "decimal", ""))
                label = label.replace(f"%{lvl + 1}", format_number(counters.get(lvl, lstart), lfmt))
        return label, False


# Parsed styles by the hash of their bytes. Drafts made from one template (a
# province's form, python-docx's default) share styles.xml, and resolving ~160
# styles costs more than reading the whole text of a short draft.
_STYLES_CACHE: dict[bytes, _Styles] = {}
_STYLES_CACHE_SIZE = 32


def _styles_of(package: zipfile.ZipFile, path: Path, limits: Limits | None) -> _Styles:
    raw = read_part_bytes(package, "word/styles.xml", path, limits)
    if raw is None:
        return _Styles(None)
    key = hashlib.blake2b(raw, digest_size=16).digest()
    styles = _STYLES_CACHE.get(key)
    if styles is None:
        styles = _Styles(parse_part(raw, "word/styles.xml", path))
        if len(_STYLES_CACHE) >= _STYLES_CACHE_SIZE:
            _STYLES_CACHE.pop(next(iter(_STYLES_CACHE)))
        _STYLES_CACHE[key] = styles
    return styles


class DocxReader:
    """Reads the body of a Word document into Blocks, in document order.

    Styles and list numbering come from ``package``; :meth:`body` walks a ``w:body``
    (or a table cell, a content control), which may come from any parse of the same
    document: ``--annotate`` walks python-docx's own tree so that it can put comments
    in it. Afterwards ``blocks`` holds a Block per paragraph with text, and
    ``paragraphs`` the ``w:p`` element each came from, at the same position.
    """

    def __init__(self, path: Path, package: zipfile.ZipFile, limits: Limits | None = None):
        self.path = path
        self.styles = _styles_of(package, path, limits)
        self.numbering = _Numbering(read_part(package, "word/numbering.xml", path, limits))
        self.blocks: list[Block] = []
        self.paragraphs: list[etree._Element] = []
        self.tables = 0
        self.fonts: Counter[str] = Counter()
        # runs converted from a legacy 8-bit font (TCVN3 .VnTime, VNI-Times), by encoding
        self.legacy_runs: Counter[str] = Counter()

    def body(self, parent: etree._Element, cell: tuple[int, int, int] | None = None) -> None:
        """Read the paragraphs and tables in ``parent``; ``cell`` is (table, row, col)
        when ``parent`` is a table cell. Tracked insertions are read, deletions not."""
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, cell)
            elif tag == W + "tbl":
                self.table(child)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.body(content, cell)
            elif tag in (W + "ins", W + "moveTo", W + "customXml"):
                self.body(child, cell)

    def table(self, tbl: etree._Element) -> None:
        """Read every cell of ``tbl``, row by row, numbering the table."""
        self.tables += 1
        number = self.tables
        for r, tr in enumerate(tbl.iterchildren(W + "tr")):
            for c, tc in enumerate(tr.iterchildren(W + "tc")):
                self.body(tc, (number, r, c))

    def paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None) -> None:
        """Add ``p`` as a Block, with its list number and style, unless it has no text."""
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        pstyle = self.styles.get(style_el.get(W + "val") if style_el is not None else None)
        align = pstyle.align
        label, bullet = "", False
        if ppr is not None:
            jc = ppr.find(W + "jc")
            if jc is not None:
                align = jc.get(W + "val")
        numbered = self.styles.numbering_of(
            style_el.get(W + "val") if style_el is not None else None
        )
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is not None:
            num_id, ilvl = num.find(W + "numId"), num.find(W + "ilvl")
            numbered = (
                num_id.get(W + "val", "0") if num_id is not None else (numbered or ("0", 0))[0],
                int((ilvl.get(W + "val") if ilvl is not None else "0") or 0),
            )
        if numbered and numbered[0] != "0":
            label, bullet = self.numbering.label(*numbered)
            bullet = bullet or not label
        runs = RunCollector()
        for run in _visible_runs(p):
            props = _run_props(run.find(W + "rPr")).merged(pstyle).merged(self.styles.default)
            runs.add(
                _run_text(run),
                props.font,
                props.bold,
                props.italic,
                props.underline,
                props.size,
            )
        text = nfc(runs.text())
        self.legacy_runs.update(runs.legacy_runs)  # counted as text() decodes them
        if not text:
            return
        if label:
            text = f"{label} {text}"
        self.fonts.update(runs.fonts)
        level = None
        name = pstyle.name.lower()
        if name.startswith("heading") and name[7:].strip().isdigit():
            level = int(name[7:].strip())
        elif name == "title":
            level = 1
        elif pstyle.outline is not None and pstyle.outline < 9:
            level = pstyle.outline + 1
        kind = (
            "table_cell"
            if cell
            else "heading"
            if level
            else "list_item"
            if (label or bullet)
            else "paragraph"
        )
        self.blocks.append(runs.block(len(self.blocks) + 1, text, kind, level, align, cell))
        self.paragraphs.append(p)


def _visible_runs(p: etree._Element):
    """Runs in order, with tracked deletions and moved-away text left out."""
    for el in p.iter(W + "r"):
        ancestor = el.getparent()
        skip = False
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in (W + "del", W + "moveFrom"):
                skip = True
                break
            ancestor = ancestor.getparent()
        if not skip:
            yield el


def _run_text(run: etree._Element) -> str:
    out = []
    for el in run:
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            out.append(" ")
        elif el.tag == W + "noBreakHyphen":
            out.append("-")
    return "".join(out)


def paragraph_text(p: etree._Element) -> str:
    """The text typed in the paragraph ``p`` as the reader sees it, tracked deletions
    left out; unlike a Block's text, without its list number, legacy fonts unconverted
    and white space as it is."""
    return "".join(_run_text(run) for run in _visible_runs(p))


def read_docx_blocks(
    path: Path, data: bytes, body: etree._Element, limits: Limits | None = None
) -> list[tuple[Block, etree._Element]]:
    """The blocks of ``body``, read with the styles and numbering of the .docx in
    ``data``, each with the ``w:p`` element it came from (see :class:`DocxReader`)."""
    limits = limits or Limits()
    with open_package(path, data, WORD_PACKAGE, limits) as package:
        reader = DocxReader(path, package, limits)
        reader.body(body)
    return list(zip(reader.blocks, reader.paragraphs, strict=True))


def read_docx(path: Path, data: bytes, limits: Limits | None = None) -> Document:
    """Read a .docx from its bytes into a Document, within ``limits``."""
    limits = limits or Limits()
    package = open_package(path, data, WORD_PACKAGE, limits)
    with package:
        root = read_part(package, "word/document.xml", path, limits)
        if root is None:
            raise file_error(
                path,
                "not_docx",
                "gói không có word/document.xml",
                "no word/document.xml in the package",
            )
        reader = DocxReader(path, package, limits)
        body = root.find(W + "body")
        if body is None:
            raise file_error(
                path, "corrupt", "tài liệu không có phần thân", "the document has no body"
            )
        reader.body(body)
        page_mm = None
        size = body.find(f"{W}sectPr/{W}pgSz")
        if size is not None:
            with contextlib.suppress(TypeError, ValueError):  # a page size is only a hint
                page_mm = (
                    round(int(size.get(W + "w")) / 56.7),
                    round(int(size.get(W + "h")) / 56.7),
                )
    return office_document(path, "docx", reader.blocks, reader.fonts, reader.legacy_runs, page_mm)


def convert_doc(path: Path, soffice: str, timeout: float | None = None) -> bytes:
    """Convert a legacy .doc with LibreOffice into a private temporary folder (never
    beside the input) and return the .docx bytes; InputError if it fails or hangs."""
    timeout = SOFFICE_TIMEOUT if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="nghiquyet-doc-") as tmp:
        out, profile = Path(tmp, "out"), Path(tmp, "profile")
        out.mkdir()
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",  # a private profile: no lock clash
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(path.resolve()),
        ]
        try:
            subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=timeout,
                check=False,
                start_new_session=True,
                env={**os.environ, "HOME": tmp},
            )
        except subprocess.TimeoutExpired:
            raise file_error(
                path,
                "legacy_doc",
                f"tệp Word cũ (.doc): LibreOffice không chuyển xong sau {timeout:g} giây; "
                "hãy Lưu thành .docx trong Word",
                f"legacy .doc: LibreOffice did not finish converting within {timeout:g} s; "
                "save it as .docx in Word",
            ) from None
        except OSError as exc:
            raise file_error(
                path,
                "legacy_doc",
                f"tệp Word cũ (.doc): không chạy được LibreOffice ({exc.strerror}); "
                "hãy Lưu thành .docx trong Word",
                f"legacy .doc: could not run LibreOffice ({exc.strerror}); "
                "save it as .docx in Word",
            ) from None
        produced = sorted(out.glob("*.docx"))
        if not produced:
            raise file_error(
                path,
                "legacy_doc",
                "tệp Word cũ (.doc): LibreOffice không chuyển được; "
                "hãy mở bằng Word và Lưu thành .docx",
                "legacy .doc: LibreOffice could not convert it; "
                "open it in Word and save it as .docx",
            )
        return produced[0].read_bytes()


@hookimpl
def document_formats():
    """Word documents, and Word 97-2003 files so that a folder's .doc is not skipped."""
    return [WORD, WORD_97]


@hookimpl
def load_document(path, config):
    """Load .docx files; convert a legacy .doc with LibreOffice when ``soffice`` is on
    PATH, and otherwise explain what to do with .doc and encrypted files."""
    if path.suffix.lower() not in WORD.suffixes + WORD_97.suffixes:
        return None
    limits = Limits.from_config(config)
    data = path.read_bytes()
    if data.startswith(OLE_MAGIC):
        streams = ole_streams(data) or set()
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice and "WordDocument" in streams and "EncryptedPackage" not in streams:
            document = read_docx(path, convert_doc(path, soffice), limits)
            document.notes.insert(
                0,
                {
                    "vi": "Tệp Word cũ (.doc) đã được LibreOffice chuyển sang .docx để đọc; "
                    "tệp gốc không bị thay đổi.",
                    "en": "The legacy .doc was converted to .docx with LibreOffice to be read; "
                    "the original is unchanged.",
                },
            )
            return document
    return read_docx(path, data, limits)
