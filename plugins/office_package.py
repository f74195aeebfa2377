"""Opening the zip package of an office document (.docx, .odt) and parsing its XML
parts, safely.

Both formats are zip packages of XML parts, so both meet the same hostile inputs: zip
bombs (capped by entry count and inflated size before and while inflating) and XML
attacks (DTDs, entities, deep nesting; refused). lxml is used with a parser that never
loads a DTD, resolves an entity or touches the network. An OLE compound file where a
package was expected is a password-protected package or a legacy Word .doc, and the
error says which.
"""

from __future__ import annotations

import hashlib
import io
import lzma
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from lxml import etree
from nghiquyet.engine.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

# Limits against hostile archives (defaults of the config keys max_zip_entries and
# max_unzipped_mb); checked from the end-of-central-directory record and the central
# directory before any entry is inflated, and again while inflating (a zip header can
# lie). One XML part is also capped, since lxml needs several times its size.
MAX_ENTRIES = 2000
MAX_PART_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
# A part is inflated this much at a time, so the budget is checked as it grows.
_CHUNK = 1024 * 1024


@dataclass
class Limits:
    """Resource limits for one package; ``used`` counts bytes inflated so far."""

    entries: int = MAX_ENTRIES
    total_bytes: int = MAX_TOTAL_BYTES
    used: int = 0

    @classmethod
    def from_config(cls, config) -> Limits:
        """The limits of ``config`` (max_zip_entries, max_unzipped_mb), else the defaults."""
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


def file_error(path: Path, code: str, vi: str, en: str) -> InputError:
    """An InputError whose messages start with the file's name."""
    return InputError(code, f"{path.name}: {vi}", f"{path.name}: {en}")


def _corrupt(path: Path, reason: object) -> InputError:
    suffix = path.suffix.lower() or ".docx"
    return file_error(
        path, "corrupt", f"tệp {suffix} bị hỏng ({reason})", f"corrupt {suffix} ({reason})"
    )


class PackageKind(NamedTuple):
    """What a loader expects a file to be, named when it is not a zip at all (a text
    file renamed): the error code, and the package's name in Vietnamese and English."""

    code: str
    vi: str
    en: str


def ole_streams(data: bytes) -> set[str] | None:
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


def open_package(
    path: Path, data: bytes, kind: PackageKind, limits: Limits | None = None
) -> zipfile.ZipFile:
    """Open ``data`` as an office package of ``kind`` or raise an InputError that
    says why not. The checks run before anything is inflated."""
    limits = limits or Limits()
    if not data:
        raise file_error(path, "empty", "tệp rỗng", "the file is empty")
    if data.startswith(OLE_MAGIC):
        raise _ole_error(path, data)
    if not data.startswith(ZIP_MAGIC):
        suffix = path.suffix.lower() or ".docx"
        raise file_error(
            path,
            kind.code,
            f"không phải tệp {suffix} (nội dung không phải {kind.vi})",
            f"not a {suffix} file (the content is not a {kind.en})",
        )
    announced = _zip_entry_count(data)
    if announced is not None:
        _check_entries(path, announced, limits)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        struct.error,
        NotImplementedError,  # an entry claims a zip version zipfile cannot extract
    ) as e:
        raise _corrupt(path, e) from None
    infos = package.infolist()
    _check_entries(path, len(infos), limits)
    _check_inflated_size(path, sum(i.file_size for i in infos), limits)
    return package


def _ole_error(path: Path, data: bytes) -> InputError:
    """Why an OLE compound file is not read: a password (Word wraps an encrypted
    package in OLE) or a legacy .doc."""
    streams = ole_streams(data)
    if streams is None:  # unreadable directory: look for the stream's name itself
        encrypted = "EncryptedPackage".encode("utf-16-le") in data
    else:
        encrypted = "EncryptedPackage" in streams
    if encrypted:
        return file_error(
            path,
            "encrypted",
            "tệp được đặt mật khẩu; hãy gỡ mật khẩu trong Word "
            "(Tệp > Thông tin > Bảo vệ tài liệu) rồi kiểm tra lại",
            "the file is password-protected; remove the password in Word "
            "(File > Info > Protect Document) and retry",
        )
    return file_error(
        path,
        "legacy_doc",
        "đây là tệp Word cũ (.doc); hãy mở bằng Word và Lưu thành .docx, "
        "hoặc chạy: soffice --headless --convert-to docx <tệp>",
        "this is a legacy Word .doc file; open it in Word and save it as .docx, "
        "or run: soffice --headless --convert-to docx <file>",
    )


