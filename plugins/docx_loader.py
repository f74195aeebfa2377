"""Loader for Word .docx drafts, reading the package with zipfile and lxml.

Blocks come out in document order: body paragraphs, and the paragraphs of every table
cell (the header and the signature block of a resolution are two-column borderless
tables). Word's automatic list numbering is rendered into the text ("1.", "a)", "II.")
because drafters number their sections that way and the analysis reads it. Tracked
insertions are kept and deletions dropped, as if all changes were accepted.

lxml is used directly (about ten times faster than python-docx) with a parser that
never loads a DTD, resolves an entity or touches the network.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from nghiquyet.engine import hookimpl
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.model import Block, Document
from nghiquyet.engine.text import nfc

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

# Limits against hostile archives; checked from the central directory before any
# entry is inflated, and again while reading (sizes in a zip header can lie).
MAX_ENTRIES = 2000
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _fail(path: Path, code: str, vi: str, en: str) -> InputError:
    return InputError(code, f"{path.name}: {vi}", f"{path.name}: {en}")


def open_package(path: Path, data: bytes) -> zipfile.ZipFile:
    """Open ``data`` as a .docx package or raise an InputError that says why not."""
    if not data:
        raise _fail(path, "empty", "tệp rỗng", "the file is empty")
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise _fail(
                path,
                "encrypted",
                "tệp được đặt mật khẩu; hãy gỡ mật khẩu trong Word rồi kiểm tra lại",
                "the file is password-protected; remove the password in Word and retry",
            )
        raise _fail(
            path,
            "legacy_doc",
            "đây là tệp Word cũ (.doc); hãy mở bằng Word và Lưu thành .docx",
            "this is a legacy Word .doc file; open it in Word and save it as .docx",
        )
    if not data.startswith(ZIP_MAGIC):
        raise _fail(
            path,
            "not_docx",
            "không phải tệp .docx (nội dung không phải gói Word)",
            "not a .docx file (the content is not a Word package)",
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _fail(path, "corrupt", f"tệp .docx bị hỏng ({exc})", f"corrupt .docx ({exc})") from None
    infos = package.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _fail(
            path, "archive_limit", f"gói có {len(infos)} mục, quá giới hạn", f"{len(infos)} entries, over the limit"
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise _fail(
            path,
            "archive_limit",
            f"gói giải nén ra {total // 2**20} MB, quá giới hạn {MAX_TOTAL_BYTES // 2**20} MB",
            f"the package inflates to {total // 2**20} MB, over the {MAX_TOTAL_BYTES // 2**20} MB limit",
        )
    return package


def read_part(package: zipfile.ZipFile, name: str, path: Path) -> etree._Element | None:
    """Parse one XML part, bounded in size; ``None`` if the part is absent."""
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise _fail(path, "archive_limit", f"phần {name} quá lớn", f"part {name} is too large")
    try:
        with package.open(info) as stream:
            raw = stream.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise _fail(path, "corrupt", f"tệp .docx bị hỏng ({exc})", f"corrupt .docx ({exc})") from None
    if len(raw) > MAX_PART_BYTES:
        raise _fail(path, "archive_limit", f"phần {name} quá lớn", f"part {name} is too large")
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw:
        # Word never writes a DTD; one here is an entity attack, not a draft.
        raise _fail(
            path,
            "hostile_xml",
            f"phần {name} có khai báo DTD/ENTITY, không phải tệp Word hợp lệ",
            f"part {name} declares a DTD or entities; refused",
        )
    try:
        return etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        raise _fail(path, "corrupt", f"XML trong {name} bị hỏng ({exc})", f"broken XML in {name} ({exc})") from None


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


@dataclass
class _RunStyle:
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    font: str | None = None
    size: float | None = None
    align: str | None = None
    outline: int | None = None
    name: str = ""

    def merged(self, base: _RunStyle) -> _RunStyle:
        return _RunStyle(
            *(
                getattr(self, f) if getattr(self, f) is not None else getattr(base, f)
                for f in ("bold", "italic", "underline", "font", "size", "align", "outline")
            ),
            name=self.name or base.name,
        )


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


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        r = _roman(n)
        return r if fmt == "upperRoman" else r.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)


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
                label = label.replace(f"%{lvl + 1}", _format_number(counters.get(lvl, lstart), lfmt))
        return label, False


class _DocxReader:
    def __init__(self, path: Path, package: zipfile.ZipFile):
        self.path = path
        self.styles = _Styles(read_part(package, "word/styles.xml", path))
        self.numbering = _Numbering(read_part(package, "word/numbering.xml", path))
        self.blocks: list[Block] = []
        self.tables = 0
        self.fonts: Counter[str] = Counter()

    def body(self, parent: etree._Element, cell: tuple[int, int, int] | None = None) -> None:
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
        self.tables += 1
        number = self.tables
        for r, tr in enumerate(tbl.iterchildren(W + "tr")):
            for c, tc in enumerate(tr.iterchildren(W + "tc")):
                self.body(tc, (number, r, c))

    def paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None) -> None:
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        pstyle = self.styles.get(style_el.get(W + "val") if style_el is not None else None)
        align = pstyle.align
        label, bullet = "", False
        if ppr is not None:
            jc = ppr.find(W + "jc")
            if jc is not None:
                align = jc.get(W + "val")
        numbered = self.styles.numbering_of(style_el.get(W + "val") if style_el is not None else None)
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
        parts: list[str] = []
        weights: Counter[tuple] = Counter()
        fonts: Counter[str] = Counter()
        sizes: Counter[float] = Counter()
        for run in self._runs(p):
            props = _run_props(run.find(W + "rPr")).merged(pstyle).merged(self.styles.default)
            text = self._run_text(run)
            if not text:
                continue
            parts.append(text)
            visible = len(text.strip())
            if visible:
                weights[(bool(props.bold), bool(props.italic), bool(props.underline))] += visible
                if props.font:
                    fonts[props.font] += visible
                if props.size:
                    sizes[props.size] += visible
        text = nfc(" ".join("".join(parts).split()))
        if not text:
            return
        if label:
            text = f"{label} {text}"
        total = sum(weights.values()) or 1
        bold = sum(n for (b, _, _), n in weights.items() if b) / total > 0.5
        italic = sum(n for (_, i, _), n in weights.items() if i) / total > 0.5
        underline = sum(n for (_, _, u), n in weights.items() if u) / total > 0.5
        self.fonts.update(fonts)
        level = None
        name = pstyle.name.lower()
        if name.startswith("heading") and name[7:].strip().isdigit():
            level = int(name[7:].strip())
        elif name == "title":
            level = 1
        elif pstyle.outline is not None and pstyle.outline < 9:
            level = pstyle.outline + 1
        kind = "table_cell" if cell else "heading" if level else "list_item" if (label or bullet) else "paragraph"
        index = len(self.blocks) + 1
        self.blocks.append(
            Block(
                index=index,
                text=text,
                kind=kind,
                line=index,
                heading_level=level,
                bold=bold,
                italic=italic,
                underline=underline,
                centered=align == "center",
                right_aligned=align in ("right", "end"),
                font=fonts.most_common(1)[0][0] if fonts else None,
                size_pt=sizes.most_common(1)[0][0] if sizes else None,
                table=cell[0] if cell else None,
                row=cell[1] if cell else None,
                col=cell[2] if cell else None,
            )
        )

    @staticmethod
    def _runs(p: etree._Element):
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

    @staticmethod
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


def read_docx(path: Path, data: bytes) -> Document:
    package = open_package(path, data)
    with package:
        root = read_part(package, "word/document.xml", path)
        if root is None:
            raise _fail(path, "not_docx", "gói không có word/document.xml", "no word/document.xml in the package")
        reader = _DocxReader(path, package)
        body = root.find(W + "body")
        if body is None:
            raise _fail(path, "corrupt", "tài liệu không có phần thân", "the document has no body")
        reader.body(body)
        meta: dict = {"fonts": dict(reader.fonts.most_common(5))}
        size = body.find(f"{W}sectPr/{W}pgSz")
        if size is not None:
            try:
                meta["page_mm"] = (
                    round(int(size.get(W + "w")) / 56.7),
                    round(int(size.get(W + "h")) / 56.7),
                )
            except (TypeError, ValueError):
                pass
    return Document(path=str(path), format="docx", blocks=reader.blocks, meta=meta)


@hookimpl
def load_document(path, config):
    """Load .docx files (and explain what to do with .doc and encrypted ones)."""
    if path.suffix.lower() not in (".docx", ".docm", ".doc"):
        return None
    return read_docx(path, path.read_bytes())
