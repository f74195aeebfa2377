"""What the .docx and .odt loaders share: opening a zip package of an office document
safely, parsing its XML parts safely, list numbers, and a paragraph's style by majority.

Both formats are zip packages of XML parts, so both meet the same hostile inputs: zip
bombs (capped by entry count and inflated size before and while inflating) and XML
attacks (DTDs, entities, deep nesting; refused). lxml is used with a parser that never
loads a DTD, resolves an entity or touches the network.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from nghiquyet.engine import legacy
from nghiquyet.engine.errors import InputError
from nghiquyet.engine.model import Block, Document
from nghiquyet.engine.text import RUN_IN_MAX_WORDS

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


def _corrupt(path: Path, reason: object) -> InputError:
    suffix = path.suffix.lower() or ".docx"
    return _fail(
        path, "corrupt", f"tệp {suffix} bị hỏng ({reason})", f"corrupt {suffix} ({reason})"
    )


# The error code and the name of the package a suffix promises, for a file that is
# not a zip at all (e.g. a text file renamed).
_PACKAGE_NAMES = {
    ".docx": ("not_docx", "gói Word", "Word package"),
    ".docm": ("not_docx", "gói Word", "Word package"),
    ".odt": ("not_odt", "gói OpenDocument", "OpenDocument package"),
}


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
    """Open ``data`` as an office package (.docx, .odt) or raise an InputError that
    says why not. The checks run before anything is inflated."""
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
        code, vi_name, en_name = _PACKAGE_NAMES.get(path.suffix.lower(), _PACKAGE_NAMES[".docx"])
        suffix = path.suffix.lower() or ".docx"
        raise _fail(
            path,
            code,
            f"không phải tệp {suffix} (nội dung không phải {vi_name})",
            f"not a {suffix} file (the content is not a {en_name})",
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
        raise _corrupt(path, e) from None
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
        raise _corrupt(path, e) from None
    return b"".join(chunks)


def parse_part(raw: bytes, name: str, path: Path) -> etree._Element:
    """Parse a part's bytes with the safe parser; hostile or broken XML is refused."""
    hostile = _fail(
        path,
        "hostile_xml",
        f"phần {name} có khai báo DTD/ENTITY, không phải tài liệu văn phòng hợp lệ",
        f"part {name} declares a DTD or entities; refused",
    )
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw:
        # Word and LibreOffice never write a DTD; one here is an entity attack, not a draft.
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


# ---------------------------------------------------------------------------
# List numbers

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


def roman(n: int) -> str:
    """``n`` in Roman numerals, upper case ("XIV")."""
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """``n`` as a list label: Word's formats (decimal, upperRoman, lowerLetter, ...)."""
    if fmt in ("upperRoman", "lowerRoman"):
        r = roman(n)
        return r if fmt == "upperRoman" else r.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)


def office_document(
    path: Path,
    fmt: str,
    blocks: list[Block],
    fonts: Counter[str],
    legacy_runs: Counter[str],
    page_mm: tuple[int, int] | None,
) -> Document:
    """The Document a word processor's file gives: its blocks, the fonts it uses most,
    its page size, and a note for each legacy encoding whose runs were converted."""
    meta: dict = {"fonts": dict(fonts.most_common(5))}
    if page_mm:
        meta["page_mm"] = page_mm
    notes = [legacy.note(enc, count, where="font") for enc, count in sorted(legacy_runs.items())]
    if legacy_runs:
        meta["legacy_fonts"] = dict(legacy_runs)
    return Document(path=str(path), format=fmt, blocks=blocks, notes=notes, meta=meta)


# ---------------------------------------------------------------------------
# A paragraph's runs: legacy fonts decoded, style by majority of visible characters


@dataclass
class StyleProps:
    """Character and paragraph properties of a run or a style; None means "inherit"."""

    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    font: str | None = None
    size: float | None = None
    align: str | None = None

    def over(self, base: StyleProps):
        """These properties, falling back to ``base`` wherever they are unset."""
        # once per run of every paragraph: a plain dict copy, not dataclasses.replace
        merged = object.__new__(type(self))
        values = dict(self.__dict__)
        for name, value in values.items():
            if value is None:
                values[name] = base.__dict__.get(name)
        merged.__dict__.update(values)
        return merged


