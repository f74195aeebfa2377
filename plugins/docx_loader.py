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

import contextlib
import hashlib
import io
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from nghiquyet.engine import hookimpl, legacy
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.model import Block, Document
from nghiquyet.engine.text import nfc

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

# Limits against hostile archives (defaults of the config keys max_zip_entries and
# max_unzipped_mb); checked from the end-of-central-directory record and the central
# directory before any entry is inflated, and again while inflating (a zip header can
# lie). One XML part is also capped, since lxml needs several times its size.
MAX_ENTRIES = 2000
MAX_PART_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
_CHUNK = 1024 * 1024
# LibreOffice converts a legacy .doc when it is installed; a stuck conversion is killed.
SOFFICE_TIMEOUT = 60


@dataclass
class Limits:
    """Resource limits for one package; ``used`` counts bytes inflated so far."""

    entries: int = MAX_ENTRIES
    total_bytes: int = MAX_TOTAL_BYTES
    used: int = 0

    @classmethod
    def from_config(cls, config) -> Limits:
        mb = getattr(config, "max_unzipped_mb", None)
        entries = getattr(config, "max_zip_entries", None)
        total = int(mb * 2**20) if mb else MAX_TOTAL_BYTES
        return cls(entries=int(entries or MAX_ENTRIES), total_bytes=total)


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