def _check_entries(path: Path, count: int, limits: Limits) -> None:
    if count > limits.entries:
        raise file_error(
            path,
            "archive_limit",
            f"gói có {count} mục, quá giới hạn {limits.entries} (max_zip_entries)",
            f"{count} entries in the package, over the limit of {limits.entries} (max_zip_entries)",
        )


def _check_inflated_size(path: Path, total: int, limits: Limits) -> None:
    if total > limits.total_bytes:
        mb, limit_mb = total // 2**20, limits.total_bytes // 2**20
        raise file_error(
            path,
            "archive_limit",
            f"gói giải nén ra {mb} MB, quá giới hạn {limit_mb} MB (max_unzipped_mb)",
            f"the package inflates to {mb} MB, over the {limit_mb} MB limit (max_unzipped_mb)",
        )


def read_part(
    package: zipfile.ZipFile, name: str, path: Path, limits: Limits | None = None
) -> etree._Element | None:
    """Parse one XML part, bounded in size; ``None`` if the part is absent."""
    raw = read_part_bytes(package, name, path, limits)
    return None if raw is None else parse_part(raw, name, path)


def _part_budget(info: zipfile.ZipInfo, path: Path, limits: Limits) -> tuple[int, InputError]:
    """(the most ``info``'s part may inflate to, the error when it does), after the
    check of its announced size against the limits and what the package used so far."""
    name = info.filename
    part_limit = min(MAX_PART_BYTES, limits.total_bytes)
    too_large = file_error(
        path,
        "archive_limit",
        f"phần {name} giải nén ra quá lớn (giới hạn {part_limit // 2**20} MB)",
        f"part {name} inflates beyond the limit ({part_limit // 2**20} MB)",
    )
    if info.file_size > part_limit or limits.used + info.file_size > limits.total_bytes:
        raise too_large
    return part_limit, too_large


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
    part_limit, too_large = _part_budget(info, path, limits)
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
        NotImplementedError,  # a compression method or zip version zipfile cannot read
        RuntimeError,
        lzma.LZMAError,  # an LZMA entry with broken options or data: not an OSError
    ) as e:
        raise _corrupt(path, e) from None
    return b"".join(chunks)


def stored_entry_digest(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """A digest of everything :func:`read_part_bytes` reads of the entry ``info``
    (its central-directory fields, local header and compressed bytes), without
    inflating it; None when the package is not held in memory or the entry lies
    outside it. Two entries with one digest inflate to the same bytes, or fail alike."""
    fp = package.fp
    if not isinstance(fp, io.BytesIO):
        return None
    with fp.getbuffer() as data:
        start = info.header_offset
        if start < 0 or start + 30 > len(data):
            return None
        name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
        end = start + 30 + name_length + extra_length + info.compress_size
        if end > len(data):
            return None
        digest = hashlib.blake2b(digest_size=16)
        fields = (info.filename, info.CRC, info.file_size, info.compress_size)
        digest.update(repr((*fields, info.compress_type, info.flag_bits)).encode())
        digest.update(data[start:end])
        return digest.digest()


def charge_part(
    package: zipfile.ZipFile, name: str, path: Path, limits: Limits | None, size: int
) -> None:
    """Count a part that inflated to ``size`` bytes in an entry read before (the same
    stored bytes) against ``limits``, refusing it as :func:`read_part_bytes` would."""
    limits = limits or Limits()
    part_limit, too_large = _part_budget(package.getinfo(name), path, limits)
    limits.used += size
    if size > part_limit or limits.used > limits.total_bytes:
        raise too_large


def parse_part(raw: bytes, name: str, path: Path) -> etree._Element:
    """Parse a part's bytes with the safe parser; hostile or broken XML is refused."""
    hostile = file_error(
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
            raise file_error(
                path,
                "hostile_xml",
                f"XML trong {name} lồng nhau quá sâu",
                f"the XML in {name} is nested too deeply",
            ) from None
        raise file_error(
            path, "corrupt", f"XML trong {name} bị hỏng ({exc})", f"broken XML in {name} ({exc})"
        ) from None
    # a DOCTYPE the byte scan missed (UTF-16 part, long prologue): refuse all the same
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise hostile
    return root