class RunCollector:
    """Collects a paragraph's runs (text, font, bold, italic, underline, size) and gives
    its text and its style as most of its visible characters have it.

    Consecutive runs in the same legacy font are decoded together: VNI writes a toned
    letter as a base and a mark byte, and editors split runs wherever the formatting
    changes, even inside a word ("Nghò" with only "ò" in bold).
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.legacy_runs: Counter[str] = Counter()
        self.weights: Counter[tuple[bool, bool, bool]] = Counter()
        self.fonts: Counter[str] = Counter()
        self.sizes: Counter[float] = Counter()
        self._pending: list[str] = []
        self._pending_font: str | None = None
        # (text, emphasised) of each run, to find a run-in heading
        self._emphasis: list[tuple[str, bool]] = []

    def add(
        self,
        text: str,
        font: str | None = None,
        bold: bool | None = None,
        italic: bool | None = None,
        underline: bool | None = None,
        size: float | None = None,
    ) -> None:
        if not text:
            return
        kind = legacy.font_encoding(font)
        if kind is None:
            self._flush()
            self.parts.append(text)
        else:
            if self._pending and legacy.font_encoding(self._pending_font) != kind:
                self._flush()
            self._pending.append(text)
            self._pending_font = font
        visible = len(text.strip())
        self._emphasis.append((text, bool(bold or italic)))
        if visible:
            self.weights[(bool(bold), bool(italic), bool(underline))] += visible
            if font:
                self.fonts[font] += visible
            if size:
                self.sizes[size] += visible

    def _flush(self) -> None:
        if self._pending:
            text, encoding = legacy.decode_font_text("".join(self._pending), self._pending_font)
            if encoding:
                self.legacy_runs[encoding] += len(self._pending)
            self.parts.append(text)
            self._pending.clear()

    def text(self) -> str:
        """The paragraph's text, runs joined, white space collapsed."""
        self._flush()
        return " ".join("".join(self.parts).split())

    def run_in(self) -> str | None:
        """The emphasised words that open the paragraph and end in "." or ":", when
        plain text follows ("**Tình hình.** Hợp tác xã có 64 thành viên ...")."""
        plain = next((n for n, (_, emphasised) in enumerate(self._emphasis) if not emphasised), 0)
        if not plain:
            return None  # nothing emphasised first, or all of it: a heading, not a run-in
        label = " ".join("".join(text for text, _ in self._emphasis[:plain]).split())
        rest = "".join(text for text, _ in self._emphasis[plain:]).strip()
        if not rest or not label.endswith((".", ":")) and not rest.startswith((".", ":")):
            return None
        label = label if label.endswith((".", ":")) else label + rest[0]
        if self.legacy_runs:
            return None  # the label would still be in 8-bit codes
        return label if len(label.split()) <= RUN_IN_MAX_WORDS else None

    def block(
        self,
        index: int,
        text: str,
        kind: str,
        heading_level: int | None,
        align: str | None,
        cell: tuple[int, int, int] | None,
    ) -> Block:
        """The paragraph as a Block: its place, its alignment and its runs' style."""
        return Block(
            index=index,
            text=text,
            kind=kind,
            line=index,
            heading_level=heading_level,
            centered=align == "center",
            right_aligned=align in ("right", "end"),
            table=cell[0] if cell else None,
            row=cell[1] if cell else None,
            col=cell[2] if cell else None,
            run_in=self.run_in(),
            **self.style(),
        )

    def style(self) -> dict:
        """bold, italic, underline (true for most visible characters), font and size_pt
        (the most common), as keyword arguments of :class:`Block`."""
        total = sum(self.weights.values()) or 1

        def share(position: int) -> bool:
            return sum(n for key, n in self.weights.items() if key[position]) / total > 0.5

        return {
            "bold": share(0),
            "italic": share(1),
            "underline": share(2),
            "font": self.fonts.most_common(1)[0][0] if self.fonts else None,
            "size_pt": self.sizes.most_common(1)[0][0] if self.sizes else None,
        }