def _ole_streams(data: bytes) -> set[str] | None:
    """Names in the directory of an OLE compound file (a .doc, or an encrypted .docx
    whose package sits in an ``EncryptedPackage`` stream); None if it cannot be walked."""
    try:
        shift = struct.unpack_from("<H", data, 30)[0]
        if shift not in (9, 12):
            return None
        size = 1 << shift
        first_dir = struct.unpack_from("<I", data, 48)[0]
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 76) if s < 0xFFFFFFFA]
        fat: list[int] = []
        for sector in fat_sectors:
            offset = (sector + 1) * size
            fat.extend(struct.unpack_from(f"<{size // 4}I", data, offset))
        names: set[str] = set()
        sector, seen = first_dir, 0
        while sector < 0xFFFFFFFA and seen <= len(fat):
            offset = (sector + 1) * size
            for entry in range(size // 128):
                raw = data[offset + entry * 128 : offset + entry * 128 + 128]
                if len(raw) < 128:
                    return None
                length = struct.unpack_from("<H", raw, 64)[0]
                if raw[66] in (1, 2, 5) and 2 <= length <= 64:
                    names.add(raw[: length - 2].decode("utf-16-le", errors="replace"))
            sector = fat[sector] if sector < len(fat) else 0xFFFFFFFE
            seen += 1
        return names
    except (struct.error, IndexError):
        return None


def _zip_entry_count(data: bytes) -> int | None:
    """Entries announced by the end-of-central-directory record (ZIP64 too), read
    before zipfile builds an object per entry."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65557))
    if end < 0 or end + 22 > len(data):
        return None
    count = struct.unpack_from("<H", data, end + 10)[0]
    if count == 0xFFFF:
        locator = data.rfind(b"PK\x06\x07", max(0, end - 40), end)
        if locator >= 0:
            record = struct.unpack_from("<Q", data, locator + 8)[0]
            if record + 40 <= len(data) and data[record : record + 4] == b"PK\x06\x06":
                return struct.unpack_from("<Q", data, record + 32)[0]
    return count


def open_package(path: Path, data: bytes, limits: Limits | None = None) -> zipfile.ZipFile:
    """Open ``data`` as a .docx package or raise an InputError that says why not."""
    limits = limits or Limits()
    if not data:
        raise _fail(path, "empty", "tệp rỗng", "the file is empty")
    if data.startswith(OLE_MAGIC):
        streams = _ole_streams(data)
        if streams is None:  # unreadable directory: look for the stream's name itself
            encrypted = "EncryptedPackage".encode("utf-16-le") in data
        else:
            encrypted = "EncryptedPackage" in streams
        if encrypted:
            raise _fail(
                path,
                "encrypted",
                "tệp được đặt mật khẩu; hãy gỡ mật khẩu trong Word "
                "(Tệp > Thông tin > Bảo vệ tài liệu) rồi kiểm tra lại",
                "the file is password-protected; remove the password in Word "
                "(File > Info > Protect Document) and retry",
            )
        raise _fail(
            path,
            "legacy_doc",
            "đây là tệp Word cũ (.doc); hãy mở bằng Word và Lưu thành .docx, "
            "hoặc chạy: soffice --headless --convert-to docx <tệp>",
            "this is a legacy Word .doc file; open it in Word and save it as .docx, "
            "or run: soffice --headless --convert-to docx <file>",
        )
    if not data.startswith(ZIP_MAGIC):
        raise _fail(
            path,
            "not_docx",
            "không phải tệp .docx (nội dung không phải gói Word)",
            "not a .docx file (the content is not a Word package)",
        )
    announced = _zip_entry_count(data)
    if announced is not None and announced > limits.entries:
        raise _fail(
            path,
            "archive_limit",
            f"gói có {announced} mục, quá giới hạn {limits.entries} (max_zip_entries)",
            f"{announced} entries in the package, over the limit of {limits.entries} "
            "(max_zip_entries)",
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        struct.error,
    ) as e:
        raise _fail(path, "corrupt", f"tệp .docx bị hỏng ({e})", f"corrupt .docx ({e})") from None
    infos = package.infolist()
    if len(infos) > limits.entries:
        raise _fail(
            path,
            "archive_limit",
            f"gói có {len(infos)} mục, quá giới hạn {limits.entries} (max_zip_entries)",
            f"{len(infos)} entries in the package, over the limit of {limits.entries} "
            "(max_zip_entries)",
        )
    total = sum(i.file_size for i in infos)
    if total > limits.total_bytes:
        mb, limit_mb = total // 2**20, limits.total_bytes // 2**20
        raise _fail(
            path,
            "archive_limit",
            f"gói giải nén ra {mb} MB, quá giới hạn {limit_mb} MB (max_unzipped_mb)",
            f"the package inflates to {mb} MB, over the {limit_mb} MB limit (max_unzipped_mb)",
        )
    return package


def read_part(
    package: zipfile.ZipFile, name: str, path: Path, limits: Limits | None = None
) -> etree._Element | None:
    """Parse one XML part, bounded in size; ``None`` if the part is absent."""
    raw = read_part_bytes(package, name, path, limits)
    return None if raw is None else parse_part(raw, name, path)


def read_part_bytes(
    package: zipfile.ZipFile, name: str, path: Path, limits: Limits | None = None
) -> bytes | None:
    """Inflate one part, bounded in size; ``None`` if the part is absent.

    The part is inflated in chunks and counted against the package's budget, so a
    header that understates the size cannot make it inflate more than the limits.
    """
    limits = limits or Limits()
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    part_limit = min(MAX_PART_BYTES, limits.total_bytes)
    too_large = _fail(
        path,
        "archive_limit",
        f"phần {name} giải nén ra quá lớn (giới hạn {part_limit // 2**20} MB)",
        f"part {name} inflates beyond the limit ({part_limit // 2**20} MB)",
    )
    if info.file_size > part_limit or limits.used + info.file_size > limits.total_bytes:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    try:
        with package.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                limits.used += len(chunk)
                if size > part_limit or limits.used > limits.total_bytes:
                    raise too_large
                chunks.append(chunk)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as e:
        raise _fail(path, "corrupt", f"tệp .docx bị hỏng ({e})", f"corrupt .docx ({e})") from None
    return b"".join(chunks)


def parse_part(raw: bytes, name: str, path: Path) -> etree._Element:
    """Parse a part's bytes with the safe parser; hostile or broken XML is refused."""
    hostile = _fail(
        path,
        "hostile_xml",
        f"phần {name} có khai báo DTD/ENTITY, không phải tệp Word hợp lệ",
        f"part {name} declares a DTD or entities; refused",
    )
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw:
        # Word never writes a DTD; one here is an entity attack, not a draft.
        raise hostile
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower() or "huge" in str(exc).lower():
            raise _fail(
                path,
                "hostile_xml",
                f"XML trong {name} lồng nhau quá sâu",
                f"the XML in {name} is nested too deeply",
            ) from None
        raise _fail(
            path, "corrupt", f"XML trong {name} bị hỏng ({exc})", f"broken XML in {name} ({exc})"
        ) from None
    # a DOCTYPE the byte scan missed (UTF-16 part, long prologue): refuse all the same
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise hostile
    return root


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


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


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
                label = label.replace(
                    f"%{lvl + 1}", _format_number(counters.get(lvl, lstart), lfmt)
                )
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


class _DocxReader:
    def __init__(self, path: Path, package: zipfile.ZipFile, limits: Limits | None = None):
        self.path = path
        self.styles = _styles_of(package, path, limits)
        self.numbering = _Numbering(read_part(package, "word/numbering.xml", path, limits))
        self.blocks: list[Block] = []
        self.tables = 0
        self.fonts: Counter[str] = Counter()
        # runs converted from a legacy 8-bit font (TCVN3 .VnTime, VNI-Times), by encoding
        self.legacy_runs: Counter[str] = Counter()

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
        parts: list[str] = []
        weights: Counter[tuple] = Counter()
        fonts: Counter[str] = Counter()
        sizes: Counter[float] = Counter()
        # Consecutive runs in the same legacy font are decoded together: VNI writes a
        # toned letter as a base and a mark byte, and Word splits runs where the
        # formatting changes, even inside a word ("Nghò" bold on "ò" only).
        pending: list[str] = []
        pending_font: str | None = None

        def flush() -> None:
            if pending:
                text, encoding = legacy.decode_font_text("".join(pending), pending_font)
                if encoding:
                    self.legacy_runs[encoding] += len(pending)
                parts.append(text)
                pending.clear()

        for run in self._runs(p):
            props = _run_props(run.find(W + "rPr")).merged(pstyle).merged(self.styles.default)
            text = self._run_text(run)
            if not text:
                continue
            kind = legacy.font_encoding(props.font)
            if kind is None:
                flush()
                parts.append(text)
            else:
                if pending and legacy.font_encoding(pending_font) != kind:
                    flush()
                pending.append(text)
                pending_font = props.font
            visible = len(text.strip())
            if visible:
                weights[(bool(props.bold), bool(props.italic), bool(props.underline))] += visible
                if props.font:
                    fonts[props.font] += visible
                if props.size:
                    sizes[props.size] += visible
        flush()
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
        kind = (
            "table_cell"
            if cell
            else "heading"
            if level
            else "list_item"
            if (label or bullet)
            else "paragraph"
        )
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


def read_docx(path: Path, data: bytes, limits: Limits | None = None) -> Document:
    """Read a .docx from its bytes into a Document, within ``limits``."""
    limits = limits or Limits()
    package = open_package(path, data, limits)
    with package:
        root = read_part(package, "word/document.xml", path, limits)
        if root is None:
            raise _fail(
                path,
                "not_docx",
                "gói không có word/document.xml",
                "no word/document.xml in the package",
            )
        reader = _DocxReader(path, package, limits)
        body = root.find(W + "body")
        if body is None:
            raise _fail(path, "corrupt", "tài liệu không có phần thân", "the document has no body")
        reader.body(body)
        meta: dict = {"fonts": dict(reader.fonts.most_common(5))}
        size = body.find(f"{W}sectPr/{W}pgSz")
        if size is not None:
            with contextlib.suppress(TypeError, ValueError):  # a page size is only a hint
                meta["page_mm"] = (
                    round(int(size.get(W + "w")) / 56.7),
                    round(int(size.get(W + "h")) / 56.7),
                )
    notes = []
    for encoding, count in sorted(reader.legacy_runs.items()):
        notes.append(legacy.note(encoding, count, where="font"))
    if reader.legacy_runs:
        meta["legacy_fonts"] = dict(reader.legacy_runs)
    return Document(path=str(path), format="docx", blocks=reader.blocks, notes=notes, meta=meta)


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
            raise _fail(
                path,
                "legacy_doc",
                f"tệp Word cũ (.doc): LibreOffice không chuyển xong sau {timeout:g} giây; "
                "hãy Lưu thành .docx trong Word",
                f"legacy .doc: LibreOffice did not finish converting within {timeout:g} s; "
                "save it as .docx in Word",
            ) from None
        except OSError as exc:
            raise _fail(
                path,
                "legacy_doc",
                f"tệp Word cũ (.doc): không chạy được LibreOffice ({exc.strerror}); "
                "hãy Lưu thành .docx trong Word",
                f"legacy .doc: could not run LibreOffice ({exc.strerror}); "
                "save it as .docx in Word",
            ) from None
        produced = sorted(out.glob("*.docx"))
        if not produced:
            raise _fail(
                path,
                "legacy_doc",
                "tệp Word cũ (.doc): LibreOffice không chuyển được; "
                "hãy mở bằng Word và Lưu thành .docx",
                "legacy .doc: LibreOffice could not convert it; "
                "open it in Word and save it as .docx",
            )
        return produced[0].read_bytes()


@hookimpl
def load_document(path, config):
    """Load .docx files; convert a legacy .doc with LibreOffice when ``soffice`` is on
    PATH, and otherwise explain what to do with .doc and encrypted files."""
    if path.suffix.lower() not in (".docx", ".docm", ".doc"):
        return None
    limits = Limits.from_config(config)
    data = path.read_bytes()
    if data.startswith(OLE_MAGIC):
        streams = _ole_streams(data) or set()
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
