"""Loader for Word .docx drafts, reading the package with zipfile and lxml.

Blocks come out in document order: body paragraphs, and the paragraphs of every table
cell (the header and the signature block of a resolution are two-column borderless
tables). Word's automatic list numbering is rendered into the text ("1.", "a)", "II.")
because drafters number their sections that way and the analysis reads it. Tracked
insertions are kept and deletions dropped, as if all changes were accepted.

lxml is used directly (about ten times faster than python-docx); the package and its
XML are opened with the guards of :mod:`nghiquyet.plugins.office_package`, and styles
and list numbers are resolved by :mod:`nghiquyet.plugins.docx_styles`.

Public: :func:`read_docx` (bytes to a Document), :class:`DocxReader` and
:func:`read_docx_blocks` (the blocks with the ``w:p`` element each came from, which
``--annotate`` needs to anchor its comments), :func:`paragraph_text`, and
:func:`convert_doc` for a legacy .doc.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree
from nghiquyet.engine import hookimpl
from nghiquyet.engine.model import Block, Document, DocumentFormat
from nghiquyet.engine.text import nfc
from nghiquyet.engine.text_limits import TextBudget, TextLimits

from .docx_comments import comment_suppressions
from .docx_styles import Numbering, W, first_child, run_props, styles_of
from .office import RunCollector, office_document
from .office_package import (
    OLE_MAGIC,
    Limits,
    PackageKind,
    file_error,
    ole_streams,
    open_package,
    read_part,
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

# LibreOffice converts a legacy .doc when it is installed; a stuck conversion is killed.
SOFFICE_TIMEOUT = 60

WORD = DocumentFormat("Word", (".docx", ".docm"))
WORD_PACKAGE = PackageKind("not_docx", "gói Word", "Word package")
# Word 97-2003: converted with LibreOffice when it is installed, otherwise explained
WORD_97 = DocumentFormat("Word 97-2003", (".doc",), legacy=True)
# Tags and attributes asked for every paragraph and run
_P_PR, _P_STYLE, _JC, _R_PR, _VAL = (W + t for t in ("pPr", "pStyle", "jc", "rPr", "val"))


class DocxReader:
    """Reads the body of a Word document into Blocks, in document order.

    Styles and list numbering come from ``package``; :meth:`body` walks a ``w:body``
    (or a table cell, a content control), which may come from any parse of the same
    document: ``--annotate`` walks python-docx's own tree so that it can put comments
    in it. Afterwards ``blocks`` holds a Block per paragraph with text, and
    ``paragraphs`` the ``w:p`` element each came from, at the same position.
    """

    def __init__(
        self,
        path: Path,
        package: zipfile.ZipFile,
        limits: Limits | None = None,
        text_limits: TextLimits | None = None,
    ):
        self.path = path
        # refuses a draft past a text limit as soon as it is passed (too_large)
        self.budget = TextBudget(path, text_limits or TextLimits())
        self.styles = styles_of(package, path, limits)
        self.numbering = Numbering(read_part(package, "word/numbering.xml", path, limits))
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
                self.budget.cell()
                self.body(tc, (number, r, c))

    def paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None) -> None:
        """Add ``p`` as a Block, with its list number and style, unless it has no text."""
        ppr = first_child(p, _P_PR)
        style_el = first_child(ppr, _P_STYLE) if ppr is not None else None
        style_id = style_el.get(_VAL) if style_el is not None else None
        pstyle = self.styles.get(style_id)
        jc = first_child(ppr, _JC) if ppr is not None else None
        align = jc.get(_VAL) if jc is not None else pstyle.align
        label, listed = self.numbering.paragraph_label(ppr, self.styles.numbering_of(style_id))
        runs = RunCollector()
        for run in _visible_runs(p):
            props = self.styles.run(style_id, run_props(first_child(run, _R_PR)))
            runs.add(
                _run_text(run),
                props.font,
                props.bold,
                props.italic,
                props.underline,
                props.size,
            )
        text = nfc(runs.text())
        if runs.legacy_runs:  # counted as text() decodes them
            self.legacy_runs.update(runs.legacy_runs)
        if not text:
            return
        if label:
            text = f"{label} {text}"
        self.budget.block(len(text))
        fonts = self.fonts
        for font, n in runs.fonts.items():  # Counter.update's checks cost more, per paragraph
            fonts[font] += n
        level = pstyle.heading_level()
        kind = (
            "table_cell"
            if cell
            else "heading"
            if level
            else "list_item"
            if (label or listed)
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


def read_docx(
    path: Path, data: bytes, limits: Limits | None = None, text_limits: TextLimits | None = None
) -> Document:
    """Read a .docx from its bytes into a Document, within ``limits`` (the package)
    and ``text_limits`` (the text it holds)."""
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
        reader = DocxReader(path, package, limits, text_limits)
        body = root.find(W + "body")
        if body is None:
            raise file_error(
                path, "corrupt", "tài liệu không có phần thân", "the document has no body"
            )
        reader.body(body)
        suppressions = comment_suppressions(package, body, reader.paragraphs, path, limits)
        page_mm = None
        size = body.find(f"{W}sectPr/{W}pgSz")
        if size is not None:
            with contextlib.suppress(TypeError, ValueError):  # a page size is only a hint
                page_mm = (
                    round(int(size.get(W + "w")) / 56.7),
                    round(int(size.get(W + "h")) / 56.7),
                )
    document = office_document(
        path, "docx", reader.blocks, reader.fonts, reader.legacy_runs, page_mm
    )
    document.suppressions = suppressions  # Word comments "nghiquyet: bỏ qua NQ601"
    return document


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
    limits, text_limits = Limits.from_config(config), TextLimits.from_config(config)
    data = path.read_bytes()
    if data.startswith(OLE_MAGIC):
        streams = ole_streams(data) or set()
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice and "WordDocument" in streams and "EncryptedPackage" not in streams:
            document = read_docx(path, convert_doc(path, soffice), limits, text_limits)
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
    return read_docx(path, data, limits, text_limits)
